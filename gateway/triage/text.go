package triage

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one normalized word of ticket text and where it came from.
type token struct {
	w   string // lower case, apostrophes dropped, simple plural stripped
	raw string // lower case as written
	// f is raw folded (see fold): "não" → "nao", "çalışmıyor" →
	// "calismiyor"; fw is w folded. A list word written with diacritics
	// matches these, so it also matches the word typed without them.
	f, fw string
	pos   int  // index in the token list
	brk   bool // punctuation that ends a clause comes right before it
	stop  bool // punctuation that ends a sentence (or a line break) does
	// code is set when a character of pasted text (a quote, brace,
	// bracket, slash, backslash, pipe, "=", "<" or ">"), or a dot inside
	// a word ("shop.example.com"), stands right before it: JSON, a URL, a
	// path, a signature's pipes are no prose. (A colon and an underscore
	// are: "Agency API: token requests fail", a tag "school_plan".)
	code bool
	// poss is set for a possessive written with an apostrophe
	// ("customer's"): one of them, though it reads like a plural.
	poss bool
	// q is set when a question mark comes right after the word; mark is
	// that mark as written ("?", "？", "؟", the Greek ";").
	q    bool
	mark rune
	// el is the word after an elided article written onto it ("l'SMS",
	// "dell'ordine", "d'erreur": see elisions): "sms", "ordine",
	// "erreur"; "" for none. Pronouns and the negation ("j'ai",
	// "n'arrive") are not elisions: the lists hold those as one word.
	el string
	// name is set for a word written with a capital and small letters
	// after it ("Hamedi", not "GÖRMEDİK"): a name after a sentence's first
	// word (turkishNegated).
	name bool
}

// elided returns the word after an elided article as a token of its own,
// to match a list's word against ("l'SMS" is the SMS).
func (t token) elided() (token, bool) {
	if t.el == "" {
		return token{}, false
	}
	e := token{raw: t.el, w: stem(t.el), f: fold(t.el), pos: t.pos}
	e.fw = e.w
	if e.f != e.raw {
		e.fw = stem(e.f)
	}
	return e, true
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
	brk, stop, code := false, false, false
	apos := -1 // where in cur an apostrophe stood
	// cur opened with a capital; a small letter followed it
	upper, lower := false, false
	flush := func() {
		if len(cur) > 0 {
			raw := string(cur)
			poss := apos == len(cur)-1 && cur[apos] == 's'
			w, f := stem(raw), fold(raw)
			fw := w
			if f != raw {
				fw = stem(f)
			}
			el := ""
			if apos > 0 && apos < len(cur)-1 && slices.Contains(elisions, string(cur[:apos])) {
				el = string(cur[apos:])
			}
			out = append(out, token{w: w, raw: raw, f: f, fw: fw, pos: len(out), brk: brk, stop: stop, code: code, poss: poss, el: el, name: upper && lower})
			cur = cur[:0]
			brk, stop, code = false, false, false
		}
		apos = -1
		upper, lower = false, false
	}
	for i, r := range s {
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
			if len(cur) == 0 {
				upper = unicode.IsUpper(r)
			} else if unicode.IsLower(r) {
				lower = true
			}
			cur = append(cur, unicode.ToLower(r))
		case r == '-' && len(cur) == 1 && cur[0] == 'e' && len(s) >= i+5 && strings.EqualFold(s[i+1:i+5], "mail"):
			// "e-mail" and "E-Mail" are one word, as "email" is: the
			// project's "confirmation emails" is the "confirmation e-mail"
		default:
			// a clock's colon or a number's dot ("10:00", "9.30") ends no clause
			inNumber := (r == ':' || r == '.') && len(cur) > 0 && unicode.IsDigit(cur[len(cur)-1]) && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9'
			flush()
			// Greek writes its question mark as a semicolon (";", U+037E)
			greekQ := (r == ';' || r == '\u037e') && len(out) > 0 && greekWord(out[len(out)-1])
			if (strings.ContainsRune("?？؟", r) || greekQ) && len(out) > 0 {
				out[len(out)-1].q, out[len(out)-1].mark = true, r
			}
			if !inNumber && strings.ContainsRune(",;.!?():\n、。，；！？（）：「」؟", r) {
				brk = true
			}
			// a dot ends a sentence only before a space or a line break
			// (not "app.example.com", nor "z.B.")
			dotInWord := r == '.' && i+1 < len(s) && !unicode.IsSpace(rune(s[i+1]))
			if !inNumber && !dotInWord && (strings.ContainsRune(".!?\n。！？؟", r) || greekQ) {
				stop = true
			}
			if !inNumber && (dotInWord || strings.ContainsRune("\"{}[]/\\|=<>", r)) {
				code = true
			}
		}
	}
	flush()
	return out
}

// greekWord reports whether t is written in the Greek script.
func greekWord(t token) bool {
	r, _ := utf8.DecodeRuneInString(t.raw)
	return unicode.Is(unicode.Greek, r)
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
//
// A word written with diacritics matches folded (see fold): "não" matches
// "não" and "nao", "çalışmıyor" matches "calismiyor", "błąd*" matches
// "blad". A word written without any matches the word as written only:
// "hang*" does not match the Vietnamese "hàng", nor "plan" the Czech
// "plán" — the lists' plain words are mostly English, and folding a
// foreign word onto them would make it one. A phrase of one word shorter
// than four letters folded matches as written only.
type phrase []string

// mkPhrase makes a phrase of s.
//
// A word written "+head" or "+head*" is the head of a compound: it matches
// a word made of a modifier and head (with the star, head followed by an
// inflection) — "+bestätigung*" matches
// "Bestellbestätigungen", "+bekräftelse*" "orderbekräftelsen". The
// languages that write compounds as one word (German, Dutch, the Nordic
// ones, Finnish) name a thing by its head noun.
//
// A starred word written with a hyphen ("e-posta*") is the words its
// hyphen splits, the last one starred: tickets' words are split there too.
func mkPhrase(s string) phrase {
	var p phrase
	for _, f := range strings.Fields(s) {
		if strings.HasPrefix(f, "+") {
			p = append(p, strings.ToLower(f))
			continue
		}
		if strings.HasSuffix(f, "*") && !strings.Contains(f, "-") {
			p = append(p, strings.ToLower(f))
			continue
		}
		if strings.HasSuffix(f, "*") {
			parts := tokenize(strings.TrimSuffix(f, "*"))
			for k, t := range parts {
				if k < len(parts)-1 {
					p = append(p, t.w)
				} else {
					p = append(p, t.raw+"*")
				}
			}
			continue
		}
		for _, t := range tokenize(f) {
			p = append(p, t.w)
		}
	}
	return p
}

// matcher returns the phrase as it matches tokens: each word folded, and
// whether it was written with diacritics.
func (p phrase) matcher() phraseMatcher { return p.matcherWith(fold) }

// digraphMatcher is the phrase as it matches a word typed with the
// digraphs a keyboard without the letter gives ("zuruecksetzen",
// "bestaetigung", "faar"), and whether that differs from matcher's.
func (p phrase) digraphMatcher() (phraseMatcher, bool) {
	m := p.matcherWith(foldDigraphs)
	return m, !slices.Equal(m.w, p.matcher().w)
}

func (p phrase) matcherWith(fold func(string) string) phraseMatcher {
	m := phraseMatcher{w: p}
	for j, w := range p {
		// a short word alone folds onto too many words of other
		// languages ("lēn" onto the Slovak "len")
		if f := fold(w); f != w && (len(p) > 1 || utf8.RuneCountInString(strings.TrimSuffix(f, "*")) >= 4) {
			if m.folded == nil {
				m.w, m.folded = slices.Clone(p), make([]bool, len(p))
			}
			m.w[j], m.folded[j] = f, true
		}
	}
	return m
}

// phraseMatcher is a phrase with its words written with diacritics folded:
// those match a token's folded forms, the others its forms as written.
type phraseMatcher struct {
	w      []string
	folded []bool // nil when no word had a diacritic
}

// forms returns the token as a word of m is matched against it: as written
// (raw, w) or folded (f, fw).
func (m phraseMatcher) forms(t token, k int) (raw, w string) {
	if m.folded != nil && m.folded[k] {
		return t.f, t.fw
	}
	return t.raw, t.w
}

// matchLen returns how many words of toks from i the phrase matches, 0 for
// none. A one-word phrase also matches two words written apart ("check
// out" is "checkout", "log in" is "login").
func (m phraseMatcher) matchLen(toks []token, i int) int {
	if len(m.w) == 1 && i+1 < len(toks) && !strings.HasSuffix(m.w[0], "*") {
		raw, _ := m.forms(toks[i], 0)
		next, _ := m.forms(toks[i+1], 0)
		if len(raw) < len(m.w[0]) && strings.HasPrefix(m.w[0], raw) && stem(raw+next) == m.w[0] {
			return 2
		}
	}
	if m.matchExact(toks, i) {
		return len(m.w)
	}
	return 0
}

func (m phraseMatcher) matchExact(toks []token, i int) bool {
	if len(m.w) == 0 || i+len(m.w) > len(toks) {
		return false
	}
	for k := range m.w {
		if m.matchWord(toks[i+k], k) {
			continue
		}
		// a phrase may start after an elided article ("l'SMS")
		if e, ok := toks[i+k].elided(); k > 0 || !ok || !m.matchWord(e, k) {
			return false
		}
	}
	return true
}

// matchWord reports whether the k-th word of m matches the token.
func (m phraseMatcher) matchWord(t token, k int) bool {
	w := m.w[k]
	raw, tw := m.forms(t, k)
	switch {
	case strings.HasPrefix(w, "+"):
		return compoundHead(raw, w[1:])
	case strings.HasSuffix(w, "*"):
		return strings.HasPrefix(raw, w[:len(w)-1])
	}
	return tw == w
}

// compoundHead reports whether word is a compound whose head is head: a
// modifier of three letters or more, then head, then (with the star) at
// most four letters of inflection ("-en", "-er", "-ksia").
func compoundHead(word, head string) bool {
	h, star := strings.CutSuffix(head, "*")
	i := strings.LastIndex(word, h)
	if i < 0 || utf8.RuneCountInString(word[:i]) < 3 {
		return false
	}
	rest := utf8.RuneCountInString(word[i+len(h):])
	return rest == 0 || star && rest <= 4
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

// unionOf is the set of the words of all sets.
func unionOf(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, set := range sets {
		maps.Copy(out, set)
	}
	return out
}

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

// inClauseBefore reports whether at reports true of a word up to n words
// before toks[i] in its clause; inClauseFrom, of a word from toks[from]
// on, up to n words, in the clause of the word before it.
func inClauseBefore(toks []token, i, n int, at func(k int) bool) bool {
	for k := i - 1; k >= 0 && k >= i-n && !toks[k+1].brk; k-- {
		if at(k) {
			return true
		}
	}
	return false
}

func inClauseFrom(toks []token, from, n int, at func(k int) bool) bool {
	for k := from; k < len(toks) && k < from+n && !toks[k].brk; k++ {
		if at(k) {
			return true
		}
	}
	return false
}

// inNumberedClauseBefore is inClauseBefore for clauses as numbered by
// clausesSplitAt (signals.clause splits at punctuation only; a caller's
// clausesSplitAt(toks, contrastWords) at a contrast word too): at reports
// true of a word up to n words before position i in its clause.
func inNumberedClauseBefore(clause []int, i, n int, at func(k int) bool) bool {
	for k := i - 1; k >= 0 && k >= i-n && clause[k] == clause[i]; k-- {
		if at(k) {
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
	byFirst map[string][]phrasePair // phrases by their first word as it matches
	star    []phrasePair            // phrases whose first word is a prefix ("fail*")
	// starIndex indexes star by the first two bytes of a first word's
	// prefix as it matches ("fa" for "fail*"): the entries a token whose
	// form starts so may match. Compound heads ("+bestätigung*") and a
	// prefix shorter than two bytes any token may match.
	starIndex wordIndex
	// plural holds the one-word phrases that differ from the word the
	// list wrote: mostly one written with the ending the tokens' stem
	// drops ("dozens", "hundreds"), whose plural is the word as written
	// (asWritten, scopewords.go), but also one whose apostrophe the
	// tokens drop. nil when the list has none.
	plural map[string]bool
}

// phrasePair is a phrase of a set as written, which a reason quotes, and
// as it matches.
type phrasePair struct {
	p phrase
	f phraseMatcher
	// digraphs marks the second matcher of a phrase written with
	// diacritics (its digraph spelling). Where a phrase's two matchers sit
	// next to each other in one list (set.star, or byFirst when the first
	// word has no diacritic) both can match at one token ("spä*" folded
	// and as "spae*" both match "spaeter"): the second is tried only when
	// its own first did not match, so a phrase is found once.
	digraphs bool
}

// eachMatch calls fn for each phrase of pps that match reports, once per
// phrase (phrasePair.digraphs).
func eachMatch(pps []phrasePair, match func(phraseMatcher) bool, fn func(phrase)) {
	var r phraseRun
	for k := range pps {
		r.try(&pps[k], match, fn)
	}
}

// phraseRun tries the entries of a list in its order, each phrase once
// (phrasePair.digraphs).
type phraseRun struct {
	found *string // the first word of the phrase the last entry tried found
}

// try calls fn for pp's phrase if match reports it, unless the entry
// before, its phrase's other matcher, found it.
func (r *phraseRun) try(pp *phrasePair, match func(phraseMatcher) bool, fn func(phrase)) {
	if pp.digraphs && r.found == &pp.p[0] {
		return
	}
	r.found = nil
	if match(pp.f) {
		r.found = &pp.p[0]
		fn(pp.p)
	}
}

func mkPhrases(ss ...string) *phraseSet {
	set := mkFlowWords(ss...)
	for _, p := range set.list {
		learn(p)
	}
	return set
}

// mkFlowWords is mkPhrases for words that do not count as read text
// (coverage.go): those that name a flow or service, not what happened to
// it, and those kept out of the read share on purpose (words of a
// language the lists do not read, e.g. unreadMany).
func mkFlowWords(ss ...string) *phraseSet {
	set := &phraseSet{byFirst: map[string][]phrasePair{}}
	for _, s := range ss {
		p := mkPhrase(s)
		if len(p) == 1 && p[0] != strings.ToLower(s) {
			if set.plural == nil {
				set.plural = map[string]bool{}
			}
			set.plural[p[0]] = true
		}
		set.add(p)
	}
	return set
}

func (set *phraseSet) add(p phrase) {
	if len(p) == 0 {
		return
	}
	set.list = append(set.list, p)
	pps := []phrasePair{{p: p, f: p.matcher()}}
	if m, ok := p.digraphMatcher(); ok {
		pps = append(pps, phrasePair{p: p, f: m, digraphs: true})
	}
	for _, pp := range pps {
		if strings.HasSuffix(p[0], "*") {
			set.indexStar(int32(len(set.star)), pp.f.w[0])
			set.star = append(set.star, pp)
			continue
		}
		set.byFirst[pp.f.w[0]] = append(set.byFirst[pp.f.w[0]], pp)
	}
}

// indexStar indexes the entry j of set.star by its first word w as it
// matches (see starIndex).
func (set *phraseSet) indexStar(j int32, w string) {
	set.starIndex.add(j, prefixKey(w))
}

// prefixKey is the start of every token that may match the word w of a
// phrase (see matchWord): "" (any token) for a compound head or a prefix
// of one byte.
func prefixKey(w string) string {
	prefix, star := strings.CutSuffix(w, "*")
	if strings.HasPrefix(w, "+") || star && len(prefix) < 2 {
		return ""
	}
	return prefix
}

// at calls fn for each phrase of the set that matches at toks[i].
func (set *phraseSet) at(toks []token, i int, fn func(phrase)) {
	// A phrase is indexed by its first word as it matches: as written, or
	// folded when written with diacritics (then the token's folded form
	// finds it; a folded key never equals a word with a diacritic).
	t := toks[i]
	exact := func(f phraseMatcher) bool { return f.matchExact(toks, i) }
	for _, key := range [2]string{t.w, t.fw} {
		eachMatch(set.byFirst[key], exact, fn)
		if t.fw == t.w {
			break
		}
	}
	// A one-word phrase also matches two words written apart ("log in").
	if i+1 < len(toks) {
		for k, joined := range [2]string{stem(t.raw + toks[i+1].raw), stem(t.f + toks[i+1].f)} {
			if k == 1 && joined == stem(t.raw+toks[i+1].raw) {
				break
			}
			if joined == t.w || joined == t.fw {
				continue
			}
			eachMatch(set.byFirst[joined], func(f phraseMatcher) bool { return len(f.w) == 1 && f.matchLen(toks, i) > 0 }, fn)
		}
	}
	set.starAt(t, exact, fn)
}

// starAt calls fn for each phrase of set.star that matches at t, as
// eachMatch over the whole of set.star would, in its order: it tries only
// the entries starByPair and starAny give for the forms a star word is
// matched against (raw and f, and those of the word after an elided
// article; see matchExact), since the others cannot match.
func (set *phraseSet) starAt(t token, match func(phraseMatcher) bool, fn func(phrase)) {
	if len(set.star) == 0 {
		return
	}
	forms := [4]string{t.raw, t.f}
	if e, ok := t.elided(); ok {
		forms[2], forms[3] = e.raw, e.f
	}
	var buf [5][]int32
	var r phraseRun
	last := int32(-2)
	eachMerged(set.starIndex.lookUp(buf[:0], forms[:]...), func(j int32) {
		if j != last+1 {
			r.found = nil // the entries between found nothing
		}
		last = j
		r.try(&set.star[j], match, fn)
	})
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
	`mensagem original|mensagem encaminhada|ursprungligt meddelande|vidarebefordrat meddelande|oryginalna wiadomość|wiadomość oryginalna|przekazana wiadomość|wiadomość przekazana|` +
	// Turkish
	`orijinal mesaj|özgün ileti|iletilen mesaj`

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

// The sentences of a ticket's words: a sentence opens at each token whose
// stop is set (see token) and at the first. sentenceAround is the one
// finder of them; sentenceOf and sentences are its whole-sentence forms.
// sentenceStart and sentenceEnd (triage.go) differ on purpose: they find
// a time phrase's sentence in the text itself, by bytes, where a "!" or
// "?" ends one only before a space (or the end), and timeAside reads the
// mark that ends it.

// sentenceAround returns the span [from, to] (to included) of toks
// around i, back up to before and on up to after words, that stays in
// i's sentence.
func sentenceAround(toks []token, i, before, after int) (from, to int) {
	from, to = i, i
	for from > 0 && from > i-before && !toks[from].stop {
		from--
	}
	for to+1 < len(toks) && to < i+after && !toks[to+1].stop {
		to++
	}
	return from, to
}

// sentenceOf returns the bounds [from, to) (to excluded) of the whole
// sentence holding toks[i].
func sentenceOf(toks []token, i int) (from, to int) {
	from, to = sentenceAround(toks, i, len(toks), len(toks))
	return from, to + 1
}

// sentenceHas reports whether a phrase of one of sets stands in the
// sentence holding toks[i] (its bounds found once for all of them).
func sentenceHas(toks []token, i int, sets ...*phraseSet) bool {
	from, to := sentenceOf(toks, i)
	for _, set := range sets {
		if len(findAll(toks[from:to], set)) > 0 {
			return true
		}
	}
	return false
}

// sentences numbers each word's sentence, the sentences sentenceOf
// bounds. A numbering, as clauses is, on purpose: signals keeps it
// (signals.sentence) for readers that hold no tokens, to tell whether two
// words share a sentence (carried).
func sentences(toks []token) []int {
	out := make([]int, len(toks))
	for from, n := 0, 0; from < len(toks); n++ {
		_, to := sentenceOf(toks, from)
		for k := from; k < to; k++ {
			out[k] = n
		}
		from = to
	}
	return out
}

// unattached returns t without n of the prefixes written onto it
// (attachedPrefixes, writtenOnto: "כשחשבונית", when the invoice), as a
// one-token list; nil when it has fewer.
func unattached(t token, prefixes []string, n int) []token {
	for ; n > 0; n-- {
		cut := false
		for _, pre := range prefixes {
			if rest, ok := strings.CutPrefix(t.raw, pre); ok && rest != "" {
				t.w, t.raw, t.f, t.fw = rest, rest, fold(rest), fold(rest)
				t.pos, cut = 0, true
				break
			}
		}
		if !cut {
			return nil
		}
	}
	return []token{t}
}
