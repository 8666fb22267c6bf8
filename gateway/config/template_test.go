package config

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

func TestRenderTemplate_substitutesTheThreeVariables(t *testing.T) {
	vars := TemplateVars{RequesterName: "Ann", TicketID: "123", Severity: "high"}
	tests := []struct{ name, tpl, want string }{
		{"default template", DefaultReplyTemplate, "Hi Ann,\n\nThanks for reporting this. We have received ticket #123 and our team is looking into it (triaged as high severity). We will update you here as soon as we know more.\n"},
		{"spaces inside braces", "{{ ticketId }}/{{severity  }}", "123/high"},
		{"repeated variable", "{{ticketId}}{{ticketId}}", "123123"},
		{"unknown variable left as written", "{{name}} {{ticketId}}", "{{name}} 123"},
		{"unterminated braces left as written", "#{{ticketId}} {{severity", "#123 {{severity"},
		{"no variables", "plain text", "plain text"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RenderTemplate(tt.tpl, vars); got != tt.want {
				t.Errorf("RenderTemplate(%q) = %q, want %q", tt.tpl, got, tt.want)
			}
		})
	}
}

func TestRenderTemplate_doesNotExpandValues(t *testing.T) {
	got := RenderTemplate("Hi {{requesterName}} ({{severity}})", TemplateVars{RequesterName: "{{severity}}", Severity: "low"})
	if got != "Hi {{severity}} (low)" {
		t.Errorf("got %q: a value was expanded as a template", got)
	}
}

func TestValidateTemplate_reportsUnknownVariables(t *testing.T) {
	subject := hcl.Range{Filename: "f.hcl", Start: hcl.Pos{Line: 3, Column: 5, Byte: 20}, End: hcl.Pos{Line: 3, Column: 30, Byte: 45}}
	tests := []struct {
		name string
		tpl  string
		want []string // summaries, in order
	}{
		{"all known", DefaultReplyTemplate, nil},
		{"unknown", "{{requester}}", []string{"Unknown template variable"}},
		{"empty name", "{{}} {{ }}", []string{"Unknown template variable", "Unknown template variable"}},
		{"case matters", "{{TicketId}}", []string{"Unknown template variable"}},
		{"unterminated", "Hi {{requesterName", []string{"Unterminated template variable"}},
		{"HCL interpolation is not a variable", "${x} {{severity}}", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := ValidateTemplate(tt.tpl, subject)
			var got []string
			for _, d := range diags {
				got = append(got, d.Summary)
				if *d.Subject != subject {
					t.Errorf("subject = %v, want %v", d.Subject, subject)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("diagnostics = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestValidateTemplate_pointsIntoTheSource(t *testing.T) {
	src := []byte("x = <<-EOT\n  ünï {{ok}}\n  {{bad}} and {{bad}}\nEOT\n")
	subject := hcl.Range{Filename: "f", Start: hcl.Pos{Line: 1, Column: 5, Byte: 4}, End: hcl.Pos{Line: 4, Column: 4, Byte: len(src) - 1}}
	diags := validateTemplate("ünï {{ok}}\n{{bad}} and {{bad}}\n", src, subject)
	if len(diags) != 3 {
		t.Fatalf("want 3 diagnostics, got %v", diags)
	}
	wants := []hcl.Pos{{Line: 2, Column: 7, Byte: 19}, {Line: 3, Column: 3, Byte: 28}, {Line: 3, Column: 15, Byte: 40}}
	for i, want := range wants {
		if got := diags[i].Subject.Start; got != want {
			t.Errorf("diag %d starts at %+v, want %+v", i, got, want)
		}
		if got := string(src[diags[i].Subject.Start.Byte:diags[i].Subject.End.Byte]); !strings.HasPrefix(got, "{{") {
			t.Errorf("diag %d covers %q", i, got)
		}
	}
}

func TestThresholdMet(t *testing.T) {
	tests := []struct {
		threshold, severity string
		want                bool
	}{
		{"high", "critical", true},
		{"high", "high", true},
		{"high", "medium", false},
		{"low", "low", true},
		{"critical", "high", false},
		{"disabled", "critical", false},
		{"high", "", false},
		{"high", "urgent", false},
		{"", "critical", false},
	}
	for _, tt := range tests {
		if got := ThresholdMet(tt.threshold, tt.severity); got != tt.want {
			t.Errorf("ThresholdMet(%q, %q) = %v, want %v", tt.threshold, tt.severity, got, tt.want)
		}
	}
	for i, s := range []string{"", "low", "medium", "high", "critical"} {
		if SeverityRank(s) != i {
			t.Errorf("SeverityRank(%q) = %d, want %d", s, SeverityRank(s), i)
		}
	}
}

func FuzzRenderTemplate(f *testing.F) {
	for _, s := range []string{DefaultReplyTemplate, "{{", "}}{{", "{{{{ticketId}}}}", "{{ severity }}", "ü{{x}}"} {
		f.Add(s, "Ann", "42")
	}
	f.Fuzz(func(t *testing.T, tpl, name, id string) {
		out := RenderTemplate(tpl, TemplateVars{})
		if len(out) > len(tpl) {
			t.Fatalf("rendering with empty values grew %q to %q", tpl, out)
		}
		if utf8.ValidString(tpl) && !utf8.ValidString(out) {
			t.Fatalf("rendering broke UTF-8: %q → %q", tpl, out)
		}
		full := RenderTemplate(tpl, TemplateVars{RequesterName: name, TicketID: id, Severity: "high"})
		if len(ValidateTemplate(tpl, hcl.Range{})) == 0 && !strings.Contains(tpl, "{{") && full != tpl {
			t.Fatalf("a template without placeholders changed: %q → %q", tpl, full)
		}
	})
}
