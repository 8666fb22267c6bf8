package logs

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

// writeSorted writes n jsonl lines one second apart starting at t0; every
// garbageEvery-th line (when > 0) is followed by an unparseable line.
func writeSorted(t *testing.T, path string, n, garbageEvery int) {
	t.Helper()
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{"time":"%s","level":"info","service":"svc","msg":"line %d"}`+"\n", t0.Add(time.Duration(i)*time.Second).Format(time.RFC3339), i)
		if garbageEvery > 0 && i%garbageEvery == 0 {
			b.WriteString("    at some.stack.Frame(Frame.java:1)\n")
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func collect(t *testing.T, s Source, from, to time.Time) ([]int, Stats) {
	t.Helper()
	var got []int
	st, err := s.Read(context.Background(), from, to, func(r *Record) error {
		var i int
		if _, err := fmt.Sscanf(r.Message, "line %d", &i); err != nil {
			return err
		}
		got = append(got, i)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got, st
}

func TestFileSource_seeksToTheWindowInSortedFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.jsonl")
	const n = 200000 // ~2.3 days, ~17 MB
	writeSorted(t, path, n, 0)
	withoutFileCache(t) // the cache parses a file whole once
	fi, _ := os.Stat(path)
	src, err := NewFileSource("app", []string{filepath.Join(dir, "*.jsonl")}, FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		from, to  int // seconds after t0
		wantFirst int
		wantCount int
	}{
		{"middle", 100000, 100600, 100000, 600},
		{"start", 0, 60, 0, 60},
		{"before the file", -7200, 10, 0, 10},
		{"end", n - 30, n + 3600, n - 30, 30},
		{"one second", 123456, 123457, 123456, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, st := collect(t, src, t0.Add(time.Duration(tt.from)*time.Second), t0.Add(time.Duration(tt.to)*time.Second))
			if len(got) != tt.wantCount || got[0] != tt.wantFirst {
				t.Fatalf("got %d records starting at %v, want %d starting at %d", len(got), got[:min(len(got), 1)], tt.wantCount, tt.wantFirst)
			}
			for i := 1; i < len(got); i++ {
				if got[i] != got[i-1]+1 {
					t.Fatalf("gap after line %d: next is %d", got[i-1], got[i])
				}
			}
			if st.BytesRead > fi.Size()/10 {
				t.Errorf("read %d of %d bytes for a %ds window", st.BytesRead, fi.Size(), tt.to-tt.from)
			}
		})
	}
}

func TestFileSource_countsUnparsedLinesWithoutFailing(t *testing.T) {
	dir := t.TempDir()
	writeSorted(t, filepath.Join(dir, "app.jsonl"), 1000, 10)
	src, _ := NewFileSource("app", []string{filepath.Join(dir, "*.jsonl")}, FormatJSONL)
	got, st := collect(t, src, t0, t0.Add(time.Hour))
	if len(got) != 1000 {
		t.Errorf("got %d records, want 1000", len(got))
	}
	if st.Unparsed != 100 {
		t.Errorf("Unparsed = %d, want 100", st.Unparsed)
	}
	if st.Lines != 1100 {
		t.Errorf("Lines = %d, want 1100", st.Lines)
	}
}

func TestFileSource_skipsFilesOutsideTheWindow(t *testing.T) {
	dir := t.TempDir()
	writeSorted(t, filepath.Join(dir, "a.jsonl"), 3600, 0)
	// b.jsonl holds a later hour: same shape, shifted.
	var b strings.Builder
	for i := 0; i < 3600; i++ {
		fmt.Fprintf(&b, `{"time":"%s","msg":"line %d"}`+"\n", t0.Add(time.Duration(7200+i)*time.Second).Format(time.RFC3339), 7200+i)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	src, _ := NewFileSource("app", []string{filepath.Join(dir, "*.jsonl")}, FormatJSONL)
	for round := 0; round < 2; round++ { // the second round uses cached ranges
		got, st := collect(t, src, t0.Add(7300*time.Second), t0.Add(7400*time.Second))
		if len(got) != 100 || got[0] != 7300 {
			t.Fatalf("round %d: got %d records from %v", round, len(got), got[:min(1, len(got))])
		}
		if st.Files != 2 || st.FilesSkipped != 1 {
			t.Errorf("round %d: Files=%d FilesSkipped=%d, want 2 and 1", round, st.Files, st.FilesSkipped)
		}
	}
}

func TestFileSource_namesTheServiceAfterTheFileWhenLinesDoNot(t *testing.T) {
	dir := t.TempDir()
	line := `ts=2026-11-27T00:00:01Z level=error msg="boom"` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "payments.2026-11-27.log"), []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	src, _ := NewFileSource("app", []string{filepath.Join(dir, "*.log")}, FormatLogfmt)
	var svc string
	if _, err := src.Read(context.Background(), t0, t0.Add(time.Minute), func(r *Record) error { svc = r.Service; return nil }); err != nil {
		t.Fatal(err)
	}
	if svc != "payments" {
		t.Errorf("service = %q, want payments", svc)
	}
}

func TestFileSource_readsUnsortedFilesInFull(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for _, i := range []int{50, 10, 30, 20, 40, 5} {
		fmt.Fprintf(&b, `{"time":"%s","msg":"line %d"}`+"\n", t0.Add(time.Duration(i)*time.Hour).Format(time.RFC3339), i)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	src, _ := NewFileSource("app", []string{filepath.Join(dir, "*.jsonl")}, FormatJSONL)
	got, st := collect(t, src, t0.Add(15*time.Hour), t0.Add(45*time.Hour))
	if fmt.Sprint(got) != "[30 20 40]" {
		t.Errorf("got %v, want [30 20 40]", got)
	}
	if st.OutOfOrder == 0 {
		t.Errorf("OutOfOrder = 0, want > 0")
	}
}

func TestNewFileSource_rejectsBadFormatAndGlob(t *testing.T) {
	if _, err := NewFileSource("x", []string{"*.log"}, "xml"); err == nil {
		t.Error("format xml accepted")
	}
	if _, err := NewFileSource("x", []string{"[.log"}, FormatText); err == nil {
		t.Error("bad glob accepted")
	}
	if _, err := NewFileSource("x", nil, FormatText); err == nil {
		t.Error("no paths accepted")
	}
}

func BenchmarkParseJSONL(b *testing.B) {
	p, _ := NewParser(FormatJSONL)
	line := []byte(`{"time":"2026-11-27T14:05:00.123Z","level":"info","service":"checkout-api","msg":"POST /checkout/pay completed","status":200,"duration_ms":42,"request_id":"8f3a9c2b"}`)
	var r Record
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		p.Parse(line, &r)
	}
}
