package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/testbin"
)

func writeConfig(t *testing.T, extra string) string {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "logs"), 0o755))
	now := time.Now().UTC()
	var logs strings.Builder
	for ts := now.Add(-3 * time.Hour); ts.Before(now); ts = ts.Add(5 * time.Second) {
		level, status := "info", 200
		if ts.After(now.Add(-20 * time.Minute)) {
			level, status = "error", 503
		}
		logs.WriteString(`{"time":"` + ts.Format(time.RFC3339) + `","level":"` + level + `","service":"checkout-api","status":` +
			map[int]string{200: "200", 503: "503"}[status] + `,"msg":"POST /checkout/pay"}` + "\n")
	}
	must(os.WriteFile(filepath.Join(dir, "logs", "app.jsonl"), []byte(logs.String()), 0o644))
	cfg := `
gateway {
  listen      = "127.0.0.1:8080"
  admin_token = "cmd-test-token-0123456789abcdef0123"
}
project "checkout" {
  services = ["checkout-api", "search"]
  service "checkout-api" {
    aliases = ["checkout"]
    core    = true
  }
  log_source "file" "app" {
    paths = ["./logs/*.jsonl"]
  }
}
platform "zendesk" {
  client_id     = "id"
  client_secret = "s3cret"
}
binding "zendesk" "acme" {
  project   = "checkout"
  subdomain = "acme"
` + extra + `
}
`
	p := filepath.Join(dir, "deskgate.hcl")
	must(os.WriteFile(p, []byte(cfg), 0o600))
	return p
}

func TestValidate_exitsZeroOnAGoodConfigAndOneWithFileLineColumn(t *testing.T) {
	var out, errOut bytes.Buffer
	good := writeConfig(t, "")
	if code := run([]string{"validate", "-config", good}, nil, &out, &errOut); code != 0 {
		t.Fatalf("good config: exit %d\n%s", code, errOut.String())
	}
	bad := writeConfig(t, `  posting_mode = "loud"`)
	out.Reset()
	errOut.Reset()
	if code := run([]string{"validate", "-config", bad}, nil, &out, &errOut); code != 1 {
		t.Fatalf("bad config: exit %d, want 1", code)
	}
	if !strings.Contains(errOut.String(), "deskgate.hcl:23:18: error") || !strings.Contains(errOut.String(), "internal") {
		t.Errorf("diagnostic lacks file:line:col or the allowed values:\n%s", errOut.String())
	}
	out.Reset()
	if code := run([]string{"validate", "-config", bad, "-json"}, nil, &out, &errOut); code != 1 {
		t.Fatalf("bad config -json: exit %d", code)
	}
	var js struct {
		Valid       bool `json:"valid"`
		ErrorCount  int  `json:"error_count"`
		Diagnostics []struct {
			Range struct{ Filename string } `json:"range"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(out.Bytes(), &js); err != nil || js.Valid || js.ErrorCount < 1 || js.Diagnostics[0].Range.Filename == "" {
		t.Fatalf("-json output = %+v, %v:\n%s", js, err, out.String())
	}
}

func TestTriage_printsTheContractShape(t *testing.T) {
	cfg := writeConfig(t, "")
	ticket := `{"id":123,"subject":"Checkout is down","description":"nobody can pay since 15 minutes, everyone is affected","priority":"urgent","requester_name":"Dana","tags":[],"created_at":"` +
		time.Now().UTC().Format(time.RFC3339) + `"}`
	var out, errOut bytes.Buffer
	if code := run([]string{"triage", "-config", cfg, "-binding", "zendesk/acme", "--explain"}, strings.NewReader(ticket), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var res map[string]any
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, out.String())
	}
	for _, k := range []string{"severity", "affected_service", "confidence", "reasons", "window", "analyze"} {
		if _, ok := res[k]; !ok {
			t.Errorf("result lacks %q: %s", k, out.String())
		}
	}
	if res["severity"] != "critical" || res["affected_service"] != "checkout-api" || res["analyze"] != true {
		t.Errorf("result = %s, want critical checkout-api with analysis", out.String())
	}
	if errOut.Len() == 0 {
		t.Error("--explain wrote nothing to stderr")
	}
	errOut.Reset()
	if code := run([]string{"triage", "-config", cfg, "-binding", "zendesk/acme"}, strings.NewReader(`{"id":1,"priority":"whenever"}`), &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "priority") {
		t.Errorf("bad priority: exit %d, %s", code, errOut.String())
	}
}

func TestRemote_needsTheAdminTokenAndNamesTheAddress(t *testing.T) {
	t.Setenv("DESKGATE_ADMIN_TOKEN", "")
	var out, errOut bytes.Buffer
	if code := run([]string{"bindings", "--addr", "http://127.0.0.1:1"}, nil, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "DESKGATE_ADMIN_TOKEN") {
		t.Errorf("without a token: exit %d, %q", code, errOut.String())
	}
	t.Setenv("DESKGATE_ADMIN_TOKEN", "x")
	errOut.Reset()
	if code := run([]string{"bindings", "--addr", "http://127.0.0.1:1"}, nil, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "is the gateway running at http://127.0.0.1:1") {
		t.Errorf("no gateway: exit %d, %q", code, errOut.String())
	}
	errOut.Reset()
	if code := run([]string{"doctor", "zendesk"}, nil, &out, &errOut); code != 2 {
		t.Errorf("doctor with one argument: exit %d, want 2 (usage)", code)
	}
}

func TestValidate_warnsOfAnUnpinnedPluginAndStrictMakesItAnError(t *testing.T) {
	cfg := writeConfig(t, "")
	var out, errOut bytes.Buffer
	if code := run([]string{"validate", "-config", cfg}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d without -strict\n%s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "deskgate.hcl:16:1: warning: Plugin binary not pinned") {
		t.Errorf("no warning at the platform block:\n%s", errOut.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"validate", "-strict", "-config", cfg}, nil, &out, &errOut); code != 1 {
		t.Fatalf("exit %d with -strict, want 1\n%s", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "deskgate.hcl:16:1: error: Plugin binary not pinned") {
		t.Errorf("-strict did not make it an error:\n%s", errOut.String())
	}
}

func TestValidate_checksAttributeValuesWithTheRealPlugin(t *testing.T) {
	plugin := testbin.Path(t, "deskgate-plugin-zendesk")
	tests := []struct {
		name, attrs string
		want        string // "" when valid
	}{
		{"a sandbox on loopback over http", `  api_url = "http://127.0.0.1:9090"`, ""},
		{"a subdomain that is a host and a path", `  api_url = "http://127.0.0.1:9090"` + "\n" + `  subdomain2 = 1`, "Unsupported argument"},
		{"an http api_url off loopback", `  api_url = "http://zendesk.internal.example"`, "deskgate.hcl:25:13: error: Invalid attribute value; api_url: must be https"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := writeConfig(t, tt.attrs)
			b, err := os.ReadFile(cfg)
			if err != nil {
				t.Fatal(err)
			}
			text := withPlugin(string(b), plugin)
			if err := os.WriteFile(cfg, []byte(text), 0o600); err != nil {
				t.Fatal(err)
			}
			var out, errOut bytes.Buffer
			code := run([]string{"validate", "-config", cfg}, nil, &out, &errOut)
			if tt.want == "" {
				if code != 0 {
					t.Fatalf("exit %d\n%s", code, errOut.String())
				}
				return
			}
			if code != 1 || !strings.Contains(errOut.String(), tt.want) {
				t.Fatalf("exit %d, want 1 with %q:\n%s", code, tt.want, errOut.String())
			}
		})
	}
	// The case the review found: accepted at validate, refused at connect.
	cfg := writeConfig(t, "")
	b, _ := os.ReadFile(cfg)
	text := withPlugin(strings.Replace(string(b), `subdomain = "acme"`, `subdomain = "evil.com/x"`, 1), plugin)
	if err := os.WriteFile(cfg, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"validate", "-config", cfg}, nil, &out, &errOut); code != 1 ||
		!strings.Contains(errOut.String(), `deskgate.hcl:24:15: error: Invalid attribute value; subdomain = "evil.com/x" must be one DNS label`) {
		t.Fatalf("subdomain = \"evil.com/x\": exit %d\n%s", code, errOut.String())
	}
}

// withPlugin points a writeConfig config at the built plugin: plugin_dir
// before admin_token, plugin before client_id (one line each, so the
// lines below move down by two).
func withPlugin(text, plugin string) string {
	text = strings.Replace(text, "  admin_token", "  plugin_dir  = "+strconvQuote(filepath.Dir(plugin))+"\n  admin_token", 1)
	return strings.Replace(text, "  client_id", "  plugin        = "+strconvQuote(filepath.Base(plugin))+"\n  client_id", 1)
}

func strconvQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }
