package triage

import (
	"fmt"
	"slices"
)

// Round seventy-three: a ticket about a refund, left with no service, is
// the payments service's. A refund is money the payment provider returns
// to the buyer's card or account: whether the writer asks how to issue
// one, how long it takes, why it has not come, or thanks for it, the
// thing the ticket is about is the payment's, as the labels' convention
// gives a question, a billing question or a single user's trouble the
// service of the thing it is about. The refund words are set aside
// before the severity is read (a billing question's everyday words do
// not name the service's failure), so the verdict is given afterwards,
// the severity as read.
//
// Guards, each the convention's:
//   - security, data loss, privacy, outages and partial failures are
//     other claims and never reach it;
//   - a call-back request and a deletion request name no service;
//   - a refund of the account's own plan or subscription (a downgrade's
//     unused months, a renewal charged twice) is the account's billing,
//     about no service (planWords).
//
// Mended after its review: a refund the writer does not want, in the
// languages it is read in (refundDeclined); the words in another sense
// (an expense an employer or a client reimburses, German "Anzeige
// erstatten", to file a report: otherSense); the terms of refunds asked
// up to five words before the refund in its sentence, not only two words
// off (termsAsked); a refund wished for instead of what failed (remedyWords);
// the account's plan read where it stands and not when denied
// (ownPlan). The hook runs before askedAbout: a refund question that
// also says "mi cuenta" is the refund's.

// refundWords name money returned to the buyer, in the languages tickets
// come in: the payment's own refund words (refundSynonyms) and the forms
// and languages they lack. A word of returning goods alone ("return",
// "zwrot", "iade", "vrácení") is not one; Polish "zwrot za" is money
// back for a thing ("zwrot za bilet"), not before the prepositions
// "za" begins (polishZa: "zwrot za pomocą kuriera", a return by courier).
var refundWords = mkFlowWords(slices.Concat(refundSynonyms, []string{"refund", "refunded", "refunding",
	"reembolsado*", "+erstattung*", "zurückerstattet", "erstattet", "geld zurück",
	"terugbetaald", "restitutie*", "återbetalat", "pengarna tillbaka", "tilbagebetalt", "refundert",
	"zwrot pieniędzy", "zwrot środków", "zwrotu pieniędzy", "zwrotu środków", "zwrot za", "zwrotu za",
	"vrácení platby", "vrácení kupní ceny", "vrácení částky", "vrátenie peňazí",
	"rambursare*", "visszatérítés*", "επιστροφή χρημάτων", "επιστροφή των χρημάτων", "повернення коштів",
	"para iadesi", "ücret iadesi", "iade edilmedi", "החזר",
	"استرداد", "استرجاع المبلغ", "रिफंड", "रिफ़ंड", "धनवापसी", "คืนเงิน",
	"hoàn tiền", "pengembalian dana", "払い戻し", "退费", "退費"})...)

// planWords are the account's own plan: its refund is the account's
// billing, not a payment's. "plan" and "bill" have other senses (to
// plan, a writer named Bill, an order's bill): they count only as the
// writer's own (planOwned).
var planWords = mkFlowWords("subscription*", "renewal", "downgrade*", "downgrading", "membership",
	"abonnement*", "abo", "suscripción", "assinatura", "abbonamento", "abonnemang*", "abonament*",
	"подписк*", "abonelik*", "订阅", "サブスク*", "구독*", "facture mensuelle")

// planOwned are "plan" and "bill" said of the writer's own: "my plan",
// "our yearly plan", "the Pro plan", "my July bill", "my phone bill" (a
// token's plural is stripped: "plans", "bills" match too).
var planOwned = mkFlowWords("plan", "bill")

// ownedBy are the possessives a planOwned noun follows.
var ownedBy = map[string]bool{"my": true, "our": true}

// planDeterminers are the determiners "plan" (not "bill") may follow as
// a noun: "the smaller plan", where "I plan to" is the verb; "the bill"
// may be an order's.
var planDeterminers = map[string]bool{"the": true, "this": true, "that": true, "a": true}

// polishZa are the prepositions Polish builds with "za" ("za pomocą",
// "za pośrednictwem": by means of; "za darmo": for free; "za granicę":
// abroad): "zwrot" before them is a return of goods.
var polishZa = map[string]bool{"pomocą": true, "pomoca": true, "pośrednictwem": true, "posrednictwem": true, "darmo": true,
	"granicę": true, "granice": true, "granicą": true}

// termsWords name the rules refunds follow: a refund word after one of
// them in its sentence ("what does your policy say about a refund", "the
// terms for getting a refund") or just before one ("refund policy",
// "política de reembolso") asks about the terms, no refund made.
var termsWords = mkFlowWords("policy", "terms", "conditions", "rules", "guidelines",
	"política", "condiciones", "términos", "normas", "politique", "règles",
	"politica", "condizioni", "termini", "regole", "condições", "termos", "regras",
	"richtlinie*", "bedingungen", "agb", "regeln", "beleid", "voorwaarden", "regels",
	"villkor", "regler", "vilkår", "betingelser", "zasady", "regulamin*", "polityk*", "podmínky", "pravidla",
	"правила", "условия", "политик*", "koşul*", "şartlar*", "politika*", "ehdot", "規約", "ポリシー", "政策", "规定", "정책", "약관")

// otherSenseWords give the refund words another sense where they stand
// near them: an expense reimbursed ("rimborso spese", "reembolso de los
// gastos de viaje", "remboursement de frais", "Erstattung der
// Reisekosten"), by an employer or to a contractor, is not a buyer's
// money returned; German "erstatten" with a report is to file it
// ("Anzeige erstattet", "Bericht erstatten").
var otherSenseWords = mkFlowWords("expense*", "spese", "gastos", "frais", "spesen", "auslagen", "reisekosten", "fahrtkosten",
	"onkosten", "declaratie*", "utlägg", "udlæg", "utlegg", "despesas", "delegacj*", "командировочн*",
	"employer", "arbeitgeber*", "employeur", "empleador", "datore", "werkgever", "arbetsgivare*", "arbejdsgiver*",
	"arbeidsgiver*", "pracodawc*", "zaměstnavatel*", "работодател*",
	"anzeige", "+anzeige*", "bericht", "meldung")

// remedyWords put a refund as what the writer would take instead of what
// failed: "I'd rather have a refund", "lieber mein Geld zurück",
// "otherwise refund me".
var remedyWords = map[string]bool{"rather": true, "instead": true, "otherwise": true, "else": true, "lieber": true, "sonst": true,
	"stattdessen": true, "plutôt": true, "sinon": true, "preferiría": true, "prefiero": true, "sino": true, "piuttosto": true,
	"altrimenti": true, "liever": true, "anders": true, "hellre": true, "heller": true, "raczej": true, "radši": true, "лучше": true}

// refundNamed returns the payments service and the reason when a ticket
// left with no service is about a refund; "" when it names none or a
// guard holds.
func (t *Triager) refundNamed(f *facts) (string, string) {
	switch f.claim {
	case claimLow, claimOne, claimUnknown, claimResolved:
	default:
		return "", ""
	}
	payer := t.flowService("paying")
	if payer == "" || callBackOnly(&f.sig) {
		return "", ""
	}
	if _, ok := deletionAsked(f.toks, &f.sig, f.mentions); ok {
		return "", ""
	}
	terms := findAll(f.toks, termsWords)
	var refund *hit
	for _, h := range findAll(f.toks, refundWords) {
		if za := h.pos + len(h.phrase); h.phrase[len(h.phrase)-1] == "za" && za < len(f.toks) && polishZa[f.toks[za].w] {
			continue
		}
		if !refundDeclined(f.toks, h) && !termsAsked(&f.sig, h, terms) && !otherSense(f.toks, h) && !remedy(f.toks, h) {
			refund = &h
			break
		}
	}
	if refund == nil || ownPlan(f.toks) {
		return "", ""
	}
	return payer, fmt.Sprintf("a ticket about a refund (%s), money the payment returns: %s (the severity as read)", quote([]hit{*refund}), payer)
}

// termsAsked reports whether a terms word stands in the refund word's
// sentence up to five words before it, or right after it ("refund
// policy"): the terms of refunds, asked in general.
func termsAsked(s *signals, refund hit, terms []hit) bool {
	for _, p := range terms {
		if d := refund.pos - p.pos; (d > 0 && d <= 5 || d >= -2 && d < 0) && sameSentence(s, p.pos, refund.pos) {
			return true
		}
	}
	return false
}

// otherSense reports whether a word of another sense (otherSenseWords)
// stands in the refund word's clause, up to three words before it or four
// after, or as the modifier of a compound ("Spesenerstattung",
// "Reisekostenerstattung").
func otherSense(toks []token, h hit) bool {
	other := func(k int) bool { return otherSenseWords.matches(toks, k) }
	return inClauseBefore(toks, h.pos, 3, other) || inClauseFrom(toks, h.pos+len(h.phrase), 4, other) || compoundOfExpense(toks[h.pos].f)
}

// expenseModifiers are the first parts of a German compound of an
// expense's reimbursement.
var expenseModifiers = []string{"spesen", "reisekosten", "fahrtkosten", "auslagen"}

func compoundOfExpense(w string) bool {
	return slices.ContainsFunc(expenseModifiers, func(m string) bool { return len(w) > len(m) && w[:len(m)] == m })
}

// remedy reports whether a remedy word stands in the refund word's clause
// up to four words before it.
func remedy(toks []token, h hit) bool {
	return inClauseBefore(toks, h.pos, 4, func(k int) bool { return remedyWords[toks[k].w] || remedyWords[toks[k].raw] })
}

// ownPlan reports whether the ticket names the account's own plan: a
// plan word (planWords) not denied ("I have no subscription"), or the
// writer's plan or bill (planOwned after a possessive, "plan" also after
// a determiner, up to two words between: "my yearly plan", "my July
// bill", "the Pro plan"), not the verb ("we plan to").
func ownPlan(toks []token) bool {
	for _, h := range findAll(toks, planWords) {
		if !h.neg && !denied(toks, h.pos) {
			return true
		}
	}
	for _, h := range findAll(toks, planOwned) {
		if h.pos+1 < len(toks) && toks[h.pos+1].w == "to" && !toks[h.pos+1].brk {
			continue // the verb: "we plan to"
		}
		plan := h.phrase[0] == "plan"
		if inClauseBefore(toks, h.pos, 3, func(k int) bool { return ownedBy[toks[k].w] || plan && planDeterminers[toks[k].w] }) {
			return true
		}
	}
	return false
}

// wishWords want, ask for, expect or need a thing, in the languages
// tickets come in: a refund after one of them denied is not wanted ("I'm
// not asking for any kind of refund", "ich möchte keine Rückerstattung",
// "no quiero ningún reembolso", "je ne demande pas de remboursement",
// "не хочу возврат"). A refund not received ("I haven't received my
// refund", "no he recibido ningún reembolso") is awaited: a verb of
// receiving is no wish.
var wishWords = mkFlowWords("want*", "need*", "ask", "asking", "expect*", "request*", "seeking", "looking for", "demand*",
	"möchte*", "wollen", "brauch*", "verlang*", "forder*", "erwarte*", "beantrag*",
	"wil", "willen", "hoef*", "vraag", "vragen", "verwacht*", "nodig",
	"vill", "behöver", "begär*", "kräver", "önskar", "vil", "ønsker", "kræver", "krever", "behøver", "trenger",
	"veux", "voulons", "voudrais", "souhaite*", "demande*", "réclame*", "cherche*", "besoin", "exige*", "attends",
	"quiero", "queremos", "quisiera", "necesito", "necesitamos", "pido", "pedimos", "busco", "solicito", "reclamo", "exijo",
	"quero", "preciso", "precisamos", "peço", "peco",
	"voglio", "vogliamo", "vorrei", "chiedo", "chiediamo", "cerco", "pretendo", "serve", "bisogno",
	"chcę", "chce", "chcemy", "potrzebuję", "oczekuję", "proszę", "żądam",
	"chci", "chceme", "potřebuji", "žádám", "požaduji",
	"хочу", "хотим", "нужен", "нужна", "нужно", "нужны", "прошу", "требую", "потрібен", "потрібно", "вимагаю",
	"θέλω", "θέλουμε", "χρειάζομαι", "ζητώ", "ζητάω",
	"أريد", "اريد", "نريد", "أطلب", "اطلب", "أحتاج", "احتاج", "רוצה", "רוצים", "מבקש", "מבקשת", "צריך", "צריכה",
	"चाहिए", "चाहता", "चाहती", "muốn", "cần", "ingin", "perlu", "minta", "ต้องการ", "要", "需要", "想要", "欲しい", "원하*", "필요*")

// deniedWishes carry their own negation: Czech verbs with "ne-", the
// Finnish forms that follow "en" or "ei", Turkish "-me-" forms, and the
// after-words of Hindi, Japanese, Chinese and Korean ("रिफंड नहीं
// चाहिए", "返金は不要です", "我不要退款", "환불은 필요 없습니다").
var deniedWishes = mkFlowWords("nechci", "nechceme", "nepotřebuji", "nežádám", "nepožaduji", "halua", "tarvitse", "pyydä", "vaadi",
	"istemiyorum", "istemiyoruz", "istemem", "gerek yok", "talep etmiyorum", "नहीं चाहिए", "不要", "不需要", "不用",
	"いりません", "要りません", "필요 없*", "필요없*", "원하지")

// denyWords deny the noun they stand before, beyond the negators and the
// words for none negatorWord reads ("ningún", "aucun", "nessuno",
// "nenhum"): "żadnego zwrotu", "никакого возврата", "sans remboursement".
var denyWords = map[string]bool{"nessuna": true, "żadnego": true, "żadnej": true, "žádné": true,
	"žádnou": true, "никакого": true, "никакой": true, "нет": true, "नहीं": true, "neither": true, "sin": true, "sans": true,
	"senza": true, "sem": true, "ohne": true, "zonder": true, "utan": true, "uden": true, "uten": true, "bez": true, "без": true}

// denier reports whether the token denies: a negator of any language the
// lists hold, a German, Dutch or Nordic "no" that follows its verb, a
// negator of the scripts the deletion verbs are read in, or a denyWords
// word.
func denier(t token) bool {
	return negatorWord(t) || postNegators[t.w] || deletionNegators[t.raw] || denyWords[t.w] || denyWords[t.raw]
}

// deniedNear reports whether a denier stands in the clause of toks[i]
// from lo to hi (inclusive, clipped to the clause).
func deniedNear(toks []token, i, lo, hi int) bool {
	at := func(k int) bool { return denier(toks[k]) }
	return inClauseBefore(toks, i, i-lo, at) || inClauseFrom(toks, i+1, hi-i, at)
}

// denied reports whether a denier stands up to three words before
// toks[i] in its clause ("I have no subscription", "sin suscripción").
func denied(toks []token, i int) bool {
	return deniedNear(toks, i, i-3, i)
}

// refundDeclined reports whether the refund at h is one the writer does
// not want: a wish word in its clause up to ten words before it, denied
// up to three words before the wish or up to two after it, short of the
// refund;
// a wish word up to four words after it denied there ("die Erstattung
// brauche ich nicht", "возврат мне не нужен"); or a denied wish in its
// clause four words around it.
func refundDeclined(toks []token, h hit) bool {
	end := h.pos + len(h.phrase)
	if inClauseBefore(toks, h.pos, 10, func(k int) bool { return wishWords.matches(toks, k) && deniedNear(toks, k, k-3, min(k+2, h.pos-1)) }) ||
		inClauseFrom(toks, end, 4, func(k int) bool { return wishWords.matches(toks, k) && deniedNear(toks, k, end, k+2) }) {
		return true
	}
	for k := max(h.pos-4, 0); k < len(toks) && k < end+4; k++ {
		if deniedWishes.matches(toks, k) && !clauseBetween(toks, min(k, h.pos), max(k, h.pos)) {
			return true
		}
	}
	return false
}

// withoutDeclinedRefunds drops the payer's mentions that are each a
// refund the writer does not want (refundDeclined): "I don't want a
// refund, just to say thanks" names no payment.
func withoutDeclinedRefunds(toks []token, ms []ServiceMention, payer string) []ServiceMention {
	return slices.DeleteFunc(slices.Clone(ms), func(m ServiceMention) bool {
		if m.Service != payer || len(m.at) == 0 {
			return false
		}
		for _, at := range m.at {
			if at >= len(toks) {
				return false // a position the tokens do not hold (askedAbout)
			}
			declined := false
			refundWords.at(toks, at, func(p phrase) { declined = declined || refundDeclined(toks, hit{phrase: p, pos: at}) })
			if !declined {
				return false
			}
		}
		return true
	})
}
