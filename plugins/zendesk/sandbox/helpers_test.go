package sandbox

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	testClientID  = "zdg-deskgate"
	testSecret    = "s3cret"
	testRedirect  = "http://127.0.0.1:8080/oauth/callback"
	publicID      = "zdg-public"
	allScopesTest = "tickets:read tickets:write webhooks:read webhooks:write triggers:read triggers:write read"
)

// fakeClock is a settable clock for expiry tests.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// env is a sandbox behind a real loopback HTTP server.
type env struct {
	t   *testing.T
	sb  *Sandbox
	srv *httptest.Server
}

func newEnv(t *testing.T, opts Options) *env {
	t.Helper()
	if opts.Clients == nil {
		opts.Clients = []OAuthClient{
			{ID: testClientID, Secret: testSecret, RedirectURIs: []string{testRedirect}, Kind: "confidential"},
			{ID: publicID, RedirectURIs: []string{testRedirect}, Kind: "public",
				AllowedScopes: []string{"tickets:read", "tickets:write"}},
		}
	}
	opts.AutoApprove = true
	if opts.RetryDelay == 0 {
		opts.RetryDelay = 10 * time.Millisecond
	}
	sb := New(opts)
	srv := httptest.NewServer(sb.Handler())
	t.Cleanup(func() {
		srv.Close()
		sb.Close()
	})
	return &env{t: t, sb: sb, srv: srv}
}

// noRedirect is a client that shows 302s instead of following them.
var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// authorize runs the authorize step and returns the redirect's query.
func (e *env) authorize(params url.Values) (int, url.Values) {
	e.t.Helper()
	resp, err := noRedirect.Get(e.srv.URL + "/oauth/authorizations/new?" + params.Encode())
	if err != nil {
		e.t.Fatalf("authorize: %v", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		return resp.StatusCode, nil
	}
	loc, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		e.t.Fatalf("parse Location: %v", err)
	}
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != testRedirect {
		e.t.Fatalf("redirected to %s, want %s", got, testRedirect)
	}
	return resp.StatusCode, loc.Query()
}

func authParams(client, scope, state string) url.Values {
	return url.Values{"response_type": {"code"}, "client_id": {client}, "redirect_uri": {testRedirect},
		"scope": {scope}, "state": {state}}
}

func challengeOf(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// token posts a JSON token request and returns status and decoded body.
func (e *env) token(body map[string]any) (int, map[string]any) {
	e.t.Helper()
	b, _ := json.Marshal(body)
	resp, err := http.Post(e.srv.URL+"/oauth/tokens", "application/json", bytes.NewReader(b))
	if err != nil {
		e.t.Fatalf("token request: %v", err)
	}
	return decode(e.t, resp)
}

func decode(t *testing.T, resp *http.Response) (int, map[string]any) {
	t.Helper()
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	out := map[string]any{}
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		return resp.StatusCode, map[string]any{"raw": string(data)}
	}
	if len(bytes.TrimSpace(data)) > 0 {
		if err := json.Unmarshal(data, &out); err != nil {
			t.Fatalf("decode %s answer %q: %v", resp.Request.URL.Path, data, err)
		}
	}
	return resp.StatusCode, out
}

// call makes an API request with a bearer token.
func (e *env) call(method, path, access string, body any) (int, map[string]any, http.Header) {
	e.t.Helper()
	var rdr io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rdr = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, e.srv.URL+path, rdr)
	if access != "" {
		req.Header.Set("Authorization", "Bearer "+access)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	st, out := decode(e.t, resp)
	return st, out, resp.Header
}

// codeFor runs a successful authorization and returns the code.
func (e *env) codeFor(client, scope string, extra url.Values) string {
	e.t.Helper()
	p := authParams(client, scope, "st")
	for k, v := range extra {
		p[k] = v
	}
	st, q := e.authorize(p)
	if st != http.StatusFound || q.Get("code") == "" {
		e.t.Fatalf("authorize: status %d, query %v", st, q)
	}
	return q.Get("code")
}

func errCode(body map[string]any) string {
	s, _ := body["error"].(string)
	return s
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

func httptestServer(h http.Handler) *httptest.Server { return httptest.NewServer(h) }

func TestNewULID_encodesTheTimeLikeTheULIDSpec(t *testing.T) {
	cases := []struct {
		ms   int64
		want string // the first 10 characters: 48 bits of milliseconds
	}{
		{0, "0000000000"},
		{1469918176385, "01ARYZ6S41"},
	}
	for _, tc := range cases {
		id := newULID(time.UnixMilli(tc.ms))
		if len(id) != 26 || id[:10] != tc.want {
			t.Errorf("newULID(%d) = %s, want prefix %s", tc.ms, id, tc.want)
		}
	}
	if a, b := newULID(time.UnixMilli(1000)), newULID(time.UnixMilli(2000)); a >= b {
		t.Errorf("ids do not sort by time: %s >= %s", a, b)
	}
}
