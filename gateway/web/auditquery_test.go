package web

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
)

// twoAcmes configures acme on two platforms (a bare "acme" is ambiguous)
// and globex on one.
var twoAcmes = map[string][]byte{
	"/cfg/deskgate.hcl": []byte(testMain + `
platform "jsm" {
  client_id     = "jid"
  client_secret = "jsecret"
}
`),
	"/cfg/bindings/acme.hcl": []byte(testBinding + `
binding "jsm" "acme" {
  project = "checkout"
  site    = "acme"
}
binding "zendesk" "globex" {
  project   = "checkout"
  subdomain = "globex"
}
`),
}

// seedAudit writes the entries the audit tests filter: two tickets of
// zendesk/acme, one of jsm/acme, one of a binding no longer configured,
// and a queued (not yet processed) delivery of ticket 55.
func seedAudit(t *testing.T, ts *testServer) {
	t.Helper()
	ctx := t.Context()
	now := time.Now()
	for _, e := range []store.AuditEntry{
		{Time: now.Add(-3 * time.Hour), Binding: "zendesk/acme", TicketID: "8", Action: "triage", Outcome: store.OutcomeOK, Message: "severity low"},
		{Time: now.Add(-30 * time.Minute), Binding: "zendesk/acme", TicketID: "7", Action: "triage", Outcome: store.OutcomeOK, Message: "severity high"},
		{Time: now.Add(-20 * time.Minute), Binding: "jsm/acme", TicketID: "ACME-1", Action: "triage", Outcome: store.OutcomeOK, Message: "severity medium"},
		{Time: now.Add(-48 * time.Hour), Binding: "zendesk/old", TicketID: "1", Action: "triage", Outcome: store.OutcomeOK, Message: "severity low"},
	} {
		if err := ts.store.AppendAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ts.queue.Enqueue(ctx, queue.Job{Binding: store.BindingKey{Platform: "zendesk", Name: "acme"},
		Type: "ticket.created", TicketID: "55", Payload: []byte(`{}`)}); err != nil {
		t.Fatal(err)
	}
}

func TestAPIAudit_resolvesTheBindingAndExplainsEmptyAnswers(t *testing.T) {
	one := newTestServer(t)
	two := newTestServerFiles(t, twoAcmes)
	seedAudit(t, one)
	seedAudit(t, two)
	auth := map[string]string{"Authorization": "Bearer " + testToken}
	tests := []struct {
		name    string
		ts      *testServer
		query   string
		status  int
		tickets string // the entries' ticket ids, newest first
		binding string // the answer's resolved binding
		trace   string
		err     string // the error's text, for a refusal
	}{
		{name: "full name selects its entries", ts: two, query: "binding=zendesk/acme", status: 200, tickets: "7,8", binding: "zendesk/acme"},
		{name: "bare name held by one binding selects its entries", ts: one, query: "binding=acme", status: 200, tickets: "7,8", binding: "zendesk/acme"},
		{name: "bare name unique among several bindings", ts: two, query: "binding=globex", status: 200, tickets: "", binding: "zendesk/globex"},
		{name: "bare name of two platforms is ambiguous", ts: two, query: "binding=acme", status: 400,
			err: `binding "acme" is ambiguous: zendesk/acme, jsm/acme`},
		{name: "unknown name is not found", ts: one, query: "binding=acmee", status: 404,
			err: `no binding "acmee" (configured: zendesk/acme)`},
		{name: "unknown full name is not found", ts: one, query: "binding=zendesk/acmee", status: 404,
			err: `no binding "zendesk/acmee" (configured: zendesk/acme)`},
		{name: "removed binding keeps its history under its full name", ts: one, query: "binding=zendesk/old", status: 200, tickets: "1", binding: "zendesk/old"},
		{name: "empty result for a real binding stays empty", ts: one, query: "binding=acme&since=1m", status: 200, tickets: "", binding: "zendesk/acme"},
		{name: "since as days", ts: one, query: "since=2d", status: 200, tickets: "ACME-1,7,8"},
		{name: "since as RFC 3339", ts: one, query: "since=" + time.Now().Add(-time.Hour).UTC().Format(time.RFC3339), status: 200, tickets: "ACME-1,7"},
		{name: "unparseable since is refused, not everything", ts: one, query: "since=yesterday", status: 400,
			err: `since "yesterday": want RFC 3339 or a duration like 1h or 2d`},
		{name: "negative since is refused", ts: one, query: "since=-1h", status: 400,
			err: `since "-1h": want RFC 3339 or a duration like 1h or 2d`},
		{name: "ticket with entries", ts: one, query: "ticket=7", status: 200, tickets: "7"},
		{name: "ticket that never reached the gateway", ts: one, query: "ticket=999", status: 200, tickets: "", trace: TicketNeverReached},
		{name: "ticket of another binding never reached this one", ts: two, query: "ticket=7&binding=globex", status: 200, tickets: "",
			binding: "zendesk/globex", trace: TicketNeverReached},
		{name: "ticket whose entries the other filters exclude", ts: one, query: "ticket=8&since=1h", status: 200, tickets: "", trace: TicketFilteredOut},
		{name: "ticket whose delivery waits in the queue", ts: one, query: "ticket=55&binding=acme", status: 200, tickets: "",
			binding: "zendesk/acme", trace: TicketQueued},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := tt.ts.request(t, "GET", "/api/audit?"+tt.query, nil, auth)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if tt.err != "" {
				var e struct{ Error string }
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error != tt.err {
					t.Fatalf("error %q, want %q", e.Error, tt.err)
				}
				return
			}
			var a AuditAnswer
			if err := json.Unmarshal([]byte(body), &a); err != nil {
				t.Fatalf("answer: %v\n%s", err, body)
			}
			var got []string
			for _, e := range a.Entries {
				got = append(got, e.TicketID)
			}
			if strings.Join(got, ",") != tt.tickets || a.Binding != tt.binding || a.TicketTrace != tt.trace {
				t.Errorf("tickets %v, binding %q, trace %q; want %s, %q, %q", got, a.Binding, a.TicketTrace, tt.tickets, tt.binding, tt.trace)
			}
			if a.Entries == nil || !strings.Contains(body, `"entries": [`) {
				t.Errorf("entries must be a list, even when empty: %s", body)
			}
		})
	}
}

func TestAuditAnswer_emptyMessageNamesWhatWasAskedFor(t *testing.T) {
	since := time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)
	tests := []struct {
		name string
		a    AuditAnswer
		want string
	}{
		{"no filter", AuditAnswer{}, "no audit entries"},
		{"binding", AuditAnswer{Binding: "zendesk/acme"}, "no audit entries for zendesk/acme"},
		{"binding and since", AuditAnswer{Binding: "zendesk/acme", Since: &since}, "no audit entries for zendesk/acme since 2026-01-02T15:04:05Z"},
		{"ticket never reached", AuditAnswer{Ticket: "999", TicketTrace: TicketNeverReached},
			"no audit entries for ticket 999 (no delivery for it reached the gateway)"},
		{"ticket on a binding, queued", AuditAnswer{Ticket: "55", Binding: "zendesk/acme", TicketTrace: TicketQueued},
			"no audit entries for ticket 55 on zendesk/acme (a delivery for it is queued and not processed yet)"},
		{"ticket filtered out", AuditAnswer{Ticket: "8", Since: &since, TicketTrace: TicketFilteredOut},
			"no audit entries for ticket 8 since 2026-01-02T15:04:05Z (the ticket has entries outside this filter)"},
	}
	for _, tt := range tests {
		if got := tt.a.EmptyMessage(); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestAuditPage_resolvesBareNamesAndSaysWhyNothingShows(t *testing.T) {
	one := newTestServer(t)
	two := newTestServerFiles(t, twoAcmes)
	seedAudit(t, one)
	seedAudit(t, two)
	tests := []struct {
		name   string
		ts     *testServer
		query  string
		status int
		rows   int
		want   []string // in the page
		table  bool     // the result table is shown
	}{
		{name: "bare name shows its entries and selects the binding", ts: one, query: "binding=acme", status: 200, rows: 2, table: true,
			want: []string{`<option value="zendesk/acme" selected>zendesk/acme</option>`}},
		{name: "ambiguous name says which bindings it could be", ts: two, query: "binding=acme", status: 400,
			want: []string{`role="alert">binding &#34;acme&#34; is ambiguous: zendesk/acme, jsm/acme</p>`}},
		{name: "unknown name says what is configured", ts: one, query: "binding=acmee", status: 404,
			want: []string{`role="alert">no binding &#34;acmee&#34; (configured: zendesk/acme)</p>`}},
		{name: "bad since is an error, not everything", ts: one, query: "since=yesterday", status: 400,
			want: []string{`since &#34;yesterday&#34;: want RFC 3339 or a duration like 1h or 2d`}},
		{name: "empty result for a real binding says so", ts: two, query: "binding=globex", status: 200, table: true,
			want: []string{`<td colspan="6">No audit entries for zendesk/globex.</td>`}},
		{name: "ticket that never reached the gateway says so", ts: one, query: "ticket=999", status: 200, table: true,
			want: []string{`No audit entries for ticket 999 (no delivery for it reached the gateway).`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := tt.ts.request(t, "GET", "/audit?"+tt.query, nil, tt.ts.loggedIn(t))
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if n := strings.Count(body, `<td class="time">`); n != tt.rows {
				t.Errorf("%d rows, want %d", n, tt.rows)
			}
			if got := strings.Contains(body, "<table>"); got != tt.table {
				t.Errorf("table shown: %v, want %v", got, tt.table)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %s:\n%s", w, body)
				}
			}
		})
	}
}
