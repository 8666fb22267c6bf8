package maintain

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

type listStore []store.Binding

func (l listStore) ListBindings(context.Context) ([]store.Binding, error) { return l, nil }

// dedupQueue keeps jobs by dedup key, as every queue backend does.
type dedupQueue struct {
	mu   sync.Mutex
	jobs map[string]queue.Job
}

func (q *dedupQueue) Enqueue(_ context.Context, j queue.Job) (bool, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if _, ok := q.jobs[j.DedupKey]; ok {
		return false, nil
	}
	q.jobs[j.DedupKey] = j
	return true, nil
}

func (q *dedupQueue) len() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.jobs)
}

var t0 = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func binding(name string, status store.Status, at time.Time) store.Binding {
	b := store.Binding{Key: store.BindingKey{Platform: "desk", Name: name}, Status: status}
	if !at.IsZero() || name != "uninstalled" {
		b.Install = &sdk.InstallState{Data: []byte("x"), MaintainAt: at}
	}
	return b
}

func cfgOf(names ...string) func() *config.Config {
	c := &config.Config{}
	for _, n := range names {
		c.Bindings = append(c.Bindings, &config.Binding{Platform: "desk", Name: n})
	}
	return func() *config.Config { return c }
}

func TestSweep_queuesOnlyDueActiveConfiguredInstallations(t *testing.T) {
	bs := listStore{
		binding("due", store.StatusActive, t0.Add(5*time.Second)),
		binding("overdue", store.StatusActive, t0.Add(-time.Hour)),
		binding("later", store.StatusActive, t0.Add(time.Hour)),
		binding("soon", store.StatusActive, t0.Add(2*time.Minute)),
		binding("never", store.StatusActive, time.Time{}),
		binding("inactive", store.StatusInactive, t0),
		binding("reconnect", store.StatusNeedsReconnect, t0),
		binding("unconfigured", store.StatusActive, t0),
		binding("uninstalled", store.StatusActive, time.Time{}),
	}
	q := &dedupQueue{jobs: map[string]queue.Job{}}
	s := New(Options{Store: bs, Queue: q, Config: cfgOf("due", "overdue", "later", "soon", "never", "inactive", "reconnect", "uninstalled"),
		Now: func() time.Time { return t0 }})
	next, err := s.Sweep(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if q.len() != 2 {
		t.Fatalf("queued %d jobs, want 2 (due within the lead, and overdue): %v", q.len(), q.jobs)
	}
	for _, j := range q.jobs {
		if j.Type != JobType || (j.Binding.Name != "due" && j.Binding.Name != "overdue") {
			t.Errorf("queued %+v", j)
		}
		due, err := Due(&j)
		if err != nil {
			t.Fatal(err)
		}
		if j.Binding.Name == "due" && !due.Equal(t0.Add(5*time.Second)) {
			t.Errorf("job for %s carries due %v", j.Binding, due)
		}
	}
	if want := t0.Add(2*time.Minute - Lead); !next.Equal(want) {
		t.Errorf("next sweep at %v, want %v (the soonest later installation, less the lead)", next, want)
	}

	// Sweeping again (another replica, or the next tick) queues nothing new.
	if _, err := s.Sweep(context.Background()); err != nil {
		t.Fatal(err)
	}
	if q.len() != 2 {
		t.Errorf("a second sweep queued again: %d jobs", q.len())
	}
}

func TestRun_sweepsWhenAnInstallationFallsDue(t *testing.T) {
	now := time.Now()
	bs := listStore{binding("due", store.StatusActive, now.Add(Lead+150*time.Millisecond))}
	q := &dedupQueue{jobs: map[string]queue.Job{}}
	s := New(Options{Store: bs, Queue: q, Config: cfgOf("due"), Every: time.Hour,
		Now: time.Now})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); s.Run(ctx) }()
	defer func() { cancel(); <-done }()
	deadline := time.After(5 * time.Second)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for q.len() == 0 {
		select {
		case <-deadline:
			t.Fatal("the installation falling due was not queued by the timer (the period is an hour)")
		case <-tick.C:
		}
	}
}
