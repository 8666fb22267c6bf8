package ingress

import (
	"encoding/json"
	"time"

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
// the Redis ingress. Anything the appenders below do not write exactly as
// encoding/json does (a string with a byte it escapes, a time outside
// years 0-9999, custom fields) goes to json.Marshal.
func encodePayload(ev sdk.Event) ([]byte, error) {
	b := make([]byte, 0, 512)
	b = append(b, `{"event":{"DedupKey":`...)
	ok := true
	b, ok = appendString(b, ev.DedupKey, ok)
	b = append(b, `,"Type":`...)
	b, ok = appendString(b, ev.Type, ok)
	b = append(b, `,"TicketID":`...)
	b, ok = appendString(b, ev.TicketID, ok)
	b = append(b, `,"Ticket":`...)
	if t := ev.Ticket; t == nil {
		b = append(b, "null"...)
	} else {
		ok = ok && t.CustomFields == nil
		b = append(b, `{"ID":`...)
		b, ok = appendString(b, t.ID, ok)
		b = append(b, `,"Subject":`...)
		b, ok = appendString(b, t.Subject, ok)
		b = append(b, `,"Description":`...)
		b, ok = appendString(b, t.Description, ok)
		b = append(b, `,"RequesterName":`...)
		b, ok = appendString(b, t.RequesterName, ok)
		b = append(b, `,"RequesterEmail":`...)
		b, ok = appendString(b, t.RequesterEmail, ok)
		b = append(b, `,"Priority":`...)
		b, ok = appendString(b, t.Priority, ok)
		b = append(b, `,"Status":`...)
		b, ok = appendString(b, t.Status, ok)
		b = append(b, `,"Tags":`...)
		if t.Tags == nil {
			b = append(b, "null"...)
		} else {
			b = append(b, '[')
			for i, tag := range t.Tags {
				if i > 0 {
					b = append(b, ',')
				}
				b, ok = appendString(b, tag, ok)
			}
			b = append(b, ']')
		}
		b = append(b, `,"CreatedAt":`...)
		b, ok = appendTime(b, t.CreatedAt, ok)
		b = append(b, `,"CustomFields":null,"URL":`...)
		b, ok = appendString(b, t.URL, ok)
		b = append(b, '}')
	}
	b = append(b, `,"OccurredAt":`...)
	b, ok = appendTime(b, ev.OccurredAt, ok)
	b = append(b, `,"ReplayKey":`...)
	b, ok = appendString(b, ev.ReplayKey, ok)
	b = append(b, "}}"...)
	if !ok {
		return json.Marshal(jobPayload{Event: ev})
	}
	return b, nil
}

// appendString appends s quoted when no byte of it needs escaping (what
// encoding/json escapes: control characters, '"', '\\', and with its
// default HTML escaping '<', '>', '&'; bytes of 0x80 and over are left to
// it for its UTF-8 checks); otherwise it reports false.
func appendString(b []byte, s string, ok bool) ([]byte, bool) {
	if !ok {
		return b, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return b, false
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"'), true
}

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
