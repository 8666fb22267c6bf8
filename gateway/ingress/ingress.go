package ingress

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
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
}

// Handler serves POST /hooks/{platform}/{binding}.
type Handler struct {
	o   Options
	log hclog.Logger

	mu    sync.Mutex
	cache map[store.BindingKey]cached
	touch map[store.BindingKey]time.Time
}

type cached struct {
	state  *sdk.InstallState // nil: not active
	loaded time.Time
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
	return &Handler{o: o, log: o.Logger.Named("gateway.ingress"),
		cache: map[store.BindingKey]cached{}, touch: map[store.BindingKey]time.Time{}}
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
		http.Error(w, "unknown binding", http.StatusNotFound)
		return
	}
	state, err := h.installState(ctx, key)
	if err != nil {
		h.unavailable(w, key, "read binding", err)
		return
	}
	if state == nil {
		h.o.Metrics.Webhook("unknown_binding")
		http.Error(w, "binding is not active", http.StatusNotFound)
		return
	}

	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			h.reject(ctx, key, "too_large", http.StatusRequestEntityTooLarge, fmt.Sprintf("body over %d bytes", MaxBody))
			http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "could not read body", http.StatusBadRequest)
		return
	}

	plat, err := h.o.Platforms.Platform(ctx, key.Platform)
	if err != nil {
		h.unavailable(w, key, "start plugin", err)
		return
	}
	// Headers go as received, Authorization included: a desk may sign
	// deliveries with a bearer JWT that also covers method and URI.
	events, err := plat.Verify(ctx, sdk.VerifyRequest{State: *state, Headers: r.Header, Body: body, Now: h.o.Now(),
		Method: r.Method, URL: r.URL.RequestURI()})
	switch {
	case err == nil:
	case sdk.IsKind(err, sdk.KindRejected):
		h.reject(ctx, key, "rejected", http.StatusUnauthorized, err.Error())
		http.Error(w, "signature check failed", http.StatusUnauthorized)
		return
	case sdk.IsKind(err, sdk.KindMalformed):
		h.reject(ctx, key, "malformed", http.StatusBadRequest, err.Error())
		http.Error(w, "unparseable delivery", http.StatusBadRequest)
		return
	case sdk.IsKind(err, sdk.KindUnsupported):
		// The plugin cannot verify deliveries at all: a retry by the desk
		// cannot succeed, so it is not told to retry.
		h.reject(ctx, key, "unsupported", http.StatusNotImplemented, err.Error())
		http.Error(w, "deliveries cannot be verified for this platform", http.StatusNotImplemented)
		return
	default:
		// The plugin could not answer (crashed, restarting): the desk
		// retries the delivery.
		h.unavailable(w, key, "verify", err)
		return
	}

	accepted := 0
	for _, ev := range events {
		payload, err := json.Marshal(jobPayload{Event: ev})
		if err != nil {
			h.unavailable(w, key, "encode event", err)
			return
		}
		ok, err := h.o.Queue.Enqueue(ctx, queue.Job{
			Binding:  key,
			DedupKey: key.String() + "/" + ev.DedupKey,
			Type:     ev.Type,
			TicketID: ev.TicketID,
			Payload:  payload,
		})
		if err != nil {
			h.unavailable(w, key, "enqueue", err)
			return
		}
		if ok {
			accepted++
			h.o.Metrics.Webhook("accepted")
			h.log.Debug("event queued", "binding", key.String(), "ticket", ev.TicketID, "type", ev.Type)
		} else {
			h.o.Metrics.Webhook("duplicate")
			h.log.Debug("duplicate delivery acknowledged", "binding", key.String(), "ticket", ev.TicketID)
		}
	}
	h.touchDelivery(ctx, key)
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, "{\"accepted\":%d,\"duplicates\":%d}\n", accepted, len(events)-accepted)
}

// jobPayload is a job's payload: the verified event, for an operator reading
// the queue (`deskgate jobs`). The pipeline reads the ticket itself from the
// desk, so it needs only the job's binding, type and ticket id.
type jobPayload struct {
	Event sdk.Event `json:"event"`
}

// installState returns the active binding's install state, or nil when the
// binding is not active.
func (h *Handler) installState(ctx context.Context, key store.BindingKey) (*sdk.InstallState, error) {
	now := time.Now()
	h.mu.Lock()
	c, ok := h.cache[key]
	h.mu.Unlock()
	if ok && now.Sub(c.loaded) < h.o.CacheTTL {
		return c.state, nil
	}
	b, err := h.o.Store.GetBinding(ctx, key)
	var state *sdk.InstallState
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return nil, err
	case b.Status == store.StatusActive || b.Status == store.StatusNeedsReconnect:
		// A binding whose token needs reconnecting still accepts deliveries:
		// they wait in the queue (and dead-letter, replayable) rather than
		// being lost at the desk.
		state = b.Install
	}
	h.mu.Lock()
	h.cache[key] = cached{state: state, loaded: now}
	h.mu.Unlock()
	return state, nil
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
	if err := h.o.Store.TouchDelivery(ctx, key, now); err != nil {
		h.log.Warn("could not record delivery time", "binding", key.String(), "error", err)
	}
}

// reject audits a refused delivery. The message comes from the plugin's
// typed error, which never carries the secret or the signature.
func (h *Handler) reject(ctx context.Context, key store.BindingKey, outcome string, status int, msg string) {
	h.o.Metrics.Webhook(outcome)
	h.log.Warn("delivery refused", "binding", key.String(), "status", status, "reason", msg)
	err := h.o.Store.AppendAudit(ctx, store.AuditEntry{
		Time: h.o.Now(), Binding: key.String(), Action: "webhook.rejected",
		Outcome: store.OutcomeError, Message: fmt.Sprintf("%d: %s", status, msg),
	})
	if err != nil {
		h.log.Error("audit entry not written", "action", "webhook.rejected", "error", err)
	}
}

// unavailable answers 503 so the desk retries the delivery later.
func (h *Handler) unavailable(w http.ResponseWriter, key store.BindingKey, what string, err error) {
	h.o.Metrics.Webhook("unavailable")
	h.log.Error("delivery not accepted; asking the desk to retry", "binding", key.String(), "step", what, "error", err)
	w.Header().Set("Retry-After", "5")
	http.Error(w, "temporarily unavailable", http.StatusServiceUnavailable)
}
