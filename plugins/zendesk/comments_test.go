package zendesk

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/sigsentry/deskgate/sdk"
)

// fixture reads a recorded Zendesk response from the shared reference
// folder (../shared/reference/zendesk-fixtures from the repository root, or
// DESKGATE_ZENDESK_FIXTURES). The recordings are not copied into the
// repository; they sit beside every checkout (and CI's clone), so a missing
// one fails the test rather than letting it pass untested.
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	dir := os.Getenv("DESKGATE_ZENDESK_FIXTURES")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "reference", "zendesk-fixtures")
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("recorded Zendesk response %s not available (set DESKGATE_ZENDESK_FIXTURES to the zendesk-fixtures folder): %v", name, err)
	}
	return b
}

// commentDesk serves GET /api/v2/tickets/42/comments.json as Zendesk's
// cursor pagination does (the shape of the recorded ticket_comments.json),
// newest first, and counts the ticket updates it is sent.
type commentDesk struct {
	t        *testing.T
	srv      *httptest.Server
	comments []string // bodies, newest first
	mu       sync.Mutex
	queries  []url.Values
	puts     int
}

func newCommentDesk(t *testing.T, comments []string) *commentDesk {
	d := &commentDesk{t: t, comments: comments}
	d.srv = httptest.NewServer(http.HandlerFunc(d.serve))
	t.Cleanup(d.srv.Close)
	return d
}

func (d *commentDesk) serve(w http.ResponseWriter, r *http.Request) {
	d.mu.Lock()
	defer d.mu.Unlock()
	switch r.Method + " " + r.URL.Path {
	case "PUT /api/v2/tickets/42.json":
		d.puts++
		_, _ = w.Write([]byte(`{"ticket":{"id":42}}`))
		return
	case "GET /api/v2/tickets/42/comments.json":
	default:
		http.NotFound(w, r)
		return
	}
	q := r.URL.Query()
	d.queries = append(d.queries, q)
	if q.Get("sort") != "-created_at" {
		d.t.Errorf("comments read with sort=%q, want newest first (-created_at)", q.Get("sort"))
	}
	size, err := strconv.Atoi(q.Get("page[size]"))
	if err != nil || size < 1 || size > 100 {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	start := 0
	if a := q.Get("page[after]"); a != "" {
		start, _ = strconv.Atoi(a)
	}
	end := min(start+size, len(d.comments))
	type comment struct {
		ID        int64  `json:"id"`
		Type      string `json:"type"`
		Body      string `json:"body"`
		HTMLBody  string `json:"html_body"`
		PlainBody string `json:"plain_body"`
		Public    bool   `json:"public"`
		AuthorID  int64  `json:"author_id"`
		CreatedAt string `json:"created_at"`
	}
	var page struct {
		Comments []comment `json:"comments"`
		Meta     struct {
			HasMore      bool   `json:"has_more"`
			AfterCursor  string `json:"after_cursor"`
			BeforeCursor string `json:"before_cursor"`
		} `json:"meta"`
	}
	page.Comments = []comment{}
	for i := start; i < end; i++ {
		b := d.comments[i]
		page.Comments = append(page.Comments, comment{ID: int64(1000 - i), Type: "Comment", Body: b,
			HTMLBody: "<p>" + b + "</p>", PlainBody: b, Public: true, AuthorID: 7, CreatedAt: "2026-11-27T02:58:11Z"})
	}
	page.Meta.HasMore = end < len(d.comments)
	page.Meta.AfterCursor = strconv.Itoa(end)
	page.Meta.BeforeCursor = strconv.Itoa(start)
	_ = json.NewEncoder(w).Encode(page)
}

func (d *commentDesk) pageSizes() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []string
	for _, q := range d.queries {
		out = append(out, q.Get("page[size]"))
	}
	return out
}

// history builds n comment bodies of size bytes, newest first, with ref in
// the one at position at (-1: nowhere).
func history(n, size, at int, ref string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strings.Repeat("e-mail text ", size/12+1)[:size]
		if i == at {
			out[i] += "\n\n" + ref
		}
	}
	return out
}

func TestPostComment_findsAnEarlierKeyedPostWithoutReadingWholePages(t *testing.T) {
	const key = "zendesk/acme/42/triage_note"
	ref := commentRef(key)
	tests := []struct {
		name        string
		comments    []string
		maxResponse int
		wantPuts    int
		wantKind    sdk.ErrorKind // when wantErr
		wantErr     bool
		wantSizes   string // the page[size] of each read
	}{
		{name: "a reference among the newest comments is found with one page of ten",
			comments: history(3, 100, 1, ref), wantPuts: 0, wantSizes: "10"},
		{name: "a reference on the third page is found by following the after cursor",
			comments: history(30, 100, 25, ref), wantPuts: 0, wantSizes: "10 10 10"},
		{name: "a ticket without the reference is read to its last comment and the note posted",
			comments: history(15, 100, -1, ref), wantPuts: 1, wantSizes: "10 10"},
		{name: "the search stops after the newest hundred comments and posts",
			comments: history(150, 10, 120, ref), wantPuts: 1, wantSizes: "10 10 10 10 10 10 10 10 10 10"},
		{name: "a page too large to read is asked for again at half the size",
			comments: history(12, 20_000, 4, ref), maxResponse: 200_000, wantPuts: 0, wantSizes: "10 5 2 2 2"},
		{name: "one comment too large to read is a retryable error and nothing is posted",
			comments: history(3, 300_000, -1, ref), maxResponse: 200_000, wantErr: true, wantKind: sdk.KindRetryable, wantSizes: "10 5 2 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newCommentDesk(t, tt.comments)
			p := New()
			if tt.maxResponse > 0 {
				p.maxResponse = tt.maxResponse
			}
			err := p.PostComment(context.Background(), sdk.Credentials{AccessToken: testToken, APIBaseURL: d.srv.URL}, "42",
				sdk.Comment{Body: "triage: high", Key: key})
			switch {
			case tt.wantErr && (err == nil || sdk.KindOf(err) != tt.wantKind):
				t.Errorf("err = %v, want kind %v", err, tt.wantKind)
			case !tt.wantErr && err != nil:
				t.Errorf("err = %v", err)
			}
			if d.puts != tt.wantPuts {
				t.Errorf("%d ticket updates, want %d", d.puts, tt.wantPuts)
			}
			if got := strings.Join(d.pageSizes(), " "); got != tt.wantSizes {
				t.Errorf("page sizes read %q, want %q", got, tt.wantSizes)
			}
		})
	}
}

func TestPostComment_followsTheRecordedCommentPageCursor(t *testing.T) {
	recorded := fixture(t, "GET/ticket_comments.json") // has_more true, after_cursor "xxx"
	var queries []url.Values
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut {
			_, _ = w.Write([]byte(`{"ticket":{"id":2}}`))
			return
		}
		q := r.URL.Query()
		queries = append(queries, q)
		if q.Get("page[after]") == "" {
			_, _ = w.Write(recorded)
			return
		}
		_, _ = w.Write([]byte(`{"comments":[],"meta":{"has_more":false,"after_cursor":null,"before_cursor":null}}`))
	}))
	defer srv.Close()
	err := New().PostComment(context.Background(), sdk.Credentials{AccessToken: testToken, APIBaseURL: srv.URL}, "2",
		sdk.Comment{Body: "x", Key: "k"})
	if err != nil {
		t.Fatal(err)
	}
	if len(queries) != 2 || queries[1].Get("page[after]") != "xxx" || queries[1].Get("sort") != "-created_at" {
		t.Errorf("reads = %v, want a second page after the recorded cursor xxx, newest first", queries)
	}
}
