package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Client drives a running jsm-sandbox through its /sandbox/api admin API,
// for out-of-process tests and the demo.
type Client struct {
	base string
	http *http.Client
}

// NewClient returns a client for the sandbox at baseURL.
func NewClient(baseURL string) *Client {
	return &Client{base: strings.TrimSuffix(baseURL, "/"), http: &http.Client{Timeout: 60 * time.Second}}
}

func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("encode %s %s: %w", method, path, err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return fmt.Errorf("build %s %s: %w", method, path, err)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("sandbox %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return fmt.Errorf("read sandbox answer to %s %s: %w", method, path, err)
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("sandbox %s %s: %s: %s", method, path, resp.Status, bytes.TrimSpace(data))
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return fmt.Errorf("decode sandbox answer to %s %s: %w", method, path, err)
		}
	}
	return nil
}

// CreateRequest raises a request (firing webhooks) and returns its key.
func (c *Client) CreateRequest(ctx context.Context, in RequestInput) (string, error) {
	var out struct {
		Key string `json:"key"`
	}
	err := c.do(ctx, http.MethodPost, "/sandbox/api/requests", in, &out)
	return out.Key, err
}

// Request reads one request with its comments and field values.
func (c *Client) Request(ctx context.Context, key string) (Request, error) {
	var out Request
	err := c.do(ctx, http.MethodGet, "/sandbox/api/requests/"+url.PathEscape(key), nil, &out)
	return out, err
}

// Fields lists the custom fields.
func (c *Client) Fields(ctx context.Context) ([]Field, error) {
	var out []Field
	err := c.do(ctx, http.MethodGet, "/sandbox/api/fields", nil, &out)
	return out, err
}

// Webhooks lists the dynamic webhooks.
func (c *Client) Webhooks(ctx context.Context) ([]Webhook, error) {
	var out []Webhook
	err := c.do(ctx, http.MethodGet, "/sandbox/api/webhooks", nil, &out)
	return out, err
}

// Deliveries lists every delivery.
func (c *Client) Deliveries(ctx context.Context) ([]Delivery, error) {
	var out []Delivery
	err := c.do(ctx, http.MethodGet, "/sandbox/api/deliveries", nil, &out)
	return out, err
}

// Authorizations lists the query of every /authorize request.
func (c *Client) Authorizations(ctx context.Context) ([]url.Values, error) {
	var out []url.Values
	err := c.do(ctx, http.MethodGet, "/sandbox/api/authorizations", nil, &out)
	return out, err
}

// WaitDeliveries waits until n deliveries are done; false on timeout.
func (c *Client) WaitDeliveries(ctx context.Context, n int, timeout time.Duration) (bool, error) {
	var out struct {
		Done bool `json:"done"`
	}
	err := c.do(ctx, http.MethodPost, "/sandbox/api/deliveries/wait", map[string]int{"n": n, "timeout_ms": int(timeout / time.Millisecond)}, &out)
	return out.Done, err
}

// SetWebhookTTL sets the lifetime of webhooks registered or refreshed from now.
func (c *Client) SetWebhookTTL(ctx context.Context, d time.Duration) error {
	return c.do(ctx, http.MethodPost, "/sandbox/api/webhook-ttl", map[string]float64{"seconds": d.Seconds()}, nil)
}

// IssueToken mints tokens for the first client with the given scopes.
func (c *Client) IssueToken(ctx context.Context, scopes string) (access, refresh string, err error) {
	var out struct {
		Access  string `json:"access_token"`
		Refresh string `json:"refresh_token"`
	}
	err = c.do(ctx, http.MethodPost, "/sandbox/api/tokens", map[string]string{"scopes": scopes}, &out)
	return out.Access, out.Refresh, err
}

// TokenValid reports whether an access token is live.
func (c *Client) TokenValid(ctx context.Context, access string) (bool, error) {
	var out struct {
		Valid bool `json:"valid"`
	}
	err := c.do(ctx, http.MethodPost, "/sandbox/api/tokens/valid", map[string]string{"access_token": access}, &out)
	return out.Valid, err
}

// DuplicateNext sends the next n deliveries twice.
func (c *Client) DuplicateNext(ctx context.Context, n int) error {
	return c.do(ctx, http.MethodPost, "/sandbox/api/duplicate-next", map[string]int{"n": n}, nil)
}

// InjectFaults fails the next n API requests matching method and prefix.
func (c *Client) InjectFaults(ctx context.Context, method, prefix string, n int, kind FaultKind) error {
	return c.do(ctx, http.MethodPost, "/sandbox/api/faults", map[string]any{"method": method, "prefix": prefix, "n": n, "kind": kind}, nil)
}
