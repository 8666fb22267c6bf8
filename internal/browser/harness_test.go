package browser

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/testbin"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

// Adapted from internal/e2e's harness: a sandbox Zendesk in this process, a
// deskgate process over a temp config dir.

const (
	adminToken   = "browser-admin-token-5c4b3a"
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

	mu   sync.Mutex
	cmd  *exec.Cmd
	logs *lockedBuffer
	done chan struct{}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{t: t, dir: t.TempDir(), addr: freeAddr(t)}
	e.url = "http://" + e.addr
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
	writeLogs(t, filepath.Join(e.dir, "logs"), time.Now().UTC())
	e.writeConfig()
	e.start()
	t.Cleanup(e.stop)
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
  client_id     = %q
  client_secret = env("BROWSER_CLIENT_SECRET")
}
`, e.addr, e.url, filepath.Dir(plugin), filepath.Base(plugin), clientID)
	binding := fmt.Sprintf(bindingFile, e.sbURL,
		e.sb.AddTicketField("Severity", "text"), e.sb.AddTicketField("Affected service", "text"), e.sb.AddTicketField("Analysis URL", "text"))
	e.cfgPath = filepath.Join(e.dir, "deskgate.hcl")
	must(e.t, os.WriteFile(e.cfgPath, []byte(cfg), 0o600))
	must(e.t, os.MkdirAll(filepath.Join(e.dir, "bindings"), 0o755))
	must(e.t, os.WriteFile(e.bindingPath(), []byte(binding), 0o600))
}

func (e *env) bindingPath() string { return filepath.Join(e.dir, "bindings", "acme.hcl") }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// start runs `deskgate serve` and waits until it answers /healthz.
func (e *env) start() {
	e.t.Helper()
	bin := testbin.Path(e.t, "deskgate")
	cmd := exec.Command(bin, "serve", "-config", e.cfgPath, "-log-level", "debug")
	cmd.Env = append(os.Environ(), "DESKGATE_ADMIN_TOKEN="+adminToken, "BROWSER_CLIENT_SECRET="+clientSecret)
	e.logs = &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = e.logs, e.logs
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	must(e.t, cmd.Start())
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	e.mu.Lock()
	e.cmd, e.done = cmd, done
	e.mu.Unlock()
	waitUntil(e.t, 30*time.Second, "the gateway to answer /healthz", func() bool {
		select {
		case <-done:
			e.t.Fatalf("deskgate exited early:\n%s", e.logs.String())
		default:
		}
		resp, err := http.Get(e.url + "/healthz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	})
}

// stop ends the gateway gracefully, or kills its process group after a while.
func (e *env) stop() {
	e.mu.Lock()
	cmd, done := e.cmd, e.done
	e.mu.Unlock()
	if cmd == nil {
		return
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
	if e.t.Failed() {
		e.t.Logf("deskgate log:\n%s", tail(e.logs.String(), 120))
	}
}

func tail(s string, lines int) string {
	ls := strings.Split(s, "\n")
	if len(ls) > lines {
		ls = ls[len(ls)-lines:]
	}
	return strings.Join(ls, "\n")
}

// waitUntil polls cond until it holds or the deadline passes.
func waitUntil(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		<-tick.C
	}
}

// writeLogs writes two hours of jsonl logs ending at end: quiet traffic for
// every service and an error spike of checkout-api in the last 20 minutes.
func writeLogs(t *testing.T, dir string, end time.Time) {
	t.Helper()
	must(t, os.MkdirAll(dir, 0o755))
	var b strings.Builder
	services := []string{"checkout-api", "payments", "auth", "search"}
	i := 0
	for ts := end.Add(-2 * time.Hour); ts.Before(end.Add(10 * time.Minute)); ts = ts.Add(2 * time.Second) {
		svc := services[i%len(services)]
		i++
		level, status, msg := "info", 200, "request served path=/api/v1/items"
		spike := svc == "checkout-api" && ts.After(end.Add(-20*time.Minute))
		if spike {
			level, status, msg = "error", 502, fmt.Sprintf("upstream payment gateway timeout after 30000ms order=%d", 100000+i)
		}
		fmt.Fprintf(&b, `{"time":%q,"level":%q,"service":%q,"status":%d,"msg":%q}`+"\n", ts.Format(time.RFC3339Nano), level, svc, status, msg)
		if spike {
			for k := 0; k < 3; k++ {
				fmt.Fprintf(&b, `{"time":%q,"level":"error","service":"checkout-api","status":500,"msg":"POST /checkout/pay failed: connection refused to 10.0.3.%d:5432"}`+"\n",
					ts.Add(time.Duration(k)*100*time.Millisecond).Format(time.RFC3339Nano), k)
			}
		}
	}
	must(t, os.WriteFile(filepath.Join(dir, "app.jsonl"), []byte(b.String()), 0o644))
}

// deliver posts a webhook delivery for ticket id, signed with the
// installed webhook's secret as the desk would sign it.
func (e *env) deliver(ticket int64, invocation string) int {
	e.t.Helper()
	whs := e.sb.Webhooks()
	if len(whs) != 1 {
		e.t.Fatalf("sandbox has %d webhooks, want 1", len(whs))
	}
	body := []byte(fmt.Sprintf(`{"ticket_id":"%d"}`, ticket))
	stamp := time.Now().UTC().Format("2006-01-02T15:04:05Z")
	m := hmac.New(sha256.New, []byte(whs[0].SigningSecret))
	m.Write([]byte(stamp))
	m.Write(body)
	req, _ := http.NewRequest("POST", e.url+"/hooks/zendesk/acme", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Zendesk-Webhook-Signature", base64.StdEncoding.EncodeToString(m.Sum(nil)))
	req.Header.Set("X-Zendesk-Webhook-Signature-Timestamp", stamp)
	req.Header.Set("X-Zendesk-Webhook-Invocation-Id", invocation)
	req.Header.Set("X-Zendesk-Webhook-Id", whs[0].ID)
	req.Header.Set("X-Zendesk-Account-Id", strconv.FormatInt(e.sb.AccountID(), 10))
	resp, err := http.DefaultClient.Do(req)
	must(e.t, err)
	resp.Body.Close()
	return resp.StatusCode
}
