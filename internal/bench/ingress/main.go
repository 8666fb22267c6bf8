// Command ingress measures webhook deliveries accepted per second by
// deskgate's ingress (plugin verification over go-plugin + durable enqueue)
// next to a bare net/http handler that only verifies the HMAC, on the
// embedded SQLite store and, when one answers, on Redis. `make bench` runs it.
package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/redis/go-redis/v9"

	"github.com/sigsentry/deskgate/gateway/app"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

func main() {
	n := flag.Int("n", 20000, "deliveries per run")
	c := flag.Int("c", 32, "concurrent senders")
	redisURL := flag.String("redis", "redis://127.0.0.1:6379/15", "Redis URL for the Redis run; empty skips it")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the whole run (gateway side in process) to this file")
	flag.Parse()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench ingress:", err)
			os.Exit(1)
		}
		_ = pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if err := run(*n, *c, *redisURL); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "bench ingress:", err)
		os.Exit(1)
	}
}

const secretForBaseline = "bench-signing-secret"

func run(n, c int, redisURL string) error {
	plugin, err := pluginPath()
	if err != nil {
		return err
	}
	fmt.Printf("ingress benchmark: %d signed deliveries, %d concurrent senders, %d CPUs (the senders share them)\n", n, c, runtime.NumCPU())

	base, err := measure("bare HMAC handler", n, c, bareHandler(), secretForBaseline)
	if err != nil {
		return err
	}
	fmt.Printf("%-28s %8.0f deliveries/s\n", "bare net/http + HMAC", base)

	stores := []struct{ name, block string }{{"deskgate (SQLite)", ""}}
	if redisURL != "" {
		if reachable(redisURL) {
			prefix := fmt.Sprintf("deskgate-bench-%d:", time.Now().UnixNano())
			defer cleanRedis(redisURL, prefix)
			stores = append(stores, struct{ name, block string }{"deskgate (Redis)",
				fmt.Sprintf("store \"redis\" {\n  url = %q\n  key_prefix = %q\n}", redisURL, prefix)})
		} else {
			fmt.Printf("(no Redis answers at %s: skipping the Redis run)\n", redisURL)
		}
	}
	for _, s := range stores {
		rate, err := benchGateway(s.name, s.block, plugin, n, c)
		if err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
		fmt.Printf("%-28s %8.0f deliveries/s   ratio to bare: %.2f\n", s.name, rate, rate/base)
	}
	return nil
}

func reachable(u string) bool {
	pu, err := url.Parse(u)
	if err != nil {
		return false
	}
	conn, err := net.DialTimeout("tcp", pu.Host, time.Second)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// pluginPath finds the plugin binary `make build` made, or builds it.
func pluginPath() (string, error) {
	if d := os.Getenv("DESKGATE_TEST_BIN_DIR"); d != "" {
		p := filepath.Join(d, "deskgate-plugin-zendesk")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	dir, err := os.MkdirTemp("", "deskgate-bench-")
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, "deskgate-plugin-zendesk")
	out, err := exec.Command("go", "build", "-o", p, "./plugins/zendesk/cmd/deskgate-plugin-zendesk").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("build plugin: %v\n%s", err, out)
	}
	return p, nil
}

func bareHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 1<<20))
		if err != nil {
			http.Error(w, "bad body", http.StatusBadRequest)
			return
		}
		m := hmac.New(sha256.New, []byte(secretForBaseline))
		m.Write([]byte(r.Header.Get("X-Zendesk-Webhook-Signature-Timestamp")))
		m.Write(body)
		want := base64.StdEncoding.EncodeToString(m.Sum(nil))
		if subtle.ConstantTimeCompare([]byte(want), []byte(r.Header.Get("X-Zendesk-Webhook-Signature"))) != 1 {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		w.WriteHeader(http.StatusOK)
	})
}

// benchGateway connects a binding to an in-process sandbox through the real
// OAuth flow and plugin, then measures the gateway's ingress. Workers are not
// started: only accepting is measured.
func benchGateway(name, storeBlock, plugin string, n, c int) (float64, error) {
	dir, err := os.MkdirTemp("", "deskgate-bench-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)

	var gwHandler atomic.Value
	gw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gwHandler.Load().(http.Handler).ServeHTTP(w, r)
	}))
	defer gw.Close()
	sb := sandbox.New(sandbox.Options{AutoApprove: true,
		Clients: []sandbox.OAuthClient{{ID: "bench", Secret: "bench-secret", RedirectURIs: []string{gw.URL + "/oauth/callback"}}}})
	defer sb.Close()
	sbSrv := httptest.NewServer(sb.Handler())
	defer sbSrv.Close()

	if storeBlock == "" {
		storeBlock = `store "sqlite" { path = "./deskgate.db" }`
	}
	cfgText := fmt.Sprintf(`
gateway {
  listen = "127.0.0.1:0"
  public_url = %q
  data_dir = "."
  plugin_dir = %q
  admin_token = "bench-admin-token-0123456789abcdef01"
}
%s
project "p" {
  services = ["api"]
}
platform "zendesk" {
  plugin = %q
  client_id = "bench"
  client_secret = "bench-secret"
}
binding "zendesk" "bench" {
  project = "p"
  subdomain = "bench"
  api_url = %q
}
`, gw.URL, filepath.Dir(plugin), storeBlock, filepath.Base(plugin), sbSrv.URL)
	cfgPath := filepath.Join(dir, "deskgate.hcl")
	if err := os.WriteFile(cfgPath, []byte(cfgText), 0o600); err != nil {
		return 0, err
	}
	cfg, diags := config.Load(cfgPath)
	if diags.HasErrors() {
		return 0, diags
	}
	ctx := context.Background()
	a, err := app.New(ctx, cfg, hclog.NewNullLogger())
	if err != nil {
		return 0, err
	}
	defer a.Close()
	gwHandler.Store(a.Handler())

	if err := connect(gw.URL); err != nil {
		return 0, fmt.Errorf("connect: %w", err)
	}
	whs := sb.Webhooks()
	if len(whs) != 1 {
		return 0, fmt.Errorf("sandbox has %d webhooks after connect", len(whs))
	}
	secret := whs[0].SigningSecret
	// Warm the plugin connection and the store.
	if _, err := measure(name+" warm-up", 200, c, nil, secret, gw.URL+"/hooks/zendesk/bench"); err != nil {
		return 0, err
	}
	return measure(name, n, c, nil, secret, gw.URL+"/hooks/zendesk/bench")
}

func connect(gwURL string) error {
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest("GET", gwURL+"/connect/zendesk/bench", nil)
	req.Header.Set("Authorization", "Bearer bench-admin-token-0123456789abcdef01")
	next := ""
	for i := 0; i < 3; i++ {
		resp, err := noFollow.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		next = resp.Header.Get("Location")
		if resp.StatusCode != http.StatusFound || next == "" {
			return fmt.Errorf("step %d: %s answered %d", i, req.URL, resp.StatusCode)
		}
		if strings.HasPrefix(next, "/bindings/") {
			return nil
		}
		req, _ = http.NewRequest("GET", next, nil)
	}
	return fmt.Errorf("connect did not finish (last redirect %s)", next)
}

// measure sends n signed deliveries from c goroutines and returns the rate
// of 200 answers. With a handler, it serves it on a fresh local server.
func measure(name string, n, c int, h http.Handler, secret string, target ...string) (float64, error) {
	u := ""
	if h != nil {
		srv := httptest.NewServer(h)
		defer srv.Close()
		u = srv.URL + "/hooks/zendesk/bench"
	} else {
		u = target[0]
	}
	type delivery struct {
		body            []byte
		stamp, sig, inv string
	}
	runID := time.Now().UnixNano()
	ds := make([]delivery, n)
	for i := range ds {
		body := []byte(fmt.Sprintf(`{"ticket_id":"%d","created_at":"2026-11-27T10:00:00Z","event":"ticket.created"}`, 100000+i))
		stamp := time.Now().UTC().Format("2006-01-02T15:04:05Z")
		m := hmac.New(sha256.New, []byte(secret))
		m.Write([]byte(stamp))
		m.Write(body)
		ds[i] = delivery{body, stamp, base64.StdEncoding.EncodeToString(m.Sum(nil)), fmt.Sprintf("bench-%d-%d", runID, i)}
	}
	tr := &http.Transport{MaxIdleConnsPerHost: c, MaxConnsPerHost: c}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	var next, ok, bad atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	start := time.Now()
	for g := 0; g < c; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				d := ds[i]
				req, _ := http.NewRequest("POST", u, bytes.NewReader(d.body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-Zendesk-Webhook-Signature", d.sig)
				req.Header.Set("X-Zendesk-Webhook-Signature-Timestamp", d.stamp)
				req.Header.Set("X-Zendesk-Webhook-Invocation-Id", d.inv)
				resp, err := client.Do(req)
				if err != nil {
					bad.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					ok.Add(1)
				} else {
					bad.Add(1)
					firstErr.CompareAndSwap(nil, resp.Status)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if bad.Load() > 0 {
		return 0, fmt.Errorf("%s: %d of %d deliveries failed (first: %v)", name, bad.Load(), n, firstErr.Load())
	}
	return float64(ok.Load()) / elapsed.Seconds(), nil
}

// cleanRedis deletes the keys the Redis run left under its prefix.
func cleanRedis(u, prefix string) {
	opts, err := redis.ParseURL(u)
	if err != nil {
		return
	}
	c := redis.NewClient(opts)
	defer c.Close()
	ctx := context.Background()
	iter := c.Scan(ctx, 0, prefix+"*", 1000).Iterator()
	var keys []string
	for iter.Next(ctx) {
		keys = append(keys, iter.Val())
		if len(keys) == 1000 {
			c.Del(ctx, keys...)
			keys = keys[:0]
		}
	}
	if len(keys) > 0 {
		c.Del(ctx, keys...)
	}
}
