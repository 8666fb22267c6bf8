package redistest_test

import (
	"context"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/sigsentry/deskgate/internal/redistest"
)

func client(t *testing.T, url string) *redis.Client {
	t.Helper()
	opts, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	opts.MaxRetries = -1
	opts.DialTimeout = 500 * time.Millisecond
	c := redis.NewClient(opts)
	t.Cleanup(func() { c.Close() })
	return c
}

func TestStartServer_keepsWritesAcrossACrash(t *testing.T) {
	url, stop, restart := redistest.StartServer(t)
	c := client(t, url)
	ctx := context.Background()
	if err := c.Set(ctx, "k", "v", 0).Err(); err != nil {
		t.Fatalf("set: %v", err)
	}
	stop()
	if err := c.Ping(ctx).Err(); err == nil {
		t.Fatal("ping succeeded against a stopped server")
	}
	restart()
	got, err := c.Get(ctx, "k").Result()
	if err != nil || got != "v" {
		t.Fatalf("after restart get k = %q, %v; want v", got, err)
	}
}

func TestPrefix_isUniqueAndCleanedUp(t *testing.T) {
	url := redistest.Addr(t)
	c := client(t, url)
	ctx := context.Background()
	var first string
	t.Run("writer", func(t *testing.T) {
		first = redistest.Prefix(t)
		if second := redistest.Prefix(t); second == first {
			t.Fatalf("two prefixes are equal: %q", first)
		}
		for _, k := range []string{"a", "b*", "c[1]"} {
			if err := c.Set(ctx, first+k, "x", time.Minute).Err(); err != nil {
				t.Fatal(err)
			}
		}
	})
	keys, _, err := c.Scan(ctx, 0, first+"*", 1000).Result()
	if err != nil {
		t.Fatal(err)
	}
	// SCAN may need more rounds on a big keyspace; EXISTS is exact.
	n, err := c.Exists(ctx, first+"a", first+"b*", first+"c[1]").Result()
	if err != nil || n != 0 {
		t.Fatalf("keys left under %q after the test: exists=%d err=%v scan=%v", first, n, err, keys)
	}
}
