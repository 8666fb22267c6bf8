package app

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// /readyz fails while a configured binding's installation is past its
// maintenance (a desk webhook with a lifetime that was not refreshed), and
// not for one maintained in time or no longer configured.
func TestReady_listsInstallationsWhoseMaintenanceLapsed(t *testing.T) {
	ctx := context.Background()
	box, err := store.NewBox(bytes.Repeat([]byte{7}, 32))
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "ready.db"), box)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := time.Now()
	put := func(name string, maintainAt time.Time) {
		t.Helper()
		b := store.Binding{Key: store.BindingKey{Platform: "desk", Name: name}, Status: store.StatusActive,
			InstalledAt: now.Add(-48 * time.Hour), Install: &sdk.InstallState{Data: []byte("x"), MaintainAt: maintainAt}}
		if err := st.PutBinding(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	put("lapsed", now.Add(-store.MaintenanceGrace-time.Minute))
	put("in-time", now.Add(time.Hour))
	put("removed", now.Add(-24*time.Hour)) // stored, but no longer in the config

	a := &App{store: st}
	a.cfg.Store(&config.Config{Bindings: []*config.Binding{{Platform: "desk", Name: "lapsed"}, {Platform: "desk", Name: "in-time"}}})
	got := a.overdueMaintenance(ctx, now)
	if len(got) != 1 || !strings.Contains(got[0], "desk/lapsed") || !strings.Contains(got[0], "install.maintain") {
		t.Fatalf("overdue = %q, want one line naming desk/lapsed and where to look", got)
	}
}
