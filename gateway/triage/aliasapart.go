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

// apartAlias is an alias as readAliasesApart reads it: for each of its
// words, the forms a ticket's word (stemmed, folded) takes (apartForms).
type apartAlias struct {
	sp    servicePhrase
	forms [][]string
}

// apartRef is the j-th word of the a-th apart alias.
type apartRef struct{ a, j int }

// apartReader holds the aliases that may be read apart, indexed by the
// forms of their words: a ticket's words are looked up once each.
type apartReader struct {
	aliases []apartAlias
	byForm  map[string][]apartRef
}

// newApartReader reads the aliases of phrases that may be read apart: two
// words or more, each a word of minApartWord letters or more that is no
// function word, no pattern ("*", "+") and no repeat (no two words share
// a form). A name's trimmed form ("order history" of
// "order-history-service") is an alias and is read apart too; the
// lexicon's words are not.
func newApartReader(phrases []servicePhrase) apartReader {
	r := apartReader{byForm: map[string][]apartRef{}}
	seen := map[string]bool{}
	for _, sp := range phrases {
		if sp.strength != strengthAlias || len(sp.p) < 2 || sp.verb {
			continue
		}
		forms := make([][]string, 0, len(sp.p))
		all := map[string]bool{}
		for _, w := range sp.p {
			fs := apartForms(fold(w))
			if !apartWord(w) || slices.ContainsFunc(fs, func(f string) bool { return all[f] }) {
				forms = nil
				break
			}
			for _, f := range fs {
				all[f] = true
			}
			forms = append(forms, fs)
		}
		if forms == nil {
			continue
		}
		heads := make([]string, len(forms))
		for j, fs := range forms {
			heads[j] = fs[0]
		}
		id := strconv.Itoa(sp.svc) + " " + strings.Join(slices.Sorted(slices.Values(heads)), " ")
		if seen[id] {
			continue // a plural shortPlural gave, or the same words twice
		}
		seen[id] = true
		for j, fs := range forms {
			for _, f := range fs {
				r.byForm[f] = append(r.byForm[f], apartRef{len(r.aliases), j})
			}
		}
		r.aliases = append(r.aliases, apartAlias{sp: sp, forms: forms})
	}
	return r
}

// apartWord reports whether an alias's word may be read apart.
func apartWord(w string) bool {
	if strings.ContainsAny(w, "*+") || functionWords[w] || utf8.RuneCountInString(w) < minApartWord {
		return false
	}
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// apartForms are the forms a ticket's word (stemmed, folded: a plural's
// "s" is off) takes to be the alias's word w (folded): w itself, or w with
// the endings a verb takes, its own final "e" dropped before them
// ("charge": "charged", "charging"). A word that carries a verb's ending
// itself ("booking" of "room booking") is read as written or as its bare
// stem ("book a lesson", "online orders" for "online ordering"), not by
// another ending ("booked a room" is a verb's past, as round forty-four's
// lent forms are, which yield to other words). The ticket's word is never
// cut: "not" is no "note", "car" no "care", "carte" no "cart".
func apartForms(w string) []string {
	for _, suf := range []string{"ing", "ed"} {
		if b, ok := strings.CutSuffix(w, suf); ok && utf8.RuneCountInString(b) >= minApartWord {
			return []string{w, b, b + "e"}
		}
	}
	b := strings.TrimSuffix(w, "e")
	return []string{w, b + "ed", b + "ing"}
}

// apartLookups are the forms under which a ticket's word is looked up
// among the aliases' words: its word stemmed and folded, and for a plural
// in "es" the word without it ("passes" is "passe" stemmed, and "pass").
func apartLookups(t token) []string {
	if b, ok := strings.CutSuffix(t.f, "es"); ok && t.fw == b+"e" && utf8.RuneCountInString(b) >= minApartWord {
		return []string{t.fw, b}
	}
	return []string{t.fw}
}

// readAliasesApart adds to all the aliases read with their words apart
// (m.apart): all their words within len+apartExtra words of one sentence
// of plain prose, in any order. Such a reading spans its words and what
// stands among them; it outranks a shorter alias of another service made
// of its own words ("sms" of notifications inside "SMS login code" read
// as auth's "sms code"), as a longer match does, and a built-in synonym
// of another service inside it ("SMS", "card", "charged") no longer than
// the alias; any other name or alias of another service inside it stops
// the reading. The alias as written is matched already and is not added
// again.
func (m *serviceMatcher) readAliasesApart(toks []token, all []serviceMatch) []serviceMatch {
	if !m.noOverLexicon {
		all = aliasOverLexicon(all)
	}
	if m.noApart || len(m.apart.aliases) == 0 {
		return all
	}
	var next map[int]int // per alias, the first word a new reading may start on
	drop := map[int]bool{}
	var extra []serviceMatch
	for i, t := range toks {
		for _, r := range m.apart.refs(t) {
			if i < next[r.a] {
				continue
			}
			a := m.apart.aliases[r.a]
			end := apartWindow(toks, i, a)
			if end < 0 {
				continue
			}
			out, ok := m.apartOutranks(all, a.sp, i, end)
			if !ok {
				continue
			}
			for _, j := range out {
				drop[j] = true
			}
			extra = append(extra, serviceMatch{sp: a.sp, pos: i, n: end - i + 1})
			if next == nil {
				next = map[int]int{}
			}
			next[r.a] = end + 1
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

// refs returns the words of the aliases the ticket's word t may be.
func (r apartReader) refs(t token) []apartRef {
	ls := apartLookups(t)
	if len(ls) == 1 {
		return r.byForm[ls[0]]
	}
	return append(slices.Clip(r.byForm[ls[0]]), r.byForm[ls[1]]...)
}

// word returns which word of a the ticket's word t is, -1 for none.
func (a apartAlias) word(t token) int {
	for _, l := range apartLookups(t) {
		if j := slices.IndexFunc(a.forms, func(fs []string) bool { return slices.Contains(fs, l) }); j >= 0 {
			return j
		}
	}
	return -1
}

// apartWindow returns the last word of the shortest stretch from toks[i]
// that holds every word of a, within one sentence of plain prose and
// len(a)+apartExtra words; -1 when there is none. Pasted text (a quote,
// a brace, a bracket, a slash, a backslash, a pipe, "=", "<" or ">"
// between the words, or a dot inside a word: JSON, a URL, a path, a
// signature; token.code) is no prose. A colon and an underscore are
// prose (text.go).
func apartWindow(toks []token, i int, a apartAlias) int {
	n := len(a.forms)
	seen := make([]bool, n)
	left := n
	for k := i; k < len(toks) && k < i+n+apartExtra; k++ {
		if k > i && (toks[k].stop || toks[k].code) {
			return -1
		}
		j := a.word(toks[k]) // toks[i] is one of a's words (apartReader.refs)
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
// alias stands inside it (or a built-in synonym longer than the alias,
// or, without overLexicon, any synonym), or the alias as written was
// matched there already.
func (m *serviceMatcher) apartOutranks(all []serviceMatch, sp servicePhrase, from, to int) ([]int, bool) {
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
		case mt.sp.strength == strengthSynonym && !m.noOverLexicon && mt.n <= len(sp.p),
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
// with a name or an alias of another service at least as long: where the
// binding declares its own word for a span, the built-in guess for the
// same words yields ("credit card" of payments inside "credit card
// reader", an alias of checkout), but a longer synonym is the longer
// match ("bank transfer" of payments over "transfer" of files).
func aliasOverLexicon(all []serviceMatch) []serviceMatch {
	var over map[int][]int // the names and aliases over each word
	for j, o := range all {
		if o.sp.strength > strengthSynonym {
			if over == nil {
				over = map[int][]int{}
			}
			for p := o.pos; p < o.pos+o.n; p++ {
				over[p] = append(over[p], j)
			}
		}
	}
	if over == nil {
		return all
	}
	outranked := func(s serviceMatch) bool {
		for p := s.pos; p < s.pos+s.n; p++ {
			for _, j := range over[p] {
				if o := all[j]; o.sp.svc != s.sp.svc && o.n >= s.n {
					return true
				}
			}
		}
		return false
	}
	kept := all[:0:0]
	for _, s := range all {
		if s.sp.strength == strengthSynonym && outranked(s) {
			continue
		}
		kept = append(kept, s)
	}
	return kept
}
