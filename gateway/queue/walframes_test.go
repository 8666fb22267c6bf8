package queue_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
)

// walFrameBytes is one WAL frame: a 24-byte header and a 4 KiB page.
const walFrameBytes = 24 + 4096

// BenchmarkSQLiteEnqueueWALFrames reports the WAL frames (pages) written per
// job when deliveries arrive 32 at a time (about one group commit each), on
// a queue already holding 20,000 signed jobs (so a random key lands on a
// leaf of its own). Each frame is written, fsynced and later checkpointed;
// the figure is what the group commit's disk and checksum work scales with.
// perSecond deliveries share a signed second: 50 is a busy desk, 5000 the
// ingress bench's rate.
func BenchmarkSQLiteEnqueueWALFrames(b *testing.B) {
	for _, perSecond := range []int{50, 5000} {
		b.Run(perSecondName(perSecond), func(b *testing.B) {
			ctx := context.Background()
			path := filepath.Join(b.TempDir(), "deskgate.db")
			db, err := sqlitedb.Open(ctx, path, sqlitedb.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			q, err := queue.NewSQLite(ctx, db, queue.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer q.Close()
			signedAt := time.Now().Add(-time.Minute)
			var n int64
			round := func() {
				var wg sync.WaitGroup
				for range 32 {
					n++
					j := deliveryJob(n)
					// Desks number their invocations in order (Zendesk's
					// ids sort by time), so dedup keys arrive nearly sorted.
					j.DedupKey = fmt.Sprintf("%s/inv-%012d", j.Binding, n)
					signJob(&j, signedAt.Add(time.Duration(n/int64(perSecond))*time.Second))
					wg.Go(func() {
						if _, err := q.Enqueue(ctx, j); err != nil {
							b.Error(err)
						}
					})
				}
				wg.Wait()
			}
			for range 20000 / 32 {
				round()
			}
			// Checkpoint everything, then keep the WAL growing: its size
			// counts the frames written since.
			if _, err := db.W.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
				b.Fatal(err)
			}
			if _, err := db.W.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
				b.Fatal(err)
			}
			before := walSize(b, path)
			jobs := 0
			for b.Loop() {
				round()
				jobs += 32
			}
			b.ReportMetric(float64(walSize(b, path)-before)/walFrameBytes/float64(jobs), "wal-frames/job")
		})
	}
}

func perSecondName(n int) string {
	if n == 50 {
		return "busy-desk"
	}
	return "bench-rate"
}

func walSize(b *testing.B, path string) int64 {
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		b.Fatal(err)
	}
	return fi.Size()
}

// signJob gives j the signed time of its delivery.
func signJob(j *queue.Job, at time.Time) { j.SignedAt = at }
