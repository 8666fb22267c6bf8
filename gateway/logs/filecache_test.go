package logs

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// withoutFileCache turns the parsed-file cache off for the test.
func withoutFileCache(t testing.TB) {
	parsedFiles.mu.Lock()
	limit := parsedFiles.limit
	parsedFiles.mu.Unlock()
	SetFileCacheLimit(0)
	t.Cleanup(func() { SetFileCacheLimit(limit) })
}

// uncached is a source reading src's files without the cache.
func uncached(t testing.TB, src *FileSource) *FileSource {
	u, err := NewFileSource(src.name, src.globs, src.format)
	if err != nil {
		t.Fatal(err)
	}
	u.uncached = true
	return u
}

// readResult is one Read's records (as their raw lines and services) and stats
// without BytesRead, which counts disk reads and so differs by design.
type readResult struct {
	Lines []string
	Stats Stats
}

func readAll(t testing.TB, s Source, from, to time.Time, stopAfter int) readResult {
	t.Helper()
	var out readResult
	errStop := fmt.Errorf("stop")
	st, err := s.Read(context.Background(), from, to, func(r *Record) error {
		out.Lines = append(out.Lines, fmt.Sprintf("%s|%s|%s|%s|%d|%s", r.Time.Format(time.RFC3339Nano), r.Service, r.Level, r.Message, r.Status, r.Raw))
		r.Service, r.Source = "changed by the caller", "x" // must not reach the cache
		if stopAfter > 0 && len(out.Lines) == stopAfter {
			return errStop
		}
		return nil
	})
	if err != nil && err != errStop {
		t.Fatal(err)
	}
	st.BytesRead = 0
	out.Stats = st
	return out
}

// randomLog writes a log of n lines around t0 with the oddities a cached
// read must replay: unparsed lines, empty lines, CRLF, lines out of order,
// lines of several kilobytes, and optionally no final newline.
func randomLog(rng *rand.Rand, n int, sorted, finalNewline bool) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		sec := i * 3
		if !sorted || rng.IntN(20) == 0 {
			sec += rng.IntN(200) - 100
		}
		msg := fmt.Sprintf("line %d", i)
		if rng.IntN(50) == 0 {
			msg += strings.Repeat("x", rng.IntN(8000))
		}
		fmt.Fprintf(&b, `{"time":"%s","level":"%s","service":"s%d","msg":%q,"status":%d}`,
			t0.Add(time.Duration(sec)*time.Second).Format(time.RFC3339), []string{"info", "warn", "error"}[rng.IntN(3)], rng.IntN(3), msg, []int{200, 404, 503}[rng.IntN(3)])
		switch rng.IntN(30) {
		case 0:
			b.WriteString("\n    at some.stack.Frame(Frame.java:1)")
		case 1:
			b.WriteString("\n")
		case 2:
			b.WriteString("\r")
		}
		if i < n-1 || finalNewline {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// The cached read returns what the plain read returns, window by window:
// the same records in order, and the same counts of lines examined,
// unparsed, out of order and skipped, whether the read runs to the end or
// its caller stops it.
func TestFileCache_readsAsThePlainRead(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 12; round++ {
		dir := t.TempDir()
		n := 200 + rng.IntN(30000)
		text := randomLog(rng, n, round%4 != 3, round%2 == 0)
		if err := os.WriteFile(filepath.Join(dir, "app.jsonl"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		src, err := NewFileSource("app", []string{filepath.Join(dir, "*.jsonl")}, FormatJSONL)
		if err != nil {
			t.Fatal(err)
		}
		span := n * 3
		for q := 0; q < 8; q++ {
			a, b := rng.IntN(span+400)-200, rng.IntN(span+400)-200
			if a > b {
				a, b = b, a
			}
			from, to := t0.Add(time.Duration(a)*time.Second), t0.Add(time.Duration(b+1)*time.Second)
			stop := 0
			if q%3 == 2 {
				stop = 1 + rng.IntN(50)
			}
			cached := readAll(t, src, from, to, stop)
			cached2 := readAll(t, src, from, to, stop)
			plain := readAll(t, uncached(t, src), from, to, stop)
			if !reflect.DeepEqual(cached, plain) || !reflect.DeepEqual(cached2, plain) {
				t.Fatalf("round %d query %d [%d,%d] stop %d: cached read differs:\ncached %d lines %+v\nplain  %d lines %+v",
					round, q, a, b, stop, len(cached.Lines), cached.Stats, len(plain.Lines), plain.Stats)
			}
		}
	}
}

func writeFile(t *testing.T, path, text string, flag int) {
	t.Helper()
	f, err := os.OpenFile(path, flag|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func jsonLine(sec int, msg string) string {
	return fmt.Sprintf(`{"time":"%s","level":"error","service":"svc","msg":%q}`+"\n", t0.Add(time.Duration(sec)*time.Second).Format(time.RFC3339), msg)
}

// A file that changed between reads is read as it is now: appended to
// (and an unfinished last line completed), truncated, rotated (renamed
// away and created again), rewritten in place to the same size, or copied
// away and truncated and then written past its old size.
func TestFileCache_followsTheFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.jsonl")
	src, err := NewFileSource("app", []string{path}, FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	from, to := t0.Add(-time.Hour), t0.Add(time.Hour)
	check := func(step string) {
		t.Helper()
		got := readAll(t, src, from, to, 0)
		want := readAll(t, uncached(t, src), from, to, 0)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: cached read\n%q\nwant\n%q", step, got.Lines, want.Lines)
		}
	}
	var b strings.Builder
	for i := 0; i < 100; i++ {
		b.WriteString(jsonLine(i, fmt.Sprint("first ", i)))
	}
	writeFile(t, path, b.String(), os.O_TRUNC)
	check("written")
	writeFile(t, path, jsonLine(100, "appended")+strings.TrimSuffix(jsonLine(101, "unfinished"), "\n"), os.O_APPEND)
	check("appended, last line unfinished")
	writeFile(t, path, "\n"+jsonLine(102, "after it"), os.O_APPEND)
	check("last line finished")
	writeFile(t, path, strings.TrimSuffix(jsonLine(103, strings.Repeat("long ", 60000)), "\n"), os.O_APPEND)
	check("an unfinished last line longer than the biggest block")
	writeFile(t, path, jsonLine(5, "truncated"), os.O_TRUNC)
	check("truncated")
	if err := os.Rename(path, path+".1"); err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, jsonLine(7, "rotated")+jsonLine(8, "new file"), os.O_TRUNC|os.O_EXCL)
	check("rotated")
	fi, _ := os.Stat(path)
	writeFile(t, path, jsonLine(7, "ROTATED")+jsonLine(8, "new file"), os.O_TRUNC) // same size
	if err := os.Chtimes(path, fi.ModTime().Add(time.Second), fi.ModTime().Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	check("rewritten in place")
	fi, _ = os.Stat(path)
	writeFile(t, path, jsonLine(7, "REWRITE")+jsonLine(8, "NEW FILE"), os.O_TRUNC) // same size and mtime
	if err := os.Chtimes(path, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	check("rewritten within the mtime's granularity")
	b.Reset()
	for i := 0; i < 50; i++ {
		b.WriteString(jsonLine(i, fmt.Sprint("after copytruncate ", i)))
	}
	writeFile(t, path, b.String(), os.O_TRUNC) // longer than before
	check("copied, truncated and written past its old size")
}

// Concurrent reads of a file that is being appended to each see a
// consistent file: records in order, none missing before the last; the
// counts of a ReadTally are those of the records it read.
func TestFileCache_concurrentReadersWhileAppending(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "app.jsonl")
	writeFile(t, path, jsonLine(0, "line 0"), os.O_TRUNC)
	src, err := NewFileSource("app", []string{path}, FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	const total = 400
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		for i := 1; i < total; i++ {
			writeFile(t, path, jsonLine(i, fmt.Sprint("line ", i)), os.O_APPEND)
		}
	}()
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				if w%2 == 1 { // counted by the file source, from the cache's columns
					tl := &Tally{Start: t0, Minutes: 60, Split: t0.Add(30 * time.Minute)}
					st, err := src.ReadTally(context.Background(), t0, t0.Add(time.Hour), tl, func(*Record) error { return nil })
					if err != nil {
						t.Error(err)
						return
					}
					n := 0
					for _, tc := range tl.Services {
						n += tc.Halves[0].Total + tc.Halves[1].Total
					}
					if n != st.Records || n == 0 {
						t.Errorf("tallied %d records of %d read", n, st.Records)
						return
					}
					continue
				}
				got, _ := collect(t, src, t0, t0.Add(time.Hour))
				for i, v := range got {
					if v != i {
						t.Errorf("read %v: line %d is %d", got, i, v)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	if got, _ := collect(t, src, t0, t0.Add(time.Hour)); len(got) != total {
		t.Errorf("after the appends: %d lines, want %d", len(got), total)
	}
}

// The cache keeps to its cap, evicting the least recently read file.
func TestFileCache_evictsToItsCap(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		b.WriteString(jsonLine(i, fmt.Sprint("line ", i)))
	}
	for _, name := range []string{"a", "b", "c"} {
		writeFile(t, filepath.Join(dir, name+".jsonl"), b.String(), os.O_TRUNC)
	}
	parsedFiles.mu.Lock()
	limit := parsedFiles.limit
	parsedFiles.mu.Unlock()
	t.Cleanup(func() { SetFileCacheLimit(limit) })
	SetFileCacheLimit(0)
	SetFileCacheLimit(int64(b.Len()) * 7) // room for two of them (a file costs about 3 times its size)
	read := func(name string) {
		src, err := NewFileSource(name, []string{filepath.Join(dir, name+".jsonl")}, FormatJSONL)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := collect(t, src, t0, t0.Add(time.Hour)); len(got) != 1000 {
			t.Fatalf("%s: %d lines", name, len(got))
		}
	}
	cached := func() []string {
		parsedFiles.mu.Lock()
		defer parsedFiles.mu.Unlock()
		var out []string
		for k := range parsedFiles.files {
			out = append(out, filepath.Base(k.path))
		}
		if parsedFiles.total > parsedFiles.limit {
			t.Errorf("cache holds %d bytes, over its cap %d", parsedFiles.total, parsedFiles.limit)
		}
		return out
	}
	read("a")
	read("b")
	read("a")
	read("c")
	got := cached()
	if len(got) != 2 || !contains(got, "a.jsonl") || !contains(got, "c.jsonl") {
		t.Errorf("cached after reading a, b, a, c: %v; want a and c", got)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// A reader whose stat was taken before another reader grew the cache (the
// file appended to in between) is served from the cache, not made to parse
// the file again from the start; a truncation is still seen.
func TestFileCache_aStaleStatDoesNotThrowTheCacheAway(t *testing.T) {
	path := filepath.Join(t.TempDir(), "app.jsonl")
	var b strings.Builder
	for i := 0; i < 2000; i++ {
		b.WriteString(jsonLine(i, fmt.Sprint("line ", i)))
	}
	writeFile(t, path, b.String(), os.O_TRUNC)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	view := func(fi os.FileInfo) (int, int64) {
		t.Helper()
		v, read, ok, err := cachedView(context.Background(), path, FormatJSONL, f, fi)
		if err != nil || !ok {
			t.Fatalf("cachedView: ok %v, %v", ok, err)
		}
		return len(v.recs), read
	}
	old, _ := f.Stat()
	if n, _ := view(old); n != 2000 {
		t.Fatalf("first read: %d records, want 2000", n)
	}
	writeFile(t, path, jsonLine(2000, "appended")+jsonLine(2001, "appended"), os.O_APPEND)
	grown, _ := f.Stat()
	if n, _ := view(grown); n != 2002 {
		t.Fatalf("after the append: %d records, want 2002", n)
	}
	n, read := view(old) // the stat of a reader that took it before the append
	if n != 2002 || read > 16<<10 {
		t.Errorf("stale stat: %d records after reading %d bytes; want 2002 from the cache (the file is %d bytes)", n, read, grown.Size())
	}
	writeFile(t, path, jsonLine(5, "truncated"), os.O_TRUNC)
	if n, _ := view(old); n != 1 {
		t.Errorf("truncated, read with an older, larger stat: %d records, want 1", n)
	}
}

// A file that cannot be cached (a line too long) and keeps growing is read
// as the plain read reads it, without being parsed again in full at each
// read; once rewritten without the long line it is cached again.
func TestFileCache_aGrowingUncacheableFileIsNotParsedAgain(t *testing.T) {
	path := filepath.Join(t.TempDir(), "app.jsonl")
	src, err := NewFileSource("app", []string{path}, FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	from, to := t0.Add(-time.Hour), t0.Add(time.Hour)
	var b strings.Builder
	b.WriteString(jsonLine(0, strings.Repeat("long ", 5000)))
	for i := 1; i < 2000; i++ {
		b.WriteString(jsonLine(i, fmt.Sprint("line ", i)))
	}
	writeFile(t, path, b.String(), os.O_TRUNC)
	view := func(step string) int64 {
		t.Helper()
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		fi, _ := f.Stat()
		_, read, ok, err := cachedView(context.Background(), path, FormatJSONL, f, fi)
		if err != nil || ok {
			t.Fatalf("%s: cachedView ok %v, %v; want not cached", step, ok, err)
		}
		if got, want := readAll(t, src, from, to, 0), readAll(t, uncached(t, src), from, to, 0); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: read %d records, the plain read %d", step, len(got.Lines), len(want.Lines))
		}
		return read
	}
	if read := view("written"); read < int64(b.Len()) {
		t.Fatalf("first read parsed %d bytes, want the whole file's %d", read, b.Len())
	}
	for i := 2000; i < 2005; i++ {
		writeFile(t, path, jsonLine(i, "appended"), os.O_APPEND)
		if read := view("appended"); read > 2*headCheck {
			t.Errorf("appended: %d bytes read to tell it stays uncached; want at most %d", read, 2*headCheck)
		}
	}
	writeFile(t, path, jsonLine(0, "short")+jsonLine(1, "again"), os.O_TRUNC)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fi, _ := f.Stat()
	if v, _, ok, err := cachedView(context.Background(), path, FormatJSONL, f, fi); err != nil || !ok || len(v.recs) != 2 {
		t.Errorf("rewritten without the long line: ok %v, %v; want cached", ok, err)
	}
}
