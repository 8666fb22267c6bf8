package zendesk

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

func TestStatusError_mapsEachStatusToAKind(t *testing.T) {
	now := time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		status     int
		retryAfter string
		body       string
		kind       sdk.ErrorKind
		wait       time.Duration
		msg        string
	}{
		{"429 with seconds", 429, "7", "", sdk.KindRetryable, 7 * time.Second, "429 Too Many Requests"},
		{"429 with an HTTP date", 429, now.Add(90 * time.Second).Format(http.TimeFormat), "", sdk.KindRetryable, 90 * time.Second, "429"},
		{"429 without Retry-After", 429, "", "", sdk.KindRetryable, 0, "429"},
		{"429 with garbage Retry-After", 429, "soon", "", sdk.KindRetryable, 0, "429"},
		{"503 with seconds", 503, "3", "", sdk.KindRetryable, 3 * time.Second, "503 Service Unavailable"},
		{"500", 500, "", "", sdk.KindRetryable, 0, "500"},
		{"502", 502, "", "", sdk.KindRetryable, 0, "502"},
		{"409 collision", 409, "", "", sdk.KindRetryable, 0, "409"},
		{"401", 401, "", `{"error":"Couldn't authenticate you"}`, sdk.KindAuthExpired, 0, "Couldn't authenticate you"},
		{"404 classic", 404, "", `{"error":"RecordNotFound","description":"Not found"}`, sdk.KindNotFound, 0, "RecordNotFound (Not found)"},
		{"403", 403, "", `{"error":"Forbidden","description":"You do not have access to this page"}`, sdk.KindPermanent, 0, "You do not have access"},
		{"422 classic with details", 422, "", `{"error":"RecordInvalid","description":"Record validation errors","details":{"base":[{"description":"Field x is invalid"}]}}`, sdk.KindPermanent, 0, "base: Field x is invalid"},
		{"400 errors envelope", 400, "", `{"errors":[{"code":"InvalidEndpoint","title":"Invalid endpoint","detail":"must be https"}]}`, sdk.KindPermanent, 0, "Invalid endpoint: must be https"},
		{"400 plain text", 400, "", `bad`, sdk.KindPermanent, 0, "400 Bad Request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.retryAfter != "" {
				h.Set("Retry-After", tt.retryAfter)
			}
			e := statusError("get ticket 1", tt.status, h, []byte(tt.body), now)
			if e.Kind != tt.kind {
				t.Errorf("kind = %v, want %v", e.Kind, tt.kind)
			}
			if e.RetryAfter != tt.wait {
				t.Errorf("RetryAfter = %v, want %v", e.RetryAfter, tt.wait)
			}
			if !strings.HasPrefix(e.Message, "get ticket 1: ") || !strings.Contains(e.Message, tt.msg) {
				t.Errorf("message %q does not say what was done and %q", e.Message, tt.msg)
			}
		})
	}
}

func TestDo_sendsHeadersAndNoTokenInErrors(t *testing.T) {
	f := newFakeAPI(t)
	// A hostile or buggy server echoing the token back must not get it into
	// an error message.
	f.on("GET /api/v2/tickets/5.json", 422, `{"error":"RecordInvalid","description":"token `+testToken+` is odd"}`)
	p := New()
	_, err := p.GetTicket(context.Background(), f.creds(), "5")
	if err == nil {
		t.Fatal("GetTicket succeeded on a 422")
	}
	if strings.Contains(err.Error(), testToken) {
		t.Errorf("error leaks the token: %v", err)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("got %d requests, want 1", len(reqs))
	}
	h := reqs[0].header
	if got := h.Get("Authorization"); got != "Bearer "+testToken {
		t.Errorf("Authorization = %q", got)
	}
	if got := h.Get("User-Agent"); got != "deskgate-plugin-zendesk/"+Version {
		t.Errorf("User-Agent = %q", got)
	}
	if got := h.Get("Accept"); got != "application/json" {
		t.Errorf("Accept = %q", got)
	}
}

func TestDo_networkFailureIsRetryableAndTokenFree(t *testing.T) {
	f := newFakeAPI(t)
	creds := f.creds()
	f.srv.Close() // nothing listens any more
	err := New().PostComment(context.Background(), creds, "5", sdk.Comment{Body: "x"})
	if k := sdk.KindOf(err); k != sdk.KindRetryable {
		t.Fatalf("kind = %v (%v), want retryable", k, err)
	}
	if strings.Contains(err.Error(), testToken) {
		t.Errorf("error leaks the token: %v", err)
	}
}

func TestDo_timeoutIsRetryable(t *testing.T) {
	release := make(chan struct{})
	f := newFakeAPI(t)
	f.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	p := New(WithRequestTimeout(50 * time.Millisecond))
	_, err := p.GetTicket(context.Background(), f.creds(), "5")
	if k := sdk.KindOf(err); k != sdk.KindRetryable {
		t.Fatalf("kind = %v (%v), want retryable", k, err)
	}
}

func TestDo_anOversizedResponseIsARetryableSizeError(t *testing.T) {
	f := newFakeAPI(t)
	f.on("GET /api/v2/tickets/5.json", 200, `{"ticket":{"id":5,"subject":"`+strings.Repeat("a", maxResponseBytes)+`"}}`)
	_, err := New().GetTicket(context.Background(), f.creds(), "5")
	if err == nil || !strings.Contains(err.Error(), "larger than") || sdk.KindOf(err) != sdk.KindRetryable {
		t.Fatalf("err = %v, want a retryable size error: a response too big to read is never a reason to give up for good", err)
	}
}

func TestDo_rejectsBadCredentialBaseURL(t *testing.T) {
	for _, base := range []string{"", "ftp://x", "/relative", "http://user:pw@host"} {
		err := New().PostComment(context.Background(), sdk.Credentials{AccessToken: testToken, APIBaseURL: base}, "1", sdk.Comment{Body: "x"})
		if k := sdk.KindOf(err); err == nil || k != sdk.KindPermanent {
			t.Errorf("base %q: err = %v, want permanent", base, err)
		}
		if err != nil && strings.Contains(err.Error(), "pw") {
			t.Errorf("base %q: error leaks userinfo: %v", base, err)
		}
	}
}
