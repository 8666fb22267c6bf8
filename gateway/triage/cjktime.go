package triage

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// Chinese, Japanese and Korean tickets write a clock time with a counter
// after the hour ("7時40分", "晚上11点", "오후 3시 20분"), the zone as a
// place and a word for time ("日本時間", "北京时间"), and "since" after
// the time ("11時半から", "17:05起"); digits and colons are often the
// full-width forms. cjkTime rewrites them to the English the extractors
// read, so those times choose the window as any other clock time does.

var (
	// cjkZones are the zone phrases of those languages, rewritten to a
	// zone the writer-zone reader knows.
	cjkZones = map[string]string{
		"日本時間": "(jst)", "日本时间": "(jst)", "東京時間": "(jst)", "东京时间": "(jst)",
		"北京时间": "(beijing time)", "北京時間": "(beijing time)", "中国时间": "(beijing time)", "中國時間": "(beijing time)",
		"台北時間": "(taipei time)", "台湾时间": "(taipei time)", "台灣時間": "(taipei time)", "香港时间": "(hong kong time)", "香港時間": "(hong kong time)",
		"한국 시간": "(kst)", "한국시간": "(kst)", "서울 시간": "(kst)",
	}
	reCJKZone = regexp.MustCompile(alternatives(cjkZones))
	// cjkDays are the days and parts of a day, in English.
	cjkDays = map[string]string{
		"昨夜": "last night", "昨晚": "last night", "昨天晚上": "yesterday evening", "昨日の夜": "yesterday evening",
		"昨日の朝": "yesterday morning", "昨天早上": "yesterday morning", "昨天上午": "yesterday morning", "昨日の午後": "yesterday afternoon", "昨天下午": "yesterday afternoon",
		"昨日": "yesterday", "昨天": "yesterday", "今朝": "this morning", "今天早上": "this morning", "今天上午": "this morning",
		"今日の午後": "this afternoon", "今天下午": "this afternoon", "今夜": "tonight", "今晚": "tonight",
		"本日": "today", "今日": "today", "今天": "today", "先ほど": "just now", "さっき": "just now", "刚才": "just now", "剛才": "just now",
		"어제 저녁": "yesterday evening", "어젯밤": "last night", "어제": "yesterday", "오늘 아침": "this morning", "오늘": "today", "방금": "just now",
	}
	reCJKDay = regexp.MustCompile(alternatives(cjkDays))
	// A clock: an optional part of the day, the hour with its counter,
	// minutes with theirs or "half", then "about" and "since" words.
	reCJKClock = regexp.MustCompile(`(午前|午後|上午|下午|中午|晚上|夜の?|夜|朝の?|朝|早上|凌晨|傍晚|深夜|오전|오후|새벽|저녁|밤)?\s*(\d{1,2})\s*(?:時|时|点|點|시)\s*(?:(\d{1,2})\s*(?:分|분)?|(半|반))?\s*(ごろ|頃|左右|前後|くらい|쯤|경)?\s*(から|より|起|开始|開始|以来|부터)?`)
	// Durations, which share the hour's counter ("3時間前", "2小时前"):
	// read before the clock so that they do not become one.
	reCJKHours   = regexp.MustCompile(`(\d{1,3})\s*(?:時間|小时|小時|시간)\s*(前|전)?`)
	reCJKMinutes = regexp.MustCompile(`(\d{1,3})\s*(?:分間|分钟|分鐘|분간)\s*(前|전)?|(\d{1,3})\s*(?:分|분)\s*(前|전)`)
	// A bare "17:05" followed by a "since" word.
	reCJKSince = regexp.MustCompile(`(\d{1,2}:\d{2})\s*(ごろ|頃|左右|前後|쯤|경)?\s*(から|より|起|开始|開始|以来|부터)`)
	// "since 7:40 … 8:00 まで" is a range.
	reCJKUntil = regexp.MustCompile(`since (\d{1,2}:\d{2})\s*[^\d]{0,12}?(\d{1,2}:\d{2})\s*(?:まで|为止|為止|까지|到)`)
)

// pmParts and amParts are the parts of a day that put an hour after or
// before noon.
var (
	pmParts = map[string]bool{"午後": true, "下午": true, "晚上": true, "夜": true, "夜の": true, "傍晚": true, "오후": true, "저녁": true, "밤": true}
	amParts = map[string]bool{"午前": true, "上午": true, "朝": true, "朝の": true, "早上": true, "凌晨": true, "深夜": true, "오전": true, "새벽": true}
)

// cjkRune reports whether r is of the scripts cjkTime reads: Han, kana,
// Hangul, full-width ASCII and the ideographic space. Curly quotes, dashes,
// currency signs and accented Latin are not.
func cjkRune(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// cjkTime rewrites s (lower case) as described above; text without those
// scripts or full-width forms is returned as it is.
func cjkTime(s string) string {
	if !strings.ContainsFunc(s, cjkRune) {
		return s
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
	s = reCJKZone.ReplaceAllStringFunc(s, func(m string) string { return " " + cjkZones[m] + " " })
	s = cjkPlaceTime(s) // placeabroad.go
	s = reCJKDay.ReplaceAllStringFunc(s, func(m string) string { return " " + cjkDays[m] + " " })
	s = reCJKHours.ReplaceAllStringFunc(s, func(m string) string { return durationWords(reCJKHours.FindStringSubmatch(m)[1:], "hours") })
	s = reCJKMinutes.ReplaceAllStringFunc(s, func(m string) string {
		sm := reCJKMinutes.FindStringSubmatch(m)
		if sm[1] == "" {
			sm = sm[2:]
		}
		return durationWords(sm[1:3], "minutes")
	})
	s = reCJKClock.ReplaceAllStringFunc(s, func(m string) string {
		sm := reCJKClock.FindStringSubmatch(m)
		h, _ := strconv.Atoi(sm[2])
		mi := 0
		if sm[3] != "" {
			mi, _ = strconv.Atoi(sm[3])
		} else if sm[4] != "" {
			mi = 30
		}
		switch {
		case pmParts[sm[1]] && h < 12:
			h += 12
		case amParts[sm[1]] && h == 12:
			h = 0
		case sm[1] == "中午" && h < 6:
			h += 12
		}
		if h > 23 || mi > 59 {
			return m
		}
		out := fmt.Sprintf("%d:%02d", h, mi)
		switch {
		case sm[6] != "":
			out = "since " + out
		case sm[5] != "":
			out = "around " + out
		}
		return " " + out + " "
	})
	s = reCJKSince.ReplaceAllString(s, " since $1 ")
	return reCJKUntil.ReplaceAllString(s, "between $1 and $2")
}

// durationWords is "for 3 hours", or "3 hours ago" when ago is set; nm
// holds the number and the "ago" word.
func durationWords(nm []string, unit string) string {
	if nm[1] != "" {
		return " " + nm[0] + " " + unit + " ago "
	}
	return " for " + nm[0] + " " + unit + " "
}
