package triage

import "testing"

// boughtAbsentTable is round forty-seven's: money taken, and then the thing
// paid for (a course, a plan, a ticket, whatever the world sells) does not
// show up, is the order's service, as "charged but no order" is; not when
// what does not show up is the money (a refund: no service named, none
// taken) or a message about it (the messaging service's).
// Columns: language, the service, subject, description.
const boughtAbsentTable = `
pt	checkout-api	Mensalidade	Paguei a mensalidade do ginásio ontem, mas a matrícula não aparece no meu perfil.
es	checkout-api	Curso	Pagué el curso de cocina esta mañana pero la inscripción no aparece en mi cuenta.
en	checkout-api	Annual plan	The card was charged for the annual plan an hour ago. The plan does not appear in my account.
de	checkout-api	Kurs	Ich habe den Yogakurs bezahlt, aber die Anmeldung erscheint nicht in meinem Konto.
el	checkout-api	Εισιτήριο	Η κάρτα χρεώθηκε για το εισιτήριο, αλλά το εισιτήριο δεν εμφανίζεται στην εφαρμογή.
en	notifications	Tickets e-mail	I paid for the tickets, but the confirmation e-mail does not appear in my inbox, not even in spam.
en		Refund	I paid with my card last week and returned the lamp; the refund does not appear on my card statement yet.
`

// TestServices_boughtThingAbsentIsTheOrders triages each row of
// boughtAbsentTable as written and typed plain, and checks its service.
func TestServices_boughtThingAbsentIsTheOrders(t *testing.T) {
	checkServiceTable(t, boughtAbsentTable)
}
