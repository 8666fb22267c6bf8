package triage

// Round seventy-four: a charge the writer only worries about is not the
// outcome. After a failed order, upgrade or payment the writer often adds
// "I just want to make sure I wasn't charged twice", "I don't want to be
// charged twice", "not charged as far as I can see", "θέλω να βεβαιωθώ
// ότι δεν χρεώθηκα", "jestli mi nebyly strženy peníze dvakrát": a charge
// denied, feared or to be checked. That sentence tells what the writer
// wants looked at, not what failed; the failure is the step the rest of
// the ticket tells (the order not created, the card step timing out), so
// the charge word there names no service (rankServices) and says no money
// was taken (readSignals' paid words). A charge reported as done ("I was
// charged twice", "the money is gone") is untouched.

// chargeWords are the words of money being taken from the writer, in the
// languages tickets come in: the English verb and its nouns, the German
// "belastet", "abgebucht", the Romance "débité", "cobrado", "addebitato",
// the Slavic "obciążony", "stržen-", "списан-", the Greek "χρεώθηκα"
// (a token's plural is stripped and a hyphen splits it: "charges",
// "double-charged" match).
var chargeWords = mkFlowWords("charged", "charge", "billed", "debited", "double charged",
	"belastet", "abgebucht", "berechnet", "débité", "débitée", "facturé", "facturée", "prélevé", "prélevée",
	"cobrado", "cobrada", "cobraron", "cobren", "cobrar", "debitado", "debitada", "addebitato", "addebitata", "addebitati",
	"afgeschreven", "gedebiteerd", "debiterad", "debiterats", "dragits", "dragna", "trukket", "debitert", "veloitettu",
	"veloitettiin", "obciążony", "obciążona", "obciążyli", "pobrano", "pobrane", "pobrali", "strženy", "stržena",
	"stržen", "strženo", "списали", "списаны", "списано", "χρεώθηκα", "χρεωθώ", "χρεώθηκε", "χρεωθεί")

// chargeDenied are words that carry their own negation before a charge:
// the Czech negated auxiliary ("nebyly strženy"), which the negator lists
// (a separate "ne") do not read.
var chargeDenied = map[string]bool{"nebyly": true, "nebyl": true, "nebyla": true, "nebylo": true, "nebudou": true,
	"nebude": true}

// worryLeads put what follows them in their clause to be checked or
// feared, not reported: "make sure", "whether", "worried", "I don't want
// to be", and the same in the other languages ("sicherstellen", "ob",
// "m'assurer", "asegurarme", "assicurarmi", "upewnić", "jestli",
// "βεβαιωθώ", "emin olmak"). A lead reaches only its own clause
// (chargeClauseEnds): "I don't know whether it's my bank, but I was
// charged twice" reports the charge, and so does "in case it helps, I was
// charged twice". "afraid" is read only as "afraid of" ("afraid of being
// charged twice"), not the polite "I'm afraid (that) I was charged
// twice"; a fear of what is to come is read by chargeFuture ("afraid
// I'll be charged"). Polish "czy" only after a verb of checking
// (polishCheck: "sprawdzić, czy", "upewnić się, czy"), since "czy" also
// opens a yes-no question ("Czy to normalne, że pobrano…") and means
// "or" ("kartą czy BLIKiem").
var worryLeads = mkFlowWords("make sure", "be sure", "ensure", "whether", "worried", "afraid of", "scared", "in case",
	"dont want", "do not want", "not want to", "no quiero", "não quero", "non voglio", "je ne veux pas",
	"sicherstellen", "sichergehen", "sicher gehen", "ob", "m'assurer", "vérifier que", "asegurarme",
	"asegurarnos", "asegurar que", "certificar", "certificar-me", "assicurarmi", "assicurarci", "zeker weten", "zeker zijn",
	"säker på", "försäkra", "sikker på", "forsikre", "upewnić", "jestli", "zda",
	"βεβαιωθώ", "μήπως", "emin olmak")

// polishCheck are the Polish verbs of checking whose "czy" (after their
// comma) is "whether": "proszę sprawdzić, czy…", "upewnić się, czy…".
var polishCheck = map[string]bool{"sprawdzic": true, "sprawdz": true, "sprawdzcie": true, "zweryfikowac": true,
	"sie": true, "upewnic": true}

// chargeFuture put a charge up to three words on in the future or the
// conditional: "will I be charged twice?", "wird … belastet". A
// contracted "I'd", "you'd", "we'd" (typed "id", "youd", "wed" once the
// apostrophe is dropped) counts only before "be": "I'd be charged" is a
// fear, "I'd been charged" a report, "order ID 55 charged" neither.
var chargeFuture = map[string]bool{"will": true, "ill": true, "would": true, "might": true, "wird": true, "werde": true}

var chargeContracted = map[string]bool{"id": true, "youd": true, "wed": true, "theyd": true, "itd": true}

// chargeClauseEnds end the reach of a negator or a worry lead before a
// charge word, as a comma does: the words that end a negator's reach
// (clauseBreaks: "but", "yet"), the contrast words of other languages
// (foreignContrasts: "aber", "ale", "mais", "pero"; and "αλλά", "но",
// "ama", "mutta"), the words that join a main clause ("and", "und",
// "et", "y", "och", "og", "και", "и", "or", "oder", "eller") and those
// that give a cause ("because", "weil", "parce", "porque", "perché",
// "omdat", "eftersom", "fordi", "bo", "protože", "потому", "επειδή",
// "çünkü"): "the order was not placed but charged €30" reports the
// charge. Short joiners that are
// other words in other languages ("a", "i", "e", "en", "of") are left
// out: "make sure I wasn't charged" must not end at "I".
var chargeClauseEnds = unionOf(clauseBreaks, foreignContrasts, map[string]bool{"αλλά": true, "но": true, "ama": true, "fakat": true, "mutta": true,
	"and": true, "und": true, "et": true, "y": true, "och": true, "og": true, "και": true, "и": true, "oraz": true,
	"or": true, "oder": true, "eller": true, "because": true, "weil": true, "parce": true, "porque": true,
	"perché": true, "omdat": true, "eftersom": true, "fordi": true, "bo": true, "protože": true, "потому": true,
	"επειδή": true, "çünkü": true})

// worriedCharges are the positions of charge words in a clause that
// denies, fears or asks to check them: a negator up to three words before
// ("wasn't charged", "nicht belastet", "δεν χρεώθηκα") or a word of the
// future (chargeFuture), a self-negated auxiliary, or a worry lead up to
// ten words back ("make sure I haven't been charged three times", "I
// don't want to be charged twice", "can you check whether I was
// charged"); neither reaches across a comma or a chargeClauseEnds word.
func worriedCharges(toks []token) map[int]bool {
	var out map[int]bool
	for _, h := range findAll(toks, chargeWords) {
		if !chargeWorried(toks, h.pos) {
			continue
		}
		if out == nil {
			out = map[int]bool{}
		}
		for k := h.pos; k < h.pos+len(h.phrase) && k < len(toks); k++ {
			out[k] = true
		}
	}
	return out
}

// chargeWorried reports whether the charge word at i is denied, feared or
// to be checked (worriedCharges).
func chargeWorried(toks []token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-10 && !toks[b+1].brk && !chargeClauseEnds[toks[b].w]; b-- {
		t := toks[b]
		near := b >= i-3
		if near && (negators[t.w] || foreignNegators[t.w] || chargeDenied[t.fw] || chargeFuture[t.w] ||
			chargeContracted[t.w] && b+1 < i && toks[b+1].w == "be") {
			return true
		}
		if worryLeads.matches(toks, b) || t.w == "czy" && b > 0 && polishCheck[toks[b-1].fw] {
			return true
		}
	}
	return false
}

// withoutWorriedCharges takes the worried charge words' places (worried,
// the signals' worriedCharges) out of the built-in synonyms' and flow
// words' mentions (withoutPlaces), when another clause states a failure
// (cl and failing, failingClauses): the
// charge is then only the writer's worry beside the step that failed.
// With no such clause the charge is the ticket's topic ("I see two
// pending amounts, make sure I won't be charged twice", "it was picked up
// fine but I was never charged") and names the payments.
func withoutWorriedCharges(toks []token, cl []int, failing, worried map[int]bool, ms []ServiceMention) []ServiceMention {
	if len(worried) == 0 || !failsElsewhere(cl, failing, worried) {
		return ms
	}
	return withoutPlaces(toks, ms, func(p int) bool { return worried[p] })
}

// failsElsewhere reports whether a failing clause holds none of the
// worried places.
func failsElsewhere(cl []int, failing map[int]bool, worried map[int]bool) bool {
	mine := map[int]bool{}
	for p := range worried {
		if p < len(cl) {
			mine[cl[p]] = true
		}
	}
	for c := range failing {
		if !mine[c] {
			return true
		}
	}
	return false
}

// withoutPlaces takes the places drop reports out of the built-in
// synonyms' and flow words' mentions; a mention left with none is
// dropped, one left with some starts at its first kept place. The
// project's own names and aliases are kept whole.
func withoutPlaces(toks []token, ms []ServiceMention, drop func(p int) bool) []ServiceMention {
	out := ms[:0:0]
	for _, m := range ms {
		if m.Strength > strengthSynonym {
			out = append(out, m)
			continue
		}
		var keep []int
		for _, p := range mentionsAt(m) {
			if !drop(p) {
				keep = append(keep, p)
			}
		}
		if len(keep) == len(mentionsAt(m)) {
			out = append(out, m)
			continue
		}
		if len(keep) == 0 {
			continue
		}
		m.at, m.Count = keep, len(keep)
		if m.Pos != keep[0] {
			m.Pos, m.Phrase = keep[0], toks[keep[0]].raw
		}
		out = append(out, m)
	}
	return out
}

// notWorried marks the hits whose span holds a worried charge word
// (worried, worriedCharges) as negated, wherever in the phrase it stands
// ("foi cobrado", "blitt trukket"): "I don't want to be charged twice"
// says no money was taken.
func notWorried(worried map[int]bool, hs []hit) []hit {
	for i := range hs {
		for k := hs[i].pos; k < hs[i].pos+len(hs[i].phrase); k++ {
			if worried[k] {
				hs[i].neg = true
			}
		}
	}
	return hs
}
