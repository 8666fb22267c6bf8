package config

import (
	"strings"
	"testing"
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
