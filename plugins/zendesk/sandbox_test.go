package zendesk_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/plugins/zendesk"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
	"github.com/sigsentry/deskgate/sdk"
)

// delivery is one webhook request the fake gateway endpoint received.
type delivery struct {
	header http.Header
	body   []byte
}

// world is one sandbox Zendesk account over real HTTP, a gateway endpoint
// that records deliveries, and a token with the plugin's scopes.
type world struct {
	sb         *sandbox.Sandbox
	api        *httptest.Server
	hookURL    string
	deliveries chan delivery
	access     string
	creds      sdk.Credentials
	binding    sdk.Binding
	p          *zendesk.Platform
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{deliveries: make(chan delivery, 16)}
	gw := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		select {
		case w.deliveries <- delivery{header: r.Header.Clone(), body: b}:
		default:
		}
	}))
	t.Cleanup(gw.Close)
	w.hookURL = gw.URL + "/hooks/zendesk/acme"
	w.sb = sandbox.New(sandbox.Options{})
	t.Cleanup(w.sb.Close) // runs before gw.Close: deliveries stop first
	w.api = httptest.NewServer(w.sb.Handler())
	t.Cleanup(w.api.Close)
	w.access, _ = w.sb.IssueToken(strings.Join(zendesk.Scopes, " "))
	w.creds = sdk.Credentials{AccessToken: w.access, APIBaseURL: w.api.URL}
	w.binding = sdk.Binding{Platform: "zendesk", Name: "acme",
		Attributes: map[string]string{"subdomain": "acme", "api_url": w.api.URL}}
	w.p = zendesk.New()
	return w
}

func (w *world) install(t *testing.T) sdk.InstallState {
	t.Helper()
	st, err := w.p.Install(context.Background(), sdk.InstallRequest{Binding: w.binding, Credentials: w.creds, WebhookURL: w.hookURL})
	if err != nil {
		t.Fatalf("install: %v", err)
	}
	return *st
}

func (w *world) nextDelivery(t *testing.T) delivery {
	t.Helper()
	select {
	case d := <-w.deliveries:
		return d
	case <-time.After(10 * time.Second):
		t.Fatal("no webhook delivery within 10s")
		return delivery{}
	}
}

func TestSandbox_installRegistersWebhookAndTrigger(t *testing.T) {
	w := newWorld(t)
	st := w.install(t)
	hooks := w.sb.Webhooks()
	if len(hooks) != 1 || hooks[0].Endpoint != w.hookURL || hooks[0].Status != "active" || hooks[0].ID != st.Summary["webhook_id"] {
		t.Fatalf("webhooks = %+v, summary %v", hooks, st.Summary)
	}
	trs := w.sb.Triggers()
	if len(trs) != 1 || !trs[0].Active || strconv.FormatInt(trs[0].ID, 10) != st.Summary["trigger_id"] {
		t.Fatalf("triggers = %+v", trs)
	}
	if strings.Contains(string(st.Data), w.access) {
		t.Error("install state holds the access token")
	}
}

func TestSandbox_aCreatedTicketArrivesAsAVerifiedEvent(t *testing.T) {
	w := newWorld(t)
	st := w.install(t)
	id, err := w.sb.CreateTicket(sandbox.TicketInput{Subject: "Checkout \"down\"", Description: "Cannot pay\nsince 10:00",
		Priority: "urgent", RequesterName: "Ann Buyer", RequesterEmail: "ann@example.com", RequesterTimeZone: "Asia/Tokyo", Tags: []string{"vip"}})
	if err != nil {
		t.Fatal(err)
	}
	d := w.nextDelivery(t)
	evs, err := w.p.Verify(context.Background(), sdk.VerifyRequest{State: st, Headers: d.header, Body: d.body, Now: time.Now()})
	if err != nil {
		t.Fatalf("verify a real delivery: %v (body %s)", err, d.body)
	}
	want := strconv.FormatInt(id, 10)
	if len(evs) != 1 || evs[0].TicketID != want || evs[0].Type != "ticket.created" || evs[0].DedupKey == "" || evs[0].OccurredAt.IsZero() {
		t.Fatalf("events = %+v", evs)
	}

	// The same delivery with its body changed must not verify.
	tampered := strings.Replace(string(d.body), want, want+"0", 1)
	if _, err := w.p.Verify(context.Background(), sdk.VerifyRequest{State: st, Headers: d.header, Body: []byte(tampered), Now: time.Now()}); !sdk.IsKind(err, sdk.KindRejected) {
		t.Errorf("tampered delivery: %v, want rejected", err)
	}

	tk, err := w.p.GetTicket(context.Background(), w.creds, want)
	if err != nil {
		t.Fatal(err)
	}
	if tk.Subject != `Checkout "down"` || tk.Priority != "urgent" || tk.RequesterName != "Ann Buyer" ||
		tk.RequesterEmail != "ann@example.com" || tk.RequesterTimeZone != "Asia/Tokyo" || !slices.Contains(tk.Tags, "vip") || tk.URL != w.api.URL+"/agent/tickets/"+want {
		t.Errorf("ticket = %+v", tk)
	}
}

func TestSandbox_postsNotesRepliesAndFields(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	id, err := w.sb.CreateTicket(sandbox.TicketInput{Subject: "s", Description: "d", RequesterName: "Ann", RequesterEmail: "ann@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	tid := strconv.FormatInt(id, 10)
	if err := w.p.PostComment(ctx, w.creds, tid, sdk.Comment{Body: "Triage: high"}); err != nil {
		t.Fatal(err)
	}
	if err := w.p.PostComment(ctx, w.creds, tid, sdk.Comment{HTMLBody: "<p>Hi Ann</p>", Public: true}); err != nil {
		t.Fatal(err)
	}
	cs := w.sb.Comments(id)
	var note, reply *sandbox.Comment
	for i := range cs {
		switch {
		case strings.Contains(cs[i].Body, "Triage: high"):
			note = &cs[i]
		case strings.Contains(cs[i].HTMLBody, "Hi Ann"):
			reply = &cs[i]
		}
	}
	if note == nil || note.Public {
		t.Errorf("internal note missing or public: %+v", cs)
	}
	if reply == nil || !reply.Public {
		t.Errorf("public reply missing or internal: %+v", cs)
	}

	sev := w.sb.AddTicketField("Severity", "text")
	svc := w.sb.AddTicketField("Affected service", "text")
	fields := map[string]any{strconv.FormatInt(sev, 10): "high", strconv.FormatInt(svc, 10): "checkout-api"}
	if err := w.p.SetFields(ctx, w.creds, tid, fields); err != nil {
		t.Fatal(err)
	}
	got := w.sb.CustomFields(id)
	if got[sev] != "high" || got[svc] != "checkout-api" {
		t.Errorf("custom fields = %v", got)
	}
	tk, err := w.p.GetTicket(ctx, w.creds, tid)
	if err != nil {
		t.Fatal(err)
	}
	if tk.CustomFields[strconv.FormatInt(sev, 10)] != "high" {
		t.Errorf("GetTicket custom fields = %v", tk.CustomFields)
	}

	err = w.p.SetFields(ctx, w.creds, tid, map[string]any{strconv.FormatInt(sev, 10): "x", "999999": "y"})
	var e *sdk.Error
	if !errorsAs(err, &e) || e.Kind != sdk.KindPermanent || e.Field != "999999" || !strings.Contains(e.Message, "999999") {
		t.Errorf("a bad field id gave %#v, want permanent naming field 999999", err)
	}
}

func TestSandbox_checkPassesAfterInstallAndSeesDrift(t *testing.T) {
	w := newWorld(t)
	st := w.install(t)
	sev := w.sb.AddTicketField("Severity", "text")
	locked := w.sb.AddTicketField("Locked", "text")
	w.sb.SetFieldEditable(locked, false)
	b := w.binding
	b.FieldIDs = map[string]string{"severity": strconv.FormatInt(sev, 10), "affected_service": strconv.FormatInt(locked, 10)}
	res, err := w.p.Check(context.Background(), w.creds, st, b)
	if err != nil {
		t.Fatal(err)
	}
	var failing []string
	for _, r := range res {
		if !r.OK {
			failing = append(failing, r.Name)
		}
	}
	if len(res) != 5 || !slices.Equal(failing, []string{"field affected_service"}) {
		t.Errorf("results = %+v", res)
	}
}

func TestSandbox_uninstallLeavesNothingAndRevokesTheToken(t *testing.T) {
	w := newWorld(t)
	st := w.install(t)
	if err := w.p.Uninstall(context.Background(), w.creds, st); err != nil {
		t.Fatal(err)
	}
	if hooks, trs := w.sb.Webhooks(), w.sb.Triggers(); len(hooks) != 0 || len(trs) != 0 {
		t.Errorf("left behind: webhooks %+v triggers %+v", hooks, trs)
	}
	if w.sb.TokenValid(w.access) {
		t.Error("the token still works after uninstall")
	}
	// Retried with the dead token: every part is already done.
	if err := w.p.Uninstall(context.Background(), w.creds, sdk.InstallState{}); err != nil {
		t.Errorf("second uninstall without state: %v", err)
	}
	// Retried with a fresh token after a partial failure: objects already
	// gone count as done.
	fresh, _ := w.sb.IssueToken(strings.Join(zendesk.Scopes, " "))
	creds := sdk.Credentials{AccessToken: fresh, APIBaseURL: w.api.URL}
	if err := w.p.Uninstall(context.Background(), creds, st); err != nil {
		t.Errorf("second uninstall: %v", err)
	}
	if w.sb.TokenValid(fresh) {
		t.Error("the second token still works")
	}
}

func TestSandbox_installRollsBackWhenTheTriggerFails(t *testing.T) {
	tests := []struct {
		name string
		kind sandbox.FaultKind
		want sdk.ErrorKind
	}{
		{"500", sandbox.Fault500, sdk.KindRetryable},
		{"429", sandbox.Fault429, sdk.KindRetryable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			w.sb.InjectFaults("/api/v2/triggers", 1, tt.kind)
			_, err := w.p.Install(context.Background(), sdk.InstallRequest{Binding: w.binding, Credentials: w.creds, WebhookURL: w.hookURL})
			if sdk.KindOf(err) != tt.want || !strings.Contains(err.Error(), "create trigger") {
				t.Fatalf("err = %v, want the trigger failure as %v", err, tt.want)
			}
			if tt.kind == sandbox.Fault429 && sdk.RetryAfter(err) <= 0 {
				t.Errorf("429 without a Retry-After hint: %v", err)
			}
			if hooks, trs := w.sb.Webhooks(), w.sb.Triggers(); len(hooks) != 0 || len(trs) != 0 {
				t.Errorf("left behind: webhooks %+v triggers %+v", hooks, trs)
			}
			// The account is clean: a retried install succeeds.
			w.install(t)
		})
	}
}

func TestSandbox_revokedTokenIsAuthExpiredWithoutLeakingIt(t *testing.T) {
	w := newWorld(t)
	w.sb.RevokeAll()
	_, err := w.p.GetTicket(context.Background(), w.creds, "1")
	if !sdk.IsKind(err, sdk.KindAuthExpired) {
		t.Fatalf("err = %v, want auth expired", err)
	}
	if strings.Contains(err.Error(), w.access) {
		t.Error("error leaks the token")
	}
}

func errorsAs(err error, target **sdk.Error) bool { return errors.As(err, target) }

func sandboxTicket() sandbox.TicketInput {
	return sandbox.TicketInput{Subject: "Checkout down", Description: "Cannot pay", RequesterName: "Ann", RequesterEmail: "ann@example.com"}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestPostComment_withAKeyPostsOnce(t *testing.T) {
	w := newWorld(t)
	sb, creds, p := w.sb, w.creds, w.p
	id, err := sb.CreateTicket(sandbox.TicketInput{Subject: "s", Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	tid := strconv.FormatInt(id, 10)
	for i := 0; i < 2; i++ { // the second post is a retry after a lost answer
		if err := p.PostComment(context.Background(), creds, tid, sdk.Comment{HTMLBody: "<p>triage</p>", Key: "zendesk/acme/" + tid + "/triage_note"}); err != nil {
			t.Fatalf("post %d: %v", i, err)
		}
	}
	if err := p.PostComment(context.Background(), creds, tid, sdk.Comment{HTMLBody: "<p>analysis</p>", Key: "zendesk/acme/" + tid + "/analysis_note"}); err != nil {
		t.Fatal(err)
	}
	cs := sb.Comments(id)
	if len(cs) != 3 { // the description, the triage note, the analysis note
		t.Fatalf("ticket has %d comments, want 3: a keyed post must not repeat", len(cs))
	}
	if !strings.Contains(cs[1].HTMLBody, "ref dg-") || strings.Contains(cs[1].HTMLBody, "zendesk/acme") {
		t.Errorf("keyed note must carry a hashed reference, not the key: %s", cs[1].HTMLBody)
	}
}

// longEmail is about 42 KiB of e-mail text; Zendesk returns it three times
// per comment (body, html_body, plain_body).
func longEmail(i int) string {
	line := fmt.Sprintf("> reply %d: the checkout page still shows the spinner after I press Pay; see the quoted thread below. ", i)
	return strings.Repeat(line, 42*1024/len(line)+1)
}

func addLongEmails(t *testing.T, sb *sandbox.Sandbox, id int64, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if _, err := sb.AddComment(id, sandbox.CommentInput{Body: longEmail(i)}); err != nil {
			t.Fatal(err)
		}
	}
}

// commentPageBytes is the size of the page of 100 comments the plugin used
// to read before a keyed post.
func commentPageBytes(t *testing.T, w *world, id int64) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, w.api.URL+"/api/v2/tickets/"+itoa(id)+"/comments.json?sort_order=desc&per_page=100", nil)
	req.Header.Set("Authorization", "Bearer "+w.access)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return len(b)
}

func TestSandbox_aKeyedNoteOnATicketWithLongEmailsIsPostedOnceAndFoundAgain(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	id, err := w.sb.CreateTicket(sandboxTicket())
	if err != nil {
		t.Fatal(err)
	}
	addLongEmails(t, w.sb, id, 40)
	if n := commentPageBytes(t, w, id); n < 5_000_000 {
		t.Fatalf("a page of the ticket's comments is %d bytes; the test needs one over 5 MB", n)
	}
	tid := itoa(id)
	note := sdk.Comment{HTMLBody: "<p>Triage: high</p>", Key: "zendesk/acme/" + tid + "/triage_note"}
	if err := w.p.PostComment(ctx, w.creds, tid, note); err != nil {
		t.Fatalf("keyed note on a ticket whose comment page is over 5 MB: %v", err)
	}
	if got := len(w.sb.Comments(id)); got != 42 {
		t.Fatalf("ticket has %d comments, want 42 (description, 40 e-mails, the note)", got)
	}
	// A retry after a lost answer finds the note among the newest comments.
	if err := w.p.PostComment(ctx, w.creds, tid, note); err != nil {
		t.Fatal(err)
	}
	// More long e-mails arrive; a later retry pages back to the note.
	addLongEmails(t, w.sb, id, 40)
	if err := w.p.PostComment(ctx, w.creds, tid, note); err != nil {
		t.Fatal(err)
	}
	notes := 0
	for _, c := range w.sb.Comments(id) {
		if strings.Contains(c.HTMLBody, "Triage: high") {
			notes++
		}
	}
	if notes != 1 {
		t.Errorf("the ticket has %d triage notes, want exactly 1", notes)
	}
}

func TestSandbox_setFieldsTellsTheTruth(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, w *world, ticket, sev, svc int64)
		value string // sent to the severity drop-down
		// want: "" for success, else the field the error names ("-" none)
		field    string
		mentions []string
		kept     any // the severity value the ticket holds afterwards
	}{
		{name: "a drop-down value among the option tags is set",
			value: "high", kept: "high"},
		{name: "a drop-down value that is not an option tag is reported naming the field and the value",
			value: "critical", field: "sev", mentions: []string{`"critical"`, "low, medium, high", "option tag"}, kept: "medium"},
		{name: "a required field missing on a solved ticket is reported without naming a field sent",
			setup: func(t *testing.T, w *world, ticket, sev, svc int64) {
				req := w.sb.AddTicketField("Type", "tagger")
				w.sb.SetFieldRequired(req, true)
				if err := w.sb.SetTicketStatus(ticket, "solved"); err != nil {
					t.Fatal(err)
				}
			},
			value: "high", field: "-", mentions: []string{"Type: is required when solving a ticket"}, kept: "medium"},
		{name: "a closed ticket is reported without naming a field",
			setup: func(t *testing.T, w *world, ticket, sev, svc int64) {
				if err := w.sb.SetTicketStatus(ticket, "closed"); err != nil {
					t.Fatal(err)
				}
			},
			value: "high", field: "-", mentions: []string{"closed prevents ticket update"}, kept: "medium"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			id, err := w.sb.CreateTicket(sandboxTicket())
			if err != nil {
				t.Fatal(err)
			}
			sev := w.sb.AddDropdownField("Severity", "low", "medium", "high")
			svc := w.sb.AddTicketField("Affected service", "text")
			fields := map[string]any{itoa(sev): "medium", itoa(svc): "checkout-api"}
			if err := w.p.SetFields(ctx, w.creds, itoa(id), fields); err != nil {
				t.Fatalf("first set: %v", err)
			}
			if tt.setup != nil {
				tt.setup(t, w, id, sev, svc)
			}
			fields[itoa(sev)] = tt.value
			err = w.p.SetFields(ctx, w.creds, itoa(id), fields)
			if got := w.sb.CustomFields(id)[sev]; got != tt.kept {
				t.Errorf("the ticket's severity is %v, want %v", got, tt.kept)
			}
			if tt.field == "" {
				if err != nil {
					t.Fatalf("err = %v, want success", err)
				}
				return
			}
			var e *sdk.Error
			if !errorsAs(err, &e) || e.Kind != sdk.KindPermanent {
				t.Fatalf("err = %v, want a permanent *sdk.Error", err)
			}
			t.Logf("message: %s", e.Message)
			want := map[string]string{"sev": itoa(sev), "-": ""}[tt.field]
			if e.Field != want {
				t.Errorf("error names field %q, want %q", e.Field, want)
			}
			for _, m := range tt.mentions {
				if !strings.Contains(e.Message, m) {
					t.Errorf("message %q does not mention %s", e.Message, m)
				}
			}
		})
	}
}

func TestSandbox_checkReportsADropDownMissingSeverityTags(t *testing.T) {
	w := newWorld(t)
	st := w.install(t)
	sev := w.sb.AddDropdownField("Severity", "low", "medium", "high")
	svc := w.sb.AddDropdownField("Affected service", "checkout-api", "search")
	b := w.binding
	b.FieldIDs = map[string]string{"severity": itoa(sev), "affected_service": itoa(svc)}
	res, err := w.p.Check(context.Background(), w.creds, st, b)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]sdk.CheckResult{}
	for _, r := range res {
		byName[r.Name] = r
	}
	if r := byName["field severity"]; r.OK || !strings.Contains(r.Fix, "add the option tags critical to field "+itoa(sev)) {
		t.Errorf("severity check = %+v, want a failure telling to add critical to field %d", r, sev)
	}
	if r := byName["field affected_service"]; !r.OK || !strings.Contains(r.Detail, "checkout-api, search") {
		t.Errorf("affected_service check = %+v, want OK listing its option tags", r)
	}
}
