package queue

import (
	"context"
	"database/sql"
	"time"

	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
)

// SettleKind is how a leased job ends: the Queue method a Settlement stands
// for.
type SettleKind int

const (
	SettleAck   SettleKind = iota // Ack
	SettleRetry                   // Retry(Delay, Reason)
	SettleDefer                   // Defer(Delay, Reason)
	SettleDead                    // Dead(Reason)
)

// what is the kind's name in a settle's errors, for both queues.
func (k SettleKind) what() string {
	switch k {
	case SettleRetry:
		return "retry"
	case SettleDefer:
		return "defer"
	case SettleDead:
		return "dead-letter"
	default:
		return "ack"
	}
}

// Settlement is one of the settles (Ack, Retry, Defer, Dead) as a value.
type Settlement struct {
	Kind   SettleKind
	Delay  time.Duration // Retry, Defer
	Reason string        // Retry, Defer, Dead: the job's last error
}

// NextLease asks a settle to lease the consumer's next job too (Lease's
// arguments).
type NextLease struct {
	Consumer   string
	Visibility time.Duration
}

// TxSettler is a queue that settles a job, writes another component's rows
// and leases the next job in one commit (the SQLite queue): a worker pays
// one commit between two jobs where Ack (or Dead, ...) and then Lease paid
// two, and a job's closing audit entries commit with its settle.
type TxSettler interface {
	// DB is the database the queue's transactions run on: also writes
	// there, so only a component sharing it may write in them.
	DB() *sqlitedb.DB
	// SettleTx runs, in one write transaction, also (when not nil), the
	// settle s of j (as Ack, Retry, Defer or Dead would) and, when next is
	// not nil, a Lease for next.Consumer, whose job it returns (nil when
	// none is leasable). When j's lease was lost the transaction still
	// commits also and the lease, and the error wraps ErrLeaseLost, as the
	// separate calls would have written the entries, refused the settle
	// and leased. Any other error means nothing was committed. Calls
	// made at the same time may share the transaction, each as if alone.
	SettleTx(ctx context.Context, j *Job, s Settlement, also func(context.Context, *sql.Tx) error, next *NextLease) (*Job, error)
}

// NextSettler is a queue that settles a job and leases the worker's next
// one in one round trip (the Redis queue: the two scripts pipelined, each
// run as its own call would be).
type NextSettler interface {
	// SettleNext settles j as s says (as Ack, Retry, Defer or Dead would,
	// with their error) and leases for next.Consumer whatever the settle's
	// outcome, as a worker's Lease after it would. It returns that job
	// (nil when none was leasable) and whether the lease was looked for:
	// false when it failed, so the worker leases on its own.
	SettleNext(ctx context.Context, j *Job, s Settlement, next NextLease) (*Job, bool, error)
}

// Settle ends j's lease as s says, through q's own method.
func Settle(ctx context.Context, q Queue, j *Job, s Settlement) error {
	switch s.Kind {
	case SettleRetry:
		return q.Retry(ctx, j, s.Delay, s.Reason)
	case SettleDefer:
		return q.Defer(ctx, j, s.Delay, s.Reason)
	case SettleDead:
		return q.Dead(ctx, j, s.Reason)
	default:
		return q.Ack(ctx, j)
	}
}

// settled is what a settle s of j changes in the caller's Job once done:
// next is the job's new NextAt (Retry, Defer); notify wakes this process's
// workers when the job is leasable again at once.
func settled(j *Job, s Settlement, next time.Time, notify func()) func() {
	switch s.Kind {
	case SettleRetry:
		return func() {
			j.State, j.Receipt, j.NextAt, j.LastError = StateReady, "", next.UTC(), s.Reason
			j.Failures++
			if s.Delay <= 0 {
				notify()
			}
		}
	case SettleDefer:
		return func() {
			j.State, j.Receipt, j.NextAt, j.LastError = StateReady, "", next.UTC(), s.Reason
			j.Attempts = max(j.Attempts-1, 0)
			if s.Delay <= 0 {
				notify()
			}
		}
	case SettleDead:
		return func() { j.State, j.Receipt, j.LastError = StateDead, "", s.Reason }
	default:
		return func() { j.State, j.Receipt = StateDone, "" }
	}
}
