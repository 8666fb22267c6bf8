package sqlitedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	// Registers the "sqlite" driver.
	_ "modernc.org/sqlite"
)

// Synchronous is SQLite's PRAGMA synchronous level for durable commits.
//
// Ordinary writes (audit entries, stage records, leases, acks) run at NORMAL:
// in WAL mode that survives a process crash, and after a power loss the worst
// case is a job delivered again or an audit line missing. Writes made through
// DurableTx (an enqueued event, a token, install state) switch the connection
// to the durable level for that one commit; at FULL its fsync of the WAL also
// covers every NORMAL commit before it.
type Synchronous string

const (
	// SyncFull fsyncs the WAL on a durable commit: it then survives power
	// loss and an OS crash, not only a process crash. It is the default
	// because the webhook ingress answers 200 as soon as Enqueue returns, and
	// the desk will not send that event again.
	SyncFull Synchronous = "FULL"
	// SyncNormal makes durable commits like ordinary ones. For tests and
	// throw-away data.
	SyncNormal Synchronous = "NORMAL"
)

// walAutocheckpointPages is the write connection's wal_autocheckpoint.
const walAutocheckpointPages = 10000

// Options tune Open. The zero value is the production default.
type Options struct {
	Synchronous Synchronous // level of DurableTx commits; "" = SyncFull
	// BusyTimeoutMillis bounds how long a connection waits for another
	// process's lock; 0 = 10000.
	BusyTimeoutMillis int
	// ReadConns is the size of the read pool; 0 = max(4, GOMAXPROCS).
	ReadConns int
}

// DB is one SQLite file opened as a write pool of one connection and a read
// pool. Use W for every statement that writes (a transaction begun on W is
// BEGIN IMMEDIATE, so it takes the write lock up front and cannot fail half
// way with SQLITE_BUSY_SNAPSHOT), R for reads.
type DB struct {
	W       *sql.DB
	R       *sql.DB
	Path    string
	durable Synchronous

	stmtMu sync.Mutex
	stmts  map[stmtKey]*sql.Stmt
}

type stmtKey struct {
	pool  *sql.DB
	query string
}

// Open opens (creating when absent) the database at path.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if path == "" {
		return nil, errors.New("open sqlite: empty path")
	}
	if strings.ContainsRune(path, '?') {
		// The driver splits the DSN at the first '?'.
		return nil, fmt.Errorf("open sqlite %s: path must not contain '?'", path)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("open sqlite %s: create directory: %w", path, err)
		}
	}
	if err := privateFiles(path); err != nil {
		return nil, fmt.Errorf("open sqlite %s: %w", path, err)
	}
	sync := opts.Synchronous
	if sync == "" {
		sync = SyncFull
	}
	if sync != SyncFull && sync != SyncNormal {
		return nil, fmt.Errorf("open sqlite %s: unknown synchronous level %q", path, sync)
	}
	busy := opts.BusyTimeoutMillis
	if busy <= 0 {
		busy = 10000
	}
	readConns := opts.ReadConns
	if readConns <= 0 {
		readConns = max(4, runtime.GOMAXPROCS(0))
	}

	common := url.Values{}
	common.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy))
	common.Add("_pragma", "foreign_keys(1)")

	wq := url.Values{}
	for k, v := range common {
		wq[k] = append([]string(nil), v...)
	}
	wq.Add("_pragma", "journal_mode(WAL)")
	wq.Add("_pragma", "synchronous(NORMAL)")
	// A checkpoint runs inside the commit that crosses the limit, copying
	// each page of the WAL back and fsyncing the file. At SQLite's default
	// (1000 pages, 4 MB) the group commit of webhook enqueues paid one every
	// few hundred jobs; at 10000 (40 MB of WAL) a page rewritten by many
	// commits is copied once (BenchmarkSQLiteEnqueueDeliveries 81-97 ->
	// 71-79 CPU µs/job). Durability is the commit's fsync of the WAL, not
	// the checkpoint's.
	wq.Add("_pragma", fmt.Sprintf("wal_autocheckpoint(%d)", walAutocheckpointPages))
	wq.Set("_txlock", "immediate")

	w, err := sql.Open("sqlite", path+"?"+wq.Encode())
	if err != nil {
		return nil, fmt.Errorf("open sqlite %s for writing: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	// The writer creates the file and switches it to WAL before any reader
	// connects: a read-only pool could not do either.
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open sqlite %s for writing: %w", path, err)
	}
	var mode string
	if err := w.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		w.Close()
		return nil, fmt.Errorf("open sqlite %s: read journal mode: %w", path, err)
	}
	if !strings.EqualFold(mode, "wal") {
		w.Close()
		return nil, fmt.Errorf("open sqlite %s: journal mode is %q, want wal (is the file on a filesystem without shared memory?)", path, mode)
	}

	rq := common
	rq.Add("_pragma", "query_only(1)")
	r, err := sql.Open("sqlite", path+"?"+rq.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open sqlite %s for reading: %w", path, err)
	}
	r.SetMaxOpenConns(readConns)
	r.SetMaxIdleConns(readConns)
	if err := r.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, fmt.Errorf("open sqlite %s for reading: %w", path, err)
	}
	return &DB{W: w, R: r, Path: path, durable: sync, stmts: map[stmtKey]*sql.Stmt{}}, nil
}

// Close closes both pools.
func (db *DB) Close() error {
	db.stmtMu.Lock()
	for _, st := range db.stmts {
		st.Close()
	}
	clear(db.stmts)
	db.stmtMu.Unlock()
	return errors.Join(db.R.Close(), db.W.Close())
}

// Prepared returns query prepared on pool (W or R), preparing it on first
// use and keeping it until Close: the driver otherwise compiles the SQL on
// every call, which cost a lease, a settle or a lookup about as much as
// running it. Only for queries from the program's text, never built from
// input (the cache keeps every distinct query). Not inside a transaction
// on W: pass the statement through tx.StmtContext there.
func (db *DB) Prepared(ctx context.Context, pool *sql.DB, query string) (*sql.Stmt, error) {
	k := stmtKey{pool, query}
	db.stmtMu.Lock()
	st := db.stmts[k]
	db.stmtMu.Unlock()
	if st != nil {
		return st, nil
	}
	// Prepared unlocked: on W it waits for the write connection.
	st, err := pool.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare statement: %w", err)
	}
	db.stmtMu.Lock()
	defer db.stmtMu.Unlock()
	if first := db.stmts[k]; first != nil {
		st.Close() // another caller prepared it meanwhile
		return first, nil
	}
	db.stmts[k] = st
	return st, nil
}

// Ping checks both pools answer a query.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	if err := db.R.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("ping sqlite %s (read pool): %w", db.Path, err)
	}
	if err := db.W.PingContext(ctx); err != nil {
		return fmt.Errorf("ping sqlite %s (write pool): %w", db.Path, err)
	}
	return nil
}

// Tx runs fn in a write transaction (BEGIN IMMEDIATE) and commits it when fn
// returns nil; otherwise it rolls back and returns fn's error.
func (db *DB) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.W.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin write transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// DurableTx is Tx whose commit is made durable at the configured level
// (FULL by default) before it returns. Use it for writes whose loss after an
// acknowledgement would be unrecoverable.
func (db *DB) DurableTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if db.durable == SyncNormal {
		return db.Tx(ctx, fn)
	}
	// The write pool has one connection: holding it as a Conn keeps the
	// pragma and the transaction together.
	c, err := db.W.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take write connection: %w", err)
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, "PRAGMA synchronous = "+string(db.durable)); err != nil {
		return fmt.Errorf("set synchronous %s: %w", db.durable, err)
	}
	defer func() {
		// Should this fail the connection only stays slower, never less safe.
		_, _ = c.ExecContext(context.WithoutCancel(ctx), "PRAGMA synchronous = NORMAL")
	}()
	tx, err := c.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin write transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// privateFiles makes the database file readable by its owner only before
// SQLite opens it: SQLite creates the WAL and shared-memory files with the
// database file's mode, so they are private too. A file an older version
// created group- or world-readable is tightened.
func privateFiles(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("create database file: %w", err)
	}
	st, err := f.Stat()
	if err == nil && st.Mode().Perm()&0o077 != 0 {
		err = f.Chmod(0o600)
	}
	f.Close()
	if err != nil {
		return fmt.Errorf("make database file private: %w", err)
	}
	for _, side := range []string{path + "-wal", path + "-shm"} {
		if st, err := os.Stat(side); err == nil && st.Mode().Perm()&0o077 != 0 {
			if err := os.Chmod(side, 0o600); err != nil {
				return fmt.Errorf("make %s private: %w", filepath.Base(side), err)
			}
		}
	}
	return nil
}
