package triage

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Service attribution as a scored choice. The matcher finds what the text
// names; each service named, and each service whose flow the text describes
// without naming it, becomes a candidate. A candidate scores for how
// strongly it is named, for being in the subject, and above all for being
// in a clause that states the failure; a candidate named only in a clause
// that says it works ("I can log in fine, but …") loses.

// flowKind is a kind of flow a shop's service runs — signing in, paying,
// ordering, finding, messaging — recognised in a project by the words of a
// service's name and aliases, and in a ticket by what users do in it.
type flowKind struct {
	name string
	// keys are the words of a service's name or aliases that make it the
	// service of this flow.
	keys []string
	// does are the actions and objects of the flow in the languages tickets
	// come in — the flow's own everyday words first, so a service named
	// otherwise ("identity", "mailer", "catalog") is still found: weaker
	// than a name, an alias or a built-in synonym.
	does *phraseSet
}

// flowKindNamed is the flow kind of that name; a name not in flowKinds is a
// programming error.
func flowKindNamed(name string) flowKind {
	for _, k := range flowKinds {
		if k.name == name {
			return k
		}
	}
	panic("triage: no flow kind " + name)
}

// loggedOutFlow are the words of being signed out again and again (see
// loggedOut) and of signing in again: the session's flow, whatever page it
// happened on ("elke keer als ik naar het winkelmandje ga moet ik opnieuw
// inloggen").
var loggedOutFlow = append([]string{"opnieuw inloggen", "erneut anmelden", "wieder anmelden", "me reconnecte", "me reconnecter",
	"volver a iniciar sesión", "logar de novo", "fazer login de novo", "di nuovo il login", "logga in igen", "zalogować ponownie",
	"ログアウト", "登出", "退出登录", "로그아웃*"}, loggedOut...)

var flowKinds = []flowKind{
	{"signing in", []string{"auth", "login", "signin", "sso", "identity", "iam", "account", "session"}, mkFlowWords(append(loggedOutFlow,
		"log in", "login", "logging in", "sign in", "signin", "signing in", "password*", "2fa", "mfa", "otp",
		"credentials", "locked out", "log on", "authenticator", "verification code", "security code", "2-step", "two-step", "two-factor", "two factor",
		"one-time code", "session expired", "into my account", "into our account", "access my account", "access to my account",
		"forgot password", "reset my password", "password reset",
		// round fifteen: getting into the shop's admin, as users of the 17 languages say it
		"entrar no painel", "entrar no admin", "consigo entrar", "entrar al panel", "entrar en el panel", "puedo entrar", "no puedo entrar",
		"entrare nel pannello", "riesco ad entrare", "komme nicht rein", "komme nicht ins", "kom inte in", "kommer inte in", "kommer ikke ind",
		"kommer ikke inn", "en pääse sisään", "nie mogę wejść", "nemůžu se dostat", "не могу зайти",
		// round twenty-two: got in (a resolution's "I managed to get in")
		// and signing in, in Italian, Spanish and Portuguese
		"riuscito ad entrare", "riuscita ad entrare", "riuscito a entrare", "riuscita a entrare", "ho potuto entrare",
		"pude entrar", "he podido entrar", "conseguí entrar", "consegui entrar", "já consigo entrar",
		"mon compte", "accéder à mon compte", "ins konto", "auf mein konto", "mi cuenta", "minha conta", "mijn account", "mitt konto", "moje konto",
		"anmelde*", "einlogg*", "identifiant*", "identifica*", "autenticaç*", "autenticación", "inicio de sesión", "sesión",
		"ログイン", "登录", "登錄", "로그인*", "giriş*",
		// languages beyond the tuning sets', from general vocabulary
		"đăng nhập", "mật khẩu", "להתחבר", "התחברות", "סיסמה", "סיסמא", "σύνδεσ*", "συνδεσ*", "συνδέ*", "συνδεθ*",
		"เข้าสู่ระบบ", "ล็อกอิน", "รหัสผ่าน", "लॉगिन", "पासवर्ड", "log masuk", "kata laluan", "kata sandi", "sisse logi*", "parool*",
		"prisijung*", "slaptažod*", "pieslēg*", "bejelentkez*", "jelszó*", "jelszav*", "увійти", "вхід", "логін*", "войти", "вход",
		"авторизац*", "пароль*", "логин*", "влизане", "парола*", "пријав*", "лозинк*", "prijav*", "lozink*", "prihlás*", "prihlas*",
		"přihlás*", "přihlaš*", "heslo", "iniciar sessió", "contrasenya", "logge inn", "logg inn", "innlogging*", "passord*",
		"تسجيل الدخول", "كلمة المرور", "şifre*", "kirjaut*", "salasan*", "autentific*", "conectare",
		// getting into the account, as those languages say "into my account"
		"להיכנס", "כניסה", "לחשבון", "בחשבון", "kontole", "kontoon", "kontom", "na konto", "do konta", "na účet", "u račun",
		"в аккаунт", "в акаунт", "hesabıma", "ke akun", "fiókomba", "tililleni", "į paskyrą", "kontā", "στον λογαριασμό",
		// round twenty-one: the link a shop mails to sign in with (its
		// failing is the sign-in's: "the magic link does not arrive or
		// errors"), and getting in, in Hungarian and Icelandic
		"magic link*", "magic-link*", "login link*", "sign-in link*", "signin link*", "log-in link*", "inloglink*", "loginlink*",
		"login-link*", "anmeldelink*", "anmelde-link*", "lien magique", "lien de connexion", "enlace mágico", "enlace de acceso",
		"link mágico", "link de acesso", "link magico", "link di accesso", "enllaç màgic", "lenllaç màgic", "enllaç daccés", "inloggningslänk*",
		"innloggingslenke*", "login-linket", "link do logowania", "odkaz pro přihlášení", "ссылк* для входа", "giriş bağlantı*",
		"belépőlink*", "bejelentkezési link*", "belépni", "belépés*", "belépek", "beléptem", "belépett", "innskrá*", "skrá mig inn", "komst ekki inn", "lykilorð*")...)},
	{"paying", []string{"payment", "pay", "billing", "psp", "acquirer"}, mkFlowWords(
		"pay", "paying", "payment*", "card", "cards", "charged", "refund*",
		"declined", "decline", "refused", "abgelehnt", "refusée", "rechazad*", "recusad*", "rifiutat*", "geweigerd", "nekad*", "odrzuc*",
		"visa", "mastercard", "amex", "apple pay", "google pay", "klarna", "sepa", "ideal", "bancontact", "sofort", "pix", "blik", "swish",
		"kreditkarte*", "karte", "carte bancaire", "tarjeta", "cartão", "carta di credito", "creditcard", "kortet", "karta", "kartą",
		"chargeback*", "charged twice", "double charged", "payout*", "transaction*", "transakc*", "transaktion*", "transacción", "transação",
		"thanh toán", "thẻ", "תשלום*", "התשלום*", "בתשלום*", "אשראי", "πληρωμ*", "κάρτα*", "ชำระเงิน", "จ่ายเงิน", "บัตร",
		"भुगतान", "कार्ड", "pembayaran", "bayar", "kad kredit", "kartu kredit", "makse*", "maksmi*", "kaardimakse*", "mokėjim*",
		"apmokėjim*", "kortel*", "maksājum*", "fizetés*", "fizet*", "kártyá*", "kártya*", "оплат*", "платіж*", "платеж*", "платёж*",
		"картк*", "картой", "плащан*", "плаћањ*", "plaćanj*", "kartic*", "картиц*", "platb*", "plateb*", "platob*", "pagament*", "targeta",
		"betaling*", "الدفع", "دفع", "بطاقة", "البطاقة", "bayad", "magbayad", "ödeme*", "maksu*", "plăți", "plata", "plată", "plății",
		// round fourteen: paying and the card in the 17 languages of the variants
		"maksa*", "kortilla", "kortin", "korttia", "kortille", "korttini", "korttimaksu*", "betale", "betale med", "mit kort", "med kort*", "kortbetaling*", "kortbetalning*", "betala med", "mitt kort",
		// round fifteen: declined, where Chinese says it
		"被拒", "拒付",
		// round twenty-one: paying and the card in Icelandic
		"greiðsl*", "borga", "borgaði", "kortið", "kortinu")},
	{"ordering", []string{"checkout", "cart", "order", "basket", "shop", "store"}, mkFlowWords(
		"checkout", "check out", "cart", "basket",
		"order", "orders", "purchase", "buy now", "add to cart", "place order", "place the order", "submit order", "coupon*", "voucher*",
		"promo code", "discount code", "gift card",
		"bestell*", "bestelling*", "kaufen", "kasse", "gutschein*", "rabattcode*", "kortingscode*", "kortingsbon*",
		"commande*", "code promo", "pedido*", "compra", "cupón", "cupom", "ordine*", "acquisto", "beställning*", "köp*", "rabattkod*",
		"zamówieni*", "zamów*", "kup*", "finalizar", "注文", "订单", "訂單", "주문*", "sipariş*",
		"giỏ hàng", "đơn hàng", "đặt hàng", "עגלה", "העגלה", "הזמנה", "הזמנות", "ההזמנה*", "καλάθι*", "παραγγελ*", "ตะกร้า",
		"สั่งซื้อ", "ऑर्डर", "कार्ट", "troli", "keranjang", "pesanan", "ostukorv*", "tellimus*", "krepšel*", "užsakym*", "groz*",
		"pasūtījum*", "kosár*", "kosar*", "rendelés*", "кошик*", "замовлен*", "корзин*", "заказ*", "количк*", "поръчк*", "корп*",
		// round twenty-seven: booking a slot, a table, a trip or a rental is
		// the shop's ordering (four writers' worlds label it the order's),
		// in the languages the sets hold; word forms, not stems: "boek"
		// is a book, "boekhouding" accounting, "gebucht" and "Buchung" a
		// bank posting, "reserviert" money held on a card, "rezervni" a
		// backup, "бронзовый" bronze
		"booking*", "boeking*", "boeken", "geboekt", "boka", "bokade", "bokning*", "buchen",
		"reservation*", "reservering*", "reserveren", "gereserveerd", "réservation*", "réserver", "reserva", "reservas", "reservar",
		"reservei", "prenot*", "rezerwacj*", "zarezerw*", "rezervac*", "rezervasyon*", "予約", "预订", "預訂", "预约", "예약*",
		"бронир*", "броню", "бронь", "забронир*", "забронюв*", "حجز", "الحجز", "đặt chỗ",
		"поруџбин*", "korp*", "porudžbin*", "košaric*", "narudžb*", "košík*", "objednáv*", "cistella", "comand*", "handlekurv*",
		"bestilling*", "ordre", "ordren", "ordrer", "ordrene", "ordrerne", "kurv", "kurven", "kurvens", "kurvside*", "pokladn*", "kassan", "kassen", "kassalla", "سلة", "السلة", "الطلب", "الطلبات", "sepet*", "ostoskor*", "tilau*", "coș*", "coşul")},
	{"finding", []string{"search", "find", "catalog", "catalogue", "discovery"}, mkFlowWords(
		"search", "searching", "searches",
		"search bar", "search box", "search field", "filter*", "autocomplete", "auto-complete", "suggestions", "no results", "zero results",
		"suchen", "sucht", "filtr*", "buscar", "buscamos", "busco", "cerca", "cercare", "zoek*", "söker", "sök", "sökt", "szukaj*", "szukam",
		"procur*", "rechercher", "trouver", "検索", "搜索", "검색*", "arama*",
		"tìm kiếm", "חיפוש", "החיפוש", "αναζήτησ*", "ค้นหา", "खोज*", "सर्च", "carian", "pencarian", "otsing*", "paieš*", "meklē*",
		"keresés*", "keresé*", "kereső*", "пошук*", "поиск*", "търсен*", "търсачк*", "претраг*", "pretrag*", "vyhľadáv*", "vyhledáv*",
		"cercador", "søk*", "søg*", "søgning*", "søgefunktion*", "søket", "søkefunksjon*", "sökning*", "haku", "hakua", "hakutoiminto*", "البحث", "بحث", "haku*", "căutar*")},
	{"messaging", []string{"notification", "notify", "mail", "mailer", "email", "sms", "push", "messaging", "message"}, mkFlowWords(
		"sms", "push", "e-mails", "emails",
		"text message*", "get a text", "push alert*", "push message*", "alerts", "newsletter*", "mails", "spam",
		"inbox", "notification*", "benachrichtigung*", "notificaç*", "notificacion*", "notifiche", "melding*", "meddelande*",
		"aviso*", "correos", "courriel*", "wiadomoś*", "powiadom*", "メール", "邮件", "郵件", "通知", "短信", "bildirim*",
		"thông báo", "tin nhắn", "הודעות", "התראות", "מייל*", "ειδοποιήσ*", "μηνύματ*", "อีเมล", "แจ้งเตือน", "ईमेल", "emel",
		"notifikasi", "pemberitahuan", "teavitus*", "pranešim*", "laišk*", "paziņojum*", "értesítés*", "сповіщен*", "повідомлен*",
		"уведомлен*", "письм*", "известия", "имейл*", "обавештењ*", "obaveštenj*", "obavijest*", "notifikáci*", "upozornen*",
		"notificaci*", "correu*", "varsl*", "الإشعارات", "إشعار*", "البريد", "رسائل", "ilmoitu*", "sähköpost*", "notificăr*")},
}

// contrastWords start a new clause within a sentence: what comes before
// "but" is often what works.
var contrastWords = unionOf(map[string]bool{"but": true, "however": true, "although": true, "though": true, "except": true}, foreignContrasts, map[string]bool{
	// round fifteen: "then" starts the step that failed after the one that
	// worked ("works until the card step, then the provider times out")
	"then": true, "dann": true, "puis": true, "luego": true, "después": true, "depois": true, "poi": true, "daarna": true,
	"potem": true, "pak": true, "sitten": true, "sedan": true, "sonra": true, "потом": true, "затем": true, "bagefter": true, "deretter": true})

// foreignContrasts are "but" in German, French, Spanish, Dutch, the
// Nordic languages, Polish, Portuguese and Italian: contrastWords' and
// chargeClauseEnds' (twoservices.go).
var foreignContrasts = map[string]bool{"aber": true, "doch": true, "mais": true, "pero": true, "sino": true, "maar": true, "men": true,
	"ale": true, "mas": true, "ma": true, "però": true}

// worksWords say a thing works: a service named beside them is what is
// fine, not what failed.
var worksWords = mkPhrases("fine", "works", "work", "working", "worked", "go through", "goes through", "went through", "ok", "okay", "normally",
	"funktioniert", "klappt", "fonctionne", "marche", "funciona", "funziona", "werkt", "fungerar", "działa", "sin problema*", "no problem*",
	// round fifteen: the 17 languages' "works" (a failure in the clause still counts first)
	"funkar", "virker", "fungerer", "toimii", "funguje", "çalışıyor", "работает", "正常", "動きます", "되는데")

// doneWords put the next step in the past: "an error after paying" fails
// after the payment, which is the setting, not what failed.
var doneWords = map[string]bool{"after": true, "nach": true, "après": true, "apres": true, "después": true, "despues": true,
	"depois": true, "dopo": true, "na": true, "efter": true, "po": true}

// afterStep reports whether the word at p follows a done word, up to two
// words back ("after paying", "after the login").
func afterStep(toks []token, p int) bool {
	for k := p - 1; k >= 0 && k >= p-2; k-- {
		if doneWords[toks[k].w] {
			return true
		}
		if toks[k].brk || k == p-1 && toks[p].brk {
			break
		}
	}
	return false
}

// signingIn reports whether a flow candidate's words are of signing in: a
// security report that describes it ("locked out", "my credentials") is
// about account access.
func signingIn(p string) bool {
	for _, q := range flowKindNamed("signing in").does.list {
		if q.String() == p {
			return true
		}
	}
	return false
}

// strengthFlow marks a candidate found by what the text describes of its
// flow, not by a name.
const strengthFlow = 0

// candidate is one service attribution could pick, with its score.
type candidate struct {
	ServiceMention
	score float64
	why   []string
	works bool // the text also says it works
	fine  bool // the text names it only where it says it works
	// partly: where it says it works, it says so only in part ("works on
	// desktop", "worked until this morning")
	partly bool
}

// flowMentions are the services whose flow the text describes: a service
// is of a flow when a word of its name or aliases is one of the flow's keys.
func flowMentions(services []Service, toks []token) []ServiceMention {
	var out []ServiceMention
	for _, k := range flowKinds {
		svc := serviceOfFlow(services, k)
		if svc < 0 {
			continue
		}
		var m *ServiceMention
		seen := map[int]bool{}
		hs := findAll(toks, k.does)
		var aside map[int]bool
		if k.name == "ordering" {
			aside = buyingAside(toks, hs) // round seventy-eight: bought by paying, or in the past
		}
		for _, h := range hs {
			// not a word negated (but "can't buy": unableToBuy), one read
			// already (one word can match two of the flow's phrases), nor
			// one buyingAside sets aside
			if h.neg && !(k.name == "ordering" && unableToBuy(toks, h)) || seen[h.pos] || aside[h.pos] {
				continue
			}
			seen[h.pos] = true
			if m == nil {
				m = &ServiceMention{Service: services[svc].Name, Phrase: h.phrase.String(), Strength: strengthFlow, Pos: h.pos}
			}
			m.Count++
			m.at = append(m.at, h.pos)
		}
		if m != nil {
			out = append(out, *m)
		}
	}
	return out
}

// serviceOfFlow is the index of the project's service that runs a flow, -1
// for none: the first whose name has one of the flow's keys, else the first
// whose aliases have one ("payment page" as an alias of checkout does not
// make checkout the payment flow when a payments service exists).
func serviceOfFlow(services []Service, k flowKind) int {
	has := func(s string) bool {
		for _, w := range tokenize(s) {
			for _, key := range k.keys {
				if w.w == key {
					return true
				}
			}
		}
		return false
	}
	for i, s := range services {
		if has(s.Name) {
			return i
		}
	}
	for i, s := range services {
		for _, a := range s.Aliases {
			if has(a) {
				return i
			}
		}
	}
	return -1
}

// failingClauses numbers the ticket's clauses (a contrast word starts
// one) and marks those that state a failure (an active failure, outage,
// degradation, missing order, billing defect, data loss or security hit).
func failingClauses(toks []token, sig *signals) ([]int, map[int]bool) {
	cl := clausesSplitAt(toks, contrastWords)
	failing := map[int]bool{}
	for _, hs := range [][]hit{sig.failure, sig.outage, sig.degraded, sig.cueFailure, sig.orderMissing, sig.billingDefect, sig.dataLoss, sig.security} {
		for _, h := range active(hs) {
			if h.pos >= 0 && h.pos < len(cl) {
				failing[cl[h.pos]] = true
			}
		}
	}
	return cl, failing
}

// rankServices scores the candidates — the services the matcher found and,
// when it found no name or alias, those whose flow the text describes — and
// returns them best first, with a line each for the explanation.
func rankServices(services []Service, cc codeClaims, toks []token, sig *signals, subjectEnd int, named []ServiceMention) ([]ServiceMention, []string) {
	ms := append([]ServiceMention(nil), named...)
	cl, failing := failingClauses(toks, sig)
	arrived := arrivedMessages(toks, cl, failing) // the message that came, then what did not (messagearrived.go)
	strong := false
	for _, m := range named {
		if m.Strength > strengthSynonym && !allArrived(m, arrived) {
			strong = true
		}
	}
	if !strong {
		have := map[string]bool{}
		for _, m := range named {
			have[m.Service] = true
		}
		for _, f := range flowMentions(services, toks) {
			if !have[f.Service] {
				ms = append(ms, f)
			}
		}
	}
	// a boarding card is no payment card, but the ticket sold (cardthing.go)
	ms, ticketAt := withoutOtherCards(toks, cl, ms)
	ms = withoutWorriedCharges(toks, cl, failing, sig.worried, ms) // a charge only feared is no outcome (twoservices.go)
	if !strong {
		ms = lendTicketCard(services, toks, ms, ticketAt)
	}
	if len(ms) == 0 {
		return nil, nil
	}
	working, partly := map[int]bool{}, map[int]bool{}
	for _, h := range active(findAll(toks, worksWords)) {
		if h.pos < len(cl) && !worksNegated(toks, cl, h.pos) {
			working[cl[h.pos]] = true
			if worksRestricted(toks, h) {
				partly[cl[h.pos]] = true
			}
		}
	}
	// A message that did not arrive is the messaging service's failure,
	// whatever it carried ("the password reset email never arrives"), but
	// for a sign-in code where the project's aliases give the codes to the
	// sign-in (below). The services of the two flows are the project's,
	// found once in New (claimsOfCodes).
	undelivered, deleted := -1, false
	msg, signIn := cc.msg, cc.signIn
	if msg >= 0 {
		if p, del := messageOutcome(toks, failing, cl, sig); p >= 0 { // paidnotgot.go
			deleted = del
			undelivered = p
			ms = withMention(ms, services[msg].Name, toks[p].raw, p)
		}
	}
	// Round sixty-three: where the project's aliases give the codes a
	// user types to its sign-in, a sign-in code names the sign-in, and a
	// message carrying one that did not arrive is its outcome
	// (codeclaim.go).
	outcomeOf, codes := msg, cc.codesAt(toks)
	if len(codes) > 0 {
		ms = claimedCodeMentions(ms, services[signIn].Name, claimedCodePhrase(toks, codes[0]), codes)
	}
	claimedCode := codeUndelivered(toks, undelivered, codes)
	if claimedCode >= 0 {
		outcomeOf = signIn
	}
	// A sign-in code refused ("the SMS code is invalid", "o código de
	// dois fatores é sempre recusado") is the sign-in's failure, not the
	// message's that carried it: the code arrived.
	codeAt := -1
	if refused := active(sig.codeRefused); signIn >= 0 && undelivered < 0 && len(refused) > 0 {
		codeAt = refused[0].pos
		ms = withMention(ms, services[signIn].Name, toks[codeAt].raw, codeAt)
	}
	// Round ninety-four: a call answered with a credential's rejection
	// ("401 Unauthorized", "invalid_grant") is the sign-in's outcome
	// (signinoutcome.go).
	cred, credOK := hit{}, false
	if signIn >= 0 && undelivered < 0 && codeAt < 0 {
		if cred, credOK = credentialRejected(toks); credOK {
			ms = withMention(ms, services[signIn].Name, cred.phrase.String(), cred.pos)
		}
	}
	// A service named only as what is absent ("responds without
	// authentication", "without logging in, as a guest, it works") is not
	// what the ticket is about.
	kept := ms[:0:0]
	for _, m := range ms {
		if !onlyAbsent(toks, m) {
			kept = append(kept, m)
		}
	}
	if len(kept) > 0 {
		ms = kept
	}
	cands := make([]candidate, len(ms))
	for i, m := range ms {
		c := candidate{ServiceMention: m}
		switch m.Strength {
		case strengthName:
			c.score, c.why = 3, []string{"named"}
		case strengthAlias:
			c.score, c.why = 2, []string{"alias"}
		case strengthSynonym:
			c.score, c.why = 1, []string{"synonym"}
		default:
			c.score, c.why = 0.5, []string{"its flow described"}
		}
		at := mentionsAt(m)
		inSubject, inFailure, onlyWorks, alsoWorks := false, false, true, false
		for _, p := range at {
			if p < subjectEnd {
				inSubject = true
			}
			if p >= len(cl) {
				onlyWorks = false
				continue
			}
			if failing[cl[p]] && !afterStep(toks, p) {
				inFailure = true
				c.failsHere = c.failsHere || !working[cl[p]]
			}
			if (!working[cl[p]] && !arrived[p]) || failing[cl[p]] {
				onlyWorks = false
			} else {
				alsoWorks = true
			}
			c.partly = c.partly || partly[cl[p]]
		}
		if inSubject {
			c.score++
			c.why = append(c.why, "in the subject")
		}
		if inFailure {
			c.score += 2
			c.why = append(c.why, "in the clause that states the failure")
		}
		switch {
		case onlyWorks:
			c.score -= 3
			c.fine = true
			c.why = append(c.why, "only where the text says it works")
		case alsoWorks:
			c.score--
			c.works = true
			c.why = append(c.why, "also where the text says it works")
		}
		if undelivered >= 0 && m.Service == services[outcomeOf].Name {
			c.score += 3
			// One writer's message that did not arrive decides, not which
			// logs rose first; beside an outage ("no order e-mails because
			// no orders come through") the logs still choose.
			c.Outcome = c.Outcome || len(active(sig.outage)) == 0 && len(active(sig.many)) == 0
			if outcomeOf == msg {
				c.why = append(c.why, fmt.Sprintf("outcome: the message (%q) %s", toks[undelivered].raw, messageFate(deleted)))
			} else {
				c.why = append(c.why, codeOutcomeReason(toks, claimedCode))
			}
		}
		if credOK && m.Service == services[signIn].Name {
			credentialOutcome(&c, cred)
		}
		if codeAt >= 0 && m.Service == services[signIn].Name {
			c.score += 4
			c.why = append(c.why, fmt.Sprintf("outcome: the sign-in code was refused (%q)", toks[codeAt].raw))
		}
		cands[i] = c
	}
	compoundHeads(toks, cands)
	sort.SliceStable(cands, func(a, b int) bool {
		if cands[a].score != cands[b].score {
			return cands[a].score > cands[b].score
		}
		// on a tie the project's own words win over a built-in synonym:
		// "le checkout" over "Erreurs au paiement"
		if sa, sb := cands[a].Strength == strengthSynonym, cands[b].Strength == strengthSynonym; sa != sb {
			return sb
		}
		// and the one the text never says works: "I can log in fine …
		// at the checkout it just spins"
		if cands[a].works != cands[b].works {
			return cands[b].works
		}
		return cands[a].Pos < cands[b].Pos
	})
	// A built-in synonym ranked below a name or alias is set aside, as
	// are flow candidates when anything is named: only candidates that can
	// stand for the ticket go on to the logs.
	var out []ServiceMention
	var lines []string
	namedAbove := false
	for _, c := range cands {
		line := fmt.Sprintf("candidate %s %.1f (%q: %s)", c.Service, c.score, c.Phrase, strings.Join(c.why, ", "))
		if namedAbove && c.Strength <= strengthSynonym {
			lines = append(lines, line+", set aside")
			continue
		}
		// What the writer says works ("Search works, we see hotels, but
		// the booking page gets stuck") is not what failed, even when the
		// failing thing is named by no service's word: the logs choose.
		// Below another candidate it keeps its place. What worked until
		// now, or works only somewhere ("Checkout works on desktop, but in
		// the app I get error 500"), may be what failed: it stays.
		// In a resolution the failure words tell what is over ("the error
		// is gone now, my order went through"): what works again is the
		// thread's service.
		if c.fine && !c.partly && len(failing) > 0 && len(out) == 0 && len(sig.resolvedBy) == 0 {
			lines = append(lines, line+", set aside: it works")
			continue
		}
		if c.Strength > strengthSynonym {
			namedAbove = true
		}
		out = append(out, c.ServiceMention)
		lines = append(lines, line)
	}
	return out, lines
}

// compoundHeads raises a candidate named by the project's own name or alias
// right after another service's word in the same clause: in a noun compound the head comes last ("abandoned
// cart SMS" is an SMS, "order confirmation e-mail" an e-mail), the word
// before it only says which one.
func compoundHeads(toks []token, cands []candidate) {
	starts := map[int]int{} // word position → candidate
	for i, c := range cands {
		for _, p := range mentionsAt(c.ServiceMention) {
			starts[p] = i
		}
	}
	for i, c := range cands {
		n := len(strings.Fields(c.Phrase))
		for _, p := range mentionsAt(c.ServiceMention) {
			j, ok := starts[p+n]
			if !ok || j == i || p+n >= len(toks) || toks[p+n].brk {
				continue
			}
			h := &cands[j]
			if h.Strength < strengthAlias {
				continue // a built-in synonym or a flow's word may be a case ending away from the word before it
			}
			if !slices.Contains(h.why, "head of a compound") {
				h.score++
				h.why = append(h.why, "head of a compound")
			}
		}
	}
}

// mentionsAt are the word positions of a mention, its first when none
// were kept.
func mentionsAt(m ServiceMention) []int {
	if len(m.at) == 0 {
		return []int{m.Pos}
	}
	return m.at
}

// messageNouns are what a messaging service delivers; arriveWords the
// verbs of its arriving, in the languages tickets come in; weakArrive those
// of them that say only "get" or "come" ("I get an error message") and tell
// of a message not delivered only when negated.
var (
	// A one-time code ("OTP", written so in every language) comes by
	// message: "my OTP is not coming" is the message's; so is a webhook, a
	// message sent to a machine ("no webhook deliveries since 15:50").
	messageNouns = mkPhrases("email*", "e-mail*", "mail*", "sms", "text", "texts", "notification*", "message*", "push", "otp", "otps",
		"webhook*", "web-hook*",
		"correo*", "courriel*", "bericht*", "wiadomoś*", "meddelande*", "mejl*", "メール", "邮件", "短信",
		// and in the languages beyond the tuning sets'
		"رسالة", "رسائل", "بريد", "הודעה", "הודעות", "מייל*", "poruk*", "e-pošt*", "zpráv*", "správ*", "üzenet*", "viesti*",
		"sähköposti*", "сообщени*", "письм*", "смс*", "повідомлен*", "лист", "mesaj*", "pesan", "surel", "mensahe", "μήνυμα*", "tin nhắn",
		"ข้อความ", "e-kiri*", "laišk*", "vēstul*")
	arriveWords = mkPhrases("arriv*", "receiv*", "deliver*", "come", "comes", "came", "coming", "get", "gets", "got",
		"ankomm*", "angekommen", "kommt", "kommen", "llega*", "recib*", "chega*", "receb*", "reçu", "reçue", "reçus", "reçues", "recu", "ricev*", "arriva*",
		"ontvang*", "aankom*", "dociera", "dotar*", "kommer", "届", "收到",
		"تصل*", "وصل*", "يصل*", "מגיע*", "הגיע*", "stiž*", "stig*", "doraz*", "érkez*", "megérkez*", "saapu*", "приход*",
		"пришл*", "доход*", "надход*", "gelmiyor", "gelmedi", "sampai", "dumating", "φτάν*", "έφτασ*", "đến", "ได้รับ", "jõu*", "atėj*", "pienāk*")
	// ("reçu" is spelled out: "reçu*" folded would take Portuguese and
	// Spanish "recusado", refused.)
	weakArrive = map[string]bool{"come": true, "comes": true, "came": true, "coming": true, "get": true, "gets": true, "got": true,
		"kommt": true, "kommen": true, "kommer": true}
	// errorWords before a message noun make it what the screen shows, not
	// something delivered: "an error message", "a warning notification"
	// (an alert email is delivered: "alert" is none of them).
	errorWords = map[string]bool{"error": true, "warning": true, "fehler": true, "erreur": true, "errore": true,
		"fout": true, "fel": true, "błąd": true, "błędu": true}
	// afterNegators follow the verb they negate: "die Mail kommt nicht an".
	afterNegators = map[string]bool{"nicht": true, "niet": true, "inte": true, "ikke": true, "not": true}
)

// undeliveredMessage is the position of a message noun in a failing clause
// whose verb is one of arriving ("the reset email never arrives", "no SMS
// was received"), or -1. A message noun after an error word is what the
// screen shows, and "get" or "come" count only when negated.
func undeliveredMessage(toks []token, failing map[int]bool, cl []int) int {
	for i := range toks {
		if i >= len(cl) || !messageNouns.matches(toks, i) {
			continue
		}
		if i > 0 && errorWords[toks[i-1].w] || i > 1 && toks[i-1].w == "de" && errorWords[toks[i-2].w] {
			continue
		}
		// "message d'erreur", "mensaje de error", "messaggio di errore"
		if n := i + 1; n < len(toks) && !toks[n].brk && (errorWords[toks[n].w] ||
			n+1 < len(toks) && (toks[n].w == "de" || toks[n].w == "di" || toks[n].w == "d") && errorWords[toks[n+1].w]) {
			continue
		}
		for k := max(0, i-6); k < len(toks) && k <= i+6 && k < len(cl); k++ {
			if cl[k] != cl[i] || k == i || !arriveWords.matches(toks, k) {
				continue
			}
			// In a clause the words read as failing, a verb of arriving
			// will do; elsewhere (a language the failure lists do not
			// know) it must be negated: "لا تصلني رسالة", "poruke ne stižu".
			if negated := arrivalNegated(toks, i, k); failing[cl[i]] && (!weakArrive[toks[k].w] || negated) || negated {
				return i
			}
		}
	}
	return -1
}

// arrivalNegated reports whether the arriving verb at k, of the message
// noun at i, is negated: a negator shortly before the verb or the noun ("did
// not come", "no SMS came", "no longer get"), or one right after the verb
// ("kommt nicht an").
func arrivalNegated(toks []token, i, k int) bool {
	for _, p := range []int{i, k} {
		for b := p - 1; b >= 0 && b >= p-3 && !toks[b+1].brk; b-- {
			if negators[toks[b].w] || foreignNegators[toks[b].w] {
				return true
			}
		}
	}
	for a := k + 1; a < len(toks) && a <= k+2 && !toks[a].brk; a++ {
		if afterNegators[toks[a].w] {
			return true
		}
	}
	return false
}

// withoutWords say that what follows is absent.
var withoutWords = map[string]bool{"without": true, "ohne": true, "sans": true, "sin": true, "sem": true, "senza": true,
	"zonder": true, "utan": true, "bez": true}

// onlyAbsent reports whether each place a candidate is named follows a
// word for "without", up to two words back in its clause.
func onlyAbsent(toks []token, m ServiceMention) bool {
	at := m.at
	if len(at) == 0 {
		at = []int{m.Pos}
	}
	for _, p := range at {
		absent := false
		for k := p - 1; k >= 0 && k >= p-2 && !toks[k+1].brk; k-- {
			if withoutWords[toks[k].w] {
				absent = true
				break
			}
		}
		if !absent {
			return false
		}
	}
	return true
}

// withMention returns ms with a flow's mention of service (phrase at pos)
// added, unless ms already names that service.
func withMention(ms []ServiceMention, service, phrase string, pos int) []ServiceMention {
	for _, m := range ms {
		if m.Service == service {
			return ms
		}
	}
	return append(ms, ServiceMention{Service: service, Phrase: phrase, Strength: strengthFlow, Pos: pos})
}

// worksNegated reports whether a negative subject stands before the word at
// p in its clause, up to eight words back: "nessun pagamento va a buon
// fine", "no payment goes through" say nothing works. The determiners
// "no", "kein", "keine" count too; Portuguese "no" ("in the": "No celular
// o login funciona") is the risk of that, which the logs then settle.
func worksNegated(toks []token, cl []int, p int) bool {
	for k := p - 1; k >= 0 && k >= p-8 && cl[k] == cl[p]; k-- {
		if noneWord(toks[k]) || noDeterminers[toks[k].w] {
			return true
		}
	}
	return false
}

// noDeterminers are "no" before a noun, beside noneWords' pronouns.
var noDeterminers = map[string]bool{"no": true, "kein": true, "keine": true}

// restrictWorks are the words after "works" that limit it to a place, a
// device or a time: "works on desktop", "works in Chrome", "funktioniert
// bis gestern", "works until this morning", "marche sur ordinateur".
var restrictWorks = map[string]bool{"on": true, "in": true, "until": true, "till": true, "only": true,
	"bis": true, "auf": true, "am": true, "im": true, "nur": true, "sur": true, "dans": true, "jusqu": true, "seulement": true,
	"en": true, "hasta": true, "solo": true, "sólo": true, "su": true, "fino": true, "soltanto": true, "até": true,
	"op": true, "tot": true, "alleen": true, "på": true, "tills": true, "bara": true, "na": true, "tylko": true, "do": true}

// worksRestricted reports whether the works hit h says something worked
// only in the past, or only somewhere: the word is in the past, or one of
// the two words after it limits it.
func worksRestricted(toks []token, h hit) bool {
	// "worked" is the one past form among worksWords
	if toks[h.pos].w == "worked" {
		return true
	}
	end := h.pos + len(h.phrase)
	for k := end; k < len(toks) && k < end+2 && !toks[k].brk; k++ {
		if restrictWorks[toks[k].w] {
			return true
		}
	}
	return false
}
