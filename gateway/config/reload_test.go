package config

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

const reloadMain = `# main file
gateway {
  listen      = "127.0.0.1:18080"
  admin_token = "reload-test-token-0123456789abcdef"
}
project "checkout" {
  services = ["checkout-api"]
  log_source "file" "app" {
    paths = ["./logs/*.jsonl"]
  }
}
platform "zendesk" {
  client_id     = "id"
  client_secret = "secret"
}
`

const reloadBinding = `# The acme desk.
binding "zendesk" "acme" {
  project = "checkout" # the project

  # How notes are posted.
  posting_mode = "internal"
}
`

// reloadFixture is a Reloader over config files in a temp dir, with the
// running config behind an atomic pointer as the gateway keeps it.
type reloadFixture struct {
	r       *Reloader
	cfg     atomic.Pointer[Config]
	dir     string
	swaps   int
	audited []string
	check   hcl.Diagnostics // what the Check hook answers
}

func newReloadFixture(t *testing.T) *reloadFixture {
	t.Helper()
	f := &reloadFixture{dir: t.TempDir()}
	writeFile(t, filepath.Join(f.dir, "deskgate.hcl"), reloadMain)
	writeFile(t, filepath.Join(f.dir, "bindings", "acme.hcl"), reloadBinding)
	cfg, diags := Load(filepath.Join(f.dir, "deskgate.hcl"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	f.cfg.Store(cfg)
	f.r = NewReloader(ReloaderOptions{
		Current: f.cfg.Load,
		Check:   func(context.Context, *Config) hcl.Diagnostics { return f.check },
		Swap:    func(_, next *Config) { f.swaps++; f.cfg.Store(next) },
		Audit: func(_ context.Context, ok bool, msg string) {
			f.audited = append(f.audited, map[bool]string{true: "ok: ", false: "refused: "}[ok]+msg)
		},
	})
	return f
}

func TestReloader_swapsAValidConfigAndRefusesAnInvalidOne(t *testing.T) {
	f := newReloadFixture(t)
	path := filepath.Join(f.dir, "bindings", "acme.hcl")
	writeFile(t, path, strings.Replace(reloadBinding, `"internal"`, `"loud"`, 1))
	before := f.cfg.Load()
	if _, err := f.r.Reload(context.Background()); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "acme.hcl:6:") {
		t.Fatalf("Reload of a bad file = %v, want a refusal naming acme.hcl:6", err)
	}
	if f.cfg.Load() != before || f.swaps != 0 {
		t.Fatal("a refused reload swapped the config")
	}
	f.check = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Plugin unavailable", Detail: "platform zendesk: gone"}}
	writeFile(t, path, strings.Replace(reloadBinding, `"internal"`, `"both"`, 1))
	if _, err := f.r.Reload(context.Background()); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "Plugin unavailable") {
		t.Fatalf("Reload refused by the check = %v, want a refusal naming it", err)
	}
	f.check = hcl.Diagnostics{{Severity: hcl.DiagWarning, Summary: "Odd", Detail: "something odd."}}
	res, err := f.r.Reload(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.Bindings != 1 || !strings.Contains(strings.Join(res.Warnings, "\n"), "warning: Odd; something odd.") || f.swaps != 1 || f.cfg.Load().Binding("zendesk", "acme").PostingMode != "both" {
		t.Errorf("valid reload: result %+v, swaps %d", res, f.swaps)
	}
	if len(f.audited) != 3 || !strings.HasPrefix(f.audited[2], "ok: reload ") {
		t.Errorf("audited %q, want two refusals and one ok", f.audited)
	}
}

func TestReloader_updateBindingWritesOnlyAnAcceptedEdit(t *testing.T) {
	f := newReloadFixture(t)
	path := filepath.Join(f.dir, "bindings", "acme.hcl")
	loud, both := "loud", "both"
	if _, err := f.r.UpdateBinding(context.Background(), "zendesk", "acme", BindingEdit{PostingMode: &loud}); !errors.Is(err, ErrRefused) {
		t.Fatalf("UpdateBinding with a bad posting mode = %v, want a refusal", err)
	}
	if text, _ := os.ReadFile(path); string(text) != reloadBinding {
		t.Fatalf("a refused edit changed the file:\n%s", text)
	}
	if _, err := f.r.UpdateBinding(context.Background(), "zendesk", "nobody", BindingEdit{PostingMode: &both}); !errors.Is(err, ErrRefused) {
		t.Fatalf("UpdateBinding of an unknown binding = %v, want a refusal", err)
	}
	if _, err := f.r.UpdateBinding(context.Background(), "zendesk", "acme", BindingEdit{PostingMode: &both}); err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(path)
	for _, keep := range []string{"# The acme desk.", `project = "checkout" # the project`, "# How notes are posted.", `posting_mode = "both"`} {
		if !strings.Contains(string(text), keep) {
			t.Errorf("file lacks %q:\n%s", keep, text)
		}
	}
	if f.cfg.Load().Binding("zendesk", "acme").PostingMode != "both" {
		t.Error("the running config was not swapped")
	}
	if left, _ := filepath.Glob(filepath.Join(f.dir, "bindings", ".*")); len(left) != 0 {
		t.Errorf("temp files left behind: %v", left)
	}
}

func TestBindingEdit_writesEachSettingAsTheFileSpellsIt(t *testing.T) {
	s := func(v string) *string { return &v }
	fifty := 50
	cases := []struct {
		name string
		edit BindingEdit
		want map[string]cty.Value
	}{
		{"nothing", BindingEdit{}, map[string]cty.Value{}},
		{"the posting mode", BindingEdit{PostingMode: s("both")}, map[string]cty.Value{"posting_mode": cty.StringVal("both")}},
		{"a time buffer in hours, as a number", BindingEdit{DefaultTimeBuffer: s("1.5")}, map[string]cty.Value{"default_time_buffer": cty.NumberFloatVal(1.5)}},
		{"a time buffer in minutes, as a string", BindingEdit{DefaultTimeBuffer: s("90m")}, map[string]cty.Value{"default_time_buffer": cty.StringVal("90m")}},
		{"a rate limit", BindingEdit{RateLimitPerMinute: &fifty}, map[string]cty.Value{"rate_limit_per_minute": cty.NumberIntVal(50)}},
		{"field ids, one left out", BindingEdit{CustomFields: map[string]string{FieldSeverity: "360001", FieldAnalysisURL: "42"}},
			map[string]cty.Value{"custom_fields": cty.ObjectVal(map[string]cty.Value{
				"severity": cty.NumberIntVal(360001), "affected_service": cty.NullVal(cty.Number), "analysis_url": cty.NumberIntVal(42)})}},
		{"a desk's string field id is written as a string", BindingEdit{CustomFields: map[string]string{FieldSeverity: "customfield_10050"}},
			map[string]cty.Value{"custom_fields": cty.ObjectVal(map[string]cty.Value{
				"severity": cty.StringVal("customfield_10050"), "affected_service": cty.NullVal(cty.Number), "analysis_url": cty.NullVal(cty.Number)})}},
		{"no field ids removes the block", BindingEdit{CustomFields: map[string]string{}}, map[string]cty.Value{"custom_fields": cty.NullVal(cty.DynamicPseudoType)}},
		{"an empty template removes it", BindingEdit{PublicReplyTemplate: s("")}, map[string]cty.Value{"public_reply_template": cty.NullVal(cty.String)}},
		{"a template and a timezone", BindingEdit{PublicReplyTemplate: s("Hi\n"), Timezone: s("Europe/Berlin")},
			map[string]cty.Value{"public_reply_template": cty.StringVal("Hi\n"), "timezone": cty.StringVal("Europe/Berlin")}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.edit.attributes()
			if len(got) != len(c.want) {
				t.Fatalf("attributes = %#v, want %#v", got, c.want)
			}
			for k, w := range c.want {
				if g, ok := got[k]; !ok || !g.RawEquals(w) {
					t.Errorf("%s = %#v, want %#v", k, g, w)
				}
			}
			if c.edit.Empty() != (len(c.want) == 0) {
				t.Errorf("Empty() = %v with %d attributes", c.edit.Empty(), len(c.want))
			}
		})
	}
	if got := (BindingEdit{Timezone: s("UTC"), PostingMode: s("both")}).Names(); !reflect.DeepEqual(got, []string{"posting_mode", "timezone"}) {
		t.Errorf("Names() = %v", got)
	}
}

func TestRestartOnly_namesEachSettingARunningGatewayCannotTakeOn(t *testing.T) {
	base := func() *Config {
		return &Config{
			Gateway:   Gateway{Listen: "127.0.0.1:1", PublicURL: "http://a", DataDir: "/d", PluginDir: "/p", AdminToken: "tok-1", Workers: 2},
			Store:     Store{Kind: StoreRedis, URL: "redis://:pw-1@h:6379/0", KeyPrefix: "dg:"},
			Platforms: map[string]*Platform{"zendesk": {Name: "zendesk", Plugin: "deskgate-plugin-zendesk"}},
		}
	}
	cases := []struct {
		name   string
		change func(c *Config)
		want   string
	}{
		{"nothing", func(*Config) {}, ""},
		{"listen", func(c *Config) { c.Gateway.Listen = "127.0.0.1:2" }, `gateway.listen changed from "127.0.0.1:1" to "127.0.0.1:2"`},
		{"public_url", func(c *Config) { c.Gateway.PublicURL = "http://b" }, "gateway.public_url changed"},
		{"plugin_dir", func(c *Config) { c.Gateway.PluginDir = "/q" }, "gateway.plugin_dir changed"},
		{"admin_token", func(c *Config) { c.Gateway.AdminToken = "tok-2" }, "gateway.admin_token changed: restart"},
		{"workers", func(c *Config) { c.Gateway.Workers = 3 }, "gateway.workers changed"},
		{"visibility_timeout", func(c *Config) { c.Gateway.VisibilityTimeout = time.Minute }, "gateway.visibility_timeout changed"},
		{"store url", func(c *Config) { c.Store.URL = "redis://:pw-2@h:6379/0" }, "store changed from"},
		{"a plugin", func(c *Config) { c.Platforms["zendesk"].Plugin = "other" }, `platform "zendesk" plugin changed`},
		{"a new platform", func(c *Config) { c.Platforms["freshdesk"] = &Platform{Name: "freshdesk"} }, `platform "freshdesk" was added`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			next := base()
			c.change(next)
			got := strings.Join(restartOnly(base(), next), "\n")
			if c.want == "" && got != "" || !strings.Contains(got, c.want) {
				t.Fatalf("restartOnly = %q, want %q", got, c.want)
			}
			for _, secret := range []string{"tok-1", "tok-2", "pw-1", "pw-2"} {
				if strings.Contains(got, secret) {
					t.Errorf("the reason shows a secret: %q", got)
				}
			}
		})
	}
}
