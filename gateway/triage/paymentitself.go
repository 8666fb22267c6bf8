package triage

import "slices"

// Round ninety-one: a ticket whose first service is the paying flow's and
// whose failure is told of a paying word itself ("Kartenzahlung … 'Zahlung
// konnte nicht abgeschlossen werden'", "maksu epäonnistui", "around 10% of
// card payments are refused") is about the payment: the money was not
// taken. Another service it also names (the order, booking or basket the
// payment was for, the search used before) is where the payment was made,
// and its logs rising first do not take the ticket from the payment (the
// hook: pickService, triage.go, where several named services are weighed
// by their logs). Not when the ticket says an order, booking or basket is
// missing after paying (that outcome is the order's: paidorder.go), when
// it reads a billing defect (the bill's own matter, which other rules
// place), or when the paying word is a document paid ("the invoice page
// fails") and the failure's clause does not name the paying.

// paymentItselfFailed reports whether ms's first service is the paying
// flow's and a failure or outage word reaches one of its words
// (failureReaches: the same clause, or the next or the one before when it
// names no other service) in the same sentence, where neither the word's
// clause nor the failure's names another service: "customers can't log
// in to see their saved payment methods" and "booking fails at the
// payment step" tell of both, and the logs still choose; so too when any
// clause of the ticket tells both failing (a subject's "can't see saved
// payment methods" over a body's "can't log in to see their saved payment
// methods").
func (t *Triager) paymentItselfFailed(f *facts, ms []ServiceMention) bool {
	s := &f.sig
	payer := t.flowService("paying")
	if payer == "" || len(ms) < 2 || ms[0].Service != payer {
		return false
	}
	if len(active(s.orderMissing)) > 0 || len(active(s.billingDefect)) > 0 {
		return false
	}
	documents := documentsAt(s) // paymentfailed.go
	var others []int
	for _, m := range ms[1:] {
		if m.Service != payer {
			others = append(others, mentionAt(m)...)
		}
	}
	otherIn := map[int]bool{}
	for _, o := range others {
		if o >= 0 && o < len(s.clause) {
			otherIn[s.clause[o]] = true
		}
	}
	// Both told failing in one clause anywhere ("customers can't log in
	// to see their saved payment methods"): the logs choose.
	failed := failedHits(s)
	failingClause := map[int]bool{}
	for _, h := range failed {
		if h.pos >= 0 && h.pos < len(s.clause) {
			failingClause[s.clause[h.pos]] = true
		}
	}
	for c := range failingClause {
		if otherIn[c] {
			return false
		}
	}
	reach := func(p, q int) bool {
		return failureReaches(f, p, q, others) && !otherIn[s.clause[p]] && !otherIn[s.clause[q]] &&
			(!documents[p] || payingInClause(f.toks, s.clause, q)) && !purchasePlaceAfter(f.toks, s.clause, p)
	}
	for _, p := range namedInSentence(s, ms[0], failed, reach) {
		if !payingDeclined(f.toks, p) {
			return true
		}
	}
	return false
}

// paymentItselfReason says why the logs of another named service did not
// take the ticket.
func paymentItselfReason(payer, other string) string {
	return "outcome: the payment itself failed (" + payer + "); " + other + ", named beside it, is where it was made: its logs do not decide"
}

// paymentHold is pickServiceHeld's record of the hook: the payer kept
// though other, named beside it, rose first in its logs, and at, where the
// hold's line stands among pickServiceHeld's reasons. The zero hold is
// none.
type paymentHold struct {
	payer, other string
	at           int
}

// into returns reasons with the hold's line at its place when service,
// the service decided, is the payer the hold kept. When another service
// is decided, by a later step of decide() (logWordsService,
// paidOrderFails, risenElsewhere: review of round ninety-one) or by
// pickServiceHeld's own failing-step reading after the hold (the
// read-through of rounds ninety-one to ninety-four), the explanation does
// not say the payment's outcome decided.
func (h paymentHold) into(service string, reasons []string) []string {
	if h.other == "" || service != h.payer {
		return reasons
	}
	return slices.Insert(reasons, h.at, paymentItselfReason(h.payer, h.other))
}

// pickService is pickServiceHeld (triage.go) for the callers that read
// only its service: the hold's line is among its reasons when its service
// is the payer.
func (t *Triager) pickService(f *facts) (string, *ServiceEvidence, []string) {
	service, se, reasons, hold := t.pickServiceHeld(f)
	return service, se, hold.into(service, reasons)
}

// purchasePlaces start the words for a place of the purchase other than a
// page (pageWords: ownedthing.go): a step, button, form or site.
var purchasePlaces = []string{"step", "button", "form", "site", "schritt", "knopf", "bouton", "étape", "etape",
	"paso", "botón", "boton", "botão", "botao", "passo", "pulsante", "stap", "knop", "krok", "przycisk",
	"steg", "knapp", "trin", "adım", "buton", "vaihe", "painike", "sivusto", "lomake"}

// purchasePlaceAfter reports whether a page word or another place of the
// purchase (purchasePlaces) follows the paying word at p within three
// words of its clause: "the payment page doesn't load", "rejected at the
// card payment step" tell of a place of the purchase, not of the paying
// (review of round ninety-one).
func purchasePlaceAfter(toks []token, cl []int, p int) bool {
	for k := p + 1; k <= p+3 && k < len(toks) && k < len(cl); k++ {
		if cl[k] != cl[p] || toks[k].brk {
			return false
		}
		if hasAnyPrefix(toks[k].raw, pageWords) || hasAnyPrefix(toks[k].raw, purchasePlaces) {
			return true
		}
	}
	return false
}
