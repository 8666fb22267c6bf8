package analysis_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/analysis"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/triage"
)

// perRecord hides a file source's ReadTally, so triage.Gather counts its
// records one by one, as it did before files counted for it.
type perRecord struct{ *logs.FileSource }

func (p perRecord) ReadTally() {} // shadows the file source's: not a tallier

func (p perRecord) Read(ctx context.Context, from, to time.Time, fn func(*logs.Record) error) (logs.Stats, error) {
	return p.FileSource.Read(ctx, from, to, fn)
}

// gathered is what Gather and the analysis make of a window, as text:
// the evidence (with each service's minutes, which its JSON leaves out),
// the lines each saw, and the analysis report.
func gathered(t *testing.T, src logs.Querier, w triage.Window) string {
	t.Helper()
	ctx := context.Background()
	var seen []string
	ev, err := triage.Gather(ctx, []logs.Querier{src}, w, func(r *logs.Record, in bool, _ string) error {
		seen = append(seen, fmt.Sprintf("%v %s %s %s %d %s %v %q", r.Time, r.Level, r.Service, r.Source, r.Status, r.Message, in, r.Raw))
		return nil
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// What measures the run itself (bytes read from disk) depends on what
	// the cache held.
	ev.Stats.BytesRead = 0
	for i := range ev.Sources {
		ev.Sources[i].Bytes = 0
	}
	j, _ := json.Marshal(ev)
	out := string(j)
	for _, se := range ev.Ranked() {
		m, _ := json.Marshal(se.Minutes)
		out += "\n" + se.Service + " " + string(m)
	}
	for _, l := range seen {
		out += "\n" + l
	}
	for _, svc := range []string{"payments", "checkout-api", "auth"} {
		rep, err := analysis.Analyze(ctx, triage.Project{Name: "p", Sources: []logs.Querier{src}}, triage.Ticket{ID: "t1"},
			triage.Result{Window: w, AffectedService: svc, Severity: "high"})
		if err != nil {
			t.Fatal(err)
		}
		rep.Elapsed, rep.GeneratedAt, rep.Stats.BytesRead = "", time.Time{}, 0
		for i := range rep.Sources {
			rep.Sources[i].Bytes = 0
		}
		j, _ := json.Marshal(rep)
		out += "\n" + string(j)
	}
	return out
}

// Counting in the file source (from the cache's columns, or record by
// record when a file is not cached or not sorted) gives Gather and the
// analysis exactly what counting each record in Gather gave: the same
// evidence, minutes, templates, lines passed on and reports, over windows
// that start and end inside a minute, with an unfinished last line, a file
// out of time order and one whose lines name no service.
func TestGather_sameWithTheFileTally(t *testing.T) {
	dir := t.TempDir()
	if _, err := gen.WriteDir(gen.Demo(1, benchEnd, 6*time.Hour, 1), dir); err != nil {
		t.Fatal(err)
	}
	at := func(d time.Duration) string { return benchEnd.Add(-d).Format(time.RFC3339Nano) }
	f, err := os.OpenFile(filepath.Join(dir, "payments.jsonl"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, `{"ts":%q,"level":"error","service":"payments","msg":"charge failed: upstream 503","status":503}`, at(10*time.Minute)) // an unfinished last line, out of order
	f.Close()
	var unsorted, nameless string
	for i := range 300 {
		d := time.Duration((i*7919)%(5*3600)) * time.Second // out of order
		lvl := []string{"info", "warn", "error"}[i%3]
		unsorted += fmt.Sprintf(`{"ts":%q,"level":%q,"service":"search","msg":"query %d took long","status":%d}`+"\n", at(d), lvl, i%17, []int{200, 503, 404}[i%3])
		nameless += fmt.Sprintf(`{"ts":%q,"level":%q,"msg":"sent mail %d"}`+"\n", at(time.Duration(300-i)*time.Minute), lvl, i%5)
	}
	for name, body := range map[string]string{"search-old.jsonl": unsorted, "mailer.jsonl": nameless} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, err := logs.NewFileSource("app", []string{filepath.Join(dir, "*.jsonl")}, "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	windows := []triage.Window{
		{From: benchEnd.Add(-47*time.Minute - 13*time.Second), To: benchEnd.Add(-5*time.Minute + 29*time.Second)},
		{From: benchEnd.Add(-2 * time.Hour), To: benchEnd},
		{From: benchEnd.Add(-3*time.Hour - 500*time.Millisecond), To: benchEnd.Add(time.Hour)},
		{From: benchEnd.Add(-20 * time.Minute), To: benchEnd.Add(-19*time.Minute + time.Second)},
	}
	for i, w := range windows {
		want := gathered(t, perRecord{src}, w)
		for pass, cache := range []int64{logs.DefaultFileCacheBytes, logs.DefaultFileCacheBytes, 0} {
			logs.SetFileCacheLimit(cache)
			if got := gathered(t, src, w); got != want {
				t.Errorf("window %d, pass %d (cache %d): counted by the file source:\n%.3000s\ncounted by Gather:\n%.3000s", i, pass, cache, got, want)
			}
		}
		logs.SetFileCacheLimit(logs.DefaultFileCacheBytes)
	}
}
