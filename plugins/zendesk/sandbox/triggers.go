package sandbox

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Trigger is a ticket trigger as tests see it.
type Trigger struct {
	ID          int64      `json:"id"`
	Title       string     `json:"title"`
	Description string     `json:"description,omitempty"`
	Active      bool       `json:"active"`
	Position    int        `json:"position"`
	CategoryID  string     `json:"category_id,omitempty"`
	Conditions  Conditions `json:"conditions"`
	Actions     []Action   `json:"actions"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// Conditions are a trigger's all (AND) and any (OR) lists.
type Conditions struct {
	All []Condition `json:"all"`
	Any []Condition `json:"any"`
}

// Condition is one trigger condition.
type Condition struct {
	Field    string `json:"field"`
	Operator string `json:"operator"`
	Value    any    `json:"value"`
}

// Action is one trigger action; for notification_webhook, Value is
// [webhook id, body string] (or [id, [[key, value], …]] for GET/form).
type Action struct {
	Field string `json:"field"`
	Value any    `json:"value"`
}

type trigger struct{ Trigger }

// webhookIDs lists the webhooks the trigger's actions notify.
func (t *trigger) webhookIDs() []string {
	var ids []string
	for _, a := range t.Actions {
		if a.Field != "notification_webhook" {
			continue
		}
		if v, ok := a.Value.([]any); ok && len(v) == 2 {
			if id, ok := v[0].(string); ok {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// Triggers returns the triggers by position.
func (s *Sandbox) Triggers() []Trigger {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []Trigger{}
	for _, id := range sortedKeys(s.triggers) {
		out = append(out, s.triggers[id].Trigger)
	}
	return out
}

func triggerJSON(base string, t *trigger) map[string]any {
	all, anyc := t.Conditions.All, t.Conditions.Any
	if all == nil {
		all = []Condition{}
	}
	if anyc == nil {
		anyc = []Condition{}
	}
	var cat any
	if t.CategoryID != "" {
		cat = t.CategoryID
	}
	return map[string]any{
		"id": t.ID, "url": base + "/api/v2/triggers/" + strconv.FormatInt(t.ID, 10) + ".json",
		"title": t.Title, "raw_title": t.Title, "description": t.Description, "active": t.Active,
		"position": t.Position, "default": false, "category_id": cat,
		"conditions": map[string]any{"all": all, "any": anyc}, "actions": t.Actions,
		"created_at": t.CreatedAt.UTC().Format(time.RFC3339), "updated_at": t.UpdatedAt.UTC().Format(time.RFC3339),
	}
}

type triggerInput struct {
	Title       *string     `json:"title"`
	Description *string     `json:"description"`
	Active      *bool       `json:"active"`
	Position    *int        `json:"position"`
	CategoryID  any         `json:"category_id"`
	Conditions  *Conditions `json:"conditions"`
	Actions     []Action    `json:"actions"`
}

func triggerInvalid(c *apiCall, field, msg string) {
	classicError(c.w, http.StatusUnprocessableEntity, "RecordInvalid", "Record validation errors",
		map[string]any{field: []any{map[string]any{"description": msg, "error": "InvalidValue"}}})
}

// validateTriggerLocked checks a complete trigger; the caller holds s.mu.
func (s *Sandbox) validateTriggerLocked(t *trigger) (field, msg string) {
	if strings.TrimSpace(t.Title) == "" {
		return "title", "Title: cannot be blank"
	}
	conds := append(slices.Clone(t.Conditions.All), t.Conditions.Any...)
	if len(conds) == 0 {
		return "conditions", "Conditions: at least one condition is required"
	}
	for _, c := range conds {
		if c.Field == "" || c.Operator == "" {
			return "conditions", "Conditions: each condition needs field and operator"
		}
	}
	if len(t.Actions) == 0 {
		return "actions", "Actions: at least one action is required"
	}
	for _, a := range t.Actions {
		if a.Field == "" {
			return "actions", "Actions: each action needs a field"
		}
		if a.Field != "notification_webhook" {
			continue
		}
		v, ok := a.Value.([]any)
		if !ok || len(v) != 2 {
			return "actions", "Actions: notification_webhook value must be [webhook_id, body]"
		}
		id, ok := v[0].(string)
		w := s.webhooks[id]
		if !ok || w == nil {
			return "actions", fmt.Sprintf("Actions: webhook %v does not exist", v[0])
		}
		if !isConditional(w.Subscriptions) {
			return "actions", "Actions: webhook " + id + " is not connected to triggers (subscriptions must be conditional_ticket_events)"
		}
		switch body := v[1].(type) {
		case string:
			if len(body) > 16000 {
				return "actions", "Actions: webhook payload exceeds 16000 characters"
			}
		case []any:
			for _, p := range body {
				if kv, ok := p.([]any); !ok || len(kv) != 2 {
					return "actions", "Actions: webhook parameters must be [key, value] pairs"
				}
			}
		default:
			return "actions", "Actions: webhook body must be a string or a list of [key, value] pairs"
		}
	}
	return "", ""
}

func readTriggerInput(c *apiCall) (triggerInput, bool) {
	var body struct {
		Trigger *triggerInput `json:"trigger"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(c.w, c.r.Body, 1<<20)).Decode(&body); err != nil || body.Trigger == nil {
		classicError(c.w, http.StatusBadRequest, "InvalidJSON", `Invalid request body: expected {"trigger": {...}}`, nil)
		return triggerInput{}, false
	}
	return *body.Trigger, true
}

func (t *trigger) apply(in triggerInput) {
	if in.Title != nil {
		t.Title = *in.Title
	}
	if in.Description != nil {
		t.Description = *in.Description
	}
	if in.Active != nil {
		t.Active = *in.Active
	}
	if in.Position != nil {
		t.Position = *in.Position
	}
	switch v := in.CategoryID.(type) {
	case string:
		t.CategoryID = v
	case float64:
		t.CategoryID = strconv.FormatFloat(v, 'f', -1, 64)
	}
	// PUT replaces conditions and actions wholesale when sent (reference §3).
	if in.Conditions != nil {
		t.Conditions = *in.Conditions
	}
	if in.Actions != nil {
		t.Actions = in.Actions
	}
}

func (s *Sandbox) routeTriggers(c *apiCall) {
	base := baseURL(c.r)
	if len(c.segs) == 1 {
		switch c.r.Method {
		case http.MethodGet:
			s.mu.Lock()
			list := []any{}
			for _, id := range sortedKeys(s.triggers) {
				t := s.triggers[id]
				if a := c.r.URL.Query().Get("active"); a != "" && strconv.FormatBool(t.Active) != a {
					continue
				}
				list = append(list, triggerJSON(base, t))
			}
			s.mu.Unlock()
			writeJSON(c.w, http.StatusOK, map[string]any{"triggers": list, "count": len(list), "next_page": nil, "previous_page": nil})
		case http.MethodPost:
			in, ok := readTriggerInput(c)
			if !ok {
				return
			}
			now := s.now().UTC().Truncate(time.Second)
			t := &trigger{Trigger: Trigger{Active: true, CreatedAt: now, UpdatedAt: now}}
			t.apply(in)
			s.mu.Lock()
			if field, msg := s.validateTriggerLocked(t); field != "" {
				s.mu.Unlock()
				triggerInvalid(c, field, msg)
				return
			}
			t.ID = s.nextTrigger
			s.nextTrigger++
			if in.Position == nil {
				t.Position = len(s.triggers) + 1
			}
			s.triggers[t.ID] = t
			resp := map[string]any{"trigger": triggerJSON(base, t)}
			s.mu.Unlock()
			s.log.Info("trigger created", "trigger_id", t.ID)
			writeJSON(c.w, http.StatusCreated, resp)
		default:
			methodNotAllowed(c)
		}
		return
	}
	id, err := strconv.ParseInt(c.segs[1], 10, 64)
	if err != nil || len(c.segs) != 2 {
		notFound(c.w)
		return
	}
	s.mu.Lock()
	t, ok := s.triggers[id]
	s.mu.Unlock()
	if !ok {
		notFound(c.w)
		return
	}
	switch c.r.Method {
	case http.MethodGet:
		s.mu.Lock()
		resp := map[string]any{"trigger": triggerJSON(base, t)}
		s.mu.Unlock()
		writeJSON(c.w, http.StatusOK, resp)
	case http.MethodPut:
		in, ok := readTriggerInput(c)
		if !ok {
			return
		}
		s.mu.Lock()
		updated := &trigger{Trigger: t.Trigger}
		updated.apply(in)
		if field, msg := s.validateTriggerLocked(updated); field != "" {
			s.mu.Unlock()
			triggerInvalid(c, field, msg)
			return
		}
		updated.UpdatedAt = s.now().UTC().Truncate(time.Second)
		*t = *updated
		resp := map[string]any{"trigger": triggerJSON(base, t)}
		s.mu.Unlock()
		writeJSON(c.w, http.StatusOK, resp)
	case http.MethodDelete:
		s.mu.Lock()
		delete(s.triggers, id)
		s.mu.Unlock()
		s.log.Info("trigger deleted", "trigger_id", id)
		c.w.WriteHeader(http.StatusNoContent)
	default:
		methodNotAllowed(c)
	}
}

var priorityRank = map[string]int{"": 0, "low": 1, "normal": 2, "high": 3, "urgent": 4}

// matches evaluates a trigger's conditions against a ticket event.
// Unsupported condition fields never match.
func (t *trigger) matches(snap ticketSnapshot, updateType string) bool {
	for _, c := range t.Conditions.All {
		if !condition(c, snap, updateType) {
			return false
		}
	}
	if len(t.Conditions.Any) == 0 {
		return true
	}
	for _, c := range t.Conditions.Any {
		if condition(c, snap, updateType) {
			return true
		}
	}
	return false
}

func condition(c Condition, snap ticketSnapshot, updateType string) bool {
	val := fmt.Sprint(c.Value)
	if c.Value == nil {
		val = ""
	}
	switch {
	case c.Field == "update_type":
		return compareIs(c.Operator, strings.EqualFold(val, updateType))
	case c.Field == "status":
		return compareIs(c.Operator, strings.EqualFold(val, snap.Status))
	case c.Field == "priority":
		have, want := priorityRank[snap.Priority], priorityRank[strings.ToLower(val)]
		switch c.Operator {
		case "less_than":
			return have < want
		case "greater_than":
			return have > want
		}
		return compareIs(c.Operator, have == want)
	case c.Field == "current_tags":
		hit := false
		for _, tag := range strings.Fields(val) {
			if slices.Contains(snap.Tags, strings.ToLower(tag)) {
				hit = true
			}
		}
		switch c.Operator {
		case "includes":
			return hit
		case "not_includes":
			return !hit
		}
		return false
	case strings.HasPrefix(c.Field, "ticket_fields_") || strings.HasPrefix(c.Field, "custom_fields_"):
		id, err := strconv.ParseInt(c.Field[strings.LastIndex(c.Field, "_")+1:], 10, 64)
		if err != nil {
			return false
		}
		v, set := snap.Custom[id]
		set = set && v != nil && v != ""
		switch c.Operator {
		case "present":
			return set
		case "not_present":
			return !set
		}
		return compareIs(c.Operator, set && fmt.Sprint(v) == val)
	}
	return false
}

func compareIs(op string, equal bool) bool {
	switch op {
	case "is":
		return equal
	case "is_not":
		return !equal
	}
	return false
}

var placeholderRe = regexp.MustCompile(`\{\{\s*([A-Za-z0-9_.]+)\s*\}\}`)

// placeholderValue renders one placeholder as plain text; unknown ones are
// empty, as in Zendesk.
func (s *Sandbox) placeholderValue(name string, snap ticketSnapshot) string {
	switch name {
	case "ticket.id":
		return strconv.FormatInt(snap.ID, 10)
	case "ticket.title":
		return snap.Subject
	case "ticket.description":
		return snap.Description
	case "ticket.requester.name":
		return snap.RequesterName
	case "ticket.requester.email":
		return snap.RequesterEmail
	case "ticket.priority":
		return titleCase(snap.Priority)
	case "ticket.status":
		return titleCase(snap.Status)
	case "ticket.tags":
		return strings.Join(snap.Tags, " ")
	case "ticket.url":
		return strings.TrimPrefix(strings.TrimPrefix(s.opts.PublicURL, "https://"), "http://") + "/agent/tickets/" + strconv.FormatInt(snap.ID, 10)
	case "ticket.link":
		return s.opts.PublicURL + "/agent/tickets/" + strconv.FormatInt(snap.ID, 10)
	case "ticket.created_at_with_timestamp":
		return snap.CreatedAt.UTC().Format("2006-01-02T15:04Z")
	case "ticket.updated_at_with_timestamp":
		return snap.UpdatedAt.UTC().Format("2006-01-02T15:04Z")
	case "ticket.via":
		return "Web Service"
	case "ticket.account":
		return "Sandbox"
	}
	if idStr, ok := strings.CutPrefix(name, "ticket.ticket_field_"); ok {
		id, err := strconv.ParseInt(idStr, 10, 64)
		if err != nil {
			return ""
		}
		switch v := snap.Custom[id].(type) {
		case nil:
			return ""
		case []string:
			return strings.Join(v, " ")
		default:
			return fmt.Sprint(v)
		}
	}
	return ""
}

func titleCase(s string) string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Render expands placeholders in a trigger body. With jsonEscape, values are
// escaped as the inside of a JSON string (no quotes added).
func (s *Sandbox) render(body string, snap ticketSnapshot, jsonEscape bool) string {
	return placeholderRe.ReplaceAllStringFunc(body, func(m string) string {
		name := placeholderRe.FindStringSubmatch(m)[1]
		v := s.placeholderValue(name, snap)
		if jsonEscape {
			q := mustJSON(v)
			return q[1 : len(q)-1]
		}
		return v
	})
}
