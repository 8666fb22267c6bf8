package ingress

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// countingDepth answers Depth from fixed counts and counts the calls.
type countingDepth struct {
	by    map[store.BindingKey]int
	calls atomic.Int64
}

func (q *countingDepth) Depth(_ context.Context, key store.BindingKey) (int, int, error) {
	q.calls.Add(1)
	total := 0
	for _, n := range q.by {
		total += n
	}
	return q.by[key], total, nil
}

// depthEventually polls d until it answers want for key.
func depthEventually(t *testing.T, d *CachedDepth, key store.BindingKey, wantBinding, wantTotal int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, total, _ := d.Depth(context.Background(), key)
		if n == wantBinding && total == wantTotal {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("depth of %s = %d of %d, want %d of %d", key, n, total, wantBinding, wantTotal)
		}
		time.Sleep(time.Millisecond) // polling a background refresh, with a deadline
	}
}

func TestCachedDepth_countsPerBindingOffTheHotPathAndAddsLocalEnqueues(t *testing.T) {
	a, b := store.BindingKey{Platform: "zendesk", Name: "a"}, store.BindingKey{Platform: "zendesk", Name: "b"}
	q := &countingDepth{by: map[store.BindingKey]int{a: 12, b: 1}}
	d := NewCachedDepth(q, time.Hour, nil)
	depthEventually(t, d, a, 12, 13)
	depthEventually(t, d, b, 1, 13)
	calls := q.calls.Load()
	for range 100 {
		d.Depth(context.Background(), a)
	}
	if n := q.calls.Load(); n != calls {
		t.Errorf("100 deliveries within the refresh period asked the queue %d more times, want 0", n-calls)
	}
	d.Added(b)
	if n, total, _ := d.Depth(context.Background(), b); n != 2 || total != 14 {
		t.Errorf("after a local enqueue: %d of %d, want 2 of 14", n, total)
	}
}

func TestServeHTTP_acceptedJobIsAddedToTheCachedDepth(t *testing.T) {
	acme := store.BindingKey{Platform: "zendesk", Name: "acme"}
	d := NewCachedDepth(&countingDepth{by: map[store.BindingKey]int{acme: 5}}, time.Hour, nil)
	depthEventually(t, d, acme, 5, 5)
	h := New(Options{Store: &bindingStore{status: store.StatusActive}, Queue: &memQueue{seen: map[string]bool{}}, Config: configured(true),
		Platforms: platforms{&verifier{events: []sdk.Event{{DedupKey: "a", TicketID: "1"}}}}, Depth: d})
	if rec := serve(h, httptest.NewRequest("POST", "/hooks/zendesk/acme", strings.NewReader("{}"))); rec.Code != 200 {
		t.Fatalf("status %d, want 200", rec.Code)
	}
	if n, total, _ := d.Depth(context.Background(), acme); n != 6 || total != 6 {
		t.Errorf("after one accepted delivery the cached depth is %d of %d, want 6 of 6 (the job added locally)", n, total)
	}
}
