package logs

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"strings"
	"testing"
)

func TestRedact_replacesPersonalDataAndSecretsWithTypedPlaceholders(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"an e-mail address", "login failed for alice.smith+shop@example.co.uk from web", "login failed for <email> from web"},
		{"a URL-encoded e-mail address", "GET /users?email=bob%40example.com", "GET /users?email=<email>"},
		{"a card number in groups", "charge 4242 4242 4242 4242 declined", "charge <card> declined"},
		{"a card number with dashes", "card=4111-1111-1111-1111 amount=12", "card=<card> amount=12"},
		{"a card number after another number", "order 12 4242424242424242 failed", "order 12 <card> failed"},
		{"a long number that fails the Luhn check", "order 4242424242424241 failed", "order 4242424242424241 failed"},
		{"a Stripe key", "stripe auth with sk_live_51HxQ2eK9zAbCdEf failed", "stripe auth with <secret> failed"},
		{"a Slack token", "posting with xoxb-123456789012-abcdefGHIJ", "posting with <secret>"},
		{"an AWS access key id", "creds AKIAIOSFODNN7EXAMPLE rejected", "creds <secret> rejected"},
		{"a JWT", "jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk expired",
			"jwt=<secret> expired"},
		{"a bearer token in text", "upstream said 401 to Bearer abcDEF123456ghiJKL", "upstream said 401 to Bearer <secret>"},
		{"a long hex secret", "hmac 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 bad", "hmac <secret> bad"},
		{"a long base64 secret", "key AbCdEfGh1234567890+/IjKlMnOpQrStUvWxYz0123== leaked", "key <secret> leaked"},
		{"a JSON password", `{"user":"u1","password":"hunter2","level":"error"}`, `{"user":"u1","password":"<secret>","level":"error"}`},
		{"a JSON token that is a number", `{"otp": 123456, "ok": false}`, `{"otp": <secret>, "ok": false}`},
		{"a nested JSON secret object", `{"credentials":{"user":"a","pass":"b"},"x":1}`, `{"credentials":<secret>,"x":1}`},
		{"JSON escaped inside a string", `msg="{\"client_secret\":\"s3cr3t-value\",\"id\":7}"`, `msg="{\"client_secret\":\"<secret>\",\"id\":7}"`},
		{"a logfmt secret", `level=error api_key=abc123def456 msg="denied"`, `level=error api_key=<secret> msg="denied"`},
		{"a quoted logfmt secret", `session_token="a b c" status=401`, `session_token="<secret>" status=401`},
		{"a header", "Authorization: Bearer abc.def.ghi-jkl", "Authorization: Bearer <secret>"},
		{"a cookie header", "Cookie: sid=abc123; theme=dark", "Cookie: <secret>"},
		{"a query string", "GET /cb?code=x&access_token=tok123456&state=s", "GET /cb?code=x&access_token=<secret>&state=s"},
		{"free text key: value", "login with password: hunter2 failed", "login with password: <secret> failed"},
		{"an IPv4 address with its port", "dial tcp 10.0.3.17:5432: refused", "dial tcp <ip>:5432: refused"},
		{"an IPv6 address", "client [2001:db8::8a2e:370:7334]:443 reset", "client [<ip>]:443 reset"},
		{"a compressed IPv6 address", "from ::1 and fe80::1", "from <ip> and <ip>"},
		{"an international phone number", "call +49 30 1234567 now", "call <phone> now"},
		{"a US phone number", "callback (555) 123-4567 or 555-123-4567", "callback <phone> or <phone>"},
		{"a phone field", `{"phone":"0151 2345678"}`, `{"phone":"<phone>"}`},
		{"times, dates, versions and ids stay", "at 2026-12-04T20:56:41Z v1.2 took 250ms req 550e8400-e29b-41d4-a716-446655440000",
			"at 2026-12-04T20:56:41Z v1.2 took 250ms req 550e8400-e29b-41d4-a716-446655440000"},
		{"service names and paths stay", "checkout-api-worker-production-eu-west-1a GET /api/v1/orders/12345/items",
			"checkout-api-worker-production-eu-west-1a GET /api/v1/orders/12345/items"},
		{"words about passwords stay", "password reset failed: token expired", "password reset failed: token expired"},
		{"nothing", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DefaultRedactor().Redact(tt.in)
			if got != tt.want {
				t.Errorf("Redact(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if again := DefaultRedactor().Redact(got); again != got {
				t.Errorf("redacting again changed %q to %q", got, again)
			}
		})
	}
}

func TestNewRedactor_addsTheProjectsFieldsAndPatterns(t *testing.T) {
	r, err := NewRedactor(RedactOptions{Fields: []string{"SSN", "member-no"}, Patterns: []string{`ACME-\d{6}`}})
	if err != nil {
		t.Fatal(err)
	}
	in := `customer_ssn=123-45-6789 memberNo=77 "member_no":"X1" order ACME-123456 shipped`
	want := `customer_ssn=<secret> memberNo=<secret> "member_no":"<secret>" order <masked> shipped`
	if got := r.Redact(in); got != want {
		t.Errorf("Redact(%q)\n got %q\nwant %q", in, got, want)
	}
	for _, bad := range []string{`(`, `a*`} {
		if _, err := NewRedactor(RedactOptions{Patterns: []string{bad}}); err == nil {
			t.Errorf("pattern %q accepted", bad)
		}
	}
}

// planted is one secret put into a generated line, and the strings that
// must not survive redaction.
type planted struct {
	kind   string
	text   string   // as written in the line
	secret []string // parts that must not appear in the output
}

// secretGen generates secrets of every kind the redactor must catch.
type secretGen struct{ r *rand.Rand }

const (
	alnum       = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	upperDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0234567"
	// passwordChars: what a password may hold in an unquoted logfmt or text
	// value (no blanks, quotes, brackets or list separators).
	passwordChars = alnum + "!#$%*+-./:=?@^_~"
)

func (g secretGen) pick(s string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = s[g.r.IntN(len(s))]
	}
	return string(b)
}

func (g secretGen) digits(n int) string { return g.pick("0123456789", n) }

func (g secretGen) bytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.r.Uint32())
	}
	return b
}

// card is a Luhn-valid number of 13 to 19 digits.
func (g secretGen) card() string {
	n := []int{13, 15, 16, 16, 16, 19}[g.r.IntN(6)]
	d := "4" + g.digits(n-2)
	for c := byte('0'); c <= '9'; c++ {
		if luhn(d+string(c), 0, n) {
			return d + string(c)
		}
	}
	panic("unreachable")
}

func (g secretGen) next() planted {
	switch k := g.r.IntN(14); k {
	case 0:
		e := strings.ToLower(g.pick(alnum, 1+g.r.IntN(12))) + []string{"", ".", "+", "_"}[g.r.IntN(4)] + strings.ToLower(g.pick(alnum, 1+g.r.IntN(6))) +
			"@" + strings.ToLower(g.pick(alnum, 2+g.r.IntN(10))) + []string{".com", ".co.uk", ".io", ".example"}[g.r.IntN(4)]
		return planted{"email", e, []string{e}}
	case 1:
		c := g.card()
		text := c
		switch g.r.IntN(3) {
		case 1, 2:
			sep := []string{" ", "-"}[g.r.IntN(2)]
			var parts []string
			for i := 0; i < len(c); i += 4 {
				parts = append(parts, c[i:min(i+4, len(c))])
			}
			text = strings.Join(parts, sep)
		}
		return planted{"card", text, []string{text, c}}
	case 2:
		s := []string{"sk_live_", "sk_test_", "rk_live_", "pk_live_"}[g.r.IntN(4)] + g.pick(alnum, 16+g.r.IntN(24))
		return planted{"stripe", s, []string{s}}
	case 3:
		s := "xox" + string("bpoas"[g.r.IntN(5)]) + "-" + g.digits(12) + "-" + g.digits(12) + "-" + g.pick(alnum, 24)
		return planted{"slack", s, []string{s}}
	case 4:
		s := "AKIA" + g.pick(upperDigits, 16)
		return planted{"aws", s, []string{s}}
	case 5:
		enc := base64.RawURLEncoding
		h, _ := json.Marshal(map[string]string{"alg": "HS256", "typ": "JWT"})
		p, _ := json.Marshal(map[string]any{"sub": g.digits(6), "name": g.pick(alnum, 8), "iat": g.r.Int64N(1 << 40)})
		s := enc.EncodeToString(h) + "." + enc.EncodeToString(p) + "." + enc.EncodeToString(g.bytes(32))
		return planted{"jwt", s, []string{s, enc.EncodeToString(p)}}
	case 6:
		s := hex.EncodeToString(g.bytes(16 + g.r.IntN(17)))
		if g.r.IntN(2) == 0 {
			s = strings.ToUpper(s)
		}
		return planted{"hex", s, []string{s}}
	case 7:
		enc := []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding}[g.r.IntN(4)]
		s := enc.EncodeToString(g.bytes(30 + g.r.IntN(34)))
		return planted{"base64", s, []string{strings.TrimRight(s, "=")}}
	case 8:
		a := netip.AddrFrom4([4]byte(g.bytes(4))).String()
		return planted{"ipv4", a, []string{a}}
	case 9:
		a := netip.AddrFrom16([16]byte(g.bytes(16)))
		if g.r.IntN(3) == 0 { // compressed forms: runs of zero groups
			b := a.As16()
			for i := 2 + g.r.IntN(6); i < 12; i++ {
				b[i] = 0
			}
			a = netip.AddrFrom16(b)
		}
		s := a.String()
		return planted{"ipv6", s, []string{s}}
	case 10:
		var s string
		switch g.r.IntN(4) {
		case 0:
			s = "+" + g.digits(1+g.r.IntN(2)) + " " + g.digits(2+g.r.IntN(2)) + " " + g.digits(6+g.r.IntN(3))
		case 1:
			s = "+1-" + g.digits(3) + "-" + g.digits(3) + "-" + g.digits(4)
		case 2:
			s = "(" + g.digits(3) + ") " + g.digits(3) + "-" + g.digits(4)
		default:
			s = g.digits(3) + "-" + g.digits(3) + "-" + g.digits(4)
		}
		return planted{"phone", s, []string{s}}
	default:
		// A field named like a secret, with an arbitrary value.
		key := []string{"password", "passwd", "secret", "api_key", "apiKey", "access_token", "refresh-token", "client_secret",
			"X-Api-Key", "auth_token", "sessionId", "private_key", "DB_PASSWORD"}[g.r.IntN(13)]
		v := g.pick(passwordChars, 8+g.r.IntN(17))
		return planted{"field:" + key, v, []string{v}}
	}
}

// line embeds the secrets in one log line of the given format among filler
// words, returning the line and the line with each secret cut out (to tell a
// secret that merely repeats a filler word).
func embed(format int, ps []planted, filler []string, r *rand.Rand) (string, string) {
	word := func() string {
		if len(filler) == 0 {
			return "failed"
		}
		return filler[r.IntN(len(filler))]
	}
	text := func(p planted, hide bool) string {
		v := p.text
		if hide {
			v = "\x00"
		}
		key, isField := strings.CutPrefix(p.kind, "field:")
		switch {
		case isField && r.IntN(2) == 0:
			return key + ": " + v
		case isField:
			return key + "=" + v
		case p.kind == "jwt" || p.kind == "hex":
			return "Authorization: Bearer " + v
		}
		return v
	}
	var line, skel strings.Builder
	switch format % 3 {
	case 0: // JSON: each secret as a field value, or inside the message
		m := map[string]any{"level": "error", "time": "2026-12-04T20:56:41Z"}
		sm := map[string]any{"level": "error", "time": "2026-12-04T20:56:41Z"}
		var msg, smsg []string
		for i, p := range ps {
			key, isField := strings.CutPrefix(p.kind, "field:")
			switch {
			case isField:
				m[key], sm[key] = p.text, "\x00"
			case r.IntN(2) == 0:
				k := fmt.Sprintf("%s_%d", p.kind, i)
				m[k], sm[k] = p.text, "\x00"
			default:
				msg = append(msg, word(), text(p, false))
				smsg = append(smsg, msg[len(msg)-2], text(p, true))
			}
		}
		m["msg"], sm["msg"] = strings.Join(append(msg, word()), " "), strings.Join(append(smsg, "x"), " ")
		for _, out := range []struct {
			b *strings.Builder
			v map[string]any
		}{{&line, m}, {&skel, sm}} {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			_ = enc.Encode(out.v)
			out.b.WriteString(strings.TrimSpace(buf.String()))
		}
	case 1: // logfmt
		line.WriteString("level=error msg=" + strconvQuote(word()))
		skel.WriteString(line.String())
		for i, p := range ps {
			key, isField := strings.CutPrefix(p.kind, "field:")
			if !isField {
				key = fmt.Sprintf("%s_%d", p.kind, i)
			}
			v := p.text
			if strings.ContainsAny(v, " =\"") {
				v = strconvQuote(v)
			}
			fmt.Fprintf(&line, " %s=%s w=%s", key, v, strconvQuote(word()))
			fmt.Fprintf(&skel, " %s=\x00 w=x", key)
		}
	default: // free text
		line.WriteString("ERROR")
		skel.WriteString("ERROR")
		for _, p := range ps {
			w := word()
			line.WriteString(" " + w + " " + text(p, false))
			skel.WriteString(" " + w + " " + text(p, true))
		}
		w := word()
		line.WriteString(" " + w)
		skel.WriteString(" " + w)
	}
	return line.String(), skel.String()
}

func strconvQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// FuzzRedact plants generated secrets of every kind in JSON, logfmt and text
// lines among fuzzer-chosen words, and fails when any survives redaction or
// redacting twice differs from once.
func FuzzRedact(f *testing.F) {
	f.Add([]byte("seed"), uint8(0), "checkout failed for user")
	f.Add([]byte{1, 2, 3}, uint8(1), "payment declined retry 3 of 5")
	f.Add([]byte("another seed"), uint8(2), `upstream "reset" {status: 503} a=b`)
	f.Fuzz(func(t *testing.T, seed []byte, format uint8, words string) {
		sum := sha256.Sum256(seed)
		r := rand.New(rand.NewChaCha8(sum))
		g := secretGen{r}
		ps := make([]planted, 1+r.IntN(5))
		for i := range ps {
			ps[i] = g.next()
		}
		var filler []string
		for _, w := range strings.Fields(words) {
			if len(w) <= 40 && strings.IndexFunc(w, func(c rune) bool { return c < 0x21 || c > 0x7e }) < 0 {
				filler = append(filler, w)
			}
		}
		line, skel := embed(int(format), ps, filler, r)
		out := DefaultRedactor().Redact(line)
		for _, p := range ps {
			for _, s := range p.secret {
				if len(s) < 6 || strings.Contains(skel, s) {
					continue // a filler word repeats it: not a leak
				}
				if strings.Contains(out, s) {
					t.Fatalf("%s %q survived\n line %q\n  out %q", p.kind, s, line, out)
				}
			}
		}
		if again := DefaultRedactor().Redact(out); again != out {
			t.Fatalf("redacting twice differs:\n once %q\ntwice %q", out, again)
		}
	})
}

func BenchmarkRedact(b *testing.B) {
	lines := []string{
		`{"time":"2026-12-04T20:56:41Z","level":"error","service":"checkout-api","status":503,"msg":"POST /checkout/pay upstream reset","req":"550e8400-e29b-41d4-a716-446655440000"}`,
		`time=2026-12-04T20:56:41Z level=error service=payments msg="charge failed for alice@example.com card 4242 4242 4242 4242" token=sk_live_abcdefgh12345678`,
		`2026-12-04 20:56:41 ERROR dial tcp 10.0.3.17:5432: connection refused (attempt 3/5)`,
	}
	var n int64
	for _, l := range lines {
		n += int64(len(l))
	}
	b.SetBytes(n / int64(len(lines)))
	i := 0
	for b.Loop() {
		DefaultRedactor().Redact(lines[i%len(lines)])
		i++
	}
}
