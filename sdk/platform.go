package sdk

import (
	"context"
	"net/http"
	"time"
)

// ProtocolVersion is the Platform protocol version this SDK speaks. It is
// negotiated by go-plugin's versioned plugin sets, so a v2 can be added beside
// it without breaking v1 plugins.
const ProtocolVersion = 1

// Platform is what a desk plugin implements. Every call carries everything the
// plugin needs (credentials, install state, binding attributes): a plugin
// keeps no per-tenant state of its own, so the gateway can restart it at any
// time and retry a call.
//
// Errors returned by a Platform should be *Error values (see errors.go) so the
// gateway knows whether to retry, refresh the token or give up; any other
// error is treated as permanent.
type Platform interface {
	// Describe names the platform and, for a binding, its OAuth endpoints and
	// API base URL. Binding may be nil to ask only for the static parts.
	Describe(ctx context.Context, binding *Binding) (*Description, error)

	// Install registers whatever the desk needs to deliver events to
	// webhookURL (for Zendesk: a webhook and a trigger) and returns the state
	// needed to verify deliveries and to uninstall later. On failure it undoes
	// the steps already done.
	Install(ctx context.Context, req InstallRequest) (*InstallState, error)

	// Verify authenticates one delivery and returns its events. A bad
	// signature or stale timestamp is an *Error of KindRejected; a body that
	// cannot be parsed is KindMalformed.
	Verify(ctx context.Context, req VerifyRequest) ([]Event, error)

	// GetTicket reads the full ticket: a delivery is only a signal.
	GetTicket(ctx context.Context, creds Credentials, ticketID string) (*Ticket, error)

	// PostComment adds a comment to a ticket; Comment.Public says whether it
	// is a public reply or an internal note, always explicitly.
	PostComment(ctx context.Context, creds Credentials, ticketID string, c Comment) error

	// SetFields sets custom field values on a ticket, keyed by field id.
	SetFields(ctx context.Context, creds Credentials, ticketID string, fields map[string]any) error

	// Uninstall removes what Install created and revokes the token (unless
	// Description.CannotRevoke says the desk has no way to). Parts already
	// gone count as done, so it can be retried after a partial failure.
	Uninstall(ctx context.Context, creds Credentials, state InstallState) error

	// Check runs the platform's live troubleshooting checks for a binding.
	Check(ctx context.Context, creds Credentials, state InstallState, binding Binding) ([]CheckResult, error)
}

// Maintainer is implemented by a plugin whose installations expire (for
// Jira: dynamic webhooks live 30 days unless refreshed). It is optional: the
// gateway calls Maintain only for an InstallState whose MaintainAt is set,
// before that time, and again at the MaintainAt of the state Maintain
// returns. Over gRPC a plugin without it answers an *Error of
// KindUnsupported.
type Maintainer interface {
	// Maintain renews what Install created (or recreates what has gone) and
	// returns the whole new install state, with the next MaintainAt. It must
	// be safe to call early and to retry. The returned state replaces the
	// stored one; on error the stored one stays.
	Maintain(ctx context.Context, req MaintainRequest) (*InstallState, error)
}

// MaintainRequest asks a plugin to renew an installation.
type MaintainRequest struct {
	Credentials Credentials
	State       InstallState
	Binding     Binding
	// Client is the OAuth client the binding is connected with now (it may
	// have been rotated since Install).
	Client OAuthClient
}

// Binding is one connection of a desk account to a project, as configured in
// a `binding "<platform>" "<name>"` HCL block.
type Binding struct {
	Platform string
	Name     string
	// Attributes are the platform-specific attributes of the block (for
	// Zendesk: subdomain, api_url), as strings.
	Attributes map[string]string
	// FieldIDs maps the gateway's logical field names (severity,
	// affected_service, analysis_url) to the desk's custom field ids.
	FieldIDs map[string]string
}

// Description is what Describe returns.
type Description struct {
	Name string
	// DisplayName is the desk's name for people ("Jira Service Management"),
	// for the web UI's "Connect" button; empty means Name.
	DisplayName     string
	ProtocolVersion int
	// OAuth endpoints and API base for the binding asked about; empty when
	// Describe was called without a binding.
	AuthorizeURL string
	TokenURL     string
	APIBaseURL   string
	Scopes       []string
	PKCE         bool
	// AuthorizeParams are extra query parameters for the authorize URL (for
	// Atlassian: audience and prompt). They must not name a parameter the
	// gateway sets itself (client_id, redirect_uri, response_type, scope,
	// state, code_challenge, code_challenge_method).
	AuthorizeParams map[string]string
	// TokenRequest says how the token endpoint wants the code exchange and
	// refresh requests; the zero value is a form body with the client
	// credentials in it.
	TokenRequest TokenRequestStyle
	// CannotRevoke says the desk offers no way to revoke a token: Uninstall
	// removes what Install created but the grant stays until an admin
	// removes it, as RevokeHelp explains. The gateway drops its copy of the
	// token and tells the admin.
	CannotRevoke bool
	RevokeHelp   string
	// Attributes lists the platform-specific binding attributes the plugin
	// accepts, so the gateway can reject unknown ones with a source range.
	Attributes []AttributeSpec
	// VerifyRecipe, when set (in the static description, Describe without
	// a binding), lets the gateway check deliveries in its own process
	// instead of calling Verify for each; see VerifyRecipe. Nil: every
	// delivery goes to Verify.
	VerifyRecipe *VerifyRecipe
}

// TokenRequestStyle is how a desk's OAuth token endpoint wants its requests.
type TokenRequestStyle int

const (
	// TokenRequestForm: application/x-www-form-urlencoded with client_id and
	// client_secret in the body (RFC 6749 §2.3.1). The default.
	TokenRequestForm TokenRequestStyle = iota
	// TokenRequestFormBasic: form body, client credentials in HTTP Basic.
	TokenRequestFormBasic
	// TokenRequestJSON: an application/json body with the same fields,
	// client_id and client_secret included.
	TokenRequestJSON
)

var tokenRequestNames = [...]string{"form", "form_basic", "json"}

func (s TokenRequestStyle) String() string {
	return enumName(tokenRequestNames[:], int(s), "TokenRequestStyle")
}

// OAuthClient is the OAuth client (from the platform or binding block) a
// binding is connected with. Some desks sign deliveries with its secret (for
// Jira: a JWT signed with the app's client secret), so Install may keep it
// in the install state.
type OAuthClient struct {
	ID     string
	Secret string
}

// String keeps the secret out of any log line that formats an OAuthClient.
func (c OAuthClient) String() string {
	return "OAuthClient{ID: " + c.ID + ", Secret: <redacted>}"
}

// GoString keeps the secret out of %#v as well.
func (c OAuthClient) GoString() string { return c.String() }

// AttributeSpec describes one platform-specific binding attribute. Kind
// and Pattern say what its value must be, so the gateway refuses a bad value
// at `deskgate validate` (and at start and reload) instead of at connect.
type AttributeSpec struct {
	Name        string
	Required    bool
	Description string
	Kind        AttributeKind
	// Pattern, when set, is an RE2 expression the whole value must match
	// (it is anchored by the gateway).
	Pattern string
}

// AttributeKind is the shape of an attribute's value.
type AttributeKind int

const (
	// KindString is any text (the default).
	KindString AttributeKind = iota
	// KindHostnameLabel is one DNS label: acme in acme.zendesk.com.
	KindHostnameLabel
	// KindHostname is a host name such as acme.atlassian.net.
	KindHostname
	// KindURL is an absolute http(s) URL. The gateway requires https unless
	// the host is loopback or the binding sets insecure_api_url = true, and
	// always refuses link-local and cloud metadata addresses.
	KindURL
)

var attributeKindNames = [...]string{"string", "hostname label", "hostname", "url"}

func (k AttributeKind) String() string {
	return enumName(attributeKindNames[:], int(k), "AttributeKind")
}

// Credentials travel with every call that reaches the desk's API. The gateway
// owns the token and refreshes it; the plugin only uses it.
type Credentials struct {
	AccessToken string
	APIBaseURL  string
}

// String keeps the token out of any log line that formats Credentials.
func (c Credentials) String() string {
	return "Credentials{APIBaseURL: " + c.APIBaseURL + ", AccessToken: <redacted>}"
}

// GoString keeps the token out of %#v as well.
func (c Credentials) GoString() string { return c.String() }

// InstallRequest asks a plugin to register the gateway's webhook.
type InstallRequest struct {
	Binding     Binding
	Credentials Credentials
	WebhookURL  string
	// Client is the OAuth client the binding was connected with.
	Client OAuthClient
}

// InstallState is returned by Install and handed back on every Verify, Check
// and Uninstall. Data is opaque to the gateway and holds secrets (a signing
// secret): the gateway stores it encrypted and never logs it. Summary holds
// non-secret facts worth showing to an admin (webhook id, trigger id).
type InstallState struct {
	Data    []byte
	Summary map[string]string
	// APIBaseURL, when set, is the API base found at install time (for Jira:
	// {api}/ex/jira/{cloudid}); the gateway puts it in the Credentials of
	// every later call for this binding instead of Description.APIBaseURL.
	APIBaseURL string
	// MaintainAt, when set, is when the installation next needs Maintain
	// (see Maintainer); past it, deliveries may stop. Zero: never.
	MaintainAt time.Time
}

// String keeps Data out of log lines.
func (s InstallState) String() string {
	return "InstallState{Data: <redacted>}"
}

// GoString keeps Data out of %#v as well.
func (s InstallState) GoString() string { return s.String() }

// VerifyRequest is one raw delivery to the gateway's webhook route.
type VerifyRequest struct {
	State   InstallState
	Headers http.Header
	Body    []byte
	Now     time.Time
	// Method and URL are the delivery's HTTP method and request URI (path
	// and query as received), for desks whose signature covers them.
	Method string
	URL    string
}

// Event is one normalized event from a verified delivery.
type Event struct {
	// DedupKey identifies the event across redeliveries (for Zendesk: the
	// webhook invocation id).
	DedupKey string
	// Type is the normalized event type, e.g. "ticket.created".
	Type     string
	TicketID string
	// Ticket holds whatever ticket fields the delivery carried; it may be
	// partial. The gateway reads the full ticket with GetTicket.
	Ticket     *Ticket
	OccurredAt time.Time
	// ReplayKey, when set, identifies the signed delivery itself (for an
	// HMAC: ReplayKey(signature, timestamp)): a resend of a captured
	// delivery under a new or missing dedup id (an unsigned header) has the
	// same one, and the gateway answers it as a duplicate.
	ReplayKey string
	// SignedAt, when set with ReplayKey, is the time the delivery's
	// signature covers (its signed timestamp header): a resend of the
	// delivery must have the same one, so it may only come from signed
	// material. The gateway stores replay keys in its order, where a
	// random key cost a disk page per delivery. Zero when the scheme signs
	// no time. Not part of the event's payload.
	SignedAt time.Time `json:"-"`
}

// Ticket is a normalized desk ticket.
type Ticket struct {
	ID             string
	Subject        string
	Description    string
	RequesterName  string
	RequesterEmail string
	// Priority is normalized to urgent, high, normal, low or "".
	Priority  string
	Status    string
	Tags      []string
	CreatedAt time.Time
	// CustomFields maps field id to its JSON-compatible value.
	CustomFields map[string]any
	URL          string
	// RequesterTimeZone is the requester's IANA time zone name
	// ("Europe/Helsinki") as the desk's profile of them gives it; "" when
	// unknown. Optional: the gateway's triage reads a bare clock in the
	// ticket ("at 16.30") in this zone when neither the words nor the mail
	// thread name one, and ignores a name it cannot load.
	RequesterTimeZone string
}

// Comment is a comment to post on a ticket. HTMLBody, when set, is used in
// place of Body.
type Comment struct {
	Body     string
	HTMLBody string
	Public   bool
	// Key, when set, makes the post idempotent: if the ticket already has a
	// comment posted with this key, PostComment succeeds without posting
	// again. The gateway sets it (binding, ticket, stage) so that a job
	// retried after a crash between the post and its record never posts
	// twice. How the key is kept on the desk (e.g. a short reference line in
	// the comment) is the plugin's choice.
	Key string
}

// CheckResult is one line of `deskgate doctor`.
type CheckResult struct {
	Name   string
	OK     bool
	Detail string
	// Fix says what to do when OK is false.
	Fix string
}
