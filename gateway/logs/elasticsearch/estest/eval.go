package estest

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"time"
)

// lookup finds a dotted field, flat or nested.
func lookup(doc map[string]any, field string) (any, bool) {
	if v, ok := doc[field]; ok {
		return v, true
	}
	for i := 0; i < len(field); i++ {
		if field[i] == '.' {
			if sub, ok := doc[field[:i]].(map[string]any); ok {
				if v, ok := lookup(sub, field[i+1:]); ok {
					return v, true
				}
			}
		}
	}
	return nil, false
}

func timeOf(doc map[string]any, field string) (time.Time, bool) {
	v, ok := lookup(doc, field)
	if !ok {
		return time.Time{}, false
	}
	s, ok := v.(string)
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, false
	}
	// A date field keeps milliseconds.
	return t.Truncate(time.Millisecond), true
}

// keyword is how a keyword field compares: the exact text.
func keyword(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return "", false
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(x, 64)
		return f, err == nil
	}
	return 0, false
}

// eval runs the query subset on one document.
func eval(q map[string]any, doc map[string]any) (bool, error) {
	if len(q) == 0 {
		return true, nil
	}
	if len(q) != 1 {
		return false, fmt.Errorf("[query] malformed query, expected a single clause")
	}
	for kind, body := range q {
		m, ok := body.(map[string]any)
		if !ok {
			return false, fmt.Errorf("[%s] query malformed", kind)
		}
		switch kind {
		case "match_all":
			return true, nil
		case "bool":
			return evalBool(m, doc)
		case "term":
			for f, want := range m {
				v, ok := lookup(doc, f)
				if !ok {
					return false, nil
				}
				a, _ := keyword(v)
				b, _ := keyword(want)
				return a == b, nil
			}
		case "terms":
			for f, list := range m {
				vs, ok := list.([]any)
				if !ok {
					return false, fmt.Errorf("[terms] query does not support [%s]", f)
				}
				v, ok := lookup(doc, f)
				if !ok {
					return false, nil
				}
				a, _ := keyword(v)
				for _, w := range vs {
					if b, _ := keyword(w); a == b {
						return true, nil
					}
				}
				return false, nil
			}
		case "range":
			for f, spec := range m {
				sm, ok := spec.(map[string]any)
				if !ok {
					return false, fmt.Errorf("[range] query malformed")
				}
				return evalRange(doc, f, sm)
			}
		}
		return false, fmt.Errorf("unknown query [%s]", kind)
	}
	return false, nil
}

func evalBool(m map[string]any, doc map[string]any) (bool, error) {
	clauses := func(name string) ([]map[string]any, error) {
		raw, ok := m[name]
		if !ok {
			return nil, nil
		}
		list, ok := raw.([]any)
		if !ok {
			if one, ok := raw.(map[string]any); ok {
				return []map[string]any{one}, nil
			}
			return nil, fmt.Errorf("[bool] malformed [%s]", name)
		}
		var out []map[string]any
		for _, c := range list {
			cm, ok := c.(map[string]any)
			if !ok {
				return nil, fmt.Errorf("[bool] malformed [%s]", name)
			}
			out = append(out, cm)
		}
		return out, nil
	}
	for name := range m {
		switch name {
		case "filter", "must", "must_not", "should", "minimum_should_match":
		default:
			return false, fmt.Errorf("[bool] query does not support [%s]", name)
		}
	}
	for _, name := range []string{"filter", "must"} {
		cs, err := clauses(name)
		if err != nil {
			return false, err
		}
		for _, c := range cs {
			if ok, err := eval(c, doc); err != nil || !ok {
				return false, err
			}
		}
	}
	cs, err := clauses("must_not")
	if err != nil {
		return false, err
	}
	for _, c := range cs {
		if ok, err := eval(c, doc); err != nil || ok {
			return false, err
		}
	}
	should, err := clauses("should")
	if err != nil || len(should) == 0 {
		return err == nil, err
	}
	need := 1
	if v, ok := m["minimum_should_match"]; ok {
		f, _ := number(v)
		need = int(f)
	}
	n := 0
	for _, c := range should {
		ok, err := eval(c, doc)
		if err != nil {
			return false, err
		}
		if ok {
			n++
		}
	}
	return n >= need, nil
}

func evalRange(doc map[string]any, f string, spec map[string]any) (bool, error) {
	v, ok := lookup(doc, f)
	if !ok {
		return false, nil
	}
	if _, isDate := spec["format"]; isDate {
		t, ok := timeOf(doc, f)
		if !ok {
			return false, nil
		}
		for op, bound := range spec {
			if op == "format" {
				continue
			}
			s, _ := bound.(string)
			b, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				return false, fmt.Errorf("failed to parse date field [%s]", s)
			}
			if !cmp(op, float64(t.UnixNano()), float64(b.UnixNano())) {
				return false, nil
			}
		}
		return true, nil
	}
	x, ok := number(v)
	if !ok {
		return false, nil
	}
	for op, bound := range spec {
		b, ok := number(bound)
		if !ok {
			return false, fmt.Errorf("[range] bound %v", bound)
		}
		if !cmp(op, x, b) {
			return false, nil
		}
	}
	return true, nil
}

func cmp(op string, a, b float64) bool {
	switch op {
	case "gte":
		return a >= b
	case "gt":
		return a > b
	case "lte":
		return a <= b
	case "lt":
		return a < b
	}
	return false
}

// aggregate runs terms → date_histogram → filter, the shape the client
// sends (any name per level).
func aggregate(aggs map[string]any, docs []map[string]any) (map[string]any, error) {
	out := map[string]any{}
	for name, raw := range aggs {
		spec, _ := raw.(map[string]any)
		sub, _ := spec["aggs"].(map[string]any)
		switch {
		case spec["terms"] != nil:
			t := spec["terms"].(map[string]any)
			field, _ := t["field"].(string)
			size := 10
			if n, ok := number(t["size"]); ok {
				size = int(n)
			}
			groups := map[string][]map[string]any{}
			for _, d := range docs {
				if v, ok := lookup(d, field); ok {
					k, _ := keyword(v)
					groups[k] = append(groups[k], d)
				}
			}
			keys := make([]string, 0, len(groups))
			for k := range groups {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(i, j int) bool {
				if len(groups[keys[i]]) != len(groups[keys[j]]) {
					return len(groups[keys[i]]) > len(groups[keys[j]])
				}
				return keys[i] < keys[j]
			})
			var buckets []any
			for i, k := range keys {
				if i == size {
					break
				}
				b := map[string]any{"key": k, "doc_count": len(groups[k])}
				if sub != nil {
					sa, err := aggregate(sub, groups[k])
					if err != nil {
						return nil, err
					}
					for n, v := range sa {
						b[n] = v
					}
				}
				buckets = append(buckets, b)
			}
			out[name] = map[string]any{"buckets": buckets}
		case spec["date_histogram"] != nil:
			h := spec["date_histogram"].(map[string]any)
			if h["fixed_interval"] != "1m" {
				return nil, fmt.Errorf("[date_histogram] only fixed_interval 1m is emulated")
			}
			field, _ := h["field"].(string)
			groups := map[int64][]map[string]any{}
			for _, d := range docs {
				if t, ok := timeOf(d, field); ok {
					k := t.UnixMilli() - t.UnixMilli()%60000
					groups[k] = append(groups[k], d)
				}
			}
			keys := make([]int64, 0, len(groups))
			for k := range groups {
				keys = append(keys, k)
			}
			sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
			var buckets []any
			for _, k := range keys {
				b := map[string]any{"key": k, "key_as_string": time.UnixMilli(k).UTC().Format(time.RFC3339), "doc_count": len(groups[k])}
				if sub != nil {
					sa, err := aggregate(sub, groups[k])
					if err != nil {
						return nil, err
					}
					for n, v := range sa {
						b[n] = v
					}
				}
				buckets = append(buckets, b)
			}
			out[name] = map[string]any{"buckets": buckets}
		case spec["filter"] != nil:
			q, _ := spec["filter"].(map[string]any)
			n := 0
			for _, d := range docs {
				ok, err := eval(q, d)
				if err != nil {
					return nil, err
				}
				if ok {
					n++
				}
			}
			out[name] = map[string]any{"doc_count": n}
		default:
			return nil, fmt.Errorf("unknown aggregation in [%s]", name)
		}
	}
	return out, nil
}
