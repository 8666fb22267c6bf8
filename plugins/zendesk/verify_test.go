package zendesk

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

const testSecret = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ=="

var testNow = time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC)

func testState(t testing.TB) sdk.InstallState {
	return sdk.InstallState{Data: mustJSON(t, installData{WebhookID: "01WH", TriggerID: "7", SigningSecret: testSecret})}
}

// signed builds a delivery as Zendesk would send it, at time at.
func signed(t testing.TB, body string, at time.Time) sdk.VerifyRequest {
	ts := at.UTC().Format(time.RFC3339)
	h := http.Header{}
	h.Set(HeaderTimestamp, ts)
	h.Set(HeaderSignature, Sign(testSecret, ts, []byte(body)))
	h.Set(HeaderInvocationID, "inv-1")
	h.Set(HeaderWebhookID, "01WH")
	return sdk.VerifyRequest{State: testState(t), Headers: h, Body: []byte(body), Now: testNow}
}

const goodBody = `{"ticket_id":"42","created_at":"2026-11-27T02:58Z","event":"ticket.created"}`

func TestVerify_acceptsAValidDelivery(t *testing.T) {
	evs, err := New().Verify(context.Background(), signed(t, goodBody, testNow.Add(-time.Minute)))
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("got %d events, want 1", len(evs))
	}
	ev := evs[0]
	want := time.Date(2026, 11, 27, 2, 58, 0, 0, time.UTC)
	if ev.DedupKey != "inv-1" || ev.Type != "ticket.created" || ev.TicketID != "42" || !ev.OccurredAt.Equal(want) {
		t.Errorf("event = %+v", ev)
	}
	if ev.Ticket == nil || ev.Ticket.ID != "42" || !ev.Ticket.CreatedAt.Equal(want) {
		t.Errorf("ticket = %+v", ev.Ticket)
	}
}

func TestVerify_readsOptionalTicketFieldsAndNumericIDs(t *testing.T) {
	body := `{"ticket_id":42,"subject":"Checkout down","priority":"Urgent","requester_name":"Ann"}`
	evs, err := New().Verify(context.Background(), signed(t, body, testNow))
	if err != nil {
		t.Fatal(err)
	}
	tk := evs[0].Ticket
	if tk.ID != "42" || tk.Subject != "Checkout down" || tk.Priority != "urgent" || tk.RequesterName != "Ann" {
		t.Errorf("ticket = %+v", tk)
	}
	// No created_at in the body: the signature timestamp stands in.
	if !evs[0].OccurredAt.Equal(testNow) {
		t.Errorf("OccurredAt = %v, want the signature time %v", evs[0].OccurredAt, testNow)
	}
}

func TestVerify_rejectsBadDeliveries(t *testing.T) {
	tests := []struct {
		name string
		req  func(t *testing.T) sdk.VerifyRequest
		kind sdk.ErrorKind
		msg  string
	}{
		{"tampered body", func(t *testing.T) sdk.VerifyRequest {
			r := signed(t, goodBody, testNow)
			r.Body = []byte(strings.Replace(goodBody, "42", "43", 1))
			return r
		}, sdk.KindRejected, "bad signature"},
		{"tampered timestamp", func(t *testing.T) sdk.VerifyRequest {
			r := signed(t, goodBody, testNow)
			r.Headers.Set(HeaderTimestamp, testNow.Add(time.Second).Format(time.RFC3339))
			return r
		}, sdk.KindRejected, "bad signature"},
		{"wrong secret", func(t *testing.T) sdk.VerifyRequest {
			r := signed(t, goodBody, testNow)
			r.State = sdk.InstallState{Data: mustJSON(t, installData{SigningSecret: "other"})}
			return r
		}, sdk.KindRejected, "bad signature"},
		{"signature not base64", func(t *testing.T) sdk.VerifyRequest {
			r := signed(t, goodBody, testNow)
			r.Headers.Set(HeaderSignature, "%%%")
			return r
		}, sdk.KindRejected, "bad signature"},
		{"stale timestamp", func(t *testing.T) sdk.VerifyRequest {
			return signed(t, goodBody, testNow.Add(-6*time.Minute))
		}, sdk.KindRejected, "stale timestamp"},
		{"future timestamp", func(t *testing.T) sdk.VerifyRequest {
			return signed(t, goodBody, testNow.Add(6*time.Minute))
		}, sdk.KindRejected, "future timestamp"},
		{"missing signature", func(t *testing.T) sdk.VerifyRequest {
			r := signed(t, goodBody, testNow)
			r.Headers.Del(HeaderSignature)
			return r
		}, sdk.KindRejected, "missing signature"},
		{"missing timestamp", func(t *testing.T) sdk.VerifyRequest {
			r := signed(t, goodBody, testNow)
			r.Headers.Del(HeaderTimestamp)
			return r
		}, sdk.KindRejected, "missing signature timestamp"},
		{"no headers at all", func(t *testing.T) sdk.VerifyRequest {
			r := signed(t, goodBody, testNow)
			r.Headers = nil
			return r
		}, sdk.KindRejected, "missing signature"},
		{"unix timestamp, signed", func(t *testing.T) sdk.VerifyRequest {
			r := signed(t, goodBody, testNow)
			r.Headers.Set(HeaderTimestamp, "1795748400")
			r.Headers.Set(HeaderSignature, Sign(testSecret, "1795748400", r.Body))
			return r
		}, sdk.KindRejected, "not ISO-8601"},
		{"garbage body, signed", func(t *testing.T) sdk.VerifyRequest {
			return signed(t, "not json", testNow)
		}, sdk.KindMalformed, "not a JSON object"},
		{"no ticket id, signed", func(t *testing.T) sdk.VerifyRequest {
			return signed(t, `{"event":"ticket.created"}`, testNow)
		}, sdk.KindMalformed, "ticket_id"},
		{"non-numeric ticket id, signed", func(t *testing.T) sdk.VerifyRequest {
			return signed(t, `{"ticket_id":"../1"}`, testNow)
		}, sdk.KindMalformed, "ticket_id"},
		{"unknown event, signed", func(t *testing.T) sdk.VerifyRequest {
			return signed(t, `{"ticket_id":"1","event":"ticket.deleted"}`, testNow)
		}, sdk.KindMalformed, "unknown event"},
		{"body over 1 MiB", func(t *testing.T) sdk.VerifyRequest {
			return signed(t, `{"ticket_id":"1","x":"`+strings.Repeat("a", maxDeliveryBytes)+`"}`, testNow)
		}, sdk.KindMalformed, "over the"},
		{"state without secret", func(t *testing.T) sdk.VerifyRequest {
			r := signed(t, goodBody, testNow)
			r.State = sdk.InstallState{Data: []byte(`{}`)}
			return r
		}, sdk.KindPermanent, "no signing secret"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := New().Verify(context.Background(), tt.req(t))
			if err == nil {
				t.Fatalf("accepted: %+v", evs)
			}
			e := asSDKError(t, err)
			if e.Kind != tt.kind || !strings.Contains(e.Message, tt.msg) {
				t.Errorf("got %v, want %v containing %q", e, tt.kind, tt.msg)
			}
			if strings.Contains(e.Message, testSecret) {
				t.Errorf("message leaks the signing secret: %q", e.Message)
			}
		})
	}
}

func TestVerify_windowIsConfigurable(t *testing.T) {
	req := signed(t, goodBody, testNow.Add(-10*time.Minute))
	if _, err := New(WithVerifyWindow(15*time.Minute)).Verify(context.Background(), req); err != nil {
		t.Errorf("a 10 min old delivery in a 15 min window: %v", err)
	}
	if _, err := New().Verify(context.Background(), req); !sdk.IsKind(err, sdk.KindRejected) {
		t.Errorf("a 10 min old delivery in the default window: %v, want rejected", err)
	}
}

func TestVerify_dedupKeyFallsBackToABodyHash(t *testing.T) {
	key := func(body, webhook string) string {
		r := signed(t, body, testNow)
		r.Headers.Del(HeaderInvocationID)
		r.Headers.Set(HeaderWebhookID, webhook)
		evs, err := New().Verify(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		return evs[0].DedupKey
	}
	a := key(goodBody, "01WH")
	if !strings.HasPrefix(a, "sha256:") {
		t.Fatalf("fallback key %q is not a hash", a)
	}
	if b := key(goodBody, "01WH"); a != b {
		t.Errorf("a redelivery hashed differently: %q vs %q", a, b)
	}
	if c := key(strings.Replace(goodBody, "42", "43", 1), "01WH"); c == a {
		t.Error("two tickets share a dedup key")
	}
	if d := key(goodBody, "01OTHER"); d == a {
		t.Error("two webhooks share a dedup key")
	}
}

func TestSign_matchesZendeskDocumentedScheme(t *testing.T) {
	// base64(HMAC-SHA256(key, timestamp+body)), computed independently with
	// `printf '%s' '2021-03-25T05:09:27Z{}' | openssl dgst -sha256 -hmac secret -binary | base64`.
	got := Sign("secret", "2021-03-25T05:09:27Z", []byte("{}"))
	const want = "GhpvRAaZJm2qK40ZLj6n1F3eNwgxlwXQSHVuQ3hNtsA="
	if got != want {
		t.Errorf("Sign = %q, want %q", got, want)
	}
}

func BenchmarkVerify_4KiBBody(b *testing.B) {
	body := `{"ticket_id":"42","created_at":"2026-11-27T02:58Z","pad":"` + strings.Repeat("x", 4096-70) + `"}`
	req := signed(b, body, testNow)
	p := New()
	ctx := context.Background()
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Verify(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
}

func TestVerify_readsHeadersWhateverTheirCase(t *testing.T) {
	r := signed(t, goodBody, testNow)
	lower := http.Header{}
	for k, v := range r.Headers {
		lower[strings.ToLower(k)] = v
	}
	r.Headers = lower
	evs, err := New().Verify(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	if evs[0].DedupKey != "inv-1" {
		t.Errorf("DedupKey = %q, want the lower-case invocation header", evs[0].DedupKey)
	}
}
