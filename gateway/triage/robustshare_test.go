package triage

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// plainRobustShare is robustShare as it was: a new slice of the minutes
// with lines, sorted by sort.Slice on their share.
func plainRobustShare(mins []Counts, share func(Counts) float64) float64 {
	var ms []Counts
	for _, c := range mins {
		if c.Total > 0 {
			ms = append(ms, c)
		}
	}
	if len(ms) == 0 {
		return 0
	}
	sort.Slice(ms, func(i, j int) bool { return share(ms[i]) < share(ms[j]) })
	var sum Counts
	for _, c := range ms[:len(ms)-len(ms)*2/5] {
		sum.add(c)
	}
	return share(sum)
}

// TestRobustShare_sameAsSortSlice compares robustShare with the plain
// version on random baselines of small counts, where many minutes share a
// share (1/10 and 2/20) and which of them the cut keeps changes the sum.
func TestRobustShare_sameAsSortSlice(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 5))
	for k := range 5000 {
		mins := make([]Counts, rng.IntN(300))
		for i := range mins {
			total := rng.IntN(6) * rng.IntN(8)
			mins[i] = Counts{Total: total, Failures: rng.IntN(total + 1), Warnings: rng.IntN(total + 1)}
		}
		for _, share := range []func(Counts) float64{Counts.Rate, warnShare} {
			if got, want := robustShare(mins, share), plainRobustShare(mins, share); got != want {
				t.Fatalf("baseline %d (%d minutes): %v, sort.Slice's %v", k, len(mins), got, want)
			}
		}
	}
}
