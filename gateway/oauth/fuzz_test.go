package oauth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
)

// FuzzHandleCallback feeds arbitrary query strings to the callback: whatever
// arrives, it answers a 4xx/502 page (never a redirect, never a 5xx of its
// own making), echoes nothing from the request, and installs nothing.
func FuzzHandleCallback(f *testing.F) {
	for _, s := range []string{
		"", "state=known", "state=known&code=abc", "state=known&error=access_denied",
		"state=&code=", "code=abc", "state=known&error=%3Cb%3E&error_description=x",
		"state=known&state=other&code=a&code=b", "%zz", "state=known&code=" + strings.Repeat("A", 5000),
	} {
		f.Add(s)
	}
	h := newHarness(f, harnessOptions{})
	f.Fuzz(func(t *testing.T, rawQuery string) {
		ctx := context.Background()
		if err := h.store.PutOAuthState(ctx, "known", store.OAuthState{Binding: testKey, CodeVerifier: "v", RedirectURL: h.gateway.URL + "/oauth/callback"}, h.clock.Now().Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest(http.MethodGet, "/oauth/callback", nil)
		r.URL.RawQuery = rawQuery
		w := httptest.NewRecorder()
		h.m.HandleCallback(w, r)
		switch w.Code {
		case http.StatusBadRequest, http.StatusBadGateway:
		default:
			t.Fatalf("query %q: status %d", rawQuery, w.Code)
		}
		body := w.Body.String()
		if !strings.HasPrefix(body, "<!doctype html>") {
			t.Fatalf("query %q: not a page: %q", rawQuery, body)
		}
		if len(rawQuery) > 8 && strings.Contains(body, rawQuery) {
			t.Fatalf("query %q echoed in the page", rawQuery)
		}
		if len(h.platform.installs) != 0 {
			t.Fatalf("query %q reached Install", rawQuery)
		}
	})
}
