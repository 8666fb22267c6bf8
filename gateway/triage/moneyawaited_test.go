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
			Low, "payments", reason}, // payments since the review's mends (moneyAskedNamesPayer)
		{"en a second amount pending, charged twice asked",
			at("Two amounts for one order?", "I placed one order this afternoon and my banking app shows two pending amounts: 212.40 and 1.00. Have I been charged twice?"),
			Low, "payments", reason}, // payments since the review's mends (moneyAskedNamesPayer)
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
	checkMoneyRead(t, []moneyReadCase{
		{"en not received yet, how long", "Refund not received yet\nI returned the shoes last week. The refund has not arrived on my card yet. How long does it take?", true},
		{"en the payment failed", "Payment\nThe payment failed at the last step and the money is still pending on my card. When do I get it back?", false},
		{"en the e-mail not received", "Refund\nThe confirmation e-mail was not received. My refund is still pending. When will it come?", false},
		{"en the site is down", "Refunds\nThe site is down and my refund is still pending. Is that normal?", false},
	})
}

// TestMoneyAwaited_reviewMends: the review of round one hundred and one.
// Low rows: the money named keeps payments as the service (Croatian
// "povrat novca", a charge asked), "todavía no ha llegado" past its
// auxiliary, Norwegian "hvor lenge" (how long, no where), "fortsatt",
// and "can you tell me" (asks to be told, not to act). Medium rows: the
// writer's own payment still processing or spinning, the order still
// awaiting payment, "para" (Portuguese "for") and "amount of items"
// naming no money, a failure asked of the writer's own payment, a
// payment in progress though pending. Each row fails without its mend
// (checked).
func TestMoneyAwaited_reviewMends(t *testing.T) {
	at := normalTicket
	const reason = "question about money on its way"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"hr povrat novca keeps payments",
			at("Povrat novca", "Pozdrav, povrat novca za otkazanu narudžbu još nije stigao na račun. Je li to normalno? Koliko obično traje?"),
			Low, "payments", reason},
		{"en charged twice asked keeps payments",
			at("Charged twice?", "Hi, my bank app shows two amounts of 31.40 EUR, both marked pending. I only placed one order this afternoon. Have I been charged twice?"),
			Low, "payments", reason},
		// a refund word is refundNamed's, whose policy guard holds
		{"en the refund policy asked keeps none",
			at("Refund policy", "Hi, what is your refund policy if I bought a course and didn't start it yet?"),
			Low, "", reason},
		{"es todavía no ha llegado",
			at("Reembolso", "Hola, el reembolso del abrigo todavía no ha llegado a mi tarjeta. ¿Es normal? ¿Cuánto tarda normalmente?"),
			Low, "payments", reason},
		{"no hvor lenge, fortsatt",
			at("Refusjon", "Hei, pengene fra refusjonen har fortsatt ikke kommet. Hvor lenge tar det?"),
			Low, "payments", reason},
		{"en can you tell me how long",
			at("Refund not received yet", "My refund of 45 EUR was approved on Thursday. Can you tell me how long it usually takes?"),
			Low, "payments", reason},
	})
}

// TestMoneyAwaited_reviewMendsRead: the review's counter-rows, as the
// reading itself (their verdicts other readers may hold): no money on its
// way is read in the writer's own payment still spinning or processing,
// the order still awaiting payment, "para" (Portuguese "for"), "amount of
// items", a failure asked of the writer's own payment, a payment in
// progress though pending; the refund's own rows still read. Each false
// row reads true without its mend (checked).
func TestMoneyAwaited_reviewMendsRead(t *testing.T) {
	checkMoneyRead(t, []moneyReadCase{
		{"en the card payment still spinning", "Card payment\nI'm trying to pay for my pickup and the card payment is still spinning after 10 minutes. Is that normal?", false},
		{"it il pagamento ancora in elaborazione", "Pagamento\nIl pagamento con carta è ancora in elaborazione da cinque minuti, è normale?", false},
		{"en the payment still processing", "Google Pay\nThe Google Pay payment for my pickup is still processing. Is that normal?", false},
		{"en the order still awaiting payment", "Order\nI paid with Google Pay and the money left my account, but the order still says awaiting payment. Is that normal?", false},
		{"pt para is no money", "Código SMS\nOlá, o código SMS para entrar na app ainda não chegou, já pedi três vezes. É normal?", false},
		{"en amount of items is no money", "Tracking\nThe garment tracking still shows the same amount of items as yesterday. Is that normal?", false},
		{"en did the payment fail", "Payment pending?\nMy card payment is still pending in my bank app and the order shows nothing. Did the payment fail?", false},
		{"en a payment processing though pending", "Payment\nThe payment is processing and shows pending. Is that normal?", false},
		{"en the app takes ages to load", "Refund\nMy refund is still pending and the app takes ages to load. Is that normal?", false},
		{"en a delay asked", "July payout not received\nThe July payout usually arrives on the 2nd but I don't see it yet. Is there a delay this month?", true},
		{"en a refund still processing", "Refund\nMy refund is still processing. Is that normal?", true},
		{"en the payment pending, did it fail", "SEPA\nI paid by SEPA. The payment is still pending in the app. Is that normal or did it fail?", true},
		{"en an amount of 45 EUR pending", "Bank\nMy bank shows an amount of 45 EUR marked pending. Is that normal?", true},
	})
}

// moneyReadCase is a text and whether a question of money on its way is
// read in it.
type moneyReadCase struct {
	name, text string
	want       bool
}

// checkMoneyRead runs the reading itself on each case's text.
func checkMoneyRead(t *testing.T, cases []moneyReadCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			toks := tokenize(tc.text)
			s := readSignals(toks, tc.text)
			if got := len(s.moneyAsked) > 0; got != tc.want {
				t.Errorf("money asked %v, want %v: %q (told %q)", got, tc.want, quote(s.moneyAsked), quote(s.moneyTold))
			}
		})
	}
}
