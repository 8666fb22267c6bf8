package logs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// SortTolerance is how far back in time a line may be from an earlier line
// of the same file and still count as sorted: concurrent writers interleave
// their lines a little. The seek starts this much before the window and the
// read goes on this much after it.
const SortTolerance = time.Minute

// seekThreshold: below this distance a linear read is cheaper than another
// binary-search probe.
const seekThreshold = 64 << 10

// FileSource reads log files matched by globs. Files are expected to be
// sorted by time within SortTolerance, as appended logs are; a file whose
// first line is later than its last is read in full.
//
// A record without a service takes the file's base name up to its first dot
// ("payments.2026-11-27.jsonl" → "payments"), so one-file-per-service layouts
// need no service field.
type FileSource struct {
	name   string
	globs  []string
	format string
	// maxLines caps Lines when the query sets no limit (0: DefaultMaxLines).
	maxLines int

	mu     sync.Mutex
	ranges map[string]fileRange

	uncached bool // never use the parsed-file cache (tests compare with it)
}

// fileRange caches a file's first and last timestamps, valid while the file
// keeps the same size and modification time.
type fileRange struct {
	size        int64
	mtime       time.Time
	first, last time.Time
	ok          bool // both ends carry a timestamp
}

// NewFileSource checks the globs and the format; files are looked up on
// every Read, so files created later are picked up.
func NewFileSource(name string, globs []string, format string) (*FileSource, error) {
	if len(globs) == 0 {
		return nil, fmt.Errorf("log source %q: no paths", name)
	}
	for _, g := range globs {
		if _, err := filepath.Match(g, ""); err != nil {
			return nil, fmt.Errorf("log source %q: bad glob %q: %w", name, g, err)
		}
	}
	if _, err := NewParser(format); err != nil {
		return nil, fmt.Errorf("log source %q: %w", name, err)
	}
	return &FileSource{name: name, globs: append([]string(nil), globs...), format: format, ranges: map[string]fileRange{}}, nil
}

// Name implements Source.
func (s *FileSource) Name() string { return s.name }

// Files lists the files the globs match now, sorted and de-duplicated.
func (s *FileSource) Files() ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, g := range s.globs {
		m, err := filepath.Glob(g)
		if err != nil {
			return nil, fmt.Errorf("log source %q: expand %q: %w", s.name, g, err)
		}
		for _, f := range m {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// Read implements Source.
func (s *FileSource) Read(ctx context.Context, from, to time.Time, fn func(*Record) error) (Stats, error) {
	return s.read(ctx, from, to, fn, nil)
}

// read is Read, or ReadTally with a tally t.
func (s *FileSource) read(ctx context.Context, from, to time.Time, fn func(*Record) error, t *Tally) (Stats, error) {
	var st Stats
	files, err := s.Files()
	if err != nil {
		return st, err
	}
	p, _ := NewParser(s.format)
	for _, path := range files {
		if err := ctx.Err(); err != nil {
			return st, fmt.Errorf("read log source %q: %w", s.name, err)
		}
		st.Files++
		fst, err := s.readFile(ctx, path, p, from, to, fn, t)
		st.Add(fst)
		if err != nil {
			return st, err
		}
	}
	return st, nil
}

// readFile reads one file's records of [from, to) to fn; with a tally t
// (ReadTally), every record is counted into t and only the notable ones
// reach fn.
func (s *FileSource) readFile(ctx context.Context, path string, p *Parser, from, to time.Time, fn func(*Record) error, t *Tally) (Stats, error) {
	var st Stats
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) { // rotated away between glob and open
			return st, nil
		}
		return st, fmt.Errorf("read log file %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return st, fmt.Errorf("read log file %s: %w", path, err)
	}
	cr := &countingReader{r: f}
	rg, err := s.fileRange(path, f, fi, p, cr)
	if err != nil {
		return st, err
	}
	lo, hi := from.Add(-SortTolerance), to.Add(SortTolerance)
	sorted := rg.ok && !rg.first.After(rg.last)
	if sorted && (rg.last.Before(lo) || !rg.first.Before(hi)) {
		st.FilesSkipped++
		st.BytesRead = cr.n
		return st, nil
	}
	fallback := serviceFromPath(path)
	notableFn := fn
	if t != nil {
		notable := fn
		fn = func(r *Record) error {
			t.add(r)
			if !r.Notable() {
				return nil
			}
			return notable(r)
		}
	}
	var latest time.Time
	visit := func(rec *Record) (bool, error) {
		if rec.Time.Before(latest.Add(-SortTolerance)) {
			st.OutOfOrder++
		}
		if rec.Time.After(latest) {
			latest = rec.Time
		}
		if sorted && !rec.Time.Before(hi) {
			return true, nil
		}
		if rec.Time.Before(from) || !rec.Time.Before(to) {
			return false, nil
		}
		if rec.Service == "" {
			rec.Service = fallback
		}
		st.Records++
		return false, fn(rec)
	}
	var lines, unparsed int
	var v *fileView
	var n int64
	cached := false
	if !s.uncached {
		v, n, cached, err = cachedView(ctx, path, s.format, f, fi)
		cr.n += n
		if err != nil {
			return st, fmt.Errorf("read log file %s: %w", path, err)
		}
	}
	var start int64
	if sorted && rg.first.Before(lo) {
		probeAt := func(off int64) (time.Time, int64, bool, error) { return probe(f, off, fi.Size(), p, cr) }
		if cached {
			probeAt = v.prober(probeAt)
		}
		start, err = seekTime(fi.Size(), lo, probeAt)
		if err != nil {
			return st, fmt.Errorf("seek log file %s: %w", path, err)
		}
	}
	switch {
	case cached && t != nil && sorted && v.fast && nanoSafe(from, to, hi, t.Start, t.Split):
		lines, unparsed, err = v.scanTally(ctx, s.format, start, from, to, hi, t, &st, &latest, notableFn, visit)
	case cached:
		lines, unparsed, err = v.scan(ctx, s.format, start, visit)
	default:
		if _, err := f.Seek(start, io.SeekStart); err != nil {
			return st, fmt.Errorf("seek log file %s: %w", path, err)
		}
		lines, unparsed, err = scan(ctx, cr, s.format, visit)
	}
	st.Lines += lines
	st.Unparsed += unparsed
	st.BytesRead = cr.n
	if err != nil {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return st, fmt.Errorf("read log file %s: %w", path, err)
		}
		return st, err
	}
	return st, nil
}

func serviceFromPath(path string) string {
	base := filepath.Base(path)
	if i := strings.IndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n += int64(n)
	return n, err
}

// fileRange returns the first and last timestamps of a file, from the cache
// when the file has not changed.
func (s *FileSource) fileRange(path string, f *os.File, fi os.FileInfo, p *Parser, cr *countingReader) (fileRange, error) {
	s.mu.Lock()
	rg, ok := s.ranges[path]
	s.mu.Unlock()
	if ok && rg.size == fi.Size() && rg.mtime.Equal(fi.ModTime()) {
		return rg, nil
	}
	rg = fileRange{size: fi.Size(), mtime: fi.ModTime()}
	first, okF, err := firstTime(f, 0, fi.Size(), p, cr)
	if err != nil {
		return rg, fmt.Errorf("read log file %s: %w", path, err)
	}
	last, okL, err := lastTime(f, fi.Size(), p, cr)
	if err != nil {
		return rg, fmt.Errorf("read log file %s: %w", path, err)
	}
	rg.first, rg.last, rg.ok = first, last, okF && okL
	s.mu.Lock()
	s.ranges[path] = rg
	s.mu.Unlock()
	return rg, nil
}

const probeChunk = 16 << 10

// firstTime returns the time of the first parseable line starting at or
// after off (off itself counts as a line start only when it is 0; otherwise
// the partial line it falls in is skipped). It reads at most a few chunks.
func firstTime(f *os.File, off, size int64, p *Parser, cr *countingReader) (time.Time, bool, error) {
	t, _, ok, err := probe(f, off, size, p, cr)
	return t, ok, err
}

// probe returns the time of the first parseable line starting after off
// and the offset where that line starts.
func probe(f *os.File, off, size int64, p *Parser, cr *countingReader) (time.Time, int64, bool, error) {
	buf := make([]byte, probeChunk)
	var rec Record
	pos := off
	skipPartial := off > 0
	var carry []byte
	for tries := 0; tries < 64 && pos < size; tries++ {
		n, err := f.ReadAt(buf, pos)
		cr.n += int64(n)
		if n == 0 {
			if err != nil && err != io.EOF {
				return time.Time{}, 0, false, err
			}
			break
		}
		chunk := append(carry, buf[:n]...)
		base := pos - int64(len(carry))
		i := 0
		if skipPartial {
			j := bytes.IndexByte(chunk, '\n')
			if j < 0 {
				carry = nil
				pos += int64(n)
				continue
			}
			i = j + 1
			skipPartial = false
		}
		for i < len(chunk) {
			j := bytes.IndexByte(chunk[i:], '\n')
			if j < 0 {
				if pos+int64(n) >= size { // last line without newline
					j = len(chunk) - i
				} else {
					break
				}
			}
			line := bytes.TrimRight(chunk[i:i+j], "\r")
			if len(line) > 0 && p.Parse(line, &rec) {
				return rec.Time, base + int64(i), true, nil
			}
			i += j + 1
		}
		carry = append([]byte(nil), chunk[i:]...)
		pos += int64(n)
	}
	return time.Time{}, 0, false, nil
}

// lastTime reads backwards from the end, a chunk at a time, until it finds
// a parseable line.
func lastTime(f *os.File, size int64, p *Parser, cr *countingReader) (time.Time, bool, error) {
	var rec Record
	end := size
	for tries := 0; tries < 64 && end > 0; tries++ {
		start := end - probeChunk
		if start < 0 {
			start = 0
		}
		buf := make([]byte, end-start)
		n, err := f.ReadAt(buf, start)
		cr.n += int64(n)
		if err != nil && err != io.EOF {
			return time.Time{}, false, err
		}
		buf = buf[:n]
		lines := bytes.Split(buf, []byte{'\n'})
		lo := 0
		if start > 0 {
			lo = 1 // the first piece may be a partial line
		}
		for k := len(lines) - 1; k >= lo; k-- {
			line := bytes.TrimRight(lines[k], "\r")
			if len(line) > 0 && p.Parse(line, &rec) {
				return rec.Time, true, nil
			}
		}
		if start == 0 {
			break
		}
		end = start + int64(len(lines[0])) // re-read the partial line next time
		if end >= start+probeChunk {
			end = start
		}
	}
	return time.Time{}, false, nil
}

// seekTime binary-searches a time-sorted file for a line start at or before
// the first line whose time is >= t. It returns an offset that is a line
// start (or 0).
func seekTime(size int64, t time.Time, probe func(off int64) (time.Time, int64, bool, error)) (int64, error) {
	lo, hi := int64(0), size // invariant: the line starting at lo (if lo>0, the first full line after lo) is before t
	for hi-lo > seekThreshold {
		mid := lo + (hi-lo)/2
		pt, at, ok, err := probe(mid)
		if err != nil {
			return 0, err
		}
		if !ok || !pt.Before(t) {
			hi = mid
		} else {
			lo = at
		}
	}
	if lo == 0 {
		return 0, nil
	}
	// lo is the start of a line known to be before t.
	return lo, nil
}
