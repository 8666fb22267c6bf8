package logs

import (
	"time"
)

// ParseTime reads a log timestamp: RFC 3339 with or without fraction (also
// with a space instead of T, a comma before the fraction, a numeric offset
// without colon, or no zone at all, read as UTC), epoch seconds, milliseconds,
// microseconds or nanoseconds, and the common access-log form
// "27/Nov/2026:14:05:00 +0000". The result is in UTC.
func ParseTime(b []byte) (time.Time, bool) {
	b = trimSpace(b)
	if len(b) == 0 {
		return time.Time{}, false
	}
	if t, n, ok := parseISOPrefix(b); ok && n == len(b) {
		return t, true
	}
	if isEpoch(b) {
		return parseEpoch(b)
	}
	if len(b) >= 26 && b[2] == '/' && b[6] == '/' && b[11] == ':' {
		if t, err := time.Parse("02/Jan/2006:15:04:05 -0700", string(b)); err == nil {
			return t.UTC(), true
		}
	}
	if t, err := time.Parse(time.RFC1123Z, string(b)); err == nil {
		return t.UTC(), true
	}
	return time.Time{}, false
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}

func isEpoch(b []byte) bool {
	dot := false
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && !dot && i > 0:
			dot = true
		default:
			return false
		}
	}
	return len(b) >= 9 // below 9 digits it is not a plausible recent epoch
}

// parseEpoch picks the unit from the magnitude: a 2026 timestamp has 10
// digits in seconds, 13 in milliseconds, 16 in microseconds, 19 in ns.
func parseEpoch(b []byte) (time.Time, bool) {
	var whole int64
	i := 0
	for ; i < len(b) && b[i] != '.'; i++ {
		if whole > (1<<62)/10 {
			return time.Time{}, false
		}
		whole = whole*10 + int64(b[i]-'0')
	}
	var frac int64 // nanoseconds of the fractional part, seconds unit only
	if i < len(b) {
		scale := int64(100000000)
		for _, c := range b[i+1:] {
			frac += int64(c-'0') * scale
			scale /= 10
		}
	}
	switch {
	case whole >= 1e17:
		return time.Unix(0, whole).UTC(), true
	case whole >= 1e14:
		return time.UnixMicro(whole).UTC(), true
	case whole >= 1e11:
		return time.UnixMilli(whole).UTC(), true
	default:
		return time.Unix(whole, frac).UTC(), true
	}
}

func digits(b []byte, n int) (int, bool) {
	if len(b) < n {
		return 0, false
	}
	v := 0
	for _, c := range b[:n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// parseISOPrefix parses an RFC 3339-like timestamp at the start of b and
// returns how many bytes it used. It avoids time.Parse because it runs once
// per log line on the hot path.
func parseISOPrefix(b []byte) (time.Time, int, bool) {
	if len(b) < 19 || b[4] != '-' || b[7] != '-' || b[13] != ':' || b[16] != ':' {
		return time.Time{}, 0, false
	}
	if c := b[10]; c != 'T' && c != 't' && c != ' ' {
		return time.Time{}, 0, false
	}
	y, ok1 := digits(b, 4)
	mo, ok2 := digits(b[5:], 2)
	d, ok3 := digits(b[8:], 2)
	h, ok4 := digits(b[11:], 2)
	mi, ok5 := digits(b[14:], 2)
	s, ok6 := digits(b[17:], 2)
	// Years before 1970 are not log timestamps (and year 1 would be Go's
	// zero time, which reads as "no time").
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 {
		return time.Time{}, 0, false
	}
	n := 19
	ns := 0
	if n < len(b) && (b[n] == '.' || b[n] == ',') && n+1 < len(b) && b[n+1] >= '0' && b[n+1] <= '9' {
		n++
		scale := 100000000
		for n < len(b) && b[n] >= '0' && b[n] <= '9' {
			ns += int(b[n]-'0') * scale
			scale /= 10
			n++
		}
	}
	off := 0
	if n < len(b) {
		switch c := b[n]; {
		case c == 'Z' || c == 'z':
			n++
		case c == '+' || c == '-':
			oh, ok := digits(b[n+1:], 2)
			if !ok {
				break
			}
			m := n + 3
			om := 0
			if m < len(b) && b[m] == ':' {
				m++
			}
			if v, ok := digits(b[m:], 2); ok {
				om = v
				m += 2
			}
			off = oh*3600 + om*60
			if c == '-' {
				off = -off
			}
			n = m
		case c == ' ' && len(b) >= n+4 && string(b[n+1:n+4]) == "UTC":
			n += 4
		}
	}
	t := time.Date(y, time.Month(mo), d, h, mi, s, ns, time.UTC)
	if off != 0 {
		t = t.Add(-time.Duration(off) * time.Second)
	}
	return t, n, true
}
