package logs

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// BenchmarkTallyRange counts one demo log file's records (6 h of
// gen.Demo's payments, the ingress bench's logs) over a triage-like
// window: a 4 h tally of 240 minutes split at its last 2 h, by service
// (tallyRange) and record by record (tallyRecords); the notable records
// go to a function that does nothing.
func BenchmarkTallyRange(b *testing.B) {
	end := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	dir := b.TempDir()
	if _, err := gen.WriteDir(gen.Demo(1, end, 6*time.Hour, 1), dir); err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "payments.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	_, recs, _, err := parseLines(context.Background(), data, 0, "jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var c recColumns
	c.extend(recs, "payments")
	v := &fileView{recs: recs, recColumns: c.view()}
	start := end.Add(-4 * time.Hour)
	for _, bc := range []struct {
		name string
		scan func(*Tally, []*TallyCounts, []bool, int, int, int64, int64, *Record, func(*Record) error) error
	}{{"byService", v.tallyRange}, {"byRecord", v.tallyRecords}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				t := &Tally{Start: start, Minutes: 240, Split: end.Add(-2 * time.Hour)}
				slots, seen := make([]*TallyCounts, len(v.svcNames)), make([]bool, len(v.svcNames))
				if err := bc.scan(t, slots, seen, 0, len(recs), start.UnixNano(), t.Split.UnixNano(), new(Record), func(*Record) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(recs)), "records")
		})
	}
}
