package triage

import (
	"context"
	"slices"
	"strings"
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

// TestTriage_paymentItselfFailed_counters keep their verdicts, each by
// the guard it is named for (each row gives payments with that guard
// taken out, checked one by one): the basket failing in the same clause as
// the paying ("my basket fails at the card payment step": both told, the
// logs choose; fails only with the guard over every clause, both clause
// guards and purchasePlaceAfter taken out together), the basket and
// the payments told in one failing clause ("I can't open my basket to see
// my card payments"; the guard over every clause), a booking not there
// after the payment failed (the order's outcome: the missing-order
// exclusion), the payment told going through for the basket before an
// error in the next clause (the guard on the paying word's clause), a
// charge twice beside the failure (the billing-defect exclusion), a
// payment method updated before an error in the next clause (a document
// of the account, not the paying: the document check) and a company that
// refuses to pay (payingDeclined).
func TestTriage_paymentItselfFailed_counters(t *testing.T) {
	at := normalTicket
	checkVerdicts(t, shopWithCardPayments(t), []verdictCase{
		{"en basket fails at the payment step", at("Card payments", "My basket fails at the card payment step with an error, every time."), High, "checkout-api", ""},
		{"en booking not there after the payment failed", at("Card payment", "The booking is not there: the card payment failed with an error, and no order was created."), High, "checkout-api", ""},
		{"en can't see card payments", at("Can't see my card payments", "I can't open my basket to see my card payments, it shows an error."), High, "checkout-api", ""},
		{"en payment went through for the basket, then an error", at("Card payment", "The card payment for my basket went through, then it showed an error."), High, "checkout-api", ""},
		{"en charged twice", at("Card payment failed", "The card payment failed with an error. I was charged twice for my basket."), High, "checkout-api", ""},
		{"en payment method updated, then an error", at("Payment method", "I updated my payment method, and now it shows an error every time. I had a lamp in my basket."), High, "checkout-api", ""},
		{"en refuses to pay", at("Card payment", "My company refuses to pay card payments that fail with an error. I had a lamp in my basket."), Critical, "checkout-api", ""},
	})
}

// shopWithCardPayments is spikeProject with payments failing a little too
// (a moderate rise, after checkout-api's), and aliases as a world's may
// give them: the basket and bookings checkout-api's, card payments
// payments'.
func shopWithCardPayments(t *testing.T) Project {
	return withShopAliases(projectWith(t,
		gen.Incident{Service: "checkout-api", Start: noon.Add(-20 * time.Minute), Duration: time.Hour, FailRate: 0.5, Status: 503, Message: "no healthy upstream for pool {n}"},
		gen.Incident{Service: "payments", Start: noon.Add(-15 * time.Minute), Duration: time.Hour, FailRate: 0.06, Status: 502, Message: "acquirer timeout for charge {n}"}))
}

// withShopAliases gives p's checkout-api and payments the aliases of
// shopWithCardPayments.
func withShopAliases(p Project) Project {
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

// TestPaymentHold_into: the hold's line goes at its place among the
// reasons; the zero hold adds none, nor does a hold whose payer is not
// the service decided.
func TestPaymentHold_into(t *testing.T) {
	hold := paymentHold{payer: "payments", other: "checkout-api", at: 1}
	got := hold.into("payments", []string{"failure words", "logs"})
	if len(got) != 3 || got[0] != "failure words" || got[1] != paymentItselfReason("payments", "checkout-api") || got[2] != "logs" {
		t.Errorf("got %q", got)
	}
	if got := (paymentHold{}).into("", []string{"failure words"}); len(got) != 1 {
		t.Errorf("the zero hold: got %q", got)
	}
	if got := hold.into("checkout-api", []string{"failure words"}); len(got) != 1 {
		t.Errorf("another service decided: got %q", got)
	}
}

// TestTriage_paymentItselfFailed_movedLater: where payments' logs are
// clean, the hook holds the payment first, then risenElsewhere gives the
// ticket to checkout-api, failing strongly; the explanation has no line
// of the hook (decide adds it only when the service picked is the final
// one).
func TestTriage_paymentItselfFailed_movedLater(t *testing.T) {
	tr := New(withShopAliases(spikeProject(t)), Settings{})
	res, err := tr.Triage(context.Background(), normalTicket("Card payment failed", "The card payment failed twice with an error. I had a lamp in my basket."))
	if err != nil {
		t.Fatal(err)
	}
	if res.AffectedService != "checkout-api" || slices.ContainsFunc(res.Reasons, func(r string) bool { return strings.HasPrefix(r, "outcome: the payment itself failed") }) {
		t.Errorf("got %q; reasons: %q", res.AffectedService, res.Reasons)
	}
}

// TestTriage_paymentItselfFailed_failingStep is the read-through's: where
// payments' logs are clean and checkout-api fails for most requests, the
// hook holds the payment, then the failing-step reading of an outage told
// only in flow words ("niemand kann bezahlen", "nadie puede pagar") gives
// the ticket to checkout-api inside pickServiceHeld itself; the hook's
// line follows the final service and is not among the reasons (it was,
// before the read-through).
func TestTriage_paymentItselfFailed_failingStep(t *testing.T) {
	tr := New(projectWith(t, gen.Incident{Service: "checkout-api", Start: noon.Add(-20 * time.Minute), Duration: time.Hour,
		FailRate: 0.8, Status: 503, Message: "no healthy upstream for pool {n}"}), Settings{})
	for _, tk := range []Ticket{
		normalTicket("Zahlung geht bei allen nicht", "Niemand kann bezahlen: jede Zahlung schlägt mit einem Fehler fehl. Die Kunden haben Artikel im Warenkorb."),
		normalTicket("Nadie puede pagar", "Nadie puede pagar, todos los pagos fallan con un error. Los clientes tienen productos en el carrito."),
	} {
		res, err := tr.Triage(context.Background(), tk)
		if err != nil {
			t.Fatal(err)
		}
		if res.AffectedService != "checkout-api" || !slices.ContainsFunc(res.Reasons, func(r string) bool { return strings.Contains(r, "a step of the same purchase") }) ||
			slices.ContainsFunc(res.Reasons, func(r string) bool { return strings.HasPrefix(r, "outcome: the payment itself failed") }) {
			t.Errorf("%s: got %q; reasons: %q", tk.Subject, res.AffectedService, res.Reasons)
		}
	}
}
