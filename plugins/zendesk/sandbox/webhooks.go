package sandbox

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Webhook is a registered webhook as tests see it.
type Webhook struct {
	ID             string            `json:"id"`
	Name           string            `json:"name"`
	Description    string            `json:"description,omitempty"`
	Endpoint       string            `json:"endpoint"`
	HTTPMethod     string            `json:"http_method"`
	RequestFormat  string            `json:"request_format"`
	Status         string            `json:"status"`
	Subscriptions  []string          `json:"subscriptions"`
	Authentication *WebhookAuth      `json:"authentication,omitempty"`
	CustomHeaders  map[string]string `json:"custom_headers,omitempty"`
	SigningSecret  string            `json:"signing_secret"` // for tests; never in API responses
	CreatedAt      time.Time         `json:"created_at"`
	UpdatedAt      time.Time         `json:"updated_at"`
}

// WebhookAuth is a webhook's optional authentication block.
type WebhookAuth struct {
	Type        string            `json:"type"`
	Data        map[string]string `json:"data,omitempty"`
	AddPosition string            `json:"add_position,omitempty"`
}

type webhook struct{ Webhook }

// Webhooks returns the registered webhooks, oldest first.
func (s *Sandbox) Webhooks() []Webhook {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []Webhook{}
	for _, id := range sortedKeys(s.webhooks) { // ULIDs sort by creation time
		w := s.webhooks[id].Webhook
		w.Subscriptions = slices.Clone(w.Subscriptions)
		out = append(out, w)
	}
	return out
}

func (s *Sandbox) webhookJSON(w *webhook) map[string]any {
	m := map[string]any{
		"id": w.ID, "name": w.Name, "description": w.Description, "endpoint": w.Endpoint,
		"http_method": w.HTTPMethod, "request_format": w.RequestFormat, "status": w.Status,
		"subscriptions": w.Subscriptions,
		"created_at":    w.CreatedAt.UTC().Format(time.RFC3339), "created_by": strconv.FormatInt(AdminUserID, 10),
		"updated_at": w.UpdatedAt.UTC().Format(time.RFC3339), "updated_by": strconv.FormatInt(AdminUserID, 10),
	}
	if w.Authentication != nil {
		// Credentials are write-only, as in Zendesk.
		m["authentication"] = map[string]any{"type": w.Authentication.Type, "add_position": w.Authentication.AddPosition}
	}
	if w.CustomHeaders != nil {
		m["custom_headers"] = w.CustomHeaders
	}
	return m
}

// webhookInput is the writable part of a webhook; pointers tell PATCH which
// fields were sent.
type webhookInput struct {
	Name           *string           `json:"name"`
	Description    *string           `json:"description"`
	Endpoint       *string           `json:"endpoint"`
	HTTPMethod     *string           `json:"http_method"`
	RequestFormat  *string           `json:"request_format"`
	Status         *string           `json:"status"`
	Subscriptions  []string          `json:"subscriptions"`
	Authentication *WebhookAuth      `json:"authentication"`
	CustomHeaders  map[string]string `json:"custom_headers"`
	SigningSecret  json.RawMessage   `json:"signing_secret"`
	ExternalSource json.RawMessage   `json:"external_source"`
}

// apply merges in into w (PATCH) or replaces (PUT/create, full=true), and
// returns a validation problem (field, message) if the result is invalid.
func applyWebhook(w *webhook, in webhookInput, full bool) (string, string) {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		} else if full {
			*dst = ""
		}
	}
	set(&w.Name, in.Name)
	set(&w.Description, in.Description)
	set(&w.Endpoint, in.Endpoint)
	set(&w.HTTPMethod, in.HTTPMethod)
	set(&w.RequestFormat, in.RequestFormat)
	set(&w.Status, in.Status)
	if in.Subscriptions != nil || full {
		w.Subscriptions = in.Subscriptions
	}
	if in.Authentication != nil || full {
		w.Authentication = in.Authentication
	}
	if in.CustomHeaders != nil || full {
		w.CustomHeaders = in.CustomHeaders
	}
	if strings.TrimSpace(w.Name) == "" {
		return "name", "name is required"
	}
	u, err := url.Parse(w.Endpoint)
	if w.Endpoint == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "endpoint", "endpoint must be an absolute http(s) URL"
	}
	if !slices.Contains([]string{"GET", "POST", "PUT", "PATCH", "DELETE"}, w.HTTPMethod) {
		return "http_method", "http_method must be one of GET, POST, PUT, PATCH, DELETE"
	}
	if !slices.Contains([]string{"json", "xml", "form_encoded"}, w.RequestFormat) {
		return "request_format", "request_format must be one of json, xml, form_encoded"
	}
	if !slices.Contains([]string{"active", "inactive"}, w.Status) {
		return "status", "status must be active or inactive"
	}
	if len(w.Subscriptions) == 0 {
		return "subscriptions", `subscriptions is required: ["conditional_ticket_events"] or zen:event-type:* values`
	}
	if slices.Contains(w.Subscriptions, "conditional_ticket_events") {
		if len(w.Subscriptions) != 1 {
			return "subscriptions", "conditional_ticket_events cannot be combined with other subscriptions"
		}
	} else {
		for _, sub := range w.Subscriptions {
			if !strings.HasPrefix(sub, "zen:event-type:") {
				return "subscriptions", "unknown subscription " + sub
			}
		}
		if w.HTTPMethod != "POST" || w.RequestFormat != "json" {
			return "http_method", "event-subscribed webhooks must use POST and json"
		}
	}
	if a := w.Authentication; a != nil {
		switch a.Type {
		case "bearer_token", "basic_auth", "api_key":
		default:
			return "authentication", "authentication.type must be bearer_token, basic_auth or api_key"
		}
	}
	return "", ""
}

func webhookInvalid(c *apiCall, field, msg string) {
	writeJSON(c.w, http.StatusBadRequest, map[string]any{"errors": []any{map[string]any{
		"code": "InvalidInput", "title": "Invalid " + field, "detail": msg, "status": "400",
		"source": map[string]any{"pointer": "/webhook/" + field},
	}}})
}

func webhookNotFound(c *apiCall) {
	errorsEnvelope(c.w, http.StatusNotFound, "WebhookNotFound", "Webhook not found", "")
}

func (s *Sandbox) routeWebhooks(c *apiCall) {
	switch {
	case len(c.segs) == 1 && c.r.Method == http.MethodPost:
		s.createWebhook(c)
	case len(c.segs) == 1 && c.r.Method == http.MethodGet:
		s.listWebhooks(c)
	case len(c.segs) == 2 && c.segs[1] == "test" && c.r.Method == http.MethodPost:
		s.testWebhook(c)
	case len(c.segs) == 2:
		s.webhookByID(c, c.segs[1])
	case len(c.segs) >= 3 && c.segs[2] == "invocations" && c.r.Method == http.MethodGet:
		s.invocations(c, c.segs[1])
	case len(c.segs) == 3 && c.segs[2] == "signing_secret":
		s.signingSecret(c, c.segs[1])
	default:
		errorsEnvelope(c.w, http.StatusNotFound, "NotFound", "Not found", "")
	}
}

func readWebhookInput(c *apiCall) (webhookInput, bool) {
	var body struct {
		Webhook *webhookInput `json:"webhook"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(c.w, c.r.Body, 1<<20)).Decode(&body); err != nil || body.Webhook == nil {
		errorsEnvelope(c.w, http.StatusBadRequest, "InvalidJSON", "Invalid request body", `body must be {"webhook": {...}}`)
		return webhookInput{}, false
	}
	if body.Webhook.SigningSecret != nil || body.Webhook.ExternalSource != nil {
		webhookInvalid(c, "signing_secret", "signing_secret and external_source cannot be set by admins")
		return webhookInput{}, false
	}
	return *body.Webhook, true
}

func (s *Sandbox) createWebhook(c *apiCall) {
	in, ok := readWebhookInput(c)
	if !ok {
		return
	}
	now := s.now().UTC().Truncate(time.Second)
	w := &webhook{}
	if field, msg := applyWebhook(w, in, true); field != "" {
		webhookInvalid(c, field, msg)
		return
	}
	w.ID = newULID(s.now())
	w.SigningSecret = randomB64(32)
	w.CreatedAt, w.UpdatedAt = now, now
	s.mu.Lock()
	s.webhooks[w.ID] = w
	resp := map[string]any{"webhook": s.webhookJSON(w)}
	s.mu.Unlock()
	s.log.Info("webhook created", "webhook_id", w.ID, "endpoint", w.Endpoint)
	writeJSON(c.w, http.StatusCreated, resp)
}

func (s *Sandbox) listWebhooks(c *apiCall) {
	q := c.r.URL.Query()
	size := 100
	if n, err := strconv.Atoi(q.Get("page[size]")); err == nil && n > 0 && n <= 100 {
		size = n
	}
	after := q.Get("page[after]")
	s.mu.Lock()
	var list []any
	hasMore := false
	for _, id := range sortedKeys(s.webhooks) {
		w := s.webhooks[id]
		if after != "" && id <= after {
			continue
		}
		if nc := q.Get("filter[name_contains]"); nc != "" && !strings.Contains(strings.ToLower(w.Name), strings.ToLower(nc)) {
			continue
		}
		if st := q.Get("filter[status]"); st != "" && w.Status != st {
			continue
		}
		if len(list) == size {
			hasMore = true
			break
		}
		list = append(list, s.webhookJSON(w))
	}
	s.mu.Unlock()
	meta := map[string]any{"has_more": hasMore, "after_cursor": nil, "before_cursor": nil}
	links := map[string]any{"next": nil, "prev": nil}
	if list == nil {
		list = []any{}
	} else if hasMore {
		last := list[len(list)-1].(map[string]any)["id"].(string)
		meta["after_cursor"] = last
		links["next"] = baseURL(c.r) + "/api/v2/webhooks?page[size]=" + strconv.Itoa(size) + "&page[after]=" + last
	}
	writeJSON(c.w, http.StatusOK, map[string]any{"webhooks": list, "meta": meta, "links": links})
}

func (s *Sandbox) webhookByID(c *apiCall, id string) {
	s.mu.Lock()
	w, ok := s.webhooks[id]
	s.mu.Unlock()
	if !ok {
		webhookNotFound(c)
		return
	}
	switch c.r.Method {
	case http.MethodGet:
		s.mu.Lock()
		resp := map[string]any{"webhook": s.webhookJSON(w)}
		s.mu.Unlock()
		writeJSON(c.w, http.StatusOK, resp)
	case http.MethodPut, http.MethodPatch:
		in, ok := readWebhookInput(c)
		if !ok {
			return
		}
		s.mu.Lock()
		updated := &webhook{Webhook: w.Webhook}
		field, msg := applyWebhook(updated, in, c.r.Method == http.MethodPut)
		if field == "" && isConditional(w.Subscriptions) != isConditional(updated.Subscriptions) {
			field, msg = "subscriptions", "a webhook's connection method cannot be changed"
		}
		if field != "" {
			s.mu.Unlock()
			webhookInvalid(c, field, msg)
			return
		}
		updated.UpdatedAt = s.now().UTC().Truncate(time.Second)
		*w = *updated
		s.mu.Unlock()
		c.w.WriteHeader(http.StatusNoContent)
	case http.MethodDelete:
		s.mu.Lock()
		for _, tid := range sortedKeys(s.triggers) {
			if slices.Contains(s.triggers[tid].webhookIDs(), id) {
				s.mu.Unlock()
				errorsEnvelope(c.w, http.StatusBadRequest, "WebhookInUse",
					"Webhook is in use", "This webhook is used by trigger "+strconv.FormatInt(tid, 10)+"; remove it from the trigger first")
				return
			}
		}
		delete(s.webhooks, id)
		s.mu.Unlock()
		s.log.Info("webhook deleted", "webhook_id", id)
		c.w.WriteHeader(http.StatusNoContent)
	default:
		methodNotAllowed(c)
	}
}

func isConditional(subs []string) bool { return slices.Contains(subs, "conditional_ticket_events") }

func (s *Sandbox) signingSecret(c *apiCall, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	w, ok := s.webhooks[id]
	if !ok {
		webhookNotFound(c)
		return
	}
	status := http.StatusOK
	switch c.r.Method {
	case http.MethodGet:
	case http.MethodPost:
		w.SigningSecret = randomB64(32)
		status = http.StatusCreated
		s.log.Info("webhook signing secret rotated", "webhook_id", id)
	default:
		methodNotAllowed(c)
		return
	}
	writeJSON(c.w, status, map[string]any{"signing_secret": map[string]string{"algorithm": "sha256", "secret": w.SigningSecret}})
}
