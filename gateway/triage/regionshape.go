package triage

import "strings"

// regionShape is one shape of a reader of a region's name: before and
// after, expressions, and group, the name of the name's group ("" for a
// numbered one).
type regionShape struct {
	before, group, after string
}

// regionShapesExpr is the reader's expression: the alternation of its
// shapes, in their order, each reading regionAlt in its group.
func regionShapesExpr(shapes []regionShape) string {
	alts := make([]string, len(shapes))
	for i, sh := range shapes {
		open := `(`
		if sh.group != "" {
			open = `(?P<` + sh.group + `>`
		}
		alts[i] = sh.before + open + regionAlt + `)` + sh.after
	}
	return strings.Join(alts, `|`)
}
