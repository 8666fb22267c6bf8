package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

// ErrNotFound is returned when a binding, token, OAuth state or analysis does
// not exist (or an OAuth state has expired or was already used).
var ErrNotFound = errors.New("not found")

// BindingKey names a binding: `binding "<platform>" "<name>"`.
type BindingKey struct {
	Platform string
	Name     string
}

// String is "platform/name", the form used in audit entries, the CLI and
// the queue's job records; "" for the zero key (no binding).
func (k BindingKey) String() string {
	if k == (BindingKey{}) {
		return ""
	}
	return k.Platform + "/" + k.Name
}

// ParseBindingKey reads the String form back (a queue backend reading a
// stored job); "" is the zero key.
func ParseBindingKey(s string) (BindingKey, error) {
	if s == "" {
		return BindingKey{}, nil
	}
	plat, name, ok := strings.Cut(s, "/")
	if !ok || plat == "" || name == "" {
		return BindingKey{}, fmt.Errorf("binding %q: want platform/name", s)
	}
	return BindingKey{Platform: plat, Name: name}, nil
}

// Status is a binding's connection status.
type Status string

const (
	StatusInactive       Status = "inactive"
	StatusActive         Status = "active"
	StatusNeedsReconnect Status = "needs_reconnect"
)

// Binding is the stored state of one binding. Configuration (project, posting
// mode …) lives in HCL, not here.
type Binding struct {
	Key         BindingKey
	Status      Status
	InstalledAt time.Time // zero when never installed
	// Install is the plugin's install state; nil when not installed. Stored
	// sealed.
	Install        *sdk.InstallState
	LastDeliveryAt time.Time
	LastError      string
	UpdatedAt      time.Time
}

// Token is a binding's OAuth token. Stored sealed.
type Token struct {
	AccessToken  string
	RefreshToken string
	TokenType    string
	Expiry       time.Time // zero: does not expire
	Scope        string
	// Version is set by the store: it increases by one on every PutToken for
	// the binding, so a refresher can tell whether another one got there
	// first.
	Version int64
}

// String keeps the secrets out of log lines.
func (t Token) String() string { return "Token{<redacted>}" }

// GoString keeps the secrets out of %#v.
func (t Token) GoString() string { return t.String() }

// OAuthState is what the gateway remembers between /connect and the OAuth
// callback. Stored sealed (the PKCE verifier is a secret).
type OAuthState struct {
	Binding      BindingKey
	CodeVerifier string
	RedirectURL  string
	CreatedAt    time.Time
}

// Stage names a pipeline step recorded per ticket.
type Stage string

const (
	StageTriage        Stage = "triage" // Detail: the verdict as JSON, reused by retries
	StageTriageNote    Stage = "triage_note"
	StagePublicReply   Stage = "public_reply"
	StageFields        Stage = "fields"
	StageAnalysis      Stage = "analysis"
	StageAnalysisNote  Stage = "analysis_note"
	StageAnalysisField Stage = "analysis_field"
)

// StageRecord is a completed stage of a ticket.
type StageRecord struct {
	Stage  Stage
	At     time.Time
	Detail string // e.g. the analysis id, or the triage result as JSON
}

// Outcome of an audited step.
type Outcome string

const (
	OutcomeOK      Outcome = "ok"
	OutcomeError   Outcome = "error"
	OutcomeRetry   Outcome = "retry"
	OutcomeDead    Outcome = "dead"
	OutcomeSkipped Outcome = "skipped"
)

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID       int64 // assigned by the store, increasing
	Time     time.Time
	Binding  string // BindingKey.String(), or "" for gateway-wide entries
	TicketID string
	JobID    string
	// Action is a dotted name: webhook.accepted, webhook.rejected,
	// triage, note.internal, reply.public, fields.set, analysis,
	// note.analysis, oauth.connect, oauth.refresh, install, disconnect,
	// job.retry, job.dead, plugin.restart …
	Action    string
	Outcome   Outcome
	ErrorKind string // sdk.ErrorKind name when the step failed
	Message   string // never a token or secret
}

// AuditFilter selects audit entries, newest first.
type AuditFilter struct {
	Binding  string
	TicketID string
	Outcome  Outcome
	Action   string
	Since    time.Time // inclusive; zero = no bound
	Until    time.Time // exclusive; zero = no bound
	BeforeID int64     // paging: only entries with ID < BeforeID; 0 = none
	Limit    int       // 0 = 100
}

// Analysis is a stored log analysis, served at /analyses/{id}.
type Analysis struct {
	ID        string // unguessable
	Binding   string
	TicketID  string
	CreatedAt time.Time
	// Body is the analysis as JSON (the analysis package owns its shape).
	// Stored sealed.
	Body []byte
}

// The store is handed out by role: each consumer takes the roles it uses
// (the ingress Bindings and Audit, the oauth manager Bindings, Tokens and
// Audit …), so a test fake implements only those. A backend implements them
// all; Store is that whole, seen only by the code that opens a backend and by
// the conformance suite. All methods are safe for concurrent use.

// Bindings is the stored state of bindings: status, install state, last
// delivery.
type Bindings interface {
	GetBinding(ctx context.Context, key BindingKey) (Binding, error)
	ListBindings(ctx context.Context) ([]Binding, error)
	// PutBinding creates or replaces a binding's stored state.
	PutBinding(ctx context.Context, b Binding) error
	// SetStatus changes a binding's status and last error, creating the
	// binding record when absent.
	SetStatus(ctx context.Context, key BindingKey, status Status, lastError string) error
	// TouchDelivery records the time of the binding's latest accepted delivery.
	TouchDelivery(ctx context.Context, key BindingKey, at time.Time) error
}

// Tokens keeps the secrets of the OAuth flow: each binding's token and the
// single-use states that link /connect to the callback.
type Tokens interface {
	GetToken(ctx context.Context, key BindingKey) (Token, error)
	// PutToken stores the token and returns its new Version.
	PutToken(ctx context.Context, key BindingKey, t Token) (int64, error)
	// DeleteSecrets removes the binding's token and install state.
	DeleteSecrets(ctx context.Context, key BindingKey) error

	PutOAuthState(ctx context.Context, state string, s OAuthState, expiresAt time.Time) error
	// TakeOAuthState returns and deletes the state: a state works once.
	// Expired or unknown states give ErrNotFound.
	TakeOAuthState(ctx context.Context, state string, now time.Time) (OAuthState, error)
}

// Stages records which pipeline stages a ticket has completed.
type Stages interface {
	// Stages returns the completed stages of a ticket.
	Stages(ctx context.Context, key BindingKey, ticketID string) ([]StageRecord, error)
	// RecordStage records a completed stage and its audit entry atomically
	// (one transaction, one script), so a crash cannot keep one without the
	// other. The earlier entries (ones that waited for a commit to join)
	// are appended first in the same commit, whatever becomes of the stage.
	// When the stage was already recorded it writes only those: the run
	// that recorded it wrote the stage's entry.
	RecordStage(ctx context.Context, key BindingKey, ticketID string, rec StageRecord, e AuditEntry, earlier ...AuditEntry) error
}

// Audit is the audit log.
type Audit interface {
	AppendAudit(ctx context.Context, e AuditEntry) error
	QueryAudit(ctx context.Context, f AuditFilter) ([]AuditEntry, error)
}

// Analyses keeps stored log analyses. The body is sealed like tokens (its
// associated data is the analysis id); bodies stored unsealed by an older
// version still read.
type Analyses interface {
	PutAnalysis(ctx context.Context, a Analysis) error
	GetAnalysis(ctx context.Context, id string) (Analysis, error)
	// PurgeAnalyses deletes the analyses created before t and says how
	// many it deleted.
	PurgeAnalyses(ctx context.Context, createdBefore time.Time) (int, error)
}

// Session is a logged-in admin's session. The store knows it only by the
// SHA-256 of its id: the id is a bearer value that lives in the browser's
// cookie, so a copy of the store does not let anyone log in.
type Session struct {
	CreatedAt  time.Time // the absolute expiry counts from here
	LastSeenAt time.Time // the idle expiry counts from here
}

// Sessions keeps admin sessions where every replica sharing the backend
// finds them: a session created through one replica works on another, and
// a logout on one revokes it on all.
type Sessions interface {
	// PutSession creates or replaces the session stored under idHash,
	// valid until expiresAt.
	PutSession(ctx context.Context, idHash string, s Session, expiresAt time.Time) error
	// GetSession returns the session; an unknown one, or one whose
	// expiresAt is not after now, gives ErrNotFound.
	GetSession(ctx context.Context, idHash string, now time.Time) (Session, error)
	// DeleteSession revokes the session; deleting an unknown one is not
	// an error.
	DeleteSession(ctx context.Context, idHash string) error
}

// Store is a whole backend: every role, readiness and Close.
type Store interface {
	Bindings
	Tokens
	Stages
	Audit
	Analyses
	Sessions

	// AppendAudits appends the entries in order in one commit: all of them
	// or none (the pipeline writes a failed step's entry with the job's
	// closing entry).
	AppendAudits(ctx context.Context, es []AuditEntry) error
	// Ping reports whether the backend is reachable (readiness).
	Ping(ctx context.Context) error
	Close() error
}

// BindingStager reads a binding and the stages of one of its tickets at
// once (the SQLite store: one statement where GetBinding and Stages are
// two).
type BindingStager interface {
	BindingAndStages(ctx context.Context, key BindingKey, ticketID string) (Binding, []StageRecord, error)
}

// BindingAndStages is s's GetBinding and Stages of ticketID, in one read
// where s is a BindingStager. An unknown binding gives an error wrapping
// ErrNotFound and no stages.
func BindingAndStages(ctx context.Context, s interface {
	Bindings
	Stages
}, key BindingKey, ticketID string) (Binding, []StageRecord, error) {
	if bs, ok := s.(BindingStager); ok {
		return bs.BindingAndStages(ctx, key, ticketID)
	}
	b, err := s.GetBinding(ctx, key)
	if err != nil {
		return Binding{}, nil, err
	}
	recs, err := s.Stages(ctx, key, ticketID)
	if err != nil {
		return Binding{}, nil, err
	}
	return b, recs, nil
}
