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

// designSources are the log_source blocks of design.md §2, as written there.
const designSources = `project "checkout" {
  services = ["checkout-api", "payments", "auth"]
  log_source "file" "app" {
    paths  = ["./examples/logs/*.jsonl"]
    format = "jsonl"            # jsonl | logfmt | text
  }
  log_source "victorialogs" "prod" {
    url   = "http://127.0.0.1:9428"   # VictoriaLogs HTTP API (LogsQL)
    query = "env:prod"                # optional LogsQL filter ANDed to every query
  }
  log_source "loki" "prod-loki" {
    url      = "http://127.0.0.1:3100"
    selector = "{env=\"prod\"}"     # stream selector; the service label matcher is added
    tenant   = "team-a"               # optional X-Scope-OrgID
  }
  log_source "elasticsearch" "prod-es" { # Elasticsearch 7/8 and OpenSearch 1/2
    urls          = ["http://127.0.0.1:9200"]
    index         = "logs-*"
    time_field    = "@timestamp"      # ECS defaults
    service_field = "service.name"
    level_field   = "log.level"
    message_field = "message"
    api_key = env("ES_KEY")
  }
}
`

func TestParse_readsTheLogSourceBlocksOfTheDesign(t *testing.T) {
	env := map[string]string{"ES_KEY": "es-key-value"}
	for k, v := range testEnv {
		env[k] = v
	}
	cfg, diags, _ := parseMarked(t, map[string]string{mainName: gatewayOK + designSources + platformOK}, env)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	srcs := cfg.Projects["checkout"].LogSources
	if len(srcs) != 4 {
		t.Fatalf("%d sources", len(srcs))
	}
	for _, tc := range []struct {
		got, want LogSource
	}{
		{*srcs[1], LogSource{Type: "victorialogs", Name: "prod", URLs: []string{"http://127.0.0.1:9428"}, Query: "env:prod", Timeout: 10 * time.Second, MaxLines: 200000}},
		{*srcs[2], LogSource{Type: "loki", Name: "prod-loki", URLs: []string{"http://127.0.0.1:3100"}, Selector: `{env="prod"}`, Tenant: "team-a", Timeout: 10 * time.Second, MaxLines: 200000}},
		{*srcs[3], LogSource{Type: "elasticsearch", Name: "prod-es", URLs: []string{"http://127.0.0.1:9200"}, Index: "logs-*", TimeField: "@timestamp",
			ServiceField: "service.name", LevelField: "log.level", MessageField: "message", APIKey: "es-key-value", Timeout: 10 * time.Second, MaxLines: 200000}},
	} {
		tc.got.DeclRange = hcl.Range{}
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("got  %+v\nwant %+v", tc.got, tc.want)
		}
	}
	if srcs[0].Type != "file" || srcs[0].Format != "jsonl" || !strings.HasSuffix(srcs[0].Paths[0], "examples/logs/*.jsonl") {
		t.Errorf("file source %+v", srcs[0])
	}
}

func TestParse_readsTheCommonLogSourceAttributes(t *testing.T) {
	ca := filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(ca, []byte("x"), 0o600)
	env := map[string]string{"TOK": "tok-value", "ORG": "org-value"}
	for k, v := range testEnv {
		env[k] = v
	}
	src := `project "p" {
  services = ["api"]
  log_source "loki" "l" {
    url           = "https://loki.example:3100/"
    service_label = "app"
    level_field   = "severity"
    status_field  = "http.status"
    timeout       = "30s"
    max_lines     = 5000
    headers       = { "X-Org" = env("ORG") }
    bearer_token  = env("TOK")
    ca_file       = "` + ca + `"
  }
}
`
	cfg, diags, _ := parseMarked(t, map[string]string{mainName: gatewayOK + src + platformOK}, env)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := cfg.Projects["p"].LogSources[0]
	want := &LogSource{Type: "loki", Name: "l", URLs: []string{"https://loki.example:3100"}, ServiceField: "app", LevelField: "severity",
		StatusField: "http.status", Timeout: 30 * time.Second, MaxLines: 5000, Headers: map[string]string{"X-Org": "org-value"},
		BearerToken: "tok-value", CAFile: ca, DeclRange: got.DeclRange}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

func TestParse_reportsLogSourceErrorsAtTheirSource(t *testing.T) {
	block := func(kind, body string) string {
		return gatewayOK + "project \"p\" {\n  services = [\"api\"]\n  log_source \"" + kind + "\" \"s\" {\n" + body + "  }\n}\n" + platformOK
	}
	for _, tc := range []struct {
		name, main, want string
		warning          bool
	}{
		{name: "a store without its url", main: strings.Replace(block("victorialogs", "    query = \"env:prod\"\n"), "  log_source", "  »log_source", 1),
			want: `Missing required argument; The argument "url" is required`},
		{name: "an attribute of another kind", main: block("victorialogs", "    url = \"http://127.0.0.1:9428\"\n    »selector = \"{a=\\\"b\\\"}\"\n"),
			want: `Unsupported argument; An argument named "selector" is not expected here.`},
		{name: "a store attribute on a file source", main: block("file", "    paths = [\"x\"]\n    »url = \"http://x\"\n"),
			want: `An argument named "url" is not expected here.`},
		{name: "a url that is not http", main: block("loki", "    url = »\"ftp://127.0.0.1\"\n"),
			want: `Invalid url; url: "ftp://127.0.0.1" must be an absolute http:// or https:// URL`},
		{name: "a url with credentials", main: block("loki", "    url = »\"http://u:hunter2@127.0.0.1\"\n"),
			want: `url must not carry credentials`},
		{name: "a LogsQL query with a pipe", main: block("victorialogs", "    url = \"http://127.0.0.1:9428\"\n    query = »\"env:prod | limit 5\"\n"),
			want: `Invalid query; query must be a LogsQL filter`},
		{name: "a Loki selector with a pipeline", main: block("loki", "    url = \"http://127.0.0.1:3100\"\n    selector = »\"{env=\\\"prod\\\"} |= \\\"x\\\"\"\n"),
			want: `Invalid selector`},
		{name: "a Loki service label that is not a label name", main: block("loki", "    url = \"http://127.0.0.1:3100\"\n    service_label = »\"service.name\"\n"),
			want: `Invalid service_label; service_label = "service.name" is not a Loki label name`},
		{name: "elasticsearch without an index", main: strings.Replace(block("elasticsearch", "    urls = [\"http://127.0.0.1:9200\"]\n"), "  log_source", "  »log_source", 1),
			want: `The argument "index" is required`},
		{name: "elasticsearch with no urls", main: block("elasticsearch", "    urls = »[]\n    index = \"logs-*\"\n"),
			want: `Empty urls`},
		{name: "a bad timeout", main: block("victorialogs", "    url = \"http://127.0.0.1:9428\"\n    timeout = »\"soon\"\n"),
			want: `Invalid duration; timeout = "soon" is not a duration`},
		{name: "max_lines out of range", main: block("victorialogs", "    url = \"http://127.0.0.1:9428\"\n    max_lines = »0\n"),
			want: `max_lines must be a whole number from 1 to 10000000`},
		{name: "username without password", main: block("victorialogs", "    url = \"http://127.0.0.1:9428\"\n    username = »\"u\"\n"),
			want: `Missing password`},
		{name: "two kinds of credentials", main: strings.Replace(block("elasticsearch", "    urls = [\"http://127.0.0.1:9200\"]\n    index = \"l\"\n    api_key = env(\"ZID\")\n    bearer_token = env(\"ZSECRET\")\n"), "  log_source", "  »log_source", 1),
			want: `Conflicting credentials`},
		{name: "a secret from an unset variable", main: block("loki", "    url = \"http://127.0.0.1:3100\"\n    bearer_token = »env(\"NOPE\")\n"),
			want: `environment variable NOPE is not set`},
		{name: "a header with a line break", main: block("loki", "    url = \"http://127.0.0.1:3100\"\n    headers = »{ \"X-A\" = \"a\\nb\" }\n"),
			want: `Invalid header value`},
		{name: "a missing ca_file", main: block("loki", "    url = \"http://127.0.0.1:3100\"\n    ca_file = »\"/nonexistent/ca.pem\"\n"),
			want: `Unreadable ca_file`},
		{name: "both service_field and service_label", main: block("victorialogs", "    url = \"http://127.0.0.1:9428\"\n    service_field = \"a\"\n    service_label = »\"b\"\n"),
			want: `Set service_field or service_label, not both.`},
		{name: "duplicate names across kinds", main: strings.Replace(block("victorialogs", "    url = \"http://127.0.0.1:9428\"\n"), "  }\n}\n", "  }\n  »log_source \"loki\" \"s\" {\n    url = \"http://127.0.0.1:3100\"\n  }\n}\n", 1),
			want: `Duplicate log_source; log_source "loki" "s" is already defined at /cfg/deskgate.hcl:7:3.`},
		{name: "insecure_skip_verify warns", warning: true, main: block("loki", "    url = \"https://127.0.0.1:3100\"\n    insecure_skip_verify = »true\n"),
			want: `TLS verification off`},
		{name: "a literal password warns", warning: true, main: block("loki", "    url = \"https://127.0.0.1:3100\"\n    username = \"u\"\n    password = »\"hunter2\"\n"),
			want: `Secret written in the config file`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags, pos := parseMarked(t, map[string]string{mainName: tc.main}, testEnv)
			var got []string
			found := false
			for _, d := range diags {
				got = append(got, diagPos(d)+": "+diagText(d))
				if strings.Contains(diagText(d), "hunter2") {
					t.Errorf("a diagnostic echoes a secret: %s", diagText(d))
				}
				if (d.Severity == hcl.DiagWarning) == tc.warning && strings.Contains(diagText(d), tc.want) && diagPos(d) == pos {
					found = true
				}
			}
			if !found {
				t.Fatalf("want a diagnostic at %s containing %q; got:\n%s", pos, tc.want, strings.Join(got, "\n"))
			}
			if tc.warning && diags.HasErrors() {
				t.Fatalf("want only a warning; got:\n%s", strings.Join(got, "\n"))
			}
		})
	}
}
