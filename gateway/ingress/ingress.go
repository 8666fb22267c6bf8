package ingress

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/metrics"
	"github.com/sigsentry/deskgate/gateway/plugins"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// MaxBody is the largest delivery accepted (413 above it).
const MaxBody = 1 << 20

// Store is what the ingress reads and writes: a binding's install state and
// last delivery, and the audit entries of refused deliveries.
type Store interface {
	store.Bindings
	store.Audit
}

// Retry-After values of the 503 answers, in seconds: a busy door clears
// in moments, a full queue in the time the workers need to drain it.
const (
	retryBusy      = "1"
	retryQueueFull = "30"
	retryTrouble   = "5"
)

// Options configure the Handler.
type Options struct {
	// Config is the configuration in force (a reload swaps it): a delivery
	// for a binding not in it is refused.
	Config    func() *config.Config
	Store     Store
	Queue     queue.Queue
	Platforms plugins.Platforms
	Logger    hclog.Logger
	Metrics   *metrics.Metrics
	Now       func() time.Time
	// CacheTTL bounds how long a binding's install state is reused without
	// reading the store again (default 2s). Invalidate drops it at once.
	CacheTTL time.Duration

	// MaxInflight bounds the deliveries being read or verified at once
	// (default config.DefaultMaxInflightDeliveries); past it the answer is
	// 503 with Retry-After, so memory stays near MaxInflight × MaxBody.
	MaxInflight int
	// Depth, when set, is asked for the queue depth before a body is read;
	// a binding with MaxQueuePerBinding jobs waiting or running, or a queue
	// holding MaxQueueTotal, gets 503 with Retry-After (defaults
	// config.DefaultMaxQueueDepthPerBinding and config.DefaultMaxQueueDepth).
	Depth              DepthCounter
	MaxQueuePerBinding int
	MaxQueueTotal      int
	// RejectAuditWindow: refused deliveries are audited at most once per
	// binding and reason per window, with their count (default 1 minute).
	RejectAuditWindow time.Duration
}

// Handler serves POST /hooks/{platform}/{binding}.
type Handler struct {
	o       Options
	log     hclog.Logger
	slots   chan struct{}
	in      *metrics.Ingress
	rejects *rejectAudit
	// added is told of each job enqueued, when Depth counts them locally
	// between its refreshes (CachedDepth); nil otherwise.
	added interface{ Added(store.BindingKey) }

	mu    sync.Mutex
	cache map[store.BindingKey]cached
	touch map[store.BindingKey]time.Time
}

type cached struct {
	state  *sdk.InstallState // nil: not active
	loaded time.Time
	// recipe and keyed: that recipe with the signing key read from state
	// (nil when the state holds none: the plugin verifies).
	recipe *sdk.VerifyRecipe
	keyed  *sdk.KeyedRecipe
}

// New returns a Handler.
func New(o Options) *Handler {
	if o.Logger == nil {
		o.Logger = hclog.NewNullLogger()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.CacheTTL <= 0 {
		o.CacheTTL = 2 * time.Second
	}
	if o.MaxInflight <= 0 {
		o.MaxInflight = config.DefaultMaxInflightDeliveries
	}
	if o.MaxQueuePerBinding <= 0 {
		o.MaxQueuePerBinding = config.DefaultMaxQueueDepthPerBinding
	}
	if o.MaxQueueTotal <= 0 {
		o.MaxQueueTotal = config.DefaultMaxQueueDepth
	}
	if o.RejectAuditWindow <= 0 {
		o.RejectAuditWindow = time.Minute
	}
	log := o.Logger.Named("gateway.ingress")
	h := &Handler{o: o, log: log,
		slots:   make(chan struct{}, o.MaxInflight),
		in:      o.Metrics.NewIngress(),
		rejects: newRejectAudit(o.Store, log, o.Now, o.RejectAuditWindow),
		cache:   map[store.BindingKey]cached{}, touch: map[store.BindingKey]time.Time{}}
	h.added, _ = o.Depth.(interface{ Added(store.BindingKey) })
	return h
}

// Invalidate forgets a binding's cached install state (after connect or
// disconnect), so the next delivery sees the change.
func (h *Handler) Invalidate(key store.BindingKey) {
	h.mu.Lock()
	delete(h.cache, key)
	h.mu.Unlock()
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := store.BindingKey{Platform: r.PathValue("platform"), Name: r.PathValue("binding")}
	ctx := r.Context()

	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if h.o.Config().Binding(key.Platform, key.Name) == nil {
		h.o.Metrics.Webhook("unknown_binding")
		h.in.Refused("unknown_binding")
		http.Error(w, "unknown binding", http.StatusNotFound)
		return
	}
	state, err := h.installState(ctx, key)
	if err != nil {
		h.unavailable(w, key, "read binding", err)
		return
	}
	if state.state == nil {
		h.o.Metrics.Webhook("unknown_binding")
		h.in.Refused("unknown_binding")
		http.Error(w, "binding is not active", http.StatusNotFound)
		return
	}
	if reason := h.queueFull(ctx, key); reason != "" {
		h.overloaded(w, reason, retryQueueFull)
		return
	}
	// Bound the bodies held at once before reading one.
	select {
	case h.slots <- struct{}{}:
	default:
		h.overloaded(w, "busy", retryBusy)
		return
	}
	h.in.Inflight(1)
	defer func() { <-h.slots; h.in.Inflight(-1) }()

	body, release, err := readBody(r)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			h.refuse(ctx, key, "too_large", http.StatusRequestEntityTooLarge, fmt.Sprintf("body over %d bytes", MaxBody))
			http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
			return
		}
		h.in.Refused("unreadable")
		http.Error(w, "could not read body", http.StatusBadRequest)
		return
	}
	defer release()

	events, err := h.verify(ctx, key, state, r, body)
	switch {
	case err == nil:
	case sdk.IsKind(err, sdk.KindRejected):
		h.refuse(ctx, key, "bad_signature", http.StatusUnauthorized, err.Error())
		http.Error(w, "signature check failed", http.StatusUnauthorized)
		return
	case sdk.IsKind(err, sdk.KindMalformed):
		h.refuse(ctx, key, "malformed", http.StatusBadRequest, err.Error())
		http.Error(w, "unparseable delivery", http.StatusBadRequest)
		return
	case sdk.IsKind(err, sdk.KindUnsupported):
		// The plugin cannot verify deliveries at all: a retry by the desk
		// cannot succeed, so it is not told to retry.
		h.refuse(ctx, key, "unsupported", http.StatusNotImplemented, err.Error())
		http.Error(w, "deliveries cannot be verified for this platform", http.StatusNotImplemented)
		return
	default:
		// The plugin could not answer (crashed, restarting): the desk
		// retries the delivery.
		h.unavailable(w, key, "verify", err)
		return
	}

	accepted := 0
	dedupPrefix := key.String() + "/"
	for i, ev := range events {
		payload, err := encodePayload(ev)
		if err != nil {
			h.unavailable(w, key, "encode event", err)
			return
		}
		ok, err := h.o.Queue.Enqueue(ctx, queue.Job{
			Binding:   key,
			DedupKey:  dedupPrefix + ev.DedupKey,
			ReplayKey: replayKey(key, ev.ReplayKey, i),
			SignedAt:  ev.SignedAt,
			Type:      ev.Type,
			TicketID:  ev.TicketID,
			Payload:   payload,
		})
		if err != nil {
			h.unavailable(w, key, "enqueue", err)
			return
		}
		if ok {
			accepted++
			h.o.Metrics.Webhook("accepted")
			if h.added != nil {
				h.added.Added(key)
			}
			if h.log.IsDebug() {
				h.log.Debug("event queued", "binding", key.String(), "ticket", ev.TicketID, "type", ev.Type)
			}
		} else {
			h.o.Metrics.Webhook("duplicate")
			if h.log.IsDebug() {
				h.log.Debug("duplicate delivery acknowledged", "binding", key.String(), "ticket", ev.TicketID)
			}
		}
	}
	h.touchDelivery(ctx, key)
	w.Header().Set("Content-Type", "application/json")
	var out [64]byte
	b := append(out[:0], `{"accepted":`...)
	b = strconv.AppendInt(b, int64(accepted), 10)
	b = append(b, `,"duplicates":`...)
	b = strconv.AppendInt(b, int64(len(events)-accepted), 10)
	b = append(b, "}\n"...)
	_, _ = w.Write(b)
}

// verify checks the delivery in process with the plugin's VerifyRecipe when
// it declares one and the binding's install state holds the key the recipe
// names; otherwise the plugin's Verify does it.
func (h *Handler) verify(ctx context.Context, key store.BindingKey, st cached, r *http.Request, body []byte) ([]sdk.Event, error) {
	plat, err := h.o.Platforms.Platform(ctx, key.Platform)
	if err != nil {
		return nil, err
	}
	req := sdk.VerifyRequest{State: *st.state, Headers: r.Header, Body: body, Now: h.o.Now()}
	if rs, ok := plat.(plugins.RecipeSource); ok {
		rc, err := rs.VerifyRecipe(ctx)
		if err != nil {
			return nil, err
		}
		if rc != nil {
			if k := h.recipeKey(key, st, rc); k != nil {
				return k.Verify(req)
			}
		}
	}
	// Headers go as received, Authorization included: a desk may sign
	// deliveries with a bearer JWT that also covers method and URI.
	req.Method, req.URL = r.Method, r.URL.RequestURI()
	return plat.Verify(ctx, req)
}

// recipeKey is the recipe with the signing key it names in the binding's
// install state, read once per cached state; nil when the state holds none.
func (h *Handler) recipeKey(key store.BindingKey, st cached, rc *sdk.VerifyRecipe) *sdk.KeyedRecipe {
	if st.recipe == rc {
		return st.keyed
	}
	var keyed *sdk.KeyedRecipe
	k, err := rc.Key(*st.state)
	if err != nil {
		h.log.Warn("install state holds no key for the plugin's verify recipe; the plugin verifies this binding's deliveries (reconnect to change that)",
			"binding", key.String(), "error", err)
	} else {
		keyed = rc.WithKey(k)
	}
	h.mu.Lock()
	if c, ok := h.cache[key]; ok && c.state == st.state {
		c.recipe, c.keyed = rc, keyed
		h.cache[key] = c
	}
	h.mu.Unlock()
	return keyed
}

// replayKey is the queue replay key of the i-th event of a signed delivery
// whose events carry replayKey (sdk.Event.ReplayKey, the same for every
// event of one delivery): a captured delivery resent under a new or missing
// invocation id has new dedup keys but the same replay keys, so the queue
// answers it as a duplicate on any replica and after a restart. The index
// keeps two events of one delivery apart; the signed body fixes their
// order. "" when the verifier set none.
func replayKey(key store.BindingKey, replayKey string, i int) string {
	if replayKey == "" {
		return ""
	}
	// One buffer (on the stack for the usual sizes) hashed at once, and one
	// allocation, the result.
	var buf [256]byte
	b := buf[:0]
	if key != (store.BindingKey{}) { // key.String() without building it
		b = append(append(append(b, key.Platform...), '/'), key.Name...)
	}
	b = append(append(b, 0), replayKey...)
	b = strconv.AppendInt(append(b, 0), int64(i), 10)
	sum := sha256.Sum256(b)
	var out [2 * sha256.Size]byte
	hex.Encode(out[:], sum[:])
	return string(out[:])
}

// queueFull names the cap the queue is at, or "".
func (h *Handler) queueFull(ctx context.Context, key store.BindingKey) string {
	if h.o.Depth == nil {
		return ""
	}
	n, total, err := h.o.Depth.Depth(ctx, key)
	switch {
	case err != nil:
		return ""
	case n >= h.o.MaxQueuePerBinding:
		return "queue_full_binding"
	case total >= h.o.MaxQueueTotal:
		return "queue_full_total"
	}
	return ""
}

// overloaded answers 503 + Retry-After without reading the body.
func (h *Handler) overloaded(w http.ResponseWriter, reason, retryAfter string) {
	h.o.Metrics.Webhook("unavailable")
	h.in.Refused(reason)
	w.Header().Set("Retry-After", retryAfter)
	w.Header().Set("Connection", "close") // the unread body is not drained
	http.Error(w, "temporarily unavailable: "+strings.ReplaceAll(reason, "_", " "), http.StatusServiceUnavailable)
}

// installState returns the binding's cache entry; its state is nil when
// the binding is not active.
func (h *Handler) installState(ctx context.Context, key store.BindingKey) (cached, error) {
	now := time.Now()
	h.mu.Lock()
	c, ok := h.cache[key]
	h.mu.Unlock()
	if ok && now.Sub(c.loaded) < h.o.CacheTTL {
		return c, nil
	}
	b, err := h.o.Store.GetBinding(ctx, key)
	var state *sdk.InstallState
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return cached{}, err
	case b.Status == store.StatusActive || b.Status == store.StatusNeedsReconnect:
		// A binding whose token needs reconnecting still accepts deliveries:
		// they wait in the queue (and dead-letter, replayable) rather than
		// being lost at the desk.
		state = b.Install
	}
	c = cached{state: state, loaded: now}
	h.mu.Lock()
	h.cache[key] = c
	h.mu.Unlock()
	return c, nil
}

// touchDelivery records the latest delivery time at most once a second per
// binding: it is for the UI and doctor, not worth a write per request.
func (h *Handler) touchDelivery(ctx context.Context, key store.BindingKey) {
	now := h.o.Now()
	h.mu.Lock()
	last := h.touch[key]
	if now.Sub(last) < time.Second {
		h.mu.Unlock()
		return
	}
	h.touch[key] = now
	h.mu.Unlock()
	// Off the delivery's path: the answer does not depend on it.
	go func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := h.o.Store.TouchDelivery(ctx, key, now); err != nil {
			h.log.Warn("could not record delivery time", "binding", key.String(), "error", err)
		}
	}()
}

// refuse counts a refused delivery and audits it, at most once per binding
// and reason per window (rejects.go).
func (h *Handler) refuse(ctx context.Context, key store.BindingKey, reason string, status int, msg string) {
	outcome := reason
	switch reason {
	case "bad_signature":
		outcome = "rejected"
	}
	h.o.Metrics.Webhook(outcome)
	h.in.Refused(reason)
	h.rejects.refused(ctx, key, reason, status, msg)
}

// unavailable answers 503 so the desk retries the delivery later.
func (h *Handler) unavailable(w http.ResponseWriter, key store.BindingKey, what string, err error) {
	h.o.Metrics.Webhook("unavailable")
	h.log.Error("delivery not accepted; asking the desk to retry", "binding", key.String(), "step", what, "error", err)
	w.Header().Set("Retry-After", retryTrouble)
	http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
}
