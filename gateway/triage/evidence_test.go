package triage

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
			ev, err := Gather(context.Background(), []logs.Source{src}, w, nil)
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
	ev, err := Gather(context.Background(), []logs.Source{src}, Window{From: from.Add(time.Hour), To: from.Add(2 * time.Hour)}, nil)
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
			ev, err := Gather(context.Background(), []logs.Source{src}, Window{From: from.Add(time.Hour), To: from.Add(2 * time.Hour)}, nil)
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
