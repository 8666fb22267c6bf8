package sandbox

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"
)

// OAuthClient is an OAuth client registered on the emulated account.
type OAuthClient struct {
	ID            string // the "Unique Identifier" sent as client_id
	Secret        string
	RedirectURIs  []string
	Kind          string   // "confidential" (default) or "public"
	AllowedScopes []string // empty: every known scope
}

// Options configure a Sandbox. Zero values give sensible defaults.
type Options struct {
	Clients []OAuthClient
	// AccessTTL and RefreshTTL are the default token lifetimes (30m / 30 days).
	// AccessTTL < 0 emulates an old-style client: tokens come without
	// expires_in and refresh_token unless the token request passes expires_in.
	AccessTTL, RefreshTTL time.Duration
	// Now is the clock for token expiry, codes, rate windows and timestamps.
	Now    func() time.Time
	Logger hclog.Logger
	// DeliveryTimeout bounds one webhook delivery attempt (default 12s).
	DeliveryTimeout time.Duration
	// RetryDelay is the pause before retrying a timed-out or 409 delivery
	// (default 500ms); a Retry-After header overrides it.
	RetryDelay time.Duration
	// AutoApprove makes /oauth/authorizations/new approve at once; otherwise
	// it shows a consent page.
	AutoApprove bool
	// HTTPClient sends webhook deliveries (default: a plain client).
	HTTPClient *http.Client
	// AccountID is sent as x-zendesk-account-id (default 22154412).
	AccountID int64
	// PublicURL is the account's URL used in {{ticket.url}} and in "url"
	// fields when no request is at hand (default https://d3v-sandbox.zendesk.com).
	PublicURL string
	// RateLimit is the account's per-minute API limit (default 700), as
	// reported in X-Rate-Limit and enforced with 429.
	RateLimit int
	// UpdateTicketLimit, when > 0, limits PUT /api/v2/tickets/{id} per minute.
	UpdateTicketLimit int
	// SlowDelay is how long a FaultSlow request stalls (default 15s, or until
	// the client gives up).
	SlowDelay time.Duration
	// Synthetic, when set, makes the ids of its range read as tickets made
	// on the fly, whose updates are counted and not stored (load tests).
	// Off (nil) by default.
	Synthetic *SyntheticTickets
}

// Sandbox is one emulated Zendesk account. It is safe for concurrent use.
type Sandbox struct {
	opts   Options
	log    hclog.Logger
	now    func() time.Time
	client *http.Client

	ctx    context.Context // cancelled by Close; owns delivery goroutines
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu           sync.Mutex
	closed       bool // set by Close: no new deliveries start
	clients      map[string]OAuthClient
	codes        map[string]*authCode
	tokens       map[string]*token // by access token
	refreshes    map[string]*token // by refresh token
	nextTokenID  int64
	denyNext     bool
	users        map[int64]*User
	nextUserID   int64
	tickets      map[int64]*ticket
	nextTicketID int64
	nextComment  int64
	fields       map[int64]*TicketField
	nextFieldID  int64
	webhooks     map[string]*webhook
	triggers     map[int64]*trigger
	nextTrigger  int64
	deliveries   []*Delivery
	changed      chan struct{} // closed and replaced when a delivery finishes
	dupNext      int
	faults       []fault
	rateWindow   time.Time
	rateCount    int
	updWindow    time.Time
	updCount     int
	updateLimit  int
	synth        *synthState // nil unless Options.Synthetic
}

// AdminUserID is the id of the account's admin, the user every token acts as.
const AdminUserID int64 = 900000000001

// New returns a Sandbox with an admin user and the given OAuth clients.
func New(opts Options) *Sandbox {
	if opts.AccessTTL == 0 {
		opts.AccessTTL = 30 * time.Minute
	}
	if opts.RefreshTTL == 0 {
		opts.RefreshTTL = 30 * 24 * time.Hour
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = hclog.NewNullLogger()
	}
	if opts.DeliveryTimeout == 0 {
		opts.DeliveryTimeout = 12 * time.Second
	}
	if opts.RetryDelay == 0 {
		opts.RetryDelay = 500 * time.Millisecond
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{}
	}
	if opts.AccountID == 0 {
		opts.AccountID = 22154412
	}
	if opts.PublicURL == "" {
		opts.PublicURL = "https://d3v-sandbox.zendesk.com"
	}
	opts.PublicURL = strings.TrimSuffix(opts.PublicURL, "/")
	if opts.RateLimit == 0 {
		opts.RateLimit = 700
	}
	if opts.SlowDelay == 0 {
		opts.SlowDelay = 15 * time.Second
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Sandbox{
		opts:         opts,
		log:          opts.Logger.Named("zendesk-sandbox"),
		now:          opts.Now,
		client:       opts.HTTPClient,
		ctx:          ctx,
		cancel:       cancel,
		clients:      map[string]OAuthClient{},
		codes:        map[string]*authCode{},
		tokens:       map[string]*token{},
		refreshes:    map[string]*token{},
		nextTokenID:  360000000001,
		users:        map[int64]*User{},
		nextUserID:   AdminUserID + 1,
		tickets:      map[int64]*ticket{},
		nextTicketID: 1,
		nextComment:  4200000000001,
		fields:       map[int64]*TicketField{},
		nextFieldID:  360010000001,
		webhooks:     map[string]*webhook{},
		triggers:     map[int64]*trigger{},
		nextTrigger:  360020000001,
		changed:      make(chan struct{}),
		updateLimit:  opts.UpdateTicketLimit,
		synth:        newSynthState(opts.Synthetic),
	}
	for _, c := range opts.Clients {
		if c.Kind == "" {
			c.Kind = "confidential"
		}
		s.clients[c.ID] = c
	}
	now := s.now().UTC()
	s.users[AdminUserID] = &User{ID: AdminUserID, Name: "Sandbox Admin", Email: "admin@sandbox.zendesk.test", Role: "admin", CreatedAt: now}
	return s
}

// Close stops delivery goroutines (in-flight attempts are cancelled) and
// waits for them.
func (s *Sandbox) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.cancel()
	s.wg.Wait()
}

// AccountID is the numeric account id sent with every webhook delivery.
func (s *Sandbox) AccountID() int64 { return s.opts.AccountID }

// DenyNext makes the next authorization request end with error=access_denied.
func (s *Sandbox) DenyNext() {
	s.mu.Lock()
	s.denyNext = true
	s.mu.Unlock()
}

// DuplicateNext makes the next n webhook deliveries be sent twice.
func (s *Sandbox) DuplicateNext(n int) {
	s.mu.Lock()
	s.dupNext += n
	s.mu.Unlock()
}

// SetUpdateTicketLimit sets the per-minute limit on ticket updates (0: none).
func (s *Sandbox) SetUpdateTicketLimit(perMinute int) {
	s.mu.Lock()
	s.updateLimit = perMinute
	s.updWindow, s.updCount = time.Time{}, 0
	s.mu.Unlock()
}

// FaultKind is what an injected fault answers.
type FaultKind string

// Fault kinds for InjectFaults.
const (
	Fault429  FaultKind = "429"  // 429 with Retry-After: 1
	Fault500  FaultKind = "500"  // 500 Internal Server Error
	Fault503  FaultKind = "503"  // 503 with Retry-After: 1
	FaultSlow FaultKind = "slow" // stalls for Options.SlowDelay, then answers normally
)

type fault struct {
	prefix string
	left   int
	kind   FaultKind
	delay  time.Duration
}

// InjectFaults makes the next n requests whose path starts with prefix (any
// path outside /sandbox/) fail with kind.
func (s *Sandbox) InjectFaults(prefix string, n int, kind FaultKind) {
	s.InjectSlow(prefix, n, kind, s.opts.SlowDelay)
}

// InjectSlow is InjectFaults with an explicit stall for FaultSlow.
func (s *Sandbox) InjectSlow(prefix string, n int, kind FaultKind, delay time.Duration) {
	if n <= 0 {
		return
	}
	s.mu.Lock()
	s.faults = append(s.faults, fault{prefix: prefix, left: n, kind: kind, delay: delay})
	s.mu.Unlock()
}

// takeFault consumes one matching fault, if any.
func (s *Sandbox) takeFault(path string) (fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.faults {
		f := &s.faults[i]
		if f.left > 0 && strings.HasPrefix(path, f.prefix) {
			f.left--
			got := *f
			if f.left == 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
			return got, true
		}
	}
	return fault{}, false
}

// randomHex returns n random bytes, hex encoded.
func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("sandbox: read random: %v", err))
	}
	return hex.EncodeToString(b)
}

func randomB64(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("sandbox: read random: %v", err))
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// newULID returns a 26-character ULID-like id: 48 bits of milliseconds and 80
// random bits in Crockford base32, like Zendesk's webhook ids.
func newULID(t time.Time) string {
	var b [16]byte
	ms := uint64(t.UnixMilli())
	for i := 5; i >= 0; i-- {
		b[i] = byte(ms)
		ms >>= 8
	}
	if _, err := rand.Read(b[6:]); err != nil {
		panic(fmt.Sprintf("sandbox: read random: %v", err))
	}
	// 128 bits → 26 base32 digits (the first holds 3 bits).
	out := make([]byte, 26)
	var acc uint64
	bits := 0
	idx := 25
	for i := 15; i >= 0; i-- {
		acc |= uint64(b[i]) << bits
		bits += 8
		for bits >= 5 && idx >= 0 {
			out[idx] = crockford[acc&31]
			acc >>= 5
			bits -= 5
			idx--
		}
	}
	if idx >= 0 {
		out[idx] = crockford[acc&31]
	}
	return string(out)
}

func sortedKeys[K int64 | string, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}
