package fakedesk

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

// Field ids that exist on every fake desk.
const (
	SeverityField = "360001"
	ServiceField  = "360002"
)

// Harness is the sdktest.Harness of a fake desk. With Push set, the desk
// sends deliveries to its webhooks by itself when a ticket is created, and
// Delivery returns nil.
type Harness struct {
	Desk *Desk
	Push bool
}

// NewHarness starts a fake desk that lives as long as t.
func NewHarness(t testing.TB, push bool) *Harness {
	d := Start(SeverityField, ServiceField)
	t.Cleanup(d.Close)
	return &Harness{Desk: d, Push: push}
}

func (h *Harness) Binding() sdk.Binding {
	return sdk.Binding{
		Platform:   "fake",
		Name:       "sdktest",
		Attributes: map[string]string{"api_url": h.Desk.URL()},
		FieldIDs:   map[string]string{"severity": SeverityField, "affected_service": ServiceField},
	}
}

func (h *Harness) Credentials(testing.TB) sdk.Credentials {
	return sdk.Credentials{AccessToken: h.Desk.NewToken(), APIBaseURL: h.Desk.URL()}
}

func (h *Harness) CreateTicket(t testing.TB, subject, description string) string {
	id := h.Desk.CreateTicket(subject, description)
	if h.Push {
		for _, w := range h.Desk.Webhooks() {
			hdr, body := h.signed(t, w, id, time.Now())
			req, err := http.NewRequest(http.MethodPost, w.URL, bytes.NewReader(body))
			if err != nil {
				t.Fatalf("build delivery: %v", err)
			}
			req.Header = hdr
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("push delivery to %s: %v", w.URL, err)
			}
			resp.Body.Close()
		}
	}
	return strconv.FormatInt(id, 10)
}

func (h *Harness) Delivery(t testing.TB, webhookURL, ticketID string) (http.Header, []byte) {
	if h.Push {
		return nil, nil
	}
	id, err := strconv.ParseInt(ticketID, 10, 64)
	if err != nil {
		t.Fatalf("ticket id %q: %v", ticketID, err)
	}
	return h.signed(t, h.webhook(t, webhookURL), id, time.Now())
}

func (h *Harness) signed(t testing.TB, w WebhookJSON, ticketID int64, at time.Time) (http.Header, []byte) {
	body, err := json.Marshal(DeliveryJSON{Type: "ticket.created", TicketID: ticketID, Subject: "delivery"})
	if err != nil {
		t.Fatal(err)
	}
	hdr := h.Sign(t, w.URL, body, at)
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	hdr.Set(InvocationHeader, hex.EncodeToString(b))
	return hdr, body
}

func (h *Harness) Sign(t testing.TB, webhookURL string, body []byte, at time.Time) http.Header {
	w := h.webhook(t, webhookURL)
	ts := Timestamp(at)
	return http.Header{
		"Content-Type":  {"application/json"},
		TimestampHeader: {ts},
		SignatureHeader: {Sign(w.Secret, ts, body)},
	}
}

func (h *Harness) webhook(t testing.TB, url string) WebhookJSON {
	for _, w := range h.Desk.Webhooks() {
		if w.URL == url {
			return w
		}
	}
	t.Fatalf("no webhook installed for %s", url)
	return WebhookJSON{}
}

func (h *Harness) Comments(t testing.TB, ticketID string) []sdk.Comment {
	id, _ := strconv.ParseInt(ticketID, 10, 64)
	var out []sdk.Comment
	for _, c := range h.Desk.Comments(id) {
		out = append(out, sdk.Comment{Body: c.Body, HTMLBody: c.HTMLBody, Public: c.Public})
	}
	return out
}

func (h *Harness) Fields(t testing.TB, ticketID string) map[string]any {
	id, _ := strconv.ParseInt(ticketID, 10, 64)
	return h.Desk.Fields(id)
}

func (h *Harness) FieldValues() map[string]any {
	return map[string]any{SeverityField: "high", ServiceField: "checkout-api"}
}

func (h *Harness) Leftovers(testing.TB) []string {
	var out []string
	for _, w := range h.Desk.Webhooks() {
		out = append(out, "webhook "+w.ID)
	}
	return out
}

func (h *Harness) TokenRevoked(_ testing.TB, creds sdk.Credentials) bool {
	return !h.Desk.TokenValid(creds.AccessToken)
}
