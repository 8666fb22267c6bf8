package triage

import (
	"fmt"
	"slices"
)

// Round sixty-three: money taken is the payment that worked. "Charged but
// no order" is the order's service (the outcome convention, read by
// relevantMentions and boughtAbsent), but a writer often names only the
// payment and tells in the product's own words what did not come of it
// (a plan not granted, a session not started, an invoice still open, a
// gift not recorded): no list of missing things reads them in every
// world. The logs do. When the words say money was taken (paidWords, not
// negated, no word of none before them) and the payment service they
// name is clean in the window, while the order's service fails there (a
// moderate anomaly or more, not one stale for the report), the failure
// the writer met is the order's.
//
// Only for a report of a failure (the claims whose service the logs may
// choose, as pickService's logsPick): not a question, a resolution, a
// security or data-loss report. Not when a payment word stands in a
// clause that states the failure and does not say it works there ("the
// card payment failed", "charged twice": failsHere), nor when the money
// itself does ("the refund never came": moneyFails), nor with a billing
// defect ("overcharged"): the payment's own failures, whatever else
// fails; not where the payment's logs are not clean or the order's
// service is.
func (t *Triager) paidOrderFails(f *facts, service string, se *ServiceEvidence) (*ServiceEvidence, string) {
	payer := t.flowService("paying")
	if service == "" || service != payer || t.orderService == "" || t.orderService == payer || f.ev == nil ||
		se != nil && se.Level != LevelClean {
		return nil, ""
	}
	if !(failureClaim(f.claim) || unreadReport(f)) {
		return nil, ""
	}
	paid := moneyTaken(f.toks, active(f.sig.paid))
	if len(paid) == 0 || len(active(f.sig.billingDefect)) > 0 || moneyFails(f, payer, paid) ||
		slices.ContainsFunc(f.mentions, func(m ServiceMention) bool { return m.Service == payer && m.failsHere }) {
		return nil, ""
	}
	o := f.evidenceOf(t.orderService)
	if o == nil || levelRank(o.Level) < levelRank(LevelModerate) || stale(f.ev, o, f.ref, f.created, f.sig.over) {
		return nil, ""
	}
	return o, fmt.Sprintf("money taken (%s) and %s clean in the window, while %s, the order's service, fails there: the outcome is the order's",
		quote(paid), payer, t.orderService)
}

// moneyTaken are the paid hits that say money was taken: not those with
// a word of none before them in their sentence, up to three words back
// ("no amount was charged", "nenhum valor foi cobrado", "kein Betrag
// wurde abgebucht").
func moneyTaken(toks []token, paid []hit) []hit {
	return dropHits(paid, func(h hit) bool {
		if h.pos >= len(toks) {
			return false
		}
		for k := h.pos - 1; k >= 0 && k >= h.pos-3 && !toks[k+1].stop; k-- {
			if noneWord(toks[k]) || noDeterminers[toks[k].w] {
				return true
			}
		}
		return false
	})
}

// moneyFails reports whether the money itself (moneyThings: a refund,
// the money, the amount) stands in a clause that states the failure:
// "the money is still not back", "the refund never came" are the
// payment's own, whatever the order's service does. Not the paid words
// (the money taken) nor where the payment service is named (failsHere
// judges those), nor a step done ("after the payment screen").
func moneyFails(f *facts, payer string, paid []hit) bool {
	skip := map[int]bool{}
	for _, h := range paid {
		skip[h.pos] = true
	}
	for _, m := range f.mentions {
		if m.Service == payer {
			for _, p := range mentionsAt(m) {
				skip[p] = true
			}
		}
	}
	cl, failing := failingClauses(f.toks, &f.sig)
	for k := range f.toks {
		if k < len(cl) && failing[cl[k]] && !skip[k] && !afterStep(f.toks, k) && moneyThings.matches(f.toks, k) {
			return true
		}
	}
	return false
}
