package jsm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

// call is one request to an Atlassian API.
type call struct {
	// op says what was being done, for error messages: "get request SUP-7".
	op     string
	method string
	// path is appended to the base: creds.APIBaseURL unless base is set.
	path string
	base string
	in   any
	out  any
	// fields are the custom field ids the request sets; a 400 whose errors
	// map names one of them sets the error's Field.
	fields []string
}

// do runs c and maps any failure to an *sdk.Error whose message starts with
// c.op. The token goes only into the Authorization header, and is scrubbed
// from every message as a second line of defence.
func (p *Platform) do(ctx context.Context, creds sdk.Credentials, c call) error {
	err := p.doRaw(ctx, creds, c)
	if err == nil {
		return nil
	}
	var se *sdk.Error
	if !errors.As(err, &se) {
		se = sdk.Errorf(sdk.KindPermanent, "%s: %v", c.op, err)
	}
	return se.Redact(creds.AccessToken)
}

func (p *Platform) doRaw(ctx context.Context, creds sdk.Credentials, c call) error {
	raw := c.base
	if raw == "" {
		raw = creds.APIBaseURL
	}
	if raw == "" {
		return sdk.Errorf(sdk.KindPermanent, "%s: credentials carry no API base URL", c.op)
	}
	base, err := deskhttp.ParseBaseURL(raw)
	if err != nil {
		return sdk.Errorf(sdk.KindPermanent, "%s: API base URL %v", c.op, err)
	}
	ctx, cancel := context.WithTimeout(ctx, p.requestTimeout)
	defer cancel()
	req, err := deskhttp.NewJSONRequest(ctx, c.method, base+c.path, c.in, creds.AccessToken, "deskgate-plugin-jsm/"+Version)
	if err != nil {
		return sdk.Errorf(sdk.KindPermanent, "%s: %v", c.op, err)
	}
	start := time.Now()
	resp, err := p.client.Do(req)
	if err != nil {
		p.log.Debug("request failed", "op", c.op, "method", c.method, "path", c.path, "error", err)
		return sdk.Errorf(sdk.KindRetryable, "%s: %s %s: %v", c.op, c.method, c.path, deskhttp.TransportError(err))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	p.log.Debug("request done", "op", c.op, "method", c.method, "path", c.path, "status", resp.StatusCode,
		"duration", time.Since(start), "rate_limit_reason", resp.Header.Get("RateLimit-Reason"))
	if err != nil {
		return sdk.Errorf(sdk.KindRetryable, "%s: read response: %v", c.op, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return statusError(c.op, resp.StatusCode, resp.Header, data, c.fields, time.Now())
	}
	if len(data) > maxResponseBytes {
		return sdk.Errorf(sdk.KindPermanent, "%s: response larger than %d bytes", c.op, maxResponseBytes)
	}
	if c.out != nil && len(bytes.TrimSpace(data)) > 0 {
		if err := json.Unmarshal(data, c.out); err != nil {
			return sdk.Errorf(sdk.KindPermanent, "%s: decode response: %v", c.op, err)
		}
	}
	return nil
}

// apiError covers Jira's ErrorCollection, the API gateway's {code,message}
// and the OAuth {error,error_description} shapes.
type apiError struct {
	ErrorMessages    []string          `json:"errorMessages"`
	Errors           map[string]string `json:"errors"`
	Message          string            `json:"message"`
	Error            string            `json:"error"`
	ErrorDescription string            `json:"error_description"`
}

const maxDescription = 500

func (e apiError) describe() string {
	var parts []string
	parts = append(parts, e.ErrorMessages...)
	keys := make([]string, 0, len(e.Errors))
	for k := range e.Errors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		parts = append(parts, k+": "+e.Errors[k])
	}
	if e.Message != "" {
		parts = append(parts, e.Message)
	}
	if e.Error != "" {
		parts = append(parts, strings.TrimSpace(e.Error+" "+e.ErrorDescription))
	}
	return deskhttp.Truncate(strings.Join(parts, "; "), maxDescription)
}

// statusError maps a non-2xx answer: 429 and 503 retryable with the
// Retry-After hint (or X-RateLimit-Reset), other 5xx, 408 and 409 retryable,
// 401 an expired token unless the gateway says a scope is missing, 404 not
// found, a 400 naming a field sent permanent with Field set, any other 4xx
// permanent.
func statusError(op string, status int, h http.Header, body []byte, sent []string, now time.Time) *sdk.Error {
	var ae apiError
	_ = json.Unmarshal(body, &ae)
	msg := fmt.Sprintf("%s: %d %s", op, status, http.StatusText(status))
	if d := ae.describe(); d != "" {
		msg += ": " + d
	}
	switch {
	case status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable:
		wait := deskhttp.RetryAfter(h.Get("Retry-After"), now)
		if wait == 0 {
			wait = parseRateLimitReset(h.Get("X-RateLimit-Reset"), now)
		}
		return &sdk.Error{Kind: sdk.KindRetryable, Message: msg, RetryAfter: wait}
	case status >= 500, status == http.StatusConflict, status == http.StatusRequestTimeout:
		return &sdk.Error{Kind: sdk.KindRetryable, Message: msg}
	case status == http.StatusUnauthorized && strings.Contains(strings.ToLower(ae.Message), "scope does not match"):
		// A refresh gives the same scopes: only reconnecting helps.
		return &sdk.Error{Kind: sdk.KindPermanent, Message: msg + " (the token lacks a scope this call needs: reconnect the binding)"}
	case status == http.StatusUnauthorized:
		return &sdk.Error{Kind: sdk.KindAuthExpired, Message: msg}
	case status == http.StatusNotFound:
		return &sdk.Error{Kind: sdk.KindNotFound, Message: msg}
	}
	e := &sdk.Error{Kind: sdk.KindPermanent, Message: msg}
	if status == http.StatusBadRequest {
		for _, id := range sent {
			if _, ok := ae.Errors[id]; ok {
				e.Field = id
				break
			}
		}
	}
	return e
}

// parseRateLimitReset reads X-RateLimit-Reset (yyyy-MM-ddTHH:mmZ).
func parseRateLimitReset(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	for _, layout := range []string{"2006-01-02T15:04Z07:00", time.RFC3339} {
		if t, err := time.Parse(layout, v); err == nil && t.After(now) {
			return min(t.Sub(now), 24*time.Hour)
		}
	}
	return 0
}
