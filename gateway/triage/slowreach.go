package triage

import (
	"fmt"
	"time"
)

// Round fifty-six: slowness rated by who it reaches (issue #14).
//
// A warning rise confirms slowness (logLevel makes it a moderate anomaly);
// how severe the slowness is depends on whom it reaches, not on the rise.
// The released sets' second labeler calls one writer's confirmed slowness
// medium (it goes through, only slower) and many users' slowness on a
// service that is no core flow medium too (a partial degradation); many
// users' slowness on a core flow is high, and so is any confirmed slowness
// the desk marked urgent or high (round forty-eight's slowDesk, kept).

// slowReachCap is the most a ticket telling slowness may be, with the
// reason, or "" when nothing caps it. The slowness is more than words
// when the warnings confirm it (f.slowConfirmed: its failures alone show
// no moderate anomaly) or, for one writer's slowness the warnings do not
// confirm, when the service's failures rose moderately in the window
// (slowFailing: round ninety-nine, slowfailing.go). It is held at medium
// when the desk did not mark it urgent or high and either the words read
// no many (claimDegraded: slowness with neither failure words nor a scope
// of many) or the service is no core flow. Slowness on a core flow whose
// words tell a group of people reached in a sentence of their own or in
// a language the scope lists lack (groupReach, round sixty-four) is not
// held: the cap is "" and the reason says so. The line says what was
// read: no reach of many only where groups are read (a core flow), the
// service no core flow elsewhere (the read-through of round
// ninety-nine).
func slowReachCap(f *facts, level string, core bool) (string, string) {
	seen := "slowness the warnings confirm"
	switch {
	case deskHigh(f):
		return "", ""
	case slowFailing(f, level): // round ninety-nine (slowfailing.go)
		seen = slowFailingTold
	case !f.slowConfirmed:
		return "", ""
	}
	switch {
	case f.claim == claimDegraded && core:
		if g := groupReach(f.toks); len(g) > 0 {
			return "", fmt.Sprintf("not held at medium: %s reaching a group of people (%s)", seen, quote(g))
		}
		return Medium, "held at medium: " + seen + ", no reach of many read and the desk did not mark it urgent or high: one writer's slowness"
	case !core:
		return Medium, "held at medium: " + seen + " on a service that is no core flow: a partial degradation"
	}
	return "", ""
}

// slowdownShare is the share of a service's requests slowed (warnings:
// slow requests, retries) that makes a slowdown of it, not the background:
// 30 %. The released worlds' slowdowns slow about half the requests; a
// busy service's background warnings reach a tenth or a seventh.
const slowdownShare = 0.3

// slowdownForMany reports whether a claim of many ("every payment hangs",
// "all clients' transfers are stuck, some time out") on a core flow
// stands on a slowdown of it: its failures alone show no moderate anomaly
// and 30 % or more of its requests are slowed in the window, its
// slowdown not ended well before a ticket about the present
// (slowdownStale, as stale reads a failure anomaly's end).
// That is many users' slowness on a core flow, high, though the failure
// words ("hang", "stuck", "timed out") made it a failure claim judged on
// failures, where clean logs lower it to medium. Not when the words assert
// the service is down or nobody can use it: that claim is a failure's,
// which the clean failures lower.
func slowdownForMany(f *facts, se *ServiceEvidence, level string, core bool) bool {
	if f.claim != claimOutage || !core || se == nil || f.slowConfirmed || levelRank(level) >= levelRank(LevelModerate) ||
		len(active(f.sig.assert)) > 0 {
		return false
	}
	// Not stale itself: it never reads a service whose failures are clean
	// (review of round fifty-six).
	isStale, ok := slowdownStale(f, se)
	return ok && !isStale
}

// slowdownEnd is the end of se's slowdown (warnSpanEnd): ok is false
// when its warnings did not rise on slowdownShare or more of its requests.
func slowdownEnd(ev *Evidence, se *ServiceEvidence) (time.Time, bool) {
	if !se.WarnRise || se.WarnRate < slowdownShare {
		return time.Time{}, false
	}
	return warnSpanEnd(ev, se)
}

// warnSpanEnd is the end of the last five-minute bucket of the window in
// which se's warnings reach the rise thresholds (warnBuckets); ok is false
// when none does. One such bucket is enough here, where warnSpan wants
// two to sum an episode.
func warnSpanEnd(ev *Evidence, se *ServiceEvidence) (time.Time, bool) {
	if ev == nil {
		return time.Time{}, false
	}
	start, first := minuteStart(ev), minuteOf(ev, se, ev.Window.From)
	mins := se.Minutes[first:]
	_, last := warnBuckets(mins, se.BaselineWarnRate)
	if last < 0 {
		return time.Time{}, false
	}
	return start.Add(time.Duration(first+min(len(mins), (last+1)*bucketMinutes)) * time.Minute), true
}
