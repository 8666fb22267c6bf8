package oauth

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// A desk shaped unlike the first one: a central authorize host with extra
// parameters and no PKCE, client credentials in HTTP Basic, an API base
// found at install time, installations that expire, and no revocation.
type shapedDesk struct {
	sdk.Platform // unused methods panic
	tokenURL     string
	style        sdk.TokenRequestStyle
	params       map[string]string
	maintainErr  error

	mu         sync.Mutex
	installs   []sdk.InstallRequest
	maintains  []sdk.MaintainRequest
	uninstalls []sdk.Credentials
}

var shapedKey = store.BindingKey{Platform: "otherdesk", Name: "support"}

func (p *shapedDesk) Describe(_ context.Context, b *sdk.Binding) (*sdk.Description, error) {
	return &sdk.Description{Name: "otherdesk", ProtocolVersion: sdk.ProtocolVersion,
		AuthorizeURL: "https://auth.desk.invalid/authorize", TokenURL: p.tokenURL, APIBaseURL: "https://api.desk.invalid",
		Scopes: []string{"read", "offline"}, AuthorizeParams: p.params, TokenRequest: p.style,
		CannotRevoke: true, RevokeHelp: "remove the app under Connected apps"}, nil
}

func (p *shapedDesk) Install(_ context.Context, req sdk.InstallRequest) (*sdk.InstallState, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.installs = append(p.installs, req)
	return &sdk.InstallState{Data: []byte("hook-1"), APIBaseURL: "https://api.desk.invalid/ex/site-1",
		MaintainAt: time.Date(2026, 12, 12, 9, 0, 0, 0, time.UTC)}, nil
}

func (p *shapedDesk) Maintain(_ context.Context, req sdk.MaintainRequest) (*sdk.InstallState, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.maintains = append(p.maintains, req)
	if p.maintainErr != nil {
		return nil, p.maintainErr
	}
	st := req.State
	st.Data = []byte("hook-2")
	st.MaintainAt = st.MaintainAt.Add(15 * 24 * time.Hour)
	return &st, nil
}

func (p *shapedDesk) Uninstall(_ context.Context, creds sdk.Credentials, _ sdk.InstallState) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.uninstalls = append(p.uninstalls, creds)
	return nil
}

// newShaped wires a Manager to a shaped desk whose token endpoint records
// how the client authenticated.
func newShaped(t *testing.T, style sdk.TokenRequestStyle, params map[string]string) (*Manager, *shapedDesk, *memStore, *[]string) {
	t.Helper()
	var mu sync.Mutex
	var auth []string
	tokens := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		id, secret, basic := r.BasicAuth()
		mu.Lock()
		switch {
		case basic:
			auth = append(auth, "basic:"+id+":"+secret)
		default:
			auth = append(auth, "body:"+r.PostForm.Get("client_id")+":"+r.PostForm.Get("client_secret"))
		}
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"access_token": "at-1", "refresh_token": "rt-1", "token_type": "bearer", "expires_in": 3600})
	}))
	t.Cleanup(tokens.Close)
	p := &shapedDesk{tokenURL: tokens.URL, style: style, params: params}
	ms := newMemStore()
	cfg := &config.Config{Bindings: []*config.Binding{{Platform: "otherdesk", Name: "support",
		ClientID: "app-id", ClientSecret: "app-secret"}}}
	m := New(Options{Store: ms, Config: func() *config.Config { return cfg }, Platforms: fakePlatforms{p},
		PublicURL: "https://gw.example", Now: func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }})
	return m, p, ms, &auth
}

// connectShaped runs ConnectURL and the callback with a code, and returns
// the authorize URL's query.
func connectShaped(t *testing.T, m *Manager) url.Values {
	t.Helper()
	u, err := m.ConnectURL(context.Background(), shapedKey)
	if err != nil {
		t.Fatalf("ConnectURL: %v", err)
	}
	pu, _ := url.Parse(u.URL)
	q := pu.Query()
	if _, out := m.Callback(context.Background(), url.Values{"state": {q.Get("state")}, "code": {"code-1"}}, u.BrowserProof); out != Connected {
		t.Fatalf("callback ended %s, want connected", out)
	}
	return q
}

func TestDeskShape_authorizeParamsNoPKCEAndBasicClientAuth(t *testing.T) {
	m, p, _, auth := newShaped(t, sdk.TokenRequestFormBasic, map[string]string{"audience": "api.desk.invalid", "prompt": "consent"})
	q := connectShaped(t, m)
	if q.Get("audience") != "api.desk.invalid" || q.Get("prompt") != "consent" {
		t.Errorf("authorize URL lacks the plugin's parameters: %v", q)
	}
	if q.Get("code_challenge") != "" || q.Get("code_challenge_method") != "" {
		t.Errorf("authorize URL carries PKCE for a desk without it: %v", q)
	}
	if q.Get("client_id") != "app-id" || q.Get("scope") != "read offline" {
		t.Errorf("authorize URL client_id/scope = %q/%q", q.Get("client_id"), q.Get("scope"))
	}
	if len(*auth) != 1 || (*auth)[0] != "basic:app-id:app-secret" {
		t.Errorf("token exchange authenticated as %v, want HTTP Basic", *auth)
	}
	if len(p.installs) != 1 || p.installs[0].Client.ID != "app-id" || p.installs[0].Client.Secret != "app-secret" {
		t.Fatalf("Install got client %v, want the binding's", p.installs)
	}
	if p.installs[0].Credentials.APIBaseURL != "https://api.desk.invalid" {
		t.Errorf("Install's API base = %q, want Describe's", p.installs[0].Credentials.APIBaseURL)
	}
}

func TestDeskShape_formStyleSendsClientInBody(t *testing.T) {
	m, _, _, auth := newShaped(t, sdk.TokenRequestForm, nil)
	connectShaped(t, m)
	if len(*auth) != 1 || (*auth)[0] != "body:app-id:app-secret" {
		t.Errorf("token exchange authenticated as %v, want the form body", *auth)
	}
}

func TestDeskShape_jsonTokenRequestsAndReservedParamsAreRefused(t *testing.T) {
	for _, tc := range []struct {
		name   string
		style  sdk.TokenRequestStyle
		params map[string]string
		want   string
	}{
		{"a JSON token request style is refused before the admin is sent away", sdk.TokenRequestJSON, nil, "json"},
		{"an authorize parameter the gateway sets itself is refused", sdk.TokenRequestForm, map[string]string{"redirect_uri": "https://evil.example"}, "redirect_uri"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, _, _, _ := newShaped(t, tc.style, tc.params)
			_, err := m.ConnectURL(context.Background(), shapedKey)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("ConnectURL error = %v, want one naming %q", err, tc.want)
			}
		})
	}
}

func TestDeskShape_callsAfterInstallUseTheStatesAPIBase(t *testing.T) {
	m, _, _, _ := newShaped(t, sdk.TokenRequestForm, nil)
	connectShaped(t, m)
	creds, err := m.Credentials(context.Background(), shapedKey)
	if err != nil || creds.APIBaseURL != "https://api.desk.invalid/ex/site-1" {
		t.Fatalf("Credentials = %v, %v; want the base Install found", creds, err)
	}
	fresh, err := m.RefreshAfterAuthError(context.Background(), shapedKey, creds)
	if err != nil || fresh.APIBaseURL != "https://api.desk.invalid/ex/site-1" {
		t.Fatalf("RefreshAfterAuthError = %v, %v; want the base Install found", fresh, err)
	}
}

func TestDeskShape_maintainReplacesTheStateOrLeavesItOnError(t *testing.T) {
	m, p, ms, _ := newShaped(t, sdk.TokenRequestForm, nil)
	connectShaped(t, m)
	ctx := context.Background()
	due := time.Date(2026, 12, 12, 9, 0, 0, 0, time.UTC)

	if did, err := m.Maintain(ctx, shapedKey, due.Add(-time.Hour)); did || err != nil {
		t.Fatalf("Maintain before the state's time = %v, %v; want nothing done", did, err)
	}
	did, err := m.Maintain(ctx, shapedKey, due)
	if !did || err != nil {
		t.Fatalf("Maintain = %v, %v", did, err)
	}
	req := p.maintains[0]
	if req.Client.Secret != "app-secret" || req.Binding.Name != "support" || string(req.State.Data) != "hook-1" ||
		req.Credentials.AccessToken != "at-1" || req.Credentials.APIBaseURL != "https://api.desk.invalid/ex/site-1" {
		t.Errorf("Maintain got %+v, want the client, binding, state and fresh credentials", req)
	}
	b, _ := ms.GetBinding(ctx, shapedKey)
	if string(b.Install.Data) != "hook-2" || !b.Install.MaintainAt.Equal(due.Add(15*24*time.Hour)) || b.Install.APIBaseURL == "" {
		t.Errorf("stored state after Maintain = %q due %v base %q", b.Install.Data, b.Install.MaintainAt, b.Install.APIBaseURL)
	}
	if did, _ := m.Maintain(ctx, shapedKey, due); did {
		t.Error("a second job for the same time maintained again")
	}

	p.maintainErr = sdk.Errorf(sdk.KindUnsupported, "no maintenance here")
	_, err = m.Maintain(ctx, shapedKey, due.Add(15*24*time.Hour))
	if !sdk.IsKind(err, sdk.KindUnsupported) {
		t.Fatalf("Maintain error = %v, want KindUnsupported kept", err)
	}
	if b2, _ := ms.GetBinding(ctx, shapedKey); string(b2.Install.Data) != "hook-2" {
		t.Errorf("a failed Maintain changed the state to %q", b2.Install.Data)
	}
}

func TestDeskShape_disconnectWithoutRevocationSaysSo(t *testing.T) {
	m, p, ms, _ := newShaped(t, sdk.TokenRequestForm, nil)
	connectShaped(t, m)
	res, err := m.Disconnect(context.Background(), shapedKey)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Uninstalled || res.Revoked || res.RevokeHelp != "remove the app under Connected apps" ||
		strings.Contains(res.Message(), "token revoked") || !strings.Contains(res.Message(), "Connected apps") {
		t.Errorf("Disconnect = %+v (%q), want uninstalled, not revoked, with the help", res, res.Message())
	}
	if len(p.uninstalls) != 1 || p.uninstalls[0].APIBaseURL != "https://api.desk.invalid/ex/site-1" {
		t.Errorf("Uninstall got %v, want the state's API base", p.uninstalls)
	}
	if _, err := ms.GetToken(context.Background(), shapedKey); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("token kept after disconnect: %v", err)
	}
	if b, _ := ms.GetBinding(context.Background(), shapedKey); b.Status != store.StatusInactive {
		t.Errorf("binding status after disconnect = %s", b.Status)
	}
}
