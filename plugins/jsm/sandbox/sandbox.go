package sandbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"
)

// OAuthClient is an OAuth 2.0 (3LO) app registered in the developer console.
type OAuthClient struct {
	ID           string
	Secret       string
	RedirectURIs []string
}

// Site is one Jira Cloud site the admin's account can reach.
type Site struct {
	CloudID string
	Name    string
	URL     string // https://acme.atlassian.net
}

// Options configure a Sandbox. Zero values give sensible defaults.
type Options struct {
	Clients []OAuthClient
	// Sites default to acme.atlassian.net and a second, unrelated site
	// (accessible-resources may list sites the user did not consent to).
	Sites []Site
	// ProjectKey is the service project created at start (default SUP).
	ProjectKey string
	// AccessTTL is the access token lifetime (default 1 h).
	AccessTTL time.Duration
	// WebhookTTL is how long a dynamic webhook lives after register or
	// refresh (default 30 days; tests shorten it).
	WebhookTTL time.Duration
	// Now is the clock for tokens, webhooks and timestamps.
	Now    func() time.Time
	Logger hclog.Logger
	// HTTPClient sends webhook deliveries (default: a plain client).
	HTTPClient *http.Client
	// DeliveryTimeout bounds one delivery attempt (default 10 s).
	DeliveryTimeout time.Duration
	// RetryDelay is the pause between delivery attempts (default 500 ms).
	RetryDelay time.Duration
	// MaxAttempts is the number of delivery tries (default 5).
	MaxAttempts int
}

// Sandbox is one emulated Atlassian tenant. It is safe for concurrent use.
type Sandbox struct {
	opts   Options
	log    hclog.Logger
	now    func() time.Time
	client *http.Client

	ctx    context.Context // cancelled by Close; owns delivery goroutines
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu          sync.Mutex
	closed      bool
	clients     map[string]OAuthClient
	codes       map[string]*authCode
	tokens      map[string]*token   // by access token
	refreshes   map[string]*refresh // by refresh token
	authorizes  []url.Values
	projects    map[string]*project // by key
	issues      map[int64]*issue
	nextIssueID int64
	nextComment int64
	fields      map[string]*Field
	nextField   int64
	webhooks    map[int64]*webhook
	nextWebhook int64
	webhookTTL  time.Duration
	deliveries  []*Delivery
	changed     chan struct{} // closed and replaced when a delivery changes
	dupNext     int
	faults      []fault
}

// New returns a Sandbox with its sites, the service project and the given
// OAuth clients.
func New(opts Options) *Sandbox {
	if len(opts.Sites) == 0 {
		opts.Sites = []Site{
			{CloudID: "1324a887-45db-1bf4-1e99-ef0ff456d421", Name: "acme", URL: "https://acme.atlassian.net"},
			{CloudID: "9b3c2f4e-0d1a-4c55-8e2f-6a7b8c9d0e1f", Name: "other", URL: "https://other.atlassian.net"},
		}
	}
	if opts.ProjectKey == "" {
		opts.ProjectKey = "SUP"
	}
	if opts.AccessTTL == 0 {
		opts.AccessTTL = time.Hour
	}
	if opts.WebhookTTL == 0 {
		opts.WebhookTTL = 30 * 24 * time.Hour
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = hclog.NewNullLogger()
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{}
	}
	if opts.DeliveryTimeout == 0 {
		opts.DeliveryTimeout = 10 * time.Second
	}
	if opts.RetryDelay == 0 {
		opts.RetryDelay = 500 * time.Millisecond
	}
	if opts.MaxAttempts == 0 {
		opts.MaxAttempts = 5
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Sandbox{
		opts: opts, log: opts.Logger.Named("jsm-sandbox"), now: opts.Now, client: opts.HTTPClient,
		ctx: ctx, cancel: cancel,
		clients: map[string]OAuthClient{}, codes: map[string]*authCode{},
		tokens: map[string]*token{}, refreshes: map[string]*refresh{},
		projects: map[string]*project{}, issues: map[int64]*issue{}, nextIssueID: 10001,
		nextComment: 20001, fields: map[string]*Field{}, nextField: 10050,
		webhooks: map[int64]*webhook{}, nextWebhook: 1000, webhookTTL: opts.WebhookTTL,
		changed: make(chan struct{}),
	}
	for _, c := range opts.Clients {
		s.clients[c.ID] = c
	}
	s.projects[opts.ProjectKey] = &project{ID: "10000", Key: opts.ProjectKey, Name: "Support", ServiceDeskID: "1"}
	return s
}

// Close stops delivery goroutines and waits for them.
func (s *Sandbox) Close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.cancel()
	s.wg.Wait()
}

// Sites lists the tenant's sites.
func (s *Sandbox) Sites() []Site { return append([]Site(nil), s.opts.Sites...) }

// ProjectKey is the key of the service project created at start.
func (s *Sandbox) ProjectKey() string { return s.opts.ProjectKey }

// SetWebhookTTL changes the lifetime given to webhooks registered or
// refreshed from now on.
func (s *Sandbox) SetWebhookTTL(d time.Duration) {
	s.mu.Lock()
	s.webhookTTL = d
	s.mu.Unlock()
}

// DuplicateNext makes the next n deliveries be sent twice (same identifier).
func (s *Sandbox) DuplicateNext(n int) {
	s.mu.Lock()
	s.dupNext += n
	s.mu.Unlock()
}

// FaultKind is what an injected fault answers.
type FaultKind string

// Fault kinds for InjectFaults.
const (
	Fault429 FaultKind = "429" // 429 with Retry-After: 1 and X-RateLimit-* headers
	Fault500 FaultKind = "500"
	Fault503 FaultKind = "503" // 503 with Retry-After: 1
)

type fault struct {
	method string // "" matches any
	prefix string
	left   int
	kind   FaultKind
}

// InjectFaults makes the next n requests with this method ("" for any) whose
// path (after /ex/jira/{cloudid}) starts with prefix fail with kind.
func (s *Sandbox) InjectFaults(method, prefix string, n int, kind FaultKind) {
	if n <= 0 {
		return
	}
	s.mu.Lock()
	s.faults = append(s.faults, fault{method: method, prefix: prefix, left: n, kind: kind})
	s.mu.Unlock()
}

func (s *Sandbox) takeFault(method, path string) (fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.faults {
		f := &s.faults[i]
		if (f.method == "" || f.method == method) && strings.HasPrefix(path, f.prefix) {
			f.left--
			got := *f
			if f.left <= 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
			return got, true
		}
	}
	return fault{}, false
}

func writeFault(w http.ResponseWriter, f fault, now time.Time) {
	switch f.kind {
	case Fault429:
		w.Header().Set("Retry-After", "1")
		w.Header().Set("X-RateLimit-Limit", "100")
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset", now.UTC().Add(time.Minute).Format("2006-01-02T15:04Z"))
		w.Header().Set("RateLimit-Reason", "jira-burst-based")
		writeJSON(w, http.StatusTooManyRequests, errorCollection("Rate limit exceeded."))
	case Fault503:
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusServiceUnavailable, errorCollection("Service unavailable."))
	default:
		writeJSON(w, http.StatusInternalServerError, errorCollection("Internal server error."))
	}
}

// Handler serves the whole tenant: OAuth, the REST APIs and /sandbox/.
func (s *Sandbox) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/authorize", s.handleAuthorize)
	mux.HandleFunc("POST /oauth/token", s.handleToken)
	mux.HandleFunc("GET /oauth/token/accessible-resources", s.handleResources)
	mux.HandleFunc("/ex/jira/{cloudid}/", s.handleJira)
	mux.Handle("/sandbox/", s.adminHandler())
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/sandbox/", http.StatusFound)
	})
	return mux
}

// errorCollection is Jira's error body.
func errorCollection(msgs ...string) map[string]any {
	return map[string]any{"errorMessages": orEmpty(msgs), "errors": map[string]string{}}
}

func fieldErrors(errs map[string]string) map[string]any {
	return map[string]any{"errorMessages": []string{}, "errors": errs}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// randomHex returns n random bytes, hex encoded.
func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("sandbox: read random: %v", err))
	}
	return hex.EncodeToString(b)
}

// notify wakes whoever waits for a delivery change; the caller holds s.mu.
func (s *Sandbox) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func sortedKeys[K int64 | string, V any](m map[K]V) []K {
	ks := make([]K, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

// jiraTime is the timestamp format of Jira's REST API.
func jiraTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000-0700") }
