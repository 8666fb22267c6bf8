package queue_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
)

// settleTxQueue is a SQLite queue with two jobs enqueued and a table
// "marks" that a settle's also writes to.
func settleTxQueue(t *testing.T) *queue.SQLite {
	t.Helper()
	q := openQueue(t, filepath.Join(t.TempDir(), "deskgate.db"), queue.Options{})
	ctx := t.Context()
	if _, err := q.DB().W.ExecContext(ctx, `CREATE TABLE marks (x TEXT)`); err != nil {
		t.Fatal(err)
	}
	key := store.BindingKey{Platform: "p", Name: "n"}
	for _, id := range []string{"t1", "t2"} {
		if ok, err := q.Enqueue(ctx, queue.Job{Binding: key, DedupKey: id, Type: "ticket.created", TicketID: id}); err != nil || !ok {
			t.Fatalf("Enqueue %s = %v, %v", id, ok, err)
		}
	}
	return q
}

func mark(x string) func(context.Context, *sql.Tx) error {
	return func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO marks (x) VALUES (?)`, x)
		return err
	}
}

func marks(t *testing.T, q *queue.SQLite) int {
	t.Helper()
	var n int
	if err := q.DB().R.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM marks`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Each settle kind does in SettleTx what its own method does, the other
// component's write commits with it, and the next job is leased.
func TestSQLite_settleTxSettlesWritesAndLeasesTheNextJob(t *testing.T) {
	for _, tc := range []struct {
		s                  queue.Settlement
		state              queue.State
		attempts, failures int
		lastError          string
	}{
		{queue.Settlement{Kind: queue.SettleAck}, queue.StateDone, 1, 0, ""},
		{queue.Settlement{Kind: queue.SettleRetry, Delay: time.Hour, Reason: "flaky"}, queue.StateReady, 1, 1, "flaky"},
		{queue.Settlement{Kind: queue.SettleDefer, Delay: time.Hour, Reason: "throttled"}, queue.StateReady, 0, 0, "throttled"},
		{queue.Settlement{Kind: queue.SettleDead, Reason: "gone"}, queue.StateDead, 1, 0, "gone"},
	} {
		t.Run(string(tc.state)+"/"+tc.lastError, func(t *testing.T) {
			q := settleTxQueue(t)
			ctx := t.Context()
			j, err := q.Lease(ctx, "w", time.Minute)
			if err != nil || j == nil || j.TicketID != "t1" {
				t.Fatalf("Lease = %+v, %v", j, err)
			}
			next, err := q.SettleTx(ctx, j, tc.s, mark("a"), &queue.NextLease{Consumer: "w", Visibility: time.Minute})
			if err != nil {
				t.Fatalf("SettleTx: %v", err)
			}
			if next == nil || next.TicketID != "t2" || next.State != queue.StateLeased || next.Attempts != 1 || next.Receipt == "" {
				t.Errorf("next = %+v, want t2 leased at attempt 1", next)
			}
			got, err := q.Get(ctx, j.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.State != tc.state || got.Attempts != tc.attempts || got.Failures != tc.failures || got.LastError != tc.lastError || got.Receipt != "" {
				t.Errorf("settled job = %+v, want state %s attempts %d failures %d last error %q", got, tc.state, tc.attempts, tc.failures, tc.lastError)
			}
			if j.State != tc.state || j.Receipt != "" {
				t.Errorf("caller's job = state %s receipt %q, want %s and none", j.State, j.Receipt, tc.state)
			}
			if n := marks(t, q); n != 1 {
				t.Errorf("marks = %d, want 1", n)
			}
			// Without next, no lease.
			if again, err := q.SettleTx(ctx, next, queue.Settlement{Kind: queue.SettleAck}, nil, nil); err != nil || again != nil {
				t.Errorf("SettleTx without next = %+v, %v; want nil, nil", again, err)
			}
		})
	}
}

// When also fails nothing commits: the job keeps its lease, the next job
// is not leased, also's write is gone.
func TestSQLite_settleTxCommitsNothingWhenAlsoFails(t *testing.T) {
	q := settleTxQueue(t)
	ctx := t.Context()
	j, err := q.Lease(ctx, "w", time.Minute)
	if err != nil || j == nil {
		t.Fatalf("Lease = %+v, %v", j, err)
	}
	boom := errors.New("boom")
	also := func(ctx context.Context, tx *sql.Tx) error {
		if err := mark("a")(ctx, tx); err != nil {
			return err
		}
		return boom
	}
	next, err := q.SettleTx(ctx, j, queue.Settlement{Kind: queue.SettleDead, Reason: "gone"}, also, &queue.NextLease{Consumer: "w", Visibility: time.Minute})
	if !errors.Is(err, boom) || errors.Is(err, queue.ErrLeaseLost) || next != nil {
		t.Fatalf("SettleTx = %+v, %v; want nil, boom", next, err)
	}
	if j.State != queue.StateLeased || j.Receipt == "" {
		t.Errorf("caller's job changed: %+v", j)
	}
	if n := marks(t, q); n != 0 {
		t.Errorf("marks = %d, want 0", n)
	}
	st, err := q.Stats(ctx)
	if err != nil || st.Leased != 1 || st.Ready != 1 {
		t.Errorf("Stats = %+v, %v; want 1 leased, 1 ready", st, err)
	}
	if err := q.Ack(ctx, j); err != nil {
		t.Errorf("Ack under the kept lease: %v", err)
	}
}

// A lost lease refuses the settle but, as the separate calls would, keeps
// also's write and leases the next job.
func TestSQLite_settleTxOnALostLeaseKeepsAlsoAndTheLease(t *testing.T) {
	q := settleTxQueue(t)
	ctx := t.Context()
	j, err := q.Lease(ctx, "w", time.Minute)
	if err != nil || j == nil {
		t.Fatalf("Lease = %+v, %v", j, err)
	}
	if _, err := q.ReleaseLeases(ctx); err != nil {
		t.Fatal(err)
	}
	next, err := q.SettleTx(ctx, j, queue.Settlement{Kind: queue.SettleAck}, mark("a"), &queue.NextLease{Consumer: "w", Visibility: time.Minute})
	if !errors.Is(err, queue.ErrLeaseLost) {
		t.Fatalf("SettleTx error = %v, want ErrLeaseLost", err)
	}
	// The released job is due from its release, after t2's enqueue.
	if next == nil || next.TicketID != "t2" || next.State != queue.StateLeased {
		t.Errorf("next = %+v, want t2 leased", next)
	}
	if j.State != queue.StateLeased {
		t.Errorf("caller's job state = %s, want leased (unchanged)", j.State)
	}
	if got, err := q.Get(ctx, j.ID); err != nil || got.State != queue.StateReady {
		t.Errorf("job whose lease was lost = %+v, %v; want ready, not acknowledged", got, err)
	}
	if n := marks(t, q); n != 1 {
		t.Errorf("marks = %d, want 1", n)
	}
}
