package triage

import (
	"regexp"
	"regexp/syntax"
	"slices"
)

// wordIndex indexes a list's entries (phrases, by their place in the list)
// by the first two bytes of the words a token must start with to match
// them, so that a token is tried against the entries it may match rather
// than the whole list.
type wordIndex struct {
	n      int                // entries added
	any    []int32            // entries any token may match
	byPair map[uint16][]int32 // entries by the first two bytes of their word
	byByte map[byte][]int32   // the same by the first byte: for a one-byte token
}

// add indexes entry j, the next one, under w: the start of every token
// that may match it. "" stands for any token; a one-byte w is found by
// one-byte forms only (lookUp), as a word of one letter that a token
// must equal.
func (x *wordIndex) add(j int32, w string) {
	x.n = int(j) + 1
	if x.byPair == nil {
		x.byPair, x.byByte = map[uint16][]int32{}, map[byte][]int32{}
	}
	switch {
	case w == "":
		x.any = append(x.any, j)
	case len(w) == 1:
		x.byByte[w[0]] = append(x.byByte[w[0]], j)
	default:
		x.byPair[bytePair(w)] = append(x.byPair[bytePair(w)], j)
		x.byByte[w[0]] = append(x.byByte[w[0]], j)
	}
}

// lookUp appends to buf the entries a token whose forms are forms may
// match, with any's, as sorted lists to be merged (eachMerged): by the
// first two bytes of a form, or by its byte for a one-byte form.
func (x *wordIndex) lookUp(buf [][]int32, forms ...string) [][]int32 {
	if len(x.any) > 0 {
		buf = append(buf, x.any)
	}
	for k, f := range forms {
		if f == "" || k > 0 && f == forms[k-1] {
			continue
		}
		l := x.byByte[f[0]]
		if len(f) > 1 {
			l = x.byPair[bytePair(f)]
		}
		if len(l) > 0 {
			buf = append(buf, l)
		}
	}
	return buf
}

// bytePair is the first two bytes of s, which has two or more.
func bytePair(s string) uint16 { return uint16(s[0])<<8 | uint16(s[1]) }

// eachMerged calls fn with each entry the sorted lists hold, in ascending
// order, once.
func eachMerged(lists [][]int32, fn func(j int32)) {
	for {
		j := int32(-1)
		for _, l := range lists {
			if len(l) > 0 && (j < 0 || l[0] < j) {
				j = l[0]
			}
		}
		if j < 0 {
			return
		}
		for k, l := range lists {
			if len(l) > 0 && l[0] == j {
				lists[k] = l[1:]
			}
		}
		fn(j)
	}
}

// captureStrings returns every string group cap of re matches, when they
// are few (a finite alternation of words), and whether it could list
// them: not for a group with a repetition without bound, a class of many
// runes or an assertion, nor one matching case-insensitively.
func captureStrings(re *regexp.Regexp, cap int) ([]string, bool) {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil, false
	}
	var group *syntax.Regexp
	var find func(n *syntax.Regexp)
	find = func(n *syntax.Regexp) {
		if n.Op == syntax.OpCapture && n.Cap == cap {
			group = n
		}
		for _, sub := range n.Sub {
			find(sub)
		}
	}
	find(tree)
	if group == nil {
		return nil, false
	}
	out, ok := languageOf(group)
	slices.Sort(out)
	return slices.Compact(out), ok
}

// maxLanguage bounds the strings languageOf lists.
const maxLanguage = 5000

// languageOf lists the strings n matches (see captureStrings).
func languageOf(n *syntax.Regexp) ([]string, bool) {
	switch n.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		if n.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(n.Rune)}, true
	case syntax.OpCharClass:
		if n.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		var out []string
		for k := 0; k+1 < len(n.Rune); k += 2 {
			if n.Rune[k+1]-n.Rune[k] > 16 || len(out) > 16 {
				return nil, false
			}
			for r := n.Rune[k]; r <= n.Rune[k+1]; r++ {
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpCapture:
		return languageOf(n.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, sub := range n.Sub {
			l, ok := languageOf(sub)
			if !ok || len(out)+len(l) > maxLanguage {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, true
	case syntax.OpQuest:
		l, ok := languageOf(n.Sub[0])
		return append(l, ""), ok
	case syntax.OpRepeat:
		if n.Max < 0 {
			return nil, false
		}
		var out []string
		for k := n.Min; k <= n.Max; k++ {
			l, ok := languageOf(&syntax.Regexp{Op: syntax.OpConcat, Sub: slices.Repeat([]*syntax.Regexp{n.Sub[0]}, k)})
			if !ok || len(out)+len(l) > maxLanguage {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range n.Sub {
			l, ok := languageOf(sub)
			if !ok || len(out)*len(l) > maxLanguage {
				return nil, false
			}
			next := make([]string, 0, len(out)*len(l))
			for _, a := range out {
				for _, b := range l {
					next = append(next, a+b)
				}
			}
			out = next
		}
		return out, true
	}
	return nil, false
}
