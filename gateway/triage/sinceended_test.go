package triage

import (
	"strings"
	"testing"
	"time"
)

// TestSinceEnded_aRiseThatEndedBeforeAnOngoingTicketIsClean: a ticket that
// says its problem goes on since a time it names, written hours after the
// rise in its window ended, reads the logs as clean now; the guards keep
// the rise where the writer names its onset, where it ended less than an
// hour before, where the writer says it is over, where the ticket forwards
// an older message, where the window is a past stretch or longer than a
// day, and where the words claim many or nothing.
func TestSinceEnded_aRiseThatEndedBeforeAnOngoingTicketIsClean(t *testing.T) {
	day := time.Date(2044, 3, 9, 0, 0, 0, 0, time.UTC)
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	created := at(12, 0)
	since := TimeRef{Window: Window{From: at(6, 0), To: created}, Found: true, Phrase: "since this morning", Onset: true}
	spike := func(on, end time.Time) *ServiceEvidence {
		return &ServiceEvidence{Service: "payments", Level: LevelStrong, Onset: on, End: end,
			Window: Counts{Total: 4000, Failures: 400}, Incident: Counts{Total: 600, Failures: 400}, Rate: 0.66, Ratio: 130}
	}
	rows := []struct {
		name      string
		ref       TimeRef
		se        *ServiceEvidence
		over, fwd bool
		want      string
	}{
		{"a rise from 8:00 to 9:00, a ticket at noon about a problem since the morning", since, spike(at(8, 0), at(9, 0)), false, false, LevelClean},
		{"the rise ended 40 minutes before the ticket", since, spike(at(8, 0), at(11, 20)), false, false, LevelStrong},
		{"the rise began when the writer says it did (two hours ago)", TimeRef{Window: Window{From: at(9, 55), To: created}, Found: true, Phrase: "2 hours ago", Onset: true}, spike(at(10, 0), at(10, 40)), false, false, LevelStrong},
		{"the writer says it is over", since, spike(at(8, 0), at(9, 0)), true, false, LevelStrong},
		{"a forwarded message: its time words are older than the ticket", since, spike(at(8, 0), at(9, 0)), false, true, LevelStrong},
		{"a past stretch, not to the ticket", TimeRef{Window: Window{From: at(6, 0), To: at(10, 0)}, Found: true, Phrase: "this morning"}, spike(at(8, 0), at(9, 0)), false, false, LevelStrong},
		{"an onset three days before", TimeRef{Window: Window{From: at(-72, 0), To: created}, Found: true, Phrase: "since friday", Onset: true}, spike(at(8, 0), at(9, 0)), false, false, LevelStrong},
		{"a clock named, not an onset", TimeRef{Window: Window{From: at(10, 0), To: created}, Found: true, Phrase: "at 10:10"}, spike(at(10, 10), at(10, 30)), false, false, LevelStrong},
	}
	for _, r := range rows {
		f := &facts{claim: claimOne, ref: r.ref, created: created, forwarded: r.fwd}
		f.sig.over = r.over
		level, reasons := logLevel(f, "payments", r.se)
		if level != r.want {
			t.Errorf("%s: level %s, want %s (%v)", r.name, level, r.want, reasons)
		}
		if r.want == LevelClean && !strings.Contains(strings.Join(reasons, " | "), "goes on since \"since this morning\": the logs are clean now") {
			t.Errorf("%s: reasons %v do not say what decided", r.name, reasons)
		}
	}
	// A claim of many may tell of the ended rise itself ("since yesterday
	// afternoon a lot of customers complained"), and where the words read
	// no claim the rise is all there is: both keep it.
	for _, c := range []claim{claimOutage, claimUnknown} {
		f := &facts{claim: c, ref: since, created: created}
		if level, reasons := logLevel(f, "payments", spike(at(8, 0), at(9, 0))); level != LevelStrong {
			t.Errorf("claim %d: level %s, want strong (%v)", c, level, reasons)
		}
	}
}
