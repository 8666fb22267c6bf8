package sqlitedb_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
)

func open(t *testing.T, path string) *sqlitedb.DB {
	t.Helper()
	db, err := sqlitedb.Open(t.Context(), path, sqlitedb.Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestOpen_setsWALForeignKeysAndBusyTimeout(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "sub", "x.db"))
	tests := []struct {
		pool   *sql.DB
		pragma string
		want   string
	}{
		{db.W, "journal_mode", "wal"},
		{db.W, "foreign_keys", "1"},
		{db.W, "busy_timeout", "10000"},
		{db.W, "synchronous", "1"}, // NORMAL between durable commits
		{db.W, "wal_autocheckpoint", "10000"},
		{db.R, "foreign_keys", "1"},
		{db.R, "busy_timeout", "10000"},
		{db.R, "query_only", "1"},
	}
	for _, tc := range tests {
		var got string
		if err := tc.pool.QueryRowContext(t.Context(), "PRAGMA "+tc.pragma).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", tc.pragma, err)
		}
		if !strings.EqualFold(got, tc.want) {
			t.Errorf("PRAGMA %s = %s, want %s", tc.pragma, got, tc.want)
		}
	}
}

func TestOpen_rejectsBadInput(t *testing.T) {
	tests := []struct {
		name string
		path string
		opts sqlitedb.Options
	}{
		{"empty path", "", sqlitedb.Options{}},
		{"question mark in path", filepath.Join(t.TempDir(), "a?b.db"), sqlitedb.Options{}},
		{"unknown synchronous level", filepath.Join(t.TempDir(), "x.db"), sqlitedb.Options{Synchronous: "OFF"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if db, err := sqlitedb.Open(t.Context(), tc.path, tc.opts); err == nil {
				db.Close()
				t.Errorf("Open(%q, %+v) = nil error", tc.path, tc.opts)
			}
		})
	}
}

func TestDurableTx_restoresNormalAfterCommit(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "x.db"))
	ctx := t.Context()
	if _, err := db.W.ExecContext(ctx, "CREATE TABLE t (x INTEGER)"); err != nil {
		t.Fatal(err)
	}
	var during string
	err := db.DurableTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&during); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO t VALUES (1)")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var after string
	if err := db.W.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&after); err != nil {
		t.Fatal(err)
	}
	if during != "2" || after != "1" {
		t.Errorf("synchronous during DurableTx = %s, after = %s; want 2 (FULL) then 1 (NORMAL)", during, after)
	}
}

func TestMigrate_appliesEachStepOnceInOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	db := open(t, path)
	ctx := t.Context()
	steps := []string{
		`CREATE TABLE a (x INTEGER)`,
		`ALTER TABLE a ADD COLUMN y TEXT; CREATE TABLE b (z INTEGER)`,
	}
	if err := sqlitedb.Migrate(ctx, db, "c", steps[:1]); err != nil {
		t.Fatal(err)
	}
	if err := sqlitedb.Migrate(ctx, db, "c", steps); err != nil {
		t.Fatalf("Migrate with a new step: %v", err)
	}
	if err := sqlitedb.Migrate(ctx, db, "c", steps); err != nil {
		t.Fatalf("Migrate again: %v", err)
	}
	if v, err := sqlitedb.Version(ctx, db, "c"); err != nil || v != 2 {
		t.Errorf("Version = %d, %v; want 2", v, err)
	}
	if _, err := db.W.ExecContext(ctx, `INSERT INTO a (x, y) VALUES (1, 'y'); INSERT INTO b VALUES (1)`); err != nil {
		t.Errorf("schema after both steps: %v", err)
	}
	if v, err := sqlitedb.Version(ctx, db, "other"); err != nil || v != 0 {
		t.Errorf("Version of an unknown component = %d, %v; want 0", v, err)
	}
}

func TestMigrate_rollsBackAFailingStep(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "x.db"))
	ctx := t.Context()
	steps := []string{`CREATE TABLE a (x INTEGER)`, `CREATE TABLE b (x INTEGER); CREATE TABLE a (x INTEGER)`}
	if err := sqlitedb.Migrate(ctx, db, "c", steps); err == nil {
		t.Fatal("Migrate with a failing step = nil error")
	}
	if v, _ := sqlitedb.Version(ctx, db, "c"); v != 1 {
		t.Errorf("Version after a failing second step = %d, want 1", v)
	}
	var n int
	if err := db.R.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("half of the failing step was kept")
	}
}

func TestMigrate_refusesADatabaseNewerThanTheBuild(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "x.db"))
	ctx := t.Context()
	if err := sqlitedb.Migrate(ctx, db, "c", []string{`CREATE TABLE a (x)`, `CREATE TABLE b (x)`}); err != nil {
		t.Fatal(err)
	}
	err := sqlitedb.Migrate(ctx, db, "c", []string{`CREATE TABLE a (x)`})
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Migrate with fewer steps than applied = %v, want a refusal", err)
	}
}

// Two Opens of one file behave like two processes: each has its own write
// connection, so they contend on SQLite's file lock and must wait for each
// other (busy_timeout, BEGIN IMMEDIATE) rather than fail.
func TestTx_twoHandlesOnOneFileNeverFailBusy(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	a, b := open(t, path), open(t, path)
	ctx := t.Context()
	if err := sqlitedb.Migrate(ctx, a, "c", []string{`CREATE TABLE n (v INTEGER)`}); err != nil {
		t.Fatal(err)
	}
	if err := sqlitedb.Migrate(ctx, b, "c", []string{`CREATE TABLE n (v INTEGER)`}); err != nil {
		t.Fatalf("second handle's Migrate: %v", err)
	}
	const each = 50
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for _, db := range []*sqlitedb.DB{a, b} {
		wg.Go(func() {
			for i := range each {
				// Read then write in one transaction: the case that fails
				// with SQLITE_BUSY_SNAPSHOT under a deferred BEGIN.
				err := db.Tx(context.Background(), func(tx *sql.Tx) error {
					var c int
					if err := tx.QueryRow(`SELECT COUNT(*) FROM n`).Scan(&c); err != nil {
						return err
					}
					_, err := tx.Exec(`INSERT INTO n VALUES (?)`, c)
					return err
				})
				if err != nil {
					errs <- fmt.Errorf("write %d: %w", i, err)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	var n, distinct int
	if err := a.R.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(DISTINCT v) FROM n`).Scan(&n, &distinct); err != nil {
		t.Fatal(err)
	}
	if n != 2*each || distinct != 2*each {
		t.Errorf("%d rows, %d distinct counts; want %d of each (serialized writes)", n, distinct, 2*each)
	}
}

func TestPrepared_keepsOneStatementPerPoolAndQuery(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "x.db"))
	ctx := t.Context()
	if _, err := db.W.ExecContext(ctx, `CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)`); err != nil {
		t.Fatal(err)
	}
	ins, err := db.Prepared(ctx, db.W, `INSERT INTO kv (k, v) VALUES (?, ?)`)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := db.Prepared(ctx, db.W, `INSERT INTO kv (k, v) VALUES (?, ?)`); err != nil || again != ins {
		t.Errorf("second Prepared of the same query = %p, %v; want the first statement %p", again, err, ins)
	}
	if _, err := ins.ExecContext(ctx, "a", "1"); err != nil {
		t.Fatal(err)
	}
	onW, err := db.Prepared(ctx, db.W, `SELECT v FROM kv WHERE k = ?`)
	if err != nil {
		t.Fatal(err)
	}
	onR, err := db.Prepared(ctx, db.R, `SELECT v FROM kv WHERE k = ?`)
	if err != nil {
		t.Fatal(err)
	}
	if onW == onR {
		t.Error("one statement for both pools: reads meant for R would queue behind writes on W")
	}
	var v string
	if err := onR.QueryRowContext(ctx, "a").Scan(&v); err != nil || v != "1" {
		t.Errorf("read through the prepared statement = %q, %v; want 1", v, err)
	}
	if _, err := db.Prepared(ctx, db.R, `SELECT nope FROM kv`); err == nil {
		t.Error("Prepared of an invalid query succeeded")
	}
}
