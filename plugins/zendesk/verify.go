package zendesk

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

// Delivery headers Zendesk sets on every webhook request.
const (
	HeaderSignature    = "X-Zendesk-Webhook-Signature"
	HeaderTimestamp    = "X-Zendesk-Webhook-Signature-Timestamp"
	HeaderInvocationID = "X-Zendesk-Webhook-Invocation-Id"
	HeaderWebhookID    = "X-Zendesk-Webhook-Id"
)

// EventTicketCreated is the one event type the plugin's trigger sends.
const EventTicketCreated = "ticket.created"

// deliveryJSON is the body the trigger installed by Install sends. ticket_id
// may arrive as a string (the placeholder inside quotes) or a number. The
// optional ticket fields are read when present so a hand-edited trigger
// carrying them is still useful; the gateway reads the ticket through the API
// anyway.
type deliveryJSON struct {
	TicketID       json.RawMessage `json:"ticket_id"`
	Event          string          `json:"event"`
	CreatedAt      string          `json:"created_at"`
	Subject        string          `json:"subject"`
	Description    string          `json:"description"`
	Priority       string          `json:"priority"`
	Status         string          `json:"status"`
	RequesterName  string          `json:"requester_name"`
	RequesterEmail string          `json:"requester_email"`
}

// Sign computes the X-Zendesk-Webhook-Signature value Zendesk sends:
// base64(HMAC-SHA256(secret, timestamp + body)). The secret is the key
// verbatim, not base64-decoded. Exported for tests and the sandbox.
func Sign(secret, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(timestamp))
	m.Write(body)
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// Verify authenticates one delivery and returns its ticket.created event. The
// signature is checked before the timestamp window, so "stale" or "future"
// is only ever said of a delivery Zendesk really signed (a replay or a clock
// problem), never of a forgery.
func (p *Platform) Verify(_ context.Context, req sdk.VerifyRequest) ([]sdk.Event, error) {
	if len(req.Body) > maxDeliveryBytes {
		return nil, sdk.Errorf(sdk.KindMalformed, "verify delivery: body of %d bytes is over the %d byte limit", len(req.Body), maxDeliveryBytes)
	}
	st, err := decodeState(req.State)
	if err != nil {
		return nil, err
	}
	if st.SigningSecret == "" {
		return nil, sdk.Errorf(sdk.KindPermanent, "verify delivery: install state has no signing secret")
	}
	h := req.Headers
	sig := deskhttp.Header(h, HeaderSignature)
	if sig == "" {
		return nil, sdk.Errorf(sdk.KindRejected, "verify delivery: missing signature (%s)", HeaderSignature)
	}
	tsRaw := deskhttp.Header(h, HeaderTimestamp)
	if tsRaw == "" {
		return nil, sdk.Errorf(sdk.KindRejected, "verify delivery: missing signature timestamp (%s)", HeaderTimestamp)
	}
	got, err := base64.StdEncoding.DecodeString(sig)
	if err != nil {
		return nil, sdk.Errorf(sdk.KindRejected, "verify delivery: bad signature (not base64)")
	}
	m := hmac.New(sha256.New, []byte(st.SigningSecret))
	m.Write([]byte(tsRaw))
	m.Write(req.Body)
	if !hmac.Equal(got, m.Sum(nil)) {
		return nil, sdk.Errorf(sdk.KindRejected, "verify delivery: bad signature")
	}
	ts, ok := parseTime(tsRaw)
	if !ok {
		return nil, sdk.Errorf(sdk.KindRejected, "verify delivery: bad signature timestamp (not ISO-8601)")
	}
	now := req.Now
	if now.IsZero() {
		now = time.Now()
	}
	switch skew := now.Sub(ts); {
	case skew > p.verifyWindow:
		return nil, sdk.Errorf(sdk.KindRejected, "verify delivery: stale timestamp (%s old, window %s)", skew.Round(time.Second), p.verifyWindow)
	case -skew > p.verifyWindow:
		return nil, sdk.Errorf(sdk.KindRejected, "verify delivery: future timestamp (%s ahead, window %s)", (-skew).Round(time.Second), p.verifyWindow)
	}

	ev, err := parseDelivery(req.Body)
	if err != nil {
		return nil, err
	}
	if ev.OccurredAt.IsZero() {
		ev.OccurredAt = ts
	}
	ev.DedupKey = dedupKey(h, req.Body)
	ev.ReplayKey = sdk.ReplayKey(sig, tsRaw)
	ev.SignedAt = ts
	return []sdk.Event{ev}, nil
}

// recipe is Verify written as a VerifyRecipe, so the gateway can check
// deliveries without a call per delivery. It must say exactly what Verify
// does: the conformance test (conformance_test.go) runs both on the same
// good and forged deliveries.
func (p *Platform) recipe() *sdk.VerifyRecipe {
	return &sdk.VerifyRecipe{
		Algorithm:           "hmac-sha256",
		KeyPath:             "signing_secret", // installData.SigningSecret
		KeyEncoding:         "raw",
		SignatureHeader:     HeaderSignature,
		SignatureEncoding:   "base64",
		Signed:              []sdk.SignedPart{{Kind: "timestamp"}, {Kind: "body"}},
		TimestampHeader:     HeaderTimestamp,
		TimestampFormat:     "rfc3339",
		Tolerance:           p.verifyWindow,
		DedupHeader:         HeaderInvocationID,
		DedupFallbackHeader: HeaderWebhookID,
		EventTypePath:       "event",
		EventTypes:          map[string]string{"": EventTicketCreated, EventTicketCreated: EventTicketCreated},
		TicketIDPath:        "ticket_id",
		TicketIDDigits:      true,
		OccurredAtPath:      "created_at",
		MaxBody:             maxDeliveryBytes,
	}
}

// parseDelivery decodes an authenticated delivery body into an event without
// DedupKey. Failures are KindMalformed.
func parseDelivery(body []byte) (sdk.Event, error) {
	var d deliveryJSON
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&d); err != nil {
		return sdk.Event{}, sdk.Errorf(sdk.KindMalformed, "verify delivery: body is not a JSON object: %v", err)
	}
	if dec.More() {
		return sdk.Event{}, sdk.Errorf(sdk.KindMalformed, "verify delivery: trailing data after the JSON object")
	}
	id := strings.TrimSpace(strings.Trim(string(d.TicketID), `"`))
	if _, ok := parseID(id); !ok {
		return sdk.Event{}, sdk.Errorf(sdk.KindMalformed, "verify delivery: ticket_id is missing or not a positive number")
	}
	if d.Event != "" && d.Event != EventTicketCreated {
		return sdk.Event{}, sdk.Errorf(sdk.KindMalformed, "verify delivery: unknown event %q", deskhttp.Truncate(d.Event, 64))
	}
	t := &sdk.Ticket{
		ID:             id,
		Subject:        d.Subject,
		Description:    d.Description,
		Priority:       normalizePriority(d.Priority),
		Status:         d.Status,
		RequesterName:  d.RequesterName,
		RequesterEmail: d.RequesterEmail,
	}
	ev := sdk.Event{Type: EventTicketCreated, TicketID: id, Ticket: t}
	if ct, ok := parseTime(strings.TrimSpace(d.CreatedAt)); ok {
		t.CreatedAt = ct
		ev.OccurredAt = ct
	}
	return ev, nil
}

// dedupKey is the webhook invocation id, which Zendesk keeps across the
// retries of one invocation. When a delivery lacks it (a proxy stripped it, or
// a test webhook), a hash of the webhook id and the body stands in: the
// trigger body holds only the ticket id and its creation time, so a retried
// delivery hashes the same while a different ticket never does.
func dedupKey(h http.Header, body []byte) string {
	if inv := deskhttp.Header(h, HeaderInvocationID); inv != "" {
		return inv
	}
	s := sha256.New()
	s.Write([]byte(deskhttp.Header(h, HeaderWebhookID)))
	s.Write([]byte{0})
	s.Write(body)
	return "sha256:" + hex.EncodeToString(s.Sum(nil))
}
