package queue

import (
	"fmt"
	"testing"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/internal/redistest"
)

// A pipeline of enqueue scripts sent when Redis has lost its script cache
// (a restart, SCRIPT FLUSH) fails NOSCRIPT for every script in it: each must
// then run again and be answered, duplicates of the batch included.
func TestRedis_pipelinedEnqueuesSurviveALostScriptCache(t *testing.T) {
	q, err := NewRedis(t.Context(), RedisQueueOptions{URL: redistest.Addr(t), KeyPrefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := q.c.ScriptFlush(t.Context()).Err(); err != nil {
		t.Fatal(err)
	}
	qp := q.jobPrefix[:len(q.jobPrefix)-len("job:")]
	now := q.opts.Now()
	var batch []*redisEnqueue
	for i := range 8 {
		dedup := fmt.Sprint("evt-", i%4) // the second four repeat the first
		batch = append(batch, &redisEnqueue{now: now, done: make(chan struct{}),
			keys: []string{qp + "dedup:" + dedup, qp + "replay:"},
			args: []any{fmt.Sprint("job-", i), store.BindingKey{Platform: "zendesk", Name: "acme"}.String(), dedup,
				"ticket.created", "1", []byte(`{}`), padNanos(now.Add(q.opts.DedupTTL)), q.opts.DedupTTL.Milliseconds(),
				"", padNanos(now.Add(q.opts.ReplayTTL)), q.opts.ReplayTTL.Milliseconds()}})
	}
	q.sendEnqueues(batch)
	for i, r := range batch {
		<-r.done
		want := int64(0)
		if i < 4 {
			want = 1
		}
		if r.err != nil || r.v != want {
			t.Errorf("enqueue %d of the pipeline = %v, %v; want %d", i, r.v, r.err, want)
		}
	}
	if st, err := q.Stats(t.Context()); err != nil || st.Ready != 4 {
		t.Errorf("Stats = %+v, %v; want 4 ready", st, err)
	}
}
