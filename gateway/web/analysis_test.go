package web

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
)

// analysisServer serves analyses of two bindings, acme (public pages) and
// internal (analysis_access = "admin"), at the clock now.
func analysisServer(t *testing.T, now time.Time) (*httptest.Server, *store.SQLite) {
	t.Helper()
	main := strings.Replace(testMain, "  admin_token", "  analysis_retention = 7\n  admin_token", 1)
	bindings := testBinding + `
binding "zendesk" "internal" {
  project         = "checkout"
  subdomain       = "internal"
  analysis_access = "admin"
}
`
	cfg, diags := config.Parse(map[string][]byte{"/cfg/deskgate.hcl": []byte(main), "/cfg/bindings/acme.hcl": []byte(bindings)}, "/cfg/deskgate.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	box, err := store.NewBox(bytes.Repeat([]byte{7}, 32))
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "web.db"), box)
	if err != nil {
		t.Fatal(err)
	}
	s := New(Options{Config: func() *config.Config { return cfg }, Store: st, Auth: NewAuth(AuthOptions{Token: testToken, PublicURL: "http://127.0.0.1:8080", Sessions: st, Audit: st}), Now: func() time.Time { return now }})
	mux := http.NewServeMux()
	s.Register(mux)
	srv := httptest.NewServer(mux)
	t.Cleanup(func() { srv.Close(); st.Close() })
	return srv, st
}

func TestAnalysisPage_isPublicMaskedExpiresAndCanRequireTheAdmin(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	srv, st := analysisServer(t, now)
	body := []byte(`{"ticket_id":"42","subject":"down, mail me at dana@example.com","severity":"high",` +
		`"templates":[{"pattern":"charge failed","samples":["{\"password\":\"hunter2xyz\",\"msg\":\"charge failed\"}"]}]}`)
	for _, a := range []store.Analysis{
		{ID: "fresh", Binding: "zendesk/acme", TicketID: "42", CreatedAt: now.Add(-6 * 24 * time.Hour), Body: body},
		{ID: "old", Binding: "zendesk/acme", TicketID: "42", CreatedAt: now.Add(-8 * 24 * time.Hour), Body: body},
		{ID: "private", Binding: "zendesk/internal", TicketID: "43", CreatedAt: now, Body: body},
	} {
		if err := st.PutAnalysis(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	get := func(path string, hdr map[string]string) (*http.Response, string) {
		req, _ := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		_, _ = b.ReadFrom(resp.Body)
		return resp, b.String()
	}
	bearer := map[string]string{"Authorization": "Bearer " + testToken}
	tests := []struct {
		name, path string
		hdr        map[string]string
		status     int
		want       string
	}{
		{"a fresh analysis is shown to anyone with the link", "/analyses/fresh", nil, http.StatusOK, "Ticket 42"},
		{"an expired one answers 410 with a page saying so", "/analyses/old", nil, http.StatusGone, "expired"},
		{"an unknown one answers 404", "/analyses/nope", nil, http.StatusNotFound, "not found"},
		{"an admin-only one sends strangers to the login", "/analyses/private", nil, http.StatusSeeOther, ""},
		{"an admin-only one is shown to the admin", "/analyses/private", bearer, http.StatusOK, "Ticket 42: down, mail me at &lt;email&gt;"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, page := get(tt.path, tt.hdr)
			if resp.StatusCode != tt.status || !strings.Contains(page, tt.want) {
				t.Fatalf("GET %s = %d, want %d with %q:\n%.400s", tt.path, resp.StatusCode, tt.status, tt.want, page)
			}
			if tt.status == http.StatusSeeOther && !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
				t.Errorf("redirects to %q, want the login page", resp.Header.Get("Location"))
			}
			for h, want := range map[string]string{"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
				if got := resp.Header.Get(h); got != want {
					t.Errorf("%s = %q, want %q", h, got, want)
				}
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
				t.Errorf("Content-Security-Policy = %q", csp)
			}
			for _, leak := range []string{"dana@example.com", "hunter2xyz"} {
				if strings.Contains(page, leak) {
					t.Errorf("page shows %q", leak)
				}
			}
		})
	}
}
