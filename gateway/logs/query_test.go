package logs

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

var qbase = time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)

func writeLines(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func line(at time.Duration, svc, level string, status int, msg string) string {
	s := fmt.Sprintf(`{"time":%q,"service":%q,"level":%q,"msg":%q`, qbase.Add(at).Format(time.RFC3339Nano), svc, level, msg)
	if status != 0 {
		s += fmt.Sprintf(`,"status":%d`, status)
	}
	return s + "}"
}

func messages(t *testing.T, q Querier, lq LineQuery) ([]string, QueryStats) {
	t.Helper()
	var out []string
	st, err := q.Lines(context.Background(), lq, func(r *Record) error {
		out = append(out, r.Message)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, st
}

func TestFileSource_linesKeepTheOldestOrNewestAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	// Two files of one service whose times interleave: order comes from
	// the times, not from the file names.
	writeLines(t, dir, "a.jsonl", line(1*time.Second, "api", "info", 200, "a1"), line(3*time.Second, "api", "info", 200, "a3"), line(5*time.Second, "api", "info", 200, "a5"))
	writeLines(t, dir, "b.jsonl", line(2*time.Second, "api", "info", 200, "b2"), line(4*time.Second, "db", "info", 0, "other"), line(6*time.Second, "api", "info", 200, "b6"))
	f, _ := NewFileSource("f", []string{filepath.Join(dir, "*.jsonl")}, FormatJSONL)
	for _, tc := range []struct {
		name  string
		q     LineQuery
		want  string
		trunc bool
	}{
		{"all, oldest first", LineQuery{Service: "api", From: qbase, To: qbase.Add(time.Minute)}, "a1 b2 a3 a5 b6", false},
		{"all, newest first", LineQuery{Service: "api", From: qbase, To: qbase.Add(time.Minute), Order: NewestFirst}, "b6 a5 a3 b2 a1", false},
		{"the two oldest", LineQuery{Service: "api", From: qbase, To: qbase.Add(time.Minute), Limit: 2}, "a1 b2", true},
		{"the two newest", LineQuery{Service: "api", From: qbase, To: qbase.Add(time.Minute), Limit: 2, Order: NewestFirst}, "b6 a5", true},
		{"the window is half-open", LineQuery{Service: "api", From: qbase.Add(2 * time.Second), To: qbase.Add(5 * time.Second)}, "b2 a3", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, st := messages(t, f, tc.q)
			if strings.Join(got, " ") != tc.want || st.Truncated != tc.trunc || st.Lines != len(got) {
				t.Fatalf("got %v (stats %+v), want %s truncated=%v", got, st, tc.want, tc.trunc)
			}
		})
	}
	f.SetMaxLines(1)
	if got, _ := messages(t, f, LineQuery{Service: "api", From: qbase, To: qbase.Add(time.Minute)}); len(got) != 1 {
		t.Fatalf("max_lines 1 gave %v", got)
	}
}

func TestFileSource_countsEachMinuteAsRecordFailureDoes(t *testing.T) {
	dir := t.TempDir()
	writeLines(t, dir, "x.jsonl",
		line(10*time.Second, "api", "info", 200, "ok"),
		line(20*time.Second, "api", "error", 0, "fail"),
		line(30*time.Second, "api", "error", 404, "client error is traffic"),
		line(70*time.Second, "api", "info", 503, "5xx is a failure"),
		line(125*time.Second, "api", "FATAL", 0, "fatal"),
		line(130*time.Second, "db", "warn", 0, "warning"),
	)
	f, _ := NewFileSource("f", []string{filepath.Join(dir, "*.jsonl")}, FormatJSONL)
	c, st, err := f.Counts(context.Background(), CountQuery{From: qbase.Add(15 * time.Second), To: qbase.Add(128 * time.Second)})
	if err != nil {
		t.Fatal(err)
	}
	// 15 s–128 s: the 10 s line is before, the db line at 130 s after.
	if c.Minutes != 3 || fmt.Sprint(c.Services) != "map[api:[{2 1 0 0} {1 1 0 1} {1 1 0 0}]]" || st.Lines != 4 {
		t.Fatalf("counts %v over %d minutes", c.Services, c.Minutes)
	}
	c, _, _ = f.Counts(context.Background(), CountQuery{Services: []string{"db", "none"}, From: qbase, To: qbase.Add(3 * time.Minute)})
	if fmt.Sprint(c.Services) != "map[db:[{0 0 0 0} {0 0 0 0} {1 0 1 0}] none:[{0 0 0 0} {0 0 0 0} {0 0 0 0}]]" {
		t.Fatalf("named services: %v", c.Services)
	}
	if _, _, err := f.Counts(context.Background(), CountQuery{From: qbase, To: qbase}); KindOf(err) != KindBadQuery {
		t.Fatalf("an empty window: %v", err)
	}
}

// failing is a member that fails after some lines.
type failing struct{ after int }

func (f failing) Name() string { return "broken" }
func (f failing) Lines(ctx context.Context, q LineQuery, fn func(*Record) error) (QueryStats, error) {
	for i := 0; i < f.after; i++ {
		if err := fn(&Record{Time: q.From.Add(time.Duration(i) * time.Millisecond), Service: q.Service, Message: "x"}); err != nil {
			return QueryStats{}, err
		}
	}
	return QueryStats{}, &QueryError{Source: "broken", Kind: KindBroken, Err: errors.New("answer broke off")}
}
func (f failing) Counts(ctx context.Context, q CountQuery) (*Counts, QueryStats, error) {
	return nil, QueryStats{}, &QueryError{Source: "broken", Kind: KindUnreachable, Err: errors.New("connection refused")}
}

func TestUnion_mergesLinesInOrderAndAddsCounts(t *testing.T) {
	dir := t.TempDir()
	writeLines(t, dir, "a.jsonl", line(1*time.Second, "api", "info", 200, "a1"), line(4*time.Second, "api", "error", 0, "a4"), line(61*time.Second, "api", "info", 0, "a61"))
	writeLines(t, dir, "b.jsonl", line(2*time.Second, "api", "info", 500, "b2"), line(3*time.Second, "api", "info", 200, "b3"), line(62*time.Second, "api", "info", 0, "b62"))
	a, _ := NewFileSource("a", []string{filepath.Join(dir, "a.jsonl")}, FormatJSONL)
	b, _ := NewFileSource("b", []string{filepath.Join(dir, "b.jsonl")}, FormatJSONL)
	u := NewUnion(a, b)
	win := LineQuery{Service: "api", From: qbase, To: qbase.Add(2 * time.Minute)}
	if got, _ := messages(t, u, win); strings.Join(got, " ") != "a1 b2 b3 a4 a61 b62" {
		t.Fatalf("oldest first: %v", got)
	}
	win.Order, win.Limit = NewestFirst, 3
	got, st := messages(t, u, win)
	if strings.Join(got, " ") != "b62 a61 a4" || !st.Truncated {
		t.Fatalf("newest three: %v %+v", got, st)
	}
	c, _, err := u.Counts(context.Background(), CountQuery{From: qbase, To: qbase.Add(2 * time.Minute)})
	if err != nil || fmt.Sprint(c.Services["api"]) != "[{4 2 0 1} {2 0 0 0}]" || u.Name() != "a+b" {
		t.Fatalf("counts %v, err %v", c.Services, err)
	}
	t.Run("a failing member fails the query, named", func(t *testing.T) {
		bad := NewUnion(a, failing{after: 700})
		_, err := bad.Lines(context.Background(), LineQuery{Service: "api", From: qbase, To: qbase.Add(time.Hour)}, func(*Record) error { return nil })
		if KindOf(err) != KindBroken || !strings.Contains(err.Error(), `"broken"`) {
			t.Fatalf("lines: %v", err)
		}
		_, _, err = bad.Counts(context.Background(), CountQuery{From: qbase, To: qbase.Add(time.Hour)})
		if KindOf(err) != KindUnreachable {
			t.Fatalf("counts: %v", err)
		}
	})
	t.Run("stopping at the limit is not a member failure", func(t *testing.T) {
		u := NewUnion(a, failing{after: 5000})
		got, st := messages(t, u, LineQuery{Service: "api", From: qbase, To: qbase.Add(time.Hour), Limit: 10})
		if len(got) != 10 || !st.Truncated {
			t.Fatalf("%d lines", len(got))
		}
	})
	t.Run("the caller's error stops every member", func(t *testing.T) {
		stop := errors.New("enough")
		_, err := NewUnion(a, failing{after: 5000}).Lines(context.Background(), LineQuery{Service: "api", From: qbase, To: qbase.Add(time.Hour)}, func(*Record) error { return stop })
		if !errors.Is(err, stop) {
			t.Fatalf("%v", err)
		}
	})
}

// The query-language spelling of the failure definition must agree with
// NormalizeLevel, or a store would count other failures than a file scan.
func TestErrorLevelRegexp_agreesWithNormalizeLevel(t *testing.T) {
	re := regexp.MustCompile(ErrorLevelRegexp)
	var values []string
	for _, w := range []string{"error", "err", "eror", "fatal", "critical", "crit", "panic", "emerg", "emergency", "alert", "severe",
		"e", "f", "warn", "warning", "w", "info", "information", "notice", "i", "n", "debug", "trace", "d", "t", "verbose", "fine",
		"finer", "errors", "xerror", "", "fatality", "Error", "ERROR", "eRRoR", "FATAL", "Critical"} {
		values = append(values, w)
	}
	for n := 0; n <= 200; n++ {
		values = append(values, fmt.Sprint(n), fmt.Sprintf("0%d", n))
	}
	values = append(values, "123456789012345", "1234567890123456", "12345678901234567", "-1", "3.0", "50ms")
	for _, v := range values {
		want := NormalizeLevel([]byte(v)) == LevelError
		if got := re.MatchString(v); got != want {
			t.Errorf("level %q: regexp says %v, NormalizeLevel says %v", v, got, want)
		}
	}
	terms := map[string]bool{}
	for _, v := range ErrorLevelTerms() {
		terms[v] = true
		if NormalizeLevel([]byte(v)) != LevelError {
			t.Errorf("term %q is not an error level", v)
		}
	}
	for _, v := range []string{"error", "ERROR", "Error", "fatal", "FATAL", "50", "3"} {
		if !terms[v] {
			t.Errorf("terms lack %q", v)
		}
	}
	keys := make([]string, 0, len(terms))
	for k := range terms {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) != len(ErrorLevelTerms()) {
		t.Errorf("duplicate terms: %v", keys)
	}
}
