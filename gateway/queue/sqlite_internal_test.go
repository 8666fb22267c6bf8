package queue

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
)

func TestSQLite_leaseAndSettleUseIndexesWithoutSorting(t *testing.T) {
	q, err := OpenSQLite(t.Context(), filepath.Join(t.TempDir(), "deskgate.db"), sqlitedb.Options{Synchronous: sqlitedb.SyncNormal}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
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
			rows, err := q.db.R.QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+tc.query, tc.args...)
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
			p := strings.Join(plan, "; ")
			if strings.Contains(p, "TEMP B-TREE") || strings.Contains(p, "SCAN jobs") {
				t.Errorf("plan scans or sorts: %s", p)
			}
		})
	}
}
