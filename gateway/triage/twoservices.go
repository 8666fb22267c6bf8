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
// the Slavic "obciążony", "stržen-", "списан-", the Greek "χρεώθηκα".
var chargeWords = mkFlowWords("charged", "charge", "charges", "billed", "debited", "double charged", "double-charged",
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

// worryLeads put what follows them in the sentence to be checked or
// feared, not reported: "make sure", "whether", "worried", "afraid", "I
// don't want to be", and the same in the
// other languages ("sicherstellen", "ob", "m'assurer", "asegurarme",
// "assicurarmi", "upewnić", "jestli", "βεβαιωθώ", "emin olmak").
var worryLeads = mkFlowWords("make sure", "be sure", "ensure", "whether", "worried", "afraid", "scared", "in case",
	"dont want", "do not want", "not want to", "no quiero", "não quero", "non voglio", "je ne veux pas",
	"sicherstellen", "sichergehen", "sicher gehen", "ob", "m'assurer", "massurer", "vérifier que", "asegurarme",
	"asegurarnos", "asegurar que", "certificar", "certificar-me", "assicurarmi", "assicurarci", "zeker weten", "zeker zijn",
	"säker på", "försäkra", "sikker på", "forsikre", "upewnić", "czy", "jestli", "zda", "βεβαιωθώ", "μήπως", "emin olmak")

// chargeFuture put a charge up to three words on in the future or the
// conditional: "will I be charged twice?", "I'd be charged", "wird
// … belastet".
var chargeFuture = map[string]bool{"will": true, "ill": true, "would": true, "might": true, "wird": true, "werde": true}

// worriedCharges are the positions of charge words in a sentence that
// denies, fears or asks to check them: a negator up to three words before
// in its clause ("wasn't charged", "nicht belastet", "δεν χρεώθηκα") or a
// word of the future (chargeFuture), a self-negated auxiliary, or a worry lead earlier in its
// sentence, up to ten words back ("make sure I haven't been charged three times", "I don't want
// to be charged twice", "can you check whether I was charged").
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
	for b := i - 1; b >= 0 && b >= i-3 && !toks[b+1].brk; b-- {
		if negators[toks[b].w] || foreignNegators[toks[b].w] || chargeDenied[toks[b].fw] || chargeFuture[toks[b].w] {
			return true
		}
	}
	for b := i - 1; b >= 0 && b >= i-10 && !toks[b+1].stop; b-- {
		if worryLeads.matches(toks, b) {
			return true
		}
	}
	return false
}

// withoutWorriedCharges takes the worried charge words' places out of
// the built-in synonyms' and flow words' mentions (withoutPlaces).
func withoutWorriedCharges(toks []token, ms []ServiceMention) []ServiceMention {
	worried := worriedCharges(toks)
	if len(worried) == 0 {
		return ms
	}
	return withoutPlaces(toks, ms, func(p int) bool { return worried[p] })
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

// notWorried marks the hits standing on a worried charge word as negated:
// "I don't want to be charged twice" says no money was taken.
func notWorried(toks []token, hs []hit) []hit {
	worried := worriedCharges(toks)
	for i := range hs {
		if worried[hs[i].pos] {
			hs[i].neg = true
		}
	}
	return hs
}
