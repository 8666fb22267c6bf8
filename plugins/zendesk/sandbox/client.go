package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Client drives a running zendesk-sandbox through its /sandbox/api admin
// API. Its methods mirror the Sandbox's Go methods, with a context and an
// error added because they do I/O.
type Client struct {
	base string
	http *http.Client
}

// NewClient returns a client for the sandbox at baseURL (e.g.
// "http://127.0.0.1:9090").
func NewClient(baseURL string) *Client {
	return &Client{base: strings.TrimSuffix(baseURL, "/"), http: &http.Client{Timeout: 60 * time.Second}}
}

// errNotFound is returned by do for 404 answers.
var errNotFound = errors.New("not found")

// do sends a JSON request and decodes a JSON answer into out (if non-nil).
func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("encode %s %s: %w", method, path, err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return fmt.Errorf("build %s %s: %w", method, path, err)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("sandbox %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return fmt.Errorf("read sandbox answer to %s %s: %w", method, path, err)
	}
	if resp.StatusCode == http.StatusNotFound {
		return fmt.Errorf("sandbox %s %s: %w", method, path, errNotFound)
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("sandbox %s %s: %s: %s", method, path, resp.Status, bytes.TrimSpace(data))
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return fmt.Errorf("decode sandbox answer to %s %s: %w", method, path, err)
		}
	}
	return nil
}

// CreateTicket creates a ticket (firing triggers) and returns its id.
func (c *Client) CreateTicket(ctx context.Context, t TicketInput) (int64, error) {
	var out struct {
		ID int64 `json:"id"`
	}
	err := c.do(ctx, http.MethodPost, "/sandbox/api/tickets", t, &out)
	return out.ID, err
}

// Ticket returns a ticket; found is false when there is no such ticket.
func (c *Client) Ticket(ctx context.Context, id int64) (t Ticket, found bool, err error) {
	err = c.do(ctx, http.MethodGet, "/sandbox/api/tickets/"+strconv.FormatInt(id, 10), nil, &t)
	if errors.Is(err, errNotFound) {
		return Ticket{}, false, nil
	}
	return t, err == nil, err
}

// Comments returns a ticket's comments, oldest first.
func (c *Client) Comments(ctx context.Context, id int64) ([]Comment, error) {
	var out []Comment
	err := c.do(ctx, http.MethodGet, "/sandbox/api/tickets/"+strconv.FormatInt(id, 10)+"/comments", nil, &out)
	return out, err
}

// CustomFields returns the custom field values set on a ticket. Numbers come
// back as float64 (JSON).
func (c *Client) CustomFields(ctx context.Context, id int64) (map[int64]any, error) {
	out := map[int64]any{}
	err := c.do(ctx, http.MethodGet, "/sandbox/api/tickets/"+strconv.FormatInt(id, 10)+"/fields", nil, &out)
	return out, err
}

// AddTicketField creates an editable custom field and returns its id.
func (c *Client) AddTicketField(ctx context.Context, title, typ string) (int64, error) {
	var out struct {
		ID int64 `json:"id"`
	}
	err := c.do(ctx, http.MethodPost, "/sandbox/api/ticket_fields", map[string]string{"title": title, "type": typ}, &out)
	return out.ID, err
}

// AddDropdownField creates an editable drop-down field with the given
// option tags.
func (c *Client) AddDropdownField(ctx context.Context, title string, tags ...string) (int64, error) {
	var out struct {
		ID int64 `json:"id"`
	}
	err := c.do(ctx, http.MethodPost, "/sandbox/api/ticket_fields", map[string]any{"title": title, "type": "tagger", "options": orEmpty(tags)}, &out)
	return out.ID, err
}

// SetFieldRequired marks a custom field required when solving a ticket.
func (c *Client) SetFieldRequired(ctx context.Context, id int64, required bool) error {
	return c.do(ctx, http.MethodPatch, "/sandbox/api/ticket_fields/"+strconv.FormatInt(id, 10), map[string]bool{"required": required}, nil)
}

// AddComment adds a comment to a ticket as if it had arrived by e-mail.
func (c *Client) AddComment(ctx context.Context, ticketID int64, in CommentInput) (int64, error) {
	var out struct {
		ID int64 `json:"id"`
	}
	err := c.do(ctx, http.MethodPost, "/sandbox/api/tickets/"+strconv.FormatInt(ticketID, 10)+"/comments", in, &out)
	return out.ID, err
}

// SetTicketStatus changes a ticket's status as an agent would.
func (c *Client) SetTicketStatus(ctx context.Context, ticketID int64, status string) error {
	return c.do(ctx, http.MethodPatch, "/sandbox/api/tickets/"+strconv.FormatInt(ticketID, 10), map[string]string{"status": status}, nil)
}

// SetFieldEditable marks a custom field editable by agents or not.
func (c *Client) SetFieldEditable(ctx context.Context, id int64, editable bool) error {
	return c.do(ctx, http.MethodPatch, "/sandbox/api/ticket_fields/"+strconv.FormatInt(id, 10), map[string]bool{"editable": editable}, nil)
}

// TicketFields lists the custom field definitions.
func (c *Client) TicketFields(ctx context.Context) ([]TicketField, error) {
	var out []TicketField
	err := c.do(ctx, http.MethodGet, "/sandbox/api/ticket_fields", nil, &out)
	return out, err
}

// Webhooks lists the registered webhooks (with their signing secrets).
func (c *Client) Webhooks(ctx context.Context) ([]Webhook, error) {
	var out []Webhook
	err := c.do(ctx, http.MethodGet, "/sandbox/api/webhooks", nil, &out)
	return out, err
}

// Triggers lists the triggers.
func (c *Client) Triggers(ctx context.Context) ([]Trigger, error) {
	var out []Trigger
	err := c.do(ctx, http.MethodGet, "/sandbox/api/triggers", nil, &out)
	return out, err
}

// Deliveries lists every webhook delivery and its attempts.
func (c *Client) Deliveries(ctx context.Context) ([]Delivery, error) {
	var out []Delivery
	err := c.do(ctx, http.MethodGet, "/sandbox/api/deliveries", nil, &out)
	return out, err
}

// WaitDeliveries waits until at least n deliveries reached a final outcome,
// long-polling the sandbox until ctx ends.
func (c *Client) WaitDeliveries(ctx context.Context, n int) error {
	for {
		timeout := 10 * time.Second
		if dl, ok := ctx.Deadline(); ok {
			timeout = min(timeout, max(time.Until(dl), time.Millisecond))
		}
		var out struct {
			Done bool `json:"done"`
		}
		err := c.do(ctx, http.MethodPost, "/sandbox/api/deliveries/wait", map[string]int64{"n": int64(n), "timeout_ms": timeout.Milliseconds()}, &out)
		if err != nil {
			if ctx.Err() != nil {
				return fmt.Errorf("wait for %d webhook deliveries: %w", n, ctx.Err())
			}
			return err
		}
		if out.Done {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("wait for %d webhook deliveries: %w", n, ctx.Err())
		}
	}
}

// TokenValid reports whether access is a live access token.
func (c *Client) TokenValid(ctx context.Context, access string) (bool, error) {
	var out struct {
		Valid bool `json:"valid"`
	}
	err := c.do(ctx, http.MethodPost, "/sandbox/api/tokens/valid", map[string]string{"access_token": access}, &out)
	return out.Valid, err
}

// IssueToken mints a token pair with the given space-separated scopes.
func (c *Client) IssueToken(ctx context.Context, scopes string) (access, refresh string, err error) {
	var out struct {
		Access  string `json:"access_token"`
		Refresh string `json:"refresh_token"`
	}
	err = c.do(ctx, http.MethodPost, "/sandbox/api/tokens", map[string]string{"scopes": scopes}, &out)
	return out.Access, out.Refresh, err
}

// RevokeAll deletes every token.
func (c *Client) RevokeAll(ctx context.Context) error {
	return c.do(ctx, http.MethodPost, "/sandbox/api/revoke-all", struct{}{}, nil)
}

// DenyNext makes the next authorization end with error=access_denied.
func (c *Client) DenyNext(ctx context.Context) error {
	return c.do(ctx, http.MethodPost, "/sandbox/api/deny-next", struct{}{}, nil)
}

// DuplicateNext makes the next n deliveries be sent twice.
func (c *Client) DuplicateNext(ctx context.Context, n int) error {
	return c.do(ctx, http.MethodPost, "/sandbox/api/duplicate-next", map[string]int{"n": n}, nil)
}

// SetUpdateTicketLimit sets the per-minute Update Ticket limit (0: none).
func (c *Client) SetUpdateTicketLimit(ctx context.Context, perMinute int) error {
	return c.do(ctx, http.MethodPost, "/sandbox/api/update-limit", map[string]int{"per_minute": perMinute}, nil)
}

// InjectFaults makes the next n API calls under prefix fail with kind.
func (c *Client) InjectFaults(ctx context.Context, prefix string, n int, kind FaultKind) error {
	return c.InjectSlow(ctx, prefix, n, kind, 0)
}

// InjectSlow is InjectFaults with an explicit stall for FaultSlow (0: the
// sandbox's default).
func (c *Client) InjectSlow(ctx context.Context, prefix string, n int, kind FaultKind, delay time.Duration) error {
	return c.do(ctx, http.MethodPost, "/sandbox/api/faults", map[string]any{
		"prefix": prefix, "n": n, "kind": kind, "delay_ms": delay.Milliseconds(),
	}, nil)
}

// AccountID returns the account id sent as x-zendesk-account-id.
func (c *Client) AccountID(ctx context.Context) (int64, error) {
	var out struct {
		ID int64 `json:"account_id"`
	}
	err := c.do(ctx, http.MethodGet, "/sandbox/api/account", nil, &out)
	return out.ID, err
}
