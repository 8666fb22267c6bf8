package triage

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/logs"
)

// writeLog writes lines produced per minute by perMinute(minute) over
// [from, from+minutes) in the given format.
func writeLog(t *testing.T, path string, from time.Time, minutes int, perMinute func(m int) []string) {
	t.Helper()
	var b strings.Builder
	for m := 0; m < minutes; m++ {
		for k, l := range perMinute(m) {
			ts := from.Add(time.Duration(m)*time.Minute + time.Duration(k)*time.Second)
			b.WriteString(strings.ReplaceAll(l, "TS", ts.Format(time.RFC3339)))
			b.WriteByte('\n')
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestGather_judgesEachKindOfLog(t *testing.T) {
	from := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	w := Window{From: from.Add(2 * time.Hour), To: from.Add(3 * time.Hour)}
	spikeAt := 150 // minutes after from: 12:30
	tests := []struct {
		name, format string
		line         func(m, k int) string
		n            func(m int) int
		level        string
		onset        bool
	}{
		{"jsonl 5xx spike", logs.FormatJSONL,
			func(m, k int) string {
				if m >= spikeAt && k%2 == 0 {
					return `{"time":"TS","level":"error","service":"api","msg":"upstream reset","status":503}`
				}
				return `{"time":"TS","level":"info","service":"api","msg":"ok","status":200}`
			}, func(int) int { return 20 }, LevelStrong, true},
		{"declined cards are traffic", logs.FormatLogfmt,
			func(m, k int) string {
				if m >= spikeAt && k%2 == 0 {
					return `ts=TS level=error svc=api msg="card declined" status=402`
				}
				return `ts=TS level=info svc=api msg=ok status=200`
			}, func(int) int { return 20 }, LevelClean, false},
		{"error-only log judged per minute", logs.FormatText,
			func(m, k int) string { return `TS ERROR [api] request failed: connection reset` },
			func(m int) int {
				if m >= spikeAt {
					return 25
				}
				return 1 + m%2
			}, LevelStrong, true},
		{"error-only log with steady noise", logs.FormatText,
			func(m, k int) string { return `TS ERROR [api] request failed: connection reset` },
			func(m int) int { return 1 + m%3 }, LevelClean, false},
		{"moderate rise", logs.FormatJSONL,
			func(m, k int) string {
				if m >= spikeAt && k%10 == 0 {
					return `{"ts":"TS","lvl":"error","app":"api","message":"slow query timeout"}`
				}
				return `{"ts":"TS","lvl":"info","app":"api","message":"ok"}`
			}, func(int) int { return 30 }, LevelModerate, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "api.log")
			writeLog(t, path, from, 180, func(m int) []string {
				var out []string
				for k := 0; k < tt.n(m); k++ {
					out = append(out, tt.line(m, k))
				}
				return out
			})
			src, err := logs.NewFileSource("x", []string{path}, tt.format)
			if err != nil {
				t.Fatal(err)
			}
			ev, err := Gather(context.Background(), []logs.Querier{src}, w, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			se := ev.Services["api"]
			if se == nil {
				t.Fatalf("no evidence for api: %+v", ev.Services)
			}
			if se.Level != tt.level {
				t.Errorf("level %s, want %s: %s", se.Level, tt.level, se.Describe())
			}
			wantOnset := from.Add(time.Duration(spikeAt) * time.Minute)
			if tt.onset && !se.Onset.Equal(wantOnset) {
				t.Errorf("onset %s, want %s", se.Onset, wantOnset)
			}
			if ev.Stats.Unparsed != 0 {
				t.Errorf("%d unparsed lines", ev.Stats.Unparsed)
			}
		})
	}
}

func TestGather_reportsNewFailureTemplates(t *testing.T) {
	from := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	path := filepath.Join(t.TempDir(), "api.jsonl")
	writeLog(t, path, from, 120, func(m int) []string {
		out := []string{`{"time":"TS","level":"error","service":"api","msg":"cache miss storm on shard 3"}`}
		if m >= 90 {
			out = append(out, fmt.Sprintf(`{"time":"TS","level":"error","service":"api","msg":"db pool exhausted (waiting=%d)"}`, m))
		}
		return out
	})
	src, _ := logs.NewFileSource("x", []string{path}, logs.FormatJSONL)
	ev, err := Gather(context.Background(), []logs.Querier{src}, Window{From: from.Add(time.Hour), To: from.Add(2 * time.Hour)}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := ev.Services["api"].NewTemplates
	if len(got) != 1 || got[0] != "db pool exhausted (waiting=<num>)" {
		t.Errorf("new templates %q", got)
	}
}

func TestGather_seesAWarningRise(t *testing.T) {
	from := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		warnFrom int // minute from which every third line is a warning; -1 never
		want     bool
	}{
		{"slow-request warnings in the window rise", 90, true},
		{"steady warnings are the usual", 0, false},
		{"no warnings", -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "api.jsonl")
			writeLog(t, path, from, 120, func(m int) []string {
				var out []string
				for k := 0; k < 12; k++ {
					if tt.warnFrom >= 0 && m >= tt.warnFrom && k%3 == 0 {
						out = append(out, `{"time":"TS","level":"warn","service":"api","msg":"slow request: 5400ms exceeds budget","status":200}`)
						continue
					}
					out = append(out, `{"time":"TS","level":"info","service":"api","msg":"ok","status":200}`)
				}
				return out
			})
			src, err := logs.NewFileSource("x", []string{path}, logs.FormatJSONL)
			if err != nil {
				t.Fatal(err)
			}
			ev, err := Gather(context.Background(), []logs.Querier{src}, Window{From: from.Add(time.Hour), To: from.Add(2 * time.Hour)}, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			se := ev.Services["api"]
			if se.WarnRise != tt.want || se.Level != LevelClean {
				t.Errorf("warn rise %v level %s, want rise %v on clean failures: %s", se.WarnRise, se.Level, tt.want, se.Describe())
			}
		})
	}
}

// storeLike is a file source seen only through logs.Querier, as a log
// store is: Gather must count it with Counts and pull lines with Lines.
type storeLike struct{ f *logs.FileSource }

func (s storeLike) Name() string { return s.f.Name() }
func (s storeLike) Lines(ctx context.Context, q logs.LineQuery, fn func(*logs.Record) error) (logs.QueryStats, error) {
	return s.f.Lines(ctx, q, fn)
}
func (s storeLike) Counts(ctx context.Context, q logs.CountQuery) (*logs.Counts, logs.QueryStats, error) {
	return s.f.Counts(ctx, q)
}

// The same lines give the same evidence from a store (counts pushed down,
// lines pulled) as from a file scan, with a window that does not start on
// a minute and two incidents, one with a warning rise.
func TestGather_aStoreGivesTheSameEvidenceAsAFileScan(t *testing.T) {
	p := projectWith(t,
		gen.Incident{Service: "payments", Start: noon.Add(-50 * time.Minute), Duration: 40 * time.Minute, FailRate: 0.4, Status: 504, Message: "processor timeout for ch_{id}"},
		gen.Incident{Service: "auth", Start: noon.Add(-30 * time.Minute), Duration: 20 * time.Minute, FailRate: 0.2, Message: "token store unavailable", Level: "fatal"})
	file := p.Sources[0].(*logs.FileSource)
	w := Window{From: noon.Add(-75*time.Minute - 17*time.Second), To: noon.Add(-5*time.Minute + 3*time.Second)}
	fev, err := Gather(context.Background(), []logs.Querier{file}, w, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	sev, err := Gather(context.Background(), []logs.Querier{logs.NewUnion(storeLike{file})}, w, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(fev.Services) != len(sev.Services) || len(fev.Services) < 4 {
		t.Fatalf("%d services from the file, %d from the store", len(fev.Services), len(sev.Services))
	}
	rising := 0
	for name, fs := range fev.Services {
		ss := sev.Services[name]
		if ss == nil {
			t.Fatalf("%s missing from the store's evidence", name)
		}
		if fs.Level != LevelStrong && fs.Level != LevelModerate {
			fs.NewTemplates = nil // a store pulls lines only where a rise needs them
		} else {
			rising++
		}
		if fmt.Sprintf("%+v", *fs) != fmt.Sprintf("%+v", *ss) || fmt.Sprint(fs.Minutes) != fmt.Sprint(ss.Minutes) {
			t.Errorf("%s differs:\nfile  %+v\nstore %+v", name, *fs, *ss)
		}
	}
	if rising < 2 || len(fev.Services["payments"].NewTemplates) == 0 {
		t.Fatalf("%d rising services, payments templates %q: the comparison proves little", rising, fev.Services["payments"].NewTemplates)
	}
	if su := sev.Sources; len(su) != 1 || !su[0].Store || su[0].Counted != fev.Sources[0].Counted || su[0].Read == 0 || su[0].Read >= su[0].Counted {
		t.Fatalf("store use %+v (file %+v), queries %+v", su, fev.Sources, sev.Queries)
	}
}
