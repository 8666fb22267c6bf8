package oauth

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
)

// FuzzCallback feeds arbitrary query strings to the callback: whatever
// arrives, it ends in one of the outcomes a forged or broken callback can
// have (never Connected, never a failure of the gateway's own making), and
// installs nothing. What the page shows is the web package's (its fuzz test
// checks that nothing from the request is echoed).
func FuzzCallback(f *testing.F) {
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
		q, _ := url.ParseQuery(rawQuery) // what net/http hands the handler, even for a malformed query
		_, outcome := h.m.Callback(ctx, q, BrowserProof("known"))
		switch outcome {
		case MissingState, BadState, Denied, DeskError, ExchangeFailed:
		default:
			t.Fatalf("query %q: outcome %s", rawQuery, outcome)
		}
		if len(h.platform.installs) != 0 {
			t.Fatalf("query %q reached Install", rawQuery)
		}
	})
}
