package triage

import "fmt"

// Round eighty-seven: a group besides the writer, told as reached by the
// failure the writer reports (groupReach: "at least ten others", "all six
// workstations", "five neighbours have the same error"), while most of a
// core flow's requests fail in the window and the spike stands at the
// report (confirmed), is the contract's critical: the words name the
// many, the logs confirm them. An outage claim is the contract's already.
func groupMost(f *facts, se *ServiceEvidence, level string, core, confirmed bool) []hit {
	if !core || !confirmed || level != LevelStrong || se == nil || se.CountBased || se.Rate < urgentMajorityShare {
		return nil
	}
	switch f.claim {
	case claimOne, claimPartial, claimUnknown:
	default:
		return nil
	}
	if f.question || f.sig.question || f.priority == "low" || accountBilling(&f.sig) {
		return nil
	}
	var out []hit
	for _, h := range groupReach(f.toks) {
		// The group has the writer's problem (the same, or a failure told
		// in its own clause), not a stake in its outcome ("45 people
		// waiting for their pay", "28 students are emailing me").
		// A group counted two or three is a few (the conventions' high:
		// "not just me, all three of us"), and so is one other person.
		from, to := sentenceOf(f.toks, h.pos)
		gFrom, gTo := groupSpan(f.toks, h, from, to)
		if threeOrFewer(f.toks, gFrom, gTo, from, to) || oneOther(f.toks, h, from) {
			continue
		}
		if _, same := groupSameOrComplainIn(f.toks, from, to); same || failsInClause(f, gFrom, gTo) {
			out = append(out, h)
		}
	}
	return out
}

// groupSpan returns the bounds [from, to] of the group's own words in the
// sentence toks[sFrom:sTo]: from its first word to its last ("all my
// colleagues", "fünf Kolleginnen"). A hit read in the joined sentence
// ("not just me") stands at the sentence's start: its words are looked
// for after it.
func groupSpan(toks []token, h hit, sFrom, sTo int) (int, int) {
	is := func(k int, w string) bool {
		return toks[k].raw == w || toks[k].f == w || toks[k].w == w
	}
	first := h.pos
	if len(h.phrase) > 0 && !is(first, h.phrase[0]) {
		for k := h.pos; k < sTo; k++ {
			if is(k, h.phrase[0]) {
				first = k
				break
			}
		}
	}
	last := first
	if n := len(h.phrase); n > 1 {
		for k := first + 1; k < sTo && k <= first+n+3; k++ {
			if is(k, h.phrase[n-1]) {
				last = k
				break
			}
		}
	}
	return first, last
}

// threeOrFewer reports whether the group whose words stand at
// toks[gFrom..gTo] is counted two or three: a count among its words or
// right beside them in their clause ("all three colleagues", "my 2
// cousins"), or a count of us in the sentence toks[from:to] ("all three
// of us"). A count of one is an article ("una trentina", "eine
// Fehlermeldung") or a thing's ("one after another"), never the group's;
// nor is a count elsewhere in the sentence ("I tried 2 times").
func threeOrFewer(toks []token, gFrom, gTo, from, to int) bool {
	few := func(i int) bool {
		n, ok := groupCount(toks, i)
		return ok && n >= 2 && n <= 3
	}
	lo, hi := gFrom, gTo
	for lo > from && lo > gFrom-2 && !toks[lo].brk {
		lo--
	}
	for hi+1 < to && hi < gTo+2 && !toks[hi+1].brk {
		hi++
	}
	for i := lo; i <= hi; i++ {
		if few(i) {
			return true
		}
	}
	for i := from; i+2 < to; i++ {
		if few(i) && !toks[i+1].brk && !toks[i+2].brk && ofUs[ofUsKey(toks[i+1:i+3])] {
			return true
		}
	}
	return false
}

// oneOther reports whether h is the same problem said of one other
// person (othersSame reads "mon mari a le même problème"): the person
// word before it follows a determiner of one ("mon", "mein", "a", "une")
// or an English possessive before a singular ("my husband"). One other
// is a few, the conventions' high.
func oneOther(toks []token, h hit, from int) bool {
	if !matchesAny(toks, h.pos, sameTrouble) {
		return false
	}
	for k := h.pos - 1; k > from; k-- {
		if otherPersonAt(toks, k) {
			d := toks[k-1].raw
			return !collectives[toks[k].w] && (oneDeterminers[d] || (d == "my" || d == "our") && !reachPlural(toks[k]))
		}
	}
	return false
}

// oneDeterminers are the possessives and articles that name one person
// only ("mon mari", "mein Kollege", "a neighbour", "une collègue").
var oneDeterminers = map[string]bool{"a": true, "an": true, "one": true, "mon": true, "ma": true, "mein": true, "meinem": true,
	"mi": true, "mio": true, "mia": true, "min": true, "mitt": true, "mój": true, "moja": true, "můj": true, "meu": true, "minha": true,
	"un": true, "une": true, "ein": true, "eine": true, "uno": true, "una": true, "um": true, "uma": true, "een": true, "en": true, "ett": true}

// collectives are the words of otherPeople that name a group in the
// singular ("our team", "a group").
var collectives = map[string]bool{"group": true, "team": true, "staff": true, "people": true, "gente": true, "leute": true,
	"eltern": true, "mensen": true}

// failsInClause reports whether a failure or outage word stands in the
// clauses of the group's words toks[gFrom..gTo] (clausesSplitAt with the
// contrast words, so split at punctuation and at "but": "all my
// colleagues tried to help me but couldn't figure it out" tells no
// failure of theirs), and is no part of the writer's own words ("…
// waiting because I can't pay").
func failsInClause(f *facts, gFrom, gTo int) bool {
	cl := clausesSplitAt(f.toks, contrastWords)
	for _, hs := range [][]hit{f.sig.failure, f.sig.outage} {
		for _, h := range hs {
			if cl[h.pos] >= cl[gFrom] && cl[h.pos] <= cl[gTo] && !h.neg && !writersOwn(f.sig.self, h.pos) {
				return true
			}
		}
	}
	return false
}

// writersOwn reports whether the word at i is part of one of self, the
// writer's own words ("i cant", "i get").
func writersOwn(self []hit, i int) bool {
	for _, h := range self {
		if i >= h.pos && i < h.pos+len(h.phrase) {
			return true
		}
	}
	return false
}

// groupMostReason is the reason of a verdict groupMost raised.
func groupMostReason(se *ServiceEvidence, group []hit) string {
	return fmt.Sprintf("raised to critical: others reached besides the writer (%s) while most %s requests fail in the window (%.0f%%): many blocked, confirmed by the logs",
		quote(group), se.Service, se.Rate*100)
}
