package logs

import (
	"container/heap"
	"context"
	"sort"
)

// FileSource implements Querier by scanning: files carry no index, so
// Counts reads the window once and Lines keeps the Limit lines wanted in a
// bounded heap (files need not be in time order across files, so the
// oldest or newest lines are only known at the end of the window).

var _ Querier = (*FileSource)(nil)

// SetMaxLines sets the default line cap of Lines (DefaultMaxLines when
// n <= 0). Call it before the source is used.
func (s *FileSource) SetMaxLines(n int) {
	s.maxLines = n
}

// Lines implements Querier.
func (s *FileSource) Lines(ctx context.Context, q LineQuery, fn func(*Record) error) (QueryStats, error) {
	var qs QueryStats
	limit, err := LineLimit(s.name, q, s.maxLines)
	if err != nil {
		return qs, err
	}
	h := &recordHeap{newest: q.Order == NewestFirst}
	seq := 0
	st, err := s.Read(ctx, q.From, q.To, func(r *Record) error {
		if r.Service != q.Service {
			return nil
		}
		seq++
		if h.Len() == limit {
			qs.Truncated = true
			// The heap's top is the line that would go first.
			if !h.keeps(r, seq) {
				return nil
			}
			top := heap.Pop(h).(heldRecord)
			reuse := top.rec.Raw[:0]
			h.push(r, seq, reuse)
			return nil
		}
		h.push(r, seq, nil)
		return nil
	})
	qs.Bytes = st.BytesRead
	if err != nil {
		return qs, err
	}
	recs := h.items
	sort.Slice(recs, func(i, j int) bool { return h.before(recs[i], recs[j]) })
	for i := range recs {
		qs.Lines++
		if err := fn(&recs[i].rec); err != nil {
			return qs, err
		}
	}
	return qs, nil
}

// Counts implements Querier.
func (s *FileSource) Counts(ctx context.Context, q CountQuery) (*Counts, QueryStats, error) {
	var qs QueryStats
	c, err := EmptyCounts(s.name, q)
	if err != nil {
		return nil, qs, err
	}
	want := map[string]bool{}
	for _, svc := range q.Services {
		want[svc] = true
	}
	st, err := s.Read(ctx, q.From, q.To, func(r *Record) error {
		if r.Service == "" || len(want) > 0 && !want[r.Service] {
			return nil
		}
		c.AddAt(r.Service, r.Time, CountOf(r))
		return nil
	})
	qs.Bytes, qs.Lines = st.BytesRead, st.Records
	if err != nil {
		return nil, qs, err
	}
	return c, qs, nil
}

type heldRecord struct {
	rec Record
	seq int
}

// recordHeap holds the lines to return; its top is the line that would be
// dropped first: the newest when keeping the oldest, and the other way.
type recordHeap struct {
	items  []heldRecord
	newest bool // keeping the newest lines
}

// before is the output order.
func (h *recordHeap) before(a, b heldRecord) bool {
	if !a.rec.Time.Equal(b.rec.Time) {
		return a.rec.Time.Before(b.rec.Time) != h.newest
	}
	return a.seq < b.seq != h.newest
}

func (h *recordHeap) Len() int           { return len(h.items) }
func (h *recordHeap) Less(i, j int) bool { return h.before(h.items[j], h.items[i]) }
func (h *recordHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *recordHeap) Push(x any)         { h.items = append(h.items, x.(heldRecord)) }
func (h *recordHeap) Pop() any {
	n := len(h.items) - 1
	x := h.items[n]
	h.items = h.items[:n]
	return x
}

// keeps reports whether r goes before the current top, so it replaces it.
func (h *recordHeap) keeps(r *Record, seq int) bool {
	return h.before(heldRecord{rec: *r, seq: seq}, h.items[0])
}

// push copies r (its Raw aliases the reader's buffer) into the heap.
func (h *recordHeap) push(r *Record, seq int, buf []byte) {
	rec := *r
	rec.Raw = append(buf, r.Raw...)
	heap.Push(h, heldRecord{rec: rec, seq: seq})
}
