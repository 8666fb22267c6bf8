package victorialogs

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/storehttp"
)

// Config of a VictoriaLogs source.
type Config struct {
	HTTP storehttp.Config
	// Query is a LogsQL filter ANDed to every query ("env:prod"); pipes
	// are not allowed in it.
	Query string
	// Fields: Service defaults to "service", Level to "level", Status to
	// "status"; Time and Message are VictoriaLogs' own _time and _msg.
	Fields   logs.Fields
	MaxLines int // default logs.DefaultMaxLines
}

// Source queries one VictoriaLogs server.
type Source struct {
	c        *storehttp.Client
	query    string
	f        logs.Fields
	maxLines int
}

var _ logs.Querier = (*Source)(nil)

// New checks cfg and returns the source; it does not contact the server.
func New(cfg Config) (*Source, error) {
	c, err := storehttp.New(cfg.HTTP)
	if err != nil {
		return nil, err
	}
	if strings.Contains(cfg.Query, "|") {
		return nil, fmt.Errorf("log source %q: query must be a LogsQL filter without pipes (|)", cfg.HTTP.Name)
	}
	f := cfg.Fields
	f.Time, f.Message = "_time", "_msg"
	f = f.WithDefaults(logs.DefaultFields)
	s := &Source{c: c, query: strings.TrimSpace(cfg.Query), f: f, maxLines: cfg.MaxLines}
	if s.maxLines <= 0 {
		s.maxLines = logs.DefaultMaxLines
	}
	return s, nil
}

// Name implements logs.Querier.
func (s *Source) Name() string { return s.c.Name() }

// quote writes a LogsQL quoted string (Go escaping, as the server unquotes).
func quote(s string) string { return strconv.Quote(s) }

func timeArg(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// filter is the base filter: the extra query, the services and the window.
func (s *Source) filter(services []string, from, to time.Time) string {
	var b strings.Builder
	if s.query != "" {
		b.WriteString("(" + s.query + ") ")
	}
	switch len(services) {
	case 0:
	case 1:
		b.WriteString(quote(s.f.Service) + ":=" + quote(services[0]) + " ")
	default:
		q := make([]string, len(services))
		for i, v := range services {
			q[i] = quote(v)
		}
		b.WriteString(quote(s.f.Service) + ":in(" + strings.Join(q, ",") + ") ")
	}
	fmt.Fprintf(&b, "_time:[%s, %s)", timeArg(from), timeArg(to))
	return b.String()
}

// WarningFilter is Record.Level == LevelWarn in LogsQL.
func WarningFilter(f logs.Fields) string {
	return fmt.Sprintf("%s:~%s", quote(f.Level), quote(logs.WarnLevelRegexp))
}

// Status5xxFilter is Record.Status >= 500 in LogsQL.
func Status5xxFilter(f logs.Fields) string {
	return fmt.Sprintf("%s:~%s", quote(f.Status), quote("^"+logs.Status5xxRegexp+"$"))
}

// FailureFilter is Record.Failure in LogsQL for the given fields.
func FailureFilter(f logs.Fields) string {
	st, lv := quote(f.Status), quote(f.Level)
	return fmt.Sprintf("(%s:~%s or (%s:~%s !%s:~%s))",
		st, quote("^"+logs.Status5xxRegexp+"$"),
		lv, quote(logs.ErrorLevelRegexp),
		st, quote("^"+logs.Status4xxRegexp+"$"))
}

func (s *Source) form(query string) url.Values {
	v := url.Values{"query": {query}}
	if t := s.c.Timeout(); t >= time.Second {
		v.Set("timeout", strconv.Itoa(int(t/time.Second))+"s")
	}
	return v
}

func (s *Source) post(ctx context.Context, op, query string, st *logs.QueryStats) (*storehttp.Response, error) {
	return s.c.Do(ctx, storehttp.Request{
		Op: op, Method: "POST", Path: "/select/logsql/query",
		Body: []byte(s.form(query).Encode()), ContentType: "application/x-www-form-urlencoded",
	}, st)
}

// Lines implements logs.Querier.
func (s *Source) Lines(ctx context.Context, q logs.LineQuery, fn func(*logs.Record) error) (logs.QueryStats, error) {
	var st logs.QueryStats
	limit, err := logs.LineLimit(s.Name(), q, s.maxLines)
	if err != nil {
		return st, err
	}
	dir := ""
	if q.Order == logs.NewestFirst {
		dir = " desc"
	}
	// One line more than wanted tells a full window from a capped one.
	query := fmt.Sprintf("%s | delete _stream, _stream_id | sort by (_time%s) limit %d", s.filter([]string{q.Service}, q.From, q.To), dir, limit+1)
	resp, err := s.post(ctx, "lines", query, &st)
	if err != nil {
		return st, err
	}
	defer resp.Body.Close()
	var rec logs.Record
	var fnErr error
	err = storehttp.EachLine(resp.Body, func(line []byte) error {
		if st.Lines == limit {
			st.Truncated = true
			return nil
		}
		if err := DecodeRow(line, s.f, &rec); err != nil {
			return s.c.Errorf("lines", logs.KindBroken, "%v", err)
		}
		st.Lines++
		fnErr = fn(&rec)
		return fnErr
	})
	if err != nil && err != fnErr {
		return st, s.broken("lines", err)
	}
	return st, err
}

// broken makes any failure of reading an answer a QueryError.
func (s *Source) broken(op string, err error) error {
	if _, ok := err.(*logs.QueryError); ok {
		return err
	}
	return s.c.Errorf(op, logs.KindBroken, "%v", err)
}

// DecodeRow fills r from one row of a /select/logsql/query answer. Raw is
// the row itself.
func DecodeRow(line []byte, f logs.Fields, r *logs.Record) error {
	var row map[string]any
	if err := json.Unmarshal(line, &row); err != nil {
		return fmt.Errorf("decode row: %w", err)
	}
	ts, ok := row["_time"].(string)
	if !ok {
		return fmt.Errorf("decode row: no _time")
	}
	t, err := time.Parse(time.RFC3339Nano, ts)
	if err != nil {
		return fmt.Errorf("decode row: _time %q: %w", ts, err)
	}
	f.FillRecord(func(name string) (string, bool) {
		switch v := row[name].(type) {
		case string:
			return v, true
		case float64:
			return strconv.FormatFloat(v, 'f', -1, 64), true
		}
		return "", false
	}, t.UTC(), r)
	r.Raw = line
	return nil
}

// Counts implements logs.Querier.
func (s *Source) Counts(ctx context.Context, q logs.CountQuery) (*logs.Counts, logs.QueryStats, error) {
	var st logs.QueryStats
	c, err := logs.EmptyCounts(s.Name(), q)
	if err != nil {
		return nil, st, err
	}
	query := fmt.Sprintf("%s | stats by (_time:1m, %s) count() total, count() if %s failures, count() if (%s) warnings, count() if (%s) status_5xx",
		s.filter(q.Services, q.From, q.To), quote(s.f.Service), FailureFilter(s.f), WarningFilter(s.f), Status5xxFilter(s.f))
	resp, err := s.post(ctx, "counts", query, &st)
	if err != nil {
		return nil, st, err
	}
	defer resp.Body.Close()
	err = storehttp.EachLine(resp.Body, func(line []byte) error {
		b, err := DecodeBucket(line, s.f.Service)
		if err != nil {
			return s.c.Errorf("counts", logs.KindBroken, "%v", err)
		}
		if b.Service == "" {
			return nil // lines without a service are nobody's
		}
		if !c.AddAt(b.Service, b.Minute, b.Counts) {
			return s.c.Errorf("counts", logs.KindBroken, "bucket %s outside the window", b.Minute.Format(time.RFC3339))
		}
		return nil
	})
	if err != nil {
		return nil, st, s.broken("counts", err)
	}
	return c, st, nil
}

// Bucket is one row of the counts answer.
type Bucket struct {
	Minute  time.Time
	Service string
	Counts  logs.Minute
}

// DecodeBucket reads one row of a `stats by (_time:1m, svc)` answer; the
// counts come as strings.
func DecodeBucket(line []byte, serviceField string) (Bucket, error) {
	var row map[string]string
	if err := json.Unmarshal(line, &row); err != nil {
		return Bucket{}, fmt.Errorf("decode counts row: %w", err)
	}
	var b Bucket
	t, err := time.Parse(time.RFC3339Nano, row["_time"])
	if err != nil {
		return b, fmt.Errorf("decode counts row: _time %q: %w", row["_time"], err)
	}
	if t.Truncate(time.Minute) != t {
		return b, fmt.Errorf("decode counts row: _time %q is not a whole minute", row["_time"])
	}
	b.Minute, b.Service = t.UTC(), row[serviceField]
	for _, kv := range []struct {
		name string
		dst  *int
	}{{"total", &b.Counts.Total}, {"failures", &b.Counts.Failures}, {"warnings", &b.Counts.Warnings}, {"status_5xx", &b.Counts.Status5xx}} {
		n, err := strconv.Atoi(row[kv.name])
		if err != nil || n < 0 {
			return b, fmt.Errorf("decode counts row: %s %q is not a count", kv.name, row[kv.name])
		}
		*kv.dst = n
	}
	if err := b.Counts.Check(); err != nil {
		return b, fmt.Errorf("decode counts row: %w", err)
	}
	return b, nil
}
