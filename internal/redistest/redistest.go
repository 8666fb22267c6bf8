package redistest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// EnvURL overrides the shared Redis URL (default redis://127.0.0.1:6379/0).
const EnvURL = "DESKGATE_TEST_REDIS_URL"

const defaultURL = "redis://127.0.0.1:6379/0"

// Addr returns the URL of the shared test Redis, failing the test when it
// does not answer PING.
func Addr(t testing.TB) string {
	t.Helper()
	url := os.Getenv(EnvURL)
	if url == "" {
		url = defaultURL
	}
	if err := ping(url, 2*time.Second); err != nil {
		t.Fatalf("redistest: no Redis answers at %s (CI starts one; locally run redis-server): %v", url, err)
	}
	return url
}

// Prefix returns a key prefix unique to this test on the shared Redis and
// deletes every key under it when the test ends, so tests can run in
// parallel against one server and leave nothing behind.
func Prefix(t testing.TB) string {
	t.Helper()
	url := Addr(t)
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatalf("redistest: random prefix: %v", err)
	}
	name := regexp.MustCompile(`[^A-Za-z0-9_.-]+`).ReplaceAllString(t.Name(), "_")
	prefix := "deskgate-test:" + name + ":" + hex.EncodeToString(b[:]) + ":"
	t.Cleanup(func() {
		if err := DeletePrefix(context.Background(), url, prefix); err != nil {
			t.Errorf("redistest: clean up %s: %v", prefix, err)
		}
	})
	return prefix
}

// DeletePrefix removes every key starting with prefix (SCAN + DEL, never KEYS,
// so a big shared server is not blocked).
func DeletePrefix(ctx context.Context, url, prefix string) error {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return fmt.Errorf("parse redis url: %w", err)
	}
	c := redis.NewClient(opts)
	defer c.Close()
	pattern := escapeGlob(prefix) + "*"
	var cursor uint64
	for {
		keys, next, err := c.Scan(ctx, cursor, pattern, 500).Result()
		if err != nil {
			return fmt.Errorf("scan %s: %w", pattern, err)
		}
		if len(keys) > 0 {
			if err := c.Unlink(ctx, keys...).Err(); err != nil {
				return fmt.Errorf("unlink %d keys: %w", len(keys), err)
			}
		}
		if next == 0 {
			return nil
		}
		cursor = next
	}
}

func escapeGlob(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`, `]`, `\]`)
	return r.Replace(s)
}

func ping(url string, within time.Duration) error {
	opts, err := redis.ParseURL(url)
	if err != nil {
		return fmt.Errorf("parse redis url: %w", err)
	}
	opts.DialTimeout = within
	opts.MaxRetries = -1
	c := redis.NewClient(opts)
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	return c.Ping(ctx).Err()
}

// server is a private redis-server run by StartServer.
type server struct {
	t    testing.TB
	bin  string
	dir  string
	port int
	args []string

	mu  sync.Mutex
	cmd *exec.Cmd
}

// StartServer runs a private redis-server on a free loopback port with its
// data in a temporary directory, AOF on and fsynced on every write (so a
// stop loses nothing acknowledged). stop kills it with SIGKILL, like a crash;
// restart starts it again on the same port and data directory and waits
// until it answers. The server is killed when the test ends. The test fails
// when redis-server is not installed. args are added to redis-server's
// command line (e.g. "--requirepass", "pw"); the returned URL carries no
// password.
func StartServer(t testing.TB, args ...string) (url string, stop func(), restart func()) {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Fatalf("redistest: redis-server is not installed (Debian: apt-get install redis-server): %v", err)
	}
	s := &server{t: t, bin: bin, dir: t.TempDir(), port: freePort(t), args: args}
	s.start()
	t.Cleanup(s.stop)
	return fmt.Sprintf("redis://127.0.0.1:%d/0", s.port), s.stop, s.start
}

func (s *server) start() {
	s.t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil {
		s.t.Fatalf("redistest: server on port %d is already running", s.port)
	}
	cmd := exec.Command(s.bin, append([]string{
		"--bind", "127.0.0.1",
		"--port", fmt.Sprint(s.port),
		"--dir", s.dir,
		"--save", "",
		"--appendonly", "yes",
		"--appendfsync", "always",
		"--protected-mode", "yes",
		"--logfile", filepath.Join(s.dir, "redis.log"),
	}, s.args...)...)
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("redistest: start redis-server: %v", err)
	}
	s.cmd = cmd
	url := fmt.Sprintf("redis://127.0.0.1:%d/0", s.port)
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := ping(url, 200*time.Millisecond)
		// NOAUTH: it answers, it just wants the password the test set.
		if err == nil || strings.Contains(err.Error(), "NOAUTH") {
			return
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(s.dir, "redis.log"))
			s.t.Fatalf("redistest: redis-server on port %d did not answer within 10s: %v\n%s", s.port, err, log)
		}
		// ping's own dial timeout paces this loop; no sleep needed when the
		// port refuses fast, so wait a little on a timer channel instead.
		<-time.After(20 * time.Millisecond)
	}
}

func (s *server) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
	s.cmd = nil
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("redistest: find a free port: %v", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// TripCounter is a client hook (redis.Hook) that counts the client's round
// trips, a command or a pipeline each; Load reads the count.
type TripCounter struct{ atomic.Int64 }

func (*TripCounter) DialHook(next redis.DialHook) redis.DialHook { return next }

func (c *TripCounter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		c.Add(1)
		return next(ctx, cmd)
	}
}

func (c *TripCounter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		c.Add(1)
		return next(ctx, cmds)
	}
}
