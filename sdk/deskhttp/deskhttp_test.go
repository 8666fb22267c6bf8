package deskhttp

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestParseBaseURL_acceptsOnlyABareHTTPBase(t *testing.T) {
	tests := []struct {
		raw, want string
		ok        bool
	}{
		{"https://acme.zendesk.com/", "https://acme.zendesk.com", true},
		{"http://127.0.0.1:9091/prefix/", "http://127.0.0.1:9091/prefix", true},
		{"ftp://x", "", false},
		{"/relative", "", false},
		{"https://user:pw@host", "", false},
		{"https://host/?q=1", "", false},
		{"https://host/#f", "", false},
		{"https://%zz", "", false},
	}
	for _, tt := range tests {
		got, err := ParseBaseURL(tt.raw)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseBaseURL(%q) = %q, %v", tt.raw, got, err)
		}
		if err != nil && (err.Error() == "" || strings.Contains(err.Error(), "pw") || strings.Contains(err.Error(), "zz")) {
			t.Errorf("error %q quotes the URL", err)
		}
	}
}

func TestRetryAfter_readsSecondsAndDatesAndIgnoresTheRest(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		v    string
		want time.Duration
	}{
		{"7", 7 * time.Second},
		{" 2 ", 2 * time.Second},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{"0", 0}, {"-3", 0}, {"soon", 0}, {"", 0},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0},
		{"99999999999", 24 * time.Hour},
	}
	for _, tt := range tests {
		if got := RetryAfter(tt.v, now); got != tt.want {
			t.Errorf("RetryAfter(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

func TestHeader_findsANonCanonicalKey(t *testing.T) {
	h := http.Header{"x-atlassian-webhook-identifier": {" id-1 "}}
	if got := Header(h, "X-Atlassian-Webhook-Identifier"); got != "id-1" {
		t.Errorf("got %q", got)
	}
	if got := Header(h, "Authorization"); got != "" {
		t.Errorf("got %q for a missing header", got)
	}
}

func TestTransportError_dropsTheURL(t *testing.T) {
	err := &url.Error{Op: "Get", URL: "https://host/secret-path", Err: io.ErrUnexpectedEOF}
	if got := TransportError(err); !errors.Is(got, io.ErrUnexpectedEOF) || strings.Contains(got.Error(), "secret-path") {
		t.Errorf("got %v", got)
	}
}

func TestTruncate_cutsOnARuneBoundary(t *testing.T) {
	if got := Truncate("héllo", 2); got != "h…" {
		t.Errorf("got %q", got)
	}
	if got := Truncate("short", 10); got != "short" {
		t.Errorf("got %q", got)
	}
}

func TestNewJSONRequest_setsTheHeadersAndEncodesTheBody(t *testing.T) {
	tests := []struct {
		name            string
		in              any
		wantBody        string
		wantContentType string
	}{
		{"a request with a body sends it as JSON", map[string]int{"a": 1}, `{"a":1}`, "application/json"},
		{"a request without a body sends none and no content type", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := NewJSONRequest(t.Context(), http.MethodPost, "http://127.0.0.1:1/api", tt.in, "tok", "agent/1")
			if err != nil {
				t.Fatal(err)
			}
			if got := req.Header.Get("Authorization"); got != "Bearer tok" {
				t.Errorf("Authorization = %q", got)
			}
			if got := req.Header.Get("Accept"); got != "application/json" {
				t.Errorf("Accept = %q", got)
			}
			if got := req.Header.Get("User-Agent"); got != "agent/1" {
				t.Errorf("User-Agent = %q", got)
			}
			if got := req.Header.Get("Content-Type"); got != tt.wantContentType {
				t.Errorf("Content-Type = %q, want %q", got, tt.wantContentType)
			}
			var body []byte
			if req.Body != nil {
				if body, err = io.ReadAll(req.Body); err != nil {
					t.Fatal(err)
				}
			}
			if string(body) != tt.wantBody {
				t.Errorf("body = %q, want %q", body, tt.wantBody)
			}
		})
	}
}

func TestNewJSONRequest_namesTheStepThatFailed(t *testing.T) {
	if _, err := NewJSONRequest(t.Context(), http.MethodPost, "http://h/", func() {}, "", "a"); err == nil || !strings.HasPrefix(err.Error(), "encode request: ") {
		t.Errorf("unencodable body: err = %v", err)
	}
	if _, err := NewJSONRequest(t.Context(), "BAD METHOD", "http://h/", nil, "", "a"); err == nil || !strings.HasPrefix(err.Error(), "build request: ") {
		t.Errorf("bad method: err = %v", err)
	}
}

// A plugin's workers call one desk at once: Transport keeps a connection
// for each of them instead of closing all but two after every burst and
// opening new ones (a TLS handshake each with a real desk). With the
// default two idle connections per host, sixteen callers opened more than
// 32 in 28 runs of 30; with Transport, none did in 30.
func TestTransport_keepsAConnectionPerConcurrentCaller(t *testing.T) {
	var conns atomic.Int64
	desk := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"error":"RecordNotFound"}`)
	}))
	desk.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	desk.Start()
	defer desk.Close()
	client := &http.Client{Transport: Transport()}
	const callers, calls = 16, 100
	var wg sync.WaitGroup
	for range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range calls {
				resp, err := client.Get(desk.URL + "/api/v2/tickets/7.json")
				if err != nil {
					t.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	if n := conns.Load(); n > 2*callers {
		t.Errorf("%d callers making %d calls each opened %d connections; want about one each (at most %d: a connection may be a moment late back in the pool)", callers, calls, n, 2*callers)
	}
}
