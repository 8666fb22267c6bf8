package triage

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// writerPlaceTexts are zoneRegionTexts with texts of reWriterPlace's
// shapes, in random order: the words before a place in each language the
// shapes read and after it (Japanese, Turkish, Hindi, a workplace noun),
// and near misses: the words cut, glued, in capitals, without accents or
// with other spaces, a place inside a word or cut short, the words with no
// place, someone else's words, other scripts.
func writerPlaceTexts() []string {
	names := slices.Sorted(maps.Keys(regionNames()))
	before := []string{"i'm in ", "i am currently in ", "we’re based in ", "we are still living in ", "i'm visiting my daughter in ", "i'm visiting ",
		"we're writing from ", "i'm on holiday in ", "i'm at our depot in ", "i'm at the main site in ", "here in ", "i live in ", "we moved back to ",
		"back home in ", "les escribo desde ", "saya sekarang tinggal di ", "estoy de vacaciones en ", "vivo en ", "estou de férias em ", "moro em ",
		"je suis actuellement à ", "j'habite à ", "ich bin gerade beruflich in ", "ich wohne in ", "jestem teraz w ", "mieszkam w ",
		"jag är på semester i ", "sono in vacanza a ", "ik ben nu op vakantie in ", "i'm at the ", "we are still at our ", "मैं अभी ", "मैं ", "今は", "",
		// near misses
		"i'min ", "I'M IN ", "i m in ", "je suis a ", "estoy  en ", "estoy\ten\n", "ich bin in\u3000", "we moved to\u00a0", "within ", "in ", "en ", "a ",
		"w ", "i ", "visiting ", "the office in ", "our customers in ", "tourists visiting ", "i'm at ", "i'm at the office ", "мы сейчас в ",
		"אני עכשיו ב", "أنا في ", "मैं  अभी  ", "मैंने ", "x", "é", "9 am "}
	after := []string{"", " ", ".", ", ", " now", "にいます", "に住んでいます", "在住", "在住の山田です", "に", "'da", "'daki ofisimizden", "’teyim", "'dayım",
		"'tayim", "'de", " में हूँ", " में अपने बेटे के पास हूँ", " में नहीं हूँ", " में", " office", " hub.", " site", " office this week", " offices",
		"e", "ж", "\xd0", "x", " time", " next week"}
	// the words around a place of the shapes that are not the first
	pairs := [][2]string{{"मैं अभी ", " में अपने बेटे के पास हूँ"}, {"मैं ", " में हूँ"}, {"मैं\t", "\tमें हूँ"}, {"मैं आजकल ", " में नहीं हूँ"},
		{"i'm at the ", " office"}, {"we are now at our ", " plant."}, {"", "'dayım"}, {"(", "’daki otelimizden"}, {"今は", "にいます"}, {"私は", "在住です"}}
	fill := []string{" ", "\n", ", ", ". ", "and ", "hello, ", "but ", "no ", "the checkout fails ", "in the app "}
	out := zoneRegionTexts()
	return append(out, randomTexts(69, 3, func(rng *rand.Rand, b *strings.Builder) {
		if rng.IntN(3) == 0 {
			b.WriteString(fill[rng.IntN(len(fill))])
		}
		bf, af := before[rng.IntN(len(before))], after[rng.IntN(len(after))]
		if rng.IntN(4) == 0 {
			p := pairs[rng.IntN(len(pairs))]
			bf, af = p[0], p[1]
		}
		b.WriteString(bf)
		if rng.IntN(8) == 0 {
			return // the words with no place
		}
		n := names[rng.IntN(len(names))]
		switch rng.IntN(8) {
		case 0:
			n = strings.ToUpper(n)
		case 1:
			n = n[:1+rng.IntN(len(n))] // cut short, maybe inside a rune
		case 2:
			n = "x" + n // inside a word
		}
		b.WriteString(n)
		b.WriteString(af)
	})...)
}

// TestWriterPlaceMatches_sameAsTheWholeScan checks the pre-check of
// reWriterPlace's shapes against the scan it skips, reWriterPlace over
// every text regionIndex finds a region in (regionMatches): the same
// matches and groups on every text, every shape matched in some of them
// and a share of the texts that name a region left unscanned.
func TestWriterPlaceMatches_sameAsTheWholeScan(t *testing.T) {
	if n := reWriterPlace().NumSubexp(); n != len(writerPlaceShapes) {
		t.Fatalf("reWriterPlace has %d groups, %d shapes: a group per shape is counted below", n, len(writerPlaceShapes))
	}
	texts := raceCut(writerPlaceTexts())
	matched, skipped := 0, 0
	byShape := make([]int, len(writerPlaceShapes))
	for _, s := range texts {
		want := regionMatches(reWriterPlace(), s)
		got := shapeMatches(reWriterPlace(), writerPlaceChecks(), s)
		if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
			t.Fatalf("shapeMatches(%q) = %v, the whole scan %v", s, got, want)
		}
		if len(want) > 0 {
			matched++
			for _, m := range want {
				byShape[firstGroup(m)/2-1]++
			}
		} else if regionIndex.has(s) && !regionIndex.any(s, func(at, end int) bool { return shapeContext(writerPlaceChecks(), s, at, end) }) {
			skipped++ // named a region, and the scan was skipped
		}
	}
	if matched*10 < len(texts) || skipped*10 < len(texts) {
		t.Fatalf("of %d texts %d matched, %d named a region and were not scanned: the texts do not try both sides", len(texts), matched, skipped)
	}
	for i, n := range byShape {
		if n*200 < len(texts) {
			t.Fatalf("shape %d matched %d times in %d texts: the texts do not try it", i, n, len(texts))
		}
	}
	t.Logf("%d texts, %d matched (matches by shape %v), %d named a region and were not scanned", len(texts), matched, byShape, skipped)
}

// TestShapeChecks_refuseAWordBoundary checks that a shape asking for a word
// boundary, which its pre-check would read at the edge of the cut text,
// has no pre-check: compiling its checks panics.
func TestShapeChecks_refuseAWordBoundary(t *testing.T) {
	for _, sh := range []regionShape{{before: `\bin\s+`}, {after: `\s+office\B`}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("shapeChecks(%+v) compiled", sh)
				}
			}()
			shapeChecks([]regionShape{sh})()
		}()
	}
}
