package sandbox

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"golang.org/x/oauth2"
)

func validWebhook() map[string]any {
	return map[string]any{"name": "deskgate", "endpoint": "http://127.0.0.1:8080/hooks/zendesk/acme", "http_method": "POST",
		"request_format": "json", "status": "active", "subscriptions": []any{"conditional_ticket_events"}}
}

func TestWebhooks_createValidatesEveryRequiredField(t *testing.T) {
	e := newEnv(t, Options{})
	access, _ := e.sb.IssueToken("webhooks:write")
	cases := []struct {
		name   string
		change map[string]any
		want   int
	}{
		{"valid", nil, 201},
		{"missing name", map[string]any{"name": nil}, 400},
		{"relative endpoint", map[string]any{"endpoint": "/hooks"}, 400},
		{"bad method", map[string]any{"http_method": "TRACE"}, 400},
		{"bad format", map[string]any{"request_format": "yaml"}, 400},
		{"bad status", map[string]any{"status": "on"}, 400},
		{"no subscriptions", map[string]any{"subscriptions": nil}, 400},
		{"conditional mixed with events", map[string]any{"subscriptions": []any{"conditional_ticket_events", "zen:event-type:ticket.created"}}, 400},
		{"unknown subscription", map[string]any{"subscriptions": []any{"tickets"}}, 400},
		{"event subscription", map[string]any{"subscriptions": []any{"zen:event-type:ticket.created"}}, 201},
		{"signing secret cannot be set", map[string]any{"signing_secret": map[string]any{"secret": "x"}}, 400},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := validWebhook()
			for k, v := range tc.change {
				if v == nil {
					delete(w, k)
				} else {
					w[k] = v
				}
			}
			st, body, _ := e.call("POST", "/api/v2/webhooks", access, map[string]any{"webhook": w})
			if st != tc.want {
				t.Fatalf("status %d (%v), want %d", st, body, tc.want)
			}
			if st == 400 {
				if errs, ok := body["errors"].([]any); !ok || len(errs) != 1 {
					t.Fatalf("error envelope %v, want errors[]", body)
				}
			}
			if st == 201 {
				wh := body["webhook"].(map[string]any)
				if id, _ := wh["id"].(string); len(id) != 26 || wh["signing_secret"] != nil {
					t.Fatalf("created webhook %v: want a 26-char ULID id and no secret", wh)
				}
			}
		})
	}
}

func TestWebhooks_lifecycle(t *testing.T) {
	e := newEnv(t, Options{})
	access, _ := e.sb.IssueToken("webhooks:read webhooks:write triggers:write")
	_, body, _ := e.call("POST", "/api/v2/webhooks", access, map[string]any{"webhook": validWebhook()})
	id := body["webhook"].(map[string]any)["id"].(string)
	p := "/api/v2/webhooks/" + id

	steps := []struct {
		name, method, path string
		body               any
		want               int
		check              func(map[string]any) bool
	}{
		{"show", "GET", p, nil, 200, func(b map[string]any) bool { return b["webhook"].(map[string]any)["status"] == "active" }},
		{".json suffix is not a webhooks route", "GET", p + ".json", nil, 404, nil},
		{"list", "GET", "/api/v2/webhooks?filter[name_contains]=desk", nil, 200, func(b map[string]any) bool { return len(b["webhooks"].([]any)) == 1 }},
		{"list filtered out", "GET", "/api/v2/webhooks?filter[status]=inactive", nil, 200, func(b map[string]any) bool { return len(b["webhooks"].([]any)) == 0 }},
		{"patch status", "PATCH", p, map[string]any{"webhook": map[string]any{"status": "inactive"}}, 204, nil},
		{"patched", "GET", p, nil, 200, func(b map[string]any) bool { return b["webhook"].(map[string]any)["status"] == "inactive" }},
		{"patch cannot switch connection method", "PATCH", p, map[string]any{"webhook": map[string]any{"subscriptions": []any{"zen:event-type:ticket.created"}}}, 400, nil},
		{"put replaces", "PUT", p, map[string]any{"webhook": validWebhook()}, 204, nil},
		{"put must be complete", "PUT", p, map[string]any{"webhook": map[string]any{"name": "x"}}, 400, nil},
		{"rotate secret", "POST", p + "/signing_secret", nil, 201, func(b map[string]any) bool {
			return b["signing_secret"].(map[string]any)["algorithm"] == "sha256"
		}},
		{"trigger using it", "POST", "/api/v2/triggers.json", map[string]any{"trigger": map[string]any{"title": "t",
			"conditions": map[string]any{"all": []any{map[string]any{"field": "update_type", "operator": "is", "value": "Create"}}},
			"actions":    []any{map[string]any{"field": "notification_webhook", "value": []any{id, "{}"}}}}}, 201, nil},
		{"delete while a trigger uses it", "DELETE", p, nil, 400, nil},
	}
	var triggerID string
	for _, s := range steps {
		st, b, _ := e.call(s.method, s.path, access, s.body)
		if st != s.want || (s.check != nil && !s.check(b)) {
			t.Fatalf("%s: %d %v, want %d", s.name, st, b, s.want)
		}
		if tr, ok := b["trigger"].(map[string]any); ok {
			triggerID = strconv.FormatInt(int64(tr["id"].(float64)), 10)
		}
	}
	if hooks := e.sb.Webhooks(); hooks[0].SigningSecret == "" {
		t.Fatal("no secret recorded")
	}
	e.call("DELETE", "/api/v2/triggers/"+triggerID+".json", access, nil)
	if st, _, _ := e.call("DELETE", p, access, nil); st != 204 {
		t.Fatalf("delete: %d", st)
	}
	if st, _, _ := e.call("DELETE", p, access, nil); st != 404 {
		t.Fatalf("delete again: %d, want 404", st)
	}
	if st, _, _ := e.call("GET", p+"/signing_secret", access, nil); st != 404 {
		t.Fatalf("secret of a deleted webhook: %d, want 404", st)
	}
}

func TestTriggers_lifecycleAndValidation(t *testing.T) {
	e := newEnv(t, Options{})
	access, _ := e.sb.IssueToken("webhooks:write triggers:read triggers:write")
	_, body, _ := e.call("POST", "/api/v2/webhooks", access, map[string]any{"webhook": validWebhook()})
	wh := body["webhook"].(map[string]any)["id"].(string)
	create := map[string]any{"conditions": map[string]any{"all": []any{map[string]any{"field": "update_type", "operator": "is", "value": "Create"}}},
		"actions": []any{map[string]any{"field": "notification_webhook", "value": []any{wh, `{"id":"{{ticket.id}}"}`}}}, "title": "t"}
	bad := []struct {
		name   string
		change map[string]any
	}{
		{"no title", map[string]any{"title": ""}},
		{"no conditions", map[string]any{"conditions": map[string]any{"all": []any{}, "any": []any{}}}},
		{"no actions", map[string]any{"actions": []any{}}},
		{"unknown webhook", map[string]any{"actions": []any{map[string]any{"field": "notification_webhook", "value": []any{"01NOPE", "{}"}}}}},
		{"one-element value", map[string]any{"actions": []any{map[string]any{"field": "notification_webhook", "value": []any{wh}}}}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			tr := map[string]any{}
			for k, v := range create {
				tr[k] = v
			}
			for k, v := range tc.change {
				tr[k] = v
			}
			st, body, _ := e.call("POST", "/api/v2/triggers.json", access, map[string]any{"trigger": tr})
			if st != 422 || errCode(body) != "RecordInvalid" {
				t.Fatalf("%d %v, want 422 RecordInvalid", st, body)
			}
		})
	}
	st, body, _ := e.call("POST", "/api/v2/triggers.json", access, map[string]any{"trigger": create})
	if st != 201 {
		t.Fatalf("create: %d %v", st, body)
	}
	id := strconv.FormatInt(int64(body["trigger"].(map[string]any)["id"].(float64)), 10)
	p := "/api/v2/triggers/" + id + ".json"
	if st, body, _ := e.call("PUT", p, access, map[string]any{"trigger": map[string]any{"active": false}}); st != 200 || body["trigger"].(map[string]any)["active"] != false {
		t.Fatalf("update: %d %v", st, body)
	}
	if st, body, _ := e.call("GET", "/api/v2/triggers.json", access, nil); st != 200 || len(body["triggers"].([]any)) != 1 {
		t.Fatalf("list: %d %v", st, body)
	}
	if st, _, _ := e.call("DELETE", p, access, nil); st != 204 {
		t.Fatalf("delete: %d", st)
	}
	if st, body, _ := e.call("GET", p, access, nil); st != 404 || errCode(body) != "RecordNotFound" {
		t.Fatalf("show deleted: %d %v", st, body)
	}
}

func TestDelivery_formatsParamsAndAuthentication(t *testing.T) {
	rc := newReceiver(t, nil)
	e := newEnv(t, Options{})
	access, _ := e.sb.IssueToken("webhooks:write triggers:write")
	hooks := []map[string]any{
		{"name": "get", "endpoint": rc.srv.URL + "/get?x=1", "http_method": "GET", "request_format": "json", "status": "active",
			"subscriptions":  []any{"conditional_ticket_events"},
			"authentication": map[string]any{"type": "bearer_token", "data": map[string]any{"token": "tok"}, "add_position": "header"}},
		{"name": "form", "endpoint": rc.srv.URL + "/form", "http_method": "POST", "request_format": "form_encoded", "status": "active",
			"subscriptions":  []any{"conditional_ticket_events"},
			"authentication": map[string]any{"type": "api_key", "data": map[string]any{"name": "X-Api-Key", "value": "k"}, "add_position": "header"}},
	}
	for _, h := range hooks {
		_, body, _ := e.call("POST", "/api/v2/webhooks", access, map[string]any{"webhook": h})
		id := body["webhook"].(map[string]any)["id"].(string)
		st, b, _ := e.call("POST", "/api/v2/triggers.json", access, map[string]any{"trigger": map[string]any{"title": "t",
			"conditions": map[string]any{"all": []any{map[string]any{"field": "update_type", "operator": "is", "value": "Create"}}},
			"actions":    []any{map[string]any{"field": "notification_webhook", "value": []any{id, []any{[]any{"ticket", "{{ticket.id}}"}, []any{"t", "{{ticket.title}}"}}}}}}})
		if st != 201 {
			t.Fatalf("trigger: %d %v", st, b)
		}
	}
	if _, err := e.sb.CreateTicket(TicketInput{Subject: "a&b", Description: "d"}); err != nil {
		t.Fatal(err)
	}
	waitN(t, e.sb, 2)
	for _, d := range e.sb.Deliveries() {
		u, _ := url.Parse(d.Endpoint)
		switch u.Path {
		case "/get":
			if u.Query().Get("ticket") != "1" || u.Query().Get("t") != "a&b" || u.Query().Get("x") != "1" || d.Body != "" {
				t.Errorf("GET delivery: %s body %q", d.Endpoint, d.Body)
			}
		case "/form":
			if v, _ := url.ParseQuery(d.Body); v.Get("t") != "a&b" || v.Get("ticket") != "1" {
				t.Errorf("form body %q", d.Body)
			}
		}
	}
	for _, r := range rc.got() {
		switch {
		case strings.HasPrefix(r.header.Get("Authorization"), "Bearer tok"):
		case r.header.Get("X-Api-Key") == "k" && r.header.Get("Content-Type") == "application/x-www-form-urlencoded":
		default:
			t.Errorf("request without its authentication: %v", r.header)
		}
	}
}

func TestOAuth2Library_completesTheCodeFlowWithPKCE(t *testing.T) {
	const secret = "se+cr/et=" // characters x/oauth2 form-encodes in Basic auth
	e := newEnv(t, Options{Clients: []OAuthClient{{ID: testClientID, Secret: secret, RedirectURIs: []string{testRedirect}}}})
	for _, style := range []oauth2.AuthStyle{oauth2.AuthStyleInHeader, oauth2.AuthStyleInParams} {
		cfg := oauth2.Config{ClientID: testClientID, ClientSecret: secret, RedirectURL: testRedirect,
			Scopes:   []string{"tickets:read", "tickets:write"},
			Endpoint: oauth2.Endpoint{AuthURL: e.srv.URL + "/oauth/authorizations/new", TokenURL: e.srv.URL + "/oauth/tokens", AuthStyle: style}}
		verifier := oauth2.GenerateVerifier()
		resp, err := noRedirect.Get(cfg.AuthCodeURL("st4te", oauth2.S256ChallengeOption(verifier)))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		loc, _ := url.Parse(resp.Header.Get("Location"))
		if loc.Query().Get("state") != "st4te" {
			t.Fatalf("redirect %v", loc)
		}
		tok, err := cfg.Exchange(context.Background(), loc.Query().Get("code"), oauth2.VerifierOption(verifier))
		if err != nil {
			t.Fatalf("exchange (auth style %d): %v", style, err)
		}
		if tok.RefreshToken == "" || tok.Expiry.IsZero() || !e.sb.TokenValid(tok.AccessToken) {
			t.Fatalf("token %+v", tok)
		}
		// Force a refresh and check rotation through the library.
		tok.Expiry = time.Now().Add(-time.Minute)
		fresh, err := cfg.TokenSource(context.Background(), tok).Token()
		if err != nil || fresh.AccessToken == tok.AccessToken || e.sb.TokenValid(tok.AccessToken) {
			t.Fatalf("refresh through x/oauth2: %v", err)
		}
	}
}

func TestLogs_neverCarryTokensSecretsOrCodes(t *testing.T) {
	var buf bytes.Buffer
	logger := hclog.New(&hclog.LoggerOptions{Output: &buf, Level: hclog.Trace})
	rc := newReceiver(t, func(n int, w http.ResponseWriter) {
		if n == 0 {
			w.WriteHeader(409)
		}
	})
	e := newEnv(t, Options{Logger: logger})
	code := e.codeFor(testClientID, "read write", nil)
	_, tok := e.token(map[string]any{"grant_type": "authorization_code", "code": code, "client_id": testClientID,
		"client_secret": testSecret, "redirect_uri": testRedirect})
	_, refreshed := e.token(map[string]any{"grant_type": "refresh_token", "refresh_token": tok["refresh_token"],
		"client_id": testClientID, "client_secret": testSecret})
	_, secret := e.install(rc.srv.URL, `{"id":"{{ticket.id}}"}`)
	if _, err := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d"}); err != nil {
		t.Fatal(err)
	}
	waitN(t, e.sb, 1)
	e.call("DELETE", "/api/v2/oauth/tokens/current.json", refreshed["access_token"].(string), nil)
	logs := buf.String()
	if !strings.Contains(logs, "token issued") || !strings.Contains(logs, "webhook delivery finished") {
		t.Fatalf("expected log lines missing:\n%s", logs)
	}
	for name, v := range map[string]any{"code": code, "access": tok["access_token"], "refresh": tok["refresh_token"],
		"new access": refreshed["access_token"], "client secret": testSecret, "signing secret": secret} {
		if s, _ := v.(string); s == "" || strings.Contains(logs, s) {
			t.Errorf("%s %q is empty or in the logs", name, s)
		}
	}
}

func TestAuthorize_withoutAutoApproveShowsConsentAndHonoursTheChoice(t *testing.T) {
	sb := New(Options{Clients: []OAuthClient{{ID: testClientID, Secret: testSecret, RedirectURIs: []string{testRedirect}}}})
	defer sb.Close()
	srv := newServer(t, sb)
	p := authParams(testClientID, "read", "st")
	page := get(t, srv+"/oauth/authorizations/new?"+p.Encode())
	if !strings.Contains(page, `name="decision" value="allow"`) {
		t.Fatalf("no consent form:\n%s", page)
	}
	for decision, want := range map[string]string{"allow": "code", "deny": "error"} {
		form := url.Values{"decision": {decision}}
		for k, v := range p {
			form[k] = v
		}
		resp, err := noRedirect.PostForm(srv+"/oauth/authorizations/new", form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		loc, _ := url.Parse(resp.Header.Get("Location"))
		if loc == nil || loc.Query().Get(want) == "" || loc.Query().Get("state") != "st" {
			t.Errorf("%s: %d %q", decision, resp.StatusCode, resp.Header.Get("Location"))
		}
	}
}

func TestAPI_accountRateLimitAnswers429(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC)}
	e := newEnv(t, Options{Now: clock.Now, RateLimit: 2})
	access, _ := e.sb.IssueToken("read")
	var got []string
	for range 3 {
		st, _, h := e.call("GET", "/api/v2/ticket_fields.json", access, nil)
		got = append(got, strconv.Itoa(st)+"/"+h.Get("X-Rate-Limit-Remaining")+"/"+h.Get("Retry-After"))
	}
	if strings.Join(got, " ") != "200/1/ 200/0/ 429/0/60" {
		t.Fatalf("status/remaining/retry-after = %v", got)
	}
}

func newServer(t *testing.T, sb *Sandbox) string {
	t.Helper()
	srv := httptestServer(sb.Handler())
	t.Cleanup(srv.Close)
	return srv.URL
}

func BenchmarkSign(b *testing.B) {
	body := bytes.Repeat([]byte("x"), 2048)
	for b.Loop() {
		Sign("secret", "2026-11-27T02:00:00Z", body)
	}
}

func BenchmarkRender(b *testing.B) {
	sb := New(Options{})
	defer sb.Close()
	snap := ticketSnapshot{Ticket: Ticket{ID: 42, Subject: `Checkout "down"`, Description: strings.Repeat("line\n", 50), Priority: "high"}}
	for b.Loop() {
		sb.render(triggerBody, snap, true)
	}
}

func TestWebhooksTest_sendsASignedRequestAndReturnsTheAnswer(t *testing.T) {
	rc := newReceiver(t, func(_ int, w http.ResponseWriter) {
		w.WriteHeader(http.StatusAccepted)
		_, _ = w.Write([]byte("queued"))
	})
	e := newEnv(t, Options{})
	access, _ := e.sb.IssueToken("webhooks:read webhooks:write triggers:write")
	id, secret := e.install(rc.srv.URL+"/hooks", `{}`)
	cases := []struct {
		name, path, secret string
		body               map[string]any
	}{
		{"a new webhook is signed with the static test secret", "/api/v2/webhooks/test", TestSigningSecret,
			map[string]any{"request": map[string]any{"endpoint": rc.srv.URL + "/new", "http_method": "POST", "request_format": "json", "payload": `{"t":1}`}}},
		{"an existing webhook is signed with its own secret", "/api/v2/webhooks/test?webhook_id=" + id, secret,
			map[string]any{"request": map[string]any{"payload": `{"t":2}`}}},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st, body, _ := e.call("POST", tc.path, access, tc.body)
			if st != 200 {
				t.Fatalf("%d %v", st, body)
			}
			resp := body["response"].(map[string]any)
			if resp["status"] != float64(202) || resp["body"] != "queued" {
				t.Fatalf("response %v", resp)
			}
			r := rc.got()[i]
			ts := r.header.Get("X-Zendesk-Webhook-Signature-Timestamp")
			if r.header.Get("X-Zendesk-Webhook-Signature") != Sign(tc.secret, ts, r.body) {
				t.Fatalf("signature does not verify with the expected secret")
			}
		})
	}
	if len(e.sb.Deliveries()) != 0 {
		t.Error("test requests were recorded as deliveries")
	}
	if _, err := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d"}); err != nil {
		t.Fatal(err)
	}
	waitN(t, e.sb, 1)
	st, body, _ := e.call("GET", "/api/v2/webhooks/"+id+"/invocations", access, nil)
	invs, _ := body["invocations"].([]any)
	if st != 200 || len(invs) != 1 || invs[0].(map[string]any)["status"] != "success" || invs[0].(map[string]any)["status_code"] != float64(202) {
		t.Fatalf("invocations: %d %v", st, body)
	}
	inv := invs[0].(map[string]any)["id"].(string)
	st, body, _ = e.call("GET", "/api/v2/webhooks/"+id+"/invocations/"+inv+"/attempts", access, nil)
	if atts, _ := body["attempts"].([]any); st != 200 || len(atts) != 1 {
		t.Fatalf("attempts: %d %v", st, body)
	}
}
