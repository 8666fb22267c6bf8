package ingress

import (
	"encoding/json"
	"time"
	"unicode/utf8"

	"github.com/sigsentry/deskgate/sdk"
)

// jobPayload is a job's payload: the verified event, for an operator reading
// the queue (`deskgate jobs`). The pipeline reads the ticket itself from the
// desk, so it needs only the job's binding, type and ticket id.
type jobPayload struct {
	Event sdk.Event `json:"event"`
}

// encodePayload is json.Marshal(jobPayload{Event: ev}), byte for byte,
// without reflection: encoding/json was about 5 % of the gateway's CPU on
// the Redis ingress. Strings are escaped here as encoding/json escapes
// them; what the appenders below do not write (a time outside years
// 0-9999 or with a zone offset of a day or more, custom fields) goes to
// json.Marshal.
func encodePayload(ev sdk.Event) ([]byte, error) {
	b := make([]byte, 0, payloadSize(ev))
	b = append(b, `{"event":{"DedupKey":`...)
	ok := true
	b = appendString(b, ev.DedupKey)
	b = append(b, `,"Type":`...)
	b = appendString(b, ev.Type)
	b = append(b, `,"TicketID":`...)
	b = appendString(b, ev.TicketID)
	b = append(b, `,"Ticket":`...)
	if t := ev.Ticket; t == nil {
		b = append(b, "null"...)
	} else {
		ok = ok && t.CustomFields == nil
		b = append(b, `{"ID":`...)
		b = appendString(b, t.ID)
		b = append(b, `,"Subject":`...)
		b = appendString(b, t.Subject)
		b = append(b, `,"Description":`...)
		b = appendString(b, t.Description)
		b = append(b, `,"RequesterName":`...)
		b = appendString(b, t.RequesterName)
		b = append(b, `,"RequesterEmail":`...)
		b = appendString(b, t.RequesterEmail)
		b = append(b, `,"Priority":`...)
		b = appendString(b, t.Priority)
		b = append(b, `,"Status":`...)
		b = appendString(b, t.Status)
		b = append(b, `,"Tags":`...)
		if t.Tags == nil {
			b = append(b, "null"...)
		} else {
			b = append(b, '[')
			for i, tag := range t.Tags {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendString(b, tag)
			}
			b = append(b, ']')
		}
		b = append(b, `,"CreatedAt":`...)
		b, ok = appendTime(b, t.CreatedAt, ok)
		b = append(b, `,"CustomFields":null,"URL":`...)
		b = appendString(b, t.URL)
		b = append(b, `,"RequesterTimeZone":`...)
		b = appendString(b, t.RequesterTimeZone)
		b = append(b, '}')
	}
	b = append(b, `,"OccurredAt":`...)
	b, ok = appendTime(b, ev.OccurredAt, ok)
	b = append(b, `,"ReplayKey":`...)
	b = appendString(b, ev.ReplayKey)
	b = append(b, "}}"...)
	if !ok {
		return json.Marshal(jobPayload{Event: ev})
	}
	return b, nil
}

// payloadSize is the room encodePayload's output takes, so that it is one
// allocation: the field names and times (under 512 bytes) and the strings,
// with an eighth more for their escapes (a multi-line description's
// newlines, its quotes).
func payloadSize(ev sdk.Event) int {
	n := len(ev.DedupKey) + len(ev.Type) + len(ev.TicketID) + len(ev.ReplayKey)
	if t := ev.Ticket; t != nil {
		n += len(t.ID) + len(t.Subject) + len(t.Description) + len(t.RequesterName) + len(t.RequesterEmail) +
			len(t.Priority) + len(t.Status) + len(t.URL) + len(t.RequesterTimeZone)
		for _, tag := range t.Tags {
			n += len(tag) + 3
		}
	}
	return 512 + n + n/8
}

// appendString appends s quoted and escaped as encoding/json escapes it
// (with its default HTML escaping): '"' and '\\' by a backslash; \b, \f,
// \n, \r and \t by their short forms, other control bytes as \u00XX;
// '<', '>' and '&' as \u003c, \u003e and \u0026; U+2028 and U+2029 as
// \u2028 and \u2029; each byte of invalid UTF-8 as \ufffd. Other bytes,
// DEL and valid UTF-8 included, are copied.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// appendTime appends t as time.Time's MarshalJSON does (RFC 3339 with
// nanoseconds, quoted), which refuses years outside 0-9999 and a zone
// offset of a day or more: those report false.
func appendTime(b []byte, t time.Time, ok bool) ([]byte, bool) {
	if !ok {
		return b, false
	}
	if y := t.Year(); y < 0 || y > 9999 {
		return b, false
	}
	if _, off := t.Zone(); off <= -24*60*60 || off >= 24*60*60 {
		return b, false
	}
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"'), true
}
