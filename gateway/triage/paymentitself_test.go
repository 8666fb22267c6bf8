package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// TestTriage_paymentItselfFailed is round ninety-one's: a ticket whose
// first service is the paying flow's and whose failure is told of the
// paying itself is the payment's, though another service it names (the
// order or basket the payment was for) shows its errors first in the logs
// (shopWithCardPayments: checkout-api fails for half, payments a little).
// Each row
// gave checkout-api with the hook taken out.
func TestTriage_paymentItselfFailed(t *testing.T) {
	at := normalTicket
	const why = "the payment itself failed"
	checkVerdicts(t, shopWithCardPayments(t), []verdictCase{
		{"en card payment", at("Card payment failed", "I had a lamp in my basket. The card payment failed twice with an error. My card works elsewhere."), High, "payments", why},
		{"de Kartenzahlung", at("Kartenzahlung geht nicht", "Ich hatte einen Stuhl im Basket. Die Card Payment ist fehlgeschlagen: Zahlung konnte nicht abgeschlossen werden."), High, "payments", why},
		{"es pago", at("El card payment falla", "Tenía dos sillas en el basket. El card payment falla siempre con un error."), High, "payments", why},
		{"fr paiement", at("Card payment refusé", "J'avais une lampe dans le basket. Le card payment échoue à chaque fois avec une erreur."), High, "payments", why},
	})
}

// TestTriage_paymentItselfFailed_counters keep their verdicts: the basket
// failing in the same clause as the paying ("my basket fails at the card
// payment step": both told, the logs choose; fails with both clause
// guards taken out), the basket and the payments told in one failing
// clause ("I can't open my basket to see my card payments"; fails with the
// guard over every clause taken out), a booking missing after the payment
// (the order's outcome), and a basket's error with the card payments only
// said to work.
func TestTriage_paymentItselfFailed_counters(t *testing.T) {
	at := normalTicket
	checkVerdicts(t, shopWithCardPayments(t), []verdictCase{
		{"en basket fails at the payment step", at("Card payments", "My basket fails at the card payment step with an error, every time."), High, "checkout-api", ""},
		{"en paid, no booking", at("Card payment taken", "The card payment went through and the money is gone, but there is nothing in my bookings."), High, "checkout-api", ""},
		{"en can't see card payments", at("Can't see my card payments", "I can't open my basket to see my card payments, it shows an error."), High, "checkout-api", ""},
		{"en basket error, payment fine", at("Basket error", "The basket shows an error when I add a chair. Card payments work fine otherwise."), High, "checkout-api", ""},
	})
}

// shopWithCardPayments is spikeProject with payments failing a little too
// (a moderate rise, after checkout-api's), and aliases as a world's may
// give them: the basket and bookings checkout-api's, card payments
// payments'.
func shopWithCardPayments(t *testing.T) Project {
	p := projectWith(t,
		gen.Incident{Service: "checkout-api", Start: noon.Add(-20 * time.Minute), Duration: time.Hour, FailRate: 0.5, Status: 503, Message: "no healthy upstream for pool {n}"},
		gen.Incident{Service: "payments", Start: noon.Add(-15 * time.Minute), Duration: time.Hour, FailRate: 0.06, Status: 502, Message: "acquirer timeout for charge {n}"})
	for i := range p.Services {
		switch p.Services[i].Name {
		case "checkout-api":
			p.Services[i].Aliases = []string{"checkout", "basket", "bookings"}
		case "payments":
			p.Services[i].Aliases = []string{"card payments", "card payment"}
		}
	}
	return p
}

// TestTriage_paymentItselfFailed_review are the review of round
// ninety-one's misreadings, each kept by the logs (checkout-api): another
// named service told failing in another sentence than the payment's (the
// guard reads every failing clause), and a paying word that names a place
// of the purchase, a page or a step, not the paying (purchasePlaceAfter).
func TestTriage_paymentItselfFailed_review(t *testing.T) {
	at := normalTicket
	checkVerdicts(t, shopWithCardPayments(t), []verdictCase{
		{"en basket crashes in the next sentence", at("Card payment failed", "The card payment failed. The basket also crashes with an error every time I try."), High, "checkout-api", ""},
		{"en basket's 503 in the next sentence", at("Card payment failed", "The card payment failed. My basket shows error 503 too."), High, "checkout-api", ""},
		{"en payment page", at("Card payment page broken", "The card payment page doesn't load, just an error. I had a lamp in my basket."), High, "checkout-api", ""},
		// A counter: the basket told working in the next sentence leaves
		// the payment's failure the payment's.
		{"en basket fine in the next sentence", at("Card payment failed", "The card payment failed twice with an error. My basket works fine."), High, "payments", "the payment itself failed"},
		{"en voucher at the payment step", at("Voucher rejected", "I had a lamp in my basket. At the card payment step my voucher is rejected with an error."), High, "checkout-api", ""},
	})
}

// TestWithoutPaymentItself: the hook's line goes when a later step of
// decide() moved the service, the others stay.
func TestWithoutPaymentItself(t *testing.T) {
	got := withoutPaymentItself([]string{"failure words", paymentItselfReason("payments", "checkout-api"), "logs"})
	if len(got) != 2 || got[0] != "failure words" || got[1] != "logs" {
		t.Errorf("got %q", got)
	}
}
