package victorialogs_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/storehttp"
	"github.com/sigsentry/deskgate/gateway/logs/victorialogs"
	"github.com/sigsentry/deskgate/internal/victorialogstest"
)

var (
	t0 = time.Date(2026, 12, 3, 20, 32, 30, 0, time.UTC)
	t1 = t0.Add(3 * time.Minute)
)

func source(t *testing.T, url string, mod func(*victorialogs.Config)) *victorialogs.Source {
	t.Helper()
	cfg := victorialogs.Config{HTTP: storehttp.Config{Name: "vl", URLs: []string{url}, RetryBase: time.Millisecond, Timeout: 5 * time.Second}}
	if mod != nil {
		mod(&cfg)
	}
	s, err := victorialogs.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestQueries_carryTheWindowInUTCAndTheFailureFilter(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/select/logsql/query" || r.Method != "POST" {
			t.Errorf("request %s %s", r.Method, r.URL.Path)
		}
		got = append(got, r.FormValue("query"))
	}))
	defer srv.Close()
	s := source(t, srv.URL, func(c *victorialogs.Config) { c.Query = "env:prod" })
	local := time.FixedZone("CET", 3600)
	if _, err := s.Lines(context.Background(), logs.LineQuery{Service: "pay\"ments", From: t0.In(local), To: t1.In(local), Limit: 10, Order: logs.NewestFirst}, func(*logs.Record) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Counts(context.Background(), logs.CountQuery{From: t0, To: t1}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`(env:prod) "service":="pay\"ments" _time:[2026-12-03T20:32:30Z, 2026-12-03T20:35:30Z)`, `sort by (_time desc) limit 11`} {
		if !strings.Contains(got[0], want) {
			t.Errorf("lines query %q lacks %q", got[0], want)
		}
	}
	for _, want := range []string{`_time:[2026-12-03T20:32:30Z, 2026-12-03T20:35:30Z) | stats by (_time:1m, "service") count() total, count() if (`, `"status":~"^5[0-9][0-9]$"`, `count() if ("status":~"^5[0-9][0-9]$") status_5xx`, `count() if ("level":~"(?i)^(?:warn|warning|w|0*4|0*4[0-9])$") warnings`} {
		if !strings.Contains(got[1], want) {
			t.Errorf("counts query %q lacks %q", got[1], want)
		}
	}
}

func TestAnswers_areDecodedAndZeroFilled(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/stream+json")
		if strings.Contains(r.FormValue("query"), "stats by") {
			fmt.Fprintln(w, `{"_time":"2026-12-03T20:33:00Z","service":"payments","total":"417","failures":"27","warnings":"5","status_5xx":"20"}`)
			fmt.Fprintln(w, `{"_time":"2026-12-03T20:35:00Z","service":"payments","total":"3","failures":"0","warnings":"0","status_5xx":"0"}`)
			return
		}
		fmt.Fprintln(w, `{"_time":"2026-12-03T20:32:30.6Z","level":"ERROR","service":"payments","status":"502","_msg":"bad gateway"}`)
	}))
	defer srv.Close()
	s := source(t, srv.URL, nil)
	c, _, err := s.Counts(context.Background(), logs.CountQuery{From: t0, To: t1})
	if err != nil {
		t.Fatal(err)
	}
	want := []logs.Minute{{}, {Total: 417, Failures: 27, Warnings: 5, Status5xx: 20}, {}, {Total: 3}}
	if fmt.Sprint(c.Services["payments"]) != fmt.Sprint(want) || !c.Start.Equal(t0.Truncate(time.Minute)) {
		t.Fatalf("counts %v from %v, want %v", c.Services["payments"], c.Start, want)
	}
	var recs []logs.Record
	if _, err := s.Lines(context.Background(), logs.LineQuery{Service: "payments", From: t0, To: t1}, func(r *logs.Record) error {
		recs = append(recs, *r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].Level != logs.LevelError || recs[0].Status != 502 || recs[0].Message != "bad gateway" ||
		!recs[0].Time.Equal(t0.Add(600*time.Millisecond)) || !recs[0].Failure() {
		t.Fatalf("records %+v", recs)
	}
}

// A server that fails after it began streaming keeps its 200 status and
// breaks the chunked encoding: that must be a failed query, not a short one.
func TestABrokenStream_isAFailedQuery(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/stream+json")
		for i := 0; i < 50; i++ {
			fmt.Fprintf(w, `{"_time":"2026-12-03T20:33:%02dZ","service":"payments","_msg":"x"}`+"\n", i)
		}
		w.(http.Flusher).Flush()
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		buf.WriteString("7\n{\"_time\"\n") // a chunk line ending with a bare LF, as VictoriaLogs does
		buf.Flush()
		conn.Close()
	}))
	defer srv.Close()
	s := source(t, srv.URL, nil)
	n := 0
	_, err := s.Lines(context.Background(), logs.LineQuery{Service: "payments", From: t0, To: t1}, func(*logs.Record) error { n++; return nil })
	if logs.KindOf(err) != logs.KindBroken {
		t.Fatalf("after %d lines: error %v (kind %v), want a broken answer", n, err, logs.KindOf(err))
	}
	if !strings.Contains(err.Error(), `"vl"`) {
		t.Errorf("error %q does not name the source", err)
	}
	_, _, err = s.Counts(context.Background(), logs.CountQuery{From: t0, To: t1})
	if logs.KindOf(err) != logs.KindBroken {
		t.Fatalf("counts: %v, want a broken answer", err)
	}
}

func TestOverload_isRetriedWithBackoffThenReported(t *testing.T) {
	var calls atomic.Int32
	failFirst := int32(2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= failFirst {
			http.Error(w, "couldn't start executing the request in 10s, since -search.maxConcurrentRequests=4 concurrent requests are executed", http.StatusServiceUnavailable)
			return
		}
	}))
	defer srv.Close()
	s := source(t, srv.URL, nil)
	_, st, err := s.Counts(context.Background(), logs.CountQuery{From: t0, To: t1})
	if err != nil || st.Requests != 3 {
		t.Fatalf("err %v after %d requests; want success on the third", err, st.Requests)
	}
	calls.Store(0)
	failFirst = 100
	_, st, err = s.Counts(context.Background(), logs.CountQuery{From: t0, To: t1})
	if logs.KindOf(err) != logs.KindOverloaded || st.Requests != 1+storehttp.DefaultRetries || !strings.Contains(err.Error(), "maxConcurrentRequests") {
		t.Fatalf("err %v after %d requests; want overloaded after %d", err, st.Requests, 1+storehttp.DefaultRetries)
	}
}

func TestAgainstARealServer_errorsAreTyped(t *testing.T) {
	srv := victorialogstest.Start(t, "-httpAuth.username=deskgate", "-httpAuth.password=s3cret-pw")
	var logbuf bytes.Buffer
	logger := hclog.New(&hclog.LoggerOptions{Output: &logbuf, Level: hclog.Trace})
	ctx := context.Background()
	q := logs.CountQuery{From: t0, To: t1}

	noAuth := source(t, srv.URL, func(c *victorialogs.Config) { c.HTTP.Logger = logger })
	if _, _, err := noAuth.Counts(ctx, q); logs.KindOf(err) != logs.KindAuth {
		t.Fatalf("without credentials: %v, want not authorized", err)
	}
	wrong := source(t, srv.URL, func(c *victorialogs.Config) {
		c.HTTP.Username, c.HTTP.Password, c.HTTP.Logger = "deskgate", "wrong-pw", logger
	})
	if _, _, err := wrong.Counts(ctx, q); logs.KindOf(err) != logs.KindAuth || strings.Contains(err.Error(), "wrong-pw") {
		t.Fatalf("wrong password: %v", err)
	}
	good := source(t, srv.URL, func(c *victorialogs.Config) {
		c.HTTP.Username, c.HTTP.Password, c.HTTP.Logger = "deskgate", "s3cret-pw", logger
	})
	if _, _, err := good.Counts(ctx, q); err != nil {
		t.Fatalf("with credentials: %v", err)
	}
	bad := source(t, srv.URL, func(c *victorialogs.Config) {
		c.HTTP.Username, c.HTTP.Password, c.HTTP.Logger = "deskgate", "s3cret-pw", logger
		c.Query = `level:(`
	})
	_, _, err := bad.Counts(ctx, q)
	if logs.KindOf(err) != logs.KindBadQuery || !strings.Contains(err.Error(), "cannot parse") {
		t.Fatalf("bad LogsQL: %v, want a bad query quoting the server", err)
	}
	if strings.Contains(logbuf.String(), "s3cret-pw") || strings.Contains(logbuf.String(), "wrong-pw") {
		t.Fatalf("a password reached the log:\n%s", logbuf.String())
	}
	if !strings.Contains(logbuf.String(), "log store answered") {
		t.Fatalf("the trace log is empty, so the check above proves nothing:\n%s", logbuf.String())
	}
}

func TestAnUnreachableServer_isReportedAsSuch(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	s := source(t, url, nil)
	if _, _, err := s.Counts(context.Background(), logs.CountQuery{From: t0, To: t1}); logs.KindOf(err) != logs.KindUnreachable {
		t.Fatalf("%v, want unreachable", err)
	}
}

func TestNew_rejectsAQueryWithPipes(t *testing.T) {
	_, err := victorialogs.New(victorialogs.Config{HTTP: storehttp.Config{Name: "vl", URLs: []string{"http://127.0.0.1:1"}}, Query: "env:prod | limit 1"})
	if err == nil || !strings.Contains(err.Error(), "pipes") {
		t.Fatalf("%v", err)
	}
}

func FuzzDecodeRow(f *testing.F) {
	f.Add([]byte(`{"_time":"2026-12-03T20:32:00.6Z","level":"info","_msg":"ok","status":"200","service":"a"}`))
	f.Add([]byte(`{"_time":"2026-12-03T20:32:00Z","level":50}`))
	f.Add([]byte(`{"_time":1}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		var r logs.Record
		if err := victorialogs.DecodeRow(line, logs.DefaultFields, &r); err == nil && r.Time.IsZero() {
			t.Fatalf("decoded %q without a time", line)
		}
	})
}

func FuzzDecodeBucket(f *testing.F) {
	f.Add([]byte(`{"_time":"2026-12-03T20:32:00Z","service":"a","total":"417","failures":"27","warnings":"3","status_5xx":"20"}`))
	f.Add([]byte(`{"_time":"2026-12-03T20:32:10Z","total":"1","failures":"2","warnings":"0","status_5xx":"0"}`))
	f.Add([]byte(`{"_time":"2026-12-03T20:32:00Z","total":"1","failures":"0","warnings":"0","status_5xx":"2"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		b, err := victorialogs.DecodeBucket(line, "service")
		if err == nil && (b.Counts.Check() != nil || b.Minute.Truncate(time.Minute) != b.Minute) {
			t.Fatalf("accepted %q as %+v", line, b)
		}
	})
}
