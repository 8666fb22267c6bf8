package storetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/logs"
)

// FileSource writes JSON lines to a file of the test's own and opens it as a
// file source named "file".
func FileSource(t *testing.T, jsonl []byte) *logs.FileSource {
	t.Helper()
	path := filepath.Join(t.TempDir(), "all.jsonl")
	if err := os.WriteFile(path, jsonl, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := logs.NewFileSource("file", []string{path}, logs.FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Lines reads a query's lines from q, failing the test when they come out
// of the asked order, and returns them as sorted "time|service|level|
// status|message" strings with the query's stats.
func Lines(t *testing.T, q logs.Querier, lq logs.LineQuery) ([]string, logs.QueryStats) {
	t.Helper()
	var out []string
	var prev time.Time
	st, err := q.Lines(context.Background(), lq, func(r *logs.Record) error {
		if !prev.IsZero() && (lq.Order == logs.OldestFirst && r.Time.Before(prev) || lq.Order == logs.NewestFirst && r.Time.After(prev)) {
			return fmt.Errorf("out of order at %v", r.Time)
		}
		prev = r.Time
		out = append(out, fmt.Sprintf("%d|%s|%s|%d|%s", r.Time.UnixNano(), r.Service, r.Level, r.Status, r.Message))
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", q.Name(), err)
	}
	sort.Strings(out)
	return out, st
}
