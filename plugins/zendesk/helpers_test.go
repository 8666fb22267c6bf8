package zendesk

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/sigsentry/deskgate/sdk"
)

const testToken = "tok-SECRET-0123456789"

// fakeAPI is a scripted stand-in for one Zendesk account in unit tests: each
// route ("METHOD /path") answers with a fixed status and body, and every
// request is recorded. Integration tests use the sandbox instead.
type fakeAPI struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	routes map[string]fakeReply
	reqs   []fakeRequest
}

type fakeReply struct {
	status int
	body   string
	header http.Header
}

type fakeRequest struct {
	method, path, query string
	header              http.Header
	body                []byte
}

func newFakeAPI(t *testing.T) *fakeAPI {
	t.Helper()
	f := &fakeAPI{t: t, routes: map[string]fakeReply{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAPI) on(route string, status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.routes[route] = fakeReply{status: status, body: body}
}

func (f *fakeAPI) onWithHeader(route string, status int, body string, h http.Header) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.routes[route] = fakeReply{status: status, body: body, header: h}
}

func (f *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.reqs = append(f.reqs, fakeRequest{method: r.Method, path: r.URL.Path, query: r.URL.RawQuery, header: r.Header.Clone(), body: b})
	rep, ok := f.routes[r.Method+" "+r.URL.Path]
	f.mu.Unlock()
	if !ok {
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"error":"RecordNotFound","description":"Not found"}`)
		return
	}
	for k, v := range rep.header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(rep.status)
	_, _ = io.WriteString(w, rep.body)
}

func (f *fakeAPI) requests() []fakeRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]fakeRequest(nil), f.reqs...)
}

// paths lists "METHOD /path" of every request, in order.
func (f *fakeAPI) paths() []string {
	var out []string
	for _, r := range f.requests() {
		out = append(out, r.method+" "+r.path)
	}
	return out
}

func (f *fakeAPI) creds() sdk.Credentials {
	return sdk.Credentials{AccessToken: testToken, APIBaseURL: f.srv.URL}
}

func asSDKError(t *testing.T, err error) *sdk.Error {
	t.Helper()
	var e *sdk.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *sdk.Error", err, err)
	}
	return e
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
