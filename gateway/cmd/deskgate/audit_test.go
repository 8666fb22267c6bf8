package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/web"
)

// twoAcmes adds a jsm binding named acme (so a bare "acme" is ambiguous)
// and a zendesk binding globex to writeConfig's config.
const twoAcmes = `
platform "jsm" {
  client_id     = "jid"
  client_secret = "jsecret"
}
binding "jsm" "acme" {
  project = "checkout"
  site    = "acme"
}
binding "zendesk" "globex" {
  project   = "checkout"
  subdomain = "globex"
}
`

func appendConfig(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// startAdminAPI serves the real admin API over cfgPath's config, a real
// SQLite store holding one triage entry of zendesk/acme ticket 7.
func startAdminAPI(t *testing.T, cfgPath string) string {
	t.Helper()
	cfg, diags := config.Load(cfgPath)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	ctx := context.Background()
	box, err := store.NewBox(bytes.Repeat([]byte{3}, 32))
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "audit.db"), box)
	if err != nil {
		t.Fatal(err)
	}
	q, err := queue.NewSQLite(ctx, st.DB(), queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AppendAudit(ctx, store.AuditEntry{Time: time.Now().Add(-10 * time.Minute), Binding: "zendesk/acme", TicketID: "7",
		Action: "triage", Outcome: store.OutcomeOK, Message: "severity high, service checkout-api"}); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	web.New(web.Options{Config: func() *config.Config { return cfg }, Store: st, Queue: q, Auth: web.NewAuth(web.AuthOptions{Token: testAdminToken, PublicURL: "http://127.0.0.1", Sessions: st})}).Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(func() { srv.Close(); q.Close(); st.Close() })
	return srv.URL
}

func TestAudit_namesBindingsLikeTheBindingsTableAndNeverAnswersWithSilence(t *testing.T) {
	one := writeConfig(t, "")
	two := writeConfig(t, "")
	appendConfig(t, two, twoAcmes)
	oneURL, twoURL := startAdminAPI(t, one), startAdminAPI(t, two)
	t.Setenv("DESKGATE_ADMIN_TOKEN", testAdminToken)
	t.Setenv("DESKGATE_ADDR", "")
	entry := regexp.MustCompile(`(?m)^TIME +BINDING +TICKET +ACTION +OUTCOME +MESSAGE\n\S+ +zendesk/acme +7 +triage +ok +severity high, service checkout-api\n$`)
	tests := []struct {
		name   string
		addr   string
		args   []string
		code   int
		stdout *regexp.Regexp
		stderr string
	}{
		{name: "full name lists its entries", addr: twoURL, args: []string{"--binding", "zendesk/acme"}, stdout: entry},
		{name: "bare name lists its entries", addr: oneURL, args: []string{"--binding", "acme"}, stdout: entry},
		{name: "bare name unique among several", addr: twoURL, args: []string{"--binding", "globex"},
			stdout: regexp.MustCompile(`^no audit entries for zendesk/globex\n$`)},
		{name: "ambiguous name is a usage error naming the candidates", addr: twoURL, args: []string{"--binding", "acme"}, code: 2,
			stderr: "deskgate audit: binding \"acme\" is ambiguous: zendesk/acme, jsm/acme\n"},
		{name: "unknown name is a usage error naming what is configured", addr: oneURL, args: []string{"--binding", "acmee"}, code: 2,
			stderr: "deskgate audit: no binding \"acmee\" (configured: zendesk/acme)\n"},
		{name: "empty result says for what and since when", addr: oneURL, args: []string{"--binding", "acme", "--since", "1m"},
			stdout: regexp.MustCompile(`^no audit entries for zendesk/acme since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$`)},
		{name: "empty result as JSON is an empty list", addr: oneURL, args: []string{"--binding", "acme", "--since", "1m", "--json"},
			stdout: regexp.MustCompile(`^\[\]\n$`)},
		{name: "ticket that never reached the gateway says so", addr: oneURL, args: []string{"--ticket", "999"},
			stdout: regexp.MustCompile(`^no audit entries for ticket 999 \(no delivery for it reached the gateway\)\n$`)},
		{name: "ticket outside the since window says it has other entries", addr: oneURL, args: []string{"--ticket", "7", "--since", "1m"},
			stdout: regexp.MustCompile(`^no audit entries for ticket 7 since \S+ \(the ticket has entries outside this filter\)\n$`)},
		{name: "unparseable since is a usage error, not everything", addr: oneURL, args: []string{"--since", "yesterday"}, code: 2,
			stderr: "deskgate audit: since \"yesterday\": want RFC 3339 or a duration like 1h or 2d\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(append([]string{"audit", "--addr", tt.addr}, tt.args...), nil, &out, &errOut)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.code, errOut.String())
			}
			if tt.stdout != nil && !tt.stdout.MatchString(out.String()) {
				t.Errorf("stdout %q does not match %s", out.String(), tt.stdout)
			}
			if tt.stdout == nil && out.Len() > 0 {
				t.Errorf("stdout %q, want nothing", out.String())
			}
			if errOut.String() != tt.stderr {
				t.Errorf("stderr %q, want %q", errOut.String(), tt.stderr)
			}
		})
	}
}

func TestTriage_resolvesTheBindingFromTheConfig(t *testing.T) {
	one := writeConfig(t, "")
	two := writeConfig(t, "")
	appendConfig(t, two, twoAcmes)
	ticket := `{"id":123,"subject":"Checkout is down","description":"nobody can pay","priority":"urgent","requester_name":"Dana","tags":[],"created_at":"` +
		time.Now().UTC().Format(time.RFC3339) + `"}`
	tests := []struct {
		name, cfg, binding string
		code               int
		stderr             string
	}{
		{name: "full name", cfg: two, binding: "zendesk/acme"},
		{name: "bare name held by one binding", cfg: one, binding: "acme"},
		{name: "ambiguous bare name", cfg: two, binding: "acme", code: 2,
			stderr: "deskgate triage: binding \"acme\" is ambiguous: zendesk/acme, jsm/acme\n"},
		{name: "unknown name", cfg: one, binding: "acmee", code: 2,
			stderr: "deskgate triage: no binding \"acmee\" (configured: zendesk/acme)\n"},
		{name: "no binding", cfg: one, binding: "", code: 2,
			stderr: "deskgate triage: -binding PLATFORM/NAME (or the bare NAME when only one binding has it) is required\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run([]string{"triage", "-config", tt.cfg, "-binding", tt.binding}, strings.NewReader(ticket), &out, &errOut)
			// The config's warnings (literal secrets) come first on stderr.
			if code != tt.code || !strings.HasSuffix(errOut.String(), tt.stderr) {
				t.Fatalf("exit %d, stderr %q; want %d, %q", code, errOut.String(), tt.code, tt.stderr)
			}
			var res struct{ Severity string }
			if tt.code == 0 && (json.Unmarshal(out.Bytes(), &res) != nil || res.Severity != "critical") {
				t.Errorf("no triage result: %s", out.String())
			}
		})
	}
}

// testAdminToken is the admin_token of the test configs (main_test.go).
const testAdminToken = "cmd-test-token-0123456789abcdef0123"
