package triage

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Round one hundred and one: money on its way, asked about. "The refund
// is not on my card yet. Is that normal?", "Il rimborso non è ancora
// arrivato. Quanto tempo ci vuole?", "my bank app shows a second amount
// marked 'pending'. Have I been charged twice?": a refund, a payout, a
// deposit coming back or an amount held pending is money the product is
// still moving, and the writer asks whether it is expected, when it comes
// or what it means — a billing question, low (the labeling conventions),
// though "not received" or "charged twice" stand among its words. Read
// are a sentence naming money with a word of not yet or a waiting state
// (moneyInFlight), and a question the writer asks in it, the one before
// or one of the two after (or anywhere, when the subject, the text's
// first sentence, tells the money on its way), that is not a request to
// act ("could you
// check where my refund is?" asks the desk to look, a complaint of money
// overdue) nor asks where the money is or went. Not where the failure
// words say more than the money's absence: each failure word read stands in a money sentence as an
// arrival that has not happened ("not received", "nije stigao") or in the
// question itself ("is something wrong with the mandate?"), a billing
// defect ("charged twice") only in the question, and no outage word is
// read at all. The question joins the asks and the failure words it
// accounts for are set aside (classify): isLow's own guards (no many, no
// paying customer) still hold, and the reason names the question read.

// moneyNouns name money that moves: a refund, a payout, a transfer, a
// deposit or an amount, and the currencies written as words.
var moneyNouns = mkFlowWords("refund*", "payout*", "pay-out*", "payment*", "money", "deposit*", "transfer*", "amount*",
	"charge*", "funds", "reimbursement*", "eur", "euro*", "usd", "gbp",
	"rimbors*", "pagament*", "soldi", "denaro", "bonifico", "cauzione", "deposito", "importo", "addebit*", "accredit*",
	"reembolso*", "devolución", "pago*", "dinero", "transferencia*", "fianza", "importe*", "cargo*", "cobro*",
	"remboursement*", "paiement*", "argent", "virement*", "caution", "dépôt", "montant*", "prélèvement*",
	"erstattung*", "rückerstattung*", "auszahlung*", "zahlung*", "geld", "überweisung*", "kaution", "betrag", "beträge",
	"abbuchung*", "gutschrift*", "terugbetaling*", "uitbetaling*", "betaling*", "overboeking*", "borg", "bedrag*",
	"dinheiro", "transferência*", "caução", "estorno*", "zwrot*", "wypłat*", "płatnoś*", "pieniądze", "pieniędzy",
	"przelew*", "kaucj*", "kwot*", "vrácení", "platb*", "peníze", "převod*", "kauce", "částk*", "povrat*", "novac",
	"uplat*", "isplat*", "plaćanje", "iznos*", "återbetalning*", "utbetalning*", "betalning*", "pengar*", "penge*",
	"overførsel*", "överföring*", "depositum", "belopp*", "beløb*", "beløp*", "возврат*", "выплат*", "платёж*",
	"платеж*", "деньги", "денег", "перевод*", "залог*", "сумм*", "повернення", "виплат*", "платіж*", "гроші",
	"грошей", "переказ*", "iade*", "ödeme*", "parayı", "paramı", "parası", "paranın", "havale*", "depozito*", "tutar*")

// payingNouns are the money nouns that name a payment the writer makes
// (mended after the round's review): "the card payment is still
// spinning", "il pagamento è ancora in elaborazione", "the order still
// says 'awaiting payment'" tell the writer's own attempt, not money coming
// to them, so a word of not yet beside one of them is no money on its way
// (a waiting state on the statement still is: "the payment is still
// shown as pending").
var payingNouns = mkFlowWords("payment*", "charge*", "pagament*", "pago*", "paiement*", "zahlung*", "betaling*",
	"płatnoś*", "platb*", "plaćanje", "uplat*", "betalning*", "платёж*", "платеж*", "платіж*", "ödeme*", "addebit*",
	"cargo*", "cobro*", "prélèvement*", "abbuchung*")

// inProgressWords tell a thing being done right now (mended after the
// round's review): "ancora in elaborazione", "still processing". Beside
// the writer's own payment they tell an attempt that hangs, which the
// reading must not set aside as money on its way.
var inProgressWords = mkFlowWords("processing", "in elaborazione", "in lavorazione", "en cours de traitement", "en proceso",
	"procesando", "em processamento", "processando", "in bearbeitung", "wird verarbeitet", "in behandeling",
	"w trakcie przetwarzania", "przetwarzan*", "zpracovává", "obrađuje", "behandlas", "behandles", "işleniyor",
	"обрабатыва*", "обробля*")

// notYetWords say a thing has not happened so far, or still has not.
var notYetWords = mkFlowWords("yet", "still", "ancora", "noch", "encore", "toujours", "todavía", "aún", "ainda", "nog",
	"fortfarande", "fortsatt", "fortsat", "ännu", "endnu", "ennå", "fremdeles", "jeszcze", "wciąż", "nadal", "ještě", "stále", "još", "ещё",
	"еще", "до сих пор", "досі", "ще", "hâlâ", "henüz")

// arrivalWords are the arrivals whose absence is the money's: "not
// received", "non è arrivato", "nije stigao", "nicht angekommen".
var arrivalWords = mkFlowWords("receiv*", "arriv*", "come", "came", "reach*", "ricevut*", "arrivat*", "arrivé*", "reçu*",
	"recibid*", "llegad*", "llegó", "recebid*", "chegou", "chegado", "erhalten", "angekommen", "eingegangen",
	"ontvangen", "aangekomen", "binnen", "otrzyma*", "dotarł*", "doszł*", "wpłynęł*", "dorazil*", "přišl*", "stigao",
	"stigla", "stiglo", "primi*", "mottagit", "kommit", "modtaget", "kommet", "mottatt", "получ*", "пришл*", "поступил*",
	"надійшл*", "отрима*", "gelmedi", "ulaşmadı", "yatmadı")

// actRequests open a question that asks the desk to act rather than to
// tell: "could you check where the money is?", "can you look into it?".
var actRequests = mkFlowWords("could you", "can you", "would you", "could someone", "can someone", "please", "pls",
	"können sie", "könnten sie", "kannst du", "bitte", "pouvez-vous", "pourriez-vous", "pouvez vous", "pourriez vous",
	"podría", "podrían", "pueden", "puede", "por favor", "potete", "potreste", "può", "potrebbe", "per favore",
	"kunnen jullie", "kunt u", "kan ni", "kan du", "kan dere", "czy możecie", "czy może", "proszę", "můžete", "prosím",
	"можете", "можно", "пожалуйста", "будь ласка", "lütfen", "rica")

// whereAsks ask where the money went or is: "where is my refund?",
// "param nereye gitti?". The writer asks the desk to find money they
// take for lost, the overdue side's question (the labels: medium), not
// whether it is on time (mended after the freeze: severityshape_test's
// Turkish row, "Param nereye gitti?", is medium).
var whereAsks = mkFlowWords("where", "nereye", "nerede", "dove", "où", "wo", "wohin", "dónde", "adónde", "onde", "waar",
	"gdzie", "kde", "kam", "gdje", "куда", "где", "де", "куди", "hvor", "vart", "missä", "hová", "hol", "unde", "kur")

// tellAsks ask to be told, not to act, and "hvor" asking how long is no
// where (mended after the round's review): "can you tell me how long it
// takes?", "hvor lenge tar det?".
var tellAsks = mkFlowWords("can you tell me", "could you tell me", "can you let me know", "could you let me know",
	"hvor lenge", "hvor lang", "hvor længe")

// asksToActOrWhere reports whether the sentence holding toks[i] asks the
// desk to act or asks where the money is, past the words that ask to be
// told.
func asksToActOrWhere(toks []token, i int) bool {
	from, to := sentenceOf(toks, i)
	tell := map[int]bool{}
	for _, h := range findAll(toks[from:to], tellAsks) {
		tell[h.pos] = true
	}
	for _, set := range []*phraseSet{actRequests, whereAsks} {
		for _, h := range findAll(toks[from:to], set) {
			if !tell[h.pos] {
				return true
			}
		}
	}
	return false
}

// moneyAwaitedAsked returns the questions asked of money on its way, as
// hits to join the asks, and the failure and billing-defect words the
// money's absence or the question accounts for (told), which then
// describe no failure; nil, nil when the ticket asks none, another
// failure word is read, or an outage word is.
func moneyAwaitedAsked(toks []token, sentence []int, failure, defect, outage, degraded []hit) (asked, told []hit) {
	if len(active(outage)) > 0 {
		return nil, nil
	}
	named, incoming, flight := moneyInFlight(toks, sentence)
	if len(flight) == 0 {
		return nil, nil
	}
	// A thing in progress beside no money coming to the writer ("il
	// pagamento è ancora in elaborazione") is an attempt that hangs.
	for _, h := range findAll(toks, inProgressWords) {
		if h.pos >= len(sentence) || !incoming[sentence[h.pos]] {
			return nil, nil
		}
	}
	// The questions the writer asks, not requests to act.
	questions := map[int]bool{}
	for i, t := range toks {
		if t.q && i < len(sentence) && !questions[sentence[i]] && !asksToActOrWhere(toks, i) {
			questions[sentence[i]] = true
			n := sentence[i]
			// the money's sentence, the one before or one of the two
			// after; or the subject, the text's first sentence, that
			// names the ticket's topic ("Refund not received yet")
			if flight[n] || flight[n+1] || flight[n-1] || flight[n-2] || flight[0] {
				from, _ := sentenceOf(toks, i)
				asked = append(asked, hit{phrase: phraseOf(toks[from : i+1]), pos: from})
			}
		}
	}
	if len(asked) == 0 {
		return nil, nil
	}
	for _, h := range active(failure) {
		if h.pos < 0 || h.pos >= len(sentence) {
			return nil, nil
		}
		n := sentence[h.pos]
		if !questions[n] && !(named[n] && arrivalMissed(toks, h)) {
			return nil, nil
		}
		// Mended after the round's review: "Did the payment fail?" asks
		// of the writer's own payment, a failure the writer suspects,
		// not of money coming to them.
		if questions[n] && ownPaymentAsked(toks, sentence, n) {
			return nil, nil
		}
		told = append(told, h)
	}
	// Mended after the round's review: slowness ("the card payment is
	// still spinning", "the page takes ages to load") blocks the reading
	// as a failure word does, unless asked ("is there a delay?").
	for _, h := range active(degraded) {
		if h.pos < 0 || h.pos >= len(sentence) || !questions[sentence[h.pos]] {
			return nil, nil
		}
	}
	// "Have I been charged twice?" asks; "I was charged twice." tells.
	for _, h := range active(defect) {
		if h.pos < 0 || h.pos >= len(sentence) || !questions[sentence[h.pos]] {
			return nil, nil
		}
		told = append(told, h)
	}
	return asked, told
}

// moneyInFlight returns the sentences that name money (named), and those
// of them that tell it on its way (flight): a word of not yet in a
// clause with the money ("the refund is not on my card yet", "la
// cauzione risulta ancora bloccata"), or a waiting state in its sentence
// ("two amounts, one marked 'pending'"). A letter's closing ("awaiting
// your reply") waits on the reader, and a state that waits for the money
// ("the order says 'awaiting payment'", "oczekuje na płatność") tells a
// payment not made, not money moving.
//
// Mended after the round's review: the word of not yet counts only in a
// clause with money coming to the writer (incoming: a money noun that
// is no payment the writer makes, payingNouns), and "amount of" + a word
// ("the same amount of items") names no money.
func moneyInFlight(toks []token, sentence []int) (named, incoming, flight map[int]bool) {
	named, incoming, flight = map[int]bool{}, map[int]bool{}, map[int]bool{}
	clause := clauses(toks)
	inClause := map[int]bool{}
	for _, h := range findAll(toks, moneyNouns) {
		if h.pos < len(sentence) && !amountOfThings(toks, h.pos) {
			named[sentence[h.pos]] = true
			if !matchesAny(toks, h.pos, payingNouns) {
				incoming[sentence[h.pos]] = true
				inClause[clause[h.pos]] = true
			}
		}
	}
	for _, h := range findAll(toks, notYetWords) {
		if h.pos < len(sentence) && inClause[clause[h.pos]] {
			flight[sentence[h.pos]] = true
		}
	}
	for _, h := range findAll(toks, waitingStates) {
		if h.pos < len(sentence) && named[sentence[h.pos]] && !waitingClosing(toks, h) && !waitsForMoney(toks, h) {
			flight[sentence[h.pos]] = true
		}
	}
	return named, incoming, flight
}

// amountOfThings reports whether the money noun at i is "amount of" and a
// word, a count of things rather than money: "the same amount of items"
// (not "an amount of 45 EUR").
func amountOfThings(toks []token, i int) bool {
	if !strings.HasPrefix(toks[i].w, "amount") || i+2 >= len(toks) || toks[i+1].w != "of" || toks[i+2].brk {
		return false
	}
	r, _ := utf8.DecodeRuneInString(toks[i+2].w)
	return unicode.IsLetter(r) && !matchesAny(toks, i+2, moneyNouns)
}

// ownPaymentAsked reports whether the question sentence n names a payment
// the writer makes ("Did the payment fail?").
func ownPaymentAsked(toks []token, sentence []int, n int) bool {
	for _, h := range findAll(toks, payingNouns) {
		if h.pos < len(sentence) && sentence[h.pos] == n {
			return true
		}
	}
	return false
}

// heldStates are the waiting states written before what waits, as an
// amount's own label ("two pending amounts", "pago pendiente"): a money
// noun after them is the money waiting, not what is waited for.
var heldStates = map[string]bool{"pending": true, "pendiente": true, "pendente": true, "ausstehend": true, "queued": true}

// awaitLinks stand between a waiting verb and what it waits for: "waiting
// for", "oczekuje na", "en attente de", "in attesa di".
var awaitLinks = map[string]bool{"for": true, "on": true, "na": true, "de": true, "du": true, "di": true, "del": true,
	"auf": true, "på": true, "van": true, "op": true, "the": true, "a": true, "el": true, "le": true, "la": true, "il": true}

// waitsForMoney reports whether a waiting state waits for money: a money
// noun right after it, past a link word or two.
func waitsForMoney(toks []token, h hit) bool {
	if len(h.phrase) == 1 && heldStates[h.phrase[0]] {
		return false
	}
	k := h.pos + len(h.phrase)
	for n := 0; n < 2 && k < len(toks) && awaitLinks[toks[k].w]; n++ {
		k++
	}
	return k < len(toks) && !toks[k].brk && matchesAny(toks, k, moneyNouns)
}

// arrivalMissed reports whether a failure word is an arrival that has not
// happened: one of its words, or the word after it, is an arrival's.
func arrivalMissed(toks []token, h hit) bool {
	end := h.pos + len(h.phrase)
	// past an auxiliary (mended after the round's review): "todavía no ha
	// llegado", "still hasn't been received".
	for end < len(toks) && end < h.pos+len(h.phrase)+2 && auxiliaries[toks[end].w] {
		end++
	}
	for k := h.pos; k < len(toks) && k <= end; k++ {
		if matchesAny(toks, k, arrivalWords) {
			return true
		}
	}
	return false
}

// auxiliaries stand between "not yet" and the arrival it denies.
var auxiliaries = map[string]bool{"ha": true, "han": true, "has": true, "have": true, "been": true, "hat": true,
	"ist": true, "è": true, "sono": true, "est": true, "a": true, "é": true, "foi": true, "is": true, "heeft": true,
	"har": true, "je": true, "su": true, "me": true}

// phraseOf is the words of toks as a phrase, for a reason line.
func phraseOf(toks []token) phrase {
	p := make(phrase, 0, len(toks))
	for _, t := range toks {
		p = append(p, t.raw)
	}
	return p
}

// moneyAskedNamesPayer reports whether a service mention of the paying
// service names the money a question of money on its way asks about
// ("Povrat novca", "Have I been charged twice?"): mended after the
// round's review, that question keeps payments as its service. A refund
// word is left to refundNamed (servicenamed.go), whose guards (a refund
// policy asked, an expense reimbursed) hold.
func moneyAskedNamesPayer(f *facts, m ServiceMention, payer string) bool {
	return len(f.sig.moneyAsked) > 0 && m.Service == payer && m.Pos >= 0 && m.Pos < len(f.toks) &&
		matchesAny(f.toks, m.Pos, moneyNouns) && !matchesAny(f.toks, m.Pos, refundWords)
}
