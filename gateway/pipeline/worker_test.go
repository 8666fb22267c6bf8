package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
	"github.com/sigsentry/deskgate/internal/redistest"
	"github.com/sigsentry/deskgate/sdk"
)

// slowDesk is a fakeDesk whose comment stage takes a while.
type slowDesk struct {
	*fakeDesk
	delay time.Duration
	posts atomic.Int64 // PostComment calls started
}

func (d *slowDesk) PostComment(ctx context.Context, c sdk.Credentials, id string, cm sdk.Comment) error {
	d.posts.Add(1)
	t := time.NewTimer(d.delay)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return sdk.Errorf(sdk.KindRetryable, "cancelled: %v", ctx.Err())
	case <-t.C:
	}
	return d.fakeDesk.PostComment(ctx, c, id, cm)
}

func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		<-time.After(10 * time.Millisecond)
	}
}

// TestRun_slowStageKeepsItsLeaseAndRunsOnce runs a stage that takes three
// visibility timeouts under two pipelines (two gateways) on each queue
// backend: the heartbeat keeps the lease, so the other never takes the job.
func TestRun_slowStageKeepsItsLeaseAndRunsOnce(t *testing.T) {
	const vis = 300 * time.Millisecond
	backends := map[string]func(t *testing.T, f *fixture) queue.Queue{
		"sqlite": func(t *testing.T, f *fixture) queue.Queue { return f.q },
		"redis": func(t *testing.T, f *fixture) queue.Queue {
			q, err := queue.NewRedis(context.Background(), queue.RedisQueueOptions{URL: redistest.Addr(t), KeyPrefix: redistest.Prefix(t)})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { q.Close() })
			return q
		},
	}
	for name, open := range backends {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t, "internal", "low")
			q := open(t, f)
			desk := &slowDesk{fakeDesk: f.desk, delay: 3 * vis}
			var pipes []*Pipeline
			for range 2 {
				o := f.p.o
				o.Queue, o.Platforms, o.Visibility, o.Workers = q, onePlatform{desk}, vis, 2
				pipes = append(pipes, New(o))
			}
			ctx, cancel := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			for _, p := range pipes {
				wg.Go(func() { p.Run(ctx, 5*time.Second) })
			}
			defer func() { cancel(); wg.Wait() }()
			ok, err := q.Enqueue(ctx, queue.Job{ID: "slow-1", Binding: f.key, Type: "ticket.created", TicketID: "31"})
			if err != nil || !ok {
				t.Fatalf("Enqueue = %v, %v", ok, err)
			}
			waitFor(t, 10*time.Second, "the job to be done", func() bool {
				j, err := q.Get(ctx, "slow-1")
				return err == nil && j.State == queue.StateDone
			})
			j, _ := q.Get(ctx, "slow-1")
			if j.Attempts != 1 {
				t.Errorf("the job was leased %d times, want once", j.Attempts)
			}
			if n := desk.posts.Load(); n != 1 {
				t.Errorf("the comment stage started %d times, want once", n)
			}
			if len(f.desk.comments) != 1 {
				t.Errorf("%d comments posted, want 1", len(f.desk.comments))
			}
		})
	}
}

// lossyQueue refuses every Extend, as when another worker took the lease.
type lossyQueue struct {
	queue.Queue
	extends atomic.Int64
}

func (l *lossyQueue) Extend(ctx context.Context, j *queue.Job, d time.Duration) error {
	l.extends.Add(1)
	return queue.ErrLeaseLost
}

func TestHandle_lostLeaseStopsTheWorkBeforeItPosts(t *testing.T) {
	f := newFixture(t, "internal", "low")
	lq := &lossyQueue{Queue: f.q}
	desk := &slowDesk{fakeDesk: f.desk, delay: time.Hour}
	f.p.o.Queue, f.p.o.Platforms, f.p.o.Visibility = lq, onePlatform{desk}, 150*time.Millisecond
	job := f.lease(t, "12")
	done := make(chan struct{})
	go func() { f.p.handle(context.Background(), job); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("handle did not return after its lease was lost")
	}
	if lq.extends.Load() == 0 {
		t.Fatal("no heartbeat was sent")
	}
	if len(f.desk.comments) != 0 {
		t.Errorf("%d comments posted after the lease was lost, want 0", len(f.desk.comments))
	}
	// Not settled: the job stays with whoever holds the lease now.
	got, err := f.q.Get(context.Background(), job.ID)
	if err != nil || got.State != queue.StateLeased || got.Failures != 0 {
		t.Errorf("job after a lost lease = %s failures %d, %v; want still leased, no failure", got.State, got.Failures, err)
	}
}

func TestHandle_leaseCapDeadLettersAJobThatNeverFinishes(t *testing.T) {
	f := newFixture(t, "internal", "low")
	f.p.o.MaxLeases = 3
	job := f.lease(t, "13")
	job.Attempts = 4 // as if its last three leases were lost to crashes
	f.p.handle(context.Background(), job)
	got, err := f.q.Get(context.Background(), job.ID)
	if err != nil || got.State != queue.StateDead {
		t.Fatalf("job = %s, %v; want dead", got.State, err)
	}
	if len(f.desk.comments) != 0 {
		t.Errorf("a capped job was processed")
	}
	dead, _ := f.st.QueryAudit(context.Background(), store.AuditFilter{Action: "job.dead", TicketID: "13"})
	if len(dead) != 1 || dead[0].Message == "" {
		t.Fatalf("job.dead entries = %+v, want one saying why", dead)
	}
}

func TestHandle_throttledBindingIsDeferredNotSleptOn(t *testing.T) {
	f := newFixture(t, "internal", "low")
	ctx := context.Background()
	// The desk answers 429 with a 30s Retry-After three times in a row:
	// each of those jobs is retried (a failure), and the binding paused.
	desk := &throttlingDesk{fakeDesk: f.desk, left: throttleAfter}
	f.p.o.Platforms = onePlatform{desk}
	for i := range throttleAfter {
		f.p.handle(ctx, f.lease(t, fmt.Sprint(20+i)))
	}
	// The binding's next job is given back at once, without a desk call or
	// a counted attempt.
	start := time.Now()
	next := f.lease(t, "29")
	f.p.handle(ctx, next)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("handling a job of a throttled binding took %v: a worker slept on it", d)
	}
	got, err := f.q.Get(ctx, next.ID)
	if err != nil || got.State != queue.StateReady || got.Attempts != 0 || got.Failures != 0 {
		t.Fatalf("deferred job = %+v, %v; want ready with no attempt or failure counted", got, err)
	}
	if wait := got.NextAt.Sub(time.Now()); wait < 20*time.Second {
		t.Errorf("deferred for %v, want about the desk's 30s", wait)
	}
	if len(f.desk.comments) != 0 || desk.reads != throttleAfter {
		t.Errorf("desk calls while throttled: %d comments, %d reads; want 0 and the %d 429s", len(f.desk.comments), desk.reads, throttleAfter)
	}
}

func TestHandle_rateLimitedWriteBackIsDeferred(t *testing.T) {
	f := newFixture(t, "internal", "low")
	ctx := context.Background()
	f.p.o.Config = oneBinding(withRate(f, 1)) // one write-back a minute, burst 1
	f.p.handle(ctx, f.lease(t, "40"))
	next := f.lease(t, "41")
	f.p.handle(ctx, next)
	got, err := f.q.Get(ctx, next.ID)
	if err != nil || got.State != queue.StateReady || got.Attempts != 0 || got.Failures != 0 {
		t.Fatalf("rate-limited job = %+v, %v; want deferred (ready, nothing counted)", got, err)
	}
	if len(f.desk.comments) != 1 {
		t.Errorf("%d comments, want only the first job's", len(f.desk.comments))
	}
	if got.NextAt.Before(time.Now().Add(10 * time.Second)) {
		t.Errorf("deferred until %v, want about a minute (the limit's refill)", got.NextAt)
	}
}

// withRate is the fixture's binding with another rate_limit_per_minute.
func withRate(f *fixture, perMinute int) *config.Binding {
	b := *f.p.o.Config().Binding("zendesk", "acme")
	b.RateLimitPerMinute = perMinute
	return &b
}

func TestHandle_oneThrottledAnswerDoesNotPauseTheBinding(t *testing.T) {
	f := newFixture(t, "internal", "low")
	ctx := context.Background()
	f.desk.failNext = []error{sdk.Retryable(30*time.Second, "429 too many requests")}
	f.p.handle(ctx, f.lease(t, "50"))
	f.p.handle(ctx, f.lease(t, "51"))
	if len(f.desk.comments) != 1 {
		t.Errorf("%d comments, want the second job's: one 429 must not pause the binding", len(f.desk.comments))
	}
}

// throttlingDesk answers its first left ticket reads with 429.
type throttlingDesk struct {
	*fakeDesk
	mu          sync.Mutex
	left, reads int
}

func (d *throttlingDesk) GetTicket(ctx context.Context, c sdk.Credentials, id string) (*sdk.Ticket, error) {
	d.mu.Lock()
	d.reads++
	throttled := d.left > 0
	d.left--
	d.mu.Unlock()
	if throttled {
		return nil, sdk.Retryable(30*time.Second, "429 too many requests")
	}
	return d.fakeDesk.GetTicket(ctx, c, id)
}

// missingTicketDesk answers every GetTicket with not found, as a desk does
// for a deleted ticket: the job dead-letters.
type missingTicketDesk struct{ *fakeDesk }

func (missingTicketDesk) GetTicket(_ context.Context, _ sdk.Credentials, id string) (*sdk.Ticket, error) {
	return nil, sdk.Errorf(sdk.KindNotFound, "ticket %s not found", id)
}

// auditAtSettle is a queue that records, when a job is dead-lettered, which
// audit entries of its ticket are already committed.
type auditAtSettle struct {
	queue.Queue
	st   store.Store
	seen []string
}

func (q *auditAtSettle) Dead(ctx context.Context, j *queue.Job, msg string) error {
	es, err := q.st.QueryAudit(ctx, store.AuditFilter{TicketID: j.TicketID})
	if err != nil {
		return err
	}
	for i := len(es) - 1; i >= 0; i-- { // oldest first
		q.seen = append(q.seen, es[i].Action+":"+string(es[i].Outcome))
	}
	return q.Queue.Dead(ctx, j, msg)
}

// batchCounter is the store with its audit commits (AppendAudit and
// AppendAudits calls) recorded.
type batchCounter struct {
	Store
	batches [][]string
}

func (s *batchCounter) AppendAudit(ctx context.Context, e store.AuditEntry) error {
	s.batches = append(s.batches, []string{e.Action})
	return s.Store.AppendAudit(ctx, e)
}

func (s *batchCounter) AppendAudits(ctx context.Context, es []store.AuditEntry) error {
	s.batches = append(s.batches, strings.Split(actions(es), ","))
	return s.Store.AppendAudits(ctx, es)
}

// TestHandle_failedStepIsAuditedWithTheJobsEndInOneCommitBeforeItSettles
// checks the batching of a failed job's audit entries: the delivery's
// webhook.accepted entry and the failed call's entry wait for the job.dead
// entry and all are written in one commit, which is committed before the
// queue hears the job is dead. A crash before that commit leaves the job
// leased (it runs again, and writes the accepted entry then) and no entry.
func TestHandle_failedStepIsAuditedWithTheJobsEndInOneCommitBeforeItSettles(t *testing.T) {
	f := newFixture(t, "internal", "low")
	q := &auditAtSettle{Queue: f.q, st: f.st}
	st := &batchCounter{Store: f.st}
	o := f.p.o
	o.Queue, o.Store, o.Platforms = q, st, onePlatform{missingTicketDesk{f.desk}}
	p := New(o)
	p.handle(context.Background(), f.lease(t, "61"))

	want := []string{"webhook.accepted:ok", "get_ticket:error", "job.dead:dead"}
	if !slices.Equal(q.seen, want) {
		t.Errorf("audit committed when the job was dead-lettered = %v, want %v", q.seen, want)
	}
	if wantB := [][]string{{"webhook.accepted", "get_ticket", "job.dead"}}; !reflect.DeepEqual(st.batches, wantB) {
		t.Errorf("AppendAudits calls = %v, want %v", st.batches, wantB)
	}
	j, err := f.q.List(context.Background(), queue.ListFilter{State: queue.StateDead})
	if err != nil || len(j) != 1 || j[0].TicketID != "61" {
		t.Errorf("dead jobs = %v, %v; want ticket 61's", j, err)
	}
}

// TestProcess_writesAFailedStepsEntryBeforeReturning: called on its own
// (no handle to write the job's end), Process leaves nothing unwritten.
func TestProcess_writesAFailedStepsEntryBeforeReturning(t *testing.T) {
	f := newFixture(t, "internal", "low")
	o := f.p.o
	o.Platforms = onePlatform{missingTicketDesk{f.desk}}
	if err := New(o).Process(context.Background(), f.lease(t, "62")); err == nil {
		t.Fatal("Process of a missing ticket succeeded")
	}
	es, err := f.st.QueryAudit(context.Background(), store.AuditFilter{TicketID: "62", Action: "get_ticket"})
	if err != nil || len(es) != 1 || es[0].Outcome != store.OutcomeError {
		t.Errorf("get_ticket audit = %+v, %v; want one error entry", es, err)
	}
}

// A run that dies before its first audit write (a crash: its lease is
// lost, nothing settles) leaves the delivery unaudited; the job's next run
// writes the webhook.accepted entry, and a run after that does not repeat
// it.
func TestProcess_auditsTheDeliveryOnceWhateverRunsWereLost(t *testing.T) {
	f := newFixture(t, "internal", "low")
	ctx := context.Background()
	release := func() {
		t.Helper()
		if _, err := f.q.(*queue.SQLite).ReleaseLeases(ctx); err != nil {
			t.Fatal(err)
		}
	}
	accepted := func() int {
		t.Helper()
		es, err := f.st.QueryAudit(ctx, store.AuditFilter{TicketID: "63", Action: "webhook.accepted"})
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}
	first := f.lease(t, "63") // the run that crashes before writing anything
	release()
	for run := 2; run <= 3; run++ {
		j, err := f.q.Lease(ctx, "test", time.Minute)
		if err != nil || j == nil || j.ID != first.ID || j.Attempts != run || j.Failures != 0 {
			t.Fatalf("run %d: lease = %+v, %v; want job %s at attempt %d, no failure", run, j, err, first.ID, run)
		}
		if err := f.p.Process(ctx, j); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if n := accepted(); n != 1 {
			t.Errorf("after run %d: %d webhook.accepted entries, want 1", run, n)
		}
		release() // this run's lease is lost too
	}
}

// BenchmarkHandle_deadLetteredJob runs jobs whose ticket the desk does not
// have, as the ingress bench's jobs do against its sandbox: the lease, the
// failed GetTicket's audit entries and the dead-letter, on SQLite. It
// reports the process CPU per job (user + system), which shows the commits
// a job costs better than wall time on a shared machine.
func BenchmarkHandle_deadLetteredJob(b *testing.B) {
	f := newFixture(b, "internal", "low")
	o := f.p.o
	o.Platforms = onePlatform{missingTicketDesk{f.desk}}
	benchHandle(b, f, New(o), 1)
}

// BenchmarkHandle_deadLetteredJobFourWorkers is the same jobs run by four
// workers at once, as the gateway's default four do.
func BenchmarkHandle_deadLetteredJobFourWorkers(b *testing.B) {
	f := newFixture(b, "internal", "low")
	o := f.p.o
	o.Platforms = onePlatform{missingTicketDesk{f.desk}}
	benchHandle(b, f, New(o), 4)
}

// BenchmarkHandle_triagedJob is the common path: the ticket exists, is
// triaged, gets its internal note and its fields, and the job is
// acknowledged.
//
// The binding's rate limit is lifted: at the fixture's 6,000 write-backs a
// minute every job after the first few hundred was deferred at its note.
func BenchmarkHandle_triagedJob(b *testing.B) {
	f := newFixture(b, "internal", "low")
	o := f.p.o
	o.Limiter = noLimit{}
	benchHandle(b, f, New(o), 1)
}

// BenchmarkHandle_triagedJobFourWorkers is the same jobs run by four
// workers at once.
func BenchmarkHandle_triagedJobFourWorkers(b *testing.B) {
	f := newFixture(b, "internal", "low")
	o := f.p.o
	o.Limiter = noLimit{}
	benchHandle(b, f, New(o), 4)
}

// noLimit lets every write-back through.
type noLimit struct{}

func (noLimit) TryRate(context.Context, string, int) (time.Duration, error) { return 0, nil }

func benchHandle(b *testing.B, f *fixture, p *Pipeline, workers int) {
	ctx := context.Background()
	for i := range b.N {
		if _, err := f.q.Enqueue(ctx, queue.Job{Binding: f.key, DedupKey: fmt.Sprint("d-", i), Type: "ticket.created", TicketID: fmt.Sprint(i)}); err != nil {
			b.Fatal(err)
		}
	}
	cpu := func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
			b.Fatal(err)
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	// The WAL starts empty: its frames (pages written) are counted at the
	// end unless a checkpoint restarted it meanwhile.
	db := f.st.(*store.SQLite).DB()
	if _, err := db.W.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		b.Fatal(err)
	}
	// No automatic checkpoint while it runs, so the WAL keeps every frame
	// the jobs wrote (the write pool's one connection keeps the pragma).
	if _, err := db.W.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		b.Fatal(err)
	}
	defer db.W.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 1000")
	b.ReportAllocs()
	r0, w0 := ioCalls(b)
	c0 := cpu()
	b.ResetTimer()
	if workers <= 1 {
		// As a worker runs them: each settle leases the next job (in its
		// commit, where the queue can), else the loop leases it.
		next := &queue.NextLease{Consumer: "bench", Visibility: time.Minute}
		var j *queue.Job
		for i := range b.N {
			if j == nil {
				var err error
				if j, err = f.q.Lease(ctx, "bench", time.Minute); err != nil || j == nil {
					b.Fatalf("Lease = %v, %v", j, err)
				}
			}
			if i == b.N-1 {
				next = nil
			}
			j, _ = p.handleNext(ctx, j, next)
		}
	} else {
		// As that many workers run them side by side, each until the
		// queue is empty.
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				consumer := fmt.Sprint("bench-", w)
				next := &queue.NextLease{Consumer: consumer, Visibility: time.Minute}
				for {
					j, err := f.q.Lease(ctx, consumer, time.Minute)
					if err != nil {
						b.Error(err)
						return
					}
					if j == nil {
						return
					}
					for j != nil {
						j, _ = p.handleNext(ctx, j, next)
					}
				}
			}()
		}
		wg.Wait()
	}
	b.StopTimer()
	b.ReportMetric(float64(cpu()-c0)/float64(time.Microsecond)/float64(b.N), "cpu-µs/job")
	if r1, w1 := ioCalls(b); r1 > 0 {
		b.ReportMetric(float64(r1-r0)/float64(b.N), "read-calls/job")
		b.ReportMetric(float64(w1-w0)/float64(b.N), "write-calls/job")
	}
	var busy, frames, copied int64
	if err := db.W.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &frames, &copied); err != nil {
		b.Fatal(err)
	}
	if fi, err := os.Stat(db.Path + "-wal"); err == nil && (fi.Size()-32)/(24+4096) == frames {
		b.ReportMetric(float64(frames)/float64(b.N), "wal-frames/job")
	}
}

// ioCalls is the process's read and write system calls so far (Linux's
// /proc/self/io; 0, 0 elsewhere): a count the machine's load does not blur.
func ioCalls(b *testing.B) (reads, writes int64) {
	data, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		name, v, _ := strings.Cut(line, ": ")
		n, _ := strconv.ParseInt(v, 10, 64)
		switch name {
		case "syscr":
			reads = n
		case "syscw":
			writes = n
		}
	}
	return reads, writes
}

// A deferral gives the lease back (the next lease is at attempt 1 again),
// so the run after it must find the delivery audited by the run before.
func TestProcess_auditsADeferredJobsDeliveryOnce(t *testing.T) {
	f := newFixture(t, "internal", "low")
	ctx := context.Background()
	j := f.lease(t, "64")
	if err := f.p.Process(ctx, j); err != nil {
		t.Fatal(err)
	}
	if err := f.q.Defer(ctx, j, 0, "binding throttled by its desk"); err != nil {
		t.Fatal(err)
	}
	again, err := f.q.Lease(ctx, "test", time.Minute)
	if err != nil || again == nil || again.ID != j.ID || again.Attempts != 1 {
		t.Fatalf("lease after Defer = %+v, %v; want job %s at attempt 1", again, err, j.ID)
	}
	if err := f.p.Process(ctx, again); err != nil {
		t.Fatal(err)
	}
	es, err := f.st.QueryAudit(ctx, store.AuditFilter{TicketID: "64", Action: "webhook.accepted"})
	if err != nil || len(es) != 1 {
		t.Errorf("webhook.accepted entries = %d, %v; want 1", len(es), err)
	}
}

// The audit log lookup of a job leased again finds the job's own entry
// however many newer webhook.accepted entries its ticket has.
func TestProcess_findsTheDeliveryEntryOnABusyTicket(t *testing.T) {
	f := newFixture(t, "internal", "low")
	ctx := context.Background()
	j := f.lease(t, "65")
	if err := f.p.Process(ctx, j); err != nil {
		t.Fatal(err)
	}
	var others []store.AuditEntry
	for i := range 150 {
		others = append(others, store.AuditEntry{Time: j.EnqueuedAt.Add(time.Duration(i+1) * time.Second), Binding: f.key.String(),
			TicketID: "65", JobID: fmt.Sprint("other-", i), Action: "webhook.accepted", Outcome: store.OutcomeOK})
	}
	if err := f.st.AppendAudits(ctx, others); err != nil {
		t.Fatal(err)
	}
	if _, err := f.q.(*queue.SQLite).ReleaseLeases(ctx); err != nil { // the run's lease is lost
		t.Fatal(err)
	}
	again, err := f.q.Lease(ctx, "test", time.Minute)
	if err != nil || again == nil || again.ID != j.ID || again.Attempts != 2 || again.Failures != 0 {
		t.Fatalf("lease = %+v, %v; want job %s at attempt 2, no failure", again, err, j.ID)
	}
	if err := f.p.Process(ctx, again); err != nil {
		t.Fatal(err)
	}
	es, err := f.st.QueryAudit(ctx, store.AuditFilter{TicketID: "65", Action: "webhook.accepted", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range es {
		if e.JobID == j.ID {
			n++
		}
	}
	if n != 1 {
		t.Errorf("webhook.accepted entries of job %s = %d, want 1", j.ID, n)
	}
}

// A job whose every run was lost before its first audit write ends at the
// lease cap with its delivery audited in the job.dead entry's commit; one
// whose delivery was audited gets only the job.dead entry.
func TestHandle_leaseCapAuditsAnUnannouncedDelivery(t *testing.T) {
	for _, tc := range []struct {
		name    string
		audited bool
		want    [][]string
	}{
		{"never audited", false, [][]string{{"webhook.accepted", "job.dead"}}},
		{"audited by an earlier run", true, [][]string{{"job.dead"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, "internal", "low")
			ctx := context.Background()
			job := f.lease(t, "66")
			if tc.audited {
				if err := f.st.AppendAudit(ctx, f.p.accepted(&ticketRun{job: job})); err != nil {
					t.Fatal(err)
				}
			}
			st := &batchCounter{Store: f.st}
			o := f.p.o
			o.Store, o.MaxLeases = st, 3
			job.Attempts = 4 // as if its last three leases were lost to crashes
			New(o).handle(ctx, job)
			if !reflect.DeepEqual(st.batches, tc.want) {
				t.Errorf("audit commits = %v, want %v", st.batches, tc.want)
			}
			es, err := f.st.QueryAudit(ctx, store.AuditFilter{TicketID: "66", Action: "webhook.accepted"})
			if err != nil || len(es) != 1 || !es[0].Time.Equal(job.EnqueuedAt) || es[0].JobID != job.ID {
				t.Errorf("webhook.accepted entries = %+v, %v; want one of job %s dated %v", es, err, job.ID, job.EnqueuedAt)
			}
		})
	}
}

// A job that succeeds on its first run commits its delivery entry with its
// first stage's record: no audit commit of its own.
func TestHandle_deliveryEntryJoinsTheFirstStagesCommit(t *testing.T) {
	f := newFixture(t, "internal", "low")
	ctx := context.Background()
	st := &batchCounter{Store: f.st}
	o := f.p.o
	o.Store = st
	job := f.lease(t, "67")
	New(o).handle(ctx, job)
	if len(st.batches) != 0 {
		t.Errorf("audit commits apart from the stages' = %v, want none", st.batches)
	}
	es, err := f.st.QueryAudit(ctx, store.AuditFilter{TicketID: "67"})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) < 2 || es[len(es)-1].Action != "webhook.accepted" || es[len(es)-1].JobID != job.ID {
		t.Errorf("audit entries = %v, want the job's webhook.accepted first", actions(es))
	}
}

// sqliteAuditCounter is batchCounter over the SQLite store that can
// write a job's closing entries in the queue's settle (the two share one
// database): the audit commits of their own are counted.
type sqliteAuditCounter struct {
	*batchCounter
	sqlite *store.SQLite
}

func (s sqliteAuditCounter) DB() *sqlitedb.DB { return s.sqlite.DB() }

func (s sqliteAuditCounter) AuditsTx(ctx context.Context, es []store.AuditEntry) (func(context.Context, *sql.Tx) error, error) {
	return s.sqlite.AuditsTx(ctx, es)
}

// On SQLite a dead-lettered job's entries commit with its dead-letter (no
// audit commit of their own) and the settle leases the worker's next job.
func TestHandle_onSQLiteTheJobsEntriesSettleAndNextLeaseAreOneCommit(t *testing.T) {
	f := newFixture(t, "internal", "low")
	ctx := context.Background()
	st := sqliteAuditCounter{&batchCounter{Store: f.st}, f.st.(*store.SQLite)}
	o := f.p.o
	o.Store, o.Platforms = st, onePlatform{missingTicketDesk{f.desk}}
	p := New(o)
	if p.txq == nil || p.txa == nil {
		t.Fatalf("pipeline on one SQLite database does not fold: txq %v, txa %v", p.txq, p.txa)
	}
	job := f.lease(t, "68")
	if _, err := f.q.Enqueue(ctx, queue.Job{Binding: f.key, DedupKey: "d-69", Type: "ticket.created", TicketID: "69"}); err != nil {
		t.Fatal(err)
	}
	next, tried := p.handleNext(ctx, job, &queue.NextLease{Consumer: "test", Visibility: time.Minute})
	if !tried || next == nil || next.TicketID != "69" || next.State != queue.StateLeased {
		t.Fatalf("handleNext = %+v, %v; want ticket 69's job leased", next, tried)
	}
	if len(st.batches) != 0 {
		t.Errorf("audit commits of their own = %v, want none", st.batches)
	}
	es, err := f.st.QueryAudit(ctx, store.AuditFilter{TicketID: "68"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := actions(es), "job.dead,get_ticket,webhook.accepted"; got != want {
		t.Errorf("audit entries (newest first) = %s, want %s", got, want)
	}
	if j, err := f.q.Get(ctx, job.ID); err != nil || j.State != queue.StateDead {
		t.Errorf("job = %+v, %v; want dead", j, err)
	}
	// The next job runs to its end the same way; with no job left the
	// settle finds none.
	next, tried = p.handleNext(ctx, next, &queue.NextLease{Consumer: "test", Visibility: time.Minute})
	if !tried || next != nil {
		t.Errorf("handleNext on an empty queue = %+v, %v; want nil, tried", next, tried)
	}
}

// A settle whose commit fails writes the entries and settles step by
// step, as before: the job still ends, with its entries.
func TestHandle_aFailedSettleCommitFallsBackToTheSeparateCalls(t *testing.T) {
	f := newFixture(t, "internal", "low")
	ctx := context.Background()
	o := f.p.o
	o.Platforms = onePlatform{missingTicketDesk{f.desk}}
	p := New(o)
	p.txq = failingSettler{p.txq}
	job := f.lease(t, "70")
	if next, tried := p.handleNext(ctx, job, &queue.NextLease{Consumer: "test", Visibility: time.Minute}); next != nil || tried {
		t.Errorf("handleNext = %+v, %v; want no next lease", next, tried)
	}
	if j, err := f.q.Get(ctx, job.ID); err != nil || j.State != queue.StateDead {
		t.Errorf("job = %+v, %v; want dead", j, err)
	}
	es, err := f.st.QueryAudit(ctx, store.AuditFilter{TicketID: "70"})
	if err != nil || actions(es) != "job.dead,get_ticket,webhook.accepted" {
		t.Errorf("audit entries = %s, %v", actions(es), err)
	}
}

type failingSettler struct{ queue.TxSettler }

func (failingSettler) SettleTx(context.Context, *queue.Job, queue.Settlement, func(context.Context, *sql.Tx) error, *queue.NextLease) (*queue.Job, error) {
	return nil, errors.New("disk I/O error")
}

// Workers on SQLite lease each next job in the settle of the last: every
// job still runs once, and a shutdown midway leaves no job leased (a job
// a settle leased is run, and no settle leases once the shutdown began).
// A second run finishes the rest, each once.
func TestRun_chainedLeasesRunEachJobOnceAndNoneIsLeftLeasedAtShutdown(t *testing.T) {
	const jobs = 120
	f := newFixture(t, "internal", "low")
	ctx := context.Background()
	o := f.p.o
	o.Workers, o.Limiter = 3, noLimit{}
	for i := range jobs {
		if ok, err := f.q.Enqueue(ctx, queue.Job{ID: fmt.Sprintf("chain-%03d", i), Binding: f.key, DedupKey: fmt.Sprint("chain-", i),
			Type: "ticket.created", TicketID: fmt.Sprint(1000 + i)}); err != nil || !ok {
			t.Fatalf("Enqueue = %v, %v", ok, err)
		}
	}
	done := func() int {
		t.Helper()
		js, err := f.q.List(ctx, queue.ListFilter{State: queue.StateDone, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, j := range js {
			if j.Attempts != 1 {
				t.Errorf("job %s leased %d times, want once", j.ID, j.Attempts)
			}
		}
		return len(js)
	}
	run := func(until func() bool) {
		t.Helper()
		p := New(o)
		if p.txq == nil || p.txa == nil {
			t.Fatal("the pipeline on SQLite does not settle and lease in one commit")
		}
		rctx, cancel := context.WithCancel(ctx)
		finished := make(chan struct{})
		go func() { p.Run(rctx, 5*time.Second); close(finished) }()
		waitFor(t, 20*time.Second, "jobs to be done", until)
		cancel()
		<-finished
		st, err := f.q.Stats(ctx)
		if err != nil || st.Leased != 0 || st.Dead != 0 {
			t.Errorf("after the shutdown: %+v, %v; want no job leased or dead", st, err)
		}
	}
	run(func() bool { return done() >= jobs/4 })
	if n := done(); n == jobs {
		t.Logf("every job was done before the shutdown; nothing was left to interrupt")
	}
	run(func() bool { return done() == jobs })
	f.desk.mu.Lock()
	defer f.desk.mu.Unlock()
	if len(f.desk.comments) != jobs {
		t.Errorf("%d comments posted, want %d (one per job)", len(f.desk.comments), jobs)
	}
	es, err := f.st.QueryAudit(ctx, store.AuditFilter{Action: "webhook.accepted", Limit: 1000})
	if err != nil || len(es) != jobs {
		t.Errorf("webhook.accepted entries = %d, %v; want %d", len(es), err, jobs)
	}
}

// handle runs one leased job as a worker does, without leasing the next.
func (p *Pipeline) handle(ctx context.Context, job *queue.Job) { p.handleNext(ctx, job, nil) }
