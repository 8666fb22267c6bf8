package triage

import "testing"

// TestTriage_someoneInTheAccountInMoreWords is round fifty-one's: someone
// who got into the writer's account, or changed its sign-in details, is a
// takeover in the words writers use for it in Turkish, Ukrainian, Arabic,
// Hindi, Polish, Dutch, Hebrew, Portuguese and English: critical on clean
// logs.
//
// Mended after the round's review: not when its sentence asks, tells of
// last year, gives access or help, when the someone is one of the
// writer's own ("someone on my team"), nor everyone who signed in to
// their own account, nor a burglary at home.
func TestTriage_someoneInTheAccountInMoreWords(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "security words", []wordCase{
		{"tr someone got into my account", at("Hesap", "Bu sabah biri hesabıma girmiş, adresimi değiştirmiş."), true},
		{"uk someone came into our account", at("Акаунт", "Сьогодні вночі хтось зайшов у наш акаунт і змінив адресу доставки."), true},
		{"ar a person got into my account", at("حساب", "شخص دخل حسابي من هاتف غريب هذا الصباح."), true},
		{"ar the shop's account broken into", at("حساب", "يبدو أن حساب المتجر تم اختراقه الليلة."), true},
		{"hi someone else logged into my account", at("अकाउंट", "किसी और ने मेरे अकाउंट में लॉग इन करके ऑर्डर दिया।"), true},
		{"pl someone broke into my account", at("Konto", "Ktoś włamał się na moje konto w nocy i zmienił adres."), true},
		{"nl someone is in our account", at("Account", "Iemand zit in ons account en plaatst vreemde bestellingen."), true},
		{"he someone changed my e-mail", at("מייל", "מישהו שינה הבוקר את כתובת המייל בחשבון שלי."), true},
		{"pt someone got into my profile", at("Perfil", "Alguém acessou o meu perfil de madrugada."), true},
		{"en someone changed my phone number and stole the balance", at("Balance", "Someone changed my phone number and stole the balance."), true},
		// a read-through after the merge: reports a guard's word opens or stands in
		{"en a report opened by a wish to report", at("Account", "I want to report that someone logged into my account this morning and changed the delivery address."), true},
		{"en please let me know what to do", at("Password", "Please let me know what to do: someone logged into my account and changed my password."), true},
		{"en to help themselves", at("Balance", "Someone logged into my account and changed my password to help themselves to my savings."), true},
		{"it someone changed my password", at("Password", "Qualcuno mi ha cambiato la password ieri sera e ha fatto un acquisto."), true},
		{"pl someone has access to my account", at("Konto", "Ktoś ma dostęp do mojego konta i zmienił hasło wczoraj."), true},
		{"de as I said, someone logged in", at("Konto", "Wie gesagt, jemand hat sich in mein Konto eingeloggt und die Adresse geändert."), true},
		{"pt as I said, someone got in", at("Perfil", "Como eu disse, alguém acessou o meu perfil de madrugada."), true},
		// guards
		{"tr one of our team cannot sign in", at("Giriş", "Ekibimizden biri hesabımıza giriş yapamıyor, şifre hatası veriyor."), false},
		{"nl did one of you look in my account", at("Account", "Zit er iemand van jullie in mijn account te kijken? Laat het even weten."), false},
		{"pt how do I change my profile e-mail", at("Perfil", "Como mudo o e-mail do meu perfil?"), false},
		{"he how do I change my phone number", at("טלפון", "איך אני משנה את מספר הטלפון בחשבון שלי?"), false},
		// the review's probes, reworded
		{"uk with my permission", at("Доступ", "Хтось з моєї сім'ї зайшов у мій акаунт з мого дозволу, щоб зробити замовлення. Як дати їм окремий доступ?"), false},
		{"uk last year", at("Рахунок", "Минулого року хтось зайшов у мій акаунт, тоді ви все виправили. Тепер питання про рахунок."), false},
		{"ar everyone in their own account", at("دفع", "كل شخص دخل إلى حسابه صباح اليوم ظهرت له رسالة خطأ عند الدفع."), false},
		{"ar with my permission", at("متجر", "صديقي شخص دخل حسابي بإذني لترتيب المنتجات."), false},
		{"hi a question", at("अकाउंट", "क्या किसी और ने मेरे अकाउंट में लॉग इन किया था? यह कैसे देखूं?"), false},
		{"he someone on our team", at("טלפון", "מישהו מהצוות שלנו שינה את הטלפון בחשבון אתמול."), false},
		{"pt someone of my family, to help", at("Perfil", "Alguém da minha família entrou no meu perfil para me ajudar com o endereço."), false},
		{"es support, thanks for the help", at("Perfil", "Alguien de soporte entró en mi perfil para revisar el fallo, gracias por la ayuda."), false},
		{"it someone on my team", at("Profilo", "Qualcuno del mio team è entrato nel mio profilo per sistemare le impostazioni."), false},
		{"en someone on my team", at("Profile", "Someone on my team logged into my profile to update our shipping settings."), false},
		{"pl a burglary at home", at("Adres", "Po włamaniu do mojego mieszkania proszę zmienić adres dostawy na biuro."), false},
	})
}
