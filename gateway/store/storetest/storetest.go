package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// Run runs the suite. open must return a fresh, empty store for each call
// (e.g. a new temp file, or a unique key prefix) and arrange for it to be
// closed when t ends.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"BindingRoundTripsEveryField", testBindingRoundTrip},
		{"GetBindingOfUnknownIsNotFound", testBindingNotFound},
		{"PutBindingReplaces", testPutBindingReplaces},
		{"ListBindingsReturnsEveryBinding", testListBindings},
		{"SetStatusCreatesAndUpdates", testSetStatus},
		{"SetStatusKeepsInstallState", testSetStatusKeepsInstall},
		{"TouchDeliveryRecordsTime", testTouchDelivery},
		{"TokenVersionIncreasesOnEveryPut", testTokenVersioning},
		{"TokenOfUnknownIsNotFound", testTokenNotFound},
		{"TokensAreKeptPerBinding", testTokensPerBinding},
		{"DeleteSecretsRemovesTokenAndInstallState", testDeleteSecrets},
		{"OAuthStateWorksOnce", testOAuthStateSingleUse},
		{"OAuthStateExpires", testOAuthStateExpiry},
		{"OAuthStateUnknownIsNotFound", testOAuthStateUnknown},
		{"RecordStageIsIdempotent", testStagesIdempotent},
		{"StagesAreKeptPerTicketAndBinding", testStagesPerTicket},
		{"BindingAndStagesReadsWhatGetBindingAndStagesRead", testBindingAndStages},
		{"RecordStageWritesTheStageAndItsAuditEntryOnce", testRecordStage},
		{"RecordStageWritesTheEarlierEntriesWhateverTheStage", testRecordStageEarlier},
		{"AuditFiltersSelectEntries", testAuditFilters},
		{"AuditPagesNewestFirst", testAuditPaging},
		{"AuditLimitDefaultsTo100", testAuditDefaultLimit},
		{"AuditKeepsEveryConcurrentAppend", testAuditConcurrent},
		{"AnalysisRoundTrips", testAnalysis},
		{"PurgeAnalysesDeletesOnlyOlderOnes", testPurgeAnalyses},
		{"ConcurrentPutTokenGivesDistinctVersions", testTokenConcurrent},
		{"PingAnswers", testPing},
		{"SessionRoundTripsAndExpires", testSessionExpiry},
		{"SessionReplacedByPutAndRevokedByDelete", testSessionRevoke},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, open(t))
		})
	}
}

var (
	acme  = store.BindingKey{Platform: "helpdesk", Name: "acme"}
	other = store.BindingKey{Platform: "helpdesk", Name: "other"}
	// t0 has a non-zero nanosecond part: a backend must keep full precision.
	t0 = time.Date(2026, 3, 4, 5, 6, 7, 123456789, time.UTC)
)

func ctx(t *testing.T) context.Context { return t.Context() }

func sameTime(t *testing.T, what string, got, want time.Time) {
	t.Helper()
	if !got.Equal(want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func testBindingRoundTrip(t *testing.T, s store.Store) {
	b := store.Binding{
		Key:            acme,
		Status:         store.StatusActive,
		InstalledAt:    t0,
		Install:        &sdk.InstallState{Data: []byte("signing-secret-xyz"), Summary: map[string]string{"webhook_id": "w1"}},
		LastDeliveryAt: t0.Add(time.Minute),
		LastError:      "none",
		UpdatedAt:      t0.Add(2 * time.Minute),
	}
	if err := s.PutBinding(ctx(t), b); err != nil {
		t.Fatalf("PutBinding: %v", err)
	}
	got, err := s.GetBinding(ctx(t), acme)
	if err != nil {
		t.Fatalf("GetBinding: %v", err)
	}
	if got.Key != acme || got.Status != store.StatusActive || got.LastError != "none" {
		t.Errorf("GetBinding = %+v, want key %v status active last error none", got, acme)
	}
	sameTime(t, "InstalledAt", got.InstalledAt, b.InstalledAt)
	sameTime(t, "LastDeliveryAt", got.LastDeliveryAt, b.LastDeliveryAt)
	sameTime(t, "UpdatedAt", got.UpdatedAt, b.UpdatedAt)
	if got.Install == nil || !bytes.Equal(got.Install.Data, b.Install.Data) || got.Install.Summary["webhook_id"] != "w1" {
		t.Errorf("Install did not round trip")
	}

	// The API base found at install time and the next maintenance time
	// are kept with the state; a state without them keeps them empty.
	b.Key = store.BindingKey{Platform: "otherdesk", Name: "acme"}
	b.Install = &sdk.InstallState{Data: []byte("s"), APIBaseURL: "https://api.example/ex/site-1", MaintainAt: t0.Add(15 * 24 * time.Hour)}
	if err := s.PutBinding(ctx(t), b); err != nil {
		t.Fatalf("PutBinding: %v", err)
	}
	if got, err = s.GetBinding(ctx(t), b.Key); err != nil || got.Install == nil {
		t.Fatalf("GetBinding = %v, %v", got.Install, err)
	}
	if got.Install.APIBaseURL != b.Install.APIBaseURL {
		t.Errorf("Install.APIBaseURL = %q, want %q", got.Install.APIBaseURL, b.Install.APIBaseURL)
	}
	sameTime(t, "Install.MaintainAt", got.Install.MaintainAt, b.Install.MaintainAt)
	b.Install = &sdk.InstallState{Data: []byte("s")}
	if err := s.PutBinding(ctx(t), b); err != nil {
		t.Fatalf("PutBinding: %v", err)
	}
	if got, err = s.GetBinding(ctx(t), b.Key); err != nil || got.Install == nil {
		t.Fatalf("GetBinding = %v, %v", got.Install, err)
	}
	if got.Install.APIBaseURL != "" || !got.Install.MaintainAt.IsZero() {
		t.Errorf("an install state without API base and maintenance came back with %q and %v", got.Install.APIBaseURL, got.Install.MaintainAt)
	}

	// A binding without install state and times keeps them zero.
	if err := s.PutBinding(ctx(t), store.Binding{Key: other, Status: store.StatusInactive}); err != nil {
		t.Fatalf("PutBinding: %v", err)
	}
	got, err = s.GetBinding(ctx(t), other)
	if err != nil {
		t.Fatalf("GetBinding: %v", err)
	}
	if got.Install != nil || !got.InstalledAt.IsZero() || !got.LastDeliveryAt.IsZero() {
		t.Errorf("GetBinding(never installed) = Install %v InstalledAt %v LastDeliveryAt %v, want nil and zero times",
			got.Install, got.InstalledAt, got.LastDeliveryAt)
	}
}

func testBindingNotFound(t *testing.T, s store.Store) {
	if _, err := s.GetBinding(ctx(t), acme); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetBinding(unknown) error = %v, want ErrNotFound", err)
	}
}

func testPutBindingReplaces(t *testing.T, s store.Store) {
	first := store.Binding{Key: acme, Status: store.StatusActive, Install: &sdk.InstallState{Data: []byte("a")}, LastError: "x"}
	if err := s.PutBinding(ctx(t), first); err != nil {
		t.Fatal(err)
	}
	if err := s.PutBinding(ctx(t), store.Binding{Key: acme, Status: store.StatusNeedsReconnect}); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetBinding(ctx(t), acme)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != store.StatusNeedsReconnect || got.Install != nil || got.LastError != "" {
		t.Errorf("after replace: status %s install %v last error %q, want needs_reconnect, nil, empty", got.Status, got.Install, got.LastError)
	}
}

func testListBindings(t *testing.T, s store.Store) {
	list, err := s.ListBindings(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 0 {
		t.Fatalf("ListBindings on empty store = %d bindings, want 0", len(list))
	}
	keys := []store.BindingKey{other, acme, {Platform: "freshdesk", Name: "acme"}}
	for _, k := range keys {
		if err := s.PutBinding(ctx(t), store.Binding{Key: k, Status: store.StatusActive, Install: &sdk.InstallState{Data: []byte(k.String())}}); err != nil {
			t.Fatal(err)
		}
	}
	list, err = s.ListBindings(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range list {
		got = append(got, b.Key.String())
		if b.Install == nil || string(b.Install.Data) != b.Key.String() {
			t.Errorf("ListBindings: %s has install state %v, want its own", b.Key, b.Install)
		}
	}
	slices.Sort(got)
	want := []string{"freshdesk/acme", "helpdesk/acme", "helpdesk/other"}
	if !slices.Equal(got, want) {
		t.Errorf("ListBindings keys = %v, want %v", got, want)
	}
}

func testSetStatus(t *testing.T, s store.Store) {
	if err := s.SetStatus(ctx(t), acme, store.StatusNeedsReconnect, "token revoked"); err != nil {
		t.Fatalf("SetStatus on absent binding: %v", err)
	}
	got, err := s.GetBinding(ctx(t), acme)
	if err != nil {
		t.Fatalf("GetBinding after SetStatus: %v", err)
	}
	if got.Status != store.StatusNeedsReconnect || got.LastError != "token revoked" {
		t.Errorf("after SetStatus: %s %q, want needs_reconnect %q", got.Status, got.LastError, "token revoked")
	}
	if err := s.SetStatus(ctx(t), acme, store.StatusActive, ""); err != nil {
		t.Fatal(err)
	}
	got, err = s.GetBinding(ctx(t), acme)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != store.StatusActive || got.LastError != "" {
		t.Errorf("after second SetStatus: %s %q, want active and no error", got.Status, got.LastError)
	}
}

func testSetStatusKeepsInstall(t *testing.T, s store.Store) {
	b := store.Binding{Key: acme, Status: store.StatusActive, InstalledAt: t0, Install: &sdk.InstallState{Data: []byte("secret")}}
	if err := s.PutBinding(ctx(t), b); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStatus(ctx(t), acme, store.StatusInactive, "disconnected"); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetBinding(ctx(t), acme)
	if err != nil {
		t.Fatal(err)
	}
	if got.Install == nil || string(got.Install.Data) != "secret" {
		t.Errorf("SetStatus lost the install state")
	}
	sameTime(t, "InstalledAt after SetStatus", got.InstalledAt, t0)
}

func testTouchDelivery(t *testing.T, s store.Store) {
	if err := s.SetStatus(ctx(t), acme, store.StatusActive, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.TouchDelivery(ctx(t), acme, t0); err != nil {
		t.Fatalf("TouchDelivery: %v", err)
	}
	got, err := s.GetBinding(ctx(t), acme)
	if err != nil {
		t.Fatal(err)
	}
	sameTime(t, "LastDeliveryAt", got.LastDeliveryAt, t0)
	if got.Status != store.StatusActive {
		t.Errorf("TouchDelivery changed status to %s", got.Status)
	}
	later := t0.Add(time.Hour)
	if err := s.TouchDelivery(ctx(t), acme, later); err != nil {
		t.Fatal(err)
	}
	got, err = s.GetBinding(ctx(t), acme)
	if err != nil {
		t.Fatal(err)
	}
	sameTime(t, "LastDeliveryAt after a later touch", got.LastDeliveryAt, later)
}

func testTokenVersioning(t *testing.T, s store.Store) {
	for i := int64(1); i <= 3; i++ {
		tok := store.Token{AccessToken: fmt.Sprintf("access-%d", i), RefreshToken: "refresh", TokenType: "Bearer",
			Expiry: t0.Add(time.Duration(i) * time.Hour), Scope: "read write"}
		v, err := s.PutToken(ctx(t), acme, tok)
		if err != nil {
			t.Fatalf("PutToken %d: %v", i, err)
		}
		if v != i {
			t.Errorf("PutToken %d returned version %d, want %d", i, v, i)
		}
		got, err := s.GetToken(ctx(t), acme)
		if err != nil {
			t.Fatalf("GetToken: %v", err)
		}
		if got.AccessToken != tok.AccessToken || got.RefreshToken != "refresh" || got.TokenType != "Bearer" ||
			got.Scope != "read write" || got.Version != i {
			t.Errorf("GetToken after put %d: access %q refresh %q type %q scope %q version %d", i,
				got.AccessToken, got.RefreshToken, got.TokenType, got.Scope, got.Version)
		}
		sameTime(t, "Expiry", got.Expiry, tok.Expiry)
	}
	// A token that does not expire keeps a zero Expiry.
	if _, err := s.PutToken(ctx(t), other, store.Token{AccessToken: "forever"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetToken(ctx(t), other)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Expiry.IsZero() {
		t.Errorf("Expiry of a non-expiring token = %v, want zero", got.Expiry)
	}
}

func testTokenNotFound(t *testing.T, s store.Store) {
	if _, err := s.GetToken(ctx(t), acme); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetToken(unknown) error = %v, want ErrNotFound", err)
	}
}

func testTokensPerBinding(t *testing.T, s store.Store) {
	if _, err := s.PutToken(ctx(t), acme, store.Token{AccessToken: "a"}); err != nil {
		t.Fatal(err)
	}
	v, err := s.PutToken(ctx(t), other, store.Token{AccessToken: "b"})
	if err != nil {
		t.Fatal(err)
	}
	if v != 1 {
		t.Errorf("first PutToken of another binding = version %d, want 1", v)
	}
	got, err := s.GetToken(ctx(t), acme)
	if err != nil {
		t.Fatal(err)
	}
	if got.AccessToken != "a" {
		t.Errorf("GetToken(acme) = %q, want a", got.AccessToken)
	}
}

func testTokenConcurrent(t *testing.T, s store.Store) {
	const n = 20
	versions := make([]int64, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			v, err := s.PutToken(context.Background(), acme, store.Token{AccessToken: fmt.Sprint(i)})
			if err != nil {
				errs <- err
			}
			versions[i] = v
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent PutToken: %v", err)
	}
	slices.Sort(versions)
	for i, v := range versions {
		if v != int64(i+1) {
			t.Fatalf("concurrent PutToken versions = %v, want 1..%d each once", versions, n)
		}
	}
}

func testDeleteSecrets(t *testing.T, s store.Store) {
	b := store.Binding{Key: acme, Status: store.StatusActive, InstalledAt: t0, Install: &sdk.InstallState{Data: []byte("secret")}}
	if err := s.PutBinding(ctx(t), b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutToken(ctx(t), acme, store.Token{AccessToken: "tok"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutToken(ctx(t), other, store.Token{AccessToken: "keep"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSecrets(ctx(t), acme); err != nil {
		t.Fatalf("DeleteSecrets: %v", err)
	}
	if _, err := s.GetToken(ctx(t), acme); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetToken after DeleteSecrets error = %v, want ErrNotFound", err)
	}
	got, err := s.GetBinding(ctx(t), acme)
	if err != nil {
		t.Fatalf("GetBinding after DeleteSecrets: %v (the binding itself must stay)", err)
	}
	if got.Install != nil {
		t.Errorf("install state survived DeleteSecrets")
	}
	if got.Status != store.StatusActive {
		t.Errorf("DeleteSecrets changed status to %s", got.Status)
	}
	if tok, err := s.GetToken(ctx(t), other); err != nil || tok.AccessToken != "keep" {
		t.Errorf("DeleteSecrets(acme) touched another binding's token: %v", err)
	}
	// A token stored again after a disconnect is readable.
	if _, err := s.PutToken(ctx(t), acme, store.Token{AccessToken: "again"}); err != nil {
		t.Fatal(err)
	}
	if tok, err := s.GetToken(ctx(t), acme); err != nil || tok.AccessToken != "again" {
		t.Errorf("GetToken after reconnect: %q %v", tok.AccessToken, err)
	}
	// Deleting the secrets of an unknown binding is not an error.
	if err := s.DeleteSecrets(ctx(t), store.BindingKey{Platform: "x", Name: "y"}); err != nil {
		t.Errorf("DeleteSecrets(unknown) = %v, want nil", err)
	}
}

func testOAuthStateSingleUse(t *testing.T, s store.Store) {
	st := store.OAuthState{Binding: acme, CodeVerifier: "verifier-abc", RedirectURL: "http://127.0.0.1/oauth/callback", CreatedAt: t0}
	if err := s.PutOAuthState(ctx(t), "state-1", st, t0.Add(10*time.Minute)); err != nil {
		t.Fatalf("PutOAuthState: %v", err)
	}
	got, err := s.TakeOAuthState(ctx(t), "state-1", t0.Add(time.Minute))
	if err != nil {
		t.Fatalf("TakeOAuthState: %v", err)
	}
	if got.Binding != acme || got.CodeVerifier != st.CodeVerifier || got.RedirectURL != st.RedirectURL {
		t.Errorf("TakeOAuthState = %+v, want %+v", got, st)
	}
	sameTime(t, "CreatedAt", got.CreatedAt, t0)
	if _, err := s.TakeOAuthState(ctx(t), "state-1", t0.Add(time.Minute)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second TakeOAuthState error = %v, want ErrNotFound", err)
	}

	// Two callbacks racing with one state: exactly one wins.
	if err := s.PutOAuthState(ctx(t), "state-2", st, t0.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		wins int
	)
	for range 8 {
		wg.Go(func() {
			_, err := s.TakeOAuthState(context.Background(), "state-2", t0.Add(time.Minute))
			if err == nil {
				mu.Lock()
				wins++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if wins != 1 {
		t.Errorf("racing TakeOAuthState: %d winners, want 1", wins)
	}
}

func testOAuthStateExpiry(t *testing.T, s store.Store) {
	st := store.OAuthState{Binding: acme, CodeVerifier: "v", CreatedAt: t0}
	if err := s.PutOAuthState(ctx(t), "late", st, t0.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TakeOAuthState(ctx(t), "late", t0.Add(10*time.Minute)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("TakeOAuthState at expiry error = %v, want ErrNotFound", err)
	}
	if err := s.PutOAuthState(ctx(t), "later", st, t0.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.TakeOAuthState(ctx(t), "later", t0.Add(time.Hour)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("TakeOAuthState after expiry error = %v, want ErrNotFound", err)
	}
}

func testOAuthStateUnknown(t *testing.T, s store.Store) {
	if _, err := s.TakeOAuthState(ctx(t), "never-stored", t0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("TakeOAuthState(unknown) error = %v, want ErrNotFound", err)
	}
}

func testStagesIdempotent(t *testing.T, s store.Store) {
	got, err := s.Stages(ctx(t), acme, "123")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Fatalf("Stages of a new ticket = %v, want none", got)
	}
	first := store.StageRecord{Stage: store.StageTriageNote, At: t0, Detail: `{"severity":"high"}`}
	entry := store.AuditEntry{Binding: acme.String(), TicketID: "123", Action: "note.internal", Outcome: store.OutcomeOK}
	if err := s.RecordStage(ctx(t), acme, "123", first, entry); err != nil {
		t.Fatalf("RecordStage: %v", err)
	}
	again := store.StageRecord{Stage: store.StageTriageNote, At: t0.Add(time.Hour), Detail: "second"}
	if err := s.RecordStage(ctx(t), acme, "123", again, entry); err != nil {
		t.Fatalf("RecordStage again: %v", err)
	}
	if err := s.RecordStage(ctx(t), acme, "123", store.StageRecord{Stage: store.StageFields, At: t0.Add(time.Second)}, entry); err != nil {
		t.Fatal(err)
	}
	got, err = s.Stages(ctx(t), acme, "123")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("Stages = %v, want 2 records (triage_note once, fields)", got)
	}
	byStage := map[store.Stage]store.StageRecord{}
	for _, r := range got {
		byStage[r.Stage] = r
	}
	tn, ok := byStage[store.StageTriageNote]
	if !ok || tn.Detail != first.Detail {
		t.Errorf("triage_note record = %+v, want the first mark (%q) kept", tn, first.Detail)
	}
	sameTime(t, "triage_note At", tn.At, t0)
	if _, ok := byStage[store.StageFields]; !ok {
		t.Errorf("fields stage missing from %v", got)
	}
}

func testStagesPerTicket(t *testing.T, s store.Store) {
	if err := s.RecordStage(ctx(t), acme, "1", store.StageRecord{Stage: store.StageAnalysis, At: t0, Detail: "a1"},
		store.AuditEntry{Binding: acme.String(), TicketID: "1", Action: "analysis", Outcome: store.OutcomeOK}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key    store.BindingKey
		ticket string
	}{{acme, "2"}, {other, "1"}} {
		got, err := s.Stages(ctx(t), c.key, c.ticket)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("Stages(%s, %s) = %v, want none", c.key, c.ticket, got)
		}
	}
}

// store.BindingAndStages (one statement where the backend can) answers as
// GetBinding and Stages do: every field, stages in order, none of another
// ticket or binding, and ErrNotFound for an unknown binding.
func testBindingAndStages(t *testing.T, s store.Store) {
	if _, _, err := store.BindingAndStages(ctx(t), s, acme, "1"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("BindingAndStages of an unknown binding: %v, want ErrNotFound", err)
	}
	b := store.Binding{Key: acme, Status: store.StatusActive, InstalledAt: t0, LastError: "x",
		Install: &sdk.InstallState{Data: []byte("secret"), Summary: map[string]string{"subdomain": "acme"}}, UpdatedAt: t0}
	if err := s.PutBinding(ctx(t), b); err != nil {
		t.Fatal(err)
	}
	check := func(ticket string) {
		t.Helper()
		gb, gs, err := store.BindingAndStages(ctx(t), s, acme, ticket)
		if err != nil {
			t.Fatal(err)
		}
		wb, err := s.GetBinding(ctx(t), acme)
		if err != nil {
			t.Fatal(err)
		}
		ws, err := s.Stages(ctx(t), acme, ticket)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(gb, wb) {
			t.Errorf("binding = %+v, want %+v", gb, wb)
		}
		if len(gs) != len(ws) {
			t.Fatalf("ticket %s: stages = %v, want %v", ticket, gs, ws)
		}
		for i := range gs {
			if gs[i].Stage != ws[i].Stage || gs[i].Detail != ws[i].Detail || !gs[i].At.Equal(ws[i].At) {
				t.Errorf("ticket %s: stage %d = %+v, want %+v", ticket, i, gs[i], ws[i])
			}
		}
	}
	check("1")
	for i, st := range []store.Stage{store.StageTriage, store.StageTriageNote, store.StageFields} {
		if err := s.RecordStage(ctx(t), acme, "1", store.StageRecord{Stage: st, At: t0.Add(time.Duration(i) * time.Second), Detail: string(st)},
			store.AuditEntry{Binding: acme.String(), TicketID: "1", Action: string(st), Outcome: store.OutcomeOK}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RecordStage(ctx(t), other, "1", store.StageRecord{Stage: store.StageAnalysis, At: t0},
		store.AuditEntry{Binding: other.String(), TicketID: "1", Action: "analysis", Outcome: store.OutcomeOK}); err != nil {
		t.Fatal(err)
	}
	check("1")
	check("2")
	if _, gs, err := store.BindingAndStages(ctx(t), s, acme, "1"); err != nil || len(gs) != 3 || gs[0].Stage != store.StageTriage || gs[2].Stage != store.StageFields {
		t.Errorf("stages of ticket 1 = %v, %v; want triage, triage_note, fields in that order", gs, err)
	}
}

// auditFixture appends a known set of entries one second apart starting at
// t0 and returns them with their assigned IDs, oldest first.
func auditFixture(t *testing.T, s store.Store) []store.AuditEntry {
	t.Helper()
	rows := []struct {
		binding, ticket, action string
		outcome                 store.Outcome
	}{
		{"helpdesk/acme", "1", "webhook.accepted", store.OutcomeOK},
		{"helpdesk/acme", "1", "triage", store.OutcomeOK},
		{"helpdesk/acme", "1", "note.internal", store.OutcomeRetry},
		{"helpdesk/acme", "2", "webhook.accepted", store.OutcomeOK},
		{"helpdesk/other", "1", "webhook.accepted", store.OutcomeOK},
		{"helpdesk/acme", "1", "note.internal", store.OutcomeOK},
		{"", "", "plugin.restart", store.OutcomeError},
		{"helpdesk/acme", "2", "job.dead", store.OutcomeDead},
	}
	for i, r := range rows {
		e := store.AuditEntry{Time: t0.Add(time.Duration(i) * time.Second), Binding: r.binding, TicketID: r.ticket,
			JobID: fmt.Sprintf("job-%d", i), Action: r.action, Outcome: r.outcome, Message: fmt.Sprintf("m%d", i)}
		if r.outcome == store.OutcomeError {
			e.ErrorKind = "retryable"
		}
		if err := s.AppendAudit(ctx(t), e); err != nil {
			t.Fatalf("AppendAudit: %v", err)
		}
	}
	all, err := s.QueryAudit(ctx(t), store.AuditFilter{})
	if err != nil {
		t.Fatalf("QueryAudit: %v", err)
	}
	if len(all) != len(rows) {
		t.Fatalf("QueryAudit(all) = %d entries, want %d", len(all), len(rows))
	}
	slices.Reverse(all)
	for i, e := range all {
		if e.Message != fmt.Sprintf("m%d", i) {
			t.Fatalf("QueryAudit is not newest first: position %d from the end holds %q", i, e.Message)
		}
		if i > 0 && e.ID <= all[i-1].ID {
			t.Fatalf("audit IDs do not increase: %d after %d", e.ID, all[i-1].ID)
		}
	}
	return all
}

func messages(es []store.AuditEntry) []string {
	out := []string{}
	for _, e := range es {
		out = append(out, e.Message)
	}
	return out
}

func testAuditFilters(t *testing.T, s store.Store) {
	all := auditFixture(t, s)
	e := all[6]
	if e.Binding != "" || e.Action != "plugin.restart" || e.Outcome != store.OutcomeError || e.ErrorKind != "retryable" ||
		e.JobID != "job-6" || e.TicketID != "" {
		t.Errorf("entry did not round trip: %+v", e)
	}
	sameTime(t, "audit Time", e.Time, t0.Add(6*time.Second))

	tests := []struct {
		name   string
		filter store.AuditFilter
		want   []string
	}{
		{"binding", store.AuditFilter{Binding: "helpdesk/acme"}, []string{"m7", "m5", "m3", "m2", "m1", "m0"}},
		{"binding and ticket", store.AuditFilter{Binding: "helpdesk/acme", TicketID: "1"}, []string{"m5", "m2", "m1", "m0"}},
		{"ticket across bindings", store.AuditFilter{TicketID: "1"}, []string{"m5", "m4", "m2", "m1", "m0"}},
		{"outcome", store.AuditFilter{Outcome: store.OutcomeRetry}, []string{"m2"}},
		{"action", store.AuditFilter{Action: "webhook.accepted"}, []string{"m4", "m3", "m0"}},
		{"since is inclusive", store.AuditFilter{Since: t0.Add(5 * time.Second)}, []string{"m7", "m6", "m5"}},
		{"until is exclusive", store.AuditFilter{Until: t0.Add(2 * time.Second)}, []string{"m1", "m0"}},
		{"since and until", store.AuditFilter{Since: t0.Add(2 * time.Second), Until: t0.Add(4 * time.Second)}, []string{"m3", "m2"}},
		{"limit", store.AuditFilter{Binding: "helpdesk/acme", Limit: 2}, []string{"m7", "m5"}},
		{"before id", store.AuditFilter{BeforeID: all[3].ID}, []string{"m2", "m1", "m0"}},
		{"everything combined", store.AuditFilter{Binding: "helpdesk/acme", TicketID: "1", Action: "note.internal",
			Outcome: store.OutcomeOK, Since: t0, Until: t0.Add(time.Hour), BeforeID: all[7].ID, Limit: 5}, []string{"m5"}},
		{"nothing matches", store.AuditFilter{Binding: "nope"}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.QueryAudit(ctx(t), tc.filter)
			if err != nil {
				t.Fatalf("QueryAudit: %v", err)
			}
			if !slices.Equal(messages(got), tc.want) {
				t.Errorf("QueryAudit(%+v) = %v, want %v", tc.filter, messages(got), tc.want)
			}
		})
	}
}

func testAuditPaging(t *testing.T, s store.Store) {
	all := auditFixture(t, s)
	var pages [][]string
	var before int64
	for range len(all) {
		page, err := s.QueryAudit(ctx(t), store.AuditFilter{Limit: 3, BeforeID: before})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		pages = append(pages, messages(page))
		before = page[len(page)-1].ID
	}
	want := [][]string{{"m7", "m6", "m5"}, {"m4", "m3", "m2"}, {"m1", "m0"}}
	if fmt.Sprint(pages) != fmt.Sprint(want) {
		t.Errorf("pages = %v, want %v", pages, want)
	}
}

func testAuditDefaultLimit(t *testing.T, s store.Store) {
	for i := range 105 {
		if err := s.AppendAudit(ctx(t), store.AuditEntry{Time: t0, Action: "triage", Outcome: store.OutcomeOK, Message: fmt.Sprint(i)}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.QueryAudit(ctx(t), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 100 {
		t.Errorf("QueryAudit without limit = %d entries, want 100", len(got))
	}
	if len(got) > 0 && got[0].Message != "104" {
		t.Errorf("first entry = %q, want the newest (104)", got[0].Message)
	}
}

func testAuditConcurrent(t *testing.T, s store.Store) {
	const writers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				err := s.AppendAudit(context.Background(), store.AuditEntry{Time: t0, Binding: "helpdesk/acme",
					Action: "triage", Outcome: store.OutcomeOK, Message: fmt.Sprintf("%d-%d", w, i)})
				if err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("concurrent AppendAudit: %v", err)
	}
	got, err := s.QueryAudit(ctx(t), store.AuditFilter{Limit: writers * each * 2})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range got {
		seen[e.Message] = true
	}
	if len(got) != writers*each || len(seen) != writers*each {
		t.Errorf("after %d concurrent appends: %d entries, %d distinct, want all kept", writers*each, len(got), len(seen))
	}
}

func testAnalysis(t *testing.T, s store.Store) {
	a := store.Analysis{ID: "an-9f8e7d", Binding: "helpdesk/acme", TicketID: "42", CreatedAt: t0, Body: []byte(`{"summary":"spike"}`)}
	if err := s.PutAnalysis(ctx(t), a); err != nil {
		t.Fatalf("PutAnalysis: %v", err)
	}
	got, err := s.GetAnalysis(ctx(t), a.ID)
	if err != nil {
		t.Fatalf("GetAnalysis: %v", err)
	}
	if got.ID != a.ID || got.Binding != a.Binding || got.TicketID != a.TicketID || !bytes.Equal(got.Body, a.Body) {
		t.Errorf("GetAnalysis = %+v, want %+v", got, a)
	}
	sameTime(t, "CreatedAt", got.CreatedAt, t0)
	if _, err := s.GetAnalysis(ctx(t), "an-unknown"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetAnalysis(unknown) error = %v, want ErrNotFound", err)
	}
}

func testPurgeAnalyses(t *testing.T, s store.Store) {
	for i, created := range []time.Time{t0.Add(-48 * time.Hour), t0.Add(-25 * time.Hour), t0.Add(-time.Hour), t0} {
		a := store.Analysis{ID: fmt.Sprintf("an-%d", i), Binding: "zendesk/acme", TicketID: "42", CreatedAt: created, Body: []byte(`{}`)}
		if err := s.PutAnalysis(ctx(t), a); err != nil {
			t.Fatalf("PutAnalysis: %v", err)
		}
	}
	n, err := s.PurgeAnalyses(ctx(t), t0.Add(-24*time.Hour))
	if err != nil || n != 2 {
		t.Fatalf("PurgeAnalyses = %d, %v; want 2 deleted", n, err)
	}
	for i, want := range []bool{false, false, true, true} {
		_, err := s.GetAnalysis(ctx(t), fmt.Sprintf("an-%d", i))
		if got := err == nil; got != want {
			t.Errorf("analysis an-%d kept = %v (%v), want %v", i, got, err, want)
		}
	}
	if n, err := s.PurgeAnalyses(ctx(t), t0.Add(-24*time.Hour)); err != nil || n != 0 {
		t.Errorf("second PurgeAnalyses = %d, %v; want 0", n, err)
	}
}

func testPing(t *testing.T, s store.Store) {
	if err := s.Ping(ctx(t)); err != nil {
		t.Errorf("Ping = %v, want nil", err)
	}
}

func testSessionExpiry(t *testing.T, s store.Store) {
	sess := store.Session{CreatedAt: t0, LastSeenAt: t0.Add(time.Minute)}
	if err := s.PutSession(ctx(t), "hash-a", sess, t0.Add(time.Hour)); err != nil {
		t.Fatalf("PutSession: %v", err)
	}
	got, err := s.GetSession(ctx(t), "hash-a", t0.Add(30*time.Minute))
	if err != nil {
		t.Fatalf("GetSession before expiry: %v", err)
	}
	sameTime(t, "CreatedAt", got.CreatedAt, sess.CreatedAt)
	sameTime(t, "LastSeenAt", got.LastSeenAt, sess.LastSeenAt)
	if _, err := s.GetSession(ctx(t), "hash-a", t0.Add(time.Hour)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetSession at expiry error = %v, want ErrNotFound", err)
	}
	if _, err := s.GetSession(ctx(t), "hash-unknown", t0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetSession(unknown) error = %v, want ErrNotFound", err)
	}
}

func testSessionRevoke(t *testing.T, s store.Store) {
	// A backend may sweep sessions that expired by its own clock when it
	// writes, so these are live by the wall clock.
	t0 := time.Now().UTC()
	for _, h := range []string{"hash-a", "hash-b"} {
		if err := s.PutSession(ctx(t), h, store.Session{CreatedAt: t0, LastSeenAt: t0}, t0.Add(time.Hour)); err != nil {
			t.Fatalf("PutSession %s: %v", h, err)
		}
	}
	// A touch moves the idle expiry: Put again with a later LastSeenAt.
	later := store.Session{CreatedAt: t0, LastSeenAt: t0.Add(50 * time.Minute)}
	if err := s.PutSession(ctx(t), "hash-a", later, t0.Add(2*time.Hour)); err != nil {
		t.Fatalf("PutSession again: %v", err)
	}
	got, err := s.GetSession(ctx(t), "hash-a", t0.Add(90*time.Minute))
	if err != nil {
		t.Fatalf("GetSession after the touch: %v", err)
	}
	sameTime(t, "LastSeenAt", got.LastSeenAt, later.LastSeenAt)

	if err := s.DeleteSession(ctx(t), "hash-a"); err != nil {
		t.Fatalf("DeleteSession: %v", err)
	}
	if _, err := s.GetSession(ctx(t), "hash-a", t0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetSession after DeleteSession error = %v, want ErrNotFound", err)
	}
	if _, err := s.GetSession(ctx(t), "hash-b", t0); err != nil {
		t.Errorf("the other session went with it: %v", err)
	}
	if err := s.DeleteSession(ctx(t), "hash-a"); err != nil {
		t.Errorf("DeleteSession of a deleted session = %v, want nil", err)
	}
}

func testRecordStage(t *testing.T, s store.Store) {
	entry := store.AuditEntry{Time: t0, Binding: acme.String(), TicketID: "77", JobID: "job-1",
		Action: "fields.set", Outcome: store.OutcomeOK, Message: "severity high"}
	rec := store.StageRecord{Stage: store.StageFields, At: t0, Detail: "d1"}
	if err := s.RecordStage(ctx(t), acme, "77", rec, entry); err != nil {
		t.Fatalf("RecordStage: %v", err)
	}
	// A redelivered job records the same stage again: neither the record
	// nor the audit entry may change or double.
	again := entry
	again.JobID, again.Message = "job-2", "second run"
	if err := s.RecordStage(ctx(t), acme, "77", store.StageRecord{Stage: store.StageFields, At: t0.Add(time.Hour), Detail: "d2"}, again); err != nil {
		t.Fatalf("RecordStage again: %v", err)
	}
	stages, err := s.Stages(ctx(t), acme, "77")
	if err != nil {
		t.Fatal(err)
	}
	if len(stages) != 1 || stages[0].Stage != store.StageFields || stages[0].Detail != "d1" {
		t.Errorf("Stages = %+v, want the first fields record alone", stages)
	}
	got, err := s.QueryAudit(ctx(t), store.AuditFilter{TicketID: "77"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Action != "fields.set" || got[0].JobID != "job-1" || got[0].Message != "severity high" || got[0].Binding != acme.String() {
		t.Fatalf("audit entries = %+v, want the first run's fields.set alone", got)
	}
	sameTime(t, "audit Time", got[0].Time, t0)
	// The entry is indexed like any other (by binding, by action).
	if byB, err := s.QueryAudit(ctx(t), store.AuditFilter{Binding: acme.String(), Action: "fields.set"}); err != nil || len(byB) != 1 {
		t.Errorf("audit by binding and action = %+v, %v; want the entry", byB, err)
	}
	// Another stage of the same ticket gets its own entry.
	note := entry
	note.Action = "note.internal"
	if err := s.RecordStage(ctx(t), acme, "77", store.StageRecord{Stage: store.StageTriageNote, At: t0}, note); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.QueryAudit(ctx(t), store.AuditFilter{TicketID: "77"}); len(got) != 2 {
		t.Errorf("audit entries after a second stage = %d, want 2", len(got))
	}
}

// The entries handed to RecordStage as earlier ones (a job's delivery entry
// waiting for a commit) are written before the stage's entry, and also when
// the stage was already recorded.
func testRecordStageEarlier(t *testing.T, s store.Store) {
	entry := func(job, action string, at time.Time) store.AuditEntry {
		return store.AuditEntry{Time: at, Binding: acme.String(), TicketID: "78", JobID: job, Action: action, Outcome: store.OutcomeOK}
	}
	rec := store.StageRecord{Stage: store.StageTriage, At: t0, Detail: "d1"}
	if err := s.RecordStage(ctx(t), acme, "78", rec, entry("job-1", "triage", t0.Add(time.Second)),
		entry("job-1", "webhook.accepted", t0), entry("job-1", "get_ticket", t0)); err != nil {
		t.Fatalf("RecordStage: %v", err)
	}
	// A second job's run finds the stage recorded: its delivery entry is
	// still written, its triage entry is not.
	if err := s.RecordStage(ctx(t), acme, "78", rec, entry("job-2", "triage", t0.Add(time.Hour)),
		entry("job-2", "webhook.accepted", t0.Add(time.Minute))); err != nil {
		t.Fatalf("RecordStage again: %v", err)
	}
	got, err := s.QueryAudit(ctx(t), store.AuditFilter{TicketID: "78"})
	if err != nil {
		t.Fatal(err)
	}
	var seen []string
	for i := len(got) - 1; i >= 0; i-- { // oldest first
		seen = append(seen, got[i].JobID+":"+got[i].Action)
	}
	want := []string{"job-1:webhook.accepted", "job-1:get_ticket", "job-1:triage", "job-2:webhook.accepted"}
	if !slices.Equal(seen, want) {
		t.Errorf("audit entries = %v, want %v", seen, want)
	}
}
