package e2e

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/gwtest"
	"github.com/sigsentry/deskgate/internal/testbin"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

const (
	adminToken   = "e2e-admin-token-9f8e7d-0123456789abcdef"
	clientID     = "deskgate-e2e"
	clientSecret = "e2e-client-secret-1a2b3c"
)

// envOptions shape one end-to-end environment.
type envOptions struct {
	PostingMode string // internal (default), public, both
	Threshold   string // default high
	Workers     int    // default 2
	StoreBlock  string // default: the embedded SQLite store
	AccessTTL   time.Duration
	Replicas    int    // gateway processes sharing the config (default 1); needs a shared store
	Visibility  string // gateway visibility_timeout (default: the gateway's)
	// LogBlock replaces the project's file log_source block; no log file
	// is written then (the logs are wherever the block points).
	LogBlock string
	LogsAt   time.Time // the end the generated logs lead up to (default now)
	// JSM adds a Jira Service Management sandbox in this process and a
	// `binding "jsm" "support"` beside zendesk/acme (jsm_test.go).
	JSM bool
	// JSMWebhookTTL shortens the JSM sandbox's webhook lifetime.
	JSMWebhookTTL time.Duration
	// Beta adds a second binding, zendesk/beta, on a second sandbox account
	// (env.beta), for tests of fairness between bindings.
	Beta bool
	// GatewayExtra is added to the gateway block as is (e.g. a queue cap).
	GatewayExtra string
}

// env is a sandbox Zendesk in this process and a deskgate process.
type env struct {
	t       *testing.T
	opts    envOptions
	sb      *sandbox.Sandbox
	sbSrv   *httptest.Server
	dir     string
	cfgPath string
	addr    string // host:port of the gateway
	url     string // http://addr
	fields  map[string]int64
	tap     *tap
	jsm     *jsmDesk // nil unless opts.JSM

	masterKey string
	replicas  []*replica

	beta *betaDesk // with envOptions.Beta
}

// betaDesk is the second sandbox account behind zendesk/beta.
type betaDesk struct {
	sb     *sandbox.Sandbox
	srv    *httptest.Server
	fields map[string]int64
}

// replica is one deskgate process; replicas[0] is the one the desk and the
// OAuth flow talk to.
type replica struct{ *gwtest.Gateway }

func newEnv(t *testing.T, o envOptions) *env {
	t.Helper()
	if o.PostingMode == "" {
		o.PostingMode = "internal"
	}
	if o.Threshold == "" {
		o.Threshold = "high"
	}
	if o.Workers == 0 {
		o.Workers = 2
	}
	if o.Replicas == 0 {
		o.Replicas = 1
	}
	e := &env{t: t, opts: o, dir: t.TempDir(), masterKey: base64.StdEncoding.EncodeToString([]byte("e2e-master-key-32-bytes-long!!!!"))}
	for i := 0; i < o.Replicas; i++ {
		e.replicas = append(e.replicas, &replica{gwtest.NewGateway(t, filepath.Join(e.dir, fmt.Sprintf("deskgate-%d.hcl", i)),
			"DESKGATE_ADMIN_TOKEN="+adminToken, "E2E_CLIENT_SECRET="+clientSecret, "E2E_JSM_CLIENT_SECRET="+jsmClientSecret,
			"DESKGATE_MASTER_KEY="+e.masterKey)})
	}
	e.addr, e.url = e.replicas[0].Addr, e.replicas[0].URL
	e.sb = sandbox.New(sandbox.Options{
		Clients:     []sandbox.OAuthClient{{ID: clientID, Secret: clientSecret, RedirectURIs: []string{e.url + "/oauth/callback"}, Kind: "confidential"}},
		AutoApprove: true,
		AccessTTL:   o.AccessTTL,
		RetryDelay:  50 * time.Millisecond,
		// Well above what the tests send: Zendesk's per-account limit is
		// honoured (429 + Retry-After) but not what these tests are about.
		RateLimit: 100000,
	})
	e.tap = &tap{}
	e.sbSrv = httptest.NewServer(e.tap.wrap(e.sb.Handler()))
	t.Cleanup(func() { e.sbSrv.Close(); e.sb.Close() })
	e.fields = map[string]int64{
		"severity":         e.sb.AddTicketField("Severity", "text"),
		"affected_service": e.sb.AddTicketField("Affected service", "text"),
		"analysis_url":     e.sb.AddTicketField("Analysis URL", "text"),
	}
	if o.JSM {
		e.jsm = newJSMDesk(t, e.url, o.JSMWebhookTTL)
	}
	if o.Beta {
		b := &betaDesk{sb: sandbox.New(sandbox.Options{
			Clients:     []sandbox.OAuthClient{{ID: clientID, Secret: clientSecret, RedirectURIs: []string{e.url + "/oauth/callback"}, Kind: "confidential"}},
			AutoApprove: true, RetryDelay: 50 * time.Millisecond, RateLimit: 100000, AccountID: 22154499,
		})}
		b.srv = httptest.NewServer(b.sb.Handler())
		t.Cleanup(func() { b.srv.Close(); b.sb.Close() })
		b.fields = map[string]int64{
			"severity":         b.sb.AddTicketField("Severity", "text"),
			"affected_service": b.sb.AddTicketField("Affected service", "text"),
		}
		e.beta = b
	}
	if o.LogBlock == "" {
		at := o.LogsAt
		if at.IsZero() {
			at = time.Now().UTC()
		}
		gwtest.WriteLogs(t, filepath.Join(e.dir, "logs"), at)
	}
	e.writeConfig()
	t.Cleanup(e.stopAll)
	for i := range e.replicas {
		e.startReplica(i)
	}
	return e
}

func (e *env) writeConfig() {
	e.t.Helper()
	plugin := testbin.Path(e.t, "deskgate-plugin-zendesk")
	storeBlock := e.opts.StoreBlock
	if storeBlock == "" {
		storeBlock = `store "sqlite" { path = "./data/deskgate.db" }`
	}
	logBlock := e.opts.LogBlock
	if logBlock == "" {
		logBlock = `log_source "file" "app" {
    paths  = ["./logs/*.jsonl"]
    format = "jsonl"
  }`
	}
	visibility := ""
	if e.opts.Visibility != "" {
		visibility = fmt.Sprintf("visibility_timeout = %q", e.opts.Visibility)
	}
	visibility += "\n  " + e.opts.GatewayExtra
	cfg := fmt.Sprintf(`
gateway {
  listen      = "LISTEN"
  public_url  = %q
  data_dir    = "./data"
  plugin_dir  = %q
  admin_token = env("DESKGATE_ADMIN_TOKEN")
  workers     = %d
  shutdown_timeout = "5s"
  %s
}
%s
project "checkout" {
  services = ["checkout-api", "payments", "auth", "search"]
  service "checkout-api" {
    aliases = ["checkout", "cart"]
    core    = true
  }
  service "payments" {
    aliases = ["payment", "card"]
    core    = true
  }
  %s
}
platform "zendesk" {
  plugin        = %q
  plugin_sha256 = %q
  client_id     = %q
  client_secret = env("E2E_CLIENT_SECRET")
}
`, e.url, filepath.Dir(plugin), e.opts.Workers, visibility, storeBlock, logBlock, filepath.Base(plugin), gwtest.FileSHA256(e.t, plugin), clientID)
	binding := fmt.Sprintf(`
binding "zendesk" "acme" {
  project                = "checkout"
  subdomain              = "acme"
  api_url                = %q
  posting_mode           = %q
  auto_analyze_threshold = %q
  default_time_buffer    = 2
  rate_limit_per_minute  = 100000
  custom_fields {
    severity         = %d
    affected_service = %d
    analysis_url     = %d
  }
}
`, e.sbSrv.URL, e.opts.PostingMode, e.opts.Threshold, e.fields["severity"], e.fields["affected_service"], e.fields["analysis_url"])
	if e.jsm != nil {
		cfg += e.jsm.platformBlock(e.t)
	}
	for _, r := range e.replicas {
		must(e.t, os.WriteFile(r.Config, []byte(strings.Replace(cfg, "LISTEN", r.Addr, 1)), 0o600))
	}
	e.cfgPath = e.replicas[0].Config
	must(e.t, os.MkdirAll(filepath.Join(e.dir, "bindings"), 0o755))
	must(e.t, os.WriteFile(filepath.Join(e.dir, "bindings", "acme.hcl"), []byte(binding), 0o600))
	if e.jsm != nil {
		must(e.t, os.WriteFile(filepath.Join(e.dir, "bindings", "support.hcl"), []byte(e.jsm.bindingBlock(e.opts)), 0o600))
	}
	if b := e.beta; b != nil {
		beta := fmt.Sprintf(`
binding "zendesk" "beta" {
  project                = "checkout"
  subdomain              = "beta"
  api_url                = %q
  posting_mode           = "internal"
  auto_analyze_threshold = "disabled"
  rate_limit_per_minute  = 100000
  custom_fields {
    severity         = %d
    affected_service = %d
  }
}
`, b.srv.URL, b.fields["severity"], b.fields["affected_service"])
		must(e.t, os.WriteFile(filepath.Join(e.dir, "bindings", "beta.hcl"), []byte(beta), 0o600))
	}
}

// start (re)starts the primary gateway.
func (e *env) start() { e.startReplica(0) }

// startReplica runs replica i and waits until it answers /healthz.
func (e *env) startReplica(i int) { e.replicas[i].Start(e.t) }

// kill SIGKILLs the primary gateway and its plugin.
func (e *env) kill() { e.killReplica(0) }

// killReplica SIGKILLs replica i and its plugin.
func (e *env) killReplica(i int) { e.replicas[i].Kill() }

// stopAll ends every gateway gracefully, or kills it after a while.
func (e *env) stopAll() {
	for _, r := range e.replicas {
		r.Stop(e.t)
	}
}

// gatewayPid is the running primary deskgate's pid.
func (e *env) gatewayPid() int { return e.replicas[0].Pid() }

var noRedirect = &http.Client{
	Timeout:       30 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// browser is a client that keeps cookies and does not follow redirects: one
// browser walks a whole connect flow, since the cookie /connect sets binds
// the flow to it and the callback refuses a browser without it.
func (e *env) browser() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: noRedirect.Timeout, CheckRedirect: noRedirect.CheckRedirect}
}

// connect walks the OAuth flow: /connect → sandbox authorize → callback.
func (e *env) connect() {
	e.t.Helper()
	e.connectBinding("acme", e.sbSrv.URL)
}

// slowSearchTickets creates n low-key tickets in the sandbox. Created
// before the binding is connected (no trigger yet), they make the sandbox
// deliver nothing itself, so every delivery is the test's own.
func (e *env) slowSearchTickets(n int) []int64 {
	e.t.Helper()
	ids := make([]int64, n)
	for i := range ids {
		id, err := e.sb.CreateTicket(sandbox.TicketInput{Subject: fmt.Sprintf("Search results are slow #%d", i),
			Description: "search takes a few seconds for me", Priority: "normal"})
		must(e.t, err)
		ids[i] = id
	}
	return ids
}

// connectOnAllReplicas connects zendesk/acme through the first replica and
// waits until every other replica sees the binding active.
func (e *env) connectOnAllReplicas() {
	e.t.Helper()
	e.connect()
	for _, r := range e.replicas[1:] {
		waitUntil(e.t, 10*time.Second, "replicas to see the binding", func() bool {
			var out struct{ Bindings []struct{ Status string } }
			code := apiAt(e.t, r.URL, "/api/bindings", &out)
			return code == 200 && len(out.Bindings) == 1 && out.Bindings[0].Status == "active"
		})
	}
}

// connectBinding connects zendesk/name, whose desk answers at sbURL, in one
// browser (see browser).
func (e *env) connectBinding(name, sbURL string) {
	e.t.Helper()
	browser := e.browser()
	req, _ := http.NewRequest("GET", e.url+"/connect/zendesk/"+name, nil)
	req.Header.Set("Authorization", "Bearer "+adminToken)
	resp := do(e.t, browser, req)
	if resp.StatusCode != http.StatusFound {
		e.t.Fatalf("/connect answered %d, want 302", resp.StatusCode)
	}
	authorize := resp.Header.Get("Location")
	if !strings.HasPrefix(authorize, sbURL+"/oauth/authorizations/new?") {
		e.t.Fatalf("/connect redirects to %q, want the sandbox's authorize URL", authorize)
	}
	u, _ := url.Parse(authorize)
	if u.Query().Get("code_challenge_method") != "S256" || u.Query().Get("code_challenge") == "" {
		e.t.Fatalf("authorize URL has no PKCE S256 challenge: %s", authorize)
	}
	resp = get(e.t, browser, authorize)
	callback := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusFound || !strings.HasPrefix(callback, e.url+"/oauth/callback?") {
		e.t.Fatalf("sandbox authorize answered %d → %q", resp.StatusCode, callback)
	}
	resp = get(e.t, browser, callback)
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/bindings/zendesk/"+name {
		body, _ := io.ReadAll(resp.Body)
		e.t.Fatalf("callback answered %d → %q: %s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	if st := e.statusOf("zendesk", name); st != "active" {
		e.t.Fatalf("after connect the binding %s is %q, want active", name, st)
	}
}

func do(t *testing.T, c *http.Client, req *http.Request) *http.Response {
	t.Helper()
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func get(t *testing.T, c *http.Client, u string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	return do(t, c, req)
}

// api calls the admin API and decodes its JSON answer.
func (e *env) api(method, path string, out any) int {
	e.t.Helper()
	req, _ := http.NewRequest(method, e.url+path, nil)
	req.Header.Set("Authorization", "Bearer "+adminToken)
	resp := do(e.t, http.DefaultClient, req)
	body, _ := io.ReadAll(resp.Body)
	if out != nil && resp.StatusCode/100 == 2 {
		if err := json.Unmarshal(body, out); err != nil {
			e.t.Fatalf("%s %s: %v: %s", method, path, err, body)
		}
	}
	return resp.StatusCode
}

func (e *env) bindingStatus() string { return e.statusOf("zendesk", "acme") }

// statusOf is platform/name's status in /api/bindings ("" if not listed).
func (e *env) statusOf(platform, name string) string {
	var out struct {
		Bindings []struct{ Platform, Name, Status string }
	}
	if code := e.api("GET", "/api/bindings", &out); code != 200 {
		e.t.Fatalf("/api/bindings answered %d", code)
	}
	for _, b := range out.Bindings {
		if b.Platform == platform && b.Name == name {
			return b.Status
		}
	}
	return ""
}

type auditEntry struct {
	Action, Outcome, TicketID, Message, ErrorKind string
}

func (e *env) audit(ticket int64) []auditEntry {
	var out struct{ Entries []auditEntry }
	e.api("GET", "/api/audit?limit=1000&ticket="+strconv.FormatInt(ticket, 10), &out)
	return out.Entries
}

func (e *env) hasAudit(ticket int64, action string) bool {
	for _, a := range e.audit(ticket) {
		if a.Action == action && a.Outcome == "ok" {
			return true
		}
	}
	return false
}

func (e *env) queueStats() map[string]int {
	var out struct{ Stats map[string]int }
	e.api("GET", "/api/jobs", &out)
	return out.Stats
}

// createTicket creates a ticket in the sandbox (its trigger delivers it).
func (e *env) createTicket(subject, description, priority string) int64 {
	e.t.Helper()
	return e.createTicketAt(subject, description, priority, time.Time{})
}

// createTicketAt creates a ticket whose created_at is at (zero: now).
func (e *env) createTicketAt(subject, description, priority string, at time.Time) int64 {
	e.t.Helper()
	id, err := e.sb.CreateTicket(sandbox.TicketInput{Subject: subject, Description: description, Priority: priority,
		RequesterName: "Dana Requester", RequesterEmail: "dana@example.com", CreatedAt: at})
	must(e.t, err)
	return id
}

// notes splits a ticket's comments into internal notes and public replies
// posted by the gateway (the ticket's own first comment is public and is
// not counted).
func (e *env) notes(ticket int64) (internal, public []sandbox.Comment) {
	for i, c := range e.sb.Comments(ticket) {
		if i == 0 {
			continue
		}
		if c.Public {
			public = append(public, c)
		} else {
			internal = append(internal, c)
		}
	}
	return
}

func (e *env) secret() string {
	e.t.Helper()
	whs := e.sb.Webhooks()
	if len(whs) != 1 {
		e.t.Fatalf("sandbox has %d webhooks, want 1", len(whs))
	}
	return whs[0].SigningSecret
}

// deliver posts a delivery for ticket signed with secret at ts, as the desk
// would, with the given invocation id.
func (e *env) deliver(secret string, ts time.Time, invocation string, body []byte) int {
	e.t.Helper()
	code, err := e.deliverTo(e.url, secret, ts, invocation, body)
	if err != nil {
		e.t.Fatal(err)
	}
	return code
}

// deliverTo posts a signed delivery to the gateway at base.
func (e *env) deliverTo(base, secret string, ts time.Time, invocation string, body []byte) (int, error) {
	d := gwtest.Delivery{Secret: secret, Timestamp: ts, Invocation: invocation, AccountID: e.sb.AccountID(), Body: body}
	if whs := e.sb.Webhooks(); len(whs) > 0 {
		d.WebhookID = whs[0].ID
	}
	return gwtest.Deliver(base, d)
}

func contextFor(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// tap watches the requests the plugin makes to the sandbox: the last bearer
// token (the gateway never reveals it) and ticket reads in flight.
var (
	must       = gwtest.Must
	waitUntil  = gwtest.WaitUntil
	ticketBody = gwtest.TicketBody
)

type tap struct {
	mu        sync.Mutex
	lastToken string
	reading   int
	updates   int // PUTs to /api/v2/tickets/ (ticket updates)
	// faultUpdate, when set, is asked for each ticket update and may have
	// the sandbox fail it (through the sandbox's own fault injection).
	faultUpdate func(r *http.Request)
}

func (tp *tap) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		read := r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/api/v2/tickets/")
		tp.mu.Lock()
		if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok && strings.HasPrefix(r.URL.Path, "/api/v2/") {
			tp.lastToken = tok
		}
		if read {
			tp.reading++
		}
		update := r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/api/v2/tickets/")
		if update {
			tp.updates++
		}
		fault := tp.faultUpdate
		tp.mu.Unlock()
		if update && fault != nil {
			fault(r)
		}
		defer func() {
			if read {
				tp.mu.Lock()
				tp.reading--
				tp.mu.Unlock()
			}
		}()
		h.ServeHTTP(w, r)
	})
}

func (tp *tap) token() string {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	return tp.lastToken
}

func (tp *tap) setFaultUpdate(f func(r *http.Request)) {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	tp.faultUpdate = f
}

func (tp *tap) ticketUpdates() int {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	return tp.updates
}

func (tp *tap) readsInFlight() int {
	tp.mu.Lock()
	defer tp.mu.Unlock()
	return tp.reading
}

// metric reads one sample from the primary gateway's /metrics.
func (e *env) metric(series string) float64 {
	e.t.Helper()
	resp := get(e.t, http.DefaultClient, e.url+"/metrics")
	body, _ := io.ReadAll(resp.Body)
	for _, line := range strings.Split(string(body), "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				e.t.Fatalf("metric %s: %v", series, err)
			}
			return f
		}
	}
	return 0
}
