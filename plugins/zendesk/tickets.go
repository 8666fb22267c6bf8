package zendesk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

// ticketJSON is the part of a Zendesk ticket the gateway uses.
type ticketJSON struct {
	ID           int64    `json:"id"`
	Subject      string   `json:"subject"`
	RawSubject   string   `json:"raw_subject"`
	Description  string   `json:"description"`
	Priority     *string  `json:"priority"`
	Status       string   `json:"status"`
	Tags         []string `json:"tags"`
	CreatedAt    string   `json:"created_at"`
	RequesterID  int64    `json:"requester_id"`
	CustomFields []struct {
		ID    int64 `json:"id"`
		Value any   `json:"value"`
	} `json:"custom_fields"`
}

type userJSON struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

type showTicketResponse struct {
	Ticket *ticketJSON `json:"ticket"`
	Users  []userJSON  `json:"users"`
}

// GetTicket reads a ticket with its requester sideloaded, so one request
// gives the requester's name and email.
func (p *Platform) GetTicket(ctx context.Context, creds sdk.Credentials, ticketID string) (*sdk.Ticket, error) {
	op := "get ticket " + ticketID
	if _, ok := parseID(ticketID); !ok {
		return nil, sdk.Errorf(sdk.KindPermanent, "%s: ticket id must be a positive decimal number", op)
	}
	var raw json.RawMessage
	err := p.do(ctx, creds, call{op: op, method: http.MethodGet,
		path: "/api/v2/tickets/" + ticketID + ".json?include=users", out: &raw})
	if err != nil {
		return nil, err
	}
	base, _ := parseBase(creds.APIBaseURL) // do has validated it
	t, err := decodeTicket(raw, base)
	if err != nil {
		return nil, sdk.Errorf(sdk.KindPermanent, "%s: %v", op, err)
	}
	return t, nil
}

// decodeTicket normalizes a show-ticket response body ({"ticket":…,
// "users":[…]}). base is the API base URL, for the ticket's agent URL.
func decodeTicket(body []byte, base string) (*sdk.Ticket, error) {
	var r showTicketResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, fmt.Errorf("decode ticket: %w", err)
	}
	if r.Ticket == nil {
		return nil, fmt.Errorf("decode ticket: response has no ticket")
	}
	zt := r.Ticket
	if zt.ID <= 0 {
		return nil, fmt.Errorf("decode ticket: ticket has no id")
	}
	id := strconv.FormatInt(zt.ID, 10)
	t := &sdk.Ticket{
		ID:           id,
		Subject:      zt.Subject,
		Description:  zt.Description,
		Status:       zt.Status,
		Tags:         zt.Tags,
		CustomFields: map[string]any{},
		URL:          base + "/agent/tickets/" + id,
	}
	if t.Subject == "" {
		t.Subject = zt.RawSubject
	}
	if zt.Priority != nil {
		t.Priority = normalizePriority(*zt.Priority)
	}
	if zt.CreatedAt != "" {
		if ts, ok := parseTime(zt.CreatedAt); ok {
			t.CreatedAt = ts
		}
	}
	for _, f := range zt.CustomFields {
		if f.ID > 0 {
			t.CustomFields[strconv.FormatInt(f.ID, 10)] = f.Value
		}
	}
	for _, u := range r.Users {
		if u.ID == zt.RequesterID && zt.RequesterID != 0 {
			t.RequesterName = u.Name
			t.RequesterEmail = u.Email
			break
		}
	}
	return t, nil
}

// normalizePriority maps Zendesk's priority to the sdk's urgent, high,
// normal, low or "".
func normalizePriority(s string) string {
	switch p := strings.ToLower(strings.TrimSpace(s)); p {
	case "urgent", "high", "normal", "low":
		return p
	default:
		return ""
	}
}

// timeLayouts are the timestamp shapes Zendesk sends: RFC 3339 from the API,
// and minute precision from {{ticket.created_at_with_timestamp}}.
var timeLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00"}

func parseTime(s string) (time.Time, bool) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

type commentJSON struct {
	Body     string `json:"body,omitempty"`
	HTMLBody string `json:"html_body,omitempty"`
	// Public has no omitempty: a ticket's first comment sets the default for
	// later ones, so an internal note must say public:false explicitly.
	Public bool `json:"public"`
}

// PostComment adds a public reply or an internal note with PUT ticket; Zendesk
// has no create-comment endpoint.
func (p *Platform) PostComment(ctx context.Context, creds sdk.Credentials, ticketID string, c sdk.Comment) error {
	kind := "note"
	if c.Public {
		kind = "public reply"
	}
	op := fmt.Sprintf("post %s to ticket %s", kind, ticketID)
	if _, ok := parseID(ticketID); !ok {
		return sdk.Errorf(sdk.KindPermanent, "%s: ticket id must be a positive decimal number", op)
	}
	cm := commentJSON{Public: c.Public}
	// Zendesk takes body or html_body, not both.
	if c.HTMLBody != "" {
		cm.HTMLBody = c.HTMLBody
	} else {
		cm.Body = c.Body
	}
	if cm.Body == "" && cm.HTMLBody == "" {
		return sdk.Errorf(sdk.KindPermanent, "%s: comment is empty", op)
	}
	if c.Key != "" {
		// A keyed comment carries a short reference line; a retried post
		// that finds it on the ticket has already been made.
		ref := commentRef(c.Key)
		found, err := p.hasComment(ctx, creds, ticketID, ref)
		if err != nil {
			return err
		}
		if found {
			p.log.Debug("comment already posted; not posting again", "ticket", ticketID, "ref", ref)
			return nil
		}
		if cm.HTMLBody != "" {
			cm.HTMLBody += "<p><small>" + ref + "</small></p>"
		} else {
			cm.Body += "\n\n" + ref
		}
	}
	in := map[string]any{"ticket": map[string]any{"comment": cm}}
	return p.do(ctx, creds, call{op: op, method: http.MethodPut, path: "/api/v2/tickets/" + ticketID + ".json", in: in})
}

type fieldValue struct {
	ID    int64 `json:"id"`
	Value any   `json:"value"`
}

// SetFields sets custom field values. A 422 naming one of the fields comes
// back as a KindPermanent error with Field set, so the audit log can say
// which mapping is wrong.
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
	return p.do(ctx, creds, call{op: op, method: http.MethodPut, path: "/api/v2/tickets/" + ticketID + ".json", in: in, fields: ids})
}

// rejectedField finds which of the field ids sent a 422 body is about: a
// details entry's ticket_field_id, else an id the text names, else the only
// field sent. It returns "" when it cannot tell.
func rejectedField(body []byte, sent []string) string {
	var e apiError
	if json.Unmarshal(body, &e) == nil {
		for _, key := range sortedKeys(e.Details) {
			for _, d := range e.Details[key] {
				id := strings.Trim(string(d.TicketFieldID), `"`)
				if slices.Contains(sent, id) {
					return id
				}
			}
		}
	}
	text := string(body)
	for _, id := range sent {
		if containsNumber(text, id) {
			return id
		}
	}
	if len(sent) == 1 {
		return sent[0]
	}
	return ""
}

// containsNumber reports whether text holds id as a whole number, not as a
// part of a longer one.
func containsNumber(text, id string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], id)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(id)
		digit := func(k int) bool { return k >= 0 && k < len(text) && text[k] >= '0' && text[k] <= '9' }
		if !digit(start-1) && !digit(end) {
			return true
		}
		i = start + 1
	}
}

// commentRef is the reference line of a keyed comment: a hash, so the key's
// parts (binding, stage) do not show on the ticket.
func commentRef(key string) string {
	h := sha256.Sum256([]byte(key))
	return "ref dg-" + hex.EncodeToString(h[:6])
}

// hasComment reports whether one of the ticket's latest 100 comments
// carries ref. Older comments are not searched: a retry comes minutes after
// its first attempt, not 100 comments later.
func (p *Platform) hasComment(ctx context.Context, creds sdk.Credentials, ticketID, ref string) (bool, error) {
	var out struct {
		Comments []struct {
			Body      string `json:"body"`
			HTMLBody  string `json:"html_body"`
			PlainBody string `json:"plain_body"`
		} `json:"comments"`
	}
	err := p.do(ctx, creds, call{op: "list comments of ticket " + ticketID, method: http.MethodGet,
		path: "/api/v2/tickets/" + ticketID + "/comments.json?sort_order=desc&per_page=100", out: &out})
	if err != nil {
		return false, err
	}
	for _, c := range out.Comments {
		if strings.Contains(c.Body, ref) || strings.Contains(c.HTMLBody, ref) || strings.Contains(c.PlainBody, ref) {
			return true, nil
		}
	}
	return false, nil
}
