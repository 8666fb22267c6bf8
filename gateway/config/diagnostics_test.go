package config

import (
	"encoding/json"
	"strings"
	"testing"
)

func brokenConfig(t *testing.T) (*Config, []byte) {
	main := base + binding("  posting_mode = \"loud\"\n")
	cfg, diags, _ := parseMarked(t, map[string]string{mainName: strings.Replace(main, `env("ADMIN")`, `"literal-admin-token-0123456789abc"`, 1)}, testEnv)
	var b strings.Builder
	if err := WriteDiagnostics(&b, cfg, diags, false); err != nil {
		t.Fatal(err)
	}
	return cfg, []byte(b.String())
}

func TestWriteDiagnostics_textNamesFileLineColumnAndShowsTheSource(t *testing.T) {
	_, out := brokenConfig(t)
	want := `/cfg/deskgate.hcl:3:17: warning: Secret written in the config file; admin_token is written literally; prefer env("NAME") so it stays out of the file.
  3 |   admin_token = "literal-admin-token-0123456789abc"
    |                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
/cfg/deskgate.hcl:14:18: error: Invalid posting_mode; posting_mode = "loud" is not allowed; use "internal", "public" or "both".
  14 |   posting_mode = "loud"
     |                  ^^^^^^
`
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestWriteDiagnostics_jsonHasTerraformsValidateShape(t *testing.T) {
	main := base + binding("  posting_mode = \"loud\"\n")
	cfg, diags, _ := parseMarked(t, map[string]string{mainName: strings.Replace(main, `env("ADMIN")`, `"literal-admin-token-0123456789abc"`, 1)}, testEnv)
	var b strings.Builder
	if err := WriteDiagnostics(&b, cfg, diags, true); err != nil {
		t.Fatal(err)
	}
	var got struct {
		FormatVersion string `json:"format_version"`
		Valid         *bool  `json:"valid"`
		ErrorCount    int    `json:"error_count"`
		WarningCount  int    `json:"warning_count"`
		Diagnostics   []struct {
			Severity, Summary, Detail string
			Range                     struct {
				Filename   string
				Start, End struct{ Line, Column, Byte int }
			}
			Snippet struct {
				Context              *string `json:"context"`
				Code                 string  `json:"code"`
				StartLine            int     `json:"start_line"`
				HighlightStartOffset int     `json:"highlight_start_offset"`
				HighlightEndOffset   int     `json:"highlight_end_offset"`
				Values               []any   `json:"values"`
			}
		}
	}
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, b.String())
	}
	if got.FormatVersion != "1.0" || got.Valid == nil || *got.Valid || got.ErrorCount != 1 || got.WarningCount != 1 || len(got.Diagnostics) != 2 {
		t.Fatalf("header = %+v", got)
	}
	d := got.Diagnostics[1]
	if d.Severity != "error" || d.Summary != "Invalid posting_mode" || !strings.Contains(d.Detail, `"loud"`) {
		t.Errorf("diagnostic = %+v", d)
	}
	if r := d.Range; r.Filename != mainName || r.Start.Line != 14 || r.Start.Column != 18 || r.End.Column != 24 || r.End.Byte-r.Start.Byte != 6 {
		t.Errorf("range = %+v", r)
	}
	sn := d.Snippet
	if sn.Code != `  posting_mode = "loud"` || sn.StartLine != 14 || sn.Code[sn.HighlightStartOffset:sn.HighlightEndOffset] != `"loud"` {
		t.Errorf("snippet = %+v", sn)
	}
	if sn.Context == nil || *sn.Context != `binding "zendesk" "acme"` || sn.Values == nil {
		t.Errorf("snippet context = %v, values = %v", sn.Context, sn.Values)
	}
}

func TestWriteDiagnostics_validConfigIsValidJSON(t *testing.T) {
	var b strings.Builder
	if err := WriteDiagnostics(&b, nil, nil, true); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(b.String()), &got); err != nil {
		t.Fatal(err)
	}
	if got["valid"] != true || got["error_count"] != 0.0 || got["diagnostics"] == nil {
		t.Errorf("got %v", got)
	}
}
