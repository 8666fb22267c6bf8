package store_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
	"github.com/sigsentry/deskgate/gateway/store/storetest"
	"github.com/sigsentry/deskgate/sdk"
)

func newBox(t testing.TB) *store.Box {
	t.Helper()
	box, err := store.NewBox(bytes.Repeat([]byte{42}, store.KeySize))
	if err != nil {
		t.Fatal(err)
	}
	return box
}

func openSQLite(t testing.TB, path string) *store.SQLite {
	t.Helper()
	s, err := store.OpenSQLite(context.Background(), path, newBox(t))
	if err != nil {
		t.Fatalf("OpenSQLite: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func TestSQLite_passesTheStoreConformanceSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return openSQLite(t, filepath.Join(t.TempDir(), "deskgate.db"))
	})
}

func TestSQLite_keepsSecretsOutOfTheDatabaseFile(t *testing.T) {
	const (
		access   = "ACCESS-TOKEN-4f1c9e2b7a"
		refresh  = "REFRESH-TOKEN-8d3a6b0c5e"
		signing  = "SIGNING-SECRET-1a2b3c4d5e"
		verifier = "PKCE-VERIFIER-9z8y7x6w5v"
		state    = "OAUTH-STATE-PARAM-q1w2e3r4"
	)
	path := filepath.Join(t.TempDir(), "deskgate.db")
	s := openSQLite(t, path)
	ctx := t.Context()
	key := store.BindingKey{Platform: "zendesk", Name: "acme"}
	if err := s.PutBinding(ctx, store.Binding{Key: key, Status: store.StatusActive,
		Install: &sdk.InstallState{Data: []byte(signing), Summary: map[string]string{"webhook_id": "w-1"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutToken(ctx, key, store.Token{AccessToken: access, RefreshToken: refresh}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutOAuthState(ctx, state, store.OAuthState{Binding: key, CodeVerifier: verifier}, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	// Everything committed sits in the main file or the WAL; read both.
	var raw []byte
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		raw = append(raw, b...)
	}
	if !bytes.Contains(raw, []byte("w-1")) && !bytes.Contains(raw, []byte("zendesk")) {
		t.Fatalf("sanity: the raw files hold none of the written data (%d bytes read)", len(raw))
	}
	for _, secret := range []string{access, refresh, signing, verifier, state} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("raw database holds %s in clear text", secret)
		}
	}
}

func TestSQLite_refusesSecretsSealedWithAnotherKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deskgate.db")
	ctx := t.Context()
	key := store.BindingKey{Platform: "zendesk", Name: "acme"}
	s, err := store.OpenSQLite(ctx, path, newBox(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutToken(ctx, key, store.Token{AccessToken: "a"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	other, err := store.NewBox(bytes.Repeat([]byte{7}, store.KeySize))
	if err != nil {
		t.Fatal(err)
	}
	s2, err := store.OpenSQLite(ctx, path, other)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := s2.GetToken(ctx, key); err == nil {
		t.Errorf("GetToken with the wrong master key succeeded")
	}
}

func TestSQLite_reopenKeepsDataAndSchemaVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deskgate.db")
	ctx := t.Context()
	s, err := store.OpenSQLite(ctx, path, newBox(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AppendAudit(ctx, store.AuditEntry{Action: "install", Outcome: store.OutcomeOK}); err != nil {
		t.Fatal(err)
	}
	v1, err := sqlitedb.Version(ctx, s.DB(), "store")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2 := openSQLite(t, path)
	v2, err := sqlitedb.Version(ctx, s2.DB(), "store")
	if err != nil {
		t.Fatal(err)
	}
	if v1 == 0 || v1 != v2 {
		t.Errorf("schema version %d after first open, %d after reopen", v1, v2)
	}
	got, err := s2.QueryAudit(ctx, store.AuditFilter{})
	if err != nil || len(got) != 1 {
		t.Errorf("after reopen: %d audit entries, %v; want 1", len(got), err)
	}
}

func TestSQLite_auditQueriesUseIndexes(t *testing.T) {
	s := openSQLite(t, filepath.Join(t.TempDir(), "deskgate.db"))
	tests := []struct {
		name, where string
		args        []any
	}{
		{"binding", "binding = ?", []any{"zendesk/acme"}},
		{"binding and ticket", "binding = ? AND ticket_id = ?", []any{"zendesk/acme", "1"}},
		{"ticket", "ticket_id = ?", []any{"1"}},
		{"time", "time >= ? AND time < ?", []any{1, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.DB().R.QueryContext(t.Context(), "EXPLAIN QUERY PLAN SELECT id FROM audit WHERE "+tc.where+" ORDER BY id DESC LIMIT 10", tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			var plan string
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					t.Fatal(err)
				}
				plan += detail + "; "
			}
			if !bytes.Contains([]byte(plan), []byte("USING")) || bytes.Contains([]byte(plan), []byte("SCAN audit;")) {
				t.Errorf("plan does not use an index: %s", plan)
			}
		})
	}
}

func BenchmarkSQLiteAppendAuditParallel(b *testing.B) {
	s := openSQLite(b, filepath.Join(b.TempDir(), "deskgate.db"))
	b.SetParallelism(4)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			if err := s.AppendAudit(ctx, store.AuditEntry{Binding: "zendesk/acme", TicketID: "1", Action: "triage", Outcome: store.OutcomeOK}); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}
