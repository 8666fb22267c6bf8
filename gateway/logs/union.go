package logs

import (
	"container/heap"
	"context"
	"strings"
	"sync"
)

// Union is several sources read as one: a service's lines are the union of
// its lines in every source, merged in the query's order, and counts add.
// A failing member fails the query, its error naming the member.
type Union struct {
	members []Querier
}

var _ Querier = (*Union)(nil)

// NewUnion returns the union of qs. A union of one behaves as that one.
func NewUnion(qs ...Querier) *Union {
	return &Union{members: append([]Querier(nil), qs...)}
}

// Members returns the sources of the union.
func (u *Union) Members() []Querier { return append([]Querier(nil), u.members...) }

// Name implements Querier: the member names joined with "+".
func (u *Union) Name() string {
	names := make([]string, len(u.members))
	for i, m := range u.members {
		names[i] = m.Name()
	}
	return strings.Join(names, "+")
}

// Counts implements Querier.
func (u *Union) Counts(ctx context.Context, q CountQuery) (*Counts, QueryStats, error) {
	var qs QueryStats
	total, err := EmptyCounts(u.Name(), q)
	if err != nil {
		return nil, qs, err
	}
	for _, m := range u.members {
		c, st, err := m.Counts(ctx, q)
		qs.Add(st)
		if err != nil {
			return nil, qs, err
		}
		if err := total.Merge(c); err != nil {
			return nil, qs, err
		}
	}
	return total, qs, nil
}

// unionBuffer is how many lines each member may run ahead of the merge.
const unionBuffer = 256

type memberStream struct {
	recs chan Record
	err  error
	st   QueryStats
}

// Lines implements Querier. Each member streams its lines (bounded by the
// same limit: the union's first Limit lines are among the members' first
// Limit each) and the merge takes the earliest (or latest) head.
func (u *Union) Lines(ctx context.Context, q LineQuery, fn func(*Record) error) (QueryStats, error) {
	var qs QueryStats
	if err := CheckWindow(u.Name(), q.From, q.To); err != nil {
		return qs, err
	}
	if len(u.members) == 1 {
		return u.members[0].Lines(ctx, q, fn)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	streams := make([]*memberStream, len(u.members))
	var wg sync.WaitGroup
	for i, m := range u.members {
		s := &memberStream{recs: make(chan Record, unionBuffer)}
		streams[i] = s
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(s.recs)
			s.st, s.err = m.Lines(ctx, q, func(r *Record) error {
				c := *r
				c.Raw = append([]byte(nil), r.Raw...)
				if c.Source == "" {
					c.Source = m.Name()
				}
				select {
				case s.recs <- c:
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
		}()
	}
	// finish stops the members; when the merge stopped them on purpose
	// (limit reached, fn failed) their resulting errors are not failures.
	finish := func(err error, stopped bool) (QueryStats, error) {
		cancel()
		wg.Wait()
		for _, s := range streams {
			qs.Requests += s.st.Requests
			qs.Bytes += s.st.Bytes
			qs.Truncated = qs.Truncated || s.st.Truncated
			if err == nil && !stopped && s.err != nil {
				err = s.err
			}
		}
		return qs, err
	}

	h := &mergeHeap{newest: q.Order == NewestFirst}
	pull := func(i int) {
		if r, ok := <-streams[i].recs; ok {
			heap.Push(h, mergeItem{rec: r, member: i})
		}
	}
	for i := range streams {
		pull(i)
	}
	for h.Len() > 0 {
		if q.Limit > 0 && qs.Lines >= q.Limit {
			qs.Truncated = true
			return finish(nil, true)
		}
		it := heap.Pop(h).(mergeItem)
		qs.Lines++
		if err := fn(&it.rec); err != nil {
			return finish(err, true)
		}
		pull(it.member)
	}
	// Drained, or stopped at the limit.
	return finish(nil, false)
}

type mergeItem struct {
	rec    Record
	member int
}

type mergeHeap struct {
	items  []mergeItem
	newest bool
}

func (h *mergeHeap) Len() int { return len(h.items) }
func (h *mergeHeap) Less(i, j int) bool {
	a, b := h.items[i], h.items[j]
	if !a.rec.Time.Equal(b.rec.Time) {
		return a.rec.Time.Before(b.rec.Time) != h.newest
	}
	return a.member < b.member
}
func (h *mergeHeap) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *mergeHeap) Push(x any)    { h.items = append(h.items, x.(mergeItem)) }
func (h *mergeHeap) Pop() any {
	n := len(h.items) - 1
	x := h.items[n]
	h.items = h.items[:n]
	return x
}
