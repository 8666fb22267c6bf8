package triage

import "testing"

// arrivedTable is round seventy-two's: the message the writer received,
// then a contrast naming what did not come of it: the outcome is the thing
// after the contrast, not the message. Each row fails without
// arrivedMessages.
// Columns: language, the service, subject, description.
const arrivedTable = `
en	checkout-api	Confirmation but no order	I got the confirmation email, but the order is not in my account.
nb	checkout-api	Bestilling	Jeg fikk SMS-en med koden, men bestillingen vises ikke i appen.
`

// arrivedGuardTable: a message that came twice stays the messaging
// service's; the row fails with repeatedIn taken out.
const arrivedGuardTable = `
en	notifications	Twice	I got the confirmation email twice, but the second one shows the wrong order number.
`

// notArrivedTexts are texts where a message before a contrast did not
// come (the negator at the end of a German or Dutch main clause), or
// came and is itself the trouble (the contrast points back to it). None
// of their messages counts as what worked; each row fails with its guard
// taken out (see the round's section).
var notArrivedTexts = []string{
	"Ich bekam die SMS mit dem Anmeldecode nicht, aber die Bestellung ist bezahlt.",
	"Ik kreeg de sms met de code niet, maar de bestelling is betaald.",
	"I got the confirmation email but it is in German.",
	"I received the order confirmation email but it was completely empty.",
	"I received the shipping email but the tracking link in it leads to a 404 page.",
}

// TestArrivedMessages_notComeOrItselfTheTrouble reads each text of
// notArrivedTexts and checks that no message in it is read as come.
func TestArrivedMessages_notComeOrItselfTheTrouble(t *testing.T) {
	readsCome := func(text string) bool {
		toks := tokenize(text)
		sig := readSignals(toks, text)
		cl, failing := failingClauses(toks, &sig)
		return len(arrivedMessages(toks, cl, failing)) > 0
	}
	checkReads(t, notArrivedTexts, readsCome, false)
}

// TestServices_theMessageThatCameIsNotTheOutcome triages each row of
// arrivedTable as written and typed plain, and checks its service.
func TestServices_theMessageThatCameIsNotTheOutcome(t *testing.T) {
	checkServiceTable(t, arrivedTable)
}

// TestServices_aMessageNotComeStaysTheMessages triages each row of
// arrivedGuardTable as written and typed plain, and checks its service.
func TestServices_aMessageNotComeStaysTheMessages(t *testing.T) {
	checkServiceTable(t, arrivedGuardTable)
}
