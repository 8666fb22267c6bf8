package triage

// Round ninety-six: one word of one service's aliases places a failure
// report. Round sixty's vocabService places a ticket that leaves the
// service open by the words it shares with one service's vocabulary, and
// asks for two such words, or one that is both an alias word and a word
// of the service's failure log lines. A failure report often names the
// world's thing by one word of an alias only ("the seats are released
// after two minutes" beside the alias "reserve seats", "the customer
// portal is slow" beside "customer portal", "my appointment" beside "book
// an appointment"), and the logs, clean in the window, hold no line with
// it.
// Round ninety tried one word of the log lines and was not merged: a log
// line's words are the operator's generic ones ("unexpected", "conflict",
// "in progress"). An alias is the operator's own name for what the service
// owns, so one of its words, when no other service's aliases or log lines
// hold it, is read as the service's place.
//
// What it reads: the one word vocabService found (shared with the best
// service alone), the claim, the ticket's billing words and the aliases.
// Guards:
//   - a failure report only (failureClaim): a question or a request names
//     the world's things as a failure does, without one failing;
//   - not a complaint about the account's own bill or invoice
//     (accountBilling), unless a server's failure is quoted
//     (failedNotBilled), as logWordsService reads it;
//   - the word is an alias's last content word, its head ("portal" of
//     "customer portal", "seats" of "reserve seats"): a word before the
//     head is the world's everyday noun the service acts on ("scooter" of
//     "scooter unlock", "appointment" of "appointment slot"), which a
//     ticket names for a flat tyre or a printer too (round sixty's
//     counter-rows);
//   - never the finding service: what its aliases name is what is looked
//     for ("find a doctor", "employee search"), not the search.
//
// Only the service is placed, as vocabService places it; the severity
// stays the one read without it.

// oneAliasWordPlaces reports whether the one word shared, the only one
// the best service svc's vocabulary v shares with the ticket, places a
// failure report there (the hook in vocabService).
func (t *Triager) oneAliasWordPlaces(f *facts, svc string, shared []string) bool {
	if len(shared) != 1 || !failureClaim(f.claim) || svc == t.flowService("finding") {
		return false
	}
	if accountBilling(&f.sig) && !failedNotBilled(&f.sig) {
		return false
	}
	w := shared[0]
	for _, s := range t.p.Services {
		if s.Name != svc {
			continue
		}
		for _, a := range s.Aliases {
			if ws := aliasWords([]string{a}); len(ws) > 0 && sameLogWord(w, ws[len(ws)-1]) {
				return true
			}
		}
	}
	return false
}
