package triage

// Round ninety-two's review: a writer who names their own cause ("I
// typed my old number by mistake", "I may have changed it and
// forgotten", "my fault") reports no failure of the service. Read as a
// guard of spikeAtTicket only (spikeAtTicketAside): the base reads such
// tickets as it did.

// selfCause finds the writer's own doing named as the cause, in a
// clause whose subject is the writer (a first person before it in the
// clause): an accident adverb or "by
// mistake" ("I accidentally", "ich habe versehentlich", "j'ai … par
// erreur"), a verb of forgetting not followed by an infinitive ("I
// forgot my password", not "I forgot to mention"), an entry verb with
// a wrong or old value after it ("I typed the wrong code", "I entered my
// old number"), or the writer's fault named ("my fault", "mein Fehler",
// "culpa mía"). Negated words do not count ("I didn't forget").
func selfCause(toks []token) []hit {
	var out []hit
	writer := func(i int) bool {
		return inClauseBefore(toks, i, 20, func(k int) bool { return writerWords[toks[k].w] })
	}
	for i := range toks {
		w := toks[i].w
		switch {
		case ownFault(toks, i):
		case accidentAt(toks, i) && writer(i):
		case forgetWords[w] && writer(i) && !(i+1 < len(toks) && !toks[i+1].brk && infinitiveMarkers[toks[i+1].w]):
		case entryVerbs[w] && writer(i) && inClauseFrom(toks, i+1, 4, func(k int) bool { return wrongValues[toks[k].w] }):
		default:
			continue
		}
		if negated(toks, i) {
			continue
		}
		out = append(out, hit{phrase: phrase{w}, pos: i})
	}
	return out
}

// accidentAt reports whether toks[i] says the writer's doing was an
// accident: an accident word ("accidentally", "versehentlich"), the noun
// of "by mistake" in another language (byMistake: "par erreur"), or the
// English nouns "mistake" and "accident" only after "by" (alone they name
// no doing of the writer's).
func accidentAt(toks []token, i int) bool {
	if w := toks[i].w; w == "mistake" || w == "accident" {
		return i > 0 && !toks[i].brk && toks[i-1].w == "by" || byMistake(toks, i)
	}
	return accidentWords[toks[i].w] || byMistake(toks, i)
}

// ownFault reports whether toks[i] and the word after it name the
// writer's fault, either order: "my fault", "mein Fehler", "culpa mía".
func ownFault(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].brk {
		return false
	}
	a, b := toks[i].w, toks[i+1].w
	// French "ma faute" apart: Italian "ma" is "but" ("ma errore 500")
	return writerPossessives[a] && faultNouns[b] || faultNouns[a] && writerPossessives[b] || a == "ma" && b == "faute"
}

// writerPossessives are "my" in the languages the lists read.
var writerPossessives = map[string]bool{"my": true, "mein": true, "meine": true, "mon": true, "mi": true, "mía": true,
	"mia": true, "mijn": true, "minha": true, "mitt": true, "moja": true, "mój": true}

// faultNouns are "fault" and "mistake": "my fault", "ma faute", "colpa
// mia", "mijn fout", "mein Fehler", "mi error".
var faultNouns = map[string]bool{"fault": true, "mistake": true, "schuld": true, "fehler": true, "faute": true, "erreur": true,
	"culpa": true, "error": true, "colpa": true, "errore": true, "fout": true, "fel": true, "wina": true, "błąd": true}

// forgetWords are the writer's "forgot" and "forgotten".
var forgetWords = map[string]bool{"forgot": true, "forgotten": true, "vergessen": true, "vergaß": true, "oublié": true,
	"olvidé": true, "olvidado": true, "esqueci": true, "dimenticato": true, "dimenticata": true, "vergeten": true, "vergat": true,
	"glömde": true, "glömt": true, "zapomniałem": true, "zapomniałam": true}

// infinitiveMarkers follow "forgot" when what was forgotten is a deed
// ("I forgot to mention", "vergessen zu erwähnen"), not a secret.
var infinitiveMarkers = map[string]bool{"to": true, "zu": true, "de": true, "di": true, "te": true, "att": true, "mention": true}

// entryVerbs are the writer typing or entering a value.
var entryVerbs = map[string]bool{"typed": true, "entered": true, "put": true, "getippt": true, "eingegeben": true, "tippte": true,
	"tapé": true, "saisi": true, "escribí": true, "introduje": true, "puse": true, "digitei": true, "inserito": true, "digitato": true,
	"ingevoerd": true, "ingetypt": true, "skrev": true, "wpisałem": true, "wpisałam": true}

// wrongValues say a value typed was not the right one.
var wrongValues = map[string]bool{"wrong": true, "old": true, "incorrect": true, "falsch": true, "falsche": true, "falschen": true,
	"alte": true, "alten": true, "faux": true, "mauvais": true, "ancien": true, "incorrecto": true, "equivocado": true, "antiguo": true,
	"errado": true, "antigo": true, "sbagliato": true, "sbagliata": true, "vecchio": true, "verkeerd": true, "verkeerde": true, "oude": true,
	"fel": true, "felaktig": true, "gamla": true, "zły": true, "stary": true}
