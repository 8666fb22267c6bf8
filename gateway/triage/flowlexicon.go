package triage

import "strings"

// Round sixty-nine: the five flows' words in the languages the lexicon
// lacked. Every world runs the same five flows (signing in, paying,
// ordering or booking, finding, messaging), so their everyday words are
// the world's whatever the product: this table fills, language by
// language, the concepts flowKinds' lists had no word for (sign-in,
// password, code; pay, card, charge, refund; order, booking, basket;
// search, filter; notification, e-mail, SMS, reminder), from general
// vocabulary, not from tickets. Forms are the inflections a stem catches;
// a stem whose folded prefix is another word is written as its forms
// ("plătit", not "plăt*": folded it would catch "platform"), and words
// with a second everyday sense are left out ("kort" is short in Danish,
// "kart" a map in Norwegian, "כרטיס" a ticket, "найти" any finding, the
// message of an error message, "my account" any account question, a
// fold onto an English word: "płacę" folds to "place"). Being charged or
// debited ("списали", "débité", "cobraron") is left to the English
// "charged": money taken while the order or booking is missing is the
// order's, and those words told payments. Scripts written without spaces
// take whole words, never a star. The review of round sixty-nine took out
// or narrowed what its texts showed misfiring: entrance and getting-in
// words ("входа", "الدخول", "ورود", "tidak bisa masuk", "kuingia") kept
// only in sign-in phrases ("для входу", "رمز الدخول"); a card that is a
// map, a tab, an ID or a SIM ("карту", "karty", "kaardi", "kartu", "kartı",
// "کارت", "karte") kept only as a bank or credit card; "I paid" and "I
// ordered" stems ("zapłac*", "πλήρωσ*", "pagato", "megrendel*", "naročil*")
// narrowed to the nouns and the infinitive; a filter that is a product or
// a photo effect kept in its plural or as filtering; and words with an
// everyday second sense out or narrowed ("hasłem" a slogan, "accesso" a
// door code, "rappel" a callback, "besked" let me know, "připomínka" a
// remark, "提醒", "الفيزا" a travel visa, "בהזמנה" by invitation, "รถเข็น"
// a wheelchair, "lefoglal" keeps me busy, "maghanap", "vračilo" a return of
// goods, "gesl*" folding onto Dutch "gesloten", connecting to Wi-Fi).

// flowLexicon is the table: a flow kind's name, a language, its words.
var flowLexicon = []struct {
	flow, lang string
	words      []string
}{
	// signing in: sign in, password, the code that confirms it
	{"signing in", "Greek", []string{"κωδικό επαλήθευσης", "είσοδο στον λογαριασμό"}},
	{"signing in", "Russian", []string{"залогин*", "код подтверждени*", "одноразов* код*"}},
	{"signing in", "Ukrainian", []string{"для входу", "увійти в", "код підтвердженн*"}},
	{"signing in", "Bulgarian", []string{"вляза", "влизам", "влезе", "код за потвърждение"}},
	{"signing in", "Serbian", []string{"verifikacioni kod", "верификациони код"}},
	{"signing in", "Arabic", []string{"رمز الدخول", "تسجيل دخول", "كلمة السر", "رمز التحقق"}},
	{"signing in", "Hebrew", []string{"התחבר*", "הסיסמה", "הסיסמא", "קוד אימות", "קוד האימות"}},
	{"signing in", "Hindi", []string{"लॉग इन", "साइन इन", "ओटीपी"}},
	{"signing in", "Thai", []string{"ลงชื่อเข้าใช้", "เข้าระบบ", "รหัส OTP", "ยืนยันตัวตน"}},
	{"signing in", "Chinese", []string{"验证码", "驗證碼"}},
	{"signing in", "Japanese", []string{"サインイン", "認証コード", "確認コード", "ワンタイムパスワード"}},
	{"signing in", "Korean", []string{"인증번호*", "인증 코드*", "인증코드*"}},
	{"signing in", "Vietnamese", []string{"mã xác minh", "mã xác thực", "mã otp"}},
	{"signing in", "Indonesian", []string{"masuk ke akun", "kode verifikasi", "kode otp", "kode masuk", "tidak bisa masuk ke akun", "tidak bisa masuk ke aplikasi"}},
	{"signing in", "Malay", []string{"kod pengesahan", "tidak dapat log masuk"}},
	{"signing in", "Tagalog", []string{"makapag-login", "mag-login", "makapasok sa account"}},
	{"signing in", "Turkish", []string{"oturum aç*", "doğrulama kodu", "hesabıma gir*"}},
	{"signing in", "Persian", []string{"ورود به حساب", "رمز عبور", "گذرواژه", "کد تایید", "کد تأیید", "وارد حسابم", "وارد شوم"}},
	{"signing in", "Polish", []string{"zaloguj*", "zalogow*", "hasło", "hasła", "kod weryfikacyjn*"}},
	{"signing in", "Czech", []string{"hesl*", "ověřovací kód"}},
	{"signing in", "Slovak", []string{"overovací kód"}},
	{"signing in", "Slovene", []string{"geslo", "gesla", "geslu", "geslom", "gesel", "prijavim", "potrditveno kod*"}},
	{"signing in", "Croatian", []string{"zaporka*", "zaporku", "kod za potvrdu"}},
	{"signing in", "Romanian", []string{"delog*", "parolei", "parola mea", "parolele", "logare", "cod de verificare"}},
	{"signing in", "Dutch", []string{"inlog*", "wachtwoord*", "verificatiecode*"}},
	{"signing in", "Danish", []string{"log ind", "logge ind", "logget ind", "adgangskode*", "kodeord*", "engangskode*", "bekræftelseskode*", "mitid"}},
	{"signing in", "Swedish", []string{"lösenord*", "verifieringskod*", "engångskod*", "bankid"}},
	{"signing in", "Norwegian", []string{"logget inn", "bekreftelseskode*"}}, // "engangskode*": Danish's
	{"signing in", "Finnish", []string{"sisäänkirjau*", "vahvistuskoodi*", "tunnistautu*", "tunnukse*"}},
	{"signing in", "Estonian", []string{"sisselogimi*", "kinnituskood*"}},
	{"signing in", "Latvian", []string{"paroli", "ielogot*", "verifikācijas kod*"}},
	{"signing in", "Lithuanian", []string{"patvirtinimo kod*"}},
	{"signing in", "Portuguese", []string{"senhas", "código de verificação", "fazer o login", "iniciar sessão"}},
	{"signing in", "Spanish", []string{"código de verificación", "iniciar la sesión"}},
	{"signing in", "Catalan", []string{"codi de verificació"}},
	{"signing in", "Italian", []string{"accesso all'account", "accedere all'account", "credenziali", "codice di verifica", "codice otp"}},
	{"signing in", "French", []string{"me connecter", "code de vérification", "authentification"}},
	{"signing in", "German", []string{"kennwort*", "bestätigungscode*", "verifizierungscode*", "zugangsdaten"}},
	{"signing in", "Swahili", []string{"kuingia kwenye akaunti", "nenosiri", "nywila", "msimbo wa uthibitisho"}},

	// paying: pay, the card, being charged, the refund
	{"paying", "Greek", []string{"πληρωμή", "πληρωμής", "επιστροφή χρημάτων"}},
	{"paying", "Russian", []string{"возврат средств", "возврат денег"}},
	{"paying", "Ukrainian", []string{"картку", "карткою", "повернення коштів", "оплатит*"}},
	{"paying", "Bulgarian", []string{"картата", "възстановяване на сума*"}},
	{"paying", "Serbian", []string{"povrat novca", "повраћај новца"}}, // "povrat novca" is Croatian too
	{"paying", "Arabic", []string{"استرجاع المبلغ", "بطاقتي", "بطاقة الفيزا", "الدفع الإلكتروني"}},
	{"paying", "Hebrew", []string{"החזר כספי", "לשלם", "כרטיס אשראי"}},
	{"paying", "Hindi", []string{"पेमेंट", "रिफंड"}},
	{"paying", "Thai", []string{"คืนเงิน", "โอนเงิน"}},
	{"paying", "Chinese", []string{"付钱", "银行卡"}},
	{"paying", "Korean", []string{"카드*"}},
	{"paying", "Vietnamese", []string{"hoàn tiền", "chuyển khoản"}},
	{"paying", "Indonesian", []string{"membayar", "kartu kredit", "kartu debit", "pengembalian dana"}},
	{"paying", "Malay", []string{"bayaran", "kad", "pemulangan wang"}},
	{"paying", "Tagalog", []string{"pagbabayad", "bayarin"}},
	{"paying", "Turkish", []string{"kartım*", "kredi kartı", "kartla", "para iade*"}},
	{"paying", "Persian", []string{"پرداخت*", "کارت بانکی", "کارتم", "بازگشت وجه", "استرداد وجه"}},
	{"paying", "Polish", []string{"kartę", "zapłacić", "płacić", "zwrot pieniędzy", "zwrot środków"}},
	{"paying", "Czech", []string{"kartou", "zaplatit", "zaplacení", "platit"}},
	{"paying", "Slovak", []string{"zaplatiť"}},
	{"paying", "Slovene", []string{"plačil*", "plačati", "vračilo denarja", "kartico"}},
	{"paying", "Romanian", []string{"cardul", "cardului", "plătesc", "plătim", "rambursar*"}},
	{"paying", "Dutch", []string{"betaal", "terugbetal*", "pinbetaling*"}},
	{"paying", "Danish", []string{"betalingskort*", "refusion*"}},
	{"paying", "Swedish", []string{"återbetal*"}},
	{"paying", "Estonian", []string{"maksmi*", "tagasimakse*", "kaardiga", "kaardilt"}},
	{"paying", "Latvian", []string{"kredītkart*", "samaksāt", "atmaksa*"}},
	{"paying", "Lithuanian", []string{"pinigų grąžinim*"}},
	{"paying", "Portuguese", []string{"cartões", "estorno*"}},
	{"paying", "Catalan", []string{"reemborsament*"}},
	{"paying", "Swahili", []string{"malipo", "kulipa", "lipa", "kadi", "kurejeshewa pesa"}},

	// ordering: the order, the booking, the basket
	{"ordering", "Greek", []string{"κράτησ*", "κρατήσ*", "καλαθάκι"}},
	{"ordering", "Ukrainian", []string{"бронюв*", "замовит*"}},
	{"ordering", "Bulgarian", []string{"резервац*", "поръчка*"}},
	{"ordering", "Arabic", []string{"الطلبية", "طلبية", "عربة التسوق"}},
	{"ordering", "Hebrew", []string{"הזמנת*", "בעגלה", "לעגלה", "מהעגלה", "סל הקניות"}},
	{"ordering", "Hindi", []string{"बुकिंग", "आर्डर"}},
	{"ordering", "Thai", []string{"การจอง", "จองไว้"}},
	{"ordering", "Chinese", []string{"订购", "訂購"}},
	{"ordering", "Japanese", []string{"買い物かご"}},
	{"ordering", "Vietnamese", []string{"đặt phòng", "đặt bàn", "đặt vé", "đặt lịch"}},
	{"ordering", "Indonesian", []string{"memesan", "pemesanan", "reservasi"}},
	{"ordering", "Malay", []string{"tempahan", "troli beli-belah"}},
	{"ordering", "Tagalog", []string{"bumili", "pagbili", "mag-order"}},
	{"ordering", "Persian", []string{"سفارش*", "سبد خرید", "رزرو*"}},
	{"ordering", "Czech", []string{"objednat"}},
	{"ordering", "Slovene", []string{"naročilo", "naročila", "naročilu", "naročiti"}},
	{"ordering", "Hungarian", []string{"megrendelés*", "foglalás*", "lefoglalt*", "lefoglalni"}},
	{"ordering", "Romanian", []string{"rezervar*"}},
	{"ordering", "Dutch", []string{"bestel"}},
	{"ordering", "Danish", []string{"bestille"}},
	{"ordering", "Finnish", []string{"varaus*", "varauk*"}},
	{"ordering", "Estonian", []string{"broneering*"}},
	{"ordering", "Latvian", []string{"rezervācij*", "pasūtījum*"}},
	{"ordering", "Lithuanian", []string{"užsakym*"}},
	{"ordering", "German", []string{"reservierung*"}},
	{"ordering", "Swahili", []string{"agizo", "maagizo", "kikapu", "kuagiza"}},

	// finding: search, the filter
	{"finding", "Greek", []string{"αναζητ*", "φίλτρα", "φίλτρων", "φιλτράρ*"}},
	{"finding", "Russian", []string{"фильтры", "фильтрам*", "фильтрах", "фильтраци*"}},
	{"finding", "Ukrainian", []string{"фільтр*"}},
	{"finding", "Bulgarian", []string{"филтр*", "филтър"}},
	{"finding", "Serbian", []string{"филтер*", "претраживањ*"}},
	{"finding", "Arabic", []string{"فلتر*", "البحث عن"}},
	{"finding", "Hebrew", []string{"בחיפוש", "מסנן*"}},
	{"finding", "Hindi", []string{"फ़िल्टर", "फिल्टर"}},
	{"finding", "Thai", []string{"ตัวกรอง"}},
	{"finding", "Chinese", []string{"搜尋", "筛选", "篩選"}},
	{"finding", "Japanese", []string{"絞り込み", "フィルター"}},
	{"finding", "Vietnamese", []string{"bộ lọc"}},
	{"finding", "Indonesian", []string{"hasil pencarian"}},
	{"finding", "Tagalog", []string{"paghahanap"}},
	{"finding", "Turkish", []string{"filtreler*", "filtreleme*"}},
	{"finding", "Persian", []string{"جستجو*", "جست وجو"}},
	{"finding", "Czech", []string{"hledání", "vyhledat"}},
	{"finding", "Slovak", []string{"hľadani*", "vyhľadať"}},
	{"finding", "Slovene", []string{"iskanj*", "iskalnik*", "iskalni"}},
	{"finding", "Croatian", []string{"pretraž*", "tražilic*"}},
	{"finding", "Finnish", []string{"suodattimet", "suodattimi*", "suodatus*"}},
	{"finding", "Portuguese", []string{"pesquis*"}},
	{"finding", "Swahili", []string{"utafutaji"}},

	// messaging: the notification, the e-mail, the SMS, the reminder
	{"messaging", "Greek", []string{"ειδοποί*", "ειδοποιη*", "υπενθύμ*", "υπενθυμ*"}},
	{"messaging", "Russian", []string{"на почту", "по почте", "электронн* почт*", "рассылк*", "напоминани*", "оповещени*"}},
	{"messaging", "Ukrainian", []string{"нагадуван*", "розсилк*"}},
	{"messaging", "Bulgarian", []string{"известие", "известяван*", "напомняне*"}},
	{"messaging", "Serbian", []string{"obavještenj*", "podsetnik*", "подсетник*", "mejlovi", "mejlove", "мејлове"}},
	{"messaging", "Arabic", []string{"تنبيه*", "التنبيه*", "بريد إلكتروني", "الإشعار", "اشعار*", "الرسائل", "تذكير", "رسالة نصية", "البريد الإلكتروني"}},
	{"messaging", "Hebrew", []string{"התראה", "ההתראות", "תזכורת*", "מסרון*"}},
	{"messaging", "Hindi", []string{"नोटिफिकेशन", "एसएमएस", "रिमाइंडर"}},
	{"messaging", "Thai", []string{"เอสเอ็มเอส"}},
	{"messaging", "Chinese", []string{"推送"}},
	{"messaging", "Japanese", []string{"プッシュ", "リマインダー", "リマインド"}},
	{"messaging", "Korean", []string{"푸시*"}},
	{"messaging", "Vietnamese", []string{"nhắc nhở"}},
	{"messaging", "Indonesian", []string{"pengingat", "surel"}},
	{"messaging", "Malay", []string{"pemberitahuan"}},
	{"messaging", "Tagalog", []string{"abiso", "paalala"}},
	{"messaging", "Turkish", []string{"sms*", "hatırlatma*"}},
	{"messaging", "Persian", []string{"اعلان*", "پیامک*", "نوتیفیکیشن*"}},
	{"messaging", "Polish", []string{"przypomnieni*", "e-maile"}},
	{"messaging", "Czech", []string{"oznámení", "upozorněn*", "připomenutí", "e-maily", "e-mailů"}},
	{"messaging", "Slovak", []string{"oznámeni*", "notifikáci*"}},
	{"messaging", "Slovene", []string{"obvestil*", "opomnik*"}},
	{"messaging", "Croatian", []string{"podsjetnik*"}},
	{"messaging", "Hungarian", []string{"emlékeztető*"}},
	{"messaging", "Romanian", []string{"notificar*", "memento*", "e-mailuri"}},
	{"messaging", "Dutch", []string{"notificatie*", "herinnering*"}},
	{"messaging", "Danish", []string{"notifikation*", "påmindelse*", "beskeder"}},
	{"messaging", "Swedish", []string{"mejlen", "mejlet", "avisering*", "påminnelse*"}},
	{"messaging", "Finnish", []string{"muistutu*", "muistutus"}},
	{"messaging", "Estonian", []string{"meeldetuletus*"}},
	{"messaging", "Latvian", []string{"atgādinājum*"}},
	{"messaging", "Lithuanian", []string{"priminim*"}},
	{"messaging", "Portuguese", []string{"lembrete*"}},
	{"messaging", "Spanish", []string{"recordatorio*", "correo electrónico"}},
	{"messaging", "Catalan", []string{"recordatori*"}},
	{"messaging", "Italian", []string{"notifica", "promemoria"}},
	{"messaging", "French", []string{"rappel de rendez-vous"}},
	{"messaging", "German", []string{"erinnerungsmail*", "push-nachricht*"}},
	{"messaging", "Swahili", []string{"arifa", "ujumbe mfupi", "barua pepe", "kikumbusho"}},
}

// flowLexiconLang is the language of each phrase the table added, for the
// reason a decision gives.
var flowLexiconLang = map[string]string{}

func init() {
	flowLexicon = append(flowLexicon, buyingLexicon...) // round seventy-eight
	for _, row := range flowLexicon {
		set := flowKindNamed(row.flow).does
		for _, w := range row.words {
			p := mkPhrase(w)
			if _, ok := flowLexiconLang[p.String()]; ok || set.has(p) {
				continue
			}
			set.add(p)
			flowLexiconLang[p.String()] = row.lang
		}
	}
}

// has reports whether the set already holds the phrase.
func (set *phraseSet) has(p phrase) bool {
	for _, q := range set.list {
		if q.String() == p.String() {
			return true
		}
	}
	return false
}

// lexiconNote names the flow lexicon's language of a flow phrase that the
// table added, for the reason; "" for the lists' own words.
func lexiconNote(phrase string) string {
	if lang, ok := flowLexiconLang[phrase]; ok {
		article := "a"
		if strings.ContainsRune("AEIOU", rune(lang[0])) {
			article = "an"
		}
		return " (" + article + " " + lang + " word of the flow lexicon)"
	}
	return ""
}
