package config

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// Fragments of a valid configuration that the cases below combine.
const (
	gatewayOK = `gateway {
  listen      = "127.0.0.1:8080"
  admin_token = env("ADMIN")
}
`
	projectOK = `project "checkout" {
  services = ["api", "db"]
}
`
	platformOK = `platform "zendesk" {
  client_id     = env("ZID")
  client_secret = env("ZSECRET")
}
`
	base = gatewayOK + projectOK + platformOK
)

var testEnv = map[string]string{"ADMIN": "admin-token-for-the-config-tests-0123", "ZID": "zid", "ZSECRET": "zsecret"}

const (
	mainName = "/cfg/deskgate.hcl"
	marker   = "»"
)

// parseMarked parses files (name → text) in which one "»" marks where the
// expected diagnostic must start; it returns that position as
// "file:line:col".
func parseMarked(t *testing.T, files map[string]string, env map[string]string) (*Config, hcl.Diagnostics, string) {
	t.Helper()
	raw := map[string][]byte{}
	want := ""
	for name, text := range files {
		if i := strings.Index(text, marker); i >= 0 {
			before := text[:i]
			line := strings.Count(before, "\n") + 1
			col := utf8.RuneCountInString(before[strings.LastIndex(before, "\n")+1:]) + 1
			want = fmt.Sprintf("%s:%d:%d", name, line, col)
			text = strings.Replace(text, marker, "", 1)
		}
		raw[name] = []byte(text)
	}
	cfg, diags := parse(raw, mainName, func(k string) string { return env[k] })
	return cfg, diags, want
}

func diagPos(d *hcl.Diagnostic) string {
	if d.Subject == nil {
		return "(no range)"
	}
	return fmt.Sprintf("%s:%d:%d", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
}

func diagText(d *hcl.Diagnostic) string { return d.Summary + "; " + d.Detail }

func binding(body string) string {
	return "binding \"zendesk\" \"acme\" {\n  project = \"checkout\"\n" + body + "}\n"
}

func TestParse_reportsEachErrorAtItsSource(t *testing.T) {
	tests := []struct {
		name     string
		main     string
		bindings map[string]string // extra files, name → text
		env      map[string]string // nil: testEnv
		want     string            // substring of "summary; detail"
	}{
		{name: "unknown gateway attribute", main: strings.Replace(base, "  admin_token", "  »colour = \"red\"\n  admin_token", 1),
			want: `Unsupported argument; An argument named "colour" is not expected here.`},
		{name: "unknown top-level block", main: base + "»widget \"x\" {}\n",
			want: `Unsupported block type; Blocks of type "widget" are not expected here.`},
		{name: "unknown service attribute", main: gatewayOK + "project \"p\" {\n  services = [\"a\"]\n  service \"a\" {\n    »critical = true\n  }\n}\n" + platformOK,
			want: `An argument named "critical" is not expected here`},
		{name: "bad analysis access", main: base + binding("  analysis_access = »\"team\"\n"),
			want: `analysis_access = "team" is not allowed; use "public" or "admin".`},
		{name: "analysis retention under an hour", main: strings.Replace(base, "  admin_token", "  analysis_retention = »\"10m\"\n  admin_token", 1),
			want: `analysis_retention must be at least an hour`},
		{name: "a mask pattern that is not a regular expression", main: strings.Replace(base, "  services = [\"api\", \"db\"]", "  services = [\"api\", \"db\"]\n  mask_patterns = »[\"(unclosed\"]", 1),
			want: `mask_patterns: "(unclosed" is not a regular expression`},
		{name: "a mask pattern that matches nothing in particular", main: strings.Replace(base, "  services = [\"api\", \"db\"]", "  services = [\"api\", \"db\"]\n  mask_patterns = »[\"x*\"]", 1),
			want: `matches the empty string`},
		{name: "mask_samples not a bool", main: strings.Replace(base, "  services = [\"api\", \"db\"]", "  services = [\"api\", \"db\"]\n  mask_samples = »\"maybe\"", 1),
			want: `mask_samples`},
		{name: "bad posting mode", main: base + binding("  posting_mode = »\"loud\"\n"),
			want: `posting_mode = "loud" is not allowed; use "internal", "public" or "both".`},
		{name: "bad threshold", main: base + binding("  auto_analyze_threshold = »\"urgent\"\n"),
			want: `auto_analyze_threshold = "urgent" is not allowed; use "disabled", "critical", "high", "medium" or "low".`},
		{name: "bad duration string", main: base + binding("  default_time_buffer = »\"2 hours\"\n"),
			want: `Invalid duration; default_time_buffer = "2 hours" is not a duration`},
		{name: "negative duration number", main: base + binding("  default_time_buffer = »-1\n"),
			want: `default_time_buffer must be a positive number of hours`},
		{name: "zero duration string", main: base + binding("  default_time_buffer = »\"0s\"\n"),
			want: `default_time_buffer must be positive.`},
		{name: "bad shutdown timeout", main: strings.Replace(base, "  admin_token", "  shutdown_timeout = »\"soon\"\n  admin_token", 1),
			want: `shutdown_timeout = "soon" is not a duration`},
		{name: "debug listener on the public address", main: strings.Replace(base, "  admin_token", "  debug_listen = »\"127.0.0.1:8080\"\n  admin_token", 1),
			want: `debug_listen = "127.0.0.1:8080" is the public listen address`},
		{name: "debug listener without a fixed port", main: strings.Replace(base, "  admin_token", "  debug_listen = »\"127.0.0.1:0\"\n  admin_token", 1),
			want: `needs a fixed port`},
		{name: "no room for a delivery", main: strings.Replace(base, "  admin_token", "  max_inflight_deliveries = »0\n  admin_token", 1),
			want: `max_inflight_deliveries must be a whole number from 1 to 100000.`},
		{name: "unknown timezone", main: base + binding("  timezone = »\"Mars/Olympus\"\n"),
			want: `Unknown timezone; timezone = "Mars/Olympus" is not an IANA time zone name`},
		{name: "unknown template variable in a quoted string", main: base + binding("  public_reply_template = \"Hi »{{name}}, #{{ticketId}}\"\n"),
			want: `Unknown template variable; The template uses "{{name}}"; the variables are "{{requesterName}}", "{{ticketId}}" or "{{severity}}".`},
		{name: "unknown template variable in a heredoc", main: base + binding("  public_reply_template = <<-EOT\n    Hi {{requesterName}},\n    about »{{ ticket }} ...\n  EOT\n"),
			want: `The template uses "{{ ticket }}"`},
		{name: "unterminated template variable", main: base + binding("  public_reply_template = »\"Hi {{requesterName\"\n"),
			want: `Unterminated template variable`},
		{name: "binding names an unknown project", main: base + "binding \"zendesk\" \"acme\" {\n  project = »\"shop\"\n}\n",
			want: `Unknown project; binding "zendesk" "acme" names project "shop", which is not defined; the projects are: "checkout".`},
		{name: "binding names an unknown platform", main: base + "»binding \"freshdesk\" \"acme\" {\n  project = \"checkout\"\n}\n",
			want: `Unknown platform; binding "freshdesk" "acme" names platform "freshdesk", which is not defined; the platforms are: "zendesk".`},
		{name: "duplicate binding across files", main: base + binding(""),
			bindings: map[string]string{"/cfg/bindings/acme.hcl": "# again\n»binding \"zendesk\" \"acme\" {\n  project = \"checkout\"\n}\n"},
			want:     `Duplicate binding; binding "zendesk" "acme" is already defined at /cfg/deskgate.hcl:12:1.`},
		{name: "duplicate project", main: base + "»project \"checkout\" {\n  services = [\"x\"]\n}\n",
			want: `Duplicate project; project "checkout" is already defined at /cfg/deskgate.hcl:5:1.`},
		{name: "duplicate platform", main: base + "»platform \"zendesk\" {\n}\n",
			want: `Duplicate platform; platform "zendesk" is already defined at /cfg/deskgate.hcl:8:1.`},
		{name: "missing listen", main: "gateway »{\n  admin_token = env(\"ADMIN\")\n}\n" + projectOK + platformOK,
			want: `Missing required argument; The argument "listen" is required`},
		{name: "missing gateway block", main: "»" + projectOK + platformOK,
			want: `Missing gateway block`},
		{name: "listen without port", main: strings.Replace(base, `listen      = "127.0.0.1:8080"`, `listen = »"localhost"`, 1),
			want: `Invalid listen address; listen = "localhost" must be host:port`},
		{name: "listen port out of range", main: strings.Replace(base, `listen      = "127.0.0.1:8080"`, `listen = »"127.0.0.1:99999"`, 1),
			want: `port "99999" is not a number from 0 to 65535`},
		{name: "listen on all interfaces without public_url", main: strings.Replace(base, `listen      = "127.0.0.1:8080"`, `listen = ":8080"`, 1),
			want: `Missing public_url; listen = ":8080" does not name a host`},
		{name: "bad public_url", main: strings.Replace(base, "  admin_token", "  public_url = »\"ftp://example.com\"\n  admin_token", 1),
			want: `Invalid public_url; public_url = "ftp://example.com" must be an absolute http:// or https:// URL`},
		{name: "negative custom field id", main: base + binding("  custom_fields {\n    severity = »-5\n  }\n"),
			want: `Invalid custom field id; custom_fields.severity must be a desk field id, a positive whole number`},
		{name: "fractional custom field id", main: base + binding("  custom_fields {\n    severity = »1.5\n  }\n"),
			want: `custom_fields.severity must be a desk field id`},
		{name: "custom field id with a space", main: base + binding("  custom_fields {\n    analysis_url = »\"custom field\"\n  }\n"),
			want: `custom_fields.analysis_url must be a desk field id`},
		{name: "unknown custom field key", main: base + binding("  custom_fields {\n    »priority = 1\n  }\n"),
			want: `Unknown custom field; custom_fields has no key "priority"; the keys are "severity", "affected_service" or "analysis_url".`},
		{name: "service block not in services", main: gatewayOK + "project \"p\" {\n  services = [\"api\"]\n  »service \"web\" {\n    core = true\n  }\n}\n" + platformOK,
			want: `Unknown service; service "web" is not in project "p"'s services (api)`},
		{name: "log_source type other than file", main: gatewayOK + "project \"p\" {\n  services = [\"api\"]\n  »log_source \"s3\" \"app\" {\n    paths = [\"x\"]\n  }\n}\n" + platformOK,
			want: `Unsupported log_source type; log_source type "s3" is not supported; use "file", "victorialogs", "loki" or "elasticsearch".`},
		{name: "log_source format", main: gatewayOK + "project \"p\" {\n  services = [\"api\"]\n  log_source \"file\" \"app\" {\n    paths  = [\"x\"]\n    format = »\"xml\"\n  }\n}\n" + platformOK,
			want: `format = "xml" is not allowed; use "jsonl", "logfmt" or "text".`},
		{name: "log_source with empty paths", main: gatewayOK + "project \"p\" {\n  services = [\"api\"]\n  log_source \"file\" \"app\" {\n    paths = »[]\n  }\n}\n" + platformOK,
			want: `Empty paths; log_source "app" needs at least one path`},
		{name: "log_source with an empty path", main: gatewayOK + "project \"p\" {\n  services = [\"api\"]\n  log_source \"file\" \"app\" {\n    paths = »[\"\"]\n  }\n}\n" + platformOK,
			want: `paths must not contain empty or null elements.`},
		{name: "admin_token from an unset variable", main: base, env: map[string]string{"ZID": "a", "ZSECRET": "b"},
			want: `Empty admin_token; admin_token is empty: it comes from env(), and environment variable ADMIN is not set or is empty.`},
		{name: "admin_token shorter than 32 characters", main: strings.Replace(base, `admin_token = env("ADMIN")`, `admin_token = »env("ADMIN")`, 1),
			env:  map[string]string{"ADMIN": "0123456789abcdef0123456789abcde", "ZID": "a", "ZSECRET": "b"},
			want: "admin_token too short; admin_token is 31 characters; it must be at least 32, because it is the only thing between the internet and the admin UI. Generate one with `openssl rand -base64 32`"},
		{name: "admin_token marked at its expression", main: strings.Replace(base, `admin_token = env("ADMIN")`, `admin_token = »env("NOPE")`, 1),
			want: `environment variable NOPE is not set`},
		{name: "empty literal client_secret", main: gatewayOK + projectOK + "platform \"zendesk\" {\n  client_id     = \"id\"\n  client_secret = »\"\"\n}\n",
			want: `Empty client_secret; client_secret must not be empty.`},
		{name: "platform without a client for a binding that has none", main: gatewayOK + projectOK + "»platform \"zendesk\" {\n}\n" + binding(""),
			want: `Missing client_id and client_secret; platform "zendesk" has no client_id and client_secret, and binding "zendesk" "acme" (/cfg/deskgate.hcl:10:1) does not set its own`},
		{name: "binding with half an OAuth client", main: base + "»binding \"zendesk\" \"acme\" {\n  project   = \"checkout\"\n  client_id = \"local\"\n}\n",
			want: `Incomplete OAuth client; binding "zendesk" "acme" sets only one of client_id and client_secret`},
		{name: "nested block other than custom_fields", main: base + binding("  »oauth {\n    scope = \"read\"\n  }\n"),
			want: `Unsupported block type; A binding accepts only a custom_fields block, not "oauth".`},
		{name: "list-valued platform attribute", main: base + binding("  subdomains = »[\"a\", \"b\"]\n"),
			want: `binding attribute subdomains must be a string, number or bool.`},
		{name: "project block in a bindings file", main: base,
			bindings: map[string]string{"/cfg/bindings/x.hcl": "»project \"other\" {\n  services = [\"a\"]\n}\n"},
			want:     `Unsupported block type; Blocks of type "project" are not expected here.`},
		{name: "negative workers", main: strings.Replace(base, "  admin_token", "  workers = »-1\n  admin_token", 1),
			want: `Invalid workers; workers must be a whole number from 0 to 1024.`},
		{name: "unknown store kind", main: base + "»store \"postgres\" {\n}\n",
			want: `Unknown store kind; store "postgres" is not supported; use "sqlite" or "redis".`},
		{name: "redis store without url", main: base + "»store \"redis\" {\n}\n",
			want: `Missing url; The redis store needs url`},
		{name: "sqlite store with a url", main: base + "store \"sqlite\" {\n  url = »\"redis://x\"\n}\n",
			want: `url is not used by the sqlite store.`},
		{name: "triage floor above ceiling", main: gatewayOK + "project \"p\" {\n  services = [\"api\"]\n  triage {\n    »rule {\n      keywords = [\"refund\"]\n      floor    = \"high\"\n      ceiling  = \"low\"\n    }\n  }\n}\n" + platformOK,
			want: `floor "high" is more severe than ceiling "low".`},
		{name: "triage rule severity enum", main: gatewayOK + "project \"p\" {\n  services = [\"api\"]\n  triage {\n    rule {\n      keywords = [\"refund\"]\n      floor    = »\"urgent\"\n    }\n  }\n}\n" + platformOK,
			want: `floor = "urgent" is not allowed; use "critical", "high", "medium" or "low".`},
		{name: "invalid plugin_sha256", main: gatewayOK + projectOK + "platform \"zendesk\" {\n  plugin_sha256 = »\"abc\"\n  client_id     = \"a\"\n  client_secret = env(\"ZSECRET\")\n}\n",
			want: `plugin_sha256 must be 64 hexadecimal digits`},
		{name: "binding name unfit for a URL", main: base + "»binding \"zendesk\" \"a/b\" {\n  project = \"checkout\"\n}\n",
			want: `Invalid binding name; binding name "a/b" must start with a letter or digit`},
		{name: "wrong attribute type", main: gatewayOK + "project \"p\" {\n  services = »\"api\"\n}\n" + platformOK,
			want: `services must be a list of strings.`},
		{name: "number literal out of range", main: base + binding("  custom_fields {\n    severity = »36000E2345678\n  }\n"),
			want: `Number out of range`},
		{name: "computed number out of range", main: base + binding("  port = »1e300 * 1e300 * 1e300\n"),
			want: `Number out of range`},
		{name: "duplicate gateway block", main: base + "»gateway {\n}\n",
			want: `Duplicate gateway block; Only one gateway block is allowed. Another was defined at /cfg/deskgate.hcl:1,1-8.`},
		{name: "duplicate store block", main: base + "store \"sqlite\" {\n}\n»store \"redis\" {\n  url = \"redis://x\"\n}\n",
			want: `Duplicate store block; Only one store block is allowed; the first is at /cfg/deskgate.hcl:12:1.`},
		{name: "duplicate service block", main: gatewayOK + "project \"p\" {\n  services = [\"a\"]\n  service \"a\" {\n  }\n  »service \"a\" {\n  }\n}\n" + platformOK,
			want: `Duplicate service block; service "a" is already configured at /cfg/deskgate.hcl:7:3.`},
		{name: "service listed twice", main: gatewayOK + "project \"p\" {\n  services = »[\"a\", \"a\"]\n}\n" + platformOK,
			want: `Duplicate service; service "a" is listed twice.`},
		{name: "duplicate log_source", main: gatewayOK + "project \"p\" {\n  services = [\"a\"]\n  log_source \"file\" \"x\" {\n    paths = [\"a\"]\n  }\n  »log_source \"file\" \"x\" {\n    paths = [\"b\"]\n  }\n}\n" + platformOK,
			want: `Duplicate log_source; log_source "file" "x" is already defined at /cfg/deskgate.hcl:7:3.`},
		{name: "binding without a project", main: base + "binding \"zendesk\" \"acme\" »{\n  subdomain = \"acme\"\n}\n",
			want: `Missing required argument; The argument "project" is required, but no definition was found.`},
		{name: "empty services", main: gatewayOK + "project \"p\" {\n  services = »[]\n}\n" + platformOK,
			want: `Empty services; project "p" must list at least one service.`},
		{name: "syntax error", main: base + "binding \"zendesk\" \"acme\" {\n  project = »}\n",
			want: `Invalid expression`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{mainName: tt.main}
			for k, v := range tt.bindings {
				files[k] = v
			}
			env := tt.env
			if env == nil {
				env = testEnv
			}
			_, diags, wantPos := parseMarked(t, files, env)
			var errs []string
			found := false
			for _, d := range diags {
				if d.Severity != hcl.DiagError {
					continue
				}
				errs = append(errs, diagPos(d)+": "+diagText(d))
				if strings.Contains(diagText(d), tt.want) && (wantPos == "" || diagPos(d) == wantPos) {
					found = true
				}
			}
			if !found {
				t.Fatalf("want an error at %s containing %q; got:\n%s", wantPos, tt.want, strings.Join(errs, "\n"))
			}
			if len(errs) != 1 && tt.name != "syntax error" {
				t.Errorf("want exactly one error, got %d:\n%s", len(errs), strings.Join(errs, "\n"))
			}
		})
	}
}
