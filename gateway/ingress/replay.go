package ingress

import (
	"crypto/sha256"
	"sync"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
)

// replays remembers, for a while, the dedup keys under which each signed
// delivery (by its Event.ReplayKey) was first enqueued. A captured delivery
// resent under a new or missing invocation id carries the same signature,
// so it is enqueued under the first delivery's keys and answered as a
// duplicate; if the first was never stored, the resend stores it.
//
// It is in memory: it covers one process for ttl (longer than any desk's
// signature window, so a replay older than that is refused as stale
// anyway) and at most max deliveries, the oldest forgotten first.
type replays struct {
	ttl time.Duration
	max int

	mu    sync.Mutex
	m     map[[32]byte]replayEntry
	order []replayRef // insertion order, for expiry and eviction
	head  int
}

type replayEntry struct {
	keys []string
	at   time.Time
}

type replayRef struct {
	k  [32]byte
	at time.Time
}

func newReplays(ttl time.Duration, max int) *replays {
	return &replays{ttl: ttl, max: max, m: map[[32]byte]replayEntry{}}
}

func replayHash(key store.BindingKey, replayKey string) [32]byte {
	return sha256.Sum256([]byte(key.String() + "\x00" + replayKey))
}

// firstKeys returns the dedup keys recorded for this signed delivery, or
// records keys as its own and returns them.
func (r *replays) firstKeys(key store.BindingKey, replayKey string, keys []string, now time.Time) []string {
	h := replayHash(key, replayKey)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.expire(now)
	if e, ok := r.m[h]; ok && now.Sub(e.at) < r.ttl && len(e.keys) == len(keys) {
		return e.keys
	}
	r.m[h] = replayEntry{keys: keys, at: now}
	r.order = append(r.order, replayRef{k: h, at: now})
	return keys
}

// expire drops entries past ttl and, over max, the oldest ones.
func (r *replays) expire(now time.Time) {
	for r.head < len(r.order) {
		ref := r.order[r.head]
		if now.Sub(ref.at) < r.ttl && len(r.m) < r.max {
			break
		}
		if e, ok := r.m[ref.k]; ok && e.at.Equal(ref.at) {
			delete(r.m, ref.k)
		}
		r.head++
	}
	if r.head > 1024 && r.head > len(r.order)/2 {
		r.order = append(r.order[:0:0], r.order[r.head:]...)
		r.head = 0
	}
}
