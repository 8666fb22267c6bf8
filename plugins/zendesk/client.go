package zendesk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

// call is one request to the Zendesk API.
type call struct {
	// op says what was being done, for error messages: "get ticket 123".
	op     string
	method string
	// path is appended to the API base URL; it starts with /api/v2/.
	path string
	// in, when not nil, is sent as the JSON body.
	in any
	// out, when not nil, receives the decoded JSON response.
	out any
	// fields are the custom field ids the request sets; a 422 naming one of
	// them sets the error's Field.
	fields []string
}

// do runs c with creds and maps any failure to an *sdk.Error whose message
// starts with c.op. The token goes only into the Authorization header: it is
// scrubbed from every message as a second line of defence.
func (p *Platform) do(ctx context.Context, creds sdk.Credentials, c call) error {
	err := p.doRaw(ctx, creds, c)
	if err == nil {
		return nil
	}
	var tl *tooLargeError
	if errors.As(err, &tl) {
		return tl // its message names only the op and the limit
	}
	var se *sdk.Error
	if !errors.As(err, &se) {
		se = sdk.Errorf(sdk.KindPermanent, "%s: %v", c.op, err)
	}
	return se.Redact(creds.AccessToken)
}

// tooLargeError is a 2xx response larger than the plugin reads. It wraps a
// KindRetryable *sdk.Error: the same request may well fit later (a desk
// answering a transient oversized page, a redacted comment), and a note must
// not be given up for good because one read was too big. Callers that can
// ask for less (smaller comment pages) detect it with errors.As.
type tooLargeError struct{ se *sdk.Error }

func (e *tooLargeError) Error() string { return e.se.Error() }
func (e *tooLargeError) Unwrap() error { return e.se }

// isTooLarge reports whether err is a response too large to read.
func isTooLarge(err error) bool {
	var tl *tooLargeError
	return errors.As(err, &tl)
}

func (p *Platform) doRaw(ctx context.Context, creds sdk.Credentials, c call) error {
	if creds.APIBaseURL == "" {
		return sdk.Errorf(sdk.KindPermanent, "%s: credentials carry no API base URL", c.op)
	}
	base, err := deskhttp.ParseBaseURL(creds.APIBaseURL)
	if err != nil {
		return sdk.Errorf(sdk.KindPermanent, "%s: credentials API base URL %v", c.op, err)
	}
	ctx, cancel := context.WithTimeout(ctx, p.requestTimeout)
	defer cancel()
	req, err := deskhttp.NewJSONRequest(ctx, c.method, base+c.path, c.in, creds.AccessToken, "deskgate-plugin-zendesk/"+Version)
	if err != nil {
		return sdk.Errorf(sdk.KindPermanent, "%s: %v", c.op, err)
	}

	start := time.Now()
	resp, err := p.client.Do(req)
	if err != nil {
		p.log.Debug("request failed", "op", c.op, "method", c.method, "path", c.path, "error", err)
		// Network errors and timeouts may succeed on a later attempt. The
		// message keeps the cause but not the URL, which the caller knows.
		return sdk.Errorf(sdk.KindRetryable, "%s: %s %s: %v", c.op, c.method, c.path, deskhttp.TransportError(err))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, int64(p.maxResponse)+1))
	p.log.Debug("request done", "op", c.op, "method", c.method, "path", c.path,
		"status", resp.StatusCode, "duration", time.Since(start))
	if err != nil {
		return sdk.Errorf(sdk.KindRetryable, "%s: read response: %v", c.op, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		se := statusError(c.op, resp.StatusCode, resp.Header, data, time.Now())
		if resp.StatusCode == http.StatusUnprocessableEntity && len(c.fields) > 0 {
			if f := rejectedField(data, c.fields); f != "" {
				se.Field = f
				se.Message += "; rejected field " + f
			}
		}
		return se
	}
	if len(data) > p.maxResponse {
		return &tooLargeError{se: sdk.Errorf(sdk.KindRetryable, "%s: response larger than %d bytes, the most the plugin reads", c.op, p.maxResponse)}
	}
	if c.out != nil {
		if err := json.Unmarshal(data, c.out); err != nil {
			return sdk.Errorf(sdk.KindPermanent, "%s: decode response: %v", c.op, err)
		}
	}
	return nil
}

// statusError maps a non-2xx Zendesk response to an *sdk.Error: 429 and 503
// are retryable with the Retry-After hint, other 5xx and 409 (an update
// collision) retryable, 401 an expired or revoked token, 404 not found, and
// any other 4xx permanent with Zendesk's own description.
func statusError(op string, status int, h http.Header, body []byte, now time.Time) *sdk.Error {
	desc := describeError(body)
	msg := fmt.Sprintf("%s: %d %s", op, status, http.StatusText(status))
	if desc != "" {
		msg += ": " + desc
	}
	switch {
	case status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable:
		return &sdk.Error{Kind: sdk.KindRetryable, Message: msg, RetryAfter: deskhttp.RetryAfter(h.Get("Retry-After"), now)}
	case status >= 500, status == http.StatusConflict:
		return &sdk.Error{Kind: sdk.KindRetryable, Message: msg}
	case status == http.StatusUnauthorized:
		return &sdk.Error{Kind: sdk.KindAuthExpired, Message: msg}
	case status == http.StatusNotFound:
		return &sdk.Error{Kind: sdk.KindNotFound, Message: msg}
	default:
		return &sdk.Error{Kind: sdk.KindPermanent, Message: msg}
	}
}

// apiError covers both Zendesk error envelopes: the classic
// {error, description, details} and the newer {errors: [...]}.
type apiError struct {
	Error       json.RawMessage `json:"error"`
	Description string          `json:"description"`
	// error_description is the OAuth (RFC 6749/6750) shape, which 401s
	// from the API may use.
	ErrorDescription string                   `json:"error_description"`
	Details          map[string][]detailEntry `json:"details"`
	Errors           []struct {
		Code   string `json:"code"`
		Title  string `json:"title"`
		Detail string `json:"detail"`
	} `json:"errors"`
}

// detailEntry is one validation error of a 422 body. ticket_field_id (and
// field_key, where Zendesk sends it) name the field the entry is about, as a
// number or a string; a system field (Type, Status) has its own id, which is
// never one of the custom fields sent.
type detailEntry struct {
	Description   string          `json:"description"`
	Error         string          `json:"error"`
	TicketFieldID json.RawMessage `json:"ticket_field_id"`
	FieldKey      json.RawMessage `json:"field_key"`
}

// maxDescription bounds the Zendesk text copied into an error message.
const maxDescription = 500

// describeError extracts a human description from a Zendesk error body, or ""
// when the body is not one of the known envelopes.
func describeError(body []byte) string {
	var e apiError
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	var parts []string
	var code string
	// "error" is a code string in the classic envelope, but an object
	// ({title, message}) on some endpoints.
	if len(e.Error) > 0 {
		var s string
		if json.Unmarshal(e.Error, &s) == nil {
			code = s
		} else {
			var o struct{ Title, Message string }
			if json.Unmarshal(e.Error, &o) == nil {
				code = strings.TrimSpace(o.Title + " " + o.Message)
			}
		}
	}
	switch {
	case code != "" && e.Description != "":
		parts = append(parts, code+" ("+e.Description+")")
	case code != "" && e.ErrorDescription != "":
		parts = append(parts, code+" ("+e.ErrorDescription+")")
	case code != "":
		parts = append(parts, code)
	case e.Description != "":
		parts = append(parts, e.Description)
	}
	for _, key := range sortedKeys(e.Details) {
		for _, d := range e.Details[key] {
			if d.Description != "" {
				parts = append(parts, key+": "+d.Description)
			}
		}
	}
	for _, x := range e.Errors {
		s := x.Title
		if x.Detail != "" {
			if s != "" {
				s += ": "
			}
			s += x.Detail
		}
		if s == "" {
			s = x.Code
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	return deskhttp.Truncate(strings.Join(parts, "; "), maxDescription)
}
