package queue

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
)

// SettleTx calls waiting for the write connection together share one
// transaction; one that fails there fails alone: the others commit their
// settles and writes, and nothing of the failed one is kept.
func TestSQLite_settleTxCallsWaitingTogetherShareACommitAndFailAlone(t *testing.T) {
	q := emptyQueue(t)
	ctx := t.Context()
	if _, err := q.db.W.ExecContext(ctx, `CREATE TABLE marks (x TEXT)`); err != nil {
		t.Fatal(err)
	}
	key := store.BindingKey{Platform: "p", Name: "n"}
	jobs := make([]*Job, 5)
	for i := range jobs {
		if ok, err := q.Enqueue(ctx, Job{Binding: key, DedupKey: fmt.Sprint("d", i), Type: "ticket.created", TicketID: fmt.Sprint(i)}); err != nil || !ok {
			t.Fatalf("Enqueue = %v, %v", ok, err)
		}
		j, err := q.Lease(ctx, "w", time.Minute)
		if err != nil || j == nil {
			t.Fatalf("Lease = %+v, %v", j, err)
		}
		jobs[i] = j
	}
	boom := errors.New("boom")
	var (
		mu    sync.Mutex
		first = map[int]*sql.Tx{} // the transaction each call's also ran in first
	)
	also := func(i int) func(context.Context, *sql.Tx) error {
		return func(ctx context.Context, tx *sql.Tx) error {
			mu.Lock()
			if first[i] == nil {
				first[i] = tx
			}
			mu.Unlock()
			if _, err := tx.ExecContext(ctx, `INSERT INTO marks (x) VALUES (?)`, fmt.Sprint(i)); err != nil {
				return err
			}
			if i == 2 {
				return boom
			}
			return nil
		}
	}

	// The first settle prepares the ack statement on the write
	// connection, which the others then find prepared.
	if _, err := q.SettleTx(ctx, jobs[4], Settlement{Kind: SettleAck}, nil, nil); err != nil {
		t.Fatal(err)
	}
	jobs = jobs[:4]
	// Hold the one write connection: the first call's transaction waits
	// for it, the other three wait in the settler's intake meanwhile and
	// then go in one transaction, which the third call's also fails.
	held, err := q.db.W.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	errs := make([]chan error, len(jobs))
	settle := func(i int) {
		errs[i] = make(chan error, 1)
		go func() {
			_, err := q.SettleTx(ctx, jobs[i], Settlement{Kind: SettleAck}, also(i), nil)
			errs[i] <- err
		}()
	}
	waits := q.db.W.Stats().WaitCount
	settle(0)
	waitFor(t, func() bool { return q.db.W.Stats().WaitCount > waits }) // taken, waiting for the connection
	for i := 1; i < len(jobs); i++ {
		settle(i)
		waitFor(t, func() bool { return len(q.settles.ch) == i })
	}
	if err := held.Close(); err != nil {
		t.Fatal(err)
	}
	for i, ch := range errs {
		err := <-ch
		if (i == 2) != errors.Is(err, boom) {
			t.Errorf("SettleTx of job %d = %v", i, err)
		}
	}
	// The batch of the last three stopped at the third call's failure,
	// before the fourth ran in it.
	if first[1] == nil || first[1] != first[2] || first[0] == first[1] {
		t.Errorf("transactions of the calls' first attempts: %p %p %p; want the second and third one, the first another", first[0], first[1], first[2])
	}
	var got []string
	rows, err := q.db.R.QueryContext(ctx, `SELECT x FROM marks ORDER BY x`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var x string
		if err := rows.Scan(&x); err != nil {
			t.Fatal(err)
		}
		got = append(got, x)
	}
	if fmt.Sprint(got) != "[0 1 3]" {
		t.Errorf("marks = %v, want [0 1 3]: the failed call's write rolled back, the others' kept", got)
	}
	for i, j := range jobs {
		stored, err := q.Get(ctx, j.ID)
		want := StateDone
		if i == 2 {
			want = StateLeased
		}
		if err != nil || stored.State != want {
			t.Errorf("job %d stored as %q (%v), want %q", i, stored.State, err, want)
		}
		if j.State != want {
			t.Errorf("caller's job %d is %q, want %q", i, j.State, want)
		}
	}
}

// waitFor polls cond for up to 10 s.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10 s")
		}
		time.Sleep(time.Millisecond) // polling goroutines of the queue's own
	}
}
