package sdk

import (
	"encoding/json"
	"fmt"

	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
	"google.golang.org/protobuf/types/known/structpb"
)

func ticketToProto(t *Ticket) (*platformv1.Ticket, error) {
	if t == nil {
		return nil, nil
	}
	fields, err := fieldsToProto(t.CustomFields)
	if err != nil {
		return nil, fmt.Errorf("ticket %s: %w", t.ID, err)
	}
	return &platformv1.Ticket{
		Id:                t.ID,
		Subject:           t.Subject,
		Description:       t.Description,
		RequesterName:     t.RequesterName,
		RequesterEmail:    t.RequesterEmail,
		Priority:          t.Priority,
		Status:            t.Status,
		Tags:              copySlice(t.Tags),
		CreatedAt:         timeToProto(t.CreatedAt),
		CustomFields:      fields,
		Url:               t.URL,
		RequesterTimeZone: t.RequesterTimeZone,
	}, nil
}

func ticketFromProto(p *platformv1.Ticket) *Ticket {
	if p == nil {
		return nil
	}
	return &Ticket{
		ID:                p.GetId(),
		Subject:           p.GetSubject(),
		Description:       p.GetDescription(),
		RequesterName:     p.GetRequesterName(),
		RequesterEmail:    p.GetRequesterEmail(),
		Priority:          p.GetPriority(),
		Status:            p.GetStatus(),
		Tags:              copySlice(p.GetTags()),
		CreatedAt:         timeFromProto(p.GetCreatedAt()),
		CustomFields:      fieldsFromProto(p.GetCustomFields()),
		URL:               p.GetUrl(),
		RequesterTimeZone: p.GetRequesterTimeZone(),
	}
}

func commentToProto(c Comment) *platformv1.Comment {
	return &platformv1.Comment{Body: c.Body, HtmlBody: c.HTMLBody, Public: c.Public, Key: c.Key}
}

func commentFromProto(p *platformv1.Comment) Comment {
	return Comment{Body: p.GetBody(), HTMLBody: p.GetHtmlBody(), Public: p.GetPublic(), Key: p.GetKey()}
}

// fieldsToProto carries custom field values as a google.protobuf.Struct, so
// they have JSON semantics on the far side: numbers arrive as float64 (exact
// for Zendesk's ids and any integer below 2^53), slices as []any, nested
// objects as map[string]any. A value structpb cannot take directly (a
// []string, a struct with json tags) goes through encoding/json first.
func fieldsToProto(m map[string]any) (*structpb.Struct, error) {
	if len(m) == 0 {
		return nil, nil
	}
	s := &structpb.Struct{Fields: make(map[string]*structpb.Value, len(m))}
	for k, v := range m {
		pv, err := valueToProto(v)
		if err != nil {
			return nil, fmt.Errorf("custom field %s: %w", k, err)
		}
		s.Fields[k] = pv
	}
	return s, nil
}

func valueToProto(v any) (*structpb.Value, error) {
	if pv, err := structpb.NewValue(v); err == nil {
		return pv, nil
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("value of type %T is not JSON-compatible: %w", v, err)
	}
	var generic any
	if err := json.Unmarshal(raw, &generic); err != nil {
		return nil, fmt.Errorf("value of type %T is not JSON-compatible: %w", v, err)
	}
	return structpb.NewValue(generic)
}

func fieldsFromProto(s *structpb.Struct) map[string]any {
	if len(s.GetFields()) == 0 {
		return nil
	}
	return s.AsMap()
}
