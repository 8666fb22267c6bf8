package triage

// Round fifty-one's review: another party's data and someone in the
// account, read in the languages the round added, lent critical to
// questions, requests, negations, a shared account and access given. The
// readings go through the guards the English exposures have had since
// round thirty-eight (negated, askedAt), widened to the sentence: a
// reading is no report when its sentence asks (a question mark, a how-to
// phrase, a question word opening it), requests (a verb of wanting before
// it), or a negator stands before it in its clause.

// sentenceOf returns the bounds [from, to) of the sentence holding toks[i].
func sentenceOf(toks []token, i int) (from, to int) {
	from, to = i, i+1
	for from > 0 && !toks[from].stop {
		from--
	}
	for to < len(toks) && !toks[to].stop {
		to++
	}
	return from, to
}

// sentences numbers each word's sentence.
func sentences(toks []token) []int {
	out := make([]int, len(toks))
	n := 0
	for i := range toks {
		if i > 0 && toks[i].stop {
			n++
		}
		out[i] = n
	}
	return out
}

// askOpeners open a question when they open its sentence, in the
// languages tickets come in ("how", "как", "jak", "nasıl", "كيف", "איך").
var askOpeners = map[string]bool{"how": true, "where": true, "nasıl": true, "как": true, "як": true, "jak": true,
	"كيف": true, "هل": true, "איך": true, "איפה": true, "אפשר": true, "hoe": true, "waar": true, "kan": true, "comment": true,
	"come": true, "cómo": true, "como": true, "wie": true, "bagaimana": true, "bisakah": true, "dapatkah": true, "posso": true,
	"puedo": true, "podemos": true, "possiamo": true, "pouvez": true, "können": true, "kann": true, "можно": true, "можна": true, "apakah": true, "क्या": true}

// askPhrases anywhere in a sentence ask or request rather than tell:
// the verbs of wanting and asking to be shown how, and the past a thing
// happened in ("last year": no report of now).
var askPhrases = mkFlowWords("want to", "would like", "id like", "chcę", "chciałbym", "chciałabym", "chcemy", "хочу", "хотим",
	"хочемо", "möchte", "möchten", "wil graag", "willen graag", "quiero", "queremos", "quisiera", "vorrei", "vogliamo",
	"gostaria", "quero", "queremos", "istiyorum", "istiyoruz", "أريد", "نريد", "أرجو", "רוצה", "רוצים", "ingin", "souhaite",
	"voudrais", "したい", "教えて", "想要", "请问", "싶어요", "싶습니다",
	"last year", "last month", "a year ago", "минулого року", "в прошлом году", "geçen yıl", "lannée dernière",
	"el año pasado", "no ano passado", "lanno scorso", "vorig jaar", "letztes jahr", "w zeszłym roku", "tahun lalu",
	"العام الماضي", "السنة الماضية", "בשנה שעברה", "去年", "昨年", "작년")

// pleaseDo are the verbs of arranging after an opening "please": "please
// make the invoice show another company's name" asks for it.
var pleaseDo = map[string]bool{"make": true, "add": true, "put": true, "set": true, "change": true, "transfer": true,
	"move": true, "let": true, "merge": true, "link": true, "register": true}

// askedSentence reports whether the sentence holding toks[i] asks or
// requests: a question word opens it, or a how-to, wanting or asking
// phrase stands in it.
func askedSentence(toks []token, i int) bool {
	from, to := sentenceOf(toks, i)
	if askOpeners[toks[from].raw] || askOpeners[toks[from].f] || questionOpeners[toks[from].w] ||
		toks[from].w == "please" && from+1 < to && pleaseDo[toks[from+1].w] {
		return true
	}
	return len(findAll(toks[from:to], askPhrases))+len(findAll(toks[from:to], howtoWords)) > 0
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

// deniedBefore reports whether a negator stands within four words before
// toks[i] in its clause ("мы не видим данные другого", "لا أرى بيانات
// عميل آخر"); Portuguese "no" before a possessive is "in the".
func deniedBefore(toks []token, clause []int, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4 && clause[k] == clause[i]; k-- {
		w := toks[k].w
		if w == "no" && k+1 < len(toks) && ownWords[toks[k+1].raw] {
			continue
		}
		if negators[w] || foreignNegators[w] || foreignNegators[toks[k].raw] {
			return true
		}
	}
	return false
}

// turkishNegated reports whether a verb negated in itself follows the
// Turkish other-party word at i in its clause ("görmüyoruz", "görünmedi").
func turkishNegated(toks []token, clause []int, i int) bool {
	for k := i + 1; k < len(toks) && clause[k] == clause[i]; k++ {
		if containsAny(toks[k].f, []string{"miyor", "muyor", "mıyor", "müyor", "medi", "madi", "mamis", "memis"}) {
			return true
		}
	}
	return false
}

// sharedAccount reports whether the sentence holding toks[i] says the
// account is shared ("we share one account, so I see another member's
// orders"): what the others in it did is no one else's.
func sharedAccount(toks []token, i int) bool {
	from, to := sentenceOf(toks, i)
	for k := from; k < to; k++ {
		if toks[k].w != "share" && toks[k].w != "shared" && toks[k].w != "sharing" {
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

// notTold reports whether another party's data read at i is not told as
// seen: denied, asked, requested or in a shared account.
func notTold(toks []token, clause []int, i int) bool {
	return negated(toks, i) || askedAt(toks, i) || deniedBefore(toks, clause, i) || askedSentence(toks, i) || sharedAccount(toks, i)
}

// ownWords are the first-person possessives: "someone on my team",
// "alguém da minha família", "хтось з моєї родини", "מהצוות שלנו"
// name one of the writer's own people; "данные другого моего аккаунта"
// the writer's own other account.
var ownWords = map[string]bool{"my": true, "our": true, "mio": true, "mia": true, "miei": true, "nostro": true, "nostra": true,
	"minha": true, "meu": true, "nossa": true, "nosso": true, "mi": true, "mis": true, "nuestro": true, "nuestra": true,
	"mon": true, "ma": true, "notre": true, "mein": true, "meiner": true, "meinem": true, "unser": true, "unserem": true,
	"unserer": true, "mijn": true, "onze": true, "mój": true, "mojej": true, "mojego": true, "moich": true, "naszej": true,
	"naszego": true, "моей": true, "моего": true, "моих": true, "нашей": true, "нашего": true, "моєї": true, "мого": true,
	"моїх": true, "нашої": true, "нашого": true, "mého": true, "mojho": true, "שלי": true, "שלנו": true}

// permittedPhrases give access or tell of help: "with my permission",
// "з мого дозволу", "بإذني", "para me ajudar", "thanks for the help".
var permittedPhrases = mkFlowWords("permission", "permiso", "permissão", "permesso", "toestemming", "erlaubnis", "дозвол*",
	"разрешени*", "zgodą", "izniyle", "iznimle", "بإذني", "بإذن", "ברשות", "अनुमति", "to help", "para me ajudar",
	"para ayudarme", "per aiutarmi", "um mir zu helfen", "om me te helpen", "żeby mi pomóc", "щоб допомогти",
	"чтобы помочь", "لمساعدتي", "כדי לעזור", "thanks for the help", "gracias por la ayuda", "obrigado pela ajuda",
	"obrigada pela ajuda", "grazie per laiuto")

// takeoverNotTold reports whether someone in the account read at i, with
// its verb at getIn, is not told as a stranger's: asked, denied, in the
// past, access given, or the someone one of the writer's own ("someone on
// my team", a first-person possessive between them that is not the
// account's nor a sign-in detail's).
func takeoverNotTold(toks []token, clause []int, i, getIn int) bool {
	if negated(toks, i) || deniedBefore(toks, clause, i) || askedSentence(toks, i) {
		return true
	}
	raws := rawWords(toks)
	for k := i + 1; k < getIn; k++ {
		if ownWords[toks[k].raw] && k+1 < len(toks) && !accountNoun(toks[k+1].raw) && !credentialAt(raws, k+1) {
			return true
		}
	}
	from, to := sentenceOf(toks, i)
	return len(findAll(toks[from:to], permittedPhrases)) > 0
}
