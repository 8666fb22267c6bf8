package triage

import (
	"context"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// paidOrderRow is a ticket at noon and the service it is about.
type paidOrderRow struct {
	name, subject, text, want string
}

// checkPaidOrderRows triages each row in p and checks its service.
func checkPaidOrderRows(t *testing.T, p Project, rows []paidOrderRow) {
	t.Helper()
	tr := New(p, Settings{})
	for _, r := range rows {
		res, why, err := tr.Explain(context.Background(), Ticket{Subject: r.subject, Description: r.text, CreatedAt: noon, Priority: "normal"})
		if err != nil {
			t.Fatal(err)
		}
		if res.AffectedService != r.want {
			t.Errorf("%s: service %q, want %q; reasons %q\n%s", r.name, res.AffectedService, r.want, res.Reasons, why)
		}
	}
}

// The money-taken texts: the payment named, what was bought not there in
// the world's own words.
var (
	paidEN = paidOrderRow{"en: charged, still Basic", "Charged for upgrade but still basic",
		"I upgraded to Premium a few minutes ago and my card was charged 24.99, but the page showed an error and the app still shows me as Basic.", "checkout-api"}
	paidPT = paidOrderRow{"pt: cobrado, a sessão não começou", "Pagamento cobrado mas a sessão não começou",
		"O pré-pagamento foi cobrado no cartão mas a sessão nunca começou e a app deu erro.", "checkout-api"}
	paidDE = paidOrderRow{"de: abgebucht, kein Abo", "Abgebucht, aber kein Abo",
		"Ich habe vor zehn Minuten mit Karte bezahlt, der Betrag wurde abgebucht, aber in der App steht immer noch ein Fehler und kein Abo.", "checkout-api"}
)

// TestPaidOrder_moneyTakenWhileTheOrderFailsIsTheOrders: in a world whose
// checkout fails at noon and whose payments are clean, a writer whose
// money was taken and who names only the payment met the order's
// failure; not when the payment fails in its own clause, the charge is a
// double one or none was taken, nor where the payments fail too or the
// checkout is clean.
func TestPaidOrder_moneyTakenWhileTheOrderFailsIsTheOrders(t *testing.T) {
	checkPaidOrderRows(t, spikeProject(t), []paidOrderRow{
		paidEN, paidPT, paidDE,
		{"en: the payment fails in its own clause", "Payment failed",
			"The card payment failed with an error on the last step, and I was charged anyway.", "payments"},
		{"en: charged twice", "Charged twice",
			"My card was charged twice for the same upgrade this morning.", "payments"},
		{"pt: no amount was charged", "Cartão dá erro ao comprar o passe",
			"Tento comprar o passe com o meu cartão e toda vez aparece 'O pagamento expirou. Nenhum valor foi cobrado.'", "payments"},
		{"en: a resolution, not a report", "Re: payment problem",
			"The card payment went through now and I was charged once, all good. Thanks, you can close this.", "payments"},
		{"de: the payment fails in its own clause", "Zahlung fehlgeschlagen",
			"Meine Kartenzahlung ist mit einem Fehler fehlgeschlagen, obwohl der Betrag schon abgebucht wurde.", "payments"},
	})
	both := projectWith(t,
		gen.Incident{Service: "checkout-api", Start: noon.Add(-20 * time.Minute), Duration: time.Hour, FailRate: 0.5, Status: 503, Message: "no healthy upstream for pool {n}"},
		gen.Incident{Service: "payments", Start: noon.Add(-20 * time.Minute), Duration: time.Hour, FailRate: 0.5, Status: 503, Message: "card authorisation failed: acquirer {ip} timed out"})
	checkPaidOrderRows(t, both, []paidOrderRow{
		{"en: the payments fail too", paidEN.subject, paidEN.text, "payments"},
		{"pt: the payments fail too", paidPT.subject, paidPT.text, "payments"},
	})
	// a billing defect or a refund told without a failing clause is the
	// payment's own, whatever the order's service does
	checkPaidOrderRows(t, spikeProject(t), []paidOrderRow{
		{"en: an overcharge told in the subject", "Overcharged", "Your payment provider charged me 3 times the price. This is theft.", "payments"},
		{"en: a refund not back", "Refund missing",
			"I was charged by the payment provider and cancelled the order an hour later, the money is still not back.", "payments"},
	})
	// the checkout's rise ended forty minutes before a ticket that names
	// no time: stale for it
	ended := projectWith(t, gen.Incident{Service: "checkout-api", Start: noon.Add(-80 * time.Minute), Duration: 40 * time.Minute,
		FailRate: 0.5, Status: 503, Message: "no healthy upstream for pool {n}"})
	checkPaidOrderRows(t, ended, []paidOrderRow{{"pt: the checkout's rise is over", paidPT.subject, paidPT.text, "payments"}})
	checkPaidOrderRows(t, projectWith(t), []paidOrderRow{
		{"en: the checkout is clean", paidEN.subject, paidEN.text, "payments"},
		{"de: the checkout is clean", paidDE.subject, paidDE.text, "payments"},
	})
}

// TestPaidOrder_moneyTaken reads a word of none before a paid word as no
// money taken.
func TestPaidOrder_moneyTaken(t *testing.T) {
	for _, c := range []struct {
		text  string
		taken bool
	}{
		{"my card was charged 24.99", true},
		{"no amount was charged", false},
		{"nenhum valor foi cobrado", false},
		{"kein Betrag wurde abgebucht", false},
		{"nobody charged me. I was charged twice", true},
		{"Nobody called. Charged twice.", true},
	} {
		toks := tokenize(c.text)
		if got := len(moneyTaken(toks, active(findAll(toks, paidWords)))) > 0; got != c.taken {
			t.Errorf("%q: money taken %v, want %v", c.text, got, c.taken)
		}
	}
}
