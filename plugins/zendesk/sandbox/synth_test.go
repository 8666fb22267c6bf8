package sandbox

import (
	"net/http"
	"strconv"
	"testing"
	"time"
)

// A synthesized ticket reads like a stored one (with its requester
// sideloaded); a note and fields sent to it are answered as applied,
// counted and not kept; ids outside the range stay 404.
func TestSynthetic_ticketsInTheRangeAreReadableAndTheirUpdatesCountedNotStored(t *testing.T) {
	at := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	e := newEnv(t, Options{Synthetic: &SyntheticTickets{First: 100001, Last: 100100, At: at}})
	if err := e.sb.AddTicketFieldWithID(360001234567, "Severity", "text"); err != nil {
		t.Fatal(err)
	}
	access, _ := e.sb.IssueToken("tickets:read tickets:write")
	tmpl := DemoTicketTemplates(at)

	st, body, _ := e.call("GET", "/api/v2/tickets/100002.json?include=users", access, nil)
	if st != http.StatusOK {
		t.Fatalf("GET synthesized ticket: %d %v", st, body)
	}
	tk := body["ticket"].(map[string]any)
	want := tmpl[100002%len(tmpl)]
	if tk["subject"] != want.Subject || tk["description"] != want.Description || tk["created_at"] != want.CreatedAt.Format(time.RFC3339) {
		t.Errorf("ticket = %v; want the template %+v", tk, want)
	}
	users := body["users"].([]any)
	if len(users) != 1 || users[0].(map[string]any)["name"] != want.RequesterName ||
		users[0].(map[string]any)["id"] != tk["requester_id"] {
		t.Errorf("users = %v; want the template's requester, matching requester_id %v", users, tk["requester_id"])
	}

	for i := 0; i < 3; i++ {
		update := map[string]any{"ticket": map[string]any{
			"comment":       map[string]any{"html_body": "<p>triage</p>", "public": false},
			"custom_fields": []any{map[string]any{"id": 360001234567, "value": "critical"}}}}
		st, body, _ = e.call("PUT", "/api/v2/tickets/100002.json", access, update)
		if st != http.StatusOK {
			t.Fatalf("PUT synthesized ticket: %d %v", st, body)
		}
		cf := body["ticket"].(map[string]any)["custom_fields"].([]any)[0].(map[string]any)
		if cf["value"] != "critical" {
			t.Errorf("update answered custom_fields %v; want the value sent", cf)
		}
	}
	st, body, _ = e.call("PUT", "/api/v2/tickets/100003.json", access,
		map[string]any{"ticket": map[string]any{"comment": map[string]any{"body": "hello", "public": true}}})
	if st != http.StatusOK {
		t.Fatalf("PUT public reply: %d %v", st, body)
	}

	// Nothing kept: the comments are the description alone, the field empty.
	st, body, _ = e.call("GET", "/api/v2/tickets/100002/comments.json", access, nil)
	if cs, _ := body["comments"].([]any); st != http.StatusOK || len(cs) != 1 {
		t.Errorf("comments after the notes: %d %v; want the description alone", st, body)
	}
	_, body, _ = e.call("GET", "/api/v2/tickets/100002.json", access, nil)
	if cf := body["ticket"].(map[string]any)["custom_fields"].([]any)[0].(map[string]any); cf["value"] != nil {
		t.Errorf("field after the updates = %v; want nothing kept", cf["value"])
	}
	if n := len(e.sb.Tickets()); n != 0 {
		t.Errorf("Tickets() holds %d; want none stored", n)
	}
	got := e.sb.SyntheticCounts()
	if got.Notes != 3 || got.Replies != 1 || got.Updates != 4 || got.FieldSets[360001234567] != 3 || got.Reads != 2 ||
		got.FieldSetsAgain[360001234567] != 2 {
		t.Errorf("counts = %+v; want 3 notes, 1 reply, 4 updates, the field set 3 times (twice again on one ticket), 2 reads", got)
	}

	for _, id := range []int64{100000, 100101} {
		if st, _, _ := e.call("GET", "/api/v2/tickets/"+strconv.FormatInt(id, 10)+".json", access, nil); st != http.StatusNotFound {
			t.Errorf("GET ticket %d outside the range: %d, want 404", id, st)
		}
	}
	// A created ticket is still an ordinary one.
	id, _ := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d"})
	if st, _, _ := e.call("PUT", "/api/v2/tickets/"+strconv.FormatInt(id, 10)+".json", access,
		map[string]any{"ticket": map[string]any{"comment": map[string]any{"body": "x", "public": false}}}); st != http.StatusOK {
		t.Fatalf("PUT created ticket: %d", st)
	}
	if n := len(e.sb.Comments(id)); n != 2 {
		t.Errorf("created ticket has %d comments; want 2 (stored as before)", n)
	}
	if got := e.sb.SyntheticCounts(); got.Notes != 3 {
		t.Errorf("a created ticket's note was counted as synthetic: %+v", got)
	}
}

// A template's requester zone reaches the sideloaded user, as a stored
// ticket's does.
func TestSynthetic_templateRequesterZoneIsTheUsers(t *testing.T) {
	at := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	tmpl := DemoTicketTemplates(at)[:1]
	tmpl[0].RequesterTimeZone = "Europe/Helsinki"
	e := newEnv(t, Options{Synthetic: &SyntheticTickets{First: 100001, Last: 100100, At: at, Templates: tmpl}})
	access, _ := e.sb.IssueToken("tickets:read")
	st, body, _ := e.call("GET", "/api/v2/tickets/100001.json?include=users", access, nil)
	if st != http.StatusOK {
		t.Fatalf("GET synthesized ticket: %d %v", st, body)
	}
	users := body["users"].([]any)
	if len(users) != 1 || users[0].(map[string]any)["iana_time_zone"] != "Europe/Helsinki" {
		t.Errorf("users = %v; want the template's zone as iana_time_zone", users)
	}
}

// Off by default: no id is synthesized and nothing is counted.
func TestSynthetic_offByDefault(t *testing.T) {
	e := newEnv(t, Options{})
	access, _ := e.sb.IssueToken("tickets:read tickets:write")
	for _, id := range []string{"1", "100001"} {
		if st, _, _ := e.call("GET", "/api/v2/tickets/"+id+".json", access, nil); st != http.StatusNotFound {
			t.Errorf("GET ticket %s without the mode: %d, want 404", id, st)
		}
		if st, _, _ := e.call("PUT", "/api/v2/tickets/"+id+".json", access,
			map[string]any{"ticket": map[string]any{"comment": map[string]any{"body": "x"}}}); st != http.StatusNotFound {
			t.Errorf("PUT ticket %s without the mode: %d, want 404", id, st)
		}
	}
	if got := e.sb.SyntheticCounts(); got.Notes != 0 || got.Reads != 0 || got.Updates != 0 {
		t.Errorf("counts without the mode = %+v; want zero", got)
	}
}
