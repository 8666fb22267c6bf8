package triage

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// zoneRegionTexts are regionTexts with more texts mixing names, cut
// names, several words of names, other scripts, case and the words
// reZoneRegion reads around a region, in random order.
func zoneRegionTexts() []string {
	out := regionTexts()
	names := slices.Sorted(maps.Keys(regionNames()))
	ctx := append([]string{" ", "  ", "\t", "\n", "(", ")", "( ", " )", "9", "10:30", " am ", " pm", "a.m. ", "p.m.", " de ", " del ", "del", " di ", " in ",
		"à ", " ng ", "de", "x", "é", "Time", "TIME", "jetzt ", "сейчас в ", "אני עכשיו ב", "أنا في ", "είμαι στο ", "ロンドン", "時間", "(東京)"}, zoneTimeWords...)
	return append(out, randomTexts(65, 8, func(rng *rand.Rand, b *strings.Builder) {
		switch rng.IntN(5) {
		case 0, 1:
			b.WriteString(ctx[rng.IntN(len(ctx))])
		case 2:
			n := names[rng.IntN(len(names))]
			switch rng.IntN(4) {
			case 0:
				n = n[:rng.IntN(len(n)+1)]
			case 1:
				n = strings.ToUpper(n)
			}
			b.WriteString(n)
		default:
			b.WriteString(names[rng.IntN(len(names))])
		}
	})...)
}

// randomTexts is 20000 texts, each of one to pieces pieces that piece
// writes, drawn from a generator seeded with seed.
func randomTexts(seed uint64, pieces int, piece func(*rand.Rand, *strings.Builder)) []string {
	rng := rand.New(rand.NewPCG(seed, 14))
	out := make([]string, 20000)
	for i := range out {
		var b strings.Builder
		for range 1 + rng.IntN(pieces) {
			piece(rng, &b)
		}
		out[i] = b.String()
	}
	return out
}

// raceCut is texts, every twentieth of them under -race (twenty times
// slower).
func raceCut(texts []string) []string {
	if !raceDetector {
		return texts
	}
	var out []string
	for i := 0; i < len(texts); i += 20 {
		out = append(out, texts[i])
	}
	return out
}

// TestZoneRegionMatches_sameAsTheWholeScan checks zoneRegionMatches against
// the scan it skips, reZoneRegion over every text regionIndex finds a
// region in (regionMatches): the same matches and groups on every text.
func TestZoneRegionMatches_sameAsTheWholeScan(t *testing.T) {
	texts := raceCut(zoneRegionTexts())
	matched, skipped := 0, 0
	for _, s := range texts {
		want := regionMatches(reZoneRegion(), s)
		got := zoneRegionMatches(s)
		if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
			t.Fatalf("zoneRegionMatches(%q) = %v, the whole scan %v", s, got, want)
		}
		if len(want) > 0 {
			matched++
		} else if regionIndex.has(s) && !regionIndex.any(s, func(at, end int) bool { return zoneRegionContext(s, at, end) }) {
			skipped++ // named a region, and the scan was skipped
		}
	}
	if matched*10 < len(texts) || skipped*10 < len(texts) {
		t.Fatalf("of %d texts %d matched, %d named a region and were not scanned: the texts do not try both sides", len(texts), matched, skipped)
	}
	t.Logf("%d texts, %d matched, %d named a region and were not scanned", len(texts), matched, skipped)
}

// abroadTexts are zoneRegionTexts with the first-person words of the
// abroad forms before their places, in their scripts, a name cut before a
// letter, and texts of those words with no place.
func abroadTexts() []string {
	names := slices.Sorted(maps.Keys(regionNames()))
	cjk := slices.Sorted(maps.Keys(cjkPlaces))
	lead := []string{"estoy en ", "je suis à ", "ich bin gerade in ", "sunt în ", "i'm over in ", "я сейчас в ", "мы на ", "είμαι στο ", "βρίσκομαι στη ",
		"tôi đang ở ", "em ở ", "olen nyt ", "אני עכשיו ב", "אני ב", "أنا الآن في ", "نحن في ", "io sono a ", "no estoy en ", "si je suis à ", "aqui em "}
	tail := []string{"", " ", " vagyok", " lakom", "ж", "ban vagyok", "\xd0", ".", "に来ています", "に出張中", "에 와 있습니다", " 여행 중", "时间", " next week", "e"}
	zh := []string{"我现在在", "我们在", "我是来", "", "今は", "친구가 "}
	out := zoneRegionTexts()
	// A window of the Finnish form (120 bytes after "olen ") that ends
	// inside "ж": its re reads "london" there, where the whole text has no
	// name that ends a word.
	out = append(out, "olen "+strings.Repeat("nyt ", 23)+strings.Repeat("vielä ", 3)+"londonж ok")
	return append(out, randomTexts(68, 4, func(rng *rand.Rand, b *strings.Builder) {
		switch rng.IntN(4) {
		case 0:
			b.WriteString(zh[rng.IntN(len(zh))] + cjk[rng.IntN(len(cjk))])
		case 1:
			b.WriteString(lead[rng.IntN(len(lead))] + strings.ToUpper(names[rng.IntN(len(names))]))
		case 2:
			b.WriteString(lead[rng.IntN(len(lead))])
		default:
			b.WriteString(lead[rng.IntN(len(lead))] + names[rng.IntN(len(names))])
		}
		b.WriteString(tail[rng.IntN(len(tail))])
		if rng.IntN(2) == 0 {
			b.WriteString(", ")
		}
	})...)
}

// TestWriterPlaceAbroad_sameWithoutThePrecheck checks the forms' pre-check
// against every form run on every text: the same place, offset and words.
func TestWriterPlaceAbroad_sameWithoutThePrecheck(t *testing.T) {
	texts := raceCut(abroadTexts())
	found, skipped := 0, 0
	for _, s := range texts {
		p, at, phrase, ok := writerPlaceAbroad(s)
		wp, wat, wphrase, wok := placeAbroadIn(s, abroadForms(), false)
		if p != wp || at != wat || phrase != wphrase || ok != wok {
			t.Fatalf("writerPlaceAbroad(%q) = %q %d %q %v, every form run: %q %d %q %v", s, p, at, phrase, ok, wp, wat, wphrase, wok)
		}
		if ok {
			found++
		}
		region, cjk := placeAnywhere.has(s), cjkScript(s)
		for _, f := range abroadForms() {
			if !f.named(region, cjk) {
				skipped++
			}
		}
	}
	if found*10 < len(texts) || skipped < len(texts) {
		t.Fatalf("of %d texts %d with a place, %d forms skipped: the texts do not try both sides", len(texts), found, skipped)
	}
	t.Logf("%d texts, %d with a place, %d forms skipped", len(texts), found, skipped)
}
