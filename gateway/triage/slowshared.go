package triage

import (
	"fmt"
	"strings"
)

// Round eighty-three: a slowdown the warnings show, told as shared by
// others (issue #14).
//
// A slowdown shows in a service's warnings (slow requests, retries), not in
// its failures: its failure share stays clean while half its requests are
// slowed. logLevel already reads such a warning rise as a moderate anomaly
// for a ticket that tells slowness (f.slowConfirmed), and round fifty-six
// holds one writer's slowness at medium (slowReachCap). But a report whose
// words read a failure ("timeout", "error", "hang") beside the slowness is
// a failure claim, and one that names no reach of many is read as one
// writer's failure on logs whose failures are clean: medium, though the
// writer says others have the same ("all four of us on shift", "five of my
// students complained", "my fellow fans all say the same"). The labeling
// conventions call many users' confirmed slowness on a core flow high, and
// a few users' failure during a confirmed incident high; one writer's
// slowness stays medium.
//
// slowShared reads that case: a failure, partial or outage claim (not
// slowness told alone, which slowReachCap and groupReach already read), on
// a core flow, with slowness the writer tells of the system
// (toldSlowness: not feared, asked or quoted), confirmed by the service's
// warnings in a slowdown (slowdownShare: 30 % or more of its requests
// slowed; a background rise of a tenth is no slowdown) that had not ended
// well before a ticket about the present (slowdownStale), and a group of
// people besides the writer reached by it (groupReach).

// slowShared returns the words telling the group reached and the slowness
// told when a ticket's slowdown is shared by others (see above), nil when
// not.
func slowShared(f *facts, se *ServiceEvidence, core bool) (group, slow []hit) {
	if !core || se == nil || !f.slowConfirmed {
		return nil, nil
	}
	switch f.claim {
	case claimOne, claimPartial, claimOutage:
	default:
		return nil, nil
	}
	slow = toldSlowness(f)
	if len(slow) == 0 {
		return nil, nil
	}
	if isStale, ok := slowdownStale(f, se); !ok || isStale {
		return nil, nil
	}
	group = groupReach(f.toks)
	if len(group) == 0 {
		return nil, nil
	}
	return group, slow
}

// slowSharedReason is the reason of a verdict slowShared raised.
func slowSharedReason(f *facts, se *ServiceEvidence, group, slow []hit) string {
	return fmt.Sprintf("raised to high: slowness told (%s) and shared by others (%s) while %.0f%% of %s's requests are slowed (its failures clean): a confirmed slowdown reaching more than the writer",
		quote(slow), quote(group), se.WarnRate*100, se.Service)
}

// Round eighty-three: a count of the writer's own group ("all four of us",
// "vier von uns", "quatre d'entre nous") is a group of people reached, as
// "four guests" is (groupInSentence's count of three or more).
//
// The review's mends: the count, a word for "of" and the pronoun for us
// stand one right after the other, in a pair a language writes (the
// pronoun alone collides: French "nos" and Dutch "ons" are "our",
// Romanian "noi" is also "new", "us" is also the country; so are the
// words between them: "trois de nos commandes", "20 de comenzi noi", "3
// of our US hotel bookings"), and the group's sentence tells the same
// problem or a complaint (groupSameOrComplainIn), as round sixty-four
// asks of people in the plural: "drei von uns gebuchte Abholungen" counts
// the pickups we booked. A failure word in the sentence is not enough:
// "une erreur pour trois de nos commandes", "einen Fehler für drei von uns
// gebuchte Abholungen".

// ofUs are the pairs of a word for "of" and the pronoun for us, as a
// token's raw words read them (tokenize drops the apostrophe: "d'entre"
// is "dentre"; Portuguese "nós" keeps its accent, as French "nos" has
// none).
var ofUs = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range ofUsPairs {
		m[ofUsKey(tokenize(p))] = true
	}
	return m
}()

// ofUsPairs are the pairs as a writer writes them.
var ofUsPairs = []string{"of us", "von uns", "d'entre nous", "parmi nous", "de nosotros", "de nosotras", "de nós",
	"di noi", "dintre noi", "din noi", "van ons", "av oss", "af os"}

// ofUsCounts are counts only the pair after them makes one: Danish and
// Norwegian "fire" (four) is an English word elsewhere.
var ofUsCounts = map[string]int{"fire": 4}

// ofUsKey joins the raw words of a pair.
func ofUsKey(toks []token) string { return strings.Join(rawWords(toks), " ") }

// countOfUs reads a count of three or more at toks[i] followed by a pair
// of ofUs in the sentence toks[from:to] ("four of us"), the group's words
// as written. The count is read within its sentence: the word that ends
// the sentence before ("une erreur. Quatre d'entre nous", "sedan 11:30.
// Tre av oss") is no code or clock it belongs to.
func countOfUs(toks []token, from, i, to int) (hit, bool) {
	if i+2 >= to || toks[i+1].brk || toks[i+2].brk || !ofUs[ofUsKey(toks[i+1:i+3])] {
		return hit{}, false
	}
	n, ok := groupCount(toks[from:to], i-from)
	if !ok && (i == from || !isNumber(toks[i-1].raw)) {
		n, ok = ofUsCounts[toks[i].raw]
	}
	if !ok || n < 3 {
		return hit{}, false
	}
	return hit{phrase: phrase{toks[i].raw, toks[i+1].raw, toks[i+2].raw}, pos: i}, true
}

// spinWords are the slowness words that tell only a spinner turning
// ("spinning", "spinner", "转圈"): the writer waited and saw nothing, which is
// the slowdown's only where the logs show one. During a background rise of
// the warnings (a tenth of the lines) the spinner is the writer's failure
// to load, not a slowdown confirmed.
var spinWords = map[string]bool{}

func init() {
	for _, w := range []string{"spinning", "spinner", "转圈"} {
		spinWords[mkPhrase(w).String()] = true
	}
}

// spinOnly reports whether every slowness word of slow tells only a spinner
// and se's warnings rose short of a slowdown (slowdownShare): then the
// warnings do not confirm slowness (logLevel).
func spinOnly(slow []hit, se *ServiceEvidence) bool {
	if len(slow) == 0 || se.WarnRate >= slowdownShare {
		return false
	}
	for _, h := range slow {
		if !spinWords[h.phrase.String()] {
			return false
		}
	}
	return true
}
