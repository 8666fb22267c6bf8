package ingress

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
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
