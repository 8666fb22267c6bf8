package fakedesk

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"time"
)

// Header names of a fake desk delivery: an HMAC-SHA256 over
// timestamp + body with the webhook's secret, like Zendesk's.
const (
	SignatureHeader  = "X-Fake-Signature"
	TimestampHeader  = "X-Fake-Timestamp"
	InvocationHeader = "X-Fake-Invocation-Id"
)

// Sign computes the signature header value.
func Sign(secret string, ts string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(ts))
	m.Write(body)
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// Timestamp formats a delivery time.
func Timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// DeliveryJSON is the body of a fake desk delivery.
type DeliveryJSON struct {
	Type     string `json:"type"`
	TicketID int64  `json:"ticket_id"`
	Subject  string `json:"subject"`
}
