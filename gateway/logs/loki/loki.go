package loki

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/storehttp"
)

// PageSize is the most lines asked for in one request: Loki's default
// max_entries_limit_per_query; a larger limit is a 400.
const PageSize = 5000

// Config of a Loki source.
type Config struct {
	HTTP storehttp.Config
	// Selector is a stream selector ANDed to every query (`{env="prod"}`);
	// the service label matcher is added to it. Empty: the service matcher
	// alone.
	Selector string
	Tenant   string // X-Scope-OrgID, when set
	// Fields: Service is the stream label of the service (default
	// "service"); Level and Status name the fields the `json` parser
	// extracts from a line (nested keys joined with "_"), or labels.
	Fields   logs.Fields
	MaxLines int
	PageSize int // default PageSize; tests lower it
}

// Source queries one Loki.
type Source struct {
	c        *storehttp.Client
	matchers string // the selector's matchers without braces, or ""
	f        logs.Fields
	maxLines int
	page     int
	header   http.Header
}

var _ logs.Querier = (*Source)(nil)

var labelName = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)

// LabelName turns a field name into the label the json parser makes of
// it ("log.level" → "log_level").
func LabelName(field string) string {
	b := []byte(field)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || i > 0 && c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	return string(b)
}

// CheckSelector reports what is wrong with a stream selector, nil when
// it is usable: `{` matchers `}` with nothing after.
func CheckSelector(sel string) error {
	sel = strings.TrimSpace(sel)
	if sel == "" {
		return nil
	}
	if !strings.HasPrefix(sel, "{") || !strings.HasSuffix(sel, "}") {
		return fmt.Errorf("selector %q must be a stream selector like {env=\"prod\"} (no pipeline)", sel)
	}
	if strings.Count(sel, "{") != 1 || strings.Count(sel, "}") != 1 && !strings.Contains(sel, `"`) {
		return fmt.Errorf("selector %q must hold one {…}", sel)
	}
	return nil
}

// New checks cfg and returns the source; it does not contact Loki.
func New(cfg Config) (*Source, error) {
	c, err := storehttp.New(cfg.HTTP)
	if err != nil {
		return nil, err
	}
	if err := CheckSelector(cfg.Selector); err != nil {
		return nil, fmt.Errorf("log source %q: %w", cfg.HTTP.Name, err)
	}
	f := cfg.Fields.WithDefaults(logs.DefaultFields)
	if !labelName.MatchString(f.Service) {
		return nil, fmt.Errorf("log source %q: service_label %q is not a Loki label name", cfg.HTTP.Name, f.Service)
	}
	f.Level, f.Status = LabelName(f.Level), LabelName(f.Status)
	s := &Source{c: c, f: f, maxLines: cfg.MaxLines, page: cfg.PageSize, header: http.Header{}}
	sel := strings.TrimSpace(cfg.Selector)
	if sel != "" {
		s.matchers = strings.TrimSpace(sel[1 : len(sel)-1])
	}
	if s.maxLines <= 0 {
		s.maxLines = logs.DefaultMaxLines
	}
	if s.page <= 0 || s.page > PageSize {
		s.page = PageSize
	}
	if cfg.Tenant != "" {
		s.header.Set("X-Scope-OrgID", cfg.Tenant)
	}
	return s, nil
}

// Name implements logs.Querier.
func (s *Source) Name() string { return s.c.Name() }

// selector is the stream selector for these services (all when none).
func (s *Source) selector(services []string) string {
	var m string
	switch len(services) {
	case 0:
		m = s.f.Service + `=~".+"`
	case 1:
		m = s.f.Service + "=" + strconv.Quote(services[0])
	default:
		q := make([]string, len(services))
		for i, v := range services {
			q[i] = regexp.QuoteMeta(v)
		}
		m = s.f.Service + "=~" + strconv.Quote(strings.Join(q, "|"))
	}
	if s.matchers == "" {
		return "{" + m + "}"
	}
	return "{" + s.matchers + ", " + m + "}"
}

// FailureFilter is Record.Failure as a LogQL pipeline for lines parsed with
// `json`. Parse errors are dropped from the labels (not the lines), so a
// level held in a stream label still counts and a metric query does not
// fail on them.
func FailureFilter(f logs.Fields) string {
	return fmt.Sprintf(` | json | drop __error__, __error_details__ | %s=~%q or (%s=~%q and %s!~%q)`,
		f.Status, logs.Status5xxRegexp, f.Level, logs.ErrorLevelAlternation, f.Status, logs.Status4xxRegexp)
}

// WarningFilter is Record.Level == LevelWarn as a LogQL pipeline, like
// FailureFilter.
func WarningFilter(f logs.Fields) string {
	return fmt.Sprintf(` | json | drop __error__, __error_details__ | %s=~%q`, f.Level, logs.WarnLevelAlternation)
}

// Status5xxFilter is Record.Status >= 500 as a LogQL pipeline.
func Status5xxFilter(f logs.Fields) string {
	return fmt.Sprintf(` | json | drop __error__, __error_details__ | %s=~%q`, f.Status, logs.Status5xxRegexp)
}

func ns(t time.Time) string { return strconv.FormatInt(t.UnixNano(), 10) }

func (s *Source) get(ctx context.Context, op string, q url.Values, st *logs.QueryStats) (*storehttp.Response, error) {
	return s.c.Do(ctx, storehttp.Request{Op: op, Path: "/loki/api/v1/query_range", Query: q, Header: s.header}, st)
}

// Lines implements logs.Querier.
func (s *Source) Lines(ctx context.Context, q logs.LineQuery, fn func(*logs.Record) error) (logs.QueryStats, error) {
	var st logs.QueryStats
	limit, err := logs.LineLimit(s.Name(), q, s.maxLines)
	if err != nil {
		return st, err
	}
	var rec logs.Record
	p := newParser()
	err = s.entries(ctx, "lines", s.selector([]string{q.Service}), q.From, q.To, q.Order, limit+1, &st, func(e Entry) error {
		if st.Lines == limit {
			st.Truncated = true
			return errEnough
		}
		p.record(e, s.f, &rec)
		st.Lines++
		return fn(&rec)
	})
	if err == errEnough {
		err = nil
	}
	return st, err
}

var errEnough = fmt.Errorf("enough lines")

// entries pages through the lines of selector in [from, to), calling fn
// for each in order, at most max of them.
func (s *Source) entries(ctx context.Context, op, selector string, from, to time.Time, order logs.Order, max int, st *logs.QueryStats, fn func(Entry) error) error {
	start, end := from.UnixNano(), to.UnixNano()
	dir := "forward"
	if order == logs.NewestFirst {
		dir = "backward"
	}
	seen := map[string]bool{} // entries at the boundary nanosecond already passed on
	var boundary int64 = -1
	sent := 0
	pageSize := s.page
	for sent < max && start < end {
		want := min(pageSize, max-sent+len(seen))
		want = min(want, PageSize)
		resp, err := s.get(ctx, op, url.Values{
			"query": {selector}, "start": {strconv.FormatInt(start, 10)}, "end": {strconv.FormatInt(end, 10)},
			"limit": {strconv.Itoa(want)}, "direction": {dir},
		}, st)
		if err != nil {
			return err
		}
		page, err := DecodeStreams(resp.Body)
		resp.Body.Close()
		if err != nil {
			if _, ok := err.(*logs.QueryError); ok {
				return err
			}
			return s.c.Errorf(op, logs.KindBroken, "%v", err)
		}
		// Streams come one after another: merge them by time.
		sort.SliceStable(page, func(i, j int) bool {
			if order == logs.NewestFirst {
				return page[i].TS > page[j].TS
			}
			return page[i].TS < page[j].TS
		})
		fresh := 0
		last := boundary // seen holds the entries at last
		for _, e := range page {
			if e.TS < start || e.TS >= end {
				return s.c.Errorf(op, logs.KindBroken, "line at %d outside the asked range [%d, %d)", e.TS, start, end)
			}
			key := ""
			if e.TS == boundary {
				key = entryKey(e)
				if seen[key] {
					continue
				}
			}
			if e.TS != last {
				last = e.TS
				clear(seen)
			}
			if key == "" {
				key = entryKey(e)
			}
			seen[key] = true
			fresh++
			if err := fn(e); err != nil {
				return err
			}
			sent++
			if sent >= max {
				return nil
			}
		}
		if len(page) < want {
			return nil // a short page: nothing more in the range
		}
		if fresh == 0 && pageSize < PageSize {
			// A whole page at the boundary nanosecond, all seen: more
			// lines share it than the page holds. Ask for bigger pages.
			pageSize = min(2*pageSize, PageSize)
			continue
		}
		if fresh == 0 {
			// Even the largest page is full of one nanosecond: the lines
			// past it cannot be paged to. Step past and say so.
			if order == logs.NewestFirst {
				end = boundary
			} else {
				start = boundary + 1
			}
			st.Truncated = true
			clear(seen)
			boundary = -1
			continue
		}
		boundary = last
		if order == logs.NewestFirst {
			end = last + 1 // end is exclusive: keep the boundary nanosecond
		} else {
			start = last
		}
	}
	return nil
}

func entryKey(e Entry) string {
	keys := make([]string, 0, len(e.Labels))
	for k := range e.Labels {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + e.Labels[k] + ",")
	}
	b.WriteString("\x00" + e.Line)
	return b.String()
}

// parser turns entries into Records: the line is parsed as the file source
// parses jsonl (a line starting with "{") or logfmt, the entry's time
// wins, and stream labels fill what the line lacks.
type parser struct {
	json, logfmt *logs.Parser
}

func newParser() *parser {
	j, _ := logs.NewParser(logs.FormatJSONL)
	l, _ := logs.NewParser(logs.FormatLogfmt)
	return &parser{json: j, logfmt: l}
}

func (p *parser) record(e Entry, f logs.Fields, r *logs.Record) {
	line := []byte(e.Line)
	if strings.HasPrefix(strings.TrimSpace(e.Line), "{") {
		p.json.Parse(line, r)
	} else {
		p.logfmt.Parse(line, r)
	}
	r.Time = time.Unix(0, e.TS).UTC()
	if v, ok := e.Labels[f.Service]; ok {
		r.Service = v
	}
	if r.Level == "" {
		if v, ok := e.Labels[f.Level]; ok {
			r.Level = logs.NormalizeLevel([]byte(v))
		}
	}
	if r.Message == "" {
		r.Message = e.Line
	}
	r.Raw = line
}

// Counts implements logs.Querier. Whole minutes inside the window come
// from count_over_time; the partial minutes at its edges from lines.
func (s *Source) Counts(ctx context.Context, q logs.CountQuery) (*logs.Counts, logs.QueryStats, error) {
	var st logs.QueryStats
	c, err := logs.EmptyCounts(s.Name(), q)
	if err != nil {
		return nil, st, err
	}
	sel := s.selector(q.Services)
	a := q.From.UTC().Truncate(time.Minute)
	if a.Before(q.From) {
		a = a.Add(time.Minute)
	}
	b := q.To.UTC().Truncate(time.Minute)
	if !a.Before(b) {
		// No whole minute: count the window's lines.
		return c, st, s.countLines(ctx, sel, q.From, q.To, c, 1, &st)
	}
	// Points at t = a+1m … b count (t−1m, t]: together (a, b].
	for _, kind := range []struct {
		pipeline string
		part     func(n int) logs.Minute
	}{
		{"", func(n int) logs.Minute { return logs.Minute{Total: n} }},
		{FailureFilter(s.f), func(n int) logs.Minute { return logs.Minute{Failures: n} }},
		{WarningFilter(s.f), func(n int) logs.Minute { return logs.Minute{Warnings: n} }},
		{Status5xxFilter(s.f), func(n int) logs.Minute { return logs.Minute{Status5xx: n} }},
	} {
		query := fmt.Sprintf("sum by (%s) (count_over_time(%s%s [1m]))", s.f.Service, sel, kind.pipeline)
		resp, err := s.get(ctx, "counts", url.Values{
			"query": {query}, "start": {ns(a.Add(time.Minute))}, "end": {ns(b)}, "step": {"60"},
		}, &st)
		if err != nil {
			return nil, st, err
		}
		points, err := DecodeMatrix(resp.Body)
		resp.Body.Close()
		if err != nil {
			if _, ok := err.(*logs.QueryError); ok {
				return nil, st, err
			}
			return nil, st, s.c.Errorf("counts", logs.KindBroken, "%v", err)
		}
		for _, p := range points {
			svc := p.Labels[s.f.Service]
			if svc == "" {
				continue
			}
			minute := p.T.Add(-time.Minute)
			if minute.Before(a) || !minute.Before(b) || minute.Truncate(time.Minute) != minute {
				return nil, st, s.c.Errorf("counts", logs.KindBroken, "a count at %s is outside the asked minutes", p.T.Format(time.RFC3339Nano))
			}
			c.AddAt(svc, minute, kind.part(p.Value))
		}
	}
	// [from, a] is not in (a, b]; (b, to) neither; and a line exactly at
	// b = to is in (a, b] but outside the window.
	if err := s.countLines(ctx, sel, q.From, a.Add(1), c, 1, &st); err != nil {
		return nil, st, err
	}
	if b.Equal(q.To.UTC()) {
		if err := s.countLines(ctx, sel, b, b.Add(1), c, -1, &st); err != nil {
			return nil, st, err
		}
	} else if err := s.countLines(ctx, sel, b.Add(1), q.To, c, 1, &st); err != nil {
		return nil, st, err
	}
	return c, st, nil
}

// countLines adds (sign 1) or removes (sign -1) the lines of [from, to) to
// the counts: removed ones go from the minute Loki counted them in.
func (s *Source) countLines(ctx context.Context, sel string, from, to time.Time, c *logs.Counts, sign int, st *logs.QueryStats) error {
	if !from.Before(to) {
		return nil
	}
	p := newParser()
	var rec logs.Record
	return s.entries(ctx, "counts", sel, from, to, logs.OldestFirst, 1<<31-1, st, func(e Entry) error {
		p.record(e, s.f, &rec)
		if rec.Service == "" {
			return nil
		}
		t := rec.Time
		if sign < 0 {
			t = t.Add(-time.Nanosecond) // (t−1m, t]: the earlier minute
		}
		c.AddAt(rec.Service, t, logs.CountOf(&rec).Scale(sign))
		return nil
	})
}
