package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/gwtest"
	"github.com/sigsentry/deskgate/internal/victorialogstest"
)

// outcome is what a desk and a reader of the analysis see of one ticket.
type outcome struct {
	severity, service string
	triageNote        string // the whole internal note
	analysisNote      string // without its link and its log-source line
	timeline          []string
	templates         []string
	sources           string // the page's log-source line
}

var (
	svgTitles  = regexp.MustCompile(`<g><title>([^<]*)</title>`)
	codeSpans  = regexp.MustCompile(`<td><code>([^<]*)</code>`)
	sourceLine = regexp.MustCompile(`<p[^>]*>(Log sources: [^<]*)</p>`)
	noteLink   = regexp.MustCompile(`<p><a href="[^"]*">[^<]*</a></p>`)
)

// severeOutcome connects e, creates the severe ticket created at `at` and
// collects what came of it.
func severeOutcome(t *testing.T, e *env, at time.Time) outcome {
	t.Helper()
	e.connect()
	id := e.createTicketAt(severeSubject, severeBody, "urgent", at)
	waitUntil(t, 90*time.Second, "the severe ticket's triage and analysis notes", func() bool {
		internal, _ := e.notes(id)
		return len(internal) >= 2 && e.hasAudit(id, "fields.analysis_url")
	})
	internal, _ := e.notes(id)
	fields := e.sb.CustomFields(id)
	link, _ := fields[e.fields["analysis_url"]].(string)
	resp := get(t, http.DefaultClient, link)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	must(t, err)
	page := string(body)
	o := outcome{
		severity: fmt.Sprint(fields[e.fields["severity"]]), service: fmt.Sprint(fields[e.fields["affected_service"]]),
		triageNote:   internal[0].HTMLBody,
		analysisNote: sourceLine.ReplaceAllString(noteLink.ReplaceAllString(internal[1].HTMLBody, ""), ""),
	}
	for _, m := range svgTitles.FindAllStringSubmatch(page, -1) {
		o.timeline = append(o.timeline, m[1])
	}
	for _, m := range codeSpans.FindAllStringSubmatch(page, -1) {
		o.templates = append(o.templates, m[1])
	}
	if m := sourceLine.FindStringSubmatch(page); m != nil {
		o.sources = m[1]
	}
	return o
}

// The same incident, held once in a log file and once only in a real
// VictoriaLogs, gives the same triage and the same analysis: severity,
// service, reasons, templates and every timeline count; the page says
// where the lines came from and the doctor checks the store.
func TestEndToEnd_logsHeldOnlyInVictoriaLogs(t *testing.T) {
	vl := victorialogstest.Start(t)
	end := time.Now().UTC().Truncate(time.Second)
	created := end.Add(-time.Minute)
	dir := t.TempDir()
	gwtest.WriteLogs(t, dir, end)
	f, err := os.Open(filepath.Join(dir, "app.jsonl"))
	must(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	must(t, vl.Ingest(ctx, f, victorialogstest.IngestOptions{}))
	f.Close()

	fileEnv := newEnv(t, envOptions{LogsAt: end})
	fromFile := severeOutcome(t, fileEnv, created)
	fileEnv.stopAll()

	vlEnv := newEnv(t, envOptions{LogBlock: fmt.Sprintf(`log_source "victorialogs" "prod" {
    url     = %q
    timeout = "20s"
  }`, vl.URL)})
	if entries, _ := os.ReadDir(filepath.Join(vlEnv.dir, "logs")); len(entries) != 0 {
		t.Fatalf("the store's gateway has log files: %v", entries)
	}
	fromVL := severeOutcome(t, vlEnv, created)

	if fromFile.severity != "critical" || fromFile.service != "checkout-api" || len(fromFile.timeline) < 30 || len(fromFile.templates) == 0 {
		t.Fatalf("the file's outcome is not the incident: %s/%s, %d buckets, templates %q", fromFile.severity, fromFile.service, len(fromFile.timeline), fromFile.templates)
	}
	t.Logf("VictoriaLogs: %s/%s, %d timeline buckets, top template %q; %s", fromVL.severity, fromVL.service, len(fromVL.timeline), first(fromVL.templates), fromVL.sources)
	t.Logf("file:         %s/%s, %d timeline buckets, top template %q; %s", fromFile.severity, fromFile.service, len(fromFile.timeline), first(fromFile.templates), fromFile.sources)
	same := func(what string, a, b any) {
		t.Helper()
		if fmt.Sprint(a) != fmt.Sprint(b) {
			t.Errorf("%s differs:\nfile         %v\nVictoriaLogs %v", what, a, b)
		}
	}
	same("severity", fromFile.severity, fromVL.severity)
	same("service", fromFile.service, fromVL.service)
	same("triage note (reasons)", fromFile.triageNote, fromVL.triageNote)
	same("analysis note", fromFile.analysisNote, fromVL.analysisNote)
	same("timeline", fromFile.timeline, fromVL.timeline)
	same("templates", fromFile.templates, fromVL.templates)
	if !strings.Contains(fromFile.sources, "app (file, scanned)") || !strings.Contains(fromVL.sources, "prod (log store, counted by the store)") {
		t.Errorf("the pages do not say where the lines came from: %q / %q", fromFile.sources, fromVL.sources)
	}

	var doc struct {
		Checks []struct {
			Name, Detail string
			OK           bool
		}
	}
	if code := vlEnv.api("GET", "/api/bindings/zendesk/acme/doctor", &doc); code != 200 {
		t.Fatalf("doctor answered %d", code)
	}
	storeChecks := 0
	for _, c := range doc.Checks {
		if strings.HasPrefix(c.Name, `log source victorialogs "prod"`) || strings.HasPrefix(c.Name, "logs of ") {
			storeChecks++
			if !c.OK {
				t.Errorf("doctor check %q failed: %s", c.Name, c.Detail)
			}
		}
	}
	if storeChecks != 3+4 { // reachable, authenticated, service field; four services
		t.Errorf("%d log-store checks: %+v", storeChecks, doc.Checks)
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
