package elasticsearch

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/gateway/logs"
)

// SearchResult is the part of a _search answer used here.
type SearchResult struct {
	TimedOut bool `json:"timed_out"`
	Shards   struct {
		Total    int `json:"total"`
		Failed   int `json:"failed"`
		Failures []struct {
			Reason struct {
				Type   string `json:"type"`
				Reason string `json:"reason"`
			} `json:"reason"`
		} `json:"failures"`
	} `json:"_shards"`
	PitID string `json:"pit_id"`
	Hits  struct {
		Hits []Hit `json:"hits"`
	} `json:"hits"`
	Aggregations json.RawMessage `json:"aggregations"`
}

// Hit is one document.
type Hit struct {
	Source json.RawMessage   `json:"_source"`
	Sort   []json.RawMessage `json:"sort"`
}

// DecodeSearch reads a _search answer and fails on a partial one.
func DecodeSearch(r io.Reader) (*SearchResult, error) {
	var res SearchResult
	if err := json.NewDecoder(r).Decode(&res); err != nil {
		return nil, fmt.Errorf("decode search answer: %w", err)
	}
	if res.TimedOut {
		return nil, &partialError{"the search timed out"}
	}
	if res.Shards.Failed > 0 {
		why := ""
		if len(res.Shards.Failures) > 0 {
			why = ": " + res.Shards.Failures[0].Reason.Type + " " + res.Shards.Failures[0].Reason.Reason
		}
		return nil, &partialError{fmt.Sprintf("%d of %d shards failed%s", res.Shards.Failed, res.Shards.Total, why)}
	}
	return &res, nil
}

type partialError struct{ msg string }

func (e *partialError) Error() string { return "partial result: " + e.msg }

// Lookup finds a dotted field in a document, flat ("log.level": …) or
// nested ({"log":{"level":…}}), as text.
func Lookup(doc map[string]any, field string) (string, bool) {
	if v, ok := doc[field]; ok {
		return text(v)
	}
	for i := 0; i < len(field); i++ {
		if field[i] != '.' {
			continue
		}
		if sub, ok := doc[field[:i]].(map[string]any); ok {
			if v, ok := Lookup(sub, field[i+1:]); ok {
				return v, true
			}
		}
	}
	return "", false
}

func text(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case json.Number:
		return x.String(), true
	case bool:
		return strconv.FormatBool(x), true
	case []any: // a keyword field may hold an array: take the first
		if len(x) > 0 {
			return text(x[0])
		}
	}
	return "", false
}

// DecodeHit fills r from a hit's _source; Raw is the _source.
func DecodeHit(h Hit, f logs.Fields, r *logs.Record) error {
	dec := json.NewDecoder(strings.NewReader(string(h.Source)))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil || doc == nil {
		return fmt.Errorf("decode hit: _source is not an object")
	}
	ts, ok := Lookup(doc, f.Time)
	if !ok {
		return fmt.Errorf("decode hit: no %s", f.Time)
	}
	t, ok := logs.ParseTime([]byte(ts))
	if !ok {
		return fmt.Errorf("decode hit: %s %q is not a time", f.Time, ts)
	}
	f.FillRecord(func(name string) (string, bool) { return Lookup(doc, name) }, t.UTC(), r)
	r.Raw = h.Source
	return nil
}

// Bucket is one minute of one service.
type Bucket struct {
	Service string
	Minute  time.Time
	Counts  logs.Minute
}

type docCount struct {
	DocCount int `json:"doc_count"`
}

// DecodeCounts reads the aggregations of a counts search. A missing
// sub-aggregation reads as 0.
func DecodeCounts(aggs json.RawMessage) ([]Bucket, error) {
	var a struct {
		S *struct {
			Buckets []struct {
				Key json.RawMessage `json:"key"`
				M   struct {
					Buckets []struct {
						Key      int64    `json:"key"`
						DocCount int      `json:"doc_count"`
						F        docCount `json:"f"`
						W        docCount `json:"w"`
						X        docCount `json:"x"`
					} `json:"buckets"`
				} `json:"m"`
			} `json:"buckets"`
		} `json:"s"`
	}
	if err := json.Unmarshal(aggs, &a); err != nil {
		return nil, fmt.Errorf("decode aggregations: %w", err)
	}
	if a.S == nil {
		return nil, fmt.Errorf("decode aggregations: no services aggregation")
	}
	var out []Bucket
	for _, sb := range a.S.Buckets {
		var svc any
		if err := json.Unmarshal(sb.Key, &svc); err != nil {
			return nil, fmt.Errorf("decode aggregations: service key: %w", err)
		}
		name, ok := text(svc)
		if !ok {
			return nil, fmt.Errorf("decode aggregations: service key %s", sb.Key)
		}
		for _, mb := range sb.M.Buckets {
			m := logs.Minute{Total: mb.DocCount, Failures: mb.F.DocCount, Warnings: mb.W.DocCount, Status5xx: mb.X.DocCount}
			if err := m.Check(); err != nil {
				return nil, fmt.Errorf("decode aggregations: %w", err)
			}
			if mb.Key%60000 != 0 {
				return nil, fmt.Errorf("decode aggregations: bucket key %d is not a whole minute", mb.Key)
			}
			out = append(out, Bucket{Service: name, Minute: time.UnixMilli(mb.Key).UTC(), Counts: m})
		}
	}
	return out, nil
}
