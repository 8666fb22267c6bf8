package queue

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/store"
)

// ErrNotFound is returned by Replay for an unknown job.
var ErrNotFound = errors.New("job not found")

// ErrLeaseLost is returned by Ack, Retry, Dead and Extend when the lease has
// expired and the job may be held by another worker.
var ErrLeaseLost = errors.New("lease lost")

// State of a job.
type State string

const (
	StateReady  State = "ready"  // waiting to be leased (possibly delayed until NextAt)
	StateLeased State = "leased" // held by a worker until its lease expires
	StateDead   State = "dead"   // gave up; replay puts it back to ready
	StateDone   State = "done"   // acknowledged
)

// Job is one unit of work: an event from a desk delivery.
type Job struct {
	ID       string // assigned by Enqueue
	Binding  store.BindingKey
	DedupKey string // the event's dedup key; "" disables de-duplication
	Type     string // event type, e.g. "ticket.created"
	TicketID string
	Payload  []byte // the normalized event as JSON
	// ReplayKey names the signed delivery the job came from (one per event
	// of it): a captured delivery resent under a new or missing invocation
	// id has another DedupKey but the same ReplayKey. It is kept for
	// Options.ReplayTTL, not stored with the job; "" disables the check.
	ReplayKey string
	// SignedAt is the signed time of that delivery (sdk.Event.SignedAt): a
	// resend has the same one, so the replay check may look the key up by
	// it. The SQLite queue keeps such keys in time order, where a random
	// key dirtied a page of its own per job. Zero when the delivery's
	// scheme signs no time; the Redis queue does not use it.
	SignedAt time.Time

	// Set by the queue.
	State State
	// Attempts is the number of times the job was leased, whatever became
	// of each lease: a lease lost to a crash counts here, a deferral (Defer)
	// does not. The worker caps it high (a job that kills its worker every
	// time must end somewhere) but does not dead-letter on it early.
	Attempts int
	// Failures is the number of leases that ended in Retry: attempts that
	// ran and failed. The worker's dead-letter rule counts these, so leases
	// lost to crashes never push a healthy job toward the dead letter.
	Failures   int
	EnqueuedAt time.Time
	NextAt     time.Time // when a ready job becomes leasable
	LastError  string
	// Receipt identifies the current lease; Ack, Retry, Dead and Extend need
	// it.
	Receipt string
}

// pruneEvery runs prune every period until stop is closed (prune gets ctx,
// which the backend cancels on Close), logging what it removed.
func pruneEvery(ctx context.Context, stop <-chan struct{}, period time.Duration, log hclog.Logger,
	prune func(context.Context) (jobs, keys int64, err error)) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			jobs, keys, err := prune(ctx)
			if err != nil {
				if ctx.Err() == nil {
					log.Warn("prune failed", "error", err)
				}
				continue
			}
			if jobs > 0 || keys > 0 {
				log.Debug("pruned", "done_jobs", jobs, "dedup_keys", keys)
			}
		}
	}
}

// intake is where Enqueue hands a request to the goroutine that gathers
// them (gather). mu orders each hand-over against shut: once shut, nothing
// enters ch, so the gatherer's final drain sees every request handed over.
type intake[T any] struct {
	ch     chan T
	mu     sync.RWMutex
	closed bool
}

func newIntake[T any](size int) *intake[T] { return &intake[T]{ch: make(chan T, size)} }

// put hands r over; it fails with ErrClosed after shut, or with ctx's
// error when ctx ends first.
func (in *intake[T]) put(ctx context.Context, r T) error {
	in.mu.RLock()
	defer in.mu.RUnlock()
	if in.closed {
		return ErrClosed
	}
	select {
	case in.ch <- r:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// isShut tells whether shut was called.
func (in *intake[T]) isShut() bool {
	in.mu.RLock()
	defer in.mu.RUnlock()
	return in.closed
}

// shut makes later puts fail.
func (in *intake[T]) shut() {
	in.mu.Lock()
	in.closed = true
	in.mu.Unlock()
}

// gather hands what arrives on in to send in batches: each batch is what
// waits when its first request arrives, up to max. Once stop is closed it
// sends what is left one by one and returns, so no sender waits forever.
// It owns the group commit (SQLite) and the enqueue batches (Redis).
//
// With a linger (maxLinger > 0), a batch waits, as long as sending the
// one before took but never longer than maxLinger, until it holds as many
// requests as that one did plus the others already waiting when it
// starts (the first counts as one of those coming back). Senders that send again as soon as they are answered (a
// desk's webhook workers, the bench's clients) come back as a group:
// without the wait the first of them is sent alone and the rest wait for
// it, a whole send (for SQLite a commit and its fsync) spent on one
// request. A request following a lone one never waits. The cap keeps a
// slow send (a failed group commit retried job by job, a write lock held
// up to the busy timeout) from holding the next batch as long.
func gather[T any](in <-chan T, stop <-chan struct{}, max int, maxLinger time.Duration, send func([]T)) {
	batch := make([]T, 0, max)
	var timer *time.Timer
	prev, took := 0, time.Duration(0)
	for {
		select {
		case r := <-in:
			batch = drain(in, append(batch[:0], r), max)
			if want := min(prev+len(batch)-1, max); maxLinger > 0 && len(batch) < want {
				wait := min(took, maxLinger)
				if timer == nil {
					timer = time.NewTimer(wait)
				} else {
					timer.Reset(wait)
				}
				batch = waitUntil(in, stop, timer.C, batch, want)
				timer.Stop()
				batch = drain(in, batch, max)
			}
			start := time.Now()
			send(batch)
			prev, took = len(batch), time.Since(start)
		case <-stop:
			for {
				select {
				case r := <-in:
					send([]T{r})
				default:
					return
				}
			}
		}
	}
}

// drain adds to batch what waits on in, up to max.
func drain[T any](in <-chan T, batch []T, max int) []T {
	for len(batch) < max {
		select {
		case r := <-in:
			batch = append(batch, r)
		default:
			return batch
		}
	}
	return batch
}

// waitUntil adds to batch what arrives on in until it holds want, expired
// fires or stop is closed.
func waitUntil[T any](in <-chan T, stop <-chan struct{}, expired <-chan time.Time, batch []T, want int) []T {
	for len(batch) < want {
		select {
		case r := <-in:
			batch = append(batch, r)
		case <-expired:
			return batch
		case <-stop:
			return batch
		}
	}
	return batch
}

// Stats are queue depths for metrics and readiness.
type Stats struct {
	Ready   int // leasable now
	Delayed int // ready but NextAt in the future
	Leased  int
	Dead    int
}

// ListFilter selects jobs for `deskgate jobs`.
type ListFilter struct {
	State State // "" = all but done
	Limit int   // 0 = 100
}

// Queue is a durable at-least-once job queue. All methods are safe for
// concurrent use, also from several processes sharing one backend.
type Queue interface {
	// Enqueue stores the job durably and returns true, or returns false
	// without storing the job when a job with the same DedupKey was enqueued
	// within the dedup TTL, or one with the same ReplayKey within the replay
	// TTL. A job refused for its ReplayKey records nothing; one refused for
	// its DedupKey alone still records its ReplayKey (a desk's retry is a
	// new signed delivery, which a replay may resend too). It never returns
	// true for a job it has not stored.
	Enqueue(ctx context.Context, j Job) (bool, error)
	// Lease hands out one leasable job, invisible to others for visibility,
	// with Attempts already incremented. It returns nil, nil when none is
	// ready. An expired lease makes the job leasable again. Jobs are handed
	// out round-robin across bindings (oldest first within a binding), so
	// one binding's backlog never delays another's jobs.
	Lease(ctx context.Context, consumer string, visibility time.Duration) (*Job, error)
	// Extend pushes the lease's expiry out by visibility from now.
	Extend(ctx context.Context, j *Job, visibility time.Duration) error
	// Ack marks the job done.
	Ack(ctx context.Context, j *Job) error
	// Retry releases the job to become leasable again after delay, counting
	// one more failure.
	Retry(ctx context.Context, j *Job, delay time.Duration, lastError string) error
	// Defer releases the job to become leasable again after delay as if this
	// lease had not happened: neither Attempts nor Failures grow. For work
	// that never started (the binding is throttled), so a flood waiting for
	// its desk is delayed without a worker sleeping on it.
	Defer(ctx context.Context, j *Job, delay time.Duration, reason string) error
	// Dead moves the job to the dead-letter state.
	Dead(ctx context.Context, j *Job, lastError string) error
	// Replay puts a dead job back to ready with its attempts reset.
	Replay(ctx context.Context, id string) error
	List(ctx context.Context, f ListFilter) ([]Job, error)
	Get(ctx context.Context, id string) (Job, error)
	Stats(ctx context.Context) (Stats, error)
	// Depth counts the jobs still to do (ready, delayed or leased) of one
	// binding and in total, for the ingress's back-pressure. It is cheap
	// enough to call per delivery.
	Depth(ctx context.Context, binding store.BindingKey) (perBinding, total int, err error)
	Ping(ctx context.Context) error
	Close() error
}
