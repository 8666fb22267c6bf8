package queue_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/queue/queuetest"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/internal/redistest"
)

// redisTestClock is a settable queue clock, so visibility timeouts and delays pass
// without sleeping.
type redisTestClock struct {
	mu  sync.Mutex
	now time.Time
}

func newRedisTestClock() *redisTestClock {
	return &redisTestClock{now: time.Date(2026, 3, 4, 5, 6, 7, 123456789, time.UTC)}
}

func (c *redisTestClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *redisTestClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

func openRedisQueue(t testing.TB, url, prefix string, mod func(*queue.RedisQueueOptions)) *queue.Redis {
	t.Helper()
	opts := queue.RedisQueueOptions{URL: url, KeyPrefix: prefix}
	if mod != nil {
		mod(&opts)
	}
	q, err := queue.NewRedis(context.Background(), opts)
	if err != nil {
		t.Fatalf("NewRedis: %v", err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func withRedisTestClock(c *redisTestClock) func(*queue.RedisQueueOptions) {
	return func(o *queue.RedisQueueOptions) { o.Now = c.Now }
}

func redisTestJob(n int) queue.Job {
	return queue.Job{Binding: store.BindingKey{Platform: "zendesk", Name: "acme"}, Type: "ticket.created", TicketID: fmt.Sprint(n),
		DedupKey: fmt.Sprintf("evt-%d", n), Payload: []byte(fmt.Sprintf(`{"n":%d}`, n))}
}

func mustEnqueueRedis(t testing.TB, q queue.Queue, j queue.Job) {
	t.Helper()
	ok, err := q.Enqueue(context.Background(), j)
	if err != nil || !ok {
		t.Fatalf("Enqueue(%s) = %v, %v; want true", j.TicketID, ok, err)
	}
}

func mustLeaseRedis(t testing.TB, q queue.Queue, consumer string, vis time.Duration) *queue.Job {
	t.Helper()
	j, err := q.Lease(context.Background(), consumer, vis)
	if err != nil {
		t.Fatalf("Lease: %v", err)
	}
	if j == nil {
		t.Fatal("Lease = nil, want a job")
	}
	return j
}

func mustBeEmptyRedis(t testing.TB, q queue.Queue, consumer string) {
	t.Helper()
	j, err := q.Lease(context.Background(), consumer, time.Minute)
	if err != nil || j != nil {
		t.Fatalf("Lease = %+v, %v; want nothing leasable", j, err)
	}
}

func TestRedis_passesTheQueueConformanceSuite(t *testing.T) {
	url := redistest.Addr(t)
	queuetest.Run(t, func(t *testing.T, now func() time.Time) queue.Queue {
		return openRedisQueue(t, url, redistest.Prefix(t), func(o *queue.RedisQueueOptions) { o.Now = now })
	})
}

func TestRedisQueue_leasesInOrderAndAcks(t *testing.T) {
	c := newRedisTestClock()
	q := openRedisQueue(t, redistest.Addr(t), redistest.Prefix(t), withRedisTestClock(c))
	ctx := context.Background()
	for i := 1; i <= 3; i++ {
		mustEnqueueRedis(t, q, redisTestJob(i))
	}
	for i := 1; i <= 3; i++ {
		j := mustLeaseRedis(t, q, "w1", time.Minute)
		if j.TicketID != fmt.Sprint(i) || j.Attempts != 1 || j.State != queue.StateLeased || j.Receipt == "" ||
			string(j.Payload) != fmt.Sprintf(`{"n":%d}`, i) || !j.NextAt.Equal(c.Now().Add(time.Minute)) ||
			!j.EnqueuedAt.Equal(c.Now()) {
			t.Fatalf("lease %d = %+v", i, j)
		}
		if err := q.Ack(ctx, j); err != nil {
			t.Fatalf("Ack: %v", err)
		}
		got, err := q.Get(ctx, j.ID)
		if err != nil || got.State != queue.StateDone {
			t.Fatalf("Get after Ack = %s, %v; want done", got.State, err)
		}
		if err := q.Ack(ctx, j); !errors.Is(err, queue.ErrLeaseLost) {
			t.Errorf("second Ack = %v, want ErrLeaseLost", err)
		}
	}
	mustBeEmptyRedis(t, q, "w1")
	st, err := q.StreamStats(ctx)
	if err != nil || st.StreamLength != 0 || st.Pending != 0 {
		t.Errorf("StreamStats after acking everything = %+v, %v; want an empty stream and pending list", st, err)
	}
}

func TestRedisQueue_dedupKeySuppressesUntilItsTTL(t *testing.T) {
	c := newRedisTestClock()
	prefix := redistest.Prefix(t)
	q := openRedisQueue(t, redistest.Addr(t), prefix, func(o *queue.RedisQueueOptions) {
		o.Now = c.Now
		o.DedupTTL = time.Hour
	})
	ctx := context.Background()
	mustEnqueueRedis(t, q, redisTestJob(1))
	ok, err := q.Enqueue(ctx, redisTestJob(1))
	if err != nil || ok {
		t.Fatalf("duplicate Enqueue = %v, %v; want false", ok, err)
	}
	if st, _ := q.Stats(ctx); st.Ready != 1 {
		t.Errorf("Stats.Ready after a duplicate = %d, want 1 (nothing stored)", st.Ready)
	}
	// Redis collects the key after the TTL too (real time).
	ttl := q.Client().PTTL(ctx, prefix+"q:dedup:evt-1").Val()
	if ttl <= 59*time.Minute || ttl > time.Hour {
		t.Errorf("dedup key TTL = %v, want about 1h", ttl)
	}
	c.Advance(time.Hour)
	ok, err = q.Enqueue(ctx, redisTestJob(1))
	if err != nil || !ok {
		t.Fatalf("Enqueue after the dedup TTL = %v, %v; want true", ok, err)
	}
	// No dedup key: never de-duplicated.
	for range 2 {
		j := redisTestJob(2)
		j.DedupKey = ""
		mustEnqueueRedis(t, q, j)
	}
}

func TestRedisQueue_replayKeyLivesForTheReplayTTLOnEveryReplica(t *testing.T) {
	c := newRedisTestClock()
	url, prefix := redistest.Addr(t), redistest.Prefix(t)
	a := openRedisQueue(t, url, prefix, withRedisTestClock(c))
	b := openRedisQueue(t, url, prefix, withRedisTestClock(c))
	ctx := context.Background()
	first := redisTestJob(1)
	first.ReplayKey = "sig-a"
	mustEnqueueRedis(t, a, first)
	replay := redisTestJob(2)
	replay.ReplayKey = "sig-a"
	if ok, err := b.Enqueue(ctx, replay); err != nil || ok {
		t.Fatalf("replay on the other replica = %v, %v; want false", ok, err)
	}
	// Redis collects the key after the replay TTL (real time), the dedup
	// key after the dedup TTL.
	if ttl := a.Client().PTTL(ctx, prefix+"q:replay:sig-a").Val(); ttl <= queue.DefaultReplayTTL-time.Minute || ttl > queue.DefaultReplayTTL {
		t.Errorf("replay key TTL = %v, want about %v", ttl, queue.DefaultReplayTTL)
	}
	if ttl := a.Client().PTTL(ctx, prefix+"q:dedup:evt-1").Val(); ttl <= queue.DefaultReplayTTL {
		t.Errorf("dedup key TTL = %v, want the dedup TTL (days)", ttl)
	}
	if n := a.Client().Exists(ctx, prefix+"q:dedup:evt-2").Val(); n != 0 {
		t.Errorf("the refused replay recorded its dedup key")
	}
	c.Advance(queue.DefaultReplayTTL)
	mustEnqueueRedis(t, b, replay)
}

func TestRedisQueue_expiredLeaseGoesToAnotherConsumer(t *testing.T) {
	c := newRedisTestClock()
	url, prefix := redistest.Addr(t), redistest.Prefix(t)
	// Two replicas sharing the queue; the first one's worker vanishes.
	a := openRedisQueue(t, url, prefix, withRedisTestClock(c))
	b := openRedisQueue(t, url, prefix, withRedisTestClock(c))
	ctx := context.Background()
	mustEnqueueRedis(t, a, redisTestJob(1))
	held := mustLeaseRedis(t, a, "replica-a/worker-1", 30*time.Second)
	mustBeEmptyRedis(t, b, "replica-b/worker-1")

	c.Advance(30 * time.Second)
	again := mustLeaseRedis(t, b, "replica-b/worker-1", 30*time.Second)
	if again.ID != held.ID || again.Attempts != 2 || again.Receipt == held.Receipt {
		t.Fatalf("re-lease = %+v, want job %s with 2 attempts and a new receipt", again, held.ID)
	}
	// The pending entry now belongs to b's consumer (XCLAIM).
	pend, err := b.Client().XPendingExt(ctx, &redis.XPendingExtArgs{Stream: prefix + "q:stream", Group: "deskgate",
		Start: "-", End: "+", Count: 10}).Result()
	if err != nil || len(pend) != 1 || pend[0].Consumer != "replica-b/worker-1" || pend[0].RetryCount != 2 {
		t.Errorf("pending entries = %+v, %v; want one owned by replica-b/worker-1 delivered twice", pend, err)
	}
	for _, op := range []func() error{
		func() error { return a.Ack(ctx, held) },
		func() error { return a.Extend(ctx, held, time.Minute) },
		func() error { return a.Retry(ctx, held, 0, "x") },
		func() error { return a.Dead(ctx, held, "x") },
	} {
		if err := op(); !errors.Is(err, queue.ErrLeaseLost) {
			t.Errorf("stale holder's settle = %v, want ErrLeaseLost", err)
		}
	}
	if err := b.Ack(ctx, again); err != nil {
		t.Errorf("new holder's Ack: %v", err)
	}
}

func TestRedisQueue_extendKeepsTheLease(t *testing.T) {
	c := newRedisTestClock()
	q := openRedisQueue(t, redistest.Addr(t), redistest.Prefix(t), withRedisTestClock(c))
	ctx := context.Background()
	mustEnqueueRedis(t, q, redisTestJob(1))
	j := mustLeaseRedis(t, q, "w1", 10*time.Second)
	c.Advance(9 * time.Second)
	if err := q.Extend(ctx, j, 10*time.Second); err != nil {
		t.Fatalf("Extend: %v", err)
	}
	c.Advance(9 * time.Second)
	mustBeEmptyRedis(t, q, "w2")
	if err := q.Ack(ctx, j); err != nil {
		t.Fatalf("Ack after Extend: %v", err)
	}
}

func TestRedisQueue_retryWaitsForItsDelay(t *testing.T) {
	c := newRedisTestClock()
	q := openRedisQueue(t, redistest.Addr(t), redistest.Prefix(t), withRedisTestClock(c))
	ctx := context.Background()
	mustEnqueueRedis(t, q, redisTestJob(1))
	j := mustLeaseRedis(t, q, "w1", time.Minute)
	if err := q.Retry(ctx, j, 10*time.Second, "429 retry after 10s"); err != nil {
		t.Fatalf("Retry: %v", err)
	}
	st, err := q.Stats(ctx)
	if err != nil || st != (queue.Stats{Delayed: 1}) {
		t.Errorf("Stats after Retry = %+v, %v; want 1 delayed", st, err)
	}
	c.Advance(10*time.Second - time.Nanosecond)
	mustBeEmptyRedis(t, q, "w1")
	c.Advance(time.Nanosecond)
	again := mustLeaseRedis(t, q, "w1", time.Minute)
	if again.ID != j.ID || again.Attempts != 2 || again.LastError != "429 retry after 10s" {
		t.Fatalf("after the delay = %+v", again)
	}
	// Retry without delay: leasable at once.
	if err := q.Retry(ctx, again, 0, "again"); err != nil {
		t.Fatal(err)
	}
	if third := mustLeaseRedis(t, q, "w1", time.Minute); third.Attempts != 3 {
		t.Errorf("attempts after two retries = %d, want 3", third.Attempts)
	}
}

func TestRedisQueue_deadAndReplay(t *testing.T) {
	c := newRedisTestClock()
	q := openRedisQueue(t, redistest.Addr(t), redistest.Prefix(t), withRedisTestClock(c))
	ctx := context.Background()
	mustEnqueueRedis(t, q, redisTestJob(1))
	mustEnqueueRedis(t, q, redisTestJob(2))
	j := mustLeaseRedis(t, q, "w1", time.Minute)
	if err := q.Dead(ctx, j, "permanent: 404"); err != nil {
		t.Fatalf("Dead: %v", err)
	}
	dead, err := q.List(ctx, queue.ListFilter{State: queue.StateDead})
	if err != nil || len(dead) != 1 || dead[0].ID != j.ID || dead[0].LastError != "permanent: 404" {
		t.Fatalf("List(dead) = %+v, %v", dead, err)
	}
	all, err := q.List(ctx, queue.ListFilter{})
	if err != nil || len(all) != 2 || all[0].ID != j.ID {
		t.Fatalf("List(all) = %+v, %v; want both jobs, oldest first", all, err)
	}
	if st, _ := q.StreamStats(ctx); st.DeadLetterLength != 1 {
		t.Errorf("dead-letter stream length = %d, want 1", st.DeadLetterLength)
	}
	if st, _ := q.Stats(ctx); st != (queue.Stats{Ready: 1, Dead: 1}) {
		t.Errorf("Stats = %+v, want 1 ready 1 dead", st)
	}
	other := mustLeaseRedis(t, q, "w1", time.Minute)
	if err := q.Replay(ctx, other.ID); !errors.Is(err, queue.ErrNotDead) {
		t.Errorf("Replay(leased) = %v, want ErrNotDead", err)
	}
	if err := q.Replay(ctx, "nope"); !errors.Is(err, queue.ErrNotFound) {
		t.Errorf("Replay(unknown) = %v, want ErrNotFound", err)
	}
	if err := q.Replay(ctx, j.ID); err != nil {
		t.Fatalf("Replay: %v", err)
	}
	back := mustLeaseRedis(t, q, "w1", time.Minute)
	if back.ID != j.ID || back.Attempts != 1 || back.LastError != "permanent: 404" {
		t.Errorf("replayed job = %+v, want attempts reset to 1 and the last error kept", back)
	}
	if st, _ := q.StreamStats(ctx); st.DeadLetterLength != 0 {
		t.Errorf("dead-letter stream length after replay = %d, want 0", st.DeadLetterLength)
	}
}

func TestRedisQueue_pruneDropsDoneJobsAfterRetention(t *testing.T) {
	c := newRedisTestClock()
	q := openRedisQueue(t, redistest.Addr(t), redistest.Prefix(t), func(o *queue.RedisQueueOptions) {
		o.Now = c.Now
		o.DoneRetention = time.Hour
	})
	ctx := context.Background()
	mustEnqueueRedis(t, q, redisTestJob(1))
	j := mustLeaseRedis(t, q, "w1", time.Minute)
	if err := q.Ack(ctx, j); err != nil {
		t.Fatal(err)
	}
	if n, _, err := q.Prune(ctx); err != nil || n != 0 {
		t.Fatalf("Prune before retention = %d, %v; want 0", n, err)
	}
	c.Advance(time.Hour + time.Millisecond)
	if n, _, err := q.Prune(ctx); err != nil || n != 1 {
		t.Fatalf("Prune after retention = %d, %v; want 1", n, err)
	}
	if _, err := q.Get(ctx, j.ID); !errors.Is(err, queue.ErrNotFound) {
		t.Errorf("Get of a pruned job = %v, want ErrNotFound", err)
	}
}

func TestRedisQueue_concurrentConsumersLeaseEachJobOnce(t *testing.T) {
	url, prefix := redistest.Addr(t), redistest.Prefix(t)
	replicas := []*queue.Redis{openRedisQueue(t, url, prefix, nil), openRedisQueue(t, url, prefix, nil)}
	const jobs = 200
	for i := range jobs {
		mustEnqueueRedis(t, replicas[i%2], redisTestJob(i))
	}
	queuetest.DrainEachOnce(t, []queue.Queue{replicas[0], replicas[1]}, 8, jobs)
}

func TestRedisQueue_recoversWhenRedisLosesTheGroup(t *testing.T) {
	url, _, _ := redistest.StartServer(t)
	var (
		mu      sync.Mutex
		reasons []string
	)
	q := openRedisQueue(t, url, "", func(o *queue.RedisQueueOptions) {
		o.OnRecover = func(reason string) {
			mu.Lock()
			reasons = append(reasons, reason)
			mu.Unlock()
		}
	})
	ctx := context.Background()
	mustEnqueueRedis(t, q, redisTestJob(1))
	if err := q.Client().FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	// The stream and group are gone: Lease must recover, not fail forever.
	j, err := q.Lease(ctx, "w1", time.Minute)
	if err != nil || j != nil {
		t.Fatalf("Lease after FLUSHALL = %+v, %v; want nothing and no error", j, err)
	}
	if q.Recoveries() != 1 || len(reasons) != 1 {
		t.Errorf("recoveries = %d, hook calls = %d; want 1 each", q.Recoveries(), len(reasons))
	}
	mustEnqueueRedis(t, q, redisTestJob(2))
	if got := mustLeaseRedis(t, q, "w1", time.Minute); got.TicketID != "2" {
		t.Errorf("after recovery leased ticket %s, want 2", got.TicketID)
	}
	// Enqueue after a flush, then Lease: the group is created at "0", so the
	// entry enqueued before the group existed is still delivered.
	if err := q.Client().FlushAll(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	mustEnqueueRedis(t, q, redisTestJob(3))
	if got := mustLeaseRedis(t, q, "w1", time.Minute); got.TicketID != "3" {
		t.Errorf("job enqueued while the group was missing: leased ticket %s, want 3", got.TicketID)
	}
	if q.Recoveries() != 2 {
		t.Errorf("recoveries = %d, want 2", q.Recoveries())
	}
}

func TestRedisQueue_orphanSweepClaimsEntriesReadOutsideTheQueue(t *testing.T) {
	url, prefix := redistest.Addr(t), redistest.Prefix(t)
	q := openRedisQueue(t, url, prefix, func(o *queue.RedisQueueOptions) { o.OrphanIdle = 50 * time.Millisecond })
	ctx := context.Background()
	mustEnqueueRedis(t, q, redisTestJob(1))
	// A consumer reads the entry with XREADGROUP and vanishes without the
	// queue ever recording a lease: only Redis's pending list knows.
	res, err := q.Client().XReadGroup(ctx, &redis.XReadGroupArgs{Group: "deskgate", Consumer: "ghost",
		Streams: []string{prefix + "q:stream", ">"}, Count: 1, Block: -1}).Result()
	if err != nil || len(res) != 1 || len(res[0].Messages) != 1 {
		t.Fatalf("ghost XREADGROUP = %v, %v", res, err)
	}
	// Redis's idle clock decides (XAUTOCLAIM min-idle): poll with a deadline.
	deadline := time.Now().Add(5 * time.Second)
	var got *queue.Job
	for got == nil && time.Now().Before(deadline) {
		if got, err = q.Lease(ctx, "w1", time.Minute); err != nil {
			t.Fatal(err)
		}
		if got == nil {
			<-time.After(10 * time.Millisecond)
		}
	}
	if got == nil || got.TicketID != "1" || got.Attempts != 1 {
		t.Fatalf("orphan sweep leased %+v, want ticket 1 on its first recorded attempt", got)
	}
	if err := q.Ack(ctx, got); err != nil {
		t.Fatalf("Ack of the swept job: %v", err)
	}
}

func TestRedisQueue_survivesARedisCrashWithoutLosingAcknowledgedJobs(t *testing.T) {
	url, stop, restart := redistest.StartServer(t)
	q := openRedisQueue(t, url, "", nil)
	ctx := context.Background()
	want := map[string]bool{}
	for i := range 50 {
		j := redisTestJob(i)
		mustEnqueueRedis(t, q, j)
		want[j.TicketID] = true
	}
	stop() // SIGKILL: AOF with appendfsync always must have everything

	start := time.Now()
	ok, err := q.Enqueue(ctx, redisTestJob(1000))
	if err == nil || ok {
		t.Fatalf("Enqueue while Redis is down = %v, %v; want an error", ok, err)
	}
	d := time.Since(start)
	t.Logf("Enqueue failed after %v with Redis down: %v", d, err)
	if d > 10*time.Second {
		t.Errorf("Enqueue took %v to fail; the ingress needs a prompt 503", d)
	}
	if err := q.Ping(ctx); err == nil {
		t.Error("Ping while Redis is down succeeded")
	}

	restart()
	mustEnqueueRedis(t, q, redisTestJob(1000))
	want["1000"] = true
	for range len(want) {
		j := mustLeaseRedis(t, q, "w1", time.Minute)
		if !want[j.TicketID] {
			t.Fatalf("leased unexpected or repeated ticket %s", j.TicketID)
		}
		delete(want, j.TicketID)
		if err := q.Ack(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	if len(want) != 0 {
		t.Errorf("jobs lost across the crash: %v", want)
	}
	mustBeEmptyRedis(t, q, "w1")
}

func BenchmarkRedisEnqueue(b *testing.B) {
	url := redistest.Addr(b)
	b.Run("serial", func(b *testing.B) {
		q := openRedisQueue(b, url, redistest.Prefix(b), nil)
		ctx := context.Background()
		for i := 0; b.Loop(); i++ {
			if _, err := q.Enqueue(ctx, redisTestJob(i)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parallel", func(b *testing.B) {
		q := openRedisQueue(b, url, redistest.Prefix(b), nil)
		ctx := context.Background()
		var mu sync.Mutex
		n := 0
		// Enqueue waits on the network, not the CPU: 8 callers per core
		// is closer to an ingress under load than GOMAXPROCS callers.
		b.SetParallelism(8)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				mu.Lock()
				n++
				i := n
				mu.Unlock()
				if _, err := q.Enqueue(ctx, redisTestJob(i)); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}

// BenchmarkRedisEnqueueDeliveries enqueues as the ingress does under load
// (32 concurrent callers of deliveryJob jobs, with the bench's small event
// and with a ticket-sized one) and reports the CPU per job of this process
// and of the Redis server (INFO cpu; its other clients count too, so run it
// on a quiet Redis of its own).
func BenchmarkRedisEnqueueDeliveries(b *testing.B) {
	url := redistest.Addr(b)
	opts, err := redis.ParseURL(url)
	if err != nil {
		b.Fatal(err)
	}
	info := redis.NewClient(opts)
	defer info.Close()
	for _, c := range []struct {
		name    string
		payload []byte
	}{{"event=small", deliveryPayload}, {"event=ticket", ticketPayload}} {
		b.Run(c.name, func(b *testing.B) {
			q := openRedisQueue(b, url, redistest.Prefix(b), nil)
			cpu, rcpu := cpuTime(b), redisCPU(b, info)
			enqueueDeliveries(b, withPayload{q, c.payload})
			perJob := func(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) / float64(b.N) }
			b.ReportMetric(perJob(cpuTime(b)-cpu), "cpu-µs/job")
			b.ReportMetric(perJob(redisCPU(b, info)-rcpu), "redis-cpu-µs/job")
		})
	}
}

// withPayload is a queue that enqueues every job with payload p.
type withPayload struct {
	queue.Queue
	p []byte
}

func (w withPayload) Enqueue(ctx context.Context, j queue.Job) (bool, error) {
	j.Payload = w.p
	return w.Queue.Enqueue(ctx, j)
}

// ticketPayload is a job's event as the ingress encodes a desk's ticket
// event with a few paragraphs of description: 1.5 KiB.
var ticketPayload = func() []byte {
	desc := strings.Repeat("Since this morning our customers cannot complete the checkout: the payment page spins and then shows an error. ", 11)
	return []byte(`{"event":{"DedupKey":"01HZX3J5Q8M7Y2K4T6V9W0B1C3","Type":"ticket.created","TicketID":"123456",` +
		`"Ticket":{"ID":"123456","Subject":"Checkout fails for all customers","Description":` + strconv.Quote(desc) +
		`,"RequesterName":"Dana Example","RequesterEmail":"dana@example.com","Priority":"urgent","Status":"new",` +
		`"Tags":["checkout","payments"]},"OccurredAt":"2026-11-27T10:00:00Z"}}`)
}()

// redisCPU is the CPU the Redis server has used, user and system.
func redisCPU(b *testing.B, c *redis.Client) time.Duration {
	s, err := c.Info(context.Background(), "cpu").Result()
	if err != nil {
		b.Fatal(err)
	}
	var total float64
	for _, line := range strings.Split(s, "\n") {
		for _, f := range []string{"used_cpu_sys:", "used_cpu_user:"} {
			if v, ok := strings.CutPrefix(strings.TrimSpace(line), f); ok {
				secs, err := strconv.ParseFloat(v, 64)
				if err != nil {
					b.Fatalf("INFO cpu %s: %v", line, err)
				}
				total += secs
			}
		}
	}
	return time.Duration(total * float64(time.Second))
}

// BenchmarkRedisLeaseAck leases and acks jobs one at a time, as one worker
// does: Lease then Ack, or SettleNext (the ack and the next lease in one
// round trip). It reports the Redis server's CPU per job (INFO cpu; run it
// on a quiet Redis of its own) and this process's.
func BenchmarkRedisLeaseAck(b *testing.B) {
	for _, chained := range []bool{false, true} {
		name := "separate"
		if chained {
			name = "settleNext"
		}
		b.Run(name, func(b *testing.B) {
			url := redistest.Addr(b)
			q := openRedisQueue(b, url, redistest.Prefix(b), nil)
			opts, err := redis.ParseURL(url)
			if err != nil {
				b.Fatal(err)
			}
			info := redis.NewClient(opts)
			defer info.Close()
			ctx := context.Background()
			for i := range b.N {
				if _, err := q.Enqueue(ctx, redisTestJob(i)); err != nil {
					b.Fatal(err)
				}
			}
			rcpu, own := redisCPU(b, info), cpuTime(b)
			b.ResetTimer()
			var j *queue.Job
			for i := range b.N {
				if j == nil {
					if j, err = q.Lease(ctx, "bench", time.Minute); err != nil || j == nil {
						b.Fatalf("Lease = %v, %v", j, err)
					}
				}
				if !chained || i == b.N-1 {
					if err := q.Ack(ctx, j); err != nil {
						b.Fatal(err)
					}
					j = nil
					continue
				}
				if j, _, err = q.SettleNext(ctx, j, queue.Settlement{Kind: queue.SettleAck}, queue.NextLease{Consumer: "bench", Visibility: time.Minute}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(redisCPU(b, info)-rcpu)/float64(time.Microsecond)/float64(b.N), "redis-cpu-µs/job")
			b.ReportMetric(float64(cpuTime(b)-own)/float64(time.Microsecond)/float64(b.N), "cpu-µs/job")
		})
	}
}

func TestRedisQueue_readySignalsEnqueueRetryAndReplay(t *testing.T) {
	c := newRedisTestClock()
	q := openRedisQueue(t, redistest.Addr(t), redistest.Prefix(t), withRedisTestClock(c))
	ctx := context.Background()
	signalled := func() bool {
		select {
		case <-q.Ready():
			return true
		default:
			return false
		}
	}
	mustEnqueueRedis(t, q, redisTestJob(1))
	if !signalled() {
		t.Error("no ready signal after Enqueue")
	}
	j := mustLeaseRedis(t, q, "w1", time.Minute)
	if err := q.Retry(ctx, j, time.Minute, "later"); err != nil {
		t.Fatal(err)
	}
	if signalled() {
		t.Error("ready signal after a delayed Retry")
	}
	c.Advance(time.Minute)
	j = mustLeaseRedis(t, q, "w1", time.Minute)
	if err := q.Retry(ctx, j, 0, "now"); err != nil {
		t.Fatal(err)
	}
	if !signalled() {
		t.Error("no ready signal after an immediate Retry")
	}
	j = mustLeaseRedis(t, q, "w1", time.Minute)
	if err := q.Dead(ctx, j, "gave up"); err != nil {
		t.Fatal(err)
	}
	if err := q.Replay(ctx, j.ID); err != nil {
		t.Fatal(err)
	}
	if !signalled() {
		t.Error("no ready signal after Replay")
	}
}

func TestRedisQueue_deploymentsWithOtherPrefixesDoNotShareJobs(t *testing.T) {
	url := redistest.Addr(t)
	a := openRedisQueue(t, url, redistest.Prefix(t), nil)
	b := openRedisQueue(t, url, redistest.Prefix(t), nil)
	mustEnqueueRedis(t, a, redisTestJob(1))
	// The same dedup key in another deployment is not a duplicate.
	mustEnqueueRedis(t, b, redisTestJob(1))
	j := mustLeaseRedis(t, a, "w1", time.Minute)
	if err := a.Ack(context.Background(), j); err != nil {
		t.Fatal(err)
	}
	mustBeEmptyRedis(t, a, "w1")
	if st, err := b.Stats(context.Background()); err != nil || st.Ready != 1 {
		t.Errorf("other deployment's Stats = %+v, %v; want its own job still ready", st, err)
	}
}
