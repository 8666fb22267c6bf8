package ingress

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/store"
)

// rejectAudit writes at most one audit entry (and one log line) per binding
// and reason per window, however many deliveries are refused: the first
// refusal of a window is written at once, the rest are counted and written
// as one entry with their count when the window ends (by a timer, or by
// the next refusal after it). Refusals are counted in metrics one by one.
type rejectAudit struct {
	audit  store.Audit
	log    hclog.Logger
	now    func() time.Time
	window time.Duration

	mu   sync.Mutex
	keys map[rejectKey]*rejectWindow
}

type rejectKey struct {
	binding store.BindingKey
	reason  string
}

type rejectWindow struct {
	end        time.Time
	suppressed int
	status     int
	last       string // the latest suppressed refusal's message
	timer      bool
}

func newRejectAudit(a store.Audit, log hclog.Logger, now func() time.Time, window time.Duration) *rejectAudit {
	return &rejectAudit{audit: a, log: log, now: now, window: window, keys: map[rejectKey]*rejectWindow{}}
}

// refused records one refusal; msg comes from a typed verification error,
// which never carries the secret or the signature.
func (ra *rejectAudit) refused(ctx context.Context, key store.BindingKey, reason string, status int, msg string) {
	now := ra.now()
	k := rejectKey{key, reason}
	ra.mu.Lock()
	w := ra.keys[k]
	if w == nil {
		w = &rejectWindow{}
		ra.keys[k] = w
	}
	if now.Before(w.end) {
		w.suppressed++
		w.status, w.last = status, msg
		if !w.timer {
			w.timer = true
			time.AfterFunc(ra.window, func() { ra.flush(k) })
		}
		ra.mu.Unlock()
		return
	}
	n := w.suppressed + 1
	w.suppressed, w.end = 0, now.Add(ra.window)
	ra.mu.Unlock()
	ra.write(ctx, key, reason, now, n, status, msg)
}

// flush writes the count of a window's suppressed refusals, if any, and
// starts a new window so the next refusal is counted, not written.
func (ra *rejectAudit) flush(k rejectKey) {
	now := ra.now()
	ra.mu.Lock()
	w := ra.keys[k]
	w.timer = false
	n, status, msg := w.suppressed, w.status, w.last
	if n == 0 {
		if !now.Before(w.end) {
			delete(ra.keys, k)
		}
		ra.mu.Unlock()
		return
	}
	w.suppressed, w.end = 0, now.Add(ra.window)
	ra.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ra.write(ctx, k.binding, k.reason, now, n, status, msg)
}

func (ra *rejectAudit) write(ctx context.Context, key store.BindingKey, reason string, now time.Time, n, status int, msg string) {
	text := fmt.Sprintf("%d: %s", status, msg)
	if n > 1 {
		text = fmt.Sprintf("%d: %d deliveries refused (%s) within %s; the latest: %s", status, n, reason, ra.window, msg)
	}
	ra.log.Warn("delivery refused", "binding", key.String(), "status", status, "reason", msg, "count", n)
	err := ra.audit.AppendAudit(ctx, store.AuditEntry{
		Time: now, Binding: key.String(), Action: "webhook.rejected",
		Outcome: store.OutcomeError, Message: text,
	})
	if err != nil {
		ra.log.Error("audit entry not written", "action", "webhook.rejected", "error", err)
	}
}
