package triage

import "strings"

// Round eighty-eight: a state the product shows while it waits, asked
// about. "The direct debit still says Pending — is this normal?", "sigue
// saliendo «Depósito pendiente». ¿Es normal? ¿Cuánto tarda?", "it still
// says On request. Does that mean I have the car?": a payment, a review
// or a booking waiting its turn is the product working, and the writer
// asks whether it is expected or how long it lasts — a question, low
// (the labeling conventions), though they name what has not happened yet.
// Both must be read: the waiting state shown, and a question of whether
// it is normal, how long it takes or what it means. The question joins
// the how-to words, so classify keeps a ticket low only when its failure
// words stand in one clause, with no outage, no many and no paying
// customer's words (isLow).

// waitingStates are the labels of a thing waiting its turn.
var waitingStates = mkFlowWords("pending", "in review", "under review", "on request", "on hold", "queued", "awaiting",
	"pendiente", "en revisión", "en attente", "ausstehend", "in bearbeitung", "in prüfung", "in attesa", "in sospeso",
	"pendente", "em análise", "in behandeling", "in afwachting", "väntande", "under behandling", "afventer", "venter på",
	"oczekuj*", "nevyřízen*", "čeká na", "в обработке", "на рассмотрении", "ожидает*", "beklemede", "onay bekliyor",
	"処理中", "審査中", "保留中", "处理中", "审核中", "待处理", "대기 중", "처리 중", "검토 중", "menunggu", "đang chờ",
	"ממתין*", "قيد المراجعة", "قيد الانتظار")

// normalAsks ask whether a state is expected, how long it lasts or what
// it means.
var normalAsks = mkFlowWords("is that normal", "is this normal", "is it normal", "how long does", "how long do", "how long will",
	"how long is", "does that mean", "does this mean", "what does that mean", "what does this mean",
	"es normal", "cuánto tarda", "cuanto tarda", "cuánto tiempo", "qué significa", "ist das normal", "ist es normal",
	"wie lange", "was bedeutet", "est-ce normal", "est ce normal", "c'est normal", "combien de temps", "que signifie",
	"è normale", "quanto tempo", "cosa significa", "é normal", "o que significa", "is dat normaal", "is het normaal",
	"hoe lang", "wat betekent", "är det normalt", "hur lång tid", "hur länge", "vad betyder", "er det normalt",
	"hvor lang tid", "hvor længe", "hvor lenge", "czy to normalne", "ile trwa", "co to znaczy", "je to normální",
	"jak dlouho", "это нормально", "сколько времени", "как долго", "что это значит", "normal mi", "ne kadar sürer",
	"普通ですか", "どのくらい", "正常吗", "正常嗎", "多久", "정상인가요", "얼마나 걸*")

// waitingAsked returns the question's words when the ticket shows a
// waiting state and asks, in a question, whether it is normal, how long
// it lasts or what it means, in the state's sentence, the one before or
// one of the two after (the writer tells the state, what they checked,
// then asks: "it still shows 'Top-up pending'. My bank shows the money
// left. How long does it take?"); nil otherwise. A letter's closing
// ("awaiting your reply", "in afwachting van uw reactie", "en attente de
// votre retour") and a phone line's "on hold" are no state of the
// product.
func waitingAsked(toks []token, text string, sentence []int) []hit {
	if !strings.Contains(text, "?") && !strings.Contains(text, "？") {
		return nil
	}
	var states []int
	for _, h := range findAll(toks, waitingStates) {
		if h.pos < len(sentence) && !waitingClosing(toks, h) && !sentenceHas(toks, h.pos, phoneLine) {
			states = append(states, sentence[h.pos])
		}
	}
	var out []hit
	for _, h := range findAll(toks, normalAsks) {
		if h.neg || h.pos >= len(sentence) {
			continue
		}
		for _, n := range states {
			if d := sentence[h.pos] - n; d >= -1 && d <= 2 {
				out = append(out, h)
				break
			}
		}
	}
	return out
}

// closingOwners are the "your" a letter's closing waits on, and the
// "of" before it.
var closingOwners = map[string]bool{"your": true, "uw": true, "jullie": true, "votre": true, "vos": true, "ihre": true,
	"ihrer": true, "ihr": true, "su": true, "sua": true, "vostra": true, "vostro": true, "din": true, "er": true, "ert": true,
	"reply": true, "response": true, "answer": true}

var closingOf = map[string]bool{"van": true, "de": true, "of": true, "auf": true, "di": true, "på": true}

// waitingClosing reports whether a waiting state waits on the reader:
// "awaiting your reply", "in afwachting van uw reactie".
func waitingClosing(toks []token, h hit) bool {
	k := h.pos + len(h.phrase)
	if k < len(toks) && closingOf[toks[k].w] {
		k++
	}
	return k < len(toks) && closingOwners[toks[k].w]
}

// phoneLine are a phone line's words: "on hold for 40 minutes on your
// hotline" is the writer's wait, not the product's.
var phoneLine = mkFlowWords("hotline", "phone", "line", "call", "called", "calling", "telefon*", "téléphone", "teléfono",
	"telefoon", "ligne", "línea")
