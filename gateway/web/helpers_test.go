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

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

const testToken = "web-test-admin-token"

const testMain = `
gateway {
  listen      = "127.0.0.1:8080"
  public_url  = "http://127.0.0.1:8080"
  data_dir    = "./data"
  plugin_dir  = "./bin"
  admin_token = "web-test-admin-token"
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
}

func (f *fakeConnector) ConnectURL(context.Context, store.BindingKey) (string, error) {
	return "http://desk.invalid/authorize", nil
}
func (f *fakeConnector) Callback(context.Context, url.Values) (store.BindingKey, oauth.Outcome) {
	f.mu.Lock()
	defer f.mu.Unlock()
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
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	cfg, diags := config.Parse(map[string][]byte{"/cfg/deskgate.hcl": []byte(testMain), "/cfg/bindings/acme.hcl": []byte(testBinding)}, "/cfg/deskgate.hcl")
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
	ts := &testServer{store: st, queue: q, connector: &fakeConnector{}, reloader: &fakeReloader{}, auth: NewAuth(testToken, false),
		doctor: &fakeDoctor{results: []sdk.CheckResult{
			{Name: "binding connected", OK: true, Detail: "active"},
			{Name: "webhook", OK: false, Detail: "webhook 01ABC is inactive", Fix: "reactivate it in Admin Center or reconnect"},
		}}}
	s := New(Options{Config: func() *config.Config { return cfg }, Store: st, Queue: q, Connector: ts.connector,
		Auth: ts.auth, Reloader: ts.reloader, Doctor: ts.doctor})
	mux := http.NewServeMux()
	s.Register(mux)
	ts.srv = httptest.NewServer(mux)
	t.Cleanup(func() { ts.srv.Close(); q.Close(); st.Close() })
	return ts
}

// request sends method path with an optional form; cookie logs in.
func (ts *testServer) request(t *testing.T, method, path string, form url.Values, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, ts.srv.URL+path, body)
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

// loggedIn is the header set of a browser holding the session cookie.
func (ts *testServer) loggedIn() map[string]string {
	return map[string]string{"Cookie": sessionCookie + "=" + ts.auth.session()}
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
