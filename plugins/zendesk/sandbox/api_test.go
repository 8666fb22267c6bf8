package sandbox

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"
	"time"
)

func TestAPI_checksScopesPerResource(t *testing.T) {
	e := newEnv(t, Options{})
	id, err := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	tp := "/api/v2/tickets/" + strconv.FormatInt(id, 10) + ".json"
	update := map[string]any{"ticket": map[string]any{"comment": map[string]any{"body": "x", "public": false}}}
	cases := []struct {
		scopes, method, path string
		body                 any
		want                 int
	}{
		{"tickets:read", "GET", tp, nil, 200},
		{"tickets:read", "PUT", tp, update, 403},
		{"tickets:write", "PUT", tp, update, 200},
		{"tickets:write", "GET", tp, nil, 403},
		{"tickets", "GET", tp, nil, 200},
		{"read", "GET", tp, nil, 200},
		{"read", "PUT", tp, update, 403},
		{"write", "PUT", tp, update, 200},
		{"tickets:read", "GET", "/api/v2/ticket_fields.json", nil, 200},
		{"tickets:read", "GET", "/api/v2/webhooks", nil, 403},
		{"webhooks:read", "GET", "/api/v2/webhooks", nil, 200},
		{"webhooks:read", "POST", "/api/v2/webhooks", map[string]any{"webhook": map[string]any{}}, 403},
		{"tickets:write", "POST", "/api/v2/triggers.json", map[string]any{"trigger": map[string]any{}}, 403},
		{"triggers:read", "GET", "/api/v2/triggers.json", nil, 200},
		{"", "GET", tp, nil, 403},
	}
	for _, tc := range cases {
		t.Run(tc.scopes+" "+tc.method+" "+tc.path, func(t *testing.T) {
			access, _ := e.sb.IssueToken(tc.scopes)
			st, body, _ := e.call(tc.method, tc.path, access, tc.body)
			if st != tc.want {
				t.Fatalf("status %d (%v), want %d", st, body, tc.want)
			}
		})
	}
	if st, _, _ := e.call("GET", tp, "", nil); st != http.StatusUnauthorized {
		t.Errorf("no token: %d, want 401", st)
	}
	if st, _, _ := e.call("GET", tp, "made-up", nil); st != http.StatusUnauthorized {
		t.Errorf("unknown token: %d, want 401", st)
	}
}

func TestTickets_showSideloadsTheRequesterAndCarriesCustomFields(t *testing.T) {
	e := newEnv(t, Options{})
	f := e.sb.AddTicketField("Severity", "text")
	id, _ := e.sb.CreateTicket(TicketInput{Subject: "Checkout down", Description: "500s since 10:05", Priority: "urgent",
		RequesterName: "Dana", RequesterEmail: "dana@example.com", Tags: []string{"Vip", "checkout"}})
	access, _ := e.sb.IssueToken("tickets:read")
	st, body, h := e.call("GET", "/api/v2/tickets/"+strconv.FormatInt(id, 10)+".json?include=users", access, nil)
	if st != 200 {
		t.Fatalf("show: %d %v", st, body)
	}
	if h.Get("X-Rate-Limit") != "700" || h.Get("X-Rate-Limit-Remaining") == "" {
		t.Errorf("rate limit headers missing: %v", h)
	}
	tk := body["ticket"].(map[string]any)
	if tk["subject"] != "Checkout down" || tk["priority"] != "urgent" || tk["status"] != "new" {
		t.Errorf("ticket fields wrong: %v", tk)
	}
	if tags := tk["tags"].([]any); len(tags) != 2 || tags[0] != "vip" {
		t.Errorf("tags not normalized: %v", tags)
	}
	cf := tk["custom_fields"].([]any)
	if len(cf) != 1 || cf[0].(map[string]any)["id"] != float64(f) || cf[0].(map[string]any)["value"] != nil {
		t.Errorf("custom_fields: %v", cf)
	}
	users := body["users"].([]any)
	if len(users) != 1 || users[0].(map[string]any)["email"] != "dana@example.com" ||
		users[0].(map[string]any)["id"] != tk["requester_id"] {
		t.Errorf("users sideload: %v", users)
	}
	if st, body, _ := e.call("GET", "/api/v2/tickets/999.json", access, nil); st != 404 || errCode(body) != "RecordNotFound" {
		t.Errorf("missing ticket: %d %v", st, body)
	}
}

func TestUpdateTicket_storesNotesAndFields(t *testing.T) {
	e := newEnv(t, Options{})
	sev := e.sb.AddTicketField("Severity", "text")
	locked := e.sb.AddTicketField("Locked", "text")
	e.sb.SetFieldEditable(locked, false)
	id, _ := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d"})
	path := "/api/v2/tickets/" + strconv.FormatInt(id, 10) + ".json"
	access, _ := e.sb.IssueToken("tickets:read tickets:write")
	cases := []struct {
		name       string
		ticket     map[string]any
		status     int
		wantErrFor int64 // ticket_field_id named in a 422
		wantPublic *bool
	}{
		{"internal note with html_body", map[string]any{"comment": map[string]any{"html_body": "<p>Severity: <b>high</b></p>", "public": false}}, 200, 0, ptr(false)},
		{"comment without public defaults to public", map[string]any{"comment": map[string]any{"body": "Hello"}}, 200, 0, ptr(true)},
		{"unknown field id", map[string]any{"custom_fields": []any{map[string]any{"id": 123456, "value": "x"}}}, 422, 123456, nil},
		{"non-editable field", map[string]any{"custom_fields": []any{map[string]any{"id": locked, "value": "x"}}}, 422, locked, nil},
		{"known text field", map[string]any{"custom_fields": []any{map[string]any{"id": sev, "value": "critical"}}}, 200, 0, nil},
		{"empty comment", map[string]any{"comment": map[string]any{"body": "", "public": false}}, 422, 0, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := len(e.sb.Comments(id))
			st, body, _ := e.call("PUT", path, access, map[string]any{"ticket": tc.ticket})
			if st != tc.status {
				t.Fatalf("status %d (%v), want %d", st, body, tc.status)
			}
			if tc.wantErrFor != 0 {
				if errCode(body) != "RecordInvalid" || body["description"] != "Record validation errors" {
					t.Fatalf("422 envelope: %v", body)
				}
				base := body["details"].(map[string]any)["base"].([]any)[0].(map[string]any)
				if base["ticket_field_id"] != float64(tc.wantErrFor) || base["description"] == "" {
					t.Fatalf("422 does not name field %d: %v", tc.wantErrFor, base)
				}
			}
			cs := e.sb.Comments(id)
			if tc.wantPublic != nil {
				if len(cs) != before+1 || cs[len(cs)-1].Public != *tc.wantPublic {
					t.Fatalf("comments %+v, want one more with public=%v", cs, *tc.wantPublic)
				}
			} else if len(cs) != before {
				t.Fatalf("comment added on a %d", st)
			}
		})
	}
	cs := e.sb.Comments(id)
	if cs[1].Body != "Severity: high" || cs[1].HTMLBody != "<p>Severity: <b>high</b></p>" {
		t.Errorf("html note stored as %+v", cs[1])
	}
	if got := e.sb.CustomFields(id)[sev]; got != "critical" {
		t.Errorf("severity field = %v", got)
	}
	if _, ok := e.sb.CustomFields(id)[locked]; ok {
		t.Error("non-editable field was set")
	}
}

func TestUpdateTicket_limitAnswers429WithRetryAfter(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC)}
	e := newEnv(t, Options{Now: clock.Now, UpdateTicketLimit: 2})
	id, _ := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d"})
	access, _ := e.sb.IssueToken("tickets:write")
	path := "/api/v2/tickets/" + strconv.FormatInt(id, 10) + ".json"
	note := map[string]any{"ticket": map[string]any{"comment": map[string]any{"body": "n", "public": false}}}
	for i, want := range []int{200, 200, 429} {
		st, _, h := e.call("PUT", path, access, note)
		if st != want {
			t.Fatalf("update %d: %d, want %d", i, st, want)
		}
		if st == 429 && h.Get("Retry-After") != "60" {
			t.Errorf("Retry-After %q, want 60", h.Get("Retry-After"))
		}
	}
	clock.Advance(time.Minute)
	if st, _, _ := e.call("PUT", path, access, note); st != 200 {
		t.Fatalf("after the window: %d", st)
	}
}

func TestFaults_nextCallsFailAsInjected(t *testing.T) {
	e := newEnv(t, Options{})
	access, _ := e.sb.IssueToken("read")
	cases := []struct {
		kind       FaultKind
		status     int
		retryAfter string
	}{
		{Fault429, 429, "1"},
		{Fault500, 500, ""},
		{Fault503, 503, "1"},
	}
	for _, tc := range cases {
		t.Run(string(tc.kind), func(t *testing.T) {
			e.sb.InjectFaults("/api/v2/ticket_fields", 2, tc.kind)
			for i := range 2 {
				req, _ := http.NewRequest("GET", e.srv.URL+"/api/v2/ticket_fields.json", nil)
				req.Header.Set("Authorization", "Bearer "+access)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != tc.status || resp.Header.Get("Retry-After") != tc.retryAfter {
					t.Fatalf("call %d: %d Retry-After %q", i, resp.StatusCode, resp.Header.Get("Retry-After"))
				}
			}
			if st, _, _ := e.call("GET", "/api/v2/ticket_fields.json", access, nil); st != 200 {
				t.Fatalf("third call: %d, want 200", st)
			}
		})
	}
	t.Run("slow", func(t *testing.T) {
		e.sb.InjectSlow("/api/v2/", 1, FaultSlow, time.Minute)
		c := &http.Client{Timeout: 200 * time.Millisecond}
		req, _ := http.NewRequest("GET", e.srv.URL+"/api/v2/ticket_fields.json", nil)
		req.Header.Set("Authorization", "Bearer "+access)
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
			t.Fatalf("slow call answered %d before the client timeout", resp.StatusCode)
		}
	})
}

func ptr[T any](v T) *T { return &v }

func FuzzParseCustomFields(f *testing.F) {
	f.Add(`{"id":360001234567,"value":"high"}`)
	f.Add(`{"id":"360001234568","value":12}`)
	f.Add(`{"id":360001234569,"value":["a",1]}`)
	f.Add(`{"id":1e3,"value":null}`)
	sb := New(Options{})
	defer sb.Close()
	_ = sb.AddTicketFieldWithID(360001234567, "Severity", "text")
	_ = sb.AddTicketFieldWithID(360001234568, "Count", "integer")
	_ = sb.AddTicketFieldWithID(360001234569, "Tags", "multiselect")
	f.Fuzz(func(t *testing.T, entry string) {
		sb.mu.Lock()
		updates, details := sb.parseCustomFieldsLocked([]json.RawMessage{json.RawMessage(entry)})
		sb.mu.Unlock()
		if (updates == nil) == (details == nil) {
			t.Fatalf("updates %v and details %v: want exactly one", updates, details)
		}
		for id, v := range updates {
			switch id {
			case 360001234567:
				if _, ok := v.(string); !ok && v != nil {
					t.Fatalf("text field stored %T", v)
				}
			case 360001234568:
				if _, ok := v.(int64); !ok && v != nil {
					t.Fatalf("integer field stored %T", v)
				}
			case 360001234569:
				if _, ok := v.([]string); !ok && v != nil {
					t.Fatalf("multiselect field stored %T", v)
				}
			default:
				t.Fatalf("unknown field %d accepted", id)
			}
		}
	})
}

// A requester's profile zone is shown as Zendesk shows it: iana_time_zone
// beside a display time_zone, on the show-ticket sideload and on the user;
// a requester who never set one has no iana_time_zone.
func TestTickets_sideloadedRequesterCarriesTheProfileZone(t *testing.T) {
	e := newEnv(t, Options{})
	id, _ := e.sb.CreateTicket(TicketInput{Subject: "Hidas", Description: "klo 16.30 alkaen",
		RequesterName: "Aino", RequesterEmail: "aino@example.fi", RequesterTimeZone: "Europe/Helsinki"})
	plain, _ := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d", RequesterEmail: "bo@example.com"})
	access, _ := e.sb.IssueToken("read")
	requester := func(id int64) map[string]any {
		t.Helper()
		st, body, _ := e.call("GET", "/api/v2/tickets/"+strconv.FormatInt(id, 10)+".json?include=users", access, nil)
		if st != 200 {
			t.Fatalf("show: %d %v", st, body)
		}
		users := body["users"].([]any)
		if len(users) != 1 {
			t.Fatalf("users sideload: %v", users)
		}
		return users[0].(map[string]any)
	}
	u := requester(id)
	if u["iana_time_zone"] != "Europe/Helsinki" || u["time_zone"] != "Helsinki" {
		t.Errorf("requester's zone: iana_time_zone %v, time_zone %v", u["iana_time_zone"], u["time_zone"])
	}
	st, body, _ := e.call("GET", "/api/v2/users/"+strconv.FormatInt(int64(u["id"].(float64)), 10)+".json", access, nil)
	if st != 200 || body["user"].(map[string]any)["iana_time_zone"] != "Europe/Helsinki" {
		t.Errorf("show user: %d %v", st, body)
	}
	if u := requester(plain); u["time_zone"] != "UTC" || u["iana_time_zone"] != nil {
		t.Errorf("a requester without a zone: %v", u)
	}
}
