package jsm

import (
	"net/http"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

func TestStatusError_mapsAtlassianAnswersToKinds(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		status     int
		header     http.Header
		body       string
		sent       []string
		kind       sdk.ErrorKind
		retryAfter time.Duration
		field      string
	}{
		{"429 with Retry-After", 429, http.Header{"Retry-After": {"7"}}, `{"errorMessages":["Rate limit exceeded."]}`, nil, sdk.KindRetryable, 7 * time.Second, ""},
		{"429 with only X-RateLimit-Reset", 429, http.Header{"X-Ratelimit-Reset": {"2026-11-27T10:02Z"}}, ``, nil, sdk.KindRetryable, 2 * time.Minute, ""},
		{"503 with Retry-After", 503, http.Header{"Retry-After": {"2"}}, ``, nil, sdk.KindRetryable, 2 * time.Second, ""},
		{"500", 500, nil, ``, nil, sdk.KindRetryable, 0, ""},
		{"409", 409, nil, ``, nil, sdk.KindRetryable, 0, ""},
		{"401 from Jira: the token expired", 401, nil, `{"errorMessages":["You are not authenticated."],"errors":{}}`, nil, sdk.KindAuthExpired, 0, ""},
		{"401 for a missing scope: refreshing will not help", 401, nil, `{"code":401,"message":"Unauthorized; scope does not match"}`, nil, sdk.KindPermanent, 0, ""},
		{"404", 404, nil, `{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}`, nil, sdk.KindNotFound, 0, ""},
		{"400 naming a field sent", 400, nil, `{"errorMessages":[],"errors":{"customfield_10052":"Not a valid URL"}}`, []string{"customfield_10050", "customfield_10052"}, sdk.KindPermanent, 0, "customfield_10052"},
		{"400 naming no field sent", 400, nil, `{"errorMessages":["bad"],"errors":{"summary":"required"}}`, []string{"customfield_10050"}, sdk.KindPermanent, 0, ""},
		{"403", 403, nil, `{"errorMessages":["You do not have permission."]}`, nil, sdk.KindPermanent, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := statusError("op", tt.status, tt.header, []byte(tt.body), tt.sent, now)
			if e.Kind != tt.kind || e.RetryAfter != tt.retryAfter || e.Field != tt.field {
				t.Errorf("got %+v, want kind %s retry-after %s field %q", *e, tt.kind, tt.retryAfter, tt.field)
			}
		})
	}
}
