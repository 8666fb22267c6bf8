package triage

import (
	"fmt"
	"strings"
)

// Round seventy-five: a how-to question told by its shape. The how-to
// lists (howtoWords) read "how do I", "wie kann ich", "jak zmienić" as
// phrases, verb by verb and language by language; a question they lack
// ("كيف أضيف عنوان …؟", "Hogyan nézhetem meg …?", "ऐप में कहाँ से डाउनलोड
// करूँ?") reads no failure, no question and no impact, and the unread
// floor or a spike on its service raises it to medium. Its shape is
// the same in every language: an interrogative of manner or place ("how",
// "where") in a sentence that ends with a question mark. Where the
// language puts the interrogative first (most European languages, Arabic,
// Hebrew, Persian, Indonesian), it must open its clause; where it stands
// before the verb inside the sentence (Turkish, Hindi, Korean, Thai,
// Vietnamese), anywhere in it, and Arabic and Persian anywhere too. classify asks it only when nothing else was
// read, so a report that names its failure in words a list reads is never
// turned into a question.
//
// Two shapes ask "how" or "where" and report: "where is my order?" (a
// thing missing: the place word before a copula or a possessive, or with
// at most one word between it and the question mark: "siparişim nerede?",
// "أين طلبي؟") and "how is this possible?", "how come?" (the manner word
// before a word of possibility or "come"). Neither counts.

// shapeOpeners are the interrogatives of manner (how) and place (where)
// that open their clause, by language: English, German, French, Spanish,
// Portuguese, Italian, Dutch, Swedish, Danish and Norwegian, Finnish,
// Polish, Czech, Slovak, Croatian, Serbian and Bosnian, Slovene, Romanian,
// Hungarian, Greek, Russian, Ukrainian, Bulgarian, Hebrew,
// Indonesian and Malay, Estonian, Lithuanian, Latvian, Tagalog, Swahili. Swedish "var" (also "was") and Hungarian "hogy" (also "that")
// are left out. The value is true for the place words.
var shapeOpeners = withFolded(map[string]bool{
	"how": false, "where": true,
	"wie": false, "wo": true,
	"comment": false, "où": true,
	"cómo": false, "dónde": true,
	"como": false, "onde": true,
	"come": false, "dove": true,
	"hoe": false, "waar": true,
	"hur": false, "hvordan": false, "hvor": true,
	"miten": false, "kuinka": false, "missä": true, "mistä": true, "mihin": true,
	"jak": false, "gdzie": true, "skąd": true,
	"kde": true, "ako": false, "odkiaľ": true, "odkud": true,
	"kako": false, "gdje": true, "gde": true, "kje": true, "kam": true,
	"cum": false, "unde": true, "hogyan": false, "hol": true, "honnan": true,
	"πώς": false, "πού": true,
	"как": false, "где": true, "откуда": true, "як": false, "де": true, "звідки": true, "къде": true,
	"איך": false, "כיצד": false, "איפה": true, "היכן": true,
	"bagaimana": false, "gimana": false,
	"kuidas": false, "kus": true, "kaip": false, "kur": true, "kā": false,
	"paano": false, "saan": true, "vipi": false, "wapi": true,
})

// shapeAnywhere are the interrogatives read wherever they stand in their
// question and guarded as the openers are: Arabic and Persian (whose
// comma, "،", the tokenizer does not read as a clause's end), Indonesian
// and Malay "mana", "dimana" (after "di").
var shapeAnywhere = map[string]bool{
	"كيف": false, "أين": true, "وين": true, "چطور": false, "چگونه": false, "کجا": true, "mana": true, "dimana": true,
}

// shapeInner are the interrogatives that stand inside their sentence,
// before the verb: Turkish, Hindi, Urdu in Latin letters, Vietnamese,
// Korean (read as the word's start: "어디에", "방법이"), with the
// Korean and Vietnamese nouns of "the way to" ("방법", "cách nào"). The
// value is true for the place words.
var shapeInner = withFolded(map[string]bool{
	"nasıl": false, "nerede": true, "nereden": true, "nereye": true,
	"कैसे": false, "कहाँ": true, "कहां": true, "kaise": false, "kahan": true, "kahaan": true,
	"mana": true, "dimana": true,
})

// shapeInnerStarts are read as a word's start (Korean writes its
// particles on the word).
var shapeInnerStarts = map[string]bool{"어떻게": false, "어디": true, "방법": false}

// shapeUnspaced are the interrogatives of Thai and Vietnamese, matched as
// phrases ("อย่างไร", "ที่ไหน", "thế nào", "cách nào").
var shapeUnspaced = mkFlowWords("อย่างไร", "ยังไง", "ที่ไหน", "วิธี", "thế nào", "cách nào", "chỗ nào")

// shapeUnspacedPlaces are the place words among shapeUnspaced.
var shapeUnspacedPlaces = map[string]bool{"ที่ไหน": true, "chỗ nào": true}

// shapeMissing stand right after a place word in "where is my order?":
// copulas and possessives, by language.
var shapeMissing = withFolded(map[string]bool{
	"is": true, "are": true, "my": true, "our": true, "ist": true, "sind": true, "bleibt": true, "mein": true, "meine": true,
	"unsere": true, "est": true, "sont": true, "mon": true, "ma": true, "mes": true, "está": true, "están": true, "mi": true,
	"mis": true, "estão": true, "meu": true, "minha": true, "è": true, "sono": true,
	"blijft": true, "mijn": true, "onze": true, "är": true, "min": true, "mitt": true, "er": true, "jest": true, "są": true,
	"mój": true, "moja": true, "moje": true, "jsou": true, "můj": true, "мой": true, "моя": true,
	"мои": true, "моё": true, "наш": true, "мій": true, "мої": true, "є": true, "είναι": true,
	"है": true, "हैं": true, "hai": true, "hain": true,
})

// shapeRhetoric within three words after a manner word make "how" a
// complaint or a worry about one's own case: "how is this possible", "how
// come" (Italian "come mai"), "wie kann das sein", "jak to możliwe"; "how do I know whether it
// went through", "paano ko malalaman" (the verbs of knowing).
var shapeRhetoric = withFolded(map[string]bool{
	"know": true, "wissen": true, "weiß": true, "savoir": true, "sais": true, "saber": true, "sé": true,
	"sapere": true, "weten": true, "weet": true, "veta": true, "vet": true, "vide": true,
	"wiedzieć": true, "wiem": true, "vědět": true, "vím": true, "знать": true, "знаю": true, "знати": true,
	"tahu": true, "malaman": true, "malalaman": true, "biết": true, "bilmek": true, "bilirim": true,
	"possible": true, "come": true, "mai": true, "sein": true, "möglich": true, "posible": true, "possível": true, "possibile": true,
	"mogelijk": true, "möjligt": true, "mulig": true, "mahdollista": true, "możliwe": true, "možné": true, "moguće": true,
	"posibil": true, "lehetséges": true, "δυνατόν": true, "возможно": true, "так": true, "можливо": true, "mümkün": true,
})

// withFolded returns m with each key also under its folded form of three
// letters or more (as foldedKeys adds them), so a word typed without its
// diacritics matches; the values, unlike foldedKeys', are kept.
func withFolded(m map[string]bool) map[string]bool {
	out := make(map[string]bool, 2*len(m))
	for k, v := range m {
		out[k] = v
		if f := fold(k); len([]rune(f)) >= 3 {
			out[f] = v
		}
	}
	return out
}

// askShaped returns the how-to questions told by their shape (see the
// top of this file): a hit per question sentence, at its interrogative.
func askShaped(toks []token, sentence []int) []hit {
	var out []hit
	last := -1
	add := func(i, n int, place, sov bool) {
		if sentence[i] == last || !inQuestion(toks, i, sentence) || shapeReports(toks, sentence, i, n, place, sov) {
			return
		}
		last = sentence[i]
		out = append(out, hit{phrase: phrase(rawWords(toks[i : i+n])), pos: i})
	}
	for i, t := range toks {
		if t.code {
			continue
		}
		opens := i == 0 || t.brk || t.stop
		if place, ok := shapeWord(shapeOpeners, t); ok && opens {
			add(i, 1, place, false)
		} else if place, ok := shapeWord(shapeAnywhere, t); ok {
			add(i, 1, place, false)
		} else if place, ok := shapeWord(shapeInner, t); ok {
			add(i, 1, place, true)
		} else {
			for w, place := range shapeInnerStarts {
				if strings.HasPrefix(t.raw, w) {
					add(i, 1, place, true)
					break
				}
			}
		}
	}
	for _, h := range findAll(toks, shapeUnspaced) {
		add(h.pos, len(h.phrase), shapeUnspacedPlaces[h.phrase.String()], false)
	}
	return out
}

// shapeWord looks t up in m as written and folded.
func shapeWord(m map[string]bool, t token) (place, ok bool) {
	if place, ok = m[t.raw]; !ok {
		place, ok = m[t.f]
	}
	return place, ok
}

// shapeReports reports whether the interrogative of n tokens at i asks
// in a report's shape: a place word before a copula or a possessive, or
// with nothing after it in its sentence ("siparişim nerede?"), or, where
// the verb does not close the sentence (not sov), one word at most
// ("where is it?", "أين طلبي؟"); a manner word before a word of
// possibility, "come" or knowing ("how is this possible?", "how do I
// know if it went through?").
func shapeReports(toks []token, sentence []int, i, n int, place, sov bool) bool {
	after := 0
	for k := i + n; k < len(toks) && sentence[k] == sentence[i]; k++ {
		after++
	}
	for k := i + n; k < len(toks) && k < i+n+3 && sentence[k] == sentence[i]; k++ {
		w := toks[k]
		if place && k < i+n+2 && (shapeMissing[w.raw] || shapeMissing[w.f]) || !place && (shapeRhetoric[w.raw] || shapeRhetoric[w.f]) {
			return true
		}
	}
	return place && (after == 0 || !sov && after <= 1)
}

// shapeClaim is classify's last reading: a ticket in which no failure,
// question or impact word was read, and no contrast or attempt, that asks
// how or where in a question's shape is a how-to question (claimLow).
func shapeClaim(s *signals) (claim, string) {
	if len(s.askShape) == 0 {
		return claimUnknown, ""
	}
	return claimLow, fmt.Sprintf("how-to question by its shape: %s asks how or where, no failure described", quote(s.askShape))
}

// lookOnly reports whether a ticket's one-user failure is told of how a
// thing looks: a cosmetic word read ("overlaps", "logo", "cut off") and no
// error shown. Such a report is the cosmetic ticket of the conventions
// (low during any incident): the scorer's verdict stands, and the floor
// of a reported failure (medium) does not raise it.
func lookOnly(f *facts) bool {
	return f.claim == claimOne && len(active(f.sig.cosmetic)) > 0 && !showsError(&f.sig)
}
