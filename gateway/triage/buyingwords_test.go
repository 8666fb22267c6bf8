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

// checkoutFlowIn checks that each text's flows hold checkout-api (want)
// or do not (!want), why saying what decides.
func checkoutFlowIn(t *testing.T, want bool, why string, texts ...string) {
	t.Helper()
	for _, text := range texts {
		if got := flowsIn(text); got["checkout-api"] != want {
			t.Errorf("%q: flows %v, want checkout-api %v: %s", text, got, want, why)
		}
	}
}

// The review of round seventy-eight: "can't buy" said with a negated
// ability verb is the buying failing, not a buying denied (fails with
// unableToBuy returning false); "I did not buy anything" and "no quiero
// comprar" stay negated (fail with it returning true for any buying word).
func TestBuyingWords_unableToBuyIsNotNegated(t *testing.T) {
	checkoutFlowIn(t, true, "a negated ability",
		"No puedo comprar el paquete de planchado, da error.",
		"No puc comprar el paquet de planxa, dona error.",
		"I could not buy the ironing add-on, it errors every time.",
		"I was not able to buy the ironing add-on, the app errors.",
		"Dw i ddim yn gallu prynu'r pecyn smwddio, mae'r ap yn dangos gwall.")
	checkoutFlowIn(t, false, "a buying denied",
		"I did not buy anything, the sign-in code never came.",
		"No quiero comprar nada, solo borrar mi cuenta.")
}

// The review: the guard sets aside every ordering word at the buying
// word's place ("kup*" where "kupiti" stands), sees the card failing in
// the next sentence, not a card said to work, and knows the card where
// the paying list lacks it (Cyrillic, Hebrew, Japanese).
func TestBuyingWords_theGuardReadsThePaymentFailing(t *testing.T) {
	checkoutFlowIn(t, false, "bought by paying",
		"Ne morem kupiti paketa likanja, plačilo s kartico ne gre skozi.",
		"I can't buy the ironing add-on. My card gets declined.",
		"Не могу купить пакет, карта отклонена.",
		"לא מצליח לקנות את החבילה, הכרטיס נדחה",
		"アイロンパックを購入できません。カードが拒否されました。")
	checkoutFlowIn(t, true, "the card said to work, or none",
		"I can't buy the ironing add-on, and my card works fine everywhere else.",
		"I can't buy the ironing add-on. My card works fine everywhere else.",
		"Ne morem kupiti paketa likanja, aplikacija javi napako.")
}

// The review: a purchase told in the past is the setting (Korean, Turkish,
// Japanese, Chinese), and so is the buyer; the wish and the failure are
// still read.
func TestBuyingWords_thePastIsNotRead(t *testing.T) {
	checkoutFlowIn(t, false, "a past purchase, or the buyer",
		"我昨天购买了套餐，谢谢，一切正常。",
		"어제 패키지를 구매했어요. 영수증은 어디서 받을 수 있나요?",
		"구매자 정보를 삭제해 주세요.",
		"Dün paket satın aldım, faturayı nereden indirebilirim?",
		"昨日パックを購入しました。領収書はどこで確認できますか？")
	checkoutFlowIn(t, true, "buying, not the past",
		"无法购买熨烫套餐，应用一直报错。",
		"다림질 패키지 구매가 안 돼요. 앱에서 오류가 나요.",
		"Ütü paketini satın alamıyorum, uygulama sürekli hata veriyor.",
		"アイロンパックが購入できません。アプリでエラーになります。",
		"パックを購入したいのですが、エラーになります。")
}

// The review: "mappe" is a folder in Norwegian, Danish and German, and
// "harta" wealth in Indonesian and Malay; the map's other words still
// lend.
func TestBuyingWords_theMapsWordsAreNotFoldersOrWealth(t *testing.T) {
	laundry := []Service{
		{Name: "checkout-api", Aliases: []string{"ironing add-on"}, Core: true},
		{Name: "payments", Aliases: []string{"card payment"}, Core: true},
		{Name: "auth", Aliases: []string{"login"}, Core: true},
		{Name: "search", Aliases: []string{"locker map"}},
		{Name: "notifications", Aliases: []string{"driver arrival push"}},
	}
	for _, text := range []string{
		"Kan dere sende fakturaene som PDF? Jeg vil lagre dem i en mappe for regnskapet.",
		"Wo finde ich meine Rechnungen als PDF? Ich lege sie in die Mappe für die Buchhaltung.",
		"Saya ingin tahu bagaimana data harta dan alamat saya dihapus dari akun.",
	} {
		for _, m := range FindServices(laundry, text) {
			if m.Service == "search" {
				t.Errorf("FindServices(%q) = %+v, want no search", text, FindServices(laundry, text))
			}
		}
	}
	for _, text := range []string{
		"El mapa de taquillas no carga en la app.",
		"Non vedo la mappa dei punti di ritiro, resta bianca.",
		"Ο χάρτης με τις θυρίδες δεν φορτώνει.",
	} {
		checkFirstService(t, laundry, text, "search")
	}
	if got := lexiconNote("buy"); got != " (an English word of the flow lexicon)" {
		t.Errorf("lexiconNote(buy) = %q", got)
	}
}
