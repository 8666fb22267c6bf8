package triage

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// Round eighty-one: the overlap measure (TestWindows_agreeWithTheSecondLabeler)
// counts a window as agreeing when it shares a moment with the labeler's
// once both are widened by windowSlack, so a window a day long that holds
// the labeler's half hour agrees, and so does one that starts an hour late
// but runs on. The strict measure asks more: the triage's window starts
// within strictStart of the labeler's, and its length is within
// strictLength times the labeler's either way (each at least minWindow
// long, the shortest window the triage reads). It is printed per set and
// over all sets, with the median start distance and length ratio; it has
// no floor: it is a figure to read beside the overlap's, and one more
// close window in a set of fifty moves it by two points.

// strictStart is how far apart the two windows' starts may lie.
const strictStart = 30 * time.Minute

// strictLength is the most one window's length may be a multiple of the
// other's.
const strictLength = 3.0

// strictlyAgrees reports whether a (the triage's) starts within strictStart
// of b (the labeler's) and is within strictLength of its length.
func strictlyAgrees(a, b Window) (bool, time.Duration, float64) {
	d := a.From.Sub(b.From)
	if d < 0 {
		d = -d
	}
	la, lb := max(a.Duration(), minWindow), max(b.Duration(), minWindow)
	ratio := float64(la) / float64(lb)
	return d <= strictStart && ratio <= strictLength && ratio >= 1/strictLength, d, ratio
}

func TestStrictlyAgrees_startAndLength(t *testing.T) {
	day := time.Date(2045, 1, 1, 0, 0, 0, 0, time.UTC)
	// w is the window from the minute of the day from to the minute to.
	w := func(from, to int) Window {
		return Window{day.Add(time.Duration(from) * time.Minute), day.Add(time.Duration(to) * time.Minute)}
	}
	for _, c := range []struct {
		name   string
		triage Window
		second Window
		want   bool
	}{
		{"close start, twice as long", w(600, 640), w(610, 630), true},
		{"both under minWindow", w(600, 615), w(605, 610), true},
		{"a day holding a half hour", w(0, 1439), w(610, 630), false},
		{"overlaps, starts 50 minutes late", w(660, 700), w(610, 690), false},
		{"eight times as long", w(600, 840), w(600, 630), false},
	} {
		if got, _, _ := strictlyAgrees(c.triage, c.second); got != c.want {
			t.Errorf("%s: strictlyAgrees = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestWindows_startAndLengthAgreeWithTheSecondLabeler prints the strict
// measure per labeled set whose agreement file gives windows, and over all
// of them. Blind sets are left out when DESKGATE_TRIAGE_SKIP_BLIND is set
// and never listed.
//
//	go test ./gateway/triage -run Windows_startAndLength -v
func TestWindows_startAndLengthAgreeWithTheSecondLabeler(t *testing.T) {
	figuresWithoutRace(t)
	skipBlind := os.Getenv("DESKGATE_TRIAGE_SKIP_BLIND") != ""
	var allClose, allWindows int
	var allDist []time.Duration
	var allRatio []float64
	for _, s := range labeledSets {
		if s.blind && skipBlind {
			continue
		}
		second, ok := secondLabels(t, s.name)
		if !ok {
			continue
		}
		near, windows := 0, 0
		var dist []time.Duration
		var ratio []float64
		for _, o := range triageSet(t, s) {
			l, ok := second[o.name]
			if !ok || l.Window == nil {
				continue
			}
			windows++
			ok, d, r := strictlyAgrees(o.got.Window, *l.Window)
			if ok {
				near++
			}
			dist, ratio = append(dist, d), append(ratio, r)
		}
		if windows == 0 {
			continue
		}
		t.Logf("set %s: strictly (start within %s, length within %gx) %d of %d windows; median start distance %s, median length ratio %.2f",
			s.name, strictStart, strictLength, near, windows, median(dist), median(ratio))
		allClose += near
		allWindows += windows
		allDist, allRatio = append(allDist, dist...), append(allRatio, ratio...)
	}
	if allWindows > 0 {
		t.Logf("all sets measured strictly: %d of %d windows (%.1f%%); median start distance %s, median length ratio %.2f",
			allClose, allWindows, 100*float64(allClose)/float64(allWindows), median(allDist), median(allRatio))
	}
}

// secondLabels reads a set's agreement file (the second labeler's labels
// and windows by ticket name); false when the set has none.
func secondLabels(t *testing.T, set string) (map[string]labeledWindow, bool) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(ticketsDir, "agreement", set+".json"))
	if os.IsNotExist(err) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	var second map[string]labeledWindow
	if err := json.Unmarshal(raw, &second); err != nil {
		t.Fatalf("agreement/%s.json: %v", set, err)
	}
	return second, true
}

// median is the middle value of v (the upper one of an even count), the
// zero value when v is empty; v is left unsorted.
func median[T cmp.Ordered](v []T) T {
	if len(v) == 0 {
		var zero T
		return zero
	}
	return slices.Sorted(slices.Values(v))[len(v)/2]
}
