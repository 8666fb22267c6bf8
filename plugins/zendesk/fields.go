package zendesk

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

type fieldValue struct {
	ID    int64 `json:"id"`
	Value any   `json:"value"`
}

// updatedTicket is the part of a PUT ticket response SetFields reads back.
type updatedTicket struct {
	Ticket *struct {
		CustomFields []struct {
			ID    json.Number     `json:"id"`
			Value json.RawMessage `json:"value"`
		} `json:"custom_fields"`
	} `json:"ticket"`
}

// SetFields sets custom field values and reads them back from the updated
// ticket in the response. A field the updated ticket does not list is
// logged, not failed: its value is unknown, not known to be wrong.
//
// A 422 is KindPermanent with Zendesk's own description; Field is set only
// when an entry of the body's details names one of the fields sent (by
// ticket_field_id or field_key): a 422 about another field ("Type: is
// required when solving a ticket") or about none (a closed ticket) names no
// field. A 200 whose ticket still holds another value for a field sent is
// KindPermanent too, with Field set: Zendesk keeps the old value without an
// error when a drop-down value is not one of the field's option tags, and
// the same value will not take on a retry.
func (p *Platform) SetFields(ctx context.Context, creds sdk.Credentials, ticketID string, fields map[string]any) error {
	op := "set fields on ticket " + ticketID
	if _, ok := parseID(ticketID); !ok {
		return sdk.Errorf(sdk.KindPermanent, "%s: ticket id must be a positive decimal number", op)
	}
	if len(fields) == 0 {
		return nil
	}
	ids := sortedKeys(fields)
	values := make([]fieldValue, 0, len(ids))
	for _, k := range ids {
		n, ok := parseID(k)
		if !ok {
			return &sdk.Error{Kind: sdk.KindPermanent, Field: k,
				Message: fmt.Sprintf("%s: field id %q must be a positive decimal number", op, k)}
		}
		values = append(values, fieldValue{ID: n, Value: fields[k]})
	}
	in := map[string]any{"ticket": map[string]any{"custom_fields": values}}
	var out updatedTicket
	err := p.do(ctx, creds, call{op: op, method: http.MethodPut, path: "/api/v2/tickets/" + ticketID + ".json", in: in, out: &out, fields: ids})
	if err != nil {
		return err
	}
	got := map[string]json.RawMessage{}
	if out.Ticket != nil {
		for _, cf := range out.Ticket.CustomFields {
			got[cf.ID.String()] = cf.Value
		}
	}
	var missedIDs, missed, unseen []string
	for _, id := range ids {
		v, ok := got[id]
		switch {
		case !ok:
			// A value that is not shown is not known to be wrong: say so,
			// but do not fail a write that may have worked.
			unseen = append(unseen, id)
		case !sameFieldValue(fields[id], v):
			missedIDs = append(missedIDs, id)
			missed = append(missed, p.describeMissed(ctx, creds, id, fields[id], v))
		}
	}
	if len(unseen) > 0 {
		p.log.Warn("the updated ticket does not show these fields; their values are not verified", "ticket", ticketID, "fields", unseen)
	}
	if len(missed) == 0 {
		return nil
	}
	return &sdk.Error{Kind: sdk.KindPermanent, Field: missedIDs[0],
		Message: op + ": Zendesk answered 200 but kept the old value of " + strings.Join(missed, " | ")}
}

// describeMissed says what happened to one field whose value did not take,
// with the field's option tags when it is a drop-down. The field is read
// only on this failure path; when that read fails the hint is left out.
func (p *Platform) describeMissed(ctx context.Context, creds sdk.Credentials, id string, sent any, got json.RawMessage) string {
	s := fmt.Sprintf("field %s: sent %s, the ticket still holds %s", id,
		deskhttp.Truncate(string(mustMarshal(sent)), 100), deskhttp.Truncate(string(bytes.TrimSpace(got)), 100))
	f, err := p.readField(ctx, creds, id)
	if err != nil {
		p.log.Debug("could not read the field to explain a value that did not take", "field", id, "error", err)
		return s
	}
	typ := f.Type
	if f.isDropDown() {
		typ = dropDownName(f.Type)
	}
	if f.Title != "" {
		s = strings.Replace(s, "field "+id, fmt.Sprintf("field %s (%q, %s)", id, f.Title, typ), 1)
	}
	switch {
	case f.Active != nil && !*f.Active:
		s += "; the field is inactive"
	case f.isDropDown():
		s += fmt.Sprintf("; the value sent is not one of the field's option tags (%s): add it as an option tag of field %s, or map the field to a text field",
			listOrNone(f.optionTags(), 20), id)
	}
	return s
}

// sameFieldValue reports whether the value Zendesk returned for a field is
// the one sent: strings compared trimmed and case-insensitively (tags are
// lower case), numbers by value whether sent as numbers or numeric strings,
// arrays as sets, and "" the same as null.
func sameFieldValue(sent any, got json.RawMessage) bool {
	var g any
	dec := json.NewDecoder(bytes.NewReader(got))
	dec.UseNumber()
	if len(bytes.TrimSpace(got)) == 0 {
		g = nil
	} else if dec.Decode(&g) != nil {
		return false
	}
	// Round-trip what was sent so both sides have JSON's types.
	var s any
	dec = json.NewDecoder(bytes.NewReader(mustMarshal(sent)))
	dec.UseNumber()
	if dec.Decode(&s) != nil {
		return false
	}
	return slices.Equal(canonicalValues(s), canonicalValues(g))
}

// canonicalValues flattens a JSON value to sorted comparable tokens.
func canonicalValues(v any) []string {
	var out []string
	var add func(any)
	add = func(v any) {
		switch x := v.(type) {
		case nil:
		case []any:
			for _, e := range x {
				add(e)
			}
		case json.Number:
			out = append(out, canonicalNumber(x.String()))
		case string:
			if t := strings.TrimSpace(x); t != "" {
				out = append(out, canonicalNumber(strings.ToLower(t)))
			}
		default:
			out = append(out, fmt.Sprint(x))
		}
	}
	add(v)
	slices.Sort(out)
	return out
}

// canonicalNumber writes a numeric string in one form ("1.50" and "1.5"
// alike); other strings are returned as they are.
func canonicalNumber(s string) string {
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return s
}

func mustMarshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return []byte(fmt.Sprintf("%q", fmt.Sprint(v)))
	}
	return b
}

// rejectedField finds which of the field ids sent a 422 body is about: the
// first details entry whose ticket_field_id or field_key is one of them. It
// returns "" when the body names none of them, whatever its text says: a
// message must not blame a field Zendesk did not name.
func rejectedField(body []byte, sent []string) string {
	var e apiError
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	for _, key := range sortedKeys(e.Details) {
		for _, d := range e.Details[key] {
			for _, raw := range []json.RawMessage{d.TicketFieldID, d.FieldKey} {
				id := strings.TrimSpace(strings.Trim(string(raw), `"`))
				if id != "" && slices.Contains(sent, id) {
					return id
				}
			}
		}
	}
	return ""
}

// ticketFieldJSON is a ticket field definition, as GET
// /api/v2/ticket_fields/{id}.json returns it.
type ticketFieldJSON struct {
	ID                 int64  `json:"id"`
	Title              string `json:"title"`
	Type               string `json:"type"`
	Active             *bool  `json:"active"`
	AgentCanEdit       *bool  `json:"agent_can_edit"`
	Removable          *bool  `json:"removable"`
	CustomFieldOptions []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"custom_field_options"`
}

func (p *Platform) readField(ctx context.Context, creds sdk.Credentials, id string) (ticketFieldJSON, error) {
	var f struct {
		TicketField ticketFieldJSON `json:"ticket_field"`
	}
	err := p.do(ctx, creds, call{op: "read ticket field " + id, method: http.MethodGet, path: "/api/v2/ticket_fields/" + id + ".json", out: &f})
	return f.TicketField, err
}

// isDropDown reports whether values must be one of the field's option tags:
// drop-down ("tagger") and multi-select fields.
func (f ticketFieldJSON) isDropDown() bool { return f.Type == "tagger" || f.Type == "multiselect" }

// optionTags lists the tag values of a drop-down field's options.
func (f ticketFieldJSON) optionTags() []string {
	var out []string
	for _, o := range f.CustomFieldOptions {
		if o.Value != "" {
			out = append(out, o.Value)
		}
	}
	return out
}

// listOrNone joins at most max items, saying how many more there are.
func listOrNone(items []string, max int) string {
	if len(items) == 0 {
		return "none"
	}
	if len(items) > max {
		return strings.Join(items[:max], ", ") + fmt.Sprintf(" and %d more", len(items)-max)
	}
	return strings.Join(items, ", ")
}
