package logs

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// Format names a line format a FileSource understands.
const (
	FormatJSONL  = "jsonl"
	FormatLogfmt = "logfmt"
	FormatText   = "text"
)

// A Parser fills r from one line and reports whether the line was
// understood (it must at least carry a timestamp). It may keep a small
// intern table, so one Parser must not be shared between goroutines.
type Parser struct {
	format string
	intern map[string]string
	key    [64]byte
}

// NewParser returns a parser for format (jsonl, logfmt or text).
func NewParser(format string) (*Parser, error) {
	switch format {
	case FormatJSONL, FormatLogfmt, FormatText:
		return &Parser{format: format, intern: map[string]string{}}, nil
	}
	return nil, fmt.Errorf("unknown log format %q (want jsonl, logfmt or text)", format)
}

// Parse fills r from line. r.Raw is set to line.
func (p *Parser) Parse(line []byte, r *Record) bool {
	*r = Record{Raw: line}
	switch p.format {
	case FormatJSONL:
		return p.parseJSON(line, r)
	case FormatLogfmt:
		return p.parseLogfmt(line, r)
	default:
		return p.parseText(line, r)
	}
}

// internString avoids one allocation per line for values that repeat
// (service names); the table is bounded so hostile input cannot grow it.
func (p *Parser) internString(b []byte) string {
	if s, ok := p.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(p.intern) < 4096 {
		p.intern[s] = s
	}
	return s
}

type fieldKind int

const (
	kindNone fieldKind = iota
	kindTime
	kindLevel
	kindService
	kindMessage
	kindStatus
)

// classify maps a (possibly dotted, any-case) key to the field it carries.
func (p *Parser) classify(k []byte) fieldKind {
	if len(k) > len(p.key) {
		return kindNone
	}
	lk := p.key[:len(k)]
	for i, c := range k {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lk[i] = c
	}
	switch string(lk) {
	case "time", "ts", "timestamp", "@timestamp", "datetime", "@t":
		return kindTime
	case "level", "lvl", "severity", "loglevel", "log.level", "levelname", "@l":
		return kindLevel
	case "service", "svc", "app", "component", "service.name", "application":
		return kindService
	case "msg", "message", "@m", "log.message":
		return kindMessage
	case "status", "status_code", "statuscode", "http.status", "http_status",
		"http.status_code", "http.response.status_code", "response.status":
		return kindStatus
	}
	return kindNone
}

// NormalizeLevel maps the many spellings of a level (and syslog or bunyan
// numbers) to LevelError, LevelWarn, LevelInfo, LevelDebug or "".
func NormalizeLevel(b []byte) string {
	if len(b) == 0 || len(b) > 16 {
		return ""
	}
	if n, ok := digits(b, len(b)); ok {
		switch {
		case n >= 10: // bunyan/pino: 10 trace … 60 fatal
			switch {
			case n >= 50:
				return LevelError
			case n >= 40:
				return LevelWarn
			case n >= 30:
				return LevelInfo
			}
			return LevelDebug
		case n <= 3: // syslog severities
			return LevelError
		case n == 4:
			return LevelWarn
		case n <= 6:
			return LevelInfo
		}
		return LevelDebug
	}
	var buf [16]byte
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(b)]) {
	case "error", "err", "fatal", "critical", "crit", "panic", "emerg", "emergency", "alert", "e", "f", "severe", "eror":
		return LevelError
	case "warn", "warning", "w":
		return LevelWarn
	case "info", "information", "informational", "notice", "i", "n":
		return LevelInfo
	case "debug", "trace", "d", "t", "verbose", "fine", "finer":
		return LevelDebug
	}
	return ""
}

func parseStatus(b []byte) int {
	if len(b) != 3 {
		return 0
	}
	n, ok := digits(b, 3)
	if !ok || n < 100 || n > 599 {
		return 0
	}
	return n
}

// set stores one field value; quoted tells whether v still holds escapes
// that must be decoded (JSON or logfmt strings).
func (p *Parser) set(r *Record, kind fieldKind, v []byte, escaped bool) {
	switch kind {
	case kindTime:
		if r.Time.IsZero() {
			if t, ok := ParseTime(v); ok {
				r.Time = t
			}
		}
	case kindLevel:
		if r.Level == "" {
			r.Level = NormalizeLevel(v)
		}
	case kindService:
		if r.Service == "" {
			r.Service = p.internString(v)
		}
	case kindMessage:
		if r.Message == "" {
			if escaped {
				r.Message = unescape(v)
			} else {
				r.Message = string(v)
			}
		}
	case kindStatus:
		if r.Status == 0 {
			r.Status = parseStatus(v)
		}
	}
}

// unescape decodes JSON/logfmt backslash escapes. Invalid escapes are kept
// as written: a log line is evidence, not something to reject.
func unescape(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' || i+1 >= len(b) {
			out = append(out, c)
			continue
		}
		i++
		switch b[i] {
		case 'n':
			out = append(out, '\n')
		case 't':
			out = append(out, '\t')
		case 'r':
			out = append(out, '\r')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'u':
			if r, ok := hex4(b, i+1); ok {
				i += 4
				// A UTF-16 surrogate pair is two escapes for one rune.
				if utf16.IsSurrogate(r) && i+6 < len(b) && b[i+1] == '\\' && b[i+2] == 'u' {
					if r2, ok := hex4(b, i+3); ok {
						if c := utf16.DecodeRune(r, r2); c != utf8.RuneError {
							out = utf8.AppendRune(out, c)
							i += 6
							continue
						}
					}
				}
				out = utf8.AppendRune(out, r)
				continue
			}
			out = append(out, '\\', 'u')
		default:
			out = append(out, b[i])
		}
	}
	return string(out)
}

// hex4 reads four hex digits at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, h := range b[i : i+4] {
		r <<= 4
		switch {
		case h >= '0' && h <= '9':
			r |= rune(h - '0')
		case h >= 'a' && h <= 'f':
			r |= rune(h-'a') + 10
		case h >= 'A' && h <= 'F':
			r |= rune(h-'A') + 10
		default:
			return 0, false
		}
	}
	return r, true
}

// --- jsonl -----------------------------------------------------------------

// parseJSON is a small scanner for one JSON object per line. It reads only
// the fields deskgate needs, one level of nesting ({"http":{"status":500}}
// is http.status), and skips the rest without building any value.
func (p *Parser) parseJSON(line []byte, r *Record) bool {
	i := skipWS(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	var prefix [32]byte
	if _, ok := p.jsonObject(line, i, r, prefix[:0], 0); !ok {
		return false
	}
	return !r.Time.IsZero()
}

func skipWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// jsonString returns the content of the string starting at b[i] == '"', the
// index after it, and whether it contains escapes.
func jsonString(b []byte, i int) (val []byte, next int, escaped, ok bool) {
	j := i + 1
	for {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return nil, 0, false, false
		}
		q := j + k
		// The quote is escaped when an odd number of backslashes precede it.
		bs := 0
		for m := q - 1; m > i && b[m] == '\\'; m-- {
			bs++
		}
		if bs%2 == 0 {
			if !escaped && bytes.IndexByte(b[i+1:q], '\\') >= 0 {
				escaped = true
			}
			return b[i+1 : q], q + 1, escaped, true
		}
		escaped = true
		j = q + 1
	}
}

func (p *Parser) jsonObject(b []byte, i int, r *Record, prefix []byte, depth int) (int, bool) {
	i++ // '{'
	for {
		i = skipWS(b, i)
		if i >= len(b) {
			return 0, false
		}
		if b[i] == '}' {
			return i + 1, true
		}
		if b[i] != '"' {
			return 0, false
		}
		key, ni, _, ok := jsonString(b, i)
		if !ok {
			return 0, false
		}
		i = skipWS(b, ni)
		if i >= len(b) || b[i] != ':' {
			return 0, false
		}
		i = skipWS(b, i+1)
		if i >= len(b) {
			return 0, false
		}
		full := key
		if len(prefix) > 0 {
			if len(prefix)+len(key) <= cap(prefix) {
				full = append(prefix, key...)
			} else {
				full = nil
			}
		}
		switch c := b[i]; {
		case c == '"':
			v, ni, esc, ok := jsonString(b, i)
			if !ok {
				return 0, false
			}
			if k := p.classify(full); k != kindNone {
				p.set(r, k, v, esc)
			}
			i = ni
		case c == '{':
			if depth == 0 && len(key)+1 < cap(prefix) {
				np := append(prefix[:0], key...)
				np = append(np, '.')
				ni, ok := p.jsonObject(b, i, r, np, depth+1)
				if !ok {
					return 0, false
				}
				i = ni
			} else {
				ni, ok := skipJSONValue(b, i)
				if !ok {
					return 0, false
				}
				i = ni
			}
		default:
			start := i
			ni, ok := skipJSONValue(b, i)
			if !ok {
				return 0, false
			}
			if c == '-' || (c >= '0' && c <= '9') {
				if k := p.classify(full); k != kindNone {
					p.set(r, k, trimSpace(b[start:ni]), false)
				}
			}
			i = ni
		}
		i = skipWS(b, i)
		if i >= len(b) {
			return 0, false
		}
		switch b[i] {
		case ',':
			i++
		case '}':
			return i + 1, true
		default:
			return 0, false
		}
	}
}

// skipJSONValue skips any value, counting brackets and honouring strings.
func skipJSONValue(b []byte, i int) (int, bool) {
	switch b[i] {
	case '"':
		_, ni, _, ok := jsonString(b, i)
		return ni, ok
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				_, ni, _, ok := jsonString(b, i)
				if !ok {
					return 0, false
				}
				i = ni
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1, true
				}
			}
			i++
		}
		return 0, false
	default:
		j := i
		for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != ' ' && b[j] != '\t' {
			j++
		}
		if j == i {
			return 0, false
		}
		return j, true
	}
}

// --- logfmt ----------------------------------------------------------------

func (p *Parser) parseLogfmt(line []byte, r *Record) bool {
	i := 0
	for i < len(line) {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		ks := i
		for i < len(line) && line[i] != '=' && line[i] != ' ' && line[i] != '\t' {
			i++
		}
		key := line[ks:i]
		if i >= len(line) || line[i] != '=' {
			continue // a bare word: logfmt allows it as a boolean flag
		}
		i++
		var val []byte
		esc := false
		if i < len(line) && line[i] == '"' {
			v, ni, e, ok := jsonString(line, i)
			if !ok {
				return false
			}
			val, esc, i = v, e, ni
		} else {
			vs := i
			for i < len(line) && line[i] != ' ' && line[i] != '\t' {
				i++
			}
			val = line[vs:i]
		}
		if k := p.classify(key); k != kindNone {
			p.set(r, k, val, esc)
		}
	}
	return !r.Time.IsZero()
}

// --- text ------------------------------------------------------------------

// parseText reads "<timestamp> [LEVEL] [service] message", the shape of most
// plain-text application logs: the timestamp must come first; a level word
// and a service in brackets (or "name:") are optional. The HTTP status is
// taken from "status=NNN"-like words or an access-log '" NNN ' field.
func (p *Parser) parseText(line []byte, r *Record) bool {
	b := line
	if len(b) > 0 && b[0] == '[' { // "[2026-11-27T14:05:00Z] ..."
		if j := bytes.IndexByte(b, ']'); j > 0 {
			if t, ok := ParseTime(b[1:j]); ok {
				r.Time = t
				b = b[j+1:]
			}
		}
	}
	if r.Time.IsZero() {
		if t, n, ok := parseISOPrefix(b); ok {
			r.Time, b = t, b[n:]
		} else {
			j := bytes.IndexAny(b, " \t")
			if j < 0 {
				j = len(b)
			}
			t, ok := ParseTime(b[:j])
			if !ok {
				return false
			}
			r.Time, b = t, b[j:]
		}
	}
	b = trimSpace(b)
	if tok, rest := nextToken(b); len(tok) > 0 {
		// A one-letter level ("E", "W") counts only in capitals: an "a" or
		// "i" opening a message is a word.
		if lv := NormalizeLevel(bytes.Trim(tok, "[]:")); lv != "" && (len(tok) > 1 || tok[0] >= 'A' && tok[0] <= 'Z') {
			r.Level, b = lv, trimSpace(rest)
		}
	}
	if tok, rest := nextToken(b); len(tok) > 2 {
		switch {
		case tok[0] == '[' && tok[len(tok)-1] == ']' && isIdent(tok[1:len(tok)-1]):
			r.Service, b = p.internString(tok[1:len(tok)-1]), trimSpace(rest)
		case tok[len(tok)-1] == ':' && isIdent(tok[:len(tok)-1]) && isLowerIdent(tok[:len(tok)-1]):
			r.Service, b = p.internString(tok[:len(tok)-1]), trimSpace(rest)
		}
	}
	r.Status = findStatus(b)
	r.Message = string(b)
	return true
}

func nextToken(b []byte) (tok, rest []byte) {
	j := bytes.IndexAny(b, " \t")
	if j < 0 {
		return b, nil
	}
	return b[:j], b[j:]
}

func isIdent(b []byte) bool {
	if len(b) == 0 || len(b) > 64 {
		return false
	}
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

func isLowerIdent(b []byte) bool {
	for _, c := range b {
		if c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

var statusKeys = [][]byte{[]byte("status_code="), []byte("status="), []byte("status: "), []byte("status:"), []byte("status "), []byte("code=")}

// findStatus finds an HTTP status in free text.
func findStatus(b []byte) int {
	for _, k := range statusKeys {
		if j := bytes.Index(b, k); j >= 0 {
			if s := parseStatus(leadingDigits(b[j+len(k):])); s != 0 {
				return s
			}
		}
	}
	// access-log style: "GET /path HTTP/1.1" 502 123
	if j := bytes.Index(b, []byte("HTTP/")); j >= 0 {
		if q := bytes.IndexByte(b[j:], '"'); q >= 0 {
			rest := trimSpace(b[j+q+1:])
			return parseStatus(leadingDigits(rest))
		}
	}
	return 0
}

func leadingDigits(b []byte) []byte {
	j := 0
	for j < len(b) && b[j] >= '0' && b[j] <= '9' {
		j++
	}
	if j < len(b) && (b[j] >= 'a' && b[j] <= 'z' || b[j] >= 'A' && b[j] <= 'Z') {
		return nil // "500ms" is a duration, not a status
	}
	return b[:j]
}
