package sdk

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
)

// verifyRequestToProto keeps every value of a repeated header in order: a
// desk may send a signature header more than once and the plugin decides
// which one counts.
func verifyRequestToProto(r VerifyRequest) *platformv1.VerifyRequest {
	p := &platformv1.VerifyRequest{
		State:  installStateToProto(r.State),
		Body:   r.Body,
		Now:    timeToProto(r.Now),
		Method: r.Method,
		Url:    r.URL,
	}
	if len(r.Headers) > 0 {
		p.Headers = make(map[string]*platformv1.HeaderValues, len(r.Headers))
		for k, vs := range r.Headers {
			p.Headers[k] = &platformv1.HeaderValues{Values: vs}
		}
	}
	return p
}

func verifyRequestFromProto(p *platformv1.VerifyRequest) VerifyRequest {
	r := VerifyRequest{
		State:  installStateFromProto(p.GetState()),
		Body:   p.GetBody(),
		Now:    timeFromProto(p.GetNow()),
		Method: p.GetMethod(),
		URL:    p.GetUrl(),
	}
	if len(p.GetHeaders()) > 0 {
		r.Headers = make(http.Header, len(p.GetHeaders()))
		for k, vs := range p.GetHeaders() {
			r.Headers[k] = vs.GetValues()
		}
	}
	return r
}

func eventsToProto(events []Event) (*platformv1.VerifyResponse, error) {
	resp := &platformv1.VerifyResponse{}
	for _, e := range events {
		pe, err := eventToProto(e)
		if err != nil {
			return nil, err
		}
		resp.Events = append(resp.Events, pe)
	}
	return resp, nil
}

func eventsFromProto(p *platformv1.VerifyResponse) []Event {
	var events []Event
	for _, pe := range p.GetEvents() {
		events = append(events, eventFromProto(pe))
	}
	return events
}

func eventToProto(e Event) (*platformv1.Event, error) {
	t, err := ticketToProto(e.Ticket)
	if err != nil {
		return nil, err
	}
	return &platformv1.Event{
		DedupKey:   e.DedupKey,
		Type:       e.Type,
		TicketId:   e.TicketID,
		Ticket:     t,
		OccurredAt: timeToProto(e.OccurredAt),
		ReplayKey:  replayKeyToProto(e.ReplayKey, e.SignedAt),
	}, nil
}

// signedAtMark ends a replay_key that carries the event's SignedAt (Unix
// nanoseconds after it). The proto has no field for it yet (adding one
// needs protoc to regenerate the Go code); the string keeps the wire
// format, and a gateway older than SignedAt uses the whole string as the
// replay key, still the same for a resend.
const signedAtMark = "\x00signed_at="

func replayKeyToProto(key string, signedAt time.Time) string {
	if key == "" || signedAt.IsZero() {
		return key
	}
	return key + signedAtMark + strconv.FormatInt(signedAt.UnixNano(), 10)
}

// replayKeyFromProto splits a replay_key into the key and its SignedAt
// (zero when it carries none: a plugin built before SignedAt).
func replayKeyFromProto(s string) (string, time.Time) {
	i := strings.LastIndex(s, signedAtMark)
	if i < 0 {
		return s, time.Time{}
	}
	n, err := strconv.ParseInt(s[i+len(signedAtMark):], 10, 64)
	if err != nil {
		return s, time.Time{}
	}
	return s[:i], time.Unix(0, n).UTC()
}

func eventFromProto(p *platformv1.Event) Event {
	replayKey, signedAt := replayKeyFromProto(p.GetReplayKey())
	return Event{
		DedupKey:   p.GetDedupKey(),
		Type:       p.GetType(),
		TicketID:   p.GetTicketId(),
		Ticket:     ticketFromProto(p.GetTicket()),
		OccurredAt: timeFromProto(p.GetOccurredAt()),
		ReplayKey:  replayKey,
		SignedAt:   signedAt,
	}
}
