package oauth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"time"

	"golang.org/x/oauth2"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// The code exchange does not pass expires_in: x/oauth2's refresh cannot pass
// it, so a client that needs it to opt into expiring tokens would get one
// expiring token and then whatever its default is; and opting an old client
// into rotation without a background refresher means a binding quiet for the
// refresh TTL locks itself out. A token without expiry is used until the
// desk refuses it.

// reservedAuthorizeParams are the authorize-URL parameters the gateway sets
// itself; a plugin's Description.AuthorizeParams may not name them.
var reservedAuthorizeParams = map[string]bool{
	"client_id": true, "redirect_uri": true, "response_type": true, "scope": true, "state": true,
	"code_challenge": true, "code_challenge_method": true,
}

// oauthConfig is the x/oauth2 client for a binding, with the token request
// style the plugin described. A style the gateway cannot send is an error
// that says so, before anyone is sent to the desk.
func (m *Manager) oauthConfig(info *config.Binding, d *sdk.Description) (*oauth2.Config, error) {
	var style oauth2.AuthStyle
	switch d.TokenRequest {
	case sdk.TokenRequestForm:
		style = oauth2.AuthStyleInParams
	case sdk.TokenRequestFormBasic:
		style = oauth2.AuthStyleInHeader
	default:
		return nil, sdk.Errorf(sdk.KindPermanent, "the %s plugin wants token requests as %s, which this gateway does not send (it sends form bodies, with the client credentials in the body or in HTTP Basic)", info.Platform, d.TokenRequest)
	}
	return &oauth2.Config{
		ClientID:     info.ClientID,
		ClientSecret: info.ClientSecret,
		Endpoint: oauth2.Endpoint{
			AuthURL:   d.AuthorizeURL,
			TokenURL:  d.TokenURL,
			AuthStyle: style,
		},
		RedirectURL: m.redirectURL(),
		Scopes:      d.Scopes,
	}, nil
}

// authorizeParams turns Description.AuthorizeParams into options for the
// authorize URL, in name order; a parameter the gateway sets itself is
// refused rather than silently overridden.
func authorizeParams(d *sdk.Description) ([]oauth2.AuthCodeOption, error) {
	names := make([]string, 0, len(d.AuthorizeParams))
	for k := range d.AuthorizeParams {
		if reservedAuthorizeParams[k] {
			return nil, sdk.Errorf(sdk.KindPermanent, "the plugin's authorize parameters name %q, which the gateway sets itself", k)
		}
		names = append(names, k)
	}
	sort.Strings(names)
	opts := make([]oauth2.AuthCodeOption, 0, len(names))
	for _, k := range names {
		opts = append(opts, oauth2.SetAuthURLParam(k, d.AuthorizeParams[k]))
	}
	return opts, nil
}

// apiBase is the API base for calls after Install: the one Install found
// (kept in the install state), else the one Describe gave.
func apiBase(d *sdk.Description, b store.Binding) string {
	if b.Install != nil && b.Install.APIBaseURL != "" {
		return b.Install.APIBaseURL
	}
	return d.APIBaseURL
}

func (m *Manager) httpContext(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, m.client)
}

// storeToken converts a token-endpoint answer. Expiry is computed from
// expires_in against the Manager's clock (x/oauth2 uses the wall clock).
func (m *Manager) storeToken(t *oauth2.Token) store.Token {
	st := store.Token{
		AccessToken:  t.AccessToken,
		RefreshToken: t.RefreshToken,
		TokenType:    t.TokenType,
	}
	if t.ExpiresIn > 0 {
		st.Expiry = m.now().Add(secondsDuration(t.ExpiresIn))
	}
	if s, ok := t.Extra("scope").(string); ok {
		st.Scope = s
	}
	return st
}

// tokenError turns a token-endpoint failure into an error that says what
// happened without quoting the response body (which could echo a secret).
// invalid_grant means the grant is gone: ErrNeedsReconnect.
func tokenError(doing string, err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		status := 0
		if re.Response != nil {
			status = re.Response.StatusCode
		}
		code := re.ErrorCode
		if code == "" {
			code = "no error code"
		}
		msg := fmt.Sprintf("%s: token endpoint answered %d (%s)", doing, status, code)
		switch {
		case re.ErrorCode == "invalid_grant":
			return fmt.Errorf("%s: %w", msg, ErrNeedsReconnect)
		case status == http.StatusTooManyRequests || status >= 500:
			return sdk.Retryable(0, "%s", msg)
		default:
			return sdk.Errorf(sdk.KindPermanent, "%s", msg)
		}
	}
	// Transport failures: the URL in them is the token endpoint, never a
	// secret (credentials travel in the body).
	return &sdk.Error{Kind: sdk.KindRetryable, Message: fmt.Sprintf("%s: %v", doing, err)}
}

// Credentials returns the binding's access token, refreshed first when it
// expires within RefreshSkew.
func (m *Manager) Credentials(ctx context.Context, key store.BindingKey) (sdk.Credentials, error) {
	return m.credentials(ctx, key, nil)
}

// CredentialsOf is Credentials for a caller that has just read the binding
// (b, as GetBinding returned it): the binding is not read again (a job's
// worker reads it to decide whether the job runs at all). A binding that
// needs reconnecting gives ErrNeedsReconnect as with Credentials.
func (m *Manager) CredentialsOf(ctx context.Context, key store.BindingKey, b store.Binding) (sdk.Credentials, error) {
	return m.credentials(ctx, key, &b)
}

// credentials is Credentials with the stored binding, when known, passed in.
func (m *Manager) credentials(ctx context.Context, key store.BindingKey, known *store.Binding) (sdk.Credentials, error) {
	d, b, tok, err := m.stored(ctx, key, "credentials for "+key.String(), known)
	if err != nil {
		return sdk.Credentials{}, err
	}
	if !m.fresh(tok) {
		tok, err = m.refresh(ctx, key, tok.Version, "access token expires "+tok.Expiry.UTC().Format("15:04:05"))
		if err != nil {
			return sdk.Credentials{}, err
		}
	}
	return sdk.Credentials{AccessToken: tok.AccessToken, APIBaseURL: apiBase(d, b)}, nil
}

// RefreshAfterAuthError is called after the desk refused `used` (an
// sdk.KindAuthExpired error). It refreshes, unless the stored token is
// already a different one: then someone else refreshed meanwhile and that
// token is returned.
func (m *Manager) RefreshAfterAuthError(ctx context.Context, key store.BindingKey, used sdk.Credentials) (sdk.Credentials, error) {
	d, b, tok, err := m.stored(ctx, key, "refresh "+key.String()+" after auth error", nil)
	if err != nil {
		return sdk.Credentials{}, err
	}
	if tok.AccessToken == used.AccessToken {
		tok, err = m.refresh(ctx, key, tok.Version, "the desk refused the access token")
		if err != nil {
			return sdk.Credentials{}, err
		}
	}
	return sdk.Credentials{AccessToken: tok.AccessToken, APIBaseURL: apiBase(d, b)}, nil
}

// stored returns the binding's description, stored state and token for a
// caller about to use them (doing says what for, in errors). A binding that
// needs reconnecting or was never connected gives ErrNeedsReconnect. known,
// when not nil, is the stored binding as the caller just read it.
func (m *Manager) stored(ctx context.Context, key store.BindingKey, doing string, known *store.Binding) (*sdk.Description, store.Binding, store.Token, error) {
	_, _, d, err := m.binding(ctx, key, false)
	if err != nil {
		return nil, store.Binding{}, store.Token{}, fmt.Errorf("%s: %w", doing, err)
	}
	var b store.Binding
	if known != nil {
		b, err = *known, reconnectNeeded(key, *known)
	} else {
		b, err = m.checkReconnect(ctx, key)
	}
	if err != nil {
		return nil, store.Binding{}, store.Token{}, err
	}
	tok, err := m.store.GetToken(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return nil, store.Binding{}, store.Token{}, fmt.Errorf("%s: not connected: %w", doing, ErrNeedsReconnect)
	}
	if err != nil {
		return nil, store.Binding{}, store.Token{}, fmt.Errorf("%s: read token: %w", doing, err)
	}
	return d, b, tok, nil
}

// fresh reports whether tok can be used without refreshing. A token without
// expiry (some desks' older clients) is used until the desk refuses it.
func (m *Manager) fresh(tok store.Token) bool {
	return tok.Expiry.IsZero() || m.now().Add(m.skew).Before(tok.Expiry)
}

// checkReconnect stops callers early once a binding is known to need
// reconnecting, so a dead grant is not sent to the token endpoint again
// with every job. It returns the stored binding (zero when there is none).
func (m *Manager) checkReconnect(ctx context.Context, key store.BindingKey) (store.Binding, error) {
	b, err := m.store.GetBinding(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return store.Binding{}, nil
	}
	if err != nil {
		return store.Binding{}, fmt.Errorf("read binding %s: %w", key, err)
	}
	return b, reconnectNeeded(key, b)
}

// reconnectNeeded is ErrNeedsReconnect, with the binding's last error, for
// a stored binding that needs reconnecting; nil otherwise.
func reconnectNeeded(key store.BindingKey, b store.Binding) error {
	if b.Status == store.StatusNeedsReconnect {
		return fmt.Errorf("binding %s: %s: %w", key, b.LastError, ErrNeedsReconnect)
	}
	return nil
}

// refresh runs one refresh for key, serialized per binding in-process and,
// with a Locker, across replicas. seen is the token Version the caller
// decided on; if the stored Version moved on while waiting for the lock,
// another caller already refreshed and its token is returned. The rotated
// refresh token is stored before the new access token is handed out: the old
// one is dead as soon as the desk answers.
func (m *Manager) refresh(ctx context.Context, key store.BindingKey, seen int64, why string) (store.Token, error) {
	release, err := m.lock(ctx, key)
	if err != nil {
		return store.Token{}, fmt.Errorf("refresh token for %s: wait for lock: %w", key, err)
	}
	defer release()

	// The caller we waited for may have found the grant dead.
	if _, err := m.checkReconnect(ctx, key); err != nil {
		return store.Token{}, err
	}
	cur, err := m.store.GetToken(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return store.Token{}, fmt.Errorf("refresh token for %s: not connected: %w", key, ErrNeedsReconnect)
	}
	if err != nil {
		return store.Token{}, fmt.Errorf("refresh token for %s: read token: %w", key, err)
	}
	if cur.Version != seen {
		m.log.Debug("token already refreshed by another caller", "binding", key.String(), "version", cur.Version)
		return cur, nil
	}
	if cur.RefreshToken == "" {
		msg := "access token expired or refused and no refresh token was issued (older OAuth client); reconnect the binding"
		return store.Token{}, m.markNeedsReconnect(ctx, key, fmt.Errorf("refresh token for %s: %s: %w", key, msg, ErrNeedsReconnect), msg)
	}

	info, _, d, err := m.binding(ctx, key, false)
	if err != nil {
		return store.Token{}, fmt.Errorf("refresh token for %s: %w", key, err)
	}
	cfg, err := m.oauthConfig(info, d)
	if err != nil {
		return store.Token{}, fmt.Errorf("refresh token for %s: %w", key, err)
	}
	// The desk rotates the refresh token as soon as it answers: a caller
	// giving up half way (job deadline, shutdown) must not make the gateway
	// drop that answer, so the round trip has its own deadline only.
	tctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), refreshTimeout)
	defer cancel()
	// An empty access token makes the token source refresh unconditionally.
	ot, err := cfg.TokenSource(m.httpContext(tctx), &oauth2.Token{RefreshToken: cur.RefreshToken}).Token()
	if err != nil {
		err = tokenError("refresh token for "+key.String(), err)
		if errors.Is(err, ErrNeedsReconnect) {
			msg := "the desk refused the refresh token (invalid_grant: revoked, expired or already rotated); reconnect the binding"
			return store.Token{}, m.markNeedsReconnect(ctx, key, err, msg)
		}
		m.log.Warn("token refresh failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "oauth.refresh", store.OutcomeError, err, err.Error())
		return store.Token{}, err
	}
	nt := m.storeToken(ot)
	if ot.RefreshToken == cur.RefreshToken {
		// x/oauth2 keeps the old refresh token when the answer has none;
		// after a rotating refresh it is dead, so it is kept only to make
		// the next refresh fail cleanly with invalid_grant.
		m.log.Debug("token endpoint returned no new refresh token", "binding", key.String())
	}
	// The old refresh token is already rotated out: this write is the only
	// copy of the grant, so a failed attempt is retried at once.
	var v int64
	for attempt := 0; attempt < 3; attempt++ {
		if v, err = m.store.PutToken(context.WithoutCancel(ctx), key, nt); err == nil {
			break
		}
		m.log.Warn("store rotated token failed", "binding", key.String(), "attempt", attempt+1, "error", err)
	}
	if err != nil {
		err = fmt.Errorf("refresh token for %s: store rotated token: %w", key, err)
		m.log.Error("rotated token could not be stored; binding will need reconnecting", "binding", key.String(), "error", err)
		m.audit(ctx, key, "oauth.refresh", store.OutcomeError, err, err.Error())
		return store.Token{}, err
	}
	nt.Version = v
	m.log.Info("token refreshed", "binding", key.String(), "version", v, "expires", expiryString(nt))
	m.audit(ctx, key, "oauth.refresh", store.OutcomeOK, nil, "token refreshed ("+why+"); new token "+expiryString(nt))
	return nt, nil
}

func (m *Manager) markNeedsReconnect(ctx context.Context, key store.BindingKey, err error, msg string) error {
	m.log.Warn("binding needs reconnecting", "binding", key.String(), "reason", msg)
	if serr := m.store.SetStatus(context.WithoutCancel(ctx), key, store.StatusNeedsReconnect, msg); serr != nil {
		m.log.Error("could not mark binding needs_reconnect", "binding", key.String(), "error", serr)
	}
	m.audit(ctx, key, "oauth.refresh", store.OutcomeError, err, msg)
	return err
}

// lock takes the binding's in-process refresh lock, then the Locker's.
func (m *Manager) lock(ctx context.Context, key store.BindingKey) (func(), error) {
	m.mu.Lock()
	ch := m.locks[key]
	if ch == nil {
		ch = make(chan struct{}, 1)
		m.locks[key] = ch
	}
	m.mu.Unlock()
	select {
	case ch <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if m.locker == nil {
		return func() { <-ch }, nil
	}
	lk, err := m.locker.Lock(ctx, "oauth-refresh:"+key.String(), lockTTL)
	if err != nil {
		<-ch
		return nil, err
	}
	return func() {
		if err := lk.Unlock(context.WithoutCancel(ctx)); err != nil {
			m.log.Warn("release refresh lock failed", "binding", key.String(), "error", err)
		}
		<-ch
	}, nil
}

func expiryString(t store.Token) string {
	if t.Expiry.IsZero() {
		return "does not expire"
	}
	return "expires " + t.Expiry.UTC().Format("2006-01-02T15:04:05Z")
}

func secondsDuration(s int64) time.Duration { return time.Duration(s) * time.Second }

// KeepAlive refreshes an active binding whose access token expired more than
// idle ago. Refreshes otherwise happen only when a job needs the token, and
// a rotating refresh token expires too (after 30 to 90 days at the desks
// supported so far): a
// binding that sees no tickets for that long would lock itself out. The
// caller runs it periodically (e.g. daily with idle = 7 days) for each
// binding; tokens without expiry or refresh token are left alone.
func (m *Manager) KeepAlive(ctx context.Context, key store.BindingKey, idle time.Duration) error {
	b, err := m.store.GetBinding(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("keep %s alive: read binding: %w", key, err)
	}
	if b.Status != store.StatusActive {
		return nil
	}
	tok, err := m.store.GetToken(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("keep %s alive: read token: %w", key, err)
	}
	if tok.Expiry.IsZero() || tok.RefreshToken == "" || !tok.Expiry.Before(m.now().Add(-idle)) {
		return nil
	}
	if _, err := m.refresh(ctx, key, tok.Version, "idle since "+tok.Expiry.UTC().Format("2006-01-02")); err != nil {
		return err
	}
	return nil
}
