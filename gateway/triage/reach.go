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
// people and the places a group works at, not one world's; they are plain
// prefix lists (not mkPhrases), so reading them teaches no language.

// reachPeople are who a count, an "all" or a report speaks for (a prefix
// of the word as written, folded).
var reachPeople = []string{"customer", "user", "client", "guest", "member", "student", "learner", "pupil",
	"passenger", "attendee", "participant", "driver", "rider", "patient", "parent", "employee", "staff",
	"colleague", "supporter", "donor", "subscriber", "buyer", "shopper", "seller", "tenant", "visitor",
	"people", "player", "caller", "traveller", "traveler", "friend", "fans",
	// the same in the languages the sets hold most of
	"kunde", "kundin", "gast", "gaste", "nutzer", "mitglied", "schuler", "mitarbeit", "kolleg",
	"utilisateur", "invite", "membre", "eleves", "etudiant", "passager", "collegue",
	"cliente", "usuario", "invitado", "huesped", "miembro", "alumno", "estudiante", "pasajero", "empleado",
	"utente", "ospit", "student", "passegger", "dipendent", "collega",
	"klant", "gebruiker", "gasten", "leden", "leerling", "medewerker",
	"klient", "kund", "uzytkownik", "клиент", "пользовател", "покупател", "студент", "гост", "учени"}

// reachPlaces are the places a group works at: a count or "all" of them
// is many people ("all of our 8 stores", "in allne 4 Filiale").
var reachPlaces = []string{"store", "stores", "shop", "shops", "branch", "branches", "office", "offices", "location",
	"locations", "site", "sites", "restaurant", "restaurants", "filiale", "filialen", "magasins", "tiendas", "sucursales",
	"negozi", "filiali", "winkels", "vestigingen", "sklepy", "sklepach", "oddziałach", "oddzialach"}

// reachTell are the verbs of people telling the writer (as written,
// folded, a prefix): "say", "tell", "report", "complain", "call", "ring",
// "text", "write", "message", "contact".
var reachTell = []string{"say", "said", "tell", "told", "report", "complain", "call", "ring", "rang", "rung",
	"phone", "text", "write", "wrote", "writing", "message", "email", "contact", "keep telling",
	"sagen", "meld", "beschwer", "rufen", "schreib", "klag",
	"disent", "appell", "signal", "ecriv", "plaign",
	"dicen", "llam", "report", "escrib", "quej",
	"dizem", "ligam", "reclam", "escrev",
	"dicono", "chiam", "segnal", "scriv", "lament",
	"zeggen", "bellen", "melden", "klagen"}

// reachCounts are number words of six and more.
var reachCounts = map[string]int{"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
	"dix": 10, "dizaine": 10, "douzaine": 12, "vingt": 20, "trente": 30, "diez": 10, "docena": 12, "veinte": 20,
	"treinta": 30, "dieci": 10, "decina": 10, "dozzina": 12, "venti": 20, "trenta": 30, "zehn": 10, "zwölf": 12,
	"dutzend": 12, "zwanzig": 20, "dreißig": 30, "tien": 10, "twaalf": 12, "twintig": 20, "dertig": 30, "dez": 10,
	"dúzia": 12, "vinte": 20, "trinta": 30, "tio": 10, "dziesięć": 10, "dwadzieścia": 20}

// reachWholes before a group noun make it all of it ("the whole office").
var reachWholes = map[string]bool{"whole": true, "entire": true}

// reachGroups are the groups "whole" speaks for.
var reachGroups = []string{"office", "class", "school", "company", "department", "floor", "staff", "shift", "store", "branch"}

func reachNoun(t token, list []string) bool {
	return !t.poss && (hasAnyPrefix(t.f, list) || hasAnyPrefix(t.raw, list))
}

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

// countedMany finds a count of six or more of people or places ("40 of my
// clients", "over thirty attendees", "ten dorm friends", "all of our 8
// stores"), or a people noun with its count right after ("attendees
// (over thirty so far)", "Clients (I have 40 …)"); of places, three or
// more.
func countedMany(toks []token) []hit {
	var out []hit
	for i, t := range toks {
		n, isN := countOf(t)
		if !isN || n < 6 || clockPart(toks, i) {
			continue
		}
		free := 0
		for k := i + 1; k < len(toks) && k <= i+4 && !toks[k].brk; k++ {
			if reachNoun(toks[k], reachPeople) {
				out = append(out, hit{phrase: phrase{t.raw, toks[k].raw}, pos: i})
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
		if !reachNoun(t, reachPeople) || !reachPlural(t) || i+1 >= len(toks) || !toks[i+1].brk {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4 && !toks[k].stop; k++ {
			if n, ok := countOf(toks[k]); ok && n >= 6 && !clockPart(toks, k) {
				out = append(out, hit{phrase: phrase{t.raw, toks[k].raw}, pos: i})
				break
			}
		}
	}
	return out
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
func allPeople(toks []token) []hit {
	var out []hit
	for i, t := range toks {
		whole := reachWholes[t.w]
		if !isAll(t) && !whole {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4 && !toks[k].brk; k++ {
			if whole && reachNoun(toks[k], reachGroups) ||
				!whole && (reachNoun(toks[k], reachPeople) || reachPlace(toks[k]) && !reachNoun(toks[k+min(1, len(toks)-1-k)], reachPeople)) {
				out = append(out, hit{phrase: phrase{t.raw, toks[k].raw}, pos: i, neg: negated(toks, i)})
				break
			}
			if _, counted := countOf(toks[k]); !reachFillers[toks[k].w] && !counted && k > i+1 {
				break
			}
		}
	}
	return out
}

// toldBy finds people in the plural telling the writer: the people noun,
// then within three words of its clause a verb of telling ("customers tell
// us", "several supporters have rung", "guests say"), or the verb and
// "by" before them ("contacted by a large number of attendees"). Not
// after a small count ("two customers said": a few, fewOf's), nor
// negated ("no customers have complained"), nor in a question, nor the
// supplier's ("your staff told me").
func toldBy(toks []token) []hit {
	var out []hit
	for i, t := range toks {
		if !reachNoun(t, reachPeople) || !reachPlural(t) {
			continue
		}
		if i > 0 && (toks[i-1].w == "your" || toks[i-1].w == "votre" || toks[i-1].w == "vos" || toks[i-1].w == "ihre") {
			continue
		}
		if fewCounted(toks, i-3, i) || negated(toks, i) || i > 0 && noneWords[toks[i-1].w] {
			continue
		}
		told := -1
		for k := i + 1; k < len(toks) && k <= i+3 && !toks[k].brk; k++ {
			if reachNoun(toks[k], reachTell) {
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
		if told < 0 || asked(toks, i) || inSentence(toks, i, noneWords) {
			continue
		}
		// the phrase ends with the people, not the verb (notTelling drops
		// a scope that ends with "say" or "tell": "none of them can tell")
		out = append(out, hit{phrase: phrase{toks[told].raw, "by", t.raw}, pos: i})
	}
	return out
}

// asked reports whether the sentence holding toks[i] is a question.
func asked(toks []token, i int) bool {
	for k := i; k < len(toks); k++ {
		if toks[k].q {
			return true
		}
		if k+1 < len(toks) && toks[k+1].stop {
			return false
		}
	}
	return false
}

// reachOfMany is the round's reading: counts, "all" of people or places,
// and people who told the writer.
func reachOfMany(toks []token, failing []hit) []hit {
	found := slices.Concat(countedMany(toks), allPeople(toks), toldBy(toks))
	// the people's sentence tells the failure: "28 students are emailing
	// me" after the writer's own failure, "for 31 employees" after a
	// payroll's, count the ones who wait on one writer, not many who fail
	sent := sentences(toks)
	var out []hit
	for _, h := range found {
		if slices.ContainsFunc(failing, func(f hit) bool { return f.pos >= 0 && f.pos < len(toks) && sent[f.pos] == sent[h.pos] }) {
			out = append(out, h)
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
		if writer && (isAll(t) || t.w == "every") && !peopleInSentence(toks, i) && !weBefore(toks, i) {
			for k := i + 1; k < len(toks) && k <= i+2 && !toks[k].brk; k++ {
				drop = drop || hasAnyPrefix(toks[k].raw, attemptNouns)
			}
		}
		if t.w == "everything" && i > 0 && !toks[i].brk && objectVerbs[toks[i-1].w] {
			drop = true
		}
		if t.w == "all" && i+2 < len(toks) && toks[i+1].w == "of" && toks[i+2].w == "them" && countedThings(toks, i) {
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

// inSentence reports whether a word of words stands in the sentence
// holding toks[i].
func inSentence(toks []token, i int, words map[string]bool) bool {
	from := i
	for from > 0 && !toks[from].stop {
		from--
	}
	for k := from; k < len(toks) && (k == from || !toks[k].stop); k++ {
		if words[toks[k].w] {
			return true
		}
	}
	return false
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

// peopleInSentence reports whether a people noun stands in the sentence
// holding toks[i].
func peopleInSentence(toks []token, i int) bool {
	from := i
	for from > 0 && !toks[from].stop {
		from--
	}
	for k := from; k < len(toks) && (k == from || !toks[k].stop); k++ {
		if reachNoun(toks[k], reachPeople) {
			return true
		}
	}
	return false
}

// countedThings reports whether a count of things (not people) comes in
// the twelve words before i: "3 different cards".
func countedThings(toks []token, i int) bool {
	for k := max(0, i-12); k < i; k++ {
		if _, ok := countOf(toks[k]); !ok {
			continue
		}
		for j := k + 1; j < i && j <= k+2; j++ {
			if reachNoun(toks[j], reachPeople) {
				return false
			}
			if toks[j].w != toks[j].raw {
				return true
			}
		}
	}
	return false
}
