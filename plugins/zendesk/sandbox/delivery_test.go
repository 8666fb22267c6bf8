package sandbox

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"
)

// receiver records webhook requests and answers with scripted statuses.
type receiver struct {
	mu       sync.Mutex
	reqs     []received
	answer   func(n int, w http.ResponseWriter) // n: 0-based request number
	srv      *httptest.Server
	released chan struct{}
}

type received struct {
	header http.Header
	body   []byte
	at     time.Time
}

func newReceiver(t *testing.T, answer func(n int, w http.ResponseWriter)) *receiver {
	rc := &receiver{answer: answer, released: make(chan struct{})}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		n := len(rc.reqs)
		rc.reqs = append(rc.reqs, received{header: r.Header.Clone(), body: b, at: time.Now()})
		rc.mu.Unlock()
		if rc.answer != nil {
			rc.answer(n, w)
		}
	}))
	t.Cleanup(func() {
		close(rc.released)
		rc.srv.Close()
	})
	return rc
}

func (rc *receiver) got() []received {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]received(nil), rc.reqs...)
}

const triggerBody = `{"ticket_id":"{{ticket.id}}","subject":"{{ticket.title}}","description":"{{ticket.description}}",` +
	`"requester":"{{ticket.requester.name}} <{{ticket.requester.email}}>","priority":"{{ticket.priority}}",` +
	`"tags":"{{ticket.tags}}","created":"{{ticket.created_at_with_timestamp}}","url":"{{ticket.url}}","unknown":"{{ticket.nope}}"}`

// install registers a webhook and a create trigger through the API, as the
// plugin does, and returns the webhook id and its signing secret.
func (e *env) install(endpoint, body string) (string, string) {
	e.t.Helper()
	access, _ := e.sb.IssueToken("webhooks:read webhooks:write triggers:write")
	st, resp, _ := e.call("POST", "/api/v2/webhooks", access, map[string]any{"webhook": map[string]any{
		"name": "deskgate", "endpoint": endpoint, "http_method": "POST", "request_format": "json",
		"status": "active", "subscriptions": []string{"conditional_ticket_events"}}})
	if st != http.StatusCreated {
		e.t.Fatalf("create webhook: %d %v", st, resp)
	}
	id := resp["webhook"].(map[string]any)["id"].(string)
	st, resp, _ = e.call("GET", "/api/v2/webhooks/"+id+"/signing_secret", access, nil)
	if st != 200 {
		e.t.Fatalf("signing secret: %d %v", st, resp)
	}
	ss := resp["signing_secret"].(map[string]any)
	if ss["algorithm"] != "sha256" {
		e.t.Fatalf("algorithm %v", ss["algorithm"])
	}
	st, resp, _ = e.call("POST", "/api/v2/triggers.json", access, map[string]any{"trigger": map[string]any{
		"title": "deskgate: new ticket", "conditions": map[string]any{"all": []any{
			map[string]any{"field": "update_type", "operator": "is", "value": "Create"}}},
		"actions": []any{map[string]any{"field": "notification_webhook", "value": []any{id, body}}}}})
	if st != http.StatusCreated {
		e.t.Fatalf("create trigger: %d %v", st, resp)
	}
	return id, ss["secret"].(string)
}

func waitN(t *testing.T, sb *Sandbox, n int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := sb.WaitDeliveries(ctx, n); err != nil {
		t.Fatal(err)
	}
}

func TestTrigger_firesASignedDeliveryWithTheRenderedBody(t *testing.T) {
	rc := newReceiver(t, nil)
	e := newEnv(t, Options{AccountID: 4242})
	whID, secret := e.install(rc.srv.URL+"/hooks/zendesk/acme", triggerBody)
	created := time.Date(2026, 11, 27, 1, 30, 45, 0, time.UTC)
	id, err := e.sb.CreateTicket(TicketInput{Subject: `Checkout "down"`, Description: "Line one\nLine \"two\"",
		Priority: "high", RequesterName: "Dana", RequesterEmail: "dana@example.com", Tags: []string{"vip", "eu"}, CreatedAt: created})
	if err != nil {
		t.Fatal(err)
	}
	waitN(t, e.sb, 1)
	reqs := rc.got()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	ts := r.header.Get("X-Zendesk-Webhook-Signature-Timestamp")
	if _, err := time.Parse("2006-01-02T15:04:05Z", ts); err != nil {
		t.Errorf("timestamp %q is not ISO-8601 Z: %v", ts, err)
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts + string(r.body)))
	if want := base64.StdEncoding.EncodeToString(mac.Sum(nil)); r.header.Get("X-Zendesk-Webhook-Signature") != want {
		t.Errorf("signature %q, want %q", r.header.Get("X-Zendesk-Webhook-Signature"), want)
	}
	for h, want := range map[string]string{"X-Zendesk-Account-Id": "4242", "X-Zendesk-Webhook-Id": whID,
		"Content-Type": "application/json", "User-Agent": "Zendesk Webhook"} {
		if r.header.Get(h) != want {
			t.Errorf("%s = %q, want %q", h, r.header.Get(h), want)
		}
	}
	if r.header.Get("X-Zendesk-Webhook-Invocation-Id") == "" {
		t.Error("no invocation id")
	}
	var body map[string]string
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatalf("body is not JSON (%v): %s", err, r.body)
	}
	want := map[string]string{"ticket_id": strconv.FormatInt(id, 10), "subject": `Checkout "down"`,
		"description": "Line one\nLine \"two\"", "requester": "Dana <dana@example.com>", "priority": "High",
		"tags": "vip eu", "created": "2026-11-27T01:30Z", "url": "d3v-sandbox.zendesk.com/agent/tickets/1", "unknown": ""}
	for k, v := range want {
		if body[k] != v {
			t.Errorf("%s = %q, want %q", k, body[k], v)
		}
	}
	d := e.sb.Deliveries()
	if len(d) != 1 || d[0].Outcome != "success" || d[0].TicketID != id || len(d[0].Attempts) != 1 || d[0].Attempts[0].Status != 200 {
		t.Errorf("delivery record: %+v", d)
	}
}

func TestDelivery_retriesAsZendeskDoes(t *testing.T) {
	status := func(code int, retryAfter string) func(int, http.ResponseWriter) {
		return func(_ int, w http.ResponseWriter) {
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			w.WriteHeader(code)
		}
	}
	cases := []struct {
		name         string
		answer       func(int, http.ResponseWriter)
		wantAttempts int
		wantOutcome  string
		minGap       time.Duration
	}{
		{"409 is retried at most 3 times", status(409, ""), 4, "failed", 0},
		{"500 is not retried", status(500, ""), 1, "failed", 0},
		{"400 is not retried", status(400, ""), 1, "failed", 0},
		{"429 without Retry-After is not retried", status(429, ""), 1, "failed", 0},
		{"503 with Retry-After of 60s or more is not retried", status(503, "60"), 1, "failed", 0},
		{"503 with a short Retry-After is retried after it", func(n int, w http.ResponseWriter) {
			if n == 0 {
				status(503, "1")(n, w)
			}
		}, 2, "success", time.Second},
		{"429 with a short Retry-After is retried after it", func(n int, w http.ResponseWriter) {
			if n == 0 {
				status(429, "1")(n, w)
			}
		}, 2, "success", time.Second},
		{"409 then success", func(n int, w http.ResponseWriter) {
			if n == 0 {
				w.WriteHeader(409)
			}
		}, 2, "success", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rc := newReceiver(t, tc.answer)
			e := newEnv(t, Options{})
			e.install(rc.srv.URL, `{"id":"{{ticket.id}}"}`)
			if _, err := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d"}); err != nil {
				t.Fatal(err)
			}
			waitN(t, e.sb, 1)
			d := e.sb.Deliveries()[0]
			if len(d.Attempts) != tc.wantAttempts || d.Outcome != tc.wantOutcome {
				t.Fatalf("%d attempts, outcome %q; want %d, %q (%+v)", len(d.Attempts), d.Outcome, tc.wantAttempts, tc.wantOutcome, d.Attempts)
			}
			reqs := rc.got()
			for _, r := range reqs {
				if r.header.Get("X-Zendesk-Webhook-Invocation-Id") != d.InvocationID {
					t.Errorf("invocation id changed across attempts")
				}
			}
			if tc.minGap > 0 && reqs[1].at.Sub(reqs[0].at) < tc.minGap {
				t.Errorf("retry after %v, want at least %v", reqs[1].at.Sub(reqs[0].at), tc.minGap)
			}
		})
	}
}

func TestDelivery_timeoutsAreRetriedFiveTimes(t *testing.T) {
	var rc *receiver
	rc = newReceiver(t, func(_ int, w http.ResponseWriter) { <-rc.released })
	e := newEnv(t, Options{DeliveryTimeout: 50 * time.Millisecond})
	e.install(rc.srv.URL, `{}`)
	if _, err := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d"}); err != nil {
		t.Fatal(err)
	}
	waitN(t, e.sb, 1)
	d := e.sb.Deliveries()[0]
	if len(d.Attempts) != 6 || d.Outcome != "timeout" {
		t.Fatalf("%d attempts, outcome %q; want 6, timeout", len(d.Attempts), d.Outcome)
	}
}

func TestDuplicateNext_sendsTheNextDeliveryTwice(t *testing.T) {
	rc := newReceiver(t, nil)
	e := newEnv(t, Options{})
	e.install(rc.srv.URL, `{"id":"{{ticket.id}}"}`)
	e.sb.DuplicateNext(1)
	for range 2 {
		if _, err := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d"}); err != nil {
			t.Fatal(err)
		}
	}
	waitN(t, e.sb, 3)
	reqs := rc.got()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	byTicket := map[string]int{}
	for _, r := range reqs {
		byTicket[string(r.body)]++
	}
	if byTicket[`{"id":"1"}`] != 2 || byTicket[`{"id":"2"}`] != 1 {
		t.Fatalf("bodies %v, want ticket 1 twice and ticket 2 once", byTicket)
	}
}

func TestTrigger_onlyMatchingActiveTriggersFire(t *testing.T) {
	rc := newReceiver(t, nil)
	e := newEnv(t, Options{})
	whID, _ := e.install(rc.srv.URL, `{"kind":"create","id":"{{ticket.id}}"}`)
	access, _ := e.sb.IssueToken("triggers:write tickets:write")
	for _, tr := range []map[string]any{
		{"title": "urgent only", "conditions": map[string]any{"all": []any{
			map[string]any{"field": "update_type", "operator": "is", "value": "Create"},
			map[string]any{"field": "priority", "operator": "is", "value": "urgent"}}},
			"actions": []any{map[string]any{"field": "notification_webhook", "value": []any{whID, `{"kind":"urgent"}`}}}},
		{"title": "inactive", "active": false, "conditions": map[string]any{"all": []any{
			map[string]any{"field": "update_type", "operator": "is", "value": "Create"}}},
			"actions": []any{map[string]any{"field": "notification_webhook", "value": []any{whID, `{"kind":"inactive"}`}}}},
	} {
		if st, body, _ := e.call("POST", "/api/v2/triggers.json", access, map[string]any{"trigger": tr}); st != 201 {
			t.Fatalf("create trigger: %d %v", st, body)
		}
	}
	id, _ := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d", Priority: "low"})
	waitN(t, e.sb, 1)
	// An update is a Change, which the Create trigger must not answer.
	if st, _, _ := e.call("PUT", "/api/v2/tickets/"+strconv.FormatInt(id, 10)+".json", access,
		map[string]any{"ticket": map[string]any{"comment": map[string]any{"body": "n", "public": false}}}); st != 200 {
		t.Fatalf("update: %d", st)
	}
	if _, err := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d", Priority: "urgent"}); err != nil {
		t.Fatal(err)
	}
	waitN(t, e.sb, 3)
	kinds := map[string]int{}
	for _, d := range e.sb.Deliveries() {
		var b map[string]string
		_ = json.Unmarshal([]byte(d.Body), &b)
		kinds[b["kind"]]++
	}
	if kinds["create"] != 2 || kinds["urgent"] != 1 || kinds["inactive"] != 0 || len(kinds) != 2 {
		t.Fatalf("deliveries by kind %v", kinds)
	}
}

func FuzzRender(f *testing.F) {
	f.Add(triggerBody, "Subject \"q\"", "desc\n\\ {{ticket.id}}")
	f.Add(`{"a":"{{ ticket.title }}"}`, "\x00\u2028", "}")
	sb := New(Options{})
	defer sb.Close()
	f.Fuzz(func(t *testing.T, body, subject, desc string) {
		snap := ticketSnapshot{Ticket: Ticket{ID: 7, Subject: subject, Description: desc}}
		// A JSON body whose placeholders all sit inside strings (a non-ASCII
		// probe can only be valid there) stays valid whatever the values.
		if !json.Valid([]byte(placeholderRe.ReplaceAllString(body, "é"))) {
			return
		}
		if out := sb.render(body, snap, true); !json.Valid([]byte(out)) {
			t.Fatalf("render broke JSON: %q -> %q", body, out)
		}
	})
}

func TestClose_cancelsInFlightDeliveriesAndStartsNoNewOnes(t *testing.T) {
	started := make(chan struct{}, 1)
	var rc *receiver
	rc = newReceiver(t, func(_ int, w http.ResponseWriter) {
		started <- struct{}{}
		<-rc.released
	})
	e := newEnv(t, Options{})
	e.install(rc.srv.URL, `{}`)
	if _, err := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d"}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-started:
	case <-time.After(10 * time.Second):
		t.Fatal("delivery never reached the endpoint")
	}
	e.sb.Close() // must return although the endpoint never answers
	if _, err := e.sb.CreateTicket(TicketInput{Subject: "s2", Description: "d"}); err != nil {
		t.Fatal(err)
	}
	ds := e.sb.Deliveries()
	if len(ds) != 2 || ds[0].Outcome != "cancelled" || ds[1].Outcome != "cancelled" || len(ds[1].Attempts) != 0 {
		t.Fatalf("deliveries after Close: %+v", ds)
	}
}
