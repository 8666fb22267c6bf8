package triage

import (
	"fmt"
	"slices"
	"strings"
)

// Round sixty: a ticket whose words leave the service open (none named,
// or the words that name one set aside) is placed by each service's own
// vocabulary: the words of the service's aliases ("ride receipt" →
// "ride", "receipt") and the words of its own failure log lines in the
// window and the baseline (commonTemplates seen minCommonCount times or
// more, read as serviceLogWords reads a risen template). A word counts
// only when it is in one service's vocabulary alone, is no everyday or
// code word (everydayLogWords) and names no service by the matcher (a
// word the triage set aside stays aside). An alias word scores one, two
// when the service's log lines hold it too: a piece of an alias
// ("scooter", "patient") is often the world's everyday noun, not the
// service's own. The service must score more than any other, and the
// ticket must share minVocabWords distinct words with it, or, for a
// failure report or an unclear claim (failureOrUnclear), one word that is
// both its alias's and its log lines'.
// Only the service is placed: the severity stays the one read without it
// (placing the service is attribution, not evidence).

// minVocabWords is the least number of distinct words a ticket must share
// with one service's vocabulary (one is enough when it is both an alias
// word and a log word and the ticket reports a failure or is unclear).
const minVocabWords = 2

// serviceVocab is one service's distinctive words, alias words and log
// words marked. An Evidence caches them (logWordsCache): it is read for
// one project.
type serviceVocab struct {
	words []string
	alias map[string]bool
	logw  map[string]bool
}

// aliasWords are the content words of a service's aliases, each once
// (contentWords: folded and stemmed as the ticket's are, minLogWordLen
// letters or more, no function word).
func aliasWords(aliases []string) []string {
	return contentWords(tokenize(strings.Join(aliases, "\n")), func(int) bool { return false })
}

// serviceVocabularies are each known service's distinctive words: its
// aliases' and its failure templates', each in one service's alone, none
// an everyday or code word.
func (t *Triager) serviceVocabularies(ev *Evidence) map[string]*serviceVocab {
	voc := map[string]*serviceVocab{}
	owners := wordOwners{} // word key → services holding it
	add := func(svc, w string, alias bool) {
		k := logWordKey(w)
		if everydayLogWords[k] {
			return
		}
		owners.add(k, svc)
		v := voc[svc]
		if v == nil {
			v = &serviceVocab{alias: map[string]bool{}, logw: map[string]bool{}}
			voc[svc] = v
		}
		if !v.alias[w] && !v.logw[w] {
			v.words = append(v.words, w) // each word once, in the order first seen
		}
		if alias {
			v.alias[w] = true
		} else {
			v.logw[w] = true
		}
	}
	for _, s := range t.p.Services {
		for _, w := range aliasWords(s.Aliases) {
			add(s.Name, w, true)
		}
	}
	if ev != nil && ev.logWords != nil {
		for name, tps := range commonTemplates(ev.logWords.tpls) {
			if !t.known(name) {
				continue
			}
			for _, tp := range tps {
				// a one-off line (a user's text unmasked) is no template of
				// the service's, as serviceLogWords reads it
				if !ev.logWords.tpls[name][tp].common() {
					continue
				}
				for _, w := range templateWords(tp) {
					add(name, w, false)
				}
			}
		}
	}
	// A word that names a service stays out. No row reaches this filter
	// today (the session read-through tried questions whose word names
	// payments: the words already pick it); it is kept as a safety net.
	for name, v := range voc {
		v.words = slices.DeleteFunc(v.words, func(w string) bool {
			return len(owners[logWordKey(w)]) > 1 || t.namesService(w)
		})
		if len(v.words) == 0 {
			delete(voc, name)
		}
	}
	return voc
}

// vocabService is the service whose vocabulary the ticket's own words
// (logContentWords: no claim word, no word of a denied or working
// clause) share most with, and the reason; "" when two score alike or
// the best shares too little (minVocabWords distinct words, or one alias
// and log word in a failure report).
func (t *Triager) vocabService(f *facts) (string, string) {
	if f.claim == claimPrivacy {
		return "", ""
	}
	words := logContentWords(f.toks, &f.sig)
	if len(words) == 0 {
		return "", ""
	}
	best, bestScore, bestBoth, tie := "", 0, false, false
	var bestShared, bestKinds []string
	for name, v := range t.cachedVocabularies(f.ev) {
		logShared, shared := sharedLogWords(words, v.words)
		score, both := 0, false
		var kinds []string
		for i, w := range logShared {
			score++
			kind := fmt.Sprintf("%q (its log lines')", shared[i])
			if v.alias[w] {
				kind = fmt.Sprintf("%q (its aliases')", shared[i])
				if v.logw[w] {
					score++
					both = true
					kind = fmt.Sprintf("%q (its aliases' and log lines')", shared[i])
				}
			}
			kinds = append(kinds, kind)
		}
		switch {
		case score > bestScore:
			best, bestScore, bestShared, bestKinds, bestBoth, tie = name, score, shared, kinds, both, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if best == "" || tie || len(bestShared) < minVocabWords && !(bestBoth && failureOrUnclear(f.claim)) && !t.oneAliasWordPlaces(f, best, bestShared) { // onealiasword.go
		return "", ""
	}
	return best, fmt.Sprintf("no service left by the words; the ticket's words %s are %s's own, no other service's: %s",
		strings.Join(bestKinds, ", "), best, best)
}

// cachedVocabularies are serviceVocabularies, worked out once per
// gathering (an Evidence not gathered: the aliases' alone, worked out in
// New).
func (t *Triager) cachedVocabularies(ev *Evidence) map[string]*serviceVocab {
	if ev == nil || ev.logWords == nil {
		return t.aliasVocab
	}
	c := ev.logWords
	c.vocabOnce.Do(func() { c.vocab = t.serviceVocabularies(ev) })
	return c.vocab
}

// failureOrUnclear reports whether c tells of a failure (failureClaim) or
// of nothing clear: one word that is both an alias word and a log word
// of the service may place such a ticket.
func failureOrUnclear(c claim) bool {
	return failureClaim(c) || c == claimUnknown
}
