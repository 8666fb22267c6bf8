package triage

import "testing"

// minutesOf builds per-minute counts: total lines and failures per minute.
func minutesOf(n, total int, fail func(i int) int) []Counts {
	ms := make([]Counts, n)
	for i := range ms {
		ms[i] = Counts{Total: total, Failures: fail(i)}
	}
	return ms
}

func TestSparseSpan_findsASmallShareRiseInFiveMinuteBuckets(t *testing.T) {
	tests := []struct {
		name     string
		mins     []Counts
		ok       bool
		from, to int
	}{
		{"one failure a minute at ten lines is a rise the minutes miss", minutesOf(60, 10, func(i int) int {
			if i >= 20 && i < 40 {
				return 1
			}
			return 0
		}), true, 20, 39},
		{"a lone burst is noise", minutesOf(60, 10, func(i int) int {
			if i >= 20 && i < 23 {
				return 1
			}
			return 0
		}), false, 0, 0},
		{"background failures are no rise", minutesOf(60, 10, func(i int) int { return i % 40 / 39 }), false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to, ok := sparseSpan(tt.mins, 0.055)
			if ok != tt.ok || ok && (from != tt.from || to != tt.to) {
				t.Errorf("sparseSpan = %d–%d %v, want %d–%d %v", from, to, ok, tt.from, tt.to, tt.ok)
			}
		})
	}
}

func TestRareFailures_acceptsAFewImprobableFailures(t *testing.T) {
	tests := []struct {
		name     string
		k        int
		expected float64
		want     bool
	}{
		{"four failures where a tenth was expected are a rise", 4, 0.14, true},
		{"four failures where two were expected are not", 4, 2, false},
		{"three failures are too few whatever the baseline", 3, 0.01, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rareFailures(tt.k, tt.expected); got != tt.want {
				t.Errorf("rareFailures(%d, %.2f) = %v (tail %.2g), want %v", tt.k, tt.expected, got, poissonTail(tt.k, tt.expected), tt.want)
			}
		})
	}
}

func TestWarnSpan_measuresTheSlowSpellNotTheWholeWindow(t *testing.T) {
	mins := minutesOf(240, 10, func(int) int { return 0 })
	for i := 210; i < 240; i++ {
		mins[i].Warnings = 5
	}
	span, ok := warnSpan(mins, 0.01)
	if !ok || span.Warnings != 150 || span.Total != 300 {
		t.Errorf("warnSpan = %+v %v, want 150 warnings in 300 lines", span, ok)
	}
	if _, ok := warnSpan(minutesOf(240, 10, func(int) int { return 0 }), 0.01); ok {
		t.Error("a window without warnings has a slow spell")
	}
}
