package queue

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
)

// The dedup sweep walks job_dedup's primary key: no expiry index is left
// to serve it, and a scan would read every key of the week.
func TestSQLite_dedupSweepSeeksThePrimaryKey(t *testing.T) {
	q := emptyQueue(t)
	if p := queryPlan(t, q, dedupSweepSQL, "k", 10); p != "CO-ROUTINE (subquery-1); SEARCH job_dedup USING PRIMARY KEY (key>?); SCAN (subquery-1)" {
		t.Errorf("sweep plan = %s", p)
	}
	if p := queryPlan(t, q, dedupPruneSQL, "a", "b", 1); p != "SEARCH job_dedup USING PRIMARY KEY (key>? AND key<?)" {
		t.Errorf("prune plan = %s", p)
	}
}

// putDedupKeys stores dedup keys as a claim does, expiring at exp(i).
func putDedupKeys(t *testing.T, db *sqlitedb.DB, n int, exp func(i int) time.Time) {
	t.Helper()
	for i := range n {
		if _, err := db.W.ExecContext(t.Context(), `INSERT INTO job_dedup (key, job_id, expires_at) VALUES (?, ?, ?)`,
			fmt.Sprintf("zendesk/acme/inv-%03d", i), fmt.Sprint("job-", i), exp(i).UnixNano()); err != nil {
			t.Fatal(err)
		}
	}
}

func dedupKeyCount(t *testing.T, db *sqlitedb.DB) int {
	t.Helper()
	var n int
	if err := db.R.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM job_dedup`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A queue file of the layout before migration 7 (job_dedup_expiry
// present) opens at 7: the index is gone, a live key still refuses its
// delivery, an expired one is taken over, and the prune deletes the
// expired keys without the index.
func TestSQLite_migrationSevenFromTheLayoutBefore(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "deskgate.db")
	db, err := sqlitedb.Open(ctx, path, sqlitedb.Options{Synchronous: sqlitedb.SyncNormal})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := sqlitedb.Migrate(ctx, db, "queue", sqliteMigrations[:6]); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	// Even keys live for an hour more, odd ones expired a minute ago.
	putDedupKeys(t, db, 10, func(i int) time.Time {
		if i%2 == 0 {
			return now.Add(time.Hour)
		}
		return now.Add(-time.Minute)
	})
	q, err := NewSQLite(ctx, db, Options{Now: func() time.Time { return now }, PruneEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if v, err := sqlitedb.Version(ctx, db, "queue"); err != nil || v != len(sqliteMigrations) || v != 7 {
		t.Fatalf("version %d, %v; want 7", v, err)
	}
	var idx int
	if err := db.R.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'job_dedup_expiry'`).Scan(&idx); err != nil || idx != 0 {
		t.Fatalf("job_dedup_expiry still there (%d, %v)", idx, err)
	}
	if ok, err := q.Enqueue(ctx, Job{DedupKey: "zendesk/acme/inv-000", Type: "t"}); err != nil || ok {
		t.Errorf("delivery under a live key from before = %v, %v; want a duplicate", ok, err)
	}
	if ok, err := q.Enqueue(ctx, Job{DedupKey: "zendesk/acme/inv-001", Type: "t"}); err != nil || !ok {
		t.Errorf("delivery under an expired key from before = %v, %v; want it taken", ok, err)
	}
	if _, keys, err := q.Prune(ctx); err != nil || keys != 4 {
		t.Errorf("Prune = %d keys, %v; want the 4 expired keys left", keys, err)
	}
	if n := dedupKeyCount(t, db); n != 6 {
		t.Errorf("%d keys after the prune, want 6 (5 live, 1 taken over)", n)
	}
}

// A table of more keys than one chunk is swept over several prunes, each
// taking the next chunk in key order and starting again after the last;
// claims between prunes make the chunk grow with them.
func TestSQLite_dedupSweepCoversTheTableOverSeveralPrunes(t *testing.T) {
	ctx := t.Context()
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	q, err := OpenSQLite(ctx, filepath.Join(t.TempDir(), "deskgate.db"), sqlitedb.Options{Synchronous: sqlitedb.SyncNormal},
		Options{Now: func() time.Time { return now }, PruneEvery: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	q.sweepChunk = 10
	// 35 keys, every third one expired (12 of them).
	putDedupKeys(t, q.db, 35, func(i int) time.Time {
		if i%3 == 0 {
			return now.Add(-time.Second)
		}
		return now.Add(time.Hour)
	})
	prune := func() int64 {
		t.Helper()
		_, keys, err := q.Prune(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return keys
	}
	// Keys 0-9 hold 4 expired, 10-19 3, 20-29 3, 30-34 2; then around again.
	for i, want := range []int64{4, 3, 3, 2, 0} {
		if got := prune(); got != want {
			t.Errorf("prune %d deleted %d keys, want %d", i+1, got, want)
		}
	}
	if n := dedupKeyCount(t, q.db); n != 23 {
		t.Errorf("%d keys left, want the 23 live ones", n)
	}
	// The fifth prune started again and took the first 10 live keys (up to
	// inv-014). 30 claims make the next chunk 60: once every key has
	// expired, it takes the rest of the table (13 old keys after inv-014
	// and the 30 new ones) where a chunk of 10 would take 10, and the one
	// after it starts again with the 10 before.
	for i := range 30 {
		if ok, err := q.Enqueue(context.Background(), Job{DedupKey: fmt.Sprint("zendesk/acme/new-", i), Type: "t"}); err != nil || !ok {
			t.Fatalf("Enqueue = %v, %v", ok, err)
		}
	}
	now = now.Add(DefaultDedupTTL + time.Hour)
	if got := prune(); got != 43 {
		t.Errorf("prune after 30 claims deleted %d keys, want 43", got)
	}
	if got := prune(); got != 10 {
		t.Errorf("the prune after it deleted %d keys, want the first 10", got)
	}
	if n := dedupKeyCount(t, q.db); n != 0 {
		t.Errorf("%d keys left, want none", n)
	}
}
