package triage

import (
	"slices"
	"strings"
)

// Round fifty-eight: reach of many told by counts and by third parties.
// The word lists read "all customers", "nobody", "complaints"; fresh worlds
// tell the same reach as a number of people ("40 of my clients", "over
// thirty attendees", "15+ so far"), as every one of a people noun the
// lists lack ("every guest", "all our passengers"), or as people who told
// the writer ("several supporters have rung", "customers tell us", "my
// clients have texted me"). The nouns are a language's general words for
// people and the places a group works at; they are plain lists (not
// mkPhrases), so reading them teaches no language. The review's mends: a
// count is of people in the plural and not a code's, an ID's or a time's;
// the failure is the people's own (no contrast, no writer's scope, not
// the writer's job for them); no reach in a question, a supposition, a
// denial or a sentence that tells the failure ended.

// reachPeople are who a count, an "all" or a report speaks for. The
// English words are whole words, in the singular or the plural ("users",
// not "usernames"; "members", not "memberships"); the other languages'
// are prefixes of the word as written, folded.
var reachPeople = []string{"customer", "user", "client", "guest", "member", "student", "learner", "pupil",
	"passenger", "attendee", "participant", "driver", "rider", "patient", "parent", "employee", "staff",
	"colleague", "supporter", "donor", "subscriber", "buyer", "shopper", "seller", "tenant", "visitor",
	"people", "player", "caller", "traveller", "traveler", "friend", "fan"}

// reachStems are the people of the languages the sets hold most of, as
// prefixes.
var reachStems = []string{"gast", "nutzer", "mitglied", "schuler", "mitarbeit", "kolleg",
	"utilisateur", "invite", "membre", "eleves", "etudiant", "passager", "collegue",
	"cliente", "usuario", "invitado", "huesped", "miembro", "alumno", "estudiante", "pasajero", "empleado",
	"utente", "utenti", "clienti", "ospit", "studenti", "studenten", "studentow", "patienten", "passegger", "dipendent", "colleghi",
	"klant", "gebruiker", "leden", "leerling", "medewerker",
	"klient", "kund", "uzytkownik", "клиент", "пользовател", "покупател", "студент", "гост", "учени"}

// reachUnsure are people nouns that also name things ("printer drivers",
// "video players", "the desktop client"): read only with no other word
// before them but a filler.
var reachUnsure = map[string]bool{"driver": true, "player": true, "client": true}

// reachPlaces are the places a group works at: a count or "all" of them
// is many people ("all of our 8 stores", "in allne 4 Filiale").
var reachPlaces = []string{"store", "stores", "shop", "shops", "branch", "branches", "office", "offices", "location",
	"locations", "site", "sites", "restaurant", "restaurants", "filiale", "filialen", "magasins", "tiendas", "sucursales",
	"negozi", "filiali", "winkels", "vestigingen", "sklepy", "sklepach", "oddziałach", "oddzialach"}

// reachTell are the verbs of people telling the writer (as written,
// folded, a prefix): "say", "tell", "report", "complain", "call", "ring",
// "text", "write", "message", "contact".
var reachTell = slices.Concat(complainStems, []string{"say", "said", "tell", "told", "report", "call", "ring", "rang", "rung",
	"phone", "text", "write", "wrote", "writing", "message", "email", "contact",
	"sagen", "meld", "rufen", "schreib",
	"disent", "appell", "signal", "ecriv",
	"dicen", "llam", "escrib",
	"dizem", "ligam", "escrev",
	"dicono", "chiam", "segnal", "scriv",
	"zeggen", "bellen", "melden"})

// complainStems are the verbs of complaining of the languages reachTell
// reads, as prefixes, folded: reachTell's and groupComplain's.
var complainStems = []string{"complain", "beschwer", "klag", "plaign", "quej", "reclam", "lament"}

// reachCounts are number words of six and more that shareNumbers, read
// after them (countOf), does not hold.
var reachCounts = map[string]int{"seven": 7, "eight": 8, "nine": 9, "eleven": 11, "twelve": 12,
	"fifteen": 15, "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12,
	"dizaine": 10, "douzaine": 12, "vingt": 20, "trente": 30, "docena": 12, "veinte": 20,
	"treinta": 30, "decina": 10, "dozzina": 12, "venti": 20, "trenta": 30, "zwölf": 12,
	"dutzend": 12, "zwanzig": 20, "dreißig": 30, "twaalf": 12, "twintig": 20, "dertig": 30, "dúzia": 12, "vinte": 20, "trinta": 30, "dwadzieścia": 20}

// reachWholes before a group noun make it all of it ("the whole office").
var reachWholes = map[string]bool{"whole": true, "entire": true}

// reachGroups are the groups "whole" speaks for.
var reachGroups = []string{"office", "class", "school", "company", "department", "floor", "staff", "shift", "store", "branch"}

func reachNoun(t token, list []string) bool {
	return !t.poss && (hasAnyPrefix(t.f, list) || hasAnyPrefix(t.raw, list))
}

// reachPerson reads a people noun: an English one as a whole word (its
// plural too), another language's by its prefix.
func reachPerson(t token) bool {
	if t.poss {
		return false
	}
	for _, p := range reachPeople {
		if t.raw == p || t.f == p || t.w == p || t.raw == p+"s" || t.f == p+"s" {
			return true
		}
	}
	return reachNoun(t, reachStems)
}

// unsurePerson reports whether the people noun at k names a thing as
// well and comes after a word that makes it one ("printer drivers").
func unsurePerson(toks []token, k int) bool {
	return reachUnsure[toks[k].w] && k > 0 && !toks[k].brk && !reachFillers[toks[k-1].w] && !isAll(toks[k-1]) && !isCount(toks[k-1])
}

func isCount(t token) bool { _, ok := countOf(t); return ok }

// reachPlace reads a place noun, as written.
func reachPlace(t token) bool {
	for _, p := range reachPlaces {
		if t.raw == p || t.f == p {
			return true
		}
	}
	return false
}

// reachPlural reports whether a people noun is written in the plural:
// the plural stripped, or a plural ending of the languages listed.
func reachPlural(t token) bool {
	return t.w != t.raw || hasAnySuffix(t.f, []string{"s", "en", "ti", "ci", "ow", "ые", "ли", "ты", "ки"}) || t.raw == "people" || t.raw == "staff"
}

// reachFillers come between a count or "all" and the people: "of",
// possessives, "the", "different".
var reachFillers = map[string]bool{"of": true, "our": true, "my": true, "their": true, "the": true, "different": true,
	"than": true, "de": true, "nos": true, "mes": true, "unserer": true, "meiner": true, "unsere": true, "meine": true,
	"nuestros": true, "mis": true, "i": true, "miei": true, "nostri": true, "onze": true, "mijn": true, "van": true,
	"les": true, "los": true, "die": true, "der": true, "den": true}

// reachHit is a reading of many: the hit (at the count, the "all" or the
// people), end the last word of the people or of their telling, told for
// people who told the writer.
type reachHit struct {
	hit
	end  int
	told bool
}

// countedMany finds a count of six or more of people in the plural ("40
// of my clients", "over thirty attendees", "ten dorm friends"), or a
// people noun with its count after a clause break ("attendees (over
// thirty so far)", "Clients (I have 40 …)"). Not a code's, an ID's or a
// version's number ("error 503 when the user", "Order 12345 of customer
// Smith"), nor a time's ("for 10 minutes", "on 12 March").
func countedMany(toks []token) []reachHit {
	var out []reachHit
	for i, t := range toks {
		n, isN := countOf(t)
		if !isN || n < 6 || clockPart(toks, i) || notHeadcount(toks, i) {
			continue
		}
		free := 0
		for k := i + 1; k < len(toks) && k <= i+4 && !toks[k].brk; k++ {
			if reachPerson(toks[k]) {
				if reachPlural(toks[k]) && !unsurePerson(toks, k) {
					out = append(out, reachHit{hit: hit{phrase: phrase{t.raw, toks[k].raw}, pos: i}, end: k})
				}
				break
			}
			if !reachFillers[toks[k].w] {
				if free++; free > 1 {
					break
				}
			}
		}
	}
	for i, t := range toks {
		if !reachPerson(t) || !reachPlural(t) || i+1 >= len(toks) || !toks[i+1].brk {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4 && !toks[k].stop; k++ {
			if n, ok := countOf(toks[k]); ok && n >= 6 && !clockPart(toks, k) && !notHeadcount(toks, k) {
				out = append(out, reachHit{hit: hit{phrase: phrase{t.raw, toks[k].raw}, pos: i}, end: k})
				break
			}
		}
	}
	return out
}

// codeWords name the number after them as a code, an ID or a version
// ("error 503", "order 12345", "invoice #48213", "version 12").
var codeWords = map[string]bool{"error": true, "err": true, "code": true, "http": true, "status": true, "order": true,
	"invoice": true, "ticket": true, "version": true, "ver": true, "v": true, "id": true, "no": true, "nr": true,
	"number": true, "ref": true, "reference": true, "case": true, "build": true, "release": true, "account": true,
	"fehler": true, "fehlercode": true, "bestellung": true, "rechnung": true, "erreur": true, "commande": true,
	"facture": true, "pedido": true, "factura": true, "ordine": true, "fattura": true, "versione": true, "kod": true,
	"bestelling": true, "factuur": true, "foutcode": true}

// timeWords after a number make it a time: a unit or a month.
var timeWords = map[string]bool{"second": true, "seconds": true, "sec": true, "secs": true, "minute": true,
	"minutes": true, "min": true, "mins": true, "hour": true, "hours": true, "hr": true, "hrs": true, "h": true,
	"day": true, "days": true, "week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"sekunden": true, "minuten": true, "stunde": true, "stunden": true, "tage": true, "tagen": true, "wochen": true,
	"secondes": true, "heure": true, "heures": true, "jours": true, "semaines": true, "segundos": true, "minutos": true,
	"horas": true, "dias": true, "días": true, "semanas": true, "secondi": true, "minuti": true, "ore": true,
	"giorni": true, "settimane": true, "uur": true, "dagen": true, "weken": true, "minut": true, "godzin": true, "dni": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"januar": true, "februar": true, "märz": true, "maerz": true, "mai": true, "juni": true, "juli": true,
	"oktober": true, "dezember": true, "janvier": true, "février": true, "mars": true, "avril": true, "juin": true,
	"juillet": true, "août": true, "septembre": true, "octobre": true, "novembre": true, "décembre": true,
	"enero": true, "febrero": true, "marzo": true, "abril": true, "mayo": true, "junio": true, "julio": true,
	"agosto": true, "septiembre": true, "octubre": true, "noviembre": true, "diciembre": true, "gennaio": true,
	"febbraio": true, "aprile": true, "maggio": true, "giugno": true, "luglio": true, "settembre": true,
	"ottobre": true, "dicembre": true}

// notHeadcount reports whether the number at i is a code's, an ID's or a
// time's: after a code word, or before (or after) a time word.
func notHeadcount(toks []token, i int) bool {
	if i > 0 && (codeWords[toks[i-1].w] || codeWords[toks[i-1].raw] || timeWords[toks[i-1].raw]) {
		return true
	}
	for k := i + 1; k < len(toks) && k <= i+2 && !toks[k].brk; k++ {
		if timeWords[toks[k].raw] {
			return true
		}
		if toks[k].w != "of" && toks[k].w != "de" {
			break
		}
	}
	return false
}

// clockPart reports whether the digits at i are part of a clock or a
// date ("[18:41] Visitor", "2039-10-04 09:41"): a number beside them.
func clockPart(toks []token, i int) bool {
	return i > 0 && isNumber(toks[i-1].raw) || i+1 < len(toks) && isNumber(toks[i+1].raw)
}

// countOf reads a count at t: a number word or digits.
func countOf(t token) (int, bool) {
	if n, ok := reachCounts[t.raw]; ok {
		return n, true
	}
	if n, ok := shareNumbers[t.raw]; ok {
		return n, true
	}
	if !isNumber(t.raw) || len(t.raw) > 5 || strings.HasPrefix(t.raw, "0") {
		return 0, false
	}
	n := 0
	for _, r := range t.raw {
		n = n*10 + int(r-'0')
	}
	if n >= 1900 && n <= 2100 {
		return 0, false
	}
	return n, true
}

// allPeople finds "all" or "every" before a people or place noun the
// scope lists lack ("every guest we help", "all our passengers", "u
// wszystkich klientów", "all of our 8 stores"), and "whole" before a
// group ("the whole office").
func allPeople(toks []token) []reachHit {
	var out []reachHit
	for i, t := range toks {
		whole := reachWholes[t.w]
		if !isAll(t) && !whole {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4 && !toks[k].brk; k++ {
			if whole && reachNoun(toks[k], reachGroups) ||
				!whole && (reachPerson(toks[k]) && !unsurePerson(toks, k) || reachPlace(toks[k]) && !reachPerson(toks[k+min(1, len(toks)-1-k)])) {
				out = append(out, reachHit{hit: hit{phrase: phrase{t.raw, toks[k].raw}, pos: i, neg: negated(toks, i)}, end: k})
				break
			}
			if _, counted := countOf(toks[k]); !reachFillers[toks[k].w] && !counted && k > i+1 {
				break
			}
		}
	}
	return out
}

// tellThings after a verb of telling make it a noun: "the customers
// contact form", "the users reports page".
var tellThings = map[string]bool{"form": true, "page": true, "list": true, "centre": true, "center": true,
	"template": true, "button": true, "section": true, "tab": true, "portal": true, "history": true, "detail": true,
	"address": true, "field": true, "log": true, "menu": true, "screen": true, "option": true, "setting": true,
	"feature": true, "module": true, "widget": true, "link": true, "box": true, "queue": true, "inbox": true}

// telling reports whether the word at k is a verb of telling, not a
// noun before a thing ("contact form").
func telling(toks []token, k int) bool {
	return reachNoun(toks[k], reachTell) && (k+1 >= len(toks) || toks[k+1].brk || !tellThings[toks[k+1].w])
}

// toldBy finds people in the plural telling the writer: the people noun,
// then within three words of its clause a verb of telling ("customers tell
// us", "several supporters have rung", "guests say"), or the verb and
// "by" before them ("contacted by a large number of attendees"). Not
// after a small count ("two customers said": a few, fewOf's), nor
// negated ("no customers have complained"), nor in a question, nor the
// supplier's ("your staff told me").
func toldBy(toks []token) []reachHit {
	var out []reachHit
	for i, t := range toks {
		if !reachPerson(t) || !reachPlural(t) {
			continue
		}
		if i > 0 && (toks[i-1].w == "your" || toks[i-1].w == "votre" || toks[i-1].w == "vos" || toks[i-1].w == "ihre") {
			continue
		}
		if fewCounted(toks, i-3, i) || negated(toks, i) || i > 0 && noneWord(toks[i-1]) {
			continue
		}
		told := -1
		for k := i + 1; k < len(toks) && k <= i+3 && !toks[k].brk; k++ {
			if telling(toks, k) {
				told = k
				break
			}
		}
		// "contacted by … attendees", "calls from customers"
		for k := i - 1; told < 0 && k >= 0 && k >= i-6 && !toks[k+1].brk; k-- {
			if (toks[k].w == "by" || toks[k].w == "from") && k > 0 && reachNoun(toks[k-1], reachTell) {
				told = k - 1
			}
		}
		// "customers just saying 'your website doesn't work' but none of
		// them can tell us what": what they told says nothing (notTelling)
		if told < 0 || inSentence(toks, i, func(t token) bool { return noneWord(t) }) {
			continue
		}
		// the phrase ends with the people, not the verb (notTelling drops
		// a scope that ends with "say" or "tell": "none of them can tell")
		out = append(out, reachHit{hit: hit{phrase: phrase{toks[told].raw, "by", t.raw}, pos: i}, end: max(i, told), told: true})
	}
	return out
}

// ifWords make what follows a supposition: "if every guest gets this
// error". They are read as tokens' w, plural stripped: German "falls"
// (if) is "fall" there and cannot be listed.
var ifWords = map[string]bool{"if": true, "whether": true, "ob": true, "si": true}

// notAReach reports whether the reading at i is asked ("will all our
// passengers get an error?"), supposed ("if every guest gets this
// error") or denied ("not one of our 40 clients", "none of our
// 12 customers", "no 40 users").
func notAReach(toks []token, i int) bool {
	if questionMarked(toks, i) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-4 && !toks[k+1].brk; k-- {
		w := toks[k].w
		if ifWords[w] || noneWord(toks[k]) || k == i-1 && (w == "no" || w == "kein" || w == "keine") ||
			w == "not" && k+1 < i && (toks[k+1].w == "one" || toks[k+1].w == "single" || toks[k+1].w == "a") {
			return true
		}
	}
	return false
}

// reachContrasts end the people's part of a sentence: "All my colleagues
// can pay, only I get an error", "die Kunden sagen …, nur bei mir".
var reachContrasts = map[string]bool{"but": true, "only": true, "except": true, "however": true, "although": true,
	"though": true, "yet": true, "whereas": true, "while": true, "mais": true, "sauf": true, "seulement": true,
	"pero": true, "excepto": true, "salvo": true, "solo": true, "sólo": true, "aber": true, "nur": true, "außer": true,
	"ausser": true, "ma": true, "tranne": true, "maar": true, "alleen": true, "behalve": true, "ale": true,
	"tylko": true, "mas": true, "só": true, "apenas": true, "но": true, "только": true}

// writerScopes are the writer's words for a failure of their own: "for
// me", "only my", "my own", "bei mir", "chez moi", "a mí".
var writerScopes = [][2]string{{"for", "me"}, {"only", "i"}, {"only", "me"}, {"only", "my"}, {"just", "me"},
	{"just", "my"}, {"my", "own"}, {"except", "me"}, {"bei", "mir"}, {"nur", "ich"}, {"nur", "mein"},
	{"chez", "moi"}, {"sauf", "moi"}, {"a", "mí"}, {"per", "me"}, {"solo", "io"}, {"voor", "mij"},
	{"alleen", "ik"}, {"u", "mnie"}, {"tylko", "ja"}}

// alsoWords after a writer's scope widen it: "for me and my team", "for
// me too".
var alsoWords = map[string]bool{"and": true, "too": true, "und": true, "et": true, "y": true, "e": true, "en": true, "or": true}

// writerOnly reports whether the sentence holding toks[i] scopes its
// failure to the writer ("checkout fails for me", "only my own payslip"),
// not "not just me" nor "for me and my team".
func writerOnly(toks []token, i int) bool {
	from, to := sentenceOf(toks, i)
	for k := from; k+1 < to; k++ {
		for _, sc := range writerScopes {
			if toks[k].raw != sc[0] || toks[k+1].raw != sc[1] {
				continue
			}
			if k > 0 && negators[toks[k-1].w] || k > 0 && (toks[k-1].w == "nicht" || toks[k-1].w == "pas" || toks[k-1].w == "niet") {
				continue
			}
			if n := k + 2; n < len(toks) && !toks[n].stop && alsoWords[toks[n].w] {
				continue
			}
			return true
		}
	}
	return false
}

// prepObjects before the people make them an object: "the payroll run for
// 31 employees fails", "send a reminder to every member".
var prepObjects = map[string]bool{"for": true, "to": true, "für": true, "pour": true, "para": true, "per": true,
	"voor": true, "dla": true}

// writerVerbs take the people as the writer's object: "import 300
// customers", "invite all guests".
var writerVerbs = map[string]bool{"import": true, "imported": true, "importing": true, "export": true, "exported": true,
	"exporting": true, "add": true, "added": true, "adding": true, "invite": true, "invited": true, "inviting": true,
	"upload": true, "uploaded": true, "uploading": true, "migrate": true, "migrated": true, "migrating": true,
	"send": true, "sent": true, "sending": true, "email": true, "emailed": true, "emailing": true, "notify": true,
	"notified": true, "pay": true, "paid": true, "paying": true, "onboard": true, "register": true, "registered": true,
	"enrol": true, "enroll": true, "enrolled": true, "create": true, "created": true, "remind": true, "sync": true}

// objectOf reports the word the people at i stand after, fillers and
// counts skipped: "for", "import".
func objectOf(toks []token, i int) string {
	for k := i - 1; k >= 0 && !toks[k+1].brk; k-- {
		if !reachFillers[toks[k].w] && !isCount(toks[k]) && !isAll(toks[k]) {
			return toks[k].w
		}
	}
	return ""
}

// theirFailure reports whether the failure f is the people's of h: in
// the sentence with no contrast between them; told after them, not in
// the writer's own clause ("… and my login fails"), and the people not
// the object of the writer's verb ("I tried to import 300 customers and
// the import failed") nor of a preposition in the failing clause ("the
// payroll run for 31 employees fails").
func theirFailure(toks []token, h reachHit, f hit) bool {
	if f.pos < h.pos {
		for k := f.pos + 1; k < h.pos; k++ {
			if reachContrasts[toks[k].w] {
				return false
			}
		}
		return true
	}
	if f.pos <= h.end {
		return true
	}
	brk := false
	for k := h.end + 1; k <= f.pos; k++ {
		brk = brk || toks[k].brk
		if k < f.pos && (reachContrasts[toks[k].w] || !h.told && firstSingular[toks[k].w]) {
			return false
		}
	}
	obj := objectOf(toks, h.pos)
	return !writerVerbs[obj] && (brk || !prepObjects[obj])
}

// worksForThem reports whether the people's clause of h says what they do
// works, with no failure in it: "12 customers ordered fine today",
// "customers tell us everything works fine".
func worksForThem(toks []token, h reachHit, works, failing []hit) bool {
	to := h.end + 1
	for to < len(toks) && !toks[to].brk && !reachContrasts[toks[to].w] {
		to++
	}
	in := func(x hit) bool { return x.pos >= h.pos && x.pos < to }
	return slices.ContainsFunc(works, in) && !slices.ContainsFunc(failing, in)
}

// endedSentences are the sentences that tell a failure ended: "40
// customers have paid since the fix, the checkout errors are gone".
func endedSentences(toks []token, sent []int) map[int]bool {
	out := map[int]bool{}
	for _, h := range active(slices.Concat(findAll(toks, resolutionWords), findAll(toks, endedWords))) {
		out[sent[h.pos]] = true
	}
	for k := 0; k+1 < len(toks); k++ {
		if toks[k].w == "since" && k+2 < len(toks) && toks[k+1].w == "the" && toks[k+2].w == "fix" ||
			(toks[k].w == "are" || toks[k].w == "is") && toks[k+1].w == "gone" {
			out[sent[k]] = true
		}
	}
	return out
}

// reachOfMany is the round's reading: counts, "all" of people or places,
// and people who told the writer, of a failure that is theirs.
func reachOfMany(toks []token, failing []hit) []hit {
	found := slices.Concat(countedMany(toks), allPeople(toks), toldBy(toks))
	if len(found) == 0 {
		return nil
	}
	// the people's sentence tells the failure: "28 students are emailing
	// me" after the writer's own failure, "for 31 employees" after a
	// payroll's, count the ones who wait on one writer, not many who fail
	sent := sentences(toks)
	bySent := map[int][]hit{}
	for _, f := range failing {
		if f.pos >= 0 && f.pos < len(toks) {
			bySent[sent[f.pos]] = append(bySent[sent[f.pos]], f)
		}
	}
	var ended map[int]bool
	var works []hit
	var out []hit
	for _, h := range found {
		fs := bySent[sent[h.pos]]
		if len(fs) == 0 || notAReach(toks, h.pos) || writerOnly(toks, h.pos) {
			continue
		}
		if ended == nil {
			ended, works = endedSentences(toks, sent), active(findAll(toks, worksWords))
		}
		if ended[sent[h.pos]] || worksForThem(toks, h, works, fs) {
			continue
		}
		if slices.ContainsFunc(fs, func(f hit) bool { return theirFailure(toks, h, f) }) {
			out = append(out, h.hit)
		}
	}
	return out
}

// attemptNouns count tries, not people: "every single attempt".
var attemptNouns = []string{"attempt", "try", "tries", "time"}

// objectVerbs take "everything" as the writer's object: "filled
// everything in", "tried everything", "checked everything".
var objectVerbs = map[string]bool{"filled": true, "tried": true, "checked": true, "entered": true, "did": true,
	"done": true, "followed": true, "cleared": true, "restarted": true, "reinstalled": true, "updated": true,
	"completed": true, "typed": true, "put": true, "fill": true, "try": true, "check": true}

// firstSingular are the writer's own "I", "my", "me".
var firstSingular = map[string]bool{"i": true, "im": true, "ive": true, "my": true, "me": true}

// notOwnAttempts drops the words of many that count the writer's own
// tries or things (study 56's row B): "every single attempt" in a
// sentence that names no people, from a writer who says "I"; "everything"
// as the object of the writer's verb ("Filled everything in"); "all of
// them" after a count of things ("tried 3 different cards!! all of them
// work everywhere else").
func notOwnAttempts(toks []token, many []hit) []hit {
	writer := false
	for _, t := range toks {
		writer = writer || firstSingular[t.w]
	}
	var kept []hit
	for _, h := range many {
		if h.pos < 0 || h.pos >= len(toks) {
			kept = append(kept, h)
			continue
		}
		i := h.pos
		t := toks[i]
		drop := false
		if writer && (isAll(t) || t.w == "every") && !inSentence(toks, i, reachPerson) && !weBefore(toks, i) {
			for k := i + 1; k < len(toks) && k <= i+2 && !toks[k].brk; k++ {
				drop = drop || hasAnyPrefix(toks[k].raw, attemptNouns)
			}
		}
		if t.w == "everything" && i > 0 && !toks[i].brk && objectVerbs[toks[i-1].w] {
			drop = true
		}
		if writer && t.w == "all" && i+2 < len(toks) && toks[i+1].w == "of" && toks[i+2].w == "them" && countedThings(toks, i) {
			drop = true
		}
		if !drop {
			kept = append(kept, h)
		}
	}
	return kept
}

// firstPlural are the writer's "we": a writer speaking for a firm counts
// its attempts ("we tried to book for our 40 flats … every attempt
// ended in an error").
var firstPlural = map[string]bool{"we": true, "our": true, "us": true, "weve": true}

// inSentence reports whether a word is stands in the sentence holding
// toks[i] (sentenceOf).
func inSentence(toks []token, i int, is func(token) bool) bool {
	from, to := sentenceOf(toks, i)
	return slices.ContainsFunc(toks[from:to], is)
}

// weBefore reports whether the writer's "we" comes before toks[i] in its
// sentence (not a quoted message's "We couldn't complete …" after it).
func weBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && !toks[k+1].stop; k-- {
		if firstPlural[toks[k].w] {
			return true
		}
	}
	return false
}

// tryVerbs put a count of things in the writer's hands: "tried 3
// different cards", "used 4 browsers".
var tryVerbs = map[string]bool{"tried": true, "try": true, "trying": true, "tested": true, "test": true, "used": true,
	"using": true, "attempted": true, "checked": true}

// countedThings reports whether a count of the writer's things comes in
// the twelve words before i: "tried 3 different cards". Not of people nor
// of places ("we have 8 tills and all of them fail", "12 shops, all of
// them"): those are many who fail.
func countedThings(toks []token, i int) bool {
	for k := max(1, i-12); k < i; k++ {
		if _, ok := countOf(toks[k]); !ok || !tryVerbs[toks[k-1].w] {
			continue
		}
		for j := k + 1; j < i && j <= k+2; j++ {
			if reachPerson(toks[j]) || reachPlace(toks[j]) {
				return false
			}
			if toks[j].w != toks[j].raw {
				return true
			}
		}
	}
	return false
}
