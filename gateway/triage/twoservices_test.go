package triage

import (
	"context"
	"testing"
	"time"
)

// worriedChargeTable is round seventy-four's: a failed order, upgrade or
// payment, then a charge the writer only denies, fears or wants checked.
// The charge names no service and says no money was taken, so the step
// that failed decides: the order's where the ordering failed, the
// payment's where the payment did (no "money taken, order failed"
// outcome). Each row fails with withoutWorriedCharges and notWorried
// returning their input unchanged.
// Columns: language, the service, subject, description.
const worriedChargeTable = `
en	checkout-api	Error last night	Last night I was trying to order a lamp for my sister, and at the last step I got "Server error" twice. Today it worked, but I want to make sure I was not charged for last night's tries.
en	checkout-api	Error last night	Last night I wanted to order a lamp. At the last step I got "Server error" twice. I just want to make sure I wasn't charged twice.
en	checkout-api	Upgrade failed	I tried to upgrade my order to express this morning. Every attempt gave 'We couldn't complete your request'. Not charged as far as I can see.
en	checkout-api	Error	Last night I tried to order a lamp and got "Server error" three times. Will I be charged three times?
en	payments	Payment failed	I tried to pay for the lamp by card, the payment timed out and the order was not created. I don't want to be charged twice.
pt	payments	Pagamento falhou	Tentei pagar o candeeiro com cartão, o pagamento deu erro e a encomenda não foi criada. Quero ter a certeza de que não fui cobrado duas vezes.
pl	payments	Płatność nie przeszła	Chciałem zapłacić kartą za lampę, płatność się nie powiodła i zamówienie nie zostało utworzone. Proszę sprawdzić, czy nie zostałem obciążony dwa razy.
cs	payments	Platba selhala	Chtěla jsem zaplatit lampu kartou, platba selhala a objednávka se nevytvořila. Můžete zjistit, jestli mi nebyly strženy peníze dvakrát?
`

// TestServices_aChargeOnlyFearedIsNotTheOutcome triages each row of
// worriedChargeTable as written and typed plain, and checks its service.
func TestServices_aChargeOnlyFearedIsNotTheOutcome(t *testing.T) {
	checkServiceTable(t, worriedChargeTable)
}

// worriedChargeTexts each hold a charge denied, feared or to be checked;
// each fails with chargeWorried returning false.
var worriedChargeTexts = []string{
	"I just want to make sure I haven't been charged three times.",
	"Ich möchte sicherstellen, dass ich nicht doppelt belastet wurde.",
	"Quiero asegurarme de que no me han cobrado dos veces.",
	"Je veux m'assurer que je n'ai pas été débité deux fois.",
	"Θέλω να βεβαιωθώ ότι δεν χρεώθηκα δύο φορές.",
	"Můžete zjistit, jestli mi nebyly strženy peníze dvakrát?",
	"Proszę sprawdzić, czy nie zostałem obciążony dwa razy.",
	"Is it safe to try again, or will I be charged twice?",
	// the review's: a contracted conditional, a fear "of", a condition
	// in the charge's own clause, Polish "sprawdzić, czy"
	"If I retry the booking, I'd be charged again?",
	"I'm afraid of being charged twice for the same wash.",
	"Who do I call in case I get charged twice?",
	"Proszę sprawdzić, czy pobrano mi pieniądze dwa razy.",
}

// reportedChargeTexts each report a charge as done: the outcome may be
// the payment's. Each fails with chargeWorried returning true.
var reportedChargeTexts = []string{
	"I placed one order yesterday but I was charged twice for it.",
	"Meine Karte wurde doppelt belastet, obwohl die Bestellung nicht durchging.",
	"Me han cobrado dos veces el mismo pedido.",
	"Z konta zostały pobrane pieniądze dwa razy, nie wiem czemu.",
	"Χρεώθηκα δύο φορές για την ίδια παραγγελία.",
	// the review's: a lead or a negator of another clause, before a comma,
	// a contrast or a cause, does not reach the charge; "I'm afraid" is
	// regret; Polish "czy" opens a question or means "or"; "I'd been" is
	// a past
	"I don't know whether it's my bank or you, but I was charged twice for one bag.",
	"In case it helps, I was charged twice at 08:12 for one wash.",
	"Please make sure the refund goes out because I was charged twice.",
	"Order not placed but charged €30.",
	"I'm afraid I was charged twice for order 4471.",
	"I'd been charged twice before I noticed.",
	"Ich weiß nicht, ob es an euch liegt, aber mir wurde zweimal abgebucht.",
	"Bestellung nicht angelegt aber abgebucht.",
	"Commande pas passée mais prélevée quand même.",
	"No quiero molestar, pero me han cobrado dos veces el mismo lavado.",
	"Nevím, jestli je to chyba banky, ale peníze mi byly strženy dvakrát.",
	"Czy to normalne, że pobrano mi pieniądze dwa razy?",
	"Kartą czy BLIKiem, i tak pobrano mi pieniądze dwa razy.",
}

// TestNotWorried_marksAPaidPhraseByItsSpan checks that a paid phrase
// whose charge word is not its first ("foi cobrado", "blitt trukket") is
// negated when the charge is only feared.
func TestNotWorried_marksAPaidPhraseByItsSpan(t *testing.T) {
	for _, text := range []string{
		"Quero ter a certeza de que não foi cobrado duas vezes.",
		"Jeg vil være sikker på at jeg ikke har blitt trukket to ganger.",
	} {
		toks := tokenize(text)
		hs := notWorried(worriedCharges(toks), findAll(toks, paidWords))
		if len(hs) == 0 {
			t.Errorf("%q: no paid word read", text)
		}
		for _, h := range hs {
			if !h.neg {
				t.Errorf("%q: %q read as money taken", text, h.phrase)
			}
		}
	}
}

// TestWorriedCharges_deniedFearedOrChecked checks that worriedCharges
// reads each text of worriedChargeTexts as worried and none of
// reportedChargeTexts.
func TestWorriedCharges_deniedFearedOrChecked(t *testing.T) {
	readsWorried := func(text string) bool { return len(worriedCharges(tokenize(text))) > 0 }
	readsCharge := func(text string) bool { return len(findAll(tokenize(text), chargeWords)) > 0 }
	checkReads(t, worriedChargeTexts, readsWorried, true)
	checkReads(t, reportedChargeTexts, readsCharge, true)
	checkReads(t, reportedChargeTexts, readsWorried, false)
}

// reportedBesideWorryTable is the review's of round seventy-four: a
// charge reported as done in the clause after a lead or a negator of
// another clause ("I don't know whether it's my bank, but I was charged
// twice", "order not placed but charged"), and a charge only feared or
// denied that is itself the topic, with no other step failing ("two
// pending amounts … make sure I won't be charged twice", "picked up fine
// but I was never charged"). The charge keeps its meaning in each: the
// payment's, or money taken beside an order missing (the order's, at
// medium; the severity of a topic row is not this reader's, "-"). Each row fails with the round's windows (a lead read to the
// sentence end, a negator read across "but") or with
// withoutWorriedCharges dropping the charge with no other failing clause.
// Columns: language, severity, the service, subject, description.
const reportedBesideWorryTable = `
en	medium	checkout-api	order 7781	Order not placed but charged €30.
en	medium	payments	order 5521	I don't know whether it's my bank or you, but I was charged twice for one bag.
en	medium	payments	hello	In case it helps, I was charged twice at 08:12 for one wash.
en	-	payments	two pending amounts	I see two pending amounts in my bank app after one order. Can you make sure I won't be charged twice?
en	-	payments	never charged?	Order 8812 was picked up fine but I was never charged. Is that a problem?
`

// TestServices_aChargeReportedBesideAWorryIsTheOutcome triages each row
// of reportedBesideWorryTable and checks its severity and service.
func TestServices_aChargeReportedBesideAWorryIsTheOutcome(t *testing.T) {
	tr := New(tuningProject(), Settings{Location: time.UTC})
	at := time.Date(2026, 11, 20, 15, 0, 0, 0, time.UTC)
	for _, f := range tableRows(t, reportedBesideWorryTable, 5) {
		res, err := tr.Triage(context.Background(), Ticket{Subject: f[3], Description: f[4], CreatedAt: at})
		if err != nil {
			t.Fatal(err)
		}
		if f[1] != "-" && string(res.Severity) != f[1] || res.AffectedService != f[2] {
			t.Errorf("%s %q: %s/%q, want %s/%q", f[0], f[4], res.Severity, res.AffectedService, f[1], f[2])
		}
	}
}

// BenchmarkWorriedChargeTicket times a ticket's words read and its
// services ranked (readTicket, rankServices) where the writer only fears
// a charge: the worried charges are read once, in readSignals.
func BenchmarkWorriedChargeTicket(b *testing.B) {
	tr := New(tuningProject(), Settings{Location: time.UTC})
	tk := Ticket{Subject: "Error last night", Description: "Last night I wanted to order a lamp. At the last step I got \"Server error\" twice. " +
		"I just want to make sure I wasn't charged twice."}
	b.ReportAllocs()
	for b.Loop() {
		_, toks, sig := readTicket(tk, tk.Description)
		rankServices(tr.p.Services, tr.codes, toks, &sig, len(tokenize(tk.Subject)), tr.matcher.findAll(toks, true))
	}
}
