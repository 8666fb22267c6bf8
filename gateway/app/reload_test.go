package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/internal/testbin"
)

const reloadMain = `# main file
gateway {
  listen      = "127.0.0.1:18080"
  public_url  = "http://127.0.0.1:18080"
  data_dir    = "./data"
  plugin_dir  = %q
  admin_token = "reload-test-token-0123456789abcdef"
}
project "checkout" {
  services = ["checkout-api"]
  log_source "file" "app" {
    paths = ["./logs/*.jsonl"]
  }
}
platform "zendesk" {
  plugin        = %q
  client_id     = "id"
  client_secret = "secret"
}
`

const reloadBinding = `# The acme desk.
binding "zendesk" "acme" {
  project   = "checkout" # the project
  subdomain = "acme"

  # How notes are posted.
  posting_mode = "internal"
}
`

// newReloadApp builds an App (not serving) over config files in a temp dir,
// with the real Zendesk plugin so plugin attribute checks run.
func newReloadApp(t *testing.T) (*App, string) {
	t.Helper()
	plugin := testbin.Path(t, "deskgate-plugin-zendesk")
	dir := t.TempDir()
	mainPath := filepath.Join(dir, "deskgate.hcl")
	write(t, mainPath, fmt.Sprintf(reloadMain, filepath.Dir(plugin), filepath.Base(plugin)))
	write(t, filepath.Join(dir, "bindings", "acme.hcl"), reloadBinding)
	cfg, diags := config.Load(mainPath)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	a, err := New(context.Background(), cfg, hclog.NewNullLogger())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	return a, dir
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestReload_refusesABadFileAndKeepsTheRunningConfig(t *testing.T) {
	a, dir := newReloadApp(t)
	bindings := filepath.Join(dir, "bindings", "acme.hcl")
	mainPath := filepath.Join(dir, "deskgate.hcl")
	mainSrc, _ := os.ReadFile(mainPath)
	cases := []struct {
		name string
		file string
		text string
		want []string // substrings of the error
	}{
		{"an unknown posting mode", bindings, strings.Replace(reloadBinding, `"internal"`, `"loud"`, 1),
			[]string{"acme.hcl:7:", "posting_mode"}},
		{"a syntax error", bindings, reloadBinding + "binding {\n", []string{"acme.hcl:9:"}},
		{"an attribute the plugin does not know", bindings, strings.Replace(reloadBinding, `subdomain = "acme"`, `subdomian = "acme"`, 1),
			[]string{"acme.hcl:4:", "subdomian"}},
		{"a changed listen address", mainPath, strings.Replace(string(mainSrc), "127.0.0.1:18080\"\n  public", "127.0.0.1:18081\"\n  public", 1),
			[]string{`gateway.listen changed from "127.0.0.1:18080" to "127.0.0.1:18081": restart deskgate`}},
		{"a changed admin token, without showing it", mainPath, strings.Replace(string(mainSrc), "reload-test-token", "new-secret-token", 1),
			[]string{"gateway.admin_token changed: restart deskgate"}},
		{"a changed store", mainPath, string(mainSrc) + "store \"sqlite\" { path = \"./other.db\" }\n",
			[]string{"store changed from", "restart deskgate"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := a.cfg.Load()
			orig, _ := os.ReadFile(c.file)
			write(t, c.file, c.text)
			t.Cleanup(func() { write(t, c.file, string(orig)) })

			_, err := a.reloader.Reload(context.Background())
			if !errors.Is(err, config.ErrRefused) {
				t.Fatalf("Reload = %v, want a refusal", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
			if strings.Contains(err.Error(), "new-secret-token") || strings.Contains(err.Error(), "reload-test-token") {
				t.Errorf("the error shows the admin token:\n%v", err)
			}
			if a.cfg.Load() != before {
				t.Error("a refused reload replaced the running config")
			}
		})
	}
	// The files restored, a reload goes through and swaps the config.
	before := a.cfg.Load()
	write(t, bindings, strings.Replace(reloadBinding, `"internal"`, `"both"`, 1))
	res, err := a.reloader.Reload(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Bindings != 1 || a.cfg.Load() == before || a.cfg.Load().Binding("zendesk", "acme").PostingMode != "both" {
		t.Errorf("valid reload: result %+v, posting mode %q", res, a.cfg.Load().Binding("zendesk", "acme").PostingMode)
	}
	entries, err := a.store.QueryAudit(context.Background(), store.AuditFilter{Action: "config.reload"})
	if err != nil {
		t.Fatal(err)
	}
	var ok, refused int
	for _, e := range entries {
		switch e.Outcome {
		case store.OutcomeOK:
			ok++
		case store.OutcomeError:
			refused++
		}
	}
	if ok != 1 || refused != len(cases) {
		t.Errorf("audit has %d ok and %d refused reloads, want 1 and %d", ok, refused, len(cases))
	}
}

func TestUpdateBinding_rewritesTheBlockKeepingCommentsAndReloads(t *testing.T) {
	a, dir := newReloadApp(t)
	path := filepath.Join(dir, "bindings", "acme.hcl")
	both := "both"
	_, err := a.reloader.UpdateBinding(context.Background(), "zendesk", "acme", config.BindingEdit{
		PostingMode: &both, CustomFields: map[string]string{config.FieldSeverity: "77"}})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(path)
	for _, keep := range []string{"# The acme desk.", `project   = "checkout" # the project`, "# How notes are posted.", `posting_mode = "both"`, "severity = 77"} {
		if !strings.Contains(string(text), keep) {
			t.Errorf("file lacks %q:\n%s", keep, text)
		}
	}
	b := a.cfg.Load().Binding("zendesk", "acme")
	if b.PostingMode != "both" || b.CustomFields["severity"] != "77" {
		t.Errorf("running binding not reloaded: %+v", b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "bindings", ".*")); len(left) != 0 {
		t.Errorf("temp files left behind: %v", left)
	}
}

func TestUpdateBinding_writesNothingWhenTheResultIsRefused(t *testing.T) {
	a, dir := newReloadApp(t)
	path := filepath.Join(dir, "bindings", "acme.hcl")
	before := a.cfg.Load()
	loud, tpl, tz := "loud", "Hi {{name}}\n", "Mars/Olympus"
	cases := map[string]config.BindingEdit{
		"a bad enum":              {PostingMode: &loud},
		"an unknown template var": {PublicReplyTemplate: &tpl},
		"an unknown time zone":    {Timezone: &tz},
	}
	for name, set := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := a.reloader.UpdateBinding(context.Background(), "zendesk", "acme", set)
			if !errors.Is(err, config.ErrRefused) || !strings.Contains(err.Error(), "acme.hcl:") {
				t.Fatalf("UpdateBinding = %v, want a refusal naming acme.hcl:line", err)
			}
			if text, _ := os.ReadFile(path); string(text) != reloadBinding {
				t.Errorf("the file changed:\n%s", text)
			}
			if a.cfg.Load() != before {
				t.Error("the running config changed")
			}
		})
	}
}
