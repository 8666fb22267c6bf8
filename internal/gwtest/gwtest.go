// Package gwtest is the harness the end-to-end and browser tests share: a
// real `deskgate serve` process over a temp config, signed desk deliveries,
// generated logs, and polling helpers. It is imported by tests only.
package gwtest

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
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
)

// Must fails the test on err.
func Must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// FreeAddr is a free loopback host:port.
func FreeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// WaitUntil polls cond until it holds, failing the test after timeout.
func WaitUntil(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		<-tick.C
	}
}

// Tail is the last n lines of s.
func Tail(s string, n int) string {
	ls := strings.Split(s, "\n")
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	return strings.Join(ls, "\n")
}

// LockedBuffer collects a process's output for several goroutines.
type LockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *LockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *LockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Gateway is one `deskgate serve` process.
type Gateway struct {
	Addr, URL string
	Config    string   // the -config file
	Env       []string // added to the process environment
	Logs      *LockedBuffer

	mu   sync.Mutex
	cmd  *exec.Cmd
	done chan struct{}
}

// NewGateway prepares a gateway on a free port; Start runs it.
func NewGateway(t testing.TB, config string, env ...string) *Gateway {
	addr := FreeAddr(t)
	return &Gateway{Addr: addr, URL: "http://" + addr, Config: config, Env: env, Logs: &LockedBuffer{}}
}

// Start runs the real deskgate binary (with debug logging, in its own
// process group so Kill takes its plugin too) and waits for /healthz.
func (g *Gateway) Start(t testing.TB) {
	t.Helper()
	cmd := exec.Command(testbin.Path(t, "deskgate"), "serve", "-config", g.Config, "-log-level", "debug")
	cmd.Env = append(os.Environ(), g.Env...)
	cmd.Stdout, cmd.Stderr = g.Logs, g.Logs
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	Must(t, cmd.Start())
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	g.mu.Lock()
	g.cmd, g.done = cmd, done
	g.mu.Unlock()
	WaitUntil(t, 30*time.Second, "the gateway to answer /healthz", func() bool {
		select {
		case <-done:
			t.Fatalf("deskgate exited early:\n%s", g.Logs.String())
		default:
		}
		resp, err := http.Get(g.URL + "/healthz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == http.StatusOK
	})
}

// Pid is the running process's pid.
func (g *Gateway) Pid() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.cmd.Process.Pid
}

// Kill SIGKILLs the gateway and its plugin (its whole process group).
func (g *Gateway) Kill() {
	g.mu.Lock()
	cmd, done := g.cmd, g.done
	g.mu.Unlock()
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	<-done
}

// Stop ends the gateway gracefully, or kills it after a while, and logs the
// tail of its output when the test failed.
func (g *Gateway) Stop(t testing.TB) {
	g.mu.Lock()
	cmd, done := g.cmd, g.done
	g.mu.Unlock()
	if cmd == nil {
		return
	}
	select {
	case <-done:
	default:
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
	}
	if t.Failed() {
		t.Logf("deskgate %s log:\n%s", g.Addr, Tail(g.Logs.String(), 150))
	}
}

// Delivery is a webhook delivery as Zendesk sends it.
type Delivery struct {
	Secret     string // the webhook's signing secret
	Timestamp  time.Time
	Invocation string
	WebhookID  string
	AccountID  int64
	Body       []byte
	Binding    string // the zendesk binding's name; "" = acme
}

// TicketBody is the body the Zendesk plugin's trigger sends.
func TicketBody(id int64) []byte { return []byte(fmt.Sprintf(`{"ticket_id":"%d"}`, id)) }

// Deliver posts d to base/hooks/zendesk/{d.Binding, default acme}, signed
// as Zendesk signs it.
func Deliver(base string, d Delivery) (int, error) {
	stamp := d.Timestamp.UTC().Format("2006-01-02T15:04:05Z")
	m := hmac.New(sha256.New, []byte(d.Secret))
	m.Write([]byte(stamp))
	m.Write(d.Body)
	binding := d.Binding
	if binding == "" {
		binding = "acme"
	}
	req, err := http.NewRequest(http.MethodPost, base+"/hooks/zendesk/"+binding, bytes.NewReader(d.Body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Zendesk-Webhook-Signature", base64.StdEncoding.EncodeToString(m.Sum(nil)))
	req.Header.Set("X-Zendesk-Webhook-Signature-Timestamp", stamp)
	req.Header.Set("X-Zendesk-Webhook-Invocation-Id", d.Invocation)
	if d.WebhookID != "" {
		req.Header.Set("X-Zendesk-Webhook-Id", d.WebhookID)
	}
	req.Header.Set("X-Zendesk-Account-Id", strconv.FormatInt(d.AccountID, 10))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, nil
}

// WriteLogs writes two hours of jsonl logs ending at end into dir/app.jsonl:
// quiet traffic for every service, and an error spike of checkout-api in the
// last 20 minutes.
func WriteLogs(t testing.TB, dir string, end time.Time) {
	t.Helper()
	Must(t, os.MkdirAll(dir, 0o755))
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
	Must(t, os.WriteFile(filepath.Join(dir, "app.jsonl"), []byte(b.String()), 0o644))
}

// FileSHA256 is the hex SHA-256 of a file: test configs pin the plugin, as
// in production, so the gateway runs its verified private copy.
func FileSHA256(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}
