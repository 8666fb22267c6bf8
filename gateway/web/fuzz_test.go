package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sigsentry/deskgate/gateway/config"
)

// FuzzConfigureForm feeds the Configure form's parser and validator
// arbitrary input: it must not panic, and whatever it accepts must rewrite
// into a binding file that still loads with the same values.
func FuzzConfigureForm(f *testing.F) {
	f.Add("both", "high", "2", "360001", "", "7", "Hi {{requesterName}}\n")
	f.Add("public", "disabled", "90m", "", "", "", "")
	f.Add("internal", "low", "1.5", "0042", "x", "", "{{severity")
	f.Add("loud", "urgent", "-1h", "-4", "1e3", "99999999999999999999", "${x} %{y} {{ticketId}}\r\nEOT\n")
	cfg, diags := config.Parse(map[string][]byte{"/cfg/deskgate.hcl": []byte(testMain), "/cfg/bindings/acme.hcl": []byte(testBinding)}, "/cfg/deskgate.hcl")
	if diags.HasErrors() {
		f.Fatal(diags)
	}
	cur := cfg.Binding("zendesk", "acme")
	f.Fuzz(func(t *testing.T, mode, threshold, buffer, sev, svc, urlField, tpl string) {
		form := url.Values{"posting_mode": {mode}, "auto_analyze_threshold": {threshold}, "default_time_buffer": {buffer},
			"cf_severity": {sev}, "cf_affected_service": {svc}, "cf_analysis_url": {urlField}, "public_reply_template": {tpl}}
		r, _ := http.NewRequest("POST", "/", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		in := formFromRequest(r)
		set, errs := validateConfigure(&in, cur)
		if len(errs) > 0 || set.Empty() {
			return
		}
		out, err := set.Rewrite([]byte(testBinding), "zendesk", "acme")
		if err != nil {
			t.Fatalf("accepted settings %v do not rewrite: %v", set.Names(), err)
		}
		next, diags := config.Parse(map[string][]byte{"/cfg/deskgate.hcl": []byte(testMain), "/cfg/bindings/acme.hcl": out}, "/cfg/deskgate.hcl")
		if diags.HasErrors() {
			t.Fatalf("accepted settings %v give a file that does not load: %v\n%s", set.Names(), diags, out)
		}
		b := next.Binding("zendesk", "acme")
		if b.PostingMode != in.PostingMode || b.AutoAnalyzeThreshold != in.Threshold {
			t.Fatalf("saved %q/%q, loaded %q/%q", in.PostingMode, in.Threshold, b.PostingMode, b.AutoAnalyzeThreshold)
		}
		if strings.TrimSpace(in.Template) != "" && b.PublicReplyTemplate != in.Template {
			t.Fatalf("template saved %q, loaded %q", in.Template, b.PublicReplyTemplate)
		}
		for _, fi := range in.Fields {
			if b.CustomFields[fi.Key] != fi.Value {
				t.Fatalf("field %s saved %q, loaded %q", fi.Key, fi.Value, b.CustomFields[fi.Key])
			}
		}
	})
}
