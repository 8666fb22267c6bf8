package victorialogstest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Version is the VictoriaLogs release the suite runs against.
const Version = "v1.52.2"

// Package is what `go install` builds.
const Package = "github.com/VictoriaMetrics/VictoriaLogs/app/victoria-logs"

// EnvBin names a victoria-logs binary to use instead of looking for one.
const EnvBin = "DESKGATE_VICTORIALOGS_BIN"

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// Binary returns the path of victoria-logs, installing it on first need.
func Binary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() { binPath, binErr = find() })
	if binErr != nil {
		t.Fatalf("victorialogstest: no victoria-logs binary (make test installs it into .bin/): %v", binErr)
	}
	return binPath
}

func find() (string, error) {
	if p := os.Getenv(EnvBin); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s=%s: %w", EnvBin, p, err)
		}
		return p, nil
	}
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	local := filepath.Join(root, ".bin", "victoria-logs")
	if _, err := os.Stat(local); err == nil {
		return local, nil
	}
	if p, err := exec.LookPath("victoria-logs"); err == nil {
		return p, nil
	}
	// The cold install takes about a minute and needs the module proxy.
	cmd := exec.Command("go", "install", Package+"@"+Version)
	cmd.Env = append(os.Environ(), "GOBIN="+filepath.Join(root, ".bin"), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go install %s@%s: %v\n%s", Package, Version, err, out)
	}
	return local, nil
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Server is a running VictoriaLogs.
type Server struct {
	URL  string // http://127.0.0.1:PORT
	cmd  *exec.Cmd
	logs *syncBuffer
	done chan struct{}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// Start runs a VictoriaLogs with an empty storage directory; it is stopped
// when the test ends. extra flags are passed on (e.g. -httpAuth.username).
func Start(t testing.TB, extra ...string) *Server {
	t.Helper()
	s, err := Run(Binary(t), t.TempDir(), extra...)
	if err != nil {
		t.Fatalf("victorialogstest: %v", err)
	}
	t.Cleanup(s.Stop)
	return s
}

// FindBinary is Binary for programs (the benchmark): the path, or why not.
func FindBinary() (string, error) {
	binOnce.Do(func() { binPath, binErr = find() })
	return binPath, binErr
}

// Run starts bin on a free loopback port with storage in dir and waits
// until it is healthy. Stop it with Stop.
func Run(bin, dir string, extra ...string) (*Server, error) {
	port, err := freePort()
	if err != nil {
		return nil, fmt.Errorf("free port: %w", err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	args := append([]string{
		"-storageDataPath=" + dir,
		"-httpListenAddr=" + addr,
		"-retentionPeriod=100y",
		"-loggerLevel=WARN",
	}, extra...)
	cmd := exec.Command(bin, args...)
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	s := &Server{URL: "http://" + addr, cmd: cmd, logs: out, done: make(chan struct{})}
	go func() { cmd.Wait(); close(s.done) }()
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get(s.URL + "/health")
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.TrimSpace(string(body)) == "OK" {
				return s, nil
			}
		}
		select {
		case <-s.done:
			return nil, fmt.Errorf("victoria-logs exited at start:\n%s", out.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.Stop()
			return nil, fmt.Errorf("victoria-logs not healthy after 15s:\n%s", out.String())
		}
	}
}

// Stop ends the server (SIGTERM, then SIGKILL after 10 s) and waits.
func (s *Server) Stop() {
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// IngestOptions name the fields of the JSON lines.
type IngestOptions struct {
	TimeField    string // default "time"
	MsgField     string // default "msg"
	StreamFields string // default "service"
	Header       http.Header
}

// Ingest posts newline-delimited JSON to /insert/jsonline with the
// application/stream+json content type (with a form type the server eats
// the body as a form and silently drops most rows), then forces a flush
// so every row is visible to queries.
func (s *Server) Ingest(ctx context.Context, body io.Reader, o IngestOptions) error {
	if o.TimeField == "" {
		o.TimeField = "time"
	}
	if o.MsgField == "" {
		o.MsgField = "msg"
	}
	if o.StreamFields == "" {
		o.StreamFields = "service"
	}
	q := url.Values{"_time_field": {o.TimeField}, "_msg_field": {o.MsgField}, "_stream_fields": {o.StreamFields}}
	req, err := http.NewRequestWithContext(ctx, "POST", s.URL+"/insert/jsonline?"+q.Encode(), body)
	if err != nil {
		return err
	}
	for k, v := range o.Header {
		req.Header[k] = v
	}
	req.Header.Set("Content-Type", "application/stream+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("ingest: HTTP %d: %s", resp.StatusCode, msg)
	}
	return s.Flush(ctx, o.Header)
}

// Flush makes every ingested row visible to queries.
func (s *Server) Flush(ctx context.Context, h http.Header) error {
	req, err := http.NewRequestWithContext(ctx, "GET", s.URL+"/internal/force_flush", nil)
	if err != nil {
		return err
	}
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("force flush: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("force flush: HTTP %d", resp.StatusCode)
	}
	return nil
}

// Output is what the server printed so far (for failure messages).
func (s *Server) Output() string { return s.logs.String() }
