package sdktest

import (
	"io"
	"net/http"
	"net/http/httptest"
)

// delivery is one request a sandbox sent to the kit's webhook URL.
type delivery struct {
	header http.Header
	body   []byte
	method string
	uri    string // path and query as received
}

// receiver stands in for the gateway's webhook route, for sandboxes that
// deliver by themselves. It only records; Verify is the kit's business.
type receiver struct {
	srv *httptest.Server
	got chan delivery
}

func newReceiver() *receiver {
	r := &receiver{got: make(chan delivery, 64)}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, err := io.ReadAll(io.LimitReader(req.Body, 1<<20))
		if err != nil {
			http.Error(w, "read body", http.StatusBadRequest)
			return
		}
		select {
		case r.got <- delivery{header: req.Header.Clone(), body: body, method: req.Method, uri: req.URL.RequestURI()}:
		default: // the kit stopped listening; the desk need not know
		}
		w.WriteHeader(http.StatusOK)
	}))
	return r
}

func (r *receiver) close() { r.srv.Close() }
