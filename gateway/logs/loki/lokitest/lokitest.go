package lokitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MaxEntries is max_entries_limit_per_query.
const MaxEntries = 5000

// Entry is one stored line.
type Entry struct {
	TS     int64
	Labels map[string]string
	Line   string
}

// Server is the emulator.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	tenants  map[string][]Entry // "" when multi-tenancy is off
	multi    bool
	fail429  int    // the next n requests answer 429
	bearer   string // when set, required as a proxy would
	requests []*http.Request
}

// New starts an emulator; multiTenant requires X-Scope-OrgID.
func New(multiTenant bool) *Server {
	s := &Server{tenants: map[string][]Entry{}, multi: multiTenant}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Push stores entries for a tenant ("" without multi-tenancy).
func (s *Server) Push(tenant string, es ...Entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tenants[tenant] = append(s.tenants[tenant], es...)
}

// Fail429 makes the next n requests answer 429.
func (s *Server) Fail429(n int) { s.mu.Lock(); s.fail429 = n; s.mu.Unlock() }

// RequireBearer makes every request need this bearer token.
func (s *Server) RequireBearer(tok string) { s.mu.Lock(); s.bearer = tok; s.mu.Unlock() }

// Requests returns the requests served so far.
func (s *Server) Requests() []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*http.Request(nil), s.requests...)
}

func textError(w http.ResponseWriter, status int, format string, a ...any) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, format, a...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, r)
	fail := s.fail429 > 0
	if fail {
		s.fail429--
	}
	bearer := s.bearer
	s.mu.Unlock()
	if bearer != "" && r.Header.Get("Authorization") != "Bearer "+bearer {
		textError(w, 401, "unauthorized")
		return
	}
	if fail {
		textError(w, 429, "too many outstanding requests")
		return
	}
	if r.URL.Path != "/loki/api/v1/query_range" {
		textError(w, 404, "404 page not found")
		return
	}
	tenant := r.Header.Get("X-Scope-OrgID")
	if s.multi && tenant == "" {
		textError(w, 401, "no org id")
		return
	}
	if !s.multi {
		tenant = ""
	}
	q := r.URL.Query()
	start, err1 := parseTime(q.Get("start"))
	end, err2 := parseTime(q.Get("end"))
	if err1 != nil || err2 != nil {
		textError(w, 400, "invalid start or end")
		return
	}
	s.mu.Lock()
	entries := append([]Entry(nil), s.tenants[tenant]...)
	s.mu.Unlock()
	query := q.Get("query")
	if strings.HasPrefix(query, "sum by") {
		s.metric(w, query, q, entries, start, end)
		return
	}
	limit := 100
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			textError(w, 400, "invalid limit")
			return
		}
		limit = n
	}
	if limit > MaxEntries {
		textError(w, 400, "max entries limit per query exceeded, limit > max_entries_limit_per_query (%d > %d)", limit, MaxEntries)
		return
	}
	sel, rest, err := parseSelector(query)
	if err != nil || strings.TrimSpace(rest) != "" {
		textError(w, 400, "parse error: %v", err)
		return
	}
	backward := q.Get("direction") != "forward"
	var hits []Entry
	for _, e := range entries {
		if e.TS >= start && e.TS < end && sel.match(e.Labels) {
			hits = append(hits, e)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if backward {
			return hits[i].TS > hits[j].TS
		}
		return hits[i].TS < hits[j].TS
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	// Group by stream, each stream in the query's direction.
	type stream struct {
		Stream map[string]string `json:"stream"`
		Values [][2]string       `json:"values"`
	}
	var order []string
	byKey := map[string]*stream{}
	for _, e := range hits {
		k := labelsKey(e.Labels)
		st := byKey[k]
		if st == nil {
			st = &stream{Stream: e.Labels}
			byKey[k] = st
			order = append(order, k)
		}
		st.Values = append(st.Values, [2]string{strconv.FormatInt(e.TS, 10), e.Line})
	}
	result := []*stream{}
	for _, k := range order {
		result = append(result, byKey[k])
	}
	writeJSON(w, "streams", result)
}

func writeJSON(w http.ResponseWriter, typ string, result any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"status": "success", "data": map[string]any{"resultType": typ, "result": result, "stats": map[string]any{}}})
}

func parseTime(v string) (int64, error) {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return n, nil
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	return t.UnixNano(), err
}

func labelsKey(l map[string]string) string {
	ks := make([]string, 0, len(l))
	for k := range l {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	var b strings.Builder
	for _, k := range ks {
		b.WriteString(k + "=" + l[k] + ",")
	}
	return b.String()
}

var metricRE = regexp.MustCompile(`^sum by \(([a-zA-Z_][a-zA-Z0-9_]*)\) \(count_over_time\((.*) \[1m\]\)\)$`)

func (s *Server) metric(w http.ResponseWriter, query string, q map[string][]string, entries []Entry, start, end int64) {
	m := metricRE.FindStringSubmatch(query)
	if m == nil {
		textError(w, 400, "parse error: unsupported metric query %q", query)
		return
	}
	by := m[1]
	sel, rest, err := parseSelector(m[2])
	if err != nil {
		textError(w, 400, "parse error: %v", err)
		return
	}
	filter, err := parsePipeline(rest)
	if err != nil {
		textError(w, 400, "parse error: %v", err)
		return
	}
	step, err := strconv.ParseFloat(first(q["step"]), 64)
	if err != nil || step <= 0 {
		textError(w, 400, "invalid step")
		return
	}
	stepNs := int64(step * 1e9)
	if (end-start)/stepNs > 11000 {
		textError(w, 400, "exceeded maximum resolution of 11,000 points per timeseries")
		return
	}
	type series struct {
		Metric map[string]string `json:"metric"`
		Values [][2]any          `json:"values"`
	}
	out := map[string]*series{}
	var keys []string
	for t := start; t <= end; t += stepNs {
		counts := map[string]int{}
		for _, e := range entries {
			if e.TS <= t-int64(time.Minute) || e.TS > t || !sel.match(e.Labels) {
				continue
			}
			if filter != nil && !filter(extract(e)) {
				continue
			}
			counts[e.Labels[by]]++
		}
		for v, n := range counts {
			sr := out[v]
			if sr == nil {
				sr = &series{Metric: map[string]string{}}
				if v != "" {
					sr.Metric[by] = v
				}
				out[v] = sr
				keys = append(keys, v)
			}
			sr.Values = append(sr.Values, [2]any{float64(t) / 1e9, strconv.Itoa(n)})
		}
	}
	sort.Strings(keys)
	result := []*series{}
	for _, k := range keys {
		result = append(result, out[k])
	}
	writeJSON(w, "matrix", result)
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// extract is the labels after `| json | drop __error__…`: stream labels,
// plus the line's fields (nested keys joined with "_"; a name taken by a
// stream label gets "_extracted").
func extract(e Entry) map[string]string {
	out := map[string]string{}
	for k, v := range e.Labels {
		out[k] = v
	}
	var obj map[string]any
	if json.Unmarshal([]byte(e.Line), &obj) != nil {
		return out
	}
	var walk func(prefix string, o map[string]any)
	walk = func(prefix string, o map[string]any) {
		for k, v := range o {
			name := prefix + sanitize(k)
			switch x := v.(type) {
			case map[string]any:
				walk(name+"_", x)
				continue
			case string:
				v = x
			case float64:
				v = strconv.FormatFloat(x, 'f', -1, 64)
			case bool:
				v = strconv.FormatBool(x)
			default:
				continue
			}
			if _, taken := e.Labels[name]; taken {
				name += "_extracted"
			}
			out[name] = v.(string)
		}
	}
	walk("", obj)
	return out
}

func sanitize(k string) string {
	b := []byte(k)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9') {
			b[i] = '_'
		}
	}
	return string(b)
}
