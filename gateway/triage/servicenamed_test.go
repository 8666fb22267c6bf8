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

// TestTriage_aRefundAfterTheReviewIsThePayments holds round
// seventy-three's review: refund tickets the round left with none or gave
// another service. The reviewer's texts first (its keys), then variants of
// each mend in other languages: a plan word in another role ("I plan
// to", a writer named Bill, an invoice, a fee) or denied ("no
// subscription"); the payment's own refund words read in their
// inflections ("Kostenerstattung"); a refund question that also says
// "my account" (before askedAbout).
func TestTriage_aRefundAfterTheReviewIsThePayments(t *testing.T) {
	at := normalTicket
	const why = "a ticket about a refund"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"q01 es my account", at("Devolución", "Hola: devolví el reloj del lote 88. ¿Cuándo veré el reembolso en mi cuenta?"), Low, "payments", why},
		{"g02 en signed Bill", at("Returned ring", "Hello, where is my refund for the ring I sent back on the 2nd? Tracking shows you received it.\n\nCheers,\nBill"), Low, "payments", why},
		{"g03 de invoice", at("Aufgeld doppelt", "Guten Tag, auf der Rechnung für Los 51 steht das Aufgeld zweimal. Bekomme ich eine Rückerstattung der Differenz?\n\nGrüße\nH. Keller"), Low, "payments", why},
		{"g04 es fee", at("Recogida exprés", "Me cobraron la tarifa exprés pero la recogida llegó un día tarde. ¿Me pueden hacer un reembolso de la diferencia? Gracias."), Low, "payments", why},
		{"q08 de compound", at("Los 12", "Wann erfolgt die Kostenerstattung für das zurückgeschickte Los 12?"), Low, "payments", why},
		{"q09 en no subscription", at("Where's my refund", "I have no subscription or membership, I just won one lot and sent it back. Where's my refund?"), Low, "payments", why},
		{"pt my account", at("Devolução", "Olá, devolvi o casaco na semana passada. Quando vou ver o reembolso na minha conta?"), Low, "payments", why},
		{"en plan the verb", at("Lamp", "I sent the lamp back last week. I plan to order again once the refund is through: when will it come?"), Low, "payments", why},
		{"fr no subscription", at("Veste", "Je n'ai pas d'abonnement, j'ai seulement renvoyé une veste. Quand vais-je recevoir le remboursement ?"), Low, "payments", why},
		{"pl for a thing", at("Zwrot", "Dzień dobry, kiedy dostanę zwrot za bilet na odwołany koncert?"), Low, "payments", why},
	})
}

// TestTriage_aRefundNotWantedOrOfAnotherSenseKeepsNoService pins the
// review's guards: a refund the writer does not want, negated in the
// ticket's language; the refund words of an expense reimbursed or of a
// report filed; the terms of refunds asked, or quoted, in general; a
// refund wished for instead of what failed elsewhere. The reviewer's
// texts first, then variants in other languages.
func TestTriage_aRefundNotWantedOrOfAnotherSenseKeepsNoService(t *testing.T) {
	at := normalTicket
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"n01 en not asking", at("Certificate for lot 12", "I'm not asking for my money back or any kind of refund. I only want to know whether you can give me a certificate of authenticity for the watch in lot 12."), Low, "", ""},
		{"n03 de keine", at("Unfreundlicher Fahrer", "Ich möchte keine Rückerstattung und keinen Gutschein. Ich möchte nur, dass Sie wissen: der Fahrer heute war sehr unfreundlich und hat den Sack vor die Tür geworfen."), Low, "", ""},
		{"n05 fr pas de", at("Juste un retour", "Je ne demande pas de remboursement, je voulais juste signaler que le sac de linge est arrivé avec un autre nom dessus. Tout le reste était parfait."), Low, "", ""},
		{"n06 en quoted terms", at("Shipping to Norway", "Quick one: I read your terms (\"Refunds are issued within 14 days of a returned lot\"), but that's not my question. Can you ship lot 90 to Norway, and who handles customs?"), Low, "", ""},
		{"n08 en terms", at("Before I bid", "What are the terms for getting a refund if a watch turns out not to be authentic?"), Low, "", ""},
		{"q05 en policy far", at("Question before I bid", "What does your policy say about a refund when a lot arrives damaged? Just asking before I bid on a clock."), Low, "", ""},
		{"n09 de report filed", at("Paket gestohlen", "Das Paket mit meinem ersteigerten Bild wurde vor der Haustür gestohlen, ich habe bei der Polizei Anzeige erstattet. Welche Unterlagen brauchen Sie von mir für die Transportversicherung?"), Low, "", ""},
		{"n10 it expenses", at("Ricevuta aziendale", "Buongiorno, la mia azienda mi dà il rimborso spese per la lavanderia durante la trasferta. Potete intestare la ricevuta alla società? Grazie, Luca"), Low, "", ""},
		{"n11 es expenses", at("Gastos de viaje", "Soy tasadora externa. Su departamento de relojes me debe el reembolso de los gastos de viaje de la tasación de marzo. ¿A quién le envío la hoja de gastos?"), Low, "", ""},
		{"it not wanted", at("Complimenti", "Non voglio nessun rimborso, volevo solo dire che il corriere è stato gentilissimo."), Low, "", ""},
		{"pl not wanted", at("Podziękowanie", "Nie chcę zwrotu pieniędzy, chciałam tylko podziękować za miłą obsługę."), Medium, "", ""},
		{"ru not needed", at("Спасибо", "Мне не нужен возврат денег, просто спасибо за помощь с доставкой."), Medium, "", ""},
		{"nl not wanted", at("Bezorger", "Ik wil geen terugbetaling, alleen een excuus van de bezorger."), Low, "", ""},
		{"de not needed after", at("Danke", "Die Rückerstattung brauche ich nicht, ich wollte mich nur für die schnelle Hilfe bedanken."), Low, "", ""},
		{"tr not wanted", at("Teşekkür", "Para iadesi istemiyorum, sadece kuryeye teşekkür etmek istedim."), Medium, "", ""},
		{"fr terms", at("Question", "Quelles sont les conditions pour obtenir un remboursement si l'article est abîmé ?"), Low, "", ""},
		{"de terms", at("Frage", "Welche Bedingungen gelten für eine Rückerstattung, wenn die Ware beschädigt ankommt?"), Low, "", ""},
		{"fr expenses", at("Facture", "Mon employeur me fait un remboursement de frais : pouvez-vous mettre la facture au nom de la société ?"), Low, "", ""},
		{"de report filed compound", at("Paket", "Wegen des gestohlenen Pakets habe ich Strafanzeige erstattet. Welche Unterlagen brauchen Sie noch?"), Low, "", ""},
		{"es expenses", at("Factura", "Mi empresa me hace el reembolso de gastos del viaje. ¿Pueden emitir la factura a nombre de la empresa?"), Low, "", ""},
		{"q11 de rather my money back", at("App stürzt ab", "Die App stürzt jedes Mal ab, wenn ich die Seite meines ersteigerten Loses öffne. Ehrlich gesagt hätte ich lieber mein Geld zurück."), Low, "", ""},
		{"fr rather a refund", at("Application", "L'application plante à chaque ouverture de la page du lot. Franchement, je préférerais plutôt un remboursement."), Low, "", ""},
		{"en the Pro plan", at("Charged twice for monthly plan", "Hello, we see two charges of 49 EUR for the Pro plan this month on our bank statement. Please refund one."), Low, "", ""},
		{"pl return by courier", at("Zwrot", "Dzień dobry, chcę zrobić zwrot za pomocą kuriera. Jak to zrobić?"), Low, "", ""},
	})
}
