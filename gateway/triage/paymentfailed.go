package triage

// Round eighty-five: a failure report about the account's own bill whose
// paying failed ("I tried to pay the invoice by card and it timed out",
// "płatność za plan nie przechodzi", "Zahlung konnte nicht abgeschlossen
// werden") is the payment's: the attempt to pay is what failed, not the
// document. accountBilling sets a billing complaint's payment words aside
// ("charged twice for our subscription"); paymentAttemptFailed keeps them
// (the hook: relevantMentions, triage.go, for a one-user or unclear claim).

// paymentAttemptFailed reports whether a paying word of the paying flow's
// service is reached by a failure word (failureReaches): in its clause, or
// across a comma into a clause that names no other service ("kartla
// ödemeye çalıştım, sürekli zaman aşımı hatası verdi"). Its review's
// mends: the word must be the paying, not the document paid (a billing
// word: "the invoice PDF won't download", "de factuur kan niet worden
// gegenereerd"), unless the failure's clause names the paying
// (payingInClause: "zaplatit fakturu …, ale platba pořád selhává"); and
// not a paying the writer declines (payingDeclined:
// "nous refusons de payer la facture …, le nettoyage a échoué"). Not when
// a billing defect is read (a double charge, a wrong amount: the bill's
// matter), when the ticket asks how to do something (a how-to's paying
// words say how to pay), or when an outage word is read ("a page saying
// 503 Service Unavailable": a server's answer, which the logs place).
func (t *Triager) paymentAttemptFailed(f *facts, ms []ServiceMention) bool {
	s := &f.sig
	payer := t.flowService("paying")
	if payer == "" || len(active(s.billingDefect)) > 0 || len(active(s.howto)) > 0 || len(active(s.outage)) > 0 {
		return false
	}
	documents := documentsAt(s)
	var others []int
	for _, m := range ms {
		if m.Service != payer {
			others = append(others, mentionAt(m)...)
		}
	}
	reach := func(p, q int) bool {
		return failureReaches(f, p, q, others) && (!documents[p] || payingInClause(f.toks, s.clause, q))
	}
	failures := active(s.failure)
	for _, m := range ms {
		if m.Service != payer {
			continue
		}
		for _, p := range namedInSentence(s, m, failures, reach) {
			if !payingDeclined(f.toks, p) {
				return true
			}
		}
	}
	return false
}

// failureReaches reports whether the failure word at q tells of the word
// at p in its sentence: they share a clause, or q's clause is the next or
// the one before (clauses end at punctuation: a comma, a parenthesis) and
// names none of others (another service's words: "I tried to pay the
// invoice, the confirmation e-mail shows an error").
func failureReaches(f *facts, p, q int, others []int) bool {
	cl := f.sig.clause
	if cl[p] == cl[q] {
		return true
	}
	if d := cl[p] - cl[q]; d != 1 && d != -1 {
		return false
	}
	for _, o := range others {
		if o >= 0 && o < len(cl) && cl[o] == cl[q] {
			return false
		}
	}
	return true
}

// payingDeclined reports whether the paying word at p is one the writer
// declines, not one that failed: a refusal (refusalWords) up to three
// words before it in its clause ("refuses to pay", "refusons de payer",
// "weigeren te betalen"); a negated future or wish right before it ("won't
// pay": negAux's, fillers skipped); or a negator right before it after
// such an auxiliary earlier in the clause ("will not be paying", and in
// the languages that put the verb last "wir werden die Rechnung nicht
// bezahlen", "we zullen de factuur niet betalen").
func payingDeclined(toks []token, p int) bool {
	if p <= 0 || p >= len(toks) {
		return false
	}
	if inClauseBefore(toks, p, 3, func(k int) bool { return refusalWords.matches(toks, k) }) {
		return true
	}
	k := p - 1
	for k > 0 && !toks[k+1].brk && fillers[toks[k].w] {
		k--
	}
	if toks[k+1].brk {
		return false
	}
	switch w := toks[k].w; {
	case negAux[w] && declineAux[w]:
		return true
	case negatorWord(toks[k]):
		return inClauseBefore(toks, k, 8, func(j int) bool { return declineAux[toks[j].w] })
	}
	return false
}

// declineAux are the auxiliaries of a future or a wish, negated in a
// refusal ("we won't pay", "wir wollen nicht zahlen"); negAux says which
// English ones carry their negation.
var declineAux = map[string]bool{"will": true, "would": true, "wont": true, "wouldnt": true,
	"werden": true, "werde": true, "wird": true, "wollen": true, "zullen": true, "willen": true}

// refusalWords refuse, in the languages the lists read: before a paying
// word, the writer or their company refuses to pay. Past participles
// ("refusé", "rejected") are a card's or a bank's refusal, a failure, and
// are not here. The tokens' stem reads "refuses" as "refuse", and the
// verb alone finds "nos negamos" and "nos recusamos" (it stands nearer
// the paying word than the pronoun).
var refusalWords = mkFlowWords("refuse", "refusing", "refusons", "refusez", "refusent", "weigern", "weigere",
	"weigeren", "weiger", "negamos", "rifiutiamo", "rifiuto di", "recusamos", "odmawiamy",
	"odmawiam", "vägrar", "odmítáme", "odmítám", "отказываемся", "отказываюсь")

// documentsAt are the positions of the ticket's billing words and paper
// documents: a paying word there is the document paid, not the paying.
func documentsAt(s *signals) map[int]bool {
	documents := map[int]bool{}
	for _, h := range s.billing {
		documents[h.pos] = true
	}
	for _, h := range paperDocuments(s.account) {
		documents[h.pos] = true
	}
	return documents
}
