package config

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParse measures loading the demo configuration (main file and one
// bindings file) from memory: what `deskgate validate` and a reload cost.
func BenchmarkParse(b *testing.B) {
	files := map[string][]byte{}
	for _, p := range []string{"deskgate.hcl", filepath.Join("bindings", "acme.hcl"), filepath.Join("bindings", "support.hcl")} {
		src, err := os.ReadFile(filepath.Join("..", "..", "configs", p))
		if err != nil {
			b.Fatal(err)
		}
		files["/cfg/"+p] = src
	}
	env := map[string]string{"DESKGATE_ADMIN_TOKEN": "admin-token-for-the-config-tests-0123", "ZENDESK_CLIENT_ID": "b", "ZENDESK_CLIENT_SECRET": "c",
		"ATLASSIAN_CLIENT_ID": "d", "ATLASSIAN_CLIENT_SECRET": "e"}
	getenv := func(k string) string { return env[k] }
	for b.Loop() {
		if _, diags := parse(files, "/cfg/deskgate.hcl", getenv); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}

func BenchmarkRenderTemplate(b *testing.B) {
	v := TemplateVars{RequesterName: "Ann Example", TicketID: "123456", Severity: "critical"}
	for b.Loop() {
		_ = RenderTemplate(DefaultReplyTemplate, v)
	}
}
