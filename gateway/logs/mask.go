package logs

import (
	"strings"
)

// Placeholders Mask puts in place of variable parts of a message.
const (
	MaskNum   = "<num>"
	MaskID    = "<id>"
	MaskHex   = "<hex>"
	MaskIP    = "<ip>"
	MaskUUID  = "<uuid>"
	MaskEmail = "<email>"
)

// Mask replaces the variable parts of a log message — numbers, ids, hex,
// IPs, UUIDs, emails — with placeholders, so lines that differ only in them
// share one template. Words, paths and punctuation are kept: they are what
// tells one failure from another.
func Mask(msg string) string {
	var b strings.Builder
	b.Grow(len(msg))
	fields := 0
	for i := 0; i < len(msg); {
		if isSpace(msg[i]) {
			i++
			continue
		}
		j := i
		for j < len(msg) && !isSpace(msg[j]) {
			j++
		}
		if fields > 0 {
			b.WriteByte(' ')
		}
		fields++
		maskToken(&b, msg[i:j])
		i = j
	}
	return b.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Tokens of a masked message, the unit template mining compares.
func Tokens(masked string) []string { return strings.Fields(masked) }

// Byte classes for the masking hot path; a table beats searching a string
// of punctuation for every byte.
var (
	leadPunct  [256]bool
	trailPunct [256]bool
	sepByte    [256]bool
)

func init() {
	for _, c := range []byte(`"'([{<,;`) {
		leadPunct[c] = true
	}
	for _, c := range []byte(`"')]}>,;:.`) {
		trailPunct[c] = true
	}
	for _, c := range []byte(`/=:,._-#?&()[]"'@+`) {
		sepByte[c] = true
	}
}

func maskToken(b *strings.Builder, tok string) {
	// Fast path: a plain word (no digit, no @, not long enough to be a
	// hex id) is kept as is; most words of a message are.
	plain := len(tok) < 16
	upper, lower := false, false
	for i := 0; plain && i < len(tok); i++ {
		switch c := tok[i]; {
		case c >= '0' && c <= '9' || c == '@':
			plain = false
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		}
	}
	// ... nor is a word of ten letters or more in both cases, which may be
	// a random id without a digit (randomCase).
	plain = plain && !(len(tok) >= 10 && upper && lower)
	if plain {
		b.WriteString(tok)
		return
	}
	// Keep leading and trailing punctuation (quotes, brackets, commas) as is.
	lo, hi := 0, len(tok)
	for lo < hi && leadPunct[tok[lo]] {
		lo++
	}
	for hi > lo && trailPunct[tok[hi-1]] {
		hi--
	}
	core := tok[lo:hi]
	b.WriteString(tok[:lo])
	if k := strings.IndexByte(core, '='); k > 0 && k < len(core)-1 {
		// key=value: mask the value alone.
		b.WriteString(core[:k+1])
		core = core[k+1:]
		if len(core) > 0 && (core[0] == '"' || core[0] == '\'') {
			b.WriteByte(core[0])
			core = core[1:]
		}
	}
	switch {
	case isEmail(core):
		b.WriteString(MaskEmail)
	case isUUID(core):
		b.WriteString(MaskUUID)
	case isIPv4(core):
		b.WriteString(MaskIP)
	case isIPv6(core):
		b.WriteString(MaskIP)
	default:
		maskSegments(b, core)
	}
	b.WriteString(tok[hi:])
}

func isSep(c byte) bool { return sepByte[c] }

// maskSegments masks each separator-delimited piece of a token:
// "/orders/12345/items" → "/orders/<num>/items", "250ms" → "<num>ms",
// "req_8f3a9c2b11" → "req_<id>".
func maskSegments(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		if isSep(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && !isSep(s[j]) {
			j++
		}
		if i > 0 && s[i-1] == '_' && prefixedID(s[i:j]) {
			b.WriteString(MaskID) // ch_GneXTJQGUA, cus_CrzlmkArSl
		} else {
			b.WriteString(maskSegment(s[i:j]))
		}
		i = j
	}
}

func maskSegment(seg string) string {
	digits, hex, alnum := 0, true, true
	for k := 0; k < len(seg); k++ {
		c := seg[k]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F':
		case c >= 'g' && c <= 'z' || c >= 'G' && c <= 'Z':
			hex = false
		default:
			hex, alnum = false, false
		}
	}
	if digits == 0 {
		if len(seg) >= 16 && hex { // a long hex run with no digit is still an id
			return MaskHex
		}
		if randomCase(seg) { // a random id that happens to hold no digit
			return MaskID
		}
		return seg
	}
	if digits == len(seg) {
		return MaskNum
	}
	// a number with a short unit: 250ms, 3s, 10kb, 2xx stays "2xx"
	n := 0
	for n < len(seg) && seg[n] >= '0' && seg[n] <= '9' {
		n++
	}
	if n > 0 && len(seg)-n <= 3 && isLetters(seg[n:]) {
		return MaskNum + seg[n:]
	}
	if hex && len(seg) >= 6 {
		return MaskHex
	}
	if alnum && len(seg) >= 6 {
		return MaskID
	}
	return seg
}

// randomCase reports whether a letters-only segment of 10 or more letters
// mixes cases the way random ids do (ch_CjOqAsvaxK, IkukQYqyAZ) rather than
// the way words do (WindowsUpdateAgent, HTTPServer, connectionTimeout).
// Split into camel-case words, a random id has a word of one letter: a lone
// capital at the end (CjOqAsvaxK), or two capitals before lower case, the
// first of which stands alone (IkukQYqyAZ); words and acronyms
// (HTTPServer) never do. About one random 10-letter id in six holds no
// digit, and each would otherwise be a template of its own.
func randomCase(seg string) bool {
	if len(seg) < 10 || !isLetters(seg) {
		return false
	}
	for i := 0; i < len(seg); {
		if seg[i] > 'Z' { // lower case (seg holds letters only)
			i++
			continue
		}
		j := i
		for j < len(seg) && seg[j] <= 'Z' {
			j++
		}
		if j == len(seg) && j-i == 1 || j < len(seg) && j-i == 2 {
			return true
		}
		i = j
	}
	return false
}

// prefixedID reports whether the segment after an underscore is the random
// part of a prefixed id (ch_…, cus_…, evt_…): eight or more letters in both
// cases. Such ids often hold no digit at all, and lower-case words joined by
// underscores (order_status_changed) are not ids.
func prefixedID(seg string) bool {
	if len(seg) < 8 || !isLetters(seg) {
		return false
	}
	upper, lower := false, false
	for k := 0; k < len(seg); k++ {
		if seg[k] <= 'Z' {
			upper = true
		} else {
			lower = true
		}
	}
	return upper && lower
}

func isLetters(s string) bool {
	for k := 0; k < len(s); k++ {
		c := s[k]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func isEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	return at > 0 && strings.IndexByte(s[at+1:], '.') > 0 && !strings.ContainsAny(s, "/:") && strings.Count(s, "@") == 1
}

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for k := 0; k < 36; k++ {
		c := s[k]
		if k == 8 || k == 13 || k == 18 || k == 23 {
			if c != '-' {
				return false
			}
			continue
		}
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// isIPv4 accepts a.b.c.d with an optional :port.
func isIPv4(s string) bool {
	if k := strings.LastIndexByte(s, ':'); k > 0 {
		if !allDigits(s[k+1:]) {
			return false
		}
		s = s[:k]
	}
	parts, n := 0, 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if n == 0 || n > 3 {
				return false
			}
			parts, n = parts+1, 0
			continue
		}
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		n++
	}
	return parts == 4
}

func isIPv6(s string) bool {
	// two colons alone is a clock time (12:05:33), not an address
	if strings.Count(s, ":") < 3 && !strings.Contains(s, "::") || len(s) > 45 {
		return false
	}
	hexDigits := 0
	for k := 0; k < len(s); k++ {
		c := s[k]
		switch {
		case c == ':':
		case c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F':
			hexDigits++
		default:
			return false
		}
	}
	return hexDigits > 0 && !strings.Contains(s, ":::")
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for k := 0; k < len(s); k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return true
}
