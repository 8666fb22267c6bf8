package ingress

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/store"
)

// DepthCounter tells how many jobs wait or run (neither done nor dead), for
// one binding and in total. The ingress refuses deliveries past its caps;
// answers may be a little stale (they are read off the hot path).
type DepthCounter interface {
	Depth(ctx context.Context, key store.BindingKey) (binding, total int, err error)
}

// CachedDepth is a DepthCounter over the queue's own depth query (queue.Queue
// Depth), cached per binding so that a delivery never waits for a count: an
// answer older than the refresh period starts a refresh in the background
// and the cached figures are returned meanwhile. Jobs this process enqueues
// are added locally between refreshes, so a flood is seen before the next
// count.
type CachedDepth struct {
	q     DepthCounter
	every time.Duration
	log   hclog.Logger

	mu    sync.Mutex
	total int
	by    map[store.BindingKey]*depthEntry
}

type depthEntry struct {
	n          int
	at         time.Time
	refreshing bool
}

// NewCachedDepth returns a CachedDepth over q refreshed at most every
// `every` per binding.
func NewCachedDepth(q DepthCounter, every time.Duration, log hclog.Logger) *CachedDepth {
	if log == nil {
		log = hclog.NewNullLogger()
	}
	return &CachedDepth{q: q, every: every, log: log.Named("gateway.ingress.depth"), by: map[store.BindingKey]*depthEntry{}}
}

// Depth returns the cached counts of key and starts a refresh when they are
// older than the refresh period. Before the first count it answers 0, 0.
func (d *CachedDepth) Depth(_ context.Context, key store.BindingKey) (int, int, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	e := d.by[key]
	if e == nil {
		e = &depthEntry{}
		d.by[key] = e
	}
	if !e.refreshing && time.Since(e.at) >= d.every {
		e.refreshing = true
		go d.refresh(key)
	}
	return e.n, d.total, nil
}

// Added counts a job enqueued by this process until the next refresh.
func (d *CachedDepth) Added(key store.BindingKey) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.total++
	if e := d.by[key]; e != nil {
		e.n++
	}
}

func (d *CachedDepth) refresh(key store.BindingKey) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	n, total, err := d.q.Depth(ctx, key)
	d.mu.Lock()
	defer d.mu.Unlock()
	e := d.by[key]
	e.refreshing, e.at = false, time.Now()
	if err != nil {
		// Keep the last counts: a queue that cannot count can still
		// refuse an Enqueue, which answers 503 by itself.
		d.log.Warn("could not count the queue; keeping the last depth", "binding", key.String(), "error", err)
		return
	}
	e.n, d.total = n, total
}
