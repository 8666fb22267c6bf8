package triage

import (
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
// rangeDay moved to a day named beside it is among those. It returns the
// stretch and the shift (0 when kept).
func stretchAhead(s, phrase string, from, to, created time.Time) (time.Time, time.Time, time.Duration) {
	loc := to.Location()
	c := created.In(loc)
	today := to.AddDate(0, 0, 1)
	if tl := today.In(loc); tl.YearDay() != c.YearDay() || tl.Year() != c.Year() {
		return from, to, 0
	}
	over := today.Sub(created)
	if over <= 0 || over > maxStretchAhead || otherDayNamed(s, phrase) {
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
// day's: a weekday, "yesterday", "last night", a date, "last week" or a
// past day in the words reOtherDay holds, anywhere in the text; and
// "tomorrow" only in the phrase's own clause. Said of another thing in
// another clause ("I can't buy a day pass for tomorrow. It's 10:30 at
// night", "we open again tomorrow") "tomorrow" names no day of a clock
// that is over (round one hundred; before, it blocked anywhere).
func otherDayNamed(s, phrase string) bool {
	if reWeekdayWord.MatchString(s) || strings.Contains(s, "yesterday") || strings.Contains(s, "last night") {
		return true
	}
	lo, hi := 0, 0
	if at := strings.Index(s, phrase); at >= 0 {
		lo, hi = clauseAround(s, at, at+len(phrase), 24)
	}
	for _, ix := range reOtherDay.FindAllStringIndex(s, -1) {
		if s[ix[0]:ix[1]] != "tomorrow" || ix[0] >= lo && ix[1] <= hi {
			return true
		}
	}
	return false
}
