package zendesk

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

const showTicketBody = `{
 "ticket": {"id": 42, "subject": "Checkout is down", "description": "Cannot pay since 10:00",
  "priority": "High", "status": "new", "tags": ["vip","checkout"], "requester_id": 7,
  "created_at": "2026-11-27T02:58:11Z",
  "custom_fields": [{"id": 360001234567, "value": "high"}, {"id": 360002345678, "value": null}]},
 "users": [{"id": 9, "name": "Agent"}, {"id": 7, "name": "Ann Buyer", "email": "ann@example.com"}]}`

func TestGetTicket_normalizesTheTicketAndSideloadedRequester(t *testing.T) {
	f := newFakeAPI(t)
	f.on("GET /api/v2/tickets/42.json", 200, showTicketBody)
	tk, err := New().GetTicket(context.Background(), f.creds(), "42")
	if err != nil {
		t.Fatal(err)
	}
	if q := f.requests()[0].query; q != "include=users" {
		t.Errorf("query = %q, want include=users", q)
	}
	if tk.ID != "42" || tk.Subject != "Checkout is down" || tk.Priority != "high" || tk.Status != "new" ||
		tk.RequesterName != "Ann Buyer" || tk.RequesterEmail != "ann@example.com" ||
		len(tk.Tags) != 2 || !tk.CreatedAt.Equal(time.Date(2026, 11, 27, 2, 58, 11, 0, time.UTC)) {
		t.Errorf("ticket = %+v", tk)
	}
	if tk.CustomFields["360001234567"] != "high" {
		t.Errorf("custom fields = %v", tk.CustomFields)
	}
	if v, ok := tk.CustomFields["360002345678"]; !ok || v != nil {
		t.Errorf("a null field should be present as nil: %v", tk.CustomFields)
	}
	if tk.URL != f.srv.URL+"/agent/tickets/42" {
		t.Errorf("URL = %q", tk.URL)
	}
}

func TestGetTicket_mapsFailures(t *testing.T) {
	tests := []struct {
		name   string
		id     string
		status int
		body   string
		kind   sdk.ErrorKind
	}{
		{"missing ticket", "42", 404, `{"error":"RecordNotFound","description":"Not found"}`, sdk.KindNotFound},
		{"revoked token", "42", 401, `{"error":"Couldn't authenticate you"}`, sdk.KindAuthExpired},
		{"garbage body", "42", 200, `<html>`, sdk.KindPermanent},
		{"no ticket in body", "42", 200, `{"users":[]}`, sdk.KindPermanent},
		{"non-numeric id", "4/2", 200, `{}`, sdk.KindPermanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPI(t)
			f.on("GET /api/v2/tickets/"+tt.id+".json", tt.status, tt.body)
			_, err := New().GetTicket(context.Background(), f.creds(), tt.id)
			if k := sdk.KindOf(err); err == nil || k != tt.kind {
				t.Errorf("err = %v, want kind %v", err, tt.kind)
			}
		})
	}
}

func TestNormalizePriority(t *testing.T) {
	for in, want := range map[string]string{"urgent": "urgent", "HIGH": "high", " normal ": "normal", "low": "low", "": "", "p1": ""} {
		if got := normalizePriority(in); got != want {
			t.Errorf("normalizePriority(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPostComment_sendsPublicExplicitly(t *testing.T) {
	tests := []struct {
		name string
		c    sdk.Comment
		want string
	}{
		{"internal note", sdk.Comment{Body: "triage: high"}, `{"ticket":{"comment":{"body":"triage: high","public":false}}}`},
		{"public reply", sdk.Comment{Body: "Hi", Public: true}, `{"ticket":{"comment":{"body":"Hi","public":true}}}`},
		{"html wins", sdk.Comment{Body: "x", HTMLBody: "<p>x</p>"}, `{"ticket":{"comment":{"html_body":"\u003cp\u003ex\u003c/p\u003e","public":false}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPI(t)
			f.on("PUT /api/v2/tickets/42.json", 200, `{"ticket":{"id":42}}`)
			if err := New().PostComment(context.Background(), f.creds(), "42", tt.c); err != nil {
				t.Fatal(err)
			}
			r := f.requests()[0]
			if string(r.body) != tt.want {
				t.Errorf("body = %s, want %s", r.body, tt.want)
			}
			if ct := r.header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}
}

func TestPostComment_refusesAnEmptyComment(t *testing.T) {
	f := newFakeAPI(t)
	err := New().PostComment(context.Background(), f.creds(), "42", sdk.Comment{})
	if !sdk.IsKind(err, sdk.KindPermanent) || len(f.requests()) != 0 {
		t.Errorf("err = %v, requests = %d", err, len(f.requests()))
	}
}

func TestSetFields_sendsCustomFieldsAsNumbers(t *testing.T) {
	f := newFakeAPI(t)
	f.on("PUT /api/v2/tickets/42.json", 200, `{"ticket":{"id":42}}`)
	err := New().SetFields(context.Background(), f.creds(), "42", map[string]any{"360002": "checkout-api", "360001": "high"})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Ticket struct {
			CustomFields []struct {
				ID    json.Number
				Value string
			} `json:"custom_fields"`
		}
	}
	if err := json.Unmarshal(f.requests()[0].body, &got); err != nil {
		t.Fatal(err)
	}
	cf := got.Ticket.CustomFields
	if len(cf) != 2 || cf[0].ID != "360001" || cf[0].Value != "high" || cf[1].ID != "360002" {
		t.Errorf("custom_fields = %+v", cf)
	}
}

func TestSetFields_rejectsNonNumericFieldIDsWithoutCalling(t *testing.T) {
	f := newFakeAPI(t)
	err := New().SetFields(context.Background(), f.creds(), "42", map[string]any{"severity": "high"})
	e := asSDKError(t, err)
	if e.Field != "severity" || len(f.requests()) != 0 {
		t.Errorf("err = %v field %q, requests %d", e, e.Field, len(f.requests()))
	}
}

// The requester's zone comes from the sideloaded user's iana_time_zone
// (not time_zone, Zendesk's display name): the recorded ticket with the
// recorded user as its requester.
func TestDecodeTicket_readsTheRequestersIANAZoneFromTheRecordedUser(t *testing.T) {
	var tk, u map[string]map[string]any
	if err := json.Unmarshal(fixture(t, "GET/ticket.json"), &tk); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(fixture(t, "GET/user.json"), &u); err != nil {
		t.Fatal(err)
	}
	tk["ticket"]["requester_id"] = u["user"]["id"]
	body := mustJSON(t, map[string]any{"ticket": tk["ticket"], "users": []any{u["user"]}})
	got, err := decodeTicket(body, "https://example.zendesk.com")
	if err != nil {
		t.Fatal(err)
	}
	if got.RequesterTimeZone != "Asia/Tokyo" || got.RequesterName != "Sample customer" {
		t.Errorf("requester zone %q, name %q; want Asia/Tokyo, Sample customer", got.RequesterTimeZone, got.RequesterName)
	}

	// Another user's zone is not the requester's, and a user without
	// one leaves it empty.
	u["user"]["id"] = float64(1)
	body = mustJSON(t, map[string]any{"ticket": tk["ticket"], "users": []any{u["user"]}})
	for name, b := range map[string][]byte{"the only user is not the requester": body, "a requester without one": []byte(showTicketBody)} {
		got, err := decodeTicket(b, "https://example.zendesk.com")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.RequesterTimeZone != "" {
			t.Errorf("%s: zone %q, want empty", name, got.RequesterTimeZone)
		}
	}
}
