package sandbox

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// maxWebhooksPerApp is Atlassian's cap per app, user and tenant.
const maxWebhooksPerApp = 5

type webhook struct {
	ID       int64
	ClientID string
	URL      string
	Events   []string
	JQL      string
	filter   jqlFilter
	FieldIDs []string
	Expires  time.Time
}

// Webhook is a registered dynamic webhook, as tests see it.
type Webhook struct {
	ID       int64     `json:"id"`
	ClientID string    `json:"client_id"`
	URL      string    `json:"url"`
	Events   []string  `json:"events"`
	JQL      string    `json:"jql_filter"`
	Expires  time.Time `json:"expires"`
	Expired  bool      `json:"expired"`
}

// Webhooks lists the registered webhooks, expired ones included (flagged).
func (s *Sandbox) Webhooks() []Webhook {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	var out []Webhook
	for _, id := range sortedKeys(s.webhooks) {
		w := s.webhooks[id]
		out = append(out, Webhook{ID: w.ID, ClientID: w.ClientID, URL: w.URL, Events: slices.Clone(w.Events), JQL: w.JQL,
			Expires: w.Expires, Expired: !now.Before(w.Expires)})
	}
	return out
}

// ClientSecret returns the secret of a registered client, for tests that
// sign deliveries.
func (s *Sandbox) ClientSecret(clientID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.clients[clientID].Secret
}

// registerWebhooks serves POST webhook: one result per webhook asked for, in
// order; a token of an unregistered client (not an app) is refused.
func (s *Sandbox) registerWebhooks(w http.ResponseWriter, r *http.Request, c *call) {
	var in struct {
		URL      string `json:"url"`
		Webhooks []struct {
			Events         []string `json:"events"`
			JQLFilter      string   `json:"jqlFilter"`
			FieldIDsFilter []string `json:"fieldIdsFilter"`
		} `json:"webhooks"`
	}
	if err := json.Unmarshal(c.body, &in); err != nil || len(in.Webhooks) == 0 {
		writeJSON(w, http.StatusBadRequest, errorCollection("The request body must name a url and at least one webhook."))
		return
	}
	if u, err := url.Parse(in.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		writeJSON(w, http.StatusBadRequest, errorCollection("The webhook URL is not valid."))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.clients[c.tok.clientID]; !ok {
		writeJSON(w, http.StatusForbidden, errorCollection("Only apps can register dynamic webhooks."))
		return
	}
	owned := 0
	for _, wh := range s.webhooks {
		if wh.ClientID == c.tok.clientID {
			owned++
		}
	}
	var results []any
	for _, spec := range in.Webhooks {
		var errs []string
		f, err := parseJQL(spec.JQLFilter)
		if err != nil {
			errs = append(errs, err.Error())
		}
		if len(spec.Events) == 0 {
			errs = append(errs, "At least one event is required.")
		}
		for _, e := range spec.Events {
			if !strings.HasPrefix(e, "jira:issue_") && !strings.HasPrefix(e, "comment_") {
				errs = append(errs, "The event "+e+" is not supported.")
			}
		}
		if owned >= maxWebhooksPerApp {
			errs = append(errs, fmt.Sprintf("The app already has %d webhooks for this user.", maxWebhooksPerApp))
		}
		if len(errs) > 0 {
			results = append(results, map[string]any{"errors": errs})
			continue
		}
		wh := &webhook{ID: s.nextWebhook, ClientID: c.tok.clientID, URL: in.URL, Events: spec.Events, JQL: spec.JQLFilter,
			filter: f, FieldIDs: spec.FieldIDsFilter, Expires: s.now().Add(s.webhookTTL)}
		s.nextWebhook++
		s.webhooks[wh.ID] = wh
		owned++
		results = append(results, map[string]any{"createdWebhookId": wh.ID})
		s.log.Info("webhook registered", "id", wh.ID, "jql", wh.JQL)
	}
	writeJSON(w, http.StatusOK, map[string]any{"webhookRegistrationResult": results})
}

func (s *Sandbox) listWebhooks(w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	start, _ := strconv.Atoi(q.Get("startAt"))
	max, _ := strconv.Atoi(q.Get("maxResults"))
	if max <= 0 || max > 100 {
		max = 100
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var mine []*webhook
	for _, id := range sortedKeys(s.webhooks) {
		if wh := s.webhooks[id]; wh.ClientID == c.tok.clientID {
			mine = append(mine, wh)
		}
	}
	var page []any
	for i := start; i < len(mine) && len(page) < max; i++ {
		wh := mine[i]
		page = append(page, map[string]any{"id": wh.ID, "events": wh.Events, "jqlFilter": wh.JQL,
			"fieldIdsFilter": orEmpty(wh.FieldIDs), "expirationDate": wh.Expires.UnixMilli(), "url": wh.URL})
	}
	writeJSON(w, http.StatusOK, map[string]any{"startAt": start, "maxResults": max, "total": len(mine),
		"isLast": start+len(page) >= len(mine), "values": orEmpty(page)})
}

type webhookIDs struct {
	WebhookIDs []int64 `json:"webhookIds"`
}

func (s *Sandbox) deleteWebhooks(w http.ResponseWriter, r *http.Request, c *call) {
	var in webhookIDs
	if err := json.Unmarshal(c.body, &in); err != nil || len(in.WebhookIDs) == 0 {
		writeJSON(w, http.StatusBadRequest, errorCollection("webhookIds is required."))
		return
	}
	s.mu.Lock()
	for _, id := range in.WebhookIDs {
		if wh, ok := s.webhooks[id]; ok && wh.ClientID == c.tok.clientID { // foreign ids are ignored
			delete(s.webhooks, id)
			s.log.Info("webhook deleted", "id", id)
		}
	}
	s.mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
}

func (s *Sandbox) refreshWebhooks(w http.ResponseWriter, r *http.Request, c *call) {
	var in webhookIDs
	if err := json.Unmarshal(c.body, &in); err != nil || len(in.WebhookIDs) == 0 {
		writeJSON(w, http.StatusBadRequest, errorCollection("webhookIds is required."))
		return
	}
	s.mu.Lock()
	exp := s.now().Add(s.webhookTTL)
	for _, id := range in.WebhookIDs {
		if wh, ok := s.webhooks[id]; ok && wh.ClientID == c.tok.clientID {
			wh.Expires = exp
			s.log.Info("webhook refreshed", "id", id, "expires", exp)
		}
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"expirationDate": exp.UnixMilli()})
}

// Delivery is one event sent (or being sent) to a webhook URL.
type Delivery struct {
	WebhookID  int64     `json:"webhook_id"`
	Identifier string    `json:"identifier"`
	IssueKey   string    `json:"issue_key"`
	URL        string    `json:"url"`
	Statuses   []int     `json:"statuses"` // one per attempt; 0: no answer
	Done       bool      `json:"done"`
	OK         bool      `json:"ok"`
	Started    time.Time `json:"started"`
}

// Deliveries lists every delivery so far.
func (s *Sandbox) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Delivery
	for _, d := range s.deliveries {
		c := *d
		c.Statuses = slices.Clone(d.Statuses)
		out = append(out, c)
	}
	return out
}

// WaitDeliveries blocks until at least n deliveries are done or ctx ends.
func (s *Sandbox) WaitDeliveries(ctx context.Context, n int) bool {
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
			return true
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return false
		}
	}
}

// fireLocked starts a delivery to every live webhook whose event and JQL
// match; the caller holds s.mu.
func (s *Sandbox) fireLocked(event string, is *issue) {
	if s.closed {
		return
	}
	now := s.now()
	for _, id := range sortedKeys(s.webhooks) {
		wh := s.webhooks[id]
		if !slices.Contains(wh.Events, event) || !now.Before(wh.Expires) || !wh.filter.matches(is) {
			continue
		}
		client := s.clients[wh.ClientID]
		body, _ := json.Marshal(s.eventBodyLocked(event, is, wh.ID, now))
		target := wh.URL
		sep := "?"
		if strings.Contains(target, "?") {
			sep = "&"
		}
		target += sep + "triggeredByUser=" + url.QueryEscape(AdminAccountID)
		copies := 1
		if s.dupNext > 0 {
			s.dupNext--
			copies = 2
		}
		ident := randomHex(16)
		for range copies {
			d := &Delivery{WebhookID: wh.ID, Identifier: ident, IssueKey: is.Key, URL: target, Started: now}
			s.deliveries = append(s.deliveries, d)
			s.wg.Add(1)
			go s.deliver(d, client.Secret, s.opts.Sites[0].CloudID, body)
		}
	}
}

// eventBodyLocked is the jira:issue_created body: the v2 issue with a plain
// text description.
func (s *Sandbox) eventBodyLocked(event string, is *issue, webhookID int64, now time.Time) map[string]any {
	return map[string]any{
		"timestamp": now.UnixMilli(), "webhookEvent": event, "issue_event_type_name": "issue_created",
		"user": map[string]any{"accountId": is.Reporter.AccountID, "accountType": is.Reporter.AccountType, "displayName": is.Reporter.DisplayName},
		"issue": map[string]any{"id": itoa(is.ID), "key": is.Key, "self": "/rest/api/2/issue/" + itoa(is.ID),
			"fields": map[string]any{"summary": is.Summary, "description": is.Description, "created": jiraTime(is.Created),
				"priority": priorityJSON(is.Priority), "issuetype": map[string]any{"name": "Service Request"},
				"project": map[string]any{"key": is.Project}, "reporter": is.Reporter}},
		"matchedWebhookIds": []int64{webhookID},
	}
}

// deliver sends one delivery, retrying on 408/409/425/429/5xx and transport
// failures, signing each attempt afresh.
func (s *Sandbox) deliver(d *Delivery, secret, cloudID string, body []byte) {
	defer s.wg.Done()
	for attempt := 0; attempt < s.opts.MaxAttempts; attempt++ {
		if attempt > 0 {
			t := time.NewTimer(s.opts.RetryDelay)
			select {
			case <-s.ctx.Done():
				t.Stop()
				s.finish(d, false)
				return
			case <-t.C:
			}
		}
		status := s.attempt(d, secret, cloudID, body, attempt)
		s.mu.Lock()
		d.Statuses = append(d.Statuses, status)
		s.notifyLocked()
		s.mu.Unlock()
		if status >= 200 && status < 300 {
			s.finish(d, true)
			return
		}
		if status != 0 && !retryStatus(status) {
			break
		}
	}
	s.finish(d, false)
}

func retryStatus(code int) bool {
	return code == 408 || code == 409 || code == 425 || code == 429 || code >= 500
}

func (s *Sandbox) finish(d *Delivery, ok bool) {
	s.mu.Lock()
	d.Done, d.OK = true, ok
	s.notifyLocked()
	s.mu.Unlock()
}

func (s *Sandbox) attempt(d *Delivery, secret, cloudID string, body []byte, n int) int {
	ctx, cancel := context.WithTimeout(s.ctx, s.opts.DeliveryTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.URL, bytes.NewReader(body))
	if err != nil {
		return 0
	}
	tok, err := SignDelivery(secret, cloudID, http.MethodPost, d.URL, s.now())
	if err != nil {
		return 0
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("X-Atlassian-Webhook-Identifier", d.Identifier)
	req.Header.Set("X-Atlassian-Webhook-Flow", "Primary")
	req.Header.Set("User-Agent", "Atlassian Webhook HTTP Client")
	if n > 0 {
		req.Header.Set("X-Atlassian-Webhook-Retry", strconv.Itoa(n))
	}
	resp, err := s.client.Do(req)
	if err != nil {
		s.log.Debug("delivery attempt failed", "webhook", d.WebhookID, "error", err)
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// JWTLifetime is how long a delivery's JWT is valid.
const JWTLifetime = 3 * time.Minute

// SignDelivery returns the JWT a delivery to rawURL carries: HS256 with the
// app's client secret, claims iss (cloud id), iat, exp and qsh.
func SignDelivery(secret, issuer, method, rawURL string, at time.Time) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", err
	}
	claims := map[string]any{"iss": issuer, "iat": at.Unix(), "exp": at.Add(JWTLifetime).Unix(), "qsh": QSH(method, u.Path, u.Query())}
	return SignJWT(secret, claims)
}

// SignJWT encodes claims as an HS256 JWT signed with secret.
func SignJWT(secret string, claims map[string]any) (string, error) {
	head := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"HS256","typ":"JWT"}`))
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	signing := head + "." + base64.RawURLEncoding.EncodeToString(payload)
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(signing))
	return signing + "." + base64.RawURLEncoding.EncodeToString(m.Sum(nil)), nil
}

// QSH is Atlassian Connect's query string hash: SHA-256 (hex) of METHOD,
// the path and the sorted, percent-encoded query (without jwt), joined by &.
func QSH(method, path string, query url.Values) string {
	if path == "" {
		path = "/"
	}
	keys := make([]string, 0, len(query))
	for k := range query {
		if k != "jwt" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		vs := slices.Clone(query[k])
		sort.Strings(vs)
		for i := range vs {
			vs[i] = pctEncode(vs[i])
		}
		parts = append(parts, pctEncode(k)+"="+strings.Join(vs, ","))
	}
	sum := sha256.Sum256([]byte(strings.ToUpper(method) + "&" + path + "&" + strings.Join(parts, "&")))
	return hex.EncodeToString(sum[:])
}

// pctEncode is RFC 3986 percent-encoding (spaces as %20).
func pctEncode(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}
