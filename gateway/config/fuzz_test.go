package config

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary text as the main file and as a bindings file:
// parsing and printing the diagnostics must never panic, and the JSON form
// must always be valid JSON.
func FuzzParse(f *testing.F) {
	for _, p := range []string{"deskgate.hcl", filepath.Join("bindings", "acme.hcl")} {
		if b, err := os.ReadFile(filepath.Join("..", "..", "configs", p)); err == nil {
			f.Add(string(b), "")
			f.Add(base, string(b))
		}
	}
	f.Add(base+binding("  custom_fields {\n    severity = -1\n  }\n  public_reply_template = \"{{x}}\"\n"), "")
	f.Add(base+"store \"redis\" {\n  url = env(\"X\")\n}\n", "binding \"zendesk\" \"a\" {\n  project = 1\n  x = [1]\n  y { }\n}\n")
	f.Add("gateway { listen = env() }", "binding \"\" \"\" {}")
	f.Fuzz(func(t *testing.T, main, extra string) {
		files := map[string][]byte{"m.hcl": []byte(main)}
		if extra != "" {
			files["bindings/x.hcl"] = []byte(extra)
		}
		cfg, diags := parse(files, "m.hcl", func(k string) string { return testEnv[k] })
		if cfg == nil {
			t.Fatal("parse returned a nil Config")
		}
		var text, js strings.Builder
		if err := WriteDiagnostics(&text, cfg, diags, false); err != nil {
			t.Fatal(err)
		}
		if err := WriteDiagnostics(&js, cfg, diags, true); err != nil {
			t.Fatal(err)
		}
		if !json.Valid([]byte(js.String())) {
			t.Fatalf("invalid JSON diagnostics:\n%s", js.String())
		}
		if !diags.HasErrors() && cfg.Gateway.Listen == "" {
			t.Fatalf("a config without errors has no listen address:\n%s", main)
		}
	})
}
