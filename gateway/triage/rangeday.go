package triage

import (
	"strings"
	"time"
)

// Round eighty-one: a stretch's day. A clock ("at 16:00", "since 9:30")
// takes the day named beside it (dayBefore: "yesterday", "last night", a
// weekday), but a stretch ("from about 6:20 to 7 pm", "between 23 och
// 23:40", "14:00-14:30") did not: read as the most recent such stretch, a
// stretch that had already passed on the day the ticket was written stayed
// on that day, whatever day the writer named. "yesterday (Thursday) from
// about 6:20 to 7 pm CEST", written at 23:04 CEST on the Friday, was read
// on the Friday, an evening the writer was not reporting.
//
// rangeDay moves a stretch to the day named beside it, the way dayBefore
// moves a clock: its end (the later moment, the one nearer the ticket) is
// read by dayBefore, and the start moves with it by the same days. The
// guards are dayBefore's own: only a day word within its reach of the
// stretch's words counts, a stretch already on an earlier day than the
// ticket's stays, and last night's small hours stay on the ticket's day;
// and a "today" within the same reach holds the stretch on the ticket's
// day ("ayer no, hoy entre las 9 y las 9:40"). A stretch read longer
// than half a day or ending before six in the morning stays: its ends were
// likely read wrong (a spoken end, a bare 12-hour clock), and moving a
// wrong stretch a day moves it further from the failure.
func rangeDay(s, phrase string, from, to, created time.Time) (time.Time, time.Time, bool) {
	at := strings.Index(s, phrase)
	if at < 0 {
		return from, to, false
	}
	// A stretch read longer than half a day, or ending in the small hours,
	// is no evening or afternoon the writer told by two clocks: an end read
	// wrong ("quarter past twelve and ten to one" read to 10:00) or a bare
	// "12:40 to 1:20" whose half the clocks do not say. Left where it is.
	if to.Sub(from) > 12*time.Hour || to.In(to.Location()).Hour() < 6 {
		return from, to, false
	}
	// "yesterday no, today between 9 and 9:40": the nearer "today" holds.
	if strings.Contains(s[max(0, at-24):min(len(s), at+len(phrase)+24)], "today") {
		return from, to, false
	}
	moved := dayBefore(s, []int{at, at + len(phrase)}, to, created)
	if moved.Equal(to) {
		return from, to, false
	}
	return from.Add(moved.Sub(to)), moved, true
}
