package queue

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
)

func TestSQLite_leaseAndSettleUseIndexesWithoutSorting(t *testing.T) {
	q := emptyQueue(t)
	tests := []struct {
		name, query string
		args        []any
	}{
		{"lease", leaseQuery, []any{"r", "c", 2, 1, "", true}},
		{"settle", `UPDATE jobs SET state = 'done' WHERE id = ? AND state = 'leased' AND receipt = ? AND next_at > ?`, []any{"id", "r", 1}},
		{"prune", `DELETE FROM jobs WHERE state = 'done' AND done_at < ?`, []any{1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := queryPlan(t, q, tc.query, tc.args...)
			if strings.Contains(p, "TEMP B-TREE") || strings.Contains(p, "SCAN jobs") {
				t.Errorf("plan scans or sorts: %s", p)
			}
		})
	}
}

// The operator's reads may sort what one state's index holds, but never
// walk the whole table: done jobs are kept for a day and outnumber the
// rest, and no index holds every job (each one costs the hot path).
func TestSQLite_operatorReadsUseAStatesIndex(t *testing.T) {
	q := emptyQueue(t)
	tests := []struct {
		name, query string
		args        []any
	}{
		{"list all", listAllSQL, []any{10}},
		{"list live", listLiveSQL, []any{"ready", 10}},
		{"list dead", listDeadSQL, []any{10}},
		{"list done", listDoneSQL, []any{10}},
		{"stats", statsSQL, []any{1}},
		{"release leases", releaseSQL, []any{1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := queryPlan(t, q, tc.query, tc.args...)
			for _, step := range strings.Split(p, "; ") {
				if strings.HasPrefix(step, "SCAN jobs") && !strings.Contains(step, "USING") {
					t.Errorf("plan walks the table: %s", p)
				}
			}
		})
	}
}

// Done jobs are kept for a day and outnumber the rest: listing the first
// few walks jobs_done in order and stops, never sorting them all.
func TestSQLite_listDoneReadsItsIndexInOrder(t *testing.T) {
	p := queryPlan(t, emptyQueue(t), listDoneSQL, 10)
	if p != "SCAN jobs USING INDEX jobs_done" {
		t.Errorf("plan = %s; want jobs_done read in order, no sort", p)
	}
}

// The prune of signed replay keys seeks their primary key by time: the
// table has no expiry index, and a scan would read every key of the hour.
func TestSQLite_pruneOfSignedReplayKeysSeeksByTime(t *testing.T) {
	p := queryPlan(t, emptyQueue(t), pruneSignedSQL, 1, 2)
	if p != "SEARCH job_replay_signed USING PRIMARY KEY (signed_at<?)" {
		t.Errorf("plan = %s; want a seek on the primary key", p)
	}
}

// The signed replay claim looks its key up in job_replay by that table's
// primary key: one seek per job, not a walk of the hour's unsigned keys.
func TestSQLite_signedReplayClaimSeeksTheUnsignedKeys(t *testing.T) {
	p := queryPlan(t, emptyQueue(t), signedReplaySQL, 1, "k", 3, 4, []byte("d"))
	if !strings.Contains(p, "SEARCH job_replay USING PRIMARY KEY (key=?)") {
		t.Errorf("plan = %s; want a seek on job_replay's primary key", p)
	}
}

// queryPlan is EXPLAIN QUERY PLAN's details, joined with "; ".
func queryPlan(t *testing.T, q *SQLite, query string, args ...any) string {
	t.Helper()
	rows, err := q.db.R.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}

// emptyQueue is a queue on a fresh file, closed when the test ends.
func emptyQueue(t *testing.T) *SQLite {
	t.Helper()
	q, err := OpenSQLite(t.Context(), filepath.Join(t.TempDir(), "deskgate.db"), sqlitedb.Options{Synchronous: sqlitedb.SyncNormal}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}
