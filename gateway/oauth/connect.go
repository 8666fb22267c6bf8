package oauth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// ConnectURL starts connecting a binding: it remembers a fresh single-use
// state (with the PKCE verifier, kept server side) for 10 minutes and returns
// the desk's authorize URL to send the admin's browser to.
func (m *Manager) ConnectURL(ctx context.Context, key store.BindingKey) (string, error) {
	info, _, d, err := m.binding(ctx, key, true)
	if err != nil {
		return "", fmt.Errorf("connect %s: %w", key, err)
	}
	if d.AuthorizeURL == "" || d.TokenURL == "" {
		return "", fmt.Errorf("connect %s: plugin described no OAuth endpoints", key)
	}
	state, err := randomState()
	if err != nil {
		return "", fmt.Errorf("connect %s: %w", key, err)
	}
	verifier := oauth2.GenerateVerifier()
	now := m.now()
	err = m.store.PutOAuthState(ctx, state, store.OAuthState{
		Binding:      key,
		CodeVerifier: verifier,
		RedirectURL:  m.redirectURL(),
		CreatedAt:    now,
	}, now.Add(stateTTL))
	if err != nil {
		return "", fmt.Errorf("connect %s: remember OAuth state: %w", key, err)
	}
	var opts []oauth2.AuthCodeOption
	if d.PKCE {
		opts = append(opts, oauth2.S256ChallengeOption(verifier))
	}
	m.log.Info("authorization started", "binding", key.String())
	m.audit(ctx, key, "oauth.connect", store.OutcomeOK, nil, "authorization started; waiting for the desk's callback")
	return m.oauthConfig(info, d).AuthCodeURL(state, opts...), nil
}

// randomState returns 256 random bits, URL-safe.
func randomState() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("generate OAuth state: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// HandleCallback serves GET /oauth/callback: it checks the state, exchanges
// the code (with the PKCE verifier), stores the token, installs the plugin's
// webhook and marks the binding active, then redirects to the binding's page.
// Every failure ends on a small page saying what to do.
func (m *Manager) HandleCallback(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	stateParam := q.Get("state")

	if stateParam == "" {
		m.log.Warn("OAuth callback without state")
		m.audit(ctx, store.BindingKey{}, "oauth.connect", store.OutcomeError, sdk.Errorf(sdk.KindPermanent, "no state"), "OAuth callback without state")
		m.page(w, http.StatusBadRequest, pageMissingState, store.BindingKey{})
		return
	}
	st, err := m.store.TakeOAuthState(ctx, stateParam, m.now())
	if errors.Is(err, store.ErrNotFound) {
		m.log.Warn("OAuth callback with unknown, expired or used state")
		m.audit(ctx, store.BindingKey{}, "oauth.connect", store.OutcomeError, sdk.Errorf(sdk.KindPermanent, "bad state"), "OAuth callback with an unknown, expired or already used state")
		m.page(w, http.StatusBadRequest, pageBadState, store.BindingKey{})
		return
	}
	if err != nil {
		m.log.Error("read OAuth state failed", "error", err)
		m.page(w, http.StatusInternalServerError, pageInternal, store.BindingKey{})
		return
	}
	key := st.Binding

	if e := q.Get("error"); e != "" {
		// The error text comes from the desk: it is recorded only as a
		// short, known code so an attacker cannot fill the audit log.
		code := knownOAuthError(e)
		m.log.Info("authorization not granted", "binding", key.String(), "error", code)
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, sdk.Errorf(sdk.KindPermanent, "authorization %s", code), "authorization not granted by the desk ("+code+")")
		if code == "access_denied" {
			m.page(w, http.StatusBadRequest, pageDenied, key)
		} else {
			m.page(w, http.StatusBadRequest, pageDeskError, key)
		}
		return
	}
	code := q.Get("code")
	if code == "" {
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, sdk.Errorf(sdk.KindPermanent, "no code"), "callback carried no authorization code")
		m.page(w, http.StatusBadRequest, pageDeskError, key)
		return
	}

	status, pg := m.finishConnect(ctx, key, st, code)
	if pg != nil {
		m.page(w, status, *pg, key)
		return
	}
	http.Redirect(w, r, "/bindings/"+url.PathEscape(key.Platform)+"/"+url.PathEscape(key.Name), http.StatusFound)
}

// finishConnect does the part of the callback after the state checked out.
// It returns a page to show, or nil on success.
func (m *Manager) finishConnect(ctx context.Context, key store.BindingKey, st store.OAuthState, code string) (int, *pageData) {
	info, p, d, err := m.binding(ctx, key, false)
	if err != nil {
		err = fmt.Errorf("connect %s: %w", key, err)
		m.log.Error("connect failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, err, err.Error())
		if errors.Is(err, ErrUnknownBinding) {
			return http.StatusNotFound, &pageUnknownBinding
		}
		return http.StatusBadGateway, &pagePlugin
	}
	cfg := m.oauthConfig(info, d)
	cfg.RedirectURL = st.RedirectURL
	var opts []oauth2.AuthCodeOption
	if d.PKCE {
		opts = append(opts, oauth2.VerifierOption(st.CodeVerifier))
	}
	ot, err := cfg.Exchange(m.httpContext(ctx), code, opts...)
	if err != nil {
		err = tokenError("exchange authorization code for "+key.String(), err)
		m.log.Warn("code exchange failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, err, err.Error())
		return http.StatusBadGateway, &pageExchange
	}
	tok := m.storeToken(ot)
	if _, err := m.store.PutToken(ctx, key, tok); err != nil {
		err = fmt.Errorf("connect %s: store token: %w", key, err)
		m.log.Error("connect failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, err, err.Error())
		return http.StatusInternalServerError, &pageInternal
	}
	m.audit(ctx, key, "oauth.connect", store.OutcomeOK, nil, "authorized; token stored ("+expiryString(tok)+")")

	prev, err := m.store.GetBinding(ctx, key)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		err = fmt.Errorf("connect %s: read binding: %w", key, err)
		m.audit(ctx, key, "install", store.OutcomeError, err, err.Error())
		m.dropToken(ctx, key, err)
		return http.StatusInternalServerError, &pageInternal
	}
	now := m.now()
	if prev.Install != nil {
		// A reconnect (after needs_reconnect): the webhook and trigger are
		// still in place and their signing secret is stored; only the
		// grant was replaced. Installing again would register a second
		// webhook.
		if err := m.store.SetStatus(ctx, key, store.StatusActive, ""); err != nil {
			err = fmt.Errorf("connect %s: mark active: %w", key, err)
			m.audit(ctx, key, "oauth.connect", store.OutcomeError, err, err.Error())
			return http.StatusInternalServerError, &pageInternal
		}
		m.log.Info("binding reconnected", "binding", key.String())
		m.audit(ctx, key, "oauth.connect", store.OutcomeOK, nil, "reconnected; existing webhook install kept; binding active")
		return 0, nil
	}

	creds := sdk.Credentials{AccessToken: tok.AccessToken, APIBaseURL: d.APIBaseURL}
	state, err := p.Install(ctx, sdk.InstallRequest{Binding: info.SDK, Credentials: creds, WebhookURL: m.webhookURL(key)})
	if err == nil && state == nil {
		err = sdk.Errorf(sdk.KindPermanent, "plugin returned no install state")
	}
	if err != nil {
		err = fmt.Errorf("install %s: %w", key, err)
		m.log.Warn("install failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "install", store.OutcomeError, err, err.Error())
		m.dropToken(ctx, key, err)
		return http.StatusBadGateway, &pageInstall
	}
	b := prev
	b.Key = key
	b.Status = store.StatusActive
	b.InstalledAt = now
	b.Install = state
	b.LastError = ""
	b.UpdatedAt = now
	if err := m.store.PutBinding(ctx, b); err != nil {
		// The desk has a webhook the gateway cannot verify: undo it so a
		// retry of the connect starts clean.
		err = fmt.Errorf("install %s: store install state: %w", key, err)
		m.log.Error("install could not be recorded; uninstalling", "binding", key.String(), "error", err)
		m.audit(ctx, key, "install", store.OutcomeError, err, err.Error())
		if uerr := p.Uninstall(ctx, creds, *state); uerr != nil {
			m.audit(ctx, key, "install", store.OutcomeError, uerr, "undo of unrecorded install failed: "+uerr.Error())
		}
		m.dropToken(ctx, key, err)
		return http.StatusInternalServerError, &pageInternal
	}
	m.log.Info("binding installed", "binding", key.String(), "webhook", m.webhookURL(key))
	m.audit(ctx, key, "install", store.OutcomeOK, nil, "webhook installed for "+m.webhookURL(key)+summary(state))
	return 0, nil
}

// dropToken undoes a connect that could not finish: no token stays behind
// and the binding stays inactive with the reason.
func (m *Manager) dropToken(ctx context.Context, key store.BindingKey, cause error) {
	ctx = context.WithoutCancel(ctx)
	if err := m.store.DeleteSecrets(ctx, key); err != nil {
		m.log.Error("could not delete token after failed connect", "binding", key.String(), "error", err)
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, err, "could not delete token after failed connect: "+err.Error())
	}
	if err := m.store.SetStatus(ctx, key, store.StatusInactive, cause.Error()); err != nil {
		m.log.Error("could not record failed connect", "binding", key.String(), "error", err)
	}
}

func summary(s *sdk.InstallState) string {
	out := ""
	for _, k := range []string{"webhook_id", "trigger_id"} {
		if v := s.Summary[k]; v != "" {
			out += "; " + k + " " + v
		}
	}
	return out
}

// knownOAuthError maps the desk's error parameter to an RFC 6749 code, or
// "error" for anything else.
func knownOAuthError(e string) string {
	switch e {
	case "access_denied", "invalid_request", "unauthorized_client", "unsupported_response_type",
		"invalid_scope", "server_error", "temporarily_unavailable":
		return e
	}
	return "error"
}
