package triage

import "testing"

// TestTriage_aSharingDeniedOnlyInItsClause is round fifty-two's: the
// shared account that keeps another member's data from being a report
// is denied by a negator before the sharing in its clause, as negated
// reads it, not by a "No" across a comma ("No, we share one account").
func TestTriage_aSharingDeniedOnlyInItsClause(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "security words", []wordCase{
		{"en no, we share one account", at("Orders", "No, we share one account, so I see another member's orders in it."), false},
		{"en no, we both share one account", at("Orders", "No, we both share one account, so the orders page shows another member's name and address."), false},
		// guards: a sharing denied in its own clause
		{"en we do not share the account", at("Orders", "We do not share the account with anybody, yet my orders page shows another customer's name and address."), true},
		{"en we never shared the account", at("Orders", "We never shared the account, yet the orders page shows another customer's name and address."), true},
	})
}

// TestTriage_aPortugueseNoBeforeAPossessiveOnly is round fifty-two's:
// Portuguese "no" before a possessive is "in the" ("no meu perfil") and
// denies nothing; Spanish "no" before "mi" is a negation.
func TestTriage_aPortugueseNoBeforeAPossessiveOnly(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "security words", []wordCase{
		{"es not my son nor anyone at home", at("Contraseña", "No mi hijo ni alguien de casa cambió la contraseña de mi cuenta: fui yo."), false},
		{"es not my colleagues nor anyone", at("Cuenta", "No mis compañeros ni alguien del equipo entró en mi cuenta, fui yo."), false},
		// guards: Portuguese "in my", "in our"
		{"pt in my panel today someone changed the password", at("Perfil", "No meu painel hoje alguém mudou a senha da conta."), true},
		{"pt on our site yesterday someone got into the account", at("Conta", "No nosso site ontem alguém entrou na conta da loja."), true},
	})
}

// TestTriage_aTurkishNegationIsAVerbEnding is round fifty-two's: the
// Turkish verb negated in itself that denies another party's data is
// read at the end of a word ("görmedik", "göremiyoruz"), not inside any
// word that holds the letters ("Madison", "medikal", "comedian").
func TestTriage_aTurkishNegationIsAVerbEnding(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "security words", []wordCase{
		{"tr a store named Madison", at("Sipariş", "Başka bir kullanıcının adı ve adresi Madison şubemizin siparişinde görünüyor."), true},
		{"tr a medical report", at("Rapor", "Başka bir hastanın adı medikal raporumda yazıyor."), true},
		{"tr a comedian's club", at("Fatura", "Başka bir firmanın faturaları Comedian Club hesabımızda çıkıyor."), true},
		// guards: verbs negated in themselves
		{"tr we did not see", at("KDV", "Başka bir kullanıcının adını görmedik, sadece KDV oranını soruyoruz."), false},
		{"tr we cannot see", at("Sipariş", "Başka bir kullanıcının siparişini göremiyoruz, sorun yok."), false},
		{"tr not shown", at("Bilgi", "Başka bir kullanıcının bilgileri hiçbir yerde gösterilmemiş, sadece soruyorum."), false},
		// round fifty-two's review: a formal copula and a participle with
		// a person after the negated verb ("gösterilmemiştir", "görmediğimiz")
		{"tr has not been shown (formal)", at("Bilgi", "Başka bir kullanıcının adı hiçbir sayfada gösterilmemiştir."), false},
		{"tr since we did not see it", at("Bilgi", "Başka bir kullanıcının adını görmediğimiz için sorun yok."), false},
		// guard: the same participle affirmative tells it was seen
		{"tr since we saw it", at("Bilgi", "Başka bir kullanıcının adını sipariş sayfamızda gördüğümüz için yazıyoruz."), true},
		// the read-through after round fifty-three: a family name ending
		// as a negated verb ("Hamedi") is a name, as "Yılmaz" is; a verb in
		// capitals still denies
		{"tr the Hamedi family's name", at("Sipariş", "Başka bir kullanıcının adı ve adresi Hamedi ailesine ait, siparişimde görünüyor."), true},
		{"tr the Yılmaz family's name", at("Sipariş", "Başka bir kullanıcının adı ve adresi Yılmaz ailesine ait, siparişimde görünüyor."), true},
		{"tr we did NOT see (capitals)", at("KDV", "Başka bir kullanıcının adını GÖRMEDİK, sadece KDV oranını soruyoruz."), false},
	})
}

func TestTurkishNegatedVerb(t *testing.T) {
	for w, want := range map[string]bool{"görmedik": true, "göremiyoruz": true, "görünmüyordu": true, "gelmemişti": true,
		"yapamadılar": true, "gösterilmemiş": true, "gösterilmemiştir": true, "görmediğimiz": true,
		"yapılmamıştır": true, "görmediği": true, "görmediğiniz": true, "immediately": false, "madison": false, "medikal": false,
		"comedian": false, "remedies": false} {
		if got := turkishNegatedVerb(fold(w)); got != want {
			t.Errorf("turkishNegatedVerb(%q) = %v, want %v", w, got, want)
		}
	}
}
