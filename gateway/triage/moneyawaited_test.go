package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// Round one hundred and one (moneyawaited.go): money on its way, asked
// about.

// TestMoneyAwaited_askedIsLow: a refund, a payout, a deposit coming back
// or an amount held pending, asked about — whether it is normal, when it
// comes, what it means — is a billing question, low, on clean logs; the
// counter-rows stay medium: a request to look ("could you check where my
// refund is?"), a payment that failed beside the money's absence, a
// charge told twice and only then asked about, money named with no "not
// yet" or waiting state, a question far from the money, a letter's
// closing as the only waiting, "still" in another clause than the
// money, and a question of where the money is or went. Each row fails with its guard taken out (checked).
func TestMoneyAwaited_askedIsLow(t *testing.T) {
	at := normalTicket
	const reason = "question about money on its way"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"en a refund not received yet, is that normal",
			at("Refund not received yet", "I returned a lamp last Saturday and was told the refund would go back to my card. It's been 6 days and the refund still isn't there. Is that normal?"),
			Low, "payments", reason},
		{"it the refund not arrived, how long",
			at("Rimborso non arrivato", "Ho restituito le scarpe la settimana scorsa. Il rimborso non è ancora arrivato sulla mia carta. Quanto tempo ci vuole di solito?"),
			Low, "payments", reason},
		{"hr the money not arrived, how long",
			at("Povrat novca", "Prošli tjedan otkazala sam narudžbu. Novac još nije stigao na račun. Koliko obično traje povrat?"),
			Low, "", reason},
		{"en a second amount pending, charged twice asked",
			at("Two amounts for one order?", "I placed one order this afternoon and my banking app shows two pending amounts: 212.40 and 1.00. Have I been charged twice?"),
			Low, "", reason},
		{"en the payment pending, is something wrong asked",
			at("Payment still pending", "The app says the payment for this week is pending since we switched to direct debit. Is something wrong with the mandate?"),
			Low, "payments", reason},
		{"de the payout not there yet, when",
			at("Auszahlung", "Die Auszahlung für Juli ist noch nicht auf meinem Konto. Wann kommt sie?"),
			Low, "payments", reason},
	})
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"en only the subject tells the refund not received yet",
			at("Refund not received yet", "I returned a lamp last Saturday and was told the money would go back to my card. It's been 6 days and I still don't see it. I checked my statement twice. Is that normal?"),
			Low, "payments", reason},
	})
	checkSeverities(t, []sevCase{
		// the question far from the money, the subject naming none on its way
		{"en the question far from the money", at("Refund not received", "The refund has still not arrived on my card. I changed my address last week. The new address shows in my profile. My son shares the account with me. Is that normal?"), Medium},
		// asked where the money is or went: the desk is to find it
		{"tr where did my money go", at("İade", "İadenin onaylandığını söylediniz ama kartıma hâlâ yansımadı. Param nereye gitti?"), Medium},
		// a letter's closing waits on the reader, not the money
		{"en awaiting your reply about the transfer", at("Transfer not received", "We sent the transfer for invoice 552 on Monday, awaiting your reply about the transfer. Why is the invoice open?"), Medium},
		// "still" in another clause than the money: the people wait
		{"en members still waiting for e-mails after payment", at("E-ticket emails arriving late", "Several of our members say their e-ticket email arrived 10 minutes after payment, some are still waiting. Is something delayed on your side?"), Medium},
		// a request to act asks the desk to look: the money is overdue
		{"en could you check where the refund is", at("My refund never came", "You emailed on the 20th that I'd get my refund in 5-7 working days. The refund still hasn't come back to my card. Could you please look into where my refund is?"), Medium},
		// a failure word that is not the money's absence
		{"en the payment failed, the money still pending", at("Payment", "The payment failed at the last step and the money is still pending on my card. When do I get it back?"), Medium},
		// the charge told twice, then asked
		{"en charged twice told, the amount still pending", at("Charged twice", "I was charged twice for one order. The second amount is still pending. When will it go away?"), Medium},

		// money named with no not-yet or waiting state: no money on its way
		{"en a refund not received, no not-yet", at("Refund not received", "The refund was not received on my card. Is that normal?"), Medium},
	})
}

// TestMoneyAwaited_aStateWaitingForMoneyIsNoMoneyOnItsWay: an order that
// waits for the payment ("oczekuje na płatność") tells a payment not
// made, during a payments spike: not money on its way, so the spike
// still raises it.
func TestMoneyAwaited_aStateWaitingForMoneyIsNoMoneyOnItsWay(t *testing.T) {
	p := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		FailRate: 0.8, Status: 502, Message: "card charge {n} refused: payment router restarting"})
	checkVerdicts(t, p, []verdictCase{
		{"pl the order awaiting payment, two holds",
			normalTicket("Dwie blokady na karcie", "20 minut temu płaciłem kartą za zamówienie. W aplikacji banku widzę dwie blokady po 24,50 €, a zamówienie ma status „oczekuje na płatność”. Czy te pieniądze wrócą?"),
			High, "payments", "payments"},
	})
}

// TestMoneyAwaited_readsOnlyMoneysAbsence: the reading itself, on texts
// whose verdict other readers also hold (the scorer weighs the failure
// words it still sees): no question of money on its way is read where a
// failure word is not the money's arrival ("failed"), where the arrival
// missed is another thing's (an e-mail not received), or where an outage
// word is read.
func TestMoneyAwaited_readsOnlyMoneysAbsence(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       bool
	}{
		{"en not received yet, how long", "Refund not received yet\nI returned the shoes last week. The refund has not arrived on my card yet. How long does it take?", true},
		{"en the payment failed", "Payment\nThe payment failed at the last step and the money is still pending on my card. When do I get it back?", false},
		{"en the e-mail not received", "Refund\nThe confirmation e-mail was not received. My refund is still pending. When will it come?", false},
		{"en the site is down", "Refunds\nThe site is down and my refund is still pending. Is that normal?", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			toks := tokenize(tc.text)
			s := readSignals(toks, tc.text)
			if got := len(s.moneyAsked) > 0; got != tc.want {
				t.Errorf("money asked %v, want %v: %q (told %q)", got, tc.want, quote(s.moneyAsked), quote(s.moneyTold))
			}
		})
	}
}
