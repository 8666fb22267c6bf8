package assess

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/triage"
)

// DryRunTriage is `deskgate triage`: it triages one ticket given as JSON
// against a binding's project logs and returns the result as JSON, plus a
// human-readable account when explain is set. No desk is called.
func DryRunTriage(ctx context.Context, cfg *config.Config, platform, name string, ticketJSON []byte, explain bool) ([]byte, string, error) {
	bc := cfg.Binding(platform, name)
	if bc == nil {
		return nil, "", fmt.Errorf("no binding %s/%s in %s", platform, name, cfg.Path)
	}
	tk, err := ParseTicketJSON(ticketJSON)
	if err != nil {
		return nil, "", err
	}
	if tk.CreatedAt.IsZero() {
		tk.CreatedAt = time.Now().UTC()
	}
	p, err := Project(cfg.Projects[bc.Project], nil)
	if err != nil {
		return nil, "", err
	}
	t := triage.New(p, Settings(bc, hclog.NewNullLogger()))
	var res triage.Result
	var account string
	if explain {
		res, account, err = t.Explain(ctx, tk)
	} else {
		res, err = t.Triage(ctx, tk)
	}
	if err != nil {
		return nil, "", err
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false) // reasons quote ticket words: keep <, > and & readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		return nil, "", err
	}
	return bytes.TrimRight(out.Bytes(), "\n"), account, nil
}

// ParseTicketJSON reads a ticket in the `deskgate triage` stdin shape: the
// fields of triage.Ticket, whose id may be a number (as desks send it) or a
// string. An unknown field is an error.
func ParseTicketJSON(b []byte) (triage.Ticket, error) {
	var in struct {
		ID json.RawMessage `json:"id"` // shadows Ticket.ID, a string
		triage.Ticket
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return triage.Ticket{}, fmt.Errorf("ticket JSON: %w (want {\"id\",\"subject\",\"description\",\"priority\",\"requester_name\",\"tags\",\"created_at\",\"requester_time_zone\"})", err)
	}
	switch in.Priority {
	case "", "urgent", "high", "normal", "low":
	default:
		return triage.Ticket{}, fmt.Errorf("ticket JSON: priority %q: want urgent, high, normal or low", in.Priority)
	}
	tk := in.Ticket
	tk.ID = strings.Trim(string(in.ID), `"`)
	return tk, nil
}
