package store

import (
	"context"
	"errors"
	"time"
)

// A backend shared by several gateway replicas (Redis) offers two more
// capabilities than storage; the code that opens the backend hands them to
// whoever needs them, and leaves them nil when one process owns the data
// (SQLite), where in-process locks and limiters already hold.

// ErrLockLost is returned by Unlock when the lock expired and may have been
// taken by someone else: whatever the holder did after that is not protected.
var ErrLockLost = errors.New("lock lost")

// Locker hands out named locks that hold across gateway replicas, used to
// refresh a binding's OAuth token once rather than once per replica.
//
// The rule for callers: after Lock returns, read the token again. If its
// Version moved since the caller decided to refresh, another replica already
// refreshed it while this one waited — use that token and do not refresh
// again (refresh tokens are often single-use). A lock has a TTL so a crashed
// holder cannot block others forever; choose one longer than a refresh can
// take, and pass Fence() along where the protected resource can check it.
type Locker interface {
	Lock(ctx context.Context, name string, ttl time.Duration) (Lock, error)
}

// Lock is a held lock.
type Lock interface {
	// Fence is a token that increases with every acquisition of the named
	// lock: a holder whose lock expired has a smaller one than the holder
	// that came after it.
	Fence() int64
	// Unlock releases the lock if this holder still owns it, else returns
	// ErrLockLost and leaves the current owner's lock alone.
	Unlock(ctx context.Context) error
}

// Limiter paces the uses of a key to perMinute per calendar minute, counted
// across every replica sharing the backend: an in-process limiter per
// replica would let N replicas send N times a desk's limit.
type Limiter interface {
	// TryRate takes one use when it fits in the current minute and returns
	// 0; otherwise it takes nothing and returns how long until the next
	// minute. A worker defers the job by that much rather than sleeping.
	TryRate(ctx context.Context, key string, perMinute int) (time.Duration, error)
}
