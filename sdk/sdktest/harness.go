package sdktest

import (
	"net/http"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

// Harness is what a plugin author provides for the desk's sandbox. Every
// method fails t (t.Fatal) when the sandbox cannot do what is asked.
type Harness interface {
	// Binding points at the sandbox. Its FieldIDs name custom fields that
	// exist there.
	Binding() sdk.Binding
	// Credentials returns a fresh valid token for the sandbox; each call
	// may return a new one.
	Credentials(t testing.TB) sdk.Credentials
	// CreateTicket creates a ticket as a requester would and returns its id.
	CreateTicket(t testing.TB, subject, description string) (ticketID string)
	// Delivery returns the headers and body the desk sends to webhookURL
	// about ticketID, signed now with the secret of the webhook installed
	// there. It returns nil, nil when the sandbox delivers by itself to
	// webhookURL (the kit listens there on 127.0.0.1).
	Delivery(t testing.TB, webhookURL, ticketID string) (http.Header, []byte)
	// Sign returns the headers the desk would send with body to webhookURL
	// at time at, signed with that webhook's secret. The kit uses it to
	// forge a delivery whose signature is right but whose body is garbage,
	// and one whose signature belongs to another body.
	Sign(t testing.TB, webhookURL string, body []byte, at time.Time) http.Header
	// Comments lists the comments on a ticket as the desk stores them.
	Comments(t testing.TB, ticketID string) []sdk.Comment
	// Fields returns a ticket's custom field values as the desk stores them.
	Fields(t testing.TB, ticketID string) map[string]any
	// FieldValues maps custom field ids that exist on the sandbox to a value
	// the desk accepts for each; SetFields must store them.
	FieldValues() map[string]any
	// Leftovers lists what the plugin created on the desk and still exists
	// (webhooks, triggers): not empty after Install, empty after Uninstall.
	Leftovers(t testing.TB) []string
	// TokenRevoked reports whether the desk now refuses creds.
	TokenRevoked(t testing.TB, creds sdk.Credentials) bool
}

// The interfaces below are optional: a Harness implements those its desk
// needs, and the kit falls back to the stated default otherwise.

// ClientHarness gives the OAuth client Install receives (for desks that sign
// deliveries with the client secret). Default: an empty OAuthClient.
type ClientHarness interface {
	Client() sdk.OAuthClient
}

// IDHarness names ids the desk does not have, in the desk's own form.
// Default: the numeric ids 999999999 (ticket) and 999999999998 (field).
type IDHarness interface {
	MissingTicketID() string
	UnknownFieldID() string
}

// SignatureHarness says whether the desk's signature covers the body. A
// desk that authenticates a delivery by a token in a header (a JWT, say)
// while leaving the body unsigned says false, and the kit skips the
// tampered-body and signature-of-another-body cases (the plugin must then
// treat the body as a signal and read the ticket through the API). Default:
// true.
type SignatureHarness interface {
	SignsBody() bool
}
