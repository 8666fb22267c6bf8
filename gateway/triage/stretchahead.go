package triage

import (
	"strconv"
	"strings"
	"time"
)

// maxStretchAhead is how far ahead of the ticket a stretch's end may be
// today and still be read as over in the writer's zone: two hours, Central
// Europe in summer and Eastern Europe in winter read in UTC, the writer
// telling of it some minutes after its end. A stretch ending further ahead
// ("between 11:20 and 12:00" written at 09:40 UTC) is as likely
// yesterday's in the reading zone: left there (round eighty-six's row).
const maxStretchAhead = 2 * time.Hour

// stretchAhead reads a stretch the ticket names by two clocks ("between
// 19:05 and 19:12", "entre 9h45 et 10h20", "między 21:10 a 22:05", no
// zone named) whose end, read today in the reading zone, is still to come
// when the ticket was written (round one hundred). clockTime put both
// ends on the day before, but a writer who names no day and tells of a
// stretch that is over writes in a zone ahead of the reading one (Europe
// and Israel read in the binding's UTC): the smallest whole-hour shift
// that puts today's end at or before the ticket is taken, as clockAhead
// does for a single clock. Left where it is: a stretch whose zone is
// named (the caller's guard), one whose end is more than maxStretchAhead
// ahead of the ticket, and one in a text that names another day anywhere
// (otherDayNamed), where the stretch may be that day's; a stretch
// rangeDay moved to a day named beside it is among those; and one its
// clause tells of a thing, opening hours or a slot (stretchOfAThing). It
// returns the stretch and the shift (0 when kept).
func stretchAhead(s, phrase string, from, to, created time.Time) (time.Time, time.Time, time.Duration) {
	loc := to.Location()
	c := created.In(loc)
	today := to.AddDate(0, 0, 1)
	if tl := today.In(loc); tl.YearDay() != c.YearDay() || tl.Year() != c.Year() {
		return from, to, 0
	}
	over := today.Sub(created)
	if over <= 0 || over > maxStretchAhead || otherDayNamed(s, phrase, c) || stretchOfAThing(s, phrase) {
		return from, to, 0
	}
	shift := over.Truncate(time.Hour)
	if shift < over {
		shift += time.Hour
	}
	return from.AddDate(0, 0, 1).Add(-shift), today.Add(-shift), shift
}

// otherDayNamed reports whether the text names a day other than the
// ticket's, so that a clock or stretch still to come today may be that
// day's: a past day anywhere in the text (pastDayNamed), and a day still
// to come ("tomorrow", "demain", "tonight's") only in the phrase's own
// clause, to its end or a ";" however far (clauseAround). Said of another
// thing in another clause ("I can't buy a day pass for tomorrow. It's
// 10:30 at night", "we open again tomorrow") "tomorrow" names no day of a
// clock that is over (round one hundred; before, it blocked anywhere);
// "at 16:08 I tried to pay for tomorrow's pickup" is one clause, and the
// clause cannot tell whose day it names (the review of round one
// hundred: the clause had reached only 24 bytes either way).
func otherDayNamed(s, phrase string, today time.Time) bool {
	if pastDayNamed(s, today) {
		return true
	}
	at := strings.Index(s, phrase)
	if at < 0 {
		return false
	}
	lo, hi := clauseAround(s, at, at+len(phrase), len(s))
	return reOtherDay.MatchString(s[lo:hi]) || reFutureDay.MatchString(s[lo:hi])
}

// pastDayNamed reports whether the text names a past day anywhere: a day
// word reDay reads that is not the ticket's own ("yesterday", "last
// evening", a weekday, the weekend, overnight), a date or the days
// reOtherDay holds, and what those readers miss: a date in figures or a
// day of the month by its ordinal that is not today's (a quoted header's
// "El 14/10 a las 12:45" written on the 14th names the ticket's day), and
// reOtherPastDay. The review of round one hundred: "last evening", "am
// 2.7.", "on the 2nd", "yesterdy" and the Ukrainian "учора" had moved last
// night's stretch onto today's clean logs.
func pastDayNamed(s string, today time.Time) bool {
	for _, m := range reDay.FindAllStringSubmatch(s, -1) {
		if !reTicketsDay.MatchString(m[2]) {
			return true
		}
	}
	for _, m := range reOtherDay.FindAllString(s, -1) {
		if m != "tomorrow" {
			return true
		}
	}
	for _, m := range reFigureDate.FindAllStringSubmatch(s, -1) {
		d, _ := strconv.Atoi(m[1] + m[4])
		mo, _ := strconv.Atoi(m[2] + m[3])
		if d != today.Day() || m[4] == "" && mo != int(today.Month()) {
			return true
		}
	}
	return reOtherPastDay.MatchString(s)
}

// reFigureDate is a date in figures, day first ("2.7.", "02/07",
// "24/11/2045"; not "6.10", a clock: a dot needs its month's), or a day
// of the month by its ordinal ("on the 2nd").
var reFigureDate = mustCompileFolded(`\b(?:([0-3]?\d)(?:\.([01]?\d)\.(?:\d{2,4})?|/([01]?\d)(?:/\d{2,4})?)|the\s+([0-3]?\d)(?:st|nd|rd|th))(?:$|[^\p{L}\d])`)

// reOtherPastDay is a past day the readers leave unread: "yesterday"
// mistyped, and yesterday or the day before in Ukrainian and Russian,
// whose letters \b does not see.
var reOtherPastDay = mustCompileFolded(`\bye?ste?r?d[ae]?y\b|` +
	`(?:^|[^\p{L}])(?:вчера|вчора|учора|позавчера|позавчора)(?:$|[^\p{L}])`)

// stretchOfAThing reports whether the stretch's clause tells it of a
// thing rather than of the failure: hours a place is open or staffed, a
// slot or a visit still to come ("my return slot is today between 17:00
// and 18:00", "the driver will come between 19:00 and 19:30", "between
// 13:00 and 14:00 suits me", "tonight between 20:00 and 21:00 I need a
// pickup"; the review of round one hundred). Such a stretch says nothing
// of when the failure was: it is not read ahead.
func stretchOfAThing(s, phrase string) bool {
	at := strings.Index(s, phrase)
	if at < 0 {
		return false
	}
	lo, hi := clauseAround(s, at, at+len(phrase), len(s))
	return reStretchOfAThing.MatchString(s[lo:hi])
}

var reStretchOfAThing = mustCompileFolded(`\b(?:staffed|opening hours|office hours|business hours|open (?:from|between)|(?:is|are|we're|we are) open|slots?|(?:will|should|can|could|to) come|come (?:between|from)|booked for|scheduled for|suits|works for (?:me|us)|i need|we need)\b`)
