package e2e

import (
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/redistest"
)

// TestReplicas_shareTheWorkAndSurviveAKill runs three gateways on one Redis,
// spreads 500 signed ticket deliveries across them, SIGKILLs one mid-run and
// expects exactly one triage note per ticket.
func TestReplicas_shareTheWorkAndSurviveAKill(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 500 tickets across three gateway processes")
	}
	redisURL := redistest.Addr(t)
	prefix := redistest.Prefix(t)
	e := newEnv(t, envOptions{
		Replicas: 3, Workers: 2, Threshold: "disabled", Visibility: "5s",
		StoreBlock: fmt.Sprintf("store \"redis\" {\n  url = %q\n  key_prefix = %q\n}", redisURL, prefix),
	})
	const n = 500
	// Tickets first, so every delivery is one of ours.
	ids := e.slowSearchTickets(n)
	e.connectOnAllReplicas()
	checkSessionsAcrossReplicas(t, e.replicas[0].URL, e.replicas[1].URL)
	secret := e.secret()

	var next, acked atomic.Int64
	var killOnce sync.Once
	killed := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if i == n/3 {
					killOnce.Do(func() { e.killReplica(2); close(killed) })
				}
				body := ticketBody(ids[i])
				inv := fmt.Sprintf("inv-rep-%d", i)
				// A load balancer retries another replica when one is gone.
				for attempt := 0; ; attempt++ {
					r := e.replicas[(i+attempt)%len(e.replicas)]
					code, err := e.deliverTo(r.URL, secret, time.Now(), inv, body)
					if err == nil && code == 200 {
						acked.Add(1)
						break
					}
					if attempt > 10 {
						t.Errorf("delivery %d never acknowledged (last: %d, %v)", i, code, err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	<-killed
	if acked.Load() != n {
		t.Fatalf("%d of %d deliveries acknowledged", acked.Load(), n)
	}
	start := time.Now()
	lastLog := start
	waitUntil(t, 3*time.Minute, "every ticket's triage note", func() bool {
		done := 0
		for _, id := range ids {
			if in, _ := e.notes(id); len(in) > 0 {
				done++
			}
		}
		if time.Since(lastLog) > 5*time.Second {
			lastLog = time.Now()
			t.Logf("%.0fs: %d of %d tickets noted", time.Since(start).Seconds(), done, n)
		}
		return done == n
	})
	t.Logf("all %d tickets noted %.1fs after the last delivery (one replica killed at delivery %d)", n, time.Since(start).Seconds(), n/3)
	dup := 0
	for _, id := range ids {
		if in, _ := e.notes(id); len(in) != 1 {
			dup++
			if dup < 5 {
				t.Errorf("ticket %d has %d internal notes, want exactly 1", id, len(in))
			}
		}
	}
	if dup > 0 {
		t.Fatalf("%d tickets without exactly one note", dup)
	}
}

func apiAt(t *testing.T, base, path string, out any) int {
	t.Helper()
	e := &env{t: t, url: base}
	return e.api("GET", path, out)
}

// checkSessionsAcrossReplicas logs in to the web UI through one replica and
// expects the session to work through the other (a load balancer may send
// each request anywhere), and a logout through the other to end it on both.
func checkSessionsAcrossReplicas(t *testing.T, a, b string) {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar, Timeout: noRedirect.Timeout, CheckRedirect: noRedirect.CheckRedirect}
	page := func(base, path string) (int, string) {
		t.Helper()
		resp := get(t, browser, base+path)
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	post := func(base, path string, form url.Values) int {
		t.Helper()
		resp, err := browser.PostForm(base+path, form)
		must(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	csrfField := regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	_, login := page(a, "/login")
	m := csrfField.FindStringSubmatch(login)
	if m == nil {
		t.Fatalf("login page has no form token:\n%s", login)
	}
	if code := post(a, "/login", url.Values{"token": {adminToken}, "csrf": {m[1]}}); code != http.StatusSeeOther {
		t.Fatalf("login through replica A: %d", code)
	}
	// The cookie jar ignores the port: both replicas are 127.0.0.1.
	code, index := page(b, "/")
	if code != http.StatusOK {
		t.Fatalf("the session from replica A on replica B: %d", code)
	}
	m = csrfField.FindStringSubmatch(index)
	if m == nil {
		t.Fatalf("index page has no form token")
	}
	au, _ := url.Parse(a)
	var session *http.Cookie
	for _, c := range jar.Cookies(au) {
		if c.Name == "deskgate_session" {
			session = c
		}
	}
	if session == nil {
		t.Fatal("no session cookie after login")
	}
	if code := post(b, "/logout", url.Values{"csrf": {m[1]}}); code != http.StatusSeeOther {
		t.Fatalf("logout through replica B: %d", code)
	}
	// The browser dropped the cookie; a copy of it must not work either.
	req, _ := http.NewRequest("GET", a+"/", nil)
	req.AddCookie(session)
	if resp := do(t, noRedirect, req); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("replica A with the session cookie after logging out through B: %d, want the login redirect", resp.StatusCode)
	}
}
