package elasticsearch_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/elasticsearch"
	"github.com/sigsentry/deskgate/gateway/logs/elasticsearch/estest"
	"github.com/sigsentry/deskgate/gateway/logs/internal/storetest"
	"github.com/sigsentry/deskgate/gateway/logs/storehttp"
)

var base = time.Date(2026, 12, 3, 18, 0, 0, 0, time.UTC)

// genFields name the generated lines' fields (not ECS).
var genFields = logs.Fields{Time: "time", Service: "service", Level: "level", Status: "status", Message: "msg"}

func newWorld(t *testing.T, emu *estest.Server) *logs.FileSource {
	t.Helper()
	spec := gen.Spec{Seed: 5, From: base, To: base.Add(60 * time.Minute), Services: gen.CheckoutServices(0.5),
		Incidents: []gen.Incident{{Service: "payments", Start: base.Add(30 * time.Minute), Duration: 20 * time.Minute, FailRate: 0.5, Status: 503, Message: "unavailable {id}"}}}
	var buf bytes.Buffer
	err := gen.Stream(spec, func(_ string, line []byte) error {
		var doc map[string]any
		if err := json.Unmarshal(line, &doc); err != nil {
			return err
		}
		emu.Index("logs-2026.12.03", doc)
		buf.Write(line)
		return buf.WriteByte('\n')
	})
	if err != nil {
		t.Fatal(err)
	}
	emu.Index("other", map[string]any{"time": base.Add(time.Minute).Format(time.RFC3339Nano), "service": "payments", "level": "error", "msg": "other index"})
	return storetest.FileSource(t, buf.Bytes())
}

func source(t *testing.T, url string, mod func(*elasticsearch.Config)) *elasticsearch.Source {
	t.Helper()
	cfg := elasticsearch.Config{HTTP: storehttp.Config{Name: "es", URLs: []string{url}, RetryBase: time.Millisecond}, Index: "logs-*", Fields: genFields, PageSize: 100}
	if mod != nil {
		mod(&cfg)
	}
	s, err := elasticsearch.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestElasticsearchAndOpenSearch_agreeWithTheFileSource(t *testing.T) {
	for _, os := range []bool{false, true} {
		name := map[bool]string{false: "elasticsearch", true: "opensearch"}[os]
		t.Run(name, func(t *testing.T) {
			emu := estest.New(os)
			defer emu.Close()
			file := newWorld(t, emu)
			s := source(t, emu.URL, nil)
			from, to := base.Add(3*time.Minute+700*time.Millisecond), base.Add(57*time.Minute+3*time.Second)
			for _, order := range []logs.Order{logs.OldestFirst, logs.NewestFirst} {
				lq := logs.LineQuery{Service: "payments", From: from, To: to, Order: order}
				fl, _ := storetest.Lines(t, file, lq)
				el, st := storetest.Lines(t, s, lq)
				if strings.Join(fl, "\n") != strings.Join(el, "\n") || len(fl) < 300 {
					t.Fatalf("%s: %d lines from files, %d from %s", order, len(fl), len(el), name)
				}
				if st.Requests < len(fl)/100+2 { // identify (once) + open + pages + close
					t.Errorf("%d lines in %d requests: no paging", len(el), st.Requests)
				}
				lq.Limit = 250
				fl, _ = storetest.Lines(t, file, lq)
				el, st = storetest.Lines(t, s, lq)
				if strings.Join(fl, "\n") != strings.Join(el, "\n") || len(el) != 250 || !st.Truncated {
					t.Fatalf("%s capped: %d lines, truncated %v", order, len(el), st.Truncated)
				}
				lq.Limit = 20 // one page: no point in time
				if el, _ = storetest.Lines(t, s, lq); len(el) != 20 {
					t.Fatalf("%d lines, want 20", len(el))
				}
			}
			if n := emu.OpenPITs(); n != 0 {
				t.Fatalf("%d points in time left open", n)
			}
			q := logs.CountQuery{From: from, To: to}
			fc, _, _ := file.Counts(context.Background(), q)
			ec, _, err := s.Counts(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if sum := fc.Sum("payments"); fmt.Sprint(fc.Services) != fmt.Sprint(ec.Services) || sum.Failures == 0 || sum.Warnings == 0 || sum.Status5xx == 0 {
				t.Fatalf("counts differ:\nfiles %v\nes    %v", fc.Services["payments"], ec.Services["payments"])
			}
		})
	}
}

func TestCounts_areSplitUnderTheBucketLimit(t *testing.T) {
	emu := estest.New(false)
	defer emu.Close()
	emu.Index("logs-a", map[string]any{"@timestamp": base.Add(30 * time.Second).Format(time.RFC3339Nano), "service": map[string]any{"name": "api"}, "log": map[string]any{"level": "ERROR"}, "message": "boom"})
	emu.Index("logs-a", map[string]any{"@timestamp": base.Add(47*time.Hour + 30*time.Second).Format(time.RFC3339Nano), "service.name": "api", "log.level": "info", "http": map[string]any{"response": map[string]any{"status_code": 502.0}}, "message": "bad gateway"})
	s := source(t, emu.URL, func(c *elasticsearch.Config) { c.Fields = logs.Fields{} }) // ECS defaults
	c, st, err := s.Counts(context.Background(), logs.CountQuery{From: base, To: base.Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if st.Requests < 2 {
		t.Fatalf("48 h × 256 services in %d request(s): over the bucket limit", st.Requests)
	}
	if got := c.Sum("api"); got.Total != 2 || got.Failures != 2 || got.Status5xx != 1 || c.Services["api"][0].Failures != 1 || c.Services["api"][47*60].Failures != 1 {
		t.Fatalf("counts %+v", got)
	}
}

func TestFailures_areTypedAndSecretsStayOut(t *testing.T) {
	ctx := context.Background()
	q := logs.CountQuery{From: base, To: base.Add(time.Hour)}
	lq := logs.LineQuery{Service: "payments", From: base, To: base.Add(time.Hour), Limit: 1000}
	for _, tc := range []struct {
		name   string
		os     bool
		set    func(*estest.Server)
		mod    func(*elasticsearch.Config)
		kind   logs.ErrorKind
		saying string
	}{
		{name: "a timed-out search is a partial result", set: func(e *estest.Server) { e.Partial("timed_out") }, kind: logs.KindPartial, saying: "timed out"},
		{name: "a failed shard is a partial result", set: func(e *estest.Server) { e.Partial("shards") }, kind: logs.KindPartial, saying: "node_disconnected_exception"},
		{name: "a missing index is a bad query", mod: func(c *elasticsearch.Config) { c.Index = "nope" }, kind: logs.KindBadQuery, saying: "index_not_found_exception"},
		{name: "rejections beyond the retries are overload", set: func(e *estest.Server) { e.Fail429(100) }, kind: logs.KindOverloaded, saying: "es_rejected_execution_exception"},
		{name: "a wrong API key is an auth error", set: func(e *estest.Server) { e.RequireAPIKey("right-key-secret") },
			mod: func(c *elasticsearch.Config) { c.HTTP.APIKey = "wrong-key-secret" }, kind: logs.KindAuth, saying: "security_exception"},
		{name: "OpenSearch's bodiless 401 is an auth error", os: true, set: func(e *estest.Server) { e.RequireBasic("u", "pw-secret") },
			mod: func(c *elasticsearch.Config) { c.HTTP.Username, c.HTTP.Password = "u", "bad-secret" }, kind: logs.KindAuth, saying: "Unauthorized"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			emu := estest.New(tc.os)
			defer emu.Close()
			newWorld(t, emu)
			var logbuf bytes.Buffer
			s := source(t, emu.URL, func(c *elasticsearch.Config) {
				c.HTTP.Logger = hclog.New(&hclog.LoggerOptions{Output: &logbuf, Level: hclog.Trace})
				if tc.mod != nil {
					tc.mod(c)
				}
			})
			if tc.set != nil {
				tc.set(emu)
			}
			_, _, err := s.Counts(ctx, q)
			if logs.KindOf(err) != tc.kind || !strings.Contains(err.Error(), tc.saying) || !strings.Contains(err.Error(), `"es"`) {
				t.Fatalf("counts: %v (kind %v), want %v saying %q", err, logs.KindOf(err), tc.kind, tc.saying)
			}
			if tc.set != nil {
				tc.set(emu)
			}
			_, err = s.Lines(ctx, lq, func(*logs.Record) error { return nil })
			if logs.KindOf(err) != tc.kind {
				t.Fatalf("lines: %v, want %v", err, tc.kind)
			}
			if strings.Contains(logbuf.String()+err.Error(), "secret") {
				t.Fatalf("a secret leaked:\n%s\n%v", logbuf.String(), err)
			}
		})
	}
	t.Run("rejections are retried", func(t *testing.T) {
		emu := estest.New(false)
		defer emu.Close()
		file := newWorld(t, emu)
		emu.Fail429(2)
		ec, _, err := source(t, emu.URL, nil).Counts(ctx, q)
		fc, _, _ := file.Counts(ctx, q)
		if err != nil || fmt.Sprint(ec.Services) != fmt.Sprint(fc.Services) {
			t.Fatalf("%v", err)
		}
	})
}

func FuzzDecodeSearch(f *testing.F) {
	f.Add([]byte(`{"timed_out":false,"_shards":{"total":1,"failed":0},"hits":{"hits":[{"_source":{"@timestamp":"2026-12-03T20:32:00Z"},"sort":[1]}]}}`))
	f.Add([]byte(`{"timed_out":true}`))
	f.Add([]byte(`{"_shards":{"failed":1,"failures":[{"reason":{"type":"x","reason":"y"}}]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := elasticsearch.DecodeSearch(bytes.NewReader(b))
		if err != nil {
			return
		}
		if res.TimedOut || res.Shards.Failed > 0 {
			t.Fatal("a partial result was accepted")
		}
		var r logs.Record
		for _, h := range res.Hits.Hits {
			if elasticsearch.DecodeHit(h, elasticsearch.ECSFields, &r) == nil && r.Time.IsZero() {
				t.Fatal("a hit without a time was accepted")
			}
		}
	})
}

func FuzzDecodeCounts(f *testing.F) {
	f.Add([]byte(`{"s":{"buckets":[{"key":"api","m":{"buckets":[{"key":1796329920000,"doc_count":3,"f":{"doc_count":1},"w":{"doc_count":1},"x":{"doc_count":1}}]}}]}}`))
	f.Add([]byte(`{"s":{"buckets":[{"key":"api","m":{"buckets":[{"key":1796329920000,"doc_count":1,"x":{"doc_count":2}}]}}]}}`))
	f.Add([]byte(`{"s":{"buckets":[{"key":7,"m":{"buckets":[{"key":5,"doc_count":1,"f":{"doc_count":2}}]}}]}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		bs, err := elasticsearch.DecodeCounts(b)
		for _, x := range bs {
			if err == nil && (x.Counts.Check() != nil || x.Minute.Truncate(time.Minute) != x.Minute) {
				t.Fatalf("accepted %+v", x)
			}
		}
	})
}
