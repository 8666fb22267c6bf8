package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
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
	for {
		select {
		case <-ctx.Done():
			return
		default:
		}
		job, err := p.o.Queue.Lease(ctx, consumer, p.o.Visibility)
		if err != nil && ctx.Err() == nil {
			p.log.Warn("lease failed", "error", err)
		}
		if job == nil {
			idle.Reset(250 * time.Millisecond)
			select {
			case <-ctx.Done():
				return
			case <-wake:
			case <-idle.C:
			}
			continue
		}
		p.handle(jobCtx, job)
	}
}

// handle processes one leased job, extending its lease while it runs, and
// acknowledges, retries or dead-letters it.
func (p *Pipeline) handle(ctx context.Context, job *queue.Job) {
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var hb sync.WaitGroup
	hb.Add(1)
	go func() {
		defer hb.Done()
		t := time.NewTicker(p.o.Visibility / 3)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if err := p.o.Queue.Extend(ctx, job, p.o.Visibility); err != nil {
					p.log.Warn("extend lease failed", "job", job.ID, "error", err)
				}
			}
		}
	}()
	err := p.Process(ctx, job)
	cancel()
	hb.Wait()

	// The settle calls must not be cut short by a shutdown.
	sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer scancel()
	run := &ticketRun{job: job}
	var je *jobError
	switch {
	case err == nil:
		p.settle(sctx, job, start, "done", p.o.Queue.Ack(sctx, job))
	case errors.As(err, &je) && je.outcome == skipped:
		p.write(sctx, run, store.AuditEntry{Action: "job.skipped", Outcome: store.OutcomeSkipped, Message: je.err.Error()})
		p.settle(sctx, job, start, "skipped", p.o.Queue.Ack(sctx, job))
	case errors.As(err, &je) && je.outcome == dead, job.Attempts >= p.o.MaxAttempts:
		msg := err.Error()
		if job.Attempts >= p.o.MaxAttempts && (je == nil || je.outcome != dead) {
			msg = fmt.Sprintf("gave up after %d attempts: %s", job.Attempts, msg)
		}
		p.write(sctx, run, store.AuditEntry{Action: "job.dead", Outcome: store.OutcomeDead, ErrorKind: kindName(err), Message: msg})
		p.settle(sctx, job, start, "dead", p.o.Queue.Dead(sctx, job, msg))
	default:
		delay := queue.Backoff(job.Attempts, p.o.BaseDelay, p.o.MaxDelay, sdk.RetryAfter(err))
		p.write(sctx, run, store.AuditEntry{Action: "job.retry", Outcome: store.OutcomeRetry, ErrorKind: kindName(err),
			Message: fmt.Sprintf("attempt %d failed, retrying in %s: %s", job.Attempts, delay.Round(time.Millisecond), err)})
		p.settle(sctx, job, start, "retry", p.o.Queue.Retry(sctx, job, delay, err.Error()))
	}
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
