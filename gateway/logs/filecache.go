package logs

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"
	"time"
	"unsafe"
)

// Parsed files are kept in memory so that triage and analysis, which read
// the same window of the same files job after job, parse each line once:
// a file's lines are parsed on its first read and reused while it is
// unchanged; when it only grew (an appended log), the new lines are parsed
// from where the cache ends. A file whose identity changed (rotated: another
// inode), that shrank (truncated) or whose cached part looks rewritten in
// place is parsed again from its start. Only the file's first bytes (up to
// headCheck) and its last cached line are read back to tell: a rewrite that
// leaves both as they were can go unseen.
//
// A read from the cache returns exactly what a read of the file returns:
// the same records in the same order and the same Stats, except BytesRead,
// which counts what was read from disk. The cached copy covers the file up
// to its last newline; a last line still being written is read and parsed
// at every read, as the plain read does.
//
// Memory is bounded by DefaultFileCacheBytes (SetFileCacheLimit changes
// it) over all file sources of the process, estimated as the bytes of the
// lines kept plus their parsed records; the least recently read files are
// evicted first. A file larger than a quarter of the cap, or with a line
// longer than 16 KiB, is not cached: it is read as before.

// DefaultFileCacheBytes is the default memory cap of the parsed-file cache.
const DefaultFileCacheBytes = 256 << 20

// SetFileCacheLimit sets the parsed-file cache's memory cap in bytes and
// evicts down to it; n <= 0 turns the cache off (and empties it).
func SetFileCacheLimit(n int64) {
	parsedFiles.mu.Lock()
	defer parsedFiles.mu.Unlock()
	if n < 0 {
		n = 0
	}
	parsedFiles.limit = n
	parsedFiles.evictLocked(nil)
}

// maxCachedLine is the longest line (with its newline) a cached file may
// hold: the cache replays the plain read's blocks, which never split a
// line shorter than the first block.
const maxCachedLine = firstBlock

// headCheck is how much of a file's start is kept to recognize it.
const headCheck = 4 << 10

var parsedFiles = &fileCache{limit: DefaultFileCacheBytes, files: map[fileKey]*parsedFile{}}

type fileKey struct{ path, format string }

type fileCache struct {
	mu    sync.Mutex
	limit int64
	total int64
	clock uint64
	files map[fileKey]*parsedFile
}

// lineMeta is one line of a cached file: where it ends (after its newline)
// and its record's index, or lineUnparsed / lineEmpty.
type lineMeta struct {
	end int64
	rec int32
}

const (
	lineUnparsed = -1
	lineEmpty    = -2
)

// parsedFile is one cached file. Its slices are only ever appended to (or
// replaced), so a view taken under mu stays valid after mu is released.
type parsedFile struct {
	key fileKey

	// guarded by fileCache.mu
	used    uint64
	cost    int64
	evicted bool

	mu        sync.Mutex
	info      os.FileInfo // of the file when last checked, for os.SameFile
	statSize  int64       // its size then
	mtime     time.Time
	complete  int64  // bytes covered: up to and including the last newline
	head      []byte // the file's first bytes (up to headCheck)
	last      []byte // its last complete line, with the newline
	lastStart int64
	lines     []lineMeta
	recs      []Record
	cols      recColumns
	// colsView is cols.view() as of the last change to cols, nil when
	// cols changed since: the views of an unchanged file share it.
	colsView *recColumns
	bytes    int64 // memory estimate
	// skip is set when the file cannot be cached (a line too long); it is
	// tried again when the file changes other than by growing (head and
	// last still recognize it).
	skip bool
	// scratch holds what unchanged reads back (pf.mu held), reused from
	// one check to the next instead of allocated at each read.
	scratch []byte
}

// fileView is a consistent snapshot of a cached file plus its unfinished
// last line (tail), as of one stat.
type fileView struct {
	lines []lineMeta
	recs  []Record
	recColumns
	complete int64
	size     int64
	tail     []byte // the bytes after the last newline, as read now
}

var recordSize = int64(unsafe.Sizeof(Record{}))

// cachedView returns the parsed view of the open file f (fi its stat), or
// ok false when it is not cached and must be read as before. read is the
// number of bytes read from disk to build or check it.
func cachedView(ctx context.Context, path, format string, f *os.File, fi os.FileInfo) (v *fileView, read int64, ok bool, err error) {
	c := parsedFiles
	key := fileKey{path, format}
	c.mu.Lock()
	if c.limit <= 0 || fi.Size() > c.limit/4 {
		if pf := c.files[key]; pf != nil {
			c.removeLocked(pf)
		}
		c.mu.Unlock()
		return nil, 0, false, nil
	}
	pf := c.files[key]
	if pf == nil {
		pf = &parsedFile{key: key}
		c.files[key] = pf
	}
	c.clock++
	pf.used = c.clock
	c.mu.Unlock()

	pf.mu.Lock()
	fi, read, err = pf.refresh(ctx, f, fi)
	if err != nil || pf.skip {
		pf.mu.Unlock()
		if err != nil {
			return nil, read, false, err
		}
		c.account(pf, 0)
		return nil, read, false, nil
	}
	if pf.colsView == nil {
		cv := pf.cols.view()
		pf.colsView = &cv
	}
	v = &fileView{lines: pf.lines, recs: pf.recs, recColumns: *pf.colsView, complete: pf.complete, size: fi.Size()}
	cost := pf.bytes
	pf.mu.Unlock()
	c.account(pf, cost)

	if n := v.size - v.complete; n > 0 {
		v.tail = make([]byte, n)
		m, err := f.ReadAt(v.tail, v.complete)
		read += int64(m)
		if err != nil && err != io.EOF {
			return nil, read, false, err
		}
		v.tail = v.tail[:m]
	}
	return v, read, true, nil
}

// account records pf's new memory estimate and evicts down to the cap.
func (c *fileCache) account(pf *parsedFile, cost int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if pf.evicted {
		return
	}
	c.total += cost - pf.cost
	pf.cost = cost
	c.evictLocked(pf)
}

// evictLocked drops the least recently read files until the total fits,
// keeping keep (the file just read) unless it alone is over the cap.
func (c *fileCache) evictLocked(keep *parsedFile) {
	for c.total > c.limit {
		var victim *parsedFile
		for _, pf := range c.files {
			if pf != keep && (victim == nil || pf.used < victim.used) {
				victim = pf
			}
		}
		if victim == nil {
			victim = keep
		}
		if victim == nil {
			return
		}
		c.removeLocked(victim)
	}
}

func (c *fileCache) removeLocked(pf *parsedFile) {
	delete(c.files, pf.key)
	c.total -= pf.cost
	pf.cost = 0
	pf.evicted = true
}

// refresh brings pf up to date with the file (pf.mu held), and returns the
// stat it went by: fi, or a newer one when fi was taken before another
// reader's stat that pf already follows.
func (pf *parsedFile) refresh(ctx context.Context, f *os.File, fi os.FileInfo) (os.FileInfo, int64, error) {
	if pf.info != nil && os.SameFile(pf.info, fi) && fi.Size() < pf.statSize {
		// The same file, shorter than the cache: a reader that took its
		// stat before another grew the cache, or a truncation. Only a
		// fresh stat tells; going by the old one would throw the cache
		// away and parse the file again from the start.
		now, err := f.Stat()
		if err != nil {
			return fi, 0, err
		}
		fi = now
	}
	read, err := pf.refreshTo(ctx, f, fi)
	return fi, read, err
}

// refreshTo brings pf up to date with the file as fi shows it.
func (pf *parsedFile) refreshTo(ctx context.Context, f *os.File, fi os.FileInfo) (int64, error) {
	var read int64
	if pf.info != nil && os.SameFile(pf.info, fi) && fi.Size() == pf.statSize && fi.ModTime().Equal(pf.mtime) {
		// Unchanged, unless rewritten within the file system's mtime
		// granularity: its start and last line still tell.
		same, n, err := pf.unchanged(f)
		if same || err != nil {
			return n, err
		}
		read += n
	}
	same := false
	if pf.info != nil && os.SameFile(pf.info, fi) && fi.Size() > pf.statSize {
		// The same file, grown: it was appended to if what is cached still
		// reads the same (its start and its last line). One that kept its
		// size but not its modification time was rewritten: parsed again.
		var err error
		same, read, err = pf.unchanged(f)
		if err != nil {
			return read, err
		}
	}
	if same && pf.skip {
		// Appended to, so it still holds the line too long to cache: it
		// stays uncached without being parsed again.
		pf.info, pf.statSize, pf.mtime = fi, fi.Size(), fi.ModTime()
		return read, nil
	}
	if !same {
		pf.reset()
	}
	pf.info, pf.statSize, pf.mtime = fi, fi.Size(), fi.ModTime()
	n, err := pf.extend(ctx, f, fi.Size())
	read += n
	if err != nil {
		pf.reset() // read again next time
		return read, err
	}
	return read, nil
}

// unchanged reports whether the cached head and last line of pf still
// read the same in the file.
func (pf *parsedFile) unchanged(f *os.File) (bool, int64, error) {
	var read int64
	for _, part := range []struct {
		want []byte
		off  int64
	}{{pf.head, 0}, {pf.last, pf.lastStart}} {
		if cap(pf.scratch) < len(part.want) {
			pf.scratch = make([]byte, len(part.want))
		}
		got := pf.scratch[:len(part.want)]
		n, err := f.ReadAt(got, part.off)
		read += int64(n)
		if err != nil && err != io.EOF {
			return false, read, err
		}
		if n != len(part.want) || !bytes.Equal(got, part.want) {
			return false, read, nil
		}
	}
	return true, read, nil
}

// reset forgets what pf holds of the file (pf.mu held).
func (pf *parsedFile) reset() {
	pf.info, pf.statSize, pf.mtime, pf.complete = nil, 0, time.Time{}, 0
	pf.head, pf.last, pf.lastStart = nil, nil, 0
	pf.lines, pf.recs, pf.bytes, pf.skip = nil, nil, 0, false
	pf.cols, pf.colsView = recColumns{}, nil
}

// extend parses the complete lines from pf.complete to size.
func (pf *parsedFile) extend(ctx context.Context, f *os.File, size int64) (int64, error) {
	n := size - pf.complete
	if n <= 0 {
		return 0, nil
	}
	data := make([]byte, n)
	m, err := f.ReadAt(data, pf.complete)
	if err != nil && err != io.EOF {
		return int64(m), err
	}
	data = data[:m]
	cut := bytes.LastIndexByte(data, '\n') + 1
	data = data[:cut:cut]
	if cut == 0 {
		return int64(m), nil
	}
	lines, recs, ok, err := parseLines(ctx, data, pf.complete, pf.key.format)
	if err != nil {
		return int64(m), err
	}
	if !ok {
		// What is kept to recognize the file, copied out of data (which
		// is dropped), so that its growth is not parsed again.
		if pf.complete == 0 {
			pf.head = bytes.Clone(data[:min(len(data), headCheck)])
		}
		pf.last = bytes.Clone(pf.last)
		pf.skip = true
		pf.lines, pf.recs = nil, nil
		pf.cols, pf.colsView = recColumns{}, nil
		pf.bytes = 0
		return int64(m), nil
	}
	base := int32(len(pf.recs))
	for i := range lines {
		if lines[i].rec >= 0 {
			lines[i].rec += base
		}
	}
	if pf.complete == 0 {
		pf.head = data[:min(len(data), headCheck)]
	}
	k := bytes.LastIndexByte(data[:cut-1], '\n') + 1
	pf.last, pf.lastStart = data[k:], pf.complete+int64(k)
	pf.lines = append(pf.lines, lines...)
	pf.recs = append(pf.recs, recs...)
	pf.bytes += pf.cols.extend(recs, serviceFromPath(pf.key.path))
	pf.cols.hasCR = pf.cols.hasCR || bytes.IndexByte(data, '\r') >= 0
	pf.colsView = nil
	pf.complete += int64(cut)
	pf.bytes += int64(cut) + int64(len(lines))*int64(unsafe.Sizeof(lineMeta{})) + int64(len(recs))*(recordSize+colBytes)
	for i := range recs {
		pf.bytes += int64(len(recs[i].Message))
	}
	return int64(m), nil
}

// parseLines parses data (whole lines, starting at file offset off) on
// several goroutines. ok is false when a line is longer than maxCachedLine.
func parseLines(ctx context.Context, data []byte, off int64, format string) ([]lineMeta, []Record, bool, error) {
	parts := runtime.GOMAXPROCS(0)
	if parts > 4 {
		parts = 4
	}
	if len(data) < 256<<10 {
		parts = 1
	}
	type piece struct {
		data  []byte
		off   int64
		lines []lineMeta
		recs  []Record
		long  bool
		err   error
	}
	pieces := make([]*piece, 0, parts)
	for rest, at := data, off; len(rest) > 0; {
		n := len(data) / parts
		if n >= len(rest) || len(pieces) == parts-1 {
			n = len(rest)
		} else {
			n += bytes.IndexByte(rest[n:], '\n') + 1
		}
		pieces = append(pieces, &piece{data: rest[:n:n], off: at})
		rest, at = rest[n:], at+int64(n)
	}
	var wg sync.WaitGroup
	for _, pc := range pieces {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := NewParser(format)
			if err != nil {
				pc.err = err
				return
			}
			pos := 0
			for n := 0; pos < len(pc.data); n++ {
				if n&0xfff == 0 && ctx.Err() != nil {
					pc.err = ctx.Err()
					return
				}
				j := bytes.IndexByte(pc.data[pos:], '\n') // every piece ends with one
				end := pos + j + 1
				if end-pos > maxCachedLine {
					pc.long = true
					return
				}
				var r Record
				lm := lineMeta{end: pc.off + int64(end), rec: parseLine(p, pc.data[pos:pos+j:pos+j], &r)}
				if lm.rec == 0 {
					lm.rec = int32(len(pc.recs))
					pc.recs = append(pc.recs, r)
				}
				pc.lines = append(pc.lines, lm)
				pos = end
			}
		}()
	}
	wg.Wait()
	var lines []lineMeta
	var recs []Record
	for _, pc := range pieces {
		if pc.err != nil {
			return nil, nil, false, fmt.Errorf("parse log lines: %w", pc.err)
		}
		if pc.long {
			return nil, nil, false, nil
		}
		base := int32(len(recs))
		for _, lm := range pc.lines {
			if lm.rec >= 0 {
				lm.rec += base
			}
			lines = append(lines, lm)
		}
		recs = append(recs, pc.recs...)
	}
	return lines, recs, true, nil
}

// parseLine parses one line (without its newline) into r as the plain
// read does, a carriage return before the newline dropped: lineEmpty for
// an empty line, lineUnparsed for one that does not parse, 0 for a record.
func parseLine(p *Parser, line []byte, r *Record) int32 {
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[: n-1 : n-1]
	}
	if len(line) == 0 {
		return lineEmpty
	}
	if !p.Parse(line, r) {
		return lineUnparsed
	}
	return 0
}

// scan replays the plain read's scan from offset start (a line start): the
// same blocks (so the same lines are counted when visit stops early), the
// same records in the same order. visit gets a copy of each record.
func (v *fileView) scan(ctx context.Context, format string, start int64, visit func(*Record) (stop bool, err error)) (lines, unparsed int, err error) {
	rec := new(Record) // one copy, reused: visit may change it, not the cache
	return v.scanRanges(ctx, format, start, func(a, b int) (bool, error) {
		for k := a; k < b; k++ {
			*rec = v.recs[k]
			if stop, err := visit(rec); err != nil || stop {
				return stop, err
			}
		}
		return false, nil
	}, visit)
}

// scanRanges is scan with the cached records of each block passed as one
// range of indexes into v.recs (records are in line order); the unfinished
// last line's record, if any, goes to visitTail.
func (v *fileView) scanRanges(ctx context.Context, format string, start int64, visitRange func(a, b int) (stop bool, err error), visitTail func(*Record) (stop bool, err error)) (lines, unparsed int, err error) {
	idx := sort.Search(len(v.lines), func(i int) bool { return v.lines[i].end > start })
	b0, size := start, int64(firstBlock)
	for {
		if err := ctx.Err(); err != nil {
			return lines, unparsed, err
		}
		eof := b0+size > v.size
		j := len(v.lines) // lines [idx, j) are this block's
		if !eof {
			j = sort.Search(len(v.lines), func(i int) bool { return v.lines[i].end > b0+size })
			// No newline in the block: only the unfinished last line is
			// left (no cached line is longer than the first block), which
			// the plain read takes whole at the end of the file.
			eof = j == idx
		}
		var tail *Record // only at the end: a Record per block would escape
		tailKind := int32(lineEmpty)
		if eof && len(v.tail) > 0 {
			tail = new(Record)
			tailKind = lineUnparsed
			if p, _ := NewParser(format); p != nil {
				tailKind = parseLine(p, v.tail, tail)
			}
		}
		r0, r1 := int32(-1), int32(-1)
		for _, lm := range v.lines[idx:j] {
			if lm.rec != lineEmpty {
				lines++
			}
			if lm.rec == lineUnparsed {
				unparsed++
			}
			if lm.rec >= 0 {
				if r0 < 0 {
					r0 = lm.rec
				}
				r1 = lm.rec + 1
			}
		}
		if tailKind != lineEmpty {
			lines++
			if tailKind == lineUnparsed {
				unparsed++
			}
		}
		if r0 >= 0 {
			if stop, err := visitRange(int(r0), int(r1)); err != nil || stop {
				return lines, unparsed, err
			}
		}
		if tailKind == 0 {
			if stop, err := visitTail(tail); err != nil || stop {
				return lines, unparsed, err
			}
		}
		if eof {
			return lines, unparsed, nil
		}
		if j > idx {
			b0 = v.lines[j-1].end
		}
		idx = j
		if size < blockSize {
			size *= 2
		}
	}
}

// prober returns a seek's probe that the cached lines answer as the file
// would, but for the few the cache cannot tell: those go to fromFile.
func (v *fileView) prober(fromFile func(off int64) (time.Time, int64, bool, error)) func(off int64) (time.Time, int64, bool, error) {
	return func(off int64) (time.Time, int64, bool, error) {
		if t, at, ok, known := v.probe(off); known {
			return t, at, ok, nil
		}
		return fromFile(off)
	}
}

// probe answers probe(f, off, …) from the cached lines: the time and start
// of the first parseable line starting after off (off > 0). known is false
// where the cache cannot tell it the same: a file with a carriage return
// (probe trims them all, the parse one), a line found far from off (probe
// gives up after some chunks), none found in the cached part.
func (v *fileView) probe(off int64) (t time.Time, at int64, ok, known bool) {
	if off <= 0 || v.hasCR {
		return time.Time{}, 0, false, false
	}
	// The line holding off is skipped, as a partial one.
	for i := sort.Search(len(v.lines), func(i int) bool { return v.lines[i].end > off }) + 1; i < len(v.lines); i++ {
		start := v.lines[i-1].end
		if start-off > 256<<10 {
			break
		}
		if k := v.lines[i].rec; k >= 0 {
			return v.recs[k].Time, start, true, true
		}
	}
	return time.Time{}, 0, false, false
}
