package queue

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
)

// SQLite is the embedded Queue, in the same SQLite file as the store.
//
// Enqueues are group-committed: concurrent calls are gathered by one
// goroutine into a single durable transaction (sqlitedb.DurableTx, FULL by
// default), so the fsync that makes each job survive power loss is paid once
// per batch rather than once per job. Enqueue returns only after the batch
// holding its job has committed. Leases, acks and retries commit at NORMAL:
// losing one to a power cut only delivers a job again.
type SQLite struct {
	db     *sqlitedb.DB
	ownsDB bool
	opts   Options
	log    hclog.Logger

	enq     *intake[*enqueueReq] // Enqueues for the batcher
	settles *intake[*settleReq]  // SettleTx calls for the settler
	ready   chan struct{}

	// stop and cancel end the goroutines (batcher, settler, pruner) that
	// wg counts.
	stop     chan struct{}
	cancel   context.CancelFunc
	baseCtx  context.Context
	stopOnce sync.Once
	wg       sync.WaitGroup

	// The enqueue statements, prepared once on the write connection:
	// preparing them for every job was a quarter of the batcher's time.
	claimStmt, replayStmt, signedStmt, insertStmt *sql.Stmt

	// sweepMu guards the dedup sweep: sweepFrom is the key after which the
	// next prune looks for expired dedup keys ("" from the first), claimed
	// counts the dedup keys claimed since the last prune (its chunk grows
	// with them, so the sweep keeps up with the intake).
	sweepMu    sync.Mutex
	sweepFrom  string
	sweepChunk int64 // dedupSweepChunk; tests set less
	claimed    atomic.Int64

	// lastBinding is the binding this handle leased from last: the next
	// lease starts with the binding after it (round-robin).
	rrMu        sync.Mutex
	lastBinding string
}

const claimSQL = `INSERT INTO job_dedup (key, job_id, expires_at) VALUES (?, ?, ?)
	ON CONFLICT (key) DO UPDATE SET job_id = excluded.job_id, expires_at = excluded.expires_at
	WHERE job_dedup.expires_at <= ?`

// replaySQL claims the replay key of a delivery with no signed time as
// claimSQL claims a dedup key (?1 key, ?2 job id, ?3 expires_at, ?4 now, ?5
// the key's digest). A live key in job_replay_signed refuses it too: the
// same delivery verified once with its signed time and once without (the
// recipe given up for the plugin's Verify, or a plugin rolled back to a
// release that sets no SignedAt) is still one delivery. That lookup is a
// scan of the signed keys of the last ReplayTTL, which costs nothing where
// no scheme signs a time and grows with the signed deliveries per hour
// where both kinds share a gateway.
const replaySQL = `INSERT INTO job_replay (key, job_id, expires_at)
	SELECT ?1, ?2, ?3 WHERE NOT EXISTS (SELECT 1 FROM job_replay_signed WHERE digest = ?5 AND expires_at > ?4)
	ON CONFLICT (key) DO UPDATE SET job_id = excluded.job_id, expires_at = excluded.expires_at
	WHERE job_replay.expires_at <= ?4`

// signedReplaySQL claims the replay key of a delivery with a signed time
// (?1 signed_at, ?2 key, ?3 expires_at, ?4 now, ?5 the key's digest). Its
// primary key leads with that time, so a group commit's keys land among the
// last pages (those of the current signed second) rather than each on a
// random leaf of the hour's keys. A live key in job_replay refuses it
// too: every replay key went there before job_replay_signed existed, and
// keys of deliveries with no signed time still do, so a delivery accepted
// by the earlier version and resent after the upgrade is still refused.
// One statement: a lookup of its own, or a check per batch whether
// job_replay is empty, cost more than the seek (mostly into an empty
// table) costs inside it.
const signedReplaySQL = `INSERT INTO job_replay_signed (signed_at, digest, expires_at)
	SELECT ?1, ?5, ?3 WHERE NOT EXISTS (SELECT 1 FROM job_replay WHERE key = ?2 AND expires_at > ?4)
	ON CONFLICT (signed_at, digest) DO UPDATE SET expires_at = excluded.expires_at
	WHERE job_replay_signed.expires_at <= ?4`

// pruneSignedSQL deletes expired signed replay keys (signed before ?1,
// expired at ?2) by walking the primary key's time order.
const pruneSignedSQL = `DELETE FROM job_replay_signed WHERE signed_at < ?1 AND expires_at <= ?2`

const insertSQL = `INSERT INTO jobs (id, binding, dedup_key, type, ticket_id, payload, state, enqueued_at, next_at)
	VALUES (?, ?, ?, ?, ?, ?, 'ready', ?, ?)`

var _ Queue = (*SQLite)(nil)

// enqueueStmts are the enqueue statements bound to one group commit's
// transaction, each on its first use: Tx.StmtContext builds a statement
// wrapper (allocations and locks), a cost per batch a lone job pays alone.
type enqueueStmts struct {
	tx  *sql.Tx
	ctx context.Context

	claim, replay, signed, insert *sql.Stmt
}

// bound returns *st bound to the transaction, binding prepared on first use.
func (s *enqueueStmts) bound(st **sql.Stmt, prepared *sql.Stmt) *sql.Stmt {
	if *st == nil {
		*st = s.tx.StmtContext(s.ctx, prepared)
	}
	return *st
}

type enqueueReq struct {
	job  Job
	ok   bool
	err  error
	done chan struct{}
}

// maxBatch bounds one group commit; larger batches gain little and hold the
// write lock longer.
const maxBatch = 256

// sqliteMigrations is append-only: never edit a released step, add one.
var sqliteMigrations = []string{
	// 1: jobs and dedup keys. Times are Unix nanoseconds. For a leased job
	// next_at is the lease's expiry: ready-and-due and leased-and-expired are
	// then one condition (next_at <= now) served by one index.
	`CREATE TABLE jobs (
		seq         INTEGER PRIMARY KEY,
		id          TEXT    NOT NULL UNIQUE,
		binding     TEXT    NOT NULL DEFAULT '',
		dedup_key   TEXT    NOT NULL DEFAULT '',
		type        TEXT    NOT NULL DEFAULT '',
		ticket_id   TEXT    NOT NULL DEFAULT '',
		payload     BLOB,
		state       TEXT    NOT NULL,
		attempts    INTEGER NOT NULL DEFAULT 0,
		enqueued_at INTEGER NOT NULL,
		next_at     INTEGER NOT NULL,
		last_error  TEXT    NOT NULL DEFAULT '',
		receipt     TEXT    NOT NULL DEFAULT '',
		consumer    TEXT    NOT NULL DEFAULT '',
		done_at     INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX jobs_due ON jobs (next_at, seq) WHERE state IN ('ready', 'leased');
	CREATE INDEX jobs_state ON jobs (state, seq);
	CREATE INDEX jobs_done ON jobs (done_at) WHERE state = 'done';

	CREATE TABLE job_dedup (
		key        TEXT    PRIMARY KEY,
		job_id     TEXT    NOT NULL,
		expires_at INTEGER NOT NULL
	) WITHOUT ROWID;
	CREATE INDEX job_dedup_expiry ON job_dedup (expires_at);`,
	// 2: failed attempts apart from leases, and the index that serves the
	// fair (per-binding round-robin) lease and the per-binding depth.
	`ALTER TABLE jobs ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
	CREATE INDEX jobs_fair ON jobs (binding, next_at, seq) WHERE state IN ('ready', 'leased');`,
	// 3: replay keys of signed deliveries, kept for Options.ReplayTTL (an
	// hour, not the dedup keys' days) in a table of their own so they never
	// meet a dedup key.
	`CREATE TABLE job_replay (
		key        TEXT    PRIMARY KEY,
		job_id     TEXT    NOT NULL,
		expires_at INTEGER NOT NULL
	) WITHOUT ROWID;
	CREATE INDEX job_replay_expiry ON job_replay (expires_at);`,
	// 4: jobs_fair (binding, next_at, seq) serves every query jobs_due
	// served; each index of a live job costs every enqueue, lease and settle
	// a B-tree update, and on a commit a WAL frame write.
	`DROP INDEX jobs_due;`,
	// 5: jobs_state (state, seq) held every job, done ones included, so an
	// enqueue inserted into it and each lease and settle moved the job
	// within it: a B-tree delete and insert per state change, for queries
	// an operator runs (List, Stats) that jobs_fair serves for live jobs.
	// Only dead jobs need an index of their own.
	`DROP INDEX jobs_state;
	CREATE INDEX jobs_dead ON jobs (seq) WHERE state = 'dead';`,
	// 6: replay keys of deliveries with a signed time, ordered by it:
	// job_replay's keys are hashes, so each job of a group commit dirtied a
	// random leaf (one more WAL frame written, fsynced and checkpointed per
	// job). The prune walks the primary key by time, so no expiry index.
	// The key is kept as a 16-byte digest (replayDigest): within one
	// signed second keys still land at random, on fewer pages the smaller
	// the rows.
	`CREATE TABLE job_replay_signed (
		signed_at  INTEGER NOT NULL,
		digest     BLOB    NOT NULL,
		expires_at INTEGER NOT NULL,
		PRIMARY KEY (signed_at, digest)
	) WITHOUT ROWID;`,
	// 7: job_dedup_expiry (expires_at, key) cost every enqueue an index
	// insert and each group commit about 2.9 of its 26 WAL frames (11 jobs,
	// BenchmarkSQLiteCommitFrames), for the prune alone: a claim already
	// takes over an expired key, so the prune only frees space, and it now
	// sweeps the keys in their own order a chunk at a time (pruneDedup).
	`DROP INDEX job_dedup_expiry;`,
}

// NewSQLite runs the queue on db, which the caller keeps owning: Close stops
// the queue's goroutines but leaves db open (the store closes it).
func NewSQLite(ctx context.Context, db *sqlitedb.DB, opts Options) (*SQLite, error) {
	opts = opts.WithDefaults()
	if err := sqlitedb.Migrate(ctx, db, "queue", sqliteMigrations); err != nil {
		return nil, fmt.Errorf("open sqlite queue: %w", err)
	}
	q := &SQLite{
		db:      db,
		opts:    opts,
		log:     opts.Logger.Named("queue"),
		enq:     newIntake[*enqueueReq](maxBatch),
		settles: newIntake[*settleReq](maxSettleBatch),
		ready:   make(chan struct{}, 1),
		stop:    make(chan struct{}),

		sweepChunk: dedupSweepChunk,
	}
	for _, p := range q.enqueueStmts() {
		var err error
		if *p.stmt, err = db.W.PrepareContext(ctx, p.sql); err != nil {
			q.closeEnqueueStmts()
			return nil, fmt.Errorf("open sqlite queue: prepare %s: %w", p.what, err)
		}
	}
	q.baseCtx, q.cancel = context.WithCancel(context.Background())
	q.wg.Add(3)
	go q.batcher()
	go q.settler()
	go q.pruner()
	return q, nil
}

// enqueueStmts lists the statements the group commit prepares once.
func (q *SQLite) enqueueStmts() []struct {
	stmt      **sql.Stmt
	sql, what string
} {
	return []struct {
		stmt      **sql.Stmt
		sql, what string
	}{
		{&q.claimStmt, claimSQL, "dedup claim"},
		{&q.replayStmt, replaySQL, "replay claim"},
		{&q.signedStmt, signedReplaySQL, "signed replay claim"},
		{&q.insertStmt, insertSQL, "job insert"},
	}
}

func (q *SQLite) closeEnqueueStmts() {
	for _, p := range q.enqueueStmts() {
		if *p.stmt != nil {
			(*p.stmt).Close()
		}
	}
}

// OpenSQLite opens the database at path and runs a queue on it that owns the
// database (Close closes it). For tools and tests; the gateway shares the
// store's database through NewSQLite.
func OpenSQLite(ctx context.Context, path string, dbOpts sqlitedb.Options, opts Options) (*SQLite, error) {
	db, err := sqlitedb.Open(ctx, path, dbOpts)
	if err != nil {
		return nil, fmt.Errorf("open sqlite queue: %w", err)
	}
	q, err := NewSQLite(ctx, db, opts)
	if err != nil {
		db.Close()
		return nil, err
	}
	q.ownsDB = true
	return q, nil
}

// Close stops the batcher and the pruner; Enqueues not yet handed to the
// batcher fail. It closes the database only when OpenSQLite opened it.
func (q *SQLite) Close() error {
	q.stopOnce.Do(func() {
		q.enq.shut()
		q.settles.shut()
		close(q.stop)
		q.cancel()
	})
	q.wg.Wait()
	q.closeEnqueueStmts()
	if q.ownsDB {
		return q.db.Close()
	}
	return nil
}

// Ready is signalled (without blocking, coalesced) when a job becomes
// leasable through this process: Enqueue, Retry without delay, Replay.
// Workers wait on it beside a slow poll timer; jobs made ready by another
// process or by a delay running out are only seen by the poll.
func (q *SQLite) Ready() <-chan struct{} { return q.ready }

func (q *SQLite) notify() {
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

func (q *SQLite) nanos(t time.Time) int64 { return t.UnixNano() }

func fromNanos(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

func randomID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

// newJobID is a job id that sorts by time: the enqueue time in nanoseconds,
// then 64 random bits, in hex (32 characters, like a random id). Ids that
// grow keep every insert into the jobs.id index on its last page, where a
// random id dirtied a leaf of its own for each job of a group commit: one
// more WAL frame written, fsynced and checkpointed per job.
func newJobID(now time.Time) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(now.UnixNano()))
	_, _ = rand.Read(b[8:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

// Enqueue stores the job, or returns false when its DedupKey was enqueued
// within the dedup TTL or its ReplayKey within the replay TTL. A caller-set
// ID is kept (so the ingress can name the job in its audit entry);
// otherwise one is assigned.
func (q *SQLite) Enqueue(ctx context.Context, j Job) (bool, error) {
	if j.ID == "" {
		j.ID = newJobID(q.opts.Now())
	}
	r := &enqueueReq{job: j, done: make(chan struct{})}
	if err := q.enq.put(ctx, r); err != nil {
		return false, fmt.Errorf("enqueue %s job for %s: %w", j.Type, j.Binding, err)
	}
	// Once handed over the job may be committed; wait for the verdict even
	// if ctx ends, so true is never lost and false never lies.
	<-r.done
	if r.err != nil {
		return false, fmt.Errorf("enqueue %s job for %s: %w", j.Type, j.Binding, r.err)
	}
	if r.ok {
		q.notify()
	}
	return r.ok, nil
}

// maxCommitLinger bounds how long a group commit waits for the senders
// the one before it answered (see gather): a few fsync'd commits' time.
const maxCommitLinger = 10 * time.Millisecond

// batcher owns the group commit.
func (q *SQLite) batcher() {
	defer q.wg.Done()
	gather(q.enq.ch, q.stop, maxBatch, maxCommitLinger, q.commit)
}

// commit inserts a batch in one transaction. When it fails (one bad job, a
// duplicate caller-chosen ID), each job is retried alone so the error lands
// only on the job that caused it.
func (q *SQLite) commit(batch []*enqueueReq) {
	ctx := context.Background()
	oks := make([]bool, len(batch))
	err := q.db.DurableTx(ctx, func(tx *sql.Tx) error {
		now := q.opts.Now()
		st := enqueueStmts{tx: tx, ctx: ctx}
		for i, r := range batch {
			ok, err := q.insert(ctx, &st, r.job, now)
			if err != nil {
				return err
			}
			oks[i] = ok
		}
		return nil
	})
	if err == nil {
		var claimed int64
		for i, r := range batch {
			r.ok = oks[i]
			if r.ok && r.job.DedupKey != "" {
				claimed++
			}
			close(r.done)
		}
		q.claimed.Add(claimed)
		return
	}
	if len(batch) == 1 {
		batch[0].err = err
		close(batch[0].done)
		return
	}
	for _, r := range batch {
		q.commit([]*enqueueReq{r})
	}
}

// insert claims the job's replay key, then its dedup key, and stores the
// job when both were free. A replay key seen before refuses the job before
// its dedup key is claimed: a replay under an invented invocation id must
// not take that id from a genuine delivery to come.
func (q *SQLite) insert(ctx context.Context, st *enqueueStmts, j Job, now time.Time) (bool, error) {
	if j.ReplayKey != "" {
		d := replayDigest(j.ReplayKey)
		expires := q.nanos(now.Add(q.opts.ReplayTTL))
		var ok bool
		var err error
		if j.SignedAt.IsZero() {
			ok, err = q.claim(ctx, st.bound(&st.replay, q.replayStmt), "replay", j.ReplayKey, j.ID, expires, q.nanos(now), d[:])
		} else {
			ok, err = q.claim(ctx, st.bound(&st.signed, q.signedStmt), "replay", q.nanos(j.SignedAt), j.ReplayKey, expires, q.nanos(now), d[:])
		}
		if err != nil || !ok {
			return false, err
		}
	}
	if j.DedupKey != "" {
		claim := st.bound(&st.claim, q.claimStmt)
		if ok, err := q.claim(ctx, claim, "dedup", j.DedupKey, j.ID, q.nanos(now.Add(q.opts.DedupTTL)), q.nanos(now)); err != nil || !ok {
			return false, err
		}
	}
	_, err := st.bound(&st.insert, q.insertStmt).ExecContext(ctx,
		j.ID, j.Binding.String(), j.DedupKey, j.Type, j.TicketID, j.Payload, q.nanos(now), q.nanos(now))
	if err != nil {
		return false, fmt.Errorf("insert job %s: %w", j.ID, err)
	}
	return true, nil
}

// replayDigest is the first 128 bits of the SHA-256 of a replay key: two
// keys of genuine deliveries do not meet in it by chance, and one crafted to
// meet another needs a second preimage.
func replayDigest(key string) [16]byte {
	sum := sha256.Sum256([]byte(key))
	return [16]byte(sum[:16])
}

// claim runs one of the claim statements (claimSQL, replaySQL,
// signedReplaySQL) with its arguments: it takes a key unless a live claim
// holds it, an expired one taken over in the same statement, and reports
// whether it did.
func (q *SQLite) claim(ctx context.Context, stmt *sql.Stmt, what string, args ...any) (bool, error) {
	res, err := stmt.ExecContext(ctx, args...)
	if err != nil {
		return false, fmt.Errorf("claim %s key: %w", what, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("claim %s key: %w", what, err)
	}
	return n > 0, nil
}

const jobCols = `id, binding, dedup_key, type, ticket_id, payload, state, attempts, failures, enqueued_at, next_at, last_error, receipt`

func scanJob(sc interface{ Scan(...any) error }) (Job, error) {
	var (
		j              Job
		binding, state string
		enqueued, next int64
	)
	if err := sc.Scan(&j.ID, &binding, &j.DedupKey, &j.Type, &j.TicketID, &j.Payload, &state, &j.Attempts, &j.Failures,
		&enqueued, &next, &j.LastError, &j.Receipt); err != nil {
		return Job{}, err
	}
	j.State, j.EnqueuedAt, j.NextAt = State(state), fromNanos(enqueued), fromNanos(next)
	var err error
	if j.Binding, err = store.ParseBindingKey(binding); err != nil {
		return Job{}, fmt.Errorf("job %s: %w", j.ID, err)
	}
	return j, nil
}

// leaseQuery picks and leases in one statement: the oldest due job (ready
// with next_at passed, or leased with the lease expired) of the first binding
// after ?5, in name order, that has one, wrapping around to the first
// binding and on up to ?5 itself. The recursive CTE walks the distinct
// bindings with live jobs by index seeks (one per binding, not one per job),
// so a binding with 10,000 waiting jobs costs its neighbours nothing; a row
// is (binding, wrapped), the seed row (?5, 0) is only where the walk starts.
// INDEXED BY pins the partial index: without statistics the planner could
// pick another and sort every live job.
const leaseQuery = `UPDATE jobs
	SET state = 'leased', attempts = attempts + 1, receipt = ?1, consumer = ?2, next_at = ?3
	WHERE seq = (
		WITH RECURSIVE b(name, wrapped) AS (
			SELECT ?5, 0
			UNION ALL
			SELECT COALESCE(
					(SELECT binding FROM jobs INDEXED BY jobs_fair
						WHERE state IN ('ready', 'leased') AND binding > b.name ORDER BY binding LIMIT 1),
					CASE WHEN NOT b.wrapped THEN (SELECT binding FROM jobs INDEXED BY jobs_fair
						WHERE state IN ('ready', 'leased') AND binding >= '' ORDER BY binding LIMIT 1) END),
				b.wrapped OR NOT EXISTS (SELECT 1 FROM jobs INDEXED BY jobs_fair
					WHERE state IN ('ready', 'leased') AND binding > b.name)
			FROM b WHERE b.name IS NOT NULL AND NOT (b.wrapped AND b.name >= ?5)
		)
		SELECT due FROM (
			SELECT (SELECT seq FROM jobs INDEXED BY jobs_fair
				WHERE state IN ('ready', 'leased') AND binding = b.name AND next_at <= ?4
				ORDER BY next_at, seq LIMIT 1) AS due
			FROM b WHERE b.name IS NOT NULL AND (b.wrapped OR b.name != ?5) AND NOT (b.wrapped AND b.name > ?5))
		WHERE due IS NOT NULL LIMIT 1)
	RETURNING ` + jobCols

// Lease takes the job that has waited longest among those due in the next
// binding, round-robin: the bindings after the one this handle served last,
// then from the first again. Select and update are one statement on the
// single write connection, so two workers never get the same lease.
func (q *SQLite) Lease(ctx context.Context, consumer string, visibility time.Duration) (*Job, error) {
	stmt, err := q.db.Prepared(ctx, q.db.W, leaseQuery)
	if err != nil {
		return nil, fmt.Errorf("lease job for %s: %w", consumer, err)
	}
	return q.lease(ctx, stmt, consumer, visibility)
}

// lease runs the prepared leaseQuery, on the pool or bound to a
// transaction.
func (q *SQLite) lease(ctx context.Context, stmt *sql.Stmt, consumer string, visibility time.Duration) (*Job, error) {
	now := q.opts.Now()
	q.rrMu.Lock()
	after := q.lastBinding
	q.rrMu.Unlock()
	row := stmt.QueryRowContext(ctx, randomID(), consumer, q.nanos(now.Add(visibility)), q.nanos(now), after)
	j, err := scanJob(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("lease job for %s: %w", consumer, err)
	}
	q.rrMu.Lock()
	q.lastBinding = j.Binding.String()
	q.rrMu.Unlock()
	return &j, nil
}

// ReleaseLeases makes every leased job ready at once. A starting gateway
// owns the whole SQLite queue, so any lease in the file belongs to a process
// that is gone: calling this at start brings its jobs back now rather than
// when their leases expire. The leases stay counted in Attempts (not in
// Failures). Never call it while another process works on the file.
func (q *SQLite) ReleaseLeases(ctx context.Context) (int64, error) {
	res, err := q.db.W.ExecContext(ctx, releaseSQL, q.nanos(q.opts.Now()))
	if err != nil {
		return 0, fmt.Errorf("release leases of a previous process: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("release leases of a previous process: %w", err)
	}
	if n > 0 {
		q.notify()
	}
	return n, nil
}

// settleSQL is the statement of a settle: set is one of a few constants
// (Ack, Retry, ...), so each settle kind is prepared once.
func settleSQL(set string) string {
	return `UPDATE jobs SET ` + set + `
		WHERE id = ? AND state = 'leased' AND receipt = ? AND next_at > ?`
}

// settle applies an update to a job still held under j's lease.
func (q *SQLite) settle(ctx context.Context, what string, j *Job, set string, args ...any) error {
	stmt, err := q.db.Prepared(ctx, q.db.W, settleSQL(set))
	if err != nil {
		return fmt.Errorf("%s job %s: %w", what, j.ID, err)
	}
	return q.settleWith(ctx, stmt, what, j, args...)
}

// settleWith runs a settle's prepared statement, on the pool or bound to a
// transaction.
func (q *SQLite) settleWith(ctx context.Context, stmt *sql.Stmt, what string, j *Job, args ...any) error {
	args = append(args, j.ID, j.Receipt, q.nanos(q.opts.Now()))
	res, err := stmt.ExecContext(ctx, args...)
	if err != nil {
		return fmt.Errorf("%s job %s: %w", what, j.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s job %s: %w", what, j.ID, err)
	}
	if n == 0 {
		return fmt.Errorf("%s job %s: %w", what, j.ID, ErrLeaseLost)
	}
	return nil
}

// Extend pushes the lease's expiry to now + visibility.
func (q *SQLite) Extend(ctx context.Context, j *Job, visibility time.Duration) error {
	until := q.opts.Now().Add(visibility)
	if err := q.settle(ctx, "extend lease of", j, `next_at = ?`, q.nanos(until)); err != nil {
		return err
	}
	j.NextAt = until.UTC()
	return nil
}

// The SET clauses of the settles that end a lease.
const (
	ackSet   = `state = 'done', receipt = '', done_at = ?`
	retrySet = `state = 'ready', receipt = '', consumer = '', next_at = ?, last_error = ?,
		failures = failures + 1`
	deferSet = `state = 'ready', receipt = '', consumer = '', next_at = ?, last_error = ?,
		attempts = MAX(attempts - 1, 0)`
	deadSet = `state = 'dead', receipt = '', consumer = '', last_error = ?`
)

// ending is one settle that ends a lease: its name for errors, its SET
// clause and arguments, and what it does to the Job once committed.
type ending struct {
	what, set string
	args      []any
	apply     func()
}

func (q *SQLite) ending(j *Job, s Settlement) ending {
	now := q.opts.Now()
	next := now.Add(s.Delay)
	e := ending{what: s.Kind.what(), apply: settled(j, s, next, q.notify)}
	switch s.Kind {
	case SettleRetry:
		e.set, e.args = retrySet, []any{q.nanos(next), s.Reason}
	case SettleDefer:
		e.set, e.args = deferSet, []any{q.nanos(next), s.Reason}
	case SettleDead:
		e.set, e.args = deadSet, []any{s.Reason}
	default:
		e.set, e.args = ackSet, []any{q.nanos(now)}
	}
	return e
}

// end runs one ending settle on its own.
func (q *SQLite) end(ctx context.Context, j *Job, s Settlement) error {
	e := q.ending(j, s)
	if err := q.settle(ctx, e.what, j, e.set, e.args...); err != nil {
		return err
	}
	e.apply()
	return nil
}

// Ack marks the job done; it is pruned after DoneRetention.
func (q *SQLite) Ack(ctx context.Context, j *Job) error {
	return q.end(ctx, j, Settlement{Kind: SettleAck})
}

// Retry makes the job leasable again after delay.
func (q *SQLite) Retry(ctx context.Context, j *Job, delay time.Duration, lastError string) error {
	return q.end(ctx, j, Settlement{Kind: SettleRetry, Delay: delay, Reason: lastError})
}

// Defer makes the job leasable again after delay and gives its lease back:
// Attempts and Failures stay as they were before the lease.
func (q *SQLite) Defer(ctx context.Context, j *Job, delay time.Duration, reason string) error {
	return q.end(ctx, j, Settlement{Kind: SettleDefer, Delay: delay, Reason: reason})
}

// Dead moves the job to the dead-letter state.
func (q *SQLite) Dead(ctx context.Context, j *Job, lastError string) error {
	return q.end(ctx, j, Settlement{Kind: SettleDead, Reason: lastError})
}

// DB is the database the queue runs on (TxSettler).
func (q *SQLite) DB() *sqlitedb.DB { return q.db }

var _ TxSettler = (*SQLite)(nil)

// SettleTx settles j as s says, after also and before leasing next, in one
// write transaction (TxSettler): one commit, with the WAL frames of the
// pages the settle and the lease both touch (the job rows' leaf, jobs_fair)
// written once. A lost lease (the settle updates nothing) still commits
// also and the lease: the separate calls would have written both.
func (q *SQLite) SettleTx(ctx context.Context, j *Job, s Settlement, also func(context.Context, *sql.Tx) error, next *NextLease) (*Job, error) {
	e := q.ending(j, s)
	// Prepared before the transaction, which holds the one write
	// connection a first preparation would wait for.
	settleStmt, err := q.db.Prepared(ctx, q.db.W, settleSQL(e.set))
	if err != nil {
		return nil, fmt.Errorf("%s job %s: %w", e.what, j.ID, err)
	}
	r := &settleReq{ctx: ctx, j: j, e: e, settleStmt: settleStmt, also: also, next: next, done: make(chan struct{})}
	if next != nil {
		if r.leaseStmt, err = q.db.Prepared(ctx, q.db.W, leaseQuery); err != nil {
			return nil, fmt.Errorf("lease job for %s: %w", next.Consumer, err)
		}
	}
	if err := q.settles.put(ctx, r); err != nil {
		if !errors.Is(err, ErrClosed) {
			return nil, fmt.Errorf("%s job %s: %w", e.what, j.ID, err)
		}
		// The settler has stopped (Close): the transaction of its own.
		q.settleBatch([]*settleReq{r})
	} else {
		// Once handed over it may commit: wait for the verdict even if
		// ctx ends, so a lease taken is never left unknown.
		<-r.done
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.settleErr == nil {
		e.apply()
	}
	return r.leased, r.settleErr
}

// maxSettleBatch bounds the SettleTx calls that share a commit.
const maxSettleBatch = 64

// settleReq is one SettleTx handed to the settler.
type settleReq struct {
	ctx                   context.Context
	j                     *Job
	e                     ending
	settleStmt, leaseStmt *sql.Stmt
	also                  func(context.Context, *sql.Tx) error
	next                  *NextLease

	// The verdict, set before done is closed.
	leased    *Job
	settleErr error // the settle's own: nil or wrapping ErrLeaseLost
	err       error // the transaction's: nothing of this call committed
	done      chan struct{}
}

// settler owns the settles' group commit: the SettleTx calls of workers
// that wait for the write connection at the same time share one
// transaction (gather: what waits when the first arrives, no added wait).
// Each call's statements run as on its own, in the order the calls came;
// what pages they share (the job rows' leaf, the audit log's last pages,
// the state indexes) is written to the WAL once per commit.
func (q *SQLite) settler() {
	defer q.wg.Done()
	gather(q.settles.ch, q.stop, maxSettleBatch, 0, q.settleBatch)
}

// settleBatch runs the calls in one write transaction. When it fails, each
// call is run alone, so that the error lands only on the call that caused
// it and the others commit; the failed transaction left nothing behind.
// The transaction waits for the write connection as long as the first
// call's context allows (a call alone: its own, as before batching).
func (q *SQLite) settleBatch(batch []*settleReq) {
	err := q.db.Tx(batch[0].ctx, func(tx *sql.Tx) error {
		for _, r := range batch {
			r.leased, r.settleErr = nil, nil
			if err := q.settleIn(tx, r); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil || len(batch) == 1 {
		for _, r := range batch {
			if err != nil {
				r.leased, r.settleErr, r.err = nil, nil, err
			}
			close(r.done)
		}
		return
	}
	for _, r := range batch {
		q.settleBatch([]*settleReq{r})
	}
}

// settleIn is one SettleTx call's statements in tx: also, the settle, the
// lease. A lost lease is the call's verdict, not the transaction's error.
func (q *SQLite) settleIn(tx *sql.Tx, r *settleReq) error {
	ctx := r.ctx
	if r.also != nil {
		if err := r.also(ctx, tx); err != nil {
			return err
		}
	}
	r.settleErr = q.settleWith(ctx, tx.StmtContext(ctx, r.settleStmt), r.e.what, r.j, r.e.args...)
	if r.settleErr != nil && !errors.Is(r.settleErr, ErrLeaseLost) {
		return r.settleErr
	}
	if r.next != nil {
		var err error
		if r.leased, err = q.lease(ctx, tx.StmtContext(ctx, r.leaseStmt), r.next.Consumer, r.next.Visibility); err != nil {
			return err
		}
	}
	return nil
}

// Replay puts a dead job back to ready now with its attempts reset; its
// last error stays for the record.
func (q *SQLite) Replay(ctx context.Context, id string) error {
	var state string
	err := q.db.W.QueryRowContext(ctx, `UPDATE jobs SET state = 'ready', attempts = 0, failures = 0, next_at = ?
		WHERE id = ? AND state = 'dead' RETURNING state`, q.nanos(q.opts.Now()), id).Scan(&state)
	if err == nil {
		q.notify()
		return nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("replay job %s: %w", id, err)
	}
	j, err := q.Get(ctx, id)
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	return fmt.Errorf("replay job %s in state %s: %w", id, j.State, ErrNotDead)
}

// The operator's reads (List, Stats) and ReleaseLeases go through the
// partial indexes of each state (live jobs: jobs_fair, dead: jobs_dead,
// done: jobs_done), never by a walk of every job kept.
const (
	listAllSQL = `SELECT ` + jobCols + ` FROM (
		SELECT seq, ` + jobCols + ` FROM jobs INDEXED BY jobs_fair WHERE state IN ('ready', 'leased')
		UNION ALL
		SELECT seq, ` + jobCols + ` FROM jobs INDEXED BY jobs_dead WHERE state = 'dead')
		ORDER BY seq LIMIT ?`
	listLiveSQL = `SELECT ` + jobCols + ` FROM jobs INDEXED BY jobs_fair
		WHERE state IN ('ready', 'leased') AND state = ? ORDER BY seq LIMIT ?`
	listDeadSQL = `SELECT ` + jobCols + ` FROM jobs INDEXED BY jobs_dead WHERE state = 'dead' ORDER BY seq LIMIT ?`
	// Done jobs in the order they were done, as the Redis queue lists them:
	// jobs_done (done_at, and seq as the rowid) gives that order, where
	// ORDER BY seq read and sorted every done job kept to return the first.
	listDoneSQL = `SELECT ` + jobCols + ` FROM jobs INDEXED BY jobs_done WHERE state = 'done' ORDER BY done_at, seq LIMIT ?`
	statsSQL    = `SELECT
		COALESCE(SUM(state = 'ready' AND next_at <= ?1), 0),
		COALESCE(SUM(state = 'ready' AND next_at > ?1), 0),
		COALESCE(SUM(state = 'leased'), 0),
		(SELECT COUNT(*) FROM jobs INDEXED BY jobs_dead WHERE state = 'dead')
		FROM jobs INDEXED BY jobs_fair WHERE state IN ('ready', 'leased')`
	releaseSQL = `UPDATE jobs INDEXED BY jobs_fair SET state = 'ready', receipt = '', consumer = '', next_at = ?
		WHERE state IN ('ready', 'leased') AND state = 'leased'`
)

// List returns jobs in queue order (oldest first); done jobs in the order
// they were done. An empty State lists every job but done ones.
func (q *SQLite) List(ctx context.Context, f ListFilter) ([]Job, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	var (
		rows *sql.Rows
		err  error
	)
	switch f.State {
	case "":
		rows, err = q.db.R.QueryContext(ctx, listAllSQL, limit)
	case StateReady, StateLeased:
		rows, err = q.db.R.QueryContext(ctx, listLiveSQL, string(f.State), limit)
	case StateDead:
		rows, err = q.db.R.QueryContext(ctx, listDeadSQL, limit)
	case StateDone:
		rows, err = q.db.R.QueryContext(ctx, listDoneSQL, limit)
	default:
		return []Job{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	defer rows.Close()
	out := []Job{}
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, fmt.Errorf("list jobs: %w", err)
		}
		out = append(out, j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	return out, nil
}

// Get returns one job, done ones included until pruned.
func (q *SQLite) Get(ctx context.Context, id string) (Job, error) {
	j, err := scanJob(q.db.R.QueryRowContext(ctx, `SELECT `+jobCols+` FROM jobs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Job{}, fmt.Errorf("get job %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Job{}, fmt.Errorf("get job %s: %w", id, err)
	}
	return j, nil
}

// Stats counts jobs by state; a leased job whose lease expired still counts
// as leased until someone takes it.
func (q *SQLite) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	now := q.nanos(q.opts.Now())
	err := q.db.R.QueryRowContext(ctx, statsSQL, now).Scan(&s.Ready, &s.Delayed, &s.Leased, &s.Dead)
	if err != nil {
		return Stats{}, fmt.Errorf("queue stats: %w", err)
	}
	return s, nil
}

// Depth counts the live (ready, delayed or leased) jobs of binding and of
// every binding, by index: two index range counts, no table access.
func (q *SQLite) Depth(ctx context.Context, binding store.BindingKey) (perBinding, total int, err error) {
	err = q.db.R.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM jobs INDEXED BY jobs_fair WHERE state IN ('ready', 'leased') AND binding = ?),
		(SELECT COUNT(*) FROM jobs INDEXED BY jobs_fair WHERE state IN ('ready', 'leased'))`,
		binding.String()).Scan(&perBinding, &total)
	if err != nil {
		return 0, 0, fmt.Errorf("queue depth of %s: %w", binding, err)
	}
	return perBinding, total, nil
}

// Ping checks the database answers.
func (q *SQLite) Ping(ctx context.Context) error { return q.db.Ping(ctx) }

// Prune deletes done jobs older than DoneRetention, expired replay keys
// and the expired dedup keys of the next chunk of them (pruneDedup: all of
// them when there are fewer than 50,000 keys); keys counts both kinds. The
// pruner goroutine calls it every PruneEvery.
func (q *SQLite) Prune(ctx context.Context) (jobs, keys int64, err error) {
	now := q.opts.Now()
	err = q.db.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM jobs WHERE state = 'done' AND done_at < ?`,
			q.nanos(now.Add(-q.opts.DoneRetention)))
		if err != nil {
			return err
		}
		jobs, _ = res.RowsAffected()
		if keys, err = q.pruneDedup(ctx, tx, now); err != nil {
			return err
		}
		res, err = tx.ExecContext(ctx, `DELETE FROM job_replay WHERE expires_at <= ?`, q.nanos(now))
		if err != nil {
			return err
		}
		replays, _ := res.RowsAffected()
		keys += replays
		// A key expires ReplayTTL after it was stored, which is after its
		// delivery was signed (a desk's clock ahead of ours aside): those
		// signed more than ReplayTTL ago are all the expired ones there can
		// be, found by the primary key; the few signed ahead wait a little
		// longer.
		res, err = tx.ExecContext(ctx, pruneSignedSQL, q.nanos(now.Add(-q.opts.ReplayTTL)), q.nanos(now))
		if err != nil {
			return err
		}
		replays, _ = res.RowsAffected()
		keys += replays
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("prune queue: %w", err)
	}
	return jobs, keys, nil
}

// dedupSweepChunk is the least number of dedup keys one prune looks at;
// twice the keys claimed since the last prune when that is more.
const dedupSweepChunk = 50000

// dedupSweepSQL finds the last key and the count of the next chunk (?2) of
// dedup keys after ?1; dedupPruneSQL deletes the expired ones (expired at
// ?3) among the keys after ?1 up to ?2. Both walk the primary key.
const (
	dedupSweepSQL = `SELECT MAX(key), COUNT(*) FROM (SELECT key FROM job_dedup WHERE key > ? ORDER BY key LIMIT ?)`
	dedupPruneSQL = `DELETE FROM job_dedup WHERE key > ? AND key <= ? AND expires_at <= ?`
)

// pruneDedup deletes the expired dedup keys among the next chunk of keys
// in key order after sweepFrom (a walk of job_dedup's primary key, no
// index of expiry), and moves sweepFrom past them, back to the start when
// the chunk reached the last key. A table of fewer keys than a chunk is
// swept whole by every prune; a larger one over several, each key looked
// at again within (keys / chunk) prunes. An expired key waiting for the
// sweep refuses nothing: a claim takes it over.
func (q *SQLite) pruneDedup(ctx context.Context, tx *sql.Tx, now time.Time) (int64, error) {
	q.sweepMu.Lock()
	defer q.sweepMu.Unlock()
	chunk := max(q.sweepChunk, 2*q.claimed.Swap(0))
	var last sql.NullString
	var seen int64
	if err := tx.QueryRowContext(ctx, dedupSweepSQL, q.sweepFrom, chunk).Scan(&last, &seen); err != nil {
		return 0, err
	}
	if !last.Valid {
		q.sweepFrom = ""
		return 0, nil
	}
	res, err := tx.ExecContext(ctx, dedupPruneSQL, q.sweepFrom, last.String, q.nanos(now))
	if err != nil {
		return 0, err
	}
	n, _ := res.RowsAffected()
	if seen < chunk {
		q.sweepFrom = ""
	} else {
		q.sweepFrom = last.String
	}
	return n, nil
}

func (q *SQLite) pruner() {
	defer q.wg.Done()
	pruneEvery(q.baseCtx, q.stop, q.opts.PruneEvery, q.log, q.Prune)
}
