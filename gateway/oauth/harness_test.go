package oauth

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

const (
	testClientID     = "zdg-deskgate"
	testClientSecret = "client-secret-4f1c9a7e2b"
)

var testKey = store.BindingKey{Platform: "zendesk", Name: "acme"}

// clock is a settable fake clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// fakeDesk is a minimal OAuth server for unit tests: authorize with PKCE,
// code exchange, and refresh that rotates the refresh token and answers
// invalid_grant for a rotated-out one.
type fakeDesk struct {
	now       func() time.Time
	accessTTL time.Duration // < 0: tokens without expires_in or refresh_token

	mu       sync.Mutex
	codes    map[string]string // code → challenge
	access   map[string]time.Time
	refresh  map[string]bool
	deny     bool
	rotated  []string // refresh tokens already used
	reused   int      // refreshes with a rotated-out token
	tokenErr int      // answer the next N token requests with 500
	// gate, when set, holds every refresh until it is closed.
	gate chan struct{}
}

func newFakeDesk(now func() time.Time, accessTTL time.Duration) *fakeDesk {
	return &fakeDesk{now: now, accessTTL: accessTTL, codes: map[string]string{},
		access: map[string]time.Time{}, refresh: map[string]bool{}}
}

func (d *fakeDesk) DenyNext() { d.mu.Lock(); d.deny = true; d.mu.Unlock() }

func (d *fakeDesk) TokenValid(tok string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	exp, ok := d.access[tok]
	return ok && (exp.IsZero() || d.now().Before(exp))
}

func (d *fakeDesk) FailNextToken() { d.mu.Lock(); d.tokenErr++; d.mu.Unlock() }

func (d *fakeDesk) RevokeAll() {
	d.mu.Lock()
	d.access, d.refresh = map[string]time.Time{}, map[string]bool{}
	d.mu.Unlock()
}

func randHex() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (d *fakeDesk) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/oauth/authorizations/new":
		q := r.URL.Query()
		ru, _ := url.Parse(q.Get("redirect_uri"))
		v := url.Values{"state": {q.Get("state")}}
		d.mu.Lock()
		if d.deny {
			d.deny = false
			v.Set("error", "access_denied")
		} else if q.Get("client_id") != testClientID || q.Get("code_challenge_method") != "S256" {
			v.Set("error", "invalid_request")
		} else {
			code := randHex()
			d.codes[code] = q.Get("code_challenge")
			v.Set("code", code)
		}
		d.mu.Unlock()
		ru.RawQuery = v.Encode()
		http.Redirect(w, r, ru.String(), http.StatusFound)
	case "/oauth/tokens":
		d.token(w, r)
	default:
		http.NotFound(w, r)
	}
}

func (d *fakeDesk) token(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	f := r.PostForm
	fail := func(status int, code string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": "no"})
	}
	if f.Get("client_id") != testClientID || f.Get("client_secret") != testClientSecret {
		fail(http.StatusUnauthorized, "invalid_client")
		return
	}
	d.mu.Lock()
	if d.tokenErr > 0 {
		d.tokenErr--
		d.mu.Unlock()
		fail(http.StatusInternalServerError, "server_error")
		return
	}
	gate := d.gate
	d.mu.Unlock()
	switch f.Get("grant_type") {
	case "authorization_code":
		d.mu.Lock()
		ch, ok := d.codes[f.Get("code")]
		delete(d.codes, f.Get("code"))
		d.mu.Unlock()
		sum := sha256.Sum256([]byte(f.Get("code_verifier")))
		if !ok || base64.RawURLEncoding.EncodeToString(sum[:]) != ch {
			fail(http.StatusBadRequest, "invalid_grant")
			return
		}
	case "refresh_token":
		if gate != nil {
			<-gate
		}
		rt := f.Get("refresh_token")
		d.mu.Lock()
		ok := d.refresh[rt]
		delete(d.refresh, rt)
		for _, old := range d.rotated {
			if old == rt {
				d.reused++
			}
		}
		d.rotated = append(d.rotated, rt)
		d.mu.Unlock()
		if !ok {
			fail(http.StatusBadRequest, "invalid_grant")
			return
		}
	default:
		fail(http.StatusBadRequest, "unsupported_grant_type")
		return
	}
	resp := map[string]any{"access_token": "at-" + randHex(), "token_type": "bearer", "scope": "read write"}
	d.mu.Lock()
	if d.accessTTL >= 0 {
		rt := "rt-" + randHex()
		d.refresh[rt] = true
		resp["refresh_token"] = rt
		resp["expires_in"] = int(d.accessTTL / time.Second)
		d.access[resp["access_token"].(string)] = d.now().Add(d.accessTTL)
	} else {
		d.access[resp["access_token"].(string)] = time.Time{}
	}
	d.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(resp)
}

// tokenCounter counts token-endpoint requests by grant type, in front of
// any desk.
type tokenCounter struct {
	next     http.Handler
	exchange atomic.Int64
	refresh  atomic.Int64
}

func (c *tokenCounter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/oauth/tokens" {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		v, _ := url.ParseQuery(string(body))
		switch v.Get("grant_type") {
		case "authorization_code":
			c.exchange.Add(1)
		case "refresh_token":
			c.refresh.Add(1)
		}
	}
	c.next.ServeHTTP(w, r)
}

// fakePlatform is an sdk.Platform that records Install and Uninstall and
// checks the token it is given against the desk.
type fakePlatform struct {
	sdk.Platform // unused methods panic
	deskURL      string
	tokenValid   func(string) bool

	mu           sync.Mutex
	installs     []sdk.InstallRequest
	uninstalls   []sdk.Credentials
	installErr   error
	uninstallErr error
}

func (p *fakePlatform) Describe(_ context.Context, b *sdk.Binding) (*sdk.Description, error) {
	d := &sdk.Description{Name: "zendesk", ProtocolVersion: sdk.ProtocolVersion}
	if b != nil {
		d.AuthorizeURL = p.deskURL + "/oauth/authorizations/new"
		d.TokenURL = p.deskURL + "/oauth/tokens"
		d.APIBaseURL = p.deskURL
		if u := b.Attributes["api_url"]; u != "" {
			d.APIBaseURL = u
		}
		d.Scopes = []string{"read", "write"}
		d.PKCE = true
	}
	return d, nil
}

func (p *fakePlatform) Install(_ context.Context, req sdk.InstallRequest) (*sdk.InstallState, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.installs = append(p.installs, req)
	if p.installErr != nil {
		return nil, p.installErr
	}
	if !p.tokenValid(req.Credentials.AccessToken) {
		return nil, sdk.Errorf(sdk.KindAuthExpired, "token refused")
	}
	return &sdk.InstallState{Data: []byte(`{"signing_secret":"whsec-9d8e7f"}`), Summary: map[string]string{"webhook_id": "01HWEBHOOK", "trigger_id": "360020000001"}}, nil
}

func (p *fakePlatform) Uninstall(_ context.Context, creds sdk.Credentials, _ sdk.InstallState) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.uninstalls = append(p.uninstalls, creds)
	if p.uninstallErr != nil {
		return p.uninstallErr
	}
	if !p.tokenValid(creds.AccessToken) {
		return sdk.Errorf(sdk.KindAuthExpired, "token refused")
	}
	return nil
}

type fakePlatforms struct{ p sdk.Platform }

func (f fakePlatforms) Platform(context.Context, string) (sdk.Platform, error) { return f.p, nil }

// syncBuffer collects log output from concurrent goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// harness wires a Manager to a desk over real HTTP, a store, a fake plugin
// and a fake clock; the gateway's callback route runs on its own server.
type harness struct {
	t        testing.TB
	clock    *clock
	store    Store
	d        testDesk
	desk     *httptest.Server
	counter  *tokenCounter
	gateway  *httptest.Server
	platform *fakePlatform
	logs     *syncBuffer
	logger   hclog.Logger
	m        *Manager
	// cfg is the configuration the Manager reads; a test may swap it.
	cfg atomic.Pointer[config.Config]
	// proofs is the browser's flow cookies: the proof ConnectURL gave for
	// each state, which callback sends back as a browser would.
	proofs sync.Map
}

type harnessOptions struct {
	env   env
	store func(h *harness) Store // wraps or replaces env's store
	clock *clock
	// locker is the cross-replica lock, chosen once the store is open
	// (the Redis test hands the Redis store's).
	locker func(h *harness) store.Locker
	// platform replaces the fake plugin (the real-plugin test).
	platform func(h *harness) sdk.Platform
	// accessTTL is the desk's access-token lifetime: 0 = 30m, < 0 = tokens
	// without expires_in or refresh_token (older Zendesk clients).
	accessTTL time.Duration
}

// env is what a test runs against: the fake desk with an in-memory store
// (unit), or the Zendesk sandbox over HTTP with a real SQLite file.
type env struct {
	name     string
	newDesk  func(h *harness, accessTTL time.Duration, redirectURI string) testDesk
	newStore func(h *harness) Store
}

var (
	envFake = env{name: "fake", newDesk: func(h *harness, ttl time.Duration, _ string) testDesk {
		return newFakeDesk(h.clock.Now, ttl)
	}, newStore: func(*harness) Store { return newMemStore() }}
	envSandbox = env{name: "sandbox", newDesk: newSandboxDesk, newStore: newSQLiteStore}
	envs       = []env{envFake, envSandbox}
)

// testDesk is the OAuth server side a test talks to.
type testDesk interface {
	http.Handler
	DenyNext()
	TokenValid(tok string) bool
	RevokeAll()
	FailNextToken()
}

func newHarness(t testing.TB, o harnessOptions) *harness {
	t.Helper()
	h := &harness{t: t, clock: o.clock, logs: &syncBuffer{}}
	if h.clock == nil {
		h.clock = newClock()
	}
	if o.env.name == "" {
		o.env = envFake
	}
	if o.accessTTL == 0 {
		o.accessTTL = 30 * time.Minute
	}
	h.logger = hclog.New(&hclog.LoggerOptions{Name: "test", Level: hclog.Trace, Output: h.logs})
	if o.store != nil {
		h.store = o.store(h)
	} else {
		h.store = o.env.newStore(h)
	}

	mux := http.NewServeMux()
	h.gateway = httptest.NewServer(mux)
	t.Cleanup(h.gateway.Close)

	h.d = o.env.newDesk(h, o.accessTTL, h.gateway.URL+"/oauth/callback")
	h.counter = &tokenCounter{next: h.d}
	h.desk = httptest.NewServer(h.counter)
	t.Cleanup(h.desk.Close)

	h.platform = &fakePlatform{deskURL: h.desk.URL, tokenValid: h.d.TokenValid}
	var platform sdk.Platform = h.platform
	if o.platform != nil {
		platform = o.platform(h)
	}
	var locker store.Locker
	if o.locker != nil {
		locker = o.locker(h)
	}
	h.cfg.Store(&config.Config{Bindings: []*config.Binding{{Platform: "zendesk", Name: "acme",
		Attributes: map[string]string{"subdomain": "acme", "api_url": h.desk.URL},
		ClientID:   testClientID, ClientSecret: testClientSecret}}})
	h.m = New(Options{
		Store:     h.store,
		Config:    h.cfg.Load,
		Platforms: fakePlatforms{platform},
		PublicURL: h.gateway.URL + "/",
		Logger:    h.logger,
		Now:       h.clock.Now,
		Locker:    locker,
	})
	mux.HandleFunc("GET /oauth/callback", func(w http.ResponseWriter, r *http.Request) {
		// The web package renders the outcome; this route only reports it.
		key, outcome := h.m.Callback(r.Context(), r.URL.Query(), r.Header.Get("X-Browser-Proof"))
		if outcome == Connected {
			http.Redirect(w, r, "/bindings/"+key.Platform+"/"+key.Name, http.StatusFound)
			return
		}
		w.Header().Set("X-Binding", key.String())
		http.Error(w, outcome.String(), http.StatusBadRequest)
	})
	return h
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// authorize opens the connect URL at the desk and returns the callback URL
// the desk redirects the browser to.
func (h *harness) authorize() string {
	h.t.Helper()
	started, err := h.m.ConnectURL(context.Background(), testKey)
	if err != nil {
		h.t.Fatalf("ConnectURL: %v", err)
	}
	u := started.URL
	au, err := url.Parse(u)
	if err != nil {
		h.t.Fatalf("authorize URL: %v", err)
	}
	h.proofs.Store(au.Query().Get("state"), started.BrowserProof)
	resp, err := noRedirect.Get(u)
	if err != nil {
		h.t.Fatalf("open authorize URL: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		h.t.Fatalf("authorize answered %d, want 302", resp.StatusCode)
	}
	loc := resp.Header.Get("Location")
	if !strings.HasPrefix(loc, h.gateway.URL+"/oauth/callback?") {
		h.t.Fatalf("desk redirected to %q, want the gateway's callback", loc)
	}
	return loc
}

// callbackResult is what the harness's callback route answered: a redirect
// on success, else 400 with the Outcome's name as the body.
type callbackResult struct {
	status   int
	location string
	body     string
}

// callback opens the callback URL in the browser that started the flow.
func (h *harness) callback(u string) callbackResult {
	h.t.Helper()
	proof := ""
	if cu, err := url.Parse(u); err == nil {
		if p, ok := h.proofs.Load(cu.Query().Get("state")); ok {
			proof = p.(string)
		}
	}
	return h.callbackWith(u, proof)
}

// callbackWith opens the callback URL in a browser holding proof ("" for
// one that never started a flow).
func (h *harness) callbackWith(u, proof string) callbackResult {
	h.t.Helper()
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		h.t.Fatal(err)
	}
	if proof != "" {
		req.Header.Set("X-Browser-Proof", proof)
	}
	resp, err := noRedirect.Do(req)
	if err != nil {
		h.t.Fatalf("GET callback: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return callbackResult{resp.StatusCode, resp.Header.Get("Location"), string(b)}
}

// connect runs the whole flow and fails the test unless it succeeds.
func (h *harness) connect() {
	h.t.Helper()
	res := h.callback(h.authorize())
	if res.status != http.StatusFound || res.location != "/bindings/zendesk/acme" {
		h.t.Fatalf("callback = %d %q, want 302 to /bindings/zendesk/acme; body:\n%s", res.status, res.location, res.body)
	}
}

func (h *harness) binding() store.Binding {
	h.t.Helper()
	b, err := h.store.GetBinding(context.Background(), testKey)
	if err != nil {
		h.t.Fatalf("GetBinding: %v", err)
	}
	return b
}

func (h *harness) token() store.Token {
	h.t.Helper()
	tok, err := h.store.GetToken(context.Background(), testKey)
	if err != nil {
		h.t.Fatalf("GetToken: %v", err)
	}
	return tok
}

// audits returns the audit entries, oldest first, as "action outcome kind".
func (h *harness) audits() []store.AuditEntry {
	h.t.Helper()
	es, err := h.store.QueryAudit(context.Background(), store.AuditFilter{Limit: 1000})
	if err != nil {
		h.t.Fatalf("QueryAudit: %v", err)
	}
	for i, j := 0, len(es)-1; i < j; i, j = i+1, j-1 {
		es[i], es[j] = es[j], es[i]
	}
	return es
}

func (h *harness) hasAudit(action string, outcome store.Outcome, kind string) bool {
	for _, e := range h.audits() {
		if e.Action == action && e.Outcome == outcome && (kind == "" || e.ErrorKind == kind) {
			return true
		}
	}
	return false
}
