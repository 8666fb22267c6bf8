package triage

import "testing"

// TestTriage_anotherPartysDataWhereTheWriterPaysByTheFlowsWords is round
// fifty-two's: another party's data shown where the writer pays, told
// by the paying flow's own words or beside the writer's own sign-in, is
// the purchase page's (the order's service), critical. A takeover stays
// the sign-in's; an order history seen signed in names no page.
func TestTriage_anotherPartysDataWhereTheWriterPaysByTheFlowsWords(t *testing.T) {
	at := normalTicket
	const why = "security words"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"he at the payment", at("פרטים", "בשלב התשלום מופיעים פרטים של לקוח אחר."), Critical, "checkout-api", why},
		{"cs at the payment", at("Platba", "Při platbě vidím údaje jiného zákazníka, jméno i adresu."), Critical, "checkout-api", why},
		{"es signed in, the payment", at("Pago", "Inicié sesión con mi cuenta y en el pago aparecen los datos de otro cliente."), Critical, "checkout-api", why},
		// guards
		{"en a takeover that paid", at("Account", "Someone logged into my account and paid for two orders with my saved card."), Critical, "auth", why},
		{"en signed in, the order history", at("Privacy", "I logged in and my order history shows another customer's orders."), Critical, "", why},
	})
}

// TestTriage_aPaymentWordOfTheOtherPartysIsNoPage is round fifty-two's
// review: a payment word that names the other party's own ("su método de
// pago", "their saved card", "o cartão dela") after their data is what
// was shown, not where: no page named, critical. A payment word that is
// not theirs still names where the writer pays, and a possessive before
// the other party is the writer's formal "your".
func TestTriage_aPaymentWordOfTheOtherPartysIsNoPage(t *testing.T) {
	at := normalTicket
	const why = "security words"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"es signed in, their payment method", at("Datos", "Inicié sesión con mi cuenta y la app me muestra los datos de otro cliente: su nombre, su dirección y su método de pago."), Critical, "", why},
		{"en signed in, their saved card", at("Privacy", "I logged in to my account and I can see another customer's details: their name and their saved card."), Critical, "", why},
		{"pt signed in, her card", at("Dados", "Entrei na minha conta e vejo os dados de outra cliente: o nome e o cartão dela."), Critical, "", why},
		// guards: the payment word is where the writer pays
		{"en paying by card, and their card", at("Privacy", "When I pay by card I see another customer's name and their card number."), Critical, "checkout-api", why},
		{"hr at the payment, and his card", at("Podaci", "Na plaćanju vidim ime drugog kupca i njegovu karticu."), Critical, "checkout-api", why},
		{"de at your payment", at("Daten", "Bei Ihrer Zahlung sehe ich die Adresse eines anderen Kunden."), Critical, "checkout-api", why},
	})
}
