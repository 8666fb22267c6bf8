package triage

import "testing"

// TestTriage_aDataLossOfAServicesThingIsThatService is round
// seventy-seven's: a data loss whose vanished thing is a service's own
// (the saved cards, an order paid for) is that service's, critical; an
// order history that emptied, with nothing paid, keeps none (the sets'
// convention for an account's records). Each service row was none before
// the round.
func TestTriage_aDataLossOfAServicesThingIsThatService(t *testing.T) {
	at := normalTicket
	const why = "a data loss of a thing the service owns"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"sk the saved cards", at("Karty", "Všetky uložené platobné karty v mojom účte zmizli. Nikto ich nemazal."), Critical, "payments", why},
		{"de an order paid for", at("Bestellungen", "Ich habe gestern zwei Konzertkarten bezahlt. Heute sind alle meine Bestellungen verschwunden, ich habe nichts gelöscht."), Critical, "checkout-api", why},
		{"pl an order paid for", at("Zamówienia", "Wczoraj zapłaciłam za bilety. Dziś wszystkie moje zamówienia zniknęły, niczego nie usuwałam."), Critical, "checkout-api", why},
		{"uk an order bought", at("Замовлення", "Вчора я купив два квитки. Сьогодні всі мої замовлення зникли, я нічого не видаляв."), Critical, "checkout-api", why},
	})
}

// TestTriage_aDataLossKeepsNoServiceWhereTheConventionSays pins what
// names no service in a data loss: an order history with nothing paid,
// and the sign-in by which the writer saw the loss (which was the
// sign-in's before the round, by its built-in synonym).
func TestTriage_aDataLossKeepsNoServiceWhereTheConventionSays(t *testing.T) {
	at := normalTicket
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"en the order history", at("Orders gone", "All our orders from last night disappeared from the dashboard, nobody deleted them."), Critical, "", "data loss"},
		{"en signed in to see it", at("Documents gone", "This morning I logged in and all our documents are gone. We did not delete anything."), Critical, "", "data loss"},
		// the sign-in failing, the loss its cost: still the sign-in's
		{"en the sign-in failed", at("Login", "Nobody in our clan could log in for half an hour, we lost our scrim slot because of it."), Critical, "auth", "data loss"},
		{"nl signed in to see it", at("Alles weg", "Na het inloggen zijn al onze documenten verdwenen. Wij hebben niets verwijderd."), Critical, "", "data loss"},
	})
}

// TestTriage_anotherPartysDataOnThePurchasePageIsTheOrders: another
// party's data shown on the order's own page, its confirmation or
// checkout, is the order's service; under "My orders", in an invoice or
// in a message it keeps none. The order's rows were none before the
// round.
func TestTriage_anotherPartysDataOnThePurchasePageIsTheOrders(t *testing.T) {
	at := normalTicket
	const why = "on the purchase's own page"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"en the order confirmation page", at("Wrong details", "On the order confirmation page I see someone else's name, address and phone number."), Critical, "checkout-api", why},
		{"nl the confirmation page", at("Gegevens", "Op de bevestigingspagina van mijn bestelling zie ik gegevens van iemand anders."), Critical, "checkout-api", why},
		{"en my orders keeps none", at("Wrong order", "When I open My orders I see someone else's order, with their name, address and phone number."), Critical, "", "security"},
	})
}
