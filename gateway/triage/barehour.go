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
	// "about 5 customers this morning", "around 5 staff", "at 3 times".
	// Any word is taken for a noun, and so for a count, except the words
	// that may follow a clock (reClockFollower); "3 or 4 payments" is
	// the count of its second number.
	reCountAfter = regexp.MustCompile(`^\s*(?:(?:or|to|-)\s*\d{1,2}\s+)?(\p{L}[\p{L}']*|%)`)
	// reClockFollower is a word that may follow a clock's hour: a
	// pronoun, article or the like starting the clause the hour places
	// ("around 8 I couldn't", "at 3 the app"), a part of the day, a word
	// for "o'clock" or a zone.
	reClockFollower = mustCompileFolded(`^(?:i|we|you|he|she|they|it|its|it's|nobody|noone|none|no|nothing|not|everyone|everybody|all|the|my|our|your|their|his|her|a|an|and|but|when|then|there|this|that|last|yesterday|today|in|on|until|till|to|sharp|exactly|or|so|o'clock|oclock|h|hrs|uhr|am|pm|cet|cest|bst|gmt|utc|local|time)$`)
	// rePriceBefore is a word for paying before the word that places
	// the number: "paid about 9" is a price.
	rePriceBefore = mustCompileFolded(`(?:paid|pay|pays|paying|cost|costs|charged|price|priced|bezahlt|kostet|pague|paye|pagato|betaald)\s*$`)
	// reNoonWord is noon or lunchtime after a word for "since", in the
	// words englishTime leaves of other languages: "since about
	// lunchtime", "seit heute Mittag", "desde el mediodía", "od
	// południa", "da oggi all'ora di pranzo". It becomes "since noon",
	// which extractSince reads. Not after "at", "around" or "from": "at
	// Midi" or "from Midi" is a station, "at lunch" or "came in around
	// lunchtime" the time of something else, "from midday tomorrow" a
	// slot; Italian "da" only before "oggi" (Portuguese "da" is "of the").
	// Nor after a habit or before tomorrow (notThisTime).
	reNoonWord = mustCompileFolded(`(?:^|[^\p{L}])(since|od|sinds|da\s+(?:oggi|today))\s+` +
		`(?:about\s+|around\s+|roughly\s+)?(?:today\s+)?(?:el\s+|the\s+|het\s+|o\s+|le\s+|l'|all'|de\s+)?` +
		`(lunchtime|lunch|midday|mittag|mittagszeit|mediodía|midi|meio-dia|mezzogiorno|ora di pranzo|południa|middaguur)(?:$|[^\p{L}])`)
	// reNotThisTime is what before an hour makes it no time of the
	// failure: a habit ("usually at 8 o'clock", "normalerweise gegen 9",
	// "every morning at 7", "normalde her sabah saat 8'de"), tomorrow or
	// another slot ahead (a booking's slot: "tomorrow at 11 o'clock",
	// "demain vers 9h", "booked for Wednesday at 9"; not "mañana" or
	// "Morgen" alone, which are also mornings), a call back or opening
	// hours ("call me back at 3", "you're open from 9").
	reNotThisTime = mustCompileFolded(`(?:^|[^\p{L}])(?:usually|normally|always|every day|typically|generally|` +
		`(?:every|each)\s+(?:day|morning|afternoon|evening|night|week|` + weekdayNames + `)|(?:on\s+)?(?:` + weekdayNames + `)s|(?:for|next)\s+(?:` + weekdayNames + `)|` +
		`(?:booked|scheduled|planned|arranged)\s+for|call(?:\s+(?:me|us))?\s+back|ring\s+(?:me|us)|open(?:s)?\s+(?:from|at|until|till)|opening hours|` +
		`normalerweise|meistens|jeden (?:tag|morgen|abend)|jede nacht|taglich|normalement|d'habitude|chaque (?:jour|matin|soir)|tous les (?:jours|matins|soirs)|` +
		`normalmente|generalmente|cada (?:dia|manana|tarde|noche)|todas las (?:mananas|tardes|noches)|todos los dias|di solito|ogni (?:giorno|mattina|sera)|` +
		`todos os dias|todas as manhas|zwykle|codziennie|kazdego (?:dnia|ranka)|meestal|normaal|elke (?:dag|ochtend|avond)|vanligtvis|normalt|varje (?:dag|morgon)|` +
		`obvykle|normalne|kazde rano|kazdy den|normalde|genelde|genellikle|her (?:gun|sabah|aksam)|biasanya|` +
		`tomorrow|besok|morgen fruh|demain|manana por la|amanha|domani|jutro|zitra|yarin|morgen om)(?:$|[^\p{L}])`)
	// reOrNumber is a second number after the first ("3 or 4").
	reOrNumber = regexp.MustCompile(`^\s*(?:or|to|-)\s*\d`)
	// reTomorrowAfter is tomorrow right after a time ("from midday
	// tomorrow").
	reTomorrowAfter = mustCompileFolded(`^\s*(?:tomorrow|manana|morgen|demain|domani|jutro|amanha|zitra|yarin)(?:$|[^\p{L}])`)
	// reNumberNext is a number right after a word ("3'te 1'i").
	reNumberNext = regexp.MustCompile(`^\s*\d`)
	// reNightTwelve is a "12" ending a stretch of the night or the
	// evening ("last night between 11 and 12"): midnight, not noon.
	reNightTwelve = regexp.MustCompile(`(?:night|tonight|evening)\s*,?\s*(?:between|from)\s+(?:about\s+|around\s+)?(?:9|10|11|21|22|23)(?:[:.]\d{2})?\s*(?:and|to|until|till|-)\s*(12)(?::00)?(?:[^\d:.]|$)`)
	// reNoonEnd is noon or midnight ending a stretch ("between 11:20 and
	// noon", "between 11 and midnight").
	reNoonEnd = regexp.MustCompile(`(\d(?:[:.]\d{2})?\s*(?:and|to|until|till|-)\s+)(noon|midday|midnight)\b`)
)

// bareHourClock rewrites the hours described above as "H:00", noon or
// lunchtime after a word for since as "since noon", a night stretch's
// "12" as midnight, and noon or midnight ending a stretch as "12:00" or
// "0:00".
func bareHourClock(s string) string {
	s = replaceUnlessNotThisTime(reNoonWord, s, func(m, _ string) string {
		sm := reNoonWord.FindStringSubmatchIndex(m)
		return m[:sm[2]] + "since noon" + m[sm[5]:]
	})
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	s = reNightTwelve.ReplaceAllStringFunc(s, func(m string) string {
		sm := reNightTwelve.FindStringSubmatchIndex(m)
		return m[:sm[2]] + "midnight" + m[sm[3]:]
	})
	s = reNoonEnd.ReplaceAllStringFunc(s, func(m string) string {
		sm := reNoonEnd.FindStringSubmatch(m)
		if sm[2] == "midnight" {
			return sm[1] + "0:00"
		}
		return sm[1] + "12:00"
	})
	s = replaceUnlessNotThisTime(reHourWord, s, func(m, after string) string {
		sm := reHourWord.FindStringSubmatchIndex(m)
		if sm[2] >= 0 { // "saat 9": the word stays, the hour gains its minutes
			return m[:sm[3]] + ":00" + m[sm[3]:]
		}
		h := m[sm[4]:sm[5]]
		if strings.HasPrefix(m[sm[6]:sm[7]], "'") && !turkishHour(h, m[sm[7]:]+after) {
			return m // "3'te 1'i" is a third
		}
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
		if !notThisTime(s, pos+m[2]) && !(len(h) == 2 && h > "12" || h == "0") && !countAfter(rest) &&
			!rePriceBefore.MatchString(s[max(0, at-20):at+1]) &&
			(rePartAfter.MatchString(rest) || rePartBefore.MatchString(s[max(0, at-30):at+1])) {
			b.WriteString(":00")
		}
		pos = end
	}
	b.WriteString(s[pos:])
	return b.String()
}

// countAfter reports whether the words after a number make it a count:
// a word other than reClockFollower's or a part of the day.
func countAfter(rest string) bool {
	if rePartAfter.MatchString(rest) && !reOrNumber.MatchString(rest) {
		return false
	}
	m := reCountAfter.FindStringSubmatch(rest)
	return m != nil && !reClockFollower.MatchString(m[1])
}

// turkishHour reports whether h, with a Turkish locative suffix and the
// words after, is an hour: 0 to 23 and no number right after ("3'te 1'i",
// one in three, is a fraction).
func turkishHour(h, after string) bool {
	n, err := strconv.Atoi(h)
	return err == nil && n <= 23 && !reNumberNext.MatchString(after)
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
// at, in its sentence: cut at . ! ? ; or a line break, not at a comma
// (for a bare hour, its placing word included: "open from 9").
func notThisTime(s string, at int) bool {
	before := s[max(0, at-60):at]
	if i := strings.LastIndexAny(before, ".!?;\n"); i >= 0 {
		before = before[i+1:]
	}
	return reNotThisTime.MatchString(before)
}

// replaceUnlessNotThisTime is re.ReplaceAllStringFunc(s, f), leaving the
// matches notThisTime holds or that tomorrow follows; f is also given the
// text after the match.
func replaceUnlessNotThisTime(re *regexp.Regexp, s string, f func(m, after string) string) string {
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		if notThisTime(s, m[0]) || reTomorrowAfter.MatchString(s[m[1]:]) {
			b.WriteString(s[m[0]:m[1]])
		} else {
			b.WriteString(f(s[m[0]:m[1]], s[m[1]:]))
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}
