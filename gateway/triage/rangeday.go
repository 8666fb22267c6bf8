package triage

import (
	"regexp"
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
// and a "today", "tonight" or "this morning" within the same reach holds
// the stretch on the ticket's day ("ayer no, hoy entre las 9 y las 9:40").
// The reach stops at a ";" or a sentence's end (clauseAround); a denied
// day ("not yesterday") and a weekday said of a thing ("my Sunday order
// page") name none; "the day before yesterday" is two days back. A
// stretch read longer than half a day or ending before six in the
// morning stays: its ends were likely read wrong (a spoken end, a bare
// 12-hour clock), and moving a wrong stretch a day moves it further from
// the failure.
func rangeDay(s, phrase string, from, to, created time.Time) (time.Time, time.Time, bool) {
	at := strings.Index(s, phrase)
	if at < 0 {
		return from, to, false
	}
	// A stretch read longer than half a day, or ending in the small hours,
	// is no evening or afternoon the writer told by two clocks: an end read
	// wrong ("quarter past twelve and ten to one" read to 10:00) or a bare
	// "12:40 to 1:20" whose half the clocks do not say. Left where it is.
	if to.Sub(from) > 12*time.Hour || to.Hour() < 6 {
		return from, to, false
	}
	// The day words of the stretch's own clause (clauseAround): "I ordered
	// yesterday; from 12:35 to 13:10 …" names no day of the stretch.
	lo, hi := clauseAround(s, at, at+len(phrase), 24)
	// A denied day ("not yesterday") names no day of the stretch: blanked
	// (the text keeps its length, so the stretch's place in it holds).
	near := reDeniedDay.ReplaceAllStringFunc(s[lo:hi], blank)
	// "yesterday no, today between 9 and 9:40", "this morning 6:40-7:10":
	// the ticket's own day holds.
	if reTicketsDay.MatchString(near) {
		return from, to, false
	}
	// A weekday said of a thing ("my Sunday order page") names none
	// either; one said of a part of the day ("our Sunday evening") does.
	near = reThingsWeekday.ReplaceAllStringFunc(near, func(m string) string {
		if sm := reThingsWeekday.FindStringSubmatch(m); reDayPartWord.MatchString(sm[2]) {
			return m
		}
		return blank(m)
	})
	moved := dayBefore(near, []int{at - lo, at - lo + len(phrase)}, to, created)
	if moved.Equal(to) {
		return from, to, false
	}
	// "the day before yesterday" is a day further back.
	if reDayBeforeYesterday.MatchString(near) {
		moved = moved.AddDate(0, 0, -1)
	}
	return from.Add(moved.Sub(to)), moved, true
}

// reTicketsDay names the ticket's own day.
var reTicketsDay = regexp.MustCompile(`\b(?:today|tonight|this (?:morning|afternoon|evening))\b`)

// reDeniedDay is a day word denied: "not yesterday", "nicht gestern" (read
// as "nicht yesterday"), "pas hier".
var reDeniedDay = regexp.MustCompile(`\b(?:not|nicht|pas|nie|niet|no)\s+(?:yesterday|today|tonight|last night|this (?:morning|afternoon|evening))\b`)

// reThingsWeekday is a weekday after a possessive, said of a thing when a
// word other than a part of the day follows: "my Sunday order page", not
// "our Sunday evening".
var reThingsWeekday = regexp.MustCompile(`\b(?:my|our|your|his|her|their)\s+` + weekdayNames + `\s+(\pL+)`)

// reDayPartWord is a part of the day after a weekday.
var reDayPartWord = regexp.MustCompile(`^(?:morning|afternoon|evening|night)$`)

// reDayBeforeYesterday is the day before yesterday, in English; the other
// languages' words ("vorgestern", "anteayer") are not read as "yesterday".
var reDayBeforeYesterday = regexp.MustCompile(`\bday before yesterday\b`)

// blank returns as many spaces as m has bytes.
func blank(m string) string { return strings.Repeat(" ", len(m)) }
