package victorialogs_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/storehttp"
	"github.com/sigsentry/deskgate/gateway/logs/victorialogs"
	"github.com/sigsentry/deskgate/internal/victorialogstest"
)

// world is one set of incident logs held both in files and in a real
// VictoriaLogs, so every query can be compared with the file source's.
type world struct {
	base     time.Time
	file     *logs.FileSource
	vl       *victorialogs.Source
	server   *victorialogstest.Server
	nLines   int
	services []string
}

// edgeLines exercise the failure definition beyond the generator's
// shapes: level spellings, numeric levels, a 4xx at error level, a status
// written as a string.
func edgeLines(base time.Time) []string {
	var out []string
	add := func(offset time.Duration, fields string) {
		out = append(out, fmt.Sprintf(`{"time":%q,"service":"edge",%s}`, base.Add(offset).Format(time.RFC3339Nano), fields))
	}
	for i := 0; i < 3; i++ {
		m := time.Duration(30+i) * time.Minute
		add(m+1*time.Second, `"level":"FATAL","msg":"db gone"`)
		add(m+2*time.Second, `"level":"Err","msg":"odd spelling"`)
		add(m+3*time.Second, `"level":"50","msg":"pino error"`)
		add(m+4*time.Second, `"level":"error","status":404,"msg":"not found is traffic"`)
		add(m+5*time.Second, `"level":"info","status":"503","msg":"upstream"`)
		add(m+6*time.Second, `"level":"warning","msg":"just a warning"`)
		add(m+7*time.Second, `"level":"e","msg":"one letter"`)
		add(m+8*time.Second, `"level":"information","status":499,"msg":"client gave up"`)
		add(m+9*time.Second, `"msg":"no level at all"`)
		add(m+10*time.Second, `"level":"WARN","status":502,"msg":"a warning about a 5xx"`)
		add(m+11*time.Second, `"level":"40","msg":"pino warning"`)
		add(m, `"level":"error","msg":"exactly on the minute"`)
	}
	return out
}

func newWorld(t *testing.T) *world {
	t.Helper()
	base := time.Now().UTC().Truncate(time.Hour).Add(-5 * time.Hour)
	spec := gen.Spec{
		Seed: 7, From: base, To: base.Add(3 * time.Hour), Services: gen.CheckoutServices(2),
		Incidents: []gen.Incident{
			{Service: "payments", Start: base.Add(100 * time.Minute), Duration: 40 * time.Minute, FailRate: 0.4, Status: 504,
				Message: "processor timeout for ch_{id}"},
			{Service: "auth", Start: base.Add(110 * time.Minute), Duration: 20 * time.Minute, FailRate: 0.2,
				Message: "token store unavailable", Level: "fatal"},
		},
	}
	dir := t.TempDir()
	var all bytes.Buffer
	n := 0
	if err := gen.Stream(spec, func(_ string, line []byte) error {
		n++
		all.Write(line)
		return all.WriteByte('\n')
	}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "all.jsonl"), all.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// The edge lines go to a file of their own: a file source expects each
	// file in time order.
	var edge bytes.Buffer
	for _, l := range edgeLines(base) {
		n++
		edge.WriteString(l + "\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "edge.jsonl"), edge.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	all.Write(edge.Bytes())
	file, err := logs.NewFileSource("file", []string{filepath.Join(dir, "*.jsonl")}, logs.FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	srv := victorialogstest.Start(t)
	ctx := context.Background()
	if err := srv.Ingest(ctx, bytes.NewReader(all.Bytes()), victorialogstest.IngestOptions{}); err != nil {
		t.Fatalf("%v\n%s", err, srv.Output())
	}
	vl, err := victorialogs.New(victorialogs.Config{HTTP: storehttp.Config{Name: "vl", URLs: []string{srv.URL}}})
	if err != nil {
		t.Fatal(err)
	}
	return &world{base: base, file: file, vl: vl, server: srv, nLines: n,
		services: []string{"checkout-api", "payments", "auth", "search", "notifications", "edge"}}
}

type lineKey struct {
	t   int64
	msg string
	lvl string
	st  int
	svc string
}

func collect(t *testing.T, q logs.Querier, lq logs.LineQuery) ([]lineKey, logs.QueryStats) {
	t.Helper()
	var out []lineKey
	st, err := q.Lines(context.Background(), lq, func(r *logs.Record) error {
		out = append(out, lineKey{r.Time.UnixNano(), r.Message, r.Level, r.Status, r.Service})
		return nil
	})
	if err != nil {
		t.Fatalf("%s lines: %v", q.Name(), err)
	}
	return out, st
}

func asSet(ks []lineKey) map[lineKey]int {
	m := map[lineKey]int{}
	for _, k := range ks {
		m[k]++
	}
	return m
}

func sameSet(t *testing.T, what string, a, b []lineKey) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d lines from files, %d from VictoriaLogs", what, len(a), len(b))
	}
	sa, sb := asSet(a), asSet(b)
	for k, n := range sa {
		if sb[k] != n {
			t.Fatalf("%s: line %+v %d times from files, %d from VictoriaLogs", what, k, n, sb[k])
		}
	}
}

func ordered(t *testing.T, what string, ks []lineKey, newest bool) {
	t.Helper()
	if !sort.SliceIsSorted(ks, func(i, j int) bool {
		if newest {
			return ks[i].t > ks[j].t
		}
		return ks[i].t < ks[j].t
	}) {
		t.Fatalf("%s: lines are not in order", what)
	}
}

func TestVictoriaLogs_agreesWithTheFileSourceOnTheSameLines(t *testing.T) {
	w := newWorld(t)
	// Windows that start and end inside a minute: the partial first and
	// last minutes must be counted exactly as a file scan counts them.
	windows := []struct{ from, to time.Time }{
		{w.base.Add(17*time.Minute + 23500*time.Millisecond), w.base.Add(2*time.Hour + 57*time.Minute + 11*time.Second)},
		{w.base, w.base.Add(3 * time.Hour)},
		{w.base.Add(29 * time.Minute), w.base.Add(33 * time.Minute)},
	}
	for i, win := range windows {
		t.Run(fmt.Sprintf("window %d counts", i), func(t *testing.T) {
			q := logs.CountQuery{From: win.from, To: win.to}
			fc, _, err := w.file.Counts(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			vc, st, err := w.vl.Counts(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			if st.Requests != 1 {
				t.Errorf("counts took %d requests, want 1", st.Requests)
			}
			equalCounts(t, fc, vc)
			if len(fc.Services) < 5 {
				t.Fatalf("only %d services counted", len(fc.Services))
			}
			// Named services only.
			q.Services = []string{"payments", "edge", "nobody"}
			fc, _, _ = w.file.Counts(context.Background(), q)
			vc, _, err = w.vl.Counts(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			equalCounts(t, fc, vc)
		})
	}
	for _, svc := range w.services {
		t.Run("lines of "+svc, func(t *testing.T) {
			lq := logs.LineQuery{Service: svc, From: windows[0].from, To: windows[0].to, Limit: 1_000_000}
			fl, _ := collect(t, w.file, lq)
			vl, st := collect(t, w.vl, lq)
			if len(fl) == 0 {
				t.Fatal("no lines in the window")
			}
			sameSet(t, svc, fl, vl)
			ordered(t, svc, vl, false)
			if st.Truncated || st.Bytes == 0 || st.Requests != 1 {
				t.Errorf("stats %+v: want one request, some bytes, not truncated", st)
			}
		})
	}
	t.Run("capped lines are the oldest or the newest", func(t *testing.T) {
		for _, order := range []logs.Order{logs.OldestFirst, logs.NewestFirst} {
			lq := logs.LineQuery{Service: "payments", From: windows[0].from, To: windows[0].to, Limit: 500, Order: order}
			fl, fst := collect(t, w.file, lq)
			vl, vst := collect(t, w.vl, lq)
			if len(vl) != 500 || !vst.Truncated || !fst.Truncated {
				t.Fatalf("%s: %d lines, truncated %v/%v; want 500 and truncated", order, len(vl), fst.Truncated, vst.Truncated)
			}
			sameSet(t, order.String(), fl, vl)
			ordered(t, order.String(), vl, order == logs.NewestFirst)
			ordered(t, order.String()+" (files)", fl, order == logs.NewestFirst)
		}
	})
	t.Run("an unknown service has no lines", func(t *testing.T) {
		vl, _ := collect(t, w.vl, logs.LineQuery{Service: "nobody", From: windows[1].from, To: windows[1].to})
		if len(vl) != 0 {
			t.Fatalf("%d lines", len(vl))
		}
	})
}

func equalCounts(t *testing.T, file, vl *logs.Counts) {
	t.Helper()
	if !file.Start.Equal(vl.Start) || file.Minutes != vl.Minutes {
		t.Fatalf("shapes differ: %v+%d vs %v+%d", file.Start, file.Minutes, vl.Start, vl.Minutes)
	}
	for svc, fm := range file.Services {
		vm, ok := vl.Services[svc]
		if !ok {
			t.Fatalf("service %s counted in files, missing in VictoriaLogs", svc)
		}
		for i := range fm {
			if fm[i] != vm[i] {
				t.Fatalf("%s minute %s: files %+v, VictoriaLogs %+v", svc, file.Start.Add(time.Duration(i)*time.Minute).Format("15:04"), fm[i], vm[i])
			}
		}
	}
	for svc := range vl.Services {
		if _, ok := file.Services[svc]; !ok {
			t.Fatalf("service %s counted in VictoriaLogs only", svc)
		}
	}
	var sum logs.Minute
	for svc := range file.Services {
		s := file.Sum(svc)
		sum.Add(s)
	}
	if sum.Total == 0 || sum.Failures == 0 || sum.Warnings == 0 || sum.Status5xx == 0 {
		t.Fatalf("nothing counted (%+v): the comparison proves nothing", sum)
	}
}
