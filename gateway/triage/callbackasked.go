package triage

import "fmt"

// Round ninety-seven: a request to be called back is about no service,
// whatever else it asks.
//
// The labels' convention gives a ticket that describes no failure of the
// product, and asks for something the desk does rather than a service
// (a privacy or deletion request, a question about a price or a policy,
// a call back), low with no service. callBackOnly (triage.go) keeps no
// service for a call-back request only when the call is all it asks:
// a question word beside it ("I have a couple of questions", "Frage",
// "문의"), a how-to or billing word or a question mark gave the request
// the service its topic names ("the quote for my son's braces", "our
// family holiday", "the contract renewal and the tier pricing"). In the
// tuned sets every such request was labeled with no service: the
// questions are what the call is to be about, told so the right person
// calls, not a report about the service their words stand for.
//
// What it reads: the ask to be called (inquiryWords' call-back phrases,
// in the languages callBackList holds, less those notCalledBy turns into
// a report or a refusal) on a ticket read as a question or request
// (claimLow) with no failure or outage word read as the writer's. A
// failure told beside the ask ("payments fail, please call me") is
// another claim, and a word of failure outweighed by the question
// ("how do I … I can't find") keeps the service the question names.
// The severity is the one read.

// callBackAsked returns the call-back phrase that makes a question or
// request one for a call, and whether there is one.
func callBackAsked(f *facts) (hit, bool) {
	if f.claim != claimLow || len(failedHits(&f.sig))+len(active(f.sig.dataLoss))+len(active(f.sig.degraded)) > 0 {
		return hit{}, false
	}
	best, ok := hit{}, false
	for _, h := range active(f.sig.inquiry) {
		if callBacks[&h.phrase[0]] && len(h.phrase) > len(best.phrase) {
			best, ok = h, true // the longest, as the reason quotes it
		}
	}
	return best, ok
}

// callBackKept reports whether a request to be called back
// (callBackAsked) keeps no service, and the reason when it clears one:
// the later readers of a question's service (refundNamed, askedAbout,
// ownedThing) are not asked either.
func callBackKept(f *facts, service string) (string, bool) {
	h, ok := callBackAsked(f)
	if !ok || service == "" {
		return "", ok
	}
	return fmt.Sprintf("a request to be called back (%s) that describes no failure asks for a call, about no service: not %s", quote([]hit{h}), service), true
}
