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
