package triage

import (
	"fmt"
	"slices"
)

// Round ninety-seven: a request to be called back is about no service,
// whatever else it asks.
//
// The labels' convention gives a ticket that describes no failure of the
// product, and asks for something the desk does rather than a service
// (a privacy or deletion request, a question about a price or a policy,
// a call back), low with no service. callBackOnly (triage.go) keeps no
// service for a call-back request only when the call is all it asks:
// a question word beside it ("I have a couple of questions", "Frage",
// "문의"), a how-to or billing word or a question mark gave the request
// the service its topic names ("the quote for my son's braces", "our
// family holiday", "the contract renewal and the tier pricing"). In the
// tuned sets every such request was labeled with no service: the
// questions are what the call is to be about, told so the right person
// calls, not a report about the service their words stand for.
//
// What it reads: the ask to be called (inquiryWords' call-back phrases,
// in the languages callBackList holds, less those notCalledBy turns into
// a report or a refusal) on a ticket read as a question or request
// (claimLow) with no failure, outage or slowness word read as the
// writer's. A
// failure told beside the ask ("payments fail, please call me") is
// another claim, and a word of failure outweighed by the question
// ("how do I … I can't find") keeps the service the question names.
// The severity is the one read.

// callBackAsked returns the call-back phrase that makes a question or
// request one for a call, and whether there is one.
func callBackAsked(f *facts) (hit, bool) {
	// a failure or a slowness word a question outweighed (classify) is
	// still told beside the ask; a data-loss word makes a claim of its own
	if f.claim != claimLow || len(failedHits(&f.sig))+len(active(f.sig.degraded)) > 0 {
		return hit{}, false
	}
	// Mended after the review: a how-to, a feature or a billing question
	// of the ticket's own is answerable in writing, the call only offered
	// (asksOfItsOwn).
	if asksOfItsOwn(f) {
		return hit{}, false
	}
	best, ok := hit{}, false
	for _, h := range active(f.sig.inquiry) {
		if callBacks[&h.phrase[0]] && !callOfAnother(f.toks, h) && len(h.phrase) > len(best.phrase) {
			best, ok = h, true // the longest, as the reason quotes it
		}
	}
	return best, ok
}

// callBackKept reports whether a request to be called back
// (callBackAsked) keeps no service, and the reason when it clears one:
// the later readers of a question's service (refundNamed, askedAbout,
// ownedThing) are not asked either.
func callBackKept(f *facts, service string) (string, bool) {
	h, ok := callBackAsked(f)
	if !ok || service == "" {
		return "", ok
	}
	return fmt.Sprintf("a request to be called back (%s) that describes no failure asks for a call, about no service: not %s", quote([]hit{h}), service), true
}

// callOfAnother reports whether a call-back phrase asks the desk for no
// call (mended after the review): "please call" with an object other
// than the writer ("please call the partner api /v2/slots endpoint"), a
// third party as the caller shortly before it in its clause ("can the
// driver call me when he arrives", "could the driver please call me"),
// or "call me" followed by a name that ends its sentence ("you can call
// me Sam").
func callOfAnother(toks []token, h hit) bool {
	end := h.pos + len(h.phrase) // the word after the phrase
	if h.pos < 0 || end > len(toks) {
		return false // a hit read on other words than these
	}
	if len(h.phrase) == 2 && h.phrase[0] == "please" && h.phrase[1] == "call" &&
		end < len(toks) && !toks[end].brk && !calledWriter[toks[end].w] {
		return true
	}
	if len(h.phrase) == 2 && h.phrase[0] == "call" && h.phrase[1] == "me" && end < len(toks) && toks[end].name && !toks[end].brk &&
		!callDays[toks[end].w] && (end+1 == len(toks) || toks[end+1].brk || toks[end+1].stop) {
		return true
	}
	return shortlyBefore(toks, h.pos, thirdCallers)
}

// shortlyBefore reports whether one of words stands within three words
// before pos, in its clause (notCalledBy, callOfAnother).
func shortlyBefore(toks []token, pos int, words map[string]bool) bool {
	for k := pos - 1; k >= 0 && k >= pos-3; k-- {
		if toks[k+1].brk || clauseBreaks[toks[k].w] {
			return false
		}
		if words[toks[k].w] {
			return true
		}
	}
	return false
}

// calledWriter are the objects of "please call" that make it an ask to
// be called: the writer, or the call back itself.
var calledWriter = map[string]bool{"me": true, "us": true, "back": true}

// thirdCallers are the callers other than the desk that, shortly before a
// call-back phrase, make it a call someone else is to make.
var thirdCallers = map[string]bool{"driver": true, "courier": true, "rider": true, "he": true, "she": true, "they": true,
	"fahrer": true, "kurier": true, "livreur": true, "chauffeur": true, "coursier": true, "repartidor": true, "conductor": true}

// callDays are capitalised words after "call me" that name when to call,
// not a name the writer goes by.
var callDays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "tomorrow": true}

// asksOfItsOwn reports whether the ticket asks a how-to, a feature or a
// billing question of its own beside the call-back (mended after the
// review): "How do I change the phone number I use for sign-in? Please
// call me back", "Can I pay the monthly plan charge by SEPA direct
// debit? … call me back", "Would it be possible to add Google Pay …?
// give me a call", "Wie buche ich eine Abholung …? Oder rufen Sie mich
// an", "I want to know if it supports Apple Pay". The convention gives
// such a question the service it is about. Words in the sentence of a
// question noun ("questions about the invoices", "eine Frage zum
// Checkout", "plan charge 관련 문의") or of the ask itself ("call me today
// regarding the contract renewal and the tier pricing", "call me back
// about the quote for my son's braces?") are only the topic the call is
// to be about, and a bare question mark on the ask asks nothing more.
func asksOfItsOwn(f *facts) bool {
	s := &f.sig
	var topics []hit
	for _, h := range active(s.inquiry) {
		if !callBacks[&h.phrase[0]] || !callOfAnother(f.toks, h) {
			topics = append(topics, h)
		}
	}
	asks := append(active(s.feature), active(s.billing)...)
	for _, h := range active(s.howto) {
		if len(h.phrase) == 1 && h.phrase[0] == "question" {
			topics = append(topics, h) // the English question noun
		} else {
			asks = append(asks, h)
		}
	}
	topics = append(topics, findAll(f.toks, topicNouns)...)
	asks = append(append(asks, findAll(f.toks, ownQuestions)...), howOpeners(f.toks, s.sentence)...)
	inTopic := func(h hit) bool {
		return slices.ContainsFunc(topics, func(q hit) bool {
			return q.pos < len(s.sentence) && h.pos < len(s.sentence) && s.sentence[q.pos] == s.sentence[h.pos]
		})
	}
	return slices.ContainsFunc(asks, func(h hit) bool { return !inTopic(h) })
}

// topicNouns are question nouns the inquiry list does not read as
// written: the Korean noun with its particle ("문의가", "질문이"), the
// Arabic and Hebrew nouns.
var topicNouns = mkPhrases("문의*", "질문*", "سؤال", "أسئلة", "שאלה", "שאלות")

// ownQuestions ask whether the product does something, a feature
// question in words the feature list does not hold ("I want to know if
// it supports Apple Pay").
var ownQuestions = mkPhrases("know if", "know whether", "it support", "you support", "wissen ob", "savoir si", "saber si", "sapere se", "weten of")

// howOpeners are the questions of a sentence that opens with "how" and
// ends with a question mark ("Wie buche ich eine Abholung für zwei
// Adressen …?"): a how-to, in the languages the how-to list lacks the
// verb of. "How" is a manner word of shapeOpeners (severityshape.go),
// not another language's word there (foreignOpener: Tagalog "ako"); the
// read-through's mend, which shares the list.
func howOpeners(toks []token, sentence []int) []hit {
	var out []hit
	for i, t := range toks {
		if i >= len(sentence) || i > 0 && sentence[i-1] == sentence[i] {
			continue
		}
		if place, ok := shapeWord(shapeOpeners, t); !ok || place || foreignOpener(toks, sentence, i) {
			continue
		}
		for k := i; k < len(toks) && k < len(sentence) && sentence[k] == sentence[i]; k++ {
			if toks[k].q {
				out = append(out, hit{phrase: phrase{t.w}, pos: i})
				break
			}
		}
	}
	return out
}
