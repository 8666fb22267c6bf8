package logs

import (
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
