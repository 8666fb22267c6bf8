package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// TestSigningSecret signs test requests for webhooks that do not exist yet,
// as Zendesk's webhook builder does (reference §2.5).
const TestSigningSecret = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ=="

type keyValue struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// testWebhook serves POST /api/v2/webhooks/test[?webhook_id=]: one signed
// request sent now, its answer returned. It is not recorded as a Delivery.
func (s *Sandbox) testWebhook(c *apiCall) {
	var body struct {
		WebhookID string `json:"webhook_id"`
		Request   struct {
			Endpoint      string     `json:"endpoint"`
			HTTPMethod    string     `json:"http_method"`
			RequestFormat string     `json:"request_format"`
			Payload       string     `json:"payload"`
			Headers       []keyValue `json:"headers"`
			Params        []keyValue `json:"params"`
		} `json:"request"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(c.w, c.r.Body, 1<<20)).Decode(&body); err != nil && err != io.EOF {
		errorsEnvelope(c.w, http.StatusBadRequest, "InvalidJSON", "Invalid request body", err.Error())
		return
	}
	id := c.r.URL.Query().Get("webhook_id")
	if id == "" {
		id = body.WebhookID
	}
	rq := body.Request
	w := &webhook{Webhook: Webhook{Name: "test", Endpoint: rq.Endpoint, HTTPMethod: rq.HTTPMethod,
		RequestFormat: rq.RequestFormat, Status: "active", Subscriptions: []string{"conditional_ticket_events"},
		SigningSecret: TestSigningSecret}}
	if id != "" {
		s.mu.Lock()
		existing, ok := s.webhooks[id]
		if ok {
			w = &webhook{Webhook: existing.Webhook}
		}
		s.mu.Unlock()
		if !ok {
			webhookNotFound(c)
			return
		}
	} else if field, msg := applyWebhook(&webhook{Webhook: w.Webhook}, webhookInput{Name: &w.Name, Endpoint: &w.Endpoint,
		HTTPMethod: &w.HTTPMethod, RequestFormat: &w.RequestFormat, Status: &w.Status, Subscriptions: w.Subscriptions}, true); field != "" {
		webhookInvalid(c, field, msg)
		return
	}
	endpoint := w.Endpoint
	if len(rq.Params) > 0 {
		if u, err := url.Parse(endpoint); err == nil {
			q := u.Query()
			for _, p := range rq.Params {
				q.Add(p.Key, p.Value)
			}
			u.RawQuery = q.Encode()
			endpoint = u.String()
		}
	}
	custom := map[string]string{}
	for k, v := range w.CustomHeaders {
		custom[k] = v
	}
	for _, h := range rq.Headers {
		custom[h.Key] = h.Value
	}
	d := &Delivery{InvocationID: newULID(s.now()), WebhookID: w.ID, Endpoint: endpoint, Method: w.HTTPMethod, Body: rq.Payload}
	status, respBody, respHeader, err := s.sendTest(d, w, custom)
	out := map[string]any{"status": status, "body": respBody, "headers": []keyValue{}}
	if err != nil {
		out["status"], out["body"] = http.StatusGatewayTimeout, err.Error()
		if !isTimeout(err) {
			out["status"] = http.StatusBadGateway
		}
	}
	hs := []keyValue{}
	for k := range respHeader {
		hs = append(hs, keyValue{Key: k, Value: respHeader.Get(k)})
	}
	out["headers"] = hs
	writeJSON(c.w, http.StatusOK, map[string]any{"response": out})
}

// sendTest makes one signed request like attempt, keeping the answer.
func (s *Sandbox) sendTest(d *Delivery, w *webhook, custom map[string]string) (int, string, http.Header, error) {
	ts := s.now().UTC().Format("2006-01-02T15:04:05Z")
	ctx, cancel := context.WithTimeout(s.ctx, s.opts.DeliveryTimeout)
	defer cancel()
	var rdr io.Reader
	if d.Body != "" {
		rdr = bytes.NewReader([]byte(d.Body))
	}
	req, err := http.NewRequestWithContext(ctx, d.Method, d.Endpoint, rdr)
	if err != nil {
		return 0, "", nil, err
	}
	for k, v := range custom {
		req.Header.Set(k, v)
	}
	if d.Body != "" {
		req.Header.Set("Content-Type", contentTypes[w.RequestFormat])
	}
	req.Header.Set("User-Agent", "Zendesk Webhook")
	req.Header.Set("x-zendesk-account-id", strconv.FormatInt(s.opts.AccountID, 10))
	if w.ID != "" {
		req.Header.Set("x-zendesk-webhook-id", w.ID)
	}
	req.Header.Set("x-zendesk-webhook-invocation-id", d.InvocationID)
	req.Header.Set("x-zendesk-webhook-signature", Sign(w.SigningSecret, ts, []byte(d.Body)))
	req.Header.Set("x-zendesk-webhook-signature-timestamp", ts)
	setAuth(req, w.Authentication)
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, "", nil, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, string(b), resp.Header, nil
}

// invocations serves GET /api/v2/webhooks/{id}/invocations[/{inv}/attempts]
// from the recorded deliveries.
func (s *Sandbox) invocations(c *apiCall, id string) {
	s.mu.Lock()
	_, ok := s.webhooks[id]
	var ds []Delivery
	for _, d := range s.deliveries {
		if d.WebhookID == id && !d.Duplicate {
			cp := *d
			cp.Attempts = append([]Attempt(nil), d.Attempts...)
			ds = append(ds, cp)
		}
	}
	s.mu.Unlock()
	if !ok {
		webhookNotFound(c)
		return
	}
	if len(c.segs) == 5 && c.segs[4] == "attempts" {
		for _, d := range ds {
			if d.InvocationID != c.segs[3] {
				continue
			}
			list := []any{}
			for i, a := range d.Attempts {
				st := "success"
				if a.Status < 200 || a.Status >= 300 {
					st = "failed"
				}
				list = append(list, map[string]any{"id": d.InvocationID + "-" + strconv.Itoa(i+1), "invocation_id": d.InvocationID,
					"status": st, "status_code": a.Status, "completed_at": a.At.UTC().Format(time.RFC3339), "error": a.Error})
			}
			writeJSON(c.w, http.StatusOK, map[string]any{"attempts": list})
			return
		}
		errorsEnvelope(c.w, http.StatusNotFound, "NotFound", "Invocation not found", "")
		return
	}
	if len(c.segs) != 3 {
		errorsEnvelope(c.w, http.StatusNotFound, "NotFound", "Not found", "")
		return
	}
	filter := c.r.URL.Query().Get("filter[status]")
	list := []any{}
	for i := len(ds) - 1; i >= 0; i-- { // newest first
		d := ds[i]
		status := d.Outcome
		if !d.Done {
			status = "in_progress"
		}
		if filter != "" && filter != status {
			continue
		}
		inv := map[string]any{"id": d.InvocationID, "webhook_id": id, "status": status, "latest_completed_at": nil, "status_code": nil}
		if n := len(d.Attempts); n > 0 {
			inv["latest_completed_at"] = d.Attempts[n-1].At.UTC().Format(time.RFC3339)
			inv["status_code"] = d.Attempts[n-1].Status
		}
		list = append(list, inv)
	}
	writeJSON(c.w, http.StatusOK, map[string]any{"invocations": list, "meta": map[string]any{"has_more": false}, "links": map[string]any{"next": nil, "prev": nil}})
}
