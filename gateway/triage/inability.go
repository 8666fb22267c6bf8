package triage

import "slices"

// inabilityWords are the writer's own inability ("I can't", "I couldn't",
// "we can't") and a page or app that will not load, told in the languages
// tickets come in. In English "I can't sign in" carries the failure word
// "cant"; the same sentence in Spanish, Italian, French, Portuguese,
// Swedish's inverted order, Greek, Arabic, Indonesian, … was read only as
// the writer's scope (selfWords) and, with no failure word beside it, as
// no claim at all ("No puedo iniciar sesión" low on clean logs). Read
// here, they are what "cant" is: a failure word.
//
// Not learned (mkFlowWords): the words of these languages the lists read
// already count as read text, and a language the lists do not read
// otherwise is not made "read" by one phrase.
var inabilityWords = mkFlowWords(
	// Spanish, Catalan
	"no puedo", "no pude", "no he podido", "no consigo", "no conseguí", "no logro", "no pudimos", "no hemos podido",
	"no carga la", "no puc", "no vaig poder",
	// Italian
	"non riesco", "non sono riuscito", "non sono riuscita", "non posso", "non ho potuto", "non siamo riusciti",
	"non possiamo", "non abbiamo potuto", "non si carica", "non si caricano", "non carica", "continua a fallire",
	// French
	"je narrive pas", "je narrive plus", "je ne peux pas", "je ne peux plus", "je nai pas pu", "je nai pas réussi",
	"je ne parviens pas", "nous ne pouvons pas", "nous narrivons pas", "nous navons pas pu", "ne charge pas",
	"ne se charge pas", "ne charge plus", "ne se charge plus",
	// Portuguese
	"não consigo", "não consegui", "não posso", "não pude", "não conseguimos", "não carrega",
	// Swedish, Danish, Norwegian: the inverted order after a time or place
	"kan jag inte", "kunde jag inte", "kan vi inte", "kunde vi inte", "laddar inte", "laddas inte",
	"kan jeg ikke", "kunne jeg ikke", "kan vi ikke", "kunne vi ikke", "indlæser ikke", "laster ikke",
	// German, Dutch: the inverted order and "will not load"
	"kann ich nicht", "können wir nicht", "konnten wir nicht", "lädt nicht", "laden nicht", "laadt niet", "laden niet",
	"kan ik niet", "kon ik niet", "kunnen we niet", "konden we niet",
	// Finnish, Czech, Slovak, Polish
	"en voi", "en voinut", "emme voi", "emme pysty", "nemohu", "nemohl*", "nepodařilo se mi", "nenačítá", "nenačte",
	"nemôžem", "nepodarilo sa mi", "nie mogłem", "nie mogłam", "nie udało mi się", "nie udało nam się", "nie ładuje",
	"nie ładują", "nie wczytuje",
	// Russian, Ukrainian, Bulgarian
	"не смог", "не смогла", "не смогли", "не удалось", "не загружается", "не загружаются", "не грузится",
	"не мога", "не можах", "не успях", "не зміг", "не змогла", "не вдалося", "не завантажується",
	// Romanian, Hungarian, Croatian and Serbian in Latin script
	"nu am putut", "nu reușesc", "nu am reușit", "nu se încarcă", "nem tudtam", "nem töltődik be", "nem tölt be",
	"nisam mogao", "nisam mogla", "nisam uspio", "nisam uspjela", "ne učitava",
	// Turkish
	"yüklenmiyor",
	// Greek
	"δεν μπορώ", "δεν μπορούσα", "δεν μπόρεσα", "δεν μπορούμε", "δεν καταφέρνω", "δεν κατάφερα", "δεν φορτώνει",
	// Indonesian, Vietnamese
	"tidak bisa", "tidak dapat", "gak bisa", "nggak bisa", "ga bisa", "enggak bisa", "tdk bisa", "không thể",
	// Arabic, Hebrew
	"لا أستطيع", "لا استطيع", "لم أستطع", "لم استطع", "لا نستطيع", "لم نستطع", "لا يمكنني", "لم أتمكن", "لم اتمكن",
	"לא מצליח", "לא מצליחה", "לא מצליחים", "לא הצלחתי", "לא הצלחנו", "לא יכול", "לא יכולה", "לא נטען",
	// Hindi and Hinglish: "I can't", "it doesn't happen"; Swahili
	"nahi kar pa*", "nahin kar pa*", "nahi ho pa*", "नहीं कर पा*", "नहीं हो पा*", "nahi ho raha", "nahin ho raha",
	"nahi ho rahi", "nahin ho rahi", "नहीं हो रहा", "नहीं हो रही",
	"siwezi", "hatuwezi", "sikuweza",
	// Japanese, Chinese
	"読み込まれません", "読み込めません", "読み込めない", "加载不出来", "加载不出",
)

// notInability are the verbs after "I can't" that make it no failure:
// a how-to ("no encuentro dónde…" is read elsewhere; "non riesco a trovare
// dove…", "je n'arrive pas à trouver où…"), and "can't wait", "can't
// believe".
var notInability = map[string]bool{
	"encontrar": true, "hallar": true, "trovare": true, "trouver": true, "hitta": true, "finde": true, "finden": true,
	"vinden": true, "finne": true, "löytää": true, "najít": true, "nájsť": true, "znaleźć": true, "найти": true,
	"знайти": true, "намеря": true, "găsi": true, "gasi": true, "pronaći": true, "naći": true, "megtalálni": true,
	"βρω": true, "menemukan": true, "temukan": true, "nemu": true, "tìm": true, "أجد": true, "اجد": true,
	"למצוא": true, "esperar": true, "aspettare": true, "attendre": true, "vänta": true, "vente": true, "warten": true,
	"wachten": true, "czekać": true, "дождаться": true, "dočkat": true, "creer": true, "credere": true, "croire": true,
	"acreditar": true, "glauben": true, "geloven": true, "uwierzyć": true, "поверить": true,
	// Review of round 102: understanding ("no consigo entender cómo…",
	// a how-to), being somewhere ("non posso essere a casa alle 9": a
	// slot to move), holding back ("no pude resistirme": praise) and the
	// Finnish "en voi muuta kuin" (I can but …: "en voi muuta kuin
	// kiittää", thanks).
	"entender": true, "comprender": true, "capire": true, "comprendere": true, "comprendre": true, "perceber": true,
	"καταλάβω": true, "verstehen": true, "begrijpen": true, "förstå": true, "forstå": true, "ymmärtää": true,
	"zrozumieć": true, "понять": true, "înțelege": true, "memahami": true, "mengerti": true, "essere": true, "être": true,
	"etre": true, "estar": true, "stare": true, "sein": true, "vara": true, "være": true, "zijn": true, "być": true,
	"resistir": true, "resistirme": true, "resistere": true, "résister": true, "resistirse": true, "muuta": true,
}

// normalState are the words that tell the inability is the service
// working as it should: the bank declined the card, the funds did not
// cover it, every slot is taken. Review of round 102: "não consegui
// pagar: o banco recusou o cartão por saldo insuficiente" is no failure.
var normalState = mkFlowWords(
	"saldo insuficiente", "saldo insufficiente", "fondos insuficientes", "fondi insufficienti", "fonds insuffisants",
	"fundos insuficientes", "täckning saknas", "unzureichende deckung", "keine deckung", "dana tidak cukup",
	"saldo tidak cukup", "رصيد غير كاف", "недостаточно средств", "brak środków", "fonduri insuficiente",
	"banco recusou", "banco rechazó", "banca ha rifiutato", "banque a refusé", "bank hat abgelehnt",
	"completos", "completas", "completi", "complets", "esgotados", "esgotadas", "agotados", "ausgebucht",
	"fullbokade", "fullbokat", "tutti occupati", "todos ocupados",
)

// weUnableWords are the inability phrases told by "we": a firm or an
// office speaking for its staff ("no pudimos", "non possiamo", "لا
// نستطيع"). They are the many's failure, not one writer's (weUnable).
var weUnableWords = mkFlowWords(
	"no pudimos", "no hemos podido", "non siamo riusciti", "non possiamo", "non abbiamo potuto", "nous ne pouvons pas",
	"nous narrivons pas", "nous navons pas pu", "não conseguimos", "kan vi inte", "kunde vi inte", "kan vi ikke",
	"kunne vi ikke", "können wir nicht", "konnten wir nicht", "kunnen we niet", "konden we niet", "emme voi",
	"emme pysty", "nie udało nam się", "не смогли", "δεν μπορούμε", "لا نستطيع", "لم نستطع", "לא מצליחים",
	"לא הצלחנו", "hatuwezi",
)

// weUnable are the writer's "we" inabilities read as failure words in
// toks: the firm's staff blocked. Review of round 102: they do not make
// the failure one writer's (the desk's high still lifts it, deskOutage).
func weUnable(toks []token) []hit {
	we := findAll(toks, weUnableWords)
	return dropHits(we, func(w hit) bool {
		return !slices.ContainsFunc(writerUnable(toks), func(h hit) bool { return h.pos == w.pos })
	})
}

// withInability adds to the failure hits hs the writer's inability read
// in toks, where no failure word already stands at its place.
func withInability(toks []token, hs []hit) []hit {
	for _, h := range writerUnable(toks) {
		if !slices.ContainsFunc(hs, func(f hit) bool { return f.pos == h.pos }) {
			hs = append(hs, h)
		}
	}
	return hs
}

// writerUnable finds inabilityWords in toks, except where a verb of
// notInability follows within three words of the phrase, in its clause;
// and the Vietnamese "không … được" (vietCannot).
//
// Review of round 102: nor in a clause that asks ("varför kan jag inte
// välja …?", "non possiamo pagare con Satispay?": clauseAsks, as
// severityshape.go reads it), nor in a sentence
// that tells a normal state (normalState).
func writerUnable(toks []token) []hit {
	return dropHits(append(findAll(toks, inabilityWords), vietCannot(toks)...), func(h hit) bool {
		return inClauseFrom(toks, h.pos+len(h.phrase), 3, func(k int) bool {
			return notInability[toks[k].w] || notInability[toks[k].raw]
		}) || clauseAsks(toks, h.pos) || sentenceHas(toks, h.pos, normalState)
	})
}

// vietCannot reads the Vietnamese "cannot", "không" and "được" around the
// verb ("không đăng nhập được", "không tải được"), up to three words
// apart in one clause; not "được không", the question's "can I …?"
// ("Không biết đổi vé được không?").
func vietCannot(toks []token) []hit {
	var out []hit
	for i, t := range toks {
		// "không ngờ … được": did not expect to (praise, review of round
		// 102), no inability.
		if t.raw != "không" || i+1 < len(toks) && toks[i+1].raw == "ngờ" {
			continue
		}
		for k := i + 2; k < len(toks) && k <= i+4 && !toks[k].brk; k++ {
			if toks[k].raw != "được" {
				continue
			}
			if k+1 < len(toks) && !toks[k+1].brk && toks[k+1].raw == "không" {
				break
			}
			out = append(out, hit{phrase: phrase{"không", "được"}, pos: i, neg: negated(toks, i)})
			break
		}
	}
	return out
}
