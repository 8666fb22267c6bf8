package triage

import "time"

// Round fifty-six: a claim naming no service, with no anomaly tied to it,
// is judged on clean logs (issue #14).
//
// logLevel reads a ticket that names no service and ties no anomaly
// (pickService found none clear) as "no data" as soon as any service shows
// a moderate anomaly somewhere in the window, and the text-only model then
// decides (most often high on a claim of many). An anomaly that is over
// before a ticket about the present was written is not what it tells of:
// clearAnomaly leaves it out of a one-writer report's candidates for that
// reason. With none still running, the logs at the report's time are
// clean, and an outage claim on clean logs is medium (the labeling
// conventions).

// noneRunning reports whether, for an outage claim about the present (no
// past stretch named), every service's moderate or strong anomaly in the
// window ended well before it was written (staleAfter, as clearAnomaly
// reads a current report's), and no slowdown still runs (slowdownRunning:
// it is what "nothing loads" may tell of). Not a claim of slowness: slowness shows as
// warnings, which no failure anomaly's end says anything of; nor a claim
// of one writer's failure or none, whose "no data" the scorer weighs
// otherwise (a billing question that reads "not received" is low there).
func noneRunning(f *facts) bool {
	if f.ev == nil || f.claim != claimOutage || len(active(f.sig.degraded)) > 0 || pastWindow(f.ref, f.created) {
		return false
	}
	for _, o := range f.ev.Services {
		if levelRank(o.Level) >= levelRank(LevelModerate) && !o.End.Before(f.created.Add(-staleAfter)) {
			return false
		}
		if slowdownRunning(f.ev, o, f.created) {
			return false
		}
	}
	return true
}

// slowdownRunning reports whether a slowdown of o (a warning rise on 30 %
// or more of its requests, slowdownShare) still runs when a ticket is
// written at created: its warning span reaches the ticket, as stillRunning
// reads a spike's (its last rising five-minute bucket ends at most
// runningSpan before). Mended after the round's review: a slowdown still
// running is no clean present. Not a background rise (a tenth of the
// lines: h72-36, h68-07), nor a slowdown over a quarter hour before the
// ticket (h77-41, labeled medium: the logs clean now).
func slowdownRunning(ev *Evidence, o *ServiceEvidence, created time.Time) bool {
	end, ok := slowdownEnd(ev, o)
	return ok && !end.Before(created.Add(-runningSpan))
}
