package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/internal/redistest"
)

func TestRedisTryRate_sharesOneLimitAcrossReplicas(t *testing.T) {
	url, prefix := redistest.Addr(t), redistest.Prefix(t)
	box, err := store.NewBox(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	// Two stores on one Redis stand in for two replicas. The clock sits just
	// after a minute boundary, so the window cannot roll over mid-test.
	now := time.Now().Truncate(time.Minute).Add(time.Second)
	clock := func() time.Time { return now }
	var replicas []*store.Redis
	for i := 0; i < 2; i++ {
		r, err := store.OpenRedis(context.Background(), store.RedisOptions{URL: url, KeyPrefix: prefix, Box: box, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close() })
		replicas = append(replicas, r)
	}
	ctx := context.Background()
	var passed atomic.Int64
	var wg sync.WaitGroup
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if wait, err := replicas[i%2].TryRate(ctx, "zendesk/acme", 10); err == nil && wait == 0 {
				passed.Add(1)
			}
		}()
	}
	wg.Wait()
	if passed.Load() != 10 {
		t.Fatalf("%d uses passed in one minute across two replicas, want exactly the limit of 10", passed.Load())
	}
	if wait, err := replicas[0].TryRate(ctx, "zendesk/other", 10); err != nil || wait != 0 {
		t.Fatalf("another key has its own budget: wait %v, %v", wait, err)
	}
}

func TestRedisTryRate_takesWhatFitsAndSaysHowLongToWait(t *testing.T) {
	url, prefix := redistest.Addr(t), redistest.Prefix(t)
	box, err := store.NewBox(make([]byte, 32))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().Truncate(time.Minute).Add(45 * time.Second)
	s, err := store.OpenRedis(context.Background(), store.RedisOptions{URL: url, KeyPrefix: prefix, Box: box,
		Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	for i := range 3 {
		if wait, err := s.TryRate(ctx, "zendesk/try", 3); err != nil || wait != 0 {
			t.Fatalf("use %d of 3 = wait %v, %v; want 0", i+1, wait, err)
		}
	}
	wait, err := s.TryRate(ctx, "zendesk/try", 3)
	if err != nil || wait != 15*time.Second {
		t.Fatalf("use 4 of 3 = wait %v, %v; want 15s, the time to the next minute", wait, err)
	}
	if wait, err := s.TryRate(ctx, "zendesk/try", 4); err != nil || wait != 0 {
		t.Errorf("with a limit of 4 the 4th use waits %v, %v: the refused try took a use", wait, err)
	}
}
