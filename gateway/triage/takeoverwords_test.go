package triage

import "testing"

// TestTriage_someoneInTheAccountInMoreWords is round fifty-one's: someone
// who got into the writer's account, or changed its sign-in details, is a
// takeover in the words writers use for it in Turkish, Ukrainian, Arabic,
// Hindi, Polish, Dutch, Hebrew, Portuguese and English: critical on clean
// logs. Not "one of our team" in Turkish, a question whether support
// looked into the account, a how-to or a privacy request.
func TestTriage_someoneInTheAccountInMoreWords(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "security words", []wordCase{
		{"tr someone got into our account", at("Hesap", "Dün gece biri hesabımıza girmiş, siparişleri biz vermedik."), true},
		{"uk someone came into my account", at("Акаунт", "Вчора ввечері хтось зайшов у мій акаунт з іншого міста."), true},
		{"ar a person got into my account", at("حساب", "شخص دخل إلى حسابي الليلة الماضية وأنا لم أكن متصلاً."), true},
		{"ar my account was broken into", at("حساب", "أعتقد أن حسابي تم اختراقه أمس."), true},
		{"hi someone else logged into my account", at("खाता", "कल रात किसी और ने मेरे खाते में लॉग इन किया।"), true},
		{"pl someone broke into the account", at("Konto", "W nocy ktoś się włamał na nasze konto firmowe."), true},
		{"nl someone is in my account", at("Account", "Iemand zit in mijn account, ik zie bestellingen die ik niet ken."), true},
		{"he someone changed my password", at("סיסמה", "מישהו שינה את הסיסמה שלי הבוקר."), true},
		{"pt someone got into my profile", at("Perfil", "Alguém entrou no meu perfil ontem à noite."), true},
		{"en someone changed my phone number and took the savings", at("Help", "Someone changed my phone number and took my savings."), true},
		// guards
		{"tr one of our team cannot sign in", at("Giriş", "Ekibimizden biri hesabımıza giriş yapamıyor, şifre hatası veriyor."), false},
		{"nl did one of you look in my account", at("Account", "Zit er iemand van jullie in mijn account te kijken? Laat het even weten."), false},
		{"pt how do I change my profile e-mail", at("Perfil", "Como mudo o e-mail do meu perfil?"), false},
		{"en a privacy request", at("GDPR", "Please delete my profile and all my personal data under GDPR."), false},
		{"he how do I change my phone number", at("טלפון", "איך אני משנה את מספר הטלפון בחשבון שלי?"), false},
	})
}
