package triage

// Round ninety-nine: one writer's slowness on a moderate failure rise
// (issue #14).
//
// Round fifty-six (slowReachCap) holds one writer's slowness at medium
// when the service's warnings confirm it (f.slowConfirmed): the writer's
// requests go through, only slower. A slowdown also shows as a moderate
// rise of the failures themselves when the slow requests time out (a few
// per cent of a flow's requests fail on "waited …ms" or "timed out"): the
// ticket then reads a moderate anomaly from the failures, slowConfirmed
// stays false and the scorer takes the slowness words and the rise on a
// core flow to high. The labels call that ticket medium as they call the
// warnings' one: what decides is whom the slowness reaches, not which
// log lines confirm it.
//
// slowFailingCap reads the claim (slowness words with neither failure
// words nor a scope of many: claimDegraded), the level of the service's
// failures (moderate, not a spike: a spike is a failure for many the
// writer meets, high by the labeling conventions), the desk's priority
// and the words that tell a group of people reached (groupReach, round
// sixty-four), as slowReachCap does.

// slowFailingCap is the most a ticket telling one writer's slowness may
// be when its service's failures rose moderately, with the reason, or ""
// when nothing caps it: medium when the desk did not mark it urgent or
// high and, on a core flow, no group of people reached is read.
func slowFailingCap(f *facts, level string, core bool) (string, string) {
	if f.claim != claimDegraded || f.slowConfirmed || level != LevelModerate || deskHigh(f) {
		return "", ""
	}
	if core && len(groupReach(f.toks)) > 0 {
		return "", ""
	}
	return Medium, "held at medium: slowness told by one writer while the service's failures rose moderately (slow requests timing out), no reach of many read and the desk did not mark it urgent or high: one writer's slowness"
}
