package browser

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/gwtest"
	"github.com/sigsentry/deskgate/internal/testbin"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

// A sandbox Zendesk in this process and a deskgate process (internal/gwtest)
// over a temp config dir.

const (
	adminToken   = "browser-admin-token-5c4b3a-0123456789abcdef"
	clientID     = "deskgate-browser"
	clientSecret = "browser-client-secret-7d6e5f"
)

type env struct {
	t       *testing.T
	sb      *sandbox.Sandbox
	sbSrv   *httptest.Server
	sbURL   string // the sandbox as the browser and plugin reach it
	dir     string
	cfgPath string
	addr    string
	url     string
	gw      *gwtest.Gateway
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{t: t, dir: t.TempDir()}
	e.gw = gwtest.NewGateway(t, filepath.Join(e.dir, "deskgate.hcl"),
		"DESKGATE_ADMIN_TOKEN="+adminToken, "BROWSER_CLIENT_SECRET="+clientSecret)
	e.addr, e.url = e.gw.Addr, e.gw.URL
	e.sb = sandbox.New(sandbox.Options{
		Clients:    []sandbox.OAuthClient{{ID: clientID, Secret: clientSecret, RedirectURIs: []string{e.url + "/oauth/callback"}, Kind: "confidential"}},
		RetryDelay: 50 * time.Millisecond,
		// No AutoApprove: the browser clicks Allow on the consent page.
	})
	e.sbSrv = httptest.NewServer(e.sb.Handler())
	t.Cleanup(func() { e.sbSrv.Close(); e.sb.Close() })
	// The browser reaches the sandbox as "localhost" and the gateway as
	// "127.0.0.1": two different sites, as a real desk and gateway are, so
	// the consent's redirect back is a cross-site navigation and the
	// SameSite=Strict cookie path is exercised.
	e.sbURL = strings.Replace(e.sbSrv.URL, "127.0.0.1", "localhost", 1)
	gwtest.WriteLogs(t, filepath.Join(e.dir, "logs"), time.Now().UTC())
	e.writeConfig()
	t.Cleanup(func() { e.gw.Stop(t) })
	e.gw.Start(t)
	return e
}

// bindingFile is the binding's HCL file with comments the Configure page
// must keep.
const bindingFile = `# The acme desk: written by hand, comments must survive the UI.
binding "zendesk" "acme" {
  # Which project's services and logs tickets are triaged against.
  project   = "checkout"
  subdomain = "acme"
  api_url   = %q # the sandbox

  # How the triage is posted.
  posting_mode           = "internal"
  auto_analyze_threshold = "high" # analyse high and critical tickets
  default_time_buffer    = 2

  custom_fields {
    severity         = %d # text field
    affected_service = %d
    analysis_url     = %d
  }
}
`

func (e *env) writeConfig() {
	e.t.Helper()
	plugin := testbin.Path(e.t, "deskgate-plugin-zendesk")
	cfg := fmt.Sprintf(`
gateway {
  listen      = %q
  public_url  = %q
  data_dir    = "./data"
  plugin_dir  = %q
  admin_token = env("DESKGATE_ADMIN_TOKEN")
  workers     = 2
  shutdown_timeout = "5s"
}
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
  log_source "file" "app" {
    paths  = ["./logs/*.jsonl"]
    format = "jsonl"
  }
}
platform "zendesk" {
  plugin        = %q
  plugin_sha256 = %q
  client_id     = %q
  client_secret = env("BROWSER_CLIENT_SECRET")
}
`, e.addr, e.url, filepath.Dir(plugin), filepath.Base(plugin), gwtest.FileSHA256(e.t, plugin), clientID)
	binding := fmt.Sprintf(bindingFile, e.sbURL,
		e.sb.AddTicketField("Severity", "text"), e.sb.AddTicketField("Affected service", "text"), e.sb.AddTicketField("Analysis URL", "text"))
	e.cfgPath = e.gw.Config
	must(e.t, os.WriteFile(e.cfgPath, []byte(cfg), 0o600))
	must(e.t, os.MkdirAll(filepath.Join(e.dir, "bindings"), 0o755))
	must(e.t, os.WriteFile(e.bindingPath(), []byte(binding), 0o600))
}

func (e *env) bindingPath() string { return filepath.Join(e.dir, "bindings", "acme.hcl") }

// deliver posts a webhook delivery for ticket id, signed with the
// installed webhook's secret as the desk would sign it.
func (e *env) deliver(ticket int64, invocation string) int {
	e.t.Helper()
	whs := e.sb.Webhooks()
	if len(whs) != 1 {
		e.t.Fatalf("sandbox has %d webhooks, want 1", len(whs))
	}
	code, err := gwtest.Deliver(e.url, gwtest.Delivery{Secret: whs[0].SigningSecret, Timestamp: time.Now(), Invocation: invocation,
		WebhookID: whs[0].ID, AccountID: e.sb.AccountID(), Body: gwtest.TicketBody(ticket)})
	must(e.t, err)
	return code
}

var (
	must      = gwtest.Must
	waitUntil = gwtest.WaitUntil
)
