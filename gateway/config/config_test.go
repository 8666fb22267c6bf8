package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
)

func mustParse(t *testing.T, files map[string]string, env map[string]string) *Config {
	t.Helper()
	cfg, diags, _ := parseMarked(t, files, env)
	if diags.HasErrors() {
		t.Fatalf("unexpected errors: %v", diags)
	}
	return cfg
}

func TestParse_appliesDefaults(t *testing.T) {
	main := base + `
project "shop" {
  services = ["api"]
  log_source "file" "app" {
    paths = ["logs/*.log"]
  }
}
` + binding("")
	cfg := mustParse(t, map[string]string{mainName: main}, testEnv)

	gw := cfg.Gateway
	if gw.Workers != 4 || gw.ShutdownTimeout != 30*time.Second || gw.VisibilityTimeout != 15*time.Second {
		t.Errorf("workers/shutdown/visibility = %d/%v/%v, want 4/30s/15s", gw.Workers, gw.ShutdownTimeout, gw.VisibilityTimeout)
	}
	if gw.PublicURL != "http://127.0.0.1:8080" {
		t.Errorf("public_url default = %q", gw.PublicURL)
	}
	if gw.DataDir != "/cfg/data" || gw.PluginDir != "/cfg/bin" || gw.AdminToken != "admin-token-for-the-config-tests-0123" {
		t.Errorf("gateway = %+v", gw)
	}
	if want := (Store{Kind: "sqlite", Path: "/cfg/data/deskgate.db"}); cfg.Store != want {
		t.Errorf("store = %+v, want %+v", cfg.Store, want)
	}
	if p := cfg.Platforms["zendesk"]; p.Plugin != "deskgate-plugin-zendesk" || p.ClientID != "zid" || p.ClientSecret != "zsecret" {
		t.Errorf("platform = %+v", p)
	}
	shop := cfg.Projects["shop"]
	if svc := shop.Service["api"]; svc == nil || svc.Name != "api" || svc.Core || svc.Aliases != nil {
		t.Errorf("service without a block = %+v, want a plain entry", svc)
	}
	if ls := shop.LogSources[0]; ls.Format != "jsonl" || !reflect.DeepEqual(ls.Paths, []string{"/cfg/logs/*.log"}) {
		t.Errorf("log source = %+v", ls)
	}

	b := cfg.Binding("zendesk", "acme")
	if b == nil {
		t.Fatal("binding zendesk/acme not found")
	}
	want := Binding{
		Platform: "zendesk", Name: "acme", Project: "checkout",
		PostingMode: "internal", AutoAnalyzeThreshold: "high", DefaultTimeBuffer: 2 * time.Hour,
		Timezone: time.UTC, TimezoneName: "UTC", CustomFields: map[string]string{},
		PublicReplyTemplate: DefaultReplyTemplate, ClientID: "zid", ClientSecret: "zsecret",
		RateLimitPerMinute: 100, AnalysisAccess: AccessPublic, Attributes: map[string]string{}, AttrRanges: map[string]hcl.Range{}, AttrValueRanges: map[string]hcl.Range{},
		DeclRange: b.DeclRange, File: mainName,
	}
	if !reflect.DeepEqual(*b, want) {
		t.Errorf("binding =\n%+v\nwant\n%+v", *b, want)
	}
	if b.Key() != "zendesk/acme" {
		t.Errorf("Key() = %q", b.Key())
	}
	if cfg.Binding("zendesk", "other") != nil || cfg.Binding("jira", "acme") != nil {
		t.Error("Binding returned a binding that does not exist")
	}
}

func TestParse_readsEverySetting(t *testing.T) {
	main := `gateway {
  listen           = "0.0.0.0:9000"
  public_url       = "https://desk.example.com/gw/"
  data_dir         = "/var/lib/deskgate"
  plugin_dir       = "plugins"
  admin_token      = env("ADMIN")
  workers          = 8
  shutdown_timeout = 10
  visibility_timeout = "45s"
  max_inflight_deliveries = 32
  max_queue_depth_per_binding = 500
  debug_listen = ":6060"
}
store "redis" {
  url        = "redis://127.0.0.1:6379/2"
  key_prefix = "dg:"
}
project "checkout" {
  services = ["checkout-api", "search"]
  service "checkout-api" {
    aliases = ["checkout", "cart"]
    core    = true
  }
  log_source "file" "app" {
    paths  = ["/var/log/app/*.log", "more/*.txt"]
    format = "logfmt"
  }
  triage {
    rule {
      keywords = ["refund", "invoice"]
      ceiling  = "low"
    }
    rule {
      keywords = ["data loss"]
      floor    = "critical"
    }
  }
}
platform "zendesk" {
  plugin        = "zd"
  plugin_sha256 = "ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
}
binding "zendesk" "acme" {
  project                = "checkout"
  subdomain              = "acme"
  port                   = 9090
  ratio                  = 1.5
  verbose                = true
  client_id              = "local-id"
  client_secret          = env("LOCAL_SECRET")
  posting_mode           = "both"
  auto_analyze_threshold = "disabled"
  default_time_buffer    = "90m"
  timezone               = "Europe/Berlin"
  rate_limit_per_minute  = 30
  custom_fields {
    severity         = 360001234567
    affected_service = "360002345678"
  }
  public_reply_template = "Hello {{ requesterName }}: #{{ticketId}} is {{severity}}."
}
`
	env := map[string]string{"ADMIN": "admin-token-for-the-config-tests-0123", "LOCAL_SECRET": "s3"}
	cfg := mustParse(t, map[string]string{mainName: main}, env)

	wantGW := Gateway{Listen: "0.0.0.0:9000", PublicURL: "https://desk.example.com/gw", DataDir: "/var/lib/deskgate",
		PluginDir: "/cfg/plugins", AdminToken: "admin-token-for-the-config-tests-0123", Workers: 8, ShutdownTimeout: 10 * time.Second, VisibilityTimeout: 45 * time.Second,
		MaxInflightDeliveries: 32, MaxQueueDepth: DefaultMaxQueueDepth, MaxQueueDepthPerBinding: 500, DebugListen: "127.0.0.1:6060",
		AnalysisRetention: DefaultAnalysisRetention}
	if cfg.Gateway != wantGW {
		t.Errorf("gateway = %+v, want %+v", cfg.Gateway, wantGW)
	}
	if want := (Store{Kind: "redis", URL: "redis://127.0.0.1:6379/2", KeyPrefix: "dg:"}); cfg.Store != want {
		t.Errorf("store = %+v, want %+v", cfg.Store, want)
	}
	p := cfg.Projects["checkout"]
	if got := *p.Service["checkout-api"]; !reflect.DeepEqual(got, Service{Name: "checkout-api", Aliases: []string{"checkout", "cart"}, Core: true}) {
		t.Errorf("service = %+v", got)
	}
	if ls := p.LogSources[0]; ls.Format != "logfmt" || !reflect.DeepEqual(ls.Paths, []string{"/var/log/app/*.log", "/cfg/more/*.txt"}) {
		t.Errorf("log source = %+v", ls)
	}
	wantRules := []*TriageRule{{Keywords: []string{"refund", "invoice"}, Ceiling: "low"}, {Keywords: []string{"data loss"}, Floor: "critical"}}
	if !reflect.DeepEqual(p.Triage, wantRules) {
		t.Errorf("triage = %+v", p.Triage)
	}
	if pl := cfg.Platforms["zendesk"]; pl.Plugin != "zd" || pl.PluginSHA256 != strings.ToLower("ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789") {
		t.Errorf("platform = %+v", pl)
	}

	b := cfg.Binding("zendesk", "acme")
	if b.PostingMode != "both" || b.AutoAnalyzeThreshold != "disabled" || b.DefaultTimeBuffer != 90*time.Minute ||
		b.TimezoneName != "Europe/Berlin" || b.Timezone.String() != "Europe/Berlin" || b.RateLimitPerMinute != 30 {
		t.Errorf("binding = %+v", b)
	}
	if b.ClientID != "local-id" || b.ClientSecret != "s3" {
		t.Errorf("binding client = %q/%q, want its own", b.ClientID, b.ClientSecret)
	}
	if want := map[string]string{"severity": "360001234567", "affected_service": "360002345678"}; !reflect.DeepEqual(b.CustomFields, want) {
		t.Errorf("custom fields = %v", b.CustomFields)
	}
	if want := map[string]string{"subdomain": "acme", "port": "9090", "ratio": "1.5", "verbose": "true"}; !reflect.DeepEqual(b.Attributes, want) {
		t.Errorf("attributes = %v, want %v", b.Attributes, want)
	}
	if r := b.AttrRanges["subdomain"]; r.Filename != mainName || r.Start.Line != 45 {
		t.Errorf("subdomain range = %v, want line 45", r)
	}
	if got := RenderTemplate(b.PublicReplyTemplate, TemplateVars{"Ann", "7", "low"}); got != "Hello Ann: #7 is low." {
		t.Errorf("rendered template = %q", got)
	}
}

func TestParse_durationNumbersAreHours(t *testing.T) {
	cfg := mustParse(t, map[string]string{mainName: base + binding("  default_time_buffer = 1.5\n")}, testEnv)
	if got := cfg.Binding("zendesk", "acme").DefaultTimeBuffer; got != 90*time.Minute {
		t.Errorf("default_time_buffer = 1.5 → %v, want 1h30m", got)
	}
}

func TestParse_platformNeedsNoClientWhenEveryBindingHasOne(t *testing.T) {
	main := gatewayOK + projectOK + "platform \"zendesk\" {\n}\n" +
		binding("  client_id = \"a\"\n  client_secret = env(\"S\")\n")
	cfg := mustParse(t, map[string]string{mainName: main}, map[string]string{"ADMIN": "admin-token-for-the-config-tests-0123", "S": "s"})
	if b := cfg.Binding("zendesk", "acme"); b.ClientID != "a" || b.ClientSecret != "s" {
		t.Errorf("binding client = %q/%q", b.ClientID, b.ClientSecret)
	}
}

func TestParse_envReadsTheProcessEnvironment(t *testing.T) {
	t.Setenv("DG_TEST_ADMIN", "from-env-0123456789abcdef0123456789")
	t.Setenv("DG_TEST_ZID", "id")
	t.Setenv("DG_TEST_ZSECRET", "secret")
	os.Unsetenv("DG_TEST_UNSET")
	main := strings.NewReplacer(`env("ADMIN")`, `env("DG_TEST_ADMIN")`, `env("ZID")`, `env("DG_TEST_ZID")`,
		`env("ZSECRET")`, `env("DG_TEST_ZSECRET")`).Replace(base) +
		binding("  subdomain = env(\"DG_TEST_UNSET\")\n  region = \"eu-${env(\"DG_TEST_ZID\")}\"\n")
	cfg, diags := Parse(map[string][]byte{"main.hcl": []byte(main)}, "main.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if cfg.Gateway.AdminToken != "from-env-0123456789abcdef0123456789" {
		t.Errorf("admin_token = %q", cfg.Gateway.AdminToken)
	}
	b := cfg.Binding("zendesk", "acme")
	if v, ok := b.Attributes["subdomain"]; !ok || v != "" {
		t.Errorf("env of an unset variable = %q, %v; want an empty string", v, ok)
	}
	if b.Attributes["region"] != "eu-id" {
		t.Errorf("interpolated env = %q", b.Attributes["region"])
	}
}

func TestParse_warnsAboutLiteralSecrets(t *testing.T) {
	main := strings.Replace(base, `env("ADMIN")`, `"literal-token-0123456789abcdef0123456789"`, 1)
	cfg, diags, _ := parseMarked(t, map[string]string{mainName: main}, testEnv)
	if diags.HasErrors() || len(diags) != 1 || diags[0].Severity != hcl.DiagWarning ||
		!strings.Contains(diags[0].Detail, "admin_token is written literally") {
		t.Fatalf("diags = %v, want one warning about admin_token", diags)
	}
	if cfg.Gateway.AdminToken != "literal-token-0123456789abcdef0123456789" {
		t.Errorf("admin_token = %q", cfg.Gateway.AdminToken)
	}
}

func TestParse_keepsSecretsOutOfDiagnostics(t *testing.T) {
	main := `gateway {
  listen      = "nope"
  admin_token = "hunter2-admin"
}
store "redis" {
  url = "http://user:hunter2-redis@127.0.0.1"
}
project "p" {
  services = ["a"]
}
platform "zendesk" {
  client_id     = "id"
  client_secret = "hunter2-client"
}
binding "zendesk" "b" {
  project       = "p"
  client_secret = "hunter2-binding"
}
`
	_, diags, _ := parseMarked(t, map[string]string{mainName: main}, testEnv)
	if !diags.HasErrors() {
		t.Fatal("want errors")
	}
	var b strings.Builder
	cfg := &Config{Files: map[string]*hcl.File{}}
	if err := WriteDiagnostics(&b, cfg, diags, true); err != nil {
		t.Fatal(err)
	}
	for _, d := range diags {
		if strings.Contains(d.Summary+d.Detail, "hunter2") {
			t.Errorf("diagnostic leaks a secret: %s; %s", d.Summary, d.Detail)
		}
	}
}

func TestParse_ordersBindingsMainFileFirstThenByFileName(t *testing.T) {
	files := map[string]string{
		mainName:              base + "binding \"zendesk\" \"main\" {\n  project = \"checkout\"\n}\n",
		"/cfg/bindings/b.hcl": "binding \"zendesk\" \"b\" {\n  project = \"checkout\"\n}\n",
		"/cfg/bindings/a.hcl": "binding \"zendesk\" \"a1\" {\n  project = \"checkout\"\n}\nbinding \"zendesk\" \"a2\" {\n  project = \"checkout\"\n}\n",
	}
	cfg := mustParse(t, files, testEnv)
	var got []string
	for _, b := range cfg.Bindings {
		got = append(got, b.Name+"@"+filepath.Base(b.File))
	}
	if want := []string{"main@deskgate.hcl", "a1@a.hcl", "a2@a.hcl", "b@b.hcl"}; !reflect.DeepEqual(got, want) {
		t.Errorf("bindings = %v, want %v", got, want)
	}
	if len(cfg.Files) != 3 {
		t.Errorf("Files has %d entries, want 3", len(cfg.Files))
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoad_readsTheBindingsFolderBesideTheFile(t *testing.T) {
	t.Setenv("ADMIN", "admin-token-for-the-config-tests-0123")
	t.Setenv("ZID", "b")
	t.Setenv("ZSECRET", "c")
	dir := t.TempDir()
	mainPath := filepath.Join(dir, "conf", "gw.hcl")
	writeFile(t, mainPath, base+`
gateway_note = 1
`)
	// The stray attribute above must be reported; fix it and load again.
	if _, diags := Load(mainPath); !diags.HasErrors() {
		t.Fatal("want an error for an unknown top-level attribute")
	}
	writeFile(t, mainPath, base+`
store "sqlite" {
  path = "state/db.sqlite"
}
project "logs" {
  services = ["api"]
  log_source "file" "app" {
    paths = ["../logs/*.jsonl", "/abs/x.log"]
  }
}
`)
	writeFile(t, filepath.Join(dir, "conf", "bindings", "z.hcl"), "binding \"zendesk\" \"z\" {\n  project = \"logs\"\n}\n")
	writeFile(t, filepath.Join(dir, "conf", "bindings", "a.hcl"), "binding \"zendesk\" \"a\" {\n  project = \"checkout\"\n}\n")
	writeFile(t, filepath.Join(dir, "conf", "bindings", "notes.txt"), "not config")
	writeFile(t, filepath.Join(dir, "conf", "bindings", "sub", "deep.hcl"), "garbage {")

	cfg, diags := Load(mainPath)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if len(cfg.Bindings) != 2 || cfg.Bindings[0].Name != "a" || cfg.Bindings[1].Name != "z" {
		t.Fatalf("bindings = %v", cfg.Bindings)
	}
	if want := filepath.Join(dir, "conf", "bindings", "a.hcl"); cfg.Bindings[0].File != want {
		t.Errorf("binding file = %q, want %q", cfg.Bindings[0].File, want)
	}
	if cfg.Path != mainPath {
		t.Errorf("Path = %q, want %q", cfg.Path, mainPath)
	}
	conf := filepath.Join(dir, "conf")
	if cfg.Gateway.DataDir != filepath.Join(conf, "data") || cfg.Gateway.PluginDir != filepath.Join(conf, "bin") {
		t.Errorf("dirs = %q, %q", cfg.Gateway.DataDir, cfg.Gateway.PluginDir)
	}
	if cfg.Store.Path != filepath.Join(conf, "state", "db.sqlite") {
		t.Errorf("store path = %q", cfg.Store.Path)
	}
	want := []string{filepath.Join(dir, "logs", "*.jsonl"), "/abs/x.log"}
	if got := cfg.Projects["logs"].LogSources[0].Paths; !reflect.DeepEqual(got, want) {
		t.Errorf("log paths = %v, want %v", got, want)
	}
}

func TestLoad_resolvesPathsAgainstARelativeConfigPath(t *testing.T) {
	t.Setenv("ADMIN", "admin-token-for-the-config-tests-0123")
	t.Setenv("ZID", "b")
	t.Setenv("ZSECRET", "c")
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "configs", "deskgate.hcl"), strings.Replace(base, "  admin_token", "  data_dir = \"../data\"\n  admin_token", 1))
	t.Chdir(dir)
	cfg, diags := Load(filepath.Join("configs", "deskgate.hcl"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if !filepath.IsAbs(cfg.Path) || cfg.Gateway.DataDir != filepath.Join(dir, "data") {
		t.Errorf("Path = %q, data_dir = %q; want absolute, %q", cfg.Path, cfg.Gateway.DataDir, filepath.Join(dir, "data"))
	}
}

func TestLoad_reportsAMissingFile(t *testing.T) {
	cfg, diags := Load(filepath.Join(t.TempDir(), "absent.hcl"))
	if !diags.HasErrors() || !strings.Contains(diags[0].Summary, "Cannot read config file") {
		t.Fatalf("diags = %v", diags)
	}
	if cfg == nil || cfg.Files == nil {
		t.Error("Load must return a Config with Files even on error")
	}
}

func TestLoad_exampleConfigsValidate(t *testing.T) {
	t.Setenv("DESKGATE_ADMIN_TOKEN", "admin-token-for-the-config-tests-0123")
	t.Setenv("ZENDESK_CLIENT_ID", "demo-id")
	t.Setenv("ZENDESK_CLIENT_SECRET", "demo-secret")
	t.Setenv("ATLASSIAN_CLIENT_ID", "demo-3lo-id")
	t.Setenv("ATLASSIAN_CLIENT_SECRET", "demo-3lo-secret")
	cfg, diags := Load(filepath.Join("..", "..", "configs", "deskgate.hcl"))
	if len(diags) > 0 {
		t.Fatalf("example config has diagnostics: %v", diags)
	}
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	if cfg.Gateway.Listen != "127.0.0.1:8080" || cfg.Gateway.PublicURL != "http://127.0.0.1:8080" ||
		cfg.Gateway.DataDir != filepath.Join(root, "data") || cfg.Gateway.PluginDir != filepath.Join(root, "bin") {
		t.Errorf("gateway = %+v", cfg.Gateway)
	}
	p := cfg.Projects["checkout"]
	if want := []string{"checkout-api", "payments", "auth", "search", "notifications"}; !reflect.DeepEqual(p.Services, want) {
		t.Errorf("services = %v", p.Services)
	}
	for name, core := range map[string]bool{"checkout-api": true, "payments": true, "auth": true, "search": false, "notifications": false} {
		if p.Service[name].Core != core {
			t.Errorf("service %s core = %v, want %v", name, !core, core)
		}
	}
	if got := p.LogSources[0].Paths; !reflect.DeepEqual(got, []string{filepath.Join(root, "examples", "logs", "*.jsonl")}) {
		t.Errorf("log paths = %v", got)
	}
	b := cfg.Binding("zendesk", "acme")
	if b == nil {
		t.Fatal("binding zendesk/acme missing")
	}
	if b.Attributes["subdomain"] != "acme" || b.Attributes["api_url"] != "http://127.0.0.1:9090" {
		t.Errorf("attributes = %v", b.Attributes)
	}
	want := map[string]string{"severity": "360001234567", "affected_service": "360002345678", "analysis_url": "360003456789"}
	if !reflect.DeepEqual(b.CustomFields, want) {
		t.Errorf("custom fields = %v", b.CustomFields)
	}
	if b.PublicReplyTemplate != DefaultReplyTemplate {
		t.Errorf("acme's template differs from the default:\n%q\n%q", b.PublicReplyTemplate, DefaultReplyTemplate)
	}
	if b.ClientID != "demo-id" || b.ClientSecret != "demo-secret" {
		t.Errorf("client = %q/%q", b.ClientID, b.ClientSecret)
	}

	// A second desk on the same project, with string field ids.
	j := cfg.Binding("jsm", "support")
	if j == nil || j.Project != "checkout" {
		t.Fatalf("binding jsm/support = %+v, want one on project checkout", j)
	}
	if j.Attributes["site"] != "acme.atlassian.net" || j.Attributes["project_key"] != "SUP" || j.Attributes["api_url"] != "http://127.0.0.1:9091" {
		t.Errorf("jsm attributes = %v", j.Attributes)
	}
	wantJSM := map[string]string{"severity": "customfield_10050", "affected_service": "customfield_10051", "analysis_url": "customfield_10052"}
	if !reflect.DeepEqual(j.CustomFields, wantJSM) {
		t.Errorf("jsm custom fields = %v", j.CustomFields)
	}
	if j.ClientID != "demo-3lo-id" || j.ClientSecret != "demo-3lo-secret" {
		t.Errorf("jsm client = %q/%q", j.ClientID, j.ClientSecret)
	}
}
