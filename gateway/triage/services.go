package triage

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Service is one service of a project, as configured.
type Service struct {
	Name    string
	Aliases []string
	// Core marks a core flow (checkout, login, payments): a confirmed outage
	// there is critical.
	Core bool
}

// Match strengths: an explicit name beats a configured alias, which beats a
// built-in synonym.
const (
	strengthSynonym = 1
	strengthAlias   = 2
	strengthName    = 3
)

func init() {
	// being signed out again and again, and signing in again, are the
	// session's, wherever they happen (attribution.go's loggedOutFlow)
	builtinSynonyms["auth"] = append(builtinSynonyms["auth"], loggedOutFlow...)
}

// refundSynonyms name money returned to the buyer: the payment's words
// for it, and round seventy-three's refundWords (servicenamed.go), which
// read a refund in more languages and forms, start from them.
var refundSynonyms = []string{"reembolso*", "remboursement*", "rimbors*", "erstattung*", "rückerstattung*", "terugbetaling*",
	"återbetalning*", "hyvity*", "vrácení peněz", "返金", "退款", "환불*", "возврат* средств", "возврат* денег", "tilbagebetaling*",
	"refusjon*"}

// builtinSynonyms are words users say for common service names. They only
// count when the project's own names and aliases are not found.
var builtinSynonyms = map[string][]string{
	"auth": {"login", "log in", "logging in", "logged in", "logged into", "log into", "logging into", "sign in", "signin", "signing in", "logon", "password", "2fa", "mfa", "sso", "authentication", "otp", "inloggen", "einloggen", "anmelden", "anmeldung", "connexion", "se connecter", "iniciar sesion", "accedere",
		// signing in and passwords in the other languages tickets come in
		"iniciar sesión", "entrar na conta", "fazer login", "logga in", "inloggning*", "inloggad", "zalogować", "zalogowac", "logowani*",
		"passwort", "mot de passe", "contraseña", "contrasena", "senha", "wachtwoord", "lösenord", "hasło", "haslo",
		"ログイン", "サインイン", "パスワード", "登录", "登錄", "登入", "密码", "密碼", "로그인*", "비밀번호*", "giriş*", "oturum*", "şifre*",
		// round nineteen: single sign-on and the directory that feeds it,
		// written so in every language
		"saml", "scim", "single sign-on", "single sign on", "oidc", "openid connect", "identity provider"},
	"login": {"log in", "logging in", "sign in", "signin", "password", "2fa", "sso", "inloggen", "einloggen", "anmelden", "connexion"},
	"payment": slices.Concat([]string{"card", "credit card", "paypal", "pay", "charged", "charge", "refund", "paiement*", "zahlung*", "pago*", "pagament*", "betaling*",
		"betalning*", "płatnoś*", "platnos*", "płatność", "zapłacić", "zaplacic", "bezahlen", "payer", "pagar", "pagare", "betalen", "betala",
		"決済", "支払", "支付", "付款", "信用卡", "결제*", "ödeme*",
		// round fifteen: what users name of paying, and payments as the head of a compound
		"3-d secure", "3d secure", "3ds", "sepa", "lastschrift*", "+zahlung*", "+betaling*", "+betalning*", "+maksu*",
		// the payment method
		"betalsätt*", "betalningssätt*", "betalningsmetod*", "betaalmethode*", "betaalmiddel*", "maksutap*", "maksutav*",
		"způsob* platby", "platební metod*", "способ* оплаты",
		// the payment provider
		"proveedor de pago*", "betaalprovider*", "betaaldienst*", "betalleverantör*", "betalningsleverantör*", "ödeme sağlayıcı*",
		"платёжн* шлюз*", "платежн* шлюз*", "platební brán*", "maksupalvelu*", "決済代行*", "支付服务商", "결제 대행*",
		// the refund (refundSynonyms, which servicenamed.go reads too),
		// and paying that cannot be done
	}, refundSynonyms, []string{"付不了款",
		// round thirty: a money transfer is a payment however the product
		// names it (a salary run's, a client's, a wholesale buyer's):
		// "transfer" alone is not (a ticket or a booking transferred)
		"bank transfer*", "wire transfer*", "money transfer*", "salary transfer*", "überweisung*", "virement*", "transferencia bancaria",
		"transferência bancária", "bonifico*", "bonifici", "overboeking*", "przelew*", "bankovní převod*",
		"banköverföring*", "bankoverførsel*", "tilisiirto*", "банковск* перевод*", "havale*", "振込*", "银行转账", "转账", "계좌이체",
		"chuyển khoản", "transfer bank"}),
	"checkout": {"cart", "basket", "place order", "place an order", "place my order", "placing order", "warenkorb", "kasse", "panier", "carrito", "carrello", "winkelwagen*",
		"カート", "购物车", "購物車", "结账", "結帳", "下单", "下單", "장바구니*", "sepet*", "sipariş*",
		// round fifteen: the basket and the checkout as the 17 languages name them, and the payment page
		"carrinho*", "koszyk*", "varukorg*", "kassan", "ostoskor*", "košík*", "pokladn*", "корзин*", "kurv", "kurven",
		"indkøbskurv*", "handlekurv*", "winkelmand*", "レジ", "结算", "zahlungsseite*", "bezahlseite*", "page de paiement",
		"página de pago", "página de pagamento", "pagina di pagamento", "betaalpagina*", "stron* płatności", "betalningssida*",
		"betalsida*", "maksusivu*", "platební stránk*", "stránk* platby", "ödeme sayfa*", "決済ページ", "支払いページ", "支付页面",
		"付款页面", "결제 페이지*", "결제페이지*", "страниц* оплаты", "betalingsside*",
		// round twenty-five: Dutch names the checkout by settling up ("bij het afrekenen", "de afrekenpagina")
		"afreken*",
		// round nineteen: Russian names the checkout by placing the order
		// ("оформление заказа", "на странице оформления")
		"оформлени* заказ*", "страниц* оформлени*"},
	"search": {"searching", "search result", "suche", "suchfunktion", "produktsuche", "recherche", "búsqueda", "busqueda", "buscador",
		"busca", "pesquisa", "ricerca", "zoeken", "zoekfunctie", "sökning*", "sökfunktion*", "produktsökning*", "söket",
		"wyszukiwark*", "wyszukiwarc*", "wyszukiwani*", "検索", "搜索", "검색*", "arama*",
		// round fifteen: the search box and its results
		"search box", "search bar", "search field", "suchleiste*", "suchfeld*", "suchergebnis*", "sökfält*", "sökruta*",
		"sökresultat*", "zoekbalk*", "zoekresultat*", "søgefelt*", "søkefelt*", "hakukenttä*", "hakutulo*", "строк* поиска"},
	"notification": {"push notification", "sms", "confirmation email", "notification email", "alert email", "email",
		"bestätigungsmail*", "bestaetigungsmail*", "bevestigingsmail*", "e-mails de confirmação", "correo de confirmación", "correos de confirmación",
		"e-mail de confirmation", "mails de confirmation", "bekräftelsemejl*", "bekräftelsemail*", "maile potwierdzając*", "powiadomieni*",
		"メール", "邮件", "郵件", "短信", "이메일*", "알림*", "e-posta*", "bildirim*",
		// round fifteen: the order confirmation, a compound's head in German, Dutch, the Nordic languages
		// and Finnish ("Bestellbestätigung", "orderbekräftelsen", "tilausvahvistus")
		"+bestätigung*", "+bevestiging*", "+bekräftelse*", "+bekræftelse*", "+bekreftelse*", "+vahvistu*",
		"potvrzení* objednávk*", "potwierdzeni* zamówieni*", "z potwierdzeniem", "подтверждени* заказа", "письм* с подтверждением",
		"onay e-posta*", "onay mail*", "sipariş onay*", "e-mail de confirmação", "e-mails de confirmação", "e-mail di conferma",
		"email di conferma", "e-mail de confirmation", "e-mails de confirmation", "correo de confirmación", "tekstiviesti*", "newsletter*", "메일*", "확인 메일*", "смс*", "notis*",
		// round seventeen: the confirmation mail in Danish, Norwegian and Finnish
		"bekræftelsesmail*", "bekreftelsesmail*", "vahvistusviesti*", "vahvistussähköposti*",
		// round twenty-four: text messages as Korean names them ("픽업 준비 완료 문자")
		"문자"},
}

// synonymNotAfter stops a synonym when the word before it makes it
// something else: "an email" or "my email" is one message or an address,
// not the email system.
var synonymNotAfter = map[string]map[string]bool{
	"email": {"a": true, "an": true, "my": true, "your": true, "this": true, "that": true, "his": true, "her": true, "their": true, "same": true, "new": true, "the": true,
		// "send it by e-mail" names a channel, not the e-mail system
		"by": true, "per": true, "via": true, "through": true},
	// a verb form lent by "booking" (addAliasVerbForms): "my address book"
	"book": {"address": true, "phone": true},
}

// synonymNotBefore does the same for the word after: "email address".
var synonymNotBefore = map[string]map[string]bool{
	"email": {"address": true, "addresse": true, "addres": true},
}

// serviceSuffixes are dropped to find what users call a service:
// "checkout-api" is "checkout".
var serviceSuffixes = []string{"api", "service", "svc", "server", "app", "web", "backend", "worker", "srv"}

type servicePhrase struct {
	svc      int
	p        phrase
	f        phraseMatcher // p as it matches
	strength int
	// verb marks a verb form lent by an alias's head (addAliasVerbForms).
	verb bool
}

// serviceMatcher finds the project's services in ticket text.
type serviceMatcher struct {
	services []Service
	phrases  []servicePhrase
	// index holds phrases by the first two bytes of their first word as
	// it matches, typos those typoOf may find by their first letter: the
	// phrases a token may match or be a typo of (see indexPhrases).
	index, typos wordIndex
	// apart are the aliases that may be read with their words apart
	// (aliasapart.go).
	apart apartReader
	// noApart and noOverLexicon turn round fifty-seven's two mechanisms
	// off: only the tests set them, to show the rows that fail without
	// each (newServiceMatcherWithout).
	noApart, noOverLexicon bool
}

func newServiceMatcher(services []Service) *serviceMatcher {
	m := &serviceMatcher{services: services}
	for i, s := range services {
		name := mkPhrase(s.Name)
		m.add(i, name, strengthName)
		if short, ok := trimServiceSuffix(name); ok {
			m.add(i, short, strengthAlias)
		}
		for _, a := range s.Aliases {
			m.add(i, mkPhrase(a), strengthAlias)
			if pl, ok := shortPlural(mkPhrase(a)); ok {
				m.add(i, pl, strengthAlias)
			}
		}
		for _, w := range name {
			for _, syn := range builtinSynonyms[w] {
				m.add(i, mkPhrase(syn), strengthSynonym)
			}
		}
	}
	m.addAliasTranslations()
	m.addAliasVerbForms()
	m.indexPhrases()
	m.apart = newApartReader(m.phrases)
	return m
}

// indexPhrases indexes m.phrases by the words a token must start with to
// match one (matchLen: its first word, a prefix of it written apart, or
// the word after an elided article) or be a typo of it (typoOf: the
// first letter of the word as written). A compound head ("+head") may
// match any token.
func (m *serviceMatcher) indexPhrases() {
	m.index, m.typos = wordIndex{}, wordIndex{}
	for j, sp := range m.phrases {
		m.index.add(int32(j), prefixKey(sp.f.w[0]))
		if typoAble(sp) {
			m.typos.add(int32(j), sp.p[0][:1])
		}
	}
}

// candidates calls fn with the index in m.phrases of each phrase that may
// match at toks[i] or that toks[i] may be a typo of, in their order: all
// of them when the index is not m.phrases'.
func (m *serviceMatcher) candidates(toks []token, i int, fn func(j int32)) {
	if m.index.n != len(m.phrases) || m.typos.n > len(m.phrases) {
		for j := range m.phrases {
			fn(int32(j))
		}
		return
	}
	t := toks[i]
	forms := [4]string{t.raw, t.f}
	if e, ok := t.elided(); ok {
		forms[2], forms[3] = e.raw, e.f
	}
	var buf [6][]int32
	lists := m.index.lookUp(buf[:0], forms[:]...)
	if t.w != "" {
		lists = m.typos.lookUp(lists, t.w[:1])
	}
	eachMerged(lists, fn)
}

// shortPlural is an alias of two words or more whose last word has two
// letters ("top-up", "check-in", "sign-up"), with that word in the plural
// ("top-ups", "check-ins"), and whether it has one: the tickets write the
// plural of the binding's own alias, and stem leaves a word of three
// letters as written. A longer last word needs none: stem takes the "s"
// off its plural ("fees" is read as "fee").
func shortPlural(p phrase) (phrase, bool) {
	if len(p) < 2 {
		return nil, false
	}
	last := p[len(p)-1]
	if len(last) != 2 || strings.HasSuffix(last, "s") {
		return nil, false
	}
	for _, r := range last { // letters only: no "*" or "+" pattern
		if r < 'a' || r > 'z' {
			return nil, false
		}
	}
	pl := slices.Clone(p)
	pl[len(pl)-1] = last + "s"
	return pl, true
}

// trimServiceSuffix drops one service suffix ("api", "service") from a
// name of two words or more ("checkout api" is the checkout), and reports
// whether it dropped one.
func trimServiceSuffix(p phrase) (phrase, bool) {
	if len(p) > 1 && slices.Contains(serviceSuffixes, p[len(p)-1]) {
		return p[:len(p)-1], true
	}
	return p, false
}

func (m *serviceMatcher) add(svc int, p phrase, strength int) {
	if len(p) == 0 {
		return
	}
	for _, q := range m.phrases {
		if q.svc == svc && q.p.String() == p.String() {
			return
		}
	}
	m.phrases = append(m.phrases, servicePhrase{svc: svc, p: p, f: p.matcher(), strength: strength})
}

// ServiceMention is a service found in ticket text.
type ServiceMention struct {
	Service  string
	Phrase   string // the words that named it
	Strength int    // 3 name, 2 alias, 1 built-in synonym
	Pos      int    // first word position; the subject comes first
	Count    int
	// Outcome is set when the ticket's outcome names the service (money
	// taken but no order: the order's service), which then comes first.
	Outcome bool `json:",omitempty"`
	// at are the word positions of every mention.
	at []int
	// failsHere is set by rankServices when a mention stands in a clause
	// that states the failure and does not say it works there
	// (paidorder.go reads it).
	failsHere bool
}

// accessSynonym reports whether a built-in synonym is a login word: a
// security report naming it is about account access (auth).
func accessSynonym(p string) bool {
	for _, key := range []string{"auth", "login"} {
		for _, syn := range builtinSynonyms[key] {
			if mkPhrase(syn).String() == p {
				return true
			}
		}
	}
	return false
}

// billingMatchers are billingWords as they match, built once for
// billingPhrase.
var billingMatchers = func() []phraseMatcher {
	ms := make([]phraseMatcher, len(billingWords.list))
	for i, b := range billingWords.list {
		ms[i] = b.matcher()
	}
	return ms
}()

// billingPhrase reports whether a service word is also a billing word
// ("refund", "charge"): in a billing question it names the account's
// billing, not the payment service.
func billingPhrase(p string) bool {
	toks := tokenize(p)
	for _, b := range billingMatchers {
		if len(b.w) == len(toks) && b.matchExact(toks, 0) {
			return true
		}
	}
	return false
}

// serviceMatch is a phrase of m.phrases found at pos, n words long (an
// alias read apart: the words from its first to its last).
type serviceMatch struct {
	sp     servicePhrase
	pos, n int
}

// find returns the services the text names, earliest first.
// Overlapping matches keep the longest ("payment page" as an alias of
// checkout beats "payment" of payments); built-in synonyms count only when
// nothing stronger was found.
func (m *serviceMatcher) find(toks []token) []ServiceMention { return m.findAll(toks, false) }

// findAll is find; with weak set it keeps the built-in synonyms beside
// names and aliases, for attribution to weigh.
func (m *serviceMatcher) findAll(toks []token, weak bool) []ServiceMention {
	var all []serviceMatch
	for i := range toks {
		m.candidates(toks, i, func(j int32) {
			sp := m.phrases[j]
			n := sp.f.matchLen(toks, i)
			if n == 0 && typoOf(toks[i].w, sp) {
				n = 1
			}
			if n == 0 {
				return
			}
			if sp.strength == strengthSynonym && len(sp.p) == 1 && (i > 0 && synonymNotAfter[sp.p[0]][toks[i-1].w] ||
				i+n < len(toks) && synonymNotBefore[sp.p[0]][toks[i+n].w]) {
				return
			}
			all = append(all, serviceMatch{sp: sp, pos: i, n: n})
		})
	}
	all = m.readAliasesApart(toks, all)
	sort.SliceStable(all, func(a, b int) bool {
		if all[a].pos != all[b].pos {
			return all[a].pos < all[b].pos
		}
		if all[a].n != all[b].n {
			return all[a].n > all[b].n
		}
		return all[a].sp.strength > all[b].sp.strength
	})
	byName := map[int]*ServiceMention{}
	named := map[int]bool{} // services found by more than a lent verb form
	var order []int
	end := -1
	for _, mt := range all {
		if mt.pos < end {
			continue // inside a longer match already taken
		}
		end = mt.pos + mt.n
		sm, ok := byName[mt.sp.svc]
		if !ok {
			sm = &ServiceMention{Service: m.services[mt.sp.svc].Name, Phrase: mt.sp.p.String(), Strength: mt.sp.strength, Pos: mt.pos}
			byName[mt.sp.svc] = sm
			order = append(order, mt.sp.svc)
		}
		if !mt.sp.verb {
			named[mt.sp.svc] = true
		}
		sm.Count++
		sm.at = append(sm.at, mt.pos)
		if mt.sp.strength > sm.Strength {
			sm.Strength, sm.Phrase = mt.sp.strength, mt.sp.p.String()
		}
	}
	var out []ServiceMention
	best := 0
	for _, i := range order {
		if byName[i].Strength > best {
			best = byName[i].Strength
		}
	}
	for _, i := range order {
		sm := byName[i]
		if !weak && best > strengthSynonym && sm.Strength == strengthSynonym {
			continue
		}
		if !weak && !named[i] && len(named) > 0 {
			continue // a lent verb form yields to any other word: "booked the refund"
		}
		out = append(out, *sm)
	}
	// The first service named is what the ticket is about (the subject
	// comes first); synonyms only count when nothing was named.
	sort.SliceStable(out, func(a, b int) bool { return out[a].Pos < out[b].Pos })
	return out
}

// FindServices returns the services of the project named in text, the
// earliest mention first.
func FindServices(services []Service, text string) []ServiceMention {
	return newServiceMatcher(services).find(tokenize(text))
}

func (m *serviceMatcher) service(name string) (Service, bool) {
	for _, s := range m.services {
		if strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return Service{}, false
}

// minTypoLen is the shortest service name or alias matched with a typo:
// shorter words are too easily another word.
const minTypoLen = 6

// typoOf reports whether word is a one-letter slip (a letter missing, extra,
// wrong or two swapped, the first letter right) of a one-word service name
// or alias: "chekout" is checkout. Built-in synonyms are common words and
// are matched exactly.
func typoOf(word string, sp servicePhrase) bool {
	if !typoAble(sp) {
		return false
	}
	target := sp.p[0]
	if word == target || word[0] != target[0] {
		return false
	}
	return oneEdit(word, target)
}

// typoAble reports whether typoOf may find a word a typo of sp: a one-word
// name or alias, long enough, not a prefix.
func typoAble(sp servicePhrase) bool {
	if sp.strength == strengthSynonym || len(sp.p) != 1 {
		return false
	}
	target := sp.p[0]
	return len(target) >= minTypoLen && !strings.HasSuffix(target, "*")
}

// oneEdit reports whether a and b differ by exactly one insertion,
// deletion, substitution or swap of adjacent bytes.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return false
		}
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:]
	}
	return false
}

// apiPath is a resource path an integrator quotes ("POST /v2/orders", "GET
// /v1/orders/{id}"): it starts a word, after a space, a bracket or a quote.
var apiPath = regexp.MustCompile("(?:^|[\\s(（\"'`])(/[A-Za-z0-9_{}.-]+(?:/[A-Za-z0-9_{}.-]+)*)")

// pathWordBreaks split a path segment's words ("order_items", "refund-requests").
var pathWordBreaks = strings.NewReplacer("_", " ", "-", " ")

// apiResources are the services whose flow an API path's resource names
// ("/v2/orders" is the order's service, "/payments/{id}/refund" the
// payment's): a path names its resource outright, as an alias does, where
// "order" in a sentence only describes a flow.
func (m *serviceMatcher) apiResources(services []Service, text string) map[string]bool {
	out := map[string]bool{}
	for _, sm := range apiPath.FindAllStringSubmatch(text, -1) {
		for _, seg := range strings.Split(sm[1], "/") {
			if seg == "" || strings.ContainsAny(seg, "0123456789{}.") {
				continue // a version, an id, a placeholder, a file
			}
			toks := tokenize(pathWordBreaks.Replace(seg))
			for _, x := range append(m.findAll(toks, true), flowMentions(services, toks)...) {
				out[x.Service] = true
			}
		}
	}
	return out
}

// namedByAPIPath raises the flow mentions of a service an API path names
// to an alias's strength.
func namedByAPIPath(ms []ServiceMention, named map[string]bool) {
	for i := range ms {
		if ms[i].Strength < strengthAlias && named[ms[i].Service] {
			ms[i].Strength = strengthAlias
		}
	}
}
