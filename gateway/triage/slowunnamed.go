package triage

// Round seventy-nine: slowness told beside failure words, naming no
// service (issue #14).
//
// Round twenty-eight ties slowness that names no service, with no failure
// anomaly to tie it to, to the service whose slow requests and retries rose
// the most in the window (mostSlowedService) — but only where the words
// read slowness alone (claimDegraded). A slowness report usually names what
// it ends in as well: a timeout ("Gateway timeout", "time-out", "タイムア
// ウト"), "nothing loads", "every step fails"; the failure words make it a
// failure claim, and a failure claim naming no service on logs whose
// failures are clean everywhere was read clean, though one service's
// requests were slowed at that time. A slowdown ends in timeouts; the
// warnings (slow requests, retries) are where it shows.

// slownessTold reports whether a report naming no service tells slowness
// (a degradation word or a duration of waiting read, slowWords) beside its
// failure or outage words, not scoped to the writer or a few (as round
// twenty-eight's pick is not): its service may be the most slowed one.
func slownessTold(f *facts) bool {
	if scopedToFew(&f.sig) || len(active(f.sig.degraded)) == 0 {
		return false
	}
	switch f.claim {
	case claimDegraded, claimOutage, claimOne, claimPartial:
		return true
	}
	return false
}

// slowedFor is the service a report naming no service is about by its
// slowness (mostSlowedService), or nil. Round twenty-eight's pick for
// slowness told alone is kept as it was; beside failure words the service
// must be in a slowdown (slowdownShare: 30 % or more of its requests
// slowed), not a background rise of a tenth: a failure told with "slow"
// ("nothing opens, very slow") during a background rise is no slowdown's.
func slowedFor(f *facts) *ServiceEvidence {
	if !slownessTold(f) {
		return nil
	}
	w := mostSlowedService(f.ev)
	if w == nil || f.claim == claimDegraded {
		return w
	}
	if w.WarnRate < slowdownShare {
		return nil
	}
	return w
}

// slowFailure reports whether one writer's failure (claimOne: failure
// words, no reach of many read) on a core flow is told with slowness the
// warnings confirm (f.slowConfirmed: slowness words, the service's
// failures clean, its warnings risen) while the service is in a slowdown
// (slowdownShare: 30 % or more of its requests slowed) that had not ended
// well before a ticket about the present: the failure the writer saw (a
// time-out, "nothing loads", an error after a long wait) is the slowdown's,
// as one writer's failure during an error spike is the spike's (the
// labeling conventions: high). The failure must be one the writer saw
// the slowdown end in — an error shown (showsError) or a server's time-out
// or 5xx status (failedNotBilled reads those) — not a wait that ends in
// the thing opening, or a failure only feared ("I'm afraid it won't open
// at the gate"). Only where the desk marked it urgent or high: round
// forty-eight's row keeps one time-out the desk left normal medium, and
// round forty-eight's slowDesk already raises confirmed slowness the desk
// marked so, but not when a sentence asks — and a writer who saw the error
// asks for help ("Can you look at it urgently?"): the failure seen says it
// is a report, not a question. Slowness told alone stays one writer's
// slowness (claimDegraded, slowReachCap): medium.
func slowFailure(f *facts, se *ServiceEvidence, core bool) bool {
	if f.claim != claimOne || !core || se == nil || !f.slowConfirmed || !deskHigh(f) {
		return false
	}
	if !showsError(&f.sig) && !failedNotBilled(&f.sig) {
		return false
	}
	end, ok := slowdownEnd(f.ev, se)
	if !ok {
		return false
	}
	return f.sig.over || !(vagueNow(f.ref, f.created) && end.Before(f.created.Add(-staleAfter)))
}
