package triage

import (
	"regexp"
	"strings"
	"unicode"
)

// token is one normalized word of ticket text and where it came from.
type token struct {
	w   string // lower case, apostrophes dropped, simple plural stripped
	raw string // lower case as written
	pos int    // index in the token list
	brk bool   // punctuation that ends a clause comes right before it
	// poss is set for a possessive written with an apostrophe
	// ("customer's"): one of them, though it reads like a plural.
	poss bool
}

// tokenize lowers, drops apostrophes ("can't" → "cant") and splits on
// anything that is not a letter or digit, so URLs, hosts and paths
// ("checkout-api.example.com/pay") become words. Chinese and Japanese
// write no spaces between words: each of their characters is a token, so
// a phrase in those scripts matches as a sequence of characters wherever
// it stands in a sentence.
func tokenize(s string) []token {
	var out []token
	var cur []rune
	brk := false
	apos := -1 // where in cur an apostrophe stood
	flush := func() {
		if len(cur) > 0 {
			raw := string(cur)
			poss := apos == len(cur)-1 && cur[apos] == 's'
			out = append(out, token{w: stem(raw), raw: raw, pos: len(out), brk: brk, poss: poss})
			cur = cur[:0]
			brk = false
		}
		apos = -1
	}
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '`':
			// inside a word: "can't" → "cant"
			apos = len(cur)
		case unspaced(r):
			flush()
			cur = append(cur, r)
			flush()
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc):
			// a vowel sign or accent written as a mark (Hindi, NFD text)
			// belongs to its word
			cur = append(cur, unicode.ToLower(r))
		default:
			flush()
			if strings.ContainsRune(",;.!?():\n、。，；！？（）：「」", r) {
				brk = true
			}
		}
	}
	flush()
	return out
}

// unspaced reports whether r is of a script written without spaces between
// words (Han, Hiragana, Katakana, and the kana length mark; Thai, whose
// vowel and tone marks are tokens of their own too).
func unspaced(r rune) bool {
	return r >= 0x0e00 && r <= 0x0e7f || r >= 0x3040 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー')
}

// stem strips simple English plurals so "payments" matches "payment" and
// "notifications" matches "notification".
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// phrase is a normalized word sequence; a word ending in "*" matches any
// word with that prefix ("fail*" → fails, failing, failure).
type phrase []string

func mkPhrase(s string) phrase {
	var p phrase
	for _, f := range strings.Fields(s) {
		if strings.HasSuffix(f, "*") {
			p = append(p, strings.ToLower(f))
			continue
		}
		for _, t := range tokenize(f) {
			p = append(p, t.w)
		}
	}
	return p
}

// matchLen returns how many words of toks from i the phrase matches, 0 for
// none. A one-word phrase also matches two words written apart ("check
// out" is "checkout", "log in" is "login").
func (p phrase) matchLen(toks []token, i int) int {
	if len(p) == 1 && i+1 < len(toks) && !strings.HasSuffix(p[0], "*") && len(toks[i].raw) < len(p[0]) &&
		strings.HasPrefix(p[0], toks[i].raw) && stem(toks[i].raw+toks[i+1].raw) == p[0] {
		return 2
	}
	if p.matchExact(toks, i) {
		return len(p)
	}
	return 0
}

func (p phrase) matchExact(toks []token, i int) bool {
	if len(p) == 0 || i+len(p) > len(toks) {
		return false
	}
	for k, w := range p {
		t := toks[i+k]
		if strings.HasSuffix(w, "*") {
			if !strings.HasPrefix(t.raw, w[:len(w)-1]) {
				return false
			}
		} else if t.w != w {
			return false
		}
	}
	return true
}

func (p phrase) String() string { return strings.Join(p, " ") }

// negators are words that, shortly before a phrase, turn it around:
// "not down", "no data lost", "nothing was lost", "isn't broken".
var negators = map[string]bool{
	"not": true, "no": true, "never": true, "nothing": true, "without": true, "isnt": true,
	"wasnt": true, "arent": true, "werent": true, "dont": true, "doesnt": true, "didnt": true,
	"hasnt": true, "havent": true, "hadnt": true, "nor": true,
}

// clauseBreaks end the reach of a negator.
var clauseBreaks = map[string]bool{"but": true, "however": true, "although": true, "though": true, "yet": true}

// negated reports whether a negator precedes toks[i] within three words of
// the same clause ("not down, just slow": "slow" is not negated).
func negated(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k+1].brk || clauseBreaks[toks[k].w] {
			return false
		}
		if negators[toks[k].w] {
			return true
		}
	}
	return false
}

// hit is one phrase found in the text.
type hit struct {
	phrase phrase
	pos    int
	neg    bool
}

// notOutage are words that make the next "down" something else: a
// drop-down menu, a slow-down, a shut-down request.
var notOutage = map[string]bool{"drop": true, "slow": true, "slowed": true, "slowing": true, "scroll": true,
	"count": true, "break": true, "write": true, "narrow": true, "turn": true, "calm": true, "settle": true,
	"mark": true, "back": true, "thumb": true, "step": true, "upside": true, "top": true, "pull": true}

// phraseSet is a word list indexed by first word, so finding its phrases
// in a ticket costs a map look-up per word rather than a comparison per
// phrase.
type phraseSet struct {
	list    []phrase
	byFirst map[string][]phrase // phrases by their first word
	star    []phrase            // phrases whose first word is a prefix ("fail*")
}

func mkPhrases(ss ...string) *phraseSet {
	set := mkFlowWords(ss...)
	for _, p := range set.list {
		learn(p)
	}
	return set
}

// mkFlowWords is mkPhrases for words that name a flow or service, not what
// happened to it: they do not count as read text (coverage.go).
func mkFlowWords(ss ...string) *phraseSet {
	set := &phraseSet{byFirst: map[string][]phrase{}}
	for _, s := range ss {
		set.add(mkPhrase(s))
	}
	return set
}

func (set *phraseSet) add(p phrase) {
	if len(p) == 0 {
		return
	}
	set.list = append(set.list, p)
	if strings.HasSuffix(p[0], "*") {
		set.star = append(set.star, p)
		return
	}
	set.byFirst[p[0]] = append(set.byFirst[p[0]], p)
}

// at calls fn for each phrase of the set that matches at toks[i].
func (set *phraseSet) at(toks []token, i int, fn func(phrase)) {
	for _, p := range set.byFirst[toks[i].w] {
		if p.matchExact(toks, i) {
			fn(p)
		}
	}
	// A one-word phrase also matches two words written apart ("log in").
	if i+1 < len(toks) {
		if joined := stem(toks[i].raw + toks[i+1].raw); joined != toks[i].w {
			for _, p := range set.byFirst[joined] {
				if len(p) == 1 && p.matchLen(toks, i) > 0 {
					fn(p)
				}
			}
		}
	}
	for _, p := range set.star {
		if p.matchExact(toks, i) {
			fn(p)
		}
	}
}

// matches reports whether any phrase of the set matches at toks[i].
func (set *phraseSet) matches(toks []token, i int) bool {
	found := false
	set.at(toks, i, func(phrase) { found = true })
	return found
}

// findAll returns every occurrence of every phrase, marking negated ones.
func findAll(toks []token, set *phraseSet) []hit {
	var out []hit
	for i := range toks {
		set.at(toks, i, func(p phrase) {
			if p[0] == "down" && i > 0 && notOutage[toks[i-1].w] {
				return
			}
			out = append(out, hit{phrase: p, pos: i, neg: negated(toks, i)})
		})
	}
	return out
}

// reQuoteStart finds where a reply's quoted history begins: a line quoted
// with ">", a reply header ("On … wrote:", "Op … schreef:", "Am … schrieb",
// "Le … a écrit"), an "Original Message" marker or a mail client's rule.
//
// Mail clients write the marker in the reader's language: "-----Mensaje
// original-----", "-------- Message transféré --------", "Ursprüngliche
// Nachricht", "Doorgestuurd bericht" mark the same boundary.
//
// Outlook writes neither: a header block, "From:" then "Sent:" or "Date:"
// on the next line, in the reader's language ("Von: … Gesendet:", "De : …
// Envoyé :", "Da: … Inviato:").
var reQuoteStart = regexp.MustCompile(`(?im)^[ \t]*(?:>|(?:on|op|am|le|el|il|em|den|w)\b[^\n]{0,160}\b(?:wrote|schreef|schrieb|a écrit|escribió|ha scritto|escreveu|skrev|napisał)\b|-{3,}\s*(?:` + quoteMarkers + `)|_{8,}|` +
	`(?:from|von|de|da|van|från|fra|od|lähettäjä)[ \t]*:[^\n]*\n[ \t]*(?:sent|date|gesendet|datum|envoyé|date d'envoi|enviado|enviada|fecha|inviato|data|verzonden|skickat|sendt|wysłano|lähetetty)[ \t]*:)`)

// quoteMarkers are the words mail clients put between dashes where the
// quoted or forwarded history starts, in the languages tickets come in.
const quoteMarkers = `original message|forwarded message|mensaje original|mensaje reenviado|message d'origine|message original|message transféré|` +
	`ursprüngliche nachricht|weitergeleitete nachricht|oorspronkelijk bericht|origineel bericht|doorgestuurd bericht|messaggio originale|messaggio inoltrato|` +
	`mensagem original|mensagem encaminhada|ursprungligt meddelande|vidarebefordrat meddelande|oryginalna wiadomość|wiadomość oryginalna|przekazana wiadomość|wiadomość przekazana`

// ownText is the part of a ticket description its writer wrote for this
// message: everything before the quoted history of a reply or forward.
func ownText(description string) string {
	end := len(description)
	if loc := reQuoteStart.FindStringIndex(description); loc != nil {
		end = loc[0]
	}
	// A reply written in HTML quotes the thread in a <blockquote> (or a
	// mail client's quote block), often on the same line as the new words.
	if loc := reHTMLQuote.FindStringIndex(description[:end]); loc != nil {
		end = loc[0]
	}
	// Its "Original Message" rule stands after a tag, anywhere on a line
	// that holds the whole message ("<div>-----Ursprüngliche Nachricht").
	if loc := reHTMLMarker.FindStringSubmatchIndex(description[:end]); loc != nil {
		end = loc[2]
	}
	return description[:end]
}

// reHTMLMarker is a mail client's quote or forward rule right after an
// HTML tag; its group is where the rule begins.
var reHTMLMarker = regexp.MustCompile(`(?i)<[^<>\n]*>[ \t]*(-{3,}\s*(?:` + quoteMarkers + `))`)

// reHTMLQuote is where an HTML reply's quoted history begins: a blockquote
// or the quote block mail clients mark with a class.
var reHTMLQuote = regexp.MustCompile(`(?i)<blockquote\b|<div[^>]*\bclass="?[^">]*\b(?:gmail_quote|moz-cite-prefix|yahoo_quoted|divRplyFwdMsg)`)

// clauses numbers each token's clause: a clause ends at , ; . ! ? ( ) : or
// a line break.
func clauses(toks []token) []int { return clausesSplitAt(toks, nil) }

// clausesSplitAt numbers each token's clause as clauses does, a clause
// also starting at each word of also.
func clausesSplitAt(toks []token, also map[string]bool) []int {
	ids := make([]int, len(toks))
	c := 0
	for i, t := range toks {
		if t.brk || also[t.w] {
			c++
		}
		ids[i] = c
	}
	return ids
}
