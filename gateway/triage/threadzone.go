package triage

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A reply carries the writer's clock twice: the header over the message it
// quotes ("On Thu 18 May 2028 at 20:25, Francesca wrote:", "Sent:
// Thursday, May 18, 2028 10:15 PM", "2028年5月18日(木) 18:35 …:") is
// written by the writer's mail client in the writer's zone, and the
// ticket's creation time is UTC. A writer who answers their own message
// within the hour is as many whole hours ahead of UTC as the header's
// clock is ahead of the creation time, rounded up. That zone reads the
// ticket's bare clock times ("da circa le 20:20", "18時半頃から") when the
// ticket names no zone of its own: a zone stated in the words still wins
// (writerZone); a header clock at UTC itself yields to the requester's
// profile zone (triage.go); the profile, then the desk's zone, are the
// fallbacks when no header reads.

var (
	// reHeaderClock is a clock in a header: "20:25", "17.45", "10:15 PM",
	// never a date's "18.05." ("18.05.2028").
	reHeaderClock = regexp.MustCompile(`(?i)(?:^|[^\d.:])(\d{1,2})(?::(\d\d)|\.(\d\d))(?:\s*([ap])\.?\s?m\b\.?)?(?:[^\d.:]|$)`)
	reDigitRun    = regexp.MustCompile(`\d+`)
)

// threadZone returns the writer's zone read from the thread's headers
// over the writer's own messages (the header's sender is the requester): a
// header over the desk's message may be hours old, and its clock is no
// measure of the writer's zone. Among the writer's own, the oldest that
// reads is taken: all were written in the writer's zone, and the newest
// is no truer (a thread wrapped again must keep its reading).
func threadZone(headers []string, created time.Time, writer string) (*time.Location, bool) {
	writer = strings.ToLower(strings.Join(strings.Fields(writer), " "))
	if utf8.RuneCountInString(writer) < 2 {
		return nil, false
	}
	for i := len(headers) - 1; i >= 0; i-- {
		// The sender stands on a reply line, or on a header block's
		// first line ("From:"), never on its "To:" or "Cc:".
		h := headers[i]
		sender, _, _ := strings.Cut(h, "\n")
		if !strings.Contains(strings.ToLower(strings.Join(strings.Fields(sender), " ")), writer) {
			continue
		}
		if off, ok := headerOffset(h, created); ok {
			return time.FixedZone("thread UTC"+offsetName(off), int(off/time.Second)), true
		}
	}
	return nil, false
}

func offsetName(off time.Duration) string {
	h := int(off / time.Hour)
	if h >= 0 {
		return "+" + strconv.Itoa(h)
	}
	return strconv.Itoa(h)
}

// headerOffset reads one header's local date and clock against the UTC
// creation time. The day must be one number of the header that is the
// creation day or one next to it, and only one such day: a header that
// is days old or ambiguous says nothing of the zone.
func headerOffset(h string, created time.Time) (time.Duration, bool) {
	h = reAddress.ReplaceAllString(h, " ")
	m := reHeaderClock.FindStringSubmatchIndex(h)
	if m == nil {
		return 0, false
	}
	hh, _ := strconv.Atoi(h[m[2]:m[3]])
	minFrom, minTo := m[4], m[5]
	if minFrom < 0 {
		minFrom, minTo = m[6], m[7]
	}
	mins := h[minFrom:minTo]
	mm, _ := strconv.Atoi(mins)
	if m[8] >= 0 {
		if hh < 1 || hh > 12 {
			return 0, false
		}
		hh %= 12
		if strings.EqualFold(h[m[8]:m[9]], "p") {
			hh += 12
		}
	}
	if hh > 23 || mm > 59 {
		return 0, false
	}
	day, found := 0, false
	for _, r := range reDigitRun.FindAllStringIndex(h, -1) {
		if r[0] < minTo && r[1] > m[2] || r[1]-r[0] > 2 {
			continue // the clock's own digits, or a year
		}
		v, _ := strconv.Atoi(h[r[0]:r[1]])
		for k := -1; k <= 1; k++ {
			if d := created.AddDate(0, 0, k); d.Day() == v {
				if found && day != k {
					return 0, false
				}
				day, found = k, true
			}
		}
	}
	if !found {
		return 0, false
	}
	d := created.UTC().AddDate(0, 0, day)
	local := time.Date(d.Year(), d.Month(), d.Day(), hh, mm, 0, 0, time.UTC)
	diff := local.Sub(created)
	if diff < -12*time.Hour || diff > 14*time.Hour {
		return 0, false // no zone is that far: an older message
	}
	return time.Duration(math.Ceil(diff.Hours())) * time.Hour, true
}
