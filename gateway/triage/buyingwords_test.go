package triage

import (
	"strings"
	"testing"
)

// Round seventy-eight: the verb of buying, in the languages tickets come
// in, is the ordering flow's, whatever the thing bought.
func TestBuyingWords_buyingIsTheOrderingFlow(t *testing.T) {
	for _, text := range []string{
		"Cannot buy tickets at all, it just goes back to the start.",
		"Non riuscivo a comprare, l'app dava errore.",
		"Intento comprar el abono desde la aplicación y da error.",
		"Impossible d'acheter le forfait de ski ce matin.",
		"Ik probeer al tien minuten premium te kopen maar het lukt niet.",
		"A diákbérlet vásárlásánál mindig elakad az oldal.",
		"Не могу купить абонемент, ошибка на последнем шаге.",
		"Не можу купити квиток у застосунку.",
		"لا أستطيع شراء الدورة، تظهر رسالة خطأ.",
		"אני לא מצליח לקנות את הכרטיסים באתר.",
		"Saya tidak bisa membeli tiket sejak tadi pagi.",
		"チケットが買えません。",
	} {
		if !flowsIn(text)["checkout-api"] {
			t.Errorf("%q: flows %v, want checkout-api", text, flowsIn(text))
		}
	}
}

// A buying word with a word of paying in its sentence is the payment's
// step: the paying word names the flow (fails with boughtByPaying
// returning false). In another sentence it is not.
func TestBuyingWords_boughtByPayingIsThePaymentsStep(t *testing.T) {
	for _, text := range []string{
		"Tento comprar o passe com o meu cartão e toda vez dá erro.",
		"I try to buy the season pass with my card and it fails every time.",
		"Пытаюсь купить билет картой, выдаёт ошибку.",
	} {
		got := flowsIn(text)
		if !got["payments"] {
			t.Errorf("%q: flows %v, want payments", text, got)
		}
		if got["checkout-api"] {
			t.Errorf("%q: flows %v, want no checkout-api: bought by paying", text, got)
		}
	}
	if got := flowsIn("Не могу купить абонемент. Карта работает везде."); !got["checkout-api"] {
		t.Errorf("a card in another sentence: flows %v, want checkout-api", got)
	}
}

// The map is a head productLexicon lends: the one service whose aliases
// end with "map" takes it in the ticket's language, the search in one
// world and the seats' service in another.
func TestBuyingWords_theMapIsItsWorldsThing(t *testing.T) {
	charging := []Service{
		{Name: "checkout-api", Aliases: []string{"charging session", "start charging"}, Core: true},
		{Name: "payments", Aliases: []string{"card payment"}, Core: true},
		{Name: "auth", Aliases: []string{"login"}, Core: true},
		{Name: "search", Aliases: []string{"charger map", "station search"}},
		{Name: "notifications", Aliases: []string{"receipt email"}},
	}
	for _, text := range []string{
		"Ο χάρτης φορτιστών δεν φορτώνει τη διαθεσιμότητα.",
		"Bản đồ trạm sạc không hiện, chỉ báo lỗi.",
		"地图上看不到充电站。",
		"İstasyonum haritada nasıl görünür?",
		"El mapa no muestra ningún cargador cerca.",
	} {
		checkFirstService(t, charging, text, "search")
	}
	tickets := []Service{
		{Name: "checkout-api", Aliases: []string{"seat map", "waiting room"}, Core: true},
		{Name: "search", Aliases: []string{"event search"}},
	}
	checkFirstService(t, tickets, "Mapa miejsc w ogóle się nie ładuje.", "checkout-api")
}

// --explain names the word and its language.
func TestBuyingWords_theReasonNamesTheLanguage(t *testing.T) {
	if got := lexiconNote("kopen"); got != " (a Dutch word of the flow lexicon)" {
		t.Errorf("lexiconNote(kopen) = %q", got)
	}
	if got := lexiconNote("comprar"); got != " (a Spanish, Portuguese or Catalan word of the flow lexicon)" {
		t.Errorf("lexiconNote(comprar) = %q", got)
	}
	services := []Service{{Name: "search", Aliases: []string{"charger map"}}}
	got := strings.Join(productLexiconReason(FindServices(services, "Ο χάρτης δεν φορτώνει"), "search"), "")
	want := `the ticket names the product's thing in its own language: "χάρτης" (the Greek word for the alias head "map"): search`
	if got != want {
		t.Errorf("reason = %q, want %q", got, want)
	}
}
