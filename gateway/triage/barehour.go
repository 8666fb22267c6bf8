package triage

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Round eighty-six: a bare hour is a clock when the words around it say
// so. The extractors read a clock only with minutes or am/pm ("3 users"
// is no clock), so "since 9 this morning", "last night between 1 and 2",
// "around 6 in the morning" fell back to the part of the day, and "12
// o'clock", Swedish "vid 22-tiden" or "seit heute Mittag" to nothing or
// to the day. bareHourClock, run on the text englishTime gives, writes
// such hours as "9:00" and noon as a clock; dayHalf then reads an hour's
// half from the part of the day.

var (
	// reHourWord is an hour with a word that makes it a clock: "12
	// o'clock", Scandinavian "22-tiden" (about 22), Turkish "9'da" (at
	// 9) and "saat 9".
	reHourWord = regexp.MustCompile(`(?:^|[^\p{L}\d:.])(?:saat\s+(\d{1,2})(?:[^\p{L}\d:.]|$)|(\d{1,2}(?:[.:]\d{2})?)(\s*o'?clock|-tiden|'(?:da|de|ta|te))(?:[^\p{L}]|$))`)
	// reBareHour is a bare hour after a word that places a clock, and
	// what follows it.
	reBareHour = regexp.MustCompile(`(?:^|[^\p{L}])(?:since|from|at|around|about|between|and|until|till|after)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+)?` + rangeArticle + `(\d{1,2})([^\p{L}\d:.,%]|,\s|$)`)
	// rePartAfter is a part of the day right after the hour ("9 this
	// morning", "11 last night", "6 in the morning", "8 de la tarde").
	rePartAfter = mustCompileFolded(`^\s*,?\s*(?:(?:this|last|yesterday|in the|that)\s+)?(?:morning|afternoon|evening|night|tonight|` +
		`de la (?:mañana|tarde|noche)|da (?:manhã|tarde|noite)|du (?:matin|soir)|di (?:mattina|sera|notte)|morgens|vormittags|nachmittags|abends|nachts|rano|wieczorem|w nocy|` +
		alternatives(dayHalfWords) + `)(?:$|[^\p{L}])`)
	// rePartBefore is a part of the day just before the word that places
	// the hour ("this morning around 6", "last night between 1 and 2").
	rePartBefore = mustCompileFolded(`(?:morning|afternoon|evening|night|tonight)\s*,?\s*$`)
	// reCountAfter is a word after the number that makes it a count:
	// "about 5 customers this morning", "at 3 times".
	reCountAfter = regexp.MustCompile(`^\s*(?:\p{L}+s|people|of|per|percent|times|x|min|h)(?:[^\p{L}]|$)`)
	// reNoonWord is noon or lunchtime after a word for "since", in the
	// words englishTime leaves of other languages: "since about
	// lunchtime", "seit heute Mittag", "desde el mediodía", "od
	// południa", "da oggi all'ora di pranzo". It becomes "since noon",
	// which extractSince reads. Not after "at" or "around": "at Midi" is
	// a station, "at lunch" or "came in around lunchtime" the time of
	// something else.
	reNoonWord = mustCompileFolded(`(?:^|[^\p{L}])(since|from|od|sinds|da)\s+` +
		`(?:about\s+|around\s+|roughly\s+)?(?:today\s+)?(?:el\s+|the\s+|het\s+|o\s+|le\s+|l'|all'|de\s+)?` +
		`(lunchtime|lunch|midday|mittag|mittagszeit|mediodía|midi|meio-dia|mezzogiorno|ora di pranzo|południa|middaguur)(?:$|[^\p{L}])`)
	// reNotThisTime is what before an hour makes it no time of the
	// failure: a habit ("usually at 8 o'clock", "normalerweise gegen 9")
	// or tomorrow (a booking's slot: "tomorrow at 11 o'clock", "demain
	// vers 9h"; not "mañana" or "Morgen" alone, which are also mornings).
	reNotThisTime = mustCompileFolded(`(?:^|[^\p{L}])(?:usually|normally|always|every day|typically|normalerweise|normalement|d'habitude|normalmente|di solito|zwykle|meestal|vanligtvis|normalt|biasanya|tomorrow|besok|morgen früh|demain|mañana por la|amanhã|domani|jutro)(?:$|[^\p{L}])`)
	// reNoonEnd is noon or midnight ending a stretch ("between 11:20 and
	// noon", "between 11 and midnight").
	reNoonEnd = regexp.MustCompile(`(\d(?:[:.]\d{2})?\s*(?:and|to|until|till|-)\s+)(noon|midday|midnight)\b`)
)

// bareHourClock rewrites the hours described above as "H:00".
func bareHourClock(s string) string {
	s = reNoonWord.ReplaceAllStringFunc(s, func(m string) string {
		sm := reNoonWord.FindStringSubmatchIndex(m)
		return m[:sm[2]] + "since noon" + m[sm[5]:]
	})
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	s = reNoonEnd.ReplaceAllStringFunc(s, func(m string) string {
		sm := reNoonEnd.FindStringSubmatch(m)
		if sm[2] == "midnight" {
			return sm[1] + "0:00"
		}
		return sm[1] + "12:00"
	})
	s = replaceUnlessNotThisTime(reHourWord, s, func(m string) string {
		sm := reHourWord.FindStringSubmatchIndex(m)
		if sm[2] >= 0 { // "saat 9": the word stays, the hour gains its minutes
			return m[:sm[3]] + ":00" + m[sm[3]:]
		}
		h := m[sm[4]:sm[5]]
		if i := strings.IndexAny(h, ".:"); i >= 0 { // "7.20-tiden"
			return m[:sm[4]] + h[:i] + ":" + h[i+1:] + m[sm[7]:]
		}
		return m[:sm[5]] + ":00" + m[sm[7]:] // "12 o'clock": the word goes
	})
	var b strings.Builder
	pos := 0
	for {
		m := reBareHour.FindStringSubmatchIndex(s[pos:])
		if m == nil {
			break
		}
		at, end := pos+m[0], pos+m[3]
		h, rest := s[pos+m[2]:end], s[end:]
		b.WriteString(s[pos:end])
		if !notThisTime(s, at) && !(len(h) == 2 && h > "12" || h == "0") &&
			(rePartAfter.MatchString(rest) || rePartBefore.MatchString(s[max(0, at-30):at+1]) && !reCountAfter.MatchString(rest)) {
			b.WriteString(":00")
		}
		pos = end
	}
	b.WriteString(s[pos:])
	return b.String()
}

// stretchStart is the start a of a stretch that clockTime read after its
// end b: the start's other half when its hour has two ("between 11:20 and
// 12:00", written at 09:40, is the morning's 11:20, not the evening's),
// else the same clock a day earlier.
func stretchStart(a, b time.Time, h, half string) time.Time {
	if n, err := strconv.Atoi(h); err == nil && len(clockHours(n, half)) == 2 {
		if am := a.Add(-12 * time.Hour); !b.Before(am) {
			return am
		}
	}
	return a.Add(-24 * time.Hour)
}

// notThisTime reports whether reNotThisTime stands in the 60 bytes before
// at, in its clause.
func notThisTime(s string, at int) bool {
	before := s[max(0, at-60):at]
	if i := strings.LastIndexAny(before, ".!?;\n"); i >= 0 {
		before = before[i+1:]
	}
	return reNotThisTime.MatchString(before)
}

// replaceUnlessNotThisTime is re.ReplaceAllStringFunc(s, f), leaving the
// matches notThisTime holds.
func replaceUnlessNotThisTime(re *regexp.Regexp, s string, f func(string) string) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		if notThisTime(s, m[0]) {
			b.WriteString(s[m[0]:m[1]])
		} else {
			b.WriteString(f(s[m[0]:m[1]]))
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}
