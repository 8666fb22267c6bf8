package zendesk

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
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
	// IANATimeZone is the user's zone as an IANA name ("Asia/Tokyo");
	// time_zone beside it is Zendesk's display name ("Osaka"), not used.
	IANATimeZone string `json:"iana_time_zone"`
}

type showTicketResponse struct {
	Ticket *ticketJSON `json:"ticket"`
	Users  []userJSON  `json:"users"`
}

// GetTicket reads a ticket with its requester sideloaded, so one request
// gives the requester's name, email and time zone.
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
	base, _ := deskhttp.ParseBaseURL(creds.APIBaseURL) // do has validated it
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
			t.RequesterTimeZone = strings.TrimSpace(u.IANATimeZone)
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
