package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/gwtest"
	"github.com/sigsentry/deskgate/internal/testbin"
	jsmsandbox "github.com/sigsentry/deskgate/plugins/jsm/sandbox"
)

const (
	jsmClientID     = "deskgate-e2e-3lo"
	jsmClientSecret = "e2e-3lo-secret-7c6b5a"
)

// jsmDesk is a Jira Service Management sandbox in this process, with a log
// of the paths the plugin called.
type jsmDesk struct {
	sb     *jsmsandbox.Sandbox
	srv    *httptest.Server
	fields map[string]string // severity, affected_service, analysis_url → customfield_…

	mu    sync.Mutex
	calls []string // "METHOD path"
}

func newJSMDesk(t *testing.T, gatewayURL string, webhookTTL time.Duration) *jsmDesk {
	t.Helper()
	d := &jsmDesk{sb: jsmsandbox.New(jsmsandbox.Options{
		Clients:    []jsmsandbox.OAuthClient{{ID: jsmClientID, Secret: jsmClientSecret, RedirectURIs: []string{gatewayURL + "/oauth/callback"}}},
		WebhookTTL: webhookTTL,
		RetryDelay: 50 * time.Millisecond,
	})}
	d.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d.mu.Lock()
		d.calls = append(d.calls, r.Method+" "+r.URL.Path)
		d.mu.Unlock()
		d.sb.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(func() { d.srv.Close(); d.sb.Close() })
	d.fields = map[string]string{}
	for key, f := range map[string]struct {
		name, typ string
		opts      []string
	}{
		"severity":         {"Severity", "select", []string{"Critical", "High", "Medium", "Low"}},
		"affected_service": {"Affected service", "text", nil},
		"analysis_url":     {"Analysis URL", "url", nil},
	} {
		id, err := d.sb.AddField(f.name, f.typ, f.opts...)
		must(t, err)
		d.fields[key] = id
	}
	return d
}

// platformBlock is the jsm platform; its plugin is in the plugin_dir the
// Zendesk plugin set (testbin builds or finds both in one folder).
func (d *jsmDesk) platformBlock(t *testing.T) string {
	plugin := testbin.Path(t, "deskgate-plugin-jsm")
	if filepath.Dir(plugin) != filepath.Dir(testbin.Path(t, "deskgate-plugin-zendesk")) {
		t.Fatalf("the two plugins are in different folders: %s", plugin)
	}
	return fmt.Sprintf(`
platform "jsm" {
  plugin        = %q
  plugin_sha256 = %q
  client_id     = %q
  client_secret = env("E2E_JSM_CLIENT_SECRET")
}
`, filepath.Base(plugin), gwtest.FileSHA256(t, plugin), jsmClientID)
}

func (d *jsmDesk) bindingBlock(o envOptions) string {
	return fmt.Sprintf(`
binding "jsm" "support" {
  project                = "checkout"
  site                   = "acme.atlassian.net"
  project_key            = "SUP"
  api_url                = %q
  posting_mode           = "internal"
  auto_analyze_threshold = %q
  rate_limit_per_minute  = 100000
  custom_fields {
    severity         = %q
    affected_service = %q
    analysis_url     = %q
  }
}
`, d.srv.URL, o.Threshold, d.fields["severity"], d.fields["affected_service"], d.fields["analysis_url"])
}

func (d *jsmDesk) called(call string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := 0
	for _, c := range d.calls {
		if c == call || strings.HasPrefix(c, call) {
			n++
		}
	}
	return n
}

// gatewayComments are the comments the gateway posted on a request.
func (d *jsmDesk) gatewayComments(t *testing.T, key string) (internal, public []jsmsandbox.Comment) {
	t.Helper()
	r, ok := d.sb.RequestByKey(key)
	if !ok {
		t.Fatalf("request %s not in the sandbox", key)
	}
	for _, c := range r.Comments {
		if c.Public {
			public = append(public, c)
		} else {
			internal = append(internal, c)
		}
	}
	return internal, public
}

// connectJSM walks the OAuth 2.0 (3LO) flow of jsm/support and checks the
// authorize URL the gateway built from the plugin's Describe.
func (e *env) connectJSM() {
	e.t.Helper()
	browser := e.browser()
	req, _ := http.NewRequest("GET", e.url+"/connect/jsm/support", nil)
	req.Header.Set("Authorization", "Bearer "+adminToken)
	resp := do(e.t, browser, req)
	authorize := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusFound || !strings.HasPrefix(authorize, e.jsm.srv.URL+"/authorize?") {
		e.t.Fatalf("/connect/jsm/support answered %d → %q, want 302 to the sandbox's /authorize", resp.StatusCode, authorize)
	}
	u, _ := url.Parse(authorize)
	q := u.Query()
	if q.Get("audience") != jsmsandbox.Audience || q.Get("prompt") != "consent" {
		e.t.Errorf("authorize URL lacks audience/prompt: %s", authorize)
	}
	if q.Get("code_challenge") != "" || q.Get("code_challenge_method") != "" {
		e.t.Errorf("authorize URL carries PKCE, which 3LO does not use: %s", authorize)
	}
	if !strings.Contains(" "+q.Get("scope")+" ", " offline_access ") || q.Get("client_id") != jsmClientID {
		e.t.Errorf("authorize URL scope %q client_id %q", q.Get("scope"), q.Get("client_id"))
	}
	resp = get(e.t, browser, authorize)
	callback := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusFound || !strings.HasPrefix(callback, e.url+"/oauth/callback?") {
		e.t.Fatalf("sandbox authorize answered %d → %q", resp.StatusCode, callback)
	}
	resp = get(e.t, browser, callback)
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/bindings/jsm/support" {
		body, _ := io.ReadAll(resp.Body)
		e.t.Fatalf("callback answered %d → %q: %s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	if st := e.statusOf("jsm", "support"); st != "active" {
		e.t.Fatalf("after connect jsm/support is %q, want active", st)
	}
}

// bindingAudit is the audit log of one binding, newest first.
func (e *env) bindingAudit(binding string) []auditEntry {
	var out struct{ Entries []auditEntry }
	e.api("GET", "/api/audit?limit=1000&binding="+url.QueryEscape(binding), &out)
	return out.Entries
}

func (e *env) jsmAudit(ticket string) []auditEntry {
	var out struct{ Entries []auditEntry }
	e.api("GET", "/api/audit?limit=1000&binding=jsm/support&ticket="+url.QueryEscape(ticket), &out)
	return out.Entries
}

func (e *env) jsmHasAudit(ticket, action string) bool {
	for _, a := range e.jsmAudit(ticket) {
		if a.Action == action && a.Outcome == "ok" {
			return true
		}
	}
	return false
}

// postJSM sends a delivery to the gateway's JSM route as Jira would, with
// the given Authorization header ("" for none).
func (e *env) postJSM(auth, identifier string, body []byte) int {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.jsmHookURL(), bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	req.Header.Set("X-Atlassian-Webhook-Identifier", identifier)
	resp := do(e.t, http.DefaultClient, req)
	return resp.StatusCode
}

func (e *env) jsmHookURL() string {
	return e.url + "/hooks/jsm/support?triggeredByUser=" + url.QueryEscape(jsmsandbox.AdminAccountID)
}

// TestEndToEnd_jiraServiceManagementBesideZendesk runs one gateway with a
// Zendesk and a JSM binding on the same project, over the real binaries.
func TestEndToEnd_jiraServiceManagementBesideZendesk(t *testing.T) {
	const ttl = 90 * time.Second
	e := newEnv(t, envOptions{JSM: true, JSMWebhookTTL: ttl})
	j := e.jsm

	// Connect: authorize parameters, the code exchange, accessible-resources
	// and one webhook for new requests of the project.
	e.connectJSM()
	connectedAt := time.Now()
	if n := j.called("POST /oauth/token"); n != 1 {
		t.Errorf("token endpoint called %d times at connect, want 1 (the code exchange)", n)
	}
	if j.called("GET /oauth/token/accessible-resources") == 0 {
		t.Error("the plugin never read accessible-resources to find the cloud id")
	}
	whs := j.sb.Webhooks()
	if len(whs) != 1 || whs[0].URL != e.url+"/hooks/jsm/support" || whs[0].JQL != "project = SUP" ||
		len(whs[0].Events) != 1 || whs[0].Events[0] != "jira:issue_created" {
		t.Fatalf("webhooks after connect = %+v, want one for jira:issue_created with JQL project = SUP", whs)
	}
	firstExpiry := whs[0].Expires
	var views struct {
		Bindings []struct {
			Platform    string
			DisplayName string `json:"display_name"`
		}
	}
	e.api("GET", "/api/bindings", &views)
	for _, v := range views.Bindings {
		if v.Platform == "jsm" && v.DisplayName != "Jira Service Management" {
			t.Errorf("jsm binding shown as %q, want Jira Service Management", v.DisplayName)
		}
	}

	// The Zendesk binding on the same project works through the same gateway.
	e.connect()
	zdTicket := e.createTicket(severeSubject, severeBody, "urgent")

	// An outage request: internal triage note, severity select and affected
	// service set, then the analysis note and analysis_url.
	j.sb.DuplicateNext(1) // Jira's own redelivery, same identifier
	key, err := j.sb.CreateRequest(jsmsandbox.RequestInput{Summary: severeSubject, Description: severeBody,
		Priority: "Highest", ReporterName: "Dana Requester", ReporterEmail: "dana@example.com"})
	must(t, err)
	waitUntil(t, 60*time.Second, "the JSM request's triage, fields and analysis", func() bool {
		return e.jsmHasAudit(key, "fields.analysis_url")
	})
	internal, public := j.gatewayComments(t, key)
	if len(internal) != 2 || len(public) != 0 {
		t.Fatalf("request %s: %d internal and %d public gateway comments, want 2 and 0 (the duplicate delivery posted nothing)", key, len(internal), len(public))
	}
	if !strings.Contains(internal[0].Body, "critical") || !strings.Contains(internal[0].Body, "checkout-api") {
		t.Errorf("triage comment does not say critical/checkout-api:\n%s", internal[0].Body)
	}
	r, _ := j.sb.RequestByKey(key)
	if sev, _ := r.Fields[j.fields["severity"]].(string); !strings.EqualFold(sev, "critical") {
		t.Errorf("severity select = %v, want the Critical option", r.Fields[j.fields["severity"]])
	}
	if svc := r.Fields[j.fields["affected_service"]]; svc != "checkout-api" {
		t.Errorf("affected service = %v, want checkout-api", svc)
	}
	link, _ := r.Fields[j.fields["analysis_url"]].(string)
	if !strings.HasPrefix(link, e.url+"/analyses/") || !strings.Contains(internal[1].Body, "deskgate log analysis: critical") {
		t.Errorf("analysis_url = %q, analysis comment:\n%s", link, internal[1].Body)
	}
	if resp := get(t, http.DefaultClient, link); resp.StatusCode != 200 {
		t.Errorf("GET %s answered %d", link, resp.StatusCode)
	}
	waitUntil(t, 60*time.Second, "the Zendesk ticket's analysis on the same gateway", func() bool {
		return e.hasAudit(zdTicket, "fields.analysis_url")
	})

	// Deliveries with a bad, expired or missing JWT are refused and queue
	// nothing; the same delivery correctly signed is a known duplicate.
	ident := j.sb.Deliveries()[0].Identifier
	body := []byte(fmt.Sprintf(`{"timestamp":%d,"webhookEvent":"jira:issue_created","issue":{"id":"%d","key":%q,"fields":{"summary":"x","project":{"key":"SUP"}}},"matchedWebhookIds":[%d]}`,
		time.Now().UnixMilli(), r.ID, key, whs[0].ID))
	cloudID := j.sb.Sites()[0].CloudID
	sign := func(secret string, at time.Time) string {
		tok, err := jsmsandbox.SignDelivery(secret, cloudID, http.MethodPost, e.jsmHookURL(), at)
		must(t, err)
		return "Bearer " + tok
	}
	before := len(e.bindingAudit("jsm/support"))
	refusedBefore := e.metric(`deskgate_ingress_refused_total{reason="bad_signature"}`)
	if before >= 1000 {
		t.Fatalf("audit has %d entries for jsm/support, more than one page", before)
	}
	for _, c := range []struct{ name, auth string }{
		{"a JWT signed with another secret", sign("not-the-client-secret", time.Now())},
		{"an expired JWT", sign(jsmClientSecret, time.Now().Add(-time.Hour))},
		{"no JWT", ""},
		{"a JWT with alg none", "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJleHAiOjk5OTk5OTk5OTl9."},
	} {
		if code := e.postJSM(c.auth, "forged-"+c.name, body); code != http.StatusUnauthorized {
			t.Errorf("%s answered %d, want 401", c.name, code)
		}
	}
	if code := e.postJSM(sign(jsmClientSecret, time.Now()), ident, body); code != http.StatusOK {
		t.Errorf("a correctly signed redelivery answered %d, want 200 (known duplicate)", code)
	}
	rejected := 0
	after := e.bindingAudit("jsm/support")
	for _, a := range after[:len(after)-before] {
		if a.Action == "webhook.rejected" {
			rejected++
		}
	}
	// Refusals are counted one by one and audited rolled up: at most one
	// entry per binding and reason a minute (the rest are in its count).
	if rejected != 1 {
		t.Errorf("%d webhook.rejected audit entries for 4 forged deliveries in a minute, want 1", rejected)
	}
	if n := e.metric(`deskgate_ingress_refused_total{reason="bad_signature"}`) - refusedBefore; n != 4 {
		t.Errorf("bad_signature refusals counted %v, want 4", n)
	}
	if st := e.queueStats(); st["Ready"]+st["Delayed"]+st["Leased"] != 0 {
		t.Errorf("queue after the refused and duplicate deliveries = %v, want empty", st)
	}
	if in, _ := j.gatewayComments(t, key); len(in) != 2 {
		t.Errorf("request %s has %d gateway comments after the refused deliveries, want 2", key, len(in))
	}

	// Two 429s on the comment are absorbed: the note arrives once.
	j.sb.InjectFaults(http.MethodPost, "/rest/servicedeskapi/request/", 2, jsmsandbox.Fault429)
	low, err := j.sb.CreateRequest(jsmsandbox.RequestInput{Summary: lowSubject, Description: lowBody, Priority: "Low", ReporterName: "Lee"})
	must(t, err)
	waitUntil(t, 60*time.Second, "the low request's note after two 429s", func() bool { return e.jsmHasAudit(low, "fields.set") })
	if in, _ := j.gatewayComments(t, low); len(in) != 1 {
		t.Errorf("request %s has %d internal notes after two 429s, want 1", low, len(in))
	}
	retries := 0
	for _, a := range e.jsmAudit(low) {
		if a.Action == "job.retry" && a.ErrorKind == "retryable" {
			retries++
		}
	}
	if retries != 2 {
		t.Errorf("%d retryable job.retry entries for %s, want 2", retries, low)
	}

	// Maintenance: the webhook (90 s here, MaintainAt halfway) is refreshed
	// before it lapses, and the refresh is audited.
	waitUntil(t, ttl, "the gateway to refresh the JSM webhook", func() bool {
		whs := j.sb.Webhooks()
		return len(whs) == 1 && whs[0].Expires.After(firstExpiry)
	})
	if time.Now().After(firstExpiry) || time.Since(connectedAt) > ttl {
		t.Errorf("webhook refreshed only after it lapsed (expiry %v)", firstExpiry)
	}
	// The audit entry follows the stored state, just after the refresh.
	waitUntil(t, 10*time.Second, "the install.maintain audit entry", func() bool {
		for _, a := range e.bindingAudit("jsm/support") {
			if a.Action == "install.maintain" && a.Outcome == "ok" && strings.Contains(a.Message, "next maintenance due") {
				return true
			}
		}
		return false
	})
	var doc struct {
		Checks []struct {
			Name, Detail string
			OK           bool
		}
	}
	if code := e.api("GET", "/api/bindings/jsm/support/doctor", &doc); code != 200 {
		t.Fatalf("doctor answered %d", code)
	}
	for _, c := range doc.Checks {
		if !c.OK {
			t.Errorf("doctor check %q failed: %s", c.Name, c.Detail)
		}
	}
	if resp := get(t, http.DefaultClient, e.url+"/readyz"); resp.StatusCode != 200 {
		b, _ := io.ReadAll(resp.Body)
		t.Errorf("/readyz answered %d: %s", resp.StatusCode, b)
	}

	// Disconnect deletes the webhook, marks the binding inactive and says
	// the grant stays until removed on Atlassian's side.
	var dis struct {
		Revoked    bool   `json:"revoked"`
		RevokeHelp string `json:"revoke_help"`
		Message    string `json:"message"`
	}
	req, _ := http.NewRequest("POST", e.url+"/api/bindings/jsm/support/disconnect", nil)
	req.Header.Set("Authorization", "Bearer "+adminToken)
	resp := do(t, http.DefaultClient, req)
	must(t, jsonDecode(resp.Body, &dis))
	if resp.StatusCode != 200 || dis.Revoked || dis.RevokeHelp == "" || strings.Contains(dis.Message, "token revoked") {
		t.Errorf("disconnect answered %d %+v, want 200, not revoked, with the desk's help", resp.StatusCode, dis)
	}
	if n := len(j.sb.Webhooks()); n != 0 {
		t.Errorf("%d webhooks left after disconnect, want 0", n)
	}
	if st := e.statusOf("jsm", "support"); st != "inactive" {
		t.Errorf("after disconnect jsm/support is %q, want inactive", st)
	}
	if st := e.statusOf("zendesk", "acme"); st != "active" {
		t.Errorf("disconnecting jsm/support changed zendesk/acme to %q", st)
	}
	disconnectAudited := false
	for _, a := range e.bindingAudit("jsm/support") {
		disconnectAudited = disconnectAudited || (a.Action == "disconnect" && a.Outcome == "ok" && strings.Contains(a.Message, dis.RevokeHelp))
	}
	if !disconnectAudited {
		t.Error("the disconnect's audit entry does not carry the revoke help")
	}
}

func jsonDecode(r io.Reader, v any) error { return json.NewDecoder(r).Decode(v) }
