package store_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"syscall"
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
	if err := s.PutAnalysis(ctx, store.Analysis{ID: "an-1", Binding: "zendesk/acme", TicketID: "1", Body: []byte(analysisBody)}); err != nil {
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
	for _, secret := range []string{access, refresh, signing, verifier, state, analysisBody} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("raw database holds %s in clear text", secret)
		}
	}
}

// analysisBody stands for a stored analysis: the page is public, but its
// body is sealed at rest like a token.
const analysisBody = `{"subject":"ANALYSIS-BODY-7c1e0d"}`

// rawDB reads the database file and its WAL.
func rawDB(t *testing.T, path string) []byte {
	t.Helper()
	var raw []byte
	for _, p := range []string{path, path + "-wal"} {
		b, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		raw = append(raw, b...)
	}
	return raw
}

func TestSQLite_sealsAndStillReadsAnalysesStoredInClearBeforeTheUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deskgate.db")
	ctx := t.Context()
	s, err := store.OpenSQLite(ctx, path, newBox(t))
	if err != nil {
		t.Fatal(err)
	}
	// A row as the version before sealing wrote it.
	if _, err := s.DB().W.ExecContext(ctx, `INSERT INTO analyses (id, binding, ticket_id, created_at, body) VALUES ('old', 'zendesk/acme', '7', 1, ?)`,
		[]byte(analysisBody)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if !bytes.Contains(rawDB(t, path), []byte("ANALYSIS-BODY-7c1e0d")) {
		t.Fatal("sanity: the legacy row is not in the file in clear")
	}
	s2 := openSQLite(t, path)
	got, err := s2.GetAnalysis(ctx, "old")
	if err != nil || string(got.Body) != analysisBody {
		t.Fatalf("GetAnalysis(old) = %q, %v; want the legacy body", got.Body, err)
	}
	if bytes.Contains(rawDB(t, path), []byte("ANALYSIS-BODY-7c1e0d")) {
		t.Error("after reopening, the legacy analysis body is still in the file in clear")
	}
}

func TestSQLite_createsPrivateFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	path := filepath.Join(dir, "deskgate.db")
	s := openSQLite(t, path)
	if err := s.PutAnalysis(t.Context(), store.Analysis{ID: "a", Body: []byte("{}")}); err != nil {
		t.Fatal(err)
	}
	want := map[string]os.FileMode{dir: 0o700, path: 0o600, path + "-wal": 0o600, path + "-shm": 0o600}
	for p, mode := range want {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got != mode {
			t.Errorf("%s has mode %04o, want %04o", filepath.Base(p), got, mode)
		}
	}
}

func TestSQLite_tightensAnExistingWorldReadableFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deskgate.db")
	s, err := store.OpenSQLite(t.Context(), path, newBox(t))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	openSQLite(t, path)
	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("database file mode after reopening: %v, %v; want 0600", st.Mode().Perm(), err)
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

// AppendAudits writes its entries in order, dated now when undated, and a
// batch refused as a whole (here by a cancelled context) writes none.
func TestSQLite_appendAuditsWritesTheBatchInOrderOrNothing(t *testing.T) {
	testAppendAudits(t, openSQLite(t, filepath.Join(t.TempDir(), "a.db")))
}

func testAppendAudits(t *testing.T, s store.Store) {
	ctx := context.Background()
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	es := []store.AuditEntry{
		{Time: at, Binding: "zendesk/acme", TicketID: "7", JobID: "j1", Action: "get_ticket", Outcome: store.OutcomeError, ErrorKind: "not_found", Message: "gone"},
		{Binding: "zendesk/acme", TicketID: "7", JobID: "j1", Action: "job.dead", Outcome: store.OutcomeDead},
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.AppendAudits(cancelled, es); err == nil {
		t.Error("AppendAudits with a cancelled context succeeded")
	}
	if err := s.AppendAudits(ctx, es); err != nil {
		t.Fatal(err)
	}
	got, err := s.QueryAudit(ctx, store.AuditFilter{TicketID: "7"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].Action != "get_ticket" || got[0].Action != "job.dead" || got[0].ID != got[1].ID+1 {
		t.Fatalf("audit of ticket 7 (newest first) = %+v; want job.dead right after get_ticket, once each", got)
	}
	if !got[1].Time.Equal(at) || got[1].ErrorKind != "not_found" || got[1].Message != "gone" || got[0].Time.IsZero() {
		t.Errorf("entries read back = %+v", got)
	}
}

// BenchmarkSQLiteJobReads is what a job reads before it calls the desk:
// the binding and the ticket's stages (two of them recorded), as two
// statements or as one (BindingAndStages). It reports the process CPU per
// read, steadier than wall time on a shared machine.
func BenchmarkSQLiteJobReads(b *testing.B) {
	benchJobReads(b, openSQLite(b, filepath.Join(b.TempDir(), "deskgate.db")), nil)
}

// benchJobReads runs the job-reads benchmark on s; other, when set, is the
// CPU so far of another process serving s (Redis), reported beside.
func benchJobReads(b *testing.B, s interface {
	store.Store
	store.BindingStager
}, other func() time.Duration) {
	ctx := context.Background()
	key := store.BindingKey{Platform: "zendesk", Name: "acme"}
	if err := s.PutBinding(ctx, store.Binding{Key: key, Status: store.StatusActive,
		Install: &sdk.InstallState{Data: []byte("signing-secret"), Summary: map[string]string{"subdomain": "acme"}}}); err != nil {
		b.Fatal(err)
	}
	for _, st := range []store.Stage{store.StageTriage, store.StageTriageNote} {
		if err := s.RecordStage(ctx, key, "7", store.StageRecord{Stage: st, Detail: `{"severity":"low"}`},
			store.AuditEntry{Binding: key.String(), TicketID: "7", Action: string(st), Outcome: store.OutcomeOK}); err != nil {
			b.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		read func() (int, error)
	}{
		{"two", func() (int, error) {
			if _, err := s.GetBinding(ctx, key); err != nil {
				return 0, err
			}
			recs, err := s.Stages(ctx, key, "7")
			return len(recs), err
		}},
		{"one", func() (int, error) {
			_, recs, err := s.BindingAndStages(ctx, key, "7")
			return len(recs), err
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			c0 := processCPU(b)
			var o0 time.Duration
			if other != nil {
				o0 = other()
			}
			for range b.N {
				if n, err := tc.read(); err != nil || n != 2 {
					b.Fatalf("read = %d stages, %v", n, err)
				}
			}
			b.ReportMetric(float64(processCPU(b)-c0)/float64(time.Microsecond)/float64(b.N), "cpu-µs/op")
			if other != nil {
				b.ReportMetric(float64(other()-o0)/float64(time.Microsecond)/float64(b.N), "server-cpu-µs/op")
			}
		})
	}
}

func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
