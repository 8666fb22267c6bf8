// Command ingress measures webhook deliveries accepted per second by a
// running `deskgate serve` process (its workers running against a sandbox
// Zendesk, its plugin started by it) next to a bare net/http handler that only
// reads the body and checks the HMAC, each in a process of its own, with the
// load generated from this process. It prints, as medians of repeated passes:
// deliveries/s, latency p50/p99, errors, server CPU µs per delivery (read from
// /proc: gateway + plugin + Redis, or the bare process) and how many answered
// deliveries were found stored afterwards. Each gateway target runs twice:
// with its workers (the headline: what a deployment pays per delivery, which
// moves with how many jobs the workers get through meanwhile, so that count
// is printed too) and with `workers = 0` (the ingress alone). After each
// pass with workers a drain window (no load, the backlog still being worked
// off) reads the server CPU per finished job, and the pass's CPU per
// delivery less its finished jobs at that rate is printed as the ingress's
// share. The jobs do a desk's whole work: the sandbox synthesizes the
// deliveries' tickets from a few demo templates (sandbox.SyntheticTickets),
// the binding is configured as the demo's (its project, services and
// generated demo logs, posting_mode internal, auto_analyze_threshold high,
// the three custom fields), so each job fetches its ticket, triages it
// against the logs, posts its internal note and sets its fields, and a
// severe ticket's job also runs the analysis, posts its note and sets its
// link. The jobs' outcomes and what the sandbox received are printed, and
// the bench fails when a job with workers ends other than done (or the
// notes do not match the finished jobs): its figures would measure
// another path. Then it posts many 1 MiB bodies at once and prints the
// gateway's and plugin's peak RSS. `make bench` runs it.
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/redis/go-redis/v9"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/backend"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

type options struct {
	duration  time.Duration
	senders   int
	repeats   int
	redisURL  string
	flood     int
	floodSize int
	binDir    string
	logsDir   string // the demo logs the binding's project reads
	profile   string
	oldConfig bool
	drain     time.Duration
	keep      bool   // keep each gateway's data dir (its SQLite DB, audit log) and print its path
	targets   string // which gateway runs: "all", "workers" or "ingress" (workers = 0)
}

func main() {
	var o options
	serveBare := flag.String("serve-bare", "", "internal: serve the bare HMAC handler on this address and print it")
	flag.DurationVar(&o.duration, "duration", 15*time.Second, "length of one measured pass (with 3 repeats the ingress bench takes about 4 minutes)")
	flag.IntVar(&o.senders, "c", 32, "concurrent keep-alive senders")
	flag.IntVar(&o.repeats, "repeats", 3, "passes per target; the medians are printed")
	flag.StringVar(&o.redisURL, "redis", "redis://127.0.0.1:6379/15", "Redis URL for the Redis run; empty skips it")
	flag.IntVar(&o.flood, "flood", 400, "concurrent 1 MiB posts of the memory check; 0 skips it")
	flag.IntVar(&o.floodSize, "flood-size", 1<<20, "body size of the memory check's posts")
	flag.BoolVar(&o.oldConfig, "old-config", false, "leave out the gateway settings added with back-pressure (to measure a gateway built before them)")
	flag.StringVar(&o.profile, "profile", "", "write a CPU profile of the gateway process (via its debug_listen) during each target's first pass (and its drain window) to this file prefix")
	flag.DurationVar(&o.drain, "drain", 3*time.Second, "after each pass with workers, how long to measure the workers alone (no load, the backlog still draining) for their CPU per finished job; 0 skips it")
	flag.BoolVar(&o.keep, "keep", false, "keep each gateway's data dir (config, SQLite DB with its jobs, stages and audit log) and print its path")
	flag.StringVar(&o.targets, "targets", "all", "which gateway runs, for each store: all, workers (with its workers only) or ingress (workers = 0 only)")
	flag.Parse()
	if *serveBare != "" {
		if err := runBare(*serveBare); err != nil {
			fmt.Fprintln(os.Stderr, "bench ingress: bare server:", err)
			os.Exit(1)
		}
		return
	}
	if o.targets != "all" && o.targets != "workers" && o.targets != "ingress" {
		fmt.Fprintf(os.Stderr, "bench ingress: -targets %q: want all, workers or ingress\n", o.targets)
		os.Exit(2)
	}
	o.binDir = os.Getenv("DESKGATE_TEST_BIN_DIR")
	if o.binDir == "" {
		o.binDir = "bin"
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "bench ingress:", err)
		os.Exit(1)
	}
}

const secretForBaseline = "bench-signing-secret"

// worldEnd is where the demo logs end: the deliveries' created_at, the
// synthesized tickets created a few minutes before it.
var worldEnd = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// firstTicket is the first ticket id the bench sends; the sandbox
// synthesizes every id from it on.
const firstTicket = 100001

// tickets numbers the deliveries' tickets across passes: the gateway
// records a ticket's stages by its id, so a ticket sent again would be
// done without its work.
var tickets atomic.Int64

// The demo's custom field ids (configs/bindings/acme.hcl).
const (
	severityField        = 360001234567
	affectedServiceField = 360002345678
	analysisURLField     = 360003456789
)

// result is one measured pass.
type result struct {
	ok, errs      int64
	rate          float64
	p50, p99      time.Duration
	cpuPerDeliv   float64   // µs of server CPU per 200 answer
	cpuSplit      []float64 // cpuPerDeliv per process, in the order pids lists them
	procNames     []string  // names of those processes, when known
	load          string
	firstErr      string
	answeredInvs  []string
	serverCPUSecs float64
	jobs          float64 // jobs the gateway's workers finished during the pass; -1 unknown
	// The drain window after a pass with workers: no load, the workers
	// still working off the backlog, so the server CPU it reads is theirs.
	cpuPerJob   float64   // µs of server CPU per job finished in it; -1 unknown
	jobSplit    []float64 // cpuPerJob per process
	drainedJobs float64
}

// ingressPerDeliv is the pass's server CPU per delivery less what its
// finished jobs cost at the drain window's rate: the ingress's share while
// the workers run (an estimate: under load the workers share the cores and
// the store with the ingress). Without a drain figure it is the whole.
func (r result) ingressPerDeliv() float64 {
	if r.cpuPerJob < 0 || r.jobs <= 0 || r.ok == 0 {
		return r.cpuPerDeliv
	}
	return r.cpuPerDeliv - r.cpuPerJob*r.jobs/float64(r.ok)
}

func run(o options) error {
	for _, b := range []string{"deskgate", "deskgate-plugin-zendesk"} {
		if _, err := os.Stat(filepath.Join(o.binDir, b)); err != nil {
			return fmt.Errorf("%s not built (run make build, or set DESKGATE_TEST_BIN_DIR): %w", b, err)
		}
	}
	fmt.Printf("ingress benchmark: %d keep-alive senders, %s per pass, %d passes per target, %d CPUs shared by all processes\n",
		o.senders, o.duration, o.repeats, runtime.NumCPU())
	fmt.Printf("load average at start: %s\n", loadavg())
	logs, err := os.MkdirTemp("", "deskgate-bench-logs-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(logs)
	lines, err := gen.WriteDir(gen.Demo(1, worldEnd, 6*time.Hour, 1), logs)
	if err != nil {
		return fmt.Errorf("write the demo logs: %w", err)
	}
	o.logsDir = logs
	fmt.Printf("jobs triage synthesized tickets against the demo's logs: %d lines, 6 h ending %s\n", lines, worldEnd.Format(time.RFC3339))

	type row struct {
		name    string
		results []result
		stored  string
	}
	var rows []row

	bare, err := benchBare(o)
	if err != nil {
		return err
	}
	rows = append(rows, row{name: "bare net/http + HMAC (before)", results: bare})

	// block is the store block of the gateway's run; each run of a target
	// has a fresh store (its data_dir, with the sealing key, is fresh too).
	type target struct {
		name  string
		block func(run string) string
	}
	targets := []target{{"deskgate (SQLite)", func(string) string { return "" }}}
	if o.redisURL != "" {
		if reachable(o.redisURL) {
			prefix := fmt.Sprintf("deskgate-bench-%d:", time.Now().UnixNano())
			defer cleanRedis(o.redisURL, prefix)
			targets = append(targets, target{"deskgate (Redis)", func(run string) string {
				return fmt.Sprintf("store \"redis\" {\n  url = %q\n  key_prefix = %q\n}", o.redisURL, prefix+run+":")
			}})
		} else {
			fmt.Printf("(no Redis answers at %s: skipping the Redis run)\n", o.redisURL)
		}
	}
	var flood string
	var ingressOnly []row
	for i, t := range targets {
		if o.targets != "ingress" {
			rs, stored, fl, err := benchGateway(o, t.name, t.block("workers"), i == 0 && o.flood > 0, true)
			if err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			if fl != "" {
				flood = fl
			}
			rows = append(rows, row{name: t.name, results: rs, stored: stored})
		}
		if o.targets == "workers" {
			continue
		}
		name := t.name + ", workers = 0"
		rs, stored, _, err := benchGateway(o, name, t.block("ingress"), false, false)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		ingressOnly = append(ingressOnly, row{name: strings.TrimPrefix(name, "deskgate "), results: rs, stored: stored})
	}

	after, err := benchBare(o)
	if err != nil {
		return err
	}
	rows = append(rows, row{name: "bare net/http + HMAC (after)", results: after})
	headline := len(rows)
	rows = append(rows, ingressOnly...)

	bareRate := median(append(slices.Clone(bare), after...), func(r result) float64 { return r.rate })
	bareCPU := median(append(slices.Clone(bare), after...), func(r result) float64 { return r.cpuPerDeliv })
	fmt.Printf("\nmedians of %d passes (bare: of the %d before and after)\n", o.repeats, 2*o.repeats)
	fmt.Printf("%-30s %9s %7s %9s %9s %7s %11s %8s %8s %11s %8s %11s  %-22s %s\n", "target", "req/s", "×bare", "p50", "p99", "errors", "CPU µs/del", "×bare", "jobs/s", "ingress µs", "×bare", "µs/job", "answered/stored", "load avg (1 5 15)")
	for i, r := range rows {
		if i == headline {
			fmt.Println("ingress alone (the same gateway with workers = 0: no job runs, so no plugin GetTicket and no lease/ack/audit writes):")
		}
		rate := median(r.results, func(x result) float64 { return x.rate })
		cpu := median(r.results, func(x result) float64 { return x.cpuPerDeliv })
		var errs int64
		for _, x := range r.results {
			errs += x.errs
		}
		p50 := median(r.results, func(x result) float64 { return float64(x.p50) })
		p99 := median(r.results, func(x result) float64 { return float64(x.p99) })
		stored := r.stored
		if stored == "" {
			stored = "-"
		}
		jobs := "-"
		if r.results[0].jobs >= 0 {
			jobs = fmt.Sprintf("%.0f", median(r.results, func(x result) float64 { return x.jobs / x.seconds() }))
		}
		ingress := median(r.results, result.ingressPerDeliv)
		perJob := "-"
		if slices.IndexFunc(r.results, func(x result) bool { return x.cpuPerJob < 0 }) < 0 {
			perJob = fmt.Sprintf("%.1f", median(r.results, func(x result) float64 { return x.cpuPerJob }))
		}
		fmt.Printf("%-30s %9.0f %7.2f %9s %9s %7d %11.1f %8.2f %8s %11.1f %8.2f %11s  %-22s %s\n", r.name, rate, rate/bareRate,
			time.Duration(p50).Round(time.Microsecond), time.Duration(p99).Round(time.Microsecond), errs,
			cpu, cpu/bareCPU, jobs, ingress, ingress/bareCPU, perJob, stored, r.results[len(r.results)-1].load)
	}
	fmt.Println("CPU µs/del is all server CPU (gateway + plugin + Redis) over the deliveries answered 200. With workers it splits into")
	fmt.Println("µs/job, the server CPU per job the workers finished in a drain window after each pass (no load, backlog still")
	fmt.Println("draining), and ingress µs, what is left per delivery once the pass's finished jobs are taken off at that rate.")
	if flood != "" {
		fmt.Println()
		fmt.Println(flood)
	}
	return nil
}

// seconds is the pass's length, from its count and rate.
func (r result) seconds() float64 {
	if r.rate == 0 {
		return 1
	}
	return float64(r.ok) / r.rate
}

func median(rs []result, f func(result) float64) float64 {
	vs := make([]float64, 0, len(rs))
	for _, r := range rs {
		vs = append(vs, f(r))
	}
	slices.Sort(vs)
	if len(vs) == 0 {
		return 0
	}
	if len(vs)%2 == 1 {
		return vs[len(vs)/2]
	}
	return (vs[len(vs)/2-1] + vs[len(vs)/2]) / 2
}

// runBare is the child process of the baseline: read the body (1 MiB
// bound), check the HMAC, answer 200.
func runBare(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Println(ln.Addr().String())
	return http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
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
	}))
}

func benchBare(o options) ([]result, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(self, "-serve-bare", "127.0.0.1:0")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start bare server: %w", err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("bare server address: %w", err)
	}
	u := "http://" + strings.TrimSpace(addr) + "/hooks/zendesk/bench"
	pids := func() []int { return []int{cmd.Process.Pid} }
	if _, err := pass(o.senders, 2*time.Second, u, secretForBaseline, pids, nil); err != nil {
		return nil, err
	}
	var rs []result
	for i := 0; i < o.repeats; i++ {
		r, err := pass(o.senders, o.duration, u, secretForBaseline, pids, nil)
		if err != nil {
			return nil, err
		}
		fmt.Printf("  bare pass %d: %.0f/s, %.1f µs CPU per delivery, %d errors\n", i+1, r.rate, r.cpuPerDeliv, r.errs)
		rs = append(rs, r)
	}
	return rs, nil
}

// gateway is one `deskgate serve` process and what it talks to.
type gateway struct {
	cmd     *exec.Cmd
	url     string
	cfgPath string
	logs    *bytes.Buffer
}

func (g *gateway) stop() error {
	if g.cmd == nil || g.cmd.Process == nil {
		return nil
	}
	_ = g.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- g.cmd.Wait() }()
	select {
	case err := <-done:
		g.cmd = nil
		return err
	case <-time.After(60 * time.Second):
		_ = g.cmd.Process.Kill()
		<-done
		g.cmd = nil
		return errors.New("gateway did not stop within 60s of SIGTERM; killed")
	}
}

// benchGateway starts deskgate, connects a binding to an in-process
// sandbox through the real OAuth flow and plugin, and measures the ingress
// while the workers process what it accepts; with workers false the gateway
// runs none (workers = 0), which leaves the ingress's own cost.
func benchGateway(o options, name, storeBlock string, flood, workers bool) (rs []result, stored, floodReport string, err error) {
	dir, err := os.MkdirTemp("", "deskgate-bench-")
	if err != nil {
		return nil, "", "", err
	}
	if o.keep {
		fmt.Printf("  %s: the gateway's data dir %s is kept\n", name, dir)
	} else {
		defer os.RemoveAll(dir)
	}
	port, err := freePort()
	if err != nil {
		return nil, "", "", err
	}
	debug := ""
	debugPort := 0
	if o.profile != "" {
		if debugPort, err = freePort(); err != nil {
			return nil, "", "", err
		}
		debug = fmt.Sprintf("debug_listen = \":%d\"", debugPort)
	}
	if !o.oldConfig {
		// The workers fall behind a flood of made-up tickets: without these
		// the per-binding cap (10,000 waiting jobs by default) would answer
		// 503 after a few seconds and the bench would measure the
		// back-pressure instead of the ingress.
		debug += "\n  max_queue_depth             = 100000000\n  max_queue_depth_per_binding = 100000000"
	}
	if !workers {
		debug += "\n  workers = 0"
	}
	gwURL := "http://127.0.0.1:" + strconv.Itoa(port)

	sb := sandbox.New(sandbox.Options{AutoApprove: true, RateLimit: 1 << 30,
		Clients:   []sandbox.OAuthClient{{ID: "bench", Secret: "bench-secret", RedirectURIs: []string{gwURL + "/oauth/callback"}}},
		Synthetic: &sandbox.SyntheticTickets{First: firstTicket, Last: 1 << 62, At: worldEnd}})
	defer sb.Close()
	for id, title := range map[int64]string{severityField: "Severity", affectedServiceField: "Affected service", analysisURLField: "Analysis URL"} {
		if err := sb.AddTicketFieldWithID(id, title, "text"); err != nil {
			return nil, "", "", err
		}
	}
	sbSrv := httptest.NewServer(sb.Handler())
	defer sbSrv.Close()

	if storeBlock == "" {
		storeBlock = `store "sqlite" { path = "./deskgate.db" }`
	}
	abs, err := filepath.Abs(o.binDir)
	if err != nil {
		return nil, "", "", err
	}
	project, err := demoProject(o.logsDir)
	if err != nil {
		return nil, "", "", err
	}
	cfgText := fmt.Sprintf(`
gateway {
  listen = "127.0.0.1:%d"
  public_url = %q
  data_dir = "."
  plugin_dir = %q
  admin_token = "bench-admin-token-0123456789abcdef0123"
  %s
}
%s
%s
platform "zendesk" {
  plugin = "deskgate-plugin-zendesk"
  client_id = "bench"
  client_secret = "bench-secret"
}
binding "zendesk" "bench" {
  project = "checkout"
  subdomain = "bench"
  api_url = %q
  posting_mode = "internal"
  auto_analyze_threshold = "high"
  default_time_buffer = 2
  timezone = "UTC"
  # The demo's default (100 write-backs a minute, Zendesk's pace) would
  # defer nearly every job; the sandbox has no limit, so the most allowed.
  rate_limit_per_minute = 100000
  custom_fields {
    severity         = %d
    affected_service = %d
    analysis_url     = %d
  }
}
`, port, gwURL, abs, debug, storeBlock, project, sbSrv.URL, severityField, affectedServiceField, analysisURLField)
	cfgPath := filepath.Join(dir, "deskgate.hcl")
	if err := os.WriteFile(cfgPath, []byte(cfgText), 0o600); err != nil {
		return nil, "", "", err
	}
	g := &gateway{url: gwURL, cfgPath: cfgPath, logs: &bytes.Buffer{}}
	g.cmd = exec.Command(filepath.Join(abs, "deskgate"), "serve", "-config", cfgPath)
	g.cmd.Dir = dir
	g.cmd.Stdout, g.cmd.Stderr = &lockedWriter{w: g.logs}, &lockedWriter{w: g.logs}
	if err := g.cmd.Start(); err != nil {
		return nil, "", "", fmt.Errorf("start gateway: %w", err)
	}
	defer func() {
		if serr := g.stop(); serr != nil && err == nil {
			err = fmt.Errorf("stop gateway: %w\n%s", serr, tail(g.logs.String()))
		}
	}()
	if err := waitReady(gwURL, 30*time.Second); err != nil {
		return nil, "", "", fmt.Errorf("%w\n%s", err, tail(g.logs.String()))
	}
	if err := connect(gwURL); err != nil {
		return nil, "", "", fmt.Errorf("connect: %w\n%s", err, tail(g.logs.String()))
	}
	whs := sb.Webhooks()
	if len(whs) != 1 {
		return nil, "", "", fmt.Errorf("sandbox has %d webhooks after connect", len(whs))
	}
	secret := whs[0].SigningSecret
	var procNames []string
	pids := func() []int {
		ps := []int{g.cmd.Process.Pid}
		procNames = []string{"gateway"}
		for _, c := range children(g.cmd.Process.Pid) {
			ps = append(ps, c)
			procNames = append(procNames, "plugin")
		}
		if storeBlock != "" && strings.Contains(storeBlock, "redis") {
			if p := redisPid(o.redisURL); p > 0 {
				ps = append(ps, p)
				procNames = append(procNames, "Redis")
			}
		}
		return ps
	}
	u := gwURL + "/hooks/zendesk/bench"
	jobs := func() float64 { return jobsFinished(gwURL) }
	if _, err := pass(o.senders, 2*time.Second, u, secret, pids, jobs); err != nil { // warm-up
		return nil, "", "", err
	}
	if workers {
		// Fail at once, not after the passes, when the jobs take the
		// wrong path.
		if err := firstJobsDone(gwURL, 20*time.Second); err != nil {
			return nil, "", "", fmt.Errorf("after the warm-up: %w\n%s", err, tail(g.logs.String()))
		}
	}
	var answered []string
	for i := 0; i < o.repeats; i++ {
		var prof chan error
		if i == 0 && o.profile != "" {
			prof = make(chan error, 1)
			file := profileFile(o.profile, name, "")
			go func() { prof <- fetchProfile(debugPort, o.duration-time.Second, file) }()
		}
		r, err := pass(o.senders, o.duration, u, secret, pids, jobs)
		r.procNames = procNames
		if prof != nil {
			if perr := <-prof; perr != nil {
				fmt.Printf("  (no profile: %v)\n", perr)
			}
		}
		if err != nil {
			return nil, "", "", err
		}
		fmt.Printf("  %s pass %d: %.0f/s, %.1f µs CPU per delivery (%s), %.0f jobs finished, %d errors%s\n", name, i+1, r.rate, r.cpuPerDeliv, split(r), r.jobs, r.errs, firstErr(r))
		if workers && o.drain > 0 {
			file := ""
			if i == 0 && o.profile != "" && o.drain >= 2*time.Second {
				file = profileFile(o.profile, name, "-drain")
			}
			if err := drainWindow(&r, o.drain, pids, jobs, debugPort, file); err != nil {
				return nil, "", "", err
			}
			if r.cpuPerJob >= 0 {
				parts := make([]string, len(r.jobSplit))
				for j, us := range r.jobSplit {
					parts[j] = fmt.Sprintf("%s %.1f", procNames[j], us)
				}
				fmt.Printf("    workers alone for %s after it: %.0f jobs, %.1f µs CPU per job (%s); so the ingress %.1f µs per delivery\n",
					o.drain, r.drainedJobs, r.cpuPerJob, strings.Join(parts, ", "), r.ingressPerDeliv())
			} else {
				fmt.Printf("    workers alone for %s after it: %.0f jobs finished, no per-job figure\n", o.drain, r.drainedJobs)
			}
		}
		answered = append(answered, r.answeredInvs...)
		r.answeredInvs = nil
		rs = append(rs, r)
	}
	if workers {
		// What the jobs did decides what their CPU buys: each must have
		// triaged its ticket and written back, or the figures measure
		// another path.
		// The workers are still draining the pass's backlog (hundreds of
		// jobs a second), so the outcomes are read on both sides of the
		// sandbox's counts: what it saw lies between the two.
		before, err := jobOutcomes(gwURL)
		if err != nil {
			return nil, "", "", fmt.Errorf("read the jobs' outcomes: %w", err)
		}
		got := sb.SyntheticCounts()
		by, err := jobOutcomes(gwURL)
		if err != nil {
			return nil, "", "", fmt.Errorf("read the jobs' outcomes: %w", err)
		}
		fmt.Printf("    jobs settled since the gateway started, by outcome: %s (%s just before the sandbox's counts)\n", formatOutcomes(by), formatOutcomes(before))
		fmt.Printf("    the sandbox received %d internal notes, %d public replies; severity and service set %d times (%d again on a ticket), analysis links %d (%d again); %d ticket reads\n",
			got.Notes, got.Replies, got.FieldSets[severityField], got.FieldSetsAgain[severityField],
			got.FieldSets[analysisURLField], got.FieldSetsAgain[analysisURLField], got.Reads)
		if err := checkJobs(before, by, got, config.DefaultWorkers); err != nil {
			return nil, "", "", fmt.Errorf("%s: %w\n%s", name, err, tail(g.logs.String()))
		}
	}
	if flood {
		floodReport, err = memoryFlood(o, u, secret, pids)
		if err != nil {
			return nil, "", "", err
		}
	}
	if err := g.stop(); err != nil {
		return nil, "", "", fmt.Errorf("stop gateway: %w\n%s", err, tail(g.logs.String()))
	}
	missing, err := countMissing(cfgPath, dir, answered)
	if err != nil {
		return nil, "", "", fmt.Errorf("count stored deliveries: %w", err)
	}
	stored = fmt.Sprintf("%d/%d", len(answered)-missing, len(answered))
	if missing > 0 {
		stored += fmt.Sprintf(" (%d MISSING)", missing)
	}
	return rs, stored, floodReport, nil
}

// drainWindow reads, over d with no load, the server processes' CPU and
// the jobs the gateway finishes meanwhile (its workers still working off
// the backlog the pass left): their CPU per job, into r. With file set it
// also saves a CPU profile of the gateway over the window.
func drainWindow(r *result, d time.Duration, pids func() []int, jobs func() float64, debugPort int, file string) error {
	var prof chan error
	if file != "" {
		prof = make(chan error, 1)
		go func() { prof <- fetchProfile(debugPort, d-time.Second, file) }()
	}
	ps := pids()
	jobs0 := jobs()
	cpu0 := cpuEach(ps)
	time.Sleep(d) // the window: nothing is sent, the workers run
	cpu1 := cpuEach(ps)
	jobs1 := jobs()
	if prof != nil {
		if err := <-prof; err != nil {
			fmt.Printf("  (no profile: %v)\n", err)
		}
	}
	used, err := cpuUsed(ps, cpu0, cpu1)
	if err != nil {
		return err
	}
	if jobs0 < 0 || jobs1 < 0 {
		return nil
	}
	r.drainedJobs = jobs1 - jobs0
	if r.drainedJobs < 1 {
		return nil
	}
	// Were the backlog worked off before the window ended, its idle rest
	// would count too (the figure an upper bound); the bench's backlogs
	// are many times what a window drains.
	var ticks int64
	r.jobSplit = r.jobSplit[:0]
	for _, t := range used {
		ticks += t
		r.jobSplit = append(r.jobSplit, float64(t)/clockTicks*1e6/r.drainedJobs)
	}
	r.cpuPerJob = float64(ticks) / clockTicks * 1e6 / r.drainedJobs
	return nil
}

// profileFile names a target's profile: prefix-sqlite-workers0.pprof.
func profileFile(prefix, target, suffix string) string {
	return fmt.Sprintf("%s-%s%s.pprof", prefix, strings.NewReplacer(" ", "", "(", "", ")", "", ",", "-", "=", "").
		Replace(strings.ToLower(strings.TrimPrefix(target, "deskgate "))), suffix)
}

// fetchProfile saves a CPU profile of the gateway taken over d.
func fetchProfile(port int, d time.Duration, file string) error {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/debug/pprof/profile?seconds=%d", port, int(d.Seconds())))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("pprof answered %s", resp.Status)
	}
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	fmt.Printf("  CPU profile of the gateway: %s\n", file)
	return f.Close()
}

// split is a pass's CPU per delivery by process: "gateway 61.2, plugin
// 3.1, Redis 70.4".
func split(r result) string {
	parts := make([]string, len(r.cpuSplit))
	for i, us := range r.cpuSplit {
		name := "process"
		if i < len(r.procNames) {
			name = r.procNames[i]
		}
		parts[i] = fmt.Sprintf("%s %.1f", name, us)
	}
	return strings.Join(parts, ", ")
}

func firstErr(r result) string {
	if r.firstErr == "" {
		return ""
	}
	return " (first: " + r.firstErr + ")"
}

// countMissing opens the gateway's queue (the gateway has stopped) and
// counts the answered deliveries whose dedup key it does not hold: a probe
// Enqueue with the same key is refused as a duplicate exactly when the
// delivery was stored.
func countMissing(cfgPath, dir string, invs []string) (int, error) {
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		return 0, err
	}
	defer func() { _ = os.Chdir(wd) }()
	cfg, diags := config.Load(cfgPath)
	if diags.HasErrors() {
		return 0, diags
	}
	ctx := context.Background()
	be, err := backend.Open(ctx, cfg, hclog.NewNullLogger())
	if err != nil {
		return 0, err
	}
	defer be.Close()
	key := store.BindingKey{Platform: "zendesk", Name: "bench"}
	var missing atomic.Int64
	var next atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	for w := 0; w < 64; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(invs) {
					return
				}
				added, err := be.Queue.Enqueue(ctx, queue.Job{Binding: key, DedupKey: key.String() + "/" + invs[i], Type: "bench.probe"})
				if err != nil {
					firstErr.CompareAndSwap(nil, err)
					return
				}
				if added {
					missing.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if e, ok := firstErr.Load().(error); ok {
		return 0, e
	}
	return int(missing.Load()), nil
}

// pass sends signed deliveries from c keep-alive senders for d and reads
// the server processes' CPU time before and after.
// jobs, when not nil, reads how many jobs the server has finished so far.
func pass(c int, d time.Duration, u, secret string, pids func() []int, jobs func() float64) (result, error) {
	tr := &http.Transport{MaxIdleConnsPerHost: c, MaxConnsPerHost: c}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	defer tr.CloseIdleConnections()
	runID := time.Now().UnixNano()
	var seq, bad atomic.Int64
	var firstErr atomic.Value
	lat := make([][]time.Duration, c)
	invs := make([][]string, c)
	var wg sync.WaitGroup
	ps := pids()
	jobs0 := -1.0
	if jobs != nil {
		jobs0 = jobs()
	}
	cpu0 := cpuEach(ps)
	created := worldEnd.Format(time.RFC3339)
	start := time.Now()
	deadline := start.Add(d)
	for g := 0; g < c; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for time.Now().Before(deadline) {
				i := seq.Add(1)
				body := []byte(fmt.Sprintf(`{"ticket_id":"%d","created_at":"%s","event":"ticket.created"}`, firstTicket-1+tickets.Add(1), created))
				stamp := time.Now().UTC().Format("2006-01-02T15:04:05Z")
				m := hmac.New(sha256.New, []byte(secret))
				m.Write([]byte(stamp))
				m.Write(body)
				inv := fmt.Sprintf("bench-%d-%d", runID, i)
				req, _ := http.NewRequest("POST", u, bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-Zendesk-Webhook-Signature", base64.StdEncoding.EncodeToString(m.Sum(nil)))
				req.Header.Set("X-Zendesk-Webhook-Signature-Timestamp", stamp)
				req.Header.Set("X-Zendesk-Webhook-Invocation-Id", inv)
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					bad.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					lat[g] = append(lat[g], time.Since(t0))
					invs[g] = append(invs[g], inv)
				} else {
					bad.Add(1)
					firstErr.CompareAndSwap(nil, resp.Status)
				}
			}
		}(g)
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu1 := cpuEach(ps)
	finished := -1.0
	if jobs0 >= 0 {
		if jobs1 := jobs(); jobs1 >= 0 {
			finished = jobs1 - jobs0
		}
	}
	var all []time.Duration
	var answered []string
	for g := range lat {
		all = append(all, lat[g]...)
		answered = append(answered, invs[g]...)
	}
	slices.Sort(all)
	r := result{ok: int64(len(all)), errs: bad.Load(), rate: float64(len(all)) / elapsed.Seconds(), load: loadavg(), answeredInvs: answered, jobs: finished, cpuPerJob: -1}
	if s, ok := firstErr.Load().(string); ok {
		r.firstErr = s
	}
	if len(all) == 0 {
		return r, fmt.Errorf("no delivery answered 200 in %s (first error: %s)", d, r.firstErr)
	}
	r.p50, r.p99 = all[len(all)/2], all[int(0.99*float64(len(all)-1))]
	used, err := cpuUsed(ps, cpu0, cpu1)
	if err != nil {
		return r, err
	}
	var ticks int64
	for _, t := range used {
		ticks += t
		r.cpuSplit = append(r.cpuSplit, float64(t)/clockTicks*1e6/float64(len(all)))
	}
	r.serverCPUSecs = float64(ticks) / clockTicks
	r.cpuPerDeliv = r.serverCPUSecs * 1e6 / float64(len(all))
	return r, nil
}

// clockTicks is USER_HZ, the unit of /proc/<pid>/stat times: 100 on every
// Linux architecture Go supports.
const clockTicks = 100

// cpuUsed is the CPU ticks each process used between two cpuEach
// readings. A process that was gone at either reading (one that exited or
// was restarted during the pass) makes the pass invalid: its figure is
// unknown, and counting it as 0 would make it negative.
func cpuUsed(pids []int, before, after []int64) ([]int64, error) {
	used := make([]int64, len(pids))
	for i, p := range pids {
		if before[i] < 0 || after[i] < 0 {
			return nil, fmt.Errorf("process %d exited during the pass; its CPU use is unknown", p)
		}
		used[i] = after[i] - before[i]
	}
	return used, nil
}

// cpuEach is utime+stime of each process (-1 for one that is gone).
func cpuEach(pids []int) []int64 {
	ticks := make([]int64, len(pids))
	for i, p := range pids {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p))
		if err != nil {
			ticks[i] = -1
			continue
		}
		// The command name may hold spaces: fields count from the last ')'.
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
		// f[0] is field 3 (state); utime and stime are fields 14 and 15.
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		ticks[i] = ut + st
	}
	return ticks
}

// children lists the direct child processes of pid (the plugin).
func children(pid int) []int {
	ents, _ := os.ReadDir("/proc")
	var out []int
	for _, e := range ents {
		p, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p))
		if err != nil {
			continue
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
		if len(f) > 1 && f[1] == strconv.Itoa(pid) {
			out = append(out, p)
		}
	}
	return out
}

// redisPid asks Redis for its process id; 0 when it is not on this machine.
func redisPid(u string) int {
	opts, err := redis.ParseURL(u)
	if err != nil {
		return 0
	}
	c := redis.NewClient(opts)
	defer c.Close()
	info, err := c.Info(context.Background(), "server").Result()
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(info, "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "process_id:"); ok {
			p, _ := strconv.Atoi(v)
			if _, err := os.Stat(fmt.Sprintf("/proc/%d", p)); err == nil {
				return p
			}
		}
	}
	return 0
}

// memoryFlood posts o.flood bodies of o.floodSize bytes at once, each on
// its own connection, signed with a wrong secret (so they are read and
// refused), sampling the RSS of the gateway and its plugin.
func memoryFlood(o options, u, secret string, pids func() []int) (string, error) {
	ps := pids()
	rss0 := rss(ps)
	body := bytes.Repeat([]byte("x"), o.floodSize)
	stamp := time.Now().UTC().Format("2006-01-02T15:04:05Z")
	m := hmac.New(sha256.New, []byte("not-"+secret))
	m.Write([]byte(stamp))
	m.Write(body)
	sig := base64.StdEncoding.EncodeToString(m.Sum(nil))
	var peak atomic.Int64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			if r := rss(ps); r > peak.Load() {
				peak.Store(r)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	gate := make(chan struct{})
	time.AfterFunc(2*time.Second, func() { close(gate) })
	var mu sync.Mutex
	codes := map[string]int{}
	var wg sync.WaitGroup
	start := time.Now()
	for i := 0; i < o.flood; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr := &http.Transport{DisableKeepAlives: true}
			defer tr.CloseIdleConnections()
			// All but the last byte now, the last once every post has
			// started: every body is in flight at once, as from slow
			// senders.
			req, _ := http.NewRequest("POST", u, io.MultiReader(bytes.NewReader(body[:len(body)-1]), &gated{open: gate, b: body[len(body)-1:]}))
			req.ContentLength = int64(len(body))
			req.Header.Set("X-Zendesk-Webhook-Signature", sig)
			req.Header.Set("X-Zendesk-Webhook-Signature-Timestamp", stamp)
			resp, err := (&http.Client{Transport: tr, Timeout: 60 * time.Second}).Do(req)
			k := ""
			if err != nil {
				k = "connection closed early"
			} else {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				k = strconv.Itoa(resp.StatusCode)
			}
			mu.Lock()
			codes[k]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	took := time.Since(start)
	close(stop)
	<-sampled
	var parts []string
	for k, n := range codes {
		parts = append(parts, fmt.Sprintf("%s×%d", k, n))
	}
	slices.Sort(parts)
	return fmt.Sprintf("memory: %d concurrent posts of %d KiB (wrong signature, last byte held back 2 s so all are in flight at once) in %s, answered %s; gateway+plugin RSS %d MiB before, peak %d MiB",
		o.flood, o.floodSize>>10, took.Round(time.Millisecond), strings.Join(parts, " "), rss0>>20, peak.Load()>>20), nil
}

// gated reads b once open is closed.
type gated struct {
	open <-chan struct{}
	b    []byte
}

func (g *gated) Read(p []byte) (int, error) {
	<-g.open
	if len(g.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, g.b)
	g.b = g.b[n:]
	return n, nil
}

// rss sums VmRSS of the processes, in bytes.
func rss(pids []int) int64 {
	var total int64
	for _, p := range pids {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				f := strings.Fields(v)
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				total += kb << 10
			}
		}
	}
	return total
}

func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:3], " ")
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func waitReady(base string, d time.Duration) error {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond) // polling an external process with a deadline
	}
	return fmt.Errorf("gateway at %s not healthy within %s", base, d)
}

func connect(gwURL string) error {
	// The jar carries the cookie that binds the OAuth state to this client
	// from /connect to the callback.
	jar, err := cookiejar.New(nil)
	if err != nil {
		return err
	}
	noFollow := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest("GET", gwURL+"/connect/zendesk/bench", nil)
	req.Header.Set("Authorization", "Bearer bench-admin-token-0123456789abcdef0123")
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

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Write keeps only the last 64 KiB: the logs are shown when something
// fails, and a long run must not grow the bench's memory.
func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if b, ok := l.w.(*bytes.Buffer); ok && b.Len() > 64<<10 {
		rest := bytes.Clone(b.Bytes()[b.Len()-32<<10:])
		b.Reset()
		b.Write(rest)
	}
	return l.w.Write(p)
}

func tail(s string) string {
	if len(s) > 4000 {
		return "…" + s[len(s)-4000:]
	}
	return s
}

// jobsFinished sums deskgate_job_duration_seconds_count (jobs settled by the
// workers, any outcome) from the gateway's /metrics; -1 when unreadable.
func jobsFinished(gwURL string) float64 {
	by, err := jobOutcomes(gwURL)
	if err != nil {
		return -1
	}
	var n float64
	for _, v := range by {
		n += v
	}
	return n
}

// jobOutcomes is deskgate_job_duration_seconds_count by its outcome label
// (done, dead, skipped, retry, ...) from the gateway's /metrics.
func jobOutcomes(gwURL string) (map[string]float64, error) {
	resp, err := http.Get(gwURL + "/metrics")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("metrics answered %s", resp.Status)
	}
	by := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "deskgate_job_duration_seconds_count") {
			continue
		}
		f := strings.Fields(line)
		v, err := strconv.ParseFloat(f[len(f)-1], 64)
		if err != nil {
			return nil, fmt.Errorf("metrics line %q: %w", line, err)
		}
		outcome := "?"
		if _, rest, ok := strings.Cut(line, `outcome="`); ok {
			outcome, _, _ = strings.Cut(rest, `"`)
		}
		by[outcome] += v
	}
	return by, sc.Err()
}

// formatOutcomes is "dead 8809, done 12": the jobs settled so far by outcome.
func formatOutcomes(by map[string]float64) string {
	if len(by) == 0 {
		return "none"
	}
	var parts []string
	for k, v := range by {
		parts = append(parts, fmt.Sprintf("%s %.0f", k, v))
	}
	slices.Sort(parts)
	return strings.Join(parts, ", ")
}

// checkJobs fails when the jobs did not do a desk's work: a job
// dead-lettered or skipped, no job done, or the sandbox's counts not matching the done jobs (each sets severity and
// service once and posts one triage note, plus an analysis note and link
// when severe), or a field set twice on one ticket (a job's work done
// twice). The counts are read while the workers drain the backlog, between
// two readings of the outcomes (before, by): they lie between the done jobs
// of the first and those of the second plus the jobs in flight (up to
// slack), a job's write-backs made before its settle is counted.
func checkJobs(before, by map[string]float64, got sandbox.SyntheticCounts, slack int) error {
	done0, done := int64(before["done"]), int64(by["done"])
	if err := wrongPath(by); err != nil {
		return err
	}
	if done == 0 {
		return errors.New("no job finished: the figures would not measure the workers")
	}
	for _, f := range []int64{severityField, analysisURLField} {
		if n := got.FieldSetsAgain[f]; n > 0 {
			return fmt.Errorf("the sandbox saw field %d set %d times on a ticket where it was set already: jobs did their work twice", f, n)
		}
	}
	triaged, analyzed := got.FieldSets[severityField], got.FieldSets[analysisURLField]
	s := int64(slack)
	if triaged < done0 || triaged > done+s {
		return fmt.Errorf("%d to %d jobs done (read before and after the sandbox's counts) but the sandbox saw severity set %d times (want %d to %d)", done0, done, triaged, done0, done+s)
	}
	if d := got.Notes - triaged - analyzed; d < -s || d > s {
		return fmt.Errorf("the sandbox received %d notes for %d triaged and %d analyzed tickets (want one each, give or take %d in flight)", got.Notes, triaged, analyzed, s)
	}
	if got.Replies != 0 {
		return fmt.Errorf("the sandbox received %d public replies with posting_mode internal", got.Replies)
	}
	return nil
}

// wrongPath fails when jobs were dead-lettered or skipped: they ended
// without their triage and notes. A retry (a step failed, the job runs
// again) or a deferral is counted again when the job ends, so it passes.
func wrongPath(by map[string]float64) error {
	for _, k := range []string{"dead", "skipped"} {
		if by[k] > 0 {
			return fmt.Errorf("%.0f jobs ended %s (outcomes: %s): the figures would not measure jobs that triage and post their notes", by[k], k, formatOutcomes(by))
		}
	}
	return nil
}

// firstJobsDone waits until the gateway's workers have settled a job and
// fails when one settled other than done.
func firstJobsDone(gwURL string, d time.Duration) error {
	deadline := time.Now().Add(d)
	for {
		by, err := jobOutcomes(gwURL)
		if err != nil {
			return err
		}
		if err := wrongPath(by); err != nil {
			return err
		}
		if by["done"] > 0 {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("no job finished within %s of the warm-up", d)
		}
		time.Sleep(100 * time.Millisecond) // polling an external process with a deadline
	}
}

// demoProject is the demo's project block, read from configs/deskgate.hcl
// (its services, aliases, core flows and masking) with its log source's
// paths pointed at the bench's generated logs.
func demoProject(logsDir string) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	// From the module's root, found upwards (make bench runs there, go
	// test in the package's folder).
	for dir := wd; ; dir = filepath.Dir(dir) {
		b, err := os.ReadFile(filepath.Join(dir, "configs", "deskgate.hcl"))
		if err == nil {
			return projectBlock(string(b), filepath.Join(logsDir, "*.jsonl"))
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("configs/deskgate.hcl not found from %s up", wd)
		}
	}
}

var logPaths = regexp.MustCompile(`(?m)^(\s*paths\s*=\s*)\[[^\]]*\]`)

// projectBlock cuts the `project "checkout"` block out of the demo config
// and sets its log paths to glob.
func projectBlock(cfg, glob string) (string, error) {
	start := strings.Index(cfg, "project \"checkout\" {")
	if start < 0 {
		return "", errors.New(`configs/deskgate.hcl has no project "checkout" block`)
	}
	n := strings.Index(cfg[start:], "\n}")
	if n < 0 {
		return "", errors.New(`configs/deskgate.hcl: the project "checkout" block does not end`)
	}
	block := cfg[start : start+n+2]
	if len(logPaths.FindAllStringIndex(block, -1)) != 1 {
		return "", errors.New(`configs/deskgate.hcl: want one log source paths line in the project "checkout" block`)
	}
	return logPaths.ReplaceAllString(block, "${1}["+strings.ReplaceAll(strconv.Quote(glob), "$", "$$")+"]"), nil
}
