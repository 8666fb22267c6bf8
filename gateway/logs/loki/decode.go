package loki

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"
)

// Entry is one log line of a streams answer.
type Entry struct {
	TS     int64 // ns since the epoch
	Line   string
	Labels map[string]string // the stream's labels; shared by its entries
}

// Point is one value of a matrix answer.
type Point struct {
	Labels map[string]string
	T      time.Time
	Value  int
}

type envelope struct {
	Status string `json:"status"`
	Data   struct {
		ResultType string          `json:"resultType"`
		Result     json.RawMessage `json:"result"`
	} `json:"data"`
}

func decodeEnvelope(r io.Reader, want string) (json.RawMessage, error) {
	var env envelope
	dec := json.NewDecoder(r)
	if err := dec.Decode(&env); err != nil {
		return nil, fmt.Errorf("decode answer: %w", err)
	}
	if env.Status != "success" {
		return nil, fmt.Errorf("decode answer: status %q", env.Status)
	}
	if env.Data.ResultType != want {
		return nil, fmt.Errorf("decode answer: result type %q, want %q", env.Data.ResultType, want)
	}
	return env.Data.Result, nil
}

// DecodeStreams reads a `streams` answer. Entries come stream by stream,
// each stream in the query's direction.
func DecodeStreams(r io.Reader) ([]Entry, error) {
	raw, err := decodeEnvelope(r, "streams")
	if err != nil {
		return nil, err
	}
	var streams []struct {
		Stream map[string]string `json:"stream"`
		Values [][]string        `json:"values"`
	}
	if len(raw) > 0 && string(raw) != "null" {
		if err := json.Unmarshal(raw, &streams); err != nil {
			return nil, fmt.Errorf("decode streams: %w", err)
		}
	}
	var out []Entry
	for _, s := range streams {
		for _, v := range s.Values {
			if len(v) < 2 {
				return nil, fmt.Errorf("decode streams: an entry has %d values, want [ts, line]", len(v))
			}
			ts, err := strconv.ParseInt(v[0], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("decode streams: timestamp %q: %w", v[0], err)
			}
			out = append(out, Entry{TS: ts, Line: v[1], Labels: s.Stream})
		}
	}
	return out, nil
}

// DecodeMatrix reads a `matrix` answer of counts.
func DecodeMatrix(r io.Reader) ([]Point, error) {
	raw, err := decodeEnvelope(r, "matrix")
	if err != nil {
		return nil, err
	}
	var series []struct {
		Metric map[string]string `json:"metric"`
		Values [][2]any          `json:"values"`
	}
	if len(raw) > 0 && string(raw) != "null" {
		if err := json.Unmarshal(raw, &series); err != nil {
			return nil, fmt.Errorf("decode matrix: %w", err)
		}
	}
	var out []Point
	for _, s := range series {
		for _, v := range s.Values {
			sec, ok := v[0].(float64)
			if !ok || math.IsNaN(sec) || sec < 0 || sec > 1e11 {
				return nil, fmt.Errorf("decode matrix: timestamp %v", v[0])
			}
			str, ok := v[1].(string)
			if !ok {
				return nil, fmt.Errorf("decode matrix: value %v is not a string", v[1])
			}
			f, err := strconv.ParseFloat(str, 64)
			if err != nil || f < 0 || f != math.Trunc(f) || f > math.MaxInt32 {
				return nil, fmt.Errorf("decode matrix: value %q is not a count", str)
			}
			ms := int64(math.Round(sec * 1000))
			out = append(out, Point{Labels: s.Metric, T: time.UnixMilli(ms).UTC(), Value: int(f)})
		}
	}
	return out, nil
}
