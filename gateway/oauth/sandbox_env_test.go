package oauth

import (
	"context"
	"crypto/rand"
	"net/http"
	"path/filepath"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

// sandboxDesk is the Zendesk sandbox as a testDesk.
type sandboxDesk struct {
	*sandbox.Sandbox
	h http.Handler
}

func newSandboxDesk(h *harness, accessTTL time.Duration, redirectURI string) testDesk {
	sb := sandbox.New(sandbox.Options{
		Clients:     []sandbox.OAuthClient{{ID: testClientID, Secret: testClientSecret, RedirectURIs: []string{redirectURI}}},
		AccessTTL:   accessTTL,
		Now:         h.clock.Now,
		AutoApprove: true,
	})
	h.t.Cleanup(sb.Close)
	return &sandboxDesk{Sandbox: sb, h: sb.Handler()}
}

func (d *sandboxDesk) ServeHTTP(w http.ResponseWriter, r *http.Request) { d.h.ServeHTTP(w, r) }

func (d *sandboxDesk) FailNextToken() { d.InjectFaults("/oauth/tokens", 1, sandbox.Fault500) }

// newSQLiteStore opens the real SQLite store in a temporary file, sealed
// with a random key, on the harness clock and logger (so the secret-grep
// test sees the store's lines too).
func newSQLiteStore(h *harness) Store {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		h.t.Fatal(err)
	}
	box, err := store.NewBox(key)
	if err != nil {
		h.t.Fatal(err)
	}
	s, err := store.OpenSQLite(context.Background(), filepath.Join(h.t.TempDir(), "deskgate.db"), box,
		store.WithClock(h.clock.Now), store.WithLogger(h.logger))
	if err != nil {
		h.t.Fatalf("open sqlite store: %v", err)
	}
	h.t.Cleanup(func() { s.Close() })
	return s
}
