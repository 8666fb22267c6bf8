package store_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/redis/go-redis/v9"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/store/storetest"
	"github.com/sigsentry/deskgate/internal/redistest"
	"github.com/sigsentry/deskgate/sdk"
)

func testBox(t testing.TB) *store.Box {
	t.Helper()
	box, err := store.NewBox(bytes.Repeat([]byte{7}, store.KeySize))
	if err != nil {
		t.Fatalf("NewBox: %v", err)
	}
	return box
}

func openRedis(t testing.TB, url, prefix string) *store.Redis {
	t.Helper()
	r, err := store.OpenRedis(context.Background(), store.RedisOptions{
		URL: url, KeyPrefix: prefix, Box: testBox(t), Logger: hclog.NewNullLogger(),
	})
	if err != nil {
		t.Fatalf("OpenRedis: %v", err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func TestRedis_passesTheStoreSuite(t *testing.T) {
	url := redistest.Addr(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		return openRedis(t, url, redistest.Prefix(t))
	})
}

func TestOpenRedis_refusesBadOptions(t *testing.T) {
	tests := []struct {
		name string
		opts store.RedisOptions
		want string
	}{
		{"without a box", store.RedisOptions{URL: "redis://127.0.0.1:6379/0"}, "Box is required"},
		{"without a url", store.RedisOptions{Box: testBox(t)}, "url is empty"},
		{"with a bad url that holds a password", store.RedisOptions{URL: "mysql://u:hunter2@x", Box: testBox(t)}, "invalid URL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := store.OpenRedis(context.Background(), tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("OpenRedis error = %v, want one containing %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error %q quotes the password", err)
			}
		})
	}
}

func TestOpenRedis_failsPromptlyWhenRedisIsDown(t *testing.T) {
	url, stop, _ := redistest.StartServer(t)
	stop()
	start := time.Now()
	_, err := store.OpenRedis(context.Background(), store.RedisOptions{URL: url, Box: testBox(t)})
	if err == nil {
		t.Fatal("OpenRedis against a stopped server succeeded")
	}
	// Not a timing assertion on the code's speed: a hang would be the
	// failure, and 10s is far above the configured 2s dial timeout.
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("OpenRedis took %v to report an unreachable Redis", d)
	}
}

func TestRedis_neverStoresSecretsInClear(t *testing.T) {
	url := redistest.Addr(t)
	prefix := redistest.Prefix(t)
	s := openRedis(t, url, prefix)
	ctx := context.Background()
	key := store.BindingKey{Platform: "zendesk", Name: "acme"}
	secrets := []string{"access-SECRET-1", "refresh-SECRET-2", "signing-SECRET-3", "verifier-SECRET-4"}
	if _, err := s.PutToken(ctx, key, store.Token{AccessToken: secrets[0], RefreshToken: secrets[1]}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBinding(ctx, store.Binding{Key: key, Install: &sdk.InstallState{Data: []byte(secrets[2])}}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutOAuthState(ctx, "st", store.OAuthState{Binding: key, CodeVerifier: secrets[3]}, time.Now().Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	body := `{"subject":"ANALYSIS-BODY-5b2f9a"}`
	if err := s.PutAnalysis(ctx, store.Analysis{ID: "an-1", Body: []byte(body)}); err != nil {
		t.Fatal(err)
	}
	secrets = append(secrets, "ANALYSIS-BODY-5b2f9a", base64.StdEncoding.EncodeToString([]byte(body)))
	dump := dumpPrefix(t, s.Client(), prefix)
	if len(dump) == 0 {
		t.Fatal("nothing stored under the prefix")
	}
	for _, sec := range secrets {
		if strings.Contains(dump, sec) {
			t.Errorf("secret %q is stored in clear", sec)
		}
	}
}

// dumpPrefix returns every string, hash value and key under prefix.
func dumpPrefix(t *testing.T, c *redis.Client, prefix string) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	iter := c.Scan(ctx, 0, prefix+"*", 100).Iterator()
	for iter.Next(ctx) {
		k := iter.Val()
		b.WriteString(k + "\n")
		switch typ := c.Type(ctx, k).Val(); typ {
		case "string":
			b.WriteString(c.Get(ctx, k).Val() + "\n")
		case "hash":
			for f, v := range c.HGetAll(ctx, k).Val() {
				b.WriteString(f + "=" + v + "\n")
			}
		}
	}
	if err := iter.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestRedis_readsAndSealsAnAnalysisStoredInClearBeforeTheUpgrade(t *testing.T) {
	url := redistest.Addr(t)
	prefix := redistest.Prefix(t)
	s := openRedis(t, url, prefix)
	ctx := context.Background()
	body := `{"subject":"LEGACY-BODY-41d3"}`
	legacy, _ := json.Marshal(map[string]any{"binding": "zendesk/acme", "ticket_id": "7", "created_at": 1, "body": []byte(body)})
	if err := s.Client().Set(ctx, prefix+"analysis:old", legacy, 0).Err(); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetAnalysis(ctx, "old")
	if err != nil || string(got.Body) != body || got.TicketID != "7" {
		t.Fatalf("GetAnalysis(old) = %+v, %v; want the legacy analysis", got, err)
	}
	if dump := dumpPrefix(t, s.Client(), prefix); strings.Contains(dump, base64.StdEncoding.EncodeToString([]byte(body))) {
		t.Error("the legacy body is still stored in clear after it was read")
	}
	if got, err := s.GetAnalysis(ctx, "old"); err != nil || string(got.Body) != body {
		t.Errorf("after sealing: %q, %v", got.Body, err)
	}
	if n, err := s.PurgeAnalyses(ctx, time.Unix(0, 2)); err != nil || n != 1 {
		t.Errorf("PurgeAnalyses of the upgraded row = %d, %v; want 1", n, err)
	}
}

func TestRedis_sealedValueMovedToAnotherBindingDoesNotOpen(t *testing.T) {
	url := redistest.Addr(t)
	prefix := redistest.Prefix(t)
	s := openRedis(t, url, prefix)
	ctx := context.Background()
	acme := store.BindingKey{Platform: "zendesk", Name: "acme"}
	evil := store.BindingKey{Platform: "zendesk", Name: "evil"}
	if _, err := s.PutToken(ctx, acme, store.Token{AccessToken: "a"}); err != nil {
		t.Fatal(err)
	}
	c := s.Client()
	if err := c.Copy(ctx, prefix+"token:zendesk/acme", prefix+"token:zendesk/evil", 0, false).Err(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetToken(ctx, evil); err == nil {
		t.Fatal("a token copied to another binding's key opened")
	}
}

func TestRedis_prefixesEveryKey(t *testing.T) {
	url := redistest.Addr(t)
	prefix := redistest.Prefix(t)
	s := openRedis(t, url, prefix)
	var (
		mu      sync.Mutex
		touched []string
	)
	s.Client().AddHook(keyRecorder(func(keys []string) {
		mu.Lock()
		touched = append(touched, keys...)
		mu.Unlock()
	}))
	exerciseStore(t, s)
	mu.Lock()
	defer mu.Unlock()
	if len(touched) < 10 {
		t.Fatalf("recorded %d keys; the hook did not see the store's commands", len(touched))
	}
	for _, k := range touched {
		if !strings.HasPrefix(k, prefix) {
			t.Errorf("key %q is outside the prefix %q", k, prefix)
		}
	}
}

func exerciseStore(t *testing.T, s store.Store) {
	t.Helper()
	ctx := context.Background()
	key := store.BindingKey{Platform: "zendesk", Name: "acme"}
	steps := []error{
		s.PutBinding(ctx, store.Binding{Key: key, Install: &sdk.InstallState{Data: []byte("x")}}),
		s.SetStatus(ctx, key, store.StatusActive, ""),
		s.TouchDelivery(ctx, key, time.Now()),
		s.PutOAuthState(ctx, "st", store.OAuthState{Binding: key}, time.Now().Add(time.Minute)),
		s.RecordStage(ctx, key, "1", store.StageRecord{Stage: store.StageFields}, store.AuditEntry{Binding: key.String(), TicketID: "1", Action: "fields"}),
		s.AppendAudit(ctx, store.AuditEntry{Binding: key.String(), TicketID: "1", Action: "triage"}),
		s.PutAnalysis(ctx, store.Analysis{ID: "an", Body: []byte("{}")}),
		s.DeleteSecrets(ctx, key),
	}
	_, err := s.PutToken(ctx, key, store.Token{AccessToken: "t"})
	steps = append(steps, err)
	_, err = s.GetToken(ctx, key)
	steps = append(steps, err)
	_, err = s.TakeOAuthState(ctx, "st", time.Now())
	steps = append(steps, err)
	_, err = s.ListBindings(ctx)
	steps = append(steps, err)
	_, err = s.QueryAudit(ctx, store.AuditFilter{Binding: key.String(), Since: time.Now().Add(-time.Hour)})
	steps = append(steps, err)
	_, _, err = store.BindingAndStages(ctx, s, key, "1")
	steps = append(steps, err)
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
}

// keyRecorder is a go-redis hook reporting the keys each command names
// (EVALSHA/EVAL keys included), to check what the store touches.
// A job's first read, its binding and its ticket's stages, is one round
// trip to Redis (where GetBinding and Stages are one each), and reads what
// they read (the store suite checks that too).
func TestRedis_bindingAndStagesIsOneRoundTrip(t *testing.T) {
	s := openRedis(t, redistest.Addr(t), redistest.Prefix(t))
	ctx := context.Background()
	key := store.BindingKey{Platform: "zendesk", Name: "acme"}
	if err := s.PutBinding(ctx, store.Binding{Key: key, Status: store.StatusActive, Install: &sdk.InstallState{Data: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordStage(ctx, key, "7", store.StageRecord{Stage: store.StageTriage, At: time.Now()},
		store.AuditEntry{Binding: key.String(), TicketID: "7", Action: "triage"}); err != nil {
		t.Fatal(err)
	}
	var trips redistest.TripCounter
	s.Client().AddHook(&trips)
	b, recs, err := store.BindingAndStages(ctx, s, key, "7")
	if err != nil || b.Status != store.StatusActive || len(recs) != 1 || recs[0].Stage != store.StageTriage {
		t.Fatalf("BindingAndStages = %+v, %v, %v", b, recs, err)
	}
	if n := trips.Load(); n != 1 {
		t.Errorf("BindingAndStages took %d round trips, want 1", n)
	}
	trips.Store(0)
	if _, _, err := store.BindingAndStages(ctx, s, store.BindingKey{Platform: "zendesk", Name: "gone"}, "7"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("BindingAndStages of an unknown binding: %v, want ErrNotFound", err)
	}
	if n := trips.Load(); n != 1 {
		t.Errorf("BindingAndStages of an unknown binding took %d round trips, want 1", n)
	}
}

// BenchmarkRedisJobReads is BenchmarkSQLiteJobReads on Redis: two round
// trips or one (BindingAndStages), with the Redis server's CPU per read
// beside this process's when the server runs on this machine.
func BenchmarkRedisJobReads(b *testing.B) {
	s := openRedis(b, redistest.Addr(b), redistest.Prefix(b))
	var server func() time.Duration
	if info, err := s.Client().Info(context.Background(), "server").Result(); err == nil {
		for _, line := range strings.Split(info, "\n") {
			if v, ok := strings.CutPrefix(strings.TrimSpace(line), "process_id:"); ok {
				if _, err := os.Stat("/proc/" + v + "/stat"); err == nil {
					server = func() time.Duration { return procTicks(b, v) }
				}
			}
		}
	}
	benchJobReads(b, s, server)
}

// procTicks is a process's user and system CPU from /proc (10 ms ticks).
func procTicks(b *testing.B, pid string) time.Duration {
	raw, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		b.Fatal(err)
	}
	st := string(raw)
	f := strings.Fields(st[strings.LastIndexByte(st, ')')+2:])
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	sys, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+sys) * 10 * time.Millisecond
}

type keyRecorder func(keys []string)

func (keyRecorder) DialHook(next redis.DialHook) redis.DialHook { return next }
func (f keyRecorder) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		f(commandKeys(cmd))
		return next(ctx, cmd)
	}
}
func (f keyRecorder) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		for _, cmd := range cmds {
			f(commandKeys(cmd))
		}
		return next(ctx, cmds)
	}
}

// commandKeys knows the shapes of the commands the store sends: scripts
// (name, sha, numkeys, keys…) and single-key commands.
func commandKeys(cmd redis.Cmder) []string {
	args := cmd.Args()
	name := strings.ToLower(cmd.Name())
	switch name {
	case "evalsha", "eval", "evalsha_ro", "eval_ro":
		n, _ := args[2].(int)
		var keys []string
		for i := 0; i < n && 3+i < len(args); i++ {
			keys = append(keys, fmt.Sprint(args[3+i]))
		}
		return keys
	case "ping", "hello", "client", "multi", "exec", "script", "select", "auth":
		return nil
	}
	if len(args) < 2 {
		return nil
	}
	return []string{fmt.Sprint(args[1])}
}

// commandCounter counts commands by name.
type commandCounter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *commandCounter) DialHook(next redis.DialHook) redis.DialHook { return next }
func (c *commandCounter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		c.mu.Lock()
		c.n[strings.ToLower(cmd.Name())]++
		c.mu.Unlock()
		return next(ctx, cmd)
	}
}
func (c *commandCounter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return next
}
func (c *commandCounter) reset() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.n
	c.n = map[string]int{}
	return out
}

func TestRedisQueryAudit_readsOnlyTheIndexesItNeedsOn10kEntries(t *testing.T) {
	url := redistest.Addr(t)
	s := openRedis(t, url, redistest.Prefix(t))
	ctx := context.Background()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	const total = 10_000
	// 10k entries, 10 a second, over 4 bindings; ticket "rare" appears 5
	// times. Concurrent writers stamp entries with the time they take a
	// number, as the gateway does, so ids and times are slightly out of
	// order. How far depends on scheduling, and a loaded machine once made
	// it wide enough to need a second round of the walk: the disorder here
	// is fixed instead — each block of 25 entries is appended in a shuffled
	// order (at most 2.4 s out of order), a block per AppendAudits call.
	rng := rand.New(rand.NewPCG(1, 2))
	const block = 25 // divides total
	for b := 0; b < total; b += block {
		entries := make([]store.AuditEntry, 0, block)
		for _, j := range rng.Perm(block) {
			i := b + j
			e := store.AuditEntry{Time: t0.Add(time.Duration(i) * 100 * time.Millisecond), Binding: fmt.Sprintf("zendesk/b%d", i%4),
				TicketID: fmt.Sprint(i), Action: "triage", Outcome: store.OutcomeOK}
			if i%2000 == 0 {
				e.TicketID = "rare"
			}
			entries = append(entries, e)
		}
		if err := s.AppendAudits(ctx, entries); err != nil {
			t.Fatal(err)
		}
	}
	everything, err := s.QueryAudit(ctx, store.AuditFilter{Limit: total + 1})
	if err != nil || len(everything) != total {
		t.Fatalf("QueryAudit(all) = %d entries, %v; want %d", len(everything), err, total)
	}
	counter := &commandCounter{n: map[string]int{}}
	s.Client().AddHook(counter)

	tests := []struct {
		name    string
		filter  store.AuditFilter
		wantLen int
		maxCmds int
	}{
		{"a page of one binding", store.AuditFilter{Binding: "zendesk/b1", Limit: 50}, 50, 2},
		{"a rare ticket", store.AuditFilter{TicketID: "rare"}, 5, 2},
		// Bounds: GET late + one lookup each side, then one round.
		{"a 100s window", store.AuditFilter{Since: t0.Add(500 * time.Second), Until: t0.Add(600 * time.Second)}, 100, 5},
		{"a window on one binding", store.AuditFilter{Binding: "zendesk/b2", Since: t0.Add(500 * time.Second),
			Until: t0.Add(510 * time.Second)}, 25, 5},
		{"a deep page", store.AuditFilter{BeforeID: 200, Limit: 100}, 100, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			counter.reset()
			got, err := s.QueryAudit(ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			cmds := counter.reset()
			if len(got) != tc.wantLen {
				t.Errorf("got %d entries, want %d", len(got), tc.wantLen)
			}
			sum := 0
			for name, n := range cmds {
				sum += n
				if name == "scan" || name == "hgetall" || name == "hvals" || name == "keys" {
					t.Errorf("query used %s", name)
				}
			}
			t.Logf("%d entries in %d commands: %v", len(got), sum, cmds)
			if sum > tc.maxCmds {
				t.Errorf("query sent %d commands (%v), want at most %d", sum, cmds, tc.maxCmds)
			}
			for i := 1; i < len(got); i++ {
				if got[i].ID >= got[i-1].ID {
					t.Fatalf("not newest first at %d", i)
				}
			}
			// The same filter applied by brute force to every entry.
			var want []int64
			for _, e := range everything {
				f := tc.filter
				if f.Binding != "" && e.Binding != f.Binding || f.TicketID != "" && e.TicketID != f.TicketID ||
					!f.Since.IsZero() && e.Time.Before(f.Since) || !f.Until.IsZero() && !e.Time.Before(f.Until) ||
					f.BeforeID > 0 && e.ID >= f.BeforeID {
					continue
				}
				if len(want) < tc.wantLen {
					want = append(want, e.ID)
				}
			}
			var gotIDs []int64
			for _, e := range got {
				gotIDs = append(gotIDs, e.ID)
			}
			if fmt.Sprint(gotIDs) != fmt.Sprint(want) {
				t.Errorf("ids = %v\nwant %v", gotIDs, want)
			}
		})
	}
}

func TestRedisLock_staleHolderCannotUnlockTheNextHolder(t *testing.T) {
	url := redistest.Addr(t)
	prefix := redistest.Prefix(t)
	a := openRedis(t, url, prefix)
	b := openRedis(t, url, prefix)
	ctx := context.Background()

	first, err := a.Lock(ctx, "refresh:zendesk/acme", 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	// b waits until the first lock's TTL lapses, then takes it.
	waitCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	second, err := b.Lock(waitCtx, "refresh:zendesk/acme", time.Minute)
	if err != nil {
		t.Fatalf("second Lock after the first expired: %v", err)
	}
	if second.Fence() <= first.Fence() {
		t.Errorf("fence did not increase: first %d, second %d", first.Fence(), second.Fence())
	}
	if err := first.Unlock(ctx); !errors.Is(err, store.ErrLockLost) {
		t.Errorf("stale Unlock error = %v, want ErrLockLost", err)
	}
	// The second holder still holds it: a third try must wait.
	tryCtx, cancelTry := context.WithTimeout(ctx, 150*time.Millisecond)
	defer cancelTry()
	if _, err := a.Lock(tryCtx, "refresh:zendesk/acme", time.Minute); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Lock while held = %v, want the context deadline", err)
	}
	if err := second.Unlock(ctx); err != nil {
		t.Errorf("owner Unlock: %v", err)
	}
	third, err := a.Lock(ctx, "refresh:zendesk/acme", time.Minute)
	if err != nil {
		t.Fatalf("Lock after Unlock: %v", err)
	}
	if third.Fence() <= second.Fence() {
		t.Errorf("fence did not increase: second %d, third %d", second.Fence(), third.Fence())
	}
	if err := third.Unlock(ctx); err != nil {
		t.Error(err)
	}
}

func TestRedisLock_serializesHoldersAcrossStores(t *testing.T) {
	url := redistest.Addr(t)
	prefix := redistest.Prefix(t)
	stores := []*store.Redis{openRedis(t, url, prefix), openRedis(t, url, prefix)}
	ctx := context.Background()
	var (
		mu      sync.Mutex
		holders int
		maxSeen int
		wg      sync.WaitGroup
		errs    = make(chan error, 8)
	)
	for i := range 8 {
		wg.Go(func() {
			l, err := stores[i%2].Lock(ctx, "n", 10*time.Second)
			if err != nil {
				errs <- err
				return
			}
			mu.Lock()
			holders++
			maxSeen = max(maxSeen, holders)
			mu.Unlock()
			// Redis round trip while holding, so overlaps would show.
			if err := stores[i%2].Ping(ctx); err != nil {
				errs <- err
			}
			mu.Lock()
			holders--
			mu.Unlock()
			if err := l.Unlock(ctx); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if maxSeen != 1 {
		t.Errorf("%d holders at once, want 1", maxSeen)
	}
}

func TestRedisOAuthState_keyExpiresInRedisToo(t *testing.T) {
	url := redistest.Addr(t)
	prefix := redistest.Prefix(t)
	s := openRedis(t, url, prefix)
	ctx := context.Background()
	if err := s.PutOAuthState(ctx, "st", store.OAuthState{}, time.Now().Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	ttl := s.Client().TTL(ctx, prefix+"oauth:st").Val()
	if ttl <= 10*time.Minute || ttl > 30*time.Minute {
		t.Errorf("oauth state TTL = %v, want a little over its 10 minute validity", ttl)
	}
}

func TestRedisStages_expireAfterStageTTL(t *testing.T) {
	url := redistest.Addr(t)
	prefix := redistest.Prefix(t)
	s := openRedis(t, url, prefix)
	ctx := context.Background()
	key := store.BindingKey{Platform: "zendesk", Name: "acme"}
	if err := s.RecordStage(ctx, key, "7", store.StageRecord{Stage: store.StageFields}, store.AuditEntry{Binding: key.String(), TicketID: "7", Action: "fields"}); err != nil {
		t.Fatal(err)
	}
	ttl := s.Client().PTTL(ctx, prefix+"stages:zendesk/acme:7").Val()
	if ttl <= store.StageTTL-time.Minute || ttl > store.StageTTL {
		t.Errorf("stage TTL = %v, want about %v", ttl, store.StageTTL)
	}
}

// FuzzRedisClientOptions: the URL comes from the operator's config; parsing
// must not panic, and a password in it must never appear in an error.
func FuzzRedisClientOptions(f *testing.F) {
	for _, s := range []string{"redis://127.0.0.1:6379/0", "rediss://u:secretpw@host:6380/2?dial_timeout=1s",
		"redis://:secretpw@[::1]:1/x", "unix:///tmp/r.sock", "mysql://secretpw@x", "%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, url string) {
		o, err := store.RedisClientOptions(url)
		if err != nil {
			if strings.Contains(url, "secretpw") && strings.Contains(err.Error(), "secretpw") {
				t.Fatalf("error %q quotes the password", err)
			}
			return
		}
		if o.DialTimeout <= 0 || o.Addr == "" && o.Network != "unix" {
			t.Fatalf("options without dial timeout or address: %+v", o)
		}
	})
}

func TestRedisQueryAudit_timeBoundsAreExactForOutOfOrderEntries(t *testing.T) {
	s := openRedis(t, redistest.Addr(t), redistest.Prefix(t))
	ctx := context.Background()
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	// Appended in this order: a replica an hour behind, and neighbours
	// swapped by concurrency.
	offsets := []time.Duration{10 * time.Second, 20 * time.Second, -time.Hour, 30 * time.Second,
		25 * time.Second, 40 * time.Second, 39 * time.Second, 50 * time.Second}
	for i, off := range offsets {
		if err := s.AppendAudit(ctx, store.AuditEntry{Time: t0.Add(off), Action: "a", Message: fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.QueryAudit(ctx, store.AuditFilter{})
	if err != nil || len(all) != len(offsets) {
		t.Fatalf("QueryAudit(all) = %d, %v", len(all), err)
	}
	bounds := []time.Duration{-2 * time.Hour, -time.Hour, 0, 10 * time.Second, 25 * time.Second, 26 * time.Second,
		39 * time.Second, 40 * time.Second, 50 * time.Second, time.Hour}
	for _, since := range bounds {
		for _, until := range bounds {
			f := store.AuditFilter{Since: t0.Add(since), Until: t0.Add(until)}
			got, err := s.QueryAudit(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, e := range all {
				if !e.Time.Before(f.Since) && e.Time.Before(f.Until) {
					want = append(want, e.Message)
				}
			}
			if fmt.Sprint(messagesOf(got)) != fmt.Sprint(want) {
				t.Errorf("since %v until %v: got %v, want %v", since, until, messagesOf(got), want)
			}
		}
	}
}

func messagesOf(es []store.AuditEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Message)
	}
	return out
}

func TestRouteRedisLogs_sendsGoRedisLinesToHclog(t *testing.T) {
	var buf syncBuffer
	store.RouteRedisLogs(hclog.New(&hclog.LoggerOptions{Output: &buf, Level: hclog.Trace}))
	t.Cleanup(func() { store.RouteRedisLogs(hclog.NewNullLogger()) })
	url, stop, _ := redistest.StartServer(t)
	stop()
	_, err := store.OpenRedis(context.Background(), store.RedisOptions{URL: url, Box: testBox(t)})
	if err == nil {
		t.Fatal("OpenRedis against a stopped server succeeded")
	}
	if out := buf.String(); !strings.Contains(out, "[WARN]  redis:") {
		t.Errorf("go-redis's dial failure did not reach the hclog logger; got %q", out)
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestOpenRedis_usesThePasswordInTheURL(t *testing.T) {
	url, _, _ := redistest.StartServer(t, "--requirepass", "s3cret-pw")
	withPassword := strings.Replace(url, "redis://", "redis://:s3cret-pw@", 1)
	tests := []struct {
		name    string
		url     string
		wantErr bool
	}{
		{"without the password", url, true},
		{"with a wrong password", strings.Replace(url, "redis://", "redis://:wrong@", 1), true},
		{"with the password", withPassword, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := store.OpenRedis(context.Background(), store.RedisOptions{URL: tc.url, Box: testBox(t)})
			if (err != nil) != tc.wantErr {
				t.Fatalf("OpenRedis error = %v, want error: %v", err, tc.wantErr)
			}
			if err != nil {
				if strings.Contains(err.Error(), "s3cret-pw") {
					t.Errorf("error %q quotes the password", err)
				}
				return
			}
			defer s.Close()
			if _, err := s.PutToken(context.Background(), store.BindingKey{Platform: "p", Name: "n"}, store.Token{AccessToken: "a"}); err != nil {
				t.Errorf("PutToken through an authenticated connection: %v", err)
			}
		})
	}
}

func TestRedis_keysOfNamesWithColonsDoNotCollide(t *testing.T) {
	s := openRedis(t, redistest.Addr(t), redistest.Prefix(t))
	ctx := context.Background()
	a := store.BindingKey{Platform: "zendesk", Name: "a:b"}
	b := store.BindingKey{Platform: "zendesk", Name: "a"}
	if err := s.RecordStage(ctx, a, "c", store.StageRecord{Stage: store.StageFields, Detail: "a:b/c"}, store.AuditEntry{Binding: a.String(), TicketID: "c", Action: "fields"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Stages(ctx, b, "b:c")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("Stages(zendesk/a, b:c) = %v: it reads the stages of zendesk/a:b ticket c", got)
	}
	got, err = s.Stages(ctx, a, "c")
	if err != nil || len(got) != 1 || got[0].Detail != "a:b/c" {
		t.Errorf("Stages(zendesk/a:b, c) = %v, %v; want its one record", got, err)
	}
}

func TestRedis_appendAuditsWritesTheBatchInOrderOrNothing(t *testing.T) {
	testAppendAudits(t, openRedis(t, redistest.Addr(t), redistest.Prefix(t)))
}
