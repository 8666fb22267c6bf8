package plugins

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/sdk"
)

// fakeProc is a plugin process whose death the test controls.
type fakeProc struct {
	pid    int
	dead   atomic.Bool
	killed atomic.Bool
}

func (f *fakeProc) Platform() sdk.Platform { return fakePlatform{pid: f.pid} }
func (f *fakeProc) Ping(context.Context) error {
	if f.dead.Load() {
		return errors.New("dead")
	}
	return nil
}
func (f *fakeProc) Exited() bool { return f.dead.Load() || f.killed.Load() }
func (f *fakeProc) Kill()        { f.killed.Store(true) }
func (f *fakeProc) Pid() int     { return f.pid }

type fakePlatform struct {
	sdk.Platform
	pid int
}

func (p fakePlatform) Describe(context.Context, *sdk.Binding) (*sdk.Description, error) {
	return &sdk.Description{Name: "fake", ProtocolVersion: p.pid}, nil
}

type launcher struct {
	mu      sync.Mutex
	procs   []*fakeProc
	failing bool
	started []startedAs // what each start was handed
}

// startedAs is the binary a start was handed and its bytes at that moment.
type startedAs struct {
	path string
	body []byte
}

func (l *launcher) start(_ context.Context, s Spec, _ hclog.Logger) (process, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	body, _ := os.ReadFile(s.Path)
	l.started = append(l.started, startedAs{path: s.Path, body: body})
	if l.failing {
		return nil, errors.New("exec format error")
	}
	p := &fakeProc{pid: len(l.procs) + 1}
	l.procs = append(l.procs, p)
	return p, nil
}

func (l *launcher) last() *fakeProc {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.procs[len(l.procs)-1]
}

func (l *launcher) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.procs)
}

func fakeBinary(t *testing.T) (path, digest string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "deskgate-plugin-fake")
	body := []byte("#!/bin/sh\nexit 0\n")
	if err := os.WriteFile(path, body, 0o755); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(body)
	return path, hex.EncodeToString(sum[:])
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func newManager(t *testing.T, l *launcher, spec Spec, events *[]Event, mu *sync.Mutex) *Manager {
	t.Helper()
	m := New([]Spec{spec}, Options{
		CheckInterval: 10 * time.Millisecond,
		MinBackoff:    10 * time.Millisecond,
		MaxBackoff:    20 * time.Millisecond,
		MaxFailures:   3,
		start:         l.start,
		OnEvent: func(e Event) {
			mu.Lock()
			*events = append(*events, e)
			mu.Unlock()
		},
	})
	t.Cleanup(m.Close)
	return m
}

func TestManager_startsOnFirstUseOnly(t *testing.T) {
	path, _ := fakeBinary(t)
	l := &launcher{}
	var evs []Event
	var mu sync.Mutex
	m := newManager(t, l, Spec{Platform: "fake", Path: path}, &evs, &mu)
	if l.count() != 0 {
		t.Fatalf("started %d processes before first use", l.count())
	}
	p, err := m.Platform(context.Background(), "fake")
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Describe(context.Background(), nil)
	if err != nil || d.ProtocolVersion != 1 {
		t.Fatalf("Describe = %+v, %v; want the first process", d, err)
	}
	if _, err := m.Platform(context.Background(), "other"); !errors.Is(err, ErrUnknownPlatform) {
		t.Fatalf("unknown platform: err = %v", err)
	}
}

func TestManager_restartsACrashedPluginAndTheProxyFollows(t *testing.T) {
	path, _ := fakeBinary(t)
	l := &launcher{}
	var evs []Event
	var mu sync.Mutex
	m := newManager(t, l, Spec{Platform: "fake", Path: path}, &evs, &mu)
	p, err := m.Platform(context.Background(), "fake")
	if err != nil {
		t.Fatal(err)
	}
	l.last().dead.Store(true)
	waitFor(t, "a second process", func() bool { return l.count() == 2 })
	d, err := p.Describe(context.Background(), nil)
	if err != nil || d.ProtocolVersion != 2 {
		t.Fatalf("after restart Describe = %+v, %v; want the second process", d, err)
	}
	mu.Lock()
	defer mu.Unlock()
	var actions []string
	for _, e := range evs {
		actions = append(actions, e.Action)
	}
	want := []string{"plugin.start", "plugin.exit", "plugin.restart"}
	if len(actions) < 3 || actions[0] != want[0] || actions[1] != want[1] || actions[2] != want[2] {
		t.Fatalf("events = %v, want prefix %v", actions, want)
	}
	if h := m.Health(); len(h) != 1 || h[0].Restarts != 1 || h[0].State != StateRunning {
		t.Fatalf("health = %+v", h)
	}
}

func TestManager_givesUpAfterRepeatedCrashes(t *testing.T) {
	path, _ := fakeBinary(t)
	l := &launcher{}
	var evs []Event
	var mu sync.Mutex
	m := newManager(t, l, Spec{Platform: "fake", Path: path}, &evs, &mu)
	if _, err := m.Platform(context.Background(), "fake"); err != nil {
		t.Fatal(err)
	}
	// Every process dies at once: a crash loop.
	for i := 0; i < 10 && healthy(m); i++ {
		waitFor(t, "a running process", func() bool { return l.count() > i })
		l.last().dead.Store(true)
		waitFor(t, "the crash to be seen", func() bool {
			return l.count() > i+1 || !healthy(m)
		})
	}
	if healthy(m) {
		t.Fatal("manager still healthy after a crash loop")
	}
	_, err := m.Platform(context.Background(), "fake")
	if sdk.KindOf(err) != sdk.KindRetryable {
		t.Fatalf("Platform after giving up: err = %v, want a retryable error", err)
	}
	mu.Lock()
	failed := false
	for _, e := range evs {
		failed = failed || e.Action == "plugin.failed"
	}
	mu.Unlock()
	if !failed {
		t.Fatal("no plugin.failed event")
	}
	m.Reset("fake")
	if _, err := m.Platform(context.Background(), "fake"); err != nil {
		t.Fatalf("after Reset: %v", err)
	}
}

func TestManager_refusesABinaryWhoseDigestDoesNotMatch(t *testing.T) {
	path, digest := fakeBinary(t)
	l := &launcher{}
	var evs []Event
	var mu sync.Mutex
	bad := "00" + digest[2:]
	m := newManager(t, l, Spec{Platform: "fake", Path: path, SHA256: bad}, &evs, &mu)
	_, err := m.Platform(context.Background(), "fake")
	if err == nil || l.count() != 0 {
		t.Fatalf("err = %v, processes = %d; want a refusal before any start", err, l.count())
	}
	m2 := newManager(t, l, Spec{Platform: "fake", Path: path, SHA256: digest}, &evs, &mu)
	if _, err := m2.Platform(context.Background(), "fake"); err != nil {
		t.Fatalf("matching digest: %v", err)
	}
}

// A pinned plugin starts from the private copy its digest was checked on,
// and the copy is gone once the process runs.
func TestManager_startsAPinnedPluginFromItsVerifiedCopy(t *testing.T) {
	path, digest := fakeBinary(t)
	execDir := t.TempDir()
	l := &launcher{}
	m := New([]Spec{{Platform: "fake", Path: path, SHA256: digest}}, Options{ExecDir: execDir, start: l.start})
	t.Cleanup(m.Close)
	if _, err := m.Platform(context.Background(), "fake"); err != nil {
		t.Fatal(err)
	}
	l.mu.Lock()
	got := l.started
	l.mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("%d starts, want 1", len(got))
	}
	want, _ := os.ReadFile(path)
	if got[0].path == path || !strings.HasPrefix(got[0].path, execDir+string(filepath.Separator)) || string(got[0].body) != string(want) {
		t.Fatalf("started %q (%d bytes), want a copy of %s under %s", got[0].path, len(got[0].body), path, execDir)
	}
	if _, err := os.Stat(got[0].path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the copy %s is still there after the start: %v", got[0].path, err)
	}
}

func TestManager_startFailureIsRetryableWithBackoff(t *testing.T) {
	path, _ := fakeBinary(t)
	l := &launcher{failing: true}
	var evs []Event
	var mu sync.Mutex
	m := newManager(t, l, Spec{Platform: "fake", Path: path}, &evs, &mu)
	_, err := m.Platform(context.Background(), "fake")
	if sdk.KindOf(err) != sdk.KindRetryable {
		t.Fatalf("err = %v, want retryable", err)
	}
	l.mu.Lock()
	l.failing = false
	l.mu.Unlock()
	waitFor(t, "recovery", func() bool {
		_, err := m.Platform(context.Background(), "fake")
		return err == nil
	})
}

// healthy reports whether no plugin has been given up on.
func healthy(m *Manager) bool {
	for _, h := range m.Health() {
		if h.State == StateFailed {
			return false
		}
	}
	return true
}
