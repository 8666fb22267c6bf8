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

// TestTriage_round77ReviewNearMisses pins round seventy-seven's review:
// a paid word told two sentences before the loss is not what was paid for
// the order (paidBeside); a request to confirm, a city or a name is no
// confirmation or checkout page (purchasePage reads the exposure's
// sentence, whole words, a confirmation word only beside a page or the
// order); the other party's card is what was shown, not where; a sign-in
// word that is itself what vanished stays the sign-in's (lostSignIn), and
// one set aside says why. Each row failed before the mends but the
// counter-rows (right before and after) and the denial beside the login
// (a guard of lostSignIn: it fails with its denial check off).
func TestTriage_round77ReviewNearMisses(t *testing.T) {
	at := normalTicket
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"en paid two sentences before", at("Order history", "I've paid for the monthly plan for two years. We moved to Berlin in May. Today my whole order history has vanished."), Critical, "", "data loss"},
		{"en please confirm", at("Wrong order", "In my order history I see another customer's order with their name and address. Please confirm this has been fixed."), Critical, "", "security"},
		{"hr molim potvrdite", at("Tuđa narudžba", "U povijesti narudžbi vidim narudžbu drugog kupca s njegovom adresom. Molim potvrdite da ste to popravili."), Critical, "", "security"},
		{"he I need a confirmation", at("הזמנה של מישהו אחר", "בהיסטוריית ההזמנות שלי מופיעה הזמנה של לקוח אחר עם הכתובת שלו. אני צריך אישור שזה תוקן."), Critical, "", "security"},
		{"en a city", at("Wrong order", "My order history shows another customer's order, with her address in Kassel."), Critical, "", "security"},
		{"en a name", at("Wrong order", "My order history shows another customer's order, placed by a Kassandra Meyer, with her phone number."), Critical, "", "security"},
		{"en their card number", at("Wrong order", "In my order history I can see another customer's order with their card number."), Critical, "", "security"},
		{"en confirm as a verb", at("Wrong order", "I can confirm that my order history shows another customer's order with their address."), Critical, "", "security"},
		{"en the page in another sentence", at("Wrong order", "My order history shows another customer's order with their address. Yesterday the confirmation screen was still fine."), Critical, "", "security"},
		{"en my login deleted", at("Account gone", "My login was deleted. The whole account has disappeared."), Critical, "auth", "data loss"},
		{"en the login's phone number", at("Phone number", "My phone number for the login was deleted from my account."), Critical, "auth", "data loss"},
		{"en signed in to see it, says so", at("Documents gone", "This morning I logged in and all our documents are gone. We did not delete anything."), Critical, "", "read as how the loss was seen"},
		{"en a denial beside the login", at("Order history gone", "The order history is empty, everything before today disappeared. I didn't delete anything and nobody else has the login."), Critical, "", "data loss"},
		// counter-rows, right before and after the mends
		{"en paid, then the order gone", at("Order", "I paid for the order. Then my order history disappeared."), Critical, "checkout-api", "paid for"},
		{"en the confirmation page", at("Wrong details", "On my order confirmation page I see someone else's name and home address instead of mine."), Critical, "checkout-api", "on the purchase's own page"},
		{"ar the order's confirmation page", at("بيانات عميل آخر", "ظهرت بيانات عميل آخر (اسمه وعنوانه) في صفحة تأكيد الطلب."), Critical, "checkout-api", "on the purchase's own page"},
		{"en logged in as the admin", at("Orders gone", "I am logged in as the hotel admin and the list of our orders disappeared from the admin."), Critical, "", "data loss"},
	})
}
