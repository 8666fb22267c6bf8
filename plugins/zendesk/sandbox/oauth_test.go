package sandbox

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestAuthorize_validatesTheRequest(t *testing.T) {
	e := newEnv(t, Options{})
	good := challengeOf("verifier-verifier-verifier-verifier-verifier")
	cases := []struct {
		name       string
		params     url.Values
		deny       bool
		wantStatus int
		wantError  string // error param on the redirect; "" means a code
	}{
		{"unknown client is shown, not redirected", url.Values{"client_id": {"nope"}}, false, 400, ""},
		{"unregistered redirect is shown, not redirected", url.Values{"redirect_uri": {"http://evil.example/cb"}}, false, 400, ""},
		{"response_type other than code", url.Values{"response_type": {"token"}}, false, 302, "unsupported_response_type"},
		{"unknown scope", url.Values{"scope": {"tickets:read bogus"}}, false, 302, "invalid_scope"},
		{"empty scope", url.Values{"scope": {""}}, false, 302, "invalid_scope"},
		{"scope outside the client's allowed scopes", url.Values{"client_id": {publicID}, "scope": {"webhooks:write"},
			"code_challenge": {good}, "code_challenge_method": {"S256"}}, false, 302, "invalid_scope"},
		{"public client without PKCE", url.Values{"client_id": {publicID}}, false, 302, "invalid_request"},
		{"plain PKCE method", url.Values{"code_challenge": {good}, "code_challenge_method": {"plain"}}, false, 302, "invalid_request"},
		{"malformed challenge", url.Values{"code_challenge": {"short"}, "code_challenge_method": {"S256"}}, false, 302, "invalid_request"},
		{"user denies", nil, true, 302, "access_denied"},
		{"confidential client without PKCE", nil, false, 302, ""},
		{"public client with PKCE", url.Values{"client_id": {publicID}, "code_challenge": {good}, "code_challenge_method": {"S256"}}, false, 302, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := authParams(testClientID, "tickets:read tickets:write", "xyz-state")
			for k, v := range tc.params {
				p[k] = v
			}
			if tc.deny {
				e.sb.DenyNext()
			}
			st, q := e.authorize(p)
			if st != tc.wantStatus {
				t.Fatalf("status %d, want %d", st, tc.wantStatus)
			}
			if st != http.StatusFound {
				return
			}
			if q.Get("state") != "xyz-state" {
				t.Errorf("state %q not echoed", q.Get("state"))
			}
			if q.Get("error") != tc.wantError {
				t.Errorf("error=%q, want %q", q.Get("error"), tc.wantError)
			}
			if (tc.wantError == "") != (q.Get("code") != "") {
				t.Errorf("code=%q with error=%q", q.Get("code"), q.Get("error"))
			}
		})
	}
}

func TestToken_exchangesCodeAsJSONFormOrBasicAuth(t *testing.T) {
	e := newEnv(t, Options{})
	cases := []struct {
		name string
		send func(code string) (*http.Response, error)
	}{
		{"json body with secret", func(code string) (*http.Response, error) {
			return http.Post(e.srv.URL+"/oauth/tokens", "application/json", strings.NewReader(
				`{"grant_type":"authorization_code","code":"`+code+`","client_id":"`+testClientID+`","client_secret":"`+testSecret+`","redirect_uri":"`+testRedirect+`"}`))
		}},
		{"form body with secret", func(code string) (*http.Response, error) {
			return http.PostForm(e.srv.URL+"/oauth/tokens", url.Values{"grant_type": {"authorization_code"}, "code": {code},
				"client_id": {testClientID}, "client_secret": {testSecret}, "redirect_uri": {testRedirect}})
		}},
		{"form body with HTTP Basic", func(code string) (*http.Response, error) {
			req, _ := http.NewRequest("POST", e.srv.URL+"/oauth/tokens", strings.NewReader(url.Values{
				"grant_type": {"authorization_code"}, "code": {code}, "redirect_uri": {testRedirect}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.SetBasicAuth(testClientID, testSecret)
			return http.DefaultClient.Do(req)
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := tc.send(e.codeFor(testClientID, "tickets:read tickets:write", nil))
			if err != nil {
				t.Fatal(err)
			}
			st, body := decode(t, resp)
			if st != http.StatusCreated {
				t.Fatalf("status %d body %v", st, body)
			}
			if body["token_type"] != "bearer" || body["scope"] != "tickets:read tickets:write" {
				t.Errorf("token_type/scope wrong: %v", body)
			}
			if body["expires_in"] != float64(1800) || body["refresh_token_expires_in"] != float64(2592000) || body["refresh_token"] == "" {
				t.Errorf("expiry fields wrong: %v", body)
			}
			if !e.sb.TokenValid(body["access_token"].(string)) {
				t.Error("issued token is not valid")
			}
		})
	}
}

func TestToken_rejectsBadExchanges(t *testing.T) {
	e := newEnv(t, Options{})
	verifier := "the-right-verifier-which-is-long-enough-to-be-ok"
	pkce := url.Values{"code_challenge": {challengeOf(verifier)}, "code_challenge_method": {"S256"}}
	cases := []struct {
		name    string
		client  string
		pkce    bool
		mutate  func(map[string]any)
		status  int
		errWant string
	}{
		{"wrong PKCE verifier", publicID, true, func(m map[string]any) { m["code_verifier"] = "wrong" }, 400, "invalid_grant"},
		{"missing PKCE verifier", publicID, true, func(m map[string]any) { delete(m, "code_verifier") }, 400, "invalid_grant"},
		{"redirect_uri differs", testClientID, false, func(m map[string]any) { m["redirect_uri"] = "http://127.0.0.1:8080/other" }, 400, "invalid_grant"},
		{"wrong client secret", testClientID, false, func(m map[string]any) { m["client_secret"] = "nope" }, 401, "invalid_client"},
		{"confidential client without secret or PKCE", testClientID, false, func(m map[string]any) { delete(m, "client_secret") }, 401, "invalid_client"},
		{"unknown code", testClientID, false, func(m map[string]any) { m["code"] = "made-up" }, 400, "invalid_grant"},
		{"unsupported grant", testClientID, false, func(m map[string]any) { m["grant_type"] = "password" }, 400, "unsupported_grant_type"},
		{"expires_in below Zendesk's minimum", testClientID, false, func(m map[string]any) { m["expires_in"] = 60 }, 400, "invalid_request"},
		{"right PKCE verifier without secret", publicID, true, func(map[string]any) {}, 201, ""},
		{"confidential client with PKCE and no secret", testClientID, true, func(m map[string]any) { delete(m, "client_secret") }, 201, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var extra url.Values
			if tc.pkce {
				extra = pkce
			}
			req := map[string]any{"grant_type": "authorization_code", "code": e.codeFor(tc.client, "tickets:read", extra),
				"client_id": tc.client, "redirect_uri": testRedirect, "code_verifier": verifier}
			if tc.client == testClientID {
				req["client_secret"] = testSecret
			}
			if !tc.pkce {
				delete(req, "code_verifier")
			}
			tc.mutate(req)
			st, body := e.token(req)
			if st != tc.status || errCode(body) != tc.errWant {
				t.Fatalf("got %d %v, want %d %q", st, body, tc.status, tc.errWant)
			}
		})
	}
}

func TestToken_codeIsSingleUseAndExpiresAfter120s(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC)}
	e := newEnv(t, Options{Now: clock.Now})
	req := func(code string) map[string]any {
		return map[string]any{"grant_type": "authorization_code", "code": code, "client_id": testClientID,
			"client_secret": testSecret, "redirect_uri": testRedirect}
	}
	code := e.codeFor(testClientID, "read", nil)
	if st, body := e.token(req(code)); st != http.StatusCreated {
		t.Fatalf("first exchange: %d %v", st, body)
	}
	if st, body := e.token(req(code)); st != http.StatusBadRequest || errCode(body) != "invalid_grant" {
		t.Fatalf("second exchange: %d %v, want invalid_grant", st, body)
	}
	late := e.codeFor(testClientID, "read", nil)
	clock.Advance(121 * time.Second)
	if st, body := e.token(req(late)); st != http.StatusBadRequest || errCode(body) != "invalid_grant" {
		t.Fatalf("expired code: %d %v, want invalid_grant", st, body)
	}
}

func TestRefresh_rotatesThePairAndRejectsTheOldRefreshToken(t *testing.T) {
	e := newEnv(t, Options{})
	access, refresh := e.sb.IssueToken("tickets:read") // owned by the first client, testClientID
	req := map[string]any{"grant_type": "refresh_token", "refresh_token": refresh, "client_id": testClientID, "client_secret": testSecret}
	st, body := e.token(req)
	if st != http.StatusCreated {
		t.Fatalf("refresh: %d %v", st, body)
	}
	if body["refresh_token"] == refresh || body["access_token"] == access {
		t.Fatal("refresh did not rotate the pair")
	}
	if e.sb.TokenValid(access) {
		t.Error("old access token still valid after rotation")
	}
	if !e.sb.TokenValid(body["access_token"].(string)) {
		t.Error("new access token not valid")
	}
	if st, body := e.token(req); st != http.StatusBadRequest || errCode(body) != "invalid_grant" {
		t.Fatalf("reused refresh token: %d %v, want 400 invalid_grant", st, body)
	}
}

func TestToken_oldStyleClientsGetNonExpiringTokensUnlessTheyAsk(t *testing.T) {
	e := newEnv(t, Options{AccessTTL: -1})
	req := func(extra map[string]any) map[string]any {
		m := map[string]any{"grant_type": "authorization_code", "code": e.codeFor(testClientID, "read", nil),
			"client_id": testClientID, "client_secret": testSecret, "redirect_uri": testRedirect}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	_, body := e.token(req(nil))
	if _, ok := body["expires_in"]; ok {
		t.Errorf("old-style token has expires_in: %v", body)
	}
	if _, ok := body["refresh_token"]; ok {
		t.Errorf("old-style token has refresh_token: %v", body)
	}
	_, body = e.token(req(map[string]any{"expires_in": 3600}))
	if body["expires_in"] != float64(3600) || body["refresh_token"] == nil {
		t.Errorf("expires_in not honoured: %v", body)
	}
}

func TestAPI_expiredTokenIsUnauthorized(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC)}
	e := newEnv(t, Options{Now: clock.Now})
	access, _ := e.sb.IssueToken("read")
	if st, body, _ := e.call("GET", "/api/v2/ticket_fields.json", access, nil); st != 200 {
		t.Fatalf("fresh token: %d %v", st, body)
	}
	clock.Advance(31 * time.Minute)
	st, body, h := e.call("GET", "/api/v2/ticket_fields.json", access, nil)
	if st != http.StatusUnauthorized || errCode(body) != "invalid_token" || !contains(h.Get("WWW-Authenticate"), "invalid_token") {
		t.Fatalf("expired token: %d %v", st, body)
	}
}

func TestRevoke_byIDAndCurrentAndRevokeAll(t *testing.T) {
	e := newEnv(t, Options{})
	// By id, after reading the id through current.json.
	a1, _ := e.sb.IssueToken("read tickets:read")
	st, body, _ := e.call("GET", "/api/v2/oauth/tokens/current.json", a1, nil)
	if st != 200 {
		t.Fatalf("current: %d %v", st, body)
	}
	id := int64(body["token"].(map[string]any)["id"].(float64))
	a2, _ := e.sb.IssueToken("read")
	if st, _, _ := e.call("DELETE", "/api/v2/oauth/tokens/"+itoa(id)+".json", a2, nil); st != http.StatusNoContent {
		t.Fatalf("delete by id: %d", st)
	}
	if st, _, _ := e.call("GET", "/api/v2/tickets/1.json", a1, nil); st != http.StatusUnauthorized {
		t.Fatalf("revoked token answered %d, want 401", st)
	}
	// Current.
	if st, _, _ := e.call("DELETE", "/api/v2/oauth/tokens/current.json", a2, nil); st != http.StatusNoContent {
		t.Fatalf("delete current: %d", st)
	}
	if e.sb.TokenValid(a2) {
		t.Fatal("token valid after DELETE current")
	}
	// A token without the broad read scope cannot show current.
	a3, _ := e.sb.IssueToken("tickets:read")
	if st, _, _ := e.call("GET", "/api/v2/oauth/tokens/current.json", a3, nil); st != http.StatusForbidden {
		t.Fatalf("current without read: %d, want 403", st)
	}
	e.sb.RevokeAll()
	if e.sb.TokenValid(a3) {
		t.Fatal("token valid after RevokeAll")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func FuzzParseTokenRequest(f *testing.F) {
	f.Add("application/json", `{"grant_type":"refresh_token","refresh_token":"x","expires_in":"3600"}`)
	f.Add("application/x-www-form-urlencoded", "grant_type=authorization_code&code=abc&expires_in=900")
	f.Add("application/json; charset=utf-8", `{"expires_in":1e3}`)
	f.Fuzz(func(t *testing.T, ct, body string) {
		req, err := parseTokenRequest(ct, []byte(body))
		if err == nil && req.ExpiresIn < 0 && !strings.Contains(body, "-") {
			t.Fatalf("negative expires_in from %q", body)
		}
	})
}
