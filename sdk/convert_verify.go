package sdk

import (
	"net/http"

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
		ReplayKey:  e.ReplayKey,
		SignedAt:   timeToProto(e.SignedAt),
	}, nil
}

func eventFromProto(p *platformv1.Event) Event {
	return Event{
		DedupKey:   p.GetDedupKey(),
		Type:       p.GetType(),
		TicketID:   p.GetTicketId(),
		Ticket:     ticketFromProto(p.GetTicket()),
		OccurredAt: timeFromProto(p.GetOccurredAt()),
		ReplayKey:  p.GetReplayKey(),
		SignedAt:   timeFromProto(p.GetSignedAt()),
	}
}
