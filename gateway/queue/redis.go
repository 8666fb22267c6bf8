package queue

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/redis/go-redis/v9"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/internal/redisopt"
)

// DefaultRedisPrefix is the key prefix when RedisQueueOptions.KeyPrefix is
// empty; the queue's keys live under "<prefix>q:".
const DefaultRedisPrefix = "deskgate:"

// DefaultOrphanIdle is RedisQueueOptions.OrphanIdle's default.
const DefaultOrphanIdle = 5 * time.Minute

// RedisQueueOptions configure NewRedis.
type RedisQueueOptions struct {
	// URL is a redis:// or rediss:// (TLS) URL.
	URL string
	// KeyPrefix is put before every key; default DefaultRedisPrefix. Gateways
	// sharing a prefix share the queue.
	KeyPrefix string
	// Group is the stream's consumer group; default "deskgate". Every
	// replica of a deployment uses the same group, so each job goes to one.
	Group string
	// OrphanIdle is how long (by Redis's clock) a stream entry must sit
	// pending, unknown to the job records, before the orphan sweep claims it
	// with XAUTOCLAIM. Ordinary expired leases do not wait for this: they are
	// judged by Options.Now.
	OrphanIdle time.Duration
	// OnRecover is called (from the calling goroutine) when the queue found
	// its stream or consumer group missing — Redis restarted without
	// persistence, or was flushed — and created them again. Jobs stored
	// before are lost; the gateway should audit it.
	OnRecover func(reason string)
	Options
}

// Redis is the Queue on Redis Streams with one consumer group per
// deployment. A job's body and state sit in a hash per job; its stream
// entry names it (entries of older gateways carry the body too, unread);
// leases are pending entries of the group, with
// their expiry kept beside them; delayed retries wait in a sorted set; the
// dead-letter stream records every dead-lettering.
//
// Durability is Redis's: "Enqueue returned true" survives a Redis crash only
// with AOF on (appendonly yes; appendfsync always loses nothing acknowledged,
// everysec up to a second). Without persistence a restart empties the queue;
// the queue then recreates its group and reports it through OnRecover.
type Redis struct {
	c      *redis.Client
	opts   Options
	log    hclog.Logger
	group  string
	orphan time.Duration
	onRec  func(string)

	jobPrefix string
	keys      []string // the fixed KEYS of every script

	recoveries atomic.Int64
	ready      chan struct{}

	// enq carries Enqueues to the batcher, which sends those waiting
	// together in one script call. An Enqueue alone in flight (inflight 1)
	// runs the script itself: handing it over would only add two goroutine
	// wake-ups to its latency.
	enq      *intake[*redisEnqueue]
	inflight atomic.Int64

	stop     chan struct{}
	stopOnce sync.Once
	wg       sync.WaitGroup
}

var _ Queue = (*Redis)(nil)

// NewRedis connects, creates the stream and group when missing, and starts
// the pruner of done jobs (stopped by Close).
func NewRedis(ctx context.Context, opts RedisQueueOptions) (*Redis, error) {
	ro, err := redisopt.ClientOptions(opts.URL)
	if err != nil {
		return nil, fmt.Errorf("open redis queue: %w", err)
	}
	o := opts.Options.WithDefaults()
	prefix := opts.KeyPrefix
	if prefix == "" {
		prefix = DefaultRedisPrefix
	}
	prefix += "q:"
	q := &Redis{
		c:         redis.NewClient(ro),
		opts:      o,
		log:       o.Logger.Named("queue.redis"),
		group:     opts.Group,
		orphan:    opts.OrphanIdle,
		onRec:     opts.OnRecover,
		jobPrefix: prefix + "job:",
		ready:     make(chan struct{}, 1),
		enq:       newIntake[*redisEnqueue](maxEnqueueBatch),
		stop:      make(chan struct{}),
	}
	if q.group == "" {
		q.group = "deskgate"
	}
	if q.orphan <= 0 {
		q.orphan = DefaultOrphanIdle
	}
	for _, k := range []string{"stream", "delayed", "leases", "ready", "leased", "dead", "done", "deadletter", "seq", "autoclaim", "round", "turn", "depth"} {
		q.keys = append(q.keys, prefix+k)
	}
	if err := q.ensureGroup(ctx); err != nil {
		q.c.Close()
		return nil, fmt.Errorf("open redis queue: %w", err)
	}
	q.wg.Add(2)
	go q.pruner()
	go q.batcher()
	return q, nil
}

// ensureGroup creates the stream and group when missing. Start "0": entries
// already in the stream (the group was lost, the stream kept) are delivered.
func (q *Redis) ensureGroup(ctx context.Context) error {
	err := q.c.XGroupCreateMkStream(ctx, q.keys[0], q.group, "0").Err()
	if err != nil && !strings.HasPrefix(err.Error(), "BUSYGROUP") {
		return fmt.Errorf("create consumer group %s: %w", q.group, err)
	}
	return nil
}

// Client is the underlying Redis client, for tests and metrics hooks.
func (q *Redis) Client() *redis.Client { return q.c }

// Recoveries counts how often the queue recreated a missing stream or group.
func (q *Redis) Recoveries() int64 { return q.recoveries.Load() }

// Ready is signalled (without blocking, coalesced) when this process made a
// job leasable: Enqueue, Retry without delay, Replay. Jobs made ready by
// other replicas or by a delay running out are seen by the workers' poll.
func (q *Redis) Ready() <-chan struct{} { return q.ready }

func (q *Redis) notify() {
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// Close stops the pruner and closes the connections.
func (q *Redis) Close() error {
	q.stopOnce.Do(func() {
		q.enq.shut()
		close(q.stop)
	})
	q.wg.Wait()
	return q.c.Close()
}

// Ping reports whether Redis answers.
func (q *Redis) Ping(ctx context.Context) error {
	if err := q.c.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("ping redis: %w", err)
	}
	return nil
}

func padNanos(t time.Time) string {
	var b [20]byte
	for i := range b {
		b[i] = '0'
	}
	n := strconv.AppendInt(b[:0:0], t.UnixNano(), 10)
	if len(n) >= len(b) {
		return string(n)
	}
	copy(b[len(b)-len(n):], n)
	return string(b[:])
}

func nonce() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

func randomJobID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// run runs a script with the fixed keys plus extra, recreating the group
// and retrying once when Redis lost it (NOGROUP).
func (q *Redis) run(ctx context.Context, s *redis.Script, now time.Time, extraKeys []string, args ...any) (any, error) {
	keys, argv := q.scriptArgs(now, extraKeys, args)
	v, err := s.Run(ctx, q.c, keys, argv...).Result()
	if err != nil && isNoGroup(err) {
		q.recover(ctx, err)
		v, err = s.Run(ctx, q.c, keys, argv...).Result()
	}
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	return v, err
}

// scriptArgs is a script's KEYS and ARGV: the keys and arguments every
// script takes, then the call's own.
func (q *Redis) scriptArgs(now time.Time, extraKeys []string, args []any) ([]string, []any) {
	keys := q.keys
	if len(extraKeys) > 0 {
		keys = append(append(make([]string, 0, len(q.keys)+len(extraKeys)), q.keys...), extraKeys...)
	}
	return keys, append([]any{q.jobPrefix, q.group, padNanos(now), now.UnixMilli()}, args...)
}

func isNoGroup(err error) bool { return strings.Contains(err.Error(), "NOGROUP") }

func (q *Redis) recover(ctx context.Context, cause error) {
	if err := q.ensureGroup(ctx); err != nil {
		q.log.Error("queue stream or group missing and could not be recreated", "error", err)
		return
	}
	n := q.recoveries.Add(1)
	reason := "redis stream or consumer group was missing (restart without persistence or flush); recreated it: jobs stored before are lost"
	q.log.Warn("recreated the queue's stream and consumer group", "group", q.group, "cause", cause.Error(), "recoveries", n)
	if q.onRec != nil {
		q.onRec(reason)
	}
}

// Enqueue stores the job, or returns false when its DedupKey was enqueued
// within the dedup TTL or its ReplayKey within the replay TTL. A caller-set
// ID is kept; otherwise one is assigned.
func (q *Redis) Enqueue(ctx context.Context, j Job) (bool, error) {
	r := q.newEnqueue(j)
	defer q.inflight.Add(-1)
	if q.inflight.Add(1) == 1 {
		if q.enq.isShut() {
			return false, fmt.Errorf("enqueue %s job for %s: %w", j.Type, j.Binding, ErrClosed)
		}
		q.sendEnqueues(ctx, []*redisEnqueue{r})
	} else {
		if err := q.enq.put(ctx, r); err != nil {
			return false, fmt.Errorf("enqueue %s job for %s: %w", j.Type, j.Binding, err)
		}
		// Once handed over the script may run; wait for its answer even
		// if ctx ends, so true is never lost.
		<-r.done
	}
	if r.err != nil {
		return false, fmt.Errorf("enqueue %s job for %s: %w", j.Type, j.Binding, r.err)
	}
	if r.stored {
		q.notify()
	}
	return r.stored, nil
}

// newEnqueue is the Enqueue of j, its id assigned when it has none.
func (q *Redis) newEnqueue(j Job) *redisEnqueue {
	check := "1"
	if j.ID == "" {
		j.ID, check = randomJobID(), ""
	}
	return &redisEnqueue{done: make(chan struct{}),
		args: []any{j.ID, check, j.Binding.String(), j.DedupKey, j.Type, j.TicketID, j.Payload, j.ReplayKey}}
}

// redisEnqueue is one Enqueue, run alone or in the batcher's batch.
type redisEnqueue struct {
	args   []any // the job's ARGV of enqueueScript
	stored bool
	err    error
	done   chan struct{}
}

// maxEnqueueBatch bounds the jobs enqueued by one script call.
const maxEnqueueBatch = 128

// batcher enqueues the jobs waiting at once with one script call: one
// round trip and one script run for the batch, where each Enqueue had its
// own. The batch is atomic as a whole, each job is decided as if alone,
// and each Enqueue gets its own job's answer.
func (q *Redis) batcher() {
	defer q.wg.Done()
	gather(q.enq.ch, q.stop, maxEnqueueBatch, 0, func(batch []*redisEnqueue) {
		q.sendEnqueues(context.Background(), q.fill(batch))
	})
}

// fill lets the goroutines that are ready to run go first, then adds what
// they handed over to the batch. The first Enqueue to arrive wakes the
// batcher ahead of the others that are about to enqueue (HTTP handlers
// woken together); sending it at once makes a call and a Redis wake-up of
// nearly every job when deliveries come spread out, where one for the lot
// costs the same. The batch waits only for goroutines that were already
// runnable.
func (q *Redis) fill(batch []*redisEnqueue) []*redisEnqueue {
	if len(batch) >= maxEnqueueBatch {
		return batch
	}
	runtime.Gosched()
	for len(batch) < maxEnqueueBatch {
		select {
		case r := <-q.enq.ch:
			batch = append(batch, r)
		default:
			return batch
		}
	}
	return batch
}

// sendEnqueues runs enqueueScript on the batch and answers each of its
// Enqueues (closing done). A script Redis does not have cached (after a
// restart or SCRIPT FLUSH) is loaded by run: NOSCRIPT means it never ran.
func (q *Redis) sendEnqueues(ctx context.Context, batch []*redisEnqueue) {
	defer func() {
		for _, r := range batch {
			close(r.done)
		}
	}()
	// The batch's jobs are enqueued at once, at now: their enqueue time
	// and their keys' expiry travel once, not per job.
	now := q.opts.Now()
	args := make([]any, 0, 4+len(batch)*len(batch[0].args))
	args = append(args, q.opts.DedupTTL.Milliseconds(), q.opts.ReplayTTL.Milliseconds(),
		padNanos(now.Add(q.opts.DedupTTL)), padNanos(now.Add(q.opts.ReplayTTL)))
	for _, r := range batch {
		args = append(args, r.args...)
	}
	v, err := q.run(ctx, enqueueScript, now, nil, args...)
	out, ok := v.([]any)
	if err == nil && (!ok || len(out) != len(batch)) {
		err = fmt.Errorf("unexpected enqueue script reply %T for %d jobs", v, len(batch))
	}
	for i, r := range batch {
		if err != nil {
			r.err = err
			continue
		}
		switch out[i] {
		case int64(1):
			r.stored = true
		case int64(2):
			r.err = fmt.Errorf("job id %v already exists", r.args[0])
		}
	}
}

// Lease hands out the next job: an expired lease first, then the oldest
// waiting job of the binding whose turn it is (round-robin), then an
// orphaned pending entry.
func (q *Redis) Lease(ctx context.Context, consumer string, visibility time.Duration) (*Job, error) {
	if consumer == "" {
		return nil, errors.New("lease job: empty consumer name")
	}
	now := q.opts.Now()
	until := now.Add(visibility)
	v, err := q.run(ctx, leaseScript, now, nil,
		consumer, padNanos(until), until.UnixMilli(), nonce(), q.orphan.Milliseconds())
	if err != nil {
		return nil, fmt.Errorf("lease job for %s: %w", consumer, err)
	}
	if v == nil {
		return nil, nil
	}
	j, err := jobFromFlat(v)
	if err != nil {
		return nil, fmt.Errorf("lease job for %s: %w", consumer, err)
	}
	return &j, nil
}

func (q *Redis) settle(ctx context.Context, what string, j *Job, op string, args ...any) error {
	argv := append([]any{j.ID, j.Receipt, op}, args...)
	v, err := q.run(ctx, settleScript, q.opts.Now(), nil, argv...)
	if err != nil {
		return fmt.Errorf("%s job %s: %w", what, j.ID, err)
	}
	if v != int64(1) {
		return fmt.Errorf("%s job %s: %w", what, j.ID, ErrLeaseLost)
	}
	return nil
}

// Extend pushes the lease's expiry to now + visibility.
func (q *Redis) Extend(ctx context.Context, j *Job, visibility time.Duration) error {
	until := q.opts.Now().Add(visibility)
	if err := q.settle(ctx, "extend lease of", j, "extend", padNanos(until), until.UnixMilli()); err != nil {
		return err
	}
	j.NextAt = until.UTC()
	return nil
}

// Ack marks the job done (XACK + XDEL); it is pruned after DoneRetention.
func (q *Redis) Ack(ctx context.Context, j *Job) error {
	return q.end(ctx, j, Settlement{Kind: SettleAck})
}

// Retry acknowledges the entry and makes the job leasable after delay: at
// once through the stream, or later through the delayed set.
func (q *Redis) Retry(ctx context.Context, j *Job, delay time.Duration, lastError string) error {
	return q.end(ctx, j, Settlement{Kind: SettleRetry, Delay: delay, Reason: lastError})
}

// Defer gives the lease back and makes the job leasable after delay, with
// its attempts as before the lease.
func (q *Redis) Defer(ctx context.Context, j *Job, delay time.Duration, reason string) error {
	return q.end(ctx, j, Settlement{Kind: SettleDefer, Delay: delay, Reason: reason})
}

// Dead acknowledges the entry and records the job in the dead-letter stream.
func (q *Redis) Dead(ctx context.Context, j *Job, lastError string) error {
	return q.end(ctx, j, Settlement{Kind: SettleDead, Reason: lastError})
}

// redisEnding is a settle as the settle script's operation and arguments,
// and what it changes in the caller's job once done.
type redisEnding struct {
	what, op string
	args     []any
	apply    func()
}

func (q *Redis) ending(j *Job, s Settlement) redisEnding {
	now := q.opts.Now()
	next := now.Add(max(s.Delay, 0))
	e := redisEnding{what: s.Kind.what(), apply: settled(j, s, next, q.notify)}
	switch s.Kind {
	case SettleRetry:
		e.op, e.args = "retry", []any{padNanos(next), next.UnixMilli(), s.Reason}
	case SettleDefer:
		e.op, e.args = "defer", []any{padNanos(next), next.UnixMilli(), s.Reason}
	case SettleDead:
		e.op, e.args = "dead", []any{s.Reason}
	default:
		e.op, e.args = "ack", []any{now.UnixMilli()}
	}
	return e
}

// end runs one settle on its own.
func (q *Redis) end(ctx context.Context, j *Job, s Settlement) error {
	e := q.ending(j, s)
	if err := q.settle(ctx, e.what, j, e.op, e.args...); err != nil {
		return err
	}
	e.apply()
	return nil
}

var _ NextSettler = (*Redis)(nil)

// SettleNext settles j as s says and leases next.Consumer's next job in one
// round trip (NextSettler): a pipeline of the settle script and the lease
// script, each running on Redis as its own call would, the settle first.
// A script Redis does not have cached (NOSCRIPT: it did not run) or a lost
// consumer group (NOGROUP) is run again on its own, as run does.
func (q *Redis) SettleNext(ctx context.Context, j *Job, s Settlement, next NextLease) (*Job, bool, error) {
	if next.Consumer == "" {
		return nil, false, q.end(ctx, j, s)
	}
	e := q.ending(j, s)
	now := q.opts.Now()
	until := now.Add(next.Visibility)
	leaseArgs := []any{next.Consumer, padNanos(until), until.UnixMilli(), nonce(), q.orphan.Milliseconds()}
	pipe := q.c.Pipeline()
	skeys, sargv := q.scriptArgs(now, nil, append([]any{j.ID, j.Receipt, e.op}, e.args...))
	settled := settleScript.EvalSha(ctx, pipe, skeys, sargv...)
	lkeys, largv := q.scriptArgs(now, nil, leaseArgs)
	leased := leaseScript.EvalSha(ctx, pipe, lkeys, largv...)
	_, _ = pipe.Exec(ctx) // each command's own error is read below

	var settleErr error
	if err := settled.Err(); err != nil && (isNoScript(err) || isNoGroup(err)) {
		settleErr = q.settle(ctx, e.what, j, e.op, e.args...)
	} else if err != nil {
		settleErr = fmt.Errorf("%s job %s: %w", e.what, j.ID, err)
	} else if settled.Val() != int64(1) {
		settleErr = fmt.Errorf("%s job %s: %w", e.what, j.ID, ErrLeaseLost)
	}
	if settleErr == nil {
		e.apply()
	}

	v, err := leased.Result()
	if err != nil && (isNoScript(err) || isNoGroup(err)) {
		lj, err := q.Lease(ctx, next.Consumer, next.Visibility)
		if err != nil {
			return nil, false, settleErr
		}
		return lj, true, settleErr
	}
	if errors.Is(err, redis.Nil) {
		return nil, true, settleErr
	}
	if err != nil {
		// The worker leases on its own.
		q.log.Warn("lease after settle failed", "consumer", next.Consumer, "error", err)
		return nil, false, settleErr
	}
	lj, err := jobFromFlat(v)
	if err != nil {
		q.log.Warn("lease after settle failed", "consumer", next.Consumer, "error", err)
		return nil, false, settleErr
	}
	return &lj, true, settleErr
}

func isNoScript(err error) bool { return strings.HasPrefix(err.Error(), "NOSCRIPT") }

// Replay puts a dead job back into the stream with its attempts reset; its
// last error stays for the record.
func (q *Redis) Replay(ctx context.Context, id string) error {
	v, err := q.run(ctx, replayScript, q.opts.Now(), nil, id)
	if err != nil {
		return fmt.Errorf("replay job %s: %w", id, err)
	}
	switch v {
	case int64(1):
		q.notify()
		return nil
	case int64(0):
		return fmt.Errorf("replay job %s: %w", id, ErrNotFound)
	}
	j, err := q.Get(ctx, id)
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	return fmt.Errorf("replay job %s in state %s: %w", id, j.State, ErrNotDead)
}

// Get returns one job, done ones included until pruned.
func (q *Redis) Get(ctx context.Context, id string) (Job, error) {
	m, err := q.c.HGetAll(ctx, q.jobPrefix+id).Result()
	if err != nil {
		return Job{}, fmt.Errorf("get job %s: %w", id, err)
	}
	if len(m) == 0 {
		return Job{}, fmt.Errorf("get job %s: %w", id, ErrNotFound)
	}
	j, err := jobFromMap(m)
	if err != nil {
		return Job{}, fmt.Errorf("get job %s: %w", id, err)
	}
	return j, nil
}

// List returns jobs in queue order (oldest first). An empty State lists
// every job but done ones.
func (q *Redis) List(ctx context.Context, f ListFilter) ([]Job, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	var sets []string
	switch f.State {
	case "":
		sets = []string{q.keys[3], q.keys[4], q.keys[5]}
	case StateReady:
		sets = []string{q.keys[3]}
	case StateLeased:
		sets = []string{q.keys[4]}
	case StateDead:
		sets = []string{q.keys[5]}
	case StateDone:
		sets = []string{q.keys[6]}
	default:
		return nil, fmt.Errorf("list jobs: unknown state %q", f.State)
	}
	var ids []redis.Z
	for _, set := range sets {
		zs, err := q.c.ZRangeWithScores(ctx, set, 0, int64(limit-1)).Result()
		if err != nil {
			return nil, fmt.Errorf("list jobs: %w", err)
		}
		ids = append(ids, zs...)
	}
	sort.SliceStable(ids, func(a, b int) bool { return ids[a].Score < ids[b].Score })
	if len(ids) > limit {
		ids = ids[:limit]
	}
	pipe := q.c.Pipeline()
	cmds := make([]*redis.MapStringStringCmd, len(ids))
	for i, z := range ids {
		cmds[i] = pipe.HGetAll(ctx, q.jobPrefix+fmt.Sprint(z.Member))
	}
	if _, err := pipe.Exec(ctx); err != nil && len(ids) > 0 {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	out := []Job{}
	for _, cmd := range cmds {
		if len(cmd.Val()) == 0 {
			continue // pruned in between
		}
		j, err := jobFromMap(cmd.Val())
		if err != nil {
			return nil, fmt.Errorf("list jobs: %w", err)
		}
		out = append(out, j)
	}
	return out, nil
}

// Stats counts jobs by state; a leased job whose lease expired still counts
// as leased until someone takes it.
func (q *Redis) Stats(ctx context.Context) (Stats, error) {
	now := q.opts.Now()
	pipe := q.c.Pipeline()
	ready := pipe.ZCard(ctx, q.keys[3])
	delayed := pipe.ZCount(ctx, q.keys[1], "("+strconv.FormatInt(now.UnixMilli(), 10), "+inf")
	leased := pipe.ZCard(ctx, q.keys[4])
	dead := pipe.ZCard(ctx, q.keys[5])
	if _, err := pipe.Exec(ctx); err != nil {
		return Stats{}, fmt.Errorf("queue stats: %w", err)
	}
	d := int(delayed.Val())
	return Stats{Ready: int(ready.Val()) - d, Delayed: d, Leased: int(leased.Val()), Dead: int(dead.Val())}, nil
}

// Depth counts the live (ready, delayed or leased) jobs of binding, from a
// counter the scripts keep, and of every binding. Jobs enqueued by a gateway
// older than the counter are not in the per-binding figure (it is never
// below 0); the total counts them.
func (q *Redis) Depth(ctx context.Context, binding store.BindingKey) (perBinding, total int, err error) {
	pipe := q.c.Pipeline()
	per := pipe.HGet(ctx, q.keys[12], binding.String())
	ready := pipe.ZCard(ctx, q.keys[3])
	leased := pipe.ZCard(ctx, q.keys[4])
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return 0, 0, fmt.Errorf("queue depth of %s: %w", binding, err)
	}
	n, _ := per.Int()
	return max(n, 0), int(ready.Val() + leased.Val()), nil
}

// StreamStats are the Redis-level depths behind Stats, for metrics and
// `deskgate doctor`.
type StreamStats struct {
	StreamLength     int64 // XLEN: entries not yet acknowledged
	Pending          int64 // XPENDING: delivered, not acknowledged
	DeadLetterLength int64 // XLEN of the dead-letter stream
}

// StreamStats reads XLEN and XPENDING.
func (q *Redis) StreamStats(ctx context.Context) (StreamStats, error) {
	pipe := q.c.Pipeline()
	xlen := pipe.XLen(ctx, q.keys[0])
	pending := pipe.XPending(ctx, q.keys[0], q.group)
	dlen := pipe.XLen(ctx, q.keys[7])
	if _, err := pipe.Exec(ctx); err != nil {
		return StreamStats{}, fmt.Errorf("queue stream stats: %w", err)
	}
	return StreamStats{StreamLength: xlen.Val(), Pending: pending.Val().Count, DeadLetterLength: dlen.Val()}, nil
}

// Prune deletes done jobs acknowledged more than DoneRetention ago. Dedup
// and replay keys need no pruning: Redis expires them. The pruner goroutine calls it
// every PruneEvery.
func (q *Redis) Prune(ctx context.Context) (jobs, keys int64, err error) {
	now := q.opts.Now()
	cutoff := now.Add(-q.opts.DoneRetention).UnixMilli()
	for {
		v, err := q.run(ctx, pruneScript, now, nil, cutoff)
		if err != nil {
			return jobs, 0, fmt.Errorf("prune queue: %w", err)
		}
		n, _ := v.(int64)
		jobs += n
		if n < 500 {
			return jobs, 0, nil
		}
	}
}

func (q *Redis) pruner() {
	defer q.wg.Done()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		// Ends with pruner: cancels an in-flight Prune when Close is called.
		select {
		case <-q.stop:
			cancel()
		case <-ctx.Done():
		}
	}()
	pruneEvery(ctx, q.stop, q.opts.PruneEvery, q.log, q.Prune)
}

func jobFromFlat(v any) (Job, error) {
	list, ok := v.([]any)
	if !ok || len(list)%2 != 0 {
		return Job{}, fmt.Errorf("unexpected script reply %T", v)
	}
	m := make(map[string]string, len(list)/2)
	for i := 0; i < len(list); i += 2 {
		k, _ := list[i].(string)
		val, _ := list[i+1].(string)
		m[k] = val
	}
	return jobFromMap(m)
}

func jobFromMap(m map[string]string) (Job, error) {
	j := Job{
		ID:        m["id"],
		DedupKey:  m["dedup"],
		Type:      m["type"],
		TicketID:  m["ticket"],
		Payload:   []byte(m["payload"]),
		State:     State(m["state"]),
		LastError: m["last_error"],
		Receipt:   m["receipt"],
	}
	if len(j.Payload) == 0 {
		j.Payload = nil
	}
	var err error
	if j.Binding, err = store.ParseBindingKey(m["binding"]); err != nil {
		return Job{}, fmt.Errorf("job %s: %w", j.ID, err)
	}
	if j.Attempts, err = strconv.Atoi(m["attempts"]); err != nil {
		return Job{}, fmt.Errorf("job %s: bad attempts %q", j.ID, m["attempts"])
	}
	if f := m["failures"]; f != "" { // absent in jobs of older gateways
		if j.Failures, err = strconv.Atoi(f); err != nil {
			return Job{}, fmt.Errorf("job %s: bad failures %q", j.ID, f)
		}
	}
	if j.EnqueuedAt, err = parseNanos(m["enqueued_at"]); err != nil {
		return Job{}, fmt.Errorf("job %s: %w", j.ID, err)
	}
	if j.NextAt, err = parseNanos(m["next_at"]); err != nil {
		return Job{}, fmt.Errorf("job %s: %w", j.ID, err)
	}
	return j, nil
}

func parseNanos(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad time %q", s)
	}
	return time.Unix(0, n).UTC(), nil
}
