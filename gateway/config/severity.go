package config

// Severities, most severe first.
const (
	SeverityCritical = "critical"
	SeverityHigh     = "high"
	SeverityMedium   = "medium"
	SeverityLow      = "low"
)

// Severities lists the severity levels from most to least severe.
var Severities = []string{SeverityCritical, SeverityHigh, SeverityMedium, SeverityLow}

// SeverityRank orders severities: low=1 medium=2 high=3 critical=4; "" and
// unknown values are 0.
func SeverityRank(s string) int {
	switch s {
	case SeverityLow:
		return 1
	case SeverityMedium:
		return 2
	case SeverityHigh:
		return 3
	case SeverityCritical:
		return 4
	}
	return 0
}

// ThresholdMet reports whether a ticket of the given severity reaches an
// auto_analyze_threshold. "disabled", an unknown threshold and an unknown
// severity never do.
func ThresholdMet(threshold, severity string) bool {
	t, s := SeverityRank(threshold), SeverityRank(severity)
	return t > 0 && s >= t
}
