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
// hours before the ticket while the logs were clean after it. stale leaves
// such a window out (only vague spans such as "today" count there); the
// labels read that rise as not the writer's problem: one writer's trouble
// now, its severity set by the words. sinceEnded reads the picked
// service's rise as clean in that case.

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
// says its problem has gone on since a time it names. over keeps the rise:
// logLevel sets it when the writer says the problem is over, the subject
// forwards a message, or the words claim more or less than one writer's
// trouble (oneWriters). The second result is the reason.
func sinceEnded(se *ServiceEvidence, ref TimeRef, created time.Time, over bool) (bool, string) {
	if se == nil || over || se.End.IsZero() || levelRank(se.Level) < levelRank(LevelModerate) {
		return false, ""
	}
	if !ref.Found || !ref.Onset || !ref.Window.To.Equal(created) || !se.End.Before(created.Add(-sinceEndedAfter)) ||
		!se.Onset.After(ref.Window.From.Add(sinceOnsetGap)) || ref.Window.Duration() > sinceLongest {
		return false, ""
	}
	return true, fmt.Sprintf("that rise ended at %s, %s before a ticket that says the problem goes on since %q: the logs are clean now",
		se.End.UTC().Format("15:04 UTC"), created.Sub(se.End).Round(time.Minute), ref.Phrase)
}

// oneWriters reports whether the words claim one writer's failure, a
// slowness or a partial failure: the trouble sinceEnded reads as the
// writer's own now. A claim of many ("a lot of customers complained
// since yesterday afternoon") may tell of the ended rise itself, and
// where the words read no claim the rise is the only evidence there is.
func oneWriters(c claim) bool {
	return c == claimOne || c == claimDegraded || c == claimPartial
}
