package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
)

func TestAuth_checksBearerTokenAndCookie(t *testing.T) {
	ts := newTestServer(t)
	cases := []struct {
		name     string
		path     string
		hdr      map[string]string
		want     int
		location string // prefix of the redirect, when one is expected
		body     string // a substring of the body
	}{
		{"the API accepts the bearer token", "/api/bindings", map[string]string{"Authorization": "Bearer " + testToken}, 200, "", `"zendesk"`},
		{"the API refuses a wrong bearer token", "/api/bindings", map[string]string{"Authorization": "Bearer nope"}, 401, "", "admin token required"},
		{"the API refuses a bare token without Bearer", "/api/bindings", map[string]string{"Authorization": testToken}, 401, "", ""},
		{"the API refuses no credentials", "/api/bindings", nil, 401, "", ""},
		{"the API refuses the login cookie", "/api/bindings", ts.loggedIn(t), 403, "", "login cookie is not accepted here"},
		{"the API refuses a forged cookie", "/api/bindings", map[string]string{"Cookie": "deskgate_session=" + strings.Repeat("a", 64)}, 403, "", ""},
		{"the API refuses the admin token itself as cookie", "/api/bindings", map[string]string{"Cookie": "deskgate_session=" + testToken}, 403, "", ""},
		{"a page refuses a forged cookie", "/", map[string]string{"Cookie": "deskgate_session=" + strings.Repeat("a", 52)}, 303, "/login?next=%2F", ""},
		{"a page refuses the admin token itself as cookie", "/", map[string]string{"Cookie": "deskgate_session=" + testToken}, 303, "/login?next=%2F", ""},
		{"a page accepts the login cookie", "/", ts.loggedIn(t), 200, "", "Project checkout"},
		{"a page accepts the bearer token", "/audit", map[string]string{"Authorization": "Bearer " + testToken}, 200, "", "Audit log"},
		{"a page without a session redirects to login", "/bindings/zendesk/acme", nil, 303, "/login?next=%2Fbindings%2Fzendesk%2Facme", ""},
		{"a cross-site navigation without the cookie gets a same-site continue page", "/bindings/zendesk/acme",
			map[string]string{"Sec-Fetch-Site": "cross-site"}, 200, "", `http-equiv="refresh" content="0; url=/bindings/zendesk/acme"`},
		{"a cross-site link to /connect without the cookie goes to login, not the continue page", "/connect/zendesk/acme",
			map[string]string{"Sec-Fetch-Site": "cross-site"}, 303, "/login?next=%2Fconnect%2Fzendesk%2Facme", ""},
		{"a same-origin navigation without the cookie still goes to login", "/jobs",
			map[string]string{"Sec-Fetch-Site": "same-origin"}, 303, "/login?next=%2Fjobs", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := ts.request(t, "GET", c.path, nil, c.hdr)
			if resp.StatusCode != c.want {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, c.want, body)
			}
			if c.location != "" && !strings.HasPrefix(resp.Header.Get("Location"), c.location) {
				t.Errorf("Location %q, want prefix %q", resp.Header.Get("Location"), c.location)
			}
			if !strings.Contains(body, c.body) {
				t.Errorf("body lacks %q:\n%s", c.body, body)
			}
		})
	}
}

func TestLogin_setsStrictHttpOnlyCookieOnlyWithTokenAndFormToken(t *testing.T) {
	ts := newTestServer(t)
	resp, body := ts.request(t, "GET", "/login?next=/jobs", nil, nil)
	var csrf *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == loginCSRFCookie {
			csrf = c
		}
	}
	if csrf == nil || !strings.Contains(body, `value="`+csrf.Value+`"`) {
		t.Fatalf("login form carries no double-submit token (cookie %v):\n%s", csrf, body)
	}
	withCookie := map[string]string{"Cookie": loginCSRFCookie + "=" + csrf.Value}
	cases := []struct {
		name    string
		form    url.Values
		hdr     map[string]string
		want    int
		session bool
	}{
		{"the right token logs in", url.Values{"token": {testToken}, "csrf": {csrf.Value}, "next": {"/jobs"}}, withCookie, 303, true},
		{"a wrong token is refused", url.Values{"token": {"guess"}, "csrf": {csrf.Value}}, withCookie, 401, false},
		{"a post without the form token is refused", url.Values{"token": {testToken}}, withCookie, 403, false},
		{"a post whose form token does not match its cookie is refused", url.Values{"token": {testToken}, "csrf": {strings.Repeat("0", 32)}}, withCookie, 403, false},
		{"a cross-site post without the cookie is refused", url.Values{"token": {testToken}, "csrf": {csrf.Value}}, nil, 403, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := ts.request(t, "POST", "/login", c.form, c.hdr)
			if resp.StatusCode != c.want {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, c.want, body)
			}
			var got *http.Cookie
			for _, ck := range resp.Cookies() {
				if ck.Name == "deskgate_session" {
					got = ck
				}
			}
			if (got != nil) != c.session {
				t.Fatalf("session cookie set = %v, want %v", got != nil, c.session)
			}
			if got == nil {
				return
			}
			if !got.HttpOnly || got.SameSite != http.SameSiteStrictMode || got.Value == testToken {
				t.Errorf("session cookie %+v: want HttpOnly, SameSite=Strict and not the token", got)
			}
			if resp.Header.Get("Location") != "/jobs" {
				t.Errorf("after login went to %q, want /jobs", resp.Header.Get("Location"))
			}
		})
	}
}

func TestForms_refuseAPostWithoutTheCSRFToken(t *testing.T) {
	ts := newTestServer(t)
	posts := []struct {
		name string
		path string
		form url.Values
	}{
		{"disconnect", "/bindings/zendesk/acme/disconnect", url.Values{"confirm": {"yes"}}},
		{"configure", "/bindings/zendesk/acme/configure", configureValues("", map[string]string{"posting_mode": "both"})},
		{"replay", "/jobs/1/replay", url.Values{}},
		{"logout", "/logout", url.Values{}},
	}
	for _, p := range posts {
		for _, token := range []string{"", "0123", csrfFor("another-session-id")} {
			t.Run(p.name+" with token "+strings.TrimSpace(token[:min(4, len(token))]), func(t *testing.T) {
				form := url.Values{}
				for k, v := range p.form {
					form[k] = v
				}
				form.Set("csrf", token)
				resp, body := ts.request(t, "POST", p.path, form, ts.loggedIn(t))
				if resp.StatusCode != http.StatusForbidden {
					t.Fatalf("status %d, want 403: %s", resp.StatusCode, body)
				}
			})
		}
	}
	if len(ts.connector.disconnected) != 0 || len(ts.reloader.updates) != 0 {
		t.Errorf("a refused form still acted: disconnects %v, updates %v", ts.connector.disconnected, ts.reloader.updates)
	}
	// The same forms with the token do act.
	resp, body := ts.request(t, "POST", "/bindings/zendesk/acme/disconnect", url.Values{"confirm": {"yes"}, "csrf": {ts.csrf(t)}}, ts.loggedIn(t))
	if resp.StatusCode != http.StatusSeeOther || len(ts.connector.disconnected) != 1 {
		t.Fatalf("disconnect with the token: %d, disconnects %v: %s", resp.StatusCode, ts.connector.disconnected, body)
	}
}

func TestSafeNext_keepsRedirectsOnThisSite(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"a path is kept", "/jobs", "/jobs"},
		{"a path with a query is kept", "/audit?binding=zendesk%2Facme&since=1h", "/audit?binding=zendesk%2Facme&since=1h"},
		{"an encoded slash inside a path is kept", "/bindings/zendesk/a%2Fb", "/bindings/zendesk/a%2Fb"},
		{"empty goes home", "", "/"},
		{"a relative path goes home", "jobs", "/"},
		{"a scheme-relative URL goes home", "//evil", "/"},
		{"a scheme-relative URL with a path goes home", "//evil.example/", "/"},
		{"a backslash goes home (browsers read it as a slash)", `/\evil`, "/"},
		{"a backslash later in the path goes home", `/a\b`, "/"},
		{"an encoded backslash goes home", "/%5Cevil", "/"},
		{"an absolute URL goes home", "https://evil", "/"},
		{"a javascript URL goes home", "javascript:alert(1)", "/"},
		{"an encoded tab before a second slash goes home", "/%09/evil.example/", "/"},
		{"a raw tab before a second slash goes home", "/\t/evil.example/", "/"},
		{"a newline goes home", "/jobs\nLocation: x", "/"},
		{"encoded slashes go home", "/%2F%2Fevil", "/"},
		{"doubly encoded slashes go home", "/%252F%252Fevil", "/"},
		{"three slashes go home", "///evil", "/"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := safeNext(c.in); got != c.want {
				t.Errorf("safeNext(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestLoginPage_neverRedirectsOffSite(t *testing.T) {
	ts := newTestServer(t)
	for _, next := range []string{"//evil.example/", "/%09/evil.example/", `/\evil`, "https://evil", "/%2F%2Fevil"} {
		t.Run(next, func(t *testing.T) {
			resp, _ := ts.request(t, "GET", "/login", nil, nil)
			var csrf string
			for _, c := range resp.Cookies() {
				if c.Name == loginCSRFCookie {
					csrf = c.Value
				}
			}
			resp, body := ts.request(t, "POST", "/login", url.Values{"token": {testToken}, "csrf": {csrf}, "next": {next}},
				map[string]string{"Cookie": loginCSRFCookie + "=" + csrf})
			if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
				t.Errorf("login with next=%q: %d to %q, want 303 to /: %s", next, resp.StatusCode, resp.Header.Get("Location"), body)
			}
		})
	}
}

func TestPages_renderToTheEnd(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{"/", "/bindings/zendesk/acme", "/bindings/zendesk/acme/configure", "/bindings/zendesk/acme/doctor", "/audit", "/audit?outcome=error&since=1h",
		"/jobs", "/jobs?state=all", "/jobs?state=ready", "/login", "/bindings/zendesk/nope", "/audit?since=yesterday"} {
		t.Run(path, func(t *testing.T) {
			resp, body := ts.request(t, "GET", path, nil, ts.loggedIn(t))
			if !strings.HasSuffix(strings.TrimSpace(body), "</html>") {
				t.Errorf("page did not render to the end (a template error?):\n%s", body[max(0, len(body)-400):])
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self';") || strings.Contains(csp, "unsafe") {
				t.Errorf("Content-Security-Policy %q", csp)
			}
			if strings.Contains(body, "<script>") || strings.Contains(body, "style=") {
				t.Errorf("inline script or style, which the policy blocks")
			}
		})
	}
}

func TestAuditPage_pagesBackwardsAndLinksAnalyses(t *testing.T) {
	ts := newTestServer(t)
	ctx := t.Context()
	base := time.Now().Add(-time.Hour)
	for i := 0; i < auditPageSize+5; i++ {
		e := store.AuditEntry{Time: base.Add(time.Duration(i) * time.Second), Binding: "zendesk/acme", TicketID: "7",
			Action: "triage", Outcome: store.OutcomeOK, Message: "severity low"}
		if i == 2 {
			e.Action, e.Message = "analysis", "stored at http://127.0.0.1:8080/analyses/abc_DEF-123"
		}
		if i == 3 {
			e.Outcome, e.TicketID = store.OutcomeError, "8"
		}
		if err := ts.store.AppendAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	_, first := ts.request(t, "GET", "/audit?binding=zendesk/acme", nil, ts.loggedIn(t))
	if n := strings.Count(first, `<td class="time">`); n != auditPageSize {
		t.Fatalf("first page has %d rows, want %d", n, auditPageSize)
	}
	m := regexp.MustCompile(`href="(/audit\?[^"]*before=\d+[^"]*)">Older entries`).FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("first page has no link to older entries")
	}
	_, older := ts.request(t, "GET", html.UnescapeString(m[1]), nil, ts.loggedIn(t))
	if n := strings.Count(older, `<td class="time">`); n != 5 {
		t.Errorf("older page has %d rows, want 5", n)
	}
	if strings.Contains(older, "Older entries") || !strings.Contains(older, "Newest entries") {
		t.Errorf("last page should link to the newest, not to older entries")
	}
	if !strings.Contains(older, `stored at <a href="/analyses/abc_DEF-123">open the analysis</a>`) {
		t.Errorf("the analysis entry is not linked:\n%s", older)
	}
	_, errs := ts.request(t, "GET", "/audit?outcome=error", nil, ts.loggedIn(t))
	if n := strings.Count(errs, `<td class="time">`); n != 1 || !strings.Contains(errs, `<a href="/audit?ticket=8">8</a>`) {
		t.Errorf("outcome filter shows %d rows, want the one error of ticket 8", n)
	}
	resp, body := ts.request(t, "GET", "/audit?until=yesterday", nil, ts.loggedIn(t))
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "want an RFC 3339 time") {
		t.Errorf("a bad until: %d", resp.StatusCode)
	}
}

func TestIndex_showsEachBindingsStatusUnderItsProject(t *testing.T) {
	cases := []struct {
		name    string
		status  store.Status
		lastErr string
		want    []string
		connect bool
	}{
		{"never connected", "", "", []string{`<span class="badge inactive">inactive</span>`}, true},
		{"active", store.StatusActive, "", []string{`<span class="badge active">active</span>`, `>Manage</a>`}, false},
		{"needs reconnect", store.StatusNeedsReconnect, "refresh refused: invalid_grant",
			[]string{`<span class="badge needs_reconnect">needs reconnect</span>`, "refresh refused: invalid_grant"}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := newTestServer(t)
			if c.status != "" {
				if err := ts.store.SetStatus(t.Context(), store.BindingKey{Platform: "zendesk", Name: "acme"}, c.status, c.lastErr); err != nil {
					t.Fatal(err)
				}
			}
			_, body := ts.request(t, "GET", "/", nil, ts.loggedIn(t))
			i := strings.Index(body, `<h2 id="project-checkout">Project checkout</h2>`)
			if i < 0 {
				t.Fatalf("no section for project checkout:\n%s", body)
			}
			for _, w := range c.want {
				if !strings.Contains(body[i:], w) {
					t.Errorf("index lacks %q:\n%s", w, body[i:])
				}
			}
			if got := strings.Contains(body, "Connect platform → Zendesk"); got != c.connect {
				t.Errorf("Connect platform link shown = %v, want %v", got, c.connect)
			}
		})
	}
}

func TestDoctorPage_showsEachCheckWithItsFix(t *testing.T) {
	ts := newTestServer(t)
	resp, body := ts.request(t, "GET", "/bindings/zendesk/acme/doctor", nil, ts.loggedIn(t))
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{"1 of 2 checks failed", "binding connected", "webhook 01ABC is inactive", "reactivate it in Admin Center or reconnect", "deskgate doctor zendesk acme"} {
		if !strings.Contains(body, want) {
			t.Errorf("doctor page lacks %q", want)
		}
	}
	if resp, _ := ts.request(t, "GET", "/bindings/zendesk/acme/doctor", nil, nil); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("without a session: status %d, want a redirect to the login page", resp.StatusCode)
	}
}
