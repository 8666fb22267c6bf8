package triage

import (
	"slices"
	"strings"
)

// folds maps a lower-case letter with a diacritic to the letters people
// type for it on a keyboard without it: the Latin letters of the
// languages tickets come in (Western and Nordic, Polish, Czech and
// Slovak, Turkish, Hungarian, Romanian, Croatian) and the Russian "ё".
// A letter written as a base letter and a combining mark loses the mark.
// Letters of other scripts, and Vietnamese, are kept.
var folds = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ı': "i", 'ё': "е", 'þ': "th", 'ð': "d"}
	for base, ls := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćčĉċ", "d": "ď", "e": "èéêëēĕėęě", "g": "ğĝġģ", "h": "ĥ", "i": "ìíîïĩīĭįİ",
		"j": "ĵ", "k": "ķ", "l": "ĺļľ", "n": "ñńņňŉ", "o": "òóôõöōŏő", "r": "ŕŗř", "s": "śŝşšș", "t": "ţťț",
		"u": "ùúûüũūŭůűų", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range ls {
			m[r] = base
		}
	}
	return m
}()

// fold returns a lower-case word with its diacritics dropped (see folds);
// a word without any is returned as it is.
func fold(w string) string {
	plain := true
	for _, r := range w {
		if r >= 0x80 {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	var b strings.Builder
	for _, r := range w {
		switch f, ok := folds[r]; {
		case ok:
			b.WriteString(f)
		case r >= 0x300 && r <= 0x36f:
			// a combining accent (text in decomposed form)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// digraphs are the letters German and the Nordic languages type as two
// when the keyboard lacks them: "ue" for "ü", "aa" for "å".
var digraphs = map[rune]string{'ä': "ae", 'ö': "oe", 'ü': "ue", 'å': "aa", 'ø': "oe", 'æ': "ae"}

// foldDigraphs is fold, with the letters of digraphs typed as two:
// "zurücksetzen" → "zuruecksetzen", "får" → "faar", "søgning" →
// "soegning".
func foldDigraphs(w string) string {
	if !strings.ContainsFunc(w, func(r rune) bool { _, ok := digraphs[r]; return ok }) {
		return fold(w)
	}
	var b strings.Builder
	for _, r := range w {
		if d, ok := digraphs[r]; ok {
			b.WriteString(d)
			continue
		}
		b.WriteRune(r)
	}
	return fold(b.String())
}

// foldedKeys adds to each word-class map, for each key written with
// diacritics, the key folded (see fold) and with digraphs (foldDigraphs), so a word looked up as typed
// without them ("nao", "zadny", "calismiyor") is in the class too. A
// folded key shorter than three letters is left out: it folds onto too
// many words of other languages.
func foldedKeys(maps ...map[string]bool) {
	for _, m := range maps {
		var add []string
		for k := range m {
			for _, f := range []string{fold(k), foldDigraphs(k)} {
				if f != k && len([]rune(f)) >= 3 {
					add = append(add, f)
				}
			}
		}
		for _, f := range add {
			m[f] = true
		}
	}
}

// foldedStems returns stems with each one written with diacritics also
// folded and with digraphs, as foldedKeys does for maps ("contraseña" →
// "contrasena", "geändert" → "geandert", "geaendert").
func foldedStems(stems ...string) []string {
	out := slices.Clone(stems)
	for _, k := range stems {
		for _, f := range []string{fold(k), foldDigraphs(k)} {
			if f != k && len([]rune(f)) >= 3 && !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out
}

func init() {
	foldedKeys(contrastWords, doneWords, weakArrive, errorWords, afterNegators,
		receiveVerbs, noneWords, modalVerbs, clauseNegators, elseWords, subjectNoun,
		otherWords, possessiveOthers, foreignParties, foreignData, someoneWords,
		indefinite, subjectPronoun, foreignNegators, verbFinalModals,
		eitherWayNegators, notBeforeAll, transitiveVanish, lossNegators, accidentWords,
		writerWords, ownerWords, personOwner, containWords, fineWords, againWords,
		pronouns, fromWords, toWords, zeroWords, coordinators, askedAbout,
		genitiveOthers, partyBeforeOthers, ownWords, askOpeners)
}
