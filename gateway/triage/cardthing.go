package triage

import (
	"fmt"
	"strings"
)

// Round seventy-two: a card that is another thing. "Card" is the paying
// flow's word and a built-in synonym of the payment service, but a noun
// compound or a phrase that modifies it makes it another thing: a boarding
// card, a season card, a library card, an ID card, a SIM card, a loyalty or
// membership card. Languages build that compound in one of three ways, and
// the reader knows each:
//
//   - the modifier before the noun, as English, the Slavic adjectives and
//     a hyphenated compound do ("boarding card", "sezonske karte", "SIM-kortet");
//   - the modifier right after it, as Polish, Greek, Vietnamese and Arabic
//     adjectives and nouns do ("karta pokładowa", "κάρτα RFID", "thẻ thành
//     viên", "بطاقة الصعود"), and Romance "carte vitale", "carta fedeltà";
//   - a preposition and a noun after it, as the Romance languages do
//     ("tarjeta de embarque", "carte d'embarquement", "cartão de sócio").
//
// Such a card word does not name the payment service: a mention of a
// built-in synonym or a flow's word standing there is set aside (the
// project's own names and aliases are never touched). A card with no such
// modifier stays the payment's ("my card was declined", "Karte
// abgelehnt"), as does one modified into a payment card ("credit card",
// "debit card", "tarjeta de crédito": no word of those lists).

// cardNouns are the words for a card, as tokens read them (w, plural
// stripped), in the languages of the paying flow's words. A plural in
// -s is read without it: Portuguese "cartões" is the token "cartõe",
// which names no card, so it is not listed.
var cardNouns = map[string]bool{"card": true, "karte": true, "karta": true, "kartą": true, "karty": true, "kartu": true, "kartę": true,
	"tarjeta": true, "cartão": true, "carte": true, "carta": true, "kort": true, "kortet": true, "kortin": true,
	"korttia": true, "kortilla": true, "kortti": true, "targeta": true, "κάρτα": true, "κάρτας": true, "κάρτες": true,
	"kártya": true, "kártyát": true, "kártyával": true, "kártyám": true, "карта": true, "карту": true, "карты": true, "картой": true,
	"картка": true, "картку": true, "картки": true, "kartica": true, "karticu": true, "kartice": true, "thẻ": true,
	"कार्ड": true, "بطاقة": true, "البطاقة": true, "بطاقتي": true}

// foldedCardNouns are cardNouns typed without their diacritics ("cartao",
// "karta").
var foldedCardNouns = func() map[string]bool {
	m := map[string]bool{}
	for w := range cardNouns {
		if w != "thẻ" { // "the", folded
			m[fold(w)] = true
		}
	}
	return m
}()

// cardOtherBefore are the modifiers that, right before a card noun, make it
// another thing than a means of paying; a trailing "*" is a stem (the
// Slavic adjectives' endings).
var cardOtherBefore = mkCardWords("library", "id", "identity", "sim", "esim", "loyalty", "membership", "member",
	"student", "club", "bonus", "reward", "rewards", "gym", "health", "insurance", "greeting", "memory", "sd",
	"microsd", "graphics", "video", "sound", "network", "rfid", "nfc", "parking", "residence", "citizen", "vip",
	// the Slavic adjectives of a member, a club, a student, a customer's
	// loyalty, a library, a person's identity
	"člansk*", "člensk*", "klubov*", "studentsk*", "zákaznick*", "věrnostn*", "knihovn*", "lična", "lične", "ličnu", "osobní", "osobné", "osobnú", "osobnu",
	"бонусн*", "клубн*", "скидочн*", "студенческ*", "библиотечн*", "дисконтн*", "членск*")

// cardOtherAfter are the modifiers that, right after a card noun, make it
// another thing: adjectives and nouns that follow their noun.
var cardOtherAfter = mkCardWords("sim", "esim", "rfid", "nfc", "vitale", "grise", "fedeltà", "fedelta",
	"biblioteczn*", "członkowsk*", "lojalnościow*", "stałego", "studenck*", "identyfikacyjn*",
	"parkingow*", "klubow*", "rabatow*", "bonusow*", "μέλους", "πόλης",
	"лояльности", "гостя", "читателя", "болельщика",
	"العضوية", "عضوية", "الهوية", "هوية", "سيم", "الولاء", "المكتبة", "الطالب")

// cardOtherAfterWords are the Vietnamese modifiers after "thẻ": a
// Vietnamese word is written as syllables apart, and one syllable alone is
// another word ("sinh lỗi", gives an error; "thư", a letter), so each is
// read as its two syllables: thẻ thành viên, thẻ thư viện, thẻ hội viên,
// thẻ căn cước, thẻ tích điểm, thẻ sinh viên.
var cardOtherAfterWords = [][2]string{{"thành", "viên"}, {"thư", "viện"}, {"hội", "viên"}, {"căn", "cước"}, {"tích", "điểm"},
	{"sinh", "viên"}}

// afterWordAt reports whether the two syllables of a word of
// cardOtherAfterWords stand at n and n+1, as written or folded.
func afterWordAt(toks []token, n int) bool {
	if n+1 >= len(toks) || toks[n+1].brk {
		return false
	}
	for _, w := range cardOtherAfterWords {
		if (toks[n].w == w[0] || toks[n].fw == fold(w[0])) && (toks[n+1].w == w[1] || toks[n+1].fw == fold(w[1])) {
			return true
		}
	}
	return false
}

// verbLeads are the English words a verb follows, not a compound's
// modifier: "is charging cards", "cannot access card details", "to key
// card numbers". A modifier list word after one of them is read as the
// verb it also is.
var verbLeads = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "keep": true,
	"keeps": true, "kept": true, "to": true, "can": true, "cannot": true, "cant": true, "could": true, "couldnt": true,
	"will": true, "wont": true, "would": true, "not": true, "dont": true, "doesnt": true, "didnt": true, "i": true, "we": true,
	"you": true, "they": true, "he": true, "she": true, "please": true}

// modifierBefore reports whether the token at p-1 modifies the card noun
// at p as a compound's first word: as written (a plural or possessive
// "members'" is whose card, not what card: the list words are matched
// before the plural is stripped) and not after a verb's lead word.
func modifierBefore(toks []token, p int, s cardWords) bool {
	t := toks[p-1]
	if p > 1 && !t.brk && verbLeads[toks[p-2].w] {
		return false
	}
	if t.w != t.raw && !s.words[t.raw] && !s.words[t.f] {
		return s.stemHas(t)
	}
	return s.has(t)
}

// cardTicketBefore, cardTicketAfter and cardTicketOf are the modifiers
// that make a card a ticket or a pass: a boarding card, a season card, a
// ski card, "sezonske karte", "karta pokładowa", "tarjeta de
// embarque", "thẻ lên máy bay". A ticket is the thing the shop sold, the
// order's (the convention since round twenty-seven: a booked trip is the
// order's), so such a card lends the ordering flow its place.
var (
	cardTicketBefore = mkCardWords("boarding", "season", "bus", "metro", "subway", "train", "rail", "ski", "lift",
		"sezonsk*", "sezónn*", "sezonn*", "ukrcajn*", "skijašk*", "lyžařsk*", "palubn*", "autobusn*", "tramvajsk*", "avionsk*",
		"povratn*", "ulazn*", "посадочн*", "сезонн*", "транспортн*")
	cardTicketAfter = mkCardWords("pokładow*", "miejsk*", "sezonow*", "επιβίβασης", "lên", "الصعود", "صعود")
	cardTicketOf    = mkCardWords("embarque", "embarquement", "imbarco", "embarcament", "embarco", "transporte", "transport",
		"trasporto", "temporada", "saison", "stagione", "abono", "abonnement", "abbonamento", "boarding")
)

// cardOfPrepositions join a Romance card noun to the noun that says what it
// is a card of; cardOtherOf are those nouns (a member, loyalty, identity, a
// citizen, a library, a student, a residence, access, points, parking).
// "d'" and "dell'" lose their apostrophe to the noun ("dembarquement"),
// which cardOfJoined reads.
var (
	cardOfPrepositions = map[string]bool{"de": true, "do": true, "da": true, "di": true, "del": true, "della": true, "du": true,
		"des": true, "of": true, "dels": true}
	cardOtherOf = mkCardWords("socio", "sócio", "membre", "membro", "miembro",
		"fidelidad", "fidelidade", "fidélité", "fidelizzazione", "identidad", "identidade", "identité", "identità", "cidadão",
		"ciudadano", "citoyen", "biblioteca", "bibliothèque", "estudiante", "estudante", "étudiant", "studente",
		"séjour", "residencia", "residência", "residente", "acceso", "accès", "accesso", "acesso", "puntos", "pontos", "points", "punti",
		"estacionamiento", "estacionamento", "stationnement", "parcheggio", "membership")
)

// cardOfJoined are the nouns of cardOtherOf and cardTicketOf that begin
// with a vowel, read after the "d" or "dell" their apostrophe was dropped
// to; ticket tells the second.
var cardOfJoined = []struct {
	noun   string
	ticket bool
}{{"embarquement", true}, {"imbarco", true}, {"abonnement", true}, {"abbonamento", true},
	{"identité", false}, {"identità", false}, {"étudiant", false}, {"accès", false}, {"accesso", false}}

// cardWords is a set of words, those ending in "*" stems.
type cardWords struct {
	words map[string]bool
	stems []string
	// folded are the stems folded, once
	folded []string
}

func mkCardWords(ws ...string) cardWords {
	s := cardWords{words: map[string]bool{}}
	for _, w := range ws {
		if strings.HasSuffix(w, "*") {
			s.stems = append(s.stems, strings.TrimSuffix(w, "*"))
			s.folded = append(s.folded, fold(strings.TrimSuffix(w, "*")))
		} else {
			s.words[w] = true
		}
	}
	return s
}

// has reports whether the token is in the set, as written or folded.
func (s cardWords) has(t token) bool {
	if s.words[t.w] || s.words[t.raw] || s.words[t.fw] {
		return true
	}
	return s.stemHas(t)
}

// stemHas reports whether the token begins with a stem of the set.
func (s cardWords) stemHas(t token) bool {
	for i, st := range s.stems {
		if strings.HasPrefix(t.w, st) || strings.HasPrefix(t.fw, s.folded[i]) {
			return true
		}
	}
	return false
}

// otherCard reports whether the token at p is a card noun that a modifier
// makes another thing than a means of paying, with the words that say so
// and whether that thing is a ticket or a pass (cardTicketBefore).
func otherCard(toks []token, p int) (what string, ticket, ok bool) {
	if p < 0 || p >= len(toks) || !cardNouns[toks[p].w] && !foldedCardNouns[toks[p].fw] {
		return "", false, false
	}
	span := func(a, b int) string {
		var ws []string
		for k := a; k <= b; k++ {
			ws = append(ws, toks[k].raw)
		}
		return strings.Join(ws, " ")
	}
	if p > 0 && !toks[p].brk {
		if t := modifierBefore(toks, p, cardTicketBefore); t || modifierBefore(toks, p, cardOtherBefore) {
			return span(p-1, p), t, true
		}
	}
	n := p + 1
	if n >= len(toks) || toks[n].brk {
		return "", false, false
	}
	if t := cardTicketAfter.has(toks[n]); t || cardOtherAfter.has(toks[n]) {
		return span(p, n), t, true
	}
	if afterWordAt(toks, n) {
		return span(p, n+1), false, true
	}
	if cardOfPrepositions[toks[n].w] && n+1 < len(toks) && !toks[n+1].brk {
		o := n + 1
		if toks[o].w == "la" || toks[o].w == "the" { // "tarjeta de la biblioteca"
			o++
		}
		if o < len(toks) && !toks[o].brk {
			if t := cardTicketOf.has(toks[o]); t || cardOtherOf.has(toks[o]) {
				return span(p, o), t, true
			}
		}
	}
	// "carte d'embarquement", "carta d'identità": the apostrophe dropped
	for _, pre := range []string{"dell", "d"} {
		if w := toks[n].w; strings.HasPrefix(w, pre) {
			rest := strings.TrimPrefix(w, pre)
			for _, o := range cardOfJoined {
				if rest == o.noun || fold(rest) == fold(o.noun) {
					return span(p, n), o.ticket, true
				}
			}
		}
	}
	return "", false, false
}

// withoutOtherCards drops from the mentions read by a built-in synonym or
// a flow's words the places where a card is another thing; a mention left
// with no place is dropped. It returns the first place a card is a ticket
// or a pass (-1 for none), which the caller lends the ordering flow.
//
// A ticket card in a clause that tells of paying (cardPaidWords, cl the
// clauses) is the card paying: "my travel card is charged twice".
func withoutOtherCards(toks []token, cl []int, ms []ServiceMention) ([]ServiceMention, int) {
	ticketAt := -1
	out := withoutPlaces(toks, ms, func(p int) bool {
		_, ticket, ok := otherCard(toks, p)
		if !ok || ticket && payingInClause(toks, cl, p) {
			return false
		}
		if ticket && ticketAt < 0 {
			ticketAt = p
		}
		return true
	})
	return out, ticketAt
}

// lendTicketCard adds the ordering flow's mention at a card that is a
// ticket (withoutOtherCards), unless the ordering service is among the
// mentions already or the project has none. The mention carries the
// card's words ("boarding card"), which the explanation quotes.
func lendTicketCard(services []Service, toks []token, ms []ServiceMention, at int) []ServiceMention {
	if at < 0 {
		return ms
	}
	svc := serviceOfFlow(services, flowKindNamed("ordering"))
	if svc < 0 {
		return ms
	}
	what, _, _ := otherCard(toks, at)
	return withMention(ms, services[svc].Name, what, at)
}

// cardPaidWords tell of paying, charging or refunding: not of a refusal
// alone, which a pass at a gate meets too, nor "I paid", which tells of
// the order when the thing paid for is missing (the charge convention).
// mkFlowWords, as they add nothing to what the reading knows
// (coverage.go).
var cardPaidWords = mkFlowWords("pay", "pays", "paying", "payment*", "charge", "charged", "charges", "refund*",
	"zahlung*", "bezahlen", "pagar", "pagamento*", "paiement*", "payer", "pagare", "betalen", "betala", "betale",
	"betaling*", "płatnoś*", "platb*", "plaćanj*", "platit", "оплат*", "thanh toán", "الدفع", "دفع")

// payingInClause reports whether a paying word stands in the clause of the
// word at p.
func payingInClause(toks []token, cl []int, p int) bool {
	if p >= len(cl) {
		return false
	}
	a, b := p, p
	for a > 0 && cl[a-1] == cl[p] {
		a--
	}
	for b+1 < len(cl) && b+1 < len(toks) && cl[b+1] == cl[p] {
		b++
	}
	for k := a; k <= b; k++ {
		if cardPaidWords.matches(toks, k) {
			return true
		}
	}
	return false
}

// otherCardReason is the explanation's line for the card words set aside,
// "" for none.
func otherCardReason(dropped []string) string {
	if len(dropped) == 0 {
		return ""
	}
	var q []string
	for _, d := range dropped {
		q = append(q, fmt.Sprintf("%q", d))
	}
	return fmt.Sprintf("a card of another thing (%s): not the payment's card", strings.Join(q, ", "))
}

// otherCards are the card words of the text that are another thing; a
// ticket card in a clause of paying (cl the clauses) is not
// (withoutOtherCards).
func otherCards(toks []token, cl []int) []string {
	var out []string
	for p := range toks {
		if what, ticket, ok := otherCard(toks, p); ok {
			if ticket && payingInClause(toks, cl, p) {
				continue
			}
			out = append(out, what)
		}
	}
	return out
}

// thingReasons are the explanation's lines of round seventy-two: the
// cards read as another thing, the message that came before a contrast.
// The clauses are split once for both.
func thingReasons(toks []token, sig *signals) []string {
	var out []string
	cl, failing := failingClauses(toks, sig)
	if r := otherCardReason(otherCards(toks, cl)); r != "" {
		out = append(out, r)
	}
	if r := arrivalReason(toks, cl, failing); r != "" {
		out = append(out, r)
	}
	return out
}
