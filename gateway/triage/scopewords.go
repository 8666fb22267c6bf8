package triage

// Round eighty-seven's review: a scope word read in a name. The tokens'
// stem drops a plural "s" ("customers" is "customer"), so a list's
// pronoun matched the name it begins: the signature "Nikos" read as the
// Croatian "niko" (nobody), a claim of many on one writer's ticket. A
// pronoun or a determiner has no plural: a word of the scope lists
// matches as written (or folded), as the plural the list wrote, or with
// an apostrophe's "s" ("everyone's"), never through the dropped ending.

// noneWord reports whether t is a word of noneWords as written ("niko",
// not "Nikos").
func noneWord(t token) bool {
	return noneWords[t.raw] || noneWords[t.f] || t.poss && noneWords[t.w]
}

// asWritten drops the hits of hs, found in toks by set, whose one word
// matched only through the ending the stem drops, where set wrote the
// word without it ("niko" in "Nikos").
func asWritten(toks []token, set *phraseSet, hs []hit) []hit {
	return dropHits(hs, func(h hit) bool {
		if len(h.phrase) != 1 || set.plural[h.phrase[0]] {
			return false
		}
		t, w := toks[h.pos], h.phrase[0]
		if t.poss || t.raw == w || t.f == w || t.f == fold(w) {
			return false
		}
		return stem(t.raw) == w || stem(t.f) == fold(w)
	})
}
