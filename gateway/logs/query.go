package logs

import (
	"context"
	"fmt"
	"time"
)

// Order is the order lines come back in.
type Order int

const (
	// OldestFirst returns the oldest lines of the window first; with a
	// limit, the oldest Limit lines.
	OldestFirst Order = iota
	// NewestFirst returns the newest lines first; with a limit, the newest
	// Limit lines.
	NewestFirst
)

func (o Order) String() string {
	if o == NewestFirst {
		return "newest-first"
	}
	return "oldest-first"
}

// DefaultMaxLines is how many lines a source returns for one query when
// neither the query nor the source's configuration says otherwise.
const DefaultMaxLines = 200000

// LineQuery asks for the lines of one service in [From, To).
type LineQuery struct {
	Service  string
	From, To time.Time
	// Limit caps the lines returned; 0 means the source's max_lines.
	Limit int
	Order Order
}

// CountQuery asks for per-minute counts in [From, To).
type CountQuery struct {
	// Services restricts the counts to these services; empty means every
	// service the source has lines for.
	Services []string
	From, To time.Time
}

// Minute holds the counts of one service in one minute.
type Minute struct {
	Total     int `json:"total"`
	Failures  int `json:"failures"`   // Record.Failure: 5xx, or error level and not 4xx
	Warnings  int `json:"warnings"`   // level LevelWarn (slow requests, retries)
	Status5xx int `json:"status_5xx"` // HTTP status 500–599
}

// CountOf is the counts of one record.
func CountOf(r *Record) Minute {
	m := Minute{Total: 1}
	if r.Failure() {
		m.Failures = 1
	}
	if r.Level == LevelWarn {
		m.Warnings = 1
	}
	if r.Status >= 500 {
		m.Status5xx = 1
	}
	return m
}

// Add accumulates o into m.
func (m *Minute) Add(o Minute) {
	m.Total += o.Total
	m.Failures += o.Failures
	m.Warnings += o.Warnings
	m.Status5xx += o.Status5xx
}

// Scale returns m with every count multiplied by k (-1 removes).
func (m Minute) Scale(k int) Minute {
	return Minute{Total: k * m.Total, Failures: k * m.Failures, Warnings: k * m.Warnings, Status5xx: k * m.Status5xx}
}

// Check reports a minute whose parts exceed its total or are negative: a
// store answer that cannot be right.
func (m Minute) Check() error {
	if m.Total < 0 || m.Failures < 0 || m.Warnings < 0 || m.Status5xx < 0 ||
		m.Failures > m.Total || m.Warnings > m.Total || m.Status5xx > m.Total {
		return fmt.Errorf("counts do not add up: %d lines, %d failures, %d warnings, %d HTTP 5xx", m.Total, m.Failures, m.Warnings, m.Status5xx)
	}
	return nil
}

// Counts are per-minute counts of each service. Minute i of a service
// covers [Start+i·1m, Start+(i+1)·1m) clipped to the query's [From, To):
// Start is From truncated to the minute (UTC), so the first and last
// buckets may be partial minutes.
type Counts struct {
	Start    time.Time           `json:"start"`
	Minutes  int                 `json:"minutes"`
	Services map[string][]Minute `json:"services"`
}

// NewCounts returns empty counts shaped for [from, to).
func NewCounts(from, to time.Time) *Counts {
	start := from.UTC().Truncate(time.Minute)
	n := 0
	if to.After(from) {
		n = int((to.Sub(start) + time.Minute - 1) / time.Minute)
	}
	return &Counts{Start: start, Minutes: n, Services: map[string][]Minute{}}
}

// EmptyCounts is how every Querier's Counts starts: it checks q's window
// (CheckWindow) and returns empty counts shaped for it, with a row for each
// service q names, so that an asked service with no line still shows.
func EmptyCounts(source string, q CountQuery) (*Counts, error) {
	if err := CheckWindow(source, q.From, q.To); err != nil {
		return nil, err
	}
	c := NewCounts(q.From, q.To)
	for _, svc := range q.Services {
		c.Service(svc)
	}
	return c, nil
}

// Index is the bucket t falls in, or -1 outside the counts.
func (c *Counts) Index(t time.Time) int {
	if t.Before(c.Start) {
		return -1
	}
	i := int(t.Sub(c.Start) / time.Minute)
	if i >= c.Minutes {
		return -1
	}
	return i
}

// Service returns the buckets of svc, creating them.
func (c *Counts) Service(svc string) []Minute {
	m, ok := c.Services[svc]
	if !ok {
		m = make([]Minute, c.Minutes)
		c.Services[svc] = m
	}
	return m
}

// AddAt adds n to svc's minute holding t; a t outside the counts is
// ignored and reported false.
func (c *Counts) AddAt(svc string, t time.Time, n Minute) bool {
	i := c.Index(t)
	if i < 0 {
		return false
	}
	c.Service(svc)[i].Add(n)
	return true
}

// Merge adds o into c. Both must have the same shape (the same query).
func (c *Counts) Merge(o *Counts) error {
	if !o.Start.Equal(c.Start) || o.Minutes != c.Minutes {
		return fmt.Errorf("merge counts: shapes differ (%s+%dm vs %s+%dm)", c.Start.Format(time.RFC3339), c.Minutes, o.Start.Format(time.RFC3339), o.Minutes)
	}
	for svc, ms := range o.Services {
		dst := c.Service(svc)
		for i := range ms {
			dst[i].Add(ms[i])
		}
	}
	return nil
}

// Sum is the total of one service's buckets.
func (c *Counts) Sum(svc string) Minute {
	var s Minute
	for _, m := range c.Services[svc] {
		s.Add(m)
	}
	return s
}

// QueryStats says what one query cost.
type QueryStats struct {
	Requests  int   `json:"requests"`  // HTTP requests made (0 for files)
	Bytes     int64 `json:"bytes"`     // bytes read from the store or from disk
	Lines     int   `json:"lines"`     // lines passed to the caller (Lines) or examined (file Counts)
	Truncated bool  `json:"truncated"` // Lines stopped at the limit: more lines matched
}

// Add accumulates o into s.
func (s *QueryStats) Add(o QueryStats) {
	s.Requests += o.Requests
	s.Bytes += o.Bytes
	s.Lines += o.Lines
	s.Truncated = s.Truncated || o.Truncated
}

// Querier is a log source as triage and analysis use it: files, a log
// store, or a union of several. Both operations are bounded by the window;
// Counts is computed by the store where it can, so the timeline and the
// spike statistics stay exact when Lines is capped.
type Querier interface {
	// Name identifies the source in reasons, reports and errors.
	Name() string
	// Lines calls fn for each line of q.Service with From <= Time < To, in
	// q.Order, at most q.Limit (or the source's max_lines) of them. The
	// *Record is reused between calls: fn must copy what it keeps. An error
	// from fn stops the query and is returned.
	Lines(ctx context.Context, q LineQuery, fn func(*Record) error) (QueryStats, error)
	// Counts returns the per-minute counts of all lines, failure lines,
	// warning lines and HTTP 5xx lines in [From, To).
	Counts(ctx context.Context, q CountQuery) (*Counts, QueryStats, error)
}

// LineLimit is the prologue of every Querier's Lines: it checks the window
// and returns the line cap, q.Limit or else maxLines or else
// DefaultMaxLines.
func LineLimit(source string, q LineQuery, maxLines int) (int, error) {
	if err := CheckWindow(source, q.From, q.To); err != nil {
		return 0, err
	}
	switch {
	case q.Limit > 0:
		return q.Limit, nil
	case maxLines > 0:
		return maxLines, nil
	}
	return DefaultMaxLines, nil
}

// CheckWindow is the validation every Querier applies to a query window.
func CheckWindow(source string, from, to time.Time) error {
	if from.IsZero() || to.IsZero() || !to.After(from) {
		return &QueryError{Source: source, Kind: KindBadQuery, Err: fmt.Errorf("empty window %s – %s", from.UTC().Format(time.RFC3339), to.UTC().Format(time.RFC3339))}
	}
	return nil
}
