package store

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// tryRateScript counts one use in the current minute window unless the
// window is full (returns -1, counting nothing); the window's key expires
// on its own.
var tryRateScript = redis.NewScript(`
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n >= tonumber(ARGV[2]) then return -1 end
n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`)

// TryRate takes one use of key when it fits in perMinute uses of the
// current calendar minute, counted across every replica sharing this Redis,
// and returns 0; otherwise it takes nothing and returns the time to the
// next window. Desks count their limits per minute (around 100 ticket
// updates per minute per account is common), so a fixed minute window
// matches what the desk enforces; an in-process limiter per replica would
// let N replicas send N times the limit.
func (r *Redis) TryRate(ctx context.Context, key string, perMinute int) (time.Duration, error) {
	if perMinute <= 0 {
		return 0, nil
	}
	now := r.now()
	window := now.Truncate(time.Minute)
	k := r.key("rate", key, strconv.FormatInt(window.Unix(), 10))
	n, err := tryRateScript.Run(ctx, r.c, []string{k}, (2 * time.Minute).Milliseconds(), perMinute).Int64()
	if err != nil {
		return 0, fmt.Errorf("rate limit %s: %w", key, err)
	}
	if n < 0 {
		return window.Add(time.Minute).Sub(now), nil
	}
	return 0, nil
}
