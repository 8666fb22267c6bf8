package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zclconf/go-cty/cty"
)

func TestRewriteBinding_changesOneBlockAndKeepsComments(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "configs", "bindings", "acme.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	other := "\n# another binding, untouched\nbinding \"zendesk\" \"other\" {\n  project      = \"checkout\" # keep me\n  posting_mode = \"public\"\n}\n"
	src = append(src, other...)

	tpl := "Dear {{requesterName}},\n${not hcl} ticket {{ticketId}}\nEOT\n"
	out, err := RewriteBinding(src, "zendesk", "acme", map[string]cty.Value{
		"posting_mode":          cty.StringVal("both"),
		"timezone":              cty.NullVal(cty.String),
		"rate_limit_per_minute": cty.NumberIntVal(50),
		"public_reply_template": cty.StringVal(tpl),
		"custom_fields": cty.ObjectVal(map[string]cty.Value{
			"severity":     cty.NumberIntVal(42),
			"analysis_url": cty.NullVal(cty.Number),
		}),
	})
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, keep := range []string{
		"# One Zendesk instance (acme.zendesk.com)",
		"# Which project's services and logs tickets are triaged against.",
		"# drop-down/text: critical|high|medium|low",
		"affected_service = 360002345678 # text: the service name",
		other,
	} {
		if !strings.Contains(text, keep) {
			t.Errorf("rewritten file lost %q:\n%s", keep, text)
		}
	}
	if strings.Contains(text, "timezone =") || strings.Contains(text, "360003456789") {
		t.Errorf("removed attributes are still there:\n%s", text)
	}

	cfg, diags, _ := parseMarked(t, map[string]string{
		mainName:              base,
		"/cfg/bindings/a.hcl": text,
	}, testEnv)
	if diags.HasErrors() {
		t.Fatalf("rewritten file does not load: %v\n%s", diags, text)
	}
	b := cfg.Binding("zendesk", "acme")
	if b.PostingMode != "both" || b.TimezoneName != "UTC" || b.RateLimitPerMinute != 50 || b.DefaultTimeBuffer != 2*time.Hour {
		t.Errorf("binding = %+v", b)
	}
	if b.CustomFields["severity"] != "42" || b.CustomFields["affected_service"] != "360002345678" || len(b.CustomFields) != 2 {
		t.Errorf("custom fields = %v", b.CustomFields)
	}
	if b.PublicReplyTemplate != tpl {
		t.Errorf("template = %q, want %q", b.PublicReplyTemplate, tpl)
	}
	if o := cfg.Binding("zendesk", "other"); o.PostingMode != "public" {
		t.Errorf("other binding changed: %+v", o)
	}
}

func TestRewriteBinding_addsACustomFieldsBlock(t *testing.T) {
	src := []byte("binding \"zendesk\" \"acme\" {\n  project = \"checkout\"\n}\n")
	out, err := RewriteBinding(src, "zendesk", "acme", map[string]cty.Value{
		"custom_fields": cty.MapVal(map[string]cty.Value{"severity": cty.NumberIntVal(7)}),
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg := mustParse(t, map[string]string{mainName: base + string(out)}, testEnv)
	if got := cfg.Binding("zendesk", "acme").CustomFields["severity"]; got != "7" {
		t.Errorf("severity field = %q\n%s", got, out)
	}
}

func TestRewriteBinding_rejectsBadRequests(t *testing.T) {
	src := []byte("binding \"zendesk\" \"acme\" {\n  project = \"checkout\"\n}\n")
	tests := []struct {
		name           string
		src            []byte
		platform, bind string
		set            map[string]cty.Value
		want           string
	}{
		{"unknown binding", src, "zendesk", "nope", nil, `rewrite binding "zendesk" "nope": no such block`},
		{"unparseable file", []byte("binding {"), "zendesk", "acme", nil, "parse file"},
		{"bad attribute name", src, "zendesk", "acme", map[string]cty.Value{"a b": cty.True}, `"a b" is not an attribute name`},
		{"custom_fields not an object", src, "zendesk", "acme", map[string]cty.Value{"custom_fields": cty.StringVal("x")}, "custom_fields must be an object or map"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := RewriteBinding(tt.src, tt.platform, tt.bind, tt.set)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
