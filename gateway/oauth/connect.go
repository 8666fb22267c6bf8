package oauth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"golang.org/x/oauth2"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// Started is an OAuth flow ConnectURL began.
type Started struct {
	URL string // the desk's authorize URL to send the admin's browser to
	// BrowserProof binds the flow to the browser that started it: the web
	// layer keeps it in a short-lived cookie of that browser and hands it
	// back to Callback, which refuses a callback without it. A state that
	// leaked (a shared link, a log) is then useless in another browser.
	BrowserProof string
}

// BrowserProof is what the browser that started the flow for state holds:
// a hash of the state, so the cookie does not carry the state itself.
func BrowserProof(state string) string {
	h := sha256.Sum256([]byte("deskgate-oauth-browser-v1\x00" + state))
	return base64.RawURLEncoding.EncodeToString(h[:])
}

// ConnectURL starts connecting a binding: it remembers a fresh single-use
// state (with the PKCE verifier, kept server side) for StateTTL and returns
// the desk's authorize URL with the proof the starting browser must keep.
func (m *Manager) ConnectURL(ctx context.Context, key store.BindingKey) (Started, error) {
	info, _, d, err := m.binding(ctx, key, true)
	if err != nil {
		return Started{}, fmt.Errorf("connect %s: %w", key, err)
	}
	if d.AuthorizeURL == "" || d.TokenURL == "" {
		return Started{}, fmt.Errorf("connect %s: plugin described no OAuth endpoints", key)
	}
	cfg, err := m.oauthConfig(info, d)
	if err != nil {
		return Started{}, fmt.Errorf("connect %s: %w", key, err)
	}
	opts, err := authorizeParams(d)
	if err != nil {
		return Started{}, fmt.Errorf("connect %s: %w", key, err)
	}
	state := randomState()
	verifier := oauth2.GenerateVerifier()
	now := m.now()
	err = m.store.PutOAuthState(ctx, state, store.OAuthState{
		Binding:      key,
		CodeVerifier: verifier,
		RedirectURL:  m.redirectURL(),
		CreatedAt:    now,
	}, now.Add(StateTTL))
	if err != nil {
		return Started{}, fmt.Errorf("connect %s: remember OAuth state: %w", key, err)
	}
	if d.PKCE {
		opts = append(opts, oauth2.S256ChallengeOption(verifier))
	}
	m.log.Info("authorization started", "binding", key.String())
	m.audit(ctx, key, "oauth.connect", store.OutcomeOK, nil, "authorization started; waiting for the desk's callback")
	return Started{URL: cfg.AuthCodeURL(state, opts...), BrowserProof: BrowserProof(state)}, nil
}

// randomState returns 256 random bits, URL-safe.
func randomState() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go ≥ 1.24)
	return base64.RawURLEncoding.EncodeToString(b)
}

// Outcome is how an OAuth callback ended. The web package turns it into the
// page the admin sees: oauth says what happened, never how it looks.
type Outcome int

const (
	// Connected: token stored, webhook installed (or, on a reconnect,
	// kept) and the binding active.
	Connected         Outcome = iota
	MissingState              // the callback carried no state
	BadState                  // unknown, expired or already used state
	Denied                    // the admin did not grant access at the desk
	DeskError                 // the desk sent another error, or no code
	ExchangeFailed            // the desk refused the authorization code
	UnknownBinding            // the binding left the configuration meanwhile
	PluginUnavailable         // the desk's plugin could not be reached
	InstallFailed             // the webhook could not be registered; nothing left installed
	Failed                    // a store error on the gateway's side; nothing left installed
	// OtherBrowser: the callback came without the proof of the browser
	// that started the flow (another browser, or its cookie expired). The
	// state is used up all the same, so a leaked callback URL cannot be
	// tried again; nothing else changed.
	OtherBrowser
)

var outcomeNames = [...]string{"connected", "missing_state", "bad_state", "denied", "desk_error",
	"exchange_failed", "unknown_binding", "plugin_unavailable", "install_failed", "failed", "other_browser"}

func (o Outcome) String() string {
	if o < 0 || int(o) >= len(outcomeNames) {
		return "outcome(" + strconv.Itoa(int(o)) + ")"
	}
	return outcomeNames[o]
}

// Callback finishes GET /oauth/callback from its query and the browser's
// proof (Started.BrowserProof, "" when the browser has none): it checks the
// state, that the browser is the one that started the flow, exchanges the
// code (with the PKCE verifier), stores the token, installs the plugin's
// webhook and marks the binding active. It returns the binding the state
// named (zero when the state did not check out) and how it ended; every
// failure is logged and audited here.
func (m *Manager) Callback(ctx context.Context, q url.Values, browserProof string) (store.BindingKey, Outcome) {
	stateParam := q.Get("state")
	if stateParam == "" {
		m.log.Warn("OAuth callback without state")
		m.audit(ctx, store.BindingKey{}, "oauth.connect", store.OutcomeError, sdk.Errorf(sdk.KindPermanent, "no state"), "OAuth callback without state")
		return store.BindingKey{}, MissingState
	}
	st, err := m.store.TakeOAuthState(ctx, stateParam, m.now())
	if errors.Is(err, store.ErrNotFound) {
		m.log.Warn("OAuth callback with unknown, expired or used state")
		m.audit(ctx, store.BindingKey{}, "oauth.connect", store.OutcomeError, sdk.Errorf(sdk.KindPermanent, "bad state"), "OAuth callback with an unknown, expired or already used state")
		return store.BindingKey{}, BadState
	}
	if err != nil {
		m.log.Error("read OAuth state failed", "error", err)
		return store.BindingKey{}, Failed
	}
	key := st.Binding
	// The state is taken (used up) before this check: a callback URL that
	// reached another browser is spent, not left for a second try.
	if subtle.ConstantTimeCompare([]byte(browserProof), []byte(BrowserProof(stateParam))) != 1 {
		m.log.Warn("OAuth callback from a browser that did not start the flow", "binding", key.String())
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, sdk.Errorf(sdk.KindPermanent, "other browser"),
			"OAuth callback refused: it came from a browser that did not start the flow (or its cookie expired); the state is used up, nothing was installed")
		return key, OtherBrowser
	}

	if e := q.Get("error"); e != "" {
		// The error text comes from the desk: it is recorded only as a
		// short, known code so an attacker cannot fill the audit log.
		code := knownOAuthError(e)
		m.log.Info("authorization not granted", "binding", key.String(), "error", code)
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, sdk.Errorf(sdk.KindPermanent, "authorization %s", code), "authorization not granted by the desk ("+code+")")
		if code == "access_denied" {
			return key, Denied
		}
		return key, DeskError
	}
	code := q.Get("code")
	if code == "" {
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, sdk.Errorf(sdk.KindPermanent, "no code"), "callback carried no authorization code")
		return key, DeskError
	}
	return key, m.finishConnect(ctx, key, st, code)
}

// finishConnect does the part of the callback after the state checked out.
func (m *Manager) finishConnect(ctx context.Context, key store.BindingKey, st store.OAuthState, code string) Outcome {
	info, p, d, err := m.binding(ctx, key, false)
	if err != nil {
		err = fmt.Errorf("connect %s: %w", key, err)
		m.log.Error("connect failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, err, err.Error())
		if errors.Is(err, ErrUnknownBinding) {
			return UnknownBinding
		}
		return PluginUnavailable
	}
	cfg, err := m.oauthConfig(info, d)
	var ot *oauth2.Token
	if err == nil {
		cfg.RedirectURL = st.RedirectURL
		var opts []oauth2.AuthCodeOption
		if d.PKCE {
			opts = append(opts, oauth2.VerifierOption(st.CodeVerifier))
		}
		ot, err = cfg.Exchange(m.httpContext(ctx), code, opts...)
		if err != nil {
			err = tokenError("exchange authorization code for "+key.String(), err)
		}
	}
	if err != nil {
		m.log.Warn("code exchange failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, err, err.Error())
		return ExchangeFailed
	}
	tok := m.storeToken(ot)
	if _, err := m.store.PutToken(ctx, key, tok); err != nil {
		err = fmt.Errorf("connect %s: store token: %w", key, err)
		m.log.Error("connect failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "oauth.connect", store.OutcomeError, err, err.Error())
		return Failed
	}
	m.audit(ctx, key, "oauth.connect", store.OutcomeOK, nil, "authorized; token stored ("+expiryString(tok)+")")

	prev, err := m.store.GetBinding(ctx, key)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		err = fmt.Errorf("connect %s: read binding: %w", key, err)
		m.audit(ctx, key, "install", store.OutcomeError, err, err.Error())
		m.dropToken(ctx, key, err)
		return Failed
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
			return Failed
		}
		m.log.Info("binding reconnected", "binding", key.String())
		m.audit(ctx, key, "oauth.connect", store.OutcomeOK, nil, "reconnected; existing webhook install kept; binding active")
		return Connected
	}

	creds := sdk.Credentials{AccessToken: tok.AccessToken, APIBaseURL: d.APIBaseURL}
	state, err := p.Install(ctx, sdk.InstallRequest{Binding: info.SDK(), Credentials: creds, WebhookURL: m.webhookURL(key),
		Client: sdk.OAuthClient{ID: info.ClientID, Secret: info.ClientSecret}})
	if err == nil && state == nil {
		err = sdk.Errorf(sdk.KindPermanent, "plugin returned no install state")
	}
	if err != nil {
		err = fmt.Errorf("install %s: %w", key, err)
		m.log.Warn("install failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "install", store.OutcomeError, err, err.Error())
		m.dropToken(ctx, key, err)
		return InstallFailed
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
		creds.APIBaseURL = apiBase(d, b)
		if uerr := p.Uninstall(ctx, creds, *state); uerr != nil {
			m.audit(ctx, key, "install", store.OutcomeError, uerr, "undo of unrecorded install failed: "+uerr.Error())
		}
		m.dropToken(ctx, key, err)
		return Failed
	}
	m.log.Info("binding installed", "binding", key.String(), "webhook", m.webhookURL(key))
	m.audit(ctx, key, "install", store.OutcomeOK, nil, "webhook installed for "+m.webhookURL(key)+summary(state)+maintainSummary(state))
	return Connected
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

// maintainSummary says when an installation that expires is next
// maintained.
func maintainSummary(s *sdk.InstallState) string {
	if s.MaintainAt.IsZero() {
		return ""
	}
	return "; maintenance due " + s.MaintainAt.UTC().Format(time.RFC3339)
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
