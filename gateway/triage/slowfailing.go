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
// The cap is round fifty-six's (slowReachCap: the read-through of round
// ninety-nine merged this round's near-copy of it into it): slowFailing
// is what this round reads, the claim (slowness words with neither
// failure words nor a scope of many: claimDegraded) and the level, where
// the warnings do not confirm the slowness (where they do, round
// fifty-six's reading holds the same ticket already); the desk's
// priority, the words that tell a group of people reached (groupReach,
// round sixty-four) and whether the service is a core flow are read as
// for the warnings' slowness. Off a core flow the hold changes no
// verdict: the scorer reads this claim on a moderate rise below high on
// a service that is no core flow (the claim, the rise, the slowness
// words and every other signal the claim allows sum below the high cut),
// and no floor raises it.

// slowFailing reports whether a ticket tells one writer's slowness the
// warnings do not confirm while the service's failures rose moderately in
// the window (level).
func slowFailing(f *facts, level string) bool {
	return !f.slowConfirmed && f.claim == claimDegraded && level == LevelModerate
}

// slowFailingTold is what slowFailing read, as the cap's reason says it.
const slowFailingTold = "slowness told while the service's failures rose moderately in the window"
