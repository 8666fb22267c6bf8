package triage

import (
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// TestSinceEnded_aRiseThatEndedBeforeAnOngoingTicketIsClean: a ticket that
// says its problem goes on since a time it names, written hours after the
// rise in its window ended while the service logged as usual, reads the
// logs as clean now; the guards keep the rise where the writer names its
// onset, where it ended less than an hour before, where the writer says it
// is over, where the time words are an older message's, where the window
// is a past stretch or longer than a day, where no onset is named, where
// the rise is weak, where the claim is of many or none, and where the
// service did not log its usual traffic after the rise (dark, or logs that
// stop before the ticket).
func TestSinceEnded_aRiseThatEndedBeforeAnOngoingTicketIsClean(t *testing.T) {
	day := time.Date(2044, 3, 9, 0, 0, 0, 0, time.UTC)
	at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
	created := at(12, 0)
	since := TimeRef{Window: Window{From: at(6, 0), To: created}, Found: true, Phrase: "since this morning", Onset: true}
	// The logs run from midnight (the baseline) to the ticket, 20 lines a
	// minute; after the rise's end, after lines a minute until stop.
	logs := func(end time.Time, after int, stop time.Time) *Evidence {
		return &Evidence{Baseline: Window{From: day, To: at(6, 0)}, Window: Window{From: at(6, 0), To: created}}
	}
	spike := func(on, end time.Time) *ServiceEvidence {
		return &ServiceEvidence{Service: "payments", Level: LevelStrong, Onset: on, End: end,
			Window: Counts{Total: 4000, Failures: 400}, Incident: Counts{Total: 600, Failures: 400}, Rate: 0.66, Ratio: 130}
	}
	minutes := func(se *ServiceEvidence, after int, stop time.Time) *ServiceEvidence {
		for m := day; !m.After(created); m = m.Add(time.Minute) {
			n := 20
			if !m.Before(se.End) {
				n = after
				if !m.Before(stop) {
					n = 0
				}
			}
			se.Minutes = append(se.Minutes, Counts{Total: n})
		}
		return se
	}
	clean := spike(at(8, 0), at(9, 0))
	clean.Level = LevelClean
	rows := []struct {
		name      string
		ref       TimeRef
		se        *ServiceEvidence
		after     int
		stop      time.Time
		over, fwd bool
		want      string // LevelClean: the rise reads as ended
	}{
		{"a rise from 8:00 to 9:00, a ticket at noon about a problem since the morning", since, spike(at(8, 0), at(9, 0)), 20, created, false, false, LevelClean},
		{"the rise ended 40 minutes before the ticket", since, spike(at(8, 0), at(11, 20)), 20, created, false, false, LevelStrong},
		{"the rise began when the writer says it did (two hours ago)", TimeRef{Window: Window{From: at(9, 55), To: created}, Found: true, Phrase: "2 hours ago", Onset: true}, spike(at(10, 0), at(10, 40)), 20, created, false, false, LevelStrong},
		{"the writer says it is over", since, spike(at(8, 0), at(9, 0)), 20, created, true, false, LevelStrong},
		{"time words of an older message (a forward, a quoted report)", since, spike(at(8, 0), at(9, 0)), 20, created, false, true, LevelStrong},
		{"a past stretch, not to the ticket", TimeRef{Window: Window{From: at(6, 0), To: at(10, 0)}, Found: true, Phrase: "this morning"}, spike(at(8, 0), at(9, 0)), 20, created, false, false, LevelStrong},
		{"an onset named for a past stretch, not to the ticket", TimeRef{Window: Window{From: at(6, 0), To: at(10, 0)}, Found: true, Phrase: "from 6 to 10", Onset: true}, spike(at(8, 0), at(9, 0)), 20, created, false, false, LevelStrong},
		{"an onset three days before", TimeRef{Window: Window{From: at(-72, 0), To: created}, Found: true, Phrase: "since friday", Onset: true}, spike(at(8, 0), at(9, 0)), 20, created, false, false, LevelStrong},
		{"a clock named, not an onset", TimeRef{Window: Window{From: at(10, 0), To: created}, Found: true, Phrase: "at 10:10"}, spike(at(10, 45), at(10, 50)), 20, created, false, false, LevelStrong},
		{"no rise (clean logs)", since, clean, 20, created, false, false, LevelClean},
		// Review of round sixty-two, items 1 and 2.
		{"the service went dark after the rise (2 % of its traffic)", since, spike(at(8, 0), at(9, 0)), 0, created, false, false, LevelStrong},
		{"the logs stop at 10:30, an hour and a half before the ticket", since, spike(at(8, 0), at(9, 0)), 20, at(10, 30), false, false, LevelStrong},
	}
	for _, r := range rows {
		f := &facts{claim: claimOne, ref: r.ref, created: created, olderTime: r.fwd, ev: logs(r.se.End, r.after, r.stop)}
		minutes(r.se, r.after, r.stop)
		f.sig.over = r.over
		level, reasons := logLevel(f, "payments", r.se)
		if level != r.want {
			t.Errorf("%s: level %s, want %s (%v)", r.name, level, r.want, reasons)
		}
		fired := strings.Contains(strings.Join(reasons, " | "), "goes on since \"since this morning\", and its usual traffic logged since: the logs are clean now")
		if fired != (r.want == LevelClean && r.se.Level != LevelClean) {
			t.Errorf("%s: reasons %v (read as ended: %v)", r.name, reasons, fired)
		}
	}
	// A claim of many may tell of the ended rise itself ("since yesterday
	// afternoon a lot of customers complained"), and where the words read
	// no claim the rise is all there is: both keep it.
	for _, c := range []claim{claimOutage, claimUnknown} {
		se := minutes(spike(at(8, 0), at(9, 0)), 20, created)
		f := &facts{claim: c, ref: since, created: created, ev: logs(se.End, 20, created)}
		if level, reasons := logLevel(f, "payments", se); level != LevelStrong {
			t.Errorf("claim %d: level %s, want strong (%v)", c, level, reasons)
		}
	}
}

// TestSinceEnded_theReviewsWorlds: the texts of round sixty-two's review
// in generated worlds with a payments rise from 08:00 to 09:00 and tickets
// at noon. Only where the service logged as usual after it is a one-writer
// ticket about a problem since the morning lowered; not where it went dark,
// where the logs stop at 10:30, where a slowdown still runs, nor where the
// time words are a forward's or a reply's quoted history.
func TestSinceEnded_theReviewsWorlds(t *testing.T) {
	at := func(h, m int) time.Time {
		return noon.Add(time.Duration(h-12)*time.Hour + time.Duration(m)*time.Minute)
	}
	rise := gen.Incident{Service: "payments", Start: at(8, 0), Duration: time.Hour, FailRate: 0.6, Status: 503, Message: "card authorisation failed: acquirer {ip} timed out"}
	tk := func(subject, text string) Ticket {
		return Ticket{Subject: subject, Description: text, CreatedAt: noon, Priority: "normal"}
	}
	own := tk("payment problem", "Since this morning I cannot pay with my card, I get an error every time.")
	french := tk("paiement", "Depuis ce matin, impossible de payer par carte, j'ai une erreur.")
	ended := projectSpan(t, at(2, 0), noon, rise)
	checkVerdicts(t, ended, []verdictCase{
		{"ended: the service logs as usual after the rise", own, Medium, "payments", "goes on since"},
	})
	dark := projectSpan(t, at(2, 0), noon, rise, gen.Incident{Service: "payments", Start: at(9, 0), Duration: 3 * time.Hour, Traffic: 0.02})
	lag := projectSpan(t, at(2, 0), at(10, 30), gen.Incident{Service: "payments", Start: at(8, 0), Duration: 150 * time.Minute, FailRate: 0.6, Status: 503, Message: rise.Message})
	slow := projectSpan(t, at(2, 0), noon, rise, gen.Incident{Service: "payments", Start: at(8, 0), Duration: 4 * time.Hour, SlowShare: 0.5})
	for name, p := range map[string]Project{"dark": dark, "lag": lag, "slow": slow} {
		checkVerdicts(t, p, []verdictCase{
			{name + ": since this morning", own, High, "payments", ""},
			{name + ": depuis ce matin", french, High, "payments", ""},
		})
	}
	// stale shares the check: a rise 10:00–11:00, the service dark after
	// it, a ticket at noon that names no time.
	darkAfter := projectSpan(t, at(2, 0), noon, gen.Incident{Service: "payments", Start: at(10, 0), Duration: time.Hour, FailRate: 0.6, Status: 503, Message: rise.Message},
		gen.Incident{Service: "payments", Start: at(11, 0), Duration: time.Hour, Traffic: 0.02})
	checkVerdicts(t, darkAfter, []verdictCase{
		{"stale: dark after the rise, no time named", tk("payment problem", "I cannot pay with my card, I get an error every time."), High, "payments", ""},
	})
	checkVerdicts(t, ended, []verdictCase{
		{"a forward with a short note", tk("Fwd: payment problem", "FYI, see below.\n\n---------- Forwarded message ---------\nFrom: Kim <kim@example.com>\n\n"+own.Description), High, "payments", ""},
		{"a forward with a short note (German)", tk("WG: Zahlung", "Zur Info.\n\n---------- Weitergeleitete Nachricht ---------\nVon: Kim <kim@example.com>\n\nSeit 7 Uhr kann ich nicht mit Karte bezahlen, es kommt immer ein Fehler."), High, "payments", ""},
		{"a forward with no prefix and a longer note", tk("payment problem", "Hello team, a customer wrote to our shop this morning about her card payments, could you please have a look at what she says below?\n\n---------- Forwarded message ---------\nFrom: Kim <kim@example.com>\n\n"+own.Description), High, "payments", ""},
		{"a forward by its subject only, with a longer note", tk("FW: payment problem", "Hello team, a customer wrote to our shop this morning about her card payments, could you please have a look at what she says below?\n\n-----Original Message-----\nFrom: Kim <kim@example.com>\n\n"+own.Description), High, "payments", ""},
		{"a follow-up note over the report it hands over", tk("Re: payment problem", "Any news?\n\n-----Original Message-----\nFrom: Kim <kim@example.com>\nSent: Tuesday\n\n"+own.Description), High, "payments", ""},
		{"a reply whose time words are its quoted history", tk("Re: payment problem", "Any update?\n\nOn Tue, Kim wrote:\n> "+own.Description), High, "payments", ""},
	})
}
