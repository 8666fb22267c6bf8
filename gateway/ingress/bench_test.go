package ingress

import (
	"bytes"
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/queue"
)

// acceptAll is a queue that takes every job and stores none.
type acceptAll struct {
	queue.Queue
	n int
}

func (q *acceptAll) Enqueue(context.Context, queue.Job) (bool, error) { q.n++; return true, nil }

// rewind is a request body read again from its start on each delivery.
type rewind struct{ bytes.Reader }

func (*rewind) Close() error { return nil }

// discard is a ResponseWriter that keeps the status and nothing else.
type discard struct {
	h    http.Header
	code int
}

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }
func (d *discard) WriteHeader(code int)        { d.code = code }

// BenchmarkServeHTTP_recipeDelivery is one genuine delivery through the
// handler, verified by the recipe in process, up to the queue's Enqueue:
// the ingress's own CPU and allocations per delivery, without the network
// or the store (the request, its body and the response writer are reused).
func BenchmarkServeHTTP_recipeDelivery(b *testing.B) {
	q := &acceptAll{}
	rc := testRecipe()
	rc.EventTypes["ticket.created"] = "ticket.created"
	h := New(Options{Store: &keyStore{data: `{"signing_secret":"` + testSecret + `"}`}, Queue: q, Config: configured(true),
		Platforms: platforms{&recipePlatform{rc: rc}}})
	body := `{"ticket_id":"100042","created_at":"2026-11-27T10:00:00Z","event":"ticket.created"}`
	req := signed(body, time.Now().UTC().Format(time.RFC3339), "bench-1764237600000000000-42")
	req.SetPathValue("platform", "zendesk")
	req.SetPathValue("binding", "acme")
	rb := &rewind{}
	req.Body = rb
	w := &discard{h: http.Header{}}
	b.ReportAllocs()
	for b.Loop() {
		rb.Reset([]byte(body))
		clear(w.h)
		h.ServeHTTP(w, req)
		if w.code != 0 && w.code != http.StatusOK {
			b.Fatalf("answer %d", w.code)
		}
	}
	if q.n == 0 {
		b.Fatal("nothing enqueued")
	}
}
