package assess

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/analysis"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/triage"
	"github.com/sigsentry/deskgate/sdk"
)

// checkoutConfig is a config whose checkout-api log turns to 503s twenty
// minutes before now; rules is written into the project block.
func checkoutConfig(t *testing.T, dir, rules string) *config.Config {
	t.Helper()
	now := time.Now().UTC()
	var b strings.Builder
	for ts := now.Add(-3 * time.Hour); ts.Before(now); ts = ts.Add(5 * time.Second) {
		level, status := "info", 200
		if ts.After(now.Add(-20 * time.Minute)) {
			level, status = "error", 503
		}
		fmt.Fprintf(&b, `{"time":%q,"level":%q,"service":"checkout-api","status":%d,"msg":"POST /checkout/pay"}`+"\n", ts.Format(time.RFC3339), level, status)
	}
	if err := os.MkdirAll(filepath.Join(dir, "logs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logs", "app.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	main := `
gateway {
  listen      = "127.0.0.1:8080"
  admin_token = env("ADMIN")
}
project "checkout" {
  services = ["checkout-api", "search"]
  service "checkout-api" {
    core = true
  }
  log_source "file" "app" {
    paths = ["./logs/*.jsonl"]
  }
` + rules + `
}
platform "zendesk" {
  client_id     = "id"
  client_secret = env("ZSECRET")
}
binding "zendesk" "acme" {
  project = "checkout"
}
`
	t.Setenv("ADMIN", "assess-test-token-0123456789abcdef0")
	t.Setenv("ZSECRET", "s")
	path := filepath.Join(dir, "deskgate.hcl")
	cfg, diags := config.Parse(map[string][]byte{path: []byte(main)}, path)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return cfg
}

func TestAssessor_triagesAnalysesAndRendersABindingsTicket(t *testing.T) {
	var cur atomic.Pointer[config.Config]
	cur.Store(checkoutConfig(t, t.TempDir(), ""))
	a := New(cur.Load, nil)
	bc := cur.Load().Binding("zendesk", "acme")
	tk := &sdk.Ticket{ID: "42", Subject: `Checkout <b>down</b>`, Description: "nobody can pay since 15 minutes, everyone is affected",
		Priority: "urgent", CreatedAt: time.Now().UTC()}
	ctx := context.Background()

	res, err := a.Triage(ctx, bc, tk)
	if err != nil {
		t.Fatal(err)
	}
	if res.Severity != triage.Critical || res.AffectedService != "checkout-api" || !res.Analyze {
		t.Fatalf("triage = %s/%s analyze %v, want critical/checkout-api with analysis (%v)", res.Severity, res.AffectedService, res.Analyze, res.Reasons)
	}
	an, err := a.Analyze(ctx, bc, tk, res)
	if err != nil {
		t.Fatal(err)
	}
	body, err := an.JSON()
	if err != nil {
		t.Fatal(err)
	}
	stored, err := Load(body)
	if err != nil {
		t.Fatal(err)
	}
	note := stored.NoteHTML("https://gw.example/analyses/abc")
	for _, want := range []string{`href="https://gw.example/analyses/abc"`, "checkout-api", "onset", "Log sources: app (file, scanned): "} {
		if !strings.Contains(note, want) {
			t.Errorf("note of the stored analysis lacks %q:\n%s", want, note)
		}
	}
	if note != an.NoteHTML("https://gw.example/analyses/abc") {
		t.Error("the stored analysis reads differently from the one that was stored")
	}

	w := httptest.NewRecorder()
	if err := RenderAnalysis(w, body, nil); err != nil {
		t.Fatal(err)
	}
	page := w.Body.String()
	if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	for _, want := range []string{"<svg", "onset", "&lt;b&gt;down&lt;/b&gt;", "POST /checkout/pay", "from app</span>", "Log sources: app (file, scanned): "} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	for _, bad := range []string{"<script", "src=", "<link", "@import", "<b>down</b>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if err := RenderAnalysis(httptest.NewRecorder(), []byte("{"), nil); err == nil {
		t.Error("an unreadable stored analysis rendered without error")
	}
}

func TestAssessor_rebuildsTriagersWhenTheConfigIsReloaded(t *testing.T) {
	dir := t.TempDir()
	var cur atomic.Pointer[config.Config]
	cur.Store(checkoutConfig(t, dir, ""))
	a := New(cur.Load, nil)
	tk := &sdk.Ticket{ID: "7", Subject: "checkout is down", Description: "nobody can pay", CreatedAt: time.Now().UTC()}
	res, err := a.Triage(context.Background(), cur.Load().Binding("zendesk", "acme"), tk)
	if err != nil || res.Severity != triage.Critical {
		t.Fatalf("before the reload: %s, %v", res.Severity, err)
	}
	cur.Store(checkoutConfig(t, dir, `  triage {
    rule {
      keywords = ["checkout is down"]
      ceiling  = "medium"
    }
  }`))
	res, err = a.Triage(context.Background(), cur.Load().Binding("zendesk", "acme"), tk)
	if err != nil || res.Severity != triage.Medium {
		t.Fatalf("after a reload adding a ceiling rule: %s, %v; want medium", res.Severity, err)
	}
}

func TestAnalysisNote_escapesLogContent(t *testing.T) {
	an := &Analysis{Report: &analysis.Report{Severity: "high", AffectedService: "x", Total: 10,
		Templates:      []analysis.Template{{Pattern: `<img src=x onerror=alert(1)>`, Count: 3, New: true}},
		SuspectedCause: `<script>alert(1)</script>`}}
	note := an.NoteHTML(`javascript:alert(1)`)
	if strings.Contains(note, "<img") || strings.Contains(note, "<script") || strings.Contains(note, `href="javascript:`) {
		t.Errorf("note not escaped:\n%s", note)
	}
}

func TestAnalysisNote_describesFailureOnlyLogsPerMinute(t *testing.T) {
	onset := time.Date(2026, 11, 27, 11, 30, 0, 0, time.UTC)
	an := &Analysis{Report: &analysis.Report{Severity: "high", AffectedService: "worker", Total: 600, Failures: 600,
		CountBased: true, Onset: onset, PerMinute: 20, BaselinePerMinute: 1, Ratio: 20,
		Templates: []analysis.Template{{Pattern: "job <num> failed: lock timeout after <num>s", Count: 600, FirstSeen: onset}}}}
	note := an.NoteHTML("")
	for _, want := range []string{"onset 11:30 UTC, 20.0 failures per minute since (usually 1.0, ×20)", "job &lt;num&gt; failed"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q:\n%s", want, note)
		}
	}
	if strings.Contains(note, "href=") {
		t.Errorf("a note without a page links to one:\n%s", note)
	}
}

func TestTriageNoteHTML_showsTheVerdictAndEscapesReasons(t *testing.T) {
	note := TriageNoteHTML(triage.Result{Severity: "high", Confidence: "medium", AffectedService: "search",
		Reasons: []string{`failure words: "<b>broken</b>"`}, Analyze: true,
		Window:       triage.Window{From: time.Date(2026, 11, 20, 9, 10, 0, 0, time.UTC), To: time.Date(2026, 11, 20, 9, 31, 0, 0, time.UTC)},
		WindowSource: `from "since <i>9:10</i>", read in Europe/Berlin (the requester's profile)`})
	for _, want := range []string{"severity <strong>high</strong>", "<code>search</code>", "2026-11-20 09:10 UTC to 2026-11-20 09:31 UTC",
		"A full log analysis follows", "&lt;b&gt;broken&lt;/b&gt;",
		"09:31 UTC (from &#34;since &lt;i&gt;9:10&lt;/i&gt;&#34;, read in Europe/Berlin (the requester&#39;s profile))"} {
		if !strings.Contains(note, want) {
			t.Errorf("note lacks %q:\n%s", want, note)
		}
	}
	if none := TriageNoteHTML(triage.Result{Severity: "low"}); !strings.Contains(none, "none identified") || !strings.Contains(none, "unknown to unknown") {
		t.Errorf("note without service or window:\n%s", none)
	}
}

func TestParseTicketJSON_readsTheTriageStdinShape(t *testing.T) {
	cases := []struct {
		name, in string
		wantID   string
		wantErr  string
	}{
		{"a numeric id", `{"id":1001,"subject":"s","priority":"urgent","tags":["a"],"created_at":"2026-11-20T09:31:00Z"}`, "1001", ""},
		{"a string id", `{"id":"abc","description":"d"}`, "abc", ""},
		{"an unknown field", `{"id":1,"body":"x"}`, "", `unknown field "body"`},
		{"a priority desks do not send", `{"id":1,"priority":"whenever"}`, "", `priority "whenever"`},
		{"not JSON", `id=1`, "", "ticket JSON"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tk, err := ParseTicketJSON([]byte(c.in))
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, c.wantErr)
				}
				return
			}
			if err != nil || tk.ID != c.wantID {
				t.Fatalf("ParseTicketJSON = %+v, %v; want id %q", tk, err, c.wantID)
			}
		})
	}
	tk, _ := ParseTicketJSON([]byte(`{"id":1,"subject":"s","requester_name":"Dana","tags":["vip"],"created_at":"2026-11-20T09:31:00Z"}`))
	if tk.Subject != "s" || tk.RequesterName != "Dana" || len(tk.Tags) != 1 || !tk.CreatedAt.Equal(time.Date(2026, 11, 20, 9, 31, 0, 0, time.UTC)) {
		t.Errorf("fields not read: %+v", tk)
	}
}

// A project mixing a file and a log store builds one union of both; the
// store is not contacted until queried.
func TestProject_buildsEveryKindOfLogSource(t *testing.T) {
	cfg := checkoutConfig(t, t.TempDir(), `
  log_source "victorialogs" "prod" {
    url = "http://127.0.0.1:9"
  }`)
	p, err := Project(cfg.Projects["checkout"], nil)
	if err != nil {
		t.Fatal(err)
	}
	u, ok := p.Sources[0].(*logs.Union)
	if len(p.Sources) != 1 || !ok || u.Name() != "app+prod" {
		t.Fatalf("sources %v", p.Sources)
	}
	_, err = triage.New(p, triage.Settings{}).Triage(context.Background(), triage.Ticket{ID: "1", Subject: "checkout down", CreatedAt: time.Now()})
	if logs.KindOf(err) != logs.KindUnreachable || !strings.Contains(err.Error(), `"prod"`) {
		t.Fatalf("an unreachable store: %v", err)
	}
}

// leakyConfig is checkoutConfig whose failing lines carry personal data and
// secrets, with project settings extra.
func leakyConfig(t *testing.T, extra string) *config.Config {
	t.Helper()
	dir := t.TempDir()
	cfg := checkoutConfig(t, dir, extra)
	now := time.Now().UTC()
	var b strings.Builder
	for ts := now.Add(-15 * time.Minute); ts.Before(now); ts = ts.Add(10 * time.Second) {
		fmt.Fprintf(&b, `{"time":%q,"level":"error","service":"checkout-api","status":502,"msg":"charge failed for alice@example.com card 4242 4242 4242 4242 key sk_live_51HxQ2eK9zAbCdEfGh ip 203.0.113.9 ACME-778899","password":"hunter2xyz","authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlc2lnbmF0dXJl"}`+"\n", ts.Format(time.RFC3339))
	}
	f, err := os.OpenFile(filepath.Join(dir, "logs", "app.jsonl"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(b.String()); err != nil {
		t.Fatal(err)
	}
	return cfg
}

var leaked = []string{"alice@example.com", "bob@example.org", "4242 4242 4242 4242", "sk_live_51HxQ2eK9zAbCdEfGh", "203.0.113.9",
	"hunter2xyz", "eyJhbGciOiJIUzI1NiJ9", "ACME-778899"}

func analyseLeaky(t *testing.T, extra string) []byte {
	t.Helper()
	var cur atomic.Pointer[config.Config]
	cur.Store(leakyConfig(t, extra))
	a := New(cur.Load, nil)
	bc := cur.Load().Binding("zendesk", "acme")
	tk := &sdk.Ticket{ID: "42", Subject: "checkout down, reach me at bob@example.org", Description: "nobody can pay since 15 minutes, everyone is affected",
		Priority: "urgent", CreatedAt: time.Now().UTC()}
	res, err := a.Triage(context.Background(), bc, tk)
	if err != nil {
		t.Fatal(err)
	}
	res.Reasons = append(res.Reasons, "ticket says: reach me at bob@example.org")
	an, err := a.Analyze(context.Background(), bc, tk, res)
	if err != nil {
		t.Fatal(err)
	}
	if len(an.Report.Templates) == 0 || len(an.Report.Templates[0].Samples) == 0 {
		t.Fatalf("no templates or samples to check: %+v", an.Report.Templates)
	}
	body, err := an.JSON()
	if err != nil {
		t.Fatal(err)
	}
	out := string(body) + an.NoteHTML("https://gw.example/analyses/x")
	return []byte(strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&amp;", "&").Replace(out))
}

func TestAnalyze_storesNoPersonalDataOrSecrets(t *testing.T) {
	out := string(analyseLeaky(t, `  mask_patterns = ["ACME-\\d{6}"]`))
	for _, s := range leaked {
		if strings.Contains(out, s) {
			t.Errorf("the stored analysis or its note holds %q", s)
		}
	}
	for _, want := range []string{"<email>", "<card>", "<secret>", "<ip>", "<masked>"} {
		if !strings.Contains(out, want) {
			t.Errorf("the stored analysis lacks the placeholder %s", want)
		}
	}
}

func TestAnalyze_keepsRawLinesWhenTheProjectOptsOut(t *testing.T) {
	out := string(analyseLeaky(t, `  mask_samples = false`))
	if !strings.Contains(out, "alice@example.com") || !strings.Contains(out, "hunter2xyz") {
		t.Error("mask_samples = false still masked the samples")
	}
}

func TestRenderAnalysis_masksAnUnmaskedStoredBodyAndItsStyleMatchesTheCSP(t *testing.T) {
	raw := `{"ticket_id":"1","subject":"mail carol@example.net","templates":[{"pattern":"login password=<id> failed","samples":["{\"password\":\"opensesame1\",\"ip\":\"198.51.100.7\"}"]}]}`
	w := httptest.NewRecorder()
	if err := RenderAnalysis(w, []byte(raw), logs.DefaultRedactor().Redact); err != nil {
		t.Fatal(err)
	}
	page := w.Body.String()
	for _, s := range []string{"carol@example.net", "opensesame1", "198.51.100.7"} {
		if strings.Contains(page, s) {
			t.Errorf("page shows %q", s)
		}
	}
	i, j := strings.Index(page, "<style>"), strings.Index(page, "</style>")
	if i < 0 || j < i {
		t.Fatal("page has no style element")
	}
	sum := sha256.Sum256([]byte(page[i+len("<style>") : j]))
	if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(PageCSP, h) {
		t.Errorf("CSP %q does not allow the page's style (%s)", PageCSP, h)
	}
	if strings.Contains(page, "style=") {
		t.Error("page has an inline style attribute, which the CSP blocks")
	}
}
