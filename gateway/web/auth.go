package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
)

const sessionCookie = "deskgate_session"

// Auth checks the admin token, given as `Authorization: Bearer <token>` or as
// the login cookie. The cookie holds an HMAC of the token, never the token.
type Auth struct {
	token  string
	secure bool // Secure cookies when public_url is https
}

// NewAuth returns an Auth for the admin token.
func NewAuth(token string, secure bool) *Auth { return &Auth{token: token, secure: secure} }

func (a *Auth) session() string {
	m := hmac.New(sha256.New, []byte(a.token))
	m.Write([]byte("deskgate-session-v1"))
	return hex.EncodeToString(m.Sum(nil))
}

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
		HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteLaxMode, MaxAge: 12 * 3600,
	})
	return true
}

// Logout clears the cookie.
func (a *Auth) Logout(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: a.secure})
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

// Page wraps an admin page: without a session the browser is sent to the
// login page and comes back afterwards.
func (a *Auth) Page(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !a.Check(r) {
			http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
			return
		}
		h(w, r)
	})
}

// CSRF is the token admin forms carry. It is derived from the admin token,
// so it is stable per deployment and unknown to other sites; a cross-site
// form post cannot present it.
func (a *Auth) CSRF() string {
	m := hmac.New(sha256.New, []byte(a.token))
	m.Write([]byte("deskgate-csrf-v1"))
	return hex.EncodeToString(m.Sum(nil))
}

// CheckCSRF compares a form's token in constant time.
func (a *Auth) CheckCSRF(v string) bool {
	return a.token != "" && subtle.ConstantTimeCompare([]byte(v), []byte(a.CSRF())) == 1
}
