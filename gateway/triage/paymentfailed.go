package triage

// Round eighty-five: a failure report about the account's own bill whose
// paying failed ("I tried to pay the invoice by card and it timed out",
// "płatność za plan nie przechodzi", "Zahlung konnte nicht abgeschlossen
// werden") is the payment's: the attempt to pay is what failed, not the
// document. accountBilling sets a billing complaint's payment words aside
// ("charged twice for our subscription"); paymentAttemptFailed keeps them
// (the hook: relevantMentions, triage.go, for a one-user or unclear claim).

// paymentAttemptFailed reports whether a word of the paying flow's
// service shares a sentence with a failure word (a sentence, not a
// clause: "kartla ödemeye çalıştım, sürekli zaman aşımı hatası verdi").
// Not when a billing defect is read (a double charge, a wrong amount: the
// bill's matter), when the ticket asks how to do something (a how-to's
// paying words say how to pay), when an outage word is read ("a page
// saying 503 Service Unavailable": a server's answer, which the logs
// place), or when the only failure word is a negated "will" right before
// the paying word: a party declining to pay ("our accounts team won't pay
// it"), not a payment failing.
func (t *Triager) paymentAttemptFailed(s *signals, ms []ServiceMention) bool {
	payer := t.flowService("paying")
	if payer == "" || len(active(s.billingDefect)) > 0 || len(active(s.howto)) > 0 || len(active(s.outage)) > 0 {
		return false
	}
	var failed []hit
	for _, h := range active(s.failure) {
		if !declinesBefore(h, ms, payer) {
			failed = append(failed, h)
		}
	}
	for _, m := range ms {
		if m.Service != payer {
			continue
		}
		for _, p := range append([]int{m.Pos}, m.at...) {
			for _, h := range failed {
				if sameSentence(s, p, h.pos) {
					return true
				}
			}
		}
	}
	return false
}

// declinesBefore reports whether h is a negated "will" ("won't", "will
// not", "wouldn't") standing right before a word of payer's.
func declinesBefore(h hit, ms []ServiceMention, payer string) bool {
	if !willNot(h.phrase) {
		return false
	}
	next := h.pos + len(h.phrase)
	for _, m := range ms {
		if m.Service != payer {
			continue
		}
		for _, p := range append([]int{m.Pos}, m.at...) {
			if p == next {
				return true
			}
		}
	}
	return false
}

// willNot reports whether p is a negated "will" alone.
func willNot(p phrase) bool {
	switch p.String() {
	case "wont", "will not", "wouldnt", "would not":
		return true
	}
	return false
}
