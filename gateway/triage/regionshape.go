package triage

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
)

// A reader of a region's name is an alternation of shapes, each the words
// before the name, the name (regionAlt) in a group, and the words after
// it. Its scan runs every shape from every offset of the text, the name's
// alternation included; most texts that name a region name it where no
// shape can read it ("our customers in Lisbon", "я сейчас в Лондоне"). A
// shape reads a name at s[at:end] only where its before matches up to at
// and its after from end, so those two short expressions, asked of each
// name the text holds, tell without the scan that it would find nothing.

// regionShape is one shape of a reader: before and after, expressions,
// and group, the name of the name's group ("" for a numbered one).
type regionShape struct {
	before, group, after string
}

// regionShapesExpr is the reader's expression: the alternation of its
// shapes, in their order. Each part stands in a group of its own, so that
// an alternation or a flag in it reaches no further, as in its pre-check.
func regionShapesExpr(shapes []regionShape) string {
	alts := make([]string, len(shapes))
	for i, sh := range shapes {
		open := `(`
		if sh.group != "" {
			open = `(?P<` + sh.group + `>`
		}
		alts[i] = nonCapturing(sh.before) + open + regionAlt + `)` + nonCapturing(sh.after)
	}
	return strings.Join(alts, `|`)
}

// nonCapturing is expr in a group that captures nothing, or "" if it is empty.
func nonCapturing(expr string) string {
	if expr == "" {
		return ""
	}
	return `(?:` + expr + `)`
}

// shapeCheck is a shape's pre-check: before must match at the end of the
// text before a name, after at the start of the text after it (nil: any
// text).
type shapeCheck struct {
	before, after *regexp.Regexp
}

// shapeChecks compiles the shapes' pre-checks on their first use.
func shapeChecks(shapes []regionShape) func() []shapeCheck {
	return sync.OnceValue(func() []shapeCheck {
		out := make([]shapeCheck, len(shapes))
		for i, sh := range shapes {
			if seesPast(sh.before) || seesPast(sh.after) {
				panic("a region shape asks for a word boundary: " + sh.before + " … " + sh.after)
			}
			if sh.before != "" {
				out[i].before = regexp.MustCompile(nonCapturing(sh.before) + `$`)
			}
			if sh.after != "" {
				out[i].after = regexp.MustCompile(`^` + nonCapturing(sh.after))
			}
		}
		return out
	})
}

// seesPast reports whether expr asks for a word boundary (\b, \B): at
// the edge of a cut text it would read a rune the cut left out.
func seesPast(expr string) bool {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	var walk func(*syntax.Regexp) bool
	walk = func(r *syntax.Regexp) bool {
		if r.Op == syntax.OpWordBoundary || r.Op == syntax.OpNoWordBoundary {
			return true
		}
		for _, sub := range r.Sub {
			if walk(sub) {
				return true
			}
		}
		return false
	}
	return walk(re)
}

// shapeMatches is the matches in s of re, the expression of shapes whose
// pre-checks are checks, without the scan where no region's name
// (regionIndex) stands as one of the shapes reads it (shapeContext).
func shapeMatches(re *regexp.Regexp, checks []shapeCheck, s string) [][]int {
	if !regionIndex.any(s, func(at, end int) bool { return shapeContext(checks, s, at, end) }) {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// shapeContext reports whether a shape of checks could read the region's
// name at s[at:end]: its after matches at end and its before ends at at.
// Each is the shape's own words, and a match of the shape holds them there
// on the same bytes (no shape asks for a word boundary, which would see
// across the cut; "^" and "$" stand at the same places or, before and
// after the name, match in the cut text only), so it is true wherever a
// shape reads the name.
func shapeContext(checks []shapeCheck, s string, at, end int) bool {
	for _, c := range checks {
		if (c.after == nil || c.after.MatchString(s[end:])) && (c.before == nil || c.before.MatchString(s[:at])) {
			return true
		}
	}
	return false
}
