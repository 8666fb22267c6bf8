package triage

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Round sixty: a ticket whose words leave the service open (none named,
// or the words that name one set aside) is placed by each service's own
// vocabulary, read from what every binding and world has: the words of
// the service's aliases ("ride receipt" → "ride", "receipt") and the
// words of its own failure log lines in the window and the baseline
// (commonTemplates, read as serviceLogWords reads a risen template). A
// word counts only when it is in one service's vocabulary alone, is no
// everyday or code word (everydayLogWords) and names no service by the
// matcher (a word the triage set aside stays aside). The service must
// share more such words with the ticket than any other, at least
// minVocabShared, counting an alias word twice: one log word alone says
// little. Only the service is placed: the severity stays the one read
// without it (placing the service is attribution, not evidence).

// minVocabShared is the least score (alias words two, log words one) a
// ticket's words must reach with one service's vocabulary.
const minVocabShared = 2

// serviceVocab is one service's distinctive words, alias words marked.
// An Evidence caches them (logWordsCache): it is read for one project.
// minVocabWords is the least number of distinct words a ticket that is
// no failure report (failureReport) must share.
const minVocabWords = 2

type serviceVocab struct {
	words []string
	alias map[string]bool
}

// aliasWords are the content words of a service's aliases, folded and
// stemmed as the ticket's are, of minLogWordLen letters or more.
func aliasWords(aliases []string) []string {
	var out []string
	for _, a := range aliases {
		for _, w := range strings.FieldsFunc(strings.ToLower(a), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len([]rune(w)) < minLogWordLen || functionWords[w] {
				continue
			}
			if k := fold(stem(w)); !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// serviceVocabularies are each known service's distinctive words: its
// aliases' and its failure templates', each in one service's alone, none
// an everyday or code word.
func (t *Triager) serviceVocabularies(ev *Evidence) map[string]*serviceVocab {
	voc := map[string]*serviceVocab{}
	owners := map[string]map[string]bool{} // word key → services holding it
	add := func(svc, w string, alias bool) {
		k := logWordKey(w)
		if everydayLogWords[k] {
			return
		}
		if owners[k] == nil {
			owners[k] = map[string]bool{}
		}
		owners[k][svc] = true
		v := voc[svc]
		if v == nil {
			v = &serviceVocab{alias: map[string]bool{}}
			voc[svc] = v
		}
		if !slices.Contains(v.words, w) {
			v.words = append(v.words, w)
		}
		if alias {
			v.alias[w] = true
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
				for _, w := range templateWords(tp) {
					add(name, w, false)
				}
			}
		}
	}
	for name, v := range voc {
		v.words = slices.DeleteFunc(v.words, func(w string) bool {
			return len(owners[logWordKey(w)]) > 1 || len(t.matcher.find(tokenize(w))) > 0
		})
		if len(v.words) == 0 {
			delete(voc, name)
		}
	}
	return voc
}

// vocabService is the service whose vocabulary the ticket's own words
// (logContentWords: no claim word, no word of a denied or working
// clause) share most with, and the reason; "" when none reaches
// minVocabShared or two are alike.
func (t *Triager) vocabService(f *facts) (string, string) {
	if f.claim == claimPrivacy {
		return "", ""
	}
	words := logContentWords(f.toks, &f.sig)
	if len(words) == 0 {
		return "", ""
	}
	best, bestScore, tie := "", 0, false
	var bestShared, bestKinds []string
	for name, v := range t.cachedVocabularies(f.ev) {
		logShared, shared := sharedLogWords(words, v.words)
		score := 0
		var kinds []string
		for i, w := range logShared {
			score++
			kind := fmt.Sprintf("%q (its log lines')", shared[i])
			if v.alias[w] {
				score++
				kind = fmt.Sprintf("%q (its aliases')", shared[i])
			}
			kinds = append(kinds, kind)
		}
		switch {
		case score > bestScore:
			best, bestScore, bestShared, bestKinds, tie = name, score, shared, kinds, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if best == "" || tie || bestScore < minVocabShared || len(bestShared) < minVocabWords && !failureReport(f.claim) {
		return "", ""
	}
	return best, fmt.Sprintf("no service left by the words; the ticket's words %s are %s's own, no other service's: %s",
		strings.Join(bestKinds, ", "), best, best)
}

// cachedVocabularies are serviceVocabularies, worked out once per
// gathering (an Evidence not gathered: each time).
func (t *Triager) cachedVocabularies(ev *Evidence) map[string]*serviceVocab {
	if ev == nil || ev.logWords == nil {
		return t.serviceVocabularies(ev)
	}
	c := ev.logWords
	c.vocabOnce.Do(func() { c.vocab = t.serviceVocabularies(ev) })
	return c.vocab
}

// failureReport reports whether c tells of a failure or of nothing
// clear: one alias word may place such a ticket, not a question, a
// request, a security, privacy or data-loss report.
func failureReport(c claim) bool {
	switch c {
	case claimOutage, claimOne, claimDegraded, claimPartial, claimUnknown:
		return true
	}
	return false
}
