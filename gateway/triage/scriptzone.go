package triage

import (
	"regexp"
	"time"
	"unicode"
)

// reScriptZoneNamed is a zone's abbreviation or offset written in Latin letters
// ("CEST 기준", "KST", "UTC+9"): a text with one names its zone, even where
// the time words around it are not read, so its script says nothing more.
var reScriptZoneNamed = regexp.MustCompile(`\b(?:UTC|GMT|[A-Z]{1,3}[SD]?T)\b`)

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
func scriptZone(s string) (*time.Location, string, bool) {
	if reScriptZoneNamed.MatchString(s) {
		return nil, "", false
	}
	var hangul, kana int
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			kana++
		}
	}
	var name, what string
	switch {
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
