package oauth

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

func TestConnectURL_carriesPKCEAndASingleUseStateBoundToTheBinding(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			s1, err := h.m.ConnectURL(context.Background(), testKey)
			if err != nil {
				t.Fatal(err)
			}
			s2, err := h.m.ConnectURL(context.Background(), testKey)
			if err != nil {
				t.Fatal(err)
			}
			u1 := s1.URL
			p1, _ := url.Parse(u1)
			p2, _ := url.Parse(s2.URL)
			q := p1.Query()
			want := map[string]string{
				"response_type":         "code",
				"client_id":             testClientID,
				"redirect_uri":          h.gateway.URL + "/oauth/callback",
				"scope":                 "read write",
				"code_challenge_method": "S256",
			}
			for k, v := range want {
				if got := q.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
			if p1.Path != "/oauth/authorizations/new" || !strings.HasPrefix(u1, h.desk.URL) {
				t.Errorf("authorize URL %q is not the plugin's authorize endpoint", u1)
			}
			if len(q.Get("code_challenge")) != 43 {
				t.Errorf("code_challenge %q is not an S256 challenge", q.Get("code_challenge"))
			}
			if len(q.Get("state")) < 22 { // 22 base64url characters = 132 bits
				t.Errorf("state %q is shorter than 128 bits", q.Get("state"))
			}
			if q.Get("state") == p2.Query().Get("state") || q.Get("code_challenge") == p2.Query().Get("code_challenge") {
				t.Error("two connect URLs share a state or challenge")
			}
			if strings.Contains(u1, testClientSecret) || q.Has("client_secret") {
				t.Error("authorize URL carries the client secret")
			}
			if s1.BrowserProof != BrowserProof(q.Get("state")) || s1.BrowserProof == s2.BrowserProof || strings.Contains(s1.BrowserProof, q.Get("state")) {
				t.Errorf("browser proof %q: want a hash of this flow's state", s1.BrowserProof)
			}
			st, err := h.store.TakeOAuthState(context.Background(), q.Get("state"), h.clock.Now().Add(9*time.Minute))
			if err != nil {
				t.Fatalf("state not stored for 10 minutes: %v", err)
			}
			if st.Binding != testKey || st.CodeVerifier == "" || strings.Contains(u1, st.CodeVerifier) {
				t.Errorf("stored state = binding %v, verifier kept server side = %v", st.Binding, st.CodeVerifier != "" && !strings.Contains(u1, st.CodeVerifier))
			}
		})
	}
}

func TestConnectURL_rejectsAnUnknownBinding(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			_, err := h.m.ConnectURL(context.Background(), store.BindingKey{Platform: "zendesk", Name: "nope"})
			if !errors.Is(err, ErrUnknownBinding) {
				t.Fatalf("err = %v, want ErrUnknownBinding", err)
			}
		})
	}
}

func TestCallback_installsTheWebhookAndRedirectsToTheBindingPage(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.connect()

			b := h.binding()
			if b.Status != store.StatusActive || !b.InstalledAt.Equal(h.clock.Now()) || b.Install == nil {
				t.Errorf("binding = status %s installed %v install %v, want active, now, set", b.Status, b.InstalledAt, b.Install != nil)
			}
			tok := h.token()
			if tok.AccessToken == "" || tok.RefreshToken == "" || !tok.Expiry.Equal(h.clock.Now().Add(30*time.Minute)) {
				t.Errorf("token: access %v refresh %v expiry %v", tok.AccessToken != "", tok.RefreshToken != "", tok.Expiry)
			}
			if len(h.platform.installs) != 1 {
				t.Fatalf("Install called %d times, want 1", len(h.platform.installs))
			}
			in := h.platform.installs[0]
			if in.WebhookURL != h.gateway.URL+"/hooks/zendesk/acme" {
				t.Errorf("webhook URL = %q", in.WebhookURL)
			}
			if in.Credentials.AccessToken != tok.AccessToken || in.Credentials.APIBaseURL != h.desk.URL {
				t.Errorf("Install got credentials %v, want the stored token and the desk's API", in.Credentials)
			}
			if in.Binding.Attributes["subdomain"] != "acme" {
				t.Errorf("Install got binding %+v", in.Binding)
			}
			for _, a := range []string{"oauth.connect", "install"} {
				if !h.hasAudit(a, store.OutcomeOK, "") {
					t.Errorf("no %s ok audit entry", a)
				}
			}
		})
	}
}

func TestCallback_saysWhyWhenTheFlowCannotFinish(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			tests := []struct {
				name string
				// url returns the callback URL to open, given a harness.
				url  func(h *harness) string
				want Outcome
			}{
				{"user denied consent", func(h *harness) string {
					h.d.DenyNext()
					return h.authorize()
				}, Denied},
				{"state missing", func(h *harness) string {
					return h.gateway.URL + "/oauth/callback?code=abc"
				}, MissingState},
				{"state unknown", func(h *harness) string {
					return h.gateway.URL + "/oauth/callback?code=abc&state=forged"
				}, BadState},
				{"state replayed", func(h *harness) string {
					u := h.authorize()
					if res := h.callback(u); res.status != http.StatusFound {
						h.t.Fatalf("first callback = %d", res.status)
					}
					return u
				}, BadState},
				{"state expired", func(h *harness) string {
					u := h.authorize()
					h.clock.Add(10*time.Minute + time.Second)
					return u
				}, BadState},
				{"code refused by the desk", func(h *harness) string {
					u, _ := url.Parse(h.authorize())
					q := u.Query()
					q.Set("code", "not-a-code")
					u.RawQuery = q.Encode()
					return u.String()
				}, ExchangeFailed},
				{"binding removed from the config meanwhile", func(h *harness) string {
					u := h.authorize()
					h.cfg.Store(&config.Config{})
					return u
				}, UnknownBinding},
				{"callback opened in a browser that did not start the flow", func(h *harness) string {
					u := h.authorize()
					h.proofs.Clear() // this browser has no flow cookie
					return u
				}, OtherBrowser},
				{"callback with the proof of another flow", func(h *harness) string {
					mine := h.authorize()
					theirs, _ := url.Parse(h.authorize())
					h.proofs.Range(func(state, _ any) bool { // each browser holds only its own proof
						h.proofs.Store(state, BrowserProof(theirs.Query().Get("state")))
						return true
					})
					return mine
				}, OtherBrowser},
				{"desk error other than denial", func(h *harness) string {
					u, _ := url.Parse(h.authorize())
					q := u.Query()
					q.Del("code")
					q.Set("error", "<script>alert(1)</script>")
					u.RawQuery = q.Encode()
					return u.String()
				}, DeskError},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					h := newHarness(t, harnessOptions{env: e})
					u := tt.url(h)
					installsBefore := len(h.platform.installs)
					res := h.callback(u)
					if got := strings.TrimSpace(res.body); res.status != http.StatusBadRequest || got != tt.want.String() {
						t.Errorf("callback = %d %q, want outcome %q", res.status, got, tt.want)
					}
					if len(h.platform.installs) != installsBefore {
						t.Error("a failed callback called Install")
					}
					if !h.hasAudit("oauth.connect", store.OutcomeError, "") {
						t.Error("failure not audited")
					}
				})
			}
		})
	}
}

func TestCallback_deniedConsentStoresNoToken(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.d.DenyNext()
			h.callback(h.authorize())
			if _, err := h.store.GetToken(context.Background(), testKey); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("GetToken after denial: %v, want ErrNotFound", err)
			}
			if h.counter.exchange.Load() != 0 {
				t.Error("a denied authorization reached the token endpoint")
			}
		})
	}
}

func TestCallback_installFailureLeavesNothingInstalled(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.platform.installErr = sdk.Errorf(sdk.KindPermanent, "create webhook: 403 Forbidden (trial limit)")
			res := h.callback(h.authorize())

			if got := strings.TrimSpace(res.body); res.status != http.StatusBadRequest || got != InstallFailed.String() {
				t.Errorf("callback = %d %q, want outcome %q", res.status, got, InstallFailed)
			}
			if _, err := h.store.GetToken(context.Background(), testKey); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("token left behind after failed install (GetToken: %v)", err)
			}
			b := h.binding()
			if b.Status != store.StatusInactive || b.Install != nil || !strings.Contains(b.LastError, "trial limit") {
				t.Errorf("binding = %s install %v last error %q, want inactive, none, the cause", b.Status, b.Install != nil, b.LastError)
			}
			if !h.hasAudit("install", store.OutcomeError, "permanent") {
				t.Errorf("install failure not audited with its kind: %+v", h.audits())
			}
		})
	}
}

func TestCallback_reconnectKeepsTheExistingInstall(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.connect()
			if err := h.store.SetStatus(context.Background(), testKey, store.StatusNeedsReconnect, "refresh token refused"); err != nil {
				t.Fatal(err)
			}
			first := h.token()
			h.connect()

			if n := len(h.platform.installs); n != 1 {
				t.Errorf("Install called %d times, want 1 (a reconnect must not register a second webhook)", n)
			}
			b := h.binding()
			if b.Status != store.StatusActive || b.LastError != "" || b.Install == nil {
				t.Errorf("binding after reconnect = %s %q install %v", b.Status, b.LastError, b.Install != nil)
			}
			if tok := h.token(); tok.AccessToken == first.AccessToken || tok.Version <= first.Version {
				t.Error("reconnect did not store the new token")
			}
		})
	}
}

// A callback URL that reaches another browser (forwarded, or planted by an
// attacker who started the flow with their own desk account) changes
// nothing: no code exchange, no token, no install, the binding as it was.
// Its state is used up, so the browser that started the flow must start
// again rather than the leaked URL staying good for a second try.
func TestCallback_fromAnotherBrowserChangesNothingAndSpendsTheState(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			u := h.authorize()
			res := h.callbackWith(u, "")
			if got := strings.TrimSpace(res.body); got != OtherBrowser.String() {
				t.Fatalf("callback without the proof = %d %q, want %s", res.status, got, OtherBrowser)
			}
			if h.counter.exchange.Load() != 0 || len(h.platform.installs) != 0 {
				t.Errorf("another browser's callback reached the token endpoint (%d) or Install (%d)", h.counter.exchange.Load(), len(h.platform.installs))
			}
			if _, err := h.store.GetToken(context.Background(), testKey); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("GetToken = %v, want ErrNotFound", err)
			}
			if b, err := h.store.GetBinding(context.Background(), testKey); err == nil && b.Status == store.StatusActive {
				t.Error("the binding became active")
			}
			if res := h.callback(u); strings.TrimSpace(res.body) != BadState.String() {
				t.Errorf("the starting browser after the state was spent: %q, want %s", res.body, BadState)
			}
			h.connect() // a fresh start works
		})
	}
}
