package triage

import (
	"strings"
	"testing"
)

// TestDeskPriority_choosesOnlyWhatIsOpen checks that the desk's priority
// picks between two adjacent levels the other signals leave nearly tied,
// and does not move a level they settle. The model is a small one: a
// failure signal whose weight places the score, and priority weights that
// would move the plain prediction a level.
func TestDeskPriority_choosesOnlyWhatIsOpen(t *testing.T) {
	rows := []struct {
		name     string
		z        float64 // the score without the priority
		priority string
		weight   float64 // the priority signal's weight
		want     string
		why      string // a word the reason must hold
		also     []int  // other signals present (weight 0); a log signal at −1 is clean
	}{
		// Open: medium and high nearly tied (z just under the cut).
		{"high chooses high in a near tie", -0.1, "high", 0.05, High, "chose high over medium", nil},
		{"urgent chooses high in a near tie, not critical", -0.1, "urgent", 0.05, High, "chose high over medium", nil},
		{"low chooses medium in a near tie", 0.1, "low", -0.05, Medium, "chose medium over high", nil},
		// Settled: the priority's weight would move the plain prediction.
		{"urgent does not make a settled high critical", 3, "urgent", 4, High, "does not move high", nil},
		{"low does not lower a settled medium", -3, "low", -4, Medium, "does not move medium", nil},
		// Misfires: what the other signals say the priority may not override.
		{"clean logs under a claim of reach stay medium", -0.1, "high", 0.2, Medium, "does not move medium",
			[]int{-sigLogSpike, -sigSpikeWide, sigScopeMany}},
		{"clean logs: urgent does not choose critical", 5.9, "urgent", 0.2, High, "does not move high",
			[]int{-sigLogSpike}},
		{"no spike, a warning rise: urgent does not choose critical", 5.9, "urgent", 0.2, High, "does not move high",
			[]int{sigSlowConfirmed}},
		{"a resolution under an urgent priority stays low", -6.1, "urgent", 0.2, Low, "does not move low",
			[]int{sigClaimResolved}},
	}
	for _, r := range rows {
		sig := map[string]int{"urgent": sigPriorityUrgent, "high": sigPriorityHigh, "low": sigPriorityLow}[r.priority]
		m := model{cut: [3]float64{-6, 0, 6}}
		m.w[sigClaimOne], m.w[sig] = 1, r.weight
		var x signalVector
		x[sigClaimOne], x[sig] = r.z, 1
		for _, i := range r.also {
			if i < 0 {
				x[-i] = -1
			} else {
				x[i] = 1
			}
		}
		if plain, _ := m.predict(&x); plain == r.want {
			t.Fatalf("%s: the plain prediction is already %s: the row would not fail without the rule", r.name, plain)
		}
		got, _, why := priorityChooses(&m, &x, r.priority)
		if got != r.want || !strings.Contains(why, r.why) {
			t.Errorf("%s: got %s (%q), want %s (%q)", r.name, got, why, r.want, r.why)
		}
	}
}
