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
		// in its sentence), not a stake in its outcome ("45 people waiting
		// for their pay", "28 students are emailing me").
		// A count of three or fewer in it is a few (the conventions' high:
		// "not just me, all three of us").
		from, to := sentenceOf(f.toks, h.pos)
		if threeOrFewer(f.toks, from, to) {
			continue
		}
		if sameIn(f.toks, from, to) || hitIn(f.sig.failure, from, to) || hitIn(f.sig.outage, from, to) {
			out = append(out, h)
		}
	}
	return out
}

// threeOrFewer reports whether toks[from:to] holds a count of one to three
// that is no part of a clock time.
func threeOrFewer(toks []token, from, to int) bool {
	for i := from; i < to; i++ {
		if n, ok := countOf(toks[i]); ok && n >= 1 && n <= 3 && !clockPart(toks, i) {
			return true
		}
	}
	return false
}

// hitIn reports whether one of hs stands in toks[from:to].
func hitIn(hs []hit, from, to int) bool {
	for _, h := range hs {
		if h.pos >= from && h.pos < to && !h.neg {
			return true
		}
	}
	return false
}

// sameIn reports whether the sentence toks[from:to] tells the same
// problem or a complaint (groupSameOrComplainIn).
func sameIn(toks []token, from, to int) bool {
	_, ok := groupSameOrComplainIn(toks, from, to)
	return ok
}

// groupMostReason is the reason of a verdict groupMost raised.
func groupMostReason(se *ServiceEvidence, group []hit) string {
	return fmt.Sprintf("raised to critical: others reached besides the writer (%s) while most %s requests fail in the window (%.0f%%): many blocked, confirmed by the logs",
		quote(group), se.Service, se.Rate*100)
}
