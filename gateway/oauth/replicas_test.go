package oauth

import (
	"context"
	"crypto/rand"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/internal/redistest"
)

// Two gateway replicas share one Redis: twenty refresh triggers spread over
// both cause exactly one token-endpoint refresh. Without the cross-replica
// lock both replicas would send the same refresh token, and the desk would
// answer the second with invalid_grant.
func TestReplicas_refreshOnceAcrossGatewaysSharingRedis(t *testing.T) {
	if testing.Short() {
		t.Skip("needs Redis")
	}
	url, prefix := redistest.Addr(t), redistest.Prefix(t)
	var rs *store.Redis
	h := newHarness(t, harnessOptions{
		env: envSandbox,
		store: func(h *harness) Store {
			key := make([]byte, 32)
			_, _ = rand.Read(key)
			box, err := store.NewBox(key)
			if err != nil {
				h.t.Fatal(err)
			}
			rs, err = store.OpenRedis(context.Background(), store.RedisOptions{URL: url, KeyPrefix: prefix, Box: box, Now: h.clock.Now})
			if err != nil {
				h.t.Fatalf("open redis store: %v", err)
			}
			h.t.Cleanup(func() { rs.Close() })
			return rs
		},
		// Both replicas lock through the Redis backend, as the gateway
		// wires a Redis store.
		locker: func(*harness) store.Locker { return rs },
	})
	replicas := []*Manager{h.m, New(Options{
		Store: h.store, Config: h.cfg.Load, Platforms: h.m.platforms, PublicURL: h.gateway.URL,
		Logger: h.logger, Now: h.clock.Now, Locker: rs,
	})}
	h.connect()
	h.clock.Add(29 * time.Minute)

	const n = 20
	start := make(chan struct{})
	got := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			c, err := replicas[i%2].Credentials(context.Background(), testKey)
			got[i], errs[i] = c.AccessToken, err
		}()
	}
	close(start)
	wg.Wait()
	for i := range n {
		if errs[i] != nil || got[i] != got[0] {
			t.Fatalf("caller %d (replica %d): err %v, same token as caller 0: %v", i, i%2, errs[i], got[i] == got[0])
		}
	}
	if r := h.counter.refresh.Load(); r != 1 {
		t.Errorf("%d refreshes across two replicas, want 1", r)
	}
	if !h.d.TokenValid(got[0]) {
		t.Error("the shared token is not valid at the desk")
	}
}
