package triage

import (
	"maps"
	"slices"
	"strings"
)

// Round thirty-five: the operator configures a service's aliases in
// English ("booking", "guest invitation", "claim form"), and a ticket in
// German, Polish or Japanese names the same thing in its own language.
// aliasLexicon holds common product nouns in the languages tickets come
// in, keyed by the English word an alias ends with (its head: "test-drive
// booking" is a booking, "booking confirmation" a confirmation). Words
// that builtinSynonyms already hold by a service name's word (payment,
// refund, login, search, notification, cart) are not repeated here, and
// words that are everywhere (account, card, app, code) are left out.
var aliasLexicon = map[string][]string{
	"booking": {"buchung*", "terminbuchung*", "zimmerbuchung*", "hotelbuchung*", "onlinebuchung*", "reservierung*", "réservation*", "reserva", "reservas", "reservación*", "prenotazion*",
		"boeking*", "+boeking*", "reservering*", "bokning*", "+bokning*", "varaukse*", "varaus", "rezerwacj*", "rezervac*", "rezervasyon*",
		"бронировани*", "бронюванн*", "予約", "预订", "預訂", "예약*", "đặt chỗ", "حجوزات", "حجز موعد",
		// booking as a verb, and taking an appointment, which is booking one
		"buchen", "reservieren", "réserver", "prendre rendez-vous", "prise de rendez-vous", "reservar", "prenotare", "boeken",
		"reserveren", "boka", "zarezerwować", "zarezerwowac", "rezervovat", "забронировать", "забронювати"},
	"reminder": {"erinnerung*", "+erinnerung*", "rappel", "rappels", "recordatorio*", "lembrete*", "promemoria", "herinnering*", "påminnelse*",
		"påmindelse*", "muistutu*", "przypomnieni*", "připomínk*", "připomenutí", "напоминани*", "нагадуванн*",
		"hatırlatma*", "リマインダー", "リマインド", "提醒", "리마인더*", "تذكير"},
	"invitation": {"einladung*", "+einladung*", "invitación*", "convite*", "invito", "inviti", "uitnodiging*",
		"inbjudan*", "invitasjon*", "kutsulinkki*", "zaprosz*", "pozvánk*", "приглашени*", "запрошенн*", "davet*", "招待", "邀请", "邀請",
		"초대*", "دعوة", "دعوات"},
	"payout": {"auszahlung*", "+auszahlung*", "versement*", "uitbetaling*", "utbetalning*", "udbetaling*", "utbetaling*",
		"wypłat*", "wyplat*", "výplat*", "выплат*", "виплат*", "出金", "提现", "출금*"},
	"shipment": {"sendung*", "+sendung*", "envoi*", "envío*", "remessa*", "spedizion*", "zending*", "försändelse*", "forsendelse*",
		"przesyłk*", "zásilk*", "почтов* отправлени*", "gönderi", "gönderiler", "gönderisi", "gönderiniz", "gönderinin", "gönderiyi", "発送", "شحنة", "شحنات"},
	"parcel": {"paket*", "+paket*", "colis", "paquete*", "encomenda*", "pacco", "pacchi", "pakket*", "paczk*", "посылк*", "kargo*",
		"荷物", "包裹", "소포*", "طرد"},
	"tracking": {"trackingnummer*", "trackingstatus*", "trackingverzoek*", "trackinglink*", "trackingpagina*", "trackingseite*", "sendungsverfolgung*", "seguimiento del envío", "seguimiento del pedido", "rastreamento", "rastreio", "tracciamento", "śledzeni* przesyłk*",
		"sledování zásilk*", "отслеживани*", "kargo takip*", "追跡", "배송 조회", "배송조회"},
	"label": {"etikett*", "+etikett*", "étiquette*", "etiqueta*", "etichett*", "etiket*", "etykiet*", "štítek", "этикетк*",
		"ラベル", "标签", "라벨*"},
	"listing": {"inserat*", "annonce*", "anuncio*", "anúncio*", "annunci*", "advertentie*", "annons*", "ogłoszeni*", "inzerát*",
		"объявлени*", "ilan", "ilanlar*", "出品", "掲載", "매물*"},
	"renewal": {"verlängerung*", "vertragsverlängerung*", "aboverlängerung*", "lizenzverlängerung*", "renouvellement*", "renovación*", "renovação*", "rinnovo*", "verlenging*", "+verlenging*",
		"förnyelse*", "fornyelse*", "odnowieni*", "prodloužení*", "продлени*", "abonelik yenileme*", "üyelik yenileme*", "续订", "续费", "갱신*", "تجديد"},
	"settlement": {"abrechnung*", "liquidación*", "liquidação*", "afwikkeling*", "avräkning*",
		"rozliczeni*", "清算", "精算", "정산*"},
	"claim": {"schadensmeldung*", "schadenmeldung*", "schadensfall*", "sinistre*", "siniestro*", "sinistro*", "schademelding*",
		"skadeanmälan*", "skadeanmeldelse*", "vahinkoilmoitu*", "zgłoszeni* szkod*", "formularz* szkod*", "pojistn* událost*",
		"страхов* случа*", "hasar*", "保険金請求", "理赔", "索赔", "보험금 청구*"},
	"order": {"bestellung*", "+bestellung*", "commande*", "pedido*", "ordine", "ordini", "bestelling*", "+bestelling*", "beställning*",
		"bestilling*", "tilaus*", "tilauks*", "zamówieni*", "zamowieni*", "objednávk*", "заказ*", "注文", "订单", "訂單", "주문*", "đơn hàng"},
}

// aliasHeads are the English heads an alias may end with, by their
// lexicon entry (plural forms are stemmed by tokenize).
var aliasHeads = map[string]string{
	"booking": "booking", "reservation": "booking",
	"reminder":   "reminder",
	"invitation": "invitation", "invite": "invitation",
	"payout":   "payout",
	"shipment": "shipment", "parcel": "parcel", "tracking": "tracking", "label": "label",
	"listing": "listing", "renewal": "renewal",
	"settlement": "settlement", "claim": "claim", "order": "order",
}

// aliasVerbs start an alias that names an act on a thing that exists
// already, not the thing: "cancel order" is about refunds, not about
// orders. Verbs that make the thing ("send a parcel", "submit a claim")
// are left out: their service is the thing's.
var aliasVerbs = map[string]bool{
	"cancel": true, "track": true, "renew": true, "claim": true, "change": true, "edit": true, "update": true,
	"delete": true, "remove": true, "view": true, "check": true, "manage": true, "refund": true, "pay": true,
}

// headModifiers turn a head into something else: a white label is a
// product sold under another's name, a money order a payment.
var headModifiers = map[string]map[string]bool{
	"label": {"white": true, "private": true, "record": true},
	"order": {"money": true, "standing": true, "postal": true, "court": true, "work": true},
}

// aliasHead returns the lexicon entry an alias's head word names: the
// last word, a service suffix ("listing api") dropped; "" when the alias
// is no noun phrase naming a thing of the head's kind ("cancel order",
// "white label app").
func aliasHead(p phrase) string { return aliasHeads[aliasHeadWord(p)] }

// aliasHeadWord is the alias's head word as written, for aliasHead and
// aliasVerbForms: "" when the alias starts with a verb or a modifier
// turns its head into something else.
func aliasHeadWord(p phrase) string {
	p, _ = trimServiceSuffix(p)
	if len(p) == 0 {
		return ""
	}
	last := p[len(p)-1]
	if len(p) > 1 && (aliasVerbs[p[0]] || headModifiers[last][p[len(p)-2]]) {
		return ""
	}
	if h, ok := aliasCompoundHead(p); ok {
		return h
	}
	return last
}

// claimedByTwo marks a head that two services claim (by an alias, or an
// alias and a name): it lends nothing.
const claimedByTwo = -1

// claimKey records that service i claims key h, or claimedByTwo when
// another service claimed it already.
func claimKey(heads map[string]int, h string, i int) {
	if h == "" {
		return
	}
	if o, ok := heads[h]; ok && o != i {
		heads[h] = claimedByTwo
		return
	}
	heads[h] = i
}

// addAliasTranslations reads the project's aliases in the ticket's
// language: an alias whose head is in aliasLexicon lends its
// translations to its service at a built-in synonym's strength (a name or
// an alias found in the ticket still decides). Guards: a head that ends
// aliases of two services, or an alias of one and the name of another
// ("bookings" beside an alias "room reservation" of payments), lends
// nothing (the lexicon cannot tell them apart); nor does a translation
// that a phrase of another service already matches when read as a word
// (payments' "+zahlung*" matches "auszahlung", so a payout alias of
// another service does not lend it).
func (m *serviceMatcher) addAliasTranslations() {
	named, owner := map[string]int{}, map[string]int{}
	for i, s := range m.services {
		claimKey(named, aliasHead(mkPhrase(s.Name)), i)
		for _, a := range s.Aliases {
			claimKey(owner, aliasHead(mkPhrase(a)), i)
		}
	}
	for _, h := range slices.Sorted(maps.Keys(owner)) {
		svc := owner[h]
		if n, ok := named[h]; svc == claimedByTwo || ok && n != svc {
			continue
		}
		for _, w := range aliasLexicon[h] {
			if m.heldByAnother(svc, w) {
				continue
			}
			m.add(svc, mkPhrase(w), strengthSynonym)
		}
	}
}

// heldByAnother reports whether a phrase of another service matches the
// translation w read as text ("+auszahlung*" as "auszahlung").
func (m *serviceMatcher) heldByAnother(svc int, w string) bool {
	toks := tokenize(strings.NewReplacer("+", "", "*", "").Replace(w))
	for _, sp := range m.phrases {
		if sp.svc == svc {
			continue
		}
		for i := range toks {
			if sp.f.matchLen(toks, i) > 0 {
				return true
			}
		}
	}
	return false
}

// Round forty-four: an alias's head is often a noun made of a verb
// ("room booking", "esim activation", "qr validation"), and a ticket
// names the flow by the verb ("I can't book a room", "nobody can activate
// an eSIM", "the gates validate QR codes slowly"). aliasVerbForms gives
// the verb's English forms of such a head: "-ing" gives the stem and its
// past ("booking": book, booked; "shipping": ship, shipped; the plural
// "books" is the stem as tokens are read), and "-ation" gives "-ate",
// "-ated" and "-ating" when that verb is in ateVerbs ("activation":
// activate, activated, activating; "reservation" and "notification" give
// none, "reservate" and "notificate" being no words). A stem shorter than
// four letters gives none ("filing", "rating"), nor does a stem in
// askVerbs ("confirmation") or commonVerbStems ("ordering", "listing").
// Other languages' verbs are the lexicon's (aliasLexicon's "buchen",
// "réserver").
func aliasVerbForms(head string) []string {
	switch {
	case strings.HasSuffix(head, "ation"):
		b := strings.TrimSuffix(head, "ation")
		if len(b) < 4 || askVerbs[b] || !ateVerbs[b+"ate"] {
			return nil
		}
		return []string{b + "ate", b + "ated", b + "ating"}
	case strings.HasSuffix(head, "ing"):
		b := strings.TrimSuffix(head, "ing")
		past := b + "ed"
		if n := len(b); n > 1 && b[n-1] == b[n-2] && !strings.ContainsRune("aeiou", rune(b[n-1])) {
			b = b[:n-1] // "shipping": ship, shipped
		}
		if len(b) < 4 || askVerbs[b] || commonVerbStems[b] {
			return nil
		}
		return []string{b, past}
	}
	return nil
}

// askVerbs are verbs a writer asks the desk with ("could you confirm",
// "please inform us"): the flow a "booking confirmation" names is not
// what they ask about.
var askVerbs = map[string]bool{"confirm": true, "inform": true}

// ateVerbs are the English "-ate" verbs an "-ation" head is made of: the
// "-ate" form of any other head is no word ("reservate", "notificate").
var ateVerbs = map[string]bool{"activate": true, "deactivate": true, "reactivate": true, "validate": true,
	"migrate": true, "integrate": true, "translate": true, "authenticate": true, "communicate": true,
	"replicate": true, "automate": true, "calculate": true, "allocate": true, "generate": true,
	"operate": true, "escalate": true, "navigate": true, "evaluate": true, "relocate": true,
	"delegate": true, "aggregate": true, "simulate": true, "estimate": true, "negotiate": true,
	"isolate": true, "moderate": true, "syndicate": true, "federate": true, "orchestrate": true}

// commonVerbStems are "-ing" stems that are words of every ticket ("in
// order to", "here is the list", "I read your page", "keep track of"), so
// they name no flow; the README's "Left" paragraph of round forty-four
// refuses "started" the same way.
var commonVerbStems = map[string]bool{"order": true, "read": true, "list": true, "record": true, "port": true,
	"track": true, "match": true, "check": true, "load": true, "work": true, "sign": true, "post": true,
	"meet": true, "call": true, "test": true, "open": true, "lock": true, "start": true, "rout": true,
	"plan": true, "show": true, "help": true, "hold": true, "need": true, "look": true, "mark": true}

// addAliasVerbForms lends the verb forms of an alias's head to its
// service at a built-in synonym's strength, with the lexicon's guards: an
// alias that starts with a verb or whose head a modifier turns into
// something else lends nothing, a form that two services' heads give
// lends nothing, nor does one a phrase of another service already
// matches, nor one that is a word of another service's name or alias
// ("ordering" of one service and "order lookup" of another: the order is
// both's).
func (m *serviceMatcher) addAliasVerbForms() {
	owner, words := map[string]int{}, map[string]int{}
	for i, s := range m.services {
		for _, a := range append([]string{s.Name}, s.Aliases...) {
			for _, w := range mkPhrase(a) {
				claimKey(words, w, i)
			}
		}
		for _, a := range s.Aliases {
			last := aliasHeadWord(mkPhrase(a))
			if strings.ContainsAny(last, "*+") {
				continue
			}
			for _, f := range aliasVerbForms(last) {
				claimKey(owner, f, i)
			}
		}
	}
	for _, f := range slices.Sorted(maps.Keys(owner)) {
		svc := owner[f]
		if o, ok := words[f]; svc == claimedByTwo || ok && o != svc || m.heldByAnother(svc, f) {
			continue
		}
		n := len(m.phrases)
		m.add(svc, mkPhrase(f), strengthSynonym)
		if len(m.phrases) > n {
			m.phrases[n].verb = true
		}
	}
}
