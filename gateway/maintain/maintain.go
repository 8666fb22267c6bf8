package maintain

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
)

// JobType is the queue job type of an installation's maintenance.
const JobType = "install.maintain"

// Lead is how long before MaintainAt the job is queued, so that it runs at
// (not after) that time even when a worker is busy.
const Lead = 10 * time.Second

// DefaultEvery is the default sweep period: an installation installed on
// another replica is scheduled within this.
const DefaultEvery = time.Minute

// payload is a maintenance job's body: the MaintainAt it was queued for.
type payload struct {
	MaintainAt time.Time `json:"maintain_at"`
}

// NewJob is the maintenance job of key's installation due at maintainAt.
func NewJob(key store.BindingKey, maintainAt time.Time) (queue.Job, error) {
	body, err := json.Marshal(payload{MaintainAt: maintainAt.UTC()})
	if err != nil {
		return queue.Job{}, fmt.Errorf("encode maintenance job: %w", err)
	}
	return queue.Job{
		Binding:  key,
		DedupKey: fmt.Sprintf("maintain:%s:%d", key, maintainAt.UnixNano()),
		Type:     JobType,
		Payload:  body,
	}, nil
}

// Due reads the MaintainAt a maintenance job was queued for.
func Due(j *queue.Job) (time.Time, error) {
	var p payload
	if err := json.Unmarshal(j.Payload, &p); err != nil {
		return time.Time{}, fmt.Errorf("read maintenance job %s: %w", j.ID, err)
	}
	if p.MaintainAt.IsZero() {
		return time.Time{}, fmt.Errorf("maintenance job %s names no time", j.ID)
	}
	return p.MaintainAt, nil
}

// Store lists the bindings' stored state (store.Bindings).
type Store interface {
	ListBindings(ctx context.Context) ([]store.Binding, error)
}

// Enqueuer takes jobs (queue.Queue).
type Enqueuer interface {
	Enqueue(ctx context.Context, j queue.Job) (bool, error)
}

// Options configure a Scheduler.
type Options struct {
	Store  Store
	Queue  Enqueuer
	Config func() *config.Config // a binding no longer configured is not maintained
	Every  time.Duration         // sweep period; default DefaultEvery
	Logger hclog.Logger
	Now    func() time.Time
}

// Scheduler queues maintenance jobs; Run drives it.
type Scheduler struct {
	o    Options
	log  hclog.Logger
	kick chan struct{}
}

// New returns a Scheduler.
func New(o Options) *Scheduler {
	if o.Every <= 0 {
		o.Every = DefaultEvery
	}
	if o.Logger == nil {
		o.Logger = hclog.NewNullLogger()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Scheduler{o: o, log: o.Logger.Named("gateway.maintain"), kick: make(chan struct{}, 1)}
}

// Changed tells the scheduler that a binding was connected or disconnected,
// so it sweeps now rather than at its next tick.
func (s *Scheduler) Changed() {
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

// Run sweeps until ctx is cancelled: at once, then every Every, at the
// earliest time a known installation falls due, and on Changed.
func (s *Scheduler) Run(ctx context.Context) {
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-s.kick:
			if !t.Stop() {
				select {
				case <-t.C:
				default:
				}
			}
		}
		wait := s.o.Every
		next, err := s.Sweep(ctx)
		if err != nil && ctx.Err() == nil {
			s.log.Warn("maintenance sweep failed; trying again at the next tick", "error", err)
		}
		if !next.IsZero() {
			wait = min(wait, max(next.Sub(s.o.Now()), 0))
		}
		t.Reset(wait)
	}
}

// Sweep queues a maintenance job for each active, configured binding whose
// installation falls due within Lead, and returns the earliest time a
// later one falls due (zero when none does). A job already queued for the
// same MaintainAt is not queued again.
func (s *Scheduler) Sweep(ctx context.Context) (time.Time, error) {
	bs, err := s.o.Store.ListBindings(ctx)
	if err != nil {
		return time.Time{}, fmt.Errorf("list bindings: %w", err)
	}
	now := s.o.Now()
	cfg := s.o.Config()
	var next time.Time
	var firstErr error
	for _, b := range bs {
		if b.Status != store.StatusActive || b.Install == nil || b.Install.MaintainAt.IsZero() ||
			cfg.Binding(b.Key.Platform, b.Key.Name) == nil {
			continue
		}
		at := b.Install.MaintainAt
		if queueAt := at.Add(-Lead); queueAt.After(now) {
			if next.IsZero() || queueAt.Before(next) {
				next = queueAt
			}
			continue
		}
		j, err := NewJob(b.Key, at)
		if err == nil {
			var queued bool
			if queued, err = s.o.Queue.Enqueue(ctx, j); err == nil && queued {
				s.log.Info("installation maintenance queued", "binding", b.Key.String(), "due", at.UTC().Format(time.RFC3339))
			}
		}
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("queue maintenance of %s: %w", b.Key, err)
		}
	}
	return next, firstErr
}
