package sdk

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

// VerifyRecipe describes a desk's delivery signature precisely enough for the
// gateway to check deliveries in its own process, without a call to the
// plugin per delivery. A plugin declares it in Description.VerifyRecipe (the
// static Describe, without a binding); the plugin stays the authority: its
// Verify must accept and refuse exactly what the recipe does (the sdktest
// conformance kit checks both on good and forged deliveries), and the gateway
// falls back to Verify for a binding whose install state holds no key at
// KeyPath. A scheme a recipe cannot express (a JWT, a signature over the URL)
// declares no recipe and keeps Verify on every delivery.
//
// The checks run in this order, each failing with the kind given:
// body over MaxBody (malformed); key missing (permanent); signature header
// missing (rejected); timestamp header missing (rejected); signature not in
// SignatureEncoding (rejected); signature mismatch (rejected); timestamp
// unparseable (rejected); timestamp outside Tolerance (rejected); body not a
// JSON object, ticket id missing or invalid, unknown event type (malformed).
type VerifyRecipe struct {
	// Algorithm is the MAC: hmac-sha256, hmac-sha1 or hmac-sha512.
	Algorithm string
	// KeyPath is the dotted JSON path, within InstallState.Data, of the
	// signing key (a JSON string), e.g. "signing_secret". Data stays the
	// plugin's: the path is its declaration of where the key is, and a
	// state without it is verified by the plugin.
	KeyPath string
	// KeyEncoding says how that string becomes key bytes: raw (its UTF-8
	// bytes, the default), base64 or hex.
	KeyEncoding string
	// SignatureHeader carries the signature; SignaturePrefix, when set, is
	// stripped from its value first (e.g. "sha256="). SignatureEncoding is
	// base64 (standard, the default), base64url or hex.
	SignatureHeader   string
	SignaturePrefix   string
	SignatureEncoding string
	// Signed lists, in order, what the MAC covers.
	Signed []SignedPart
	// TimestampHeader, when set, carries the signing time, in
	// TimestampFormat: rfc3339 (RFC 3339; seconds may be omitted, the
	// default) or unix (seconds). A delivery signed more than Tolerance
	// before or after the gateway's clock is refused.
	TimestampHeader string
	TimestampFormat string
	Tolerance       time.Duration
	// DedupHeader carries the id the desk keeps across redeliveries of one
	// event. When it is absent, the DedupKey is "sha256:" + hex(SHA-256 of
	// the value of DedupFallbackHeader, a 0 byte, and the body).
	DedupHeader         string
	DedupFallbackHeader string
	// EventTypePath is the dotted JSON path of the event type in the body;
	// EventTypes maps each accepted value to the normalized type ("" maps
	// the type of a body without one). A value not in it is malformed.
	EventTypePath string
	EventTypes    map[string]string
	// TicketIDPath is the dotted JSON path of the ticket id (a string or a
	// number); with TicketIDDigits it must be a positive decimal integer of
	// at most 19 digits.
	TicketIDPath   string
	TicketIDDigits bool
	// OccurredAtPath, when set, is the dotted JSON path of the event time
	// (rfc3339 as above); when absent or unparseable the signing time is
	// used.
	OccurredAtPath string
	// MaxBody bounds the body (0: 1 MiB).
	MaxBody int
}

// SignedPart is one piece of what a signature covers.
type SignedPart struct {
	// Kind is timestamp (the TimestampHeader value as sent), body (the raw
	// body), header (the value of header Value) or literal (Value itself).
	Kind  string
	Value string
}

const defaultRecipeMaxBody = 1 << 20

// Validate reports a recipe the gateway cannot execute. The gateway then
// verifies every delivery through the plugin.
func (r *VerifyRecipe) Validate() error {
	if r == nil {
		return nil
	}
	if _, ok := macs[r.Algorithm]; !ok {
		return fmt.Errorf("verify recipe: unknown algorithm %q (want hmac-sha256, hmac-sha1 or hmac-sha512)", r.Algorithm)
	}
	switch {
	case r.KeyPath == "":
		return fmt.Errorf("verify recipe: no key_path")
	case r.SignatureHeader == "":
		return fmt.Errorf("verify recipe: no signature_header")
	case len(r.Signed) == 0:
		return fmt.Errorf("verify recipe: signed lists nothing")
	case r.TicketIDPath == "":
		return fmt.Errorf("verify recipe: no ticket_id_path")
	case len(r.EventTypes) == 0:
		return fmt.Errorf("verify recipe: event_types is empty")
	case r.TimestampHeader != "" && r.Tolerance <= 0:
		return fmt.Errorf("verify recipe: a timestamp header needs a positive tolerance")
	case r.DedupHeader == "" && r.DedupFallbackHeader == "" && r.TimestampHeader == "":
		// Without a dedup id the body hash alone names the event: accepted.
	}
	switch r.KeyEncoding {
	case "", "raw", "base64", "hex":
	default:
		return fmt.Errorf("verify recipe: unknown key_encoding %q", r.KeyEncoding)
	}
	switch r.SignatureEncoding {
	case "", "base64", "base64url", "hex":
	default:
		return fmt.Errorf("verify recipe: unknown signature_encoding %q", r.SignatureEncoding)
	}
	switch r.TimestampFormat {
	case "", "rfc3339", "unix":
	default:
		return fmt.Errorf("verify recipe: unknown timestamp_format %q", r.TimestampFormat)
	}
	for i, p := range r.Signed {
		switch p.Kind {
		case "body", "literal":
		case "timestamp":
			if r.TimestampHeader == "" {
				return fmt.Errorf("verify recipe: signed part %d is the timestamp but there is no timestamp_header", i)
			}
		case "header":
			if p.Value == "" {
				return fmt.Errorf("verify recipe: signed part %d names no header", i)
			}
		default:
			return fmt.Errorf("verify recipe: signed part %d has unknown kind %q", i, p.Kind)
		}
	}
	return nil
}

var macs = map[string]func() hash.Hash{
	"hmac-sha256": sha256.New,
	"hmac-sha1":   sha1.New,
	"hmac-sha512": sha512.New,
}

// Key reads the signing key from an install state. A state without it
// (an installation made before the plugin declared its recipe) gives an
// error: its deliveries go to the plugin's Verify.
func (r *VerifyRecipe) Key(st InstallState) ([]byte, error) {
	if len(st.Data) == 0 {
		return nil, Errorf(KindPermanent, "verify recipe: install state is empty")
	}
	raw, err := jsonPath(st.Data, r.KeyPath)
	if err != nil || raw == nil {
		// The JSON error could quote the secret: say only what failed.
		return nil, Errorf(KindPermanent, "verify recipe: install state has no key at %s", r.KeyPath)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil || s == "" {
		return nil, Errorf(KindPermanent, "verify recipe: the key at %s is not a non-empty string", r.KeyPath)
	}
	switch r.KeyEncoding {
	case "base64":
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, Errorf(KindPermanent, "verify recipe: the key at %s is not base64", r.KeyPath)
		}
		return b, nil
	case "hex":
		b, err := hex.DecodeString(s)
		if err != nil {
			return nil, Errorf(KindPermanent, "verify recipe: the key at %s is not hex", r.KeyPath)
		}
		return b, nil
	}
	return []byte(s), nil
}

// Sign computes the signature header value the recipe expects for a
// delivery with these headers and body (the timestamp, when signed, is
// read from the headers). The conformance kit uses it to forge deliveries
// signed with a wrong key.
func (r *VerifyRecipe) Sign(key []byte, h http.Header, body []byte) string {
	m := hmac.New(macs[r.Algorithm], key)
	r.writeSigned(m, h, body)
	sum := m.Sum(nil)
	var enc string
	switch r.SignatureEncoding {
	case "hex":
		enc = hex.EncodeToString(sum)
	case "base64url":
		enc = base64.URLEncoding.EncodeToString(sum)
	default:
		enc = base64.StdEncoding.EncodeToString(sum)
	}
	return r.SignaturePrefix + enc
}

func (r *VerifyRecipe) writeSigned(m hash.Hash, h http.Header, body []byte) {
	for _, p := range r.Signed {
		switch p.Kind {
		case "timestamp":
			m.Write([]byte(deskhttp.Header(h, r.TimestampHeader)))
		case "body":
			m.Write(body)
		case "header":
			m.Write([]byte(deskhttp.Header(h, p.Value)))
		case "literal":
			m.Write([]byte(p.Value))
		}
	}
}

// Verify checks one delivery with key (from Key) and returns its event,
// or an *Error of the kind the recipe's doc lists. Each event's ReplayKey
// is a hash of the signature and timestamp headers, its SignedAt the signed
// timestamp (zero when the recipe signs none).
func (r *VerifyRecipe) Verify(key []byte, req VerifyRequest) ([]Event, error) {
	return r.verify(key, nil, req)
}

// KeyedRecipe is a VerifyRecipe with its key: for a caller that verifies
// many deliveries with one key (the gateway, per binding), its Verify
// reuses the MAC's keyed state between deliveries instead of building it
// for each (hmac.New was a quarter of the in-process verification's
// allocations). Safe for concurrent use.
type KeyedRecipe struct {
	r    *VerifyRecipe
	key  []byte
	macs sync.Pool // hash.Hash keyed with key, reset before use
}

// WithKey binds the recipe to key (from Key).
func (r *VerifyRecipe) WithKey(key []byte) *KeyedRecipe {
	return &KeyedRecipe{r: r, key: key}
}

// Verify is the recipe's Verify with the bound key.
func (k *KeyedRecipe) Verify(req VerifyRequest) ([]Event, error) {
	m, _ := k.macs.Get().(hash.Hash)
	evs, err := k.r.verify(k.key, &m, req)
	if m != nil {
		k.macs.Put(m)
	}
	return evs, err
}

// verify is Verify with the MAC keyed with key in *mac when it holds one
// (reset here); one is made and left there otherwise.
func (r *VerifyRecipe) verify(key []byte, mac *hash.Hash, req VerifyRequest) ([]Event, error) {
	maxBody := r.MaxBody
	if maxBody <= 0 {
		maxBody = defaultRecipeMaxBody
	}
	if len(req.Body) > maxBody {
		return nil, Errorf(KindMalformed, "verify delivery: body of %d bytes is over the %d byte limit", len(req.Body), maxBody)
	}
	if len(key) == 0 {
		return nil, Errorf(KindPermanent, "verify delivery: install state has no signing key")
	}
	h := req.Headers
	sig := deskhttp.Header(h, r.SignatureHeader)
	if sig == "" {
		return nil, Errorf(KindRejected, "verify delivery: missing signature (%s)", r.SignatureHeader)
	}
	tsRaw := ""
	if r.TimestampHeader != "" {
		if tsRaw = deskhttp.Header(h, r.TimestampHeader); tsRaw == "" {
			return nil, Errorf(KindRejected, "verify delivery: missing signature timestamp (%s)", r.TimestampHeader)
		}
	}
	got, ok := r.decodeSignature(sig)
	if !ok {
		return nil, Errorf(KindRejected, "verify delivery: bad signature (not %s)", r.sigEncoding())
	}
	var m hash.Hash
	if mac != nil && *mac != nil {
		m = *mac
		m.Reset()
	} else {
		m = hmac.New(macs[r.Algorithm], key)
		if mac != nil {
			*mac = m
		}
	}
	r.writeSigned(m, h, req.Body)
	var sum [sha512.Size]byte
	if !hmac.Equal(got, m.Sum(sum[:0])) {
		return nil, Errorf(KindRejected, "verify delivery: bad signature")
	}
	var ts time.Time
	if r.TimestampHeader != "" {
		if ts, ok = r.parseTimestamp(tsRaw); !ok {
			return nil, Errorf(KindRejected, "verify delivery: bad signature timestamp (not %s)", r.tsFormat())
		}
		now := req.Now
		if now.IsZero() {
			now = time.Now()
		}
		switch skew := now.Sub(ts); {
		case skew > r.Tolerance:
			return nil, Errorf(KindRejected, "verify delivery: stale timestamp (%s old, window %s)", skew.Round(time.Second), r.Tolerance)
		case -skew > r.Tolerance:
			return nil, Errorf(KindRejected, "verify delivery: future timestamp (%s ahead, window %s)", (-skew).Round(time.Second), r.Tolerance)
		}
	}

	ev, err := r.parseBody(req.Body)
	if err != nil {
		return nil, err
	}
	if ev.OccurredAt.IsZero() {
		ev.OccurredAt = ts
	}
	ev.DedupKey = r.dedupKey(h, req.Body)
	ev.ReplayKey = ReplayKey(sig, tsRaw)
	ev.SignedAt = ts
	return []Event{ev}, nil
}

// ReplayKey is the value a verifier puts in Event.ReplayKey: a hash of the
// parts of a delivery that make it authentic (its signature, its signed
// timestamp). A byte-identical resend of a captured delivery has the same
// ReplayKey whatever unsigned header (an invocation id) was changed.
func ReplayKey(parts ...string) string {
	// The hash of each part and a 0 byte after it, over one buffer (on the
	// stack for a signature and a timestamp): one allocation, the result.
	var buf [256]byte
	b := buf[:0]
	for _, p := range parts {
		b = append(append(b, p...), 0)
	}
	sum := sha256.Sum256(b)
	const prefix = "sha256:"
	var out [len(prefix) + 2*sha256.Size]byte
	copy(out[:], prefix)
	hex.Encode(out[len(prefix):], sum[:])
	return string(out[:])
}

func (r *VerifyRecipe) sigEncoding() string {
	if r.SignatureEncoding == "" {
		return "base64"
	}
	return r.SignatureEncoding
}

func (r *VerifyRecipe) tsFormat() string {
	if r.TimestampFormat == "" {
		return "rfc3339"
	}
	return r.TimestampFormat
}

func (r *VerifyRecipe) decodeSignature(sig string) ([]byte, bool) {
	if r.SignaturePrefix != "" {
		var ok bool
		if sig, ok = strings.CutPrefix(sig, r.SignaturePrefix); !ok {
			return nil, false
		}
	}
	var b []byte
	var err error
	switch r.SignatureEncoding {
	case "hex":
		b, err = hex.DecodeString(sig)
	case "base64url":
		b, err = base64.URLEncoding.DecodeString(sig)
	default:
		b, err = base64.StdEncoding.DecodeString(sig)
	}
	return b, err == nil
}

// rfc3339Layouts accept RFC 3339 with or without seconds.
var rfc3339Layouts = []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00"}

func (r *VerifyRecipe) parseTimestamp(s string) (time.Time, bool) {
	if r.TimestampFormat == "unix" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		return time.Unix(n, 0).UTC(), true
	}
	return parseRFC3339(s)
}

func parseRFC3339(s string) (time.Time, bool) {
	for _, l := range rfc3339Layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

func (r *VerifyRecipe) parseBody(body []byte) (Event, error) {
	if !json.Valid(body) {
		var v any
		err := json.Unmarshal(body, &v) // for the message only
		return Event{}, Errorf(KindMalformed, "verify delivery: body is not a JSON object: %v", err)
	}
	if _, ok := field(body, ""); !ok {
		return Event{}, Errorf(KindMalformed, "verify delivery: body is not a JSON object")
	}
	idRaw := lookup(body, r.TicketIDPath)
	id := ""
	if len(idRaw) > 0 && idRaw[0] == '"' {
		if s, err := jsonString(idRaw); err == nil {
			id = strings.TrimSpace(s)
		}
	} else if len(idRaw) > 0 && idRaw[0] != 'n' && idRaw[0] != '{' && idRaw[0] != '[' && idRaw[0] != 't' && idRaw[0] != 'f' {
		id = string(idRaw)
	}
	if id == "" || (r.TicketIDDigits && !positiveDecimal(id)) {
		return Event{}, Errorf(KindMalformed, "verify delivery: %s is missing or not a valid ticket id", r.TicketIDPath)
	}
	rawType := ""
	if r.EventTypePath != "" {
		if v := lookup(body, r.EventTypePath); v != nil && string(v) != "null" {
			var err error
			if rawType, err = jsonString(v); err != nil {
				return Event{}, Errorf(KindMalformed, "verify delivery: %s is not a string", r.EventTypePath)
			}
		}
	}
	typ, ok := r.EventTypes[rawType]
	if !ok {
		return Event{}, Errorf(KindMalformed, "verify delivery: unknown event %q", deskhttp.Truncate(rawType, 64))
	}
	ev := Event{Type: typ, TicketID: id, Ticket: &Ticket{ID: id}}
	if r.OccurredAtPath != "" {
		if v := lookup(body, r.OccurredAtPath); v != nil && string(v) != "null" {
			s, err := jsonString(v)
			if err != nil {
				return Event{}, Errorf(KindMalformed, "verify delivery: %s is not a string", r.OccurredAtPath)
			}
			if t, ok := parseRFC3339(strings.TrimSpace(s)); ok {
				ev.OccurredAt = t
				ev.Ticket.CreatedAt = t
			}
		}
	}
	return ev, nil
}

// jsonString is json.Unmarshal of a JSON value (of a document json.Valid
// accepted) into a string: a string without escapes, in valid UTF-8, is its
// bytes between the quotes, without encoding/json's reflection; the rest
// goes to encoding/json.
func jsonString(raw []byte) (string, error) {
	if n := len(raw); n >= 2 && raw[0] == '"' && raw[n-1] == '"' {
		if in := raw[1 : n-1]; bytes.IndexByte(in, '\\') < 0 && utf8.Valid(in) {
			return string(in), nil
		}
	}
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}

func (r *VerifyRecipe) dedupKey(h http.Header, body []byte) string {
	if r.DedupHeader != "" {
		if v := deskhttp.Header(h, r.DedupHeader); v != "" {
			return v
		}
	}
	s := sha256.New()
	if r.DedupFallbackHeader != "" {
		s.Write([]byte(deskhttp.Header(h, r.DedupFallbackHeader)))
	}
	s.Write([]byte{0})
	s.Write(body)
	return "sha256:" + hex.EncodeToString(s.Sum(nil))
}

func positiveDecimal(s string) bool {
	if s == "" || len(s) > 19 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return err == nil && n > 0
}

// jsonPath finds a dotted path in a JSON document; nil when absent.
func jsonPath(doc []byte, path string) (json.RawMessage, error) {
	if !json.Valid(doc) {
		return nil, errors.New("not JSON")
	}
	return lookup(doc, path), nil
}

// lookup finds a dotted path in a valid JSON document (json.Valid): each
// step is an object key matched as encoding/json matches struct fields
// (case-insensitively, the last occurrence winning). Nil when absent.
func lookup(doc []byte, path string) json.RawMessage {
	for {
		head, rest, more := strings.Cut(path, ".")
		v, _ := field(doc, head)
		if v == nil || !more {
			return v
		}
		doc, path = v, rest
	}
}

// field scans a valid JSON value: ok says it is an object, raw is the value
// of its last key equal to name ignoring case (nil when none). name ""
// only checks that doc is an object.
func field(doc []byte, name string) (raw []byte, ok bool) {
	i := skipSpace(doc, 0)
	if i >= len(doc) || doc[i] != '{' {
		return nil, false
	}
	i++
	for {
		i = skipSpace(doc, i)
		if doc[i] == '}' {
			return raw, true
		}
		kEnd := skipString(doc, i)
		key := doc[i+1 : kEnd-1]
		i = skipSpace(doc, kEnd) + 1 // past ':'
		i = skipSpace(doc, i)
		vEnd := skipValue(doc, i)
		if name != "" && keyIs(key, name) {
			raw = doc[i:vEnd]
		}
		i = skipSpace(doc, vEnd)
		if doc[i] == ',' {
			i++
		}
	}
}

func keyIs(key []byte, name string) bool {
	if bytes.IndexByte(key, '\\') < 0 {
		return len(key) == len(name) && strings.EqualFold(string(key), name)
	}
	var s string
	q := make([]byte, 0, len(key)+2)
	q = append(append(append(q, '"'), key...), '"')
	return json.Unmarshal(q, &s) == nil && strings.EqualFold(s, name)
}

func skipSpace(doc []byte, i int) int {
	for i < len(doc) && (doc[i] == ' ' || doc[i] == '\t' || doc[i] == '\n' || doc[i] == '\r') {
		i++
	}
	return i
}

// skipString returns the index after the string starting at doc[i] ('"').
func skipString(doc []byte, i int) int {
	for j := i + 1; ; j++ {
		switch doc[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
}

// skipValue returns the index after the value starting at doc[i].
func skipValue(doc []byte, i int) int {
	switch doc[i] {
	case '"':
		return skipString(doc, i)
	case '{', '[':
		depth := 0
		for j := i; ; j++ {
			switch doc[j] {
			case '"':
				j = skipString(doc, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
	}
	j := i
	for j < len(doc) && doc[j] != ',' && doc[j] != '}' && doc[j] != ']' && doc[j] != ' ' && doc[j] != '\t' && doc[j] != '\n' && doc[j] != '\r' {
		j++
	}
	return j
}
