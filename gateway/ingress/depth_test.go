package ingress

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
)

// countedQueue answers Stats and List from a fixed backlog and counts Lists.
type countedQueue struct {
	jobs  []queue.Job // ready
	lists atomic.Int64
}

func (q *countedQueue) Stats(context.Context) (queue.Stats, error) {
	return queue.Stats{Ready: len(q.jobs)}, nil
}

func (q *countedQueue) List(_ context.Context, f queue.ListFilter) ([]queue.Job, error) {
	q.lists.Add(1)
	if f.State != queue.StateReady {
		return nil, nil
	}
	return q.jobs[:min(f.Limit, len(q.jobs))], nil
}

// depthEventually polls d until it answers want for key.
func depthEventually(t *testing.T, d *QueueDepth, key store.BindingKey, wantBinding, wantTotal int) {
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

func TestQueueDepth_countsPerBindingOnlyWhenTheTotalCouldBeOverACap(t *testing.T) {
	a, b := store.BindingKey{Platform: "zendesk", Name: "a"}, store.BindingKey{Platform: "zendesk", Name: "b"}
	small := &countedQueue{jobs: []queue.Job{{Binding: a}, {Binding: a}, {Binding: b}}}
	d := NewQueueDepth(small, 10, 100, 0, nil)
	depthEventually(t, d, a, 0, 3)
	if n := small.lists.Load(); n != 0 {
		t.Errorf("listed the queue %d times while its total (3) was under the per-binding cap (10)", n)
	}

	var jobs []queue.Job
	for i := 0; i < 12; i++ {
		jobs = append(jobs, queue.Job{Binding: a})
	}
	jobs = append(jobs, queue.Job{Binding: b})
	big := &countedQueue{jobs: jobs}
	d = NewQueueDepth(big, 10, 100, 0, nil)
	depthEventually(t, d, a, 12, 13)
	depthEventually(t, d, b, 1, 13)
	d.Added(b)
	if n, total, _ := d.Depth(context.Background(), b); n < 1 || total < 13 {
		t.Errorf("after a local enqueue: %d of %d", n, total)
	}
}
