package triage

import (
	"slices"
	"strings"
)

// Round fifty-one's review: another party's data and someone in the
// account, read in the languages the round added, lent critical to
// questions, requests, negations, a shared account and access given. The
// readings go through the guards the English exposures have had since
// round thirty-eight (negated, askedAt), widened to the sentence: a
// reading is no report when its sentence asks (a question mark, a how-to
// phrase, a question word opening it), requests (a verb of wanting before
// it), or a negator stands before it in its clause.
//
// Mended after a read-through: those guards had taken over the English
// exposure reading too and made real reports non-critical. The English
// reading keeps its own guard (englishNotTold); a wish to report, "since
// last year", "please let me know", a denied sharing, "to help
// themselves", Italian "mi", Polish and Italian "ma" and an opening "wie
// gesagt," no longer count as asked, shared, helped or one's own.

// askOpeners open a question when they open its sentence, in the
// languages tickets come in ("how", "как", "jak", "nasıl", "كيف", "איך").
var askOpeners = map[string]bool{"how": true, "where": true, "nasıl": true, "как": true, "як": true, "jak": true,
	"كيف": true, "هل": true, "איך": true, "איפה": true, "אפשר": true, "hoe": true, "waar": true, "kan": true, "comment": true,
	"come": true, "cómo": true, "como": true, "wie": true, "bagaimana": true, "bisakah": true, "dapatkah": true, "posso": true,
	"puedo": true, "podemos": true, "possiamo": true, "pouvez": true, "können": true, "kann": true, "можно": true, "можна": true, "apakah": true, "क्या": true}

// askPhrases anywhere in a sentence ask or request rather than tell:
// the verbs of wanting and asking to be shown how, and the past a thing
// happened in ("last year": no report of now).
//
// Mended after a read-through: not a wish to report ("I want to report
// that …", reportFollows), not "since last year", and no "last month".
var askPhrases = mkFlowWords("want to", "would like", "id like", "chcę", "chciałbym", "chciałabym", "chcemy", "хочу", "хотим",
	"хочемо", "möchte", "möchten", "wil graag", "willen graag", "quiero", "queremos", "quisiera", "vorrei", "vogliamo",
	"gostaria", "quero", "istiyorum", "istiyoruz", "أريد", "نريد", "أرجو", "רוצה", "רוצים", "ingin", "souhaite",
	"voudrais", "したい", "教えて", "想要", "请问", "싶어요", "싶습니다",
	"last year", "a year ago", "минулого року", "в прошлом году", "geçen yıl", "lannée dernière",
	"el año pasado", "no ano passado", "lanno scorso", "vorig jaar", "letztes jahr", "w zeszłym roku", "tahun lalu",
	"العام الماضي", "السنة الماضية", "בשנה שעברה", "去年", "昨年", "작년")

// pleaseDo are the verbs of arranging after an opening "please": "please
// make the invoice show another company's name" asks for it.
var pleaseDo = map[string]bool{"make": true, "add": true, "put": true, "set": true, "change": true, "transfer": true,
	"move": true, "let": true, "merge": true, "link": true, "register": true}

// reportWords tell rather than ask when they follow a verb of wanting
// ("I want to report that …", "ich möchte melden, dass …") or stand right
// before it ("bildirmek istiyorum").
var reportWords = map[string]bool{"report": true, "tell": true, "inform": true, "notify": true, "mention": true,
	"flag": true, "say": true, "alert": true, "warn": true, "zgłosić": true, "poinformować": true,
	"сообщить": true, "повідомити": true, "melden": true, "mitteilen": true, "informar": true, "reportar": true,
	"avisar": true, "comunicar": true, "segnalare": true, "informare": true, "signaler": true, "informer": true,
	"bildirmek": true, "melding": true, "laporkan": true, "melaporkan": true, "الإبلاغ": true, "להודיע": true, "לדווח": true}

// sinceWords before a past ("since last year") tell of a thing still on.
var sinceWords = map[string]bool{"since": true, "seit": true, "desde": true, "depuis": true, "sinds": true, "sejak": true,
	"od": true, "с": true, "з": true, "dal": true, "dallo": true}

// reportFollows reports whether the ask phrase of n words at toks[k]
// tells: a report word within two words after it or right before it, or
// a since word before it.
func reportFollows(toks []token, k, n int) bool {
	if k > 0 && (reportWords[toks[k-1].w] || sinceWords[toks[k-1].w]) {
		return true
	}
	for j := k + n; j < len(toks) && j < k+n+2 && !toks[j].stop; j++ {
		if reportWords[toks[j].w] || reportWords[toks[j].raw] {
			return true
		}
	}
	return false
}

// ambiguousOpeners are question words that also open an "as": "wie
// gesagt", "come detto", "como eu disse", "kan" and "kann" a modal of
// telling. They open a question only when neither a comma nor a word of
// saying follows within three words.
var ambiguousOpeners = map[string]bool{"wie": true, "come": true, "como": true, "comment": true, "kan": true, "kann": true}

// saidWords tell after an "as": "wie gesagt", "come detto", "como dije".
var saidWords = map[string]bool{"gesagt": true, "erwähnt": true, "geschrieben": true, "detto": true, "scritto": true,
	"disse": true, "dissi": true, "dije": true, "dicho": true, "escrito": true, "dit": true, "said": true, "gezegd": true}

// openerAsks reports whether the word opening the sentence [from, to)
// opens a question.
func openerAsks(toks []token, from, to int) bool {
	t := toks[from]
	if !askOpeners[t.raw] && !askOpeners[t.f] && !questionOpeners[t.w] {
		return false
	}
	if ambiguousOpeners[t.raw] || ambiguousOpeners[t.f] {
		for j := from + 1; j < to && j <= from+3; j++ {
			if toks[j].brk || saidWords[toks[j].w] || reportWords[toks[j].w] {
				return false
			}
		}
	}
	return true
}

// pleaseArranges reports whether the sentence [from, to) opens with
// "please" and a verb of arranging; "please let me know" asks to be told,
// arranges nothing.
func pleaseArranges(toks []token, from, to int) bool {
	if toks[from].w != "please" || from+1 >= to || !pleaseDo[toks[from+1].w] {
		return false
	}
	return toks[from+1].w != "let" || from+3 >= to || toks[from+3].w != "know"
}

// askedSentence reports whether the sentence holding toks[i] asks or
// requests: a question word opens it, or a how-to, wanting or asking
// phrase stands in it.
func askedSentence(toks []token, i int) bool {
	from, to := sentenceOf(toks, i)
	if openerAsks(toks, from, to) || pleaseArranges(toks, from, to) {
		return true
	}
	for _, h := range findAll(toks[from:to], askPhrases) {
		if !reportFollows(toks, from+h.pos, len(h.phrase)) {
			return true
		}
	}
	return len(findAll(toks[from:to], howtoWords)) > 0
}

// questionMarked reports whether a question mark ends the sentence
// holding toks[i]. The round's grammatical readings take it as a
// question ("başka bir şirketin adına kesebilir misiniz?"); the older
// ones do not, since writers end reports with one too ("känsliga
// uppgifter om en annan kund?", "someone else's order confirmation??").
func questionMarked(toks []token, i int) bool {
	from, to := sentenceOf(toks, i)
	for k := from; k < to; k++ {
		if toks[k].q {
			return true
		}
	}
	return false
}

// portugueseAfterNo are the possessives Portuguese "no" (in the) stands
// before: "no meu perfil", "no nosso painel". The feminine takes "na";
// Spanish "no mi", "no mis", "no nuestro" deny.
var portugueseAfterNo = map[string]bool{"meu": true, "nosso": true}

// deniedBefore reports whether a negator stands within four words before
// toks[i] in its clause ("мы не видим данные другого", "لا أرى بيانات
// عميل آخر"); Portuguese "no" before a possessive is "in the".
func deniedBefore(toks []token, clause []int, i int) bool {
	return inNumberedClauseBefore(clause, i, 4, func(k int) bool {
		w := toks[k].w
		if w == "no" && k+1 < len(toks) && portugueseAfterNo[toks[k+1].raw] {
			return false
		}
		return negators[w] || foreignNegators[w] || foreignNegators[toks[k].raw]
	})
}

// turkishNegativeVerbs are the endings of a Turkish verb negated in itself,
// matched in the folded word (folding makes "mıyor" and "müyor" "miyor"
// and "muyor").
var turkishNegativeVerbs = []string{"miyor", "muyor", "medi", "madi", "mamis", "memis"}

// turkishPersonEndings may follow a negated verb's ending at the end of
// the word, folded: the person ("görmedik", "göremiyoruz", "görmediler")
// and a past after a present or a hearsay ("görmüyordu", "gelmemişti").
// Round fifty-two's review: the formal copula ("gösterilmemiştir") and
// a participle with its person ("görmediğimiz", "görmediği").
var turkishPersonEndings = []string{"", "m", "n", "k", "um", "im", "uz", "iz", "sun", "sin", "niz", "nuz", "sunuz", "siniz",
	"lar", "ler", "du", "dum", "duk", "dunuz", "ti", "tim", "tik", "di", "dim", "dik",
	"tir", "tur", "dir", "dur", "gi", "gim", "gin", "gimiz", "giniz"}

// turkishNegatedVerb reports whether the folded word ends in a Turkish
// negated verb: one of turkishNegativeVerbs and a person ending after
// it, so that "Madison", "medikal", "comedian" or "immediately" deny
// nothing.
func turkishNegatedVerb(f string) bool {
	for _, v := range turkishNegativeVerbs {
		if i := strings.LastIndex(f, v); i >= 0 && slices.Contains(turkishPersonEndings, f[i+len(v):]) {
			return true
		}
	}
	return false
}

// turkishNegated reports whether a verb negated in itself follows the
// Turkish other-party word at i in its clause ("görmüyoruz", "görünmedi").
// A name written with a capital after the sentence's first word is no
// verb, though it ends as one ("Hamedi ailesine ait").
func turkishNegated(toks []token, clause []int, i int) bool {
	for k := i + 1; k < len(toks) && clause[k] == clause[i]; k++ {
		if toks[k].name && !toks[k].stop && k > 0 {
			continue
		}
		if turkishNegatedVerb(toks[k].f) {
			return true
		}
	}
	return false
}

// sharedAccount reports whether the sentence holding toks[i] says the
// account is shared ("we share one account, so I see another member's
// orders"): what the others in it did is no one else's. Mended after a
// read-through: not when a negator stands before the sharing ("we do not
// share the account with anyone, yet …"). Round fifty-two: in its clause,
// as negated reads it; "No, we share one account" shares it.
func sharedAccount(toks []token, i int) bool {
	from, to := sentenceOf(toks, i)
	for k := from; k < to; k++ {
		if toks[k].w != "share" && toks[k].w != "shared" && toks[k].w != "sharing" || negated(toks, k) {
			continue
		}
		for j := k + 1; j < to && j <= k+4; j++ {
			if accountNoun(toks[j].raw) {
				return true
			}
		}
	}
	return false
}

// englishNotTold is the English exposure reading's guard: the one it has
// had since round thirty-eight (negated, askedAt), and of round
// fifty-one's sentence guards only the asking sentence and the shared
// account its review's English probes need. Mended after a read-through:
// notTold's other guards are no longer the English reading's.
func englishNotTold(toks []token, i int) bool {
	return negated(toks, i) || askedAt(toks, i) || askedSentence(toks, i) || sharedAccount(toks, i)
}

// notTold reports whether another party's data read at i is not told as
// seen: denied, asked, requested or in a shared account.
func notTold(toks []token, clause []int, i int) bool {
	return negated(toks, i) || askedAt(toks, i) || deniedBefore(toks, clause, i) || askedSentence(toks, i) || sharedAccount(toks, i)
}

// ownWords are the first-person possessives: "someone on my team",
// "alguém da minha família", "хтось з моєї родини", "מהצוות שלנו"
// name one of the writer's own people; "данные другого моего аккаунта"
// the writer's own other account. Italian "mi" (me) and "ma" (but),
// Polish "ma" (has) are no possessive: those two count after a
// preposition only ("alguien de mi equipo", "quelqu'un de ma famille").
var ownWords = map[string]bool{"my": true, "our": true, "mio": true, "mia": true, "miei": true, "nostro": true, "nostra": true,
	"minha": true, "meu": true, "nossa": true, "nosso": true, "mi": true, "mis": true, "nuestro": true, "nuestra": true,
	"mon": true, "ma": true, "notre": true, "mein": true, "meiner": true, "meinem": true, "unser": true, "unserem": true,
	"unserer": true, "mijn": true, "onze": true, "mój": true, "mojej": true, "mojego": true, "moich": true, "naszej": true,
	"naszego": true, "моей": true, "моего": true, "моих": true, "нашей": true, "нашего": true, "моєї": true, "мого": true,
	"моїх": true, "нашої": true, "нашого": true, "mého": true, "mojho": true, "שלי": true, "שלנו": true}

// permittedPhrases give access or tell of help: "with my permission",
// "з мого дозволу", "بإذني", "para me ajudar", "thanks for the help".
var permittedPhrases = mkFlowWords("permission", "permiso", "permissão", "permesso", "toestemming", "erlaubnis", "дозвол*",
	"разрешени*", "zgodą", "izniyle", "iznimle", "بإذني", "بإذن", "ברשות", "अनुमति", "to help me", "to help us", "para me ajudar",
	"para ayudarme", "per aiutarmi", "um mir zu helfen", "om me te helpen", "żeby mi pomóc", "щоб допомогти",
	"чтобы помочь", "لمساعدتي", "כדי לעזור", "thanks for the help", "gracias por la ayuda", "obrigado pela ajuda",
	"obrigada pela ajuda", "grazie per laiuto")

// ambiguousOwn are possessives that are other words in other languages;
// ownPreps the prepositions that make them possessives.
var (
	ambiguousOwn = map[string]bool{"mi": true, "ma": true}
	ownPreps     = map[string]bool{"de": true, "del": true, "en": true, "dans": true, "da": true, "di": true, "con": true,
		"avec": true, "par": true, "por": true, "para": true, "pour": true, "sur": true}
)

// takeoverNotTold reports whether someone in the account read at i, with
// its verb at getIn, is not told as a stranger's: asked, denied, in the
// past, access given, or the someone one of the writer's own ("someone on
// my team", a first-person possessive between them that is not the
// account's nor a sign-in detail's). raws are the tokens' raw words.
func takeoverNotTold(toks []token, raws []string, clause []int, i, getIn int) bool {
	if negated(toks, i) || deniedBefore(toks, clause, i) || askedSentence(toks, i) {
		return true
	}
	for k := i + 1; k < getIn; k++ {
		if ownWords[toks[k].raw] && (!ambiguousOwn[toks[k].raw] || ownPreps[toks[k-1].w]) && k+1 < len(toks) && !accountNoun(toks[k+1].raw) && !credentialAt(raws, k+1) {
			return true
		}
	}
	return sentenceHas(toks, i, permittedPhrases)
}
