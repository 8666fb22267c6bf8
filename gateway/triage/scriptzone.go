package triage

import (
	"time"
	"unicode"
)

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
