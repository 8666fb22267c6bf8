package queue_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/queue/queuetest"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
)

func openQueue(t testing.TB, path string, opts queue.Options) *queue.SQLite {
	t.Helper()
	q, err := queue.OpenSQLite(context.Background(), path, sqlitedb.Options{}, opts)
	if err != nil {
		t.Fatalf("OpenSQLite: %v", err)
	}
	t.Cleanup(func() {
		if err := q.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return q
}

func TestSQLite_passesTheQueueConformanceSuite(t *testing.T) {
	queuetest.Run(t, func(t *testing.T, now func() time.Time) queue.Queue {
		return openQueue(t, filepath.Join(t.TempDir(), "deskgate.db"), queue.Options{Now: now})
	})
}

func TestSQLite_passesTheSignedReplayCases(t *testing.T) {
	queuetest.RunSignedReplay(t, func(t *testing.T, now func() time.Time) queue.Queue {
		return openQueue(t, filepath.Join(t.TempDir(), "deskgate.db"), queue.Options{Now: now})
	})
}

func TestSQLite_sharesTheFileWithAnotherComponent(t *testing.T) {
	ctx := t.Context()
	db, err := sqlitedb.Open(ctx, filepath.Join(t.TempDir(), "deskgate.db"), sqlitedb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := sqlitedb.Migrate(ctx, db, "other", []string{`CREATE TABLE other (x INTEGER)`}); err != nil {
		t.Fatal(err)
	}
	q, err := queue.NewSQLite(ctx, db, queue.Options{})
	if err != nil {
		t.Fatalf("NewSQLite on a shared database: %v", err)
	}
	if _, err := q.Enqueue(ctx, queue.Job{Type: "t"}); err != nil {
		t.Fatal(err)
	}
	if err := q.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(ctx); err != nil {
		t.Errorf("closing a queue made on a shared database closed the database: %v", err)
	}
	for c, want := range map[string]int{"other": 1, "queue": 7} {
		if v, err := sqlitedb.Version(ctx, db, c); err != nil || v != want {
			t.Errorf("schema version of %s = %d, %v; want %d", c, v, err, want)
		}
	}
}

func TestSQLite_readySignalsEnqueueRetryAndReplay(t *testing.T) {
	q := openQueue(t, filepath.Join(t.TempDir(), "deskgate.db"), queue.Options{})
	ctx := t.Context()
	drain := func() {
		select {
		case <-q.Ready():
		default:
		}
	}
	wait := func(what string) {
		t.Helper()
		select {
		case <-q.Ready():
		case <-time.After(10 * time.Second):
			t.Fatalf("no Ready signal after %s", what)
		}
	}
	drain()
	if _, err := q.Enqueue(ctx, queue.Job{Type: "t"}); err != nil {
		t.Fatal(err)
	}
	wait("Enqueue")
	j, err := q.Lease(ctx, "w", time.Minute)
	if err != nil || j == nil {
		t.Fatalf("Lease = %v, %v", j, err)
	}
	if err := q.Retry(ctx, j, 0, "x"); err != nil {
		t.Fatal(err)
	}
	wait("Retry")
	if j, err = q.Lease(ctx, "w", time.Minute); err != nil || j == nil {
		t.Fatalf("Lease = %v, %v", j, err)
	}
	if err := q.Dead(ctx, j, "x"); err != nil {
		t.Fatal(err)
	}
	drain()
	if err := q.Replay(ctx, j.ID); err != nil {
		t.Fatal(err)
	}
	wait("Replay")
}

func TestSQLite_prunesDoneJobsAndExpiredDedupKeys(t *testing.T) {
	clock := queuetest.NewClock()
	q := openQueue(t, filepath.Join(t.TempDir(), "deskgate.db"), queue.Options{Now: clock.Now})
	ctx := t.Context()
	for i, key := range []string{"a", "b"} {
		if ok, err := q.Enqueue(ctx, queue.Job{ID: fmt.Sprint(i), DedupKey: key, Type: "t"}); err != nil || !ok {
			t.Fatalf("Enqueue = %v, %v", ok, err)
		}
	}
	j, err := q.Lease(ctx, "w", time.Minute)
	if err != nil || j == nil {
		t.Fatalf("Lease = %v, %v", j, err)
	}
	if err := q.Ack(ctx, j); err != nil {
		t.Fatal(err)
	}
	clock.Advance(queue.DefaultDoneRetention + time.Second)
	jobs, keys, err := q.Prune(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if jobs != 1 || keys != 0 {
		t.Errorf("Prune after the done retention = %d jobs, %d keys; want 1, 0", jobs, keys)
	}
	if _, err := q.Get(ctx, j.ID); err == nil {
		t.Errorf("pruned job still readable")
	}
	if s, _ := q.Stats(ctx); s.Ready != 1 {
		t.Errorf("Prune removed a live job: %+v", s)
	}
	clock.Advance(queue.DefaultDedupTTL)
	if jobs, keys, err = q.Prune(ctx); err != nil || keys != 2 {
		t.Errorf("Prune after the dedup TTL = %d jobs, %d keys, %v; want 2 keys", jobs, keys, err)
	}
}

func TestSQLite_prunesReplayKeysAfterTheReplayTTL(t *testing.T) {
	clock := queuetest.NewClock()
	q := openQueue(t, filepath.Join(t.TempDir(), "deskgate.db"), queue.Options{Now: clock.Now})
	ctx := t.Context()
	for i, key := range []string{"sig-a", "sig-b", "sig-c"} {
		if ok, err := q.Enqueue(ctx, queue.Job{DedupKey: fmt.Sprint("evt-", i), ReplayKey: key, Type: "t"}); err != nil || !ok {
			t.Fatalf("Enqueue = %v, %v", ok, err)
		}
	}
	clock.Advance(queue.DefaultReplayTTL - time.Second)
	if _, keys, err := q.Prune(ctx); err != nil || keys != 0 {
		t.Errorf("Prune inside the replay TTL = %d keys, %v; want 0", keys, err)
	}
	clock.Advance(time.Second)
	if _, keys, err := q.Prune(ctx); err != nil || keys != 3 {
		t.Errorf("Prune at the replay TTL = %d keys, %v; want the 3 replay keys (the dedup keys live on)", keys, err)
	}
	if ok, err := q.Enqueue(ctx, queue.Job{DedupKey: "evt-0", Type: "t"}); err != nil || ok {
		t.Errorf("Enqueue of a pruned replay key's dedup key = %v, %v; want false", ok, err)
	}
}

func TestSQLite_prunesSignedReplayKeysAfterTheReplayTTL(t *testing.T) {
	clock := queuetest.NewClock()
	q := openQueue(t, filepath.Join(t.TempDir(), "deskgate.db"), queue.Options{Now: clock.Now})
	ctx := t.Context()
	start := clock.Now()
	// Two deliveries signed just before they arrived, one by a desk whose
	// clock runs ten seconds ahead of ours.
	for i, at := range []time.Time{start.Add(-2 * time.Second), start.Add(-time.Second), start.Add(10 * time.Second)} {
		j := queue.Job{DedupKey: fmt.Sprint("evt-", i), ReplayKey: fmt.Sprint("sig-", i), SignedAt: at, Type: "t"}
		if ok, err := q.Enqueue(ctx, j); err != nil || !ok {
			t.Fatalf("Enqueue = %v, %v", ok, err)
		}
	}
	clock.Advance(queue.DefaultReplayTTL - time.Second)
	if _, keys, err := q.Prune(ctx); err != nil || keys != 0 {
		t.Errorf("Prune inside the replay TTL = %d keys, %v; want 0", keys, err)
	}
	clock.Advance(time.Second)
	if _, keys, err := q.Prune(ctx); err != nil || keys != 2 {
		t.Errorf("Prune at the replay TTL = %d keys, %v; want the 2 signed before their arrival", keys, err)
	}
	clock.Advance(11 * time.Second)
	if _, keys, err := q.Prune(ctx); err != nil || keys != 1 {
		t.Errorf("Prune eleven seconds later = %d keys, %v; want the one signed ahead", keys, err)
	}
	j := queue.Job{DedupKey: "evt-3", ReplayKey: "sig-0", SignedAt: start.Add(-2 * time.Second), Type: "t"}
	if ok, err := q.Enqueue(ctx, j); err != nil || !ok {
		t.Errorf("Enqueue under a pruned signed replay key = %v, %v; want true", ok, err)
	}
}

func TestSQLite_closeFailsLaterEnqueues(t *testing.T) {
	q, err := queue.OpenSQLite(t.Context(), filepath.Join(t.TempDir(), "deskgate.db"), sqlitedb.Options{}, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Close(); err != nil {
		t.Fatal(err)
	}
	if ok, err := q.Enqueue(t.Context(), queue.Job{Type: "t"}); !errors.Is(err, queue.ErrClosed) || ok {
		t.Errorf("Enqueue after Close = %v, %v; want an error", ok, err)
	}
}

const childEnv = "DESKGATE_QUEUE_DURABILITY_CHILD"

// TestSQLite_keepsEveryEnqueueThatReturnedAfterSIGKILL re-runs this test
// binary as a child that enqueues from several goroutines and prints each
// job's ID once Enqueue has returned true; the parent SIGKILLs it mid-stream
// and checks every printed job is in the reopened file.
func TestSQLite_keepsEveryEnqueueThatReturnedAfterSIGKILL(t *testing.T) {
	if path := os.Getenv(childEnv); path != "" {
		durabilityChild(t, path)
		return
	}
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	const want = 300
	path := filepath.Join(t.TempDir(), "deskgate.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestSQLite_keepsEveryEnqueueThatReturnedAfterSIGKILL$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var confirmed []string
	sc := bufio.NewScanner(out)
	for sc.Scan() && len(confirmed) < want {
		if id, ok := strings.CutPrefix(sc.Text(), "ENQUEUED "); ok {
			confirmed = append(confirmed, id)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatalf("kill child: %v", err)
	}
	_ = cmd.Wait()
	if len(confirmed) < want {
		t.Fatalf("child confirmed only %d enqueues before its output ended", len(confirmed))
	}

	q := openQueue(t, path, queue.Options{})
	for _, id := range confirmed {
		j, err := q.Get(t.Context(), id)
		if err != nil {
			t.Errorf("job %s was acknowledged by Enqueue but is gone after SIGKILL: %v", id, err)
			continue
		}
		if j.State != queue.StateReady {
			t.Errorf("job %s is %s, want ready", id, j.State)
		}
		// Its replay key was committed with it: a resend under a new
		// invocation id is still a duplicate.
		resend := queue.Job{DedupKey: "resend-" + id, ReplayKey: "replay-" + id, Type: "ticket.created"}
		if ok, err := q.Enqueue(t.Context(), resend); err != nil || ok {
			t.Errorf("resend of job %s after SIGKILL = %v, %v; want a duplicate", id, ok, err)
		}
	}
	s, err := q.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d enqueues confirmed before SIGKILL, %d jobs in the reopened file", len(confirmed), s.Ready)
}

func durabilityChild(t *testing.T, path string) {
	// A parent that died must not leave the child running for long.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	q, err := queue.OpenSQLite(ctx, path, sqlitedb.Options{}, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu sync.Mutex
		wg sync.WaitGroup
		n  atomic.Int64
	)
	// Sixteen writers, so the kill falls in the middle of group commits of
	// several jobs each.
	for w := range 16 {
		wg.Go(func() {
			for ctx.Err() == nil {
				id := fmt.Sprintf("w%d-%d", w, n.Add(1))
				ok, err := q.Enqueue(ctx, queue.Job{ID: id, DedupKey: id, ReplayKey: "replay-" + id, Type: "ticket.created", Payload: []byte(`{}`)})
				if err != nil || !ok {
					return
				}
				mu.Lock()
				fmt.Fprintf(os.Stdout, "ENQUEUED %s\n", id)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	q.Close()
}

func benchQueue(b *testing.B) *queue.SQLite {
	return openQueue(b, filepath.Join(b.TempDir(), "deskgate.db"), queue.Options{})
}

func BenchmarkSQLiteEnqueue(b *testing.B) {
	q := benchQueue(b)
	ctx := context.Background()
	i := 0
	for b.Loop() {
		i++
		key := fmt.Sprint("k", i)
		if _, err := q.Enqueue(ctx, queue.Job{DedupKey: key, Type: "ticket.created", Payload: []byte(`{"ticket":1}`)}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "jobs/s")
}

func BenchmarkSQLiteEnqueueParallel(b *testing.B) {
	q := benchQueue(b)
	var n atomic.Int64
	b.SetParallelism(16) // many webhook deliveries at once
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			key := fmt.Sprint("k", n.Add(1))
			if _, err := q.Enqueue(ctx, queue.Job{DedupKey: key, Type: "ticket.created", Payload: []byte(`{"ticket":1}`)}); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "jobs/s")
}

func BenchmarkSQLiteLeaseAck(b *testing.B) {
	q := benchQueue(b)
	ctx := context.Background()
	var wg sync.WaitGroup
	for w := range 16 {
		wg.Go(func() {
			for i := w; i < b.N; i += 16 {
				if _, err := q.Enqueue(ctx, queue.Job{Type: "ticket.created", Payload: []byte(`{}`)}); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	b.ResetTimer()
	for range b.N {
		j, err := q.Lease(ctx, "bench", time.Minute)
		if err != nil || j == nil {
			b.Fatalf("Lease = %v, %v", j, err)
		}
		if err := q.Ack(ctx, j); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "jobs/s")
}

// Two queues opened separately on one file stand for two gateway processes:
// they take the file lock in turn, and every job is still delivered once.
func TestSQLite_twoHandlesOnOneFileDeliverEachJobOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deskgate.db")
	a, b := openQueue(t, path, queue.Options{}), openQueue(t, path, queue.Options{})
	ctx := t.Context()
	const jobs = 60
	for i := range jobs {
		q := a
		if i%2 == 1 {
			q = b
		}
		if ok, err := q.Enqueue(ctx, queue.Job{ID: fmt.Sprint("j", i), DedupKey: fmt.Sprint("k", i), Type: "t"}); err != nil || !ok {
			t.Fatalf("Enqueue %d = %v, %v", i, ok, err)
		}
	}
	if ok, err := b.Enqueue(ctx, queue.Job{DedupKey: "k0", Type: "t"}); err != nil || ok {
		t.Errorf("duplicate through the other handle = %v, %v; want false", ok, err)
	}
	queuetest.DrainEachOnce(t, []queue.Queue{a, b}, 8, jobs)
}

// A gateway SIGKILLed mid-job leaves its lease in the file. The next one
// to open the file owns the whole queue and releases it at once instead of
// waiting out the visibility timeout.
func TestSQLite_releasesADeadPredecessorsLeasesAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deskgate.db")
	ctx := t.Context()
	crashed, err := queue.OpenSQLite(ctx, path, sqlitedb.Options{}, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if ok, err := crashed.Enqueue(ctx, queue.Job{ID: fmt.Sprint("j", i), Type: "t"}); err != nil || !ok {
			t.Fatalf("Enqueue = %v, %v", ok, err)
		}
	}
	held, err := crashed.Lease(ctx, "dead-worker", time.Hour)
	if err != nil || held == nil {
		t.Fatalf("Lease = %v, %v", held, err)
	}
	// The "crash": the handle is dropped without Ack; nothing is settled.
	// (Closed only at the end so its goroutines do not leak.)
	t.Cleanup(func() { crashed.Close() })

	q := openQueue(t, path, queue.Options{})
	if j, err := q.Get(ctx, held.ID); err != nil || j.State != queue.StateLeased {
		t.Fatalf("before the release the job is %v, %v; want leased", j.State, err)
	}
	n, err := q.ReleaseLeases(ctx)
	if err != nil || n != 1 {
		t.Fatalf("ReleaseLeases = %d, %v; want 1", n, err)
	}
	got := map[string]queue.Job{}
	for range 3 {
		j, err := q.Lease(ctx, "new-worker", time.Hour)
		if err != nil || j == nil {
			t.Fatalf("Lease after the release = %v, %v; want a job at once", j, err)
		}
		got[j.ID] = *j
	}
	back, ok := got[held.ID]
	if !ok {
		t.Fatalf("the released job %s was not leased again: got %v", held.ID, got)
	}
	if back.Attempts != 2 || back.Failures != 0 {
		t.Errorf("released job: attempts %d failures %d, want 2 (the lost lease counts) and 0 (it is no failure)", back.Attempts, back.Failures)
	}
	if err := crashed.Ack(ctx, held); !errors.Is(err, queue.ErrLeaseLost) {
		t.Errorf("the dead holder's Ack = %v, want ErrLeaseLost", err)
	}
}

// BenchmarkSQLiteEnqueueDeliveries enqueues as the ingress does under load:
// 32 concurrent callers of deliveryJob jobs, at the default durable level. It reports the process CPU per job (user + system,
// from getrusage), which the group commit's cost shows in better than wall
// time on a shared machine.
func BenchmarkSQLiteEnqueueDeliveries(b *testing.B) {
	q := benchQueue(b)
	cpu := cpuTime(b)
	enqueueDeliveries(b, q)
	b.ReportMetric(float64(cpuTime(b)-cpu)/float64(time.Microsecond)/float64(b.N), "cpu-µs/job")
}

// enqueueDeliveries times b.N deliveryJob Enqueues from 32 concurrent
// callers, as an ingress under load makes them.
func enqueueDeliveries(b *testing.B, q queue.Queue) {
	var n atomic.Int64
	b.SetParallelism(32 / max(1, runtime.GOMAXPROCS(0)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			if _, err := q.Enqueue(ctx, deliveryJob(n.Add(1))); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "jobs/s")
}

var deliveryPayload = []byte(`{"event":{"type":"ticket.created","ticket_id":"123456","dedup_key":"01HZX3J5Q8M7Y2K4T6V9W0B1C3","occurred_at":"2026-11-27T10:00:00Z","raw":{"ticket_id":"123456","event":"ticket.created"}}}`)

// deliveryJob is the i-th job of a run as the ingress makes them: a
// binding, a desk-chosen dedup key, a replay key (a hash) with the signed
// time of its delivery (this second, as a desk signs) and an event payload
// of a few hundred bytes.
func deliveryJob(i int64) queue.Job {
	key := store.BindingKey{Platform: "zendesk", Name: "bench"}
	sum := sha256.Sum256([]byte(fmt.Sprint("delivery-", i)))
	return queue.Job{Binding: key, DedupKey: key.String() + "/" + hex.EncodeToString(sum[:8]),
		ReplayKey: hex.EncodeToString(sum[:]), SignedAt: time.Now().Truncate(time.Second),
		Type: "ticket.created", TicketID: "123456", Payload: deliveryPayload}
}

// cpuTime is the CPU this process has used, user and system.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSQLiteDepth is the ingress's depth count (refreshed once a
// second per binding) against a backlog of live jobs, half in the counted
// binding: it walks the live jobs' index, so it grows with the backlog.
func BenchmarkSQLiteDepth(b *testing.B) {
	for _, backlog := range []int{1000, 10000, 50000} {
		b.Run(fmt.Sprint(backlog), func(b *testing.B) {
			q := benchQueue(b)
			ctx := context.Background()
			keys := []store.BindingKey{{Platform: "p", Name: "a"}, {Platform: "p", Name: "b"}}
			var wg sync.WaitGroup
			for w := range 64 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := w; i < backlog; i += 64 {
						if _, err := q.Enqueue(ctx, queue.Job{Binding: keys[i%2], Type: "ticket.created", TicketID: fmt.Sprint(i)}); err != nil {
							b.Error(err)
							return
						}
					}
				}()
			}
			wg.Wait()
			c0 := cpuTime(b)
			b.ResetTimer()
			for range b.N {
				n, total, err := q.Depth(ctx, keys[0])
				if err != nil || n != backlog/2 || total != backlog {
					b.Fatalf("Depth = %d, %d, %v; want %d, %d", n, total, err, backlog/2, backlog)
				}
			}
			b.ReportMetric(float64(cpuTime(b)-c0)/float64(time.Microsecond)/float64(b.N), "cpu-µs/op")
		})
	}
}
