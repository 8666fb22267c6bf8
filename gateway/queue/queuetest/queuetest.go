package queuetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
)

// Clock is the suite's fake clock. Its Now is handed to the backend (as
// queue.Options.Now); the suite moves it with Advance.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock starts a clock at a fixed time with a non-zero nanosecond part.
func NewClock() *Clock {
	return &Clock{now: time.Date(2026, 5, 6, 7, 8, 9, 123456789, time.UTC)}
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Run runs the suite. open must return a fresh, empty queue whose clock is
// now (queue.Options{Now: now}) and arrange for it to be closed when t ends.
// The backend's own dedup and replay TTLs must be the defaults (7 days, 1
// hour).
func Run(t *testing.T, open func(t *testing.T, now func() time.Time) queue.Queue) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, q queue.Queue, c *Clock)
	}{
		{"EnqueuedJobIsLeasedWithEveryField", testEnqueueLease},
		{"LeaseOfEmptyQueueIsNil", testLeaseEmpty},
		{"LeaseTakesOldestFirst", testLeaseOrder},
		{"DuplicateDedupKeyStoresNothing", testDedup},
		{"EmptyDedupKeyNeverDeduplicates", testNoDedupKey},
		{"DedupKeyExpiresAfterTTL", testDedupExpiry},
		{"ReplayKeyRefusesAResendUnderANewDedupKeyAndTakesNothing", replayKeyTest(signed)},
		{"DedupKeyDuplicateStillRecordsItsReplayKey", retryRecordsReplayKeyTest(signed)},
		{"DistinctReplayKeysAreDistinctJobs", testDistinctReplayKeys},
		{"ReplayKeyExpiresAfterReplayTTL", replayKeyExpiryTest(signed)},
		{"ConcurrentReplaysUnderNewDedupKeysStoreOne", concurrentReplaysTest(signed)},
		{"LeasedJobIsInvisibleUntilVisibilityExpires", testVisibility},
		{"StaleReceiptIsLeaseLost", testStaleReceipt},
		{"ExpiredLeaseIsLostEvenIfNotReleased", testExpiredLease},
		{"ExtendKeepsTheLease", testExtend},
		{"AckedJobIsDoneAndNotRedelivered", testAck},
		{"RetryHonoursDelay", testRetryDelay},
		{"DeadJobIsReplayedWithAttemptsReset", testDeadReplay},
		{"ReplayOfUnknownOrLiveJobFails", testReplayErrors},
		{"GetOfUnknownJobIsNotFound", testGetUnknown},
		{"ListFiltersByState", testList},
		{"DoneJobsListInTheOrderTheyWereDone", testListDoneOrder},
		{"StatsCountEachState", testStats},
		{"ConcurrentLeasesDeliverEachJobOnce", testConcurrentLeases},
		{"ConcurrentDuplicateEnqueuesStoreOne", testConcurrentDedup},
		{"ConcurrentEnqueuesEachGetTheirOwnAnswer", testConcurrentMixed},
		{"PingAnswers", testPing},
		{"HeartbeatKeepsALeaseForThreeVisibilityTimeouts", testHeartbeat},
		{"LeasesGoRoundRobinAcrossBindings", testFairShare},
		{"FloodedBindingDoesNotDelayAnotherBinding", testFlood},
		{"RetryCountsAFailureAndALostLeaseDoesNot", testFailures},
		{"DeferGivesTheLeaseBack", testDefer},
		{"DepthCountsLiveJobsPerBindingAndInTotal", testDepth},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := NewClock()
			tc.fn(t, open(t, c.Now), c)
		})
	}
}

const vis = 30 * time.Second

func job(n int) queue.Job {
	return queue.Job{
		Binding:  store.BindingKey{Platform: "helpdesk", Name: "acme"},
		DedupKey: fmt.Sprintf("helpdesk/acme:delivery-%d", n),
		Type:     "ticket.created",
		TicketID: fmt.Sprint(1000 + n),
		Payload:  []byte(fmt.Sprintf(`{"ticket":%d}`, 1000+n)),
	}
}

func enqueue(t *testing.T, q queue.Queue, j queue.Job) {
	t.Helper()
	ok, err := q.Enqueue(t.Context(), j)
	if err != nil {
		t.Fatalf("Enqueue: %v", err)
	}
	if !ok {
		t.Fatalf("Enqueue(%s) = false, want a new job", j.DedupKey)
	}
}

func lease(t *testing.T, q queue.Queue) *queue.Job {
	t.Helper()
	j, err := q.Lease(t.Context(), "worker-1", vis)
	if err != nil {
		t.Fatalf("Lease: %v", err)
	}
	if j == nil {
		t.Fatal("Lease = nil, want a job")
	}
	return j
}

func leaseNone(t *testing.T, q queue.Queue, why string) {
	t.Helper()
	j, err := q.Lease(t.Context(), "worker-2", vis)
	if err != nil {
		t.Fatalf("Lease: %v", err)
	}
	if j != nil {
		t.Fatalf("Lease = job %s (ticket %s), want none: %s", j.ID, j.TicketID, why)
	}
}

func testEnqueueLease(t *testing.T, q queue.Queue, c *Clock) {
	in := job(1)
	in.ID = "caller-chosen-id"
	enqueued := c.Now()
	enqueue(t, q, in)
	c.Advance(time.Second)
	j := lease(t, q)
	if j.ID != "caller-chosen-id" {
		t.Errorf("ID = %q, want the caller's", j.ID)
	}
	if j.Binding != in.Binding || j.DedupKey != in.DedupKey || j.Type != in.Type || j.TicketID != in.TicketID || !bytes.Equal(j.Payload, in.Payload) {
		t.Errorf("leased job = %+v, want the fields of %+v", j, in)
	}
	if j.State != queue.StateLeased || j.Attempts != 1 || j.Receipt == "" {
		t.Errorf("leased job state %s attempts %d receipt %q, want leased, 1, non-empty", j.State, j.Attempts, j.Receipt)
	}
	if !j.EnqueuedAt.Equal(enqueued) {
		t.Errorf("EnqueuedAt = %v, want %v", j.EnqueuedAt, enqueued)
	}

	// Without a caller ID the queue assigns distinct ones.
	enqueue(t, q, job(2))
	enqueue(t, q, job(3))
	a, b := lease(t, q), lease(t, q)
	if a.ID == "" || b.ID == "" || a.ID == b.ID {
		t.Errorf("assigned IDs %q and %q, want distinct and non-empty", a.ID, b.ID)
	}
	got, err := q.Get(t.Context(), a.ID)
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if got.TicketID != a.TicketID || got.State != queue.StateLeased {
		t.Errorf("Get = ticket %s state %s, want %s leased", got.TicketID, got.State, a.TicketID)
	}
}

func testLeaseEmpty(t *testing.T, q queue.Queue, c *Clock) {
	leaseNone(t, q, "the queue is empty")
}

func testLeaseOrder(t *testing.T, q queue.Queue, c *Clock) {
	for i := range 5 {
		enqueue(t, q, job(i))
		c.Advance(time.Millisecond)
	}
	for i := range 5 {
		j := lease(t, q)
		if j.TicketID != job(i).TicketID {
			t.Errorf("lease %d got ticket %s, want %s (oldest first)", i, j.TicketID, job(i).TicketID)
		}
	}
}

func testDedup(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	dup := job(1)
	dup.Payload = []byte(`{"second":true}`)
	ok, err := q.Enqueue(t.Context(), dup)
	if err != nil {
		t.Fatalf("duplicate Enqueue: %v", err)
	}
	if ok {
		t.Errorf("duplicate Enqueue = true, want false")
	}
	// The duplicate is still refused after the first job is done.
	j := lease(t, q)
	if !bytes.Equal(j.Payload, job(1).Payload) {
		t.Errorf("leased payload %s, want the first enqueue's", j.Payload)
	}
	if err := q.Ack(t.Context(), j); err != nil {
		t.Fatal(err)
	}
	c.Advance(24 * time.Hour)
	ok, err = q.Enqueue(t.Context(), dup)
	if err != nil || ok {
		t.Errorf("duplicate Enqueue a day later = %v, %v; want false, nil", ok, err)
	}
	leaseNone(t, q, "a duplicate must store nothing")
	s, err := q.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if s != (queue.Stats{}) {
		t.Errorf("Stats after duplicates = %+v, want all zero", s)
	}
}

func testNoDedupKey(t *testing.T, q queue.Queue, c *Clock) {
	j := job(1)
	j.DedupKey = ""
	enqueue(t, q, j)
	enqueue(t, q, j)
	lease(t, q)
	lease(t, q)
}

func testDedupExpiry(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	c.Advance(queue.DefaultDedupTTL - time.Second)
	if ok, err := q.Enqueue(t.Context(), job(1)); err != nil || ok {
		t.Errorf("Enqueue just inside the dedup TTL = %v, %v; want false", ok, err)
	}
	c.Advance(2 * time.Second)
	if ok, err := q.Enqueue(t.Context(), job(1)); err != nil || !ok {
		t.Errorf("Enqueue after the dedup TTL = %v, %v; want true", ok, err)
	}
}

// signed returns job n as the event of a signed delivery with replay key r.
func signed(n int, r string) queue.Job {
	j := job(n)
	j.ReplayKey = r
	return j
}

func mustBeDuplicate(t *testing.T, q queue.Queue, j queue.Job, why string) {
	t.Helper()
	ok, err := q.Enqueue(t.Context(), j)
	if err != nil {
		t.Fatalf("Enqueue(%s, replay %s): %v", j.DedupKey, j.ReplayKey, err)
	}
	if ok {
		t.Errorf("Enqueue(%s, replay %s) = true, want false: %s", j.DedupKey, j.ReplayKey, why)
	}
}

func wantReady(t *testing.T, q queue.Queue, n int, why string) {
	t.Helper()
	s, err := q.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if s.Ready != n {
		t.Errorf("Stats.Ready = %d, want %d: %s", s.Ready, n, why)
	}
}

func replayKeyTest(mk func(n int, r string) queue.Job) func(*testing.T, queue.Queue, *Clock) {
	return func(t *testing.T, q queue.Queue, c *Clock) {
		enqueue(t, q, mk(1, "sig-a"))
		c.Advance(time.Minute)
		// A captured delivery resent under an invented invocation id, then
		// under none.
		mustBeDuplicate(t, q, mk(2, "sig-a"), "its replay key was enqueued a minute ago")
		noID := mk(3, "sig-a")
		noID.DedupKey = ""
		mustBeDuplicate(t, q, noID, "its replay key was enqueued a minute ago")
		wantReady(t, q, 1, "a replay stores nothing")
		// The replay did not claim the invented id: a genuine delivery that
		// later carries it is stored.
		enqueue(t, q, mk(2, "sig-b"))
		wantReady(t, q, 2, "the genuine delivery is a new job")
	}
}

func retryRecordsReplayKeyTest(mk func(n int, r string) queue.Job) func(*testing.T, queue.Queue, *Clock) {
	return func(t *testing.T, q queue.Queue, c *Clock) {
		enqueue(t, q, mk(1, "sig-first"))
		// The desk retries the event: same invocation id, new signature.
		mustBeDuplicate(t, q, mk(1, "sig-retry"), "the desk's retry has the first delivery's dedup key")
		// That retry, captured and resent under another id, is a replay too.
		mustBeDuplicate(t, q, mk(2, "sig-retry"), "the retry's replay key was recorded")
		wantReady(t, q, 1, "one event, one job")
	}
}

func testDistinctReplayKeys(t *testing.T, q queue.Queue, c *Clock) {
	// Two events of one delivery: one signature, one replay key each.
	enqueue(t, q, signed(1, "sig-a/event-0"))
	enqueue(t, q, signed(2, "sig-a/event-1"))
	mustBeDuplicate(t, q, signed(3, "sig-a/event-0"), "event 0 of the delivery was enqueued")
	mustBeDuplicate(t, q, signed(4, "sig-a/event-1"), "event 1 of the delivery was enqueued")
	wantReady(t, q, 2, "two events, two jobs")
}

func replayKeyExpiryTest(mk func(n int, r string) queue.Job) func(*testing.T, queue.Queue, *Clock) {
	return func(t *testing.T, q queue.Queue, c *Clock) {
		enqueue(t, q, mk(1, "sig-a"))
		c.Advance(queue.DefaultReplayTTL - time.Second)
		mustBeDuplicate(t, q, mk(2, "sig-a"), "just inside the replay TTL")
		c.Advance(2 * time.Second)
		enqueue(t, q, mk(3, "sig-a"))
		// The dedup key outlives the replay key.
		mustBeDuplicate(t, q, mk(1, "sig-b"), "the dedup key lasts days")
	}
}

func concurrentReplaysTest(mk func(n int, r string) queue.Job) func(*testing.T, queue.Queue, *Clock) {
	return func(t *testing.T, q queue.Queue, c *Clock) {
		if wins := concurrentWins(t, q, func(i int) queue.Job { return mk(i, "sig-a") }); wins != 1 {
			t.Errorf("%d of %d concurrent replays under distinct dedup keys returned true, want 1", wins, racers)
		}
		wantReady(t, q, 1, "only one of the replays may be stored")
	}
}

func testVisibility(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	first := lease(t, q)
	leaseNone(t, q, "the job is leased")
	c.Advance(vis - time.Second)
	leaseNone(t, q, "the lease has not expired")
	c.Advance(2 * time.Second)
	second := lease(t, q)
	if second.ID != first.ID {
		t.Fatalf("re-delivered job %s, want %s", second.ID, first.ID)
	}
	if second.Attempts != 2 {
		t.Errorf("Attempts on re-delivery = %d, want 2", second.Attempts)
	}
	if second.Receipt == first.Receipt {
		t.Errorf("re-delivery kept the old receipt")
	}
}

func testStaleReceipt(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	first := lease(t, q)
	c.Advance(vis + time.Second)
	second := lease(t, q)
	stale := *first
	ops := []struct {
		name string
		fn   func(j *queue.Job) error
	}{
		{"Ack", func(j *queue.Job) error { return q.Ack(t.Context(), j) }},
		{"Retry", func(j *queue.Job) error { return q.Retry(t.Context(), j, 0, "x") }},
		{"Dead", func(j *queue.Job) error { return q.Dead(t.Context(), j, "x") }},
		{"Extend", func(j *queue.Job) error { return q.Extend(t.Context(), j, vis) }},
	}
	for _, op := range ops {
		j := stale
		if err := op.fn(&j); !errors.Is(err, queue.ErrLeaseLost) {
			t.Errorf("%s with a stale receipt = %v, want ErrLeaseLost", op.name, err)
		}
	}
	bogus := *second
	bogus.Receipt = "not-a-receipt"
	if err := q.Ack(t.Context(), &bogus); !errors.Is(err, queue.ErrLeaseLost) {
		t.Errorf("Ack with a made-up receipt = %v, want ErrLeaseLost", err)
	}
	if err := q.Ack(t.Context(), second); err != nil {
		t.Errorf("Ack by the current holder = %v, want nil", err)
	}
	got, err := q.Get(t.Context(), first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != queue.StateDone {
		t.Errorf("state after the holder's Ack = %s, want done", got.State)
	}
}

func testExpiredLease(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	j := lease(t, q)
	c.Advance(vis)
	if err := q.Ack(t.Context(), j); !errors.Is(err, queue.ErrLeaseLost) {
		t.Errorf("Ack at lease expiry = %v, want ErrLeaseLost", err)
	}
	again := lease(t, q)
	if again.ID != j.ID {
		t.Errorf("expired job was not re-delivered")
	}
}

func testExtend(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	j := lease(t, q)
	c.Advance(vis - time.Second)
	if err := q.Extend(t.Context(), j, vis); err != nil {
		t.Fatalf("Extend: %v", err)
	}
	c.Advance(vis - time.Second)
	leaseNone(t, q, "the lease was extended")
	if err := q.Ack(t.Context(), j); err != nil {
		t.Errorf("Ack after Extend = %v, want nil (the receipt stays valid)", err)
	}
}

func testAck(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	j := lease(t, q)
	if err := q.Ack(t.Context(), j); err != nil {
		t.Fatalf("Ack: %v", err)
	}
	c.Advance(time.Hour)
	leaseNone(t, q, "the job was acknowledged")
	got, err := q.Get(t.Context(), j.ID)
	if err != nil {
		t.Fatalf("Get of a done job: %v", err)
	}
	if got.State != queue.StateDone {
		t.Errorf("state = %s, want done", got.State)
	}
	if err := q.Ack(t.Context(), j); !errors.Is(err, queue.ErrLeaseLost) {
		t.Errorf("second Ack = %v, want ErrLeaseLost", err)
	}
}

func testRetryDelay(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	j := lease(t, q)
	if err := q.Retry(t.Context(), j, time.Minute, "429 retry after 60s"); err != nil {
		t.Fatalf("Retry: %v", err)
	}
	leaseNone(t, q, "the retry delay has not passed")
	got, err := q.Get(t.Context(), j.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != queue.StateReady || got.LastError != "429 retry after 60s" || got.Attempts != 1 {
		t.Errorf("after Retry: state %s last error %q attempts %d, want ready, the error, 1", got.State, got.LastError, got.Attempts)
	}
	if !got.NextAt.Equal(c.Now().Add(time.Minute)) {
		t.Errorf("NextAt = %v, want %v", got.NextAt, c.Now().Add(time.Minute))
	}
	c.Advance(time.Minute - time.Second)
	leaseNone(t, q, "the retry delay has not passed")
	c.Advance(time.Second)
	again := lease(t, q)
	if again.ID != j.ID || again.Attempts != 2 {
		t.Errorf("after the delay: job %s attempts %d, want %s and 2", again.ID, again.Attempts, j.ID)
	}
	// A retry without delay is leasable at once.
	if err := q.Retry(t.Context(), again, 0, "again"); err != nil {
		t.Fatal(err)
	}
	lease(t, q)
}

func testDeadReplay(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	j := lease(t, q)
	if err := q.Dead(t.Context(), j, "permanent: 404 ticket deleted"); err != nil {
		t.Fatalf("Dead: %v", err)
	}
	c.Advance(time.Hour)
	leaseNone(t, q, "the job is dead")
	dead, err := q.List(t.Context(), queue.ListFilter{State: queue.StateDead})
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || dead[0].ID != j.ID || dead[0].LastError != "permanent: 404 ticket deleted" {
		t.Fatalf("List(dead) = %+v, want the dead job with its error", dead)
	}
	if err := q.Replay(t.Context(), j.ID); err != nil {
		t.Fatalf("Replay: %v", err)
	}
	again := lease(t, q)
	if again.ID != j.ID || again.Attempts != 1 {
		t.Errorf("replayed job %s attempts %d, want %s with attempts reset (1 after lease)", again.ID, again.Attempts, j.ID)
	}
}

func testReplayErrors(t *testing.T, q queue.Queue, c *Clock) {
	if err := q.Replay(t.Context(), "no-such-job"); !errors.Is(err, queue.ErrNotFound) {
		t.Errorf("Replay(unknown) = %v, want ErrNotFound", err)
	}
	enqueue(t, q, job(1))
	j := lease(t, q)
	if err := q.Replay(t.Context(), j.ID); err == nil {
		t.Errorf("Replay of a leased job = nil, want an error")
	}
	got, err := q.Get(t.Context(), j.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != queue.StateLeased || got.Attempts != 1 {
		t.Errorf("Replay of a live job changed it: state %s attempts %d", got.State, got.Attempts)
	}
}

func testGetUnknown(t *testing.T, q queue.Queue, c *Clock) {
	if _, err := q.Get(t.Context(), "no-such-job"); !errors.Is(err, queue.ErrNotFound) {
		t.Errorf("Get(unknown) = %v, want ErrNotFound", err)
	}
}

// fixture leaves one job in each state (and one delayed) and returns their
// IDs by name.
func fixture(t *testing.T, q queue.Queue, c *Clock) map[string]string {
	t.Helper()
	for i := range 5 {
		enqueue(t, q, job(i))
		c.Advance(time.Millisecond)
	}
	ids := map[string]string{}
	done := lease(t, q)
	if err := q.Ack(t.Context(), done); err != nil {
		t.Fatal(err)
	}
	dead := lease(t, q)
	if err := q.Dead(t.Context(), dead, "boom"); err != nil {
		t.Fatal(err)
	}
	delayed := lease(t, q)
	if err := q.Retry(t.Context(), delayed, time.Hour, "later"); err != nil {
		t.Fatal(err)
	}
	leased := lease(t, q)
	ready := lease(t, q)
	if err := q.Retry(t.Context(), ready, 0, "now"); err != nil {
		t.Fatal(err)
	}
	ids["done"], ids["dead"], ids["delayed"], ids["leased"], ids["ready"] = done.ID, dead.ID, delayed.ID, leased.ID, ready.ID
	return ids
}

func jobIDs(js []queue.Job) []string {
	out := []string{}
	for _, j := range js {
		out = append(out, j.ID)
	}
	slices.Sort(out)
	return out
}

func sorted(ids ...string) []string {
	slices.Sort(ids)
	return ids
}

func testList(t *testing.T, q queue.Queue, c *Clock) {
	ids := fixture(t, q, c)
	tests := []struct {
		name   string
		filter queue.ListFilter
		want   []string
	}{
		{"all but done", queue.ListFilter{}, sorted(ids["dead"], ids["delayed"], ids["leased"], ids["ready"])},
		{"ready includes delayed", queue.ListFilter{State: queue.StateReady}, sorted(ids["delayed"], ids["ready"])},
		{"leased", queue.ListFilter{State: queue.StateLeased}, []string{ids["leased"]}},
		{"dead", queue.ListFilter{State: queue.StateDead}, []string{ids["dead"]}},
		{"done", queue.ListFilter{State: queue.StateDone}, []string{ids["done"]}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := q.List(t.Context(), tc.filter)
			if err != nil {
				t.Fatalf("List: %v", err)
			}
			if !slices.Equal(jobIDs(got), tc.want) {
				t.Errorf("List(%+v) = %v, want %v", tc.filter, jobIDs(got), tc.want)
			}
		})
	}
	got, err := q.List(t.Context(), queue.ListFilter{Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Errorf("List(limit 2) = %d jobs, want 2", len(got))
	}
}

// Done jobs list oldest done first (List's done order), not by enqueue.
func testListDoneOrder(t *testing.T, q queue.Queue, c *Clock) {
	var js []*queue.Job
	for i := range 3 {
		enqueue(t, q, job(i))
		c.Advance(time.Millisecond)
	}
	for range 3 {
		js = append(js, lease(t, q))
	}
	var want []string
	for _, i := range []int{2, 0, 1} {
		if err := q.Ack(t.Context(), js[i]); err != nil {
			t.Fatal(err)
		}
		want = append(want, js[i].ID)
		c.Advance(time.Second)
	}
	got, err := q.List(t.Context(), queue.ListFilter{State: queue.StateDone})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, j := range got {
		ids = append(ids, j.ID)
	}
	if !slices.Equal(ids, want) {
		t.Errorf("done jobs = %v, want in the order acknowledged %v", ids, want)
	}
}

func testStats(t *testing.T, q queue.Queue, c *Clock) {
	s, err := q.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if s != (queue.Stats{}) {
		t.Errorf("Stats of an empty queue = %+v", s)
	}
	fixture(t, q, c)
	s, err = q.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := queue.Stats{Ready: 1, Delayed: 1, Leased: 1, Dead: 1}
	if s != want {
		t.Errorf("Stats = %+v, want %+v", s, want)
	}
	c.Advance(time.Hour)
	s, err = q.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if s.Ready != 2 || s.Delayed != 0 {
		t.Errorf("Stats once the delay passed = %+v, want 2 ready, 0 delayed", s)
	}
}

func testConcurrentLeases(t *testing.T, q queue.Queue, c *Clock) {
	const jobs, workers = 100, 8
	for i := range jobs {
		enqueue(t, q, job(i))
	}
	DrainEachOnce(t, []queue.Queue{q}, workers, jobs)
	s, err := q.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if s != (queue.Stats{}) {
		t.Errorf("Stats after draining = %+v, want all zero", s)
	}
}

func testConcurrentDedup(t *testing.T, q queue.Queue, c *Clock) {
	if wins := concurrentWins(t, q, func(int) queue.Job { return job(7) }); wins != 1 {
		t.Errorf("%d of %d concurrent duplicate Enqueues returned true, want 1", wins, racers)
	}
	lease(t, q)
	leaseNone(t, q, "only one of the duplicates may be stored")
}

// testConcurrentMixed enqueues, all at once, new jobs among duplicates of
// a stored job and replays of a stored delivery, so that a backend that
// handles concurrent Enqueues together (a group commit, a pipeline) has
// both kinds in one batch: each caller must get its own job's answer.
func testConcurrentMixed(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, signed(1000, "sig-stored"))
	jobs := make([]queue.Job, 3*racers)
	for i := range racers {
		jobs[3*i] = signed(i, fmt.Sprint("sig-new-", i)) // new: stored
		jobs[3*i+1] = signed(1000, fmt.Sprint("sig-retry-", i))
		jobs[3*i+2] = signed(2000+i, "sig-stored")
	}
	oks := make([]bool, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() { oks[i], errs[i] = q.Enqueue(context.Background(), j) })
	}
	wg.Wait()
	for i, j := range jobs {
		if errs[i] != nil {
			t.Fatalf("Enqueue(%s, replay %s): %v", j.DedupKey, j.ReplayKey, errs[i])
		}
		if want := i%3 == 0; oks[i] != want {
			t.Errorf("Enqueue(%s, replay %s) = %v, want %v", j.DedupKey, j.ReplayKey, oks[i], want)
		}
	}
	wantReady(t, q, racers+1, "the new jobs and the one stored first")
	// A refused replay claimed nothing: its dedup key is free.
	enqueue(t, q, signed(2000, "sig-later"))
}

const racers = 16

// concurrentWins enqueues job(i) for i in [0, racers) at once and counts
// the Enqueues that returned true.
func concurrentWins(t *testing.T, q queue.Queue, job func(i int) queue.Job) int {
	t.Helper()
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		wins int
		errs []error
	)
	for i := range racers {
		wg.Go(func() {
			ok, err := q.Enqueue(context.Background(), job(i))
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
			}
			if ok {
				wins++
			}
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("concurrent Enqueue: %v", errs)
	}
	return wins
}

func testPing(t *testing.T, q queue.Queue, c *Clock) {
	if err := q.Ping(t.Context()); err != nil {
		t.Errorf("Ping = %v, want nil", err)
	}
}

// DrainEachOnce has workers lease and ack from qs (worker w uses
// qs[w%len(qs)]: several handles stand for several processes on one
// backend) until nothing is left, and fails the test unless exactly jobs
// distinct jobs were delivered, each once.
func DrainEachOnce(t *testing.T, qs []queue.Queue, workers, jobs int) {
	t.Helper()
	var (
		mu        sync.Mutex
		delivered = map[string]int{}
		wg        sync.WaitGroup
		errs      = make(chan error, workers)
	)
	for w := range workers {
		q := qs[w%len(qs)]
		wg.Go(func() {
			ctx := context.Background()
			for {
				j, err := q.Lease(ctx, fmt.Sprintf("worker-%d", w), time.Hour)
				if err != nil {
					errs <- fmt.Errorf("Lease: %w", err)
					return
				}
				if j == nil {
					return
				}
				mu.Lock()
				delivered[j.ID]++
				mu.Unlock()
				if err := q.Ack(ctx, j); err != nil {
					errs <- fmt.Errorf("Ack: %w", err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if len(delivered) != jobs {
		t.Errorf("%d distinct jobs delivered, want %d", len(delivered), jobs)
	}
	for id, n := range delivered {
		if n != 1 {
			t.Errorf("job %s delivered %d times, want once", id, n)
		}
	}
}

func jobOf(binding string, n int) queue.Job {
	j := job(n)
	j.Binding = store.BindingKey{Platform: "desk", Name: binding}
	j.DedupKey = fmt.Sprintf("desk/%s:delivery-%d", binding, n)
	return j
}

func testHeartbeat(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	j := lease(t, q)
	// A worker extends every visibility/3; its stage takes 3 timeouts.
	for i := range 9 {
		c.Advance(vis / 3)
		leaseNone(t, q, fmt.Sprintf("the lease was extended (%d of 9)", i+1))
		if err := q.Extend(t.Context(), j, vis); err != nil {
			t.Fatalf("Extend %d: %v", i+1, err)
		}
	}
	leaseNone(t, q, "the lease was extended")
	if err := q.Ack(t.Context(), j); err != nil {
		t.Fatalf("Ack after 3 visibility timeouts of heartbeats: %v", err)
	}
	c.Advance(time.Hour)
	leaseNone(t, q, "the job was processed once")
}

func testFairShare(t *testing.T, q queue.Queue, c *Clock) {
	for i := range 6 {
		enqueue(t, q, jobOf("alpha", i))
		c.Advance(time.Millisecond)
	}
	for i := range 3 {
		enqueue(t, q, jobOf("beta", 100+i))
		c.Advance(time.Millisecond)
	}
	enqueue(t, q, jobOf("gamma", 200))
	var got []string
	for range 10 {
		got = append(got, lease(t, q).Binding.Name)
	}
	// Every binding with work gets a turn before any gets a second one.
	for _, name := range []string{"alpha", "beta", "gamma"} {
		if !slices.Contains(got[:3], name) {
			t.Errorf("first three leases %v: %s had no turn", got[:3], name)
		}
	}
	if !slices.Contains(got[3:5], "beta") || slices.Contains(got[3:6], "gamma") {
		t.Errorf("leases %v: after a round, alpha and beta alternate while both have work", got)
	}
	if n := countOf(got, "alpha"); n != 6 {
		t.Errorf("leases %v: alpha got %d, want all its 6", got, n)
	}
}

func countOf(xs []string, x string) int {
	n := 0
	for _, v := range xs {
		if v == x {
			n++
		}
	}
	return n
}

func testFlood(t *testing.T, q queue.Queue, c *Clock) {
	const flood = 500
	for i := range flood {
		enqueue(t, q, jobOf("flooded", i))
	}
	c.Advance(time.Millisecond)
	enqueue(t, q, jobOf("quiet", 1))
	// The flooded binding's desk is throttled: each of its jobs is
	// deferred as soon as it is leased. The quiet binding's job must come
	// within two leases all the same.
	for i := range 2 {
		j := lease(t, q)
		if j.Binding.Name == "quiet" {
			return
		}
		if err := q.Defer(t.Context(), j, time.Minute, "throttled"); err != nil {
			t.Fatalf("Defer %d: %v", i, err)
		}
	}
	t.Fatalf("the quiet binding's job did not come within 2 leases behind %d flooded jobs", flood)
}

func testFailures(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	j := lease(t, q)
	if j.Failures != 0 {
		t.Errorf("Failures on the first lease = %d, want 0", j.Failures)
	}
	c.Advance(vis) // the worker died: its lease is lost
	j = lease(t, q)
	if j.Attempts != 2 || j.Failures != 0 {
		t.Errorf("after a lost lease: attempts %d failures %d, want 2 and 0", j.Attempts, j.Failures)
	}
	if err := q.Retry(t.Context(), j, 0, "503"); err != nil {
		t.Fatal(err)
	}
	if j.Failures != 1 {
		t.Errorf("Retry left Failures at %d on the caller's job, want 1", j.Failures)
	}
	j = lease(t, q)
	if j.Attempts != 3 || j.Failures != 1 {
		t.Errorf("after a retry: attempts %d failures %d, want 3 and 1", j.Attempts, j.Failures)
	}
	if err := q.Dead(t.Context(), j, "gave up"); err != nil {
		t.Fatal(err)
	}
	if err := q.Replay(t.Context(), j.ID); err != nil {
		t.Fatal(err)
	}
	j = lease(t, q)
	if j.Attempts != 1 || j.Failures != 0 {
		t.Errorf("after a replay: attempts %d failures %d, want 1 and 0", j.Attempts, j.Failures)
	}
}

func testDefer(t *testing.T, q queue.Queue, c *Clock) {
	enqueue(t, q, job(1))
	j := lease(t, q)
	for range 3 {
		if err := q.Defer(t.Context(), j, 10*time.Second, "binding throttled"); err != nil {
			t.Fatalf("Defer: %v", err)
		}
		leaseNone(t, q, "the job is deferred")
		c.Advance(10 * time.Second)
		j = lease(t, q)
	}
	if j.Attempts != 1 || j.Failures != 0 {
		t.Errorf("after three deferrals: attempts %d failures %d, want 1 and 0", j.Attempts, j.Failures)
	}
	stale := *j
	if err := q.Ack(t.Context(), j); err != nil {
		t.Fatal(err)
	}
	if err := q.Defer(t.Context(), &stale, 0, "x"); !errors.Is(err, queue.ErrLeaseLost) {
		t.Errorf("Defer of a settled job = %v, want ErrLeaseLost", err)
	}
}

func testDepth(t *testing.T, q queue.Queue, c *Clock) {
	depth := func(name string) (int, int) {
		t.Helper()
		per, total, err := q.Depth(t.Context(), store.BindingKey{Platform: "desk", Name: name})
		if err != nil {
			t.Fatalf("Depth: %v", err)
		}
		return per, total
	}
	if per, total := depth("alpha"); per != 0 || total != 0 {
		t.Errorf("Depth of an empty queue = %d, %d", per, total)
	}
	for i := range 3 {
		enqueue(t, q, jobOf("alpha", i))
	}
	for i := range 2 {
		enqueue(t, q, jobOf("beta", 10+i))
	}
	// One of each ends: acked, dead; one is delayed and one leased, both
	// still to do.
	seen := map[string]int{}
	for range 4 {
		j := lease(t, q)
		seen[j.Binding.Name]++
		var err error
		switch seen[j.Binding.Name] {
		case 1:
			if j.Binding.Name == "alpha" {
				err = q.Ack(t.Context(), j)
			} else {
				err = q.Dead(t.Context(), j, "x")
			}
		case 2:
			err = q.Retry(t.Context(), j, time.Hour, "later")
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if per, total := depth("alpha"); per != 2 || total != 3 {
		t.Errorf("Depth(alpha) = %d, %d; want 2 of 3", per, total)
	}
	if per, _ := depth("beta"); per != 1 {
		t.Errorf("Depth(beta) = %d, want 1 (one dead)", per)
	}
	if per, _ := depth("nobody"); per != 0 {
		t.Errorf("Depth of a binding without jobs = %d", per)
	}
}
