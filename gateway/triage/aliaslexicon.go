package triage

import (
	"maps"
	"slices"
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
	"booking": {"buchung*", "+buchung*", "reservierung*", "réservation*", "reserva", "reservas", "reservación*", "prenotazion*",
		"boeking*", "+boeking*", "reservering*", "bokning*", "+bokning*", "varaukse*", "varaus", "rezerwacj*", "rezervac*", "rezervasyon*",
		"бронировани*", "бронюванн*", "予約", "预订", "預訂", "예약*", "đặt chỗ", "حجز",
		// booking as a verb, and taking an appointment, which is booking one
		"buchen", "reservieren", "réserver", "prendre rendez-vous", "prise de rendez-vous", "reservar", "prenotare", "boeken",
		"reserveren", "boka", "zarezerwować", "zarezerwowac", "rezervovat", "забронировать", "забронювати"},
	"reminder": {"erinnerung*", "+erinnerung*", "rappel", "rappels", "recordatorio*", "lembrete*", "promemoria", "herinnering*", "påminnelse*",
		"påmindelse*", "muistutu*", "przypomnieni*", "připomínk*", "připomenutí", "напоминани*", "нагадуванн*",
		"hatırlatma*", "リマインダー", "リマインド", "提醒", "리마인더*", "تذكير"},
	"invitation": {"einladung*", "+einladung*", "invitation*", "invitación*", "convite*", "invito", "inviti", "uitnodiging*",
		"inbjudan*", "invitasjon*", "kutsu*", "zaprosz*", "pozvánk*", "приглашени*", "запрошенн*", "davet*", "招待", "邀请", "邀請",
		"초대*", "دعوة", "دعوات"},
	"payout": {"auszahlung*", "+auszahlung*", "versement*", "uitbetaling*", "utbetalning*", "udbetaling*", "utbetaling*",
		"wypłat*", "wyplat*", "výplat*", "выплат*", "виплат*", "出金", "提现", "출금*"},
	"shipment": {"sendung*", "+sendung*", "envoi*", "envío*", "remessa*", "spedizion*", "zending*", "försändelse*", "forsendelse*",
		"przesyłk*", "zásilk*", "отправлени*", "gönderi*", "発送", "شحنة", "شحنات"},
	"parcel": {"paket*", "+paket*", "colis", "paquete*", "encomenda*", "pacco", "pacchi", "pakket*", "paczk*", "посылк*", "kargo*",
		"荷物", "包裹", "소포*", "طرد"},
	"tracking": {"tracking*", "sendungsverfolgung*", "seguimiento", "rastreamento", "rastreio", "tracciamento", "śledzeni* przesyłk*",
		"sledování zásilk*", "отслеживани*", "kargo takip*", "追跡", "追踪", "跟踪", "배송 조회", "배송조회"},
	"label": {"etikett*", "+etikett*", "étiquette*", "etiqueta*", "etichett*", "etiket*", "etykiet*", "štítek", "этикетк*",
		"ラベル", "标签", "라벨*"},
	"listing": {"inserat*", "annonce*", "anuncio*", "anúncio*", "annunci*", "advertentie*", "annons*", "ogłoszeni*", "inzerát*",
		"объявлени*", "ilan", "ilanlar*", "出品", "掲載", "매물*"},
	"renewal": {"verlängerung*", "+verlängerung*", "renouvellement*", "renovación*", "renovação*", "rinnovo*", "verlenging*", "+verlenging*",
		"förnyelse*", "fornyelse*", "odnowieni*", "prodloužení*", "продлени*", "yenileme*", "续订", "续费", "갱신*", "تجديد"},
	"settlement": {"abrechnung*", "+abrechnung*", "règlement*", "liquidación*", "liquidação*", "afwikkeling*", "avräkning*",
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
	"booking": "booking", "reservation": "booking", "reserve": "booking",
	"reminder":   "reminder",
	"invitation": "invitation", "invite": "invitation",
	"payout":   "payout",
	"shipment": "shipment", "parcel": "parcel", "tracking": "tracking", "label": "label",
	"listing": "listing", "renewal": "renewal",
	"settlement": "settlement", "claim": "claim", "order": "order",
}

// aliasHead returns the lexicon entry an alias's head word names: the
// last word, a service suffix ("listing api") dropped.
func aliasHead(p phrase) string {
	for len(p) > 1 {
		if !slices.Contains(serviceSuffixes, p[len(p)-1]) {
			break
		}
		p = p[:len(p)-1]
	}
	if len(p) == 0 {
		return ""
	}
	return aliasHeads[p[len(p)-1]]
}

// addAliasTranslations reads the project's aliases in the ticket's
// language: an alias whose head is in aliasLexicon lends its
// translations to its service at a built-in synonym's strength (a name or
// an alias found in the ticket still decides). Guards: a head that ends
// aliases of two services lends nothing (the lexicon cannot tell them
// apart), nor does a translation another service already holds.
func (m *serviceMatcher) addAliasTranslations() {
	owner := map[string]int{}
	for i, s := range m.services {
		for _, a := range s.Aliases {
			h := aliasHead(mkPhrase(a))
			if h == "" {
				continue
			}
			if o, ok := owner[h]; ok && o != i {
				owner[h] = -1
				continue
			}
			owner[h] = i
		}
	}
	held := map[string]bool{}
	for _, sp := range m.phrases {
		held[sp.p.String()] = true
	}
	for _, h := range slices.Sorted(maps.Keys(owner)) {
		svc := owner[h]
		if svc < 0 {
			continue
		}
		for _, w := range aliasLexicon[h] {
			p := mkPhrase(w)
			if held[p.String()] {
				continue
			}
			m.add(svc, p, strengthSynonym)
		}
	}
}
