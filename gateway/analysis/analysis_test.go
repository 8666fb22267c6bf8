package analysis

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/triage"
)

var end = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// demoProject generates a world where payments starts failing at 11:35 and
// checkout-api (which calls it) at 11:37.
func demoProject(t *testing.T) triage.Project {
	t.Helper()
	dir := t.TempDir()
	spec := gen.Spec{
		Seed: 7, From: end.Add(-4 * time.Hour), To: end, Services: gen.CheckoutServices(1),
		Incidents: []gen.Incident{
			{Service: "payments", Start: end.Add(-25 * time.Minute), Duration: time.Hour, FailRate: 0.55, Status: 504,
				Message: "processor timeout: acquirer did not respond within 10000ms for ch_{id}"},
			{Service: "checkout-api", Start: end.Add(-23 * time.Minute), Duration: time.Hour, FailRate: 0.4, Status: 502,
				Message: "upstream payments returned 504 for order={n}"},
		},
	}
	if _, err := gen.WriteDir(spec, dir); err != nil {
		t.Fatal(err)
	}
	src, err := logs.NewFileSource("app", []string{filepath.Join(dir, "*.jsonl")}, logs.FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	return triage.Project{Name: "checkout", Sources: []logs.Querier{src}, Services: []triage.Service{
		{Name: "checkout-api", Aliases: []string{"checkout"}, Core: true}, {Name: "payments", Core: true},
		{Name: "auth", Core: true}, {Name: "search"}, {Name: "notifications"},
	}}
}

func TestAnalyze_namesTheEarlierFailingDependencyAsCause(t *testing.T) {
	p := demoProject(t)
	tk := triage.Ticket{ID: "42", Subject: "checkout down", Description: "checkout is down for everyone", CreatedAt: end}
	res, err := triage.New(p, triage.Settings{}).Triage(context.Background(), tk)
	if err != nil {
		t.Fatal(err)
	}
	if res.Severity != triage.Critical || res.AffectedService != "checkout-api" {
		t.Fatalf("triage = %s/%s, want critical/checkout-api (%v)", res.Severity, res.AffectedService, res.Reasons)
	}
	rep, err := Analyze(context.Background(), p, tk, res)
	if err != nil {
		t.Fatal(err)
	}
	if rep.CauseService != "payments" || !strings.Contains(rep.SuspectedCause, "payments") {
		t.Errorf("cause = %q (%s), want payments", rep.CauseService, rep.SuspectedCause)
	}
	if len(rep.Related) < 2 || rep.Related[0].Service != "payments" || rep.Related[1].Service != "checkout-api" {
		t.Errorf("related = %+v, want payments then checkout-api", rep.Related)
	}
	if len(rep.Templates) == 0 || rep.Templates[0].Pattern != "upstream payments returned <num> for order=<num>" || !rep.Templates[0].New {
		t.Fatalf("top template = %+v", rep.Templates)
	}
	top := rep.Templates[0]
	if top.Count < 50 || len(top.Samples) == 0 || top.FirstSeen.Before(end.Add(-24*time.Minute)) {
		t.Errorf("top template counts = %+v", top)
	}
	if want := end.Add(-23 * time.Minute); rep.Onset.Before(want.Add(-time.Minute)) || rep.Onset.After(want.Add(2*time.Minute)) {
		t.Errorf("onset %s, want about %s", rep.Onset, want)
	}
	var sum int
	for _, b := range rep.Timeline {
		sum += b.Failures
	}
	if sum < rep.Failures {
		t.Errorf("timeline holds %d failures, window %d", sum, rep.Failures)
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Errorf("report does not serialize: %v", err)
	}
}

func TestAnalyze_findsTheRealOnsetOfARiseUnderWayBeforeTheWindow(t *testing.T) {
	p := demoProject(t)
	tk := triage.Ticket{ID: "43", Subject: "checkout down", Description: "checkout has been down for everyone since 5 minutes", CreatedAt: end}
	res, err := triage.New(p, triage.Settings{}).Triage(context.Background(), tk)
	if err != nil {
		t.Fatal(err)
	}
	if res.Window.From.Before(end.Add(-16 * time.Minute)) {
		t.Fatalf("window %v should be the last 15 minutes", res.Window)
	}
	rep, err := Analyze(context.Background(), p, tk, res)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Related) < 2 || rep.Related[0].Service != "payments" || rep.CauseService != "payments" {
		t.Fatalf("related %+v, cause %q; want payments first", rep.Related, rep.CauseService)
	}
	for _, r := range rep.Related[:2] {
		want := end.Add(-25 * time.Minute)
		if r.Service == "checkout-api" {
			want = end.Add(-23 * time.Minute)
		}
		if d := r.Onset.Sub(want); d < -time.Minute || d > 2*time.Minute {
			t.Errorf("%s onset %s, want about %s", r.Service, r.Onset.Format("15:04"), want.Format("15:04"))
		}
	}
}

func TestAnalyze_describesFailureOnlyLogsPerMinute(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	from := end.Add(-3 * time.Hour)
	for m := 0; m < 180; m++ {
		n := 1
		if m >= 150 {
			n = 20
		}
		for k := 0; k < n; k++ {
			ts := from.Add(time.Duration(m)*time.Minute + time.Duration(k)*time.Second).Format(time.RFC3339)
			fmt.Fprintf(&b, "%s ERROR [worker] job %d failed: lock timeout after 30s\n", ts, m*100+k)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "worker.log"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	src, _ := logs.NewFileSource("w", []string{filepath.Join(dir, "*.log")}, logs.FormatText)
	p := triage.Project{Name: "jobs", Sources: []logs.Querier{src}, Services: []triage.Service{{Name: "worker"}}}
	res := triage.Result{Severity: triage.High, AffectedService: "worker", Window: triage.Window{From: end.Add(-time.Hour), To: end}}
	rep, err := Analyze(context.Background(), p, triage.Ticket{ID: "7"}, res)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.CountBased || rep.PerMinute < 15 || rep.Level != triage.LevelStrong {
		t.Fatalf("report: count based %v, %.1f/min, level %s", rep.CountBased, rep.PerMinute, rep.Level)
	}
	if len(rep.Templates) != 1 || rep.Templates[0].Pattern != "job <num> failed: lock timeout after <num>s" {
		t.Errorf("templates %+v", rep.Templates)
	}
}

// storeLike is a file source seen only through logs.Querier, as a log
// store is: counts come from Counts, lines from Lines.
type storeLike struct{ f *logs.FileSource }

func (s storeLike) Name() string { return "store" }
func (s storeLike) Lines(ctx context.Context, q logs.LineQuery, fn func(*logs.Record) error) (logs.QueryStats, error) {
	return s.f.Lines(ctx, q, fn)
}
func (s storeLike) Counts(ctx context.Context, q logs.CountQuery) (*logs.Counts, logs.QueryStats, error) {
	return s.f.Counts(ctx, q)
}

// The same lines analysed from a store give the file's report: timeline,
// templates (order, counts, samples), related services and cause; the
// report names the source of the counts and of every sample.
func TestAnalyze_aStoreGivesTheSameReportAsAFile(t *testing.T) {
	p := demoProject(t)
	tk := triage.Ticket{ID: "42", Subject: "checkout down", Description: "checkout is down for everyone", CreatedAt: end}
	res, err := triage.New(p, triage.Settings{}).Triage(context.Background(), tk)
	if err != nil {
		t.Fatal(err)
	}
	frep, err := Analyze(context.Background(), p, tk, res)
	if err != nil {
		t.Fatal(err)
	}
	ps := p
	ps.Sources = []logs.Querier{logs.NewUnion(storeLike{p.Sources[0].(*logs.FileSource)})}
	sres, err := triage.New(ps, triage.Settings{}).Triage(context.Background(), tk)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(sres) != fmt.Sprint(res) {
		t.Fatalf("triage differs:\nfile  %+v\nstore %+v", res, sres)
	}
	srep, err := Analyze(context.Background(), ps, tk, sres)
	if err != nil {
		t.Fatal(err)
	}
	same := func(what string, a, b any) {
		t.Helper()
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s differs:\nfile  %s\nstore %s", what, ja, jb)
		}
	}
	same("timeline", frep.Timeline, srep.Timeline)
	same("related", frep.Related, srep.Related)
	same("cause", frep.SuspectedCause, srep.SuspectedCause)
	same("numbers", []any{frep.Total, frep.Failures, frep.Status5xx, frep.Rate, frep.Level, frep.Onset},
		[]any{srep.Total, srep.Failures, srep.Status5xx, srep.Rate, srep.Level, srep.Onset})
	if len(frep.Templates) == 0 || len(frep.Templates) != len(srep.Templates) {
		t.Fatalf("%d templates from the file, %d from the store", len(frep.Templates), len(srep.Templates))
	}
	for i := range frep.Templates {
		f, s := frep.Templates[i], srep.Templates[i]
		if len(s.SampleSources) != len(s.Samples) || len(f.SampleSources) != len(f.Samples) || len(s.Samples) == 0 {
			t.Fatalf("template %d: %d samples, %d sources", i, len(s.Samples), len(s.SampleSources))
		}
		for k := range s.SampleSources {
			if s.SampleSources[k] != "store" || f.SampleSources[k] != "app" {
				t.Fatalf("template %d sample sources %q / %q", i, f.SampleSources, s.SampleSources)
			}
		}
		f.SampleSources, f.Sources, s.SampleSources, s.Sources = nil, nil, nil, nil
		same(fmt.Sprintf("template %d", i), f, s)
	}
	if srep.ServiceSources["store"] != srep.Total+sumBaseline(srep) || frep.ServiceSources["app"] != srep.ServiceSources["store"] || len(srep.Sources) != 1 || !srep.Sources[0].Store {
		t.Fatalf("sources: %v %+v", srep.ServiceSources, srep.Sources)
	}
}

func sumBaseline(r *Report) int {
	n := 0
	for _, b := range r.Timeline {
		n += b.Total
	}
	return n - r.Total
}
