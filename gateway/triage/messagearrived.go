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
		if !contrastFollows(toks, cl, i) || messageAfter(toks, cl, i) {
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
// come before a contrast, "" for none.
func arrivalReason(toks []token, sig *signals) string {
	cl, failing := failingClauses(toks, sig)
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
// Mail", "ik kreeg nooit een mail".
var neverWords = map[string]bool{"aldri": true, "aldrig": true, "ikkje": true, "nie": true, "nooit": true, "koskaan": true}

// neverAfter reports whether a never word follows the verb at k, up to two
// words on in its clause.
func neverAfter(toks []token, k int) bool {
	for a := k + 1; a < len(toks) && a <= k+2 && !toks[a].brk; a++ {
		if neverWords[toks[a].w] || afterNegators[toks[a].w] {
			return true
		}
	}
	return false
}

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
