package ingress

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
)

// DepthCounter tells how many jobs wait or run (neither done nor dead), for
// one binding and in total. The ingress refuses deliveries past its caps;
// answers may be a little stale (they are read off the hot path).
type DepthCounter interface {
	Depth(ctx context.Context, key store.BindingKey) (binding, total int, err error)
}

// queueLister is the part of queue.Queue QueueDepth reads.
type queueLister interface {
	Stats(ctx context.Context) (queue.Stats, error)
	List(ctx context.Context, f queue.ListFilter) ([]queue.Job, error)
}

// QueueDepth is a DepthCounter over a queue's Stats and List, cached: a
// delivery never waits for a count. The total comes from Stats; the
// per-binding counts are listed only while the total is at or above
// perBindingCap (below it no binding can be over its cap), from the oldest
// listLimit ready and leased jobs, and at most every 5 refreshes: listing
// is costly, so a binding whose backlog is newer than that window can pass
// its cap until the queue's own depth query replaces this. Accepted
// deliveries are added locally between refreshes.
type QueueDepth struct {
	q             queueLister
	perBindingCap int
	listLimit     int
	every         time.Duration
	log           hclog.Logger

	mu         sync.Mutex
	refreshing bool
	at         time.Time
	total      int
	byBinding  map[store.BindingKey]int
	listed     bool // byBinding is a count; otherwise every binding is under the cap
	sinceList  int  // refreshes since the last listing
}

// NewQueueDepth returns a QueueDepth refreshed at most every `every`.
func NewQueueDepth(q queueLister, perBindingCap, listLimit int, every time.Duration, log hclog.Logger) *QueueDepth {
	if log == nil {
		log = hclog.NewNullLogger()
	}
	return &QueueDepth{q: q, perBindingCap: perBindingCap, listLimit: listLimit, every: every,
		log: log.Named("gateway.ingress.depth"), byBinding: map[store.BindingKey]int{}}
}

// Depth returns the cached counts and starts a refresh when they are older
// than the refresh period. Before the first count it answers 0, 0.
func (d *QueueDepth) Depth(_ context.Context, key store.BindingKey) (int, int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	every := d.every
	if d.total < d.perBindingCap/2 {
		// Far from any cap: counting the queue (a scan on SQLite) can wait.
		every *= 5
	}
	if !d.refreshing && time.Since(d.at) >= every {
		d.refreshing = true
		go d.refresh()
	}
	return d.byBinding[key], d.total, nil
}

// Added counts a job enqueued by this process until the next refresh.
func (d *QueueDepth) Added(key store.BindingKey) {
	d.mu.Lock()
	d.total++
	if d.listed {
		d.byBinding[key]++
	}
	d.mu.Unlock()
}

func (d *QueueDepth) refresh() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	d.mu.Lock()
	list := d.sinceList >= 4 || !d.listed
	prev := d.byBinding
	d.mu.Unlock()
	total, by, listed, err := d.count(ctx, list, prev)
	d.mu.Lock()
	defer d.mu.Unlock()
	d.refreshing = false
	d.at = time.Now()
	if err != nil {
		// Keep the last counts: a queue that cannot count can still
		// refuse an Enqueue, which answers 503 by itself.
		d.log.Warn("could not count the queue; keeping the last depth", "error", err)
		return
	}
	if list || !listed {
		d.sinceList = 0
	} else {
		d.sinceList++
	}
	d.total, d.byBinding, d.listed = total, by, listed
}

func (d *QueueDepth) count(ctx context.Context, list bool, prev map[store.BindingKey]int) (int, map[store.BindingKey]int, bool, error) {
	s, err := d.q.Stats(ctx)
	if err != nil {
		return 0, nil, false, err
	}
	total := s.Ready + s.Delayed + s.Leased
	by := map[store.BindingKey]int{}
	if total < d.perBindingCap {
		return total, by, false, nil
	}
	if !list {
		return total, prev, true, nil
	}
	for _, st := range []queue.State{queue.StateReady, queue.StateLeased} {
		jobs, err := d.q.List(ctx, queue.ListFilter{State: st, Limit: d.listLimit})
		if err != nil {
			return 0, nil, false, err
		}
		for _, j := range jobs {
			by[j.Binding]++
		}
	}
	return total, by, true, nil
}
