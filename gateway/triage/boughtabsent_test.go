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
en	payments	Refund	I paid with my card last week and returned the lamp; the refund does not appear on my card statement yet.
el	checkout-api	Αριθμός	Η χρέωση πέρασε χθες το βράδυ, όμως ο αριθμός δεν εμφανίζεται στη λίστα των γραμμών μας.
es	checkout-api	Reserva	Pagué la reserva del hotel hace dos horas y todavía no aparece la reserva en mi cuenta.
`

// boughtAbsentGuardTable is the mend after a read-only review of round
// forty-seven: a paid word and anything else not showing (a button, a link,
// a search box), a "nothing is missing", a money thing named after the
// verb (es, pt, el) or a paid word that is no payment ("screen capture",
// "stark belastet") is no order's.
const boughtAbsentGuardTable = `
en	auth	SSO button	We are on the paid plan. Since this morning the SSO button is not showing on the login page.
en	search	Search box	Screen capture attached. The product search box is not showing on the home page.
de	search	Suche	Der Server ist seit heute stark belastet und die product search erscheint nicht mehr.
tr	auth	Login	Ekran görüntüsü çekildi: login butonu görünmüyor.
es	auth	Login	Para que el cliente pague tiene que iniciar sesión, pero el botón de login no aparece.
it	auth	SSO	Ho pagato l'abbonamento. Nella pagina di login manca il pulsante SSO.
en	auth	Login link	Our invoice was paid on time last month. The login link is not there anymore since the update.
en	auth	Sign in	Was I charged for the plan? The sign in option is not showing for me.
es	notifications	Push	Pagué el curso y no falta nada en mi cuenta, pero las push notifications no llegan desde ayer.
de	notifications	Push	Ich habe den Kurs bezahlt und im Konto fehlt nichts. Nur die push notifications kommen nicht an.
es	payments	Reembolso	Pagué con tarjeta y devolví la lámpara; todavía no aparece el reembolso en mi cuenta.
el	payments	Επιστροφή	Η κάρτα χρεώθηκε για τη λάμπα που επέστρεψα, αλλά δεν εμφανίζεται η επιστροφή χρημάτων.
`

// TestServices_boughtThingAbsentIsTheOrders triages each row of
// boughtAbsentTable as written and typed plain, and checks its service.
func TestServices_boughtThingAbsentIsTheOrders(t *testing.T) {
	checkServiceTable(t, boughtAbsentTable)
}

// TestServices_boughtThingAbsentGuards triages each row of
// boughtAbsentGuardTable as written and typed plain, and checks its service.
func TestServices_boughtThingAbsentGuards(t *testing.T) {
	checkServiceTable(t, boughtAbsentGuardTable)
}
