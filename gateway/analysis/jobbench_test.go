package analysis_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/assess"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
	"github.com/sigsentry/deskgate/sdk"
)

// benchEnd is where the ingress bench's demo logs end.
var benchEnd = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// cpuTime is the process's CPU time so far (user + system): the parse runs
// on several goroutines, so wall time per job understates what it costs.
func cpuTime(b testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchJobs sets up the ingress bench's assessing: its assessor, binding
// and tickets.
func benchJobs(b testing.TB) (*assess.Assessor, *config.Binding, []*sdk.Ticket) {
	dir := b.TempDir()
	if _, err := gen.WriteDir(gen.Demo(1, benchEnd, 6*time.Hour, 1), dir); err != nil {
		b.Fatal(err)
	}
	// The checkout project of configs/deskgate.hcl, its log source on dir.
	pc := &config.Project{Name: "checkout", Services: []string{"checkout-api", "payments", "auth", "search", "notifications"},
		Service: map[string]*config.Service{
			"checkout-api":  {Name: "checkout-api", Aliases: []string{"checkout", "cart", "payment page", "place order"}, Core: true},
			"payments":      {Name: "payments", Aliases: []string{"payment", "card", "charge", "refund", "billing"}, Core: true},
			"auth":          {Name: "auth", Aliases: []string{"login", "log in", "sign in", "password", "2fa", "sso"}, Core: true},
			"search":        {Name: "search", Aliases: []string{"search results", "find products"}},
			"notifications": {Name: "notifications", Aliases: []string{"email", "notification", "sms", "push"}},
		},
		LogSources:  []*config.LogSource{{Type: config.LogSourceFile, Name: "app", Paths: []string{filepath.Join(dir, "*.jsonl")}, Format: "jsonl"}},
		MaskSamples: true,
	}
	cfg := &config.Config{Projects: map[string]*config.Project{"checkout": pc}}
	bc := &config.Binding{Platform: "zendesk", Name: "bench", Project: "checkout", PostingMode: "internal",
		AutoAnalyzeThreshold: "high", DefaultTimeBuffer: 2 * time.Hour, Timezone: time.UTC}
	a := assess.New(func() *config.Config { return cfg }, nil)
	var tickets []*sdk.Ticket
	for i, in := range sandbox.DemoTicketTemplates(benchEnd) {
		tickets = append(tickets, &sdk.Ticket{ID: "t" + string(rune('0'+i)), Subject: in.Subject, Description: in.Description,
			Priority: in.Priority, RequesterName: in.RequesterName, CreatedAt: in.CreatedAt.UTC().Truncate(time.Second)})
	}
	return a, bc, tickets
}

// BenchmarkJob_demo is the assessing part of the ingress bench's jobs, in
// process: the demo config's checkout project over 6 h of gen.Demo logs in
// a temp dir, the bench binding (2 h buffer, auto-analysis at high), the
// sandbox's five synthetic ticket templates in turn. Each job triages its
// ticket, renders the note, and when triage says so runs the analysis,
// encodes it and renders its note, as the pipeline's stages do; with the
// parsed-file cache off (the read as it was) and on.
func BenchmarkJob_demo(b *testing.B) {
	for _, cache := range []bool{false, true} {
		b.Run(fmt.Sprint("filecache=", cache), func(b *testing.B) {
			if !cache {
				logs.SetFileCacheLimit(0)
				defer logs.SetFileCacheLimit(logs.DefaultFileCacheBytes)
			}
			a, bc, tickets := benchJobs(b)
			ctx := context.Background()
			analyzed := 0
			b.ReportAllocs()
			c0 := cpuTime(b)
			b.ResetTimer()
			for i := range b.N {
				t := tickets[i%len(tickets)]
				res, err := a.Triage(ctx, bc, t)
				if err != nil {
					b.Fatal(err)
				}
				_ = assess.TriageNoteHTML(res)
				if !res.Analyze {
					continue
				}
				analyzed++
				an, err := a.Analyze(ctx, bc, t, res)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := an.JSON(); err != nil {
					b.Fatal(err)
				}
				_ = an.NoteHTML("https://gw.example/analyses/x")
			}
			b.StopTimer()
			b.ReportMetric(float64(cpuTime(b)-c0)/float64(time.Microsecond)/float64(b.N), "cpu-µs/job")
			b.ReportMetric(float64(analyzed)/float64(b.N), "analyzed/job")
		})
	}
}

// The parsed-file cache changes no triage verdict and no analysis: each
// demo ticket judged and analysed with it (twice, the second from the
// cache) and without it comes out the same, but for what measures the run
// itself (its time, the bytes read from disk).
func TestJobs_sameWithTheFileCache(t *testing.T) {
	ctx := context.Background()
	run := func() []string {
		a, bc, tickets := benchJobs(t)
		var out []string
		for _, tk := range tickets {
			for range 2 {
				res, err := a.Triage(ctx, bc, tk)
				if err != nil {
					t.Fatal(err)
				}
				j, _ := json.Marshal(res)
				out = append(out, string(j), assess.TriageNoteHTML(res))
				if !res.Analyze {
					continue
				}
				an, err := a.Analyze(ctx, bc, tk, res)
				if err != nil {
					t.Fatal(err)
				}
				r := an.Report
				r.Elapsed, r.GeneratedAt, r.Stats.BytesRead = "", time.Time{}, 0
				for i := range r.Sources {
					r.Sources[i].Bytes = 0
				}
				j, _ = json.Marshal(r)
				out = append(out, string(j), an.NoteHTML("https://gw.example/analyses/x"))
			}
		}
		return out
	}
	cached := run()
	logs.SetFileCacheLimit(0)
	defer logs.SetFileCacheLimit(logs.DefaultFileCacheBytes)
	plain := run()
	if len(cached) != len(plain) {
		t.Fatalf("%d results with the cache, %d without", len(cached), len(plain))
	}
	for i := range plain {
		if cached[i] != plain[i] {
			t.Errorf("result %d with the cache:\n%s\nwithout:\n%s", i, cached[i], plain[i])
		}
	}
}
