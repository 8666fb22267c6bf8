package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// Run starts the workers and blocks until ctx is cancelled; then it stops
// leasing and waits for in-flight jobs for up to drain. A job still running
// after drain is cancelled and released for a retry, never lost: its lease
// would expire anyway.
func (p *Pipeline) Run(ctx context.Context, drain time.Duration) {
	host, _ := os.Hostname()
	jobCtx, cancelJobs := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelJobs()
	var wg sync.WaitGroup
	for i := 0; i < p.o.Workers; i++ {
		consumer := fmt.Sprintf("%s-%d-w%d", host, os.Getpid(), i)
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.worker(ctx, jobCtx, consumer)
		}()
	}
	<-ctx.Done()
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(drain):
		p.log.Warn("shutdown: jobs still running after the drain timeout; releasing them for retry", "drain", drain)
		cancelJobs()
		<-finished
	}
}

func (p *Pipeline) worker(ctx, jobCtx context.Context, consumer string) {
	wake := p.o.Wake // nil: poll only
	idle := time.NewTimer(0)
	defer idle.Stop()
	var (
		job   *queue.Job
		tried bool // the last settle looked for the next job (job is what it found)
	)
	for {
		if job == nil && !tried {
			select {
			case <-ctx.Done():
				return
			default:
			}
			var err error
			job, err = p.o.Queue.Lease(ctx, consumer, p.o.Visibility)
			if err != nil && ctx.Err() == nil {
				p.log.Warn("lease failed", "error", err)
			}
		}
		if job == nil {
			tried = false
			idle.Reset(250 * time.Millisecond)
			select {
			case <-ctx.Done():
				return
			case <-wake:
			case <-idle.C:
			}
			continue
		}
		// A job leased by the last settle is run even when ctx ended since:
		// it is in flight like one leased a moment before the end, and Run's
		// drain covers it. Once ctx ended no settle leases another.
		var next *queue.NextLease
		if ctx.Err() == nil {
			next = &queue.NextLease{Consumer: consumer, Visibility: p.o.Visibility}
		}
		job, tried = p.handleNext(jobCtx, job, next)
	}
}

// handleNext processes one leased job, extending its lease while it runs,
// and acknowledges, retries, defers or dead-letters it; when next is set it
// also leases the worker's next job, in the settle's commit where the
// queue can (queue.TxSettler).
// It returns that job (nil when none was leasable) and whether it looked
// for one; a settle that could not look leaves the lease to the worker.
func (p *Pipeline) handleNext(ctx context.Context, job *queue.Job, next *queue.NextLease) (*queue.Job, bool) {
	start := time.Now()
	// The settle calls must not be cut short by a shutdown.
	sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer scancel()
	run := &ticketRun{job: job}
	if job.Attempts > p.o.MaxLeases {
		// Leases lost to crashes do not count as failures, so a job that
		// takes its worker down every time would never end without this.
		msg := fmt.Sprintf("leased %d times without finishing (each lease lost to a crash or timeout; the cap is %d)", job.Attempts, p.o.MaxLeases)
		if p.unannounced(sctx, run) {
			// No run got as far as its first audit write: the delivery's
			// entry goes in the job.dead entry's commit.
			run.pending = append(run.pending, p.accepted(run))
		}
		return p.end(sctx, run, start, "dead", queue.Settlement{Kind: queue.SettleDead, Reason: msg},
			&store.AuditEntry{Action: "job.dead", Outcome: store.OutcomeDead, Message: msg}, next)
	}
	if wait := p.throttled(job.Binding); wait > 0 {
		// The binding's desk asked to slow down: hold its jobs in the
		// queue, not in a worker, so other bindings keep theirs.
		return p.deferJob(sctx, run, start, wait, fmt.Sprintf("binding %s throttled by its desk", job.Binding), next)
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		hb   sync.WaitGroup
		lost atomic.Bool
	)
	hb.Add(1)
	go func() {
		defer hb.Done()
		p.heartbeat(ctx, job, func() { lost.Store(true); cancel() })
	}()
	err := p.process(ctx, run)
	cancel()
	hb.Wait()
	if lost.Load() {
		p.flush(sctx, run)
		// Another worker may hold the job now; its recorded stages keep
		// the ticket safe, and settling here would undo its lease.
		p.o.Metrics.Job("lease_lost", time.Since(start))
		p.log.Warn("lease lost while the job ran; left to its new holder", "job", job.ID, "ticket", job.TicketID, "error", err)
		return nil, false
	}

	var je *jobError
	failed := job.Failures + 1 // this attempt included
	switch {
	case err == nil:
		return p.end(sctx, run, start, "done", queue.Settlement{Kind: queue.SettleAck}, nil, next)
	case errors.As(err, &je) && je.outcome == skipped:
		return p.end(sctx, run, start, "skipped", queue.Settlement{Kind: queue.SettleAck},
			&store.AuditEntry{Action: "job.skipped", Outcome: store.OutcomeSkipped, Message: je.err.Error()}, next)
	case errors.As(err, &je) && je.outcome == deferred:
		return p.deferJob(sctx, run, start, je.delay, je.Error(), next)
	case errors.As(err, &je) && je.outcome == dead, failed >= p.o.MaxAttempts:
		msg := err.Error()
		if failed >= p.o.MaxAttempts && (je == nil || je.outcome != dead) {
			msg = fmt.Sprintf("gave up after %d failed attempts: %s", failed, msg)
		}
		return p.end(sctx, run, start, "dead", queue.Settlement{Kind: queue.SettleDead, Reason: msg},
			&store.AuditEntry{Action: "job.dead", Outcome: store.OutcomeDead, ErrorKind: kindName(err), Message: msg}, next)
	default:
		delay := queue.Backoff(failed, p.o.BaseDelay, p.o.MaxDelay, sdk.RetryAfter(err))
		return p.end(sctx, run, start, "retry", queue.Settlement{Kind: queue.SettleRetry, Delay: delay, Reason: err.Error()},
			&store.AuditEntry{Action: "job.retry", Outcome: store.OutcomeRetry, ErrorKind: kindName(err),
				Message: fmt.Sprintf("attempt %d failed, retrying in %s: %s", failed, delay.Round(time.Millisecond), err)}, next)
	}
}

// end writes the job's waiting audit entries and e (when not nil) and
// settles it as s says, then leases the worker's next job when next is
// set. Where the queue can (queue.TxSettler) that is one commit: the
// entries too when the store's audit log shares its database (auditTx),
// so the settle commits with its entries or neither does. Otherwise, or
// when that commit fails, the entries are written, then the settle made,
// each on its own as before, and the next lease is left to the worker,
// unless the queue settles and leases in one round trip (queue.NextSettler,
// Redis), after the entries are written.
func (p *Pipeline) end(ctx context.Context, run *ticketRun, start time.Time, what string, s queue.Settlement, e *store.AuditEntry, next *queue.NextLease) (*queue.Job, bool) {
	if e != nil {
		run.pending = append(run.pending, p.entry(run, *e))
	}
	if p.txq != nil {
		var also func(context.Context, *sql.Tx) error
		if len(run.pending) > 0 && p.txa != nil {
			if w, err := p.txa.AuditsTx(ctx, run.pending); err == nil {
				also = w
			}
		}
		if also == nil {
			p.flush(ctx, run)
		}
		leased, err := p.txq.SettleTx(ctx, run.job, s, also, next)
		if err == nil || errors.Is(err, queue.ErrLeaseLost) {
			run.pending = nil
			p.settle(ctx, run.job, start, what, err)
			return leased, next != nil
		}
		// Nothing committed: the separate calls.
		p.log.Warn("settle in one commit failed; settling step by step", "job", run.job.ID, "as", what, "error", err)
	}
	p.flush(ctx, run)
	if p.nq != nil && next != nil {
		leased, looked, err := p.nq.SettleNext(ctx, run.job, s, *next)
		p.settle(ctx, run.job, start, what, err)
		return leased, looked
	}
	p.settle(ctx, run.job, start, what, queue.Settle(ctx, p.o.Queue, run.job, s))
	return nil, false
}

// heartbeat extends the job's lease every visibility/3 until ctx ends. When
// the queue refuses (the lease went to someone else), or no extension has
// succeeded for a whole visibility timeout (the lease may have lapsed), it
// calls lost: the work must stop before it posts anything more.
func (p *Pipeline) heartbeat(ctx context.Context, job *queue.Job, lost func()) {
	t := time.NewTicker(p.o.Visibility / 3)
	defer t.Stop()
	lastOK := time.Now()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		err := p.o.Queue.Extend(ctx, job, p.o.Visibility)
		switch {
		case err == nil:
			lastOK = time.Now()
		case ctx.Err() != nil:
			return
		case errors.Is(err, queue.ErrLeaseLost):
			p.log.Warn("lease lost: stopping the job", "job", job.ID, "error", err)
			lost()
			return
		default:
			p.log.Warn("extend lease failed", "job", job.ID, "error", err)
			if time.Since(lastOK) >= p.o.Visibility {
				lost()
				return
			}
		}
	}
}

// deferJob gives the job back to the queue for later without counting an
// attempt. A little jitter keeps a deferred flood from coming back at once.
func (p *Pipeline) deferJob(ctx context.Context, run *ticketRun, start time.Time, wait time.Duration, why string, next *queue.NextLease) (*queue.Job, bool) {
	wait += rand.N(wait/4 + time.Millisecond)
	return p.end(ctx, run, start, "deferred", queue.Settlement{Kind: queue.SettleDefer, Delay: wait, Reason: why}, nil, next)
}

// throttleAfter is how many throttled answers (429 with Retry-After) in a
// row, with no success between them, pause a binding. One 429 may be a blip
// of one endpoint; a run of them is the desk throttling the account.
const throttleAfter = 3

// deskAnswered notes how one of the binding's desk calls ended, and pauses
// the binding for the desk's Retry-After after a run of throttled answers:
// its jobs are then deferred without calling the desk.
func (p *Pipeline) deskAnswered(key store.BindingKey, err error) {
	ra := sdk.RetryAfter(err)
	p.mu.Lock()
	defer p.mu.Unlock()
	if err == nil || ra <= 0 {
		if err == nil {
			delete(p.throttleRun, key)
		}
		return
	}
	p.throttleRun[key]++
	if p.throttleRun[key] < throttleAfter {
		return
	}
	if until := p.o.Now().Add(ra); until.After(p.pausedUntil[key]) {
		p.pausedUntil[key] = until
	}
}

// throttled is how long the binding's desk still asked to pause; 0 = none.
func (p *Pipeline) throttled(key store.BindingKey) time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	until, ok := p.pausedUntil[key]
	if !ok {
		return 0
	}
	d := until.Sub(p.o.Now())
	if d <= 0 {
		delete(p.pausedUntil, key)
		return 0
	}
	return d
}

// settle reports how the job ended (metrics, and the log when the queue
// could not record it).
func (p *Pipeline) settle(ctx context.Context, job *queue.Job, start time.Time, what string, err error) {
	p.o.Metrics.Job(what, time.Since(start))
	if err != nil {
		// The lease may have expired and another worker holds the job; it
		// will be processed again and the recorded stages keep that safe.
		p.log.Warn("could not settle job", "job", job.ID, "as", what, "error", err)
		return
	}
	p.log.Debug("job settled", "job", job.ID, "ticket", job.TicketID, "as", what, "attempts", job.Attempts)
}
