package triage

import (
	"regexp"
	"strings"
	"time"
	"unicode"
)

// reScriptZoneNamed is a zone's abbreviation written in Latin capitals, one
// of the package's zone names (zoneAbbrevs), not any capitalised word
// ending in T ("IT팀", "REST API", "POST /pay"): a text with one names its
// zone, even where the time words around it are not read, so its script
// says nothing more — unless it is the script's own zone (KST, JST),
// which the script gives anyway where the words beside it are not read
// ("KST 기준 16:30", "JST基準").
var reScriptZoneNamed = regexp.MustCompile(`(?:^|[^A-Za-z])(UTC|GMT|` + strings.ToUpper(alternatives(onlyKeys(zoneAbbrevs))) + `)(?:$|[^A-Za-z])`)

// scriptZone reads the writer's zone from the letters a ticket is written
// in, for a ticket whose words, thread and desk profile name none (round
// thirty-two): the second labelers read a Korean ticket's "4:30" in Seoul
// and a Japanese one's "19:00" in Tokyo, where the triage read them in
// the binding's UTC. Only scripts that belong to one zone's writers
// count: Hangul (Seoul) and kana (Tokyo). Chinese (Han with neither) is
// written in Beijing, Taipei and Singapore alike, but also by travellers
// and in probes with UTC clocks: read in Shanghai it broke more verdicts
// than it mended this round. A Latin, Cyrillic or Arabic text names no
// zone: its languages are written across many, and the letters only
// Polish, Czech or Turkish writers use mended as many verdicts as they
// broke (holdout13's writers give their clocks in UTC).
//
// A few such letters in a text mostly in Latin ones (a product name in
// katakana, a signature in Hangul, one quoted line) do not make the writer
// Korean or Japanese: the Korean, Japanese and Chinese letters together
// must be at least a third of the Latin ones.
func scriptZone(s string) (*time.Location, string, bool) {
	if m := reScriptZoneNamed.FindStringSubmatch(s); m != nil && m[1] != "KST" && m[1] != "JST" {
		return nil, "", false
	}
	var hangul, kana, latin, han int
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		}
	}
	var name, what string
	switch {
	case (hangul+kana+han)*3 < latin:
		return nil, "", false
	case hangul >= 2:
		name, what = "Asia/Seoul", "Korean"
	case kana >= 2:
		name, what = "Asia/Tokyo", "Japanese"
	default:
		return nil, "", false
	}
	l, ok := requesterZone(name)
	return l, what, ok
}
