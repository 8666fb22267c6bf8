package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/store"
)

const (
	loginCSRFCookie = "deskgate_login_csrf"
	// DefaultSessionIdle ends a session nobody used for this long.
	DefaultSessionIdle = 12 * time.Hour
	// DefaultSessionLifetime ends every session this long after login,
	// used or not.
	DefaultSessionLifetime = 7 * 24 * time.Hour
	// touchEvery is how stale a session's last-seen time may get before a
	// request writes it again: the idle expiry is that coarse, and a page
	// view does not cost a store write.
	touchEvery = time.Minute
)

// AuthOptions configure an Auth.
type AuthOptions struct {
	Token string // the admin token
	// PublicURL is the gateway's external base URL: its origin is the one
	// a form post may come from, and https makes the cookies Secure.
	PublicURL string
	// Sessions keeps the login sessions; with a shared backend (Redis) a
	// session works on every replica and a logout revokes it on all.
	Sessions store.Sessions
	// Audit records login throttling (once per address and window); nil
	// logs only.
	Audit  store.Audit
	Logger hclog.Logger
	Now    func() time.Time
	// Idle and Lifetime bound a session; defaults DefaultSessionIdle and
	// DefaultSessionLifetime.
	Idle, Lifetime time.Duration
}

// Auth authenticates admins. Tools send `Authorization: Bearer <token>`;
// the web UI logs in once with the token and then carries a session cookie.
//
// The session cookie holds a random id; the store keeps only its HMAC under
// the admin token (so a new token ends every old session),
// with an idle and an absolute expiry, and a logout deletes it. The cookie
// is SameSite=Strict, HttpOnly, and Secure (with the __Host- prefix) when
// public_url is https: a cross-site request never carries it. The price is
// that a navigation that started on another site (the desk's OAuth consent
// redirecting back through /oauth/callback) arrives without it; Page
// answers such a request with a same-site "continue" page instead of the
// login form, and the navigation it triggers does carry the cookie.
//
// The cookie is accepted by the admin pages only, never by /api/: the API
// authenticates with the bearer token alone, so no other site can drive it
// through the browser of a logged-in admin. Every state-changing form
// carries a CSRF token bound to the session and is refused when its Origin
// is another site's, so the cookie's SameSite mode is not the only guard.
//
// Failed token checks (form and bearer) are throttled per client address
// (throttle.go).
type Auth struct {
	token          []byte
	secure         bool
	origin         string // scheme://host[:port] of public_url
	sessions       store.Sessions
	audit          store.Audit
	log            hclog.Logger
	now            func() time.Time
	idle, lifetime time.Duration
	throttle       *throttle
}

// NewAuth returns an Auth.
func NewAuth(o AuthOptions) *Auth {
	a := &Auth{token: []byte(o.Token), sessions: o.Sessions, audit: o.Audit, log: o.Logger, now: o.Now,
		idle: o.Idle, lifetime: o.Lifetime, throttle: newThrottle()}
	if u, err := url.Parse(o.PublicURL); err == nil && u.Host != "" {
		a.secure = u.Scheme == "https"
		a.origin = u.Scheme + "://" + u.Host
	}
	if a.log == nil {
		a.log = hclog.NewNullLogger()
	}
	a.log = a.log.Named("gateway.web.auth")
	if a.now == nil {
		a.now = time.Now
	}
	if a.idle <= 0 {
		a.idle = DefaultSessionIdle
	}
	if a.lifetime <= 0 {
		a.lifetime = DefaultSessionLifetime
	}
	return a
}

// sessionCookie is the session cookie's name: with Secure cookies the
// __Host- prefix also stops a sibling subdomain from planting one.
func (a *Auth) sessionCookie() string {
	if a.secure {
		return "__Host-deskgate_session"
	}
	return "deskgate_session"
}

// principal is who an admin request was authenticated as.
type principal struct {
	bearer    bool   // the token itself, not a browser session
	sessionID string // the session cookie's value when !bearer
}

type principalKey struct{}

func principalOf(r *http.Request) principal {
	p, _ := r.Context().Value(principalKey{}).(principal)
	return p
}

// errThrottled is a token check refused, unchecked, because the client
// address failed too often; Retry is how long it must wait.
type errThrottled struct{ Retry time.Duration }

func (e *errThrottled) Error() string {
	return fmt.Sprintf("too many failed admin logins from this address; retry in %s", e.Retry)
}

// retryAfter is the Retry-After value: whole seconds, rounded up.
func (e *errThrottled) retryAfter() string {
	return strconv.FormatInt(int64((e.Retry+time.Second-1)/time.Second), 10)
}

// errBadToken is a token that is not the admin token.
var errBadToken = errors.New("not the admin token")

// checkToken compares a presented token with the admin token in constant
// time, throttled per client address: a locked-out address gets
// errThrottled without the token being looked at.
func (a *Auth) checkToken(ctx context.Context, r *http.Request, tok string) error {
	addr := clientAddr(r)
	now := a.now()
	if wait := a.throttle.wait(addr, now); wait > 0 {
		return &errThrottled{Retry: wait}
	}
	if len(a.token) > 0 && subtle.ConstantTimeCompare([]byte(tok), a.token) == 1 {
		a.throttle.reset(addr)
		return nil
	}
	f := a.throttle.fail(addr, now)
	a.log.Warn("admin token refused", "client", addr, "failures", f.failures)
	if f.report {
		a.recordThrottle(ctx, addr, f)
	}
	return errBadToken
}

// recordThrottle writes the audit entry for an address that began to be
// throttled; the throttle asks for it at most once per window.
func (a *Auth) recordThrottle(ctx context.Context, addr string, f failure) {
	msg := fmt.Sprintf("%d failed admin logins from %s; its attempts are refused for %s, then for longer after each further failure (recorded once per %s per address)",
		f.failures, addr, f.lock.Round(time.Second), throttleWindow)
	a.log.Warn("admin logins throttled", "client", addr, "failures", f.failures, "lock", f.lock)
	if a.audit == nil {
		return
	}
	e := store.AuditEntry{Time: a.now(), Action: "admin.login.throttled", Outcome: store.OutcomeError, Message: msg}
	if err := a.audit.AppendAudit(context.WithoutCancel(ctx), e); err != nil {
		a.log.Error("audit entry not written", "action", e.Action, "error", err)
	}
}

// bearer reports whether the request carries an Authorization header and
// checks it.
func (a *Auth) bearer(r *http.Request) (present bool, err error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return false, nil
	}
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		tok = "" // counts as a failure like any wrong token
	}
	return true, a.checkToken(r.Context(), r, tok)
}

// sessionKey is what the store keeps for a session id: an HMAC keyed by the
// admin token, so the store never holds the id itself, and rotating the
// admin token (a restart with the new value) ends every session made under
// the old one: their keys are no longer found.
func (a *Auth) sessionKey(id string) string {
	m := hmac.New(sha256.New, a.token)
	m.Write([]byte(id))
	return hex.EncodeToString(m.Sum(nil))
}

// session looks the request's session cookie up. A missing, unknown or
// expired session is ok=false with a nil error; err is the store failing.
// A live session whose last-seen time is stale is touched, which moves its
// idle expiry (never past the absolute one).
func (a *Auth) session(r *http.Request) (id string, ok bool, err error) {
	c, cerr := r.Cookie(a.sessionCookie())
	if cerr != nil || c.Value == "" || a.sessions == nil {
		return "", false, nil
	}
	ctx := r.Context()
	now := a.now()
	h := a.sessionKey(c.Value)
	s, err := a.sessions.GetSession(ctx, h, now)
	if errors.Is(err, store.ErrNotFound) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("read admin session: %w", err)
	}
	end := s.CreatedAt.Add(a.lifetime)
	if !now.Before(end) || !now.Before(s.LastSeenAt.Add(a.idle)) {
		return "", false, nil // the store's expiry is the same; be exact anyway
	}
	if now.Sub(s.LastSeenAt) >= touchEvery {
		s.LastSeenAt = now
		if err := a.sessions.PutSession(ctx, h, s, minTime(now.Add(a.idle), end)); err != nil {
			a.log.Warn("admin session not touched", "error", err) // it still holds until its old expiry
		}
	}
	return c.Value, true, nil
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// Login checks a token typed into the login form and starts a session:
// errThrottled, errBadToken, or a store error.
func (a *Auth) Login(w http.ResponseWriter, r *http.Request, token string) error {
	if err := a.checkToken(r.Context(), r, token); err != nil {
		return err
	}
	if a.sessions == nil {
		return errors.New("start admin session: no session store")
	}
	id := rand.Text() + rand.Text() // 2×26 base32 characters: 260 random bits
	now := a.now()
	s := store.Session{CreatedAt: now, LastSeenAt: now}
	if err := a.sessions.PutSession(r.Context(), a.sessionKey(id), s, minTime(now.Add(a.idle), now.Add(a.lifetime))); err != nil {
		return fmt.Errorf("start admin session: %w", err)
	}
	http.SetCookie(w, &http.Cookie{
		Name: a.sessionCookie(), Value: id, Path: "/",
		HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteStrictMode, MaxAge: int(a.lifetime / time.Second),
	})
	return nil
}

// Logout revokes the request's session in the store and clears the
// cookie: the old cookie value no longer logs anyone in, on any replica.
func (a *Auth) Logout(w http.ResponseWriter, r *http.Request) error {
	http.SetCookie(w, &http.Cookie{Name: a.sessionCookie(), Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteStrictMode})
	c, err := r.Cookie(a.sessionCookie())
	if err != nil || c.Value == "" || a.sessions == nil {
		return nil
	}
	if err := a.sessions.DeleteSession(r.Context(), a.sessionKey(c.Value)); err != nil {
		return fmt.Errorf("revoke admin session: %w", err)
	}
	return nil
}

// LoginCSRF returns the token the login form carries. Before login there is
// no session to bind it to, so it is a random value also set as a cookie
// (double submit): a cross-site form cannot read the cookie to copy it into
// the form.
func (a *Auth) LoginCSRF(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(loginCSRFCookie); err == nil && len(c.Value) == 32 {
		return c.Value
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go ≥ 1.24)
	v := hex.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: loginCSRFCookie, Value: v, Path: "/login",
		HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteStrictMode, MaxAge: 3600})
	return v
}

// CheckLoginCSRF compares the login form's token with its cookie.
func (a *Auth) CheckLoginCSRF(r *http.Request) bool {
	c, err := r.Cookie(loginCSRFCookie)
	v := r.PostFormValue("csrf")
	return err == nil && v != "" && subtle.ConstantTimeCompare([]byte(c.Value), []byte(v)) == 1
}

// API wraps an admin JSON handler. Only the bearer token authenticates: the
// session cookie is refused with 403, so a cross-site form or script riding
// on a logged-in browser cannot reach the API at all. Nothing in the UI
// calls /api/ (its forms post to the page routes).
func (a *Auth) API(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		present, err := a.bearer(r)
		var te *errThrottled
		switch {
		case present && err == nil:
			h(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, principal{bearer: true})))
		case errors.As(err, &te):
			w.Header().Set("Retry-After", te.retryAfter())
			writeJSON(w, http.StatusTooManyRequests, map[string]string{"error": te.Error()})
		case !present && hasCookie(r, a.sessionCookie()):
			writeJSON(w, http.StatusForbidden, map[string]string{
				"error": "the admin API takes the admin token as Authorization: Bearer; the web UI's login cookie is not accepted here"})
		default:
			w.Header().Set("WWW-Authenticate", `Bearer realm="deskgate"`)
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "admin token required"})
		}
	})
}

func hasCookie(r *http.Request, name string) bool {
	_, err := r.Cookie(name)
	return err == nil
}

// continuePage is shown to a cross-site navigation without the cookie. Its
// meta refresh (and the link, for browsers that ignore it) is a same-site
// navigation, so the Strict cookie is sent; when there is no session the
// second request goes to the login page as usual. A meta refresh is not a
// script, so the page's CSP allows no script at all.
var continuePage = template.Must(template.New("continue").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0; url={{.}}"><title>Continue · deskgate</title>
<link rel="stylesheet" href="/static/style.css"></head><body><main id="main">
<h1>Back at deskgate</h1><p><a class="btn" href="{{.}}">Continue</a></p></main></body></html>
`))

// Page wraps an admin page: without a session the browser is sent to the
// login page and comes back afterwards. A cross-site navigation without
// the cookie gets the continue page instead, so coming back from the desk's
// consent does not ask for the token again. Only pages that merely show
// something use Page; see Start.
func (a *Auth) Page(h http.HandlerFunc) http.Handler { return a.page(h, true) }

// Start wraps a GET that starts something (GET /connect starts an OAuth
// flow). It never shows the continue page: that page turns a cross-site
// navigation into a same-site one, which must not happen for a link another
// site could plant. Without the cookie it goes to the login page.
func (a *Auth) Start(h http.HandlerFunc) http.Handler { return a.page(h, false) }

func (a *Auth) page(h http.HandlerFunc, allowContinue bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		present, err := a.bearer(r)
		var te *errThrottled
		if errors.As(err, &te) {
			w.Header().Set("Retry-After", te.retryAfter())
			writeSecurityHeaders(w.Header())
			http.Error(w, te.Error(), http.StatusTooManyRequests)
			return
		}
		if present && err == nil {
			h(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, principal{bearer: true})))
			return
		}
		id, ok, err := a.session(r)
		if err != nil {
			a.log.Error("admin session lookup failed", "error", err)
			writeSecurityHeaders(w.Header())
			http.Error(w, "The session store could not be read; try again shortly.", http.StatusServiceUnavailable)
			return
		}
		if ok {
			h(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, principal{sessionID: id})))
			return
		}
		next := safeNext(r.URL.RequestURI())
		if allowContinue && r.Method == http.MethodGet && r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			writeSecurityHeaders(w.Header())
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_ = continuePage.Execute(w, next)
			return
		}
		http.Redirect(w, r, "/login?next="+url.QueryEscape(next), http.StatusSeeOther)
	})
}

// CSRF is the token the forms of an authenticated page carry: an HMAC of
// the session id, so it differs per session, dies with it, and is unknown
// to other sites. A request authenticated by the bearer token has no
// session and needs none (no browser sends that header on its own).
func (a *Auth) CSRF(r *http.Request) string { return csrfFor(principalOf(r).sessionID) }

func csrfFor(sessionID string) string {
	if sessionID == "" {
		return ""
	}
	m := hmac.New(sha256.New, []byte(sessionID))
	m.Write([]byte("deskgate-csrf-v1"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// CheckForm guards a state-changing form post of an authenticated page: a
// bearer request passes; a session request must carry its session's CSRF
// token and must not come from another origin.
func (a *Auth) CheckForm(r *http.Request) bool {
	p := principalOf(r)
	if p.bearer {
		return true
	}
	if !a.sameOrigin(r) {
		return false
	}
	want := csrfFor(p.sessionID)
	v := r.PostFormValue("csrf")
	return want != "" && v != "" && subtle.ConstantTimeCompare([]byte(v), []byte(want)) == 1
}

// sameOrigin refuses a form post a browser marks as coming from another
// origin. Fetch metadata decides where the browser sends it (every current
// browser does): only "same-origin" (or "none", a user's own action) passes.
// Without it, the Origin header decides: public_url's origin, the request's
// own host (an admin reaching the gateway by another name), or "null" pass.
// "null" must pass because the pages send Referrer-Policy: no-referrer,
// under which a browser sends "Origin: null" even for our own forms; the
// CSRF token is what stops a forged one.
func (a *Auth) sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" {
		return site == "same-origin" || site == "none"
	}
	o := r.Header.Get("Origin")
	if o == "" || o == "null" || o == a.origin {
		return true
	}
	scheme := "http"
	if r.TLS != nil || a.secure {
		scheme = "https"
	}
	return o == scheme+"://"+r.Host
}

// safeNext keeps a post-login redirect on this site: only a path on this
// origin is followed, anything else goes to "/". It refuses control
// characters and backslashes anywhere (browsers read "\" as "/" and drop
// tabs and newlines, so "/\evil" and "/%09/evil" become "//evil"), a scheme,
// a host, and a path that starts with "//" before or after unescaping.
func safeNext(next string) string {
	if next == "" || next[0] != '/' {
		return "/"
	}
	for _, s := range []string{next, unescapeAll(next)} {
		if strings.HasPrefix(s, "//") || strings.ContainsAny(s, `\`) || hasControl(s) {
			return "/"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return "/"
	}
	return next
}

// unescapeAll undoes percent-encoding until nothing changes (a few rounds
// at most), so a doubly encoded "//" is seen too.
func unescapeAll(s string) string {
	for range 4 {
		u, err := url.PathUnescape(s)
		if err != nil || u == s {
			return s
		}
		s = u
	}
	return s
}

func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return true
		}
	}
	return false
}
