package oauth

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

func TestDisconnect_uninstallsThenDropsLocalSecrets(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.connect()
			tok := h.token()
			if _, err := h.m.Disconnect(context.Background(), testKey); err != nil {
				t.Fatalf("Disconnect: %v", err)
			}
			if len(h.platform.uninstalls) != 1 || h.platform.uninstalls[0].AccessToken != tok.AccessToken {
				t.Errorf("Uninstall calls %d, want 1 with the current token", len(h.platform.uninstalls))
			}
			if _, err := h.store.GetToken(context.Background(), testKey); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("token kept after disconnect (GetToken: %v)", err)
			}
			if b := h.binding(); b.Status != store.StatusInactive || b.Install != nil {
				t.Errorf("binding = %s install %v, want inactive without install state", b.Status, b.Install != nil)
			}
			if !h.hasAudit("disconnect", store.OutcomeOK, "") {
				t.Error("disconnect not audited")
			}
		})
	}
}

func TestDisconnect_isIdempotent(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			tests := []struct {
				name    string
				prepare func(h *harness)
			}{
				{"never connected", func(*harness) {}},
				{"already disconnected", func(h *harness) {
					h.connect()
					if _, err := h.m.Disconnect(context.Background(), testKey); err != nil {
						h.t.Fatal(err)
					}
				}},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					h := newHarness(t, harnessOptions{env: e})
					tt.prepare(h)
					before := len(h.platform.uninstalls)
					if _, err := h.m.Disconnect(context.Background(), testKey); err != nil {
						t.Fatalf("Disconnect: %v", err)
					}
					if len(h.platform.uninstalls) != before {
						t.Error("Uninstall called for a binding with nothing installed")
					}
					if b := h.binding(); b.Status != store.StatusInactive {
						t.Errorf("status %s, want inactive", b.Status)
					}
				})
			}
		})
	}
}

func TestDisconnect_partialFailureKeepsSecretsSoARetryCanFinish(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.connect()
			h.platform.uninstallErr = sdk.Retryable(time.Second, "delete trigger: 503")

			_, err := h.m.Disconnect(context.Background(), testKey)
			if !sdk.IsKind(err, sdk.KindRetryable) {
				t.Fatalf("Disconnect err = %v, want the plugin's retryable error", err)
			}
			if _, err := h.store.GetToken(context.Background(), testKey); err != nil {
				t.Errorf("token dropped before Uninstall succeeded: %v", err)
			}
			b := h.binding()
			if b.Install == nil || b.Status != store.StatusInactive || b.LastError == "" {
				t.Errorf("binding = %s install %v %q, want inactive, install kept, reason", b.Status, b.Install != nil, b.LastError)
			}
			if !h.hasAudit("disconnect", store.OutcomeError, "retryable") {
				t.Errorf("partial failure not audited: %+v", h.audits())
			}

			h.platform.uninstallErr = nil
			if _, err := h.m.Disconnect(context.Background(), testKey); err != nil {
				t.Fatalf("retry: %v", err)
			}
			if _, err := h.store.GetToken(context.Background(), testKey); !errors.Is(err, store.ErrNotFound) {
				t.Error("retry did not drop the token")
			}
		})
	}
}

func TestDisconnect_refreshesAnExpiredTokenFirst(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.connect()
			old := h.token()
			h.clock.Add(31 * time.Minute)
			if _, err := h.m.Disconnect(context.Background(), testKey); err != nil {
				t.Fatalf("Disconnect: %v", err)
			}
			if u := h.platform.uninstalls; len(u) != 1 || u[0].AccessToken == old.AccessToken {
				t.Error("Uninstall was not given a refreshed token")
			}
		})
	}
}

func TestDisconnect_withADeadGrantAsksForAReconnectAndKeepsTheInstall(t *testing.T) {
	for _, e := range envs {
		t.Run(e.name, func(t *testing.T) {
			h := newHarness(t, harnessOptions{env: e})
			h.connect()
			h.d.RevokeAll()
			_, err := h.m.Disconnect(context.Background(), testKey)
			if !errors.Is(err, ErrNeedsReconnect) {
				t.Fatalf("err = %v, want ErrNeedsReconnect", err)
			}
			if b := h.binding(); b.Install == nil {
				t.Error("install state dropped although the webhook could not be removed")
			}
			// Reconnecting restores a grant; disconnecting then finishes.
			h.connect()
			if _, err := h.m.Disconnect(context.Background(), testKey); err != nil {
				t.Fatalf("disconnect after reconnect: %v", err)
			}
		})
	}
}
