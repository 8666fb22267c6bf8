package analysis_test

import (
	"context"
	"encoding/json"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/assess"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/internal/demojobs"
	"github.com/sigsentry/deskgate/sdk"
)

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
	s := demojobs.New(b, "bench")
	return s.Assessor, s.Binding, s.Tickets
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
				demojobs.Unmeasured(an.Report)
				j, _ = json.Marshal(an.Report)
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

// benchEnd is where the ingress bench's demo logs end.
var benchEnd = demojobs.End
