package storehttp

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

// Defaults of Config.
const (
	DefaultTimeout     = 10 * time.Second
	DefaultMaxResponse = 512 << 20 // bytes of one answer
	DefaultRetries     = 3
	maxErrorBody       = 2 << 10 // bytes of an error answer quoted in an error
)

// Config is what every log-store client needs to reach its server.
type Config struct {
	Name string   // the log source's name, in every error
	URLs []string // base URLs; the next is tried when one is unreachable

	Headers     map[string]string // sent with every request
	BearerToken string
	Username    string // basic auth, with Password
	Password    string
	APIKey      string // Elasticsearch: "Authorization: ApiKey <APIKey>"

	CAFile             string // PEM bundle trusted in addition to none: replaces the system pool
	InsecureSkipVerify bool   // only for tests; logged as a warning

	Timeout     time.Duration // per request, body included; DefaultTimeout when 0
	MaxResponse int64         // bytes; DefaultMaxResponse when 0
	Retries     int           // retries on 429/503; DefaultRetries when 0, none when < 0
	// RetryBase is the first backoff step (doubling, capped at 5 s);
	// 250 ms when 0. Tests shorten it.
	RetryBase time.Duration

	Logger hclog.Logger
}

// Client sends requests to one log store.
type Client struct {
	cfg     Config
	urls    []*url.URL
	http    *http.Client
	log     hclog.Logger
	secrets []string
}

// New checks cfg and builds the client. A bad URL or CA file is an error
// naming the source.
func New(cfg Config) (*Client, error) {
	fail := func(format string, a ...any) (*Client, error) {
		return nil, fmt.Errorf("log source %q: %s", cfg.Name, fmt.Sprintf(format, a...))
	}
	if len(cfg.URLs) == 0 {
		return fail("no URL")
	}
	c := &Client{cfg: cfg, log: cfg.Logger}
	if c.log == nil {
		c.log = hclog.NewNullLogger()
	}
	for _, raw := range cfg.URLs {
		u, err := url.Parse(strings.TrimRight(raw, "/"))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fail("url %q must be an absolute http:// or https:// URL", raw)
		}
		if u.User != nil {
			return fail("url %q must not carry credentials; use username and password", u.Redacted())
		}
		c.urls = append(c.urls, u)
	}
	if cfg.Username != "" && cfg.Password == "" || cfg.Username == "" && cfg.Password != "" {
		return fail("username and password go together")
	}
	if n := btoi(cfg.BearerToken != "") + btoi(cfg.Username != "") + btoi(cfg.APIKey != ""); n > 1 {
		return fail("set only one of bearer_token, username+password and api_key")
	}
	for _, s := range []string{cfg.BearerToken, cfg.Password, cfg.APIKey} {
		if s != "" {
			c.secrets = append(c.secrets, s)
		}
	}
	for k, v := range cfg.Headers {
		if isSecretHeader(k) && v != "" {
			c.secrets = append(c.secrets, v)
		}
	}
	if c.cfg.Timeout <= 0 {
		c.cfg.Timeout = DefaultTimeout
	}
	if c.cfg.MaxResponse <= 0 {
		c.cfg.MaxResponse = DefaultMaxResponse
	}
	if c.cfg.Retries == 0 {
		c.cfg.Retries = DefaultRetries
	}
	if c.cfg.RetryBase <= 0 {
		c.cfg.RetryBase = 250 * time.Millisecond
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 4
	tr.DisableCompression = false
	if cfg.CAFile != "" || cfg.InsecureSkipVerify {
		tc := &tls.Config{MinVersion: tls.VersionTLS12}
		if cfg.CAFile != "" {
			pem, err := os.ReadFile(cfg.CAFile)
			if err != nil {
				return fail("read ca_file: %v", err)
			}
			pool := x509.NewCertPool()
			if !pool.AppendCertsFromPEM(pem) {
				return fail("ca_file %s holds no PEM certificate", cfg.CAFile)
			}
			tc.RootCAs = pool
		}
		if cfg.InsecureSkipVerify {
			tc.InsecureSkipVerify = true
			c.log.Warn("TLS certificate verification is off for this log source (insecure_skip_verify): anyone on the path can read its answers and credentials", "source", cfg.Name)
		}
		tr.TLSClientConfig = tc
	}
	c.http = &http.Client{Transport: tr, Timeout: c.cfg.Timeout}
	return c, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isSecretHeader(k string) bool {
	k = strings.ToLower(k)
	return k == "authorization" || k == "proxy-authorization" || k == "cookie" ||
		strings.Contains(k, "token") || strings.Contains(k, "key") || strings.Contains(k, "secret") || strings.Contains(k, "password")
}

// Name is the source's name.
func (c *Client) Name() string { return c.cfg.Name }

// Timeout is the per-request timeout in effect.
func (c *Client) Timeout() time.Duration { return c.cfg.Timeout }

// Request is one call.
type Request struct {
	Op          string // what is being done, for errors: "lines", "counts", "open point in time"
	Method      string // GET when empty
	Path        string // appended to the base URL
	Query       url.Values
	Body        []byte
	ContentType string
	Header      http.Header // extra headers of this request
}

// Response is a successful (2xx) answer. Body counts what it reads into
// the stats given to Do and fails past Config.MaxResponse. Close it.
type Response struct {
	*http.Response
	Body io.ReadCloser
}

// Do sends r, retrying 429 and 503 with backoff (Retry-After honoured) and
// trying the next URL when one is unreachable. A non-2xx answer is a
// *logs.QueryError quoting the start of the body. st, when not nil, counts
// requests and bytes.
func (c *Client) Do(ctx context.Context, r Request, st *logs.QueryStats) (*Response, error) {
	var lastErr error
	for attempt := 0; ; attempt++ {
		resp, err, retryAfter := c.once(ctx, r, st)
		if err == nil {
			return resp, nil
		}
		lastErr = err
		if ctx.Err() != nil || logs.KindOf(err) != logs.KindOverloaded || c.cfg.Retries < 0 || attempt >= c.cfg.Retries {
			return nil, lastErr
		}
		wait := c.cfg.RetryBase << attempt
		if wait > 5*time.Second {
			wait = 5 * time.Second
		}
		if retryAfter > 0 && retryAfter <= 30*time.Second {
			wait = retryAfter
		}
		c.log.Debug("log store overloaded; retrying", "source", c.cfg.Name, "op", r.Op, "attempt", attempt+1, "wait", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, c.errorf(r.Op, logs.KindOther, 0, "%w (while backing off after: %v)", ctx.Err(), lastErr)
		case <-t.C:
		}
	}
}

func (c *Client) once(ctx context.Context, r Request, st *logs.QueryStats) (*Response, error, time.Duration) {
	var lastErr error
	for i, base := range c.urls {
		req, err := c.newRequest(ctx, base, r)
		if err != nil {
			return nil, err, 0
		}
		start := time.Now()
		if st != nil {
			st.Requests++
		}
		resp, err := c.http.Do(req)
		if err != nil {
			lastErr = c.transportError(ctx, r.Op, err)
			c.log.Debug("log store request failed", "source", c.cfg.Name, "op", r.Op, "url", base.Redacted(), "error", lastErr)
			if logs.KindOf(lastErr) == logs.KindUnreachable && i+1 < len(c.urls) {
				continue
			}
			return nil, lastErr, 0
		}
		c.log.Trace("log store answered", "source", c.cfg.Name, "op", r.Op, "path", r.Path, "status", resp.StatusCode, "elapsed", time.Since(start))
		body := &boundedBody{rc: resp.Body, max: c.cfg.MaxResponse, st: st, c: c, op: r.Op}
		if resp.StatusCode >= 200 && resp.StatusCode < 300 {
			return &Response{Response: resp, Body: body}, nil, 0
		}
		defer body.Close()
		msg, _ := io.ReadAll(io.LimitReader(body, maxErrorBody))
		return nil, c.statusError(r.Op, resp, msg), deskhttp.RetryAfter(resp.Header.Get("Retry-After"), time.Now())
	}
	return nil, lastErr, 0
}

func (c *Client) newRequest(ctx context.Context, base *url.URL, r Request) (*http.Request, error) {
	u := *base
	u.Path = strings.TrimRight(u.Path, "/") + r.Path
	if len(r.Query) > 0 {
		u.RawQuery = r.Query.Encode()
	}
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	method := r.Method
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return nil, c.errorf(r.Op, logs.KindBadQuery, 0, "build request: %v", err)
	}
	for k, v := range c.cfg.Headers {
		req.Header.Set(k, v)
	}
	for k, vs := range r.Header {
		req.Header[k] = vs
	}
	if r.ContentType != "" {
		req.Header.Set("Content-Type", r.ContentType)
	}
	req.Header.Set("User-Agent", "deskgate")
	switch {
	case c.cfg.BearerToken != "":
		req.Header.Set("Authorization", "Bearer "+c.cfg.BearerToken)
	case c.cfg.Username != "":
		req.SetBasicAuth(c.cfg.Username, c.cfg.Password)
	case c.cfg.APIKey != "":
		req.Header.Set("Authorization", "ApiKey "+c.cfg.APIKey)
	}
	return req, nil
}

// transportError classifies a failure before any answer.
func (c *Client) transportError(ctx context.Context, op string, err error) error {
	if ctx.Err() != nil {
		return c.errorf(op, logs.KindOther, 0, "%w", ctx.Err())
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return c.errorf(op, logs.KindTimeout, 0, "no answer within %s", c.cfg.Timeout)
	}
	// The URL is known from the source's name; keep the cause.
	return c.errorf(op, logs.KindUnreachable, 0, "%v", deskhttp.TransportError(err))
}

// statusError turns a non-2xx answer into a QueryError.
func (c *Client) statusError(op string, resp *http.Response, body []byte) error {
	kind := logs.KindOther
	switch s := resp.StatusCode; {
	case s == http.StatusUnauthorized || s == http.StatusForbidden:
		kind = logs.KindAuth
	case s == http.StatusTooManyRequests || s == http.StatusServiceUnavailable:
		kind = logs.KindOverloaded
	case s == http.StatusGatewayTimeout || s == http.StatusRequestTimeout || s == 499:
		kind = logs.KindTimeout
	case s == http.StatusBadRequest || s == http.StatusNotFound || s == http.StatusUnprocessableEntity:
		kind = logs.KindBadQuery
	}
	text := strings.TrimSpace(strings.ToValidUTF8(string(body), "?"))
	if text == "" {
		text = http.StatusText(resp.StatusCode)
	}
	return c.errorf(op, kind, resp.StatusCode, "%s", text)
}

// errorf builds a QueryError whose text has every known secret redacted.
func (c *Client) errorf(op string, kind logs.ErrorKind, status int, format string, a ...any) error {
	err := fmt.Errorf(format, a...)
	if c.leaks(err.Error()) {
		err = errors.New(c.Redact(err.Error()))
	}
	return &logs.QueryError{Source: c.cfg.Name, Op: op, Kind: kind, Status: status, Err: err}
}

// Errorf is errorf for the clients: a QueryError of this source.
func (c *Client) Errorf(op string, kind logs.ErrorKind, format string, a ...any) error {
	return c.errorf(op, kind, 0, format, a...)
}

func (c *Client) leaks(s string) bool {
	for _, sec := range c.secrets {
		if strings.Contains(s, sec) {
			return true
		}
	}
	return false
}

// Redact replaces every credential of the source in s.
func (c *Client) Redact(s string) string {
	for _, sec := range c.secrets {
		s = strings.ReplaceAll(s, sec, "[redacted]")
	}
	return s
}

// boundedBody counts what is read and fails, as a broken answer, past the
// limit or on any read error: a store that fails after it began streaming
// leaves a 200 status and breaks the body off.
type boundedBody struct {
	rc  io.ReadCloser
	n   int64
	max int64
	st  *logs.QueryStats
	c   *Client
	op  string
}

func (b *boundedBody) Read(p []byte) (int, error) {
	if b.n >= b.max {
		return 0, b.c.errorf(b.op, logs.KindBroken, 0, "answer larger than %d bytes", b.max)
	}
	if int64(len(p)) > b.max-b.n {
		p = p[:b.max-b.n+1] // one byte more tells "exactly max" from "more"
	}
	n, err := b.rc.Read(p)
	b.n += int64(n)
	if b.st != nil {
		b.st.Bytes += int64(n)
	}
	if err != nil && !errors.Is(err, io.EOF) {
		if errors.Is(err, context.Canceled) {
			return n, b.c.errorf(b.op, logs.KindOther, 0, "%w", err)
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return n, b.c.errorf(b.op, logs.KindTimeout, 0, "answer not complete within %s", b.c.cfg.Timeout)
		}
		return n, b.c.errorf(b.op, logs.KindBroken, 0, "answer broke off after %d bytes: %v", b.n, err)
	}
	return n, err
}

func (b *boundedBody) Close() error { return b.rc.Close() }
