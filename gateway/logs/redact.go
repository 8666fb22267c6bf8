package logs

import (
	"fmt"
	"net/netip"
	"regexp"
	"strings"
	"sync"
)

// Placeholders Redact puts in place of personal data and secrets. Each says
// what was there, so a reader still understands the line.
const (
	RedactEmail  = "<email>"
	RedactCard   = "<card>"
	RedactSecret = "<secret>"
	RedactIP     = "<ip>"
	RedactPhone  = "<phone>"
	// RedactMasked replaces a match of a project's own mask_patterns.
	RedactMasked = "<masked>"
)

// RedactOptions add a project's own rules to the built-in ones.
type RedactOptions struct {
	// Fields are extra field names whose values are secrets, matched
	// case-insensitively and ignoring '-', '_' and '.', as the whole name or
	// its end ("ssn" matches "customer_ssn").
	Fields []string
	// Patterns are extra regular expressions (RE2); every match becomes
	// <masked>.
	Patterns []string
}

// Redactor removes personal data and secrets from text shown to people who
// may not be entitled to them (the public analysis page and note): e-mail
// addresses, card numbers (Luhn-checked), API keys and tokens, the values of
// fields named like password/secret/token/authorization/cookie, IP addresses
// and phone numbers. Unlike Mask, which normalises a message for template
// mining, Redact keeps everything else as it was. It is safe for concurrent
// use, and redacting redacted text changes nothing. It remembers the
// redactions of short texts (at most memoMaxEntries of up to memoMaxLen
// bytes, memoMaxBytes in all), as logged messages recur job after job.
type Redactor struct {
	fields   []string
	patterns []*regexp.Regexp
	memo     redactMemo
}

// redactMemo remembers the redaction of short texts: an analysis redacts
// the same logged messages job after job. It is emptied when it reaches
// its bounds.
type redactMemo struct {
	mu    sync.Mutex
	m     map[string]string
	bytes int
}

// Bounds of a Redactor's memo: the longest text remembered, how many and
// how many bytes (texts and their redactions).
const (
	memoMaxLen     = 512
	memoMaxEntries = 1 << 15
	memoMaxBytes   = 8 << 20
)

// NewRedactor returns a Redactor with the built-in rules plus o's.
func NewRedactor(o RedactOptions) (*Redactor, error) {
	r := &Redactor{}
	for _, f := range o.Fields {
		if n := normKey(f); n != "" {
			r.fields = append(r.fields, n)
		}
	}
	for _, p := range o.Patterns {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("mask pattern %q: %w", p, err)
		}
		if re.MatchString("") {
			return nil, fmt.Errorf("mask pattern %q matches the empty string", p)
		}
		r.patterns = append(r.patterns, re)
	}
	return r, nil
}

var defaultRedactor = &Redactor{}

// DefaultRedactor has the built-in rules only.
func DefaultRedactor() *Redactor { return defaultRedactor }

// Redact returns s with every personal datum and secret it recognises
// replaced by a typed placeholder.
func (r *Redactor) Redact(s string) string {
	if s == "" {
		return s
	}
	if len(s) > memoMaxLen {
		return r.redact(s)
	}
	r.memo.mu.Lock()
	out, ok := r.memo.m[s]
	r.memo.mu.Unlock()
	if ok {
		return out
	}
	out = r.redact(s)
	r.memo.mu.Lock()
	if len(r.memo.m) >= memoMaxEntries || r.memo.bytes+len(s)+len(out) > memoMaxBytes {
		r.memo.m, r.memo.bytes = nil, 0
	}
	if r.memo.m == nil {
		r.memo.m = map[string]string{}
	}
	key := strings.Clone(s)
	if out == s {
		out = key // unchanged: keep the clone, not the caller's string, as the value too
	}
	r.memo.m[key] = out
	r.memo.bytes += len(s) + len(out)
	r.memo.mu.Unlock()
	return out
}

// redact is Redact without the memo.
func (r *Redactor) redact(s string) string {
	for _, re := range r.patterns {
		s = re.ReplaceAllLiteralString(s, RedactMasked)
	}
	s = r.redactFields(s)
	// The regular expressions try every position of the line; cheap
	// substring checks skip them on the lines (most) that cannot match.
	lower := strings.ToLower(s)
	if containsAny(lower, authSchemes) {
		s = authSchemeRE.ReplaceAllString(s, "${1} "+RedactSecret)
	}
	if containsAny(lower, tokenMarkers) {
		s = tokenRE.ReplaceAllLiteralString(s, RedactSecret)
	}
	s = redactEmails(s)
	s = redactIPv6(s)
	s = redactIPv4(s)
	s = redactCards(s)
	s = replacePhones(s)
	s = redactLongRuns(s)
	return s
}

// authSchemes and tokenMarkers are what authSchemeRE and tokenRE cannot
// match without (lower case).
var (
	authSchemes  = []string{"bearer", "basic", "digest", "negotiate"}
	tokenMarkers = []string{"eyj", "_live_", "_test_", "whsec_", "xox", "akia", "asia", "agpa", "aida", "aroa", "anpa", "anva", "aipa",
		"ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "aiza", "npm_"}
)

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// redactEmails replaces e-mail addresses (also with the @ URL-encoded):
// it grows each '@' into its local part and domain, which must end in a
// dot and a top-level domain of two letters or more.
func redactEmails(s string) string {
	if strings.IndexByte(s, '@') < 0 && !strings.Contains(s, "%40") {
		return s
	}
	local := func(c byte) bool { return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' }
	domain := func(c byte) bool { return isAlnum(c) || c == '.' || c == '-' }
	var b strings.Builder
	done := 0
	for i := 0; i < len(s); i++ {
		at := 0
		switch {
		case s[i] == '@':
			at = 1
		case strings.HasPrefix(s[i:], "%40"):
			at = 3
		default:
			continue
		}
		l := i
		for l > done && local(s[l-1]) {
			l--
		}
		e := i + at
		for e < len(s) && domain(s[e]) {
			e++
		}
		// The domain ends at its last label of letters only (the TLD).
		for e > i+at && (s[e-1] == '.' || s[e-1] == '-') {
			e--
		}
		dot := strings.LastIndexByte(s[i+at:e], '.')
		if l == i || dot <= 0 || e-(i+at+dot+1) < 2 || !isLetters(s[i+at+dot+1:e]) || s[i+at] == '.' || s[i+at] == '-' {
			continue
		}
		b.WriteString(s[done:l])
		b.WriteString(RedactEmail)
		done = e
		i = e - 1
	}
	return spliced(&b, s, done)
}

var (
	// authSchemeRE: an Authorization header's credentials.
	authSchemeRE = regexp.MustCompile(`(?i)\b(bearer|basic|digest|negotiate)\s+[A-Za-z0-9._~+/\-]{8,}=*`)
	// tokenRE: keys with a recognisable shape — JWTs, Stripe, Slack, AWS,
	// GitHub, GitLab, Google and npm keys.
	tokenRE = regexp.MustCompile(`eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*` +
		`|\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{6,}` +
		`|\bwhsec_[A-Za-z0-9+/]{6,}` +
		`|\bxox[abposre]-[A-Za-z0-9\-]{6,}` +
		`|\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{12,}` +
		`|\bgh[pousr]_[A-Za-z0-9]{20,}|\bgithub_pat_[A-Za-z0-9_]{20,}` +
		`|\bglpat-[A-Za-z0-9_\-]{20,}|\bAIza[0-9A-Za-z_\-]{30,}|\bnpm_[A-Za-z0-9]{30,}`)
	// phoneRE: international numbers (+CC …, 8 to 15 digits) and North
	// American ones ((555) 123-4567, 555-123-4567, 555.123.4567).
	phoneRE = regexp.MustCompile(`\+\d{1,3}(?:[ .\-]?\(?\d{1,5}\)?){1,6}\d` +
		`|\(\d{3}\)[ .\-]?\d{3}[ .\-]\d{4}\b` +
		`|\b\d{3}[.\-]\d{3}[.\-]\d{4}\b`)
	wholePhoneRE = regexp.MustCompile(`^(?:` + phoneRE.String() + `)$`)
	phoneAtRE    = regexp.MustCompile(`^(?:` + phoneRE.String() + `)`)
)

// secretKeyParts: a field whose normalised name contains one of these holds
// a secret.
var secretKeyParts = []string{"password", "passwd", "passphrase", "secret", "token", "authorization",
	"cookie", "credential", "apikey", "accesskey", "privatekey", "session", "signature", "pwd"}

// secretKeyNames: field names that are secrets only as a whole name.
var secretKeyNames = map[string]bool{"auth": true, "otp": true, "pin": true, "cvv": true, "cvc": true, "ssn": true, "iban": true, "sig": true}

// placeholder returns what the value of field key becomes, or "" when the
// field is not sensitive by name.
func (r *Redactor) placeholder(key string) string {
	k := normKey(key)
	switch {
	case k == "":
		return ""
	case strings.Contains(k, "email"):
		return RedactEmail
	case strings.Contains(k, "phone") || strings.Contains(k, "mobile") || k == "msisdn" || k == "tel":
		return RedactPhone
	case secretKeyNames[k]:
		return RedactSecret
	}
	for _, p := range secretKeyParts {
		if strings.Contains(k, p) {
			return RedactSecret
		}
	}
	for _, f := range r.fields {
		if strings.HasSuffix(k, f) {
			return RedactSecret
		}
	}
	return ""
}

func normKey(k string) string {
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == '-' || c == '_' || c == '.' || c == ' ':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// redactFields replaces the values of sensitive fields, whatever the
// format: {"password":"x"}, password=x, password="x y", password: x,
// Authorization: Bearer x, Cookie: a=b; c=d, and JSON escaped inside a
// string ({\"token\":\"x\"}).
func (r *Redactor) redactFields(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is written to b
	for i := 0; i < len(s); i++ {
		if s[i] != ':' && s[i] != '=' {
			continue
		}
		// Walk back from the separator: blanks, a closing quote (maybe
		// escaped), then the name.
		k := i
		for n := 0; n < 3 && k > done && (s[k-1] == ' ' || s[k-1] == '\t'); n++ {
			k--
		}
		if k > done && (s[k-1] == '"' || s[k-1] == '\'') {
			k--
			if k > done && s[k-1] == '\\' {
				k--
			}
		}
		end := k
		for k > done && end-k < 64 && (isAlnum(s[k-1]) || s[k-1] == '_' || s[k-1] == '.' || s[k-1] == '-') {
			k--
		}
		for k < end && !(isLetter(s[k]) || s[k] == '_') {
			k++ // a name starts with a letter or '_'
		}
		if k == end {
			continue
		}
		ph := r.placeholder(s[k:end])
		if ph == "" {
			continue
		}
		vs := i + 1
		for n := 0; n < 3 && vs < len(s) && (s[vs] == ' ' || s[vs] == '\t'); n++ {
			vs++
		}
		vs, ve := valueSpan(s, vs, isCookieKey(s[k:end]))
		if ve <= vs || s[vs:ve] == ph {
			continue
		}
		b.WriteString(s[done:vs])
		b.WriteString(ph)
		done = ve
		i = ve - 1
	}
	return spliced(&b, s, done)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isCookieKey(k string) bool { return strings.Contains(normKey(k), "cookie") }

// valueSpan returns the bounds of the value that starts at i, without its
// quotes.
func valueSpan(s string, i int, toLineEnd bool) (int, int) {
	if i >= len(s) {
		return i, i
	}
	switch {
	case strings.HasPrefix(s[i:], `\"`):
		// JSON escaped inside a string: ends at the next \" that is not
		// itself escaped (\\\").
		for j := i + 2; j < len(s); j++ {
			if s[j] == '"' && s[j-1] == '\\' && (j < 2 || s[j-2] != '\\') {
				return i + 2, j - 1
			}
		}
		return i + 2, len(s)
	case s[i] == '"' || s[i] == '\'':
		q := s[i]
		for j := i + 1; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case q:
				return i + 1, j
			}
		}
		return i + 1, len(s)
	case s[i] == '{' || s[i] == '[':
		return i, balancedEnd(s, i)
	}
	j := i
	if toLineEnd {
		for j < len(s) && s[j] != '\n' && s[j] != '"' {
			j++
		}
		return i, j
	}
	end := func(c byte) bool {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';' || c == '&' || c == '"' || c == '\'' || c == '}' || c == ']' || c == ')' || c == '<' || c == '>'
	}
	for j < len(s) && !end(s[j]) {
		j++
	}
	// "Bearer abc…", "Basic abc…": the credentials follow the scheme.
	// The scheme stays readable.
	if w := strings.ToLower(s[i:j]); (w == "bearer" || w == "basic" || w == "digest" || w == "token") && j < len(s) && s[j] == ' ' {
		i, j = j+1, j+1
		for j < len(s) && !end(s[j]) {
			j++
		}
	}
	return i, j
}

// balancedEnd returns the end of the JSON object or array starting at i,
// skipping strings; len(s) when it is not closed.
func balancedEnd(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '"':
			for j++; j < len(s) && s[j] != '"'; j++ {
				if s[j] == '\\' {
					j++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(s)
}

// replacePhones replaces phone numbers that are not glued to a letter, a
// digit or a '+' on either side: part of a longer number is not a phone
// number (and masking a piece of it would leave the rest to look like
// something else). A match that runs on into other numbers is cut back at
// a separator to the longest phone number it starts with.
func replacePhones(s string) string {
	var b strings.Builder
	done := 0
	glued := func(c byte) bool { return isGlue(c) || c == '+' }
	for pos := 0; pos < len(s); {
		start := phoneStart(s, pos)
		if start < 0 {
			break
		}
		// A phone number is short: match at start within a bounded window.
		m := phoneAtRE.FindStringIndex(s[start:min(len(s), start+48)])
		if m == nil {
			pos = start + 1
			continue
		}
		end := start + m[1]
		ok := false
		if start == 0 || !glued(s[start-1]) {
			for end > start {
				if (end == len(s) || !glued(s[end])) && phoneDigits(s[start:end]) && wholePhoneRE.MatchString(s[start:end]) {
					ok = true
					break
				}
				cut := strings.LastIndexAny(s[start:end], " .-(")
				if cut <= 0 {
					break
				}
				end = start + cut
				for end > start && !isAlnum(s[end-1]) {
					end--
				}
			}
		}
		if !ok {
			pos = start + 1
			continue
		}
		b.WriteString(s[done:start])
		b.WriteString(RedactPhone)
		done, pos = end, end
	}
	return spliced(&b, s, done)
}

// phoneStart returns the first position from pos where a phone number may
// start — '+' or '(' before a digit, or three digits and '.' or '-' — or -1.
func phoneStart(s string, pos int) int {
	for i := pos; i+1 < len(s); i++ {
		switch c := s[i]; {
		case (c == '+' || c == '(') && isDigit(s[i+1]):
			return i
		case isDigit(c) && i+3 < len(s) && isDigit(s[i+1]) && isDigit(s[i+2]) && (s[i+3] == '.' || s[i+3] == '-'):
			return i
		}
	}
	return -1
}

// phoneDigits: a phone number has 7 to 15 digits (E.164).
func phoneDigits(p string) bool {
	n := 0
	for i := 0; i < len(p); i++ {
		if isDigit(p[i]) {
			n++
		}
	}
	return n >= 7 && n <= 15
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// redactIPv6 replaces runs of hex digits, colons and dots that parse as an
// IPv6 address (with at least two colons: a clock time does not parse).
func redactIPv6(s string) string {
	if strings.Count(s, ":") < 2 {
		return s
	}
	var b strings.Builder
	done := 0
	for i := 0; i < len(s); {
		if !isHex(s[i]) && s[i] != ':' && s[i] != '.' {
			i++
			continue
		}
		j := i
		colons := 0
		for j < len(s) && (isHex(s[j]) || s[j] == ':' || s[j] == '.') {
			if s[j] == ':' {
				colons++
			}
			j++
		}
		// A run glued to a word ("error:dead::beef" is not an address of
		// interest; "ab12::1" inside an identifier neither).
		if colons >= 2 && (i == 0 || !isGlue(s[i-1]) && s[i-1] != '_') && (j == len(s) || !isGlue(s[j])) {
			run := strings.TrimRight(s[i:j], ".")
			for len(run) > 0 {
				if a, err := netip.ParseAddr(run); err == nil && a.Is6() && strings.Trim(run, ":") != "" {
					b.WriteString(s[done:i])
					b.WriteString(RedactIP)
					done = i + len(run)
					break
				}
				if !strings.HasSuffix(run, ":") {
					break
				}
				run = run[:len(run)-1] // "2001:db8::1:" at the end of a clause
			}
		}
		i = j
	}
	return spliced(&b, s, done)
}

// redactIPv4 replaces dotted quads whose parts are 0–255; a port after it
// is kept.
func redactIPv4(s string) string {
	if strings.Count(s, ".") < 3 {
		return s
	}
	var b strings.Builder
	done := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) || i > 0 && (isDigit(s[i-1]) || s[i-1] == '.' || s[i-1] == '<' || s[i-1] == '>') {
			continue
		}
		j, parts, ok := i, 0, true
		for ok && parts < 4 {
			k := j
			for k < len(s) && isDigit(s[k]) && k-j < 4 {
				k++
			}
			n := k - j
			if n == 0 || n > 3 || atoi(s[j:k]) > 255 {
				ok = false
				break
			}
			parts++
			j = k
			if parts < 4 {
				if j >= len(s) || s[j] != '.' {
					ok = false
					break
				}
				j++
			}
		}
		if !ok || parts != 4 || j < len(s) && (isDigit(s[j]) || s[j] == '<' || s[j] == '>' || s[j] == '.' && j+1 < len(s) && isGlue(s[j+1])) {
			continue
		}
		b.WriteString(s[done:i])
		b.WriteString(RedactIP)
		done = j
		i = j - 1
	}
	return spliced(&b, s, done)
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// redactCards replaces card numbers: 13 to 19 digits, alone or in groups
// separated by single spaces or dashes, that pass the Luhn check. Within a
// longer run of groups ("order 12 4111 1111 1111 1111") every window of
// whole groups is tried.
func redactCards(s string) string {
	digits := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			digits++
		}
	}
	if digits < 13 {
		return s
	}
	type group struct{ start, end int }
	var b strings.Builder
	done := 0
	for i := 0; i < len(s); {
		if !isDigit(s[i]) || i > 0 && isGlue(s[i-1]) {
			i++
			continue
		}
		// Collect the groups of one run.
		var gs []group
		j := i
		for {
			k := j
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			gs = append(gs, group{j, k})
			if k+1 < len(s) && (s[k] == ' ' || s[k] == '-') && isDigit(s[k+1]) {
				j = k + 1
				continue
			}
			j = k
			break
		}
		if j < len(s) && isGlue(s[j]) {
			// The last group is glued to a word: part of an identifier,
			// not of a card.
			gs = gs[:len(gs)-1]
		}
		masked := make([]bool, len(gs))
		for a := range gs {
			n := 0
			for z := a; z < len(gs); z++ {
				n += gs[z].end - gs[z].start
				if n > 19 {
					break
				}
				if n >= 13 && luhn(s, gs[a].start, gs[z].end) {
					for q := a; q <= z; q++ {
						masked[q] = true
					}
				}
			}
		}
		for a := 0; a < len(gs); {
			if !masked[a] {
				a++
				continue
			}
			z := a
			for z+1 < len(gs) && masked[z+1] {
				z++
			}
			b.WriteString(s[done:gs[a].start])
			b.WriteString(RedactCard)
			done = gs[z].end
			a = z + 1
		}
		i = j
	}
	return spliced(&b, s, done)
}

// isGlue: a character that makes a number part of something bigger — a
// word, or a placeholder put in by an earlier rule (so that redacting again
// finds nothing new next to it).
func isGlue(c byte) bool { return isAlnum(c) || c == '<' || c == '>' }

func isAlnum(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// luhn checks the digits of s[from:to], skipping separators.
func luhn(s string, from, to int) bool {
	sum, double := 0, false
	for i := to - 1; i >= from; i-- {
		if !isDigit(s[i]) {
			continue
		}
		d := int(s[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// redactLongRuns replaces long random-looking runs: 32 or more hex digits,
// or base64 (standard or URL-safe) of 32 or more characters that mixes
// upper and lower case with digits (40 or more: with or without digits).
// Words, paths of words and ids built from words stay.
func redactLongRuns(s string) string {
	if len(s) < 32 {
		return s
	}
	var b strings.Builder
	done := 0
	inRun := func(c byte) bool { return isAlnum(c) || c == '+' || c == '/' || c == '_' || c == '-' }
	for i := 0; i < len(s); {
		if !inRun(s[i]) {
			i++
			continue
		}
		j := i
		upper, lower, digit := false, false, false
		for j < len(s) && inRun(s[j]) {
			c := s[j]
			upper = upper || c >= 'A' && c <= 'Z'
			lower = lower || c >= 'a' && c <= 'z'
			digit = digit || isDigit(c)
			j++
		}
		n := j - i
		for j < len(s) && s[j] == '=' && j-i-n < 2 {
			j++
		}
		if n >= 32 && upper && lower && (digit || n >= 40) {
			b.WriteString(s[done:i])
			b.WriteString(RedactSecret)
			done = j
			i = j
			continue
		}
		// Hex runs inside it (a digest after "sha256:", a key after "tok_").
		for k := i; k < i+n; {
			if !isHex(s[k]) {
				k++
				continue
			}
			e := k
			for e < i+n && isHex(s[e]) {
				e++
			}
			if e-k >= 32 && (k == i || !isAlnum(s[k-1])) && (e == i+n || !isAlnum(s[e])) {
				b.WriteString(s[done:k])
				b.WriteString(RedactSecret)
				done = e
			}
			k = e
		}
		i = j
	}
	return spliced(&b, s, done)
}

// spliced ends a scan that copied s into b up to done, replacing spans on
// the way: s itself when nothing was replaced (done is 0), else b with the
// rest of s.
func spliced(b *strings.Builder, s string, done int) string {
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}
