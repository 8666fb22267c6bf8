package web

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/store"
)

func TestCallback_rendersAPagePerOutcome(t *testing.T) {
	acme := store.BindingKey{Platform: "zendesk", Name: "acme"}
	for _, tc := range []struct {
		name       string
		key        store.BindingKey
		outcome    oauth.Outcome
		wantStatus int
		wantText   string
	}{
		{"connected redirects to the binding", acme, oauth.Connected, http.StatusFound, ""},
		{"missing state", store.BindingKey{}, oauth.MissingState, http.StatusBadRequest, "Link incomplete"},
		{"bad state", store.BindingKey{}, oauth.BadState, http.StatusBadRequest, "expired or already used"},
		{"denied", acme, oauth.Denied, http.StatusBadRequest, "Access not granted"},
		{"desk error", acme, oauth.DeskError, http.StatusBadRequest, "did not return an authorization"},
		{"code refused", acme, oauth.ExchangeFailed, http.StatusBadGateway, "did not accept the authorization code"},
		{"binding gone", acme, oauth.UnknownBinding, http.StatusNotFound, "no longer in deskgate"},
		{"plugin down", acme, oauth.PluginUnavailable, http.StatusBadGateway, "plugin could not be reached"},
		{"install failed", acme, oauth.InstallFailed, http.StatusBadGateway, "Install failed"},
		{"gateway failure", acme, oauth.Failed, http.StatusInternalServerError, "Something went wrong"},
		{"another browser", acme, oauth.OtherBrowser, http.StatusBadRequest, "started in a different browser"},
		{"unknown outcome", acme, oauth.Outcome(99), http.StatusInternalServerError, "Something went wrong"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := newTestServer(t)
			ts.connector.callbackKey, ts.connector.outcome = tc.key, tc.outcome
			resp, body := ts.request(t, "GET", "/oauth/callback?state=s&code=c&error=%3Cscript%3Ealert(1)%3C/script%3E", nil, nil)
			if resp.StatusCode != tc.wantStatus || !strings.Contains(body, tc.wantText) {
				t.Fatalf("callback = %d, body:\n%s\nwant %d containing %q", resp.StatusCode, body, tc.wantStatus, tc.wantText)
			}
			if strings.Contains(body, "<script>") {
				t.Error("page echoes markup from the request")
			}
			switch {
			case tc.outcome == oauth.Connected:
				if loc := resp.Header.Get("Location"); loc != "/bindings/zendesk/acme" {
					t.Errorf("redirect to %q, want the binding's page", loc)
				}
			case tc.key == (store.BindingKey{}):
				if strings.Contains(body, "Binding:") || !strings.Contains(body, `href="/">Back to deskgate`) {
					t.Errorf("a page without a binding names one or lacks the way back:\n%s", body)
				}
			default:
				if !strings.Contains(body, "<code>zendesk/acme</code>") || !strings.Contains(body, `href="/bindings/zendesk/acme">Back to the binding`) {
					t.Errorf("page does not name the binding or link back to it:\n%s", body)
				}
			}
		})
	}
}

func TestCallback_everyFailureHasItsOwnPage(t *testing.T) {
	for o := oauth.MissingState; o <= oauth.OtherBrowser; o++ {
		if _, ok := callbackPages[o]; !ok {
			t.Errorf("outcome %s has no page", o)
		}
	}
}

// The browser that starts a flow at /connect keeps a proof of its state; the
// callback hands that browser's proof (and no other) to the OAuth manager,
// and clears the cookie.
func TestConnect_bindsTheFlowToTheBrowserThatStartedIt(t *testing.T) {
	ts := newTestServer(t)
	resp, _ := ts.request(t, "GET", "/connect/zendesk/acme", nil, ts.loggedIn(t))
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("/connect: %d", resp.StatusCode)
	}
	proof := oauth.BrowserProof("s1")
	var flow *http.Cookie
	for _, c := range resp.Cookies() {
		if strings.HasPrefix(c.Name, flowCookiePrefix) {
			flow = c
		}
	}
	if flow == nil || flow.Value != proof || flow.Value == "s1" || !flow.HttpOnly || flow.SameSite != http.SameSiteLaxMode ||
		flow.MaxAge != int(oauth.StateTTL/time.Second) {
		t.Fatalf("flow cookie %+v: want HttpOnly, SameSite=Lax, %s, holding the proof (not the state)", flow, oauth.StateTTL)
	}

	ts.connector.outcome = oauth.OtherBrowser
	resp, body := ts.request(t, "GET", "/oauth/callback?state=s1&code=c", nil, nil)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Opened in another browser") {
		t.Errorf("a callback from another browser: %d:\n%s", resp.StatusCode, body)
	}
	ts.connector.outcome = oauth.Connected
	ts.connector.callbackKey = store.BindingKey{Platform: "zendesk", Name: "acme"}
	resp, _ = ts.request(t, "GET", "/oauth/callback?state=s1&code=c", nil, map[string]string{"Cookie": flow.Name + "=" + flow.Value})
	if resp.StatusCode != http.StatusFound {
		t.Errorf("the starting browser's callback: %d", resp.StatusCode)
	}
	cleared := false
	for _, c := range resp.Cookies() {
		cleared = cleared || c.Name == flow.Name && c.MaxAge < 0
	}
	if !cleared {
		t.Errorf("the callback did not clear the flow cookie")
	}
	if want := []string{"", proof}; !slices.Equal(ts.connector.proofs, want) {
		t.Errorf("proofs handed to the manager = %q, want %q", ts.connector.proofs, want)
	}
}
