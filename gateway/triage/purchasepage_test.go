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
