package triage

import "testing"

// TestTriage_aRefundIsThePayments is round seventy-three's: a ticket
// about a refund (asked how to issue, how long it takes, why it has not
// come, or thanked for) that names no other service is the payments
// service's, the severity as read. Each row was none before the round.
func TestTriage_aRefundIsThePayments(t *testing.T) {
	at := normalTicket
	const why = "a ticket about a refund"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"en how long", at("Money back?", "I sent the jacket back two weeks ago. How many days until the refund shows on my card?"), Low, "payments", why},
		{"es partial", at("Duda", "¿Cómo hago un reembolso parcial de un solo artículo?"), Low, "payments", why},
		{"de not arrived", at("Rückerstattung", "Meine Rückerstattung für die zurückgeschickten Schuhe ist noch nicht da. Wann kommt das Geld?"), Low, "payments", why},
		{"it how long", at("Domanda", "Quanto tempo ci vuole per il rimborso sulla carta?"), Low, "payments", why},
		{"pl thanks", at("Re: zwrot", "Dziękuję, zwrot za bilet już przyszedł, wszystko działa. Można zamknąć."), Low, "payments", why},
		{"tr how long", at("Soru", "Para iadesi kaç gün içinde hesabıma geçer?"), Low, "payments", why},
		{"fr delay", at("Délai ?", "J'ai renvoyé le colis lundi. Sous combien de jours le remboursement arrive-t-il ?"), Low, "payments", why},
		{"pt how", at("Dúvida", "Como faço o reembolso de apenas um item da encomenda?"), Low, "payments", why},
	})
}

// TestTriage_aRefundOfTheAccountsOwnTermsKeepsNoService pins the guards:
// the refund of the account's own plan or bill, the refund policy asked
// in general, and an employer reimbursing an expense name no payment.
// Each row was given payments with its guard taken out (the last with
// the verbs "reimburse" and "rembourser" in the list).
func TestTriage_aRefundOfTheAccountsOwnTermsKeepsNoService(t *testing.T) {
	at := normalTicket
	const why = "no service identified"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"en the plan's unused months", at("Downgrade", "We moved to the smaller plan yesterday. Is there a refund for the rest of the year?"), Low, "", why},
		{"fr the subscription", at("Question", "Est-ce que je peux obtenir un remboursement de mon abonnement annuel ?"), Low, "", why},
		{"en the policy", at("Question", "What is your refund policy for unused vouchers?"), Low, "", why},
		{"es the policy", at("Pregunta", "¿Cuál es la política de reembolso si no uso el curso?"), Low, "", why},
		{"en the employer", at("Receipt", "Could I get a receipt with VAT? My employer will reimburse me."), Low, "", why},
		{"fr the employer", at("Reçu", "Pourriez-vous m'envoyer un reçu avec la TVA ? Mon employeur me rembourse."), Low, "", why},
	})
}
