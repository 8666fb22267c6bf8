package sandbox

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Retry budgets Zendesk applies to one invocation (reference §2.6).
const (
	maxTimeoutRetries  = 5
	maxConflictRetries = 3
	maxThrottleRetries = 5 // 429/503 with Retry-After < 60s; Zendesk names no cap
)

// Delivery is one webhook invocation and all its attempts.
type Delivery struct {
	InvocationID string    `json:"invocation_id"`
	WebhookID    string    `json:"webhook_id"`
	TriggerID    int64     `json:"trigger_id"`
	TicketID     int64     `json:"ticket_id"`
	Endpoint     string    `json:"endpoint"`
	Method       string    `json:"method"`
	Body         string    `json:"body"`
	Duplicate    bool      `json:"duplicate"` // the second send of a DuplicateNext delivery
	Attempts     []Attempt `json:"attempts"`
	Done         bool      `json:"done"`
	// Outcome once Done: "success", "failed" (final non-2xx or transport
	// error), "timeout" (retries exhausted), "cancelled" (sandbox closed).
	Outcome string `json:"outcome"`
}

// Attempt is one HTTP request of a delivery.
type Attempt struct {
	At        time.Time `json:"at"`
	Timestamp string    `json:"timestamp"` // x-zendesk-webhook-signature-timestamp
	Signature string    `json:"signature"`
	Status    int       `json:"status"` // 0 when no response
	Error     string    `json:"error,omitempty"`
}

// Deliveries returns a copy of every delivery so far, in the order fired.
func (s *Sandbox) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Delivery, 0, len(s.deliveries))
	for _, d := range s.deliveries {
		c := *d
		c.Attempts = slices.Clone(d.Attempts)
		out = append(out, c)
	}
	return out
}

// WaitDeliveries waits until at least n deliveries reached a final outcome.
func (s *Sandbox) WaitDeliveries(ctx context.Context, n int) error {
	for {
		s.mu.Lock()
		done := 0
		for _, d := range s.deliveries {
			if d.Done {
				done++
			}
		}
		ch := s.changed
		s.mu.Unlock()
		if done >= n {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("wait for %d webhook deliveries (%d done): %w", n, done, ctx.Err())
		}
	}
}

// notifyLocked wakes WaitDeliveries; the caller holds s.mu.
func (s *Sandbox) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// fireTriggers runs the active triggers matching a ticket event and starts
// a delivery for each notification_webhook action to an active webhook.
func (s *Sandbox) fireTriggers(snap ticketSnapshot, updateType string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := sortedKeys(s.triggers)
	slices.SortStableFunc(ids, func(a, b int64) int { return s.triggers[a].Position - s.triggers[b].Position })
	for _, tid := range ids {
		t := s.triggers[tid]
		if !t.Active || !t.matches(snap, updateType) {
			continue
		}
		s.log.Debug("trigger fired", "trigger_id", tid, "ticket_id", snap.ID, "update_type", updateType)
		for _, a := range t.Actions {
			if a.Field != "notification_webhook" {
				continue
			}
			v := a.Value.([]any) // validated on create/update
			w := s.webhooks[v[0].(string)]
			if w == nil || w.Status != "active" {
				continue
			}
			d := &Delivery{
				InvocationID: newULID(s.now()),
				WebhookID:    w.ID,
				TriggerID:    tid,
				TicketID:     snap.ID,
				Method:       w.HTTPMethod,
			}
			d.Endpoint, d.Body = s.buildRequest(w, v[1], snap)
			sends := 1
			if s.dupNext > 0 {
				s.dupNext--
				sends = 2
			}
			for i := range sends {
				dd := d
				if i > 0 {
					copied := *d
					copied.Duplicate = true
					dd = &copied
				}
				s.deliveries = append(s.deliveries, dd)
				if s.closed { // Close is waiting on s.wg: start nothing new
					dd.Done, dd.Outcome = true, "cancelled"
					s.notifyLocked()
					continue
				}
				s.wg.Add(1)
				go s.deliver(dd, w.RequestFormat)
			}
		}
	}
}

// buildRequest renders the action's body for the webhook's method and
// format: a string body is rendered as is; [key, value] pairs become query
// parameters (GET, DELETE), a form body, or a JSON object.
func (s *Sandbox) buildRequest(w *webhook, body any, snap ticketSnapshot) (endpoint, rendered string) {
	endpoint = w.Endpoint
	switch b := body.(type) {
	case string:
		return endpoint, s.render(b, snap, w.RequestFormat == "json")
	case []any:
		params := url.Values{}
		obj := map[string]string{}
		for _, p := range b {
			kv := p.([]any)
			k, v := fmt.Sprint(kv[0]), s.render(fmt.Sprint(kv[1]), snap, false)
			params.Add(k, v)
			obj[k] = v
		}
		switch {
		case w.HTTPMethod == "GET" || w.HTTPMethod == "DELETE":
			u, err := url.Parse(endpoint)
			if err == nil {
				q := u.Query()
				for k, vs := range params {
					q[k] = append(q[k], vs...)
				}
				u.RawQuery = q.Encode()
				endpoint = u.String()
			}
			return endpoint, ""
		case w.RequestFormat == "json":
			return endpoint, mustJSON(obj)
		default:
			return endpoint, params.Encode()
		}
	}
	return endpoint, ""
}

// Sign computes Zendesk's webhook signature: base64(HMAC-SHA256(secret,
// timestamp + body)), the secret used verbatim as the key.
func Sign(secret, timestamp string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(timestamp))
	m.Write(body)
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

var contentTypes = map[string]string{
	"json":         "application/json",
	"xml":          "application/xml",
	"form_encoded": "application/x-www-form-urlencoded",
}

// deliver sends one invocation, retrying as Zendesk does.
func (s *Sandbox) deliver(d *Delivery, format string) {
	defer s.wg.Done()
	var timeouts, conflicts, throttles int
	finish := func(outcome string) {
		// Logged before waiters are woken, so one that returns from
		// WaitDeliveries finds the line written.
		s.log.Info("webhook delivery finished", "invocation_id", d.InvocationID, "ticket_id", d.TicketID, "outcome", outcome, "attempts", len(d.Attempts))
		s.mu.Lock()
		d.Done, d.Outcome = true, outcome
		s.notifyLocked()
		s.mu.Unlock()
	}
	for {
		if s.ctx.Err() != nil {
			finish("cancelled")
			return
		}
		s.mu.Lock()
		w := s.webhooks[d.WebhookID]
		secret := ""
		var auth *WebhookAuth
		var custom map[string]string
		if w != nil {
			secret, auth, custom = w.SigningSecret, w.Authentication, w.CustomHeaders
		}
		s.mu.Unlock()
		if w == nil {
			s.recordAttempt(d, Attempt{At: s.now(), Error: "webhook deleted"})
			finish("failed")
			return
		}
		status, retryAfter, err := s.attempt(d, format, secret, auth, custom)
		var wait time.Duration
		switch {
		case err != nil && s.ctx.Err() != nil:
			finish("cancelled")
			return
		case err != nil && isTimeout(err):
			if timeouts >= maxTimeoutRetries {
				finish("timeout")
				return
			}
			timeouts++
			wait = s.opts.RetryDelay
		case err != nil:
			finish("failed")
			return
		case status >= 200 && status < 300:
			finish("success")
			return
		case status == http.StatusConflict && conflicts < maxConflictRetries:
			conflicts++
			wait = s.opts.RetryDelay
		case (status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable) &&
			retryAfter > 0 && retryAfter < 60*time.Second && throttles < maxThrottleRetries:
			throttles++
			wait = retryAfter
		default:
			finish("failed")
			return
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-s.ctx.Done():
			t.Stop()
			finish("cancelled")
			return
		}
	}
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var te interface{ Timeout() bool }
	return errors.As(err, &te) && te.Timeout()
}

func (s *Sandbox) recordAttempt(d *Delivery, a Attempt) {
	s.mu.Lock()
	d.Attempts = append(d.Attempts, a)
	s.mu.Unlock()
}

// attempt makes one signed request; retryAfter is the parsed Retry-After.
func (s *Sandbox) attempt(d *Delivery, format, secret string, auth *WebhookAuth, custom map[string]string) (int, time.Duration, error) {
	now := s.now()
	ts := now.UTC().Format("2006-01-02T15:04:05Z")
	body := []byte(d.Body)
	sig := Sign(secret, ts, body)
	a := Attempt{At: now, Timestamp: ts, Signature: sig}

	ctx, cancel := context.WithTimeout(s.ctx, s.opts.DeliveryTimeout)
	defer cancel()
	var rdr io.Reader
	if len(body) > 0 {
		rdr = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, d.Method, d.Endpoint, rdr)
	if err != nil {
		a.Error = "build request: " + err.Error()
		s.recordAttempt(d, a)
		return 0, 0, err
	}
	for k, v := range custom {
		req.Header.Set(k, v)
	}
	if len(body) > 0 {
		req.Header.Set("Content-Type", contentTypes[format])
	}
	req.Header.Set("User-Agent", "Zendesk Webhook")
	req.Header.Set("x-zendesk-account-id", strconv.FormatInt(s.opts.AccountID, 10))
	req.Header.Set("x-zendesk-webhook-id", d.WebhookID)
	req.Header.Set("x-zendesk-webhook-invocation-id", d.InvocationID)
	req.Header.Set("x-zendesk-webhook-signature", sig)
	req.Header.Set("x-zendesk-webhook-signature-timestamp", ts)
	setAuth(req, auth)
	resp, err := s.client.Do(req)
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			err = fmt.Errorf("deliver to webhook endpoint: %w", context.DeadlineExceeded)
		}
		a.Error = err.Error()
		s.recordAttempt(d, a)
		s.log.Debug("webhook attempt failed", "invocation_id", d.InvocationID, "error", err)
		return 0, 0, err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	a.Status = resp.StatusCode
	s.recordAttempt(d, a)
	s.log.Debug("webhook attempt answered", "invocation_id", d.InvocationID, "status", resp.StatusCode)
	return resp.StatusCode, parseRetryAfter(resp.Header.Get("Retry-After"), now), nil
}

// parseRetryAfter reads delay-seconds or an HTTP date; 0 when absent or bad.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}

func mustJSON(v any) string {
	var b bytes.Buffer
	enc := jsonEncoder(&b)
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("sandbox: encode JSON: %v", err))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// setAuth adds a webhook's authentication block to a request.
func setAuth(req *http.Request, auth *WebhookAuth) {
	if auth == nil {
		return
	}
	switch auth.Type {
	case "bearer_token":
		req.Header.Set("Authorization", "Bearer "+auth.Data["token"])
	case "basic_auth":
		req.SetBasicAuth(auth.Data["username"], auth.Data["password"])
	case "api_key":
		req.Header.Set(auth.Data["name"], auth.Data["value"])
	}
}
