// Command logstores benchmarks the analysis input of one service from a
// log store against the same from a file (`make bench` runs it): a 2 h
// window of N lines (5 M by default) held both in a jsonl file and in a
// real VictoriaLogs, one service's per-minute counts and its newest
// max_lines lines pulled from each. It prints wall time, lines pulled and
// bytes transferred (read from disk for the file), and checks that the
// counts agree exactly: they are computed by the store, so the timeline
// needs no more lines pulled than max_lines however large the window.
// Then the gateway's analysis (analysis.Analyze) runs over each, printing
// wall time, lines read or pulled and bytes, and the timelines must match.
//
//	go run ./internal/bench/logstores [-lines 5000000] [-max-lines 200000] [-service payments]
package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/analysis"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/storehttp"
	"github.com/sigsentry/deskgate/gateway/logs/victorialogs"
	"github.com/sigsentry/deskgate/gateway/triage"
	"github.com/sigsentry/deskgate/internal/victorialogstest"
)

func main() {
	lines := flag.Int("lines", 5_000_000, "lines in the two-hour window (all services)")
	maxLines := flag.Int("max-lines", logs.DefaultMaxLines, "lines pulled per window (max_lines)")
	service := flag.String("service", "payments", "the service analysed")
	flag.Parse()
	if err := run(*lines, *maxLines, *service); err != nil {
		fmt.Fprintf(os.Stderr, "bench: %v\n", err)
		os.Exit(1)
	}
}

func spec(from, to time.Time, lines int) gen.Spec {
	perMinute := 0.0
	for _, s := range gen.CheckoutServices(1) {
		perMinute += s.PerMinute
	}
	return gen.Spec{Seed: 42, From: from, To: to, Services: gen.CheckoutServices(float64(lines) / to.Sub(from).Minutes() / perMinute),
		Incidents: []gen.Incident{{Service: "payments", Start: to.Add(-40 * time.Minute), Duration: time.Hour, FailRate: 0.5, Status: 504,
			Message: "processor timeout: acquirer did not respond within 10000ms for ch_{id}"}}}
}

func run(n, maxLines int, svc string) error {
	bin, err := victorialogstest.FindBinary()
	if err != nil {
		return fmt.Errorf("victoria-logs: %w (make victoria-logs installs it)", err)
	}
	dir, err := os.MkdirTemp("", "deskgate-bench-logstores-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	vl, err := victorialogstest.Run(bin, filepath.Join(dir, "vl"))
	if err != nil {
		return err
	}
	defer vl.Stop()

	to := time.Now().UTC().Truncate(time.Hour).Add(-time.Hour)
	from := to.Add(-2 * time.Hour)
	path := filepath.Join(dir, "all.jsonl")
	fmt.Printf("generating %d lines over %s – %s into a file and VictoriaLogs…\n", n, from.Format(time.RFC3339), to.Format(time.RFC3339))
	start := time.Now()
	total, size, ingestTime, err := generate(path, spec(from, to, n), vl)
	if err != nil {
		return err
	}
	fmt.Printf("  %d lines, %.0f MB, in %s (of which VictoriaLogs ingestion %s)\n\n", total, float64(size)/1e6, time.Since(start).Round(time.Millisecond), ingestTime.Round(time.Millisecond))

	file, err := logs.NewFileSource("file", []string{path}, logs.FormatJSONL)
	if err != nil {
		return err
	}
	file.SetMaxLines(maxLines)
	store, err := victorialogs.New(victorialogs.Config{HTTP: storehttp.Config{Name: "victorialogs", URLs: []string{vl.URL}, Timeout: 5 * time.Minute}, MaxLines: maxLines})
	if err != nil {
		return err
	}
	ctx := context.Background()
	fmt.Printf("analysis input of %q over the 2 h window, max_lines %d:\n", svc, maxLines)
	fmt.Printf("  %-13s %-7s %10s %12s %14s %9s\n", "source", "part", "wall", "lines", "bytes", "requests")
	var counts [2]*logs.Counts
	for i, q := range []logs.Querier{file, store} {
		t0 := time.Now()
		c, st, err := q.Counts(ctx, logs.CountQuery{Services: []string{svc}, From: from, To: to})
		if err != nil {
			return err
		}
		counts[i] = c
		fmt.Printf("  %-13s %-7s %10s %12d %14d %9d\n", q.Name(), "counts", time.Since(t0).Round(time.Millisecond), 0, st.Bytes, st.Requests)
		t0 = time.Now()
		st, err = q.Lines(ctx, logs.LineQuery{Service: svc, From: from, To: to, Order: logs.NewestFirst}, func(*logs.Record) error { return nil })
		if err != nil {
			return err
		}
		fmt.Printf("  %-13s %-7s %10s %12d %14d %9d  (capped: %v)\n", q.Name(), "lines", time.Since(t0).Round(time.Millisecond), st.Lines, st.Bytes, st.Requests, st.Truncated)
	}
	fs, vs := counts[0].Sum(svc), counts[1].Sum(svc)
	equal := fmt.Sprint(counts[0].Services) == fmt.Sprint(counts[1].Services)
	fmt.Printf("\n%s in the window: %d lines, %d failures (file) vs %d, %d (VictoriaLogs); per-minute counts equal: %v\n", svc, fs.Total, fs.Failures, vs.Total, vs.Failures, equal)
	fmt.Printf("timeline from store-computed counts over %d minutes: 0 lines pulled for it; lines pulled ≤ max_lines (%d)\n", counts[1].Minutes, maxLines)
	if !equal {
		return fmt.Errorf("per-minute counts differ between the file and VictoriaLogs")
	}
	return analyse(ctx, file, store, svc, from, to, maxLines)
}

// analyse runs the gateway's analysis (analysis.Analyze, as a ticket's
// job does) of svc over the window from the file and from the store.
func analyse(ctx context.Context, file, store logs.Querier, svc string, from, to time.Time, maxLines int) error {
	res := triage.Result{Severity: triage.Critical, Confidence: "high", AffectedService: svc, Window: triage.Window{From: from, To: to}}
	tk := triage.Ticket{ID: "bench", Subject: svc + " failing", CreatedAt: to}
	fmt.Printf("\nanalysis of %q over the 2 h window through analysis.Analyze (the baseline before it is empty here), max_lines %d:\n", svc, maxLines)
	fmt.Printf("  %-13s %10s %14s %14s %9s %9s  %s\n", "source", "wall", "lines read", "bytes", "requests", "capped", "top template")
	var reps [2]*analysis.Report
	for i, q := range []logs.Querier{file, store} {
		p := triage.Project{Name: "bench", Sources: []logs.Querier{logs.NewUnion(q)}, Services: []triage.Service{{Name: svc}}}
		t0 := time.Now()
		rep, err := analysis.Analyze(ctx, p, tk, res)
		if err != nil {
			return err
		}
		reps[i] = rep
		use := rep.Sources[0]
		top := ""
		if len(rep.Templates) > 0 {
			top = rep.Templates[0].Pattern
		}
		fmt.Printf("  %-13s %10s %14d %14d %9d %9v  %s\n", q.Name(), time.Since(t0).Round(time.Millisecond), use.Read, use.Bytes, rep.Queries.Requests, use.Truncated, top)
	}
	sameTimeline := fmt.Sprint(reps[0].Timeline) == fmt.Sprint(reps[1].Timeline)
	fmt.Printf("timeline (%d buckets of %d min) equal: %v; %s lines in the file's timeline, %d lines pulled from the store (max_lines %d)\n",
		len(reps[1].Timeline), reps[1].BucketMinutes, sameTimeline, fmt.Sprint(reps[0].ServiceSources["file"]), reps[1].Sources[0].Read, maxLines)
	if !sameTimeline {
		return fmt.Errorf("the analysis timeline differs between the file and VictoriaLogs")
	}
	if reps[1].Sources[0].Read > maxLines {
		return fmt.Errorf("%d lines pulled from the store, more than max_lines %d", reps[1].Sources[0].Read, maxLines)
	}
	return nil
}

// generate writes the lines to path and ingests them into vl in chunks.
func generate(path string, s gen.Spec, vl *victorialogstest.Server) (int, int64, time.Duration, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, 0, 0, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	var chunk bytes.Buffer
	var ingest time.Duration
	ctx := context.Background()
	flush := func() error {
		t0 := time.Now()
		err := vl.Ingest(ctx, bytes.NewReader(chunk.Bytes()), victorialogstest.IngestOptions{})
		ingest += time.Since(t0)
		chunk.Reset()
		return err
	}
	n, size := 0, int64(0)
	err = gen.Stream(s, func(_ string, line []byte) error {
		n++
		size += int64(len(line)) + 1
		w.Write(line)
		w.WriteByte('\n')
		chunk.Write(line)
		chunk.WriteByte('\n')
		if chunk.Len() >= 16<<20 {
			return flush()
		}
		return nil
	})
	if err == nil && chunk.Len() > 0 {
		err = flush()
	}
	if err == nil {
		err = w.Flush()
	}
	return n, size, ingest, err
}
