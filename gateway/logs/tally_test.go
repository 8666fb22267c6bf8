package logs

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
)

// A record less than a minute before Start counts in no minute (integer
// division would put it in minute 0), only in its half.
func TestTally_aRecordBeforeStartIsInNoMinute(t *testing.T) {
	start := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	tl := &Tally{Start: start, Minutes: 2, Split: start}
	tl.add(&Record{Time: start.Add(-30 * time.Second), Service: "payments"})
	tl.add(&Record{Time: start.Add(90 * time.Second), Service: "payments"})
	tc := tl.Services["payments"]
	if tc.Minutes[0].Total != 0 || tc.Minutes[1].Total != 1 {
		t.Errorf("minutes = %+v; want the early record in none, the later in minute 1", tc.Minutes)
	}
	if tc.Halves[0].Total != 1 || tc.Halves[1].Total != 1 {
		t.Errorf("halves = %+v; want one record each", tc.Halves)
	}
}

// Counting a fast view's records by service (tallyRange) gives the counts,
// the Admit questions and the records passed to fn, in the same order,
// that counting them one by one (tallyRecords) gives: random files of
// several services (one record in five without one, taking the file's),
// random ranges, starts, splits and minute counts, some services refused,
// reads over two ranges sharing what was admitted.
func TestTallyRange_sameAsRecordByRecord(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 13))
	base := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	levels := []string{LevelInfo, LevelInfo, LevelInfo, LevelWarn, LevelError, ""}
	for round := range 300 {
		nsvc := 1 + rng.IntN(6)
		n := rng.IntN(400)
		recs := make([]Record, n)
		at := base
		for i := range recs {
			at = at.Add(time.Duration(rng.IntN(20)) * time.Second) // equal times and times on minute starts and the split too
			r := Record{Time: at, Level: levels[rng.IntN(len(levels))], Message: fmt.Sprint("m", rng.IntN(5))}
			if rng.IntN(5) > 0 {
				r.Service = fmt.Sprint("s", rng.IntN(nsvc))
			}
			if rng.IntN(4) == 0 {
				r.Status = []int{200, 404, 500, 503}[rng.IntN(4)]
			}
			recs[i] = r
		}
		var c recColumns
		// Columns built in two appends, as a growing file's are.
		cut := rng.IntN(n + 1)
		c.extend(recs[:cut], "fallback")
		c.extend(recs[cut:], "fallback")
		if !c.fast {
			t.Fatalf("round %d: columns not fast", round)
		}
		v := &fileView{recs: recs, recColumns: c.view()}
		refused := fmt.Sprint("s", rng.IntN(nsvc+1))
		start := base.Add(time.Duration(rng.IntN(3600)-600) * time.Second)
		tally := func() (*Tally, *[]string) {
			var log []string
			return &Tally{Start: start, Minutes: rng.IntN(90), Split: base.Add(time.Duration(rng.IntN(7200)) * time.Second),
				Admit: func(svc string) bool { log = append(log, "admit "+svc); return svc != refused }}, &log
		}
		t1, log1 := tally()
		t2, log2 := &Tally{Start: t1.Start, Minutes: t1.Minutes, Split: t1.Split}, new([]string)
		t2.Admit = func(svc string) bool { *log2 = append(*log2, "admit "+svc); return svc != refused }
		a := rng.IntN(n + 1)
		b := a + rng.IntN(n-a+1)
		m := a + rng.IntN(b-a+1)
		for _, tc := range []struct {
			tl   *Tally
			log  *[]string
			scan func(*Tally, []*TallyCounts, []bool, int, int, int64, int64, *Record, func(*Record) error) error
		}{{t1, log1, v.tallyRange}, {t2, log2, v.tallyRecords}} {
			slots, seen := make([]*TallyCounts, len(v.svcNames)), make([]bool, len(v.svcNames))
			fn := func(r *Record) error {
				*tc.log = append(*tc.log, fmt.Sprintf("rec %s %s %s %d %s", r.Time.Format(time.RFC3339Nano), r.Service, r.Level, r.Status, tc.tl.Mask(r)))
				return nil
			}
			for _, rg := range [][2]int{{a, m}, {m, b}} {
				if err := tc.scan(tc.tl, slots, seen, rg[0], rg[1], tc.tl.Start.UnixNano(), tc.tl.Split.UnixNano(), new(Record), fn); err != nil {
					t.Fatal(err)
				}
			}
		}
		if !slices.Equal(*log1, *log2) {
			t.Fatalf("round %d: by service asked and passed\n%q\none by one\n%q", round, *log1, *log2)
		}
		if !reflect.DeepEqual(t1.Services, t2.Services) {
			t.Fatalf("round %d: by service counted %+v, one by one %+v", round, t1.Services, t2.Services)
		}
	}
}
