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
