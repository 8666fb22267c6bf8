package logsource_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/elasticsearch/estest"
	"github.com/sigsentry/deskgate/gateway/logs/logsource"
	"github.com/sigsentry/deskgate/gateway/logs/loki/lokitest"
	"github.com/sigsentry/deskgate/internal/victorialogstest"
)

// One project's services spread over four kinds of source (a real
// VictoriaLogs, the Loki and Elasticsearch emulators, a file), built from
// config by one call: the union must say what one file of all the lines
// says.
func TestNewProject_unionOfEveryKindEqualsOneFileOfAllLines(t *testing.T) {
	base := time.Now().UTC().Truncate(time.Hour).Add(-3 * time.Hour)
	spec := gen.Spec{Seed: 11, From: base, To: base.Add(time.Hour), Services: gen.CheckoutServices(0.5),
		Incidents: []gen.Incident{{Service: "payments", Start: base.Add(30 * time.Minute), Duration: 15 * time.Minute, FailRate: 0.5, Status: 500, Message: "boom {id}"}}}
	dir := t.TempDir()
	var all, vlLines, fileLines bytes.Buffer
	vl := victorialogstest.Start(t)
	lk := lokitest.New(false)
	defer lk.Close()
	es := estest.New(true)
	defer es.Close()
	p, _ := logs.NewParser(logs.FormatJSONL)
	var rec logs.Record
	err := gen.Stream(spec, func(svc string, line []byte) error {
		all.Write(line)
		all.WriteByte('\n')
		switch svc {
		case "payments", "auth":
			vlLines.Write(line)
			vlLines.WriteByte('\n')
		case "checkout-api":
			p.Parse(line, &rec)
			if rec.Time.Truncate(time.Minute).Equal(rec.Time) {
				rec.Time = rec.Time.Add(time.Millisecond) // Loki counts an exact minute in the one before
				line = bytes.Replace(line, []byte(":00.000Z"), []byte(":00.001Z"), 1)
				all.Truncate(all.Len() - len(line) - 1)
				all.Write(line)
				all.WriteByte('\n')
			}
			lk.Push("", lokitest.Entry{TS: rec.Time.UnixNano(), Labels: map[string]string{"service": svc, "env": "prod"}, Line: string(line)})
		case "search":
			var doc map[string]any
			if err := json.Unmarshal(line, &doc); err != nil {
				return err
			}
			es.Index("logs-1", doc)
		default:
			fileLines.Write(line)
			fileLines.WriteByte('\n')
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := vl.Ingest(context.Background(), &vlLines, victorialogstest.IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "notifications.jsonl"), fileLines.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "all.jsonl.ref"), all.Bytes(), 0o644)
	os.Setenv("DESKGATE_TEST_ES_PASSWORD", "es-pw")
	es.RequireBasic("deskgate", "es-pw")

	hcl := fmt.Sprintf(`gateway {
  listen      = "127.0.0.1:8080"
  admin_token = "logsource-test-token-0123456789abcdef"
}
project "checkout" {
  services = ["checkout-api", "payments", "auth", "search", "notifications"]
  log_source "file" "disk" {
    paths = [%q]
  }
  log_source "victorialogs" "vl" {
    url = %q
  }
  log_source "loki" "loki" {
    url      = %q
    selector = "{env=\"prod\"}"
  }
  log_source "elasticsearch" "es" {
    urls          = [%q]
    index         = "logs-*"
    time_field    = "time"
    service_field = "service"
    level_field   = "level"
    status_field  = "status"
    message_field = "msg"
    username      = "deskgate"
    password      = env("DESKGATE_TEST_ES_PASSWORD")
  }
}
platform "zendesk" {
  client_id     = "a"
  client_secret = "b"
}
`, filepath.Join(dir, "*.jsonl"), vl.URL, lk.URL, es.URL)
	cfg, diags := config.Parse(map[string][]byte{filepath.Join(dir, "deskgate.hcl"): []byte(hcl)}, filepath.Join(dir, "deskgate.hcl"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	u, err := logsource.NewProject(cfg.Projects["checkout"], nil)
	if err != nil {
		t.Fatal(err)
	}
	if u.Name() != "disk+vl+loki+es" {
		t.Fatalf("union named %q", u.Name())
	}
	ref, _ := logs.NewFileSource("ref", []string{filepath.Join(dir, "all.jsonl.ref")}, logs.FormatJSONL)
	ctx := context.Background()
	from, to := base.Add(4*time.Minute+300*time.Millisecond), base.Add(55*time.Minute+10*time.Second)
	q := logs.CountQuery{From: from, To: to}
	want, _, err := ref.Counts(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	got, st, err := u.Counts(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got.Services) != fmt.Sprint(want.Services) || len(want.Services) != 5 {
		t.Fatalf("union counts differ from the reference:\n%v\n%v", got.Services, want.Services)
	}
	if st.Requests < 4 {
		t.Fatalf("%d requests: not every store was asked", st.Requests)
	}
	for _, svc := range []string{"payments", "checkout-api", "search", "notifications"} {
		for _, order := range []logs.Order{logs.OldestFirst, logs.NewestFirst} {
			lq := logs.LineQuery{Service: svc, From: from, To: to, Order: order, Limit: 100}
			a, b := keys(t, ref, lq), keys(t, u, lq)
			if strings.Join(a, "\n") != strings.Join(b, "\n") || len(a) != 100 {
				t.Fatalf("%s %s: %d reference lines, %d from the union", svc, order, len(a), len(b))
			}
		}
	}
}

// keys lists the lines in the order given (ties at one instant sorted).
func keys(t *testing.T, q logs.Querier, lq logs.LineQuery) []string {
	t.Helper()
	var out []string
	if _, err := q.Lines(context.Background(), lq, func(r *logs.Record) error {
		out = append(out, fmt.Sprintf("%d|%s|%s", r.Time.UnixNano(), r.Service, r.Message))
		return nil
	}); err != nil {
		t.Fatalf("%s: %v", q.Name(), err)
	}
	return out
}
