package oauth

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/plugins"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// ErrNeedsReconnect is returned by Credentials and RefreshAfterAuthError when
// the binding's grant is gone (refresh token rejected, expired, or never
// issued) and an admin must authorize the binding again. The pipeline
// dead-letters a job that meets it, and wraps it for a binding already in
// status needs_reconnect.
var ErrNeedsReconnect = errors.New("binding must be reconnected")

// ErrUnknownBinding is returned when the configuration has no such binding.
var ErrUnknownBinding = errors.New("unknown binding")

// StateTTL is how long a /connect link stays usable, and so how long the
// cookie that binds it to the browser needs to live.
const StateTTL = 10 * time.Minute

// refreshTimeout bounds one token-endpoint round trip. lockTTL, how long a
// crashed replica can hold the cross-replica refresh lock, is longer, so the
// lock cannot expire under a refresh that is still running.
const (
	refreshTimeout = 30 * time.Second
	lockTTL        = 2 * refreshTimeout
)

// Store is what the manager keeps: binding status and install state, tokens
// and OAuth states, and the audit log.
type Store interface {
	store.Bindings
	store.Tokens
	store.Audit
}

// Options configures a Manager.
type Options struct {
	Store Store
	// Config is the configuration in force (a reload swaps it): a binding's
	// client credentials and plugin attributes are read from it.
	Config    func() *config.Config
	Platforms plugins.Platforms
	// PublicURL is the gateway's external base URL: the webhook URL is
	// {PublicURL}/hooks/{platform}/{binding} and the OAuth redirect URL is
	// {PublicURL}/oauth/callback.
	PublicURL string
	Logger    hclog.Logger
	Now       func() time.Time
	// HTTPClient talks to the token endpoint.
	HTTPClient *http.Client
	// RefreshSkew is how long before expiry a token is refreshed; default 2m.
	RefreshSkew time.Duration
	// Locker serializes refreshes across replicas sharing a backend; nil
	// (one process owns the data) = in-process only.
	Locker store.Locker
}

// Manager runs connect, refresh and disconnect for every binding.
type Manager struct {
	store     Store
	config    func() *config.Config
	platforms plugins.Platforms
	publicURL string
	log       hclog.Logger
	now       func() time.Time
	client    *http.Client
	skew      time.Duration
	locker    store.Locker

	mu    sync.Mutex
	locks map[store.BindingKey]chan struct{} // one refresh at a time per binding
	descs map[store.BindingKey]cachedDescription
}

// cachedDescription remembers Describe's answer for the binding attributes
// it was asked about, so a config reload that changes them is noticed.
type cachedDescription struct {
	attrs map[string]string
	d     *sdk.Description
}

// New returns a Manager. Store, Config and Platforms are required.
func New(o Options) *Manager {
	m := &Manager{
		store:     o.Store,
		config:    o.Config,
		platforms: o.Platforms,
		publicURL: strings.TrimRight(o.PublicURL, "/"),
		log:       o.Logger,
		now:       o.Now,
		client:    o.HTTPClient,
		skew:      o.RefreshSkew,
		locker:    o.Locker,
		locks:     map[store.BindingKey]chan struct{}{},
		descs:     map[store.BindingKey]cachedDescription{},
	}
	if m.log == nil {
		m.log = hclog.NewNullLogger()
	}
	m.log = m.log.Named("oauth")
	if m.now == nil {
		m.now = time.Now
	}
	if m.client == nil {
		m.client = &http.Client{Timeout: 30 * time.Second}
	}
	if m.skew <= 0 {
		m.skew = 2 * time.Minute
	}
	return m
}

func (m *Manager) redirectURL() string { return m.publicURL + "/oauth/callback" }

func (m *Manager) webhookURL(key store.BindingKey) string {
	return m.publicURL + "/hooks/" + key.Platform + "/" + key.Name
}

// binding resolves a binding's configuration, plugin and description. The
// description is cached per binding attributes: it is derived from them, and
// a Describe round trip on every Credentials call would be wasted.
func (m *Manager) binding(ctx context.Context, key store.BindingKey, fresh bool) (*config.Binding, sdk.Platform, *sdk.Description, error) {
	info := m.config().Binding(key.Platform, key.Name)
	if info == nil {
		return nil, nil, nil, ErrUnknownBinding
	}
	p, err := m.platforms.Platform(ctx, key.Platform)
	if err != nil {
		return info, nil, nil, fmt.Errorf("start plugin: %w", err)
	}
	m.mu.Lock()
	c, ok := m.descs[key]
	m.mu.Unlock()
	if ok && !fresh && maps.Equal(c.attrs, info.Attributes) {
		return info, p, c.d, nil
	}
	sb := info.SDK()
	d, err := p.Describe(ctx, &sb)
	if err != nil {
		return info, p, nil, fmt.Errorf("describe binding: %w", err)
	}
	m.mu.Lock()
	m.descs[key] = cachedDescription{attrs: maps.Clone(info.Attributes), d: d}
	m.mu.Unlock()
	return info, p, d, nil
}

// audit appends one audit entry; a failing audit write is logged, not
// returned, because the step it describes has already happened.
func (m *Manager) audit(ctx context.Context, key store.BindingKey, action string, outcome store.Outcome, err error, msg string) {
	e := store.AuditEntry{
		Time:    m.now(),
		Action:  action,
		Outcome: outcome,
		Message: msg,
	}
	e.Binding = key.String()
	if err != nil {
		e.ErrorKind = errorKind(err).String()
	}
	if aerr := m.store.AppendAudit(context.WithoutCancel(ctx), e); aerr != nil {
		m.log.Warn("audit write failed", "binding", key.String(), "action", action, "error", aerr)
	}
}

// errorKind classifies err for the audit log.
func errorKind(err error) sdk.ErrorKind {
	if errors.Is(err, ErrNeedsReconnect) {
		return sdk.KindAuthExpired
	}
	return sdk.KindOf(err)
}
