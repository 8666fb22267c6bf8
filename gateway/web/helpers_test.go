package web

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

const testToken = "web-test-admin-token-0123456789abcdef"

const testMain = `
gateway {
  listen      = "127.0.0.1:8080"
  public_url  = "http://127.0.0.1:8080"
  data_dir    = "./data"
  plugin_dir  = "./bin"
  admin_token = "web-test-admin-token-0123456789abcdef"
}
project "checkout" {
  services = ["checkout-api", "payments"]
  log_source "file" "app" {
    paths = ["./logs/*.jsonl"]
  }
}
platform "zendesk" {
  client_id     = "id"
  client_secret = "secret"
}
`

const testBinding = `
binding "zendesk" "acme" {
  project      = "checkout"
  subdomain    = "acme"
  posting_mode = "internal"
  custom_fields {
    severity = 360001
  }
}
`

// fakeConnector records disconnects and ends every callback as scripted;
// the browser test drives the real OAuth manager.
type fakeConnector struct {
	mu           sync.Mutex
	disconnected []store.BindingKey
	callbackKey  store.BindingKey
	outcome      oauth.Outcome
	proofs       []string // the browser proof of each callback
}

func (f *fakeConnector) ConnectURL(context.Context, store.BindingKey) (oauth.Started, error) {
	return oauth.Started{URL: "http://desk.invalid/authorize?state=s1", BrowserProof: oauth.BrowserProof("s1")}, nil
}
func (f *fakeConnector) Callback(_ context.Context, _ url.Values, proof string) (store.BindingKey, oauth.Outcome) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.proofs = append(f.proofs, proof)
	return f.callbackKey, f.outcome
}
func (f *fakeConnector) Disconnect(_ context.Context, k store.BindingKey) (oauth.Disconnected, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.disconnected = append(f.disconnected, k)
	return oauth.Disconnected{Uninstalled: true, Revoked: true}, nil
}
func (f *fakeConnector) Credentials(context.Context, store.BindingKey) (sdk.Credentials, error) {
	return sdk.Credentials{}, nil
}

// fakeReloader records what Configure asks to change.
type fakeReloader struct {
	mu      sync.Mutex
	reloads int
	updates []config.BindingEdit
	err     error
}

func (f *fakeReloader) Reload(context.Context) (config.ReloadResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reloads++
	return config.ReloadResult{Bindings: 1}, f.err
}

func (f *fakeReloader) UpdateBinding(_ context.Context, _, _ string, edit config.BindingEdit) (config.ReloadResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.updates = append(f.updates, edit)
	return config.ReloadResult{Bindings: 1}, f.err
}

// fakeDoctor answers the binding checks.
type fakeDoctor struct{ results []sdk.CheckResult }

func (f *fakeDoctor) Check(context.Context, store.BindingKey) ([]sdk.CheckResult, error) {
	return f.results, nil
}

type testServer struct {
	doctor    *fakeDoctor
	srv       *httptest.Server
	store     *store.SQLite
	queue     queue.Queue
	connector *fakeConnector
	reloader  *fakeReloader
	auth      *Auth
	clock     *testClock
	cfg       *config.Config

	sessionMu sync.Mutex
	sessionID string // the session loggedIn logged in with
}

// testClock is a settable clock for session expiry and login throttling.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	return newTestServerFiles(t, map[string][]byte{"/cfg/deskgate.hcl": []byte(testMain), "/cfg/bindings/acme.hcl": []byte(testBinding)})
}

// newTestServerFiles is newTestServer over other config files (the main
// one is /cfg/deskgate.hcl).
func newTestServerFiles(t *testing.T, files map[string][]byte) *testServer {
	t.Helper()
	cfg, diags := config.Parse(files, "/cfg/deskgate.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	ctx := context.Background()
	box, err := store.NewBox(bytes.Repeat([]byte{7}, 32))
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "web.db"), box)
	if err != nil {
		t.Fatal(err)
	}
	q, err := queue.NewSQLite(ctx, st.DB(), queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	clock := &testClock{now: time.Now()}
	auth := NewAuth(AuthOptions{Token: testToken, PublicURL: "http://127.0.0.1:8080", Sessions: st, Audit: st, Now: clock.Now})
	ts := &testServer{store: st, queue: q, connector: &fakeConnector{}, reloader: &fakeReloader{}, auth: auth, clock: clock,
		doctor: &fakeDoctor{results: []sdk.CheckResult{
			{Name: "binding connected", OK: true, Detail: "active"},
			{Name: "webhook", OK: false, Detail: "webhook 01ABC is inactive", Fix: "reactivate it in Admin Center or reconnect"},
		}}}
	ts.cfg = cfg
	ts.srv = ts.serve(t, ts.auth)
	t.Cleanup(func() { q.Close(); st.Close() })
	return ts
}

// serve starts a gateway's web surface over ts's store, config and fakes
// with auth; a second call is a second replica sharing the backend.
func (ts *testServer) serve(t *testing.T, auth *Auth) *httptest.Server {
	t.Helper()
	s := New(Options{Config: func() *config.Config { return ts.cfg }, Store: ts.store, Queue: ts.queue, Connector: ts.connector,
		Auth: auth, Reloader: ts.reloader, Doctor: ts.doctor})
	mux := http.NewServeMux()
	s.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// request sends method path with an optional form; cookie logs in.
func (ts *testServer) request(t *testing.T, method, path string, form url.Values, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	return requestTo(t, ts.srv.URL, method, path, form, hdr)
}

// requestTo is request to the server at base (another replica).
func requestTo(t *testing.T, base, method, path string, form url.Values, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, base+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// loggedIn is the header set of a browser holding a session cookie: the
// first call logs in through the login form, later calls reuse the session.
func (ts *testServer) loggedIn(t *testing.T) map[string]string {
	t.Helper()
	ts.sessionMu.Lock()
	defer ts.sessionMu.Unlock()
	if ts.sessionID == "" {
		ts.sessionID = ts.login(t)
	}
	return map[string]string{"Cookie": "deskgate_session=" + ts.sessionID}
}

// csrf is the form token of loggedIn's session.
func (ts *testServer) csrf(t *testing.T) string {
	t.Helper()
	ts.loggedIn(t)
	return csrfFor(ts.sessionID)
}

// login logs in through the form, as a browser does, and returns the new
// session cookie's value.
func (ts *testServer) login(t *testing.T) string {
	t.Helper()
	resp, _ := ts.request(t, "GET", "/login", nil, nil)
	var csrf string
	for _, c := range resp.Cookies() {
		if c.Name == loginCSRFCookie {
			csrf = c.Value
		}
	}
	resp, body := ts.request(t, "POST", "/login", url.Values{"token": {testToken}, "csrf": {csrf}},
		map[string]string{"Cookie": loginCSRFCookie + "=" + csrf})
	for _, c := range resp.Cookies() {
		if c.Name == "deskgate_session" && c.Value != "" {
			return c.Value
		}
	}
	t.Fatalf("login answered %d without a session cookie: %s", resp.StatusCode, body)
	return ""
}

// form is a configure form with the running values, changed by over.
func configureValues(csrf string, over map[string]string) url.Values {
	v := url.Values{
		"csrf": {csrf}, "action": {"save"},
		"posting_mode": {"internal"}, "auto_analyze_threshold": {"high"}, "default_time_buffer": {"2"},
		"cf_severity": {"360001"}, "cf_affected_service": {""}, "cf_analysis_url": {""},
		"public_reply_template": {config.DefaultReplyTemplate},
	}
	for k, val := range over {
		v.Set(k, val)
	}
	return v
}
