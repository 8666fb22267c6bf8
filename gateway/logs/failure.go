package logs

import "strings"

// The failure definition of Record.Failure, spelled for query languages, so
// a store counts exactly the lines a file scan would call failures: a
// status field holding 500–599, or a level NormalizeLevel maps to
// LevelError while the status is not 400–499.

// errorLevelWords are the spellings NormalizeLevel maps to LevelError.
var errorLevelWords = []string{"error", "err", "eror", "fatal", "critical", "crit", "panic", "emerg", "emergency", "alert", "severe", "e", "f"}

// ErrorLevelAlternation is a case-insensitive RE2 alternation, without
// anchors, of every level value NormalizeLevel maps to LevelError: the
// words above and the numbers of syslog (0–3) and bunyan/pino (50 and
// above). LogQL anchors regexps itself; use ErrorLevelRegexp elsewhere.
var ErrorLevelAlternation = "(?i)" + strings.Join(errorLevelWords, "|") + "|0*[0-3]|0*[5-9][0-9]|0*[1-9][0-9]{2,15}"

// ErrorLevelRegexp is ErrorLevelAlternation anchored to the whole value.
var ErrorLevelRegexp = "(?i)^(?:" + strings.TrimPrefix(ErrorLevelAlternation, "(?i)") + ")$"

// Status patterns (whole value): parseStatus accepts exactly three digits.
const (
	Status5xxRegexp = "5[0-9][0-9]"
	Status4xxRegexp = "4[0-9][0-9]"
)

// ErrorLevelTerms lists exact level values for stores that match keywords
// exactly (Elasticsearch terms): each word in lower, upper and title case,
// and the numeric levels in use (syslog 0–3, bunyan/pino 50 and 60). Mixed
// case like "eRRor" is not matched there.
func ErrorLevelTerms() []string {
	return append(caseVariants(errorLevelWords), "0", "1", "2", "3", "50", "60")
}

// warnLevelWords are the spellings NormalizeLevel maps to LevelWarn.
var warnLevelWords = []string{"warn", "warning", "w"}

// WarnLevelAlternation is like ErrorLevelAlternation for LevelWarn: the
// words above, syslog 4 and bunyan/pino 40–49.
var WarnLevelAlternation = "(?i)" + strings.Join(warnLevelWords, "|") + "|0*4|0*4[0-9]"

// WarnLevelRegexp is WarnLevelAlternation anchored to the whole value.
var WarnLevelRegexp = "(?i)^(?:" + strings.TrimPrefix(WarnLevelAlternation, "(?i)") + ")$"

// WarnLevelTerms is like ErrorLevelTerms for LevelWarn (numeric: 4 and 40).
func WarnLevelTerms() []string {
	return append(caseVariants(warnLevelWords), "4", "40")
}

// caseVariants spells each word in lower, upper and title case.
func caseVariants(words []string) []string {
	var out []string
	for _, w := range words {
		out = append(out, w, strings.ToUpper(w))
		if len(w) > 1 {
			out = append(out, strings.ToUpper(w[:1])+w[1:])
		}
	}
	return out
}
