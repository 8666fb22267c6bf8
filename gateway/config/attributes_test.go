package config

import (
	"strings"
	"testing"

	"github.com/sigsentry/deskgate/sdk"
)

func TestBindingCheckAttributes_reportsUnknownAndMissingAttributes(t *testing.T) {
	main := base + binding("  subdomian = \"acme\"\n  region = \"eu\"\n")
	cfg, diags, _ := parseMarked(t, map[string]string{mainName: main}, testEnv)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	b := cfg.Binding("zendesk", "acme")
	tests := []struct {
		name               string
		accepted, required []string
		want               []string // "line:col summary; detail" substrings, in order
	}{
		{"all accepted", []string{"subdomian", "region"}, nil, nil},
		{"typo and unknown", []string{"subdomain", "api_url"}, nil, []string{
			`15:3 Unsupported argument; Platform "zendesk" accepts no attribute "region" in a binding; its attributes are "api_url" or "subdomain".`,
			`14:3 Unsupported argument; Platform "zendesk" accepts no attribute "subdomian" in a binding; did you mean "subdomain"?`,
		}},
		{"missing required", []string{"subdomian", "region"}, []string{"api_url"}, []string{
			`12:1 Missing required argument; Platform "zendesk" needs "api_url" in binding "zendesk" "acme".`,
		}},
		{"no attributes at all", nil, nil, []string{
			`it takes no platform-specific attributes.`, `it takes no platform-specific attributes.`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := b.CheckAttributes(tt.accepted, tt.required)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d diagnostics, want %d: %v", len(got), len(tt.want), got)
			}
			for i, d := range got {
				line := strings.TrimPrefix(diagPos(d), mainName+":") + " " + diagText(d)
				if !strings.Contains(line, tt.want[i]) {
					t.Errorf("diagnostic %d = %q, want it to contain %q", i, line, tt.want[i])
				}
			}
		})
	}
}

func TestParse_warnsAboutAMisspeltBindingSetting(t *testing.T) {
	_, diags, want := parseMarked(t, map[string]string{mainName: base + binding("  »posting_mod = \"both\"\n")}, testEnv)
	if diags.HasErrors() || len(diags) != 1 || diagPos(diags[0]) != want ||
		!strings.Contains(diags[0].Detail, `did you mean "posting_mode"?`) {
		t.Errorf("diags = %v, want one warning at %s suggesting posting_mode", diags, want)
	}
}

func TestBindingCheckAttributeValues_refusesValuesThePluginWouldRefuseAtConnect(t *testing.T) {
	specs := []sdk.AttributeSpec{
		{Name: "subdomain", Kind: sdk.KindHostnameLabel},
		{Name: "site", Kind: sdk.KindHostname},
		{Name: "api_url", Kind: sdk.KindURL},
		{Name: "project_key", Pattern: `(?i)[A-Z][A-Z0-9_]{1,254}`},
	}
	tests := []struct {
		name, attr string
		want       string // "" when valid; else a part of the detail
	}{
		{"a DNS label", `subdomain = "acme-eu"`, ""},
		{"a subdomain with a host and path", `subdomain = »"evil.com/x"`, "must be one DNS label"},
		{"a subdomain with a dot", `subdomain = »"a.b"`, "must be one DNS label"},
		{"a host name", `site = "acme.atlassian.net"`, ""},
		{"a site with a scheme", `site = »"https://acme.atlassian.net"`, "must be a host name"},
		{"an https URL", `api_url = "https://acme.zendesk.com"`, ""},
		{"http on loopback", `api_url = "http://127.0.0.1:9090"`, ""},
		{"http on localhost", `api_url = "http://localhost:9090/x"`, ""},
		{"http on IPv6 loopback", `api_url = "http://[::1]:9090"`, ""},
		{"http elsewhere", `api_url = »"http://sandbox.example.com"`, "must be https"},
		{"http elsewhere when the binding allows it", "insecure_api_url = true\n  api_url = \"http://sandbox.example.com\"", ""},
		{"the instance metadata address", `api_url = »"https://169.254.169.254/latest"`, "link-local or cloud metadata"},
		{"metadata even when insecure is allowed", "insecure_api_url = true\n  api_url = »\"http://169.254.169.254\"", "link-local or cloud metadata"},
		{"the EC2 IPv6 metadata address", `api_url = »"http://[fd00:ec2::254]/"`, "link-local or cloud metadata"},
		{"a metadata host name", `api_url = »"http://metadata.google.internal/"`, "cloud metadata endpoint"},
		{"credentials in the URL", `api_url = »"https://u:hunter2@acme.zendesk.com"`, "must not carry a user name"},
		{"not a URL", `api_url = »"acme.zendesk.com"`, "absolute http(s) URL"},
		{"a matching pattern", `project_key = "sup"`, ""},
		{"a pattern that does not match", `project_key = »"SUP-1"`, "does not have the form"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, diags, pos := parseMarked(t, map[string]string{mainName: base + binding("  "+tt.attr+"\n")}, testEnv)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			got := cfg.Binding("zendesk", "acme").CheckAttributeValues(specs)
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("valid value refused: %v", got)
				}
				return
			}
			if len(got) != 1 || !strings.Contains(got[0].Detail, tt.want) || diagPos(got[0]) != pos {
				t.Fatalf("diagnostics %v, want one at %s containing %q", got, pos, tt.want)
			}
			if strings.Contains(got[0].Detail, "hunter2") {
				t.Errorf("the diagnostic quotes the URL's password: %s", got[0].Detail)
			}
		})
	}
}
