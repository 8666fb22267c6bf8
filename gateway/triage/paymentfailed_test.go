package triage

import "testing"

// TestTriage_payingTheBillFailed is round eighty-five's: one writer's
// failed attempt to pay their own invoice, bill or plan is the payment's,
// not a billing matter with no service. Each row had no service with the
// hook taken out.
func TestTriage_payingTheBillFailed(t *testing.T) {
	at := normalTicket
	const why = ""
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"en timed out", at("Our subscription", "I tried to pay the invoice for our subscription by card and got a timeout error each time."), Medium, "payments", why},
		{"es falla", at("Mi factura", "Quise pagar mi factura con la tarjeta esta mañana, pero el pago falla siempre con un error."), Medium, "payments", why},
		{"de nicht abgeschlossen", at("Rechnung", "Ich möchte meine Rechnung in der App bezahlen, aber es kommt immer: Zahlung konnte nicht abgeschlossen werden."), Medium, "payments", why},
		{"fr refusé", at("Ma facture", "Je n'arrive pas à régler ma facture : le paiement est refusé à chaque fois, ma carte marche ailleurs."), Medium, "payments", why},
		{"tr zaman aşımı", at("Fatura", "Faturamı kartla ödemeye çalıştım, sürekli zaman aşımı hatası verdi."), Medium, "payments", why},
		{"nl mislukt", at("Factuur", "Ik probeer mijn factuur te betalen, maar de betaling mislukt steeds."), Medium, "payments", why},
	})
}

// TestTriage_payingTheBillFailed_counters keep their verdicts: a party
// declining to pay (given payments with its guard taken out), a double
// charge, and the bill's paper failing to download with the paying told
// in another sentence. The outage guard is held by round twenty-nine's
// row "an invoice's pay link quoting 503" (triage_test.go), which fails
// without it.
func TestTriage_payingTheBillFailed_counters(t *testing.T) {
	at := normalTicket
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"en won't pay it", at("Invoice PO", "Our invoice doesn't show our PO number and our accounts team won't pay it without it. Can you reissue it?"), Medium, "", ""},
		{"en charged twice", at("Subscription", "We were charged twice for our subscription this month, the invoice shows it once."), Low, "", ""},
		{"es bill paper", at("Factura", "No puedo descargar la factura de mi suscripción, sale un error. El pago ya está hecho."), Medium, "", ""},
		{"de invoice download", at("Rechnung", "Die Rechnung für mein Abo lässt sich nicht herunterladen, es kommt ein Fehler. Bezahlt habe ich schon."), Medium, "", ""},
	})
}

// invoicePayments is projectWith with the payments service's aliases
// naming invoices, as a world's may ("invoices", round eighty-five's
// review: holdout96): a document noun is then a word of the paying
// flow's service.
func invoicePayments(t *testing.T) Project {
	p := projectWith(t)
	for i := range p.Services {
		if p.Services[i].Name == "payments" {
			p.Services[i].Aliases = []string{"card payment", "invoices"}
		}
	}
	return p
}

// TestTriage_payingTheBillFailed_reviewed are the review's: the document
// paid is not the paying (the bill's paper failing where invoices are an
// alias of payments), a paying the writer refuses, and a failure told of
// another thing, are not a failed payment; a failure in the next clause
// that names the paying is one.
func TestTriage_payingTheBillFailed_reviewed(t *testing.T) {
	at := normalTicket
	checkVerdicts(t, invoicePayments(t), []verdictCase{
		{"nl invoice not generated", at("Factuur wordt niet aangemaakt", "De factuur voor juni kan niet worden gegenereerd, ik krijg een foutmelding bij het document."), Medium, "", ""},
		{"it invoice download", at("Non riesco a scaricare la fattura", "Non riesco a scaricare la fattura in PDF, errore ogni volta."), Medium, "", ""},
		{"es bill paper", at("Factura", "No puedo descargar la factura de mi suscripción, sale un error. El pago ya está hecho."), Medium, "", ""},
		{"de invoice download", at("Rechnung", "Die Rechnung für mein Abo lässt sich nicht herunterladen, es kommt ein Fehler. Bezahlt habe ich schon."), Medium, "", ""},
		{"cs paying in the failure's clause", at("Faktura", "Snažím se zaplatit fakturu za předplatné, ale platba pořád selhává."), Medium, "payments", ""},
	})
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"fr refused, the cleaning failed", at("Nous ne paierons pas cette facture", "Nous refusons de payer la facture tant que le problème n'est pas réglé, le nettoyage a échoué."), Medium, "", ""},
		{"en will not pay, the pickup failed", at("Invoice", "We will not pay the invoice, the pickup failed twice."), Medium, "", ""},
		{"de will not pay, the pickup failed", at("Rechnung", "Wir werden die Rechnung nicht bezahlen, die Abholung ist fehlgeschlagen."), Medium, "", ""},
	})
}
