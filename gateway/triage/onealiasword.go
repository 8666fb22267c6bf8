package triage

import (
	"slices"
	"strings"
	"unicode"
)

// Round ninety-six: one word of one service's aliases places a failure
// report. Round sixty's vocabService places a ticket that leaves the
// service open by the words it shares with one service's vocabulary, and
// asks for two such words, or one that is both an alias word and a word
// of the service's failure log lines. A failure report often names the
// world's thing by one word of an alias only ("the seats are released
// after two minutes" beside the alias "reserve seats", "the customer
// portal is slow" beside "customer portal", "my appointment" beside "book
// an appointment"), and the logs, clean in the window, hold no line with
// it.
// Round ninety tried one word of the log lines and was not merged: a log
// line's words are the operator's generic ones ("unexpected", "conflict",
// "in progress"). An alias is the operator's own name for what the service
// owns, so one of its words, when no other service's aliases and no other
// service's log lines hold it, is read as the service's place. The log
// lines are those of the current window and its baseline only (the
// vocabulary is read per window, serviceVocabularies): a word another
// service logs in another hour is not seen.
//
// What it reads: the one word vocabService found (shared with the best
// service alone), the claim, the ticket's billing words and the aliases.
// Guards:
//   - a failure report only (failureClaim): a question or a request names
//     the world's things as a failure does, without one failing;
//   - not a complaint about the account's own bill or invoice
//     (accountBilling), unless a server's failure is quoted
//     (failedNotBilled), as logWordsService reads it;
//   - the word is an alias's last content word, its head ("portal" of
//     "customer portal", "seats" of "reserve seats"): a word before the
//     head is the world's everyday noun the service acts on ("scooter" of
//     "scooter unlock", "appointment" of "appointment slot"), which a
//     ticket names for a flat tyre or a printer too (round sixty's
//     counter-rows);
//   - never the finding service: what its aliases name is what is looked
//     for ("find a doctor", "employee search"), not the search;
//   - the word names the service's thing where it stands
//     (headOwnedElsewhere, the review's mend): not after a content word of no alias of the
//     service ("SIM slot", "coin slot", "calendar reminder": another
//     thing's part), not followed by a preposition and the writer's or a
//     third party's possessive ("the slot of my phone", "the slot in our
//     building's door", "a reminder on my phone"); one place where it
//     stands free is enough ("Photos not loading — the photos of my
//     jacket don't load");
//   - the failure is not told of a thing owned by the writer or a third
//     party that names no service, in a clause without the word
//     (ownedThingFails: "the hotel's housekeeping tablet is broken, so we
//     take photos of the lists by hand").
//
// Only the service is placed, as vocabService places it; the severity
// stays the one read without it.

// oneAliasWordPlaces reports whether the one word shared, the only one
// the best service svc's vocabulary v shares with the ticket, places a
// failure report there (the hook in vocabService).
func (t *Triager) oneAliasWordPlaces(f *facts, svc string, shared []string) bool {
	if len(shared) != 1 || !failureClaim(f.claim) || svc == t.flowService("finding") {
		return false
	}
	if accountBilling(&f.sig) && !failedNotBilled(&f.sig) {
		return false
	}
	w := shared[0]
	for _, s := range t.p.Services {
		if s.Name != svc {
			continue
		}
		for _, a := range s.Aliases {
			if ws := aliasWords([]string{a}); len(ws) > 0 && sameLogWord(w, ws[len(ws)-1]) {
				return !headOwnedElsewhere(f, w, aliasWords(s.Aliases)) && !t.ownedThingFails(f, w)
			}
		}
	}
	return false
}

// headOwnedElsewhere reports whether every place the ticket's word w
// stands (its own words, as vocabService read them: no claim word, no
// denied or working clause) names another thing's part or a thing owned
// by the writer or a third party: straight after a content word that is
// none of the service's alias words (own) and no claim word or
// possessive ("SIM slot", "coin slot"), or followed by a preposition and
// such a possessive ("slot of my phone", "slot in our building's door",
// "Slot meines Handys", "rappel sur mon téléphone", "recordatorio en mi
// teléfono").
func headOwnedElsewhere(f *facts, w string, own []string) bool {
	claimed := claimedAt(&f.sig)
	cleared := clearedAt(f.toks, &f.sig, claimed)
	toks := f.toks
	seen := false
	for i, tk := range toks {
		if tk.fw != w || claimed[i] || cleared(i) {
			continue
		}
		seen = true
		if !modifiedByOther(toks, i, claimed, own) && !ownerAfter(toks, i) {
			return false
		}
	}
	return seen
}

// modifiedByOther reports whether a content word of another thing stands
// straight before the word at i, in its clause: no claim word, none of
// notModifiers, no verb (a word after verbBefore: "we take photos"),
// none of the service's own alias words.
func modifiedByOther(toks []token, i int, claimed map[int]bool, own []string) bool {
	if i == 0 || toks[i].brk || toks[i].stop || toks[i].code {
		return false
	}
	p := toks[i-1]
	if claimed[i-1] || p.code || functionWords[p.raw] || notModifiers[p.raw] || len([]rune(p.fw)) < minLogWordLen {
		return false
	}
	if i >= 2 && !p.brk && !p.stop && verbBefore[toks[i-2].w] {
		return false
	}
	for _, r := range p.fw {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return !slices.ContainsFunc(own, func(a string) bool { return sameLogWord(p.fw, a) })
}

// ownerAfter reports whether the word at i is followed, in its clause, by
// a preposition and the writer's or a third party's possessive or a
// possessive noun ("of my phone", "from my old boat", "in our building's
// door", "on the hotel's tablet", "of Tom's boat", "de mon téléphone",
// "de mi teléfono", "van mijn telefoon", "aus meinem Boot"), or, in
// German, by a genitive possessive ("meines Handys"). The account the
// writer has with the product is no other owner ("the planner in my
// account").
func ownerAfter(toks []token, i int) bool {
	next := func(k int) (token, bool) {
		if k >= len(toks) || toks[k].brk || toks[k].stop {
			return token{}, false
		}
		return toks[k], true
	}
	a, ok := next(i + 1)
	if !ok {
		return false
	}
	if genitiveOwners[a.raw] {
		return true
	}
	if !ownerPreps[a.raw] {
		return false
	}
	b, ok := next(i + 2)
	if !ok {
		return false
	}
	if otherOwners[b.raw] {
		// the product's own account is no other owner ("the planner in
		// my account fails", the read-through's mend)
		c, ok := next(i + 3)
		return !ok || !accountNoun(c.raw)
	}
	if b.poss {
		return true
	}
	if b.raw == "the" || b.raw == "a" {
		c, ok := next(i + 3)
		return ok && c.poss
	}
	return false
}

// ownedThingFails reports whether a failure is told only of a thing the
// writer or a third party owns, in a clause without the word w: every
// failure word's clause lacks w, and one of them has a possessive
// (otherOwners, or a possessive noun: "the hotel's", not "it's") before
// the failure word and no word of any service's vocabulary ("the hotel's
// housekeeping tablet is broken, so we take photos of the linen lists by
// hand").
func (t *Triager) ownedThingFails(f *facts, w string) bool {
	s := &f.sig
	var hits []hit
	for _, hs := range [][]hit{s.outage, s.failure, s.degraded, s.cueFailure} {
		for _, h := range hs {
			if !h.neg && h.pos >= 0 && h.pos < len(s.clause) && h.pos < len(f.toks) {
				hits = append(hits, h)
			}
		}
	}
	clauseHas := func(c int, pred func(int, token) bool) bool {
		for i, tk := range f.toks {
			if i < len(s.clause) && s.clause[i] == c && pred(i, tk) {
				return true
			}
		}
		return false
	}
	owned := false
	for _, h := range hits {
		c := s.clause[h.pos]
		if clauseHas(c, func(_ int, tk token) bool { return tk.fw == w }) {
			return false
		}
		if clauseHas(c, func(i int, tk token) bool { return i < h.pos && (otherOwners[tk.raw] || ownerPossessive(tk)) }) &&
			!clauseHas(c, func(_ int, tk token) bool { return t.inSomeVocabulary(f, tk.fw) }) {
			owned = true
		}
	}
	return owned
}

// ownerPossessive reports whether t is a possessive noun ("the hotel's"),
// not a pronoun or a determiner with "is" or "has" written onto it
// ("it's", "that's", "there's", "what's", "he's": the read-through's
// mend).
func ownerPossessive(t token) bool {
	return t.poss && !functionWords[strings.TrimSuffix(t.raw, "s")]
}

// inSomeVocabulary reports whether w is a word of some service's
// vocabulary (its aliases' or its log lines').
func (t *Triager) inSomeVocabulary(f *facts, w string) bool {
	for _, v := range t.cachedVocabularies(f.ev) {
		if slices.ContainsFunc(v.words, func(x string) bool { return sameLogWord(w, x) }) {
			return true
		}
	}
	return false
}

// otherOwners are the writer's and a third party's possessives, the
// service's "your" left out: the writer's own (ownWords, toldguard.go),
// with the forms it lacks (the German genitive, the French and Spanish
// plurals, Dutch "ons"), and a third party's in English, German (the cases after
// a preposition), French, Spanish and Dutch (the read-through's mend: one
// list of the writer's possessives).
var otherOwners = unionOf(ownWords, wordSet(nil,
	"meines unseres mes nos nuestros nuestras ons",
	"his her their seinem seiner seines son sa ses leur leurs zijn haar hun"))

// ownerPreps are the prepositions an owner follows the word by; the
// genitiveOwners follow it with none ("der Slot meines Handys").
var (
	ownerPreps = map[string]bool{"of": true, "in": true, "on": true, "at": true, "inside": true, "from": true,
		"von": true, "aus": true, "an": true, "auf": true, "de": true, "du": true, "dans": true, "sur": true, "en": true,
		"van": true, "op": true}
	genitiveOwners = map[string]bool{"meines": true, "meiner": true, "unseres": true, "unserer": true, "seines": true}
)

// notModifiers are the words before a noun that name no other thing:
// possessives, determiners, quantifiers, prepositions ("meine Credits",
// "your photos", "every reminder", "beim Deck", "into the planner").
var notModifiers = wordSet(nil,
	"your every other those each many more less most both such same only even still again never always already really into onto through during without under over",
	"meine meinen unsere unseren ihre ihren eure deine jede jeden jeder alle keine beim vom zum zur durch ohne über unter",
	"votre vos toutes tous chez sous vers cada todos todas sobre entre hacia jouw naar door tijdens onder")

// verbBefore are the words after which the word before the head is a
// verb, not a modifier ("we take photos", "I can't book slots", "to
// upload photos").
var verbBefore = wordSet(nil, "i we you they to can cant cannot could couldnt will wont dont didnt doesnt wouldnt please ich wir je nous")
