package triage

import (
	"fmt"
	"strconv"
	"strings"
)

// Many languages say a clock with a word for "o'clock" after the hour
// (Hindi "7 बजे", Vietnamese "10 giờ"), a word for "around" before a bare
// hour (Romanian "pe la 5"), or the hour itself in words (Arabic "الساعة
// السابعة والنصف", Ukrainian "пів на шосту", Thai "ตีหนึ่งครึ่ง"). wordClock
// rewrites them to the "7:00" the extractors read (round fifty-four); the
// part of the day beside them (dayHalf) then gives the half.

var (
	// reHourMarker is an hour with the word for "o'clock" after it; a
	// Hindi hour may be written in Devanagari digits ("७ बजे").
	reHourMarker = mustCompileFolded(`(?:^|[^\d०-९:])([\d०-९]{1,2})\s*(?:बजे|giờ)(?:\s*(\d{1,2})(?:\s*phút)?|\s*(rưỡi))?`)
	// reDurationBefore is a Vietnamese word that makes the "giờ" after it
	// a number of hours, not a clock ("trong 2 giờ", "mất 3 giờ").
	reDurationBefore = mustCompileFolded(`(?:(?:trong|mất|suốt|hơn|chờ|đợi|cả|được)\s*|\d[.,])$`)
	// reDurationAfter is a Vietnamese word after "giờ" that makes it a
	// number of hours: "2 giờ trước" (two hours ago), "2 giờ nữa", "2 giờ
	// liền" (two hours on end), "2 giờ qua" (the past two hours).
	reDurationAfter = mustCompileFolded(`^\s*(?:trước|nữa|liền|qua)(?:$|[^\p{L}])`)
	// reAroundHour is Romanian "pe la ora 5", or "pe la 5" with a
	// punctuation mark, the end of the text or a part of the day after the
	// number: not "pe la 3 bancomate" (at three cash machines), "pe la 20 de
	// comenzi" (some 20 orders) or "de pe la 5 ianuarie" (since 5 January).
	reAroundHour = mustCompileFolded(`(?:^|[^\p{L}])pe la (?:ora (\d{1,2})(?:$|[^\d:.])|(\d{1,2})(\s*(?:[,;!?()]|\.(?:\s|$)|$)|` +
		`\s+(?:dimineața|seara|noaptea|după-amiază|după-amiaza|dupa amiaza)(?:$|[^\p{L}])))`)
	// reWordHour is an hour said in words: Arabic "الساعة" and an ordinal,
	// Ukrainian "пів на" and the next hour's ordinal (Russian "полшестого"
	// and "половина шестого" are not read), Thai "ตี" and a number (the
	// small hours; not "ตีสองหน้า", two-faced).
	reWordHour = mustCompileFolded(`(الساعة\s+)(` + alternatives(onlyKeys(arabicHours)) + `)(\s*(?:و\s*)?(?:النصف|الربع|نصف|ربع))?|` +
		`(?:^|[^\p{L}])(?:о\s+)?пів\s+на\s+(` + alternatives(onlyKeys(halfBeforeHours)) + `)|` +
		`ตี(` + alternatives(onlyKeys(thaiNumbers)) + `)(ครึ่ง)?(หน้า)?`)
)

var (
	arabicHours = map[string]int{"الواحدة": 1, "الثانية عشرة": 12, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6,
		"السابعة": 7, "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "الحادية عشرة": 11}
	// halfBeforeHours are the hours "пів на" counts to: "пів на шосту" is 5:30.
	halfBeforeHours = map[string]int{"першу": 1, "другу": 2, "третю": 3, "четверту": 4, "п'яту": 5, "пʼяту": 5, "п’яту": 5, "шосту": 6,
		"сьому": 7, "восьму": 8, "дев'яту": 9, "девʼяту": 9, "дев’яту": 9, "десяту": 10, "одинадцяту": 11, "дванадцяту": 12}
	thaiNumbers = map[string]int{"หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5}
)

// dayHalfWords are the parts of the day in those languages, for dayHalf:
// a night is the small hours' before six and the evening's from six.
// Vietnamese "sáng" and "đêm" are left out: the folded text spells them
// "sang" and "dem", English and German words (round fifty-four's review).
var dayHalfWords = map[string]string{
	"सुबह": "am", "दोपहर": "pm", "शाम": "pm", "रात": "night",
	"صباحا": "am", "صباح": "am", "الصبح": "am", "ظهرا": "pm", "الظهر": "pm", "العصر": "pm", "مساء": "pm", "المساء": "pm", "ليلا": "night", "الليل": "night",
	"trưa": "pm", "chiều": "pm", "tối": "pm",
	"το πρωί": "am", "το απόγευμα": "pm", "το βράδυ": "pm", "τα μεσάνυχτα": "night", "τη νύχτα": "night",
	"dimineata": "am", "seara": "pm", "dupa-amiaza": "pm", "noaptea": "night", "azi-noapte": "night",
	"ранку": "am", "утра": "am", "дня": "pm", "вечора": "pm", "вечера": "pm", "ночі": "night", "ночи": "night", "вночі": "night", "ночью": "night",
}

// wordClock rewrites s as described above.
func wordClock(s string) string {
	var b strings.Builder
	last := 0
	for _, ix := range reHourMarker.FindAllStringSubmatchIndex(s, -1) {
		if reDurationBefore.MatchString(s[:ix[2]]) || reDurationAfter.MatchString(s[ix[1]:]) {
			continue
		}
		mi := 0
		switch {
		case ix[4] >= 0:
			mi, _ = strconv.Atoi(s[ix[4]:ix[5]])
		case ix[6] >= 0:
			mi = 30
		}
		b.WriteString(s[last:ix[2]])
		fmt.Fprintf(&b, "%s:%02d ", asciiDigits(s[ix[2]:ix[3]]), mi)
		last = ix[1]
	}
	s = b.String() + s[last:]
	s = reAroundHour.ReplaceAllString(s, " around ${1}${2}:00 ${3}")
	return reWordHour.ReplaceAllStringFunc(s, func(m string) string {
		sm := reWordHour.FindStringSubmatch(m)
		switch {
		case sm[2] != "":
			mi := 0
			if sm[3] != "" {
				mi = 15
				if strings.Contains(sm[3], "نصف") {
					mi = 30
				}
			}
			return " " + strconv.Itoa(arabicHours[sm[2]]) + fmt.Sprintf(":%02d ", mi)
		case sm[4] != "":
			return " " + strconv.Itoa(halfBeforeHours[sm[4]]-1) + ":30 "
		}
		if sm[7] != "" {
			return m
		}
		mi := "00"
		if sm[6] != "" {
			mi = "30"
		}
		return " " + strconv.Itoa(thaiNumbers[sm[5]]) + ":" + mi + " am "
	})
}

// asciiDigits writes Devanagari digits as ASCII ones: "७" is "7".
func asciiDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '०' && r <= '९' {
			return '0' + r - '०'
		}
		return r
	}, s)
}
