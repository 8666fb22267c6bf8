package backend

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/internal/redistest"
)

// Each backend hands over the capabilities it has: the Redis one a lock and
// a rate limit shared by replicas, SQLite none (one process owns the file),
// both a wake-up that fires when this process enqueues.
func TestOpen_handsOverWhatTheBackendOffers(t *testing.T) {
	for _, tc := range []struct {
		name       string
		store      func(t *testing.T, dir string) config.Store
		wantShared bool
	}{
		{"sqlite", func(t *testing.T, dir string) config.Store {
			return config.Store{Kind: config.StoreSQLite, Path: filepath.Join(dir, "deskgate.db")}
		}, false},
		{"redis", func(t *testing.T, dir string) config.Store {
			if testing.Short() {
				t.Skip("needs Redis")
			}
			return config.Store{Kind: config.StoreRedis, URL: redistest.Addr(t), KeyPrefix: redistest.Prefix(t)}
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := &config.Config{Gateway: config.Gateway{DataDir: dir}, Store: tc.store(t, dir)}
			ctx := context.Background()
			b, err := Open(ctx, cfg, hclog.NewNullLogger())
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			t.Cleanup(func() {
				if err := b.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			if got := b.Lock != nil && b.RateLimit != nil; got != tc.wantShared || (b.Lock == nil) != (b.RateLimit == nil) {
				t.Fatalf("lock %v, rate limit %v; want both shared capabilities = %v", b.Lock, b.RateLimit, tc.wantShared)
			}
			if tc.wantShared {
				lk, err := b.Lock.Lock(ctx, "backend-test", time.Second)
				if err != nil {
					t.Fatalf("Lock: %v", err)
				}
				if err := lk.Unlock(ctx); err != nil {
					t.Errorf("Unlock: %v", err)
				}
				if wait, err := b.RateLimit.TryRate(ctx, "backend-test", 10); err != nil || wait != 0 {
					t.Errorf("TryRate = wait %v, %v; want a use taken at once", wait, err)
				}
			}
			key := store.BindingKey{Platform: "zendesk", Name: "acme"}
			if _, err := b.Queue.Enqueue(ctx, queue.Job{Binding: key, Type: "ticket.created", TicketID: "1"}); err != nil {
				t.Fatalf("Enqueue: %v", err)
			}
			select {
			case <-b.Wake:
			case <-time.After(5 * time.Second):
				t.Fatal("no wake-up after an enqueue")
			}
			j, err := b.Queue.Lease(ctx, "test", time.Minute)
			if err != nil || j == nil || j.Binding != key {
				t.Fatalf("Lease = %+v, %v; want the job for %s", j, err, key)
			}
			if err := b.Store.SetStatus(ctx, key, store.StatusActive, ""); err != nil {
				t.Fatalf("SetStatus: %v", err)
			}
		})
	}
}
