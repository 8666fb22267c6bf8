package sdk_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/sigsentry/deskgate/sdk"
)

var (
	buildOnce  sync.Once
	pluginPath string
	buildErr   error
	buildDir   string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// fakePlugin builds the fake plugin binary once per test process. It is
// named like a real plugin so the host's log naming is exercised too.
func fakePlugin(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "sdk-fakeplugin-")
		if buildErr != nil {
			return
		}
		pluginPath = filepath.Join(buildDir, "deskgate-plugin-fake")
		cmd := exec.Command("go", "build", "-o", pluginPath, "github.com/sigsentry/deskgate/sdk/sdktest/internal/fakeplugin")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build fakeplugin: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return pluginPath
}

// logSink collects host log output and lets a test wait for a line.
type logSink struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	notify chan struct{}
}

func newLogSink() *logSink { return &logSink{notify: make(chan struct{}, 1)} }

func (s *logSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buf.Write(p)
	select {
	case s.notify <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (s *logSink) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// waitFor blocks until every one of substrs shows up on one line.
func (s *logSink) waitFor(t *testing.T, substrs ...string) string {
	t.Helper()
	deadline := time.After(15 * time.Second)
	for {
		for _, line := range strings.Split(s.String(), "\n") {
			all := true
			for _, sub := range substrs {
				all = all && strings.Contains(line, sub)
			}
			if all {
				return line
			}
		}
		select {
		case <-s.notify:
		case <-deadline:
			t.Fatalf("no log line with %q; got:\n%s", substrs, s.String())
		}
	}
}

func startPlugin(t *testing.T) (*sdk.Client, *logSink) {
	t.Helper()
	sink := newLogSink()
	log := hclog.New(&hclog.LoggerOptions{Name: "plugin.fake", Output: sink, Level: hclog.Debug})
	c, err := sdk.NewClient(context.Background(), sdk.ClientConfig{Path: fakePlugin(t), Logger: log})
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	t.Cleanup(c.Kill)
	return c, sink
}

func TestNewClient_negotiatesVersionOneAndServesDescribe(t *testing.T) {
	c, _ := startPlugin(t)
	ctx := context.Background()
	if v := c.NegotiatedVersion(); v != 1 {
		t.Errorf("NegotiatedVersion = %d, want 1", v)
	}
	if c.Pid() <= 0 {
		t.Errorf("Pid = %d, want a process id", c.Pid())
	}
	if err := c.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
	d, err := c.Platform().Describe(ctx, nil)
	if err != nil {
		t.Fatalf("Describe: %v", err)
	}
	if d.Name != "fake" || d.ProtocolVersion != sdk.ProtocolVersion || !d.PKCE || d.AuthorizeURL != "" {
		t.Errorf("Describe(nil) = %+v", d)
	}
	d, err = c.Platform().Describe(ctx, &sdk.Binding{Attributes: map[string]string{"api_url": "http://127.0.0.1:9"}})
	if err != nil {
		t.Fatalf("Describe(binding): %v", err)
	}
	if d.TokenURL != "http://127.0.0.1:9/oauth/token" {
		t.Errorf("Describe(binding).TokenURL = %q", d.TokenURL)
	}
}

func TestClient_forwardsPluginLogLinesThroughTheHostLogger(t *testing.T) {
	c, sink := startPlugin(t)
	if _, err := c.Platform().Describe(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	line := sink.waitFor(t, "plugin.fake:", "describe", "with_binding=false")
	t.Logf("forwarded: %s", line)
	if strings.Contains(line, "deskgate-plugin-fake") {
		t.Errorf("the binary name was added to the host logger's name: %q", line)
	}
	if !strings.Contains(line, "[DEBUG]") {
		t.Errorf("plugin debug line lost its level: %q", line)
	}
}

// The plugin starts with DESKGATE_PLUGIN_LOG_LEVEL at the host logger's
// level unless its environment sets it: go-plugin drops a plugin line below
// the level the host's logger had at the start, so the plugin need not
// format and pipe one. Without a logger (every line discarded) it is off.
func TestNewClient_pluginLogsNoFinerThanTheHostKeeps(t *testing.T) {
	for _, tc := range []struct {
		name  string
		level hclog.Level // NoLevel: no logger
		env   []string
		want  []string
	}{
		{"the host's level", hclog.Info, []string{}, []string{"DESKGATE_PLUGIN_LOG_LEVEL=info"}},
		{"no logger", hclog.NoLevel, []string{}, []string{"DESKGATE_PLUGIN_LOG_LEVEL=off"}},
		{"an explicit setting wins", hclog.Info, []string{"DESKGATE_PLUGIN_LOG_LEVEL=debug"}, []string{"DESKGATE_PLUGIN_LOG_LEVEL=debug"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := sdk.ClientConfig{Path: fakePlugin(t), Env: tc.env}
			if tc.level != hclog.NoLevel {
				cfg.Logger = hclog.New(&hclog.LoggerOptions{Name: "plugin.fake", Output: io.Discard, Level: tc.level})
			}
			c, err := sdk.NewClient(context.Background(), cfg)
			if err != nil {
				t.Fatalf("NewClient: %v", err)
			}
			t.Cleanup(c.Kill)
			environ, err := os.ReadFile(fmt.Sprintf("/proc/%d/environ", c.Pid()))
			if err != nil {
				t.Skipf("no /proc: %v", err)
			}
			var got []string
			for _, kv := range strings.Split(string(environ), "\x00") {
				if strings.HasPrefix(kv, "DESKGATE_PLUGIN_LOG_LEVEL=") {
					got = append(got, kv)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("plugin environment has %q, want %q", got, tc.want)
			}
		})
	}
}

func TestClient_errorKindsSurviveGRPC(t *testing.T) {
	c, _ := startPlugin(t)
	tests := []struct {
		ticket     string
		kind       sdk.ErrorKind
		retryAfter time.Duration
		field      string
		message    string
	}{
		{"err-retryable", sdk.KindRetryable, 1500 * time.Millisecond, "", "forced err-retryable"},
		{"err-auth_expired", sdk.KindAuthExpired, 0, "", "forced err-auth_expired"},
		{"err-not_found", sdk.KindNotFound, 0, "", "forced err-not_found"},
		{"err-rejected", sdk.KindRejected, 0, "", "forced err-rejected"},
		{"err-malformed", sdk.KindMalformed, 0, "", "forced err-malformed"},
		{"err-unsupported", sdk.KindUnsupported, 0, "", "forced err-unsupported"},
		{"err-permanent", sdk.KindPermanent, 0, "f1", "forced err-permanent"},
		{"plain", sdk.KindPermanent, 0, "", "plain failure from the fake plugin"},
		{"panic", sdk.KindPermanent, 0, "", "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.ticket, func(t *testing.T) {
			_, err := c.Platform().GetTicket(context.Background(), sdk.Credentials{}, tt.ticket)
			var e *sdk.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %T %v, want *sdk.Error", err, err)
			}
			if e.Kind != tt.kind || e.RetryAfter != tt.retryAfter || e.Field != tt.field || e.Message != tt.message {
				t.Errorf("got %+v, want kind %s retry-after %s field %q message %q", *e, tt.kind, tt.retryAfter, tt.field, tt.message)
			}
			if !strings.HasPrefix(err.Error(), "get ticket "+tt.ticket+": ") {
				t.Errorf("error %q does not say what was being done", err)
			}
		})
	}
}

func TestClient_pluginSurvivesAPanicInAMethod(t *testing.T) {
	c, sink := startPlugin(t)
	pid := c.Pid()
	if _, err := c.Platform().GetTicket(context.Background(), sdk.Credentials{}, "panic"); !sdk.IsKind(err, sdk.KindPermanent) {
		t.Fatalf("GetTicket(panic) = %v, want permanent", err)
	}
	if _, err := c.Platform().Describe(context.Background(), nil); err != nil {
		t.Fatalf("Describe after a panic: %v", err)
	}
	if c.Exited() || c.Pid() != pid {
		t.Errorf("plugin process changed: exited=%v pid %d→%d", c.Exited(), pid, c.Pid())
	}
	// go-plugin re-logs a JSON line's fields in map order and the stack
	// spans lines, so wait for the message and then look at the whole entry.
	sink.waitFor(t, "plugin method panicked")
	if logs := sink.String(); !strings.Contains(logs, "method=GetTicket") || !strings.Contains(logs, "fake plugin asked to panic") {
		t.Errorf("the panic log entry lacks the method or the panic value:\n%s", logs)
	}
}

func TestClient_killedPluginMidCallIsRetryableAndExited(t *testing.T) {
	c, sink := startPlugin(t)
	result := make(chan error, 1)
	go func() {
		_, err := c.Platform().GetTicket(context.Background(), sdk.Credentials{}, "block")
		result <- err
	}()
	sink.waitFor(t, "blocking in GetTicket")
	proc, err := os.FindProcess(c.Pid())
	if err != nil {
		t.Fatal(err)
	}
	if err := proc.Kill(); err != nil {
		t.Fatalf("kill plugin: %v", err)
	}
	select {
	case err := <-result:
		if !sdk.IsKind(err, sdk.KindRetryable) {
			t.Errorf("call on a killed plugin = %v (kind %s), want retryable", err, sdk.KindOf(err))
		}
	case <-time.After(15 * time.Second):
		t.Fatal("call on a killed plugin did not return")
	}
	poll := time.NewTicker(10 * time.Millisecond)
	defer poll.Stop()
	deadline := time.After(15 * time.Second)
	for !c.Exited() {
		select {
		case <-poll.C:
		case <-deadline:
			t.Fatal("Exited() still false after the plugin was killed")
		}
	}
	if err := c.Ping(context.Background()); err == nil {
		t.Error("Ping succeeded on a dead plugin")
	}
	if _, err := c.Platform().Describe(context.Background(), nil); !sdk.IsKind(err, sdk.KindRetryable) {
		t.Errorf("call after death = %v, want retryable", err)
	}
}

func TestClient_deadlineReachesThePluginAndStaysInTheChain(t *testing.T) {
	c, _ := startPlugin(t)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := c.Platform().GetTicket(ctx, sdk.Credentials{}, "block")
	if !errors.Is(err, context.DeadlineExceeded) || !sdk.IsKind(err, sdk.KindRetryable) {
		t.Errorf("GetTicket past its deadline = %v (kind %s), want retryable wrapping DeadlineExceeded", err, sdk.KindOf(err))
	}
	if err := c.Ping(context.Background()); err != nil {
		t.Errorf("plugin unhealthy after a deadline: %v", err)
	}
}

func TestNewClient_failsForABinaryThatIsNotAPlugin(t *testing.T) {
	sh, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true(1) on this machine")
	}
	if _, err := sdk.NewClient(context.Background(), sdk.ClientConfig{Path: sh}); err == nil {
		t.Fatal("NewClient accepted a binary that is not a plugin")
	}
}

func TestNewClient_givesUpWhenItsContextEnds(t *testing.T) {
	sleep, err := exec.LookPath("sleep")
	if err != nil {
		t.Skip("no sleep(1) on this machine")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = sdk.NewClient(ctx, sdk.ClientConfig{Path: sleep, Args: []string{"60"}, StartTimeout: time.Minute})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("NewClient = %v, want DeadlineExceeded", err)
	}
	if waited := time.Since(start); waited > 30*time.Second {
		t.Errorf("NewClient waited %s past its context", waited)
	}
}

func TestServe_refusesToRunWithoutTheHost(t *testing.T) {
	out, err := exec.Command(fakePlugin(t)).CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() == 0 {
		t.Fatalf("plugin run by hand: err %v, want a non-zero exit", err)
	}
	if !strings.Contains(string(out), "plugin") {
		t.Errorf("plugin run by hand did not say why it stopped: %q", out)
	}
}

func TestClient_servesConcurrentCallsFromManyWorkers(t *testing.T) {
	c, _ := startPlugin(t)
	const workers = 32
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				_, err := c.Platform().Describe(context.Background(), nil)
				errs <- err
				return
			}
			_, err := c.Platform().GetTicket(context.Background(), sdk.Credentials{}, "err-not_found")
			if !sdk.IsKind(err, sdk.KindNotFound) {
				errs <- fmt.Errorf("worker %d: got %v, want not_found", i, err)
				return
			}
			errs <- nil
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestClient_maintainOfAPluginWithoutItIsUnsupported(t *testing.T) {
	c, _ := startPlugin(t)
	m, ok := c.Platform().(sdk.Maintainer)
	if !ok {
		t.Fatal("the host side of a plugin does not offer Maintain")
	}
	_, err := m.Maintain(context.Background(), sdk.MaintainRequest{Binding: sdk.Binding{Platform: "fake", Name: "b"}})
	if !sdk.IsKind(err, sdk.KindUnsupported) {
		t.Fatalf("Maintain of a plugin without it = %v (kind %s), want unsupported", err, sdk.KindOf(err))
	}
}
