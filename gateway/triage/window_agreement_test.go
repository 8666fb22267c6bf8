package triage

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// windowSlack is how far apart the triage's window and a second labeler's
// may lie and still count as the same: the labelers round the times they
// read to five or ten minutes, and a log spike a few minutes outside a
// window is still seen by the evidence around it.
const windowSlack = 15 * time.Minute

// windowFloors are the floors of the share of tickets whose window the
// triage reads where the second labeler read it, per labeled set whose
// agreement file gives a window (agreement/<set>.json, "window": {"from",
// "to"} in UTC, on each ticket that names or implies a time). Every such
// set must have a floor here, so that each is measured on purpose.
// holdout49 and holdout50 were the first sets labeled so (42 and 48
// windows); before they joined the labeled sets they were measured once
// with round thirty-two's rules and its review's mends: 37 of 42 and 45 of
// 48 (82 of 90, 0.911); once among the labeled sets (blind, for round
// thirty-four), after round thirty-three: 38 of 42 and 46 of 48 (84 of
// 90, 0.933). Floors a little below. holdout51 and holdout52 (second
// labelers asked for a window on every ticket that names or implies a
// time), first measured with round thirty-four's rules: 43 of 46 and 55
// of 56. holdout53 and holdout54, first measured with round thirty-five's
// rules: 53 of 55 and 51 of 54. holdout55 and holdout56, first measured
// with round thirty-six's: 31 of 36 and 48 of 52; after round
// thirty-seven 31 of 36 and 49 of 52. holdout57 and holdout58, first
// measured with round thirty-seven's rules and its review's mends: 50 of
// 50 and 45 of 46 (the same after round thirty-eight). holdout59 and
// holdout60, first measured with round thirty-eight's rules: 52 of 57 and
// 46 of 52 (the same with its review's mends and after round
// thirty-nine). holdout61 and holdout62, first measured with round
// thirty-nine's rules: 46 of 54 and 52 of 57 (the same with its review's
// mends and after round forty). holdout63 and holdout64, first measured
// with round forty's rules: 53 of 58 and 54 of 58 (the same with its
// review's mends and after round forty-one). holdout65 and holdout66,
// first measured with round forty-one's rules and its review's mends: 48
// of 52 and 48 of 50 (the same after round forty-two). holdout67 and
// holdout68, first measured with round forty-two's rules: 57 of 59 and 51
// of 54 (the same with its review's mends and after round forty-three).
// holdout69 and holdout70, first measured with round forty-three's rules
// and round forty-two's review mends: 49 of 50 and 50 of 57 (the same
// after round forty-four and with the review mends of rounds forty-three
// and forty-four). holdout71 and holdout72, first measured with round
// forty-four's rules and those mends: 50 of 53 and 51 of 51 (the same
// after round forty-five). holdout73 and holdout74, first measured with
// round forty-five's rules: 55 of 56 and 51 of 53. holdout75 and
// holdout76, first measured with round forty-six's rules (the same as
// forty-five's): 56 of 57 and 56 of 58. holdout77 and holdout78, first
// measured with the same rules: 58 of 59 and 51 of 54. holdout79 and
// holdout80, first measured with round forty-nine's rules: 38 of 39 and
// 58 of 61. holdout81 and holdout82, first measured with the same rules
// and its review's mends: 42 of 46 and 56 of 60. holdout83 and holdout84,
// the same way: 53 of 58 and 49 of 50. holdout85 and holdout86, first
// measured with round fifty-one's rules and its review's mends: 48 of 50
// and 52 of 56. holdout87 and holdout88, first measured with the same
// rules (before round fifty-two was merged): 49 of 55 and 49 of 55.
// holdout89 and holdout90, first measured with round fifty-four's rules
// and the session read-through's mend (before round fifty-five was
// merged): 57 of 58 and 45 of 47. holdout91 and holdout92, first measured
// with round fifty-eight's rules and the session read-through's mends
// (before round fifty-nine was merged): 35 of 45 and 43 of 45.
// holdout93 and holdout94, first measured with rounds fifty-nine to
// sixty-two and the session read-through's mends: 43 of 47 and 37 of 40.
// holdout95 and holdout96, first measured with rounds sixty-three and
// sixty-four and the session read-through's mends: 19 of 22 and 43 of 44;
// 20 of 22 and 44 of 44 after round sixty-five.
// holdout97 and holdout98, first measured with rounds sixty-three to
// sixty-five and their mends (before rounds sixty-six to sixty-nine): 45 of
// 47 and 54 of 54.
// holdout99 and holdout100, first measured with rounds sixty-seven and
// sixty-nine and their mends (before rounds seventy to seventy-two): 41
// of 45 and 44 of 49.
// holdout101 and holdout102, first measured with rounds seventy to
// seventy-two and their mends (before rounds seventy-three and
// seventy-four): 28 of 33 and 36 of 39.
// holdout103 and holdout104, first measured with rounds seventy-three to
// seventy-six and their mends (before rounds seventy-seven to eighty): 50
// of 50 and 43 of 44.
// holdout105 and holdout106, first measured with rounds seventy-seven to
// eighty and their mends (before rounds eighty-one to eighty-four): 45 of
// 49 and 46 of 54.
// holdout107 and holdout108, first measured with rounds eighty-one to
// eighty-four and their mends (before rounds eighty-five to eighty-eight):
// 33 of 37 and 39 of 41.
// holdout109 and holdout110, first measured with rounds eighty-five to
// eighty-nine and their mends (before rounds ninety to ninety-five): 47
// of 50 and 44 of 52.
// holdout111 and holdout112, first measured with rounds ninety to
// ninety-five and their mends (before rounds ninety-six to ninety-nine):
// 39 of 42 and 45 of 48.
// holdout113 and holdout114, first measured with rounds ninety-six to
// ninety-nine and their mends (before rounds one hundred and one hundred
// and one): 49 of 49 and 50 of 52.
var windowFloors = map[string]float64{
	"holdout49":  0.88,
	"holdout50":  0.93,
	"holdout51":  0.91,
	"holdout52":  0.96,
	"holdout53":  0.94,
	"holdout54":  0.92,
	"holdout55":  0.83,
	"holdout56":  0.90,
	"holdout57":  0.96,
	"holdout58":  0.93,
	"holdout59":  0.89,
	"holdout60":  0.86,
	"holdout61":  0.83,
	"holdout62":  0.89,
	"holdout63":  0.89,
	"holdout64":  0.91,
	"holdout65":  0.90,
	"holdout66":  0.94,
	"holdout67":  0.94,
	"holdout68":  0.92,
	"holdout69":  0.96,
	"holdout70":  0.85,
	"holdout71":  0.92,
	"holdout72":  0.97,
	"holdout73":  0.96,
	"holdout74":  0.94,
	"holdout75":  0.96,
	"holdout76":  0.94,
	"holdout77":  0.96,
	"holdout78":  0.92,
	"holdout79":  0.94,
	"holdout80":  0.93,
	"holdout81":  0.89,
	"holdout82":  0.91,
	"holdout83":  0.89,
	"holdout84":  0.96,
	"holdout85":  0.94,
	"holdout86":  0.91,
	"holdout87":  0.87,
	"holdout88":  0.87,
	"holdout89":  0.96,
	"holdout90":  0.93,
	"holdout91":  0.75,
	"holdout92":  0.93,
	"holdout93":  0.89,
	"holdout94":  0.90,
	"holdout95":  0.82,
	"holdout96":  0.95,
	"holdout97":  0.93,
	"holdout98":  0.98,
	"holdout99":  0.88,
	"holdout100": 0.87,
	"holdout101": 0.81,
	"holdout102": 0.89,
	"holdout103": 0.97,
	"holdout104": 0.95,
	"holdout105": 0.89,
	"holdout106": 0.83,
	"holdout107": 0.86,
	"holdout108": 0.92,
	"holdout109": 0.91,
	"holdout110": 0.82,
	"holdout111": 0.90,
	"holdout112": 0.91,
	"holdout113": 0.97,
	"holdout114": 0.94,
}

// labeledWindow is a second label's window, when the labeler gave one.
type labeledWindow struct {
	Why    string  `json:"why"`
	Window *Window `json:"window"`
}

// overlaps reports whether a and b share a moment once each is widened by
// slack on both sides.
func overlaps(a, b Window, slack time.Duration) bool {
	return a.From.Add(-slack).Before(b.To.Add(slack)) && b.From.Add(-slack).Before(a.To.Add(slack))
}

// TestWindows_agreeWithTheSecondLabeler reports, per labeled set whose
// second labeler wrote a UTC window per ticket, how often the window the
// triage reads (from the text, the thread, the requester's zone or the
// default buffer) overlaps the labeler's within windowSlack, and fails
// below the set's floor. The window decides which logs a verdict rests on,
// so a wrong one is wrong whatever the words say; this measures it apart
// from the severity. Blind sets are counted, not listed.
//
//	go test ./gateway/triage -run Windows_agree -v
func TestWindows_agreeWithTheSecondLabeler(t *testing.T) {
	figuresWithoutRace(t)
	skipBlind := os.Getenv("DESKGATE_TRIAGE_SKIP_BLIND") != ""
	seen := map[string]bool{}
	var allAgree, allWindows int
	for _, s := range labeledSets {
		// A blind set's agreement file is not opened: its floor's key
		// stands for it.
		if s.blind && skipBlind {
			if _, ok := windowFloors[s.name]; ok {
				seen[s.name] = true
			}
			t.Logf("set %s: blind, left out (DESKGATE_TRIAGE_SKIP_BLIND)", s.name)
			continue
		}
		second, ok := secondLabels(t, s.name)
		if !ok {
			continue
		}
		windows := 0
		for name, l := range second {
			if l.Window == nil {
				continue
			}
			if l.Window.To.Before(l.Window.From) {
				t.Errorf("agreement/%s.json: %s: window ends before it starts", s.name, name)
			}
			windows++
		}
		if windows == 0 {
			continue
		}
		seen[s.name] = true
		floor, ok := windowFloors[s.name]
		if !ok {
			t.Errorf("agreement/%s.json gives %d windows but windowFloors has no floor for %s: measure it and add one", s.name, windows, s.name)
		}
		agree := 0
		var differ []string
		for _, o := range triageSet(t, s) {
			l, ok := second[o.name]
			if !ok || l.Window == nil {
				continue
			}
			if overlaps(o.got.Window, *l.Window, windowSlack) {
				agree++
				continue
			}
			differ = append(differ, fmt.Sprintf("WINDOW %s: triage %s – %s (%s), labeler %s – %s (%s)", o.name,
				o.got.Window.From.Format(time.RFC3339), o.got.Window.To.Format(time.RFC3339), o.got.WindowSource,
				l.Window.From.Format(time.RFC3339), l.Window.To.Format(time.RFC3339), l.Why))
		}
		share := float64(agree) / float64(windows)
		if s.blind {
			differ = []string{fmt.Sprintf("%d window(s) read differently; not listed: %s is blind", len(differ), s.name)}
		}
		t.Logf("set %s: the triage's window agrees with the second labeler's on %d of %d tickets (%.1f%%)\n%s",
			s.name, agree, windows, share*100, strings.Join(differ, "\n"))
		if share < floor {
			t.Errorf("%s: window agreement %.1f%% is below its floor %.0f%%", s.name, share*100, floor*100)
		}
		allAgree += agree
		allWindows += windows
	}
	for name := range windowFloors {
		if !seen[name] {
			t.Errorf("windowFloors has %s, whose agreement file gives no window or which is not a labeled set", name)
		}
	}
	if allWindows > 0 {
		t.Logf("all sets measured: %d of %d windows agree (%.1f%%)", allAgree, allWindows, 100*float64(allAgree)/float64(allWindows))
	}
}

func TestOverlaps_widensBothWindowsBySlack(t *testing.T) {
	at := func(hm string) time.Time {
		v, err := time.Parse("15:04", hm)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct {
		a, b [2]string
		want bool
	}{
		{[2]string{"10:00", "11:00"}, [2]string{"10:30", "10:40"}, true},
		{[2]string{"10:00", "11:00"}, [2]string{"11:10", "11:20"}, true},
		{[2]string{"10:00", "11:00"}, [2]string{"11:31", "11:40"}, false},
		{[2]string{"12:00", "12:00"}, [2]string{"11:50", "11:50"}, true},
		{[2]string{"12:00", "12:30"}, [2]string{"09:00", "11:20"}, false},
	} {
		a := Window{From: at(c.a[0]), To: at(c.a[1])}
		b := Window{From: at(c.b[0]), To: at(c.b[1])}
		if got := overlaps(a, b, windowSlack); got != c.want || overlaps(b, a, windowSlack) != c.want {
			t.Errorf("overlaps(%v, %v) = %v, want %v both ways", c.a, c.b, got, c.want)
		}
	}
}
