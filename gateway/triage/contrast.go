package triage

import (
	"fmt"
	"slices"
	"unicode/utf8"
)

// Round sixty-seven: a failure told by contrast. Many writers describe
// what they see without a word the failure lists know ("the app just
// spins", "me sale «No se ha podido aplicar el cupón»", "巡回中のまま")
// and then set it against what works: others ("my husband can log in fine
// on his phone", "A otros clientes les funciona", "其他订单的买家都收到了",
// "Mere bhai ka aa gaya") or the usual ("Raniše prykhodyly odrazu",
// "Inače ide odmah", "April is opening fine"). That contrast is grammar,
// not a service's or a world's words: someone (or something, or an
// earlier time) for whom it works, in the same sentence as a word that it
// works. It says the writer's own case fails; with no failure, question or
// impact word read, classify reads it as a failure for one or a few users
// (or, with a stated share, partial failure), which the labels rate medium
// on clean logs. None of the lists is learned as read text (mkFlowWords):
// a ticket the layer largely cannot read stays unread.

// contrastOthers name someone or something besides the writer's own case:
// other people, everyone else, another product, order or place, and the
// writer's family and friends.
var contrastOthers = mkFlowWords(
	"others", "other", "everyone else", "everybody else", "the rest", "my husband", "my wife", "my friend", "my friends",
	"my colleague", "my colleagues", "my brother", "my sister", "my partner",
	"andere", "anderen", "alle anderen", "mein mann", "meine frau", "meinem mann", "meiner frau", "autres", "les autres", "mon mari", "ma femme",
	"otros", "otras", "los demás", "las demás", "mi marido", "mi esposo", "mi mujer", "mis compañeros", "mis amigos",
	"outros", "outras", "os outros", "o meu marido", "meu marido", "altri", "altre", "gli altri", "mio marito", "mia moglie",
	"mijn man", "mijn vrouw", "andra", "övriga", "min man", "min fru", "andre", "øvrige",
	"inni", "innych", "inne", "pozostałe", "pozostali", "mój mąż", "moja żona", "ostali", "ostale", "drugi", "druge",
	"ostatní", "ostatni", "alții", "ceilalți", "celelalte", "diğer*", "başka", "другие", "другим", "остальные",
	"інші", "іншим", "решта", "μου άλλοι", "οι άλλοι", "a többi", "muut", "muiden",
	"其他", "别的", "別的", "其它", "他の", "ほかの", "다른", "คนอื่น", "อื่น", "người khác", "yang lain", "teman",
	"दूसरे", "बाकी", "אחרים", "אחרות", "الآخرين", "أخرى")

// contrastUsual name the usual or an earlier time: it worked then.
var contrastUsual = mkFlowWords(
	"usually", "normally", "always", "before", "previously", "until now", "last month", "last week", "otherwise",
	"normalerweise", "sonst", "immer", "bisher", "vorher", "d'habitude", "habituellement", "normalement", "avant", "toujours",
	"normalmente", "siempre", "antes", "sempre", "di solito", "normaal", "meestal", "altijd", "vroeger",
	"vanligtvis", "vanligen", "alltid", "tidigare", "vanligvis", "normalt", "før", "tidligere", "zwykle", "zawsze", "wcześniej",
	"obično", "inače", "uvijek", "obvykle", "vždy", "dříve", "de obicei", "înainte", "întotdeauna", "genellikle", "normalde",
	"her zaman", "обычно", "всегда", "раньше", "раніше", "зазвичай", "завжди", "συνήθως", "πάντα", "általában", "mindig",
	"korábban", "yleensä", "aina", "aiemmin", "以前", "之前", "平时", "平時", "通常", "いつも", "普段", "以前は", "보통", "평소*",
	"항상", "ปกติ", "bình thường", "thường", "biasanya", "selalu", "sebelumnya", "आमतौर", "हमेशा", "पहले", "pehle", "hamesha",
	"בדרך כלל", "תמיד", "عادة", "دائما", "دائماً")

// contrastFine say that it works: fine, normal, as it should, at once.
// A word shared by several languages ("normal", "funciona") is written
// once: a set holding it twice finds it twice.
var contrastFine = mkFlowWords(
	"fine", "ok", "okay", "works", "work", "worked", "working", "normal", "normally", "no problem", "without problems",
	"through", "immediately", "straight away", "right away", "instantly", "as usual", "arrived", "get through",
	"funktioniert", "funktionieren", "geht", "gehen", "klappt", "problemlos", "ohne probleme", "sofort", "angekommen",
	"fonctionne", "fonctionnent", "marche", "marchent", "passe", "passent", "sans problème", "immédiatement", "normalement", "reçu",
	"funciona", "funcionan", "sin problema*", "sí", "inmediatamente", "normalmente", "llegan", "llega",
	"funcionam", "sem problema*", "imediatamente", "chegam", "chega",
	"funziona", "funzionano", "senza problemi", "subito", "attivi", "attivo", "arrivano",
	"werkt", "werken", "prima", "gewoon", "zonder problemen", "meteen", "direct", "kwam", "komen",
	"fungerar", "funkar", "utan problem", "direkt", "virker", "fungerer", "uden problemer", "med det samme", "kom",
	"działa", "działają", "normalnie", "bez problemu", "od razu", "przychodzą", "funguje", "fungují", "normálně", "hned",
	"radi", "rade", "ide", "odmah", "normalno", "merge", "funcționează", "imediat", "çalışıyor", "sorunsuz", "hemen",
	"работает", "работают", "нормально", "сразу", "приходят", "приходили", "працює", "працюють", "одразу", "відразу",
	"λειτουργεί", "κανονικά", "αμέσως", "működik", "rendben", "azonnal", "toimii", "normaalisti", "heti",
	"正常", "收到了", "没问题", "沒問題", "可以", "能用", "马上", "馬上", "ちゃんと", "問題なく", "正常に", "すぐ", "届いて", "届きました",
	"정상*", "잘", "바로", "되는데", "ปกติ", "bình thường", "được", "ngay", "lancar",
	"berfungsi", "langsung", "ठीक", "चल", "aa gaya", "ho gaya", "theek", "sahi", "עובד", "עובדים", "תקין", "يعمل", "تعمل")

// contrastNegators, right before (or, in the languages that put it
// after the verb, right after) a word of contrastFine, make it the
// failure itself ("no funciona", "funktioniert nicht", "不正常").
var contrastNegators = map[string]bool{"not": true, "no": true, "nicht": true, "kein": true, "keine": true, "pas": true,
	"ne": true, "non": true, "niet": true, "geen": true, "inte": true, "ikke": true, "nie": true, "не": true, "ні": true,
	"nu": true, "nem": true, "ei": true, "değil": true, "δεν": true, "不": true, "没": true, "沒": true, "未": true, "안": true,
	"못": true, "ไม่": true, "không": true, "chưa": true, "tidak": true, "belum": true, "nahi": true, "nahin": true, "नहीं": true,
	"לא": true, "لا": true, "dont": true, "doesnt": true, "didnt": true, "cant": true, "isnt": true, "arent": true, "wont": true,
	"never": true, "nunca": true, "jamais": true, "mai": true, "nooit": true, "aldrig": true, "nigdy": true,
	"nothing": true, "nichts": true, "rien": true, "nada": true, "niets": true, "inget": true, "ingenting": true, "nic": true,
	"nimic": true, "ничего": true, "нічого": true, "semmi": true, "mitään": true}

// contrastSpan is how many words a contrast's two halves may stand apart
// in one sentence (three times as many characters in the scripts written
// without spaces).
const contrastSpan = 10

// toldByContrast returns the words of a sentence that sets something that
// works (others, another thing, the usual) against the writer's case: a
// word of contrastOthers or contrastUsual and, at most contrastSpan words
// from it in the same sentence, a word of contrastFine not negated. The
// hit is the fine word. None in a ticket that asks for something
// (contrastRequests), nor from a fine word in a sentence about everything
// (contrastWhole) or an "Ok," that opens a sentence.
func toldByContrast(toks []token, sentence []int) []hit {
	others := append(findAll(toks, contrastOthers), findAll(toks, contrastUsual)...)
	if len(others) == 0 || len(findAll(toks, contrastRequests)) > 0 {
		return nil
	}
	others = slices.DeleteFunc(others, func(o hit) bool { return otherTime(toks, o) })
	whole := findAll(toks, contrastWhole)
	var out []hit
	for _, f := range findAll(toks, contrastFine) {
		if contrastNegated(toks, f, sentence) || askedOrLooks(toks, f, sentence) || interjection(toks, f, sentence) ||
			slices.ContainsFunc(whole, func(w hit) bool { return sentence[w.pos] == sentence[f.pos] }) {
			continue
		}
		for _, o := range others {
			d := f.pos - o.pos
			if d < 0 {
				d = -d
			}
			span := contrastSpan
			if r, _ := utf8.DecodeRuneInString(toks[f.pos].raw); unspaced(r) {
				span = 3 * contrastSpan // a character each, in Han, kana and Thai
			}
			if d == 0 || d > span || sentence[f.pos] != sentence[o.pos] {
				continue
			}
			out = append(out, f)
			break
		}
	}
	return out
}

// contrastRequests are a writer's requests and how-tos ("I would like",
// "ich möchte", "quiero", "chciałbym", "saya mau", "wie mache ich"): what
// works for others or always is then what they ask for or praise ("The
// other card works fine in your shop", "Bei anderen Shops geht das ganz
// einfach"), not a case against their own.
var contrastRequests = mkFlowWords(
	"i would like", "id like", "we would like", "wed like", "i want to", "i just want", "i wanted to", "how do i", "how can i",
	"ich möchte", "ich hätte gern", "ich hätte gerne", "wie mache ich", "wie kann ich", "je voudrais", "jaimerais",
	"comment faire", "quiero", "quisiera", "me gustaría", "cómo puedo", "vorrei", "volevo", "come posso", "gostaria", "quero",
	"graag wil ik", "ik wil", "ik zou graag", "hoe kan ik", "jag vill", "jag skulle vilja", "hur gör jeg", "jeg vil gerne", "jeg vil",
	"chciałbym", "chciałabym", "jak mogę", "chtěl bych", "chtěla bych", "želim", "htio bih", "htjela bih", "aș dori", "vreau",
	"istiyorum", "хочу", "хотел бы", "хотела бы", "хотів би", "хотіла б", "θα ήθελα", "szeretném", "haluaisin",
	"我想", "想要", "したいです", "싶어요", "싶습니다", "ต้องการ", "tôi muốn", "saya mau", "saya ingin", "chahta hoon",
	"chahti hoon", "רוצה", "أريد", "أود")

// contrastWhole are the words for everything or the whole service: "Otherwise everything
// is fine", "Compro sempre da voi e arriva tutto subito" praise the service
// as a whole; in their sentence no fine word is a contrast.
var contrastWhole = mkFlowWords(
	"everything", "all good", "alles", "todo", "tutto", "allt", "alt", "wszystko", "vše", "sve", "totul",
	"her şey", "всё", "усе", "όλα", "minden", "kaikki", "一切", "全部", "すべて", "全て", "모두", "ทุกอย่าง",
	"semua", "mọi thứ", "tất cả", "sab kuch", "הכל", "كل شيء")

// otherTime reports whether a word for others is "the other day" (a
// time, not someone else) or "other than" (an exception).
func otherTime(toks []token, o hit) bool {
	k := o.pos + len(o.phrase)
	return o.phrase.String() == "other" && k < len(toks) && otherNotOthers[toks[k].w]
}

// otherNotOthers, after "other", make it no one else: "the other day",
// "other than that".
var otherNotOthers = map[string]bool{"day": true, "night": true, "week": true, "than": true}

// interjection reports whether a fine word is an "Ok," that opens its
// sentence ("Ok, other than that my order came").
func interjection(toks []token, f hit, sentence []int) bool {
	return (toks[f.pos].w == "ok" || toks[f.pos].w == "okay") && (f.pos == 0 || sentence[f.pos-1] != sentence[f.pos])
}

// contrastNegated reports whether a negator stands within two words
// before a fine word or three after it ("werkt het ook niet"), in its
// sentence.
func contrastNegated(toks []token, h hit, sentence []int) bool {
	for k := h.pos - 2; k < h.pos+len(h.phrase)+3; k++ {
		if k < 0 || k >= len(toks) || k >= h.pos && k < h.pos+len(h.phrase) || sentence[k] != sentence[h.pos] {
			continue
		}
		if contrastNegators[toks[k].raw] || contrastNegators[toks[k].w] {
			return true
		}
	}
	return unspacedFollows(toks, h.pos+len(h.phrase), 3, false, japaneseNegatives)
}

// japaneseNegatives are the endings a contrast's fine word is denied by
// (unspacedFollows, over the next three tokens, across clause breaks).
var japaneseNegatives = []string{"ない", "ません", "なかった", "ず", "いない", "ていない"}

// contrastClaim is the claim of a ticket whose only failure is told by
// contrast or by the writer's attempts (attempts.go); classify asks it
// when no failure, question or impact word was read: partial failure with
// a stated share, else a failure for one or a few users. claimUnknown
// when neither was read.
func contrastClaim(s *signals) (claim, string) {
	var r string
	if c := active(s.contrast); len(c) > 0 {
		r = fmt.Sprintf("a failure told by contrast: %s works for others or as usual, not for the writer", quote(c))
	} else if a := active(s.attempts); len(a) > 0 {
		r = fmt.Sprintf("a failure told by the writer's attempts: %s", quote(a))
	} else {
		return claimUnknown, ""
	}
	if share := active(s.share); len(share) > 0 {
		return claimPartial, r + fmt.Sprintf(", share: %s", quote(share))
	}
	return claimOne, r
}

// contrastLooks are the verbs of how a thing looks: "the rest looks
// normal" sets a picture, not a flow, against the writer's case.
var contrastLooks = map[string]bool{"look": true, "looks": true, "looked": true, "seem": true, "seems": true,
	"sieht": true, "aussieht": true, "ziet": true, "semble": true, "parece": true, "sembra": true, "ser": true, "wygląda": true}

// askedOrLooks reports whether a fine word stands in a question ("how
// does it work?") or after a verb of how a thing looks.
func askedOrLooks(toks []token, h hit, sentence []int) bool {
	for k := h.pos - 2; k < h.pos; k++ {
		if k >= 0 && contrastLooks[toks[k].w] {
			return true
		}
	}
	return inQuestion(toks, h.pos, sentence)
}

// toldOwn keeps, of a contrast's or an attempt's hits, those in the
// writer's own words (before ownEnd; a forward passes its report on, so
// all of its text): an attempt in the quoted thread under a reply ("works
// again, thanks" over "> I tried three times") is the old message's. None
// when the subject asks a question ("Outbid every time - is this a
// robot?"): what the writer tried or saw work is then what they ask about.
func toldOwn(tk Ticket, toks []token, subjectEnd, ownEnd int, hs []hit) []hit {
	if len(hs) == 0 {
		return hs
	}
	if subjectEnd > 0 && subjectEnd <= len(toks) && toks[subjectEnd-1].q {
		return nil
	}
	if reForwardSubject.MatchString(tk.Subject) {
		return hs
	}
	var out []hit
	for _, h := range hs {
		if h.pos < ownEnd {
			out = append(out, h)
		}
	}
	return out
}
