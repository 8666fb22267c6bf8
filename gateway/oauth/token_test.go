package oauth

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

func TestCredentials_refreshesOnlyWithinTheSkewBeforeExpiry(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.connect()
			first := h.token()
			tests := []struct {
				advance     time.Duration
				wantRefresh int64
			}{
				{0, 0},
				{27 * time.Minute, 0},          // 3 min left: outside the 2 min skew
				{time.Minute + time.Second, 1}, // 1m59s left: refresh
				{25 * time.Minute, 1},          // new token has 30 min
				{3 * time.Minute, 2},           // and is refreshed in its turn
				{0, 2},
			}
			for i, tt := range tests {
				h.clock.Add(tt.advance)
				creds, err := h.m.Credentials(context.Background(), testKey)
				if err != nil {
					t.Fatalf("step %d: Credentials: %v", i, err)
				}
				if got := h.counter.refresh.Load(); got != tt.wantRefresh {
					t.Errorf("step %d: %d refreshes, want %d", i, got, tt.wantRefresh)
				}
				if creds.AccessToken != h.token().AccessToken || creds.APIBaseURL != h.desk.URL {
					t.Errorf("step %d: Credentials did not return the stored token", i)
				}
				if !h.d.TokenValid(creds.AccessToken) {
					t.Errorf("step %d: Credentials returned a token the desk refuses", i)
				}
			}
			if h.token().RefreshToken == first.RefreshToken {
				t.Error("rotated refresh token not stored")
			}
		})
	}
}

// With 5-minute access tokens, every refresh rotates the refresh token; a
// gateway that ever used a rotated-out one would be answered invalid_grant.
func TestCredentials_neverUsesARotatedOutRefreshToken(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e, accessTTL: 5 * time.Minute})
			h.connect()
			for i := 0; i < 50; i++ {
				h.clock.Add(70 * time.Second)
				creds, err := h.m.Credentials(context.Background(), testKey)
				if err != nil {
					t.Fatalf("call %d: %v", i, err)
				}
				if !h.d.TokenValid(creds.AccessToken) {
					t.Fatalf("call %d: token refused by the desk", i)
				}
			}
			if n := h.counter.refresh.Load(); n < 10 {
				t.Errorf("%d refreshes over 58 minutes of 5-minute tokens, want at least 10", n)
			}
			if fd, ok := h.d.(*fakeDesk); ok && fd.reused != 0 {
				t.Errorf("%d refreshes used a rotated-out refresh token", fd.reused)
			}
			if b := h.binding(); b.Status != store.StatusActive {
				t.Errorf("binding status %s, want active", b.Status)
			}
		})
	}
}

func TestRefresh_concurrentTriggersCauseExactlyOneRefresh(t *testing.T) {
	for _, e := range envs {
		for _, n := range []int{2, 20} {
			for _, via := range []string{"Credentials", "RefreshAfterAuthError"} {
				t.Run(e.name+"/"+via+"/"+strconv.Itoa(n), func(t *testing.T) {
					h := newHarness(t, harnessOptions{env: e})
					h.connect()
					used, err := h.m.Credentials(context.Background(), testKey)
					if err != nil {
						t.Fatal(err)
					}
					if via == "Credentials" {
						h.clock.Add(29 * time.Minute)
					}
					start := make(chan struct{})
					got := make([]string, n)
					errs := make([]error, n)
					var wg sync.WaitGroup
					for i := range n {
						wg.Add(1)
						go func() {
							defer wg.Done()
							<-start
							var c sdk.Credentials
							if via == "Credentials" {
								c, errs[i] = h.m.Credentials(context.Background(), testKey)
							} else {
								c, errs[i] = h.m.RefreshAfterAuthError(context.Background(), testKey, used)
							}
							got[i] = c.AccessToken
						}()
					}
					close(start)
					wg.Wait()
					if r := h.counter.refresh.Load(); r != 1 {
						t.Errorf("%d token-endpoint refreshes, want 1", r)
					}
					for i := range n {
						if errs[i] != nil || got[i] != got[0] || got[i] == used.AccessToken {
							t.Fatalf("caller %d: err %v, same new token as caller 0: %v", i, errs[i], got[i] == got[0] && got[i] != used.AccessToken)
						}
					}
					if fd, ok := h.d.(*fakeDesk); ok && fd.reused != 0 {
						t.Error("a rotated-out refresh token was sent")
					}
				})
			}
		}
	}
}

func TestRefreshAfterAuthError_usesATokenRefreshedMeanwhile(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.connect()
			old, _ := h.m.Credentials(context.Background(), testKey)
			c1, err := h.m.RefreshAfterAuthError(context.Background(), testKey, old)
			if err != nil || c1.AccessToken == old.AccessToken {
				t.Fatalf("first refresh: %v", err)
			}
			c2, err := h.m.RefreshAfterAuthError(context.Background(), testKey, old)
			if err != nil {
				t.Fatal(err)
			}
			if c2.AccessToken != c1.AccessToken || h.counter.refresh.Load() != 1 {
				t.Errorf("second caller with the old token refreshed again (%d refreshes)", h.counter.refresh.Load())
			}
		})
	}
}

func TestRefresh_invalidGrantMarksTheBindingNeedsReconnect(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.connect()
			h.d.RevokeAll() // an admin removed the grant in Admin Center
			h.clock.Add(29 * time.Minute)

			// Five jobs want the token at once: the dead grant is sent once.
			errs := make(chan error, 5)
			for range 5 {
				go func() {
					_, err := h.m.Credentials(context.Background(), testKey)
					errs <- err
				}()
			}
			for range 5 {
				if err := <-errs; !errors.Is(err, ErrNeedsReconnect) {
					t.Fatalf("Credentials err = %v, want ErrNeedsReconnect", err)
				}
			}
			if n := h.counter.refresh.Load(); n != 1 {
				t.Errorf("%d refresh attempts with the dead grant, want 1", n)
			}
			b := h.binding()
			if b.Status != store.StatusNeedsReconnect || b.LastError == "" {
				t.Errorf("binding = %s %q, want needs_reconnect with a reason", b.Status, b.LastError)
			}
			if !h.hasAudit("oauth.refresh", store.OutcomeError, "auth_expired") {
				t.Errorf("invalid_grant not audited: %+v", h.audits())
			}
			hits := h.counter.refresh.Load()
			if _, err := h.m.Credentials(context.Background(), testKey); !errors.Is(err, ErrNeedsReconnect) {
				t.Errorf("second call err = %v", err)
			}
			if h.counter.refresh.Load() != hits {
				t.Error("a binding known to need reconnecting sent its dead grant again")
			}
		})
	}
}

func TestCredentials_tokenWithoutExpiryIsUsedUntilTheDeskRefusesIt(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			// An older client: no expires_in, no refresh_token.
			h := newHarness(t, harnessOptions{env: e, accessTTL: -1})
			h.connect()
			tok := h.token()
			if !tok.Expiry.IsZero() || tok.RefreshToken != "" {
				t.Fatalf("stored token expiry %v refresh %v, want none", tok.Expiry, tok.RefreshToken != "")
			}
			h.clock.Add(72 * time.Hour)
			creds, err := h.m.Credentials(context.Background(), testKey)
			if err != nil || creds.AccessToken != tok.AccessToken {
				t.Fatalf("Credentials = %v, same token %v", err, creds.AccessToken == tok.AccessToken)
			}
			_, err = h.m.RefreshAfterAuthError(context.Background(), testKey, creds)
			if !errors.Is(err, ErrNeedsReconnect) {
				t.Fatalf("RefreshAfterAuthError err = %v, want ErrNeedsReconnect", err)
			}
			if h.counter.refresh.Load() != 0 {
				t.Error("refresh attempted without a refresh token")
			}
			if b := h.binding(); b.Status != store.StatusNeedsReconnect {
				t.Errorf("binding status %s, want needs_reconnect", b.Status)
			}
		})
	}
}

func TestRefresh_serverErrorIsRetryableAndKeepsTheBindingActive(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.connect()
			h.clock.Add(29 * time.Minute)
			h.d.FailNextToken()

			_, err := h.m.Credentials(context.Background(), testKey)
			if !sdk.IsKind(err, sdk.KindRetryable) {
				t.Fatalf("err = %v, want retryable", err)
			}
			if b := h.binding(); b.Status != store.StatusActive {
				t.Errorf("binding status %s after a 500, want active", b.Status)
			}
			if _, err := h.m.Credentials(context.Background(), testKey); err != nil {
				t.Errorf("retry after the 500: %v", err)
			}
		})
	}
}

func TestCredentials_notConnectedNeedsReconnect(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			if _, err := h.m.Credentials(context.Background(), testKey); !errors.Is(err, ErrNeedsReconnect) {
				t.Errorf("err = %v, want ErrNeedsReconnect", err)
			}
		})
	}
}

// countingLocker is a Locker that checks it is never held twice.
type countingLocker struct {
	held  atomic.Bool
	locks atomic.Int64
	bad   atomic.Bool
}

func (l *countingLocker) Lock(_ context.Context, name string, ttl time.Duration) (store.Lock, error) {
	if name != "oauth-refresh:zendesk/acme" || ttl <= 0 {
		l.bad.Store(true)
	}
	if !l.held.CompareAndSwap(false, true) {
		l.bad.Store(true)
	}
	return heldLock{l, l.locks.Add(1)}, nil
}

type heldLock struct {
	l     *countingLocker
	fence int64
}

func (h heldLock) Fence() int64                 { return h.fence }
func (h heldLock) Unlock(context.Context) error { h.l.held.Store(false); return nil }

func TestRefresh_takesTheCrossReplicaLockAroundARefresh(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			l := &countingLocker{}
			h := newHarness(t, harnessOptions{env: e, locker: func(*harness) store.Locker { return l }})
			h.connect()
			h.clock.Add(29 * time.Minute)
			if _, err := h.m.Credentials(context.Background(), testKey); err != nil {
				t.Fatal(err)
			}
			if l.locks.Load() != 1 || l.held.Load() || l.bad.Load() {
				t.Errorf("locks %d, still held %v, misuse %v", l.locks.Load(), l.held.Load(), l.bad.Load())
			}
		})
	}
}

func BenchmarkCredentials_freshToken(b *testing.B) {
	h := newHarness(b, harnessOptions{})
	h.connect()
	ctx := context.Background()
	b.ResetTimer()
	for b.Loop() {
		if _, err := h.m.Credentials(ctx, testKey); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCredentials_noticesChangedBindingAttributes(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	h.connect()
	if c, err := h.m.Credentials(context.Background(), testKey); err != nil || c.APIBaseURL != h.desk.URL {
		t.Fatalf("Credentials = %v, %v", c, err)
	}
	// A config reload pointed the binding elsewhere.
	next := *h.cfg.Load().Bindings[0]
	next.Attributes = map[string]string{"subdomain": "acme", "api_url": "http://127.0.0.1:9"}
	h.cfg.Store(&config.Config{Bindings: []*config.Binding{&next}})
	c, err := h.m.Credentials(context.Background(), testKey)
	if err != nil || c.APIBaseURL != "http://127.0.0.1:9" {
		t.Errorf("after the change Credentials = %v, %v; want the new API base", c, err)
	}
}

func TestKeepAlive_refreshesOnlyABindingIdleLongerThanAsked(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.connect()
			steps := []struct {
				advance     time.Duration
				wantRefresh int64
			}{
				{time.Hour, 0},          // expired, but not idle for 7 days
				{7 * 24 * time.Hour, 1}, // idle 7 days: refreshed
				{time.Hour, 1},          // the new token is not idle yet
			}
			for i, s := range steps {
				h.clock.Add(s.advance)
				if err := h.m.KeepAlive(context.Background(), testKey, 7*24*time.Hour); err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				if got := h.counter.refresh.Load(); got != s.wantRefresh {
					t.Errorf("step %d: %d refreshes, want %d", i, got, s.wantRefresh)
				}
			}
			if c, err := h.m.Credentials(context.Background(), testKey); err != nil || !h.d.TokenValid(c.AccessToken) {
				t.Errorf("after KeepAlive: %v", err)
			}
		})
	}
}

func TestKeepAlive_leavesInactiveBindingsAlone(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	h.connect()
	if err := h.store.SetStatus(context.Background(), testKey, store.StatusNeedsReconnect, "x"); err != nil {
		t.Fatal(err)
	}
	h.clock.Add(30 * 24 * time.Hour)
	if err := h.m.KeepAlive(context.Background(), testKey, time.Hour); err != nil || h.counter.refresh.Load() != 0 {
		t.Errorf("KeepAlive on a needs_reconnect binding: err %v, %d refreshes", err, h.counter.refresh.Load())
	}
}

// flakyTokenStore fails the first n PutToken calls after arming.
type flakyTokenStore struct {
	Store
	fail atomic.Int64
}

func (s *flakyTokenStore) PutToken(ctx context.Context, key store.BindingKey, t store.Token) (int64, error) {
	if s.fail.Add(-1) >= 0 {
		return 0, errors.New("database is locked")
	}
	return s.Store.PutToken(ctx, key, t)
}

func TestRefresh_retriesStoringTheRotatedToken(t *testing.T) {
	fs := &flakyTokenStore{}
	h := newHarness(t, harnessOptions{store: func(h *harness) Store { fs.Store = newMemStore(); return fs }})
	h.connect()
	h.clock.Add(29 * time.Minute)
	fs.fail.Store(2)
	c, err := h.m.Credentials(context.Background(), testKey)
	if err != nil || c.AccessToken != h.token().AccessToken || !h.d.TokenValid(c.AccessToken) {
		t.Fatalf("Credentials after two failed writes: %v", err)
	}
	// With the writes failing for good, the error says so.
	h.clock.Add(29 * time.Minute)
	fs.fail.Store(100)
	if _, err := h.m.Credentials(context.Background(), testKey); err == nil {
		t.Fatal("Credentials succeeded although the rotated token could not be stored")
	}
}

// CredentialsOf hands out what Credentials does, judging the binding the
// caller read instead of reading it again: one given as needing a reconnect
// is refused even though the stored one is active.
func TestCredentialsOf_judgesTheGivenBindingWithoutReadingItAgain(t *testing.T) {
	h := newHarness(t, harnessOptions{env: envs[0]})
	h.connect()
	ctx := context.Background()
	b := h.binding()
	want, err := h.m.Credentials(ctx, testKey)
	if err != nil {
		t.Fatal(err)
	}
	got, err := h.m.CredentialsOf(ctx, testKey, b)
	if err != nil || got != want {
		t.Fatalf("CredentialsOf = %+v, %v; want %+v as Credentials gives", got, err, want)
	}
	b.Status, b.LastError = store.StatusNeedsReconnect, "invalid_grant"
	if _, err := h.m.CredentialsOf(ctx, testKey, b); !errors.Is(err, ErrNeedsReconnect) {
		t.Errorf("CredentialsOf a binding that needs reconnecting = %v, want ErrNeedsReconnect", err)
	}
}
