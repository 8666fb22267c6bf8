package logs

import (
	"context"
	"slices"
	"sort"
	"time"
)

// A Tally counts the records of a ReadTally by service and minute, so the
// caller needs to see only the records that matter one by one: failures,
// errors and warnings (Notable).
type Tally struct {
	Start   time.Time // the start of the first minute counted
	Minutes int       // minutes counted from Start; records outside only count in Halves
	Split   time.Time // records before Split count in Halves[0], the others in Halves[1]
	// Admit is asked once per service, at its first record in read order,
	// whether its records are counted; nil admits every service.
	Admit func(service string) bool

	// Services holds the counts of the admitted services.
	Services map[string]*TallyCounts
	refused  map[string]bool
	mask     string // Mask of the failure record being passed to fn, when cached
}

// Mask is Mask(r.Message) of the record being passed to ReadTally's fn
// (its message unchanged), kept with the cached file for its failures;
// a nil Tally computes it.
func (t *Tally) Mask(r *Record) string {
	if t != nil && t.mask != "" {
		return t.mask
	}
	return Mask(r.Message)
}

// KnownMask is Mask(r.Message) of the record being passed to ReadTally's
// fn when it is kept with the cached file (a failure's), "" otherwise.
func (t *Tally) KnownMask() string { return t.mask }

// TallyCounts is one service's counts in a Tally.
type TallyCounts struct {
	Minutes []Minute
	Halves  [2]Minute
}

// Notable reports whether a record is one ReadTally passes on: error or
// warning level, or an HTTP 5xx (every Failure is one).
func (r *Record) Notable() bool {
	return r.Level == LevelError || r.Level == LevelWarn || r.Status >= 500
}

// Kinds of a cached record, as bits.
const (
	kindFailure = 1 << iota
	kindWarn
	kind5xx
	kindNotable
)

func kindOf(r *Record) uint8 {
	var k uint8
	if r.Failure() {
		k |= kindFailure
	}
	if r.Level == LevelWarn {
		k |= kindWarn
	}
	if r.Status >= 500 {
		k |= kind5xx
	}
	if r.Notable() {
		k |= kindNotable
	}
	return k
}

// service returns the counts of svc, admitting it on first sight; nil when
// it is not counted.
func (t *Tally) service(svc string) *TallyCounts {
	if svc == "" {
		return nil
	}
	if tc := t.Services[svc]; tc != nil {
		return tc
	}
	if t.refused[svc] {
		return nil
	}
	if t.Admit != nil && !t.Admit(svc) {
		if t.refused == nil {
			t.refused = map[string]bool{}
		}
		t.refused[svc] = true
		return nil
	}
	if t.Services == nil {
		t.Services = map[string]*TallyCounts{}
	}
	tc := &TallyCounts{Minutes: make([]Minute, t.Minutes)}
	t.Services[svc] = tc
	return tc
}

// add counts one record (its Service set).
func (t *Tally) add(r *Record) {
	tc := t.service(r.Service)
	if tc == nil {
		return
	}
	tc.count(CountOf(r), !r.Time.Before(t.Start), int64(r.Time.Sub(t.Start)/time.Minute), r.Time.Before(t.Split))
}

// count adds c, a record's count, to its minute m (minutes since Start)
// and to its half. A record before Start (atStart false) is in no minute:
// the division would round one less than a minute early toward minute 0.
func (tc *TallyCounts) count(c Minute, atStart bool, m int64, beforeSplit bool) {
	if atStart && m < int64(len(tc.Minutes)) {
		tc.Minutes[m].Add(c)
	}
	half := 1
	if beforeSplit {
		half = 0
	}
	tc.Halves[half].Add(c)
}

// countOf is CountOf from a cached record's kind bits.
func countOf(k uint8) Minute {
	return Minute{Total: 1, Failures: int(k & kindFailure), Warnings: int(k&kindWarn) >> 1, Status5xx: int(k&kind5xx) >> 2}
}

// ReadTally reads like Read, but counts every record of [from, to) into t
// and passes only the Notable ones to fn, in the same order as Read. The
// Stats are those of Read. On cached files of sorted, in-range times the
// records are counted from the cache's compact columns, without a copy
// each.
func (s *FileSource) ReadTally(ctx context.Context, from, to time.Time, t *Tally, fn func(*Record) error) (Stats, error) {
	return s.read(ctx, from, to, fn, t)
}

// Times whose UnixNano is exact: the compact columns hold nanoseconds.
var (
	minNano = time.Unix(0, -1<<63+int64(time.Hour))
	maxNano = time.Unix(0, 1<<63-1-int64(time.Hour))
)

func nanoSafe(ts ...time.Time) bool {
	for _, t := range ts {
		if t.Before(minNano) || t.After(maxNano) {
			return false
		}
	}
	return true
}

// maxColumnServices is the most services a file may have for tallyRange to
// count them by service (a binary search per service and minute); past it
// the records are counted one by one.
const maxColumnServices = 64

// tallyRange counts the cached records [a, b) into t and passes the
// notable ones to fn; slots holds the file's services' counts (by their
// index in v.svcNames) as admitted so far in this read.
//
// It asks t's Admit and calls fn in the order tallyRecords does (a
// service is asked at its first record, before that record reaches fn),
// and counts the same, but by service: each admitted service's records of
// [a, b) are found in its column by binary search, and counted a minute
// at a time from the running counts. Only the notable records are visited
// one by one. An error from fn leaves the counts of [a, b) out.
func (v *fileView) tallyRange(t *Tally, slots []*TallyCounts, seen []bool, a, b int, startNs, splitNs int64, rec *Record, fn func(*Record) error) error {
	if len(v.svcPos) > maxColumnServices || len(v.svcPos) != len(v.svcNames) {
		return v.tallyRecords(t, slots, seen, a, b, startNs, splitNs, rec, fn)
	}
	type span struct {
		id     int
		lo, hi int // the service's records [a, b) are pos[lo:hi]
	}
	var spans [maxColumnServices]span
	n := 0
	for id, pos := range v.svcPos {
		lo, _ := slices.BinarySearch(pos, int32(a))
		hi, _ := slices.BinarySearch(pos, int32(b))
		if lo < hi {
			spans[n] = span{id, lo, hi}
			n++
		}
	}
	// The services first seen in [a, b), by their first record: Admit is
	// asked for each before fn sees that record.
	var fresh [maxColumnServices]span
	nf := 0
	for _, sp := range spans[:n] {
		if !seen[sp.id] {
			fresh[nf] = sp
			nf++
		}
	}
	slices.SortFunc(fresh[:nf], func(x, y span) int { return int(v.svcPos[x.id][x.lo] - v.svcPos[y.id][y.lo]) })
	admitted := 0
	next := int32(b) // the first record of the next service to admit
	if nf > 0 {
		next = v.svcPos[fresh[0].id][fresh[0].lo]
	}
	admitUpTo := func(k int32) {
		for ; admitted < nf && next <= k; admitted++ {
			id := fresh[admitted].id
			seen[id] = true
			slots[id] = t.service(v.svcNames[id])
			if next = int32(b); admitted+1 < nf {
				next = v.svcPos[fresh[admitted+1].id][fresh[admitted+1].lo]
			}
		}
	}
	lo, _ := slices.BinarySearch(v.notable, int32(a))
	hi, _ := slices.BinarySearch(v.notable, int32(b))
	for _, k := range v.notable[lo:hi] {
		if next <= k {
			admitUpTo(k)
		}
		*rec = v.recs[k]
		rec.Service = v.svcNames[v.svc[k]]
		t.mask = v.masks[k]
		err := fn(rec)
		t.mask = ""
		if err != nil {
			return err
		}
	}
	admitUpTo(int32(b))
	for _, sp := range spans[:n] {
		if tc := slots[sp.id]; tc != nil {
			v.countService(tc, v.svcPos[sp.id], v.svcRun[sp.id], sp.lo, sp.hi, startNs, splitNs)
		}
	}
	return nil
}

// countService adds to tc the counts of a service's records pos[lo:hi]
// (run its running counts): each in its minute from startNs, when it has
// one, and in its half (before splitNs or not), as count does one by one.
func (v *fileView) countService(tc *TallyCounts, pos []int32, run []kindRun, lo, hi int, startNs, splitNs int64) {
	// first returns the first of pos[i:hi] whose time meets ok, hi if none.
	first := func(i int, ok func(ts int64) bool) int {
		return i + sort.Search(hi-i, func(j int) bool { return ok(v.ts[pos[i+j]]) })
	}
	h := first(lo, func(ts int64) bool { return ts >= splitNs })
	tc.Halves[0].Add(run[lo].minute(run[h], h-lo))
	tc.Halves[1].Add(run[h].minute(run[hi], hi-h))
	for j := first(lo, func(ts int64) bool { return ts >= startNs }); j < hi; {
		m := (v.ts[pos[j]] - startNs) / int64(time.Minute)
		if m >= int64(len(tc.Minutes)) {
			break
		}
		next := (m + 1) * int64(time.Minute)
		k := first(j, func(ts int64) bool { return ts-startNs >= next })
		tc.Minutes[m].Add(run[j].minute(run[k], k-j))
		j = k
	}
}

// tallyRecords is tallyRange record by record: for files with too many
// services to count by service.
func (v *fileView) tallyRecords(t *Tally, slots []*TallyCounts, seen []bool, a, b int, startNs, splitNs int64, rec *Record, fn func(*Record) error) error {
	for k := a; k < b; k++ {
		id := v.svc[k]
		if !seen[id] {
			seen[id] = true
			slots[id] = t.service(v.svcNames[id])
		}
		kind := v.kind[k]
		if tc := slots[id]; tc != nil {
			ts := v.ts[k]
			tc.count(countOf(kind), ts >= startNs, (ts-startNs)/int64(time.Minute), ts < splitNs)
		}
		if kind&kindNotable != 0 {
			*rec = v.recs[k]
			rec.Service = v.svcNames[id]
			t.mask = v.masks[k]
			err := fn(rec)
			t.mask = ""
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// recColumns are a cached file's records in compact columns, for
// ReadTally: each record's time in nanoseconds, its kind bits and its
// service (the file's fallback for a record without one), and the Mask of
// each failure's message, the template triage counts. fast is set
// while every record's time is in the nanosecond range and no earlier than
// the one before: then the records of a time range are found by binary
// search and none of them is out of order.
type recColumns struct {
	ts       []int64
	kind     []uint8
	svc      []uint16
	masks    []string // Mask of each failure's message ("" for the others)
	svcNames []string
	svcIndex map[string]uint16
	// By service (its id): the indices of its records, in order, and the
	// running counts of their kinds (svcRun[id][j] counts its first j
	// records); and the indices of the notable records. With them a fast
	// view's tally counts a service's records of a time range by binary
	// search instead of one by one (tallyRange).
	svcPos  [][]int32
	svcRun  [][]kindRun
	notable []int32
	fast    bool
	hasCR   bool // the cached lines hold a carriage return
}

// kindRun is a running count of records' kinds.
type kindRun struct{ failures, warnings, status5xx int32 }

// minute is the count of the records between two running counts, i and j
// records into them.
func (r kindRun) minute(to kindRun, n int) Minute {
	return Minute{Total: n, Failures: int(to.failures - r.failures), Warnings: int(to.warnings - r.warnings), Status5xx: int(to.status5xx - r.status5xx)}
}

// view returns the columns as a view reads them: the per-service columns'
// own headers copied, since appends to a service's column write its header
// in svcPos and svcRun (c's owner's lock held).
func (c recColumns) view() recColumns {
	c.svcPos, c.svcRun = slices.Clone(c.svcPos), slices.Clone(c.svcRun)
	return c
}

// colBytes is the memory the columns add per record, besides the masks'
// bytes.
const colBytes = 8 + 1 + 2 + 16 + 4 + 12 + 4

// extend adds the columns of recs (appended to the file's records).
// Like the file's records, the columns are only appended to, so a view
// taken earlier keeps reading what it read.
// It returns the bytes of the masks it added.
func (c *recColumns) extend(recs []Record, fallback string) (maskBytes int64) {
	if len(c.ts) == 0 {
		c.fast = true
	}
	for i := range recs {
		r := &recs[i]
		svc := r.Service
		if svc == "" {
			svc = fallback
		}
		id, ok := c.svcIndex[svc]
		if !ok {
			if len(c.svcNames) > 1<<16-1 {
				c.fast = false
				id = 0
			} else {
				if c.svcIndex == nil {
					c.svcIndex = map[string]uint16{}
				}
				id = uint16(len(c.svcNames))
				c.svcIndex[svc] = id
				c.svcNames = append(c.svcNames, svc)
			}
		}
		var ts int64
		if nanoSafe(r.Time) {
			ts = r.Time.UnixNano()
		} else {
			c.fast = false
		}
		if n := len(c.ts); n > 0 && ts < c.ts[n-1] {
			c.fast = false
		}
		k := kindOf(r)
		var mask string
		if k&kindFailure != 0 {
			mask = Mask(r.Message)
			maskBytes += int64(len(mask))
		}
		at := int32(len(c.ts))
		for int(id) >= len(c.svcPos) {
			c.svcPos = append(c.svcPos, nil)
			c.svcRun = append(c.svcRun, []kindRun{{}})
		}
		run := c.svcRun[id][len(c.svcRun[id])-1]
		run.failures += int32(k & kindFailure)
		run.warnings += int32(k&kindWarn) >> 1
		run.status5xx += int32(k&kind5xx) >> 2
		c.svcPos[id] = append(c.svcPos[id], at)
		c.svcRun[id] = append(c.svcRun[id], run)
		if k&kindNotable != 0 {
			c.notable = append(c.notable, at)
		}
		c.ts = append(c.ts, ts)
		c.kind = append(c.kind, k)
		c.svc = append(c.svc, id)
		c.masks = append(c.masks, mask)
	}
	return maskBytes
}

// scanTally is the cached scan of a ReadTally over a view whose records
// are fast (sorted, in range): what readFile's visit does record by record
// — count the records of [from, to) (Stats.Records and t), pass the
// notable ones to fn, stop at the first record at or after hi, keep the
// latest time for the out-of-order check — done on the compact columns by
// binary search. No cached record is out of order; the unfinished last
// line's record still goes through visit, with latest as it would be.
func (v *fileView) scanTally(ctx context.Context, format string, start int64, from, to, hi time.Time, t *Tally, st *Stats, latest *time.Time, fn func(*Record) error, visit func(*Record) (bool, error)) (lines, unparsed int, err error) {
	fromNs, toNs, hiNs := from.UnixNano(), to.UnixNano(), hi.UnixNano()
	startNs, splitNs := t.Start.UnixNano(), t.Split.UnixNano()
	slots := make([]*TallyCounts, len(v.svcNames))
	seen := make([]bool, len(v.svcNames))
	rec := new(Record)
	search := func(a, b int, ns int64) int { // first of [a, b) at or after ns
		return a + sort.Search(b-a, func(i int) bool { return v.ts[a+i] >= ns })
	}
	return v.scanRanges(ctx, format, start, func(a, b int) (bool, error) {
		end := search(a, b, hiNs) // the record the plain read stops at
		if end > a {
			*latest = v.recs[end-1].Time
		}
		i0 := search(a, end, fromNs)
		i1 := search(i0, end, toNs)
		st.Records += i1 - i0
		if err := v.tallyRange(t, slots, seen, i0, i1, startNs, splitNs, rec, fn); err != nil {
			return true, err
		}
		return end < b, nil
	}, visit)
}
