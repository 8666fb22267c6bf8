package ingress

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// verifier is a Platform whose Verify the test scripts.
type verifier struct {
	sdk.Platform
	events []sdk.Event
	err    error
}

func (v *verifier) Verify(context.Context, sdk.VerifyRequest) ([]sdk.Event, error) {
	return v.events, v.err
}

type platforms struct{ p sdk.Platform }

func (p platforms) Platform(context.Context, string) (sdk.Platform, error) { return p.p, nil }

// configured is a config holding zendesk/acme, or no binding at all.
func configured(yes bool) func() *config.Config {
	c := &config.Config{}
	if yes {
		c.Bindings = []*config.Binding{{Platform: "zendesk", Name: "acme"}}
	}
	return func() *config.Config { return c }
}

// memQueue records enqueued jobs, de-duplicated by dedup and replay key as
// the queue does; failing makes Enqueue fail.
type memQueue struct {
	queue.Queue
	jobs    []queue.Job
	seen    map[string]bool
	failing bool
}

func (q *memQueue) Enqueue(_ context.Context, j queue.Job) (bool, error) {
	if q.failing {
		return false, errors.New("database is locked")
	}
	if j.ReplayKey != "" && q.seen["replay:"+j.ReplayKey] {
		return false, nil
	}
	if j.ReplayKey != "" {
		q.seen["replay:"+j.ReplayKey] = true
	}
	if q.seen[j.DedupKey] {
		return false, nil
	}
	q.seen[j.DedupKey] = true
	q.jobs = append(q.jobs, j)
	return true, nil
}

// bindingStore answers GetBinding and records audit entries.
type bindingStore struct {
	Store  // the methods the ingress does not call are left nil
	status store.Status
	audit  []store.AuditEntry
}

func (s *bindingStore) GetBinding(_ context.Context, k store.BindingKey) (store.Binding, error) {
	if s.status == "" {
		return store.Binding{}, store.ErrNotFound
	}
	return store.Binding{Key: k, Status: s.status, Install: &sdk.InstallState{Data: []byte("{}")}}, nil
}
func (s *bindingStore) AppendAudit(_ context.Context, e store.AuditEntry) error {
	s.audit = append(s.audit, e)
	return nil
}
func (s *bindingStore) TouchDelivery(context.Context, store.BindingKey, time.Time) error { return nil }

func TestServeHTTP_answersPerOutcome(t *testing.T) {
	ev := sdk.Event{DedupKey: "inv-1", Type: "ticket.created", TicketID: "42"}
	for _, tc := range []struct {
		name       string
		configured bool
		status     store.Status
		verifyErr  error
		queueFails bool
		body       []byte
		want       int
		wantJobs   int
		wantAudit  string
	}{
		{name: "accepted", configured: true, status: store.StatusActive, want: 200, wantJobs: 1},
		{name: "unknown binding", configured: false, want: 404},
		{name: "inactive binding", configured: true, status: store.StatusInactive, want: 404},
		{name: "never connected", configured: true, want: 404},
		{name: "bad signature", configured: true, status: store.StatusActive, verifyErr: sdk.Errorf(sdk.KindRejected, "bad signature"), want: 401, wantAudit: "webhook.rejected"},
		{name: "garbage", configured: true, status: store.StatusActive, verifyErr: sdk.Errorf(sdk.KindMalformed, "not JSON"), want: 400, wantAudit: "webhook.rejected"},
		{name: "plugin down", configured: true, status: store.StatusActive, verifyErr: sdk.Errorf(sdk.KindRetryable, "transport"), want: 503},
		{name: "queue cannot store", configured: true, status: store.StatusActive, queueFails: true, want: 503},
		{name: "oversized", configured: true, status: store.StatusActive, body: bytes.Repeat([]byte("x"), MaxBody+1), want: 413, wantAudit: "webhook.rejected"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := &memQueue{seen: map[string]bool{}, failing: tc.queueFails}
			st := &bindingStore{status: tc.status}
			h := New(Options{Store: st, Queue: q, Config: configured(tc.configured),
				Platforms: platforms{&verifier{events: []sdk.Event{ev}, err: tc.verifyErr}}})
			mux := http.NewServeMux()
			mux.Handle("POST /hooks/{platform}/{binding}", h)
			body := tc.body
			if body == nil {
				body = []byte(`{"ticket_id":"42"}`)
			}
			rec := httptest.NewRecorder()
			mux.ServeHTTP(rec, httptest.NewRequest("POST", "/hooks/zendesk/acme", bytes.NewReader(body)))
			if rec.Code != tc.want {
				t.Fatalf("status = %d, want %d (%s)", rec.Code, tc.want, strings.TrimSpace(rec.Body.String()))
			}
			if len(q.jobs) != tc.wantJobs {
				t.Errorf("jobs = %d, want %d", len(q.jobs), tc.wantJobs)
			}
			if want := (store.BindingKey{Platform: "zendesk", Name: "acme"}); len(q.jobs) > 0 && q.jobs[0].Binding != want {
				t.Errorf("job binding = %#v, want %#v", q.jobs[0].Binding, want)
			}
			if tc.want == 503 && rec.Header().Get("Retry-After") == "" {
				t.Error("503 without Retry-After")
			}
			if tc.wantAudit != "" && (len(st.audit) != 1 || st.audit[0].Action != tc.wantAudit) {
				t.Errorf("audit = %+v, want one %s entry", st.audit, tc.wantAudit)
			}
		})
	}
}

func TestServeHTTP_redeliveryIsAcknowledgedAndQueuesNothing(t *testing.T) {
	q := &memQueue{seen: map[string]bool{}}
	h := New(Options{Store: &bindingStore{status: store.StatusActive}, Queue: q, Config: configured(true),
		Platforms: platforms{&verifier{events: []sdk.Event{{DedupKey: "inv-1", TicketID: "42"}}}}})
	mux := http.NewServeMux()
	mux.Handle("POST /hooks/{platform}/{binding}", h)
	for i := 0; i < 2; i++ {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("POST", "/hooks/zendesk/acme", strings.NewReader("{}")))
		if rec.Code != 200 {
			t.Fatalf("delivery %d: status %d", i, rec.Code)
		}
	}
	if len(q.jobs) != 1 {
		t.Fatalf("jobs = %d, want 1", len(q.jobs))
	}
	if q.jobs[0].DedupKey != "zendesk/acme/inv-1" {
		t.Errorf("dedup key = %q: it must be scoped to the binding", q.jobs[0].DedupKey)
	}
}

func TestInvalidate_makesADisconnectVisibleAtOnce(t *testing.T) {
	st := &bindingStore{status: store.StatusActive}
	h := New(Options{Store: st, Queue: &memQueue{seen: map[string]bool{}}, Config: configured(true),
		Platforms: platforms{&verifier{}}, CacheTTL: time.Hour})
	mux := http.NewServeMux()
	mux.Handle("POST /hooks/{platform}/{binding}", h)
	send := func() int {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("POST", "/hooks/zendesk/acme", strings.NewReader("{}")))
		return rec.Code
	}
	if c := send(); c != 200 {
		t.Fatalf("status %d", c)
	}
	st.status = store.StatusInactive
	h.Invalidate(store.BindingKey{Platform: "zendesk", Name: "acme"})
	if c := send(); c != 404 {
		t.Fatalf("after disconnect + Invalidate: status %d, want 404", c)
	}
}
