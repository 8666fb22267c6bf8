package triage

import (
	"strconv"
	"time"
)

// onsetAhead reads the onset of a problem still going on, told by a clock
// without its half and no zone ("since 9:05" written at 08:42 UTC, "since
// half four" at 15:45 UTC), one of whose halves is still to come today in
// the reading zone. clockTime took the latest past reading, the evening
// before (21:05) or the small hours (04:30): a problem going on for nine
// hours or more would say so. The writer's clock in a zone ahead of the
// reading one is read instead, as zoneAhead does for the same clock of
// yesterday: each half the hour may mean (clockHours) is tried for today,
// and one at most most ahead of the ticket is shifted into the past by the
// smallest whole hour, plus one (an onset's window may start early). t is
// kept when the clock names its zone, when the reading zone is one known
// for the writer (the requester's profile, a thread's header: any zone but
// UTC, where a ticket is read when nothing tells its zone), when it is
// today's and less than six hours old, or when no reading is close enough.
func onsetAhead(t, created time.Time, hs, ms, half, z string, loc *time.Location, most time.Duration) time.Time {
	if z != "" || loc.String() != "UTC" {
		return t
	}
	h, err := strconv.Atoi(hs)
	if err != nil {
		return t
	}
	mi, _ := strconv.Atoi(ms)
	c := created.In(loc)
	if tl := t.In(loc); tl.YearDay() == c.YearDay() && tl.Year() == c.Year() {
		// today's reading: only the other half, nine hours later, may
		// stand for a zone ahead, and by no more than maxZoneAhead
		if created.Sub(t) < 6*time.Hour {
			return t
		}
		most = min(most, maxZoneAhead)
	}
	for _, hh := range clockHours(h, half) {
		today := time.Date(c.Year(), c.Month(), c.Day(), hh, mi, 0, 0, loc)
		if over := today.Sub(created); over > 0 && over <= most {
			return today.Add(-(over.Truncate(time.Hour) + time.Hour))
		}
	}
	return t
}
