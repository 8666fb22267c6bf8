package queue

import (
	"math/rand/v2"
	"time"
)

// Backoff is the delay before retry number attempt (1-based): exponential
// from base, capped at max, with full jitter on the upper half so that many
// jobs failing together do not come back together. A desk's Retry-After
// hint, when longer, wins.
func Backoff(attempt int, base, max, retryAfter time.Duration) time.Duration {
	if attempt < 1 {
		attempt = 1
	}
	d := base
	for i := 1; i < attempt && d < max; i++ {
		d *= 2
	}
	if d > max {
		d = max
	}
	d = d/2 + rand.N(d/2+1)
	if retryAfter > d {
		return retryAfter
	}
	return d
}
