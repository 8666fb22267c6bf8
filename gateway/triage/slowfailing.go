package triage

// Round ninety-nine: one writer's slowness on a moderate failure rise
// (issue #14).
//
// Round fifty-six (slowReachCap) holds one writer's slowness at medium
// when the service's warnings confirm it (f.slowConfirmed): the writer's
// requests go through, only slower. The same ticket is also written while
// the service's failures show a moderate rise in the ticket's window: the
// ticket then reads a moderate anomaly from the failures and the scorer
// takes the slowness words and the rise on a core flow to high. The
// labels call that ticket medium as they call the warnings' one: what
// decides is whom the slowness reaches.
//
// The cap reads only the level of the service's failures in the window
// (moderate, not a spike: a spike is a failure for many the writer meets,
// high by the labeling conventions). It does not read what the failures
// are nor when they happened: in the tuned sets' misses they were the
// slow requests timing out, but a window stretched to a whole day
// ("today", "Hoje", "Heute") can average an earlier, unrelated outage
// into a moderate rise, and the ticket is still one writer's slowness.
// The reason line says what was read, no more (the round's review).
//
// slowFailingCap reads the claim (slowness words with neither failure
// words nor a scope of many: claimDegraded), the level, the desk's
// priority and the words that tell a group of people reached
// (groupReach, round sixty-four), as slowReachCap does. It needs no test
// of slowConfirmed: where the warnings confirm the slowness slowReachCap
// has already held the same ticket at medium, or, for the desk's mark or
// a group on a core flow, let it stand, as this cap does.

// slowFailingCap is the most a ticket telling one writer's slowness may
// be when its service's failures rose moderately in the window, with the
// reason, or "" when nothing caps it: medium when the desk did not mark
// it urgent or high and, on a core flow, no group of people reached is
// read. On a service that is no core flow a group the claim does not
// read as many is held too, as slowReachCap holds it.
func slowFailingCap(f *facts, level string, core bool) (string, string) {
	if f.claim != claimDegraded || level != LevelModerate || deskHigh(f) {
		return "", ""
	}
	if core && len(groupReach(f.toks)) > 0 {
		return "", ""
	}
	return Medium, "held at medium: slowness told by one writer while the service's failures rose moderately in the window, no reach of many read and the desk did not mark it urgent or high: one writer's slowness"
}
