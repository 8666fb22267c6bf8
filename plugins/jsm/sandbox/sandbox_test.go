package sandbox

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	tClient   = "app-1"
	tSecret   = "app-secret"
	tCallback = "http://127.0.0.1:8080/oauth/callback"
)

// clock is a settable clock for expiry tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

func newTestSandbox(t *testing.T, opts Options) (*Sandbox, *httptest.Server) {
	t.Helper()
	opts.Clients = []OAuthClient{{ID: tClient, Secret: tSecret, RedirectURIs: []string{tCallback}}}
	if opts.RetryDelay == 0 {
		opts.RetryDelay = 10 * time.Millisecond
	}
	sb := New(opts)
	t.Cleanup(sb.Close)
	srv := httptest.NewServer(sb.Handler())
	t.Cleanup(srv.Close)
	return sb, srv
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// authorize runs /authorize and returns the redirect's query.
func authorize(t *testing.T, base string, q url.Values) url.Values {
	t.Helper()
	resp, err := noRedirect.Get(base + "/authorize?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("authorize answered %d", resp.StatusCode)
	}
	u, _ := url.Parse(resp.Header.Get("Location"))
	return u.Query()
}

func authQuery(scope string) url.Values {
	return url.Values{"audience": {Audience}, "client_id": {tClient}, "scope": {scope}, "redirect_uri": {tCallback},
		"state": {"st-1"}, "response_type": {"code"}, "prompt": {"consent"}}
}

func postToken(t *testing.T, base string, form bool, fields map[string]string) (int, map[string]any) {
	t.Helper()
	var req *http.Request
	if form {
		v := url.Values{}
		for k, x := range fields {
			v.Set(k, x)
		}
		req, _ = http.NewRequest(http.MethodPost, base+"/oauth/token", strings.NewReader(v.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		b, _ := json.Marshal(fields)
		req, _ = http.NewRequest(http.MethodPost, base+"/oauth/token", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func TestOAuth_authorizeNeedsTheAudienceAndEchoesState(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	q := authQuery("read:jira-work")
	q.Del("audience")
	if got := authorize(t, srv.URL, q); got.Get("error") != "invalid_request" || got.Get("state") != "st-1" {
		t.Errorf("without audience: %v", got)
	}
	if got := authorize(t, srv.URL, authQuery("read:jira-work offline_access")); got.Get("code") == "" || got.Get("state") != "st-1" {
		t.Errorf("with audience: %v", got)
	}
}

func TestOAuth_codeExchangeInJSONOrFormAndRotatingRefresh(t *testing.T) {
	clk := &clock{t: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)}
	_, srv := newTestSandbox(t, Options{Now: clk.now})
	for _, form := range []bool{false, true} {
		code := authorize(t, srv.URL, authQuery("read:jira-work offline_access")).Get("code")
		grant := map[string]string{"grant_type": "authorization_code", "client_id": tClient, "client_secret": tSecret, "code": code, "redirect_uri": tCallback}
		status, out := postToken(t, srv.URL, form, grant)
		if status != 200 || out["refresh_token"] == nil || out["expires_in"] != float64(3600) || out["token_type"] != "Bearer" {
			t.Fatalf("form=%v: %d %v", form, status, out)
		}
		if status, _ := postToken(t, srv.URL, form, grant); status != http.StatusForbidden {
			t.Errorf("form=%v: a code used twice answered %d", form, status)
		}
		rt := out["refresh_token"].(string)
		refresh := map[string]string{"grant_type": "refresh_token", "client_id": tClient, "client_secret": tSecret, "refresh_token": rt}
		status, next := postToken(t, srv.URL, form, refresh)
		if status != 200 || next["refresh_token"] == rt {
			t.Fatalf("refresh: %d %v", status, next)
		}
		// Within the leeway the old token still works; after it, reuse voids the grant.
		if status, _ := postToken(t, srv.URL, form, refresh); status != 200 {
			t.Errorf("reuse within 10 min answered %d", status)
		}
		clk.add(11 * time.Minute)
		if status, _ := postToken(t, srv.URL, form, refresh); status != http.StatusForbidden {
			t.Errorf("reuse after the leeway answered %d", status)
		}
		newer := map[string]string{"grant_type": "refresh_token", "client_id": tClient, "client_secret": tSecret, "refresh_token": next["refresh_token"].(string)}
		if status, _ := postToken(t, srv.URL, form, newer); status != http.StatusForbidden {
			t.Errorf("after a voiding reuse the newest refresh token still answered %d", status)
		}
	}
}

func TestOAuth_noRefreshTokenWithoutOfflineAccess(t *testing.T) {
	_, srv := newTestSandbox(t, Options{})
	code := authorize(t, srv.URL, authQuery("read:jira-work")).Get("code")
	status, out := postToken(t, srv.URL, false, map[string]string{"grant_type": "authorization_code", "client_id": tClient,
		"client_secret": tSecret, "code": code, "redirect_uri": tCallback})
	if status != 200 || out["refresh_token"] != nil {
		t.Errorf("%d %v", status, out)
	}
}

// api calls the REST API of the first site.
func api(t *testing.T, sb *Sandbox, srv *httptest.Server, tok, method, path string, body any) (int, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, srv.URL+"/ex/jira/"+sb.Sites()[0].CloudID+path, rd)
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func TestAPI_refusesATokenWithoutTheScope(t *testing.T) {
	sb, srv := newTestSandbox(t, Options{})
	tok, _ := sb.IssueToken("read:jira-work")
	status, body := api(t, sb, srv, tok, "POST", "/rest/api/3/webhook", map[string]any{"url": "http://x/h", "webhooks": []any{}})
	if status != 401 || !strings.Contains(string(body), "scope does not match") {
		t.Errorf("%d %s", status, body)
	}
}

func TestWebhooks_registerPerItemExpireAndRefresh(t *testing.T) {
	clk := &clock{t: time.Now()}
	sb, srv := newTestSandbox(t, Options{Now: clk.now, WebhookTTL: 90 * time.Second})
	tok, _ := sb.IssueToken("read:jira-work manage:jira-webhook")
	hooks := make(chan *http.Request, 8)
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hooks <- r }))
	defer rcv.Close()
	status, body := api(t, sb, srv, tok, "POST", "/rest/api/3/webhook", map[string]any{"url": rcv.URL + "/hooks/jsm/b", "webhooks": []any{
		map[string]any{"events": []string{"jira:issue_created"}, "jqlFilter": "project = SUP"},
		map[string]any{"events": []string{"jira:issue_created"}, "jqlFilter": "watchCount = 3"},
	}})
	if status != 200 || !strings.Contains(string(body), `"createdWebhookId":1000`) || !strings.Contains(string(body), "The clause watchCount is unsupported") {
		t.Fatalf("%d %s", status, body)
	}
	if _, err := sb.CreateRequest(RequestInput{Summary: "one"}); err != nil {
		t.Fatal(err)
	}
	r := <-hooks
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") || r.Header.Get("X-Atlassian-Webhook-Identifier") == "" || r.URL.Query().Get("triggeredByUser") != AdminAccountID {
		t.Errorf("delivery headers %v url %s", r.Header, r.URL)
	}
	clk.add(91 * time.Second)
	if _, err := sb.CreateRequest(RequestInput{Summary: "after expiry"}); err != nil {
		t.Fatal(err)
	}
	if n := len(sb.Deliveries()); n != 1 {
		t.Errorf("an expired webhook delivered: %d deliveries", n)
	}
	status, body = api(t, sb, srv, tok, "PUT", "/rest/api/3/webhook/refresh", map[string]any{"webhookIds": []int64{1000}})
	if status != 200 || !strings.Contains(string(body), "expirationDate") || sb.Webhooks()[0].Expired {
		t.Errorf("refresh: %d %s %+v", status, body, sb.Webhooks())
	}
	status, body = api(t, sb, srv, tok, "GET", "/rest/api/3/webhook", nil)
	if status != 200 || !strings.Contains(string(body), `"jqlFilter":"project = SUP"`) || !strings.Contains(string(body), `"isLast":true`) {
		t.Errorf("list: %d %s", status, body)
	}
}

func TestWebhooks_capFiveAndDeleteIgnoresForeignIDs(t *testing.T) {
	sb, srv := newTestSandbox(t, Options{})
	tok, _ := sb.IssueToken("read:jira-work manage:jira-webhook")
	var specs []any
	for range 6 {
		specs = append(specs, map[string]any{"events": []string{"jira:issue_created"}, "jqlFilter": "project = SUP"})
	}
	_, body := api(t, sb, srv, tok, "POST", "/rest/api/3/webhook", map[string]any{"url": "http://127.0.0.1:1/h", "webhooks": specs})
	if len(sb.Webhooks()) != 5 || !strings.Contains(string(body), "already has 5 webhooks") {
		t.Errorf("%d webhooks; %s", len(sb.Webhooks()), body)
	}
	if status, _ := api(t, sb, srv, tok, "DELETE", "/rest/api/3/webhook", map[string]any{"webhookIds": []int64{1000, 999999}}); status != 202 {
		t.Errorf("delete answered %d", status)
	}
	if len(sb.Webhooks()) != 4 {
		t.Errorf("%d webhooks after deleting one", len(sb.Webhooks()))
	}
}

func TestDeliveries_areSignedWithTheClientSecretAndRetriedWithTheSameIdentifier(t *testing.T) {
	sb, srv := newTestSandbox(t, Options{})
	tok, _ := sb.IssueToken("read:jira-work manage:jira-webhook")
	var mu sync.Mutex
	var got []*http.Request
	rcv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r)
		n := len(got)
		mu.Unlock()
		if n == 1 {
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	defer rcv.Close()
	api(t, sb, srv, tok, "POST", "/rest/api/3/webhook", map[string]any{"url": rcv.URL + "/hooks/jsm/b",
		"webhooks": []any{map[string]any{"events": []string{"jira:issue_created"}, "jqlFilter": "project = SUP"}}})
	if _, err := sb.CreateRequest(RequestInput{Summary: "x"}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if !sb.WaitDeliveries(ctx, 1) {
		t.Fatal("delivery not done")
	}
	d := sb.Deliveries()[0]
	mu.Lock()
	defer mu.Unlock()
	if !d.OK || len(got) != 2 || got[0].Header.Get("X-Atlassian-Webhook-Identifier") != got[1].Header.Get("X-Atlassian-Webhook-Identifier") ||
		got[1].Header.Get("X-Atlassian-Webhook-Retry") != "1" {
		t.Fatalf("delivery %+v after %d attempts", d, len(got))
	}
	tok2 := strings.TrimPrefix(got[1].Header.Get("Authorization"), "Bearer ")
	parts := strings.Split(tok2, ".")
	want, _ := SignJWT(tSecret, map[string]any{})
	if len(parts) != 3 || !strings.HasPrefix(want, parts[0]+".") {
		t.Fatalf("not an HS256 JWT: %q", tok2)
	}
	u, _ := url.Parse(d.URL)
	claims := decodeClaims(t, parts[1])
	if claims["qsh"] != QSH("POST", u.Path, u.Query()) || claims["iss"] != sb.Sites()[0].CloudID {
		t.Errorf("claims %v", claims)
	}
	if resigned, _ := SignJWT(tSecret, claims); resigned != tok2 {
		t.Error("the JWT is not signed with the client secret")
	}
}

func TestAdminPage_showsARequestWithItsCommentsAndFields(t *testing.T) {
	sb, srv := newTestSandbox(t, Options{})
	id, _ := sb.AddField("Severity", "select", "High", "Low")
	tok, _ := sb.IssueToken("read:jira-work write:jira-work write:servicedesk-request")
	key, _ := sb.CreateRequest(RequestInput{Summary: "Pay fails <b>", Description: "since 10:05"})
	api(t, sb, srv, tok, "PUT", "/rest/api/3/issue/"+key, map[string]any{"fields": map[string]any{id: map[string]string{"value": "High"}}})
	api(t, sb, srv, tok, "POST", "/rest/servicedeskapi/request/"+key+"/comment", map[string]any{"body": "triage note", "public": false})
	resp, err := http.Get(srv.URL + "/sandbox/ui/requests/" + key)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	for _, want := range []string{"Pay fails &lt;b&gt;", "Internal note", "triage note", "Severity", "High"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func decodeClaims(t *testing.T, seg string) map[string]any {
	t.Helper()
	b, err := base64URL(seg)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func base64URL(s string) ([]byte, error) { return base64.RawURLEncoding.DecodeString(s) }

// A reporter's profile zone, set on the portal form, shows as timeZone on
// both the issue's reporter and the request's; a form left blank stands for
// a zone hidden by privacy settings, and the key is then absent.
func TestPortalForm_givesTheReporterTheZoneOnTheIssueAndTheRequest(t *testing.T) {
	sb, srv := newTestSandbox(t, Options{})
	tok, _ := sb.IssueToken("read:jira-work read:servicedesk-request")
	for _, zone := range []string{"Australia/Sydney", ""} {
		resp, err := http.PostForm(srv.URL+"/sandbox/ui/requests", url.Values{"summary": {"Down since 9:40"},
			"reporter_name": {"Cy"}, "reporter_email": {"cy@example.com"}, "reporter_time_zone": {" " + zone + " "}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		key := path.Base(resp.Request.URL.Path)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(key, sb.ProjectKey()+"-") {
			t.Fatalf("form: %d at %s", resp.StatusCode, resp.Request.URL)
		}
		var is struct {
			Fields struct {
				Reporter map[string]any `json:"reporter"`
			} `json:"fields"`
		}
		var rq struct {
			Reporter map[string]any `json:"reporter"`
		}
		for p, out := range map[string]any{"/rest/api/3/issue/" + key: &is, "/rest/servicedeskapi/request/" + key: &rq} {
			st, b := api(t, sb, srv, tok, "GET", p, nil)
			if err := json.Unmarshal(b, out); st != http.StatusOK || err != nil {
				t.Fatalf("GET %s: %d %v", p, st, err)
			}
		}
		for where, rep := range map[string]map[string]any{"issue": is.Fields.Reporter, "request": rq.Reporter} {
			tz, has := rep["timeZone"]
			if zone == "" && has || zone != "" && tz != zone || rep["displayName"] != "Cy" {
				t.Errorf("zone %q: the %s's reporter is %v", zone, where, rep)
			}
		}
	}
}
