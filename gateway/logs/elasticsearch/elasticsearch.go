package elasticsearch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/storehttp"
)

// Server flavours: where the point-in-time API lives differs.
const (
	FlavorElasticsearch = "elasticsearch"
	FlavorOpenSearch    = "opensearch"
)

// Defaults.
const (
	DefaultPageSize = 5000
	maxBuckets      = 50000 // per answer; search.max_buckets is 65,535
	maxServices     = 256
	keepAlive       = "1m"
)

// ECSFields are the defaults: Elastic Common Schema names.
var ECSFields = logs.Fields{Time: "@timestamp", Service: "service.name", Level: "log.level", Status: "http.response.status_code", Message: "message"}

// Config of an Elasticsearch or OpenSearch source.
type Config struct {
	HTTP     storehttp.Config
	Index    string // index or pattern ("logs-*"); required
	Fields   logs.Fields
	MaxLines int
	PageSize int // hits per request, at most 10,000; DefaultPageSize when 0
	// Flavor forces the PIT API flavour; empty asks the server (GET /).
	Flavor string
}

// Source queries one cluster.
type Source struct {
	c        *storehttp.Client
	index    string
	f        logs.Fields
	maxLines int
	page     int

	mu     sync.Mutex
	flavor string
}

var _ logs.Querier = (*Source)(nil)

// New checks cfg and returns the source; it does not contact the server.
func New(cfg Config) (*Source, error) {
	c, err := storehttp.New(cfg.HTTP)
	if err != nil {
		return nil, err
	}
	if cfg.Index == "" || strings.ContainsAny(cfg.Index, "/ ?#") {
		return nil, fmt.Errorf("log source %q: index %q must be an index name or pattern like \"logs-*\"", cfg.HTTP.Name, cfg.Index)
	}
	if cfg.Flavor != "" && cfg.Flavor != FlavorElasticsearch && cfg.Flavor != FlavorOpenSearch {
		return nil, fmt.Errorf("log source %q: unknown flavor %q", cfg.HTTP.Name, cfg.Flavor)
	}
	s := &Source{c: c, index: cfg.Index, f: cfg.Fields.WithDefaults(ECSFields), maxLines: cfg.MaxLines, page: cfg.PageSize, flavor: cfg.Flavor}
	if s.maxLines <= 0 {
		s.maxLines = logs.DefaultMaxLines
	}
	if s.page <= 0 || s.page > 10000 {
		s.page = DefaultPageSize
	}
	return s, nil
}

// Name implements logs.Querier.
func (s *Source) Name() string { return s.c.Name() }

func esTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z") }

type obj = map[string]any

func (s *Source) filter(services []string, from, to time.Time) []any {
	f := []any{obj{"range": obj{s.f.Time: obj{"gte": esTime(from), "lt": esTime(to), "format": "strict_date_optional_time_nanos"}}}}
	switch len(services) {
	case 0:
	case 1:
		f = append(f, obj{"term": obj{s.f.Service: services[0]}})
	default:
		f = append(f, obj{"terms": obj{s.f.Service: services}})
	}
	return f
}

// WarningQuery is Record.Level == LevelWarn as an Elasticsearch query.
func WarningQuery(f logs.Fields) map[string]any {
	return obj{"terms": obj{f.Level: logs.WarnLevelTerms()}}
}

// Status5xxQuery is Record.Status >= 500 as an Elasticsearch query.
func Status5xxQuery(f logs.Fields) map[string]any {
	return obj{"range": obj{f.Status: obj{"gte": 500, "lt": 600}}}
}

// FailureQuery is Record.Failure as an Elasticsearch query.
func FailureQuery(f logs.Fields) map[string]any {
	return obj{"bool": obj{
		"should": []any{
			Status5xxQuery(f),
			obj{"bool": obj{
				"filter":   []any{obj{"terms": obj{f.Level: logs.ErrorLevelTerms()}}},
				"must_not": []any{obj{"range": obj{f.Status: obj{"gte": 400, "lt": 500}}}},
			}},
		},
		"minimum_should_match": 1,
	}}
}

func (s *Source) search(ctx context.Context, op, path string, body any, st *logs.QueryStats) (*SearchResult, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, s.c.Errorf(op, logs.KindBadQuery, "encode query: %v", err)
	}
	resp, err := s.c.Do(ctx, storehttp.Request{Op: op, Method: "POST", Path: path, Body: b, ContentType: "application/json",
		Query: url.Values{"allow_partial_search_results": {"false"}}}, st)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	res, err := DecodeSearch(resp.Body)
	if err != nil {
		var qe *logs.QueryError
		var pe *partialError
		switch {
		case errors.As(err, &qe):
			return nil, err
		case errors.As(err, &pe):
			return nil, s.c.Errorf(op, logs.KindPartial, "%v", err)
		}
		return nil, s.c.Errorf(op, logs.KindBroken, "%v", err)
	}
	return res, nil
}

// Lines implements logs.Querier.
func (s *Source) Lines(ctx context.Context, q logs.LineQuery, fn func(*logs.Record) error) (logs.QueryStats, error) {
	var st logs.QueryStats
	limit, err := logs.LineLimit(s.Name(), q, s.maxLines)
	if err != nil {
		return st, err
	}
	order := "asc"
	if q.Order == logs.NewestFirst {
		order = "desc"
	}
	body := obj{
		"query":            obj{"bool": obj{"filter": s.filter([]string{q.Service}, q.From, q.To)}},
		"sort":             []any{obj{s.f.Time: obj{"order": order}}},
		"track_total_hits": false,
	}
	var rec logs.Record
	emit := func(hits []Hit) (bool, error) {
		for _, h := range hits {
			if st.Lines == limit {
				st.Truncated = true
				return true, nil
			}
			if err := DecodeHit(h, s.f, &rec); err != nil {
				return true, s.c.Errorf("lines", logs.KindBroken, "%v", err)
			}
			st.Lines++
			if err := fn(&rec); err != nil {
				return true, err
			}
		}
		return false, nil
	}
	// One page is enough: no point in time needed.
	if limit < s.page {
		body["size"] = limit + 1
		res, err := s.search(ctx, "lines", "/"+s.index+"/_search", body, &st)
		if err != nil {
			return st, err
		}
		_, err = emit(res.Hits.Hits)
		return st, err
	}
	pit, err := s.openPIT(ctx, &st)
	if err != nil {
		return st, err
	}
	defer s.closePIT(pit, &st)
	body["size"] = s.page
	for {
		body["pit"] = obj{"id": pit.id, "keep_alive": keepAlive}
		res, err := s.search(ctx, "lines", "/_search", body, &st)
		if err != nil {
			return st, err
		}
		if res.PitID != "" {
			pit.id = res.PitID
		}
		done, err := emit(res.Hits.Hits)
		if err != nil || done || len(res.Hits.Hits) < s.page {
			return st, err
		}
		last := res.Hits.Hits[len(res.Hits.Hits)-1]
		if len(last.Sort) == 0 {
			return st, s.c.Errorf("lines", logs.KindBroken, "a hit without sort values: cannot page on")
		}
		body["search_after"] = last.Sort
	}
}

type pit struct {
	id     string
	flavor string
}

// Flavor returns the server's flavour, asking it once (GET /): OpenSearch
// says so in version.distribution, Elasticsearch sends X-Elastic-Product.
func (s *Source) Flavor(ctx context.Context, st *logs.QueryStats) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.flavor != "" {
		return s.flavor, nil
	}
	resp, err := s.c.Do(ctx, storehttp.Request{Op: "identify server", Path: "/"}, st)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var info struct {
		Version struct {
			Distribution string `json:"distribution"`
		} `json:"version"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&info); err != nil {
		return "", s.c.Errorf("identify server", logs.KindBroken, "decode: %v", err)
	}
	switch {
	case info.Version.Distribution == "opensearch":
		s.flavor = FlavorOpenSearch
	case resp.Header.Get("X-Elastic-Product") == "Elasticsearch":
		s.flavor = FlavorElasticsearch
	default:
		return "", s.c.Errorf("identify server", logs.KindBadQuery, "neither Elasticsearch (no X-Elastic-Product header) nor OpenSearch")
	}
	return s.flavor, nil
}

func (s *Source) openPIT(ctx context.Context, st *logs.QueryStats) (*pit, error) {
	flavor, err := s.Flavor(ctx, st)
	if err != nil {
		return nil, err
	}
	path := "/" + s.index + "/_pit"
	if flavor == FlavorOpenSearch {
		path = "/" + s.index + "/_search/point_in_time"
	}
	resp, err := s.c.Do(ctx, storehttp.Request{Op: "open point in time", Method: "POST", Path: path, Query: url.Values{"keep_alive": {keepAlive}}}, st)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out struct {
		ID    string `json:"id"`
		PitID string `json:"pit_id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, s.c.Errorf("open point in time", logs.KindBroken, "decode: %v", err)
	}
	id := out.ID
	if flavor == FlavorOpenSearch {
		id = out.PitID
	}
	if id == "" {
		return nil, s.c.Errorf("open point in time", logs.KindBroken, "no id in the answer")
	}
	return &pit{id: id, flavor: flavor}, nil
}

// closePIT frees the server's resources now rather than at keep-alive's
// end; a failure only costs that, so it is not reported to the caller.
func (s *Source) closePIT(p *pit, st *logs.QueryStats) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	path, body := "/_pit", obj{"id": p.id}
	if p.flavor == FlavorOpenSearch {
		path, body = "/_search/point_in_time", obj{"pit_id": []string{p.id}}
	}
	b, _ := json.Marshal(body)
	resp, err := s.c.Do(ctx, storehttp.Request{Op: "close point in time", Method: "DELETE", Path: path, Body: b, ContentType: "application/json"}, st)
	if err == nil {
		resp.Body.Close()
	}
}

// Counts implements logs.Querier.
func (s *Source) Counts(ctx context.Context, q logs.CountQuery) (*logs.Counts, logs.QueryStats, error) {
	var st logs.QueryStats
	c, err := logs.EmptyCounts(s.Name(), q)
	if err != nil {
		return nil, st, err
	}
	nsvc := len(q.Services)
	if nsvc == 0 {
		nsvc = maxServices
	}
	// Split the window so services × minutes stays under maxBuckets.
	span := time.Duration(max(1, maxBuckets/nsvc)) * time.Minute
	for from := q.From; from.Before(q.To); {
		to := from.Truncate(time.Minute).Add(span)
		if to.After(q.To) {
			to = q.To
		}
		body := obj{
			"size": 0, "track_total_hits": false,
			"query": obj{"bool": obj{"filter": s.filter(q.Services, from, to)}},
			"aggs": obj{"s": obj{
				"terms": obj{"field": s.f.Service, "size": nsvc},
				"aggs": obj{"m": obj{
					"date_histogram": obj{"field": s.f.Time, "fixed_interval": "1m", "min_doc_count": 1, "time_zone": "UTC"},
					"aggs": obj{
						"f": obj{"filter": FailureQuery(s.f)},
						"w": obj{"filter": WarningQuery(s.f)},
						"x": obj{"filter": Status5xxQuery(s.f)},
					},
				}},
			}},
		}
		res, err := s.search(ctx, "counts", "/"+s.index+"/_search", body, &st)
		if err != nil {
			return nil, st, err
		}
		buckets, err := DecodeCounts(res.Aggregations)
		if err != nil {
			return nil, st, s.c.Errorf("counts", logs.KindBroken, "%v", err)
		}
		for _, b := range buckets {
			if b.Service == "" {
				continue
			}
			if !c.AddAt(b.Service, b.Minute, b.Counts) {
				return nil, st, s.c.Errorf("counts", logs.KindBroken, "bucket %s outside the window", b.Minute.Format(time.RFC3339))
			}
		}
		from = to
	}
	return c, st, nil
}
