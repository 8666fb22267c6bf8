package queue

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/internal/redistest"
)

// scriptCounter counts the scripts a client runs, pipelined or not.
type scriptCounter struct{ n atomic.Int64 }

func (c *scriptCounter) count(cmd redis.Cmder) {
	if name := cmd.Name(); name == "evalsha" || name == "eval" {
		c.n.Add(1)
	}
}

func (c *scriptCounter) DialHook(next redis.DialHook) redis.DialHook { return next }

func (c *scriptCounter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		c.count(cmd)
		return next(ctx, cmd)
	}
}

func (c *scriptCounter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		for _, cmd := range cmds {
			c.count(cmd)
		}
		return next(ctx, cmds)
	}
}

// A batch of Enqueues is one script call, and each job in it is decided as
// if alone and in order: a later job sees the dedup and replay keys of the
// earlier ones, and a caller-chosen id the batch already used is refused.
func TestRedis_aBatchOfEnqueuesIsOneScriptCallDecidedJobByJob(t *testing.T) {
	q, err := NewRedis(t.Context(), RedisQueueOptions{URL: redistest.Addr(t), KeyPrefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := enqueueScript.Load(t.Context(), q.c).Err(); err != nil {
		t.Fatal(err)
	}
	key := store.BindingKey{Platform: "zendesk", Name: "acme"}
	jobs := []struct {
		j    Job
		want bool
	}{
		{Job{Binding: key, DedupKey: "evt-1", ReplayKey: "sig-1"}, true},
		{Job{Binding: key, DedupKey: "evt-1", ReplayKey: "sig-2"}, false}, // a desk's retry: records sig-2
		{Job{Binding: key, DedupKey: "evt-2", ReplayKey: "sig-2"}, false}, // a replay of that retry
		{Job{Binding: key, DedupKey: "evt-3", ReplayKey: "sig-1"}, false}, // a replay of the first
		{Job{Binding: key, DedupKey: "evt-3", ReplayKey: "sig-3"}, true},  // evt-3 was not taken by the replay
		{Job{Binding: key}, true},
		{Job{Binding: key, ID: "mine"}, true},
		{Job{Binding: key, ID: "mine", DedupKey: "evt-4"}, false}, // id taken: an error
	}
	var batch []*redisEnqueue
	for _, c := range jobs {
		batch = append(batch, q.newEnqueue(c.j))
	}
	var count scriptCounter
	q.c.AddHook(&count)
	q.sendEnqueues(t.Context(), batch)
	if n := count.n.Load(); n != 1 {
		t.Errorf("a batch of %d enqueues ran %d scripts, want 1", len(batch), n)
	}
	for i, r := range batch {
		<-r.done
		if r.stored != jobs[i].want {
			t.Errorf("job %d of the batch stored = %v (err %v), want %v", i, r.stored, r.err, jobs[i].want)
		}
		if wantErr := i == len(batch)-1; (r.err != nil) != wantErr {
			t.Errorf("job %d of the batch: err %v, want an error: %v", i, r.err, wantErr)
		}
	}
	if st, err := q.Stats(t.Context()); err != nil || st.Ready != 4 {
		t.Errorf("Stats = %+v, %v; want 4 ready", st, err)
	}
	// evt-4's job was refused before anything was recorded for it.
	if ok, err := q.Enqueue(t.Context(), Job{Binding: key, DedupKey: "evt-4"}); err != nil || !ok {
		t.Errorf("Enqueue of evt-4 after its id clash = %v, %v; want stored", ok, err)
	}
}

// A batch sent when Redis has lost its script cache (a restart, SCRIPT
// FLUSH) fails NOSCRIPT without running: it must run again and be
// answered, duplicates of the batch included.
func TestRedis_enqueuesSurviveALostScriptCache(t *testing.T) {
	q, err := NewRedis(t.Context(), RedisQueueOptions{URL: redistest.Addr(t), KeyPrefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := q.c.ScriptFlush(t.Context()).Err(); err != nil {
		t.Fatal(err)
	}
	var batch []*redisEnqueue
	for i := range 8 {
		batch = append(batch, q.newEnqueue(Job{Binding: store.BindingKey{Platform: "zendesk", Name: "acme"},
			DedupKey: fmt.Sprint("evt-", i%4), // the second four repeat the first
			Type:     "ticket.created", TicketID: "1", Payload: []byte(`{}`)}))
	}
	q.sendEnqueues(t.Context(), batch)
	for i, r := range batch {
		<-r.done
		if r.err != nil || r.stored != (i < 4) {
			t.Errorf("enqueue %d of the batch = %v, %v; want stored %v", i, r.stored, r.err, i < 4)
		}
	}
	if st, err := q.Stats(t.Context()); err != nil || st.Ready != 4 {
		t.Errorf("Stats = %+v, %v; want 4 ready", st, err)
	}
}

// The settle script refuses an operation it does not know before it
// writes anything: the lease stays whole and can still be acknowledged.
func TestRedis_anUnknownSettleOperationChangesNothing(t *testing.T) {
	q, err := NewRedis(t.Context(), RedisQueueOptions{URL: redistest.Addr(t), KeyPrefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if ok, err := q.Enqueue(t.Context(), Job{Binding: store.BindingKey{Platform: "zendesk", Name: "acme"}, DedupKey: "evt-1"}); err != nil || !ok {
		t.Fatalf("Enqueue = %v, %v", ok, err)
	}
	j, err := q.Lease(t.Context(), "w1", time.Minute)
	if err != nil || j == nil {
		t.Fatalf("Lease = %v, %v", j, err)
	}
	if err := q.settle(t.Context(), "bounce", j, "bounce"); err == nil {
		t.Fatal("settle with an unknown operation succeeded")
	}
	if err := q.Ack(t.Context(), j); err != nil {
		t.Errorf("Ack after the refused operation: %v", err)
	}
	if st, err := q.Stats(t.Context()); err != nil || st != (Stats{}) {
		t.Errorf("Stats = %+v, %v; want nothing left", st, err)
	}
}

// The batcher lets the goroutines that are ready to run hand over their
// Enqueues before it sends a batch: on one CPU the first Enqueue wakes it
// ahead of the others woken with it, which would otherwise each go in a
// batch of their own. (The scheduler takes the yielding goroutine back
// first once in 61 turns, so a round may come up short now and then.)
func TestRedis_aBatchTakesTheEnqueuesOfGoroutinesReadyToRun(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	q := &Redis{enq: newIntake[*redisEnqueue](maxEnqueueBatch)}
	full := 0
	for range 5 {
		for range 8 {
			go func() { q.enq.ch <- &redisEnqueue{} }() // runnable, not yet run
		}
		batch := q.fill([]*redisEnqueue{{}})
		if len(batch) == 9 {
			full++
		}
		for len(batch) < 9 { // what fill left behind
			batch = append(batch, <-q.enq.ch)
		}
	}
	if full < 3 {
		t.Errorf("the batch took the 8 ready goroutines' Enqueues in %d of 5 rounds, want nearly all", full)
	}
}

// SettleNext settles a job as its method would and leases the worker's
// next job in one round trip; a lost lease is refused as the method
// refuses it and the next job is leased all the same; after Redis lost its
// script cache both steps still run.
func TestRedis_settleNextSettlesAndLeasesInOneRoundTrip(t *testing.T) {
	q, err := NewRedis(t.Context(), RedisQueueOptions{URL: redistest.Addr(t), KeyPrefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	ctx := t.Context()
	key := store.BindingKey{Platform: "zendesk", Name: "acme"}
	for i := range 8 {
		if ok, err := q.Enqueue(ctx, Job{Binding: key, DedupKey: fmt.Sprint("evt-", i), Type: "ticket.created", TicketID: fmt.Sprint(i)}); err != nil || !ok {
			t.Fatalf("Enqueue = %v, %v", ok, err)
		}
	}
	next := NextLease{Consumer: "w", Visibility: time.Minute}
	j, err := q.Lease(ctx, "w", time.Minute)
	if err != nil || j == nil {
		t.Fatalf("Lease = %+v, %v", j, err)
	}
	if _, _, err := q.SettleNext(ctx, j, Settlement{Kind: SettleAck}, next); err != nil { // loads the scripts
		t.Fatal(err)
	}
	j, err = q.Lease(ctx, "w", time.Minute)
	if err != nil || j == nil {
		t.Fatalf("Lease = %+v, %v", j, err)
	}
	var trips redistest.TripCounter
	q.c.AddHook(&trips)
	n, looked, err := q.SettleNext(ctx, j, Settlement{Kind: SettleDead, Reason: "gone"}, next)
	if err != nil || !looked || n == nil || n.ID == j.ID || n.State != StateLeased {
		t.Fatalf("SettleNext = %+v, %v, %v; want the next job leased", n, looked, err)
	}
	if got := trips.Load(); got != 1 {
		t.Errorf("SettleNext took %d round trips, want 1", got)
	}
	if j.State != StateDead || j.LastError != "gone" {
		t.Errorf("caller's job after the dead-letter: %+v", j)
	}
	if stored, err := q.Get(ctx, j.ID); err != nil || stored.State != StateDead {
		t.Errorf("stored job = %+v, %v; want dead", stored, err)
	}

	// A settle of a lease already settled is refused; the lease happens.
	n2, looked, err := q.SettleNext(ctx, j, Settlement{Kind: SettleAck}, next)
	if !errors.Is(err, ErrLeaseLost) || !looked || n2 == nil {
		t.Errorf("SettleNext of a settled lease = %+v, %v, %v; want ErrLeaseLost and a job leased", n2, looked, err)
	}

	// Redis lost its scripts: each step runs again on its own.
	if err := q.c.ScriptFlush(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	n3, looked, err := q.SettleNext(ctx, n, Settlement{Kind: SettleRetry, Delay: time.Hour, Reason: "flaky"}, next)
	if err != nil || !looked || n3 == nil {
		t.Fatalf("SettleNext after SCRIPT FLUSH = %+v, %v, %v", n3, looked, err)
	}
	if stored, err := q.Get(ctx, n.ID); err != nil || stored.State != StateReady || stored.Failures != 1 || n.Failures != 1 {
		t.Errorf("retried job stored as %+v (%v), caller's %+v", stored, err, n)
	}
}
