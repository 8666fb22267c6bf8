// Command analysis benchmarks log analysis (`make bench` runs it):
//
//  1. a 5 M-line jsonl file covering two hours, analysed over those two
//     hours: throughput in lines/s (goal ≥ 1 M/s) and peak RSS (goal
//     < 300 MB, VmHWM from /proc/self/status);
//  2. a two-hour window inside a much larger file: time, and bytes read
//     against the file size (the seek must not scan the whole file).
//
// Files go to a temporary directory that is removed at the end.
//
//	go run ./internal/bench/analysis [-lines 5000000] [-keep]
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/analysis"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/triage"
)

func main() {
	lines := flag.Int("lines", 5_000_000, "lines in the two-hour file")
	bigLines := flag.Int("big-lines", 15_000_000, "lines in the large file (three days)")
	keep := flag.Bool("keep", false, "keep the generated files")
	flag.Parse()
	if err := run(*lines, *bigLines, *keep); err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		os.Exit(1)
	}
}

var end = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func spec(from time.Time, lines int, seed uint64) gen.Spec {
	minutes := end.Sub(from).Minutes()
	perMinute := 0.0
	for _, s := range gen.CheckoutServices(1) {
		perMinute += s.PerMinute
	}
	return gen.Spec{
		Seed: seed, From: from, To: end, Services: gen.CheckoutServices(float64(lines) / minutes / perMinute),
		Incidents: []gen.Incident{
			{Service: "payments", Start: end.Add(-40 * time.Minute), Duration: time.Hour, FailRate: 0.5, Status: 504,
				Message: "processor timeout: acquirer did not respond within 10000ms for ch_{id}"},
			{Service: "checkout-api", Start: end.Add(-38 * time.Minute), Duration: time.Hour, FailRate: 0.35, Status: 502,
				Message: "upstream payments returned 504 for order={n}"},
		},
	}
}

func generate(path string, s gen.Spec) (int, int64, error) {
	fmt.Printf("generating %s (%s – %s)…\n", filepath.Base(path), s.From.Format(time.RFC3339), s.To.Format(time.RFC3339))
	start := time.Now()
	n, size, err := gen.WriteFile(s, path)
	if err != nil {
		return 0, 0, err
	}
	fmt.Printf("  %d lines, %.0f MB in %s\n", n, float64(size)/1e6, time.Since(start).Round(time.Millisecond))
	return n, size, nil
}

func project(path string) (triage.Project, error) {
	src, err := logs.NewFileSource("bench", []string{path}, logs.FormatJSONL)
	if err != nil {
		return triage.Project{}, err
	}
	return triage.Project{Name: "checkout", Sources: []logs.Querier{src}, Services: []triage.Service{
		{Name: "checkout-api", Core: true}, {Name: "payments", Core: true}, {Name: "auth", Core: true},
		{Name: "search"}, {Name: "notifications"},
	}}, nil
}

func run(lines, bigLines int, keep bool) error {
	dir, err := os.MkdirTemp("", "deskgate-bench-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("files kept in", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	ctx := context.Background()
	fmt.Printf("deskgate analysis bench — %s, GOMAXPROCS=%d\n", runtime.Version(), runtime.GOMAXPROCS(0))

	// 1. Throughput over a whole two-hour file.
	small := filepath.Join(dir, "two-hours.jsonl")
	n, size, err := generate(small, spec(end.Add(-2*time.Hour), lines, 1))
	if err != nil {
		return err
	}
	p, err := project(small)
	if err != nil {
		return err
	}
	res := triage.Result{Severity: triage.Critical, AffectedService: "checkout-api", Confidence: triage.ConfHigh,
		Window: triage.Window{From: end.Add(-2 * time.Hour), To: end}, Analyze: true}
	tk := triage.Ticket{ID: "bench", Subject: "checkout down", CreatedAt: end}
	runtime.GC()
	fmt.Println("analysing the two-hour window…")
	start, cpu0 := time.Now(), cpuTime()
	rep, err := analysis.Analyze(ctx, p, tk, res)
	if err != nil {
		return err
	}
	el, cpu := time.Since(start), cpuTime()-cpu0
	fmt.Printf("  %d lines (%.0f MB) in %s wall: %.2f M lines/s, %.0f MB/s\n", rep.Stats.Lines, float64(rep.Stats.BytesRead)/1e6,
		el.Round(time.Millisecond), float64(rep.Stats.Lines)/el.Seconds()/1e6, float64(rep.Stats.BytesRead)/el.Seconds()/1e6)
	fmt.Printf("  CPU time %s (%.2f M lines per CPU-second; on a busy machine wall time includes waiting for a core)\n",
		cpu.Round(time.Millisecond), float64(rep.Stats.Lines)/cpu.Seconds()/1e6)
	fmt.Printf("  %d templates, top %q ×%d; cause: %s\n", len(rep.Templates), top(rep), topCount(rep), rep.CauseService)
	fmt.Printf("  peak RSS (VmHWM) %s\n", vmHWM())
	if rep.Stats.Lines != n {
		fmt.Printf("  WARNING: read %d lines of %d\n", rep.Stats.Lines, n)
	}
	_ = size
	os.Remove(small)

	// 2. A two-hour window inside a much larger file.
	big := filepath.Join(dir, "three-days.jsonl")
	_, bigSize, err := generate(big, spec(end.Add(-72*time.Hour), bigLines, 2))
	if err != nil {
		return err
	}
	p, err = project(big)
	if err != nil {
		return err
	}
	for _, round := range []string{"first (file range not cached)", "second (cached)"} {
		start = time.Now()
		rep, err = analysis.Analyze(ctx, p, tk, res)
		if err != nil {
			return err
		}
		el = time.Since(start)
		fmt.Printf("two-hour window in a %.0f MB file, %s: %s, %d lines examined, %.1f MB read of %.0f MB (%.2f%%)\n",
			float64(bigSize)/1e6, round, el.Round(time.Millisecond), rep.Stats.Lines, float64(rep.Stats.BytesRead)/1e6,
			float64(bigSize)/1e6, 100*float64(rep.Stats.BytesRead)/float64(bigSize))
	}
	fmt.Printf("peak RSS (VmHWM) %s\n", vmHWM())
	return nil
}

func top(r *analysis.Report) string {
	if len(r.Templates) == 0 {
		return ""
	}
	return r.Templates[0].Pattern
}

func topCount(r *analysis.Report) int {
	if len(r.Templates) == 0 {
		return 0
	}
	return r.Templates[0].Count
}

// cpuTime is the process's user+system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func vmHWM() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
