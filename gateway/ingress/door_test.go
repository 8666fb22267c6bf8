package ingress

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/metrics"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
	"github.com/sigsentry/deskgate/internal/redistest"
	"github.com/sigsentry/deskgate/sdk"
)

const testSecret = "door-test-secret"

// recipePlatform declares a Zendesk-shaped recipe; its Verify counts calls
// and checks the delivery the same way, so a test sees which path ran.
type recipePlatform struct {
	sdk.Platform
	rc    *sdk.VerifyRecipe
	calls atomic.Int64
}

func (p *recipePlatform) VerifyRecipe(context.Context) (*sdk.VerifyRecipe, error) { return p.rc, nil }

func (p *recipePlatform) Verify(_ context.Context, req sdk.VerifyRequest) ([]sdk.Event, error) {
	p.calls.Add(1)
	return p.rc.Verify([]byte(testSecret), req)
}

func testRecipe() *sdk.VerifyRecipe {
	return &sdk.VerifyRecipe{
		Algorithm: "hmac-sha256", KeyPath: "signing_secret",
		SignatureHeader: "X-Sig", Signed: []sdk.SignedPart{{Kind: "timestamp"}, {Kind: "body"}},
		TimestampHeader: "X-Ts", Tolerance: 5 * time.Minute,
		DedupHeader: "X-Inv", EventTypePath: "event", EventTypes: map[string]string{"": "ticket.created"},
		TicketIDPath: "ticket_id", TicketIDDigits: true,
	}
}

// keyStore is a bindingStore whose install state holds data.
type keyStore struct {
	bindingStore
	data string
}

func (s *keyStore) GetBinding(_ context.Context, k store.BindingKey) (store.Binding, error) {
	return store.Binding{Key: k, Status: store.StatusActive, Install: &sdk.InstallState{Data: []byte(s.data)}}, nil
}

func signed(body, ts, inv string) *http.Request {
	m := hmac.New(sha256.New, []byte(testSecret))
	m.Write([]byte(ts))
	m.Write([]byte(body))
	req := httptest.NewRequest("POST", "/hooks/zendesk/acme", strings.NewReader(body))
	req.Header.Set("X-Sig", base64.StdEncoding.EncodeToString(m.Sum(nil)))
	req.Header.Set("X-Ts", ts)
	if inv != "" {
		req.Header.Set("X-Inv", inv)
	}
	return req
}

func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	mux := http.NewServeMux()
	mux.Handle("POST /hooks/{platform}/{binding}", h)
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	return rec
}

func TestServeHTTP_recipeVerifiesWithoutCallingThePlugin(t *testing.T) {
	plat := &recipePlatform{rc: testRecipe()}
	q := &memQueue{seen: map[string]bool{}}
	h := New(Options{Store: &keyStore{data: `{"signing_secret":"` + testSecret + `"}`}, Queue: q, Config: configured(true), Platforms: platforms{plat}})
	ts := time.Now().UTC().Format(time.RFC3339)
	if rec := serve(h, signed(`{"ticket_id":"42"}`, ts, "inv-1")); rec.Code != 200 {
		t.Fatalf("genuine delivery: %d %s", rec.Code, rec.Body)
	}
	forged := signed(`{"ticket_id":"42"}`, ts, "inv-2")
	forged.Header.Set("X-Sig", base64.StdEncoding.EncodeToString([]byte("not the signature")))
	if rec := serve(h, forged); rec.Code != 401 {
		t.Fatalf("forged delivery: %d, want 401", rec.Code)
	}
	if n := plat.calls.Load(); n != 0 {
		t.Errorf("the plugin's Verify was called %d times; the recipe should have done it", n)
	}
	if len(q.jobs) != 1 || q.jobs[0].TicketID != "42" || q.jobs[0].DedupKey != "zendesk/acme/inv-1" {
		t.Errorf("jobs = %+v, want one for ticket 42 under zendesk/acme/inv-1", q.jobs)
	}
}

func TestServeHTTP_stateWithoutTheRecipesKeyIsVerifiedByThePlugin(t *testing.T) {
	plat := &recipePlatform{rc: testRecipe()}
	h := New(Options{Store: &keyStore{data: `{"webhook_id":"1"}`}, Queue: &memQueue{seen: map[string]bool{}}, Config: configured(true), Platforms: platforms{plat}})
	rec := serve(h, signed(`{"ticket_id":"42"}`, time.Now().UTC().Format(time.RFC3339), "inv-1"))
	if rec.Code != 200 || plat.calls.Load() != 1 {
		t.Fatalf("status %d, plugin calls %d: want 200 through the plugin", rec.Code, plat.calls.Load())
	}
}

// replicas opens two queue handles on one backend, as two gateway
// processes see it: two replicas sharing Redis, or a gateway on a SQLite
// file and the gateway restarted on it (the first handle closed first).
type replicas func(t *testing.T) (first, second func() queue.Queue)

var backends = []struct {
	name string
	open replicas
}{
	{"sqlite, resent after a restart", func(t *testing.T) (func() queue.Queue, func() queue.Queue) {
		path := filepath.Join(t.TempDir(), "deskgate.db")
		var q *queue.SQLite
		open := func() queue.Queue {
			if q != nil {
				if err := q.Close(); err != nil {
					t.Fatal(err)
				}
			}
			var err error
			if q, err = queue.OpenSQLite(t.Context(), path, sqlitedb.Options{}, queue.Options{}); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { q.Close() })
			return q
		}
		return open, open
	}},
	{"redis, resent to another replica", func(t *testing.T) (func() queue.Queue, func() queue.Queue) {
		url, prefix := redistest.Addr(t), redistest.Prefix(t)
		open := func() queue.Queue {
			q, err := queue.NewRedis(context.Background(), queue.RedisQueueOptions{URL: url, KeyPrefix: prefix})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { q.Close() })
			return q
		}
		return open, open
	}},
}

func door(q queue.Queue, plat sdk.Platform) http.Handler {
	return New(Options{Store: &keyStore{data: `{"signing_secret":"` + testSecret + `"}`}, Queue: q, Config: configured(true),
		Platforms: platforms{plat}})
}

func answer(t *testing.T, h http.Handler, req *http.Request, want string) {
	t.Helper()
	rec := serve(h, req)
	if got := strings.TrimSpace(rec.Body.String()); rec.Code != 200 || got != want {
		t.Errorf("%d %s, want 200 %s", rec.Code, got, want)
	}
}

func live(t *testing.T, q queue.Queue) []queue.Job {
	t.Helper()
	js, err := q.List(t.Context(), queue.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return js
}

func dedupKeys(js []queue.Job) []string {
	keys := make([]string, len(js))
	for i, j := range js {
		keys[i] = j.DedupKey
	}
	return keys
}

func TestServeHTTP_resendUnderANewInvocationIDIsADuplicateOnAnyProcess(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			first, second := b.open(t)
			plat := &recipePlatform{rc: testRecipe()}
			ts := time.Now().UTC().Format(time.RFC3339)
			body := `{"ticket_id":"42"}`
			answer(t, door(first(), plat), signed(body, ts, "inv-1"), `{"accepted":1,"duplicates":0}`)
			// Another process, no memory of the first delivery but the queue's.
			q := second()
			h := door(q, plat)
			answer(t, h, signed(body, ts, "inv-2"), `{"accepted":0,"duplicates":1}`)
			answer(t, h, signed(body, ts, ""), `{"accepted":0,"duplicates":1}`)
			// A new signature (a new signing time) is a new delivery; the same
			// invocation id still deduplicates it.
			answer(t, h, signed(body, time.Now().Add(time.Second).UTC().Format(time.RFC3339), "inv-1"), `{"accepted":0,"duplicates":1}`)
			if keys := dedupKeys(live(t, q)); len(keys) != 1 || keys[0] != "zendesk/acme/inv-1" {
				t.Errorf("jobs under %q, want one, under zendesk/acme/inv-1: a replay was enqueued again", keys)
			}
			// The replay under inv-2 did not take inv-2 from the desk.
			answer(t, h, signed(`{"ticket_id":"43"}`, ts, "inv-2"), `{"accepted":1,"duplicates":0}`)
		})
	}
}

// unsignedTime verifies like the recipe but gives no signed time, as a
// plugin built before sdk.Event.SignedAt does (the queue then stores the
// replay key as every version before it did).
type unsignedTime struct{ sdk.Platform }

func (p *unsignedTime) Verify(_ context.Context, req sdk.VerifyRequest) ([]sdk.Event, error) {
	evs, err := testRecipe().Verify([]byte(testSecret), req)
	for i := range evs {
		evs[i].SignedAt = time.Time{}
	}
	return evs, err
}

func TestServeHTTP_resendOfADeliveryAcceptedWithoutItsSignedTimeIsADuplicate(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			first, second := b.open(t)
			ts := time.Now().UTC().Format(time.RFC3339)
			body := `{"ticket_id":"42"}`
			answer(t, door(first(), &unsignedTime{}), signed(body, ts, "inv-1"), `{"accepted":1,"duplicates":0}`)
			// After the upgrade the recipe gives the signed time.
			q := second()
			h := door(q, &recipePlatform{rc: testRecipe()})
			answer(t, h, signed(body, ts, "inv-2"), `{"accepted":0,"duplicates":1}`)
			answer(t, h, signed(body, ts, "inv-1"), `{"accepted":0,"duplicates":1}`)
			if keys := dedupKeys(live(t, q)); len(keys) != 1 || keys[0] != "zendesk/acme/inv-1" {
				t.Errorf("jobs under %q, want one, under zendesk/acme/inv-1: a replay was enqueued again", keys)
			}
			// A new delivery signed the same second is a new job.
			answer(t, h, signed(`{"ticket_id":"43"}`, ts, "inv-3"), `{"accepted":1,"duplicates":0}`)
		})
	}
}

func TestServeHTTP_jobCarriesTheSignedTime(t *testing.T) {
	q := &memQueue{seen: map[string]bool{}}
	at := time.Now().UTC().Truncate(time.Second)
	answer(t, door(q, &recipePlatform{rc: testRecipe()}), signed(`{"ticket_id":"42"}`, at.Format(time.RFC3339), "inv-1"),
		`{"accepted":1,"duplicates":0}`)
	if len(q.jobs) != 1 || !q.jobs[0].SignedAt.Equal(at) {
		t.Errorf("jobs = %+v, want one signed at %s", q.jobs, at)
	}
}

// twoEvents verifies like the recipe and returns two events per delivery,
// one replay key for both, as a desk batching events under one signature.
// It declares no recipe, so the ingress calls its Verify.
type twoEvents struct{ sdk.Platform }

func (p *twoEvents) Verify(_ context.Context, req sdk.VerifyRequest) ([]sdk.Event, error) {
	evs, err := testRecipe().Verify([]byte(testSecret), req)
	if err != nil {
		return nil, err
	}
	a, b := evs[0], evs[0]
	a.DedupKey, b.DedupKey = a.DedupKey+"/0", b.DedupKey+"/1"
	b.Type = "ticket.updated"
	return []sdk.Event{a, b}, nil
}

func TestServeHTTP_eventsOfOneDeliveryDoNotCollideAndAreReplayedTogether(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			first, second := b.open(t)
			plat := &twoEvents{}
			ts := time.Now().UTC().Format(time.RFC3339)
			body := `{"ticket_id":"42"}`
			answer(t, door(first(), plat), signed(body, ts, "inv-1"), `{"accepted":2,"duplicates":0}`)
			q := second()
			answer(t, door(q, plat), signed(body, ts, "inv-2"), `{"accepted":0,"duplicates":2}`)
			if js := live(t, q); len(js) != 2 {
				t.Errorf("jobs = %d, want the 2 events of the first delivery", len(js))
			}
		})
	}
}

// slowBody blocks its first Read until released.
type slowBody struct {
	started chan struct{}
	release chan struct{}
	once    sync.Once
}

func (b *slowBody) Read(p []byte) (int, error) {
	b.once.Do(func() { close(b.started) })
	<-b.release
	return 0, io.EOF
}

func TestServeHTTP_pastMaxInflightAnswers503WithRetryAfter(t *testing.T) {
	m := metrics.New()
	h := New(Options{Store: &bindingStore{status: store.StatusActive}, Queue: &memQueue{seen: map[string]bool{}}, Config: configured(true),
		Platforms: platforms{&verifier{events: []sdk.Event{{DedupKey: "a", TicketID: "1"}}}}, MaxInflight: 1, Metrics: m})
	slow := &slowBody{started: make(chan struct{}), release: make(chan struct{})}
	done := make(chan int)
	go func() { done <- serve(h, httptest.NewRequest("POST", "/hooks/zendesk/acme", slow)).Code }()
	<-slow.started
	if v := metricValue(t, m, "deskgate_ingress_inflight_deliveries", ""); v != 1 {
		t.Errorf("in-flight gauge = %v while one body is read, want 1", v)
	}
	rec := serve(h, httptest.NewRequest("POST", "/hooks/zendesk/acme", strings.NewReader("{}")))
	if rec.Code != 503 || rec.Header().Get("Retry-After") == "" {
		t.Errorf("second delivery: %d Retry-After %q, want 503 with Retry-After", rec.Code, rec.Header().Get("Retry-After"))
	}
	close(slow.release)
	if c := <-done; c != 200 {
		t.Errorf("first delivery: %d, want 200", c)
	}
	if rec := serve(h, httptest.NewRequest("POST", "/hooks/zendesk/acme", strings.NewReader("{}"))); rec.Code != 200 {
		t.Errorf("after the first finished: %d, want 200", rec.Code)
	}
	if got := refused(t, m, "busy"); got != 1 {
		t.Errorf("refused{reason=busy} = %v, want 1", got)
	}
}

// fixedDepth is a DepthCounter with set answers.
type fixedDepth struct{ binding, total int }

func (d fixedDepth) Depth(context.Context, store.BindingKey) (int, int, error) {
	return d.binding, d.total, nil
}

func TestServeHTTP_fullQueueAnswers503WithRetryAfter(t *testing.T) {
	for _, tc := range []struct {
		name   string
		depth  fixedDepth
		want   int
		reason string
	}{
		{"under both caps", fixedDepth{9, 99}, 200, ""},
		{"binding at its cap", fixedDepth{10, 10}, 503, "queue_full_binding"},
		{"queue at its total cap", fixedDepth{1, 100}, 503, "queue_full_total"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := metrics.New()
			q := &memQueue{seen: map[string]bool{}}
			h := New(Options{Store: &bindingStore{status: store.StatusActive}, Queue: q, Config: configured(true),
				Platforms: platforms{&verifier{events: []sdk.Event{{DedupKey: "a", TicketID: "1"}}}},
				Depth:     tc.depth, MaxQueuePerBinding: 10, MaxQueueTotal: 100, Metrics: m})
			rec := serve(h, httptest.NewRequest("POST", "/hooks/zendesk/acme", strings.NewReader("{}")))
			if rec.Code != tc.want {
				t.Fatalf("status %d, want %d", rec.Code, tc.want)
			}
			if tc.want == 503 {
				if rec.Header().Get("Retry-After") == "" || len(q.jobs) != 0 {
					t.Errorf("Retry-After %q, jobs %d: want a Retry-After and nothing queued", rec.Header().Get("Retry-After"), len(q.jobs))
				}
				if got := refused(t, m, tc.reason); got != 1 {
					t.Errorf("refused{reason=%s} = %v, want 1", tc.reason, got)
				}
			}
		})
	}
}

func TestServeHTTP_refusalsAreAuditedOncePerBindingAndReasonPerWindow(t *testing.T) {
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	m := metrics.New()
	st := &bindingStore{status: store.StatusActive}
	h := New(Options{Store: st, Queue: &memQueue{seen: map[string]bool{}}, Config: configured(true), Now: clock, Metrics: m,
		Platforms: platforms{&verifier{err: sdk.Errorf(sdk.KindRejected, "bad signature")}}})
	for i := 0; i < 50; i++ {
		if rec := serve(h, httptest.NewRequest("POST", "/hooks/zendesk/acme", strings.NewReader("{}"))); rec.Code != 401 {
			t.Fatalf("delivery %d: %d, want 401", i, rec.Code)
		}
	}
	if len(st.audit) != 1 {
		t.Fatalf("audit entries after 50 refusals in a minute = %d, want 1", len(st.audit))
	}
	if got := refused(t, m, "bad_signature"); got != 50 {
		t.Errorf("refused{reason=bad_signature} = %v, want 50", got)
	}
	now = now.Add(61 * time.Second)
	serve(h, httptest.NewRequest("POST", "/hooks/zendesk/acme", strings.NewReader("{}")))
	if len(st.audit) != 2 || !strings.Contains(st.audit[1].Message, "50 deliveries refused") {
		t.Fatalf("audit after the window = %+v, want a second entry counting the 49 held back and this one (50)", st.audit)
	}
	// A 413 is another reason: it gets its own entry at once.
	serve(h, httptest.NewRequest("POST", "/hooks/zendesk/acme", bytes.NewReader(bytes.Repeat([]byte("x"), MaxBody+1))))
	if len(st.audit) != 3 || !strings.HasPrefix(st.audit[2].Message, "413") {
		t.Errorf("audit = %+v, want a third entry for the 413", st.audit)
	}
}

func refused(t *testing.T, m *metrics.Metrics, reason string) float64 {
	t.Helper()
	return metricValue(t, m, "deskgate_ingress_refused_total", reason)
}

func metricValue(t *testing.T, m *metrics.Metrics, name, reason string) float64 {
	t.Helper()
	mfs, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
		for _, mt := range mf.GetMetric() {
			match := reason == ""
			for _, l := range mt.GetLabel() {
				if l.GetName() == "reason" && l.GetValue() == reason {
					match = true
				}
			}
			if match {
				if mt.GetCounter() != nil {
					return mt.GetCounter().GetValue()
				}
				return mt.GetGauge().GetValue()
			}
		}
	}
	return 0
}
