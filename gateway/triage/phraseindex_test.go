package triage

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// plainAt is phraseSet.at with its star phrases tried one by one, the
// whole list at every token: what the index of star phrases must equal.
func plainAt(set *phraseSet, toks []token, i int, fn func(phrase)) {
	noStars := *set
	noStars.star = nil
	noStars.at(toks, i, fn)
	eachMatch(set.star, func(f phraseMatcher) bool { return f.matchExact(toks, i) }, fn)
}

// indexedSets are word lists with star phrases, and one made of all of
// their phrases, so that entries of many phrases share a first letter.
func indexedSets() map[string]*phraseSet {
	sets := map[string]*phraseSet{"failure": failureWords, "outage": outageWords, "degraded": degradedWords, "many": manyWords,
		"one": oneWords, "self": selfWords, "own": ownThings, "assert": assertWords, "paying": payingWords, "howto": howtoWords,
		"feature": featureWords, "billing": billingWords, "cosmetic": cosmeticWords, "inquiry": inquiryWords, "security": securityWords}
	for _, k := range flowKinds {
		sets["flow "+k.name] = k.does
	}
	all := &phraseSet{byFirst: map[string][]phrasePair{}}
	for _, set := range sets {
		for _, p := range set.list {
			all.add(p)
		}
	}
	// compound heads and a one-letter prefix, which the index tries at every token
	all.add(mkPhrase("+bestätigung*"))
	all.add(mkPhrase("+fehler"))
	all.add(mkPhrase("é* x"))
	sets["all"] = all
	return sets
}

// starTexts are texts made of the sets' words as tickets write them: as
// listed, inflected, folded, in capitals, after an elided article
// ("l'erreur"), as a compound's head, cut short, with words of other
// scripts between.
func starTexts(sets map[string]*phraseSet) []string {
	var words []string
	for _, set := range sets {
		for _, p := range set.list {
			for _, w := range p {
				w = strings.TrimPrefix(strings.TrimSuffix(w, "*"), "+")
				words = append(words, w, w+"s", w+"ing", w+"en", fold(w), foldDigraphs(w), strings.ToUpper(w), "l'"+w, "dell'"+fold(w), "bestell"+w+"en")
				if len(w) > 2 {
					words = append(words, w[:len(w)-1], w[1:])
				}
			}
		}
	}
	return wordTexts(words, []string{" ", " ", " ", ", ", ". ", " not ", " l'", " d'", "\n", " 支付 ", " не ", " i "}, 10, 8)
}

// wordTexts are texts of words: all of them, perLine a text, and 3000
// random ones of 2 to 11 words joined by glue.
func wordTexts(words, glue []string, seed uint64, perLine int) []string {
	slices.Sort(words)
	words = slices.Compact(words)
	rng := rand.New(rand.NewPCG(13, seed))
	var out []string
	for i := 0; i < len(words); i += perLine {
		out = append(out, strings.Join(words[i:min(i+perLine, len(words))], " "))
	}
	for range 3000 {
		var b strings.Builder
		for range 2 + rng.IntN(10) {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteString(glue[rng.IntN(len(glue))])
		}
		out = append(out, b.String())
	}
	return out
}

// TestPhraseSetAt_indexedStarsFindWhatThePlainScanFinds compares at, whose
// star phrases come from an index by their first two bytes, with the
// plain scan of the whole star list: the same phrases, in the same order,
// at every token of many texts.
func TestPhraseSetAt_indexedStarsFindWhatThePlainScanFinds(t *testing.T) {
	sets := indexedSets()
	found := 0
	for _, text := range starTexts(sets) {
		toks := tokenize(text)
		for name, set := range sets {
			for i := range toks {
				var got, want []string
				set.at(toks, i, func(p phrase) { got = append(got, p.String()) })
				plainAt(set, toks, i, func(p phrase) { want = append(want, p.String()) })
				if !slices.Equal(got, want) {
					t.Fatalf("%s at %q of %q: %q, the plain scan %q", name, toks[i].raw, text, got, want)
				}
				for _, p := range got {
					if strings.HasSuffix(strings.Fields(p)[0], "*") {
						found++
					}
				}
			}
		}
	}
	if found < 5000 {
		t.Fatalf("only %d star phrases found: the texts do not try the index", found)
	}
}
