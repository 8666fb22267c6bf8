package zendesk

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

// FuzzVerify feeds arbitrary headers and bodies to Verify, half of them
// correctly signed so the body parser is reached: it must never panic, and
// every failure must be a typed *sdk.Error of a kind Verify is allowed to
// return.
func FuzzVerify(f *testing.F) {
	ts := testNow.Format(time.RFC3339)
	f.Add(ts, "", []byte(goodBody), true, "inv-1")
	f.Add(ts, "AAAA", []byte(goodBody), false, "")
	f.Add("2026-11-27T03:00Z", "", []byte(`{"ticket_id":1}`), true, "")
	f.Add("garbage", "", []byte(`{"ticket_id":"1"`), true, "")
	f.Add(ts, "", []byte(`[]`), true, "x")
	f.Add(ts, "", []byte(`{"ticket_id":"99999999999999999999"}`), true, "")
	f.Add("", "", []byte{}, false, "")
	p := New()
	state := testState(f)
	f.Fuzz(func(t *testing.T, tsHeader, sigHeader string, body []byte, sign bool, inv string) {
		h := http.Header{}
		if tsHeader != "" {
			h.Set(HeaderTimestamp, tsHeader)
		}
		if sign {
			sigHeader = Sign(testSecret, tsHeader, body)
		}
		if sigHeader != "" {
			h.Set(HeaderSignature, sigHeader)
		}
		if inv != "" {
			h.Set(HeaderInvocationID, inv)
		}
		evs, err := p.Verify(context.Background(), sdk.VerifyRequest{State: state, Headers: h, Body: body, Now: testNow})
		if err != nil {
			var e *sdk.Error
			if !errors.As(err, &e) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			if e.Kind != sdk.KindRejected && e.Kind != sdk.KindMalformed {
				t.Fatalf("kind %v from a delivery: %v", e.Kind, err)
			}
			return
		}
		if len(evs) != 1 {
			t.Fatalf("%d events", len(evs))
		}
		ev := evs[0]
		if _, ok := parseID(ev.TicketID); !ok || ev.DedupKey == "" || ev.Type != EventTicketCreated || ev.OccurredAt.IsZero() {
			t.Fatalf("accepted a delivery into a bad event %+v", ev)
		}
	})
}

// FuzzDecodeTicket feeds arbitrary show-ticket bodies to the decoder: it must
// not panic, and a decoded ticket has a positive decimal id, a normalized
// priority and its agent URL.
func FuzzDecodeTicket(f *testing.F) {
	f.Add([]byte(showTicketBody))
	f.Add([]byte(`{"ticket":{"id":1,"priority":null,"custom_fields":[{"id":0,"value":[1,2]}]}}`))
	f.Add([]byte(`{"ticket":{"id":-1}}`))
	f.Add([]byte(`{"ticket":null,"users":[{}]}`))
	f.Add([]byte(`{"ticket":{"id":1,"created_at":"yesterday","tags":null}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		tk, err := decodeTicket(body, "http://127.0.0.1:1")
		if err != nil {
			return
		}
		if n, ok := parseID(tk.ID); !ok || strconv.FormatInt(n, 10) != tk.ID {
			t.Fatalf("decoded id %q", tk.ID)
		}
		switch tk.Priority {
		case "", "urgent", "high", "normal", "low":
		default:
			t.Fatalf("priority %q not normalized", tk.Priority)
		}
		if tk.URL != "http://127.0.0.1:1/agent/tickets/"+tk.ID {
			t.Fatalf("URL %q", tk.URL)
		}
		if tk.CustomFields == nil {
			t.Fatal("nil custom field map")
		}
	})
}
