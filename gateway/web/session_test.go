package web

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/store"
)

// A page on another site can make a logged-in admin's browser send a form
// POST with the session cookie (a SameSite=Strict cookie stops that only in
// browsers that honour it); the API must not act on it, even when the
// attacker somehow also knows a CSRF token.
func TestAPI_refusesCrossSiteFormPostsCarryingOnlyTheCookie(t *testing.T) {
	ts := newTestServer(t)
	cookie := ts.loggedIn(t)["Cookie"]
	for _, path := range []string{"/api/reload", "/api/bindings/zendesk/acme/disconnect", "/api/jobs/1/replay"} {
		t.Run(path, func(t *testing.T) {
			resp, body := ts.request(t, "POST", path, url.Values{"csrf": {ts.csrf(t)}, "confirm": {"yes"}}, map[string]string{
				"Cookie": cookie, "Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
			if resp.StatusCode != http.StatusForbidden {
				t.Fatalf("status %d, want 403: %s", resp.StatusCode, body)
			}
		})
	}
	if ts.reloader.reloads != 0 || len(ts.connector.disconnected) != 0 {
		t.Errorf("a refused post still acted: reloads %d, disconnects %v", ts.reloader.reloads, ts.connector.disconnected)
	}
	// The CLI's way in still works.
	resp, body := ts.request(t, "POST", "/api/bindings/zendesk/acme/disconnect", nil, map[string]string{"Authorization": "Bearer " + testToken})
	if resp.StatusCode != http.StatusOK || len(ts.connector.disconnected) != 1 {
		t.Fatalf("disconnect with the bearer token: %d, disconnects %v: %s", resp.StatusCode, ts.connector.disconnected, body)
	}
}

func TestForms_refuseAPostFromAnotherOriginEvenWithTheToken(t *testing.T) {
	cases := []struct {
		name string
		hdr  map[string]string
		want int
	}{
		{"another origin", map[string]string{"Origin": "https://evil.example"}, http.StatusForbidden},
		{"a cross-site fetch", map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{"a same-site fetch (a sibling host)", map[string]string{"Sec-Fetch-Site": "same-site"}, http.StatusForbidden},
		{"an opaque origin from a cross-site page", map[string]string{"Origin": "null", "Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
		{"our own page under no-referrer (Origin null, same-origin)", map[string]string{"Origin": "null", "Sec-Fetch-Site": "same-origin"}, http.StatusSeeOther},
		{"public_url's origin", map[string]string{"Origin": "http://127.0.0.1:8080"}, http.StatusSeeOther},
		{"no Origin (the token alone decides)", nil, http.StatusSeeOther},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := newTestServer(t)
			hdr := ts.loggedIn(t)
			for k, v := range c.hdr {
				hdr[k] = v
			}
			resp, body := ts.request(t, "POST", "/bindings/zendesk/acme/disconnect", url.Values{"confirm": {"yes"}, "csrf": {ts.csrf(t)}}, hdr)
			if resp.StatusCode != c.want {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, c.want, body)
			}
			if acted := len(ts.connector.disconnected) == 1; acted != (c.want == http.StatusSeeOther) {
				t.Errorf("disconnected = %v", ts.connector.disconnected)
			}
		})
	}
}

func TestSession_idIsRandomAndStoredOnlyHashed(t *testing.T) {
	ts := newTestServer(t)
	a, b := ts.login(t), ts.login(t)
	if a == b || len(a) < 40 {
		t.Fatalf("two logins gave session ids %q and %q: want distinct random values", a, b)
	}
	if strings.Contains(a, testToken) {
		t.Fatalf("the session id contains the admin token")
	}
	now := ts.clock.Now()
	if _, err := ts.store.GetSession(t.Context(), a, now); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the store knows the raw session id: %v", err)
	}
	if _, err := ts.store.GetSession(t.Context(), ts.auth.sessionKey(a), now); err != nil {
		t.Errorf("the store lacks the session's hash: %v", err)
	}
}

func TestLogout_revokesTheSessionSoTheOldCookieGetsTheLoginPage(t *testing.T) {
	ts := newTestServer(t)
	hdr := ts.loggedIn(t)
	if resp, _ := ts.request(t, "GET", "/", nil, hdr); resp.StatusCode != http.StatusOK {
		t.Fatalf("before logout: %d", resp.StatusCode)
	}
	resp, body := ts.request(t, "POST", "/logout", url.Values{"csrf": {ts.csrf(t)}}, hdr)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login" {
		t.Fatalf("logout: %d to %q: %s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	// A browser would drop the cookie; a copy of it must not work either.
	resp, _ = ts.request(t, "GET", "/", nil, hdr)
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
		t.Errorf("the old cookie after logout: %d to %q, want the login page", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestSession_endsWhenIdleAndAfterItsLifetime(t *testing.T) {
	loginPage := func(resp *http.Response) bool {
		return resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/login")
	}
	t.Run("idle for longer than the idle expiry", func(t *testing.T) {
		ts := newTestServer(t)
		hdr := ts.loggedIn(t)
		ts.clock.Advance(DefaultSessionIdle + time.Second)
		if resp, _ := ts.request(t, "GET", "/", nil, hdr); !loginPage(resp) {
			t.Errorf("after %s idle: %d, want the login page", DefaultSessionIdle, resp.StatusCode)
		}
	})
	t.Run("used now and then until its lifetime ends", func(t *testing.T) {
		ts := newTestServer(t)
		hdr := ts.loggedIn(t)
		step := DefaultSessionIdle - time.Hour
		used := time.Duration(0)
		for used+step < DefaultSessionLifetime {
			ts.clock.Advance(step)
			used += step
			if resp, _ := ts.request(t, "GET", "/", nil, hdr); resp.StatusCode != http.StatusOK {
				t.Fatalf("a session used every %s ended after %s: %d", step, used, resp.StatusCode)
			}
		}
		ts.clock.Advance(DefaultSessionLifetime - used)
		if resp, _ := ts.request(t, "GET", "/", nil, hdr); !loginPage(resp) {
			t.Errorf("at its lifetime of %s: %d, want the login page", DefaultSessionLifetime, resp.StatusCode)
		}
	})
}

// Behind a load balancer each request may reach another replica: the
// session lives in the shared store, not in one process.
func TestSession_startedOnOneReplicaWorksOnAnotherAndLogoutEndsItOnBoth(t *testing.T) {
	ts := newTestServer(t)
	other := ts.serve(t, NewAuth(AuthOptions{Token: testToken, PublicURL: "http://127.0.0.1:8080", Sessions: ts.store, Now: ts.clock.Now}))
	hdr := ts.loggedIn(t)
	if resp, body := requestTo(t, other.URL, "GET", "/", nil, hdr); resp.StatusCode != http.StatusOK {
		t.Fatalf("the other replica: %d: %s", resp.StatusCode, body)
	}
	if resp, _ := requestTo(t, other.URL, "POST", "/logout", url.Values{"csrf": {ts.csrf(t)}}, hdr); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("logout on the other replica: %d", resp.StatusCode)
	}
	if resp, _ := ts.request(t, "GET", "/", nil, hdr); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("after logging out on the other replica the first still accepts the cookie: %d", resp.StatusCode)
	}
}

// Rotating the admin token (a restart with a new value) must end the
// sessions made with the old one: a leaked token is rotated precisely so
// that whoever held it loses access.
func TestSession_endsWhenTheAdminTokenIsRotated(t *testing.T) {
	ts := newTestServer(t)
	hdr := ts.loggedIn(t)
	same := ts.serve(t, NewAuth(AuthOptions{Token: testToken, PublicURL: "http://127.0.0.1:8080", Sessions: ts.store, Now: ts.clock.Now}))
	if resp, body := requestTo(t, same.URL, "GET", "/", nil, hdr); resp.StatusCode != http.StatusOK {
		t.Fatalf("a restart with the same token: %d: %s", resp.StatusCode, body)
	}
	rotated := ts.serve(t, NewAuth(AuthOptions{Token: testToken + "-rotated", PublicURL: "http://127.0.0.1:8080", Sessions: ts.store, Now: ts.clock.Now}))
	if resp, _ := requestTo(t, rotated.URL, "GET", "/", nil, hdr); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("after rotating the admin token the old session still logs in: %d", resp.StatusCode)
	}
}

func TestLogin_throttlesFailuresPerAddressAndAuditsOncePerWindow(t *testing.T) {
	ts := newTestServer(t)
	loginForm := func(token string) *http.Response {
		t.Helper()
		resp, _ := ts.request(t, "GET", "/login", nil, nil)
		var csrf string
		for _, c := range resp.Cookies() {
			if c.Name == loginCSRFCookie {
				csrf = c.Value
			}
		}
		resp, _ = ts.request(t, "POST", "/login", url.Values{"token": {token}, "csrf": {csrf}}, map[string]string{"Cookie": loginCSRFCookie + "=" + csrf})
		return resp
	}
	bearer := func(token string) *http.Response {
		t.Helper()
		resp, _ := ts.request(t, "GET", "/api/bindings", nil, map[string]string{"Authorization": "Bearer " + token})
		return resp
	}
	throttled := func() int {
		t.Helper()
		es, err := ts.store.QueryAudit(t.Context(), store.AuditFilter{Action: "admin.login.throttled"})
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}

	// The free attempts, form and bearer alike.
	for i := range throttleFree {
		try := loginForm
		if i%2 == 1 {
			try = bearer
		}
		if resp := try("wrong-token"); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d, want 401", i+1, resp.StatusCode)
		}
	}
	if n := throttled(); n != 0 {
		t.Fatalf("%d throttling entries after the free attempts", n)
	}
	// The next failure locks the address out for throttleBase.
	if resp := bearer("wrong-token"); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("failure %d: %d", throttleFree+1, resp.StatusCode)
	}
	for _, try := range []func(string) *http.Response{loginForm, bearer} {
		resp := try(testToken) // even the right token is not looked at
		if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "1" {
			t.Fatalf("while locked out: %d, Retry-After %q; want 429 with 1", resp.StatusCode, resp.Header.Get("Retry-After"))
		}
	}
	// Each further failure doubles the lock.
	for i, want := range []string{"2", "4", "8"} {
		ts.clock.Advance(time.Hour / 60) // past the lock, within the window
		bearer("wrong-token")
		if resp := bearer(testToken); resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != want {
			t.Fatalf("after failure %d: %d, Retry-After %q, want 429 with %s", throttleFree+2+i, resp.StatusCode, resp.Header.Get("Retry-After"), want)
		}
	}
	if n := throttled(); n != 1 {
		t.Errorf("%d throttling entries within one window, want 1", n)
	}
	// A new window gets a new entry.
	ts.clock.Advance(throttleWindow)
	bearer("wrong-token")
	if n := throttled(); n != 2 {
		t.Errorf("%d throttling entries after a second window, want 2", n)
	}
	// Once the lock has passed, the right token works and clears the count.
	ts.clock.Advance(throttleMax)
	if resp := bearer(testToken); resp.StatusCode != http.StatusOK {
		t.Fatalf("after the lock: %d", resp.StatusCode)
	}
	if resp := bearer("wrong-token"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a failure after a success: %d, want 401 (a fresh count)", resp.StatusCode)
	}
}

func TestClientAddr_countsIPv6ByItsSlash64(t *testing.T) {
	cases := []struct{ remote, want string }{
		{"192.0.2.7:5123", "192.0.2.7"},
		{"[2001:db8:1:2:3:4:5:6]:443", "2001:db8:1:2::/64"},
		{"[2001:db8:1:2:ffff::1]:443", "2001:db8:1:2::/64"},
		{"[::ffff:192.0.2.7]:80", "192.0.2.7"},
	}
	for _, c := range cases {
		if got := clientAddr(&http.Request{RemoteAddr: c.remote}); got != c.want {
			t.Errorf("clientAddr(%q) = %q, want %q", c.remote, got, c.want)
		}
	}
}

func TestSecurityHeaders_onAdminPagesTheCallbackAndTheContinuePage(t *testing.T) {
	ts := newTestServer(t)
	ts.connector.outcome = oauth.BadState
	cases := []struct {
		name, path string
		hdr        map[string]string
	}{
		{"an admin page", "/jobs", ts.loggedIn(t)},
		{"the login page", "/login", nil},
		{"a failed OAuth callback", "/oauth/callback?state=x&code=y", nil},
		{"the continue page", "/bindings/zendesk/acme", map[string]string{"Sec-Fetch-Site": "cross-site"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, _ := ts.request(t, "GET", c.path, nil, c.hdr)
			wantHeaders(t, resp)
		})
	}
	t.Run("a successful OAuth callback's redirect", func(t *testing.T) {
		ts.connector.outcome = oauth.Connected
		ts.connector.callbackKey = store.BindingKey{Platform: "zendesk", Name: "acme"}
		resp, _ := ts.request(t, "GET", "/oauth/callback?state=x&code=y", nil, nil)
		if resp.StatusCode != http.StatusFound {
			t.Fatalf("status %d", resp.StatusCode)
		}
		wantHeaders(t, resp)
	})
}

func wantHeaders(t *testing.T, resp *http.Response) {
	t.Helper()
	for k, want := range map[string]string{"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"} {
		if got := resp.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
}
