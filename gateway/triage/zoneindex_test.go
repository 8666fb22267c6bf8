package triage

import (
	"maps"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// plainNameScan is nameIndex.has as a plain scan: every name at every
// place it stands in s, bounded as left, right and joined ask.
func plainNameScan(names []string, left, right bool, joined []string, s string) bool {
	for _, n := range names {
		for i := 0; i <= len(s)-len(n); i++ {
			if !strings.HasPrefix(s[i:], n) {
				continue
			}
			if r, _ := utf8.DecodeLastRuneInString(s[:i]); left && i > 0 && unicode.IsLetter(r) {
				continue
			}
			rest := s[i+len(n):]
			if r, _ := utf8.DecodeRuneInString(rest); !right || rest == "" || !unicode.IsLetter(r) || hasAnyPrefix(rest, joined) {
				return true
			}
		}
	}
	return false
}

// regionTexts are texts that name every region in the shapes the region
// scans read and in shapes they do not (inside a word, cut short), with
// random ones made of those pieces, other scripts' words and invalid bytes.
func regionTexts() []string {
	names := slices.Sorted(maps.Keys(regionNames()))
	before := []string{"", "x", "in ", "en ", "w ", "time ", "hora de ", "giờ ", "เวลา", "9 ", "10:30 am ", "(", "( ", "i'm in ", "we're now in ",
		"estoy en ", "ich bin gerade in ", "mैं अभी ", "मैं अभी ", "i'm at the ", "no estoy en madrid sino en ", "今は", "> i'm in ", "graph "}
	after := []string{"", " ", "x", "e", "é", "ı", " time", " tid", ")", " )", ".", ",", "にいます", "在住", "在住の山田です", "'daki ofisimizden", "’dayım",
		" में अपने बेटे के पास हूँ", " office", " office.", " region", "\xff", "\u0301", "ー"}
	var out []string
	rng := rand.New(rand.NewPCG(13, 79))
	// Each name in a fixed random sample of the shapes: with the gazetteer
	// at nearly two thousand names, every shape of every name made the
	// test take half a minute (the round's review).
	for _, n := range names {
		for range 4 {
			b := before[rng.IntN(len(before))]
			out = append(out, b+n+" time", b+n+after[rng.IntN(len(after))])
		}
		for range 4 {
			a := after[rng.IntN(len(after))]
			out = append(out, "in "+n+a, before[rng.IntN(len(before))]+n+a)
		}
		out = append(out, n[:len(n)-1], n[1:], strings.ToUpper(n))
	}
	words := []string{"the", "shop", "phone", "msg", "graph", "climate", "at", "9:10", " ", "\n", "(", ")", "'", "ł", "ü", "å", "の", "に", "在", "ロン", "ドン",
		"ไทย", "ประเทศ", "مصر", "دبي", "λλ", "ελλάδας", "моск", "ву", "\xe3", "\x80", "i̇", "stanbul", "sao", " paulo", "new", "york"}
	pieces := append(slices.Clone(words), names...)
	for range 5000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) == 0 {
				b.WriteString(words[rng.IntN(len(words))])
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestRegionIndex_findsWhatThePlainScanAndTheRegionScansFind checks the
// pre-check the region scans are skipped by: it agrees with a plain scan of
// every name, and every text one of reZoneRegion, reWriterPlace and
// reInRegion matches in is one it finds a name in.
func TestRegionIndex_findsWhatThePlainScanAndTheRegionScansFind(t *testing.T) {
	matched := 0
	names := slices.Collect(maps.Keys(regionNames()))
	for _, s := range regionTexts() {
		has := regionIndex.has(s)
		// The plain scan is every name at every byte: under -race (twenty
		// times slower) it is left to the plain run.
		if !raceDetector {
			if plain := plainNameScan(names, false, true, regionJoined, s); has != plain {
				t.Fatalf("regionIndex.has(%q) = %v, the plain scan %v", s, has, plain)
			}
		}
		for name, re := range map[string]*regexp.Regexp{"reZoneRegion": reZoneRegion(), "reWriterPlace": reWriterPlace(), "reInRegion": reInRegion()} {
			if !re.MatchString(s) {
				continue
			}
			if !has {
				t.Fatalf("%s matches %q, where regionIndex finds no region", name, s)
			}
			matched++
		}
	}
	if matched < 5000 {
		t.Fatalf("only %d matches of the region scans: the texts do not try the index", matched)
	}
}
