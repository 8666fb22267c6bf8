package jsm

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/plugins/jsm/sandbox"
	"github.com/sigsentry/deskgate/sdk"
)

const (
	vSecret  = "client-secret-for-verify"
	vHookURL = "https://gw.example/hooks/jsm/support"
	vQuery   = "triggeredByUser=557058%3Aabc"
)

var vNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

const vBody = `{"timestamp":1795773600000,"webhookEvent":"jira:issue_created","issue_event_type_name":"issue_created",
"issue":{"id":"10019","key":"SUP-20","fields":{"summary":"Checkout down","description":"Every payment fails",
"created":"2026-11-27T09:59:58.000+0000","priority":{"name":"Highest"},"project":{"key":"SUP"},
"reporter":{"displayName":"Ada","emailAddress":"ada@example.com"}}},"matchedWebhookIds":[1000]}`

func vState(t testing.TB) sdk.InstallState {
	t.Helper()
	b, err := json.Marshal(installData{CloudID: "c1", ProjectKey: "SUP", WebhookID: 1000, WebhookURL: vHookURL, ClientSecret: vSecret})
	if err != nil {
		t.Fatal(err)
	}
	return sdk.InstallState{Data: b}
}

func vClaims(at time.Time) map[string]any {
	q, _ := url.ParseQuery(vQuery)
	return map[string]any{"iss": "c1", "iat": at.Unix(), "exp": at.Add(3 * time.Minute).Unix(), "qsh": sandbox.QSH("POST", "/hooks/jsm/support", q)}
}

func vSign(t testing.TB, secret string, claims map[string]any) http.Header {
	t.Helper()
	tok, err := sandbox.SignJWT(secret, claims)
	if err != nil {
		t.Fatal(err)
	}
	return http.Header{"Authorization": {"Bearer " + tok}, HeaderIdentifier: {"e7a1-41"}}
}

func TestVerify_acceptsASignedDeliveryAndNormalizesIt(t *testing.T) {
	p := New()
	evs, err := p.Verify(context.Background(), sdk.VerifyRequest{State: vState(t), Headers: vSign(t, vSecret, vClaims(vNow)),
		Body: []byte(vBody), Now: vNow, Method: "POST", URL: "/hooks/jsm/support?" + vQuery})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 {
		t.Fatalf("%d events", len(evs))
	}
	ev := evs[0]
	tk := ev.Ticket
	if ev.TicketID != "SUP-20" || ev.Type != EventTicketCreated || ev.DedupKey != "e7a1-41" ||
		tk.Subject != "Checkout down" || tk.Description != "Every payment fails" || tk.Priority != "urgent" ||
		tk.RequesterEmail != "ada@example.com" || ev.OccurredAt.UnixMilli() != 1795773600000 {
		t.Errorf("event %+v ticket %+v", ev, *tk)
	}
}

func TestVerify_rejectsForgedStaleAndOddTokens(t *testing.T) {
	p := New()
	st := vState(t)
	uri := "/hooks/jsm/support?" + vQuery
	noneTok := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none"}`)) + "." +
		base64.RawURLEncoding.EncodeToString([]byte(`{"exp":9999999999}`)) + "."
	noExp := vClaims(vNow)
	delete(noExp, "exp")
	future := vClaims(vNow.Add(10 * time.Minute))
	longLived := vClaims(vNow)
	longLived["exp"] = vNow.Add(2 * time.Hour).Unix()
	tests := []struct {
		name   string
		header http.Header
		uri    string
		now    time.Time
		want   string
	}{
		{"no Authorization header", http.Header{}, uri, vNow, "no Authorization"},
		{"a Basic Authorization header", http.Header{"Authorization": {"Basic eDp5"}}, uri, vNow, "no Authorization"},
		{"a bearer token that is not a JWT", http.Header{"Authorization": {"Bearer abc"}}, uri, vNow, "not a JWT"},
		{"alg none", http.Header{"Authorization": {"Bearer " + noneTok}}, uri, vNow, "only HS256"},
		{"signed with another secret", vSign(t, "another-secret", vClaims(vNow)), uri, vNow, "bad JWT signature"},
		{"expired beyond the skew", vSign(t, vSecret, vClaims(vNow)), uri, vNow.Add(4 * time.Minute), "expired"},
		{"issued in the future", vSign(t, vSecret, future), uri, vNow, "in the future"},
		{"without exp", vSign(t, vSecret, noExp), uri, vNow, "no exp"},
		{"valid for longer than the replay window", vSign(t, vSecret, longLived), uri, vNow, "longer than"},
		{"for another URL", vSign(t, vSecret, vClaims(vNow)), "/hooks/jsm/support?triggeredByUser=someone-else", vNow, "another request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Verify(context.Background(), sdk.VerifyRequest{State: st, Headers: tt.header, Body: []byte(vBody), Now: tt.now, Method: "POST", URL: tt.uri})
			if !sdk.IsKind(err, sdk.KindRejected) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want rejected saying %q", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), vSecret) {
				t.Error("the error carries the client secret")
			}
		})
	}
}

func TestVerify_allowsSmallClockSkew(t *testing.T) {
	p := New()
	_, err := p.Verify(context.Background(), sdk.VerifyRequest{State: vState(t), Headers: vSign(t, vSecret, vClaims(vNow.Add(20*time.Second))),
		Body: []byte(vBody), Now: vNow})
	if err != nil {
		t.Errorf("a JWT issued 20s ahead of the gateway's clock: %v", err)
	}
	_, err = p.Verify(context.Background(), sdk.VerifyRequest{State: vState(t), Headers: vSign(t, vSecret, vClaims(vNow)),
		Body: []byte(vBody), Now: vNow.Add(3*time.Minute + 20*time.Second)})
	if err != nil {
		t.Errorf("a JWT 20s past exp: %v", err)
	}
}

func TestVerify_refusesAuthenticatedBodiesItCannotUse(t *testing.T) {
	p := New()
	tests := []struct {
		name, body, want string
	}{
		{"not JSON", `nope`, "not a JSON object"},
		{"two objects", `{"webhookEvent":"jira:issue_created"} {}`, "trailing data"},
		{"another event", strings.Replace(vBody, "jira:issue_created", "jira:issue_updated", 1), "is not jira:issue_created"},
		{"no issue key", `{"webhookEvent":"jira:issue_created","issue":{"id":"1"}}`, "issue key"},
		{"another project", strings.Replace(strings.Replace(vBody, `"SUP-20"`, `"OPS-3"`, 1), `{"key":"SUP"}`, `{"key":"OPS"}`, 1), "not the binding's SUP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := p.Verify(context.Background(), sdk.VerifyRequest{State: vState(t), Headers: vSign(t, vSecret, vClaims(vNow)), Body: []byte(tt.body), Now: vNow})
			if !sdk.IsKind(err, sdk.KindMalformed) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want malformed saying %q", err, tt.want)
			}
		})
	}
}

func TestVerify_dedupsWithoutTheIdentifierByTheBody(t *testing.T) {
	p := New()
	h := vSign(t, vSecret, vClaims(vNow))
	h.Del(HeaderIdentifier)
	var keys []string
	for range 2 {
		evs, err := p.Verify(context.Background(), sdk.VerifyRequest{State: vState(t), Headers: h, Body: []byte(vBody), Now: vNow})
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, evs[0].DedupKey)
	}
	if keys[0] != keys[1] || !strings.HasPrefix(keys[0], "sha256:") {
		t.Errorf("dedup keys %q", keys)
	}
}

// FuzzVerify feeds arbitrary bodies (correctly signed) and tokens: never a
// panic, and every failure a typed rejected or malformed error.
func FuzzVerify(f *testing.F) {
	f.Add([]byte(vBody), "")
	f.Add([]byte(`{"webhookEvent":"jira:issue_created","issue":{"key":"A-1","fields":{"description":{"type":"doc"}}}}`), "")
	f.Add([]byte(`{}`), "Bearer a.b.c")
	f.Add([]byte(`[]`), "Bearer ...")
	p := New()
	state := vState(f)
	good := vSign(f, vSecret, vClaims(vNow))
	f.Fuzz(func(t *testing.T, body []byte, auth string) {
		h := good
		if auth != "" {
			h = http.Header{"Authorization": {auth}}
		}
		evs, err := p.Verify(context.Background(), sdk.VerifyRequest{State: state, Headers: h, Body: body, Now: vNow})
		if err != nil {
			var e *sdk.Error
			if !errors.As(err, &e) || (e.Kind != sdk.KindRejected && e.Kind != sdk.KindMalformed) {
				t.Fatalf("error %v", err)
			}
			return
		}
		if len(evs) != 1 || !issueKeyRE.MatchString(evs[0].TicketID) || evs[0].DedupKey == "" {
			t.Fatalf("accepted into %+v", evs)
		}
	})
}
