package estest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Server is the emulator.
type Server struct {
	*httptest.Server
	OpenSearch bool

	mu       sync.Mutex
	indices  map[string][]map[string]any
	pits     map[string]string // id → index pattern
	pitSeq   int
	apiKey   string // when set, "ApiKey <apiKey>" is required
	basic    [2]string
	partial  string // "timed_out" or "shards" for the next search
	fail429  int
	Searches int
}

// New starts an emulator of Elasticsearch, or of OpenSearch.
func New(openSearch bool) *Server {
	s := &Server{OpenSearch: openSearch, indices: map[string][]map[string]any{}, pits: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Index adds documents (_source objects) to an index.
func (s *Server) Index(name string, docs ...map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.indices[name] = append(s.indices[name], docs...)
}

// RequireAPIKey makes every request need "Authorization: ApiKey <key>".
func (s *Server) RequireAPIKey(key string) { s.mu.Lock(); s.apiKey = key; s.mu.Unlock() }

// RequireBasic makes every request need basic auth.
func (s *Server) RequireBasic(user, pass string) {
	s.mu.Lock()
	s.basic = [2]string{user, pass}
	s.mu.Unlock()
}

// Partial makes the next search answer 200 with a partial result:
// "timed_out" or "shards".
func (s *Server) Partial(kind string) { s.mu.Lock(); s.partial = kind; s.mu.Unlock() }

// Fail429 makes the next n requests answer 429.
func (s *Server) Fail429(n int) { s.mu.Lock(); s.fail429 = n; s.mu.Unlock() }

// OpenPITs is how many points in time are open.
func (s *Server) OpenPITs() int { s.mu.Lock(); defer s.mu.Unlock(); return len(s.pits) }

func (s *Server) esError(w http.ResponseWriter, status int, typ, reason string) {
	s.header(w)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"type": typ, "reason": reason,
		"root_cause": []any{map[string]any{"type": typ, "reason": reason}}}, "status": status})
}

func (s *Server) header(w http.ResponseWriter) {
	if !s.OpenSearch {
		w.Header().Set("X-Elastic-Product", "Elasticsearch")
	}
}

func (s *Server) authorized(r *http.Request) bool {
	s.mu.Lock()
	key, basic := s.apiKey, s.basic
	s.mu.Unlock()
	if key != "" && r.Header.Get("Authorization") != "ApiKey "+key {
		return false
	}
	if basic[0] != "" {
		u, p, ok := r.BasicAuth()
		return ok && u == basic[0] && p == basic[1]
	}
	return true
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		if s.OpenSearch {
			w.WriteHeader(401) // OpenSearch's security plugin may answer without a body
			return
		}
		w.Header().Set("WWW-Authenticate", `Basic realm="security" charset="UTF-8"`)
		s.esError(w, 401, "security_exception", "missing authentication credentials for REST request ["+r.URL.Path+"]")
		return
	}
	s.mu.Lock()
	fail := s.fail429 > 0
	if fail {
		s.fail429--
	}
	s.mu.Unlock()
	if fail {
		s.esError(w, 429, "es_rejected_execution_exception", "rejected execution of coordinating operation")
		return
	}
	p := r.URL.Path
	switch {
	case p == "/" && r.Method == "GET":
		s.header(w)
		v := map[string]any{"number": "8.15.0"}
		if s.OpenSearch {
			v = map[string]any{"number": "2.17.0", "distribution": "opensearch"}
		}
		json.NewEncoder(w).Encode(map[string]any{"name": "emu", "version": v})
	case !s.OpenSearch && strings.HasSuffix(p, "/_pit") && r.Method == "POST",
		s.OpenSearch && strings.HasSuffix(p, "/_search/point_in_time") && r.Method == "POST":
		idx := strings.TrimPrefix(strings.TrimSuffix(strings.TrimSuffix(p, "/_pit"), "/_search/point_in_time"), "/")
		if len(s.match(idx)) == 0 && !strings.Contains(idx, "*") {
			s.esError(w, 404, "index_not_found_exception", "no such index ["+idx+"]")
			return
		}
		s.mu.Lock()
		s.pitSeq++
		id := fmt.Sprintf("pit-%d-a", s.pitSeq)
		s.pits[id] = idx
		s.mu.Unlock()
		s.header(w)
		if s.OpenSearch {
			json.NewEncoder(w).Encode(map[string]any{"pit_id": id, "creation_time": time.Now().UnixMilli()})
		} else {
			json.NewEncoder(w).Encode(map[string]any{"id": id})
		}
	case !s.OpenSearch && p == "/_pit" && r.Method == "DELETE",
		s.OpenSearch && p == "/_search/point_in_time" && r.Method == "DELETE":
		var body struct {
			ID    string   `json:"id"`
			PitID []string `json:"pit_id"`
		}
		json.NewDecoder(r.Body).Decode(&body)
		ids := append(body.PitID, body.ID)
		s.mu.Lock()
		n := 0
		for _, id := range ids {
			if base := strings.TrimSuffix(id, "-b"); s.pits[base+"-a"] != "" {
				delete(s.pits, base+"-a")
				n++
			}
		}
		s.mu.Unlock()
		s.header(w)
		json.NewEncoder(w).Encode(map[string]any{"succeeded": n > 0, "num_freed": n})
	case strings.HasSuffix(p, "/_search") && (r.Method == "POST" || r.Method == "GET"):
		s.search(w, r, strings.Trim(strings.TrimSuffix(p, "/_search"), "/"))
	default:
		s.esError(w, 400, "illegal_argument_exception", "no handler found for uri ["+p+"] and method ["+r.Method+"]")
	}
}

// match lists the documents of the indices a name or pattern covers.
func (s *Server) match(pattern string) []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	var names []string
	for name := range s.indices {
		for _, p := range strings.Split(pattern, ",") {
			if ok, _ := path.Match(p, name); ok {
				names = append(names, name)
				break
			}
		}
	}
	sort.Strings(names)
	var docs []map[string]any
	for _, n := range names {
		docs = append(docs, s.indices[n]...)
	}
	return docs
}

type searchBody struct {
	Size        *int              `json:"size"`
	From        int               `json:"from"`
	Query       map[string]any    `json:"query"`
	Sort        []map[string]any  `json:"sort"`
	SearchAfter []json.RawMessage `json:"search_after"`
	Pit         *struct {
		ID        string `json:"id"`
		KeepAlive string `json:"keep_alive"`
	} `json:"pit"`
	Aggs map[string]any `json:"aggs"`
}

func (s *Server) search(w http.ResponseWriter, r *http.Request, index string) {
	var b searchBody
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	if err := dec.Decode(&b); err != nil {
		s.esError(w, 400, "parsing_exception", "request body is malformed: "+err.Error())
		return
	}
	s.mu.Lock()
	s.Searches++
	partial := s.partial
	s.partial = ""
	s.mu.Unlock()
	pitID := ""
	if b.Pit != nil {
		if index != "" {
			s.esError(w, 400, "action_request_validation_exception", "[indices] cannot be used with point in time")
			return
		}
		s.mu.Lock()
		base := strings.TrimSuffix(strings.TrimSuffix(b.Pit.ID, "-b"), "-a")
		idx, ok := s.pits[base+"-a"]
		s.mu.Unlock()
		if !ok {
			s.esError(w, 404, "search_context_missing_exception", "No search context found for id ["+b.Pit.ID+"]")
			return
		}
		index, pitID = idx, base+"-b" // a new id each time, as the real servers may return
	} else if index == "" {
		index = "*"
	}
	docs := s.match(index)
	if len(docs) == 0 && !strings.Contains(index, "*") {
		s.esError(w, 404, "index_not_found_exception", "no such index ["+index+"]")
		return
	}
	size := 10
	if b.Size != nil {
		size = *b.Size
	}
	if b.From+size > 10000 {
		s.esError(w, 400, "search_phase_execution_exception", "Result window is too large, from + size must be less than or equal to: [10000]")
		return
	}
	type hit struct {
		doc map[string]any
		seq int
	}
	var hits []hit
	for i, d := range docs {
		ok, err := eval(b.Query, d)
		if err != nil {
			s.esError(w, 400, "parsing_exception", err.Error())
			return
		}
		if ok {
			hits = append(hits, hit{d, i})
		}
	}
	// Sort on one field (time), then _shard_doc (the document's position)
	// when in a point in time.
	var field string
	desc := false
	if len(b.Sort) > 0 {
		for f, spec := range b.Sort[0] {
			field = f
			if m, ok := spec.(map[string]any); ok && m["order"] == "desc" || spec == "desc" {
				desc = true
			}
		}
	}
	key := func(h hit) int64 { t, _ := timeOf(h.doc, field); return t.UnixMilli() }
	sort.SliceStable(hits, func(i, j int) bool {
		a, c := key(hits[i]), key(hits[j])
		if a != c {
			return (a < c) != desc
		}
		return (hits[i].seq < hits[j].seq) != desc
	})
	if len(b.SearchAfter) > 0 {
		var after []int64
		for _, raw := range b.SearchAfter {
			n, err := strconv.ParseInt(string(raw), 10, 64)
			if err != nil {
				s.esError(w, 400, "parsing_exception", "search_after value "+string(raw))
				return
			}
			after = append(after, n)
		}
		k := 0
		for k < len(hits) {
			a := key(hits[k])
			beyond := a > after[0] != desc && a != after[0]
			if a == after[0] && len(after) > 1 && pitID != "" {
				beyond = int64(hits[k].seq) > after[1] != desc && int64(hits[k].seq) != after[1]
			}
			if beyond {
				break
			}
			k++
		}
		hits = hits[k:]
	}
	out := map[string]any{"took": 1, "timed_out": partial == "timed_out",
		"_shards": map[string]any{"total": 2, "successful": 2, "skipped": 0, "failed": 0}}
	if partial == "shards" {
		out["_shards"] = map[string]any{"total": 2, "successful": 1, "skipped": 0, "failed": 1,
			"failures": []any{map[string]any{"shard": 1, "reason": map[string]any{"type": "node_disconnected_exception", "reason": "node left"}}}}
	}
	if pitID != "" {
		out["pit_id"] = pitID
	}
	var hs []any
	for _, h := range hits[min(b.From, len(hits)):min(b.From+size, len(hits))] {
		sv := []any{key(h)}
		if pitID != "" {
			sv = append(sv, h.seq)
		}
		hs = append(hs, map[string]any{"_index": index, "_source": h.doc, "sort": sv})
	}
	out["hits"] = map[string]any{"hits": hs}
	if b.Aggs != nil {
		matched := make([]map[string]any, len(hits))
		for i, h := range hits {
			matched[i] = h.doc
		}
		aggs, err := aggregate(b.Aggs, matched)
		if err != nil {
			s.esError(w, 400, "parsing_exception", err.Error())
			return
		}
		out["aggregations"] = aggs
	}
	s.header(w)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}
