package triage

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// timeIndexes are englishTime's word indexes, the scans they stand before
// and the words they hold.
func timeIndexes(t *testing.T) map[string]struct {
	x           *nameIndex
	re          *regexp.Regexp
	names       []string
	left, right bool
} {
	list := func(re *regexp.Regexp) []string {
		names, ok := captureStrings(re, 1)
		if !ok || len(names) < 20 {
			t.Fatalf("the words of %v cannot be listed: %q", re, names)
		}
		return names
	}
	return map[string]struct {
		x           *nameIndex
		re          *regexp.Regexp
		names       []string
		left, right bool
	}{
		"reForeignTime":    {foreignTimeIndex, reForeignTime, list(reForeignTime), true, true},
		"reForeignWeekday": {foreignWeekdayIndex, reForeignWeekday, list(reForeignWeekday), true, false},
		"reAgoAfter":       {agoAfterIndex, reAgoAfter, strings.Split(fold(agoAfterWords), "|"), true, true},
		"reForeignLast":    {foreignLastIndex, reForeignLast, strings.Split(fold(foreignLastWords+"|"+foreignLastSince), "|"), true, true},
		"reForeignFor":     {foreignForIndex, reForeignFor, strings.Split(fold(foreignForUnits+"|"+foreignForFinnish), "|"), true, true},
		"reNordicClock":    {nordicClockIndex, reNordicClock, []string{"kl", "kl.", "klo", "klo.", "kello"}, true, true},
		"reAgoBefore":      {agoBeforeIndex, reAgoBefore, strings.Split(fold(agoBeforeWords), "|"), true, true},
		"reAgoAround":      {agoAroundIndex, reAgoAround, strings.Split(fold(agoAroundWords), "|"), true, true},
		"reSinceAfter":     {sinceAfterIndex, reSinceAfter, strings.Split(fold(sinceAfterWords), "|"), true, true},
		"reItalianHour":    {italianHourIndex, reItalianHour, strings.Split(fold(italianHourWords), "|"), true, true},
	}
}

// timeTexts are texts of the indexes' words in the shapes their scans read
// and in shapes they do not (inside a word, glued to one, cut short), as
// the folded text englishTime reads, with English tickets' words between.
func timeTexts(names []string) []string {
	english := []string{"i", "the", "about", "from", "number", "can", "once", "fail", "fast", "at", "9:10", "10:30", "2", "20", "hours", "minutes", "ago",
		"since", "monday", "tonight", "a", "de", "en", "op", "am", "le", "el", "abend", "morgen", "sera", "x", "-", ".", "'", "\n", "(", "\xff"}
	var out []string
	for _, n := range names {
		for _, c := range []string{"", " ", "x", "-", ".", "abend", " abend", "2 minuten " + n, "il y a " + n, "20 minuten ", " 20 minuten", " ca. 2 saat", "tunnin ", "2 ", "yarım ", " 9", " 9:10", " 9.10", "9", "9:00 ", "9:00'dan ", "for 2 timmar ", "for 20 minuter ", "for ca 1 timme ", "vor 2 minuten", " ungefär 20 minuter"} {
			out = append(out, n+c, c+n, " "+n+c, c+" "+n+" ", "x"+n, n[:len(n)-1], n[1:])
		}
	}
	pieces := append(english, names...)
	rng := rand.New(rand.NewPCG(13, 12))
	for range 5000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(4) > 0 {
				b.WriteString(" ")
			}
		}
		out = append(out, b.String())
	}
	for i, s := range out {
		out[i] = fold(s) // as englishTime reads it
	}
	return out
}

// TestTimeIndexes_findWhatTheirScansFind checks the indexes englishTime
// asks before its costliest scans: each agrees with a plain scan of its
// words, and every text its scan matches in is one it finds a word in.
func TestTimeIndexes_findWhatTheirScansFind(t *testing.T) {
	for name, c := range timeIndexes(t) {
		matched := 0
		for _, s := range timeTexts(c.names) {
			has := c.x.has(s)
			if plain := plainNameScan(c.names, c.left, c.right, nil, s); has != plain {
				t.Fatalf("%s: has(%q) = %v, the plain scan %v", name, s, has, plain)
			}
			if c.re.MatchString(s) {
				if !has {
					t.Fatalf("%s matches %q, where its index finds no word", name, s)
				}
				matched++
			}
		}
		if matched < min(50, 2*len(c.names)) {
			t.Fatalf("%s: only %d matches: the texts do not try the index", name, matched)
		}
	}
}
