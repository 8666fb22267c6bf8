package queue_test

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/queue/queuetest"
	"github.com/sigsentry/deskgate/internal/redistest"
)

// The Redis queue ignores SignedAt (its keys are hashed, not ordered); a
// resend must be refused there all the same.
func TestRedis_passesTheSignedReplayCases(t *testing.T) {
	url := redistest.Addr(t)
	queuetest.RunSignedReplay(t, func(t *testing.T, now func() time.Time) queue.Queue {
		return openRedisQueue(t, url, redistest.Prefix(t), func(o *queue.RedisQueueOptions) { o.Now = now })
	})
}
