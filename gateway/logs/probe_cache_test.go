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

// The cached lines answer a seek's probes as reading the file does: at
// every offset the cache claims to know, the same time, line start and
// found-or-not, over a file with unparseable and empty lines, runs of them
// longer than the probe's chunk, and an unfinished last line; and the seek
// lands on the same offset.
func TestFileCache_probesAsTheFile(t *testing.T) {
	var b strings.Builder
	t0 := time.Date(2026, 11, 27, 6, 0, 0, 0, time.UTC)
	for i := range 6000 {
		switch {
		case i%97 == 5:
			b.WriteString("\n")
		case i%53 == 7:
			b.WriteString("not a log line at all\n")
		case i >= 3000 && i < 3400: // a run of unparseable lines longer than a chunk
			b.WriteString(strings.Repeat("garbage ", 10) + "\n")
		default:
			fmt.Fprintf(&b, `{"ts":%q,"level":"info","service":"api","msg":"request %d done"}`+"\n", t0.Add(time.Duration(i)*time.Second).Format(time.RFC3339Nano), i)
		}
	}
	fmt.Fprintf(&b, `{"ts":%q,"level":"info","service":"api","msg":"half`, t0.Add(2*time.Hour).Format(time.RFC3339Nano))
	path := filepath.Join(t.TempDir(), "api.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	v, _, ok, err := cachedView(context.Background(), path, "jsonl", f, fi)
	if err != nil || !ok {
		t.Fatalf("not cached: %v", err)
	}
	p, _ := NewParser("jsonl")
	cr := &countingReader{r: f}
	known := 0
	for off := int64(1); off < fi.Size(); off += 37 {
		ct, cat, cok, k := v.probe(off)
		if !k {
			continue
		}
		known++
		ft, fat, fok, err := probe(f, off, fi.Size(), p, cr)
		if err != nil {
			t.Fatal(err)
		}
		if cok != fok || cat != fat || !ct.Equal(ft) {
			t.Fatalf("probe at %d: cache says %v %d %v, the file %v %d %v", off, ct, cat, cok, ft, fat, fok)
		}
	}
	if known < int(fi.Size()/37)*9/10 {
		t.Errorf("the cache knew only %d probes", known)
	}
	fileProbe := func(off int64) (time.Time, int64, bool, error) { return probe(f, off, fi.Size(), p, cr) }
	for s := 0; s < 7300; s += 61 {
		at := t0.Add(time.Duration(s) * time.Second)
		fromFile, err := seekTime(fi.Size(), at, fileProbe)
		if err != nil {
			t.Fatal(err)
		}
		fromCache, err := seekTime(fi.Size(), at, v.prober(fileProbe))
		if err != nil {
			t.Fatal(err)
		}
		if fromFile != fromCache {
			t.Errorf("seek to %v: the file %d, the cache %d", at, fromFile, fromCache)
		}
	}
}
