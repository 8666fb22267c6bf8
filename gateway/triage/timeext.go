package triage

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Window is the time range a ticket is about.
type Window struct {
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Duration is To − From.
func (w Window) Duration() time.Duration { return w.To.Sub(w.From) }

// TimeRef is what the ticket text says about when the problem happened.
type TimeRef struct {
	Window Window
	Found  bool   // false: no time words, Window is the default buffer
	Phrase string // the words that set the window
	// Onset is true when the phrase names when the problem started ("since
	// 14:05", "30 minutes ago"), so the window runs to the ticket's creation.
	Onset bool
	// QuotedAside is the phrase a quoted message held that would have set
	// the window, set aside for the writer's own (quotedclock.go).
	QuotedAside string
	// DayMoved is true when a stretch was moved to the day named beside
	// it (rangeday.go).
	DayMoved bool
	// Ahead is the shift of a stretch still to come today in the reading
	// zone, read in a zone that much ahead (stretchahead.go).
	Ahead time.Duration
}

// onsetCues are the words, read anywhere in the folded text, that tell a
// failure going on since a time ("since", "started", "still",
// "continues"): with one, a moment the writer names (a clock, a
// timestamp) is the onset, its window running to the ticket's creation
// (pointRef).
var onsetCues = []string{"since", "start", "began", "still", "ongoing", "keeps", "continu"}

// maxTimeText is how much of the ticket text is searched for time phrases.
const maxTimeText = 4 << 10

// minWindow keeps a window long enough to hold a rate worth comparing.
const minWindow = 15 * time.Minute

var (
	reISO = mustCompileFolded(`\b(\d{4})-(\d{2})-(\d{2})[t ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?\b`)
	// a clock time needs minutes or am/pm, so "3 users" is not 3 o'clock.
	clock = `(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?`
	zone  = `(?:\s*(utc|gmt|cet|cest|est|edt|cst|cdt|pst|pdt|bst|z)\b)?`
	// After "between" or "from" a clock may part its minutes with a dot
	// ("between 6.30 and 7.30"): a price or a version does not follow them.
	rangeClock = `(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?`
	// The end may be hedged: "until just before 9", "bis kurz vor 21 Uhr".
	rangeHedge = `(?:(?:about|around|approximately|roughly|just before|shortly before|just after|shortly after|~)\s*)?`
	// Either end may be hedged or take an article ("from roughly 7:45",
	// "entre las 6 y las 6:30").
	rangeArticle = `(?:(?:la|las|les|le|the|den|de|die|der)\s+)?`
	reRange      = mustCompileFolded(`\b(?:between|from)\s+` + rangeHedge + rangeArticle + rangeClock + zone + `\s*(?:and|to|until|till|en|und|bis|et|y|e|och|og|i|a|à|-|–)\s*` + rangeHedge + rangeArticle + rangeClock + zone)
	// A range written with a dash alone ("1pm-1:30pm", "14:05–14:40"); each
	// end needs minutes or am/pm, so a date's "03-17" is no range.
	reDashRange = mustCompileFolded(`\b` + clock + zone + `\s*[-–]\s*` + clock + zone)
	// Like a range's ends, the onset may take an article ("desde las 14:15",
	// "depuis les 9:30").
	reSince = mustCompileFolded(`\b(since|started at|starting at|starting around|began at|from|after)\s+(?:about\s+|around\s+|approx\.?\s+|approximately\s+|~\s*)?` + rangeArticle + clock + zone)
	reAt    = mustCompileFolded(`(?:\b(at|around|about|approximately|approx\.?|near|circa|by)\s+|@\s*|~\s*)?` + clock + zone)
	reNoon  = mustCompileFolded(`\b(?:(since|at|around|about|after)\s+)?(noon|midday|midnight)\b`)

	num    = `(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|forty-five|fifty|a few|few|several|a couple of|couple of|a couple|half an|half a)`
	unit   = `(seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h|days?)\b`
	reAgo  = mustCompileFolded(`\b` + num + `\s*` + unit + `\s+ago\b`)
	reLast = mustCompileFolded(`\b(?:for|in|over|during|within)\s+(?:the\s+)?(?:last|past)\s+(?:` + num + `\s*)?` + unit)
	reFor  = mustCompileFolded(`\b(?:for|since)\s+(?:about\s+|around\s+|almost\s+|over\s+|nearly\s+)?` + num + `\s*` + unit)
	reDay  = mustCompileFolded(`\b(since\s+|from\s+)?(yesterday\s+(?:morning|afternoon|evening|night)|yesterday|last\s+night|last\s+evening|this\s+morning|this\s+afternoon|this\s+evening|tonight|earlier\s+today|today|overnight|` +
		`(?:on\s+|last\s+|this\s+(?:past\s+)?)?` + weekdayNames + `(?:\s+(?:morning|afternoon|evening|night))?|(?:over\s+|during\s+)?(?:the\s+|this\s+(?:past\s+)?|last\s+)weekend|(?:the\s+)?(?:early|small|wee)\s+hours)\b`)
	reJustNw = mustCompileFolded(`\b(just now|right now|a moment ago|moments ago|a minute ago|minutes ago|just started|just happened)\b`)
)

// weekdayNames are the days a ticket can name: "on Sunday evening" is the
// most recent Sunday's evening (today's when it is Sunday).
const weekdayNames = `(sunday|monday|tuesday|wednesday|thursday|friday|saturday)`

var reWeekdayWord = mustCompileFolded(`\b` + weekdayNames + `\b`)

// reOtherDay names a day that is not the ticket's, beside a clock time or
// anywhere: a date ("on 25 November", "Nov 25", "2035-01-07"), last
// week or the weekend, tomorrow, the day words englishTime leaves as
// written ("vorgestern", "anteayer", "przedwczoraj", "avant-hier"), and
// those it turns into "yesterday" ("gestern", "ayer", "wczoraj"), kept
// for a sentence the translation misses. Not the French "hier", which is
// Dutch "here"; a Cyrillic word is out of reach of \b, which sees ASCII
// letters only. A clock time still to come in such a ticket is that
// day's, not the writer's zone ahead.
var reOtherDay = mustCompileFolded(`\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthNames + `|` + monthNames + `\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{4}-\d{2}-\d{2}|` +
	`last week|(?:this|last|the) weekend|tomorrow|day before|avant-hier|vorgestern|gestern|ayer|anteayer|ontem|anteontem|` +
	`ieri|l'altro ieri|gisteren|eergisteren|wczoraj|przedwczoraj|dun)\b`)

// monthNames are the English months, whole or cut to three letters.
const monthNames = `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

var weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
	"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}

var numberWords = map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
	"forty-five": 45, "fifty": 50, "a few": 3, "few": 3, "several": 4, "a couple of": 2,
	"couple of": 2, "a couple": 2, "half an": 0.5, "half a": 0.5,
}

// foreignTime maps the time words of other languages tickets are often
// written in (German, French, Spanish, Italian, Dutch) to the English ones
// the extractors read. "heute Nacht" / "cette nuit" is last night in the
// morning and tonight later: see nightWord.
var foreignTime = map[string]string{
	"gestern abend": "yesterday evening", "gestern morgen": "yesterday morning", "gestern früh": "yesterday morning",
	"gestern vormittag": "yesterday morning", "gestern nachmittag": "yesterday afternoon", "gestern nacht": "last night",
	"gestern": "yesterday", "heute morgen": "this morning", "heute früh": "this morning", "heute vormittag": "this morning",
	"heute nachmittag": "this afternoon", "heute abend": "this evening", "heute": "today",
	"hier soir": "yesterday evening", "hier matin": "yesterday morning", "hier après-midi": "yesterday afternoon",
	"ce matin": "this morning", "cet après-midi": "this afternoon", "ce soir": "this evening", "aujourd'hui": "today",
	"ayer por la noche": "yesterday evening", "ayer por la mañana": "yesterday morning", "ayer por la tarde": "yesterday afternoon",
	"ayer": "yesterday", "anoche": "last night", "esta mañana": "this morning", "esta tarde": "this afternoon", "hoy": "today",
	"ieri sera": "yesterday evening", "ieri mattina": "yesterday morning", "ieri pomeriggio": "yesterday afternoon", "ieri": "yesterday",
	"stamattina": "this morning", "stasera": "this evening", "oggi": "today",
	"gisteravond": "yesterday evening", "gisterochtend": "yesterday morning", "gistermiddag": "yesterday afternoon",
	"gisteren": "yesterday", "vanochtend": "this morning", "vanmorgen": "this morning", "vanmiddag": "this afternoon",
	"vanavond": "this evening", "vandaag": "today",
	"ontem à tarde": "yesterday afternoon", "ontem à noite": "yesterday evening", "ontem de manhã": "yesterday morning", "ontem": "yesterday",
	"hoje de manhã": "this morning", "esta manhã": "this morning", "hoje à tarde": "this afternoon", "hoje": "today",
	"i går kväll": "yesterday evening", "i går morse": "yesterday morning", "i går": "yesterday", "igår": "yesterday",
	"i morse": "this morning", "i eftermiddag": "this afternoon", "i kväll": "this evening", "i dag": "today", "idag": "today",
	"wczoraj wieczorem": "yesterday evening", "wczoraj rano": "yesterday morning", "wczoraj": "yesterday",
	"dziś rano": "this morning", "dzisiaj rano": "this morning", "dzisiaj": "today", "dziś": "today",
	// Danish and Norwegian, Finnish, Czech, Turkish, Russian: the same days
	// and parts of days (a bare "yesterday" in those stays unread: "včera
	// fungovalo", it worked yesterday, is when it was fine)
	"i går aftes": "yesterday evening", "i går kveld": "yesterday evening", "i morges": "this morning", "i formiddags": "this morning",
	"i eftermiddags": "this afternoon", "i aften": "this evening", "i kveld": "this evening", "i nat": "last night",
	"eilen illalla": "yesterday evening", "eilen aamulla": "yesterday morning", "eilisestä lähtien": "since yesterday",
	"tänä aamuna": "this morning", "včera večer": "yesterday evening", "včera ráno": "yesterday morning",
	"dnes ráno": "this morning", "dün akşam": "yesterday evening", "dün gece": "last night",
	"bu sabah": "this morning", "вчера вечером": "yesterday evening", "вчера утром": "yesterday morning",
	// round twenty-two: yesterday evening, afternoon and this morning in
	// Czech (afternoons), Romanian, Croatian, Hungarian, Greek,
	// Indonesian, Vietnamese and Hebrew
	"včera odpoledne": "yesterday afternoon", "dnes odpoledne": "this afternoon", "dnes večer": "this evening", "aseară": "yesterday evening", "ieri seară": "yesterday evening", "ieri după-amiază": "yesterday afternoon", "azi dimineață": "this morning", "azi-dimineață": "this morning", "sinoć": "yesterday evening", "jučer navečer": "yesterday evening", "jučer popodne": "yesterday afternoon", "jutros": "this morning", "danas popodne": "this afternoon", "tegnap este": "yesterday evening", "tegnap délután": "yesterday afternoon", "ma reggel": "this morning", "ma délután": "this afternoon", "χθες το βράδυ": "yesterday evening", "χθες το απόγευμα": "yesterday afternoon", "σήμερα το πρωί": "this morning", "kemarin malam": "yesterday evening", "kemarin sore": "yesterday afternoon", "tadi pagi": "this morning", "pagi ini": "this morning", "tối qua": "yesterday evening", "chiều qua": "yesterday afternoon", "sáng nay": "this morning", "chiều nay": "this afternoon", "אתמול בערב": "yesterday evening",
	"сегодня утром": "this morning", "zwischen": "between", "entre": "between", "tussen": "between", "mellan": "between", "mellem": "between", "mellom": "between", "mezi": "between", "między": "between", "från": "from", "von": "from",
	"por volta das": "around", "por volta de": "around", "cerca de": "about", "około": "about", "ungefär": "about", "ongeveer": "about", "omkring": "about",
	"seit": "since", "vanaf": "since", "runt": "around", "rundt": "around", "kolem": "around", "ab": "since", "depuis": "since", "desde": "since", "sinds": "since",
	"gegen": "around", "vers": "around", "hacia": "around", "verso": "around", "rond": "around", "um": "at", "om": "at",
	"ca.": "about", "ca": "about", "etwa": "about", "environ": "about", "mez": "cet", "mesz": "cest",
	"kurz vor": "just before", "kurz nach": "just after", "peu avant": "just before", "poco antes de": "just before", "pouco antes das": "just before",
}

// foreignWeekdays are the days of the week in the languages above, and
// foreignDayParts the parts of a day that follow them ("Sonntagabend",
// "dimanche soir", "el domingo por la noche", "zondagavond").
var (
	foreignWeekdays = map[string]string{
		"montag": "monday", "dienstag": "tuesday", "mittwoch": "wednesday", "donnerstag": "thursday", "freitag": "friday", "samstag": "saturday", "sonnabend": "saturday", "sonntag": "sunday",
		"lundi": "monday", "mardi": "tuesday", "mercredi": "wednesday", "jeudi": "thursday", "vendredi": "friday", "samedi": "saturday", "dimanche": "sunday",
		"lunes": "monday", "martes": "tuesday", "miércoles": "wednesday", "miercoles": "wednesday", "jueves": "thursday", "viernes": "friday", "sábado": "saturday", "sabado": "saturday", "domingo": "sunday",
		"lunedì": "monday", "lunedi": "monday", "martedì": "tuesday", "martedi": "tuesday", "mercoledì": "wednesday", "mercoledi": "wednesday", "giovedì": "thursday", "giovedi": "thursday", "venerdì": "friday", "venerdi": "friday", "sabato": "saturday", "domenica": "sunday",
		"maandag": "monday", "dinsdag": "tuesday", "woensdag": "wednesday", "donderdag": "thursday", "vrijdag": "friday", "zaterdag": "saturday", "zondag": "sunday",
	}
	foreignDayParts = map[string]string{
		"abend": "evening", "morgen": "morning", "vormittag": "morning", "nachmittag": "afternoon", "nacht": "night",
		"soir": "evening", "matin": "morning", "après-midi": "afternoon",
		"por la noche": "evening", "por la mañana": "morning", "por la tarde": "afternoon",
		"sera": "evening", "mattina": "morning", "pomeriggio": "afternoon", "notte": "night",
		"avond": "evening", "ochtend": "morning", "middag": "afternoon",
	}
	reForeignWeekday = mustCompileFolded(`(?:^|[^\p{L}])(?:am\s+|le\s+|el\s+|op\s+)?(` + alternatives(foreignWeekdays) + `)\s*(` + alternatives(foreignDayParts) + `)?(?:$|[^\p{L}])`)
)

// mustCompileFolded compiles a time expression folded (see fold): the
// text it reads is folded before (ExtractTime), so "früh" is written
// "fruh" there. Expressions read before the folding live in zone.go and
// cjktime.go.
func mustCompileFolded(expr string) *regexp.Regexp { return regexp.MustCompile(fold(expr)) }

// foldMapKeys replaces the keys of m by their folded forms (see fold).
func foldMapKeys[V any](m map[string]V) {
	for k, v := range m {
		if f := fold(k); f != k {
			delete(m, k)
			m[f] = v
		}
	}
}

func init() {
	// the time words' maps are read with words of the folded text
	foldMapKeys(foreignTime)
	foldMapKeys(foreignWeekdays)
	foldMapKeys(foreignDayParts)
	foldMapKeys(continentalHours)
	foldMapKeys(nightWords)
	foldMapKeys(dayHalfWords)
}

// alternatives is a regexp alternation of m's keys, longest first.
func alternatives(m map[string]string) string {
	keys := quotedKeys(m)
	sort.Slice(keys, func(i, j int) bool {
		return len(keys[i]) > len(keys[j]) || len(keys[i]) == len(keys[j]) && keys[i] < keys[j]
	})
	return strings.Join(keys, "|")
}

// quotedKeys is m's keys, each quoted for a regexp.
func quotedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, regexp.QuoteMeta(k))
	}
	return keys
}

// nightWords are "tonight" in the evening and "last night" in the morning.
var nightWords = map[string]bool{"heute nacht": true, "cette nuit": true, "vannacht": true, "stanotte": true, "esta noche": true,
	"i natt": true, "w nocy": true, "esta noite": true, "i nat": true}

var (
	reForeignTime = mustCompileFolded(`(?:^|[^\p{L}])(gestern (?:abend|morgen|früh|vormittag|nachmittag|nacht)|gestern|heute (?:morgen|früh|vormittag|nachmittag|abend|nacht)|heute|` +
		`hier (?:soir|matin|après-midi)|ce matin|cet après-midi|ce soir|cette nuit|aujourd'hui|ayer por la (?:noche|mañana|tarde)|ayer|anoche|esta (?:mañana|tarde|noche)|hoy|` +
		`ieri seară|ieri după-amiază|ieri (?:sera|mattina|pomeriggio)|ieri|stamattina|stasera|stanotte|oggi|gisteravond|gisterochtend|gistermiddag|gisteren|vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|vandaag|` +
		`ontem à (?:tarde|noite)|ontem de manhã|ontem|hoje de manhã|esta manhã|hoje à tarde|esta noite|hoje|i går (?:kväll|morse)|i går|igår|i morse|i eftermiddag|i kväll|i natt|i dag|idag|` +
		`wczoraj (?:wieczorem|rano)|wczoraj|dziś rano|dzisiaj rano|dzisiaj|dziś|w nocy|` +
		`i går aftes|i går kveld|i morges|i formiddags|i eftermiddags|i aften|i kveld|i nat|eilen illalla|eilen aamulla|eilisestä lähtien|tänä aamuna|` +
		`včera večer|včera ráno|dnes ráno|dün akşam|dün gece|bu sabah|вчера вечером|вчера утром|сегодня утром|` +
		`χθες το απόγευμα|včera odpoledne|dnes odpoledne|tegnap délután|σήμερα το πρωί|azi dimineață|azi-dimineață|jučer navečer|jučer popodne|danas popodne|χθες το βράδυ|kemarin malam|kemarin sore|tegnap este|dnes večer|ma délután|אתמול בערב|ma reggel|tadi pagi|chiều qua|chiều nay|pagi ini|sáng nay|tối qua|aseară|jutros|sinoć|` +
		`zwischen|entre|tussen|mellan|mellem|mellom|mezi|między|från|von|por volta d[ae]s?|cerca de|około|ungefär|ongeveer|omkring|` +
		`seit|vanaf|runt|rundt|kolem|ab|depuis|desde|sinds|gegen|vers|hacia|verso|rond|um|om|ca\.|ca|etwa|environ|mez|mesz|kurz vor|kurz nach|peu avant|poco antes de|pouco antes das)(?:$|[^\p{L}])`)
	// "18h45", "23 Uhr", "9 uur", "9.30 Uhr" are clock times.
	reForeignClock = mustCompileFolded(`\b(\d{1,2})(?:h(\d{2})|(?:[:.](\d{2}))?\s*(?:uhr|uur)\b)`)
	// "od otprilike 21:30", "simula kaninang mga 8pm", "ตั้งแต่ประมาณ 19:00",
	// "sejak jam 9:15": a word for "since" in the languages beyond the
	// ones above, before a clock (maybe hedged), is since; alone it is
	// often "from" or "of" and says nothing.
	reForeignSince = mustCompileFolded(`(?:^|[^\p{L}])(?:od|simula(?:\s+kaninang)?|mula|des de|dalle|dalla|vanaf|siden|sedan|desde as|desde às|a partir das|a partir de|à partir de|fra|alates|nuo|kopš|óta|від|с|от|từ|sejak|dari|ตั้งแต่|منذ|מאז)\s*` +
		`(?:(?:omkring|rundt|ungefär|ungefähr|etwa|environ|circa|zhruba|yaklaşık|otprilike|približno|oko|około|asi|približne|cca\.?|kolem|körülbelül|kb\.?|noin|umbes|apie|aptuveni|sekitar|kira-kira|khoảng|mga|ประมาณ|примерно|около|приблизно|حوالي|בערך|about|ca\.?)\s*)?` +
		`(?:jam\s+|lúc\s+|kl\.?\s+|klo\s+)?(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)`)
	// "under den senaste timmen", "за последние 20 минут", "son 20
	// dakikadır", "desde hace media hora", "od 20 minut": the last so many
	// minutes or hours, said in the languages beyond English — a word for
	// "last" (or "since" before a number, or a Turkish duration in its
	// "-dır" case) before a number, maybe, and a unit.
	reForeignLast = mustCompileFolded(`(?:^|[^\p{L}])(?:(?:` + foreignLastWords + `)` +
		`|(?:` + foreignLastSince + `)(?:\s+(?:más o menos|jakichś|około|circa|cerca de|unos|umas|ca\.?|about|ungefähr|environ|ongeveer|ungefär|omkring|noin|asi|примерно|около))?)` +
		`\s+(\d{1,3}|half|halve|halbe|halben|einer halben|media|mezz'|meia|pół|une demi-|een half|en halv|et halvt|puoli)?\s*` +
		`(minuterna|minutterne|minuttene|minuter|minutter|minuten|minutos|minuti|minutes|minuutin|minuuttia|minut|minuty|минут[уы]?|dakikadır|dakika|` +
		`timmen|timmarna|timmar|timen|timene|timer|time|timme|часа|часов|час|godzin[ęy]?|godzina|tunnin|tuntia|saattir|saat|horas|hora|ore|ora|heures|heure|stunden|stunde|uur|kwartier|hodin[uy]?|hodina)(?:$|[^\p{L}])`)
	// Turkish and Finnish put the duration first: "yarım saattir" (for half
	// an hour), "20 dakikadır", "noin vartin ajan" (for about a quarter).
	reForeignFor = mustCompileFolded(`(?:^|[^\p{L}])(yarım|bir|\d{1,3})\s+(` + foreignForUnits + `)(?:$|[^\p{L}])|(?:^|[^\p{L}])(vartin|puolen tunnin|tunnin|\d{1,3} minuutin)\s+` + foreignForFinnish + `(?:$|[^\p{L}])`)
	// "kl. 02.15", "klo 17.40", "kello 9": the Nordic word before a clock,
	// whose minutes follow a dot.
	reNordicClock = mustCompileFolded(`(?:^|[^\p{L}])(?:` + nordicClockWords + `)\s*(\d{1,2})(?:[.:](\d{2}))?(?:$|[^\d])`)
	// "vers 16h", "à 9h", "depuis 14h": a French hour without minutes
	// after a word that takes a clock.
	reFrenchHour = mustCompileFolded(`(?:^|[^\p{L}])(vers|à|a|depuis|dès|jusqu'à|entre|et|avant|après|desde las|a las|às|as|das|desde as|desde às)\s+(\d{1,2})h(?:$|[^\p{L}\d])`)
	// "vor 20 Minuten", "il y a 2 heures", "hace 15 minutos": ago.
	reForeignAgo = mustCompileFolded(`\b(?:vor|il y a|hace)\s+(\d+|einer|einem|une|un|una|media|halben|une demi-)\s*(minuten|minutes?|minutos?|stunden?|heures?|horas?|hora|stunde|demi-heure)\b`)
)

// agoNumbers are the numbers the 17 languages of the variants say an
// amount of time with before "ago" ("vor zwei Stunden", "due ore fa",
// "kaksi tuntia sitten", "před dvěma hodinami", "два часа назад"), and
// since round fifty-three those of Romanian, Hungarian, Indonesian and
// Malay, Vietnamese and Ukrainian ("acum două ore", "két órája", "dua jam
// yang lalu", "hai tiếng trước", "дві години тому"), folded; "1.5" is an
// hour and a half ("másfél", "півтори"), and "few" a quantifier ("pár",
// "beberapa", "vài", "кілька"), which foreignAgo reads as English "a few".
var agoNumbers = func() map[string]string {
	m := map[string]string{}
	for n, words := range map[string]string{
		"1":    "ein eine einer einem un une una uno um uma een één en ett et jedną jedna jeden yksi bir один одну o egy satu một se",
		"2":    "zwei deux dos dois duas due twee två to dwie dwa kaksi dvěma iki два две două két dua hai дві",
		"3":    "drei trois tres três tre drie trzy kolme třemi üç три trei három tiga ba",
		"4":    "vier quatre cuatro quatro quattro fyra fire cztery neljä čtyřmi dört четыре patru négy empat bốn чотири",
		"5":    "fünf cinq cinco cinque vijf fem pięć viisi pěti beş пять cinci öt lima năm п'ять п’ять пʼять",
		"6":    "sechs six seis sei zes sex seks sześć kuusi šesti altı шесть șase hat enam sáu",
		"10":   "zehn dix diez dez dieci tien tio ti dziesięć kymmenen deseti on десять zece tíz sepuluh mười",
		"15":   "fünfzehn quinze quince quindici vijftien femton femten piętnaście viisitoista patnácti onbeş пятнадцать tizenöt mười_lăm",
		"20":   "zwanzig vingt veinte vinte venti twintig tjugo tyve tjue dwadzieścia kaksikymmentä dvaceti yirmi двадцать douăzeci húsz dua_puluh hai_mươi двадцять",
		"30":   "dreißig trente treinta trinta trenta dertig trettio tredive tretti trzydzieści kolmekymmentä třiceti otuz тридцать treizeci harminc tiga_puluh ba_mươi тридцять",
		"40":   "сорок",
		"1.5":  "másfél півтори",
		"half": "halbe halben media meia mezz mezza half halv halvtimme pół puoli půl yarım пол jumătate_de fél setengah nửa пів",
		"few":  "pár beberapa vài mấy кілька kilka несколько néhány câteva birkaç",
	} {
		for _, w := range strings.Fields(words) {
			m[fold(strings.ReplaceAll(w, "_", " "))] = n
		}
	}
	return m
}()

var (
	agoNumber       = `((?:\d{1,3}|` + func() string { return alternatives(agoNumbers) }() + `)(?:\s+(?:` + agoNumberAfter + `))?)?`
	agoHedge        = `(?:(?:etwa|ca\.?|ungefähr|environ|unas|unos|umas|uns|cerca de|circa|ongeveer|jakieś|około|ungefär|omkring|cirka|omtrent|rundt|noin|asi|zhruba|yaklaşık|примерно|около|about|vreo|aproximativ|cam|kb\.|körülbelül|sekitar|kira-kira|khoảng|приблизно|близько)\s+)?`
	agoHours        = `stunden|stunde|heures|heure|horas|hora|ore|ora|uur|godzinami|godziny|godzinę|godzin|godzina|timmar|timme|timer|time|tuntia|tunnin|tunti|hodinami|hodinou|hodiny|hodin|saat|часов|часа|час|oră|jam|tiếng|giờ|години|годину|годин`
	agoMinutes      = `minuten|minutes|minute|minutos|minuto|minuti|minuut|minutami|minutou|minuty|minutę|minut|minuter|minutter|minutt|minuuttia|minuutti|dakika|минуты|минуту|минут|menit|minit|phút|хвилини|хвилину|хвилин`
	agoUnit         = `(` + agoHours + `|` + agoMinutes + `|kwartier|kvart|kvarter|vartti|vartin)`
	reAgoBefore     = mustCompileFolded(`(?:^|[^\p{L}])(?:` + agoBeforeWords + `)\s+` + agoHedge + agoNumber + `\s*'?\s*` + agoUnit + `(?:$|[^\p{L}])`)
	reAgoAround     = mustCompileFolded(`(?:^|[^\p{L}])(?:för|for)\s+` + agoHedge + agoNumber + `\s*` + agoUnit + `\s+(?:` + agoAroundWords + `)(?:$|[^\p{L}])`)
	reAgoMinuteUnit = mustCompileFolded(`^(?:` + agoMinutes + `)$`)
	reAgoAfter      = mustCompileFolded(`(?:^|[^\p{L}])` + agoHedge + agoNumber + `\s*'?\s*` + agoUnit + `\s+(?:` + agoAfterWords + `)(?:$|[^\p{L}])`)
	// Hungarian says "ago" with the unit's own ending: "két órája", "10
	// perce", "negyedórája" (a quarter of an hour ago).
	reAgoFused = mustCompileFolded(`(?:^|[^\p{L}])` + agoHedge + agoNumber + `\s*(negyedórája|órája|perce)(?:$|[^\p{L}])`)
	// An estimate in Ukrainian and Russian puts the unit before its
	// number: "години три тому", "минут десять назад".
	reAgoUnitFirst = mustCompileFolded(`(^|[^\p{L}])` + agoUnit + `\s+` + strings.TrimSuffix(agoNumber, "?") + `(\s+(?:тому|назад))`)
)

var (
	// "klo 14.30 lähtien", "saat 14:30'dan beri": since, said after the
	// clock (the Nordic clock already read as "14:30").
	reSinceAfter = mustCompileFolded(`(?:^|[^\p{L}\d:.])(?:saat\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(?:'?(?:dan|den|tan|ten)\s+)?(?:` + sinceAfterWords + `)(?:$|[^\p{L}])`)
	// "verso le 21", "alle 9", "dalle 14": an Italian hour without minutes.
	reItalianHour = mustCompileFolded(`(?:^|[^\p{L}])(?:` + italianHourWords + `)\s+(\d{1,2})(?:$|[^\p{L}\d:.])`)
)

// sinceAfter and italianHour rewrite those to the English the extractors
// read: "since 14:30", "verso le 21:00".
func sinceAfter(s string) string {
	s = reSinceAfter.ReplaceAllStringFunc(s, func(m string) string {
		sm := reSinceAfter.FindStringSubmatchIndex(m)
		h, mi := m[sm[2]:sm[3]], "00"
		if sm[4] >= 0 {
			mi = m[sm[4]:sm[5]]
		}
		if n, _ := strconv.Atoi(h); n > 23 {
			return m
		}
		lead, trail := m[:sm[2]], ""
		if r, size := utf8.DecodeLastRuneInString(m); !unicode.IsLetter(r) {
			trail = m[len(m)-size:]
		}
		if i := strings.LastIndex(lead, "saat"); i >= 0 {
			lead = lead[:i]
		}
		return lead + " since " + h + ":" + mi + trail
	})
	return reItalianHour.ReplaceAllStringFunc(s, func(m string) string {
		sm := reItalianHour.FindStringSubmatchIndex(m)
		if n, _ := strconv.Atoi(m[sm[2]:sm[3]]); n > 23 {
			return m
		}
		return m[:sm[3]] + ":00" + m[sm[3]:]
	})
}

// foreignAgo rewrites an amount of time before or after the word for "ago"
// in the languages of agoNumbers to English ("2 hours ago"). Without a
// number it is one where nothing but the text's start, a mark or a hedge
// stands before the unit ("час назад", "tiếng trước, …") or the unit
// carries "one" itself (agoSingular: "godzinę temu", "před hodinou"); a
// word before it is an amount the tables lack ("hai mươi phút trước") or
// no amount ("az órája", his watch), and it is left as written. An
// amount before "trước" on a later moment ("30 phút trước giờ hẹn"),
// before "тому що" (because) or before a bare "lalu" inside a clause
// ("20 menit lalu aplikasi keluar", then) is no ago.
func foreignAgo(s string) string {
	s = reAgoUnitFirst.ReplaceAllString(s, "${1}${3} ${2}${4}")
	for _, re := range []*regexp.Regexp{reAgoBefore, reAgoAround, reAgoAfter, reAgoFused} {
		var b strings.Builder
		last := 0
		for _, ix := range re.FindAllStringSubmatchIndex(s, -1) {
			b.WriteString(s[last:ix[0]])
			b.WriteString(agoEnglish(re == reAgoAfter || re == reAgoFused, s[ix[0]:ix[1]], s[:ix[0]], s[ix[1]:], re.FindStringSubmatch(s[ix[0]:ix[1]])))
			last = ix[1]
		}
		s = b.String() + s[last:]
	}
	return s
}

// agoEnglish is foreignAgo's English for one match m (sm its groups) of
// reAgoAfter or reAgoFused (after: the word for "ago" follows the unit)
// or of reAgoBefore or reAgoAround; pre and post are the text around it.
func agoEnglish(after bool, m, pre, post string, sm []string) string {
	n, u := sm[1], sm[2]
	word := strings.TrimRightFunc(m, notLetter)
	next := strings.Fields(post)
	switch {
	case strings.HasSuffix(word, " khi"): // Vietnamese "trước khi": before doing something
		return m
	case strings.HasSuffix(word, fold("trước")):
		if !strings.ContainsFunc(m[len(word):], unicode.IsPunct) && len(next) > 0 && agoLaterMoment[strings.TrimRightFunc(next[0], notLetter)] {
			return m
		}
	case strings.HasSuffix(word, "тому"):
		if !strings.ContainsFunc(m[len(word):], unicode.IsPunct) && len(next) > 0 && strings.TrimRightFunc(next[0], notLetter) == "що" {
			return m
		}
	case strings.HasSuffix(word, " lalu") && !strings.HasSuffix(word, "yang lalu"):
		if r, _ := utf8.DecodeLastRuneInString(m); !unicode.IsPunct(r) && strings.TrimSpace(post) != "" && !strings.HasSuffix(strings.TrimRightFunc(pre+m[:leadLen(m)], unicode.IsSpace), "sejak") {
			return m
		}
	}
	num, and := strings.Join(strings.Fields(n), " "), 0 // "két és fél", "satu setengah": and a half
	for _, a := range []string{" es fel", " setengah", " de"} {
		if f, ok := strings.CutSuffix(num, a); ok && agoNumbers[num] == "" { // not "jumătate de"
			num = f
			if a != " de" {
				and = 30
			}
		}
	}
	if w, ok := agoNumbers[num]; ok {
		num = w
	}
	lead, trail := "", ""
	if r, _ := utf8.DecodeRuneInString(m); !unicode.IsLetter(r) && !unicode.IsDigit(r) { // a number opening the text is the amount
		lead = m[:utf8.RuneLen(r)]
	}
	if r, size := utf8.DecodeLastRuneInString(m); !unicode.IsLetter(r) {
		trail = m[len(m)-size:]
	}
	if num == "" {
		before := strings.TrimRightFunc(pre+lead, unicode.IsSpace)
		r, _ := utf8.DecodeLastRuneInString(before)
		if !agoSingular[u] && !strings.HasPrefix(u, "kw") && !strings.HasPrefix(u, "kv") && !strings.HasPrefix(u, "va") && !strings.HasPrefix(u, "negyed") &&
			(!after || before != "" && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			return m
		}
		num = "1"
	}
	minutes := reAgoMinuteUnit.MatchString(u) || u == "perce"
	switch {
	case strings.HasPrefix(u, "kw") || strings.HasPrefix(u, "kv") || strings.HasPrefix(u, "va") || strings.HasPrefix(u, "negyed"):
		return lead + "15 minutes ago" + trail
	case num == "few" && minutes:
		return lead + "a few minutes ago" + trail
	case num == "few":
		return lead + "a few hours ago" + trail
	case num == "half" && !minutes:
		return lead + "half an hour ago" + trail
	case num == "1.5" && !minutes:
		return lead + "90 minutes ago" + trail
	case !minutes && and > 0:
		h, _ := strconv.Atoi(num)
		return lead + strconv.Itoa(h*60+and) + " minutes ago" + trail
	case num == "half" || num == "1.5":
		return lead + "1 minutes ago" + trail
	case minutes:
		return lead + num + " minutes ago" + trail
	}
	return lead + num + " hours ago" + trail
}

// agoSingular are the units that say "one" themselves (folded): a Slavic
// or Finnish singular, "godzinę temu", "před hodinou", "час назад",
// "годину тому", "tunti sitten".
var agoSingular = map[string]bool{"час": true, "минуту": true, "годину": true, "хвилину": true, "godzine": true, "minute": true,
	"hodinou": true, "minutou": true, "tunti": true, "minuutti": true}

// agoLaterMoment are the words after "trước" that make it "before" a
// moment, not "ago": "trước đó" (before that), "trước giờ hẹn" (before the
// appointment), "trước lúc", "trước hạn", "trước ngày".
var agoLaterMoment = map[string]bool{fold("đó"): true, fold("giờ"): true, fold("lúc"): true, fold("hạn"): true, fold("ngày"): true}

// spokenHours are the hours people say in words, by language: English
// ones read "half past"/"quarter past"; German, Dutch and Swedish ones also
// read "halb zehn" / "half tien" / "halv tio" as half an hour before.
var (
	englishHours = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
		"nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
	continentalHours = map[string]int{"eins": 1, "ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
		"neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "een": 1, "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7,
		"negen": 9, "tien": 10, "twaalf": 12, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
		"nio": 9, "tio": 10, "elva": 11, "tolv": 12}
	reSpokenClock = mustCompileFolded(`(?:^|[^\p{L}])(quarter past|quarter to|half past|(?:five|ten|twenty|twenty-five|twenty five) (?:past|to)|viertel nach|viertel vor|kwart over|kwart voor|kvart över|kvart i|halb|half|halv)\s+(\p{L}+|\d{1,2})(?:$|[^\p{L}\d])`)
	// A range's end said as a bare hour word after a clock ("between half
	// nine and ten", "from 9:30 until eleven") is that hour.
	reSpokenRangeEnd = mustCompileFolded(`(?:\d:\d{2}|(?:half|quarter) (?:past |to )?\p{L}+)\s+(?:and|to|until|till)\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:$|[^\p{L}\d-])`)
	// spokenMinutes are the minutes English says before "past" or "to".
	spokenMinutes = map[string]int{"five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "twenty five": 25}
)

// spokenClock rewrites "quarter past nine", "twenty to nine", "halb zehn",
// "kvart över nio" to "9:15", "8:40", "9:30", "9:15".
func spokenClock(s string) string {
	s = reSpokenRangeEnd.ReplaceAllStringFunc(s, func(m string) string {
		sm := reSpokenRangeEnd.FindStringSubmatchIndex(m)
		return m[:sm[2]] + strconv.Itoa(englishHours[m[sm[2]:sm[3]]]) + ":00" + m[sm[3]:]
	})
	return reSpokenClock.ReplaceAllStringFunc(s, func(m string) string {
		sm := reSpokenClock.FindStringSubmatchIndex(m)
		how, word := m[sm[2]:sm[3]], m[sm[4]:sm[5]]
		english := strings.HasSuffix(how, "past") || strings.HasSuffix(how, " to")
		h, ok := 0, false
		if n, err := strconv.Atoi(word); err == nil && n >= 1 && n <= 12 {
			h, ok = n, true
		} else if english || how == "half" && englishHours[word] > 0 {
			h, ok = englishHours[word]
		} else {
			h, ok = continentalHours[word]
		}
		if !ok {
			return m
		}
		mi := 0
		switch how {
		case "quarter past", "viertel nach", "kwart over", "kvart over": // Swedish "kvart över", folded
			mi = 15
		case "half past":
			mi = 30
		case "quarter to", "viertel vor", "kwart voor", "kvart i":
			h, mi = h-1, 45
		case "half", "halb", "halv": // halb zehn, half tien, halv tio: half an hour before ten
			h, mi = h-1, 30
			if _, en := englishHours[word]; en { // British "half nine": half past
				h, mi = h+1, 30
			}
		default: // "ten past eight", "twenty to nine"
			if n, ok := strings.CutSuffix(how, " past"); ok {
				mi = spokenMinutes[n]
			} else {
				h, mi = h-1, 60-spokenMinutes[strings.TrimSuffix(how, " to")]
			}
		}
		if h == 0 {
			h = 12
		}
		return m[:sm[2]] + fmt.Sprintf("%d:%02d", h, mi) + m[sm[5]:]
	})
}

// agoAfterWords are the words for "ago" after an amount (reAgoAfter);
// "trước khi" (before doing something) is matched only for foreignAgo to
// leave it as written. agoNumberAfter are the words after a number
// before its unit: Hungarian and Indonesian "and a half" ("két és fél",
// "satu setengah"), the Romanian "de" from twenty on ("acum 20 de minute").
const (
	agoAfterWords  = `fa|geleden|temu|sitten|önce|назад|тому|yang lalu|lalu|trước khi|trước`
	agoNumberAfter = `és\s+fél|setengah|de`
)

// foreignLastWords and foreignLastSince are the words for "last" and
// "since" that open reForeignLast, foreignForUnits and foreignForFinnish
// the Turkish units and the Finnish "ajan" that close reForeignFor.
const (
	foreignLastWords = `senaste|sidste|siste|последние|последний|последнюю|последних|ostatnich|ostatnie|ostatnią|ostatniej|viimeisen|viimeiset|son|` +
		`últimos|últimas|última|último|ultimi|ultime|ultima|ultimo|dernières|derniers|dernière|letzten|letzte|afgelopen|posledních|poslední|posledni`
	foreignLastSince  = `desde hace|há|da|od|от|depuis|seit|sinds|sedan|siden|už|już|jo`
	foreignForUnits   = `saattir|dakikadır|dakikadir`
	foreignForFinnish = `ajan`
)

// The words that open reNordicClock, reAgoBefore and reItalianHour and
// close reAgoAround and reSinceAfter, each a word of its own there.
const (
	nordicClockWords = `kl\.?|klo\.?|kello`
	agoBeforeWords   = `vor|il y a|hace|há|před|pred|acum`
	agoAroundWords   = `sedan|siden`
	sinceAfterWords  = `lähtien|alkaen|beri|itibaren`
	italianHourWords = `verso le|intorno alle|alle|dalle|fino alle|tra le`
)

// Indexes of the words the scans of englishTime's check need (see
// nameIndex): reForeignTime's a time word as a word of its own,
// reForeignWeekday's a weekday starting a word, reAgoAfter's a word for
// "ago" (after a space), reForeignLast's a word for "last" or "since"
// (before a space), reForeignFor's Turkish unit or Finnish "ajan" (after
// a space), and the words of the constants below, each as a word of its
// own. A text holding none needs no scan of theirs.
var (
	foreignTimeIndex    = captureIndex(reForeignTime, 1, true, true)
	foreignWeekdayIndex = captureIndex(reForeignWeekday, 1, true, false)
	agoAfterIndex       = wordsIndex(agoAfterWords)
	foreignLastIndex    = wordsIndex(foreignLastWords + "|" + foreignLastSince)
	foreignForIndex     = wordsIndex(foreignForUnits + "|" + foreignForFinnish)
	nordicClockIndex    = wordsIndex(nordicClockWords)
	agoBeforeIndex      = wordsIndex(agoBeforeWords)
	agoAroundIndex      = wordsIndex(agoAroundWords)
	agoFusedIndex       = captureIndex(reAgoFused, 2, false, true)
	sinceAfterIndex     = wordsIndex(sinceAfterWords)
	italianHourIndex    = wordsIndex(italianHourWords)
)

// wordsIndex is a nameIndex of the strings an alternation matches (folded,
// as the expressions are), each a word of its own in the text.
func wordsIndex(alt string) *nameIndex {
	return captureIndex(mustCompileFolded(`(`+alt+`)`), 1, true, true)
}

// captureIndex is a nameIndex of the strings group cap of re matches
// (captureStrings); one that finds a name in every text when they cannot
// be listed.
func captureIndex(re *regexp.Regexp, cap int, left, right bool) *nameIndex {
	names, ok := captureStrings(re, cap)
	if !ok {
		names = []string{""}
	}
	return newNameIndex(names, left, right, nil)
}

// mayMatch reports whether re matches s, asking x first: re's matches
// hold a name x finds.
func mayMatch(x *nameIndex, re *regexp.Regexp, s string) bool {
	return x.has(s) && re.MatchString(s)
}

// englishTime rewrites other languages' time words in s (lower case) to
// English, so "heute Nacht ab ca. 23 Uhr MEZ" reads as "last night since
// about 23:00 cet". created is the ticket's creation in the reading zone.
func englishTime(s string, created time.Time) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r > 0x7f }) && !mayMatch(foreignTimeIndex, reForeignTime, s) && !reForeignClock.MatchString(s) && !reForeignAgo.MatchString(s) && !mayMatch(foreignWeekdayIndex, reForeignWeekday, s) && !reForeignSince.MatchString(s) &&
		!mayMatch(foreignLastIndex, reForeignLast, s) && !mayMatch(foreignForIndex, reForeignFor, s) && !mayMatch(nordicClockIndex, reNordicClock, s) && !reFrenchHour.MatchString(s) &&
		!mayMatch(agoBeforeIndex, reAgoBefore, s) && !mayMatch(agoAroundIndex, reAgoAround, s) && !mayMatch(agoAfterIndex, reAgoAfter, s) && !mayMatch(agoFusedIndex, reAgoFused, s) &&
		!mayMatch(sinceAfterIndex, reSinceAfter, s) && !mayMatch(italianHourIndex, reItalianHour, s) {
		return s
	}
	s = reNordicClock.ReplaceAllStringFunc(s, func(m string) string {
		sm := reNordicClock.FindStringSubmatchIndex(m)
		mi := "00"
		if sm[4] >= 0 {
			mi = m[sm[4]:sm[5]]
		}
		return m[:leadLen(m)] + m[sm[2]:sm[3]] + ":" + mi + m[max(sm[3], sm[5]):]
	})
	s = reFrenchHour.ReplaceAllStringFunc(s, func(m string) string {
		sm := reFrenchHour.FindStringSubmatchIndex(m)
		if h, _ := strconv.Atoi(m[sm[4]:sm[5]]); h > 23 {
			return m
		}
		return m[:sm[5]] + ":00" + m[sm[5]+1:]
	})
	s = foreignAgo(sinceAfter(s))
	s = reForeignLast.ReplaceAllStringFunc(s, func(m string) string {
		sm := reForeignLast.FindStringSubmatchIndex(m)
		n, u := "", m[sm[4]:sm[5]]
		if sm[2] >= 0 {
			n = m[sm[2]:sm[3]]
		}
		return m[:leadLen(m)] + " for the last " + foreignDuration(n, u) + " " + m[sm[5]:]
	})
	s = reForeignFor.ReplaceAllStringFunc(s, func(m string) string {
		sm := reForeignFor.FindStringSubmatch(m)
		d := ""
		switch {
		case sm[3] == "vartin":
			d = "15 minutes"
		case sm[3] == "puolen tunnin":
			d = "30 minutes"
		case sm[3] == "tunnin":
			d = "1 hour"
		case sm[3] != "":
			d = strings.TrimSuffix(sm[3], " minuutin") + " minutes"
		default:
			d = foreignDuration(sm[1], sm[2])
		}
		return m[:leadLen(m)] + " for the last " + d + " "
	})
	s = reForeignSince.ReplaceAllStringFunc(s, func(m string) string {
		sm := reForeignSince.FindStringSubmatchIndex(m)
		clock := m[sm[2]:sm[3]]
		if !strings.ContainsAny(clock, ":.apm") { // "od 5" is no clock
			return m
		}
		lead := ""
		if r, _ := utf8.DecodeRuneInString(m); !unicode.IsLetter(r) {
			lead = m[:utf8.RuneLen(r)]
		}
		return lead + "since about " + strings.Replace(clock, ".", ":", 1)
	})
	s = reForeignAgo.ReplaceAllStringFunc(s, func(m string) string {
		sm := reForeignAgo.FindStringSubmatch(m)
		n, u := sm[1], sm[2]
		switch n {
		case "einer", "einem", "une", "un", "una":
			n = "1"
		case "media", "halben", "une demi-":
			n = "half an"
		}
		unit := "minutes"
		if !strings.HasPrefix(u, "min") {
			unit = "hours"
			if n == "half an" || u == "demi-heure" {
				n, unit = "half an", "hour"
			}
		}
		return n + " " + unit + " ago"
	})
	s = reForeignWeekday.ReplaceAllStringFunc(s, func(m string) string {
		sm := reForeignWeekday.FindStringSubmatchIndex(m)
		en := " on " + foreignWeekdays[m[sm[2]:sm[3]]]
		if sm[4] >= 0 {
			en += " " + foreignDayParts[m[sm[4]:sm[5]]]
		}
		return en + " "
	})
	s = reForeignClock.ReplaceAllStringFunc(s, func(m string) string {
		sm := reForeignClock.FindStringSubmatch(m)
		mi := sm[2] + sm[3]
		if mi == "" {
			mi = "00"
		}
		return sm[1] + ":" + mi
	})
	// Replace word by word; matches share their boundary character, so
	// loop until no foreign word is left (at most a few rounds).
	for round := 0; round < 4; round++ {
		loc := reForeignTime.FindAllStringSubmatchIndex(s, -1)
		if loc == nil {
			break
		}
		var b strings.Builder
		last := 0
		for _, ix := range loc {
			w := s[ix[2]:ix[3]]
			en := foreignTime[w]
			if nightWords[w] {
				en = "last night"
				if created.Hour() >= 12 {
					en = "tonight"
				}
			}
			b.WriteString(s[last:ix[2]])
			b.WriteString(en)
			last = ix[3]
		}
		b.WriteString(s[last:])
		s = b.String()
	}
	return s
}

// leadLen is the length of the non-letter a match opened with, kept when
// the match is rewritten.
func leadLen(m string) int {
	if r, n := utf8.DecodeRuneInString(m); n > 0 && !unicode.IsLetter(r) {
		return n
	}
	return 0
}

// foreignDuration is "20 minutes", "30 minutes" or "1 hour" from a number
// (or a word for half, or none: one) and a unit word of reForeignLast.
func foreignDuration(n, unit string) string {
	minutes := strings.HasPrefix(unit, "min") || strings.HasPrefix(unit, "мин") || strings.HasPrefix(unit, "dak")
	if unit == "kwartier" {
		return "15 minutes"
	}
	if _, err := strconv.Atoi(n); err == nil {
		if minutes {
			return n + " minutes"
		}
		return n + " hours"
	}
	if n != "" && n != "bir" { // a word for half
		if minutes {
			return "1 minutes"
		}
		return "30 minutes"
	}
	if minutes {
		return "1 minutes"
	}
	return "1 hour"
}

var zones = map[string]int{ // offsets in hours
	"utc": 0, "gmt": 0, "z": 0, "cet": 1, "cest": 2, "bst": 1, "est": -5, "edt": -4,
	"cst": -6, "cdt": -5, "pst": -8, "pdt": -7,
}

func parseAmount(s string) float64 {
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return v
	}
	return numberWords[strings.TrimSpace(s)]
}

func parseUnit(s string) time.Duration {
	switch {
	case strings.HasPrefix(s, "s"):
		return time.Second
	case s == "m" || strings.HasPrefix(s, "min"):
		return time.Minute
	case strings.HasPrefix(s, "h"):
		return time.Hour
	case strings.HasPrefix(s, "d"):
		return 24 * time.Hour
	}
	return 0
}

// ExtractTime reads when the problem happened from ticket text, anchored to
// created (the ticket's creation) and read in loc unless the text names a
// zone. Explicit timestamps win over ranges, over clock times, over relative
// phrases, over parts of the day. Without any, the window is
// [created − buffer, created].
func ExtractTime(text string, created time.Time, loc *time.Location, buffer time.Duration) TimeRef {
	ref, _ := extractTime(text, created, loc, buffer)
	return ref
}

// extractTime is ExtractTime, also returning the words that name the
// writer's zone when the text names one ("" when it was read in loc).
func extractTime(text string, created time.Time, loc *time.Location, buffer time.Duration) (TimeRef, string) {
	if loc == nil {
		loc = time.UTC
	}
	if buffer <= 0 {
		buffer = 2 * time.Hour
	}
	// Times are stated early; the tail of a long ticket is often a quoted
	// thread whose times are about something else. It also bounds the cost.
	orig := clip(text, maxTimeText)
	s := cjkTime(strings.ToLower(orig))
	var named string
	if l, phrase, ok := writerZone(s, orig); ok {
		loc, named = l, phrase
	}
	// Read the rest folded (see fold): "heute fruh", "ayer por la manana",
	// "dun aksam", "vcera vecer" typed without diacritics are the same
	// times; the expressions below are folded alike.
	s = bareHourClock(englishTime(wordClock(spokenClock(fold(s))), created.In(loc))) // barehour.go
	// A quoted message's words are the product's (quotedclock.go): its
	// "still" or "continue" makes no clock of the writer's an onset.
	bare, quoted := withoutQuotedMessages(s)
	onsetWords := containsAny(bare, onsetCues)
	// read returns the first reader's window and which reader it was.
	read := func(s string, onset bool) (TimeRef, int, bool) {
		for i, f := range [...]func(string, time.Time, *time.Location, bool) (TimeRef, bool){
			readISO: extractISO, readStretch: func(s string, c time.Time, l *time.Location, _ bool) (TimeRef, bool) {
				return extractRange(s, c, l, named == "")
			}, readSince: extractSince, readRelative: extractRelative,
			readClock: func(s string, c time.Time, l *time.Location, o bool) (TimeRef, bool) {
				return extractClock(s, c, l, o, named == "")
			}, readDayPart: extractDayPart,
		} {
			if ref, ok := f(s, created, loc, onset); ok {
				ref.Found = true
				ref.Phrase = strings.TrimSpace(ref.Phrase)
				ref.Window = clampWindow(ref.Window, created)
				return ref, i, true
			}
		}
		return TimeRef{}, 0, false
	}
	ref, _, ok := read(s, onsetWords)
	// A quoted message's time words are the product's (quotedclock.go):
	// the writer's own words, read without them, win when they name the
	// failure's time (quotedYields).
	if quoted && ok {
		if own, by, ownOK := read(bare, onsetWords); ownOK && own.Phrase != ref.Phrase && quotedYields(s, bare, own, by, created) {
			own.QuotedAside = ref.Phrase
			ref = own
		}
	}
	if ok {
		if named == "" {
			named = phraseZone(ref.Phrase)
		}
		return ref, named
	}
	return TimeRef{Window: Window{From: created.Add(-buffer), To: created}}, named
}

// rePhraseZone is a zone abbreviation a clock carries ("16:30 utc").
var rePhraseZone = regexp.MustCompile(`[\d\s](utc|gmt|cet|cest|est|edt|cst|cdt|pst|pdt|bst)\b`)

// phraseZone returns the zone the phrase that set a window names itself
// (an ISO offset, "16:30 utc"), "" when none: such a phrase is read in it
// (location), not in the zone the reader was given.
func phraseZone(phrase string) string {
	if m := reISO.FindStringSubmatch(phrase); m != nil && m[7] != "" {
		return m[7]
	}
	if m := rePhraseZone.FindStringSubmatch(phrase); m != nil {
		return m[1]
	}
	return ""
}

// clampWindow keeps a window before the ticket's creation and at least
// minWindow long.
func clampWindow(w Window, created time.Time) Window {
	if w.To.After(created) || w.To.IsZero() {
		w.To = created
	}
	if w.From.After(w.To) {
		w.From = w.To
	}
	if w.Duration() < minWindow {
		w.From = w.To.Add(-minWindow)
	}
	return w
}

func location(z string, loc *time.Location) *time.Location {
	if h, ok := zones[z]; ok {
		if h == 0 {
			return time.UTC
		}
		return time.FixedZone(strings.ToUpper(z), h*3600)
	}
	return loc
}

func extractISO(s string, created time.Time, loc *time.Location, onset bool) (TimeRef, bool) {
	m := reISO.FindStringSubmatch(s)
	if m == nil {
		return TimeRef{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	h, _ := strconv.Atoi(m[4])
	mi, _ := strconv.Atoi(m[5])
	sec, _ := strconv.Atoi(m[6])
	l := loc
	if z := m[7]; z != "" {
		if z[0] == '+' || z[0] == '-' {
			zz := strings.ReplaceAll(z[1:], ":", "")
			oh, _ := strconv.Atoi(zz[:2])
			om, _ := strconv.Atoi(zz[2:])
			off := oh*3600 + om*60
			if z[0] == '-' {
				off = -off
			}
			l = time.FixedZone("", off)
		} else {
			l = location(z, loc)
		}
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 {
		return TimeRef{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, l)
	return pointRef(t, created, onset, m[0]), true
}

// pointRef makes the window around one reported moment: from a little
// before it (logs lead reports) to half an hour after, or to the ticket's
// creation when the text says the problem started then and goes on.
func pointRef(t, created time.Time, onset bool, phrase string) TimeRef {
	w := Window{From: t.Add(-10 * time.Minute), To: t.Add(30 * time.Minute)}
	if onset || w.To.After(created) {
		w.To = created
	}
	return TimeRef{Window: w, Phrase: strings.TrimSpace(phrase), Onset: onset}
}

// clockTime resolves "14:05" / "2pm" to the latest such moment at or
// before created (plus a few minutes of clock skew) in the given zone.
// Without am/pm, a 12-hour reading is tried too ("at 2:30" in the
// afternoon means 14:30).
func clockTime(hs, ms, ampm, z string, created time.Time, loc *time.Location) (time.Time, bool) {
	h, err := strconv.Atoi(hs)
	if err != nil || h > 23 {
		return time.Time{}, false
	}
	mi := 0
	if ms != "" {
		mi, _ = strconv.Atoi(ms)
		if mi > 59 {
			return time.Time{}, false
		}
	}
	hours := clockHours(h, ampm)
	if hours == nil {
		return time.Time{}, false
	}
	l := location(z, loc)
	c := created.In(l)
	limit := created.Add(5 * time.Minute)
	var best time.Time
	for _, hh := range hours {
		for back := 0; back <= 1; back++ {
			t := time.Date(c.Year(), c.Month(), c.Day()-back, hh, mi, 0, 0, l)
			if !t.After(limit) {
				if t.After(best) {
					best = t
				}
				break
			}
		}
	}
	return best, !best.IsZero()
}

// clockHours are the hours of the day a clock hour h with its half (am,
// pm or none) may mean: without a half, 1 to 11 is either; nil when the
// half does not fit the hour.
func clockHours(h int, ampm string) []int {
	switch {
	case strings.HasPrefix(ampm, "p"):
		if h > 12 || h == 0 {
			return nil
		}
		return []int{h%12 + 12}
	case strings.HasPrefix(ampm, "a"):
		if h > 12 || h == 0 {
			return nil
		}
		return []int{h % 12}
	case h >= 1 && h <= 11:
		return []int{h, h + 12}
	}
	return []int{h}
}

// maxZoneAhead is how far ahead of the ticket a clock time may be read as
// the writer's own zone: Europe is one to three hours ahead of UTC.
const maxZoneAhead = 3 * time.Hour

// maxZoneAheadToday is how far ahead it may be when the text says the
// clock is today's: any zone east of the reading one.
const maxZoneAheadToday = 14 * time.Hour

// zoneAhead reads the onset of a problem that is still going on ("since
// 15:20", written at 14:35, no zone named): it cannot be yesterday's 15:20
// — a day-long problem would say so — so it is the writer's clock in a
// zone ahead of the reading one, and the smallest whole-hour shift puts it
// in the past, plus one (an onset's window may start early). t is the
// reading clockTime gave of hs:ms with half and zone z; it is kept unless
// the shift to today is at most most.
// Round eighty-six: the clock's other half too. Without a half, clockTime
// took the latest past reading, the evening before (21:05 for "since 9:05"
// written at 08:42) or the small hours (04:30 for "since half four" at
// 15:45): a problem going on for nine hours or more would say so. Each
// half the hour may mean (clockHours) is tried for today. Only where the
// ticket is read in UTC, where it is read when nothing tells the writer's
// zone: a requester's profile or a thread's header is the writer's zone,
// and an onset read in it is what the words say. A reading of today
// already is kept when it is less than six hours old, and otherwise moved
// by no more than maxZoneAhead.
func zoneAhead(t, created time.Time, hs, ms, half, z string, loc *time.Location, most time.Duration) time.Time {
	if z != "" {
		return t
	}
	if created.Sub(t) >= 24*time.Hour-most {
		today := t.AddDate(0, 0, 1)
		if over := today.Sub(created); over > 0 && over <= most {
			return onsetShift(today, over)
		}
	}
	h, err := strconv.Atoi(hs)
	if err != nil || loc.String() != "UTC" {
		return t
	}
	mi, _ := strconv.Atoi(ms)
	if c := created.In(loc); t.In(loc).YearDay() == c.YearDay() && t.In(loc).Year() == c.Year() {
		if created.Sub(t) < 6*time.Hour {
			return t
		}
		most = min(most, maxZoneAhead)
	}
	if today, over, ok := todayAhead(created, h, mi, half, loc, 0, most); ok {
		return onsetShift(today, over)
	}
	return t
}

// onsetShift moves an onset read over ahead of the ticket into the past
// by the smallest whole hour, plus one.
func onsetShift(today time.Time, over time.Duration) time.Time {
	return today.Add(-(over.Truncate(time.Hour) + time.Hour))
}

// todayAhead is today's reading in l of the clock h:mi with half, the
// first more than least and at most most ahead of created, and how far.
func todayAhead(created time.Time, h, mi int, half string, l *time.Location, least, most time.Duration) (time.Time, time.Duration, bool) {
	c := created.In(l)
	for _, hh := range clockHours(h, half) {
		today := time.Date(c.Year(), c.Month(), c.Day(), hh, mi, 0, 0, l)
		if over := today.Sub(created); over > least && over <= most {
			return today, over, true
		}
	}
	return time.Time{}, 0, false
}

// clockAhead reads a moment the ticket names ("at 10:02", "8:40", no zone
// named) that would be later today than the ticket: clockTime put it on
// the day before, but a writer naming a clock time that has not yet come
// in the reading zone is mostly in a zone ahead of it (Europe at +1 to +3
// read in UTC, or a traveller whose profile zone is behind the place
// written from), so the smallest whole-hour shift that puts today's
// reading in the past is taken. zoneAhead, for an onset ("since 16:00"),
// goes one hour further when the excess is a whole hour: a window that
// starts early still holds the onset, while a moment is read where it
// most likely was.
// t is the reading clockTime gave of hs:ms with half ampm and zone z; it
// is kept when it is today's already, when a zone is named, or when no
// reading of today is at most most ahead of the ticket.
func clockAhead(t, created time.Time, hs, ms, ampm, z string, loc *time.Location, most time.Duration) time.Time {
	h, err := strconv.Atoi(hs)
	mi, _ := strconv.Atoi(ms)
	l := location(z, loc)
	c := created.In(l)
	if z != "" || err != nil || t.In(l).YearDay() == c.YearDay() {
		return t
	}
	if today, over, ok := todayAhead(created, h, mi, ampm, l, 5*time.Minute, most); ok {
		shift := over.Truncate(time.Hour)
		if shift < over {
			shift += time.Hour
		}
		return today.Add(-shift)
	}
	return t
}

// submatches turns FindStringSubmatchIndex output into strings ("" for a
// group that did not take part).
func submatches(s string, ix []int) []string {
	out := make([]string, len(ix)/2)
	for i := range out {
		if ix[2*i] >= 0 {
			out[i] = s[ix[2*i]:ix[2*i+1]]
		}
	}
	return out
}

// dayBefore moves a clock time to the day before the ticket when
// "yesterday" or "last night" stands next to it ("yesterday at 3pm", "at
// 23:10 last night") and it is not already on an earlier day.
func dayBefore(s string, ix []int, t, created time.Time) time.Time {
	lo, hi := max(0, ix[0]-24), min(len(s), ix[1]+24)
	near := s[lo:hi]
	// A weekday named beside the clock time puts it on that day's most
	// recent date (t is already the most recent such time of day).
	if m := reWeekdayWord.FindStringSubmatch(near); m != nil {
		tl := t.In(t.Location())
		back := (int(tl.Weekday()) - int(weekdays[m[1]]) + 7) % 7
		return t.AddDate(0, 0, -back)
	}
	if !strings.Contains(near, "yesterday") && !strings.Contains(near, "last night") {
		return t
	}
	// Last night's small hours are on the day the ticket is written: "last
	// night around 1am", written the morning after, is this day's 1am (t,
	// the most recent such time), and so are yesterday night's ("yesterday
	// night around 2am", "Ontem à noite, por volta das 2h da manhã").
	// "yesterday" alone beside it still moves it, and so does a "last
	// night" it is not ("around 2am, not last night but the night before").
	if (!strings.Contains(near, "yesterday") || reYesterdayNight.MatchString(near)) && !reNotLastNight.MatchString(near) && t.Hour() < 6 {
		return t
	}
	if created.Sub(t) < 24*time.Hour && t.YearDay() == created.In(t.Location()).YearDay() {
		return t.AddDate(0, 0, -1)
	}
	return t
}

// reYesterdayNight is "yesterday" said with a night word, as the word
// tables give it: "yesterday night", "ontem à noite" and "ayer por la
// noche" ("yesterday evening").
var reYesterdayNight = regexp.MustCompile(`yesterday,?\s+(?:late\s+)?(?:at\s+)?(?:night|evening)`)

// reNotLastNight is a negated "last night".
var reNotLastNight = regexp.MustCompile(`(?:^|[^\p{L}])(?:not|nicht|no|não|pas)\s+last night`)

// reDayHalf is a part of the day that tells a bare clock's half: "yesterday
// evening, from 7:45 until 8:40" is in the evening, "6 de la mañana" in the
// morning.
var reDayHalf = mustCompileFolded(`(?:^|[^\p{L}])(morning|afternoon|evening|night|tonight|` +
	`de la (?:mañana|tarde|noche)|da (?:manhã|tarde|noite)|du (?:matin|soir)|di (?:mattina|sera|notte)|morgens|vormittags|nachmittags|abends|nachts|` +
	`'s (?:ochtends|middags|avonds|nachts)|på (?:morgonen|eftermiddagen|kvällen|natten)|rano|wieczorem|po południu|w nocy|` +
	alternatives(dayHalfWords) + `)(?:$|[^\p{L}])`)

// dayHalf returns the half of the day ("am" or "pm") of a clock without
// one at s[ix[0]:ix[1]] reading hour h, from the part of the day named
// near it; "" when none is, or the clock has its half or is a 24-hour one.
// A night is the evening's before six and the small hours' after.
func dayHalf(s string, ix []int, h, ampm string) string {
	n, err := strconv.Atoi(h)
	if ampm != "" || err != nil || n < 1 || n > 11 {
		return ampm
	}
	from := max(0, ix[0]-60)
	near := s[from:min(len(s), ix[1]+30)]
	// The part of the day nearest the clock is its own: a greeting's "good
	// morning" before "last night, between half nine and ten" is not.
	w, best := "", len(near)
	for _, m := range reDayHalf.FindAllStringSubmatchIndex(near, -1) {
		if notThePartOfTheDay(near, m[2], m[3]) {
			continue
		}
		d := ix[0] - from - m[3]
		if m[2] > ix[0]-from {
			d = m[2] - (ix[1] - from)
		}
		if d < best {
			w, best = near[m[2]:m[3]], d
		}
	}
	if w == "" {
		return ""
	}
	half, ok := dayHalfWords[w]
	if !ok {
		w = fold(w)
		switch {
		case strings.Contains(w, "mor") || strings.Contains(w, "manana") || strings.Contains(w, "manha") || strings.Contains(w, "mat") ||
			w == "vormittags" || w == "rano" || w == "'s ochtends":
			half = "am"
		case strings.Contains(w, "night") || strings.Contains(w, "noche") || strings.Contains(w, "noite") || strings.Contains(w, "notte") ||
			strings.Contains(w, "nacht") || strings.Contains(w, "natten") || w == "w nocy":
			half = "night"
		default:
			half = "pm"
		}
	}
	if half == "night" {
		if n < 6 {
			return "am"
		}
		return "pm"
	}
	return half
}

var (
	// reNotTheEvening is what after Vietnamese "tối" makes it no evening:
	// "tối đa" (at most), "tối thiểu" (at least), "tối ưu" (best).
	reNotTheEvening = mustCompileFolded(`^\s*(?:đa|thiểu|ưu)(?:$|[^\p{L}])`)
	// reNotTheAfternoon is what before Russian "дня" makes it "of the day"
	// and no afternoon: a number that is no clock ("3 дня", three days; not
	// "в 3:30 дня"), "до конца дня" (until the end of the day), "начала",
	// "в течение дня", "середины".
	reNotTheAfternoon = mustCompileFolded(`(?:(?:^|[^\d:])\d{1,3}|конца|начала|течение|середины)\s*$`)
)

// notThePartOfTheDay is whether the part of the day near[i:j] is one in
// another sense (round fifty-four's review).
func notThePartOfTheDay(near string, i, j int) bool {
	switch near[i:j] {
	case "tối":
		return reNotTheEvening.MatchString(near[j:])
	case "дня":
		return reNotTheAfternoon.MatchString(near[:i])
	}
	return false
}

func extractRange(s string, created time.Time, loc *time.Location, zoneless bool) (TimeRef, bool) {
	m := reRange.FindStringSubmatch(s)
	if m == nil || (m[2] == "" && m[3] == "" && m[6] == "" && m[7] == "") {
		m = reDashRange.FindStringSubmatch(s)
		if m == nil || m[2] == "" && m[3] == "" || m[6] == "" && m[7] == "" {
			return TimeRef{}, false
		}
	}
	// "between 2 and 3pm": the first end borrows the second's am/pm and zone.
	amA, amB := m[3], m[7]
	if amA == "" {
		amA = amB
	}
	zA, zB := m[4], m[8]
	if zA == "" {
		zA = zB
	}
	if amA == "" { // neither end has its half: a part of the day near them may
		at := strings.Index(s, m[0])
		amA = dayHalf(s, []int{at, at + len(m[0])}, m[1], "")
		amB = dayHalf(s, []int{at, at + len(m[0])}, m[5], "")
	}
	a, ok1 := clockTime(m[1], m[2], amA, zA, created, loc)
	b, ok2 := clockTime(m[5], m[6], amB, zB, created, loc)
	if !ok1 || !ok2 {
		return TimeRef{}, false
	}
	if b.Before(a) {
		a = stretchStart(a, b, m[1], amA) // barehour.go
	}
	// the day named beside the stretch (rangeday.go)
	a, b, moved := rangeDay(s, m[0], a, b, created)
	// a stretch still to come today is the writer's zone ahead (stretchahead.go)
	var ahead time.Duration
	if zoneless && zA == "" && zB == "" {
		a, b, ahead = stretchAhead(s, m[0], a, b, created)
	}
	return TimeRef{Window: Window{From: a, To: b}, Phrase: m[0], DayMoved: moved, Ahead: ahead}, true
}

func extractSince(s string, created time.Time, loc *time.Location, _ bool) (TimeRef, bool) {
	for _, ix := range reSince.FindAllStringSubmatchIndex(s, -1) {
		m := submatches(s, ix)
		if m[3] == "" && m[4] == "" { // "since 3" is not a clock time
			continue
		}
		t, ok := clockTime(m[2], m[3], dayHalf(s, ix, m[2], m[4]), m[5], created, loc)
		if !ok {
			continue
		}
		if near := s[max(0, ix[0]-24):min(len(s), ix[1]+24)]; !strings.Contains(near, "yesterday") && !strings.Contains(near, "last night") {
			ahead := maxZoneAhead
			if strings.Contains(near, "today") {
				// "today since 21:30" written at 12:50 is the writer's
				// today in a zone far ahead (Japan at +9), not yesterday.
				ahead = maxZoneAheadToday
			}
			t = zoneAhead(t, created, m[2], m[3], dayHalf(s, ix, m[2], m[4]), m[5], loc, ahead)
		}
		t = dayBefore(s, ix, t, created)
		return TimeRef{Window: Window{From: t.Add(-5 * time.Minute), To: created}, Phrase: m[0], Onset: true}, true
	}
	if m := reNoon.FindStringSubmatch(s); m != nil && m[1] == "since" || m != nil && m[1] == "after" {
		h := "12"
		if m[2] == "midnight" {
			h = "0"
		}
		if t, ok := clockTime(h, "00", "", "", created, loc); ok {
			return TimeRef{Window: Window{From: t, To: created}, Phrase: m[0], Onset: true}, true
		}
	}
	return TimeRef{}, false
}

// extractClock reads a moment ("at 10:02"); ahead says the text names no
// zone of the writer's, so a clock still to come today may be read in a
// zone ahead (clockAhead).
func extractClock(s string, created time.Time, loc *time.Location, onset, ahead bool) (TimeRef, bool) {
	for _, ix := range reAt.FindAllStringSubmatchIndex(s, -1) {
		m := submatches(s, ix)
		if m[3] == "" && m[4] == "" { // "at 3" alone is not a clock time; "14:05" and "2pm" are
			continue
		}
		t, ok := clockTime(m[2], m[3], dayHalf(s, ix, m[2], m[4]), m[5], created, loc)
		if !ok {
			continue
		}
		// A day named anywhere (yesterday's morning, a weekday, a date;
		// tomorrow in the clock's own clause) keeps the day clockTime and
		// dayBefore find (otherDayNamed, stretchahead.go).
		if ahead && !otherDayNamed(s, m[0], created.In(loc)) {
			t = clockAhead(t, created, m[2], m[3], dayHalf(s, ix, m[2], m[4]), m[5], loc, maxZoneAhead)
		}
		t = dayBefore(s, ix, t, created)
		// A moment on a day before the ticket's is no onset of what goes
		// on now: "since" elsewhere in the text ("since that's our busiest
		// hour") does not stretch it to the ticket.
		if c := created.In(t.Location()); t.YearDay() != c.YearDay() || t.Year() != c.Year() {
			onset = false
		}
		return pointRef(t, created, onset, m[0]), true
	}
	if m := reNoon.FindStringSubmatch(s); m != nil && m[1] != "" {
		h := "12"
		if m[2] == "midnight" {
			h = "0"
		}
		if t, ok := clockTime(h, "00", "", "", created, loc); ok {
			return pointRef(t, created, onset, m[0]), true
		}
	}
	return TimeRef{}, false
}

func extractRelative(s string, created time.Time, _ *time.Location, onset bool) (TimeRef, bool) {
	if m := reAgo.FindStringSubmatch(s); m != nil {
		d := time.Duration(parseAmount(m[1]) * float64(parseUnit(m[2])))
		if d > 0 {
			t := created.Add(-d)
			// Started then; logs lead the user's noticing by a few minutes.
			return TimeRef{Window: Window{From: t.Add(-5 * time.Minute), To: created}, Phrase: m[0], Onset: true}, true
		}
	}
	if m := reLast.FindStringSubmatch(s); m != nil {
		amount := 1.0
		if m[1] != "" {
			amount = parseAmount(m[1])
		}
		if d := time.Duration(amount * float64(parseUnit(m[2]))); d > 0 {
			return TimeRef{Window: Window{From: created.Add(-d), To: created}, Phrase: m[0], Onset: true}, true
		}
	}
	// "for half an hour" next to "this morning" says how long it lasted,
	// not that it started half an hour ago: the part of the day places it.
	if m := reFor.FindStringSubmatch(s); m != nil && (onset || ongoingFor(s, m[0]) || !reDay.MatchString(s)) {
		if d := time.Duration(parseAmount(m[1]) * float64(parseUnit(m[2]))); d > 0 {
			return TimeRef{Window: Window{From: created.Add(-d), To: created}, Phrase: m[0], Onset: true}, true
		}
	}
	if m := reJustNw.FindStringSubmatch(s); m != nil {
		return TimeRef{Window: Window{From: created.Add(-minWindow), To: created}, Phrase: m[0], Onset: true}, true
	}
	return TimeRef{}, false
}

// ongoingFor reports whether a duration is said of what has been going on
// up to now: "I've been trying to log in for half an hour", "it has been
// down for two hours". The perfect tense before it in its sentence says
// so, whatever day the ticket names elsewhere.
func ongoingFor(s, match string) bool {
	at := strings.Index(s, match)
	start := max(strings.LastIndexAny(s[:at], ".!?\n"), 0)
	return strings.Contains(s[start:at], "been ")
}

var dayFiller = map[string]bool{"on": true, "this": true, "past": true, "over": true, "during": true, "the": true}

// lastWord is f's word n places from its end ("" when there is none), with
// a part of the day skipped when n is 1: in "last sunday evening" the day
// is "sunday".
func lastWord(f []string, n int) string {
	i := len(f) - 1 - n
	if n == 1 {
		if _, part := dayParts[f[len(f)-1]]; !part {
			i = len(f) - 1
		}
	}
	if i < 0 {
		return ""
	}
	return f[i]
}

// dayPart bounds, in local hours: a part starts at its first hour.
var dayParts = map[string][2]int{
	"morning": {6, 12}, "afternoon": {12, 18}, "evening": {18, 24}, "night": {20, 30}, "tonight": {18, 24},
}

func extractDayPart(s string, created time.Time, loc *time.Location, _ bool) (TimeRef, bool) {
	// "since yesterday afternoon" says more than a bare "yesterday" in the
	// subject: prefer a match with "since", then one naming a part of the day.
	var m []string
	for _, c := range reDay.FindAllStringSubmatch(s, -1) {
		switch {
		case m == nil:
			m = c
		case c[1] != "" && m[1] == "":
			m = c
		case c[1] == m[1] && strings.Contains(c[2], " ") && !strings.Contains(m[2], " "):
			m = c
		}
	}
	if m == nil {
		return TimeRef{}, false
	}
	since := m[1] != ""
	c := created.In(loc)
	day := time.Date(c.Year(), c.Month(), c.Day(), 0, 0, 0, 0, loc)
	f := strings.Fields(m[2])
	// "on sunday", "over this past weekend": the filler goes, "this
	// morning" and "last sunday" stay.
	for len(f) > 1 && dayFiller[f[0]] {
		if _, part := dayParts[f[1]]; f[0] == "this" && part {
			break
		}
		f = f[1:]
	}
	var from, to time.Time
	switch wd, named := weekdays[lastWord(f, 1)]; {
	case named:
		// The most recent such day; "last sunday" on a Sunday is a week ago.
		back := (int(c.Weekday()) - int(wd) + 7) % 7
		if back == 0 && f[0] == "last" {
			back = 7
		}
		d := day.AddDate(0, 0, -back)
		from, to = d, d.AddDate(0, 0, 1)
		if p, ok := dayParts[lastWord(f, 0)]; ok && len(f) > 1 && lastWord(f, 0) != lastWord(f, 1) {
			from, to = d.Add(time.Duration(p[0])*time.Hour), d.Add(time.Duration(p[1])*time.Hour)
		}
	case f[len(f)-1] == "weekend":
		// The last weekend begun: from its Saturday to the Monday after.
		back := (int(c.Weekday()) - int(time.Saturday) + 7) % 7
		from = day.AddDate(0, 0, -back)
		to = from.AddDate(0, 0, 2)
	case f[len(f)-1] == "hours": // the early hours of today
		from, to = day, day.Add(6*time.Hour)
	case f[0] == "last" && f[1] == "evening":
		p := dayParts["evening"]
		from, to = day.AddDate(0, 0, -1).Add(time.Duration(p[0])*time.Hour), day.AddDate(0, 0, -1).Add(time.Duration(p[1])*time.Hour)
	case f[0] == "yesterday" && len(f) == 1:
		from, to = day.AddDate(0, 0, -1), day
	case f[0] == "yesterday":
		p := dayParts[f[1]]
		from, to = day.AddDate(0, 0, -1).Add(time.Duration(p[0])*time.Hour), day.AddDate(0, 0, -1).Add(time.Duration(p[1])*time.Hour)
	case f[0] == "last" || f[0] == "overnight":
		from, to = day.AddDate(0, 0, -1).Add(20*time.Hour), day.Add(6*time.Hour)
	case f[0] == "tonight":
		from, to = day.Add(18*time.Hour), day.Add(24*time.Hour)
	case f[0] == "today" || f[0] == "earlier":
		from, to = day, created
	default: // this morning/afternoon/evening
		p := dayParts[f[1]]
		from, to = day.Add(time.Duration(p[0])*time.Hour), day.Add(time.Duration(p[1])*time.Hour)
	}
	if since || to.After(created) {
		to = created
	}
	return TimeRef{Window: Window{From: from, To: to}, Phrase: m[0], Onset: since}, true
}
