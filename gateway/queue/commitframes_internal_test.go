package queue

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
)

// ingressJob is the i-th job of a run as the ingress bench makes them: the
// desk's invocation ids in order, the replay key a hash, perSecond
// deliveries to a signed second, an event payload of about 250 bytes.
func ingressJob(i int64, signed time.Time, perSecond int) Job {
	key := store.BindingKey{Platform: "zendesk", Name: "bench"}
	sum := sha256.Sum256([]byte(fmt.Sprint("delivery-", i)))
	inv := fmt.Sprintf("bench-1764237600000000000-%d", i)
	return Job{Binding: key, DedupKey: key.String() + "/" + inv,
		ReplayKey: hex.EncodeToString(sum[:]), SignedAt: signed.Add(time.Duration(i/int64(perSecond)) * time.Second),
		Type: "ticket.created", TicketID: fmt.Sprint(100000 + i),
		Payload: fmt.Appendf(nil, `{"event":{"DedupKey":%q,"Type":"ticket.created","TicketID":"%d","Ticket":null,"OccurredAt":"2026-11-27T10:00:00Z","ReplayKey":"%s"}}`,
			inv, 100000+i, hex.EncodeToString(sum[:]))}
}

// walFrames lists the page numbers of the WAL frames at and after offset.
func walFrames(tb testing.TB, path string, offset int64) []uint32 {
	tb.Helper()
	f, err := os.Open(path + "-wal")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	const frame = 24 + 4096
	if offset < 32 {
		offset = 32
	}
	var pages []uint32
	hdr := make([]byte, 24)
	for off := offset; ; off += frame {
		if _, err := f.ReadAt(hdr, off); err == io.EOF {
			return pages
		} else if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, binary.BigEndian.Uint32(hdr))
	}
}

func walLen(tb testing.TB, path string) int64 {
	fi, err := os.Stat(path + "-wal")
	if err != nil {
		tb.Fatal(err)
	}
	return fi.Size()
}

// BenchmarkSQLiteCommitFrames commits group commits of exactly `batch`
// ingress jobs (commit, as the batcher calls it) into a queue already
// holding 20,000 such jobs at the ingress bench's rate (5000 a signed
// second). It reports the CPU per job (getrusage), the WAL frames written per
// job and per commit, and the read and write system calls per job
// (/proc/self/io); -v logs which b-tree each commit's frames belong to.
func BenchmarkSQLiteCommitFrames(b *testing.B) {
	for _, batch := range []int{11, 32} {
		b.Run(fmt.Sprint("batch-", batch), func(b *testing.B) { benchCommitFrames(b, batch) })
	}
}

func benchCommitFrames(b *testing.B, batch int) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "deskgate.db")
	q, err := OpenSQLite(ctx, path, sqlitedb.Options{}, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer q.Close()
	signed := time.Now().Add(-time.Minute).Truncate(time.Second)
	var n int64
	round := func() {
		reqs := make([]*enqueueReq, batch)
		for k := range reqs {
			n++
			reqs[k] = &enqueueReq{job: ingressJob(n, signed, 5000), done: make(chan struct{})}
			reqs[k].job.ID = newJobID(time.Now())
		}
		q.commit(reqs)
		for _, r := range reqs {
			if r.err != nil || !r.ok {
				b.Fatalf("commit: %v, %v", r.ok, r.err)
			}
		}
	}
	for range 20000 / batch {
		round()
	}
	for _, s := range []string{"PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA wal_autocheckpoint = 0"} {
		if _, err := q.db.W.ExecContext(ctx, s); err != nil {
			b.Fatal(err)
		}
	}
	before := walLen(b, path)
	io0, cpu0 := procIO(b), cpuNow(b)
	commits := 0
	for b.Loop() {
		round()
		commits++
	}
	cpu, io1 := cpuNow(b)-cpu0, procIO(b)
	jobs := float64(commits * batch)
	pages := walFrames(b, path, before)
	b.ReportMetric(float64(cpu.Microseconds())/jobs, "cpu-µs/job")
	b.ReportMetric(float64(len(pages))/jobs, "wal-frames/job")
	b.ReportMetric(float64(len(pages))/float64(commits), "wal-frames/commit")
	b.ReportMetric(float64(io1["syscr"]-io0["syscr"])/jobs, "syscr/job")
	b.ReportMetric(float64(io1["syscw"]-io0["syscw"])/jobs, "syscw/job")
	owner := map[uint32]string{}
	rows, err := q.db.R.QueryContext(ctx, `SELECT name, pageno FROM dbstat`)
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var name string
		var pg uint32
		if err := rows.Scan(&name, &pg); err != nil {
			b.Fatal(err)
		}
		owner[pg] = name
	}
	rows.Close()
	by := map[string]int{}
	for _, pg := range pages {
		name := owner[pg]
		if name == "" {
			name = fmt.Sprint("page ", pg)
		}
		by[name]++
	}
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(by)) {
		parts = append(parts, fmt.Sprintf("%s %.2f", name, float64(by[name])/float64(commits)))
	}
	b.Logf("frames per commit of %d by b-tree: %s", batch, strings.Join(parts, ", "))
}

// procIO is /proc/self/io's counters (syscr, syscw, ...).
func procIO(tb testing.TB) map[string]int64 {
	tb.Helper()
	raw, err := os.ReadFile("/proc/self/io")
	if err != nil {
		tb.Skip("no /proc/self/io:", err)
	}
	out := map[string]int64{}
	for _, line := range strings.Split(string(raw), "\n") {
		name, v, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err == nil {
			out[name] = n
		}
	}
	return out
}

// cpuNow is the CPU this process has used, user and system.
func cpuNow(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
