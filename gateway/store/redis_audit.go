package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

// The audit log in Redis: entries are JSON values in one hash keyed by an id
// from INCR; sorted sets scored by id index them globally, per binding and
// per ticket. A query walks the most selective index from the newest id down,
// a page at a time, so it reads only entries that can match. Nothing is ever
// trimmed: retention is an operator's decision, not the store's.
//
// Time bounds. Ids follow append order; times are the caller's, and
// concurrent appends or replicas' clocks put them slightly out of order, so
// one sorted set cannot order by id and select by time at once. Instead the
// "pmax" index scores each id with the largest time appended up to it (a
// running maximum, so it never decreases with the id), and "late" keeps the
// largest amount by which an entry was older than that maximum. Then:
//
//   - every entry with Time >= Since has pmax >= Since: the first id whose
//     pmax reaches Since is an exact lower bound;
//   - every entry with Time < Until has pmax < Until + late: the last id
//     below that is an exact upper bound.
//
// Both are exact whatever the disorder; disorder only widens the range the
// walk reads. Every returned entry is still checked against the filter.

type storedAudit struct {
	Time      int64  `json:"t"`
	Binding   string `json:"b,omitempty"`
	TicketID  string `json:"tk,omitempty"`
	JobID     string `json:"j,omitempty"`
	Action    string `json:"a"`
	Outcome   string `json:"o,omitempty"`
	ErrorKind string `json:"k,omitempty"`
	Message   string `json:"m,omitempty"`
}

// appendAudit assigns the id and writes the entry and its indexes in one
// step, so a reader never sees an index pointing at nothing.
// KEYS: seq, entries, all, pmax, binding index, ticket index, pmax value,
// late. ARGV: entry JSON, time in ms, has binding, has ticket.
// pmax members are zero-padded ids, so that equal scores sort by id.
const appendAuditLua = `
local function append_audit(K, A)
  local id = redis.call('INCR', K[1])
  redis.call('HSET', K[2], id, A[1])
  redis.call('ZADD', K[3], id, id)
  if A[3] == '1' then redis.call('ZADD', K[5], id, id) end
  if A[4] == '1' then redis.call('ZADD', K[6], id, id) end
  local t = tonumber(A[2])
  local pmax = tonumber(redis.call('GET', K[7]))
  if not pmax or t > pmax then
    pmax = t
    redis.call('SET', K[7], A[2])
  end
  local late = pmax - t
  if late > (tonumber(redis.call('GET', K[8])) or 0) then
    redis.call('SET', K[8], string.format('%d', late))
  end
  redis.call('ZADD', K[4], redis.call('GET', K[7]), string.format('%019d', id))
  return id
end
`

var appendAudit = redis.NewScript(appendAuditLua + `return append_audit(KEYS, ARGV)`)

// auditArgs are appendAudit's KEYS and ARGV for e.
func (r *Redis) auditArgs(e AuditEntry) ([]string, []any, error) {
	if e.Time.IsZero() {
		e.Time = r.now()
	}
	v, err := json.Marshal(storedAudit{
		Time:      e.Time.UnixNano(),
		Binding:   e.Binding,
		TicketID:  e.TicketID,
		JobID:     e.JobID,
		Action:    e.Action,
		Outcome:   string(e.Outcome),
		ErrorKind: e.ErrorKind,
		Message:   e.Message,
	})
	if err != nil {
		return nil, nil, err
	}
	keys := []string{
		r.auditSeqKey(), r.auditEntriesKey(), r.auditAllKey(), r.auditPmaxKey(),
		r.auditBindingKey(e.Binding), r.auditTicketKey(e.TicketID), r.key("audit", "pmaxv"), r.auditLateKey(),
	}
	return keys, []any{string(v), e.Time.UnixMilli(), boolArg(e.Binding != ""), boolArg(e.TicketID != "")}, nil
}

func (r *Redis) AppendAudit(ctx context.Context, e AuditEntry) error {
	keys, args, err := r.auditArgs(e)
	if err != nil {
		return fmt.Errorf("append audit %s: %w", e.Action, err)
	}
	if err := appendAudit.Run(ctx, r.c, keys, args...).Err(); err != nil {
		return fmt.Errorf("append audit %s: %w", e.Action, err)
	}
	return nil
}

// appendAudits runs append_audit for each entry in turn, one script call
// for all: #KEYS/8 entries of 8 keys, 4 arguments each.
var appendAudits = redis.NewScript(appendAuditLua + `
local n = #ARGV / 4
for i = 0, n - 1 do
  local k, a = {}, {}
  for j = 1, 8 do k[j] = KEYS[i * 8 + j] end
  for j = 1, 4 do a[j] = ARGV[i * 4 + j] end
  append_audit(k, a)
end
return n`)

// AppendAudits writes the entries in order in one script call: all of them
// or none, and one call's overhead, not one per entry.
func (r *Redis) AppendAudits(ctx context.Context, es []AuditEntry) error {
	if len(es) == 0 {
		return nil
	}
	keys := make([]string, 0, 8*len(es))
	args := make([]any, 0, 4*len(es))
	for _, e := range es {
		k, a, err := r.auditArgs(e)
		if err != nil {
			return fmt.Errorf("append audit %s: %w", e.Action, err)
		}
		keys, args = append(keys, k...), append(args, a...)
	}
	if err := appendAudits.Run(ctx, r.c, keys, args...).Err(); err != nil {
		return fmt.Errorf("append %d audit entries: %w", len(es), err)
	}
	return nil
}

func boolArg(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func (r *Redis) QueryAudit(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	index := r.auditAllKey()
	exact := f.Outcome == "" && f.Action == "" && f.Since.IsZero() && f.Until.IsZero()
	switch {
	case f.TicketID != "":
		index = r.auditTicketKey(f.TicketID)
		exact = exact && f.Binding == ""
	case f.Binding != "":
		index = r.auditBindingKey(f.Binding)
	}

	hi, lo := int64(math.MaxInt64), int64(1)
	if f.BeforeID > 0 {
		hi = f.BeforeID - 1
	}
	if !f.Since.IsZero() {
		first, ok, err := r.auditTimeBound(ctx, f.Since.UnixMilli(), true)
		if err != nil {
			return nil, fmt.Errorf("query audit: %w", err)
		}
		if !ok {
			return []AuditEntry{}, nil
		}
		lo = max(lo, first)
	}
	if !f.Until.IsZero() {
		late, err := r.c.Get(ctx, r.auditLateKey()).Int64()
		if err != nil && !errors.Is(err, redis.Nil) {
			return nil, fmt.Errorf("query audit: %w", err)
		}
		last, ok, err := r.auditTimeBound(ctx, f.Until.UnixMilli()+late, false)
		if err != nil {
			return nil, fmt.Errorf("query audit: %w", err)
		}
		if !ok {
			return []AuditEntry{}, nil
		}
		hi = min(hi, last)
	}

	batch := int64(limit)
	if !exact {
		batch = max(batch, 500)
	}
	out := make([]AuditEntry, 0, min(limit, 256))
	for hi >= lo && len(out) < limit {
		ids, err := r.c.ZRevRangeByScore(ctx, index, &redis.ZRangeBy{
			Max: strconv.FormatInt(hi, 10), Min: strconv.FormatInt(lo, 10), Count: batch,
		}).Result()
		if err != nil {
			return nil, fmt.Errorf("query audit: read index: %w", err)
		}
		if len(ids) == 0 {
			break
		}
		vals, err := r.c.HMGet(ctx, r.auditEntriesKey(), ids...).Result()
		if err != nil {
			return nil, fmt.Errorf("query audit: read entries: %w", err)
		}
		for i, raw := range vals {
			s, _ := raw.(string)
			if s == "" {
				continue
			}
			id, err := strconv.ParseInt(ids[i], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("query audit: bad id %q: %w", ids[i], err)
			}
			e, err := decodeAudit(id, s)
			if err != nil {
				return nil, fmt.Errorf("query audit: %w", err)
			}
			if auditMatches(e, f) {
				out = append(out, e)
				if len(out) == limit {
					break
				}
			}
		}
		last, _ := strconv.ParseInt(ids[len(ids)-1], 10, 64)
		hi = last - 1
		if int64(len(ids)) < batch {
			break
		}
	}
	return out, nil
}

// auditTimeBound finds, through the pmax index, the first id whose pmax is at
// or after ms (from=true) or the last id whose pmax is at or before ms
// (from=false). Millisecond rounding widens the range by at most one
// millisecond; auditMatches then applies the exact bound.
func (r *Redis) auditTimeBound(ctx context.Context, ms int64, from bool) (int64, bool, error) {
	var ids []string
	var err error
	if from {
		ids, err = r.c.ZRangeByScore(ctx, r.auditPmaxKey(), &redis.ZRangeBy{
			Min: strconv.FormatInt(ms, 10), Max: "+inf", Count: 1,
		}).Result()
	} else {
		ids, err = r.c.ZRevRangeByScore(ctx, r.auditPmaxKey(), &redis.ZRangeBy{
			Max: strconv.FormatInt(ms, 10), Min: "-inf", Count: 1,
		}).Result()
	}
	if err != nil {
		return 0, false, fmt.Errorf("read audit pmax index: %w", err)
	}
	if len(ids) == 0 {
		return 0, false, nil
	}
	id, err := strconv.ParseInt(ids[0], 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("read audit pmax index: bad id %q: %w", ids[0], err)
	}
	return id, true, nil
}

func decodeAudit(id int64, s string) (AuditEntry, error) {
	var a storedAudit
	if err := json.Unmarshal([]byte(s), &a); err != nil {
		return AuditEntry{}, fmt.Errorf("decode audit entry %d: %w", id, err)
	}
	return AuditEntry{
		ID:        id,
		Time:      time.Unix(0, a.Time).UTC(),
		Binding:   a.Binding,
		TicketID:  a.TicketID,
		JobID:     a.JobID,
		Action:    a.Action,
		Outcome:   Outcome(a.Outcome),
		ErrorKind: a.ErrorKind,
		Message:   a.Message,
	}, nil
}

func auditMatches(e AuditEntry, f AuditFilter) bool {
	switch {
	case f.Binding != "" && e.Binding != f.Binding,
		f.TicketID != "" && e.TicketID != f.TicketID,
		f.Outcome != "" && e.Outcome != f.Outcome,
		f.Action != "" && e.Action != f.Action,
		!f.Since.IsZero() && e.Time.Before(f.Since),
		!f.Until.IsZero() && !e.Time.Before(f.Until),
		f.BeforeID > 0 && e.ID >= f.BeforeID:
		return false
	}
	return true
}
