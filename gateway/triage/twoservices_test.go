package triage

import "testing"

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
}

// reportedChargeTexts each report a charge as done: the outcome may be
// the payment's. Each fails with chargeWorried returning true.
var reportedChargeTexts = []string{
	"I placed one order yesterday but I was charged twice for it.",
	"Meine Karte wurde doppelt belastet, obwohl die Bestellung nicht durchging.",
	"Me han cobrado dos veces el mismo pedido.",
	"Z konta zostały pobrane pieniądze dwa razy, nie wiem czemu.",
	"Χρεώθηκα δύο φορές για την ίδια παραγγελία.",
}

// TestWorriedCharges_deniedFearedOrChecked checks that worriedCharges
// reads each text of worriedChargeTexts as worried and none of
// reportedChargeTexts.
func TestWorriedCharges_deniedFearedOrChecked(t *testing.T) {
	for _, text := range worriedChargeTexts {
		if len(worriedCharges(tokenize(text))) == 0 {
			t.Errorf("%q: no charge read as worried", text)
		}
	}
	for _, text := range reportedChargeTexts {
		toks := tokenize(text)
		if len(findAll(toks, chargeWords)) == 0 {
			t.Errorf("%q: no charge word read", text)
		}
		if got := worriedCharges(toks); len(got) > 0 {
			t.Errorf("%q: a reported charge read as worried at %v", text, got)
		}
	}
}
