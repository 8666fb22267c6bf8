package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
)

// An audit query names its binding as a person typed it; GET /api/audit and
// the audit page both resolve it here, and both explain an empty answer the
// same way, so "nothing matched" is never mistaken for "nothing happened".

// AuditAnswer is the body of GET /api/audit.
type AuditAnswer struct {
	Entries []store.AuditEntry `json:"entries"`
	// Binding is the filter's binding resolved to "platform/name".
	Binding string     `json:"binding,omitempty"`
	Ticket  string     `json:"ticket,omitempty"`
	Since   *time.Time `json:"since,omitempty"`
	// TicketTrace says, when a ticket filter matched nothing, what the
	// gateway knows of the ticket (one of the Ticket* constants).
	TicketTrace string `json:"ticket_trace,omitempty"`
}

// What an empty ticket query knows of the ticket.
const (
	// TicketFilteredOut: the ticket has audit entries, but none match the
	// other filters (since, outcome …).
	TicketFilteredOut = "filtered_out"
	// TicketQueued: a delivery for it waits in the queue, not processed yet
	// (its first audit entry is written when a worker picks it up).
	TicketQueued = "queued"
	// TicketNeverReached: no audit entry and no waiting job names it.
	TicketNeverReached = "never_reached"
)

// queueScanLimit bounds the look through waiting jobs for a ticket that has
// no audit entry: a backlog that deep is reported as such, not scanned.
const queueScanLimit = 1000

// EmptyMessage is what to say instead of an empty table, e.g.
// "no audit entries for ticket 999 on desk/acme since 2026-01-02T15:04:05Z".
func (a AuditAnswer) EmptyMessage() string {
	var b strings.Builder
	b.WriteString("no audit entries")
	switch {
	case a.Ticket != "" && a.Binding != "":
		fmt.Fprintf(&b, " for ticket %s on %s", a.Ticket, a.Binding)
	case a.Ticket != "":
		fmt.Fprintf(&b, " for ticket %s", a.Ticket)
	case a.Binding != "":
		fmt.Fprintf(&b, " for %s", a.Binding)
	}
	if a.Since != nil {
		fmt.Fprintf(&b, " since %s", a.Since.UTC().Format(time.RFC3339))
	}
	switch a.TicketTrace {
	case TicketFilteredOut:
		b.WriteString(" (the ticket has entries outside this filter)")
	case TicketQueued:
		b.WriteString(" (a delivery for it is queued and not processed yet)")
	case TicketNeverReached:
		b.WriteString(" (no delivery for it reached the gateway)")
	}
	return b.String()
}

// auditRefusal is an audit query the gateway will not run: a bad since,
// limit or cursor or an ambiguous binding (400), or a binding that is not
// configured (404).
type auditRefusal struct {
	status int
	err    error
}

func (e *auditRefusal) Error() string { return e.err.Error() }
func (e *auditRefusal) Unwrap() error { return e.err }

// refusalStatus is the HTTP status for an error of auditFilter or
// queryAudit: a refusal's own, else 503 (the store could not be read).
func refusalStatus(err error) int {
	var r *auditRefusal
	if errors.As(err, &r) {
		return r.status
	}
	return http.StatusServiceUnavailable
}

// auditFilter reads the audit query parameters (a relative since counts
// back from s.now()) and resolves the binding against the current
// configuration.
func (s *Server) auditFilter(ctx context.Context, q url.Values) (store.AuditFilter, error) {
	f, err := AuditFilter(q, s.now())
	if err != nil {
		return f, &auditRefusal{http.StatusBadRequest, err}
	}
	if f.Binding == "" {
		return f, nil
	}
	b, err := s.o.Config().ResolveBinding(f.Binding)
	if err == nil {
		f.Binding = b.Key()
		return f, nil
	}
	var unknown *config.UnknownBindingError
	if !errors.As(err, &unknown) {
		return f, &auditRefusal{http.StatusBadRequest, err}
	}
	// A binding removed from the config keeps its history: its full name
	// still reads the entries it left.
	if strings.Contains(f.Binding, "/") {
		old, qerr := s.o.Store.QueryAudit(ctx, store.AuditFilter{Binding: f.Binding, Limit: 1})
		if qerr != nil {
			return f, fmt.Errorf("read the audit log: %w", qerr)
		}
		if len(old) > 0 {
			return f, nil
		}
	}
	return f, &auditRefusal{http.StatusNotFound, err}
}

// queryAudit runs f and, when a ticket filter matched nothing, finds out
// why: at most one indexed audit lookup and one bounded queue listing, and
// only on that empty path.
func (s *Server) queryAudit(ctx context.Context, f store.AuditFilter) (AuditAnswer, error) {
	entries, err := s.o.Store.QueryAudit(ctx, f)
	if err != nil {
		return AuditAnswer{}, fmt.Errorf("read the audit log: %w", err)
	}
	if entries == nil {
		entries = []store.AuditEntry{}
	}
	a := AuditAnswer{Entries: entries, Binding: f.Binding, Ticket: f.TicketID, Since: timePtr(f.Since)}
	if len(entries) > 0 || f.TicketID == "" {
		return a, nil
	}
	narrowed := f != store.AuditFilter{Binding: f.Binding, TicketID: f.TicketID, Limit: f.Limit}
	if narrowed {
		seen, err := s.o.Store.QueryAudit(ctx, store.AuditFilter{Binding: f.Binding, TicketID: f.TicketID, Limit: 1})
		if err != nil {
			return AuditAnswer{}, fmt.Errorf("read the audit log: %w", err)
		}
		if len(seen) > 0 {
			a.TicketTrace = TicketFilteredOut
			return a, nil
		}
	}
	a.TicketTrace = TicketNeverReached
	if s.o.Queue == nil {
		return a, nil
	}
	jobs, err := s.o.Queue.List(ctx, queue.ListFilter{Limit: queueScanLimit})
	if err != nil {
		return AuditAnswer{}, fmt.Errorf("list waiting jobs: %w", err)
	}
	for _, j := range jobs {
		if j.TicketID == f.TicketID && (f.Binding == "" || j.Binding.String() == f.Binding) {
			a.TicketTrace = TicketQueued
			break
		}
	}
	if a.TicketTrace == TicketNeverReached && len(jobs) >= queueScanLimit {
		// Too deep a backlog to be sure; say nothing rather than something false.
		a.TicketTrace = ""
	}
	return a, nil
}

// sentence starts s with a capital letter and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
