package triage

import "testing"

// otherCardTable is round seventy-two's: a card that a modifier makes
// another thing (a boarding, season, member or library card) does not name
// the payment service; the ticket's other words do. Each row fails without
// withoutOtherCards.
// Columns: language, the service, subject, description.
const otherCardTable = `
en	checkout-api	Boarding card	My boarding card shows the wrong date for my booking.
es	checkout-api	Tarjeta de embarque	La tarjeta de embarque de mi reserva tiene mal escrito mi nombre.
pt	checkout-api	Cartão de embarque	O cartão de embarque da minha reserva não abre no aplicativo.
sv	checkout-api	SIM-kort	SIM-kortet i min beställning har fel nummer.
pl	checkout-api	Karta pokładowa	Karta pokładowa do mojej rezerwacji pokazuje błąd.
hr	checkout-api	Sezonska karta	Cijena sezonske karte u mojoj narudžbi je pogrešna.
el	checkout-api	Κάρτα μέλους	Η κάρτα μέλους δεν εμφανίζεται στην παραγγελία μου.
`

// otherCardGuardTable: a card no modifier touches stays the payment's,
// and so does one a payment word modifies ("tarjeta de crédito"). Each row
// fails with its guard taken out (see the round's section).
const otherCardGuardTable = `
en	payments	Error	My card gives an error on the boarding pass booking.
es	payments	Tarjeta	Mi tarjeta de crédito da error en la reserva.
en	payments	Travel card declined	My Revolut travel card gets declined every time I try to pay.
en	payments	Problem	Your system is charging cards twice for the same order.
en	payments	Season card	Paying for the season card fails every time.
`

// notOtherCardTexts are texts where a word of the modifier lists is
// another word: a verb ("cannot access card details", "to reward card
// holders"), a possessive
// ("our members' card"), the Polish adverb "osobno" (separately), the
// Vietnamese "sinh lỗi" (gives an error). No card of them is another
// thing; each row fails with its guard taken out (see the round's
// section).
var notOtherCardTexts = []string{
	"Customers cannot access card details, the saved cards page stays blank.",
	"One of our members' card was charged twice for one order.",
	"Zapłaciłem osobno kartą i pieniądze zeszły dwa razy.",
	"Thanh toán bằng thẻ sinh lỗi mỗi lần.",
	"We want to reward card holders with points, but the cards fail.",
}

// TestOtherCard_aWordOfAnotherSenseModifiesNoCard reads each text of
// notOtherCardTexts, as written and typed plain, and checks that no card
// in it is another thing.
func TestOtherCard_aWordOfAnotherSenseModifiesNoCard(t *testing.T) {
	readsOtherCard := func(text string) bool { return len(otherCardsIn(tokenize(text))) > 0 }
	checkReads(t, notOtherCardTexts, readsOtherCard, false)
	checkReads(t, typedPlainAll(notOtherCardTexts), readsOtherCard, false)
}

// typedPlainAll is each text typed plain (typedPlain).
func typedPlainAll(texts []string) []string {
	plain := make([]string, len(texts))
	for i, text := range texts {
		plain[i] = typedPlain(text)
	}
	return plain
}

// TestServices_aCardOfAnotherThingIsNotThePayments triages each row of
// otherCardTable as written and typed plain, and checks its service.
func TestServices_aCardOfAnotherThingIsNotThePayments(t *testing.T) {
	checkServiceTable(t, otherCardTable)
}

// TestServices_aPaymentCardStaysThePayments triages each row of
// otherCardGuardTable as written and typed plain, and checks its service.
func TestServices_aPaymentCardStaysThePayments(t *testing.T) {
	checkServiceTable(t, otherCardGuardTable)
}

// BenchmarkOtherCardsAndArrived times what round seventy-two adds per
// ticket: the card words read (withoutOtherCards on the mentions, and
// thingReasons, which reads them again with the messages that came) on a
// ticket that names a card and a message.
func BenchmarkOtherCardsAndArrived(b *testing.B) {
	text := "Boarding card. Hola, recibí el correo de confirmación, pero la tarjeta de embarque de mi reserva tiene mal escrito mi nombre " +
		"y al pagar con mi tarjeta me dio error. ¿Pueden revisarlo? Gracias."
	toks := tokenize(text)
	sig := readSignals(toks, text)
	var at []int // where "tarjeta" stands, read from the tokens
	for _, t := range toks {
		if t.w == "tarjeta" {
			at = append(at, t.pos)
		}
	}
	ms := []ServiceMention{{Service: "payments", Phrase: "tarjeta", Strength: strengthFlow, at: at}}
	b.ReportAllocs()
	for b.Loop() {
		cl, failing := failingClauses(toks, &sig)
		withoutOtherCards(toks, cl, ms)
		arrivedMessages(toks, cl, failing)
		thingReasons(toks, &sig)
	}
}

// TestOtherCards_aTicketCardPaidForIsNoOtherThing checks that the
// explanation does not set aside a ticket card the ranking kept as the
// payment's (a clause of paying, withoutOtherCards), and still sets aside
// one in a clause without it.
func TestOtherCards_aTicketCardPaidForIsNoOtherThing(t *testing.T) {
	if got := otherCardsIn(tokenize("Paying for the season card fails every time.")); len(got) > 0 {
		t.Errorf("a season card paid for: read as another thing: %q", got)
	}
	if got := otherCardsIn(tokenize("My season card shows the wrong dates.")); len(got) != 1 {
		t.Errorf("a season card: %q, want it read as another thing", got)
	}
}

// otherCardsIn is otherCards on a text's own clauses.
func otherCardsIn(toks []token) []string {
	return otherCards(toks, clausesSplitAt(toks, contrastWords))
}
