package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/analysis"
	"github.com/sigsentry/deskgate/gateway/assess"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/triage"
	"github.com/sigsentry/deskgate/sdk"
)

// fakeDesk is a Platform whose calls the test scripts and records.
type fakeDesk struct {
	sdk.Platform
	mu       sync.Mutex
	comments []sdk.Comment
	fields   []map[string]any
	// failNext makes the next write fail with this error.
	failNext []error
	tokens   []string
}

func (d *fakeDesk) GetTicket(_ context.Context, c sdk.Credentials, id string) (*sdk.Ticket, error) {
	return &sdk.Ticket{ID: id, Subject: "Checkout down", RequesterName: "Dana", CreatedAt: time.Now()}, nil
}

func (d *fakeDesk) write(c sdk.Credentials) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.tokens = append(d.tokens, c.AccessToken)
	if len(d.failNext) > 0 {
		err := d.failNext[0]
		d.failNext = d.failNext[1:]
		return err
	}
	return nil
}

func (d *fakeDesk) PostComment(_ context.Context, c sdk.Credentials, _ string, cm sdk.Comment) error {
	if err := d.write(c); err != nil {
		return err
	}
	d.mu.Lock()
	d.comments = append(d.comments, cm)
	d.mu.Unlock()
	return nil
}

func (d *fakeDesk) SetFields(_ context.Context, c sdk.Credentials, _ string, f map[string]any) error {
	if err := d.write(c); err != nil {
		return err
	}
	d.mu.Lock()
	d.fields = append(d.fields, f)
	d.mu.Unlock()
	return nil
}

type fakeCreds struct {
	mu        sync.Mutex
	token     string
	refreshes int
	err       error
}

func (f *fakeCreds) CredentialsOf(context.Context, store.BindingKey, store.Binding) (sdk.Credentials, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return sdk.Credentials{AccessToken: f.token}, f.err
}

func (f *fakeCreds) RefreshAfterAuthError(context.Context, store.BindingKey, sdk.Credentials) (sdk.Credentials, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.refreshes++
	f.token = "fresh"
	return sdk.Credentials{AccessToken: f.token}, nil
}

type fakeAssessor struct{ sev string }

func (b fakeAssessor) Triage(context.Context, *config.Binding, *sdk.Ticket) (triage.Result, error) {
	return triage.Result{Severity: b.sev, AffectedService: "checkout-api", Confidence: "high",
		Reasons: []string{"an error spike"}, Analyze: triage.Rank(b.sev) >= triage.Rank("high"),
		WindowSource: `from "since 9:40", read in Europe/Berlin (the requester's profile)`}, nil
}

func (b fakeAssessor) Analyze(_ context.Context, _ *config.Binding, t *sdk.Ticket, r triage.Result) (*assess.Analysis, error) {
	return &assess.Analysis{Report: &analysis.Report{TicketID: t.ID, Severity: r.Severity, AffectedService: r.AffectedService}}, nil
}

// oneBinding is a configuration holding b alone.
func oneBinding(b *config.Binding) func() *config.Config {
	c := &config.Config{Bindings: []*config.Binding{b}}
	return func() *config.Config { return c }
}

type onePlatform struct{ p sdk.Platform }

func (o onePlatform) Platform(context.Context, string) (sdk.Platform, error) { return o.p, nil }

type fixture struct {
	p     *Pipeline
	desk  *fakeDesk
	creds *fakeCreds
	st    store.Store
	q     queue.Queue
	key   store.BindingKey
}

func newFixture(t testing.TB, mode, sev string) *fixture {
	t.Helper()
	ctx := context.Background()
	key := []byte("0123456789abcdef0123456789abcdef")
	box, err := store.NewBox(key)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.OpenSQLite(ctx, filepath.Join(t.TempDir(), "p.db"), box)
	if err != nil {
		t.Fatal(err)
	}
	q, err := queue.NewSQLite(ctx, st.DB(), queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close(); st.Close() })
	bk := store.BindingKey{Platform: "zendesk", Name: "acme"}
	if err := st.SetStatus(ctx, bk, store.StatusActive, ""); err != nil {
		t.Fatal(err)
	}
	b := &config.Binding{Platform: "zendesk", Name: "acme", PostingMode: mode, AutoAnalyzeThreshold: "high",
		RateLimitPerMinute: 6000, PublicReplyTemplate: config.DefaultReplyTemplate,
		CustomFields: map[string]string{"severity": "1", "affected_service": "2", "analysis_url": "3"}}
	f := &fixture{desk: &fakeDesk{}, creds: &fakeCreds{token: "t1"}, st: st, q: q, key: bk}
	f.p = New(Options{Store: st, Queue: q, Config: oneBinding(b), Platforms: onePlatform{f.desk},
		Credentials: f.creds, Assessor: fakeAssessor{sev: sev}, PublicURL: "https://gw.example", BaseDelay: time.Millisecond})
	return f
}

func (f *fixture) lease(t testing.TB, ticket string) *queue.Job {
	t.Helper()
	ctx := context.Background()
	if _, err := f.q.Enqueue(ctx, queue.Job{Binding: f.key, DedupKey: "d-" + ticket, Type: "ticket.created", TicketID: ticket}); err != nil {
		t.Fatal(err)
	}
	j, err := f.q.Lease(ctx, "test", time.Minute)
	if err != nil || j == nil {
		t.Fatalf("lease: %v, %v", j, err)
	}
	return j
}

func TestProcess_postsPerModeAndNeverTwice(t *testing.T) {
	for _, tc := range []struct {
		mode, sev        string
		internal, public int
		fieldSets        int
	}{
		{"internal", "low", 1, 0, 1},
		{"public", "low", 0, 1, 1},
		{"both", "medium", 1, 1, 1},
		{"internal", "critical", 2, 0, 2}, // triage note + analysis note; fields + analysis_url
		{"public", "critical", 0, 1, 2},   // public reply only; the analysis reaches the ticket via analysis_url
		{"both", "critical", 2, 1, 2},
	} {
		t.Run(tc.mode+"/"+tc.sev, func(t *testing.T) {
			f := newFixture(t, tc.mode, tc.sev)
			j := f.lease(t, "42")
			for i := 0; i < 2; i++ { // the second run is a redelivery: leased again
				j.Attempts = i + 1
				if err := f.p.Process(context.Background(), j); err != nil {
					t.Fatalf("run %d: %v", i, err)
				}
			}
			var internal, public int
			for _, c := range f.desk.comments {
				if c.Public {
					public++
				} else {
					internal++
				}
			}
			if internal != tc.internal || public != tc.public || len(f.desk.fields) != tc.fieldSets {
				t.Fatalf("internal %d, public %d, field sets %d; want %d, %d, %d",
					internal, public, len(f.desk.fields), tc.internal, tc.public, tc.fieldSets)
			}
			if f.desk.fields[0]["1"] != tc.sev || f.desk.fields[0]["2"] != "checkout-api" {
				t.Errorf("fields = %v", f.desk.fields[0])
			}
			acc, _ := f.st.QueryAudit(context.Background(), store.AuditFilter{TicketID: "42", Action: "webhook.accepted"})
			if len(acc) != 1 || !acc[0].Time.Equal(j.EnqueuedAt) {
				t.Errorf("webhook.accepted entries = %+v, want one dated when the job was enqueued (%v)", acc, j.EnqueuedAt)
			}
		})
	}
}

func TestProcess_classifiesFailuresByKind(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want outcome
	}{
		{"rate limited", sdk.Retryable(2*time.Second, "429"), retry},
		{"plugin died", sdk.Errorf(sdk.KindRetryable, "transport"), retry},
		{"bad field", &sdk.Error{Kind: sdk.KindPermanent, Message: "field 3 does not exist", Field: "3"}, dead},
		{"ticket gone", sdk.Errorf(sdk.KindNotFound, "ticket 42"), dead},
		{"our side", errors.New("disk full"), retry},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, "internal", "low")
			f.desk.failNext = []error{tc.err}
			err := f.p.Process(context.Background(), f.lease(t, "42"))
			var je *jobError
			if !errors.As(err, &je) || je.outcome != tc.want {
				t.Fatalf("err = %v, want outcome %d", err, tc.want)
			}
			entries, _ := f.st.QueryAudit(context.Background(), store.AuditFilter{TicketID: "42", Outcome: store.OutcomeError})
			if len(entries) == 0 {
				t.Fatal("the failure is not in the audit log")
			}
		})
	}
}

func TestProcess_refreshesOnceAfterAuthExpired(t *testing.T) {
	f := newFixture(t, "internal", "low")
	f.desk.failNext = []error{sdk.Errorf(sdk.KindAuthExpired, "401")}
	if err := f.p.Process(context.Background(), f.lease(t, "7")); err != nil {
		t.Fatal(err)
	}
	if f.creds.refreshes != 1 || f.desk.tokens[len(f.desk.tokens)-1] != "fresh" {
		t.Fatalf("refreshes = %d, tokens used = %v", f.creds.refreshes, f.desk.tokens)
	}
}

func TestProcess_needsReconnectDeadLetters(t *testing.T) {
	f := newFixture(t, "internal", "low")
	f.creds.err = oauth.ErrNeedsReconnect
	err := f.p.Process(context.Background(), f.lease(t, "7"))
	var je *jobError
	if !errors.As(err, &je) || je.outcome != dead {
		t.Fatalf("err = %v, want dead", err)
	}
}

func TestHandle_retriesThenDeadLettersAfterMaxAttempts(t *testing.T) {
	f := newFixture(t, "internal", "low")
	f.p.o.MaxAttempts = 2
	ctx := context.Background()
	f.desk.failNext = []error{sdk.Errorf(sdk.KindRetryable, "503"), sdk.Errorf(sdk.KindRetryable, "503")}
	f.p.handle(ctx, f.lease(t, "9"))
	waitJob := func() *queue.Job {
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			j, err := f.q.Lease(ctx, "test", time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if j != nil {
				return j
			}
			time.Sleep(5 * time.Millisecond)
		}
		t.Fatal("the retried job never came back")
		return nil
	}
	f.p.handle(ctx, waitJob())
	st, err := f.q.Stats(ctx)
	if err != nil || st.Dead != 1 {
		t.Fatalf("stats = %+v, %v; want one dead job", st, err)
	}
	dead, _ := f.st.QueryAudit(ctx, store.AuditFilter{Action: "job.dead"})
	if len(dead) != 1 {
		t.Fatalf("job.dead audit entries = %d, want 1", len(dead))
	}
}

func TestProcess_keepsEventsOfABindingThatNeedsReconnecting(t *testing.T) {
	f := newFixture(t, "internal", "low")
	if err := f.st.SetStatus(context.Background(), f.key, store.StatusNeedsReconnect, "invalid_grant"); err != nil {
		t.Fatal(err)
	}
	err := f.p.Process(context.Background(), f.lease(t, "5"))
	var je *jobError
	if !errors.As(err, &je) || je.outcome != dead {
		t.Fatalf("err = %v, want a dead (replayable) job, not a skipped one", err)
	}
	if err := f.st.SetStatus(context.Background(), f.key, store.StatusInactive, ""); err != nil {
		t.Fatal(err)
	}
	err = f.p.Process(context.Background(), f.lease(t, "6"))
	if !errors.As(err, &je) || je.outcome != skipped {
		t.Fatalf("inactive binding: err = %v, want skipped", err)
	}
}

// TestTriage_aRetriedJobsRecordedVerdictKeepsHowItsWindowWasFound: the
// verdict a retried job reuses comes from the triage stage's record, so
// the note it posts still says which clock the window was read in.
func TestTriage_aRetriedJobsRecordedVerdictKeepsHowItsWindowWasFound(t *testing.T) {
	f := newFixture(t, "internal", "low")
	run := &ticketRun{ticket: &sdk.Ticket{ID: "42"}, stages: map[store.Stage]store.StageRecord{}}
	first, err := fakeAssessor{sev: "low"}.Triage(context.Background(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	detail, err := json.Marshal(recordedTriage{Result: first, WindowSource: first.WindowSource})
	if err != nil {
		t.Fatal(err)
	}
	run.stages[store.StageTriage] = store.StageRecord{Detail: string(detail)}
	again, err := f.p.triage(context.Background(), run)
	if err != nil {
		t.Fatal(err)
	}
	if again.WindowSource != first.WindowSource || again.Severity != first.Severity {
		t.Errorf("reused verdict %+v, want %+v", again, first)
	}
	// A record written before the window's source was kept decodes too.
	old, _ := json.Marshal(triage.Result{Severity: "high"})
	run.stages[store.StageTriage] = store.StageRecord{Detail: string(old)}
	if r, err := f.p.triage(context.Background(), run); err != nil || r.Severity != "high" || r.WindowSource != "" {
		t.Errorf("an older record: %+v, %v", r, err)
	}
}
