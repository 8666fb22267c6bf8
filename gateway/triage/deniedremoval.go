package triage

import "strings"

// Round fifty-one: things vanished and the writer denies removing them
// ("all our lists disappeared, nobody on the team deleted them", "han
// desaparecido mis listas, no las he borrado yo", "我没有删除任何东西").
// The denial is what makes a vanishing a loss whatever its subject is
// called: a writer who says no one deleted or touched what is gone tells
// of stored things another hand removed. Round twenty-two's
// deletedNothing reads the "nothing"/"anything" forms alone; here the
// denial counts only beside a vanishing of its own, which is no passing
// thing ("the error is gone, we did not touch anything" is no loss).

// removalVerbs are the verbs of deleting, removing or touching a writer
// denies, as written (and typed without accents: see foldedStems).
var removalVerbs = foldedStems("deleted", "delete", "removed", "remove", "erased", "erase", "touched", "touch",
	"borrado", "borrados", "borradas", "borré", "borramos", "borró", "eliminado", "eliminados", "eliminadas", "eliminé", "tocado", "toqué", "tocamos", "tocó",
	"apaguei", "apagamos", "apagou", "apagado", "excluí", "excluímos", "mexi", "mexemos", "mexeu", "mexeram",
	"cancellato", "cancellata", "cancellati", "cancellate", "eliminato", "eliminata", "eliminati", "eliminate", "toccato", "toccata", "toccati", "toccate",
	"supprimé", "supprimés", "supprimée", "supprimées", "effacé", "effacés", "effacée", "effacées", "touché",
	"gelöscht", "entfernt", "angefasst", "angerührt", "verwijderd", "aangeraakt", "aangekomen",
	"usunąłem", "usunęłam", "usunęliśmy", "usunął", "usunęła", "usuwał", "usuwała", "usuwaliśmy", "ruszał", "ruszała", "ruszaliśmy",
	"raderat", "raderade", "rört", "rörde", "slettet", "slettede", "удалял", "удаляла", "удаляли", "удалил", "удалила", "удалили", "трогал", "трогала", "трогали",
	"видаляв", "видаляла", "видаляли", "smazal", "smazala", "smazali")

// turkishDenials are Turkish verbs that carry their own negation: "silmedim",
// "silmedik", "silinmedi", "dokunmadık".
var turkishDenials = []string{"silmedi", "silmedik", "silmedim", "silinmedi", "dokunmadı", "dokunmadık", "dokunmadım"}

// removalNegators are the words for "not" before a removal verb in the
// languages tickets come in ("no las he borrado", "non li ho cancellati",
// "je n'ai pas supprimé", "ich habe sie nicht gelöscht").
var removalNegators = map[string]bool{"no": true, "non": true, "não": true, "nao": true, "pas": true, "nicht": true,
	"niet": true, "nie": true, "не": true, "ne": true, "inte": true, "ikke": true, "nunca": true, "mai": true, "never": true}

// cjkRemovals are deleting in Chinese, Japanese and Korean, a character a
// token (Hangul a word, matched at its start).
var cjkRemovals = mkPhrases("削除", "消し", "删除", "删掉", "删了", "삭제*", "지우*", "지운*", "지웠*")

// deniedRemovals finds a removal the ticket denies: a removal verb with a
// negator shortly before it or a negative subject ("nobody", "nessuno")
// earlier in its clause; a Turkish verb negated in itself; a Chinese
// "没(有)" before deleting, a Japanese "ません"/"ない" after it, a Korean
// "않"/"없"/"아니" after it or "안" before it.
func deniedRemovals(toks []token) []hit {
	var out []hit
	for i, t := range toks {
		switch {
		case hasAnyPrefix(t.raw, turkishDenials):
			out = append(out, hit{phrase: phrase{t.raw}, pos: i})
			continue
		case matchesAny(toks, i, cjkRemovals):
			if cjkDenied(toks, i) {
				out = append(out, hit{phrase: phrase{t.raw}, pos: i})
			}
			continue
		case !isRemovalVerb(t):
			continue
		}
		for k := i - 1; k >= 0 && k >= i-6 && !toks[k+1].brk; k-- {
			w := toks[k].w
			if k >= i-4 && (negators[w] || removalNegators[toks[k].raw]) || noneWords[w] || w == "one" && k > 0 && toks[k-1].w == "no" {
				out = append(out, hit{phrase: phrase(rawWords(toks[k : i+1])), pos: k})
				break
			}
		}
	}
	return out
}

func isRemovalVerb(t token) bool {
	for _, v := range removalVerbs {
		if t.raw == v || t.f == v {
			return true
		}
	}
	return false
}

// cjkDenied reports whether the deleting word at i is denied in Chinese,
// Japanese or Korean.
func cjkDenied(toks []token, i int) bool {
	for k := max(0, i-3); k < i; k++ {
		if toks[k].raw == "没" || toks[k].raw == "未" || toks[k].raw == "안" {
			return true
		}
	}
	var after strings.Builder
	for k := i + 1; k < len(toks) && k <= i+8 && !toks[k].stop; k++ {
		after.WriteString(toks[k].raw)
		if strings.HasPrefix(toks[k].raw, "않") || strings.HasPrefix(toks[k].raw, "없") || strings.HasPrefix(toks[k].raw, "아니") {
			return k <= i+3
		}
	}
	s := after.String()
	return strings.Contains(s, "ません") || strings.Contains(s, "ない") || strings.Contains(s, "なかった")
}

// deniedRemovalLoss returns the vanishings a denied removal makes data
// loss: vanish words read as no loss (gone) that are not the denial's own
// verb, whose subject is no passing thing and whose clause names none,
// when the writer removed nothing themselves.
//
// Not a vanishing of something on a billing document ("the discount line
// on the invoice is gone, we did not remove it"): a billing question
// about what a document shows, not stored data lost; the documents
// themselves gone ("all our invoices vanished") are.
func deniedRemovalLoss(toks []token, gone, selfRemoved []hit) []hit {
	if len(active(selfRemoved)) > 0 || len(gone) == 0 {
		return nil
	}
	denials := deniedRemovals(toks)
	if len(denials) == 0 {
		return nil
	}
	var out []hit
	for _, g := range gone {
		if len(outside([]hit{g}, denials)) == 0 || g.pos < 0 || g.pos >= len(toks) {
			continue
		}
		if _, head := subjectOf(toks, g.pos); head >= 0 && matchesAny(toks, head, transientThings) || passingInClause(toks, g.pos) {
			continue
		}
		out = append(out, g)
	}
	return out
}

// passingInClause reports whether a passing thing (an error, a banner, a
// message) or a billing document as a place ("on the invoice") stands in
// the clause of the word at pos.
func passingInClause(toks []token, pos int) bool {
	passing := func(k int) bool { return passingNoun(toks, k) || onDocument(toks, k) }
	for k := pos; k >= 0 && k >= pos-8; k-- {
		if k < pos && toks[k+1].brk {
			break
		}
		if passing(k) {
			return true
		}
	}
	for k := pos + 1; k < len(toks) && k <= pos+8 && !toks[k].brk; k++ {
		if passing(k) {
			return true
		}
	}
	return false
}

// passingNoun reports whether the word at k is a passing thing's noun, not
// one of the pronouns transientThings also lists ("this weekend's lists
// are gone").
func passingNoun(toks []token, k int) bool {
	switch toks[k].w {
	case "it", "that", "this":
		return false
	}
	return matchesAny(toks, k, transientThings)
}

// billingDocuments are the documents a billing question is about.
var billingDocuments = mkPhrases("invoice*", "receipt*", "bill", "statement*", "factura*", "facture*", "fattur*", "fatura*",
	"factuur", "faktura*", "fakturze", "rechnung*", "recibo*", "ricevuta", "kvitto*", "счет*", "счёт*")

// onDocument reports whether the word at k is a billing document named as
// a place: a preposition shortly before it ("on the invoice", "auf der
// Rechnung", "en la factura", "sur la facture").
func onDocument(toks []token, k int) bool {
	if !matchesAny(toks, k, billingDocuments) {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4 && !toks[j+1].brk; j-- {
		if prepositions[toks[j].w] || documentPlaces[toks[j].w] {
			return true
		}
	}
	return false
}

// documentPlaces are "on" and "in" before a document in the languages
// tickets come in.
var documentPlaces = map[string]bool{"auf": true, "en": true, "sur": true, "dans": true, "na": true, "no": true, "nella": true,
	"sulla": true, "op": true, "på": true, "w": true, "в": true, "на": true}
