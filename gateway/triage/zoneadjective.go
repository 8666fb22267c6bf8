package triage

import (
	"regexp"
	"strings"
	"time"
)

// Round one hundred and three: a zone told as a country's or a city's
// adjective beside the word for time ("at 23:20 tonight (Danish time)",
// "since 7:30 this morning (Irish time)", "um 22 Uhr britischer Zeit",
// "à 14h30 heure belge", "o 14:30 czasu warszawskiego", "14:30 Central
// European time"). The gazetteer (zoneNames) reads a place's name and a
// few adjectives anywhere a region may stand (beside a clock, in
// parentheses), which is why it holds only the adjectives that are no
// everyday word of a ticket; a country's adjective ("Italian", "Chinese",
// "Swiss") is mostly about customers, shops or a language ("2 Italian
// shops", "every time Italian customers pay"), so it names a zone here
// only joined to a word for time, in the order its language puts them:
// the adjective before the noun in English, German, Dutch, the
// Scandinavian languages and Czech, after it in French, Spanish,
// Portuguese and Italian, either way in Polish. Countries that span
// several zones (the United States, Canada, Russia, Australia, Indonesia)
// have no adjective here: their adjective names no clock.

// zoneAdjectives are the adjectives by zone, in lower case, "|"-separated.
// before are read before a word for time of adjectiveBeforeTime, after
// after one of adjectiveAfterTime.
var zoneAdjectives = []struct{ zone, before, after string }{
	{zone: "Europe/London", before: "british|british summer|english|scottish|welsh|britischer|britische|britischen|englischer|englische|englischen|londoner|britse|engelse|engelsk|britisk|brittisk|britského|anglického|brytyjskiego|angielskiego|londyńskiego",
		after: "britannique|anglaise|británica|britanica|inglesa|britânica|inglese|britannica|brytyjskiego|angielskiego|londyńskiego"},
	{zone: "Europe/Dublin", before: "dubliner|irish|irischer|irische|irischen|ierse|irsk|irského|irlandzkiego", after: "irlandaise|irlandesa|irlandese|irlandzkiego"},
	{zone: "Europe/Lisbon", before: "lissaboner|portuguese|western european|western european summer|portugiesischer|portugiesische|portugiesischen|portugese|portugisisk|portugalského|portugalskiego", after: "portugaise|portuguesa|portoghese|portugalskiego"},
	{zone: "Europe/Brussels", before: "brüsseler|belgian|belgischer|belgische|belgischen|belgisk|belgického|belgijskiego", after: "belge|belga|belgijskiego"},
	{zone: "Europe/Zurich", before: "genfer|basler|swiss|schweizer|schweizerischer|schweizerische|zürcher|zwitserse|schweizisk|sveitsisk|švýcarského|szwajcarskiego", after: "suisse|suiza|suíça|suica|svizzera|szwajcarskiego"},
	{zone: "Europe/Vienna", before: "austrian|oostenrijkse|österrikisk|østrigsk|østerriksk|rakouského|austriackiego", after: "autrichienne|austriaca|austríaca|austriackiego"},
	{zone: "Europe/Berlin", before: "deutscher|duitse|tysk|německého|niemieckiego|berlińskiego", after: "allemande|alemana|alemã|alema|tedesca|niemieckiego|berlińskiego"},
	{zone: "Europe/Paris", before: "französischer|französische|französischen|pariser|franse|fransk|francouzského|francuskiego|paryskiego|central european|central european summer|central europe|mitteleuropäischer|midden-europese|centraleuropeisk|centraleuropæisk|středoevropského|środkowoeuropejskiego",
		after: "d'europe centrale|de l'europe centrale|francesa|francese|de europa central|centroeuropea|da europa central|dell'europa centrale|centroeuropea|francuskiego|paryskiego|środkowoeuropejskiego"},
	{zone: "Europe/Madrid", before: "madrider|barcelonaer|spanischer|spanische|spanischen|spaanse|spansk|španělského|hiszpańskiego|madryckiego", after: "espagnole|spagnola|espanhola|hiszpańskiego|madryckiego"},
	{zone: "Atlantic/Canary", before: "canarian|canary islands", after: "canaria|canarias|des canaries"},
	{zone: "Europe/Rome", before: "mailänder|römischer|italian|italienischer|italienische|italienischen|italiaanse|italiensk|italského|włoskiego|rzymskiego|mediolańskiego", after: "italienne|włoskiego|rzymskiego|mediolańskiego"},
	{zone: "Europe/Amsterdam", before: "amsterdamer|niederländischer|niederländische|holländischer|holländische|nederländsk|hollandsk|nizozemského|holenderskiego|amsterdamskiego", after: "néerlandaise|neerlandaise|holandesa|olandese|holenderskiego|amsterdamskiego"},
	{zone: "Europe/Copenhagen", before: "kopenhagener|danish|dänischer|dänische|dänischen|deense|dänsk|dansk|dánského|duńskiego|kopenhaskiego", after: "danoise|danesa|dinamarquesa|danese|duńskiego|kopenhaskiego"},
	{zone: "Europe/Oslo", before: "osloer|norwegian|norwegischer|norwegische|norwegischen|noorse|norsk|norského|norweskiego", after: "norvégienne|norvegienne|noruega|norueguesa|norvegese|norweskiego"},
	{zone: "Europe/Stockholm", before: "stockholmer|schwedischer|schwedische|schwedischen|zweedse|švédského|szwedzkiego|sztokholmskiego", after: "suédoise|suedoise|sueca|svedese|szwedzkiego|sztokholmskiego"},
	{zone: "Europe/Helsinki", before: "helsinkier|finnish|finnischer|finnische|finnischen|finse|finsk|finského|fińskiego", after: "finlandaise|finlandesa|finlandese|fińskiego"},
	{zone: "Europe/Warsaw", before: "warschauer|polnischer|polnische|polnischen|poolse|polsk|polského|warszawskiego|krakowskiego|polskiego", after: "polonaise|polaca|polonesa|polacca|warszawskiego|krakowskiego"},
	{zone: "Europe/Prague", before: "prager|czech|tschechischer|tschechische|tschechischen|tsjechische|tjeckisk|tjekkisk|pražského|czeskiego|praskiego", after: "tchèque|tcheque|checa|tcheca|ceca|czeskiego|praskiego"},
	{zone: "Europe/Budapest", before: "budapester|hungarian|ungarischer|ungarische|ungarischen|hongaarse|maďarského|węgierskiego", after: "hongroise|húngara|hungara|ungherese|węgierskiego"},
	{zone: "Europe/Bucharest", before: "romanian|rumänischer|rumänische|roemeense|rumunského|rumuńskiego", after: "roumaine|rumana|romena|rumuńskiego"},
	{zone: "Europe/Athens", before: "athener|greek|eastern european|eastern european summer|griechischer|griechische|griechischen|griekse|grekisk|græsk|gresk|řeckého|greckiego", after: "grecque|griega|grega|greca|greckiego"},
	{zone: "Europe/Istanbul", before: "istanbuler|turkish|türkischer|türkische|türkischen|turkse|turkisk|tyrkisk|tureckého|tureckiego", after: "turque|turca|tureckiego"},
	{zone: "Europe/Kyiv", before: "ukrainian|ukrainischer|ukrainische|oekraïense|ukrajinského|ukraińskiego", after: "ukrainienne|ucraniana|ucraina|ukraińskiego"},
	{zone: "Europe/Sofia", before: "bulgarian|bulgarischer|bulgarische|bulgaarse", after: "bulgare|búlgara|bulgara"},
	{zone: "Europe/Zagreb", before: "croatian|kroatischer|kroatische", after: "croate|croata"},
	{zone: "Europe/Tallinn", before: "estonian|estnischer|estnische", after: "estonienne|estonia"},
	{zone: "Asia/Jerusalem", before: "israeli|israelischer|israelische|israëlische", after: "israélienne|israelí|israelense|israeliana"},
	{zone: "Asia/Kolkata", before: "indian|indischer|indische|indiase|indisk", after: "indienne|indiana|indiano"},
	{zone: "Asia/Shanghai", before: "chinese|chinesischer|chinesische|kinesisk", after: "chinoise|china|chinesa|cinese"},
	{zone: "Asia/Tokyo", before: "japanese|japanischer|japanische|japanse|japansk", after: "japonaise|japonesa|giapponese"},
	{zone: "Asia/Seoul", before: "korean|koreanischer|koreanische|koreaanse|koreansk", after: "coréenne|coreenne|coreana"},
	{zone: "America/New_York", before: "new yorker"},
	{zone: "America/Sao_Paulo", before: "brazilian|brasilianischer|brasilianische|braziliaanse", after: "brésilienne|bresilienne|brasileña|brasilena|brasileira|brasileiro|brasiliana"},
	{zone: "America/Mexico_City", before: "mexican|mexikanischer|mexikanische|mexicaanse", after: "mexicaine|mexicana|messicana"},
	{zone: "America/Argentina/Buenos_Aires", before: "argentinian|argentine", after: "argentine|argentina"},
	{zone: "America/Santiago", before: "chilean", after: "chilienne|chilena|cilena"},
	{zone: "America/Bogota", before: "colombian", after: "colombienne|colombiana"},
	{zone: "America/Lima", before: "peruvian", after: "péruvienne|peruana|peruviana"},
}

// adjectiveBeforeTime are the words for time an adjective stands before
// ("Irish time", "britischer Zeit", "Belgische tijd", "finsk tid",
// "pražského času", "polskiego czasu"), and adjectiveAfterTime those it
// follows ("heure belge", "hora portuguesa", "ora svizzera", "horário
// brasileiro" is "brasileira" in the feminine "hora", "czasu
// warszawskiego").
const (
	adjectiveBeforeTime = `(?:time|zeit|tijd|tid|času|czasu)`
	adjectiveAfterTime  = `(?:heure|hora|horário|horario|ora|czasu)`
)

// reAdjectiveZone reads an adjective of zoneAdjectives joined to its word
// for time by spaces: the adjective in group 1 before the word (group 2),
// in group 3 after it; each a whole word.
var reAdjectiveZone = compileOnUse(`(?:^|[^\p{L}])(?:(` + adjectiveAlt(func(b, _ string) string { return b }) + `)\s+(` + adjectiveBeforeTime + `)` +
	`|` + adjectiveAfterTime + `\s+(` + adjectiveAlt(func(_, a string) string { return a }) + `))(?:$|[^\p{L}])`)

// reTimeCompound is a noun the English "time" makes a compound with
// right after it, by a space or a hyphen: "my Italian time slot", "the
// Irish time-slot", "the Danish time window" are a lesson's or a
// booking's, no zone.
var reTimeCompound = regexp.MustCompile(`^(?:\s+|\s*-\s*)(?:slots?|limits?|frames?|windows?)\b`)

// reClockBeforeAdjective is a clock or a range of clocks ending within
// three words before an adjective's words ("at 8:40 (Danish time)", "since
// 7:30 this morning (Irish time)", "um 15:08 Uhr britischer Zeit", "às
// 18:50, hora portuguesa", "8:00-16:00 (Irish time)"): the adjective is
// joined to the clock, so it is the clock's zone. One joined to none is
// what an account, an app or colleagues show ("my account still shows
// Irish time but I've lived in Athens", "a app mostra ... hora da Europa
// Central", "our colleagues in London (British time)").
var reClockBeforeAdjective = regexp.MustCompile(`(?:^|[^\d:.])\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h)?(?:[\s,(\-–]+[\p{L}'.]+){0,3}[\s,(\-–]*$`)

// adjectiveZones maps each adjective, in either list, to its zone.
var adjectiveZones = func() map[string]string {
	out := map[string]string{}
	for _, z := range zoneAdjectives {
		for _, n := range strings.Split(z.before+"|"+z.after, "|") {
			out[n] = z.zone
		}
	}
	return out
}()

// adjectiveAlt is the alternation of one list of zoneAdjectives' names.
func adjectiveAlt(pick func(before, after string) string) string {
	names := map[string]string{}
	for _, z := range zoneAdjectives {
		for _, n := range strings.Split(pick(z.before, z.after), "|") {
			if n != "" {
				names[n] = n
			}
		}
	}
	return prefixAlternatives(names) // placeabroad.go
}

// adjectiveZone returns the zone of the first adjective and word for time
// in s (lower case) joined to a clock before it, where the match's words
// start and end, and the words read. ok is false when s joins none. The
// profile's zone the writer disowns ("the Greek time zone on my profile")
// is none.
func adjectiveZone(s string) (loc *time.Location, at, end int, phrase string, ok bool) {
	for _, m := range reAdjectiveZone().FindAllStringSubmatchIndex(s, -1) {
		if m[4] >= 0 && reTimeCompound.MatchString(s[m[5]:]) {
			continue
		}
		g := 2
		if m[2] < 0 {
			g = 6
		}
		l, err := time.LoadLocation(adjectiveZones[s[m[g]:m[g+1]]])
		if err != nil {
			continue
		}
		text := strings.Trim(s[m[0]:m[1]], " \t\n()[],.;:!?-")
		at = m[0] + strings.Index(s[m[0]:m[1]], text)
		if !reClockBeforeAdjective.MatchString(s[:at]) || reProfileZone.MatchString(s[at+len(text):]) {
			continue
		}
		return l, at, at + len(text), text, true
	}
	return nil, 0, 0, "", false
}
