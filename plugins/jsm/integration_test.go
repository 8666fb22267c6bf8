package jsm_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/internal/testbin"
	"github.com/sigsentry/deskgate/plugins/jsm"
	"github.com/sigsentry/deskgate/plugins/jsm/sandbox"
	"github.com/sigsentry/deskgate/sdk"
)

func TestInstall_findsTheSitesCloudIDAndRegistersOneFilteredWebhook(t *testing.T) {
	w := newWorld(t)
	w.binding.Attributes["site"] = "https://OTHER.atlassian.net/" // the second site listed
	st := w.install(t)
	other := w.sb.Sites()[1]
	if st.APIBaseURL != w.api.URL+"/ex/jira/"+other.CloudID {
		t.Errorf("APIBaseURL = %q, want the second site's base", st.APIBaseURL)
	}
	hooks := w.sb.Webhooks()
	if len(hooks) != 1 || hooks[0].JQL != "project = SUP" || hooks[0].URL != w.hookURL || strings.Join(hooks[0].Events, ",") != "jira:issue_created" {
		t.Fatalf("webhooks = %+v", hooks)
	}
	if half := hooks[0].Expires.Sub(time.Now()) / 2; st.MaintainAt.Before(time.Now().Add(half-time.Minute)) || st.MaintainAt.After(hooks[0].Expires) {
		t.Errorf("MaintainAt %s is not about halfway to the expiry %s", st.MaintainAt, hooks[0].Expires)
	}
	if st.Summary["cloud_id"] != other.CloudID || st.Summary["webhook_id"] == "" {
		t.Errorf("summary %v", st.Summary)
	}
	if bytes.Contains(mustJSON(t, st.Summary), []byte(testClientSecret)) {
		t.Error("the summary (shown to admins) carries the client secret")
	}
}

func TestInstall_refusesWhatItCannotWorkWith(t *testing.T) {
	tests := []struct {
		name   string
		change func(w *world, req *sdk.InstallRequest)
		want   string
	}{
		{"a site the token does not reach", func(w *world, r *sdk.InstallRequest) { r.Binding.Attributes["site"] = "nope.atlassian.net" }, "not among the sites"},
		{"a project that does not exist", func(w *world, r *sdk.InstallRequest) { r.Binding.Attributes["project_key"] = "OPS" }, "project OPS does not exist"},
		{"no client secret", func(w *world, r *sdk.InstallRequest) { r.Client = sdk.OAuthClient{} }, "client secret is needed"},
		{"a token without the webhook scope", func(w *world, r *sdk.InstallRequest) {
			access, _ := w.sb.IssueToken("read:jira-work write:jira-work read:servicedesk-request write:servicedesk-request")
			r.Credentials.AccessToken = access
		}, "lacks scope(s) manage:jira-webhook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			req := sdk.InstallRequest{Binding: w.binding, Credentials: w.creds, WebhookURL: w.hookURL, Client: w.client()}
			tt.change(w, &req)
			_, err := w.p.Install(context.Background(), req)
			if !sdk.IsKind(err, sdk.KindPermanent) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want permanent saying %q", err, tt.want)
			}
			if len(w.sb.Webhooks()) != 0 {
				t.Errorf("a failed install left %+v", w.sb.Webhooks())
			}
		})
	}
}

func TestInstall_deletesItsWebhookWhenALaterStepFails(t *testing.T) {
	w := newWorld(t)
	w.sb.InjectFaults("GET", "/rest/api/3/webhook", 1, sandbox.Fault500)
	_, err := w.p.Install(context.Background(), sdk.InstallRequest{Binding: w.binding, Credentials: w.creds, WebhookURL: w.hookURL, Client: w.client()})
	if !sdk.IsKind(err, sdk.KindRetryable) {
		t.Fatalf("got %v, want the retryable 500", err)
	}
	if hooks := w.sb.Webhooks(); len(hooks) != 0 {
		t.Errorf("rollback left %+v", hooks)
	}
}

func TestDelivery_fromTheSandboxVerifiesAndARetryKeepsItsIdentifier(t *testing.T) {
	w := newWorld(t)
	st := w.install(t)
	w.hookCode.Store(503) // first attempt fails: the sandbox retries
	key, err := w.sb.CreateRequest(sandbox.RequestInput{Summary: "Checkout down", Description: "500 on pay", Priority: "Highest"})
	if err != nil {
		t.Fatal(err)
	}
	first := w.nextDelivery(t)
	w.hookCode.Store(200)
	second := w.nextDelivery(t)
	if second.header.Get(jsm.HeaderRetry) != "1" {
		t.Errorf("retry header %q", second.header.Get(jsm.HeaderRetry))
	}
	var keys []string
	for _, d := range []delivery{first, second} {
		evs, err := w.verify(st, d, time.Now())
		if err != nil {
			t.Fatalf("verify: %v", err)
		}
		if evs[0].TicketID != key {
			t.Errorf("ticket %q, want %q", evs[0].TicketID, key)
		}
		keys = append(keys, evs[0].DedupKey)
	}
	if keys[0] != keys[1] {
		t.Errorf("a retry got another dedup key: %q", keys)
	}
}

func TestTickets_readCommentAndSetFieldsThroughTheSandbox(t *testing.T) {
	w := newWorld(t)
	st := w.install(t)
	creds := w.siteCreds(st)
	ctx := context.Background()
	key, _ := w.sb.CreateRequest(sandbox.RequestInput{Summary: "Login broken", Description: "line one\nline two", Priority: "Low",
		ReporterName: "Ada", ReporterEmail: "ada@example.com"})

	tk, err := w.p.GetTicket(ctx, creds, key)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Subject != "Login broken" || tk.Description != "line one\nline two" || tk.Priority != "low" ||
		tk.RequesterEmail != "ada@example.com" || tk.URL != "https://acme.atlassian.net/browse/"+key || tk.CreatedAt.IsZero() {
		t.Errorf("ticket %+v", *tk)
	}

	t.Run("a select is set by option value, case-insensitively", func(t *testing.T) {
		if err := w.p.SetFields(ctx, creds, key, map[string]any{w.sevID: "critical", w.svcID: "auth", w.urlID: "https://gw.example/analyses/1"}); err != nil {
			t.Fatal(err)
		}
		r, _ := w.sb.RequestByKey(key)
		if r.Fields[w.sevID] != "Critical" || r.Fields[w.svcID] != "auth" {
			t.Errorf("stored %v", r.Fields)
		}
		tk, _ := w.p.GetTicket(ctx, creds, key)
		if tk.CustomFields[w.sevID] != "Critical" {
			t.Errorf("read back %v", tk.CustomFields)
		}
	})
	t.Run("an unknown option names the field and the options", func(t *testing.T) {
		err := w.p.SetFields(ctx, creds, key, map[string]any{w.sevID: "apocalyptic"})
		var e *sdk.Error
		if !asErr(err, &e) || e.Field != w.sevID || !strings.Contains(e.Message, "Critical, High, Medium, Low") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("a field off the edit screen names the field", func(t *testing.T) {
		w.sb.SetFieldOnScreen(w.svcID, false)
		defer w.sb.SetFieldOnScreen(w.svcID, true)
		err := w.p.SetFields(ctx, creds, key, map[string]any{w.svcID: "auth"})
		var e *sdk.Error
		if !asErr(err, &e) || e.Kind != sdk.KindPermanent || e.Field != w.svcID {
			t.Errorf("got %v", err)
		}
	})
	t.Run("Jira's 400 errors map becomes a field-named error", func(t *testing.T) {
		err := w.p.SetFields(ctx, creds, key, map[string]any{w.urlID: "not a url"})
		var e *sdk.Error
		if !asErr(err, &e) || e.Kind != sdk.KindPermanent || e.Field != w.urlID || !strings.Contains(e.Message, "Not a valid URL") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("an internal note and a public reply keep their visibility, and a keyed post is made once", func(t *testing.T) {
		note := sdk.Comment{Body: "Triage: critical", Key: "jsm/support/" + key + "/triage_note"}
		for range 2 {
			if err := w.p.PostComment(ctx, creds, key, note); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.p.PostComment(ctx, creds, key, sdk.Comment{Body: "We are on it", Public: true}); err != nil {
			t.Fatal(err)
		}
		r, _ := w.sb.RequestByKey(key)
		if len(r.Comments) != 2 || r.Comments[0].Public || !strings.HasPrefix(r.Comments[0].Body, "Triage: critical\n\nref dg-") || !r.Comments[1].Public {
			t.Errorf("comments %+v", r.Comments)
		}
	})
	t.Run("a 429 is retryable with the desk's Retry-After", func(t *testing.T) {
		w.sb.InjectFaults("POST", "/rest/servicedeskapi/request/", 2, sandbox.Fault429)
		for i := range 2 {
			err := w.p.PostComment(ctx, creds, key, sdk.Comment{Body: "x"})
			if !sdk.IsKind(err, sdk.KindRetryable) || sdk.RetryAfter(err) != time.Second {
				t.Errorf("attempt %d: %v", i, err)
			}
		}
		if err := w.p.PostComment(ctx, creds, key, sdk.Comment{Body: "third time"}); err != nil {
			t.Errorf("after the 429s: %v", err)
		}
	})
	t.Run("a missing request is not_found", func(t *testing.T) {
		if _, err := w.p.GetTicket(ctx, creds, "SUP-424242"); !sdk.IsKind(err, sdk.KindNotFound) {
			t.Errorf("got %v", err)
		}
	})
}

// The reporter's profile zone reaches the ticket over real HTTP; a hidden
// one, or one that is not a zone, leaves it empty.
func TestGetTicket_givesTheReporterProfileZoneThroughTheSandbox(t *testing.T) {
	w := newWorld(t)
	creds := w.siteCreds(w.install(t))
	for _, c := range []struct{ zone, want string }{
		{"Australia/Sydney", "Australia/Sydney"},
		{"", ""},
		{"Eastern Time (US & Canada)", ""},
	} {
		key, err := w.sb.CreateRequest(sandbox.RequestInput{Summary: "Checkout down since 9:40", ReporterName: "Cy", ReporterTimeZone: c.zone})
		if err != nil {
			t.Fatal(err)
		}
		tk, err := w.p.GetTicket(context.Background(), creds, key)
		if err != nil {
			t.Fatal(err)
		}
		if tk.RequesterTimeZone != c.want || tk.RequesterName != "Cy" {
			t.Errorf("reporter zone %q: ticket zone %q, name %q; want %q", c.zone, tk.RequesterTimeZone, tk.RequesterName, c.want)
		}
	}
}

func TestMaintain_refreshesTheWebhookBeforeItLapses(t *testing.T) {
	w := newWorld(t, func(o *sandbox.Options) { o.WebhookTTL = 90 * time.Second })
	st := w.install(t)
	before := w.sb.Webhooks()[0]
	if d := st.MaintainAt.Sub(time.Now()); d < 30*time.Second || d > 50*time.Second {
		t.Errorf("maintenance due in %s, want about 45s (half of 90s)", d)
	}
	w.sb.SetWebhookTTL(10 * time.Minute)
	next, err := w.p.Maintain(context.Background(), sdk.MaintainRequest{Credentials: w.siteCreds(st), State: st, Binding: w.binding, Client: w.client()})
	if err != nil {
		t.Fatal(err)
	}
	after := w.sb.Webhooks()
	if len(after) != 1 || after[0].ID != before.ID || !after[0].Expires.After(before.Expires.Add(5*time.Minute)) {
		t.Errorf("webhooks before %+v after %+v", before, after)
	}
	if !next.MaintainAt.After(st.MaintainAt) {
		t.Errorf("next maintenance %s is not after %s", next.MaintainAt, st.MaintainAt)
	}
}

func TestMaintain_registersAgainAWebhookThatWasDeleted(t *testing.T) {
	w := newWorld(t)
	st := w.install(t)
	w.sb.RevokeAll() // drop tokens, then reissue: the admin deleted the webhook meanwhile
	w.access, _ = w.sb.IssueToken(strings.Join(jsm.Scopes, " "))
	old := w.sb.Webhooks()[0].ID
	if err := w.p.Uninstall(context.Background(), w.siteCreds(st), st); err != nil {
		t.Fatal(err)
	}
	next, err := w.p.Maintain(context.Background(), sdk.MaintainRequest{Credentials: w.siteCreds(st), State: st, Binding: w.binding, Client: w.client()})
	if err != nil {
		t.Fatal(err)
	}
	hooks := w.sb.Webhooks()
	if len(hooks) != 1 || hooks[0].ID == old || next.Summary["webhook_id"] == st.Summary["webhook_id"] {
		t.Errorf("webhooks %+v, state %v", hooks, next.Summary)
	}
	if _, err := w.sb.CreateRequest(sandbox.RequestInput{Summary: "after repair"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.verify(*next, w.nextDelivery(t), time.Now()); err != nil {
		t.Errorf("the repaired installation does not verify: %v", err)
	}
}

func TestCheck_saysWhatIsWrong(t *testing.T) {
	w := newWorld(t)
	st := w.install(t)
	ctx := context.Background()
	if _, err := w.sb.CreateRequest(sandbox.RequestInput{Summary: "sample"}); err != nil {
		t.Fatal(err)
	}
	failing := func(rs []sdk.CheckResult) map[string]string {
		out := map[string]string{}
		for _, r := range rs {
			if !r.OK {
				out[r.Name] = r.Detail
			}
		}
		return out
	}
	rs, err := w.p.Check(ctx, w.siteCreds(st), st, w.binding)
	if err != nil || len(failing(rs)) > 0 {
		t.Fatalf("fresh install: %v %v", failing(rs), err)
	}
	w.sb.SetFieldOnScreen(w.urlID, false)
	overdue := st
	overdue.MaintainAt = time.Now().Add(-time.Hour)
	rs, _ = w.p.Check(ctx, w.siteCreds(st), overdue, w.binding)
	got := failing(rs)
	b := w.binding
	b.Attributes = map[string]string{"site": "acme.atlassian.net", "project_key": "OPS", "api_url": w.api.URL}
	rs, _ = w.p.Check(ctx, w.siteCreds(st), st, b)
	for name, detail := range failing(rs) {
		got[name] = detail
	}
	for name, want := range map[string]string{
		"field analysis_url": "not on the edit screen", "webhook": "maintenance is overdue",
		"webhook filter": `not "project = OPS"`, "project OPS": "does not exist",
	} {
		if !strings.Contains(got[name], want) {
			t.Errorf("check %q = %q, want it to say %q (all failing: %v)", name, got[name], want, got)
		}
	}
}

func TestLogs_neverCarryTheTokenOrClientSecret(t *testing.T) {
	w := newWorld(t)
	var buf syncBuffer
	w.p = jsm.New(jsm.WithLogger(hclog.New(&hclog.LoggerOptions{Output: &buf, Level: hclog.Trace, JSONFormat: true})))
	ctx := context.Background()
	st := w.install(t)
	creds := w.siteCreds(st)
	key, _ := w.sb.CreateRequest(sandbox.RequestInput{Summary: "s"})
	_, _ = w.verify(st, w.nextDelivery(t), time.Now())
	_, _ = w.p.GetTicket(ctx, creds, key)
	_ = w.p.PostComment(ctx, creds, key, sdk.Comment{Body: "x", Key: "k"})
	_ = w.p.SetFields(ctx, creds, key, map[string]any{"customfield_1": "x"})
	_, _ = w.p.Check(ctx, creds, st, w.binding)
	_, _ = w.p.Maintain(ctx, sdk.MaintainRequest{Credentials: creds, State: st, Binding: w.binding, Client: w.client()})
	_ = w.p.Uninstall(ctx, creds, st)
	w.sb.RevokeAll()
	_, _ = w.p.GetTicket(ctx, creds, key) // 401 now
	out := buf.String()
	if out == "" {
		t.Fatal("nothing was logged: the test would prove nothing")
	}
	for name, secret := range map[string]string{"access token": w.access, "client secret": testClientSecret} {
		if strings.Contains(out, secret) {
			t.Errorf("logs carry the %s", name)
		}
	}
}

func TestBinary_printsItsVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the plugin binary")
	}
	out, err := exec.Command(testbin.Path(t, "deskgate-plugin-jsm"), "-version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "deskgate-plugin-jsm ") {
		t.Fatalf("-version: %v: %q", err, out)
	}
}

// syncBuffer is a bytes.Buffer safe for the logger's concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func asErr(err error, target **sdk.Error) bool {
	return err != nil && errors.As(err, target)
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
