package ingress

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"sync"
)

// errTooLarge is a body over MaxBody.
var errTooLarge = errors.New("body too large")

// pooledMax is the largest buffer kept for reuse: a rare big delivery
// must not pin a megabyte per pooled buffer.
const pooledMax = 64 << 10

var bodyPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// readBody reads at most MaxBody bytes into a pooled buffer sized from
// Content-Length when the client sent one, so a delivery is read with one
// allocation at most and none once the pool is warm. The caller must call
// release when done with the bytes.
func readBody(r *http.Request) (body []byte, release func(), err error) {
	if r.ContentLength > MaxBody {
		return nil, func() {}, errTooLarge
	}
	buf := bodyPool.Get().(*bytes.Buffer)
	buf.Reset()
	release = func() {
		if buf.Cap() <= pooledMax {
			bodyPool.Put(buf)
		}
	}
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength) + 1) // +1: the EOF read needs no growth
	}
	// One byte past the limit tells an oversized body from one exactly at
	// it without reading the rest.
	n, err := buf.ReadFrom(io.LimitReader(r.Body, MaxBody+1))
	if err != nil {
		release()
		return nil, func() {}, err
	}
	if n > MaxBody {
		release()
		return nil, func() {}, errTooLarge
	}
	return buf.Bytes(), release, nil
}
