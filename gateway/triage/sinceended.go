package triage

import (
	"fmt"
	"time"
)

// Round sixty-two: the logs that decide. A ticket that names when its
// problem began ("since this morning", "seit 10 Uhr", "from about 9:30")
// and was written at the end of that stretch says the problem still goes
// on. Its window runs from the onset to the ticket, often many hours, and
// a rise anywhere in it was read as the confirmation, even one that ended
// hours before the ticket. stale leaves such a window out (only vague
// spans such as "today" count there). Where the service recovered after
// that rise — it logged its usual traffic, with no failure rise and no
// slowdown, from the rise's end up to the ticket — what the ticket tells
// of now is not in the logs: one writer's trouble, its severity set by the
// words. sinceEnded reads the picked service's rise as clean in that case.

// sinceEndedAfter is how long before a ticket about an ongoing problem a
// rise must have ended for the logs to count as clean now: an hour, longer
// than staleAfter, since a writer who says "since" may write a while after
// the worst of it.
const sinceEndedAfter = time.Hour

// sinceOnsetGap: a rise that began within this of the onset the writer
// names is the one the writer tells of ("two hours ago"), ended or not.
const sinceOnsetGap = 30 * time.Minute

// sinceLongest is the longest onset window sinceEnded reads: a day. An
// onset days before ("since Friday") is left as it was: reading it too
// moved a tuning ticket's log signal (h3-44, its verdict unchanged), and
// the weights refitted for it broke an earlier round's unit row.
const sinceLongest = 24 * time.Hour

// sinceEnded reports whether se's rise ended well before a ticket that
// says its problem has gone on since a time it names, and the service
// logged as usual after it (recovered). over keeps the rise: logLevel sets
// it when the writer says the problem is over, when the time words are an
// older message's (a forward, a quoted report, a reply's quoted history:
// written at an unknown time), or when the words claim more or less than
// one writer's trouble (oneWriters). The second result is the reason.
func sinceEnded(ev *Evidence, se *ServiceEvidence, ref TimeRef, created time.Time, over bool) (bool, string) {
	if !endedRise(se, over) {
		return false, ""
	}
	if !ref.Onset || !ref.Window.To.Equal(created) || !se.End.Before(created.Add(-sinceEndedAfter)) ||
		!se.Onset.After(ref.Window.From.Add(sinceOnsetGap)) || ref.Window.Duration() > sinceLongest {
		return false, ""
	}
	if !recovered(ev, se, created) || slowdownRunning(ev, se, created) {
		return false, ""
	}
	return true, endedReason(se, created, fmt.Sprintf(", which says the problem goes on since %q, and its usual traffic logged since", ref.Phrase))
}

// endedRise is the opening check stale and sinceEnded share: se holds a
// moderate or strong rise with an end, and the writer does not say the
// problem is over (over).
func endedRise(se *ServiceEvidence, over bool) bool {
	return se != nil && !over && !se.End.IsZero() && levelRank(se.Level) >= levelRank(LevelModerate)
}

// endedReason is the reason for a rise read as ended: when it ended, how
// long before the ticket, and what else decided (extra).
func endedReason(se *ServiceEvidence, created time.Time, extra string) string {
	return fmt.Sprintf("that rise ended at %s, %s before the ticket%s: the logs are clean now",
		se.End.UTC().Format("15:04 UTC"), created.Sub(se.End).Round(time.Minute), extra)
}

// recoveredShare is the share of its usual traffic (the baseline's lines
// a minute) a service must log in each half of the stretch from a rise's
// end to the ticket to count as recovered: less is a traffic drop
// (trafficDropMin). Not half: a baseline taken in the day holds twice
// the lines a minute of the night after a rise (h12-02, a rise at 02:10,
// a ticket at 11:45).
const recoveredShare = 1 - trafficDropMin

// recovered reports whether the service of se logged its usual traffic
// from the end of its rise up to a ticket written at created: in each half
// of that stretch at least recoveredShare of the lines its baseline logs
// per minute, and no traffic drop over the window. A service that went
// dark after the rise, or logs that stop before the ticket (a lagging or
// dead shipper), show no recovery: the last elevated minute alone says
// only that the failures stopped being logged.
func recovered(ev *Evidence, se *ServiceEvidence, created time.Time) bool {
	if ev == nil || se.TrafficDrop > 0 {
		return false
	}
	first, from, to := minuteOf(ev, se, ev.Window.From), minuteOf(ev, se, se.End), minuteOf(ev, se, created)
	if first == 0 || to-from < 2 {
		return false
	}
	var usual int
	for _, c := range se.Minutes[:first] {
		usual += c.Total
	}
	perMin := float64(usual) / float64(first)
	half := from + (to-from)/2
	for _, part := range [][]Counts{se.Minutes[from:half], se.Minutes[half:to]} {
		n := 0
		for _, c := range part {
			n += c.Total
		}
		if n == 0 || float64(n) < recoveredShare*perMin*float64(len(part)) {
			return false
		}
	}
	return true
}

// oneWriters reports whether the words claim one writer's failure, a
// slowness or a partial failure: the trouble sinceEnded reads as the
// writer's own now. A claim of many ("a lot of customers complained
// since yesterday afternoon") may tell of the ended rise itself, and
// where the words read no claim the rise is the only evidence there is.
func oneWriters(c claim) bool {
	return c == claimOne || c == claimDegraded || c == claimPartial
}

// minuteStart is the first minute of se.Minutes: the minutes start with
// the baseline, as gather counts them.
func minuteStart(ev *Evidence) time.Time {
	return ev.Baseline.From.Truncate(time.Minute)
}

// minuteOf is the index in se.Minutes of the minute holding t, clamped to
// the minutes (warnSpanEnd, recovered).
func minuteOf(ev *Evidence, se *ServiceEvidence, t time.Time) int {
	return max(0, min(int(t.Sub(minuteStart(ev))/time.Minute), len(se.Minutes)))
}
