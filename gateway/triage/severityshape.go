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
// Vietnamese), anywhere in it, and Arabic and Persian anywhere too; an
// opener asks only when the question mark closes its own clause.
// classify asks it only when nothing else was read, so a report that
// names its failure in words a list reads is never turned into a
// question, and a verdict the shape alone read is not held with high
// confidence.
//
// Three shapes ask "how" or "where" and report: "where is my order?" (a
// thing missing: the place word before a copula or a possessive, on
// either side of the noun, or with at most one word between it and the
// question mark: "siparişim nerede?", "أين طلبي؟"), "where did it go?" (a
// verb of going in its past) and "how is this possible?", "how did this
// happen?", "how come?" (the manner word before a word of possibility,
// happening or "come"). None counts. (Mended after the round's review:
// the guards in every opener language, the clause's question mark,
// Tagalog "ako".)

// shapeOpeners are the interrogatives of manner (how) and place (where)
// that open their clause, by language: English, German, French, Spanish,
// Portuguese, Italian, Dutch, Swedish, Danish and Norwegian, Finnish,
// Polish, Czech, Slovak, Croatian, Serbian and Bosnian, Slovene, Romanian,
// Hungarian, Greek, Russian, Ukrainian, Bulgarian, Hebrew,
// Indonesian and Malay, Estonian, Lithuanian, Latvian, Tagalog, Swahili.
// Swedish "var" (also "was") and Hungarian "hogy" (also "that") are left
// out. The value is true for the place words. Portuguese "como" and
// Hungarian "hova" are the folded forms of "cómo" and "hová" (withFolded).
var shapeOpeners = withFolded(map[string]bool{
	"how": false, "where": true,
	"wie": false, "wo": true,
	"comment": false, "où": true,
	"cómo": false, "dónde": true, "onde": true,
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
	// where to: asked of a thing gone ("куда делись деньги?", "wohin ist
	// es verschwunden?") as of a place to go in the app
	"wohin": true, "куда": true, "куди": true, "hová": true, "minne": true, "kuhu": true,
})

// shapeForeign are openers that are also a word of another language, with
// the words that tell that language in the same sentence: Slovak "ako"
// (how) is Tagalog "ako" (I), told by Tagalog's particles and markers
// ("Ako lang ba ang …?").
var shapeForeign = map[string]map[string]bool{
	"ako": {"ba": true, "po": true, "lang": true, "ang": true, "ng": true, "mga": true, "hindi": true, "ko": true, "ka": true,
		"naman": true, "yung": true, "pa": true, "din": true, "rin": true, "nga": true},
}

// shapeAnywhere are the interrogatives read wherever they stand in their
// question and guarded as the openers are: Arabic and Persian (whose
// comma, "،", the tokenizer does not read as a clause's end), Indonesian
// and Malay "mana", "dimana" (after "di").
var shapeAnywhere = map[string]bool{
	"كيف": false, "أين": true, "وين": true, "چطور": false, "چگونه": false, "کجا": true, "mana": true, "dimana": true,
}

// shapeInner are the interrogatives that stand inside their sentence,
// before the verb: Turkish, Hindi, and Urdu in Latin letters (Korean's
// are shapeInnerStarts, Thai's and Vietnamese's shapeUnspaced). The value
// is true for the place words.
var shapeInner = withFolded(map[string]bool{
	"nasıl": false, "nerede": true, "nereden": true, "nereye": true,
	"कैसे": false, "कहाँ": true, "कहां": true, "kaise": false, "kahan": true, "kahaan": true,
})

// shapeInnerStarts are Korean's, read as a word's start (Korean writes
// its particles on the word: "어디에", "방법이"), with its noun of "the
// way to" ("방법").
var shapeInnerStarts = map[string]bool{"어떻게": false, "어디": true, "방법": false}

// shapeUnspaced are the interrogatives of Thai and Vietnamese, matched as
// phrases ("อย่างไร", "ที่ไหน", "thế nào"), with Vietnamese's noun of "the
// way to" ("cách nào").
var shapeUnspaced = mkFlowWords("อย่างไร", "ยังไง", "ที่ไหน", "วิธี", "thế nào", "cách nào", "chỗ nào")

// shapeUnspacedPlaces are the place words among shapeUnspaced.
var shapeUnspacedPlaces = map[string]bool{"ที่ไหน": true, "chỗ nào": true}

// shapeMissing stand right after a place word in "where is my order?"
// (one or two words on): copulas, words of being somewhere, and the
// possessives that stand before their noun, in every language of the
// openers; Tagalog's subject marker "ang" ("saan na ang order ko?", a
// clause with no verb). A word whose folded form another word has ("moj"
// of "mój", "naš" of "náš", Latvian "mūsu" of "mūsų") is read as that
// folded form (withFolded, shapeIn).
var shapeMissing = withFolded(map[string]bool{
	"is": true, "are": true, "my": true, "our": true, "ist": true, "sind": true, "bleibt": true, "mein": true, "meine": true,
	"unsere": true, "est": true, "sont": true, "mon": true, "ma": true, "mes": true, "está": true, "están": true, "mi": true,
	"mis": true, "estão": true, "meu": true, "minha": true, "è": true, "sono": true,
	"blijft": true, "mijn": true, "onze": true, "är": true, "min": true, "mitt": true, "er": true, "jest": true, "są": true,
	"mój": true, "moja": true, "moje": true, "jsou": true, "můj": true, "мой": true, "моя": true,
	"мои": true, "моё": true, "наш": true, "мій": true, "мої": true, "є": true, "είναι": true,
	"है": true, "हैं": true, "hai": true, "hain": true,
	// Czech, Slovak, Croatian, Serbian, Slovene: je, sú/su, mój/moj, naša
	"je": true, "sú": true, "su": true, "naša": true, "naše": true, "náš": true, "moji": true,
	// Romanian, Hungarian, Finnish and Estonian, Lithuanian, Latvian
	"este": true, "sunt": true, "e": true, "van": true, "vannak": true, "on": true, "ovat": true, "minu": true, "meie": true,
	"yra": true, "mano": true, "mūsų": true, "ir": true, "mans": true, "mana": true,
	// Russian, Ukrainian, Bulgarian, Hebrew (being found), Tagalog
	"наша": true, "наше": true, "наши": true, "моє": true, "наші": true, "е": true, "са": true, "моят": true, "моята": true,
	"נמצא": true, "נמצאת": true, "נמצאים": true, "נמצאות": true, "ang": true,
})

// shapeMissingAfter are the possessives that follow their noun (Hebrew,
// Indonesian and Malay, Romanian, Greek, Tagalog, Swahili): "where" + a
// noun + one of them, two words on ("איפה ההזמנה שלי?", "di mana
// pesanan saya?", "wapi oda yangu?"). Right after the place word they
// are the asker ("di mana saya bisa …", "saan ko makikita …").
var shapeMissingAfter = withFolded(map[string]bool{
	"שלי": true, "שלנו": true, "saya": true, "kami": true, "aku": true, "mea": true, "meu": true, "mele": true,
	"noastră": true, "μου": true, "μας": true, "ko": true, "namin": true, "yangu": true, "wangu": true, "zangu": true,
	"langu": true, "changu": true, "yetu": true,
})

// shapeGone after a place word make it ask where a thing went: verbs of
// going, vanishing or ending up in their past forms ("where did my money
// go?", "wo ist mein Geld hin?", "Param nereye gitti?", "मेरे पैसे कहाँ
// गए?", "onde foi parar?", "¿dónde quedó?"). A how-to question asks in
// the present ("where do I go to change …").
var shapeGone = withFolded(map[string]bool{
	"did": true, "went": true, "gone": true, "disappeared": true, "vanished": true, "ended": true,
	"hin": true, "geblieben": true, "verschwunden": true, "gelandet": true,
	"passé": true, "passée": true, "passés": true, "parti": true, "partie": true, "disparu": true, "disparue": true,
	"quedó": true, "fue": true, "fueron": true, "ido": true, "desapareció": true,
	"foi": true, "foram": true, "parar": true, "sumiu": true, "desapareceu": true,
	"finito": true, "finita": true, "finiti": true, "andato": true, "andati": true, "sparito": true, "sparita": true,
	"gebleven": true, "heen": true, "verdwenen": true, "tagit": true, "blevet": true, "blitt": true, "forsvunnet": true,
	"meni": true, "menivät": true, "hävisi": true, "katosi": true, "kadus": true, "läks": true, "jäi": true,
	"podziały": true, "podziało": true, "podział": true, "zniknęło": true, "zniknął": true, "zniknęła": true, "poszły": true, "poszło": true,
	"zmizela": true, "zmizel": true, "zmizelo": true, "zmizla": true, "zmizol": true, "nestala": true, "nestao": true, "nestalo": true,
	"otišao": true, "otišla": true, "otišli": true, "izginil": true, "izginila": true,
	"dispărut": true, "ajuns": true, "dus": true, "tűnt": true, "ment": true, "került": true, "dingo": true, "pazuda": true,
	"πήγαν": true, "πήγε": true, "εξαφανίστηκε": true, "χάθηκε": true,
	"делись": true, "делся": true, "делась": true, "делось": true, "пропал": true, "пропала": true, "пропали": true, "ушли": true,
	"поділися": true, "зникли": true, "зник": true, "зникла": true, "пішли": true, "изчезна": true, "отидоха": true,
	"נעלם": true, "נעלמה": true, "נעלמו": true, "הלך": true, "הלכו": true, "ذهب": true, "ذهبت": true, "اختفى": true,
	"اختفت": true, "راح": true, "راحت": true, "رفت": true, "pergi": true, "hilang": true, "napunta": true, "nawala": true,
	"imeenda": true, "zimeenda": true, "imepotea": true, "gitti": true, "gitmiş": true, "kaldı": true, "kayboldu": true,
	"गए": true, "गया": true, "गई": true, "गयी": true,
})

// shapeRhetoric within five words after a manner word make "how" a
// complaint or a worry about one's own case: "how is that even
// possible", "how come" (Italian "come mai"), "wie kann das sein", "jak
// to możliwe"; "how did this happen" in every language of the openers
// (the verbs of happening, past forms: a how-to asks in the present);
// "how do I know whether it went through", "paano ko malalaman" (the
// verbs of knowing). Czech and Slovak "stalo" is the folded form of Polish
// "stało" (withFolded).
var shapeRhetoric = withFolded(map[string]bool{
	"did": true, "happen": true, "happened": true, "passiert": true, "geschehen": true, "arrivé": true, "arrivée": true,
	"sucedió": true, "ocurrió": true, "aconteceu": true, "successo": true, "successa": true, "accaduto": true,
	"gebeurd": true, "hända": true, "hände": true, "skjedde": true, "skete": true, "tapahtui": true, "tapahtua": true,
	"kävi": true, "juhtus": true, "juhtuda": true, "võimalik": true, "stało": true, "dogodilo": true,
	"desilo": true, "zgodilo": true, "mogoče": true, "întâmplat": true, "történt": true, "történhetett": true,
	"nutiko": true, "atsitiko": true, "įmanoma": true, "notika": true, "iespējams": true, "έγινε": true, "συνέβη": true,
	"понимать": true, "произошло": true, "случилось": true, "получилось": true, "сталося": true, "сталось": true,
	"трапилося": true, "стана": true, "възможно": true, "קרה": true, "يحدث": true, "حدث": true, "يعقل": true, "صار": true,
	"اتفاق": true, "terjadi": true, "mungkin": true, "nangyari": true, "inawezekana": true, "imetokea": true,
	"ilitokea": true, "oldu": true, "olmuş": true, "olabilir": true, "हुआ": true, "हुई": true, "गया": true, "गई": true, "गए": true,
	"know": true, "wissen": true, "weiß": true, "savoir": true, "sais": true, "saber": true, "sé": true,
	"sapere": true, "weten": true, "weet": true, "veta": true, "vet": true, "vide": true,
	"wiedzieć": true, "wiem": true, "vědět": true, "vím": true, "знать": true, "знаю": true, "знати": true,
	"tahu": true, "malaman": true, "malalaman": true, "biết": true, "bilmek": true, "bilirim": true,
	"possible": true, "come": true, "mai": true, "sein": true, "möglich": true, "posible": true, "possível": true, "possibile": true,
	"mogelijk": true, "möjligt": true, "mulig": true, "mahdollista": true, "możliwe": true, "možné": true, "moguće": true,
	"posibil": true, "lehetséges": true, "δυνατόν": true, "возможно": true, "так": true, "можливо": true, "mümkün": true,
})

// shapeRhetoricPhrases are the same in two words: "how can it be that",
// "how come" in the languages that say it so ("hoe kan het dat", "hur
// kommer det sig", "hvordan kan det ha seg", "hogyan lehet az, hogy",
// "πώς γίνεται να", "איך זה יכול להיות", "¿cómo puede ser?").
var shapeRhetoricPhrases = mkFlowWords("het dat", "komt het", "kan dat", "det sig", "komma sig", "det vara", "ha seg",
	"det være", "kommt es", "se fait", "puede ser", "ha pasado", "pode ser", "può essere", "lehet az", "lehet ez",
	"lehet hogy", "γίνεται να", "יכול להיות", "can this", "can that", "could this", "could that")

// shapeRhetoricStarts are read as a word's start: Korean "어떻게 된 …",
// "어떻게 됐 …" (how did it turn out).
var shapeRhetoricStarts = []string{"된", "됐"}

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
	add := func(i, n int, place, sov, opener bool) {
		if sentence[i] == last || !inQuestion(toks, i, sentence) || opener && !clauseAsks(toks, i) ||
			shapeReports(toks, sentence, i, n, place, sov) {
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
			if !foreignOpener(toks, sentence, i) {
				add(i, 1, place, false, true)
			}
		} else if place, ok := shapeWord(shapeAnywhere, t); ok {
			if i == 0 || toks[i-1].w != "yang" { // Indonesian "yang mana": which
				add(i, 1, place, false, false)
			}
		} else if place, ok := shapeWord(shapeInner, t); ok {
			add(i, 1, place, true, false)
		} else {
			for w, place := range shapeInnerStarts {
				if strings.HasPrefix(t.raw, w) {
					add(i, 1, place, true, false)
					break
				}
			}
		}
	}
	for _, h := range findAll(toks, shapeUnspaced) {
		add(h.pos, len(h.phrase), shapeUnspacedPlaces[h.phrase.String()], false, false)
	}
	return out
}

// clauseAsks reports whether a question mark closes the clause the
// opener at i opens: an opener that also means "as", "when" or "since"
// ("Como disse ontem, o pagamento não passa, podem verificar?", "Jak
// klikam …, to aplikacja się zamyka – co mam robić?") asks nothing when
// the question mark ends another clause. A clause joined by "or" goes on
// asking ("Ako to mám zmenšiť, alebo sa to dá poslať inak?").
func clauseAsks(toks []token, i int) bool {
	for k := i; k < len(toks); k++ {
		if k > i && (toks[k].stop || toks[k].brk && !shapeOr[toks[k].f]) {
			return false
		}
		if toks[k].q {
			return true
		}
	}
	return false
}

// shapeOr are the words of "or" in the openers' languages.
var shapeOr = map[string]bool{
	"or": true, "oder": true, "ou": true, "o": true, "u": true, "oppure": true, "of": true, "eller": true, "vai": true,
	"tai": true, "czy": true, "lub": true, "albo": true, "nebo": true, "alebo": true, "ili": true, "sau": true, "vagy": true,
	"ή": true, "или": true, "чи": true, "або": true, "או": true, "atau": true, "au": true, "voi": true, "ar": true,
}

// foreignOpener reports whether the opener at i is another language's
// word in its sentence (shapeForeign).
func foreignOpener(toks []token, sentence []int, i int) bool {
	marks := shapeForeign[toks[i].f]
	if marks == nil {
		return false
	}
	for k := range toks {
		if k != i && sentence[k] == sentence[i] && marks[toks[k].f] {
			return true
		}
	}
	return false
}

// shapeWord looks t up in m as written and folded.
func shapeWord(m map[string]bool, t token) (place, ok bool) {
	if place, ok = m[t.raw]; !ok {
		place, ok = m[t.f]
	}
	return place, ok
}

// shapeIn reports whether t is in m as written or folded.
func shapeIn(m map[string]bool, t token) bool {
	return m[t.raw] || m[t.f]
}

// shapeMissingOnlyAfter are the copulas of shapeMissing that are another
// language's everyday word, with the place words of their own language:
// Finnish and Estonian "on" (is) is English and French "on" ("where on
// the page …", "où on peut …"), Romanian "e" is Italian and Portuguese
// "and".
var shapeMissingOnlyAfter = map[string]map[string]bool{
	"on": {"missä": true, "missa": true, "mistä": true, "mista": true, "mihin": true, "kus": true, "kuhu": true, "minne": true},
	"e":  {"unde": true},
}

// shapeReports reports whether the interrogative of n tokens at i asks
// in a report's shape. A place word: before a copula or a possessive
// (one or two words on), a noun and a possessive that follows it (two
// words on), a verb of going in its past (four words on; anywhere after
// it where the verb closes the sentence, sov), or with nothing after it
// in its sentence ("siparişim nerede?"), or, where the verb does not
// close the sentence (not sov), one word at most ("where is it?", "أين
// طلبي؟"). A manner word: before a word of possibility, happening,
// "come" or knowing, five words on ("how is that even possible?", "how
// do I know if it went through?").
func shapeReports(toks []token, sentence []int, i, n int, place, sov bool) bool {
	end := i + n
	for end < len(toks) && sentence[end] == sentence[i] {
		end++
	}
	for k := i + n; k < end; k++ {
		w, d := toks[k], k-(i+n)+1
		if place {
			only := shapeMissingOnlyAfter[w.f]
			switch {
			case d <= 2 && shapeIn(shapeMissing, w) && (only == nil || only[toks[i].f]),
				d == 2 && shapeIn(shapeMissingAfter, w),
				(d <= 4 || sov) && shapeIn(shapeGone, w):
				return true
			}
			continue
		}
		if d > 5 {
			break
		}
		if shapeIn(shapeRhetoric, w) || shapeRhetoricPhrases.matches(toks, k) {
			return true
		}
		for _, p := range shapeRhetoricStarts {
			if strings.HasPrefix(w.raw, p) {
				return true
			}
		}
	}
	after := end - (i + n)
	return place && (after == 0 || !sov && after <= 1)
}

// shapeClaim is classify's last reading: a ticket in which no failure,
// question or impact word was read, and no contrast or attempt, that asks
// how or where in a question's shape is a how-to question (claimLow).
func shapeClaim(s *signals) (claim, string) {
	if len(s.askShape) == 0 {
		return claimUnknown, ""
	}
	return claimLow, fmt.Sprintf("%s: %s asks how or where, no failure described", shapeReason, quote(s.askShape))
}

// shapeReason opens shapeClaim's reason.
const shapeReason = "how-to question by its shape"

// shapeConfidence is the verdict's confidence when the words' reasons
// are reasons: a verdict the shape alone read is not held with high
// confidence (a question's shape is a guess at what the writer meant).
func shapeConfidence(reasons []string, conf string) string {
	if conf != ConfHigh {
		return conf
	}
	for _, r := range reasons {
		if strings.HasPrefix(r, shapeReason) {
			return ConfMedium
		}
	}
	return conf
}

// lookOnly reports whether a ticket's one-user failure is told of how a
// thing looks: a cosmetic word read ("overlaps", "logo", "cut off") and no
// error shown. Such a report is the cosmetic ticket of the conventions
// (low during any incident): the scorer's verdict stands, and the floor
// of a reported failure (medium) does not raise it.
func lookOnly(f *facts) bool {
	return f.claim == claimOne && len(active(f.sig.cosmetic)) > 0 && !showsError(&f.sig)
}
