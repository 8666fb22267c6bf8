package logs

import "testing"

func TestMask_replacesVariablePartsAndKeepsWords(t *testing.T) {
	tests := []struct{ in, want string }{
		{"charge failed for order 12345", "charge failed for order <num>"},
		{"user alice@example.com locked out", "user <email> locked out"},
		{"request 550e8400-e29b-41d4-a716-446655440000 failed", "request <uuid> failed"},
		{"dial tcp 10.0.3.17:5432: connection refused", "dial tcp <ip>: connection refused"},
		{"upstream [2001:db8::1] reset", "upstream [<ip>] reset"},
		{"GET /orders/98765/items took 250ms", "GET /orders/<num>/items took <num>ms"},
		{"txn id=8f3a9c2b11de failed", "txn id=<hex> failed"},
		{"charge ch_3NfK2pL9xQ declined", "charge ch_<id> declined"},
		{"checkout-api v2 via http2 ok", "checkout-api v2 via http2 ok"},
		{"timeout after 30s (attempt 3/5)", "timeout after <num>s (attempt <num>/<num>)"},
		{"at 12:05:33 retrying", "at <num>:<num>:<num> retrying"},
		{"  spaces\tand\nnewlines  ", "spaces and newlines"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestMask_givesOneTemplateToLinesThatDifferOnlyInIDs(t *testing.T) {
	a := Mask("payment pi_8Hx72kLq91 for user 77 failed: gateway 10.1.2.3 returned 502")
	b := Mask("payment pi_0Zz11aBc22 for user 12 failed: gateway 10.9.8.7 returned 502")
	if a != b {
		t.Errorf("templates differ:\n%q\n%q", a, b)
	}
}

func FuzzMask(f *testing.F) {
	f.Add("charge failed for order 12345 user a@b.co ip 10.0.0.1:80")
	f.Add("550e8400-e29b-41d4-a716-446655440000 ::1 \"quoted\" key=\"v1\"")
	f.Fuzz(func(t *testing.T, s string) {
		m := Mask(s)
		if Mask(m) != m {
			t.Fatalf("Mask is not idempotent on %q: %q → %q", s, m, Mask(m))
		}
	})
}

func BenchmarkMask(b *testing.B) {
	msg := "payment pi_8Hx72kLq91 for user 77 failed: gateway 10.1.2.3:443 returned 502 after 250ms (req 550e8400-e29b-41d4-a716-446655440000)"
	b.SetBytes(int64(len(msg)))
	for b.Loop() {
		Mask(msg)
	}
}
