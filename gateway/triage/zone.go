package triage

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the writer's zone is read by name on hosts without a zone database
	"unicode"
	"unicode/utf8"
)

// A ticket often states its writer's zone once ("between 15:35 and 16:10
// (CET)", "11:30 AM Eastern", "14h30 (horário de Brasília)", "Sydney time
// (AEDT, UTC+11)") and then gives bare clock times. That zone is the
// writer's, so it reads every clock time of the ticket that names none;
// without it they would be read in the desk's zone, hours off.

// zoneNames are zone abbreviations and the regions people name with a
// word for "time" ("Amsterdam time", "svensk tid", "naszego czasu
// (Warszawa)"), mapped to their IANA zone so that summer time is right.
var zoneNames = withPlaceNames(map[string]string{
	"cet": "Europe/Paris", "cest": "Europe/Paris", "mez": "Europe/Berlin", "mesz": "Europe/Berlin",
	"bst": "Europe/London", "wet": "Europe/Lisbon", "eet": "Europe/Athens", "eest": "Europe/Athens",
	"est": "America/New_York", "edt": "America/New_York", "eastern": "America/New_York",
	"cst": "America/Chicago", "cdt": "America/Chicago", "central": "America/Chicago",
	"mst": "America/Denver", "mdt": "America/Denver", "mountain": "America/Denver",
	"pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pacific": "America/Los_Angeles",
	"aedt": "Australia/Sydney", "aest": "Australia/Sydney", "ist": "Asia/Kolkata", "jst": "Asia/Tokyo", "kst": "Asia/Seoul",
	"amsterdam": "Europe/Amsterdam", "amsterdamse": "Europe/Amsterdam", "nederlandse": "Europe/Amsterdam", "dutch": "Europe/Amsterdam",
	"berlin": "Europe/Berlin", "deutscher": "Europe/Berlin", "deutsche": "Europe/Berlin", "deutschen": "Europe/Berlin", "german": "Europe/Berlin", "wien": "Europe/Vienna", "vienna": "Europe/Vienna",
	"paris": "Europe/Paris", "french": "Europe/Paris", "madrid": "Europe/Madrid", "spanish": "Europe/Madrid", "rome": "Europe/Rome", "roma": "Europe/Rome",
	"brussels": "Europe/Brussels", "zurich": "Europe/Zurich", "london": "Europe/London", "uk": "Europe/London", "lisbon": "Europe/Lisbon", "lisboa": "Europe/Lisbon",
	"stockholm": "Europe/Stockholm", "svensk": "Europe/Stockholm", "swedish": "Europe/Stockholm", "oslo": "Europe/Oslo", "copenhagen": "Europe/Copenhagen",
	"helsinki": "Europe/Helsinki", "warszawa": "Europe/Warsaw", "warsaw": "Europe/Warsaw", "polish": "Europe/Warsaw", "athens": "Europe/Athens",
	// a language's own adjective after its word for time: "czasu polskiego", "heure française", "ora italiana", "hora española"
	"polskiego": "Europe/Warsaw", "française": "Europe/Paris", "francaise": "Europe/Paris", "italiana": "Europe/Rome",
	"española": "Europe/Madrid", "espanola": "Europe/Madrid", "peninsular": "Europe/Madrid",
	"brasília": "America/Sao_Paulo", "brasilia": "America/Sao_Paulo", "são paulo": "America/Sao_Paulo", "sao paulo": "America/Sao_Paulo",
	"new york": "America/New_York", "boston": "America/New_York", "toronto": "America/Toronto", "chicago": "America/Chicago",
	"denver": "America/Denver", "los angeles": "America/Los_Angeles", "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles",
	"mexico city": "America/Mexico_City", "sydney": "Australia/Sydney", "melbourne": "Australia/Melbourne", "tokyo": "Asia/Tokyo", "singapore": "Asia/Singapore",
	"beijing": "Asia/Shanghai", "shanghai": "Asia/Shanghai", "hong kong": "Asia/Hong_Kong", "taipei": "Asia/Taipei", "seoul": "Asia/Seoul",
	// places and their adjectives as the languages beyond the tuning sets'
	// write them beside their word for time ("ora României", "по
	// московскому времени", "magyar idő szerint", "giờ Việt Nam")
	"barcelona": "Europe/Madrid", "catalana": "Europe/Madrid",
	"româniei": "Europe/Bucharest", "romaniei": "Europe/Bucharest", "românia": "Europe/Bucharest", "romania": "Europe/Bucharest", "bucurești": "Europe/Bucharest", "bucuresti": "Europe/Bucharest",
	"moscow": "Europe/Moscow", "москвы": "Europe/Moscow", "московскому": "Europe/Moscow", "msk": "Europe/Moscow",
	"київським": "Europe/Kyiv", "киевскому": "Europe/Kyiv", "kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv", "києва": "Europe/Kyiv",
	"türkiye": "Europe/Istanbul", "turkiye": "Europe/Istanbul", "istanbul": "Europe/Istanbul", "i̇stanbul": "Europe/Istanbul",
	"magyar": "Europe/Budapest", "budapest": "Europe/Budapest", "budapesti": "Europe/Budapest",
	"českého": "Europe/Prague", "praha": "Europe/Prague", "prague": "Europe/Prague", "slovenského": "Europe/Bratislava", "bratislava": "Europe/Bratislava",
	"beogradskom": "Europe/Belgrade", "београдском": "Europe/Belgrade", "beograd": "Europe/Belgrade", "београд": "Europe/Belgrade", "srbije": "Europe/Belgrade", "србије": "Europe/Belgrade",
	"hrvatskom": "Europe/Zagreb", "zagreb": "Europe/Zagreb", "hrvatske": "Europe/Zagreb",
	"българско": "Europe/Sofia", "софия": "Europe/Sofia", "sofia": "Europe/Sofia",
	"ελλάδας": "Europe/Athens", "ελλάδος": "Europe/Athens", "αθήνας": "Europe/Athens", "ελληνική": "Europe/Athens",
	"eesti": "Europe/Tallinn", "tallinn": "Europe/Tallinn", "latvijas": "Europe/Riga", "riga": "Europe/Riga", "rīgas": "Europe/Riga",
	"lietuvos": "Europe/Vilnius", "vilnius": "Europe/Vilnius", "suomen": "Europe/Helsinki",
	// round thirty-one: cities a stale profile's writer names beside a
	// word for time in their own language ("heure de Bruxelles",
	// Arabic "بتوقيت لندن", "بتوقيت ميلانو")
	"bruxelles": "Europe/Brussels", "brussel": "Europe/Brussels", "milano": "Europe/Rome", "milan": "Europe/Rome",
	"لندن": "Europe/London", "ميلانو": "Europe/Rome", "باريس": "Europe/Paris", "برلين": "Europe/Berlin",
	"norsk": "Europe/Oslo", "dansk": "Europe/Copenhagen", "københavn": "Europe/Copenhagen",
	"việt nam": "Asia/Ho_Chi_Minh", "vietnam": "Asia/Ho_Chi_Minh", "hà nội": "Asia/Ho_Chi_Minh", "hanoi": "Asia/Ho_Chi_Minh",
	"ישראל": "Asia/Jerusalem", "israel": "Asia/Jerusalem", "bangkok": "Asia/Bangkok", "ict": "Asia/Bangkok",
	"indonesia barat": "Asia/Jakarta", "jakarta": "Asia/Jakarta", "wib": "Asia/Jakarta",
	// Indonesia's central and eastern zones (round eighty-nine): "pukul 9 WITA", "10:00 WIT" (Bali and Makassar are in placeabroad.go)
	"wita": "Asia/Makassar", "indonesia tengah": "Asia/Makassar",
	"wit": "Asia/Jayapura", "indonesia timur": "Asia/Jayapura", "jayapura": "Asia/Jayapura",
	"malaysia": "Asia/Kuala_Lumpur", "kuala lumpur": "Asia/Kuala_Lumpur", "myt": "Asia/Kuala_Lumpur",
	"pilipinas": "Asia/Manila", "philippines": "Asia/Manila", "manila": "Asia/Manila", "pht": "Asia/Manila",
	"السعودية": "Asia/Riyadh", "مكة": "Asia/Riyadh", "الرياض": "Asia/Riyadh", "القاهرة": "Africa/Cairo", "مصر": "Africa/Cairo",
	"الإمارات": "Asia/Dubai", "دبي": "Asia/Dubai", "dubai": "Asia/Dubai", "भारतीय": "Asia/Kolkata",
	// countries by their two-letter code before a word for time ("PH time",
	// "NZ time", "SG time"; not "my" nor "th": "my time", "the 5th time") and by name in the scripts that write none
	// ("เวลาประเทศไทย"), with Mexico's and other countries' own names.
	"ph": "Asia/Manila", "nz": "Pacific/Auckland", "sg": "Asia/Singapore", "hk": "Asia/Hong_Kong",
	"za": "Africa/Johannesburg", "vn": "Asia/Ho_Chi_Minh",
	"ประเทศไทย": "Asia/Bangkok", "ไทย": "Asia/Bangkok", "thailand": "Asia/Bangkok", "thai": "Asia/Bangkok",
	"méxico": "America/Mexico_City", "mexico": "America/Mexico_City", "centro de méxico": "America/Mexico_City", "centro de mexico": "America/Mexico_City", "cdmx": "America/Mexico_City",
	"colombia": "America/Bogota", "bogotá": "America/Bogota", "perú": "America/Lima", "lima": "America/Lima", "chile": "America/Santiago",
	"argentina": "America/Argentina/Buenos_Aires", "buenos aires": "America/Argentina/Buenos_Aires",
	"new zealand": "Pacific/Auckland", "auckland": "Pacific/Auckland", "nairobi": "Africa/Nairobi", "lagos": "Africa/Lagos",
	// round thirty-three: places writers say they are in ("I'm in Munich",
	// "je suis à Montréal", "we're in Dublin")
	"montréal": "America/Toronto", "montreal": "America/Toronto", "munich": "Europe/Berlin", "münchen": "Europe/Berlin",
	"manchester": "Europe/London", "bristol": "Europe/London", "edinburgh": "Europe/London", "glasgow": "Europe/London",
	"birmingham": "Europe/London", "leeds": "Europe/London", "liverpool": "Europe/London", "cardiff": "Europe/London", "belfast": "Europe/London",
	"londynie": "Europe/London", "mexiko-stadt": "America/Mexico_City", "köln": "Europe/Berlin", "koeln": "Europe/Berlin", "cologne": "Europe/Berlin",
	"hamburg": "Europe/Berlin", "frankfurt": "Europe/Berlin", "rotterdam": "Europe/Amsterdam",
	"ロンドン": "Europe/London", "ブリストル": "Europe/London", "マンチェスター": "Europe/London", "パリ": "Europe/Paris", "ベルリン": "Europe/Berlin",
	"dublin": "Europe/Dublin", "marseille": "Europe/Paris", "lyon": "Europe/Paris", "dresden": "Europe/Berlin",
	// a place as German and Indonesian spell it: "ich bin gerade in Singapur", "waktu Belanda"
	"singapur": "Asia/Singapore", "belanda": "Europe/Amsterdam",
	// round fifty-three: as German, Dutch, Swedish and Spanish spell them
	// ("im Urlaub in Tokio", "in Lissabon")
	"tokio": "Asia/Tokyo", "lissabon": "Europe/Lisbon",
	// round thirty-four: places in Turkish and in Devanagari ("Londra'daki
	// ofisimizden", "मैं अभी मैनचेस्टर में")
	"londra": "Europe/London", "लंदन": "Europe/London", "मैनचेस्टर": "Europe/London",
	"krakowie": "Europe/Warsaw", "kraków": "Europe/Warsaw",
	"johannesburg": "Africa/Johannesburg", "south africa": "Africa/Johannesburg", "karachi": "Asia/Karachi", "pakistan": "Asia/Karachi",
}) // and the places as more languages write them (placeabroad.go)

// zoneAbbrevs are zone abbreviations, read after a clock or in
// parentheses; a region counts only beside a word for "time" or a clock,
// or in parentheses.
var zoneAbbrevs = map[string]bool{"cet": true, "cest": true, "mez": true, "mesz": true, "bst": true, "wet": true, "eet": true, "eest": true,
	"est": true, "edt": true, "cst": true, "cdt": true, "mst": true, "mdt": true, "pst": true, "pdt": true, "aedt": true, "aest": true, "jst": true, "kst": true,
	"msk": true, "ict": true, "wib": true, "wita": true, "wit": true, "myt": true, "pht": true}

const timeWord = `(?:time|tijd|tid|zeit|czasu|heure|hora|horário|ora|timezone|time zone|` +
	`giờ|waktu|oras|ώρα|ώρας|времени|время|време|времену|часом|часу|idő|saati|saatiyle|času|vremena|vremenu|aika|aikaa|aja|laika|laiku|שעון|بتوقيت|समय|เวลา)`

// compileOnUse is expr compiled on its first use. The readers that hold
// regionAlt or cjkPlaceAlt, alternations of every place name (tens of
// kilobytes), compile it so: a process that reads no ticket's zone (a
// command other than triage, a gateway before its first ticket) does not
// pay for them when it starts.
func compileOnUse(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// regionAlt is the alternation of the regions named as zones.
var regionAlt = prefixAlternatives(regionNames())

// regionIndex finds whether a text names a region of regionAlt where
// reZoneRegion, reWriterPlace or reInRegion could read it: each of their
// matches holds a region's name followed by the end of the text, a rune
// that is no letter, or one of regionJoined ("ロンドンにいます",
// "ロンドン在住"). A text it finds none in needs none of those scans.
var regionIndex = newNameIndex(slices.Collect(maps.Keys(regionNames())), false, true, regionJoined)

// regionJoined are the letters reWriterPlace reads right after a region's
// name (its Japanese shapes).
var regionJoined = []string{"に", "在"}

// nameIndex finds the names of a list in a text by their first two bytes:
// a bit per byte pair, then a comparison with the names that start so.
type nameIndex struct {
	pairs  [1 << 16 / 64]uint64
	byPair map[uint16][]string
	bytes  [256]bool // the names of one byte
	// left and right ask for a name that starts a word (at the start of the
	// text or after a rune that is no letter) and ends one (at the end or
	// before a rune that is no letter, or one of joined).
	left, right bool
	joined      []string
	empty       bool // "" is a name: has always reports true
}

func newNameIndex(names []string, left, right bool, joined []string) *nameIndex {
	x := &nameIndex{byPair: map[uint16][]string{}, left: left, right: right, joined: joined}
	slices.Sort(names)
	for _, n := range names {
		switch len(n) {
		case 0:
			x.empty = true
		case 1:
			x.bytes[n[0]] = true
		default:
			k := bytePair(n)
			x.pairs[k/64] |= 1 << (k % 64)
			x.byPair[k] = append(x.byPair[k], n)
		}
	}
	return x
}

// has reports whether s holds a name of the index where it starts and
// ends a word as the index asks (see nameIndex; as `(?:^|[^\p{L}])` and
// `(?:$|[^\p{L}])` read them: an invalid byte is no letter).
func (x *nameIndex) has(s string) bool {
	return x.empty || x.any(s, func(int, int) bool { return true })
}

// any reports whether ok holds for a name of the index in s at s[at:end],
// bounded as the index asks; it asks each such name, in text order, until
// ok holds ("" is never asked).
func (x *nameIndex) any(s string, ok func(at, end int) bool) bool {
	for i := 0; i < len(s); i++ {
		if x.bytes[s[i]] && x.bounded(s, i, i+1) && ok(i, i+1) {
			return true
		}
		if i+1 == len(s) {
			break
		}
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if x.pairs[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, n := range x.byPair[k] {
			if strings.HasPrefix(s[i:], n) && x.bounded(s, i, i+len(n)) && ok(i, i+len(n)) {
				return true
			}
		}
	}
	return false
}

// bounded reports whether s[at:end], a name, starts and ends a word as the
// index asks.
func (x *nameIndex) bounded(s string, at, end int) bool {
	if x.left && at > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:at]); unicode.IsLetter(r) {
			return false
		}
	}
	if !x.right {
		return true
	}
	rest := s[end:]
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !unicode.IsLetter(r) || hasAnyPrefix(rest, x.joined)
}

var (
	reZoneOffset = regexp.MustCompile(`\b(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\b`)
	// An abbreviation counts after a clock or in parentheses: "est" alone
	// is French and "cst" an invoice's tax.
	// "(our time, CET)", "local time: CET" name it after a word for time.
	reZoneAbbrev = regexp.MustCompile(`(?:\d\s*(?:am|pm|a\.m\.|p\.m\.|h|uhr|uur)?\s*|\(\s*|` + timeWord + `\s*[,:]\s*)(` + alternatives(onlyKeys(zoneAbbrevs)) + `)(?:$|[^\p{L}])`)
	reZoneRegion = compileOnUse(`(?:` +
		`(` + regionAlt + `)\s+` + timeWord + // "Amsterdam time", "svensk tid"
		`|` + timeWord + `\s*(?:del?\s+|di\s+|in\s+|à\s+|ng\s+)?(` + regionAlt + `)` + // "horário de Brasília", "hora del centro de México", "เวลาประเทศไทย"
		`|\d\s*(?:am|pm|a\.m\.|p\.m\.)?\s+(` + regionAlt + `)` + // "11:30 AM Eastern"
		`|\(\s*(` + regionAlt + `)\s*\)` + // "(Warszawa)"
		`)(?:$|[^\p{L}])`)
)

// reHereTime is "the time here" as writers away from home say it, and
// reInRegion a region they say they are in ("en Madrid", "in Lisbon").
var (
	reHereTime = regexp.MustCompile(`(?:^|[^\p{L}])(?:hora de aqu[ií]|hora de ac[aá]|hora daqui|hora local daqui|local time here|\(\s*time here|ortszeit hier|heure d.ici|ora di qui|ora locale qui)(?:$|[^\p{L}])`)
	reInRegion = compileOnUse(`(?:^|[^\p{L}])(?:in|en|em|à|nach|im|w|i)\s+(` + regionAlt + `)(?:$|[^\p{L}])`)
)

// reWriterPlace is a place the writer says they are in or live in: "I'm
// in", "I am currently in", "we're based in", "here in", "I moved back
// to", "I'm visiting (my daughter in)", "we're writing from", "I'm on
// holiday in", "estoy en", "estou em", "je suis à", "ich bin gerade
// beruflich in", "jestem teraz w", on holiday ("im Urlaub in", "estou de
// férias em", "jag är på semester i"), Japanese "…にいます", "…在住". Its
// words are about the writer by their subject ("I", "we") or by the verb's
// person; writerPlace skips the matches that are not (see there).
var reWriterPlace = compileOnUse(regionShapesExpr(writerPlaceShapes))

// writerPlaceShapes are reWriterPlace's shapes (regionshape.go).
var writerPlaceShapes = []regionShape{
	{before: `(?:^|[^\p{L}])(?:` +
		writerSubject + `(?:\s+(?:` + nowAdverbs + `|back home|staying|living|based|travell?ing))*` +
		`\s+(?:in|visiting(?:\s+my\s+\p{L}+\s+in)?|(?:writing|teaching|working) from|on (?:holiday|vacation|a trip) in|at (?:the|our) (?:\p{L}+\s+)?` + workplaceNouns + ` in)` +
		`|here in|hier in|i live in|(?:i|we) moved (?:back )?to|back home in` +
		`|(?:les |le |te |os )?escribo desde|(?:saya )?(?:sekarang )?tinggal di` +
		`|estoy (?:ahora )?(?:de vacaciones |de viaje )?en|vivo en|estou (?:agora )?(?:de férias |de viagem )?em|moro em|je suis (?:actuellement )?(?:en vacances )?à|j['’]habite à` +
		`|ich bin (?:gerade |jetzt |derzeit |zurzeit )?(?:beruflich |privat |im urlaub )?in|ich wohne in|jestem (?:teraz |obecnie )?(?:na wakacjach )?w|mieszkam w` +
		`|jag är (?:nu )?(?:på semester |på resa )?i|sono in vacanza a|ik ben (?:nu )?(?:op vakantie )?in` +
		`)\s+`, after: `(?:$|[^\p{L}])`},
	// Japanese: "今はブリストルにいます", "ロンドン在住"
	{group: "ja", after: `(?:にいます|に住んでいます|在住)`},
	// Turkish, the writer on the place: from our office, home or hotel
	// there ("Londra'daki ofisimizden"), or a first-person verb on it
	// ("Londra'dayım"); a bare "ofisimiz" is the office, not the writer.
	{before: `(?:^|[^\p{L}])`, after: `['’](?:da|de|ta|te)(?:ki\s+(?:ofisimizden|ofisimden|evimizden|evimden|otelimizden|otelimden)|y[ıi]m)(?:$|[^\p{L}])`},
	// Hindi, "I am (now) in <place>": "मैं अभी मैनचेस्टर में अपने बेटे के
	// पास हूँ", "हूँ" a few words after "में" in its clause (writerPlace
	// skips one with "नहीं" between).
	{before: `मैं\s+(?:अभी\s+|आजकल\s+)?`, after: `\s+में(?:\s+[^\s,;.।!?]+){0,4}?\s+हूँ`},
	// Round forty-one: the writer at a workplace named by its place, "I'm
	// at the Rotterdam office this week" (the place before the noun).
	{before: `(?:^|[^\p{L}])` + writerSubject + `(?:\s+(?:` + nowAdverbs + `))*\s+at\s+(?:the|our)\s+`,
		group: "workplace", after: `\s+` + workplaceNounsAfterPlace + `(?:$|[^\p{L}])`},
}

// writerPlaceChecks are the pre-checks of reWriterPlace's shapes: on a
// text that names a place its scan is most of writerPlace's cost.
var writerPlaceChecks = shapeChecks(writerPlaceShapes)

// writerSubject is the writer as the subject of "I'm in", "I'm at the
// Rotterdam office", and nowAdverbs the words for now that may follow it;
// both shapes of reWriterPlace share them.
const (
	writerSubject = `(?:i['’]?m|i am|we['’]?re|we are)`
	nowAdverbs    = `now|currently|still|back|this week|at the moment`
)

// writerPlaceGroups are the offsets in a match of reWriterPlace of the
// Japanese place and of the place before a workplace noun.
var writerPlaceGroups = sync.OnceValues(func() (ja, workplace int) {
	re := reWriterPlace()
	return 2 * re.SubexpIndex("ja"), 2 * re.SubexpIndex("workplace")
})

// workplaceNouns are the places of work a writer says they are at, in
// another town than home ("I'm at our depot in Warsaw", "at the Rotterdam
// office"): where they are now, as "I'm in" says it (round forty-one).
const workplaceNouns = `(?:site|` + workplaceNounList + `)`

// workplaceNounsAfterPlace are those read after their place ("the
// Rotterdam office"): not "site", which after a country is as often a
// web shop ("I'm at the Mexico site and checkout fails").
const workplaceNounsAfterPlace = `(?:` + workplaceNounList + `)`

// workplaceNounList is the alternation both are built from.
const workplaceNounList = `office|depot|branch|warehouse|plant|campus|hub`

var (
	// reNegated is a negation ending the words before a match: "ya no
	// estoy en", "nie jestem w", "não estou em".
	reNegated = regexp.MustCompile(`(?:(?:^|[^\p{L}])(?:not|no|nie|não|nao|nicht|ne|pas)|不|아니)\s*$`)
	// reContrast is the place a negated one gives way to: "no estoy en
	// Madrid sino en Lisboa", "not in Paris but in Lyon".
	reContrast = compileOnUse(`^\s*,?\s*(?:sino|but|mais|sondern|ale|mas)\s+(?:en|in|à|em|w)\s+(` + regionAlt + `)(?:$|[^\p{L}])`)
	// reNotNow is what makes a place not where the writer is now ("ich bin
	// in Wien aufgewachsen", "geboren") or not a place at all ("we moved
	// to Frankfurt region", a cloud's), a place they were in ("ich bin im
	// Urlaub in Tokio gewesen", "geweest") or one they will be in ("I'm in
	// Lisbon next week", "tomorrow", "la semana que viene").
	reNotNow = regexp.MustCompile(`^\s*(?:aufgewachsen|geboren|groß geworden|gewesen|geweest|region|data ?cent(?:er|re)|datacenter|availability zone|next week|tomorrow|la semana que viene|nächste woche)(?:$|[^\p{L}])`)
	// reLater is a later or habitual time after the place, in its clause:
	// the writer will be there, or is there on some days ("from Monday",
	// "next Tuesday", "this coming week", "again next week", "on Fridays",
	// "nästa vecka", "la prossima settimana", "od jutra", "ab Montag").
	reLater = regexp.MustCompile(`^\s*(?:again\s+)?(?:(?:from|next|this coming)\s+(?:` + weekdayNames + `|week|month|year|` + monthNames + `)|on\s+(?:` + weekdayNames + `)s|on weekends` +
		`|nästa vecka|la prossima settimana|od jutra|volgende week|la semaine prochaine|na próxima semana|ab (?:morgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag))(?:$|[^\p{L}])`)
	// reCondClause is a clause opened by "if", "when" or "whenever" just
	// before a match: a supposed or habitual place, not where the writer is.
	reCondClause = regexp.MustCompile(`(?:^|[^\p{L}])(?:if|when|whenever)\s*$`)
	// reReported is someone else's word on where the writer is, just
	// before a match ("the app thinks I'm at", "my profile says I'm in",
	// "mein Mann schreibt: ich bin im Urlaub in"), and reBareNo an answer "No" before an English subject ("No I'm at the
	// Rotterdam office"), which does not negate it as "no estoy en" does.
	reReported = regexp.MustCompile(`(?:^|[^\p{L}])(?:thinks?|says?|claims?|(?:schreibt|schrieb|sagt|sagte|writes|wrote|said):)\s*$`)
	reBareNo   = regexp.MustCompile(`(?:^|[^\p{L}])no\s*$`)
	reEnWriter = regexp.MustCompile(`^` + writerSubject + `(?:$|[^\p{L}])`)
	// reLiveBroadcast is the Spanish "en vivo" (live), not "vivo en" (I live in).
	reLiveBroadcast = regexp.MustCompile(`(?:^|[^\p{L}])en\s*$`)
	// reJaSubject is a Japanese subject (a word before が or は), and
	// reJaSelfIntro the writer's name after "…在住の" ("ロンドン在住の山田です"),
	// where "ロンドン在住のお客様のために" is other people's place.
	reJaSubject   = regexp.MustCompile(`([\p{Han}\p{Katakana}ー]+)[がは]`)
	reJaSelfIntro = regexp.MustCompile(`^在住の[^、。のをにがは\s]{1,10}?(?:です|と申します)`)
)

// jaSelf are the Japanese subjects that leave a place the writer's: the
// writer and words for now.
var jaSelf = []string{"私", "僕", "自分", "今", "現在", "今日", "今週", "今月"}

// quoteMarks open words the writer quotes ("last week I wrote 'I'm in Dubai'").
const quoteMarks = `'"‘’“”«»„「『`

// writerPlace returns the place reWriterPlace finds in s that is the
// writer's and where they are now, and the words that say it: the first,
// or a later one said with a word for now ("I live in Manchester, but
// right now I'm in Paris", "şu an Paris'teyim"). It skips a language's adjective or a code (notAPlace), a
// negated place ("ya no estoy en Madrid", taking the one it gives way to;
// Hindi "लंदन में नहीं हूँ"), words in quotes, "en vivo en", a place the
// writer grew up in or a cloud's region, and in Japanese a place of
// another subject ("弊社の社長は今ロンドンにいます") or of the noun after
// "在住の".
func writerPlace(s string) (place string, at int, phrase string, ok bool) {
	// The first place read, unless a later one is said with a word for now.
	var first struct {
		place, phrase string
		at            int
		ok            bool
	}
	take := func(place string, at int, phrase string, now bool) bool {
		if now || !first.ok {
			first.place, first.at, first.phrase, first.ok = place, at, phrase, true
		}
		return now
	}
	jaGroup, workplaceGroup := writerPlaceGroups()
	for _, m := range shapeMatches(reWriterPlace(), writerPlaceChecks(), s) {
		g := firstGroup(m)
		if g < 0 {
			continue
		}
		w, rest := s[m[g]:m[g+1]], s[m[g+1]:]
		words := strings.TrimLeftFunc(s[m[0]:m[g]], notLetter)
		pre := s[:m[0]]
		if r, _ := utf8.DecodeRuneInString(s[m[0]:]); !unicode.IsLetter(r) {
			pre = s[:m[0]+utf8.RuneLen(r)]
		}
		after := rest
		if g == workplaceGroup {
			after = afterWord(s, m[1])
		}
		if notAPlace[w] || reNotNow.MatchString(rest) || reNotNow.MatchString(after) || reLater.MatchString(after) || reCondClause.MatchString(pre) || reReported.MatchString(pre) || quotedLine(s, m[g]) {
			continue
		}
		if q, _ := utf8.DecodeLastRuneInString(strings.TrimRight(pre, " ")); strings.ContainsRune(quoteMarks, q) {
			continue
		}
		if strings.HasPrefix(words, "vivo ") && reLiveBroadcast.MatchString(pre) {
			continue
		}
		now := saidNow(pre, s[m[0]:m[1]])
		if reNegated.MatchString(pre) && !(reBareNo.MatchString(pre) && reEnWriter.MatchString(words)) {
			if c := reContrast().FindStringSubmatchIndex(rest); c != nil && !notAPlace[rest[c[2]:c[3]]] {
				if take(rest[c[2]:c[3]], m[0], strings.TrimFunc(s[m[0]:m[g+1]+c[3]], notWordRune), now) {
					break
				}
			}
			continue
		}
		if g == jaGroup && !jaWritersPlace(pre, rest) {
			continue
		}
		if strings.Contains(s[m[g+1]:m[1]], "नहीं") {
			continue
		}
		if hasAnyPrefix(words, clauseWriterPhrases) && !clauseStart(pre) && !writerOpensClause(pre) {
			continue
		}
		if take(w, m[0], strings.TrimFunc(s[m[0]:m[1]], notWordRune), now) {
			break
		}
	}
	return first.place, first.at, first.phrase, first.ok
}

// clauseWriterPhrases are the writer's-place phrases that are the
// writer's only where they open a clause ("Hello, back home in Lisbon
// now", "Thanks, and back home in Lisbon", "Terima kasih. Saya tinggal
// di"), not after another subject ("he is back home in Lisbon") or a
// noun "saya" is the possessive of ("teman saya tinggal di Jakarta"). A
// bare "tinggal di" also counts in a clause the writer opens ("Saya dan
// keluarga sekarang tinggal di"); phrases that name the writer in a verb
// ("les escribo desde") need no clause start.
var clauseWriterPhrases = []string{"back home in", "tinggal di", "sekarang tinggal di", "saya "}

// clauseStart reports whether pre, the text before a match, ends where a
// clause starts: nothing, a mark that ends one, or a conjunction that
// opens one ("and", "y", "dan", "und", "et", "e").
func clauseStart(pre string) bool {
	pre = strings.TrimRightFunc(pre, unicode.IsSpace)
	if pre == "" {
		return true
	}
	if reClauseConj.MatchString(pre) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(pre)
	return strings.ContainsRune(clauseMarks, r)
}

// clauseMarks end a clause before a writer's-place phrase.
const clauseMarks = ".,;:!?()\n"

// afterLastMark is the text of s after the last of marks in it: the clause
// s ends in, when marks end clauses.
func afterLastMark(s, marks string) string {
	i := strings.LastIndexAny(s, marks)
	if i < 0 {
		return s
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return s[i+n:]
}

// writerOpensClause reports whether the clause pre ends in opens on the
// writer ("saya dan keluarga ").
func writerOpensClause(pre string) bool {
	c := afterLastMark(pre, clauseMarks)
	return strings.HasPrefix(strings.TrimLeftFunc(c, unicode.IsSpace), "saya ")
}

// reClauseConj is a conjunction that opens a clause, at the end of the
// text before a writer's-place phrase.
var reClauseConj = regexp.MustCompile(`(?:^|[^\p{L}])(?:and|y|dan|und|et|e)$`)

// reNowWord is a word for now: "şu an Londra'dayım", "मैं अभी लंदन में".
var reNowWord = regexp.MustCompile(`(?:^|[^\p{L}])(?:now|right now|currently|jetzt|gerade|ahora|agora|teraz|maintenant|adesso|şu an|şimdi|अभी)(?:$|[^\p{L}\p{M}])|今`)

// saidNow reports whether a word for now stands in a place's match or in
// its clause before it.
func saidNow(pre, match string) bool {
	return reNowWord.MatchString(afterLastMark(pre, ".;!?।\n") + " " + match)
}

// jaWritersPlace reports whether a Japanese place before rest ("にいます",
// "在住…") is the writer's: no other subject stands in its clause, and
// "在住の" names the writer, not a noun like "お客様".
func jaWritersPlace(pre, rest string) bool {
	for _, sm := range reJaSubject.FindAllStringSubmatch(afterLastMark(pre, "。、！？!?\n"), -1) {
		if !slices.ContainsFunc(jaSelf, func(j string) bool { return strings.HasSuffix(sm[1], j) }) {
			return false
		}
	}
	return !strings.HasPrefix(rest, "在住の") || reJaSelfIntro.MatchString(rest)
}

// firstGroup is the index in m of the first group that matched after the
// whole match, or -1.
func firstGroup(m []int) int {
	for g := 2; g+1 < len(m); g += 2 {
		if m[g] >= 0 {
			return g
		}
	}
	return -1
}

// quotedLine reports whether the line of s holding offset at (a match's
// place, not its first rune, which may be the newline before) opens with
// ">", a reply's quote of earlier words.
func quotedLine(s string, at int) bool {
	line := s[strings.LastIndexByte(s[:at], '\n')+1:]
	return strings.HasPrefix(strings.TrimLeft(line, " \t"), ">")
}

// afterWord is s after a match ending at end, read from the end of its
// last word: the boundary rune the match took (the "." of "office.") is
// given back, so that what follows it is read in the same clause only.
func afterWord(s string, end int) string {
	if r, n := utf8.DecodeLastRuneInString(s[:end]); n > 0 && !unicode.IsLetter(r) {
		end -= n
	}
	return s[end:]
}

func notLetter(r rune) bool { return !unicode.IsLetter(r) }

// notWordRune is neither a letter nor a mark: a phrase trimmed of it keeps
// a final vowel sign ("मैं अभी लंदन में").
func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.In(r, unicode.Mn, unicode.Mc) }

// notAPlace are zoneNames' keys that name a language, a direction or a
// country code rather than a place a writer can be in.
var notAPlace = withPlaceAdjectives(map[string]bool{"eastern": true, "central": true, "mountain": true, "pacific": true,
	"dutch": true, "german": true, "french": true, "spanish": true, "swedish": true, "polish": true, "thai": true,
	"ph": true, "nz": true, "sg": true, "hk": true, "za": true, "vn": true, "uk": true, "ist": true})

// zoneLocations are zoneNames' zones, loaded once: time.LoadLocation reads
// and parses the zone's data on every call. A zone that does not load is
// left out.
var zoneLocations = sync.OnceValue(func() map[string]*time.Location {
	out := make(map[string]*time.Location, len(zoneNames))
	for _, name := range zoneNames {
		if l, err := time.LoadLocation(name); err == nil {
			out[name] = l
		}
	}
	return out
})

func onlyKeys[V any](m map[string]V) map[string]string {
	out := make(map[string]string, len(m))
	for k := range m {
		out[k] = k
	}
	return out
}

func regionNames() map[string]string {
	out := map[string]string{}
	for k, v := range zoneNames {
		if !zoneAbbrevs[k] {
			out[k] = v
		}
	}
	return out
}

// writerZone returns the zone the ticket text states for its writer (s in
// lower case, orig as written), the first stated: an offset from UTC, a
// zone abbreviation or a region named as a zone; failing those, the zone
// of the place the writer says they are in ("I'm in Lisbon this week").
// ok is false when it states none.
func writerZone(s, orig string) (loc *time.Location, phrase string, ok bool) {
	type hit struct {
		at   int
		loc  *time.Location
		text string
	}
	var hits []hit
	if m := reZoneOffset.FindStringSubmatchIndex(s); m != nil {
		h, _ := strconv.Atoi(s[m[4]:m[5]])
		mi := 0
		if m[6] >= 0 {
			mi, _ = strconv.Atoi(s[m[6]:m[7]])
		}
		off := h*3600 + mi*60
		if s[m[2]:m[3]] == "-" {
			off = -off
		}
		if h <= 14 {
			hits = append(hits, hit{m[0], time.FixedZone(strings.ToUpper(strings.TrimSpace(s[m[0]:m[1]])), off), s[m[0]:m[1]]})
		}
	}
	for _, m := range reZoneAbbrev.FindAllStringSubmatchIndex(s, -1) {
		if !commonWordZone(s, orig, m[0], m[2], m[3]) {
			continue
		}
		if l, ok := zoneLocations()[zoneNames[s[m[2]:m[3]]]]; ok {
			hits = append(hits, hit{m[2], l, s[m[2]:m[3]]})
		}
		break
	}
	for _, m := range zoneRegionMatches(s) {
		g := firstGroup(m)
		if g < 0 || !commonWordZone(s, orig, m[0], m[g], m[g+1]) || reProfileZone.MatchString(s[m[1]:]) || insideLatinWord(s, m[g]) {
			continue
		}
		if l, ok := zoneLocations()[zoneNames[s[m[g]:m[g+1]]]]; ok {
			hits = append(hits, hit{m[0], l, strings.TrimSpace(s[m[0]:m[1]])})
		}
		break
	}
	// A country's adjective joined to a word for time and to a clock
	// before it ("8:40 (Danish time)", "10h20 heure belge", "14:30 Central
	// European time"): the zone it names, over a region read inside its
	// words (zoneadjective.go).
	if l, at, end, phrase, ok := adjectiveZone(s); ok {
		hits = slices.DeleteFunc(hits, func(h hit) bool { return h.at < end && at < h.at+len(h.text) })
		hits = append(hits, hit{at, l, phrase})
	}
	// "the time here" ("hora de aquí", "local time here") is the zone of
	// the place the writer says they are in ("estoy de viaje en Madrid"),
	// not the profile's home.
	// It stands in for no zone the text states, and takes the place the
	// writer says they are in (writerPlace: "estoy en Buenos Aires; el
	// cliente escribe desde Madrid"), else the region named nearest to it.
	//
	// A place the writer says they are in ("I'm in Lisbon now", "here in
	// Dubai", "visiting my daughter in Lisbon", "je suis à Montréal") is
	// their zone where the text states none: a desk profile's home is
	// stale for a writer away from it. Only words about the writer count
	// ("our customers in Mexico", "tourists visiting London" are not where
	// the writer is), and only places, not a language's adjective nor a
	// two-letter code (see writerPlace).
	if len(hits) == 0 {
		place, at, phrase, ok := writerPlace(s)
		if !ok {
			place, at, phrase, ok = writerPlaceAbroad(s) // placeabroad.go
		}
		var loc *time.Location
		if ok {
			loc, ok = zoneLocations()[zoneNames[place]]
		}
		if h := reHereTime.FindStringIndex(s); h != nil {
			here := strings.Trim(s[h[0]:h[1]], " (),.;:")
			if ok {
				hits = append(hits, hit{h[0], loc, here + ", " + place})
			} else if near := nearestRegion(s, h[0]); near != nil {
				if l, found := zoneLocations()[zoneNames[s[near[2]:near[3]]]]; found {
					hits = append(hits, hit{h[0], l, here + ", " + s[near[2]:near[3]]})
				}
			}
		}
		if len(hits) == 0 && ok {
			hits = append(hits, hit{at, loc, phrase})
		}
	}
	if len(hits) == 0 {
		return nil, "", false
	}
	best := hits[0]
	for _, h := range hits[1:] {
		// An explicit offset is exact ("AEDT, UTC+11"); otherwise the first.
		if h.at < best.at && !strings.HasPrefix(best.text, "utc") && !strings.HasPrefix(best.text, "gmt") {
			best = h
		}
	}
	return best.loc, best.text, true
}

// nearestRegion returns the submatch indexes of the region reInRegion
// finds nearest to the byte offset at, or nil.
func nearestRegion(s string, at int) []int {
	var near []int
	for _, m := range regionMatches(reInRegion(), s) {
		if near == nil || abs(m[2]-at) < abs(near[2]-at) {
			near = m
		}
	}
	return near
}

// regionMatches is the matches in s of re, a scan that reads a region's
// name: none without a scan where regionIndex finds no name in s.
func regionMatches(re *regexp.Regexp, s string) [][]int {
	if !regionIndex.has(s) {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// zoneRegionMatches is regionMatches(reZoneRegion(), s), without the scan
// where no region's name stands as its match needs it (zoneRegionContext):
// the scan of the whole alternation is most of the cost of a text that
// names a place.
func zoneRegionMatches(s string) [][]int {
	if !regionIndex.any(s, func(at, end int) bool { return zoneRegionContext(s, at, end) }) {
		return nil
	}
	return reZoneRegion().FindAllStringSubmatchIndex(s, -1)
}

// zoneTimeWords are timeWord's words, and zoneRegionBefore the words that
// may stand (after spaces) right before a region of reZoneRegion: a word
// of timeWord, an "am" or "pm" of a clock; a digit or "(" is checked
// apart. timeWordPreps are the words reZoneRegion reads between timeWord
// and the region ("horário de Brasília").
var (
	zoneTimeWords    = strings.Split(strings.TrimSuffix(strings.TrimPrefix(timeWord, "(?:"), ")"), "|")
	zoneRegionBefore = append([]string{"am", "pm", "a.m.", "p.m."}, zoneTimeWords...)
	timeWordPreps    = []string{"de", "del", "di", "in", "à", "ng"}
)

// regexpSpace is what `\s` matches.
const regexpSpace = "\t\n\f\r "

// zoneRegionContext reports whether the region name at s[at:end] stands
// where reZoneRegion could read it: a word for time after it (past
// spaces), or before it (past spaces, and one of timeWordPreps with the
// spaces around it), a digit, "am" or "pm" or "(" before it (past
// spaces). It is true wherever one of reZoneRegion's four shapes reads
// the name (it asks no more of the words around it than they do).
func zoneRegionContext(s string, at, end int) bool {
	if rest := strings.TrimLeft(s[end:], regexpSpace); len(rest) < len(s)-end && hasAnyPrefix(rest, zoneTimeWords) {
		return true
	}
	before := strings.TrimRight(s[:at], regexpSpace)
	if before == "" {
		return false
	}
	if c := before[len(before)-1]; c >= '0' && c <= '9' || c == '(' || hasAnySuffix(before, zoneRegionBefore) {
		return true
	}
	if len(before) == at {
		return false // a prep is followed by spaces
	}
	for _, p := range timeWordPreps {
		if w, ok := strings.CutSuffix(before, p); ok && hasAnySuffix(strings.TrimRight(w, regexpSpace), zoneTimeWords) {
			return true
		}
	}
	return false
}

// reProfileZone is the start of the words after a region's "time" that
// make it the profile's zone the writer disowns ("the Sydney time zone on
// my profile, I moved back to Manchester"), not the zone they write in.
var reProfileZone = regexp.MustCompile(`^\s*(?:zone\s+)?(?:on|in|of|from)\s+(?:my|the|your)\s+(?:profile|account)`)

// commonWordZones are zone abbreviations that are also everyday words: the
// French "est" ("à cette heure, est-ce normal"), the German "ist" ("Fehler
// 503 ist seit 10:00").
var commonWordZones = map[string]bool{"est": true, "ist": true, "wit": true}

// reClockEnd is a clock ending where an abbreviation's match starts: "10",
// "9:30", "10am", not "503".
var reClockEnd = regexp.MustCompile(`(?:^|[^\d:.])\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?\s*$`)

// commonWordZone reports whether the zone word s[a:b], in a match starting
// at start, counts: any that is no everyday word does; "est" and "ist" only
// in parentheses or written in capitals, and "est" also right after a
// clock ("10am est").
func commonWordZone(s, orig string, start, a, b int) bool {
	w := s[a:b]
	if !commonWordZones[w] {
		return true
	}
	if strings.HasSuffix(strings.TrimRight(s[:a], " "), "(") || strings.HasPrefix(strings.TrimLeft(s[b:], " "), ")") {
		return true
	}
	if capitalWord(orig, strings.ToUpper(w)) {
		return true
	}
	return w == "est" && start < a && s[start] >= '0' && s[start] <= '9' && reClockEnd.MatchString(s[:a])
}

// insideLatinWord reports whether the region name starting at s[at:]
// begins inside a word of a Latin script: "ph time" in "the graph time
// axis", "sg time" in "msg time" name no region. Scripts written without
// spaces ("北京时间", "เวลาประเทศไทย") need no boundary.
func insideLatinWord(s string, at int) bool {
	if at == 0 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:at])
	first, _ := utf8.DecodeRuneInString(s[at:])
	return unicode.Is(unicode.Latin, first) && !notWordRune(before)
}

// capitalWord reports whether w stands in text as a word of its own.
func capitalWord(text, w string) bool {
	for i := 0; i < len(text); {
		k := strings.Index(text[i:], w)
		if k < 0 {
			return false
		}
		at, end := i+k, i+k+len(w)
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		after, _ := utf8.DecodeRuneInString(text[end:])
		if (at == 0 || !unicode.IsLetter(before)) && (end == len(text) || !unicode.IsLetter(after)) {
			return true
		}
		i = end
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
