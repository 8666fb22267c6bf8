package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"html/template"
	"net/http"
	"net/url"
	"strings"
)

const (
	sessionCookie    = "deskgate_session"
	loginCSRFCookie  = "deskgate_login_csrf"
	sessionMaxAgeSec = 12 * 3600
)

// Auth checks the admin token, given as `Authorization: Bearer <token>` or as
// the login cookie. The cookie holds an HMAC of the token, never the token.
//
// The cookie is SameSite=Strict: a cross-site request never carries it, so
// no other site can act as the admin. The price is that a navigation that
// started on another site (the desk's OAuth consent page redirecting back
// through /oauth/callback) arrives without it; Page answers such a request
// with a same-site "continue" page instead of the login form, and the
// navigation it triggers does carry the cookie. Every state-changing form
// also carries a CSRF token, so the cookie's SameSite mode is not the only
// guard.
type Auth struct {
	token  string
	secure bool // Secure cookies when public_url is https
}

// NewAuth returns an Auth for the admin token.
func NewAuth(token string, secure bool) *Auth { return &Auth{token: token, secure: secure} }

func (a *Auth) mac(purpose string) string {
	m := hmac.New(sha256.New, []byte(a.token))
	m.Write([]byte(purpose))
	return hex.EncodeToString(m.Sum(nil))
}

func (a *Auth) session() string { return a.mac("deskgate-session-v1") }

// Check reports whether the request carries the admin token or a valid
// session cookie. Comparisons are constant time.
func (a *Auth) Check(r *http.Request) bool {
	if a.token == "" {
		return false
	}
	if h := r.Header.Get("Authorization"); h != "" {
		tok, ok := strings.CutPrefix(h, "Bearer ")
		return ok && subtle.ConstantTimeCompare([]byte(tok), []byte(a.token)) == 1
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		return subtle.ConstantTimeCompare([]byte(c.Value), []byte(a.session())) == 1
	}
	return false
}

// Login checks a token typed into the login form and sets the cookie.
func (a *Auth) Login(w http.ResponseWriter, token string) bool {
	if a.token == "" || subtle.ConstantTimeCompare([]byte(token), []byte(a.token)) != 1 {
		return false
	}
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: a.session(), Path: "/",
		HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteStrictMode, MaxAge: sessionMaxAgeSec,
	})
	return true
}

// Logout clears the cookie.
func (a *Auth) Logout(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteStrictMode})
}

// LoginCSRF returns the token the login form carries. Before login there is
// no session to derive it from, so it is a random value also set as a
// cookie (double submit): a cross-site form cannot read the cookie to copy
// it into the form.
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

// API wraps an admin JSON handler: 401 without the token.
func (a *Auth) API(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !a.Check(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="deskgate"`)
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "admin token required"})
			return
		}
		h(w, r)
	})
}

// continuePage is shown to a cross-site navigation without the cookie. Its
// meta refresh (and the link, for browsers that ignore it) is a same-site
// navigation, so the Strict cookie is sent; when there is no session the
// second request goes to the login page as usual.
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
		if a.Check(r) {
			h(w, r)
			return
		}
		next := safeNext(r.URL.RequestURI())
		if allowContinue && r.Method == http.MethodGet && r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.Header().Set("Referrer-Policy", "no-referrer")
			_ = continuePage.Execute(w, next)
			return
		}
		http.Redirect(w, r, "/login?next="+url.QueryEscape(next), http.StatusSeeOther)
	})
}

// CSRF is the token admin forms carry. It is derived from the admin token,
// so it is stable per deployment and unknown to other sites; a cross-site
// form post cannot present it.
func (a *Auth) CSRF() string { return a.mac("deskgate-csrf-v1") }

// CheckCSRF compares a form's token in constant time.
func (a *Auth) CheckCSRF(v string) bool {
	return a.token != "" && v != "" && subtle.ConstantTimeCompare([]byte(v), []byte(a.CSRF())) == 1
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
