package queue_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/internal/redistest"
)

// streamEntries reads the queue's stream: each entry's fields.
func streamEntries(t *testing.T, c *redis.Client, prefix string) []map[string]any {
	t.Helper()
	msgs, err := c.XRange(context.Background(), prefix+"q:stream", "-", "+").Result()
	if err != nil {
		t.Fatalf("XRANGE: %v", err)
	}
	var out []map[string]any
	for _, m := range msgs {
		out = append(out, m.Values)
	}
	return out
}

// A job's body (its payload above all) is stored once, in its hash: the
// stream entries that queue it name the job and nothing else, on enqueue
// and when a retry or a replay queues it again.
func TestRedisQueue_storesAJobsBodyOnce(t *testing.T) {
	c := newRedisTestClock()
	prefix := redistest.Prefix(t)
	q := openRedisQueue(t, redistest.Addr(t), prefix, withRedisTestClock(c))
	ctx := context.Background()
	mustEnqueueRedis(t, q, redisTestJob(1))
	onlyID := func(when string) {
		t.Helper()
		es := streamEntries(t, q.Client(), prefix)
		if len(es) != 1 || len(es[0]) != 1 || es[0]["id"] == nil {
			t.Errorf("stream entries %s = %v, want one naming the job only", when, es)
		}
	}
	onlyID("after Enqueue")
	j := mustLeaseRedis(t, q, "w1", time.Minute)
	if string(j.Payload) != `{"n":1}` || j.Type != "ticket.created" || j.TicketID != "1" {
		t.Fatalf("leased job = %+v, want its body", j)
	}
	if err := q.Retry(ctx, j, 0, "timeout"); err != nil {
		t.Fatal(err)
	}
	onlyID("after Retry")
	j = mustLeaseRedis(t, q, "w1", time.Minute)
	if err := q.Dead(ctx, j, "permanent"); err != nil {
		t.Fatal(err)
	}
	if err := q.Replay(ctx, j.ID); err != nil {
		t.Fatal(err)
	}
	onlyID("after Replay")
	if j := mustLeaseRedis(t, q, "w1", time.Minute); string(j.Payload) != `{"n":1}` {
		t.Errorf("replayed job's payload = %q", j.Payload)
	}
}

// Jobs and keys written by the previous release (the job's body in its
// stream entry as well as in its hash, with empty last_error and receipt
// fields) are deduplicated, leased, retried, dead-lettered, replayed, acked,
// listed and counted by this one: the upgrade needs no migration.
func TestRedisQueue_worksOnJobsOfThePreviousRelease(t *testing.T) {
	c := newRedisTestClock()
	prefix := redistest.Prefix(t)
	q := openRedisQueue(t, redistest.Addr(t), prefix, withRedisTestClock(c))
	ctx := context.Background()
	rc := q.Client()
	qp := prefix + "q:"
	pad := func(t time.Time) string { return fmt.Sprintf("%020d", t.UnixNano()) }
	binding := store.BindingKey{Platform: "zendesk", Name: "acme"}
	now := c.Now()
	for i := 1; i <= 2; i++ {
		id, payload := fmt.Sprint("old-", i), fmt.Sprintf(`{"old":%d}`, i)
		seq := rc.Incr(ctx, qp+"seq").Val()
		e, err := rc.XAdd(ctx, &redis.XAddArgs{Stream: qp + "stream", Values: []any{"id", id, "binding", binding.String(),
			"type", "ticket.created", "ticket", fmt.Sprint(i), "payload", payload}}).Result()
		if err != nil {
			t.Fatal(err)
		}
		dedup := fmt.Sprint("zendesk/acme/evt-old-", i)
		err = rc.HSet(ctx, qp+"job:"+id, "id", id, "binding", binding.String(), "dedup", dedup,
			"type", "ticket.created", "ticket", fmt.Sprint(i), "payload", payload, "attempts", 0,
			"enqueued_at", pad(now), "next_at", pad(now), "last_error", "", "receipt", "", "seq", seq,
			"state", "ready", "entry", e).Err()
		if err != nil {
			t.Fatal(err)
		}
		rc.ZAdd(ctx, qp+"ready", redis.Z{Score: float64(seq), Member: id})
		rc.HIncrBy(ctx, qp+"depth", binding.String(), 1)
		rc.Set(ctx, qp+"dedup:"+dedup, pad(now.Add(queue.DefaultDedupTTL)), queue.DefaultDedupTTL)
		rc.Set(ctx, qp+"replay:sig-old-"+fmt.Sprint(i), pad(now.Add(queue.DefaultReplayTTL)), queue.DefaultReplayTTL)
	}

	if ok, err := q.Enqueue(ctx, queue.Job{Binding: binding, DedupKey: "zendesk/acme/evt-old-1"}); err != nil || ok {
		t.Errorf("Enqueue of an old job's dedup key = %v, %v; want a duplicate", ok, err)
	}
	if ok, err := q.Enqueue(ctx, queue.Job{Binding: binding, DedupKey: "new", ReplayKey: "sig-old-2"}); err != nil || ok {
		t.Errorf("Enqueue of an old job's replay key = %v, %v; want a duplicate", ok, err)
	}
	ready, err := q.List(ctx, queue.ListFilter{State: queue.StateReady})
	if err != nil || len(ready) != 2 || ready[0].ID != "old-1" || string(ready[1].Payload) != `{"old":2}` {
		t.Fatalf("List(ready) = %+v, %v; want both old jobs with their bodies", ready, err)
	}
	if per, total, err := q.Depth(ctx, binding); err != nil || per != 2 || total != 2 {
		t.Errorf("Depth = %d, %d, %v; want 2, 2", per, total, err)
	}

	first := mustLeaseRedis(t, q, "w1", time.Minute)
	if first.ID != "old-1" || string(first.Payload) != `{"old":1}` || first.Attempts != 1 || first.Receipt == "" {
		t.Fatalf("first lease = %+v, want old-1 with its body", first)
	}
	if err := q.Ack(ctx, first); err != nil {
		t.Fatalf("Ack of an old job: %v", err)
	}
	second := mustLeaseRedis(t, q, "w1", time.Minute)
	if err := q.Retry(ctx, second, 0, "timeout"); err != nil {
		t.Fatalf("Retry of an old job: %v", err)
	}
	second = mustLeaseRedis(t, q, "w1", time.Minute)
	if second.ID != "old-2" || string(second.Payload) != `{"old":2}` || second.Attempts != 2 || second.Failures != 1 {
		t.Fatalf("old job leased after its retry = %+v", second)
	}
	if err := q.Dead(ctx, second, "permanent"); err != nil {
		t.Fatal(err)
	}
	if err := q.Replay(ctx, "old-2"); err != nil {
		t.Fatal(err)
	}
	c.Advance(time.Hour) // the lease is not in the way: the replayed job is leased fresh
	second = mustLeaseRedis(t, q, "w2", time.Minute)
	if second.ID != "old-2" || string(second.Payload) != `{"old":2}` || second.Attempts != 1 {
		t.Fatalf("replayed old job = %+v", second)
	}
	if err := q.Ack(ctx, second); err != nil {
		t.Fatal(err)
	}
	done, err := q.List(ctx, queue.ListFilter{State: queue.StateDone})
	if err != nil || len(done) != 2 || done[0].ID != "old-1" || done[1].ID != "old-2" {
		t.Errorf("List(done) = %+v, %v; want both old jobs", done, err)
	}
	if st, err := q.Stats(ctx); err != nil || st != (queue.Stats{}) {
		t.Errorf("Stats = %+v, %v; want nothing left", st, err)
	}
	if per, total, err := q.Depth(ctx, binding); err != nil || per != 0 || total != 0 {
		t.Errorf("Depth = %d, %d, %v; want 0, 0", per, total, err)
	}
	if es := streamEntries(t, rc, prefix); len(es) != 0 {
		t.Errorf("stream entries left: %v", es)
	}
}
