package store

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

var (
	_ Locker  = (*Redis)(nil)
	_ Limiter = (*Redis)(nil)
)

// acquireLock takes the lock when free and returns its new fencing token, or
// 0 when it is held. KEYS: lock, fence counter. ARGV: ttl in ms.
var acquireLock = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local f = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], f, 'PX', ARGV[1])
return f
`)

// releaseLock deletes the lock only when it still holds the caller's fence.
var releaseLock = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`)

// lockPoll bounds how long a waiter takes to notice a released lock.
const lockPoll = 50 * time.Millisecond

// Lock waits until the named lock is free, takes it for ttl and returns it;
// it gives up with ctx's error when ctx ends first.
func (r *Redis) Lock(ctx context.Context, name string, ttl time.Duration) (Lock, error) {
	if ttl < time.Millisecond {
		return nil, fmt.Errorf("lock %s: ttl %v is too short", name, ttl)
	}
	keys := []string{r.key("lock", name), r.key("lock", name, "fence")}
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("lock %s: %w", name, ctx.Err())
		case <-t.C:
		}
		f, err := acquireLock.Run(ctx, r.c, keys, ttl.Milliseconds()).Int64()
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", name, err)
		}
		if f > 0 {
			return &redisLock{r: r, name: name, key: keys[0], fence: f}, nil
		}
		t.Reset(lockPoll)
	}
}

type redisLock struct {
	r     *Redis
	name  string
	key   string
	fence int64
}

func (l *redisLock) Fence() int64 { return l.fence }

func (l *redisLock) Unlock(ctx context.Context) error {
	n, err := releaseLock.Run(ctx, l.r.c, []string{l.key}, l.fence).Int64()
	if err != nil {
		return fmt.Errorf("unlock %s: %w", l.name, err)
	}
	if n == 0 {
		return fmt.Errorf("unlock %s (fence %d): %w", l.name, l.fence, ErrLockLost)
	}
	return nil
}
