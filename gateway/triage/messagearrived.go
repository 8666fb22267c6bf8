package triage

import "fmt"

// Round seventy-two: the message that came, and then what did not. "I got
// the confirmation e-mail, but the order is not in the app", "Fikk SMS-en
// med portkoden, men låsen åpner ikke": the message the writer received is
// what worked, and the thing the contrast names after it is the outcome
// that failed. The writer states it by a verb of receiving, not negated,
// in a clause the words do not read as failing, followed in its sentence
// by a clause a contrast word starts ("but", "men", "pero", "aber"). The
// message's words there count as said to work (rankServices), as "the
// login works, but" does. A message that did not arrive stays the
// messaging service's (undeliveredMessage), and so does one that came but
// is itself the trouble told in its own clause ("I got the e-mail twice,
// with the wrong name"), which the failure words read as failing.

// receivedWords are the past forms of getting a message, beside
// arriveWords, in the languages whose tickets say so with a verb of their
// own: "fikk", "fick", "bekam", "kreeg", "dostałem", "получил", "sain".
var receivedWords = mkPhrases("fikk", "fick", "fik", "fått", "fået", "bekommen", "bekam", "erhalten", "gekregen", "kreeg",
	"llegó", "dostał*", "otrzymał*", "przyszedł", "przyszła", "přišel", "přišla", "přišlo", "dostal*", "получил*", "пришло",
	"пришел", "пришёл", "sain", "tuli", "geldi", "aldım")

// arrivedMessages are the word positions of the messages the writer
// says came, in a clause not read as failing and followed by a contrast
// in the same sentence: the message noun and the two words before it (a
// compound's modifiers: "confirmation e-mail").
func arrivedMessages(toks []token, cl []int, failing map[int]bool) map[int]bool {
	var out map[int]bool
	var repeats []hit // read once, at the first message before a contrast
	for i := range toks {
		if i >= len(cl) || failing[cl[i]] || !messageNouns.matches(toks, i) {
			continue
		}
		if i > 0 && errorWords[toks[i-1].w] {
			continue // "an error message" is what the screen shows
		}
		if !contrastFollows(toks, cl, i) || messageAfter(toks, cl, i) || contrastRefersBack(toks, cl, i) {
			continue
		}
		if repeats == nil {
			repeats = findAll(toks, repeatWords)
		}
		if repeatedIn(repeats, cl, i) {
			continue
		}
		for k := max(0, i-6); k <= i+6 && k < len(toks) && k < len(cl); k++ {
			if cl[k] != cl[i] || k == i || !(arriveWords.matches(toks, k) || receivedWords.matches(toks, k)) || arrivalNegated(toks, i, k) ||
				neverAfter(toks, k) {
				continue
			}
			if out == nil {
				out = map[int]bool{}
			}
			for b := i; b >= 0 && b >= i-2 && cl[b] == cl[i]; b-- {
				out[b] = true
			}
			break
		}
	}
	return out
}

// contrastFollows reports whether a clause a contrast word starts follows
// the word at i in its sentence.
func contrastFollows(toks []token, cl []int, i int) bool {
	for k := i + 1; k < len(toks) && k < len(cl); k++ {
		if toks[k].stop {
			return false
		}
		if cl[k] != cl[i] && contrastWords[toks[k].w] {
			return true
		}
	}
	return false
}

// repeatWords say a thing came more than once: a message received twice
// is the messaging service's own trouble, whatever follows.
var repeatWords = mkPhrases("twice", "again and again", "two times", "several times", "multiple times", "times", "duplicate*",
	"zweimal", "doppelt", "mehrfach", "deux fois", "plusieurs fois", "dos veces", "varias veces", "duas vezes", "várias vezes",
	"due volte", "più volte", "twee keer", "dubbel", "två gånger", "flera gånger", "to ganger", "flere ganger", "to gange",
	"kahdesti", "kaksi kertaa", "dwa razy", "kilka razy", "dvakrát", "několikrát", "дважды", "несколько раз", "iki kez", "2x", "3x")

// repeatedIn reports whether a repeat word (repeats, the hits of
// repeatWords) stands in the clause of the word at i.
func repeatedIn(repeats []hit, cl []int, i int) bool {
	for _, h := range repeats {
		if h.pos < len(cl) && cl[h.pos] == cl[i] {
			return true
		}
	}
	return false
}

// arrivalReason is the explanation's line for the messages said to have
// come before a contrast, "" for none; cl and failing are failingClauses'.
func arrivalReason(toks []token, cl []int, failing map[int]bool) string {
	arrived := arrivedMessages(toks, cl, failing)
	if len(arrived) == 0 {
		return ""
	}
	at := len(toks)
	for p := range arrived {
		if messageNouns.matches(toks, p) {
			at = min(at, p)
		}
	}
	return fmt.Sprintf("the message came (%q), then the contrast names what did not: the message is not the outcome", toks[at].raw)
}

// allArrived reports whether every place a mention stands is a message
// said to have come: a name that says only what worked does not keep the
// flows' words from telling what failed.
func allArrived(m ServiceMention, arrived map[int]bool) bool {
	if len(arrived) == 0 {
		return false
	}
	for _, p := range mentionsAt(m) {
		if !arrived[p] {
			return false
		}
	}
	return true
}

// neverWords negate the verb they follow, as the Nordic languages, German
// and Dutch place "never": "jeg fikk aldri SMS-en", "ich bekam nie eine
// Mail", "ik kreeg nooit een mail". Nynorsk "ikkje" is a clauseEndNegators
// word, read to the end of the clause.
var neverWords = map[string]bool{"aldri": true, "aldrig": true, "nie": true, "nooit": true, "koskaan": true}

// neverAfter reports whether a never word or a negator that follows its
// verb stands after the verb at k (negatedToClauseEnd).
func neverAfter(toks []token, k int) bool {
	return negatedToClauseEnd(toks, k, neverWords)
}

// clauseEndNegators stand at the end of a main clause, after its verb's
// object, where German, Dutch and the Nordic languages put the verb
// second: "ich bekam die SMS mit dem Code nicht", "ik kreeg de sms met de
// code niet", "jeg fikk koden på SMS ikke". English "not" is not one: it
// follows an auxiliary right away ("did not").
var clauseEndNegators = map[string]bool{"nicht": true, "niet": true, "inte": true, "ikke": true, "ikkje": true}

// clauseJoiners end a main clause as a comma does: what follows is the
// next clause's ("die Mail kommt und der Link geht nicht").
var clauseJoiners = map[string]bool{"und": true, "oder": true, "en": true, "of": true, "och": true, "eller": true, "og": true,
	"and": true, "or": true, "et": true, "y": true, "e": true, "i": true, "a": true, "и": true, "ja": true}

// negatedToClauseEnd reports whether the verb at k is negated after it:
// an afterNegators or near word up to two words on, or a
// clauseEndNegators word up to the end of its clause (a comma, a contrast
// word, a joiner).
func negatedToClauseEnd(toks []token, k int, near map[string]bool) bool {
	for a := k + 1; a < len(toks) && !toks[a].brk; a++ {
		w := toks[a].w
		if contrastWords[w] || clauseJoiners[w] {
			return false
		}
		if clauseEndNegators[w] || a <= k+2 && (afterNegators[w] || near[w]) {
			return true
		}
	}
	return false
}

// contrastRefersBack reports whether the clause after the contrast that
// follows the message at i points back to the message with a pronoun
// ("but the link in it leads to a 404", "but it is empty"): the message
// that came is then itself the trouble.
func contrastRefersBack(toks []token, cl []int, i int) bool {
	after := -1
	for k := i + 1; k < len(toks) && k < len(cl); k++ {
		if toks[k].stop {
			return false
		}
		if after < 0 && cl[k] != cl[i] && contrastWords[toks[k].w] {
			after = cl[k]
		}
		if after >= 0 && cl[k] != after {
			return false
		}
		if after >= 0 && backPronouns[toks[k].w] {
			return true
		}
	}
	return false
}

// backPronouns point back to a thing said before: "it", and the words for
// "in it" ("darin", "erin", "dedans").
var backPronouns = map[string]bool{"it": true, "its": true, "darin": true, "erin": true, "daarin": true,
	"dedans": true}

// messageAfter reports whether a message noun stands in a later clause of
// the sentence of the word at i: "the SMS code arrives, but the order
// confirmation e-mail does not" contrasts two messages, and the one that
// did not come is the messaging service's own failure.
func messageAfter(toks []token, cl []int, i int) bool {
	for k := i + 1; k < len(toks) && k < len(cl); k++ {
		if toks[k].stop {
			return false
		}
		if cl[k] != cl[i] && messageNouns.matches(toks, k) {
			return true
		}
	}
	return false
}
