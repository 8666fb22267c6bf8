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
		"昨日の夕方": "yesterday evening", "今日の夕方": "this evening", "昨天傍晚": "yesterday evening", "夕方": "this evening",
		"어제 저녁": "yesterday evening", "어젯밤": "last night", "어제": "yesterday", "오늘 아침": "this morning", "오늘": "today", "방금": "just now",
	}
	reCJKDay = regexp.MustCompile(alternatives(cjkDays))
	// A clock: an optional part of the day, the hour with its counter,
	// minutes with theirs or "half", then "about" and "since" words.
	reCJKClock = regexp.MustCompile(`(午前|午後|上午|下午|中午|晚上|夜の?|夜|朝の?|朝|早上|凌晨|傍晚|深夜|오전|오후|새벽|저녁|밤)?\s*(\d{1,2})\s*(?:時|时|点|點|시)\s*(?:(\d{1,2})\s*(?:分|분)?|(半|반))?\s*(ごろ|頃|左右|前後|くらい|쯤|경)?\s*(から|より|起|开始|開始|以来|부터)?`)
	// Durations, which share the hour's counter ("3時間前", "2小时前"):
	// read before the clock so that they do not become one.
	reCJKHours   = regexp.MustCompile(`(\d{1,3})\s*(?:个|個)?\s*(?:時間|小时|小時|시간)\s*(前|전)?`)
	reCJKMinutes = regexp.MustCompile(`(\d{1,3})\s*(?:分間|分钟|分鐘|분간)\s*(前|전)?|(\d{1,3})\s*(?:分|분)\s*(前|전)`)
	// A bare "17:05" followed by a "since" word.
	reCJKSince = regexp.MustCompile(`(\d{1,2}:\d{2})\s*(ごろ|頃|左右|前後|쯤|경)?\s*(から|より|起|开始|開始|以来|부터)`)
	// "since 7:40 … 8:00 まで" is a range.
	reCJKUntil = regexp.MustCompile(`since (\d{1,2}:\d{2})\s*[^\d]{0,12}?(\d{1,2}:\d{2})\s*(?:まで|为止|為止|까지|到)`)
)

// cjkWeekdays are the days of the week, and cjkDayParts the parts of a
// day said after them without a clock ("月曜日の午後", "周一下午", "월요일 오후").
var (
	cjkWeekdays = map[string]string{
		"月曜日": "monday", "火曜日": "tuesday", "水曜日": "wednesday", "木曜日": "thursday", "金曜日": "friday", "土曜日": "saturday", "日曜日": "sunday",
		"月曜": "monday", "火曜": "tuesday", "水曜": "wednesday", "木曜": "thursday", "金曜": "friday", "土曜": "saturday", "日曜": "sunday",
		"周一": "monday", "周二": "tuesday", "周三": "wednesday", "周四": "thursday", "周五": "friday", "周六": "saturday", "周日": "sunday", "周天": "sunday",
		"星期一": "monday", "星期二": "tuesday", "星期三": "wednesday", "星期四": "thursday", "星期五": "friday", "星期六": "saturday", "星期日": "sunday", "星期天": "sunday",
		"週一": "monday", "週二": "tuesday", "週三": "wednesday", "週四": "thursday", "週五": "friday", "週六": "saturday", "週日": "sunday",
		"월요일": "monday", "화요일": "tuesday", "수요일": "wednesday", "목요일": "thursday", "금요일": "friday", "토요일": "saturday", "일요일": "sunday",
	}
	cjkDayParts = map[string]string{
		"午前": "morning", "朝": "morning", "午後": "afternoon", "夕方": "evening", "夜": "night",
		"上午": "morning", "早上": "morning", "下午": "afternoon", "晚上": "evening", "傍晚": "evening",
		"오전": "morning", "아침": "morning", "오후": "afternoon", "저녁": "evening", "밤": "night",
	}
	reCJKWeekday = regexp.MustCompile(`(` + alternatives(cjkWeekdays) + `)\s*(?:の|에)?\s*(` + alternatives(cjkDayParts) + `)?`)
	// Numbers in words before a counter ("三十分前", "两个小时前", "十分钟前")
	// and half an hour ("半小时前", "半時間前").
	reCJKNumber = regexp.MustCompile(`([一二两兩三四五六七八九十]+)\s*(个|個|分|時間|小时|小時|時|时|点|點)`)
	reCJKHalf   = regexp.MustCompile(`半\s*(?:个|個)?\s*(?:小时|小時|時間)`)
	cjkDigits   = map[rune]int{'一': 1, '二': 2, '两': 2, '兩': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
)

// cjkNumber is the value of a number written in Han numerals up to 99
// ("三十" 30, "十五" 15, "两" 2); 0 when it is not one.
func cjkNumber(w string) int {
	rs := []rune(w)
	if i := strings.IndexRune(w, '十'); i >= 0 {
		tens, ones := 1, 0
		before, after := []rune(w[:i]), []rune(w[i+len("十"):])
		if len(before) > 1 || len(after) > 1 {
			return 0
		}
		if len(before) == 1 {
			tens = cjkDigits[before[0]]
		}
		if len(after) == 1 {
			ones = cjkDigits[after[0]]
		}
		return tens*10 + ones
	}
	if len(rs) != 1 {
		return 0
	}
	return cjkDigits[rs[0]]
}

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
	s = reCJKHalf.ReplaceAllString(s, "30分钟")
	s = reCJKNumber.ReplaceAllStringFunc(s, func(m string) string {
		sm := reCJKNumber.FindStringSubmatch(m)
		n := cjkNumber(sm[1])
		// "一時的" (for a while), "一点" (a little) are no clock
		if n == 0 || n == 1 && strings.ContainsAny(sm[2], "時时点點") {
			return m
		}
		return strconv.Itoa(n) + sm[2]
	})
	s = reCJKZone.ReplaceAllStringFunc(s, func(m string) string { return " " + cjkZones[m] + " " })
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
	s = reCJKWeekday.ReplaceAllStringFunc(s, func(m string) string {
		sm := reCJKWeekday.FindStringSubmatch(m)
		en := " on " + cjkWeekdays[sm[1]]
		if sm[2] != "" {
			en += " " + cjkDayParts[sm[2]]
		}
		return en + " "
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
