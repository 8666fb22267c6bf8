package triage

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Round fifty-seven: a binding's alias of two words or more is often
// written with its words apart or turned round ("the code by SMS", "code
// SMS" for "sms code"; "Partner API token endpoint" for "partner token";
// "charged the card" for "charge card"; "the CRM sync API" for "crm
// api"). An alias is the binding's own word for its service, and every
// world declares them: readAliasesApart reads an alias when all its
// words stand close together in one sentence, in any order, with the
// endings a verb or a plural takes.

// apartExtra is how many other words may stand among an alias's words
// read apart: "the code by SMS" has one, "Partner API token" one.
const apartExtra = 2

// minApartWord is the shortest word of an alias read apart: shorter
// words ("in" of "check-in", "up" of "top-up", "e" of "e-ID") are
// everywhere. Three-letter words ("sms", "api", "pdf", "crm") are the
// acronyms aliases are made of.
const minApartWord = 3

// Switches for measuring the round's two mechanisms apart (the unit tests
// turn them off to show the rows that fail without them).
var (
	readApart   = true // (1) an alias read with its words apart
	overLexicon = true // (2) an alias's span outranks the built-in lexicon
)

// apartAlias is an alias as readAliasesApart reads it: its words' keys,
// distinct, one per word.
type apartAlias struct {
	sp   servicePhrase
	keys []string
	// asWritten holds, for a word that carries a verb's ending itself
	// ("booking" of "room booking"), the word folded: it is read as
	// written or as its bare stem ("book a lesson", "online orders" for
	// "online ordering"), not by another ending ("booked a room" is a
	// verb's past, as round forty-four's lent forms are, which yield to
	// other words).
	asWritten []string
}

// apartAliases are the aliases of m.phrases that may be read apart: two
// words or more, each a word of minApartWord letters or more that is no
// function word, no pattern ("*", "+") and no repeat. Names are not
// read apart (a name is matched as written), nor the lexicon's words.
func apartAliases(phrases []servicePhrase) []apartAlias {
	var out []apartAlias
	seen := map[string]bool{}
	for _, sp := range phrases {
		if sp.strength != strengthAlias || len(sp.p) < 2 || sp.verb {
			continue
		}
		keys := make([]string, 0, len(sp.p))
		asWritten := make([]string, len(sp.p))
		for j, w := range sp.p {
			k := apartKey(fold(w))
			if !apartWord(w) || slices.Contains(keys, k) {
				keys = nil
				break
			}
			keys = append(keys, k)
			if f := fold(w); !strings.HasPrefix(k+"e", f) {
				asWritten[j] = f // an ending other than a silent "e" was taken off
			}
		}
		if keys == nil {
			continue
		}
		id := strconv.Itoa(sp.svc) + " " + strings.Join(slices.Sorted(slices.Values(keys)), " ")
		if seen[id] {
			continue // a plural shortPlural gave, or the same words twice
		}
		seen[id] = true
		out = append(out, apartAlias{sp: sp, keys: keys, asWritten: asWritten})
	}
	return out
}

// apartWord reports whether an alias's word may be read apart.
func apartWord(w string) bool {
	if strings.ContainsAny(w, "*+") || functionWords[w] || utf8.RuneCountInString(w) < minApartWord {
		return false
	}
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// apartKey is a word (stemmed, folded) without the ending a verb takes:
// "charged", "charge" and "charging" are "charg"; "booking" and "booked"
// are "book". At least three letters stay.
func apartKey(w string) string {
	for _, suf := range []string{"ing", "ed", "e"} {
		if b, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(b) >= minApartWord {
			return b
		}
	}
	return w
}

// readAliasesApart adds to all the aliases read with their words apart
// (apartAliases): all their words within len+apartExtra words of one
// sentence, in any order. Such a reading spans its words and what stands
// among them; it outranks a shorter alias of another service made of its
// own words ("sms" of notifications inside "SMS login code" read as auth's
// "sms code"), as a longer match does, and with overLexicon a built-in
// synonym of another service inside it ("SMS", "card", "charged"); any
// other name or alias of another service inside it stops the reading.
// The alias as written is matched already and is not added again.
func (m *serviceMatcher) readAliasesApart(toks []token, all []serviceMatch) []serviceMatch {
	if overLexicon {
		all = aliasOverLexicon(all)
	}
	if !readApart || len(m.apart) == 0 {
		return all
	}
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = apartKey(t.fw)
	}
	drop := map[int]bool{}
	var extra []serviceMatch
	for _, a := range m.apart {
		for i := 0; i < len(toks); i++ {
			if !slices.Contains(a.keys, keys[i]) {
				continue
			}
			end := apartWindow(toks, keys, i, a)
			if end < 0 {
				continue
			}
			out, ok := apartOutranks(all, a.sp, i, end)
			if !ok {
				continue
			}
			for _, j := range out {
				drop[j] = true
			}
			extra = append(extra, serviceMatch{sp: a.sp, pos: i, n: end - i + 1})
			i = end
		}
	}
	if len(extra) == 0 {
		return all
	}
	kept := all[:0:0]
	for j, mt := range all {
		if !drop[j] {
			kept = append(kept, mt)
		}
	}
	return append(kept, extra...)
}

// apartWindow returns the last word of the shortest stretch from toks[i]
// that holds every key, within the sentence and len(keys)+apartExtra
// words; -1 when there is none.
func apartWindow(toks []token, keys []string, i int, a apartAlias) int {
	seen := make([]bool, len(a.keys))
	left := len(a.keys)
	for k := i; k < len(toks) && k < i+len(a.keys)+apartExtra; k++ {
		if k > i && toks[k].stop {
			return -1
		}
		j := slices.Index(a.keys, keys[k])
		if j >= 0 && a.asWritten[j] != "" && toks[k].fw != a.asWritten[j] && !strings.HasPrefix(keys[k]+"e", toks[k].fw) {
			j = -1 // another ending than the alias's own: "booked" for "booking"
		}
		if k == i && j < 0 {
			return -1 // the stretch starts on one of the alias's words
		}
		if j >= 0 && !seen[j] {
			seen[j] = true
			if left--; left == 0 {
				return k
			}
		}
	}
	return -1
}

// apartOutranks returns the matches of all that an alias read apart over
// toks[from..to] outranks, and false when another service's name or
// alias stands inside it (or, without overLexicon, a synonym), or the
// alias as written was matched there already.
func apartOutranks(all []serviceMatch, sp servicePhrase, from, to int) ([]int, bool) {
	var out []int
	for j, mt := range all {
		if mt.pos > to || mt.pos+mt.n <= from {
			continue
		}
		switch {
		case mt.sp.svc == sp.svc:
			if mt.pos == from && mt.n == to-from+1 {
				return nil, false // read as written
			}
		case mt.sp.strength == strengthSynonym && overLexicon,
			mt.sp.strength == strengthAlias && wordsOf(mt.sp.p, sp.p):
			out = append(out, j)
		default:
			return nil, false
		}
	}
	return out, true
}

// wordsOf reports whether every word of p is a word of q ("sms" of "sms
// code").
func wordsOf(p, q phrase) bool {
	for _, w := range p {
		if !slices.Contains(q, w) {
			return false
		}
	}
	return true
}

// aliasOverLexicon drops the built-in synonyms (builtinSynonyms, the
// lexicon's translations, an alias head's verb forms) that share a word
// with a name or an alias of another service: where the binding declares
// its own word for a span, the built-in guess for the same words yields
// ("credit card" of payments inside "credit card reader", an alias of
// checkout).
func aliasOverLexicon(all []serviceMatch) []serviceMatch {
	kept := all[:0:0]
	for _, s := range all {
		if s.sp.strength == strengthSynonym && slices.ContainsFunc(all, func(o serviceMatch) bool {
			return o.sp.strength > strengthSynonym && o.sp.svc != s.sp.svc && o.pos < s.pos+s.n && s.pos < o.pos+o.n
		}) {
			continue
		}
		kept = append(kept, s)
	}
	return kept
}
