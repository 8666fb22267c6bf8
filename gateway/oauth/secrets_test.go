package oauth

import (
	"context"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// recordingStore remembers every secret that passes through it, so a test
// can look for them where they must not be.
type recordingStore struct {
	Store
	mu      sync.Mutex
	secrets []string
}

func (s *recordingStore) add(v ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, x := range v {
		if x != "" {
			s.secrets = append(s.secrets, x)
		}
	}
}

func (s *recordingStore) all() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.secrets...)
}

func (s *recordingStore) PutToken(ctx context.Context, key store.BindingKey, t store.Token) (int64, error) {
	s.add(t.AccessToken, t.RefreshToken)
	return s.Store.PutToken(ctx, key, t)
}

func (s *recordingStore) PutOAuthState(ctx context.Context, state string, st store.OAuthState, exp time.Time) error {
	s.add(st.CodeVerifier)
	return s.Store.PutOAuthState(ctx, state, st, exp)
}

// secretRun drives a whole connect → refresh → disconnect run, with failures
// along the way, and returns everything a human or a log could see.
func secretRun(t *testing.T, h *harness, rec *recordingStore, signingSecret string) (seen []string) {
	t.Helper()
	ctx := context.Background()
	note := func(err error) {
		if err != nil {
			seen = append(seen, err.Error())
		}
	}
	callbackURL := h.authorize()
	u, _ := url.Parse(callbackURL)
	rec.add(u.Query().Get("code"))
	res := h.callback(callbackURL)
	seen = append(seen, res.body, res.location)
	res = h.callback(callbackURL) // replay
	seen = append(seen, res.body)

	for range 12 {
		h.clock.Add(4 * time.Minute)
		_, err := h.m.Credentials(ctx, testKey)
		note(err)
	}
	creds, err := h.m.Credentials(ctx, testKey)
	note(err)
	_, err = h.m.RefreshAfterAuthError(ctx, testKey, creds)
	note(err)
	_, err = h.m.Disconnect(ctx, testKey)
	note(err)

	// A failed install, then a dead grant.
	h.platform.installErr = sdk.Errorf(sdk.KindPermanent, "create webhook: 422")
	cb := h.authorize()
	u, _ = url.Parse(cb)
	rec.add(u.Query().Get("code"))
	res = h.callback(cb)
	seen = append(seen, res.body)
	h.platform.installErr = nil
	h.connect()
	h.d.RevokeAll()
	h.clock.Add(time.Hour)
	_, err = h.m.Credentials(ctx, testKey)
	note(err)
	_, err = h.m.Disconnect(ctx, testKey)
	note(err)

	for _, e := range h.audits() {
		seen = append(seen, e.Message)
	}
	seen = append(seen, h.logs.String())
	return seen
}

func TestSecrets_neverReachALogLinePageAuditEntryOrError(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			rec := &recordingStore{}
			h := newHarness(t, harnessOptions{env: e, store: func(h *harness) Store {
				rec.Store = e.newStore(h)
				return rec
			}})
			seen := secretRun(t, h, rec, "whsec-9d8e7f")
			assertNoSecrets(t, h, rec, seen, "whsec-9d8e7f")
		})
	}
}

func assertNoSecrets(t *testing.T, h *harness, rec *recordingStore, seen []string, signingSecret string) {
	t.Helper()
	secrets := append(rec.all(), testClientSecret, signingSecret)
	if len(secrets) < 10 {
		t.Fatalf("only %d secrets recorded; the run did not exercise connect and refresh", len(secrets))
	}
	logs := h.logs.String()
	for _, want := range []string{"binding installed", "token refreshed", "binding disconnected", "binding needs reconnecting"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log has no %q line; the run did not cover that step", want)
		}
	}
	for _, s := range secrets {
		for _, text := range seen {
			if strings.Contains(text, s) {
				t.Errorf("secret %.6s… found in:\n%s", s, text)
			}
		}
	}
}
