package queue

import (
	"errors"
	"time"

	"github.com/hashicorp/go-hclog"
)

// ErrNotDead is returned by Replay for a job that exists but is not dead.
var ErrNotDead = errors.New("job is not dead")

// ErrClosed is returned by Enqueue after Close.
var ErrClosed = errors.New("queue closed")

// Defaults for Options.
const (
	DefaultDedupTTL      = 7 * 24 * time.Hour
	DefaultDoneRetention = 24 * time.Hour
	DefaultPruneEvery    = time.Minute
	// DefaultReplayTTL outlasts any desk's signature window (Zendesk's is 5
	// minutes): a delivery older than that is refused as stale before it
	// reaches the queue.
	DefaultReplayTTL = time.Hour
)

// Options are shared by every Queue backend.
type Options struct {
	// Now is the queue's clock: every NextAt, lease expiry, dedup expiry and
	// retention is judged against it, never against a backend's own clock.
	// That is what lets the conformance suite move time forward (visibility
	// timeouts, retry delays) without sleeping. nil = time.Now.
	Now func() time.Time
	// DedupTTL is how long a DedupKey suppresses another Enqueue; 0 = 7 days.
	DedupTTL time.Duration
	// ReplayTTL is how long a ReplayKey suppresses another Enqueue; 0 =
	// 1 hour. It must be at least the desks' signature window.
	ReplayTTL time.Duration
	// DoneRetention is how long acknowledged jobs stay visible to Get before
	// they are pruned; 0 = 24 h.
	DoneRetention time.Duration
	// PruneEvery is the period of the background pruning of done jobs and
	// expired dedup and replay keys; 0 = 1 minute.
	PruneEvery time.Duration
	Logger     hclog.Logger
}

// WithDefaults fills the zero fields.
func (o Options) WithDefaults() Options {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.DedupTTL <= 0 {
		o.DedupTTL = DefaultDedupTTL
	}
	if o.ReplayTTL <= 0 {
		o.ReplayTTL = DefaultReplayTTL
	}
	if o.DoneRetention <= 0 {
		o.DoneRetention = DefaultDoneRetention
	}
	if o.PruneEvery <= 0 {
		o.PruneEvery = DefaultPruneEvery
	}
	if o.Logger == nil {
		o.Logger = hclog.NewNullLogger()
	}
	return o
}
