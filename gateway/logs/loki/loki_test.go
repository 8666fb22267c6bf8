package loki_test

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/internal/storetest"
	"github.com/sigsentry/deskgate/gateway/logs/loki"
	"github.com/sigsentry/deskgate/gateway/logs/loki/lokitest"
	"github.com/sigsentry/deskgate/gateway/logs/storehttp"
)

var base = time.Date(2026, 12, 3, 18, 0, 0, 0, time.UTC)

type world struct {
	emu  *lokitest.Server
	file *logs.FileSource
}

// newWorld holds the same generated lines in files and in the emulator.
// Lines exactly on a minute are left out: Loki counts them in the earlier
// minute (TestCounts_lineOnAMinuteBoundary covers that).
func newWorld(t *testing.T, tenant string) *world {
	t.Helper()
	spec := gen.Spec{Seed: 3, From: base, To: base.Add(90 * time.Minute), Services: gen.CheckoutServices(1),
		Incidents: []gen.Incident{{Service: "payments", Start: base.Add(50 * time.Minute), Duration: 20 * time.Minute, FailRate: 0.5, Status: 502, Message: "bad gateway {id}"}}}
	emu := lokitest.New(tenant != "")
	t.Cleanup(emu.Close)
	var buf bytes.Buffer
	p, _ := logs.NewParser(logs.FormatJSONL)
	var rec logs.Record
	err := gen.Stream(spec, func(svc string, line []byte) error {
		p.Parse(line, &rec)
		if rec.Time.Truncate(time.Minute).Equal(rec.Time) {
			return nil
		}
		buf.Write(line)
		buf.WriteByte('\n')
		emu.Push(tenant, lokitest.Entry{TS: rec.Time.UnixNano(), Labels: map[string]string{"service": svc, "env": "prod"}, Line: string(line)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Lines of another environment must stay out.
	emu.Push(tenant, lokitest.Entry{TS: base.Add(time.Minute + time.Second).UnixNano(), Labels: map[string]string{"service": "payments", "env": "dev"}, Line: `{"level":"error","msg":"dev noise"}`})
	return &world{emu: emu, file: storetest.FileSource(t, buf.Bytes())}
}

func source(t *testing.T, url string, mod func(*loki.Config)) *loki.Source {
	t.Helper()
	cfg := loki.Config{HTTP: storehttp.Config{Name: "loki", URLs: []string{url}, RetryBase: time.Millisecond}, Selector: `{env="prod"}`, PageSize: 700}
	if mod != nil {
		mod(&cfg)
	}
	s, err := loki.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sameSet(t *testing.T, a, b []string) {
	t.Helper()
	as, bs := append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(as)
	sort.Strings(bs)
	if strings.Join(as, "\n") != strings.Join(bs, "\n") {
		t.Fatalf("line sets differ: %d from files, %d from Loki", len(a), len(b))
	}
}

func TestLoki_agreesWithTheFileSourceThroughTheEmulator(t *testing.T) {
	w := newWorld(t, "team-a")
	s := source(t, w.emu.URL, func(c *loki.Config) { c.Tenant = "team-a" })
	from, to := base.Add(7*time.Minute+1500*time.Millisecond), base.Add(83*time.Minute+20*time.Second)
	for _, order := range []logs.Order{logs.OldestFirst, logs.NewestFirst} {
		t.Run("all lines of a service, paged "+order.String(), func(t *testing.T) {
			lq := logs.LineQuery{Service: "payments", From: from, To: to, Order: order}
			fl, _ := storetest.Lines(t, w.file, lq)
			ll, st := storetest.Lines(t, s, lq)
			sameSet(t, fl, ll)
			if st.Requests < len(fl)/700 || st.Truncated {
				t.Fatalf("%d lines in %d requests (truncated %v): paging did not happen", len(ll), st.Requests, st.Truncated)
			}
		})
		t.Run("capped lines, "+order.String(), func(t *testing.T) {
			lq := logs.LineQuery{Service: "checkout-api", From: from, To: to, Order: order, Limit: 1500}
			fl, _ := storetest.Lines(t, w.file, lq)
			ll, st := storetest.Lines(t, s, lq)
			if len(ll) != 1500 || !st.Truncated {
				t.Fatalf("%d lines, truncated %v", len(ll), st.Truncated)
			}
			sameSet(t, fl, ll)
		})
	}
	t.Run("counts", func(t *testing.T) {
		for _, win := range [][2]time.Time{{from, to}, {base, base.Add(90 * time.Minute)}, {from, from.Add(20 * time.Second)}} {
			q := logs.CountQuery{From: win[0], To: win[1]}
			fc, _, err := w.file.Counts(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			lc, _, err := s.Counts(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(fc.Services) != fmt.Sprint(lc.Services) || fc.Minutes != lc.Minutes {
				t.Fatalf("window %v: counts differ\nfiles %v\nloki  %v", win, fc.Services["payments"], lc.Services["payments"])
			}
			if sum := fc.Sum("payments"); (sum.Failures == 0 || sum.Warnings == 0 || sum.Status5xx == 0) && win[1].Sub(win[0]) > time.Hour {
				t.Fatal("no failures counted: the comparison proves nothing")
			}
		}
	})
	for _, r := range w.emu.Requests() {
		if r.Header.Get("X-Scope-OrgID") != "team-a" {
			t.Fatalf("a request without the tenant header: %s", r.URL)
		}
		if q := r.URL.Query(); q.Get("limit") > "5000" && len(q.Get("limit")) >= 4 {
			t.Fatalf("limit %s over the cap", q.Get("limit"))
		}
	}
}

// Loki's point at t counts (t−1m, t]: a line exactly on a minute is in the
// earlier minute. The window's own edges are counted from lines, exactly.
func TestCounts_lineOnAMinuteBoundary(t *testing.T) {
	emu := lokitest.New(false)
	defer emu.Close()
	add := func(at time.Time, level string) {
		emu.Push("", lokitest.Entry{TS: at.UnixNano(), Labels: map[string]string{"service": "api"}, Line: fmt.Sprintf(`{"level":%q}`, level)})
	}
	add(base, "error")                                   // the window's first instant: minute 0
	add(base.Add(2*time.Minute), "WARNING")              // interior boundary: Loki's minute 1
	add(base.Add(2*time.Minute+time.Nanosecond), "info") // minute 2
	add(base.Add(5*time.Minute), "error")                // the window's end: outside
	add(base.Add(5*time.Minute-time.Nanosecond), "fatal")
	s := source(t, emu.URL, func(c *loki.Config) { c.Selector = "" })
	c, _, err := s.Counts(context.Background(), logs.CountQuery{From: base, To: base.Add(5 * time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	want := []logs.Minute{{Total: 1, Failures: 1}, {Total: 1, Warnings: 1}, {Total: 1}, {}, {Total: 1, Failures: 1}}
	if fmt.Sprint(c.Services["api"]) != fmt.Sprint(want) {
		t.Fatalf("counts %v, want %v", c.Services["api"], want)
	}
}

// Many lines at one nanosecond straddle page boundaries: none is lost or
// repeated.
func TestLines_dropDuplicatesAtThePageBoundaryNanosecond(t *testing.T) {
	emu := lokitest.New(false)
	defer emu.Close()
	var want []string
	for i := 0; i < 25; i++ {
		at := base.Add(time.Duration(i/10) * time.Second) // ten lines per instant
		line := fmt.Sprintf(`{"level":"info","msg":"line %02d"}`, i)
		emu.Push("", lokitest.Entry{TS: at.UnixNano(), Labels: map[string]string{"service": "api", "pod": fmt.Sprint(i % 3)}, Line: line})
		want = append(want, "line "+fmt.Sprintf("%02d", i))
	}
	for _, order := range []logs.Order{logs.OldestFirst, logs.NewestFirst} {
		s := source(t, emu.URL, func(c *loki.Config) { c.Selector, c.PageSize = "", 4 })
		var got []string
		if _, err := s.Lines(context.Background(), logs.LineQuery{Service: "api", From: base, To: base.Add(time.Minute), Order: order}, func(r *logs.Record) error {
			got = append(got, r.Message)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		sort.Strings(got)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Fatalf("%s: got %v", order, got)
		}
	}
}

func TestErrors_areTypedAndRedacted(t *testing.T) {
	w := newWorld(t, "")
	ctx := context.Background()
	q := logs.CountQuery{From: base, To: base.Add(10 * time.Minute)}
	t.Run("429 is retried", func(t *testing.T) {
		w.emu.Fail429(2)
		_, st, err := source(t, w.emu.URL, nil).Counts(ctx, q)
		if err != nil || st.Requests < 3 {
			t.Fatalf("%v after %d requests", err, st.Requests)
		}
		w.emu.Fail429(100)
		defer w.emu.Fail429(0)
		_, _, err = source(t, w.emu.URL, nil).Counts(ctx, q)
		if logs.KindOf(err) != logs.KindOverloaded || !strings.Contains(err.Error(), "too many outstanding requests") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("a missing tenant is an auth error", func(t *testing.T) {
		mt := lokitest.New(true)
		defer mt.Close()
		_, _, err := source(t, mt.URL, nil).Counts(ctx, q)
		if logs.KindOf(err) != logs.KindAuth || !strings.Contains(err.Error(), "no org id") {
			t.Fatalf("%v", err)
		}
	})
	t.Run("a bad selector is a bad query", func(t *testing.T) {
		_, err := loki.New(loki.Config{HTTP: storehttp.Config{Name: "x", URLs: []string{w.emu.URL}}, Selector: `{env="prod"} |= "x"`})
		if err == nil {
			t.Fatal("a selector with a pipeline was accepted")
		}
		_, _, err = source(t, w.emu.URL, func(c *loki.Config) { c.Selector = `{env=~"("}` }).Counts(ctx, q)
		if logs.KindOf(err) != logs.KindBadQuery || !strings.Contains(err.Error(), `"loki"`) {
			t.Fatalf("%v", err)
		}
	})
	t.Run("the bearer token never reaches a log or an error", func(t *testing.T) {
		w.emu.RequireBearer("tok-123-secret")
		defer w.emu.RequireBearer("")
		var logbuf bytes.Buffer
		lg := hclog.New(&hclog.LoggerOptions{Output: &logbuf, Level: hclog.Trace})
		_, _, err := source(t, w.emu.URL, func(c *loki.Config) { c.HTTP.BearerToken, c.HTTP.Logger = "wrong-tok-secret", lg }).Counts(ctx, q)
		if logs.KindOf(err) != logs.KindAuth {
			t.Fatalf("%v", err)
		}
		if _, _, err := source(t, w.emu.URL, func(c *loki.Config) { c.HTTP.BearerToken, c.HTTP.Logger = "tok-123-secret", lg }).Counts(ctx, q); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(logbuf.String(), "secret") || strings.Contains(err.Error(), "secret") || !strings.Contains(logbuf.String(), "answered") {
			t.Fatalf("log:\n%s", logbuf.String())
		}
	})
}

func FuzzDecodeStreams(f *testing.F) {
	f.Add([]byte(`{"status":"success","data":{"resultType":"streams","result":[{"stream":{"service":"a"},"values":[["1796329920000000000","{\"level\":\"error\"}"]]}]}}`))
	f.Add([]byte(`{"status":"success","data":{"resultType":"streams","result":[{"stream":{},"values":[["x"]]}]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		es, err := loki.DecodeStreams(bytes.NewReader(b))
		if err != nil && es != nil {
			t.Fatal("entries returned with an error")
		}
	})
}

func FuzzDecodeMatrix(f *testing.F) {
	f.Add([]byte(`{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"service":"a"},"values":[[1796329920,"417"]]}]}}`))
	f.Add([]byte(`{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1e300,"-1"]]}]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ps, err := loki.DecodeMatrix(bytes.NewReader(b))
		for _, p := range ps {
			if err == nil && p.Value < 0 {
				t.Fatalf("negative count accepted: %+v", p)
			}
		}
	})
}
