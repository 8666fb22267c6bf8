package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// TicketInput is what CreateTicket (and the admin API) take.
type TicketInput struct {
	Subject        string `json:"subject"`
	Description    string `json:"description"`
	Priority       string `json:"priority,omitempty"` // urgent, high, normal, low or ""
	RequesterName  string `json:"requester_name,omitempty"`
	RequesterEmail string `json:"requester_email,omitempty"`
	// RequesterTimeZone, an IANA name ("Europe/Helsinki"), sets the
	// requester's profile zone; "" leaves it as it is.
	RequesterTimeZone string    `json:"requester_time_zone,omitempty"`
	Tags              []string  `json:"tags,omitempty"`
	CreatedAt         time.Time `json:"created_at,omitzero"` // zero: now
}

// Ticket is a ticket as tests see it.
type Ticket struct {
	ID             int64     `json:"id"`
	Subject        string    `json:"subject"`
	Description    string    `json:"description"`
	Status         string    `json:"status"`
	Priority       string    `json:"priority"`
	RequesterID    int64     `json:"requester_id"`
	RequesterName  string    `json:"requester_name"`
	RequesterEmail string    `json:"requester_email"`
	Tags           []string  `json:"tags"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Comment is one ticket comment; Public false is an internal note.
type Comment struct {
	ID        int64     `json:"id"`
	AuthorID  int64     `json:"author_id"`
	Body      string    `json:"body"`
	HTMLBody  string    `json:"html_body"`
	Public    bool      `json:"public"`
	CreatedAt time.Time `json:"created_at"`
}

// User is a Zendesk user (requesters and the admin).
type User struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Email     string    `json:"email"`
	Role      string    `json:"role"`
	CreatedAt time.Time `json:"created_at"`
	// TimeZone is the profile's zone as an IANA name; "" when never set,
	// and the user is then shown in UTC without an iana_time_zone.
	TimeZone string `json:"time_zone,omitempty"`
}

// TicketField is a custom ticket field definition.
type TicketField struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Type     string `json:"type"` // text, textarea, integer, decimal, checkbox, date, tagger, multiselect
	Editable bool   `json:"editable"`
	// Required means required when solving: an update leaving a solved
	// ticket without a value for it is answered 422.
	Required bool `json:"required"`
	// Options are a drop-down (tagger) or multi-select field's option tags.
	// A value that is not one of them is ignored without an error: the
	// ticket keeps its old value and the update answers 200, as Zendesk does.
	Options []string `json:"options,omitempty"`
}

// CommentInput is a comment added by AddComment, as if the requester had
// replied by e-mail (or an agent in the agent UI).
type CommentInput struct {
	Body     string `json:"body"`
	HTMLBody string `json:"html_body,omitempty"` // default: Body as HTML paragraphs
	Public   *bool  `json:"public,omitempty"`    // default true
	AuthorID int64  `json:"author_id,omitempty"` // default: the ticket's requester
}

type ticket struct {
	Ticket
	comments []Comment
	custom   map[int64]any
}

var fieldTypes = []string{"text", "textarea", "integer", "decimal", "checkbox", "date", "tagger", "multiselect", "regexp"}

// AddTicketField creates an editable custom ticket field and returns its id.
func (s *Sandbox) AddTicketField(title, typ string) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.nextFieldID
	s.nextFieldID++
	s.fields[id] = &TicketField{ID: id, Title: title, Type: typ, Editable: true}
	return id
}

// AddTicketFieldWithID creates a field with a chosen id (the binary's fixed
// ids, so a config can name them).
func (s *Sandbox) AddTicketFieldWithID(id int64, title, typ string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.fields[id]; ok {
		return fmt.Errorf("add ticket field %d: id already in use", id)
	}
	if !slices.Contains(fieldTypes, typ) {
		return fmt.Errorf("add ticket field %d: unknown type %q", id, typ)
	}
	s.fields[id] = &TicketField{ID: id, Title: title, Type: typ, Editable: true}
	if id >= s.nextFieldID {
		s.nextFieldID = id + 1
	}
	return nil
}

// AddDropdownField creates an editable drop-down (tagger) field whose
// options have the given tag values, and returns its id.
func (s *Sandbox) AddDropdownField(title string, tags ...string) int64 {
	id := s.AddTicketField(title, "tagger")
	s.SetFieldOptions(id, tags...)
	return id
}

// SetFieldOptions replaces a drop-down or multi-select field's option tags.
func (s *Sandbox) SetFieldOptions(id int64, tags ...string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.fields[id]
	if ok {
		f.Options = slices.Clone(tags)
	}
	return ok
}

// SetFieldRequired marks a field required when solving a ticket or not.
func (s *Sandbox) SetFieldRequired(id int64, required bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.fields[id]
	if ok {
		f.Required = required
	}
	return ok
}

// SetTicketStatus changes a ticket's status as an agent would in the agent
// UI: no validation, no triggers. A closed ticket refuses every API update.
func (s *Sandbox) SetTicketStatus(id int64, status string) error {
	if !slices.Contains(statuses, status) {
		return fmt.Errorf("set ticket %d status: %q is not one of %s", id, status, strings.Join(statuses, ", "))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tickets[id]
	if !ok {
		return fmt.Errorf("set ticket %d status: no such ticket", id)
	}
	t.Status = status
	return nil
}

// AddComment adds a comment to a ticket as if it had arrived by e-mail,
// without firing triggers, and returns its id. Tests use it to give tickets
// long comment histories.
func (s *Sandbox) AddComment(id int64, in CommentInput) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tickets[id]
	if !ok {
		return 0, fmt.Errorf("add comment to ticket %d: no such ticket", id)
	}
	if in.Body == "" && in.HTMLBody == "" {
		return 0, fmt.Errorf("add comment to ticket %d: body or html_body is required", id)
	}
	if len(t.comments) >= maxComments {
		return 0, fmt.Errorf("add comment to ticket %d: ticket has %d comments, the most Zendesk allows", id, maxComments)
	}
	c := Comment{ID: s.nextComment, AuthorID: in.AuthorID, Body: in.Body, HTMLBody: in.HTMLBody, Public: true,
		CreatedAt: s.now().UTC().Truncate(time.Second)}
	if c.AuthorID == 0 {
		c.AuthorID = t.RequesterID
	} else if _, ok := s.users[c.AuthorID]; !ok {
		return 0, fmt.Errorf("add comment to ticket %d: author %d does not exist", id, c.AuthorID)
	}
	if in.Public != nil {
		c.Public = *in.Public
	}
	if c.HTMLBody == "" {
		c.HTMLBody = textToHTML(c.Body)
	}
	if c.Body == "" {
		c.Body = htmlToText(c.HTMLBody)
	}
	s.nextComment++
	t.comments = append(t.comments, c)
	return c.ID, nil
}

func (s *Sandbox) hasField(id int64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.fields[id]
	return ok
}

// SetFieldEditable marks a field editable by agents or not; an update
// setting a non-editable field is answered 422.
func (s *Sandbox) SetFieldEditable(id int64, editable bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.fields[id]
	if ok {
		f.Editable = editable
	}
	return ok
}

// TicketFields lists the custom field definitions by id.
func (s *Sandbox) TicketFields() []TicketField {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]TicketField, 0, len(s.fields))
	for _, id := range sortedKeys(s.fields) {
		out = append(out, *s.fields[id])
	}
	return out
}

// userLocked finds or creates the user with email; the caller holds s.mu.
func (s *Sandbox) userLocked(name, email string) *User {
	if email == "" && name == "" {
		return s.users[AdminUserID]
	}
	for _, u := range s.users {
		if email != "" && strings.EqualFold(u.Email, email) {
			return u
		}
	}
	if name == "" {
		name, _, _ = strings.Cut(email, "@")
	}
	u := &User{ID: s.nextUserID, Name: name, Email: email, Role: "end-user", CreatedAt: s.now().UTC()}
	s.nextUserID++
	s.users[u.ID] = u
	return u
}

var (
	priorities = []string{"", "urgent", "high", "normal", "low"}
	statuses   = []string{"new", "open", "pending", "hold", "solved", "closed"}
)

// maxComments is how many comments a Zendesk ticket may have.
const maxComments = 5000

// CreateTicket creates a ticket as if a customer had submitted it and fires
// the triggers matching a creation.
func (s *Sandbox) CreateTicket(in TicketInput) (int64, error) {
	s.mu.Lock()
	t, err := s.createTicketLocked(in, 0)
	if err != nil {
		s.mu.Unlock()
		return 0, err
	}
	snap := s.snapshotLocked(t)
	s.mu.Unlock()
	s.fireTriggers(snap, "Create")
	return snap.ID, nil
}

func (s *Sandbox) createTicketLocked(in TicketInput, requesterID int64) (*ticket, error) {
	if strings.TrimSpace(in.Subject) == "" && strings.TrimSpace(in.Description) == "" {
		return nil, errors.New("create ticket: subject or description is required")
	}
	in.Priority = strings.ToLower(in.Priority)
	if !slices.Contains(priorities, in.Priority) {
		return nil, fmt.Errorf("create ticket: priority %q is not one of urgent, high, normal, low", in.Priority)
	}
	var u *User
	if requesterID != 0 {
		u = s.users[requesterID]
		if u == nil {
			return nil, fmt.Errorf("create ticket: requester %d not found", requesterID)
		}
	} else {
		u = s.userLocked(in.RequesterName, in.RequesterEmail)
	}
	if tz := strings.TrimSpace(in.RequesterTimeZone); tz != "" && u.ID != AdminUserID {
		u.TimeZone = tz
	}
	created := in.CreatedAt
	if created.IsZero() {
		created = s.now()
	}
	created = created.UTC().Truncate(time.Second)
	t := &ticket{
		Ticket: Ticket{
			ID:          s.nextTicketID,
			Subject:     in.Subject,
			Description: in.Description,
			Status:      "new",
			Priority:    in.Priority,
			RequesterID: u.ID,
			Tags:        normalizeTags(in.Tags),
			CreatedAt:   created,
			UpdatedAt:   created,
		},
		custom: map[int64]any{},
	}
	s.nextTicketID++
	// The description is the ticket's first, public comment, by the requester.
	t.comments = append(t.comments, Comment{
		ID: s.nextComment, AuthorID: u.ID, Body: in.Description,
		HTMLBody: textToHTML(in.Description), Public: true, CreatedAt: created,
	})
	s.nextComment++
	s.tickets[t.ID] = t
	s.log.Info("ticket created", "ticket_id", t.ID)
	return t, nil
}

func normalizeTags(tags []string) []string {
	out := []string{}
	for _, tag := range tags {
		tag = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), " ", "_"))
		if tag != "" && !slices.Contains(out, tag) {
			out = append(out, tag)
		}
	}
	return out
}

// snapshotLocked copies a ticket with requester details for rendering
// outside the lock.
func (s *Sandbox) snapshotLocked(t *ticket) ticketSnapshot {
	snap := ticketSnapshot{Ticket: t.Ticket, Custom: map[int64]any{}}
	snap.Tags = slices.Clone(t.Tags)
	if u := s.users[t.RequesterID]; u != nil {
		snap.RequesterName, snap.RequesterEmail = u.Name, u.Email
	}
	for k, v := range t.custom {
		snap.Custom[k] = v
	}
	return snap
}

type ticketSnapshot struct {
	Ticket
	Custom map[int64]any
}

// Ticket returns a ticket by id.
func (s *Sandbox) Ticket(id int64) (Ticket, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tickets[id]
	if !ok {
		return Ticket{}, false
	}
	return s.snapshotLocked(t).Ticket, true
}

// Tickets returns every ticket, oldest first.
func (s *Sandbox) Tickets() []Ticket {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []Ticket{}
	for _, id := range sortedKeys(s.tickets) {
		out = append(out, s.snapshotLocked(s.tickets[id]).Ticket)
	}
	return out
}

// Comments returns a ticket's comments, oldest first (nil if no ticket).
func (s *Sandbox) Comments(id int64) []Comment {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.tickets[id]
	if !ok {
		return nil
	}
	return slices.Clone(t.comments)
}

// CustomFields returns the custom field values set on a ticket.
func (s *Sandbox) CustomFields(id int64) map[int64]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[int64]any{}
	if t, ok := s.tickets[id]; ok {
		for k, v := range t.custom {
			out[k] = v
		}
	}
	return out
}

// ticketJSON renders a ticket as the API does.
func (s *Sandbox) ticketJSON(base string, t *ticket) map[string]any {
	custom := []map[string]any{}
	for _, id := range sortedKeys(s.fields) {
		custom = append(custom, map[string]any{"id": id, "value": t.custom[id]})
	}
	var priority any
	if t.Priority != "" {
		priority = t.Priority
	}
	return map[string]any{
		"id":               t.ID,
		"url":              base + "/api/v2/tickets/" + strconv.FormatInt(t.ID, 10) + ".json",
		"external_id":      nil,
		"type":             nil,
		"subject":          t.Subject,
		"raw_subject":      t.Subject,
		"description":      t.Description,
		"priority":         priority,
		"status":           t.Status,
		"requester_id":     t.RequesterID,
		"submitter_id":     t.RequesterID,
		"assignee_id":      nil,
		"organization_id":  nil,
		"group_id":         nil,
		"ticket_form_id":   nil,
		"brand_id":         nil,
		"tags":             t.Tags,
		"custom_fields":    custom,
		"fields":           custom,
		"via":              map[string]any{"channel": "api"},
		"is_public":        true,
		"created_at":       t.CreatedAt.UTC().Format(time.RFC3339),
		"updated_at":       t.UpdatedAt.UTC().Format(time.RFC3339),
		"custom_status_id": nil,
	}
}

// userJSON is a user as the API shows it. Zendesk gives a profile's zone
// twice: time_zone, a display name ("Osaka"), and iana_time_zone
// ("Asia/Tokyo"); the sandbox derives the display name from the IANA one.
func userJSON(base string, u *User) map[string]any {
	m := map[string]any{
		"id": u.ID, "url": base + "/api/v2/users/" + strconv.FormatInt(u.ID, 10) + ".json",
		"name": u.Name, "email": u.Email, "role": u.Role, "active": true, "verified": true,
		"time_zone": "UTC", "created_at": u.CreatedAt.UTC().Format(time.RFC3339),
	}
	if u.TimeZone != "" {
		m["iana_time_zone"] = u.TimeZone
		m["time_zone"] = strings.ReplaceAll(u.TimeZone[strings.LastIndex(u.TimeZone, "/")+1:], "_", " ")
	}
	return m
}

func commentJSON(c Comment) map[string]any {
	return map[string]any{
		"id": c.ID, "type": "Comment", "author_id": c.AuthorID, "body": c.Body,
		"html_body": c.HTMLBody, "plain_body": c.Body, "public": c.Public,
		"attachments": []any{}, "via": map[string]any{"channel": "api"}, "metadata": map[string]any{},
		"created_at": c.CreatedAt.UTC().Format(time.RFC3339),
	}
}

func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Sandbox) routeTickets(c *apiCall) {
	base := baseURL(c.r)
	switch {
	case len(c.segs) == 1:
		switch c.r.Method {
		case http.MethodPost:
			s.apiCreateTicket(c)
		case http.MethodGet:
			s.mu.Lock()
			list := []any{}
			for _, id := range sortedKeys(s.tickets) {
				list = append(list, s.ticketJSON(base, s.tickets[id]))
			}
			s.mu.Unlock()
			writeJSON(c.w, http.StatusOK, map[string]any{"tickets": list, "count": len(list), "next_page": nil, "previous_page": nil})
		default:
			methodNotAllowed(c)
		}
		return
	}
	id, err := strconv.ParseInt(c.segs[1], 10, 64)
	if err != nil {
		notFound(c.w)
		return
	}
	switch {
	case len(c.segs) == 2 && c.r.Method == http.MethodGet:
		s.mu.Lock()
		t, synthetic, ok := s.ticketLocked(id)
		if !ok {
			s.mu.Unlock()
			notFound(c.w)
			return
		}
		if synthetic {
			s.synth.reads.Add(1)
		}
		resp := map[string]any{"ticket": s.ticketJSON(base, t)}
		if slices.Contains(strings.Split(c.r.URL.Query().Get("include"), ","), "users") {
			users := []any{}
			if u := s.users[t.RequesterID]; u != nil {
				users = append(users, userJSON(base, u))
			} else if u := s.synthUserLocked(t.RequesterID); u != nil {
				users = append(users, userJSON(base, u))
			}
			resp["users"] = users
		}
		s.mu.Unlock()
		writeJSON(c.w, http.StatusOK, resp)
	case len(c.segs) == 2 && c.r.Method == http.MethodPut:
		s.apiUpdateTicket(c, id)
	case len(c.segs) == 3 && c.segs[2] == "comments" && c.r.Method == http.MethodGet:
		s.mu.Lock()
		t, _, ok := s.ticketLocked(id)
		if !ok {
			s.mu.Unlock()
			notFound(c.w)
			return
		}
		comments := slices.Clone(t.comments)
		s.mu.Unlock()
		listComments(c, comments)
	default:
		notFound(c.w)
	}
}

// apiCreateTicket serves POST /api/v2/tickets.json.
func (s *Sandbox) apiCreateTicket(c *apiCall) {
	var body struct {
		Ticket *struct {
			Subject     string `json:"subject"`
			Description string `json:"description"`
			Comment     *struct {
				Body     string `json:"body"`
				HTMLBody string `json:"html_body"`
			} `json:"comment"`
			Priority  string `json:"priority"`
			Tags      []string
			Requester *struct {
				Name  string `json:"name"`
				Email string `json:"email"`
			} `json:"requester"`
			RequesterID  int64             `json:"requester_id"`
			CustomFields []json.RawMessage `json:"custom_fields"`
		} `json:"ticket"`
	}
	if !decodeBody(c, &body) {
		return
	}
	if body.Ticket == nil {
		classicError(c.w, http.StatusBadRequest, "InvalidJSON", "The request body must contain a ticket object", nil)
		return
	}
	bt := body.Ticket
	in := TicketInput{Subject: bt.Subject, Description: bt.Description, Priority: bt.Priority, Tags: bt.Tags}
	if bt.Comment != nil {
		in.Description = bt.Comment.Body
		if in.Description == "" {
			in.Description = htmlToText(bt.Comment.HTMLBody)
		}
	}
	if bt.Requester != nil {
		in.RequesterName, in.RequesterEmail = bt.Requester.Name, bt.Requester.Email
	}
	s.mu.Lock()
	updates, details := s.parseCustomFieldsLocked(bt.CustomFields)
	if details != nil {
		s.mu.Unlock()
		classicError(c.w, http.StatusUnprocessableEntity, "RecordInvalid", "Record validation errors", details)
		return
	}
	t, err := s.createTicketLocked(in, bt.RequesterID)
	if err != nil {
		s.mu.Unlock()
		classicError(c.w, http.StatusUnprocessableEntity, "RecordInvalid", "Record validation errors",
			map[string]any{"base": []any{map[string]any{"description": err.Error()}}})
		return
	}
	for id, v := range updates {
		t.custom[id] = v
	}
	resp := map[string]any{"ticket": s.ticketJSON(baseURL(c.r), t)}
	snap := s.snapshotLocked(t)
	s.mu.Unlock()
	c.w.Header().Set("Location", baseURL(c.r)+"/api/v2/tickets/"+strconv.FormatInt(t.ID, 10)+".json")
	writeJSON(c.w, http.StatusCreated, resp)
	s.fireTriggers(snap, "Create")
}

// parseCustomFieldsLocked validates [{id,value}] entries; details is non-nil
// (a RecordInvalid details object) when any is invalid.
func (s *Sandbox) parseCustomFieldsLocked(raw []json.RawMessage) (map[int64]any, map[string]any) {
	updates := map[int64]any{}
	var errs []any
	bad := func(id int64, msg string) {
		errs = append(errs, map[string]any{"description": msg, "error": "InvalidValue", "ticket_field_id": id})
	}
	for _, r := range raw {
		var cf struct {
			ID    json.Number `json:"id"`
			Value any         `json:"value"`
		}
		dec := json.NewDecoder(strings.NewReader(string(r)))
		dec.UseNumber()
		if err := dec.Decode(&cf); err != nil {
			errs = append(errs, map[string]any{"description": "custom_fields entries must be {id, value} objects", "error": "InvalidValue"})
			continue
		}
		id, err := cf.ID.Int64()
		if err != nil {
			errs = append(errs, map[string]any{"description": "custom field id must be an integer", "error": "InvalidValue"})
			continue
		}
		f, ok := s.fields[id]
		if !ok {
			bad(id, fmt.Sprintf("Ticket field %d does not exist", id))
			continue
		}
		if !f.Editable {
			bad(id, fmt.Sprintf("%s: field %d is not editable by agents", f.Title, id))
			continue
		}
		v, msg := coerceFieldValue(f, cf.Value)
		if msg != "" {
			bad(id, fmt.Sprintf("%s: %s", f.Title, msg))
			continue
		}
		if v, ok := keepOptionTags(f, v); ok {
			updates[id] = v
		}
	}
	if errs != nil {
		return nil, map[string]any{"base": errs}
	}
	return updates, nil
}

// requiredOnSolveLocked checks, as Zendesk does on every update of a ticket
// that is (or is being) solved, that each field required when solving has a
// value after the update. Each missing one is a details.base entry naming
// the field by ticket_field_id and ticket_field_type, described by its
// title: "Type: is required when solving a ticket".
func (s *Sandbox) requiredOnSolveLocked(t *ticket, newStatus string, updates map[int64]any) map[string]any {
	status := t.Status
	if newStatus != "" {
		status = newStatus
	}
	if status != "solved" {
		return nil
	}
	var errs []any
	for _, id := range sortedKeys(s.fields) {
		f := s.fields[id]
		if !f.Required {
			continue
		}
		v, ok := updates[id]
		if !ok {
			v = t.custom[id]
		}
		if v == nil || v == "" {
			errs = append(errs, map[string]any{"ticket_field_type": fieldTypeClass(f.Type), "ticket_field_id": id,
				"description": f.Title + ": is required when solving a ticket", "error": nil})
		}
	}
	if errs == nil {
		return nil
	}
	return map[string]any{"base": errs}
}

// fieldTypeClass is the class name Zendesk reports as ticket_field_type.
func fieldTypeClass(typ string) string {
	switch typ {
	case "tagger":
		return "FieldTagger"
	case "multiselect":
		return "FieldMultiselect"
	case "checkbox":
		return "FieldCheckbox"
	case "integer":
		return "FieldInteger"
	case "decimal":
		return "FieldDecimal"
	case "date":
		return "FieldDate"
	case "textarea":
		return "FieldTextarea"
	case "regexp":
		return "FieldRegexp"
	}
	return "FieldText"
}

var dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// coerceFieldValue checks a value against the field type, returning what is
// stored or a validation message.
func coerceFieldValue(f *TicketField, v any) (any, string) {
	if v == nil {
		return nil, ""
	}
	switch f.Type {
	case "text", "textarea", "regexp", "tagger":
		switch x := v.(type) {
		case string:
			return x, ""
		case json.Number:
			return x.String(), ""
		}
		return nil, "value must be a string"
	case "integer":
		n, ok := asNumber(v)
		if !ok {
			return nil, "value must be an integer"
		}
		i, err := n.Int64()
		if err != nil {
			return nil, "value must be an integer"
		}
		return i, ""
	case "decimal":
		n, ok := asNumber(v)
		if !ok {
			return nil, "value must be a number"
		}
		fl, err := n.Float64()
		if err != nil {
			return nil, "value must be a number"
		}
		return fl, ""
	case "checkbox":
		b, ok := v.(bool)
		if !ok {
			return nil, "value must be true or false"
		}
		return b, ""
	case "date":
		s, ok := v.(string)
		if !ok || !dateRe.MatchString(s) {
			return nil, "value must be a date YYYY-MM-DD"
		}
		return s, ""
	case "multiselect":
		arr, ok := v.([]any)
		if !ok {
			return nil, "value must be an array of option tags"
		}
		out := []string{}
		for _, e := range arr {
			s, ok := e.(string)
			if !ok {
				return nil, "value must be an array of option tags"
			}
			out = append(out, s)
		}
		return out, ""
	}
	return v, ""
}

// keepOptionTags applies a drop-down's silent rule: a tagger value that is
// not one of the field's option tags is ignored (ok false: the ticket keeps
// its old value), and a multi-select keeps only its known tags, or its old
// value when none is known. Clearing (nil) always takes.
func keepOptionTags(f *TicketField, v any) (any, bool) {
	if v == nil {
		return nil, true
	}
	switch f.Type {
	case "tagger":
		if s, _ := v.(string); s == "" {
			return nil, true
		} else if !slices.Contains(f.Options, s) {
			return nil, false
		}
	case "multiselect":
		in, _ := v.([]string)
		known := []string{}
		for _, tag := range in {
			if slices.Contains(f.Options, tag) && !slices.Contains(known, tag) {
				known = append(known, tag)
			}
		}
		if len(known) == 0 && len(in) > 0 {
			return nil, false
		}
		return known, true
	}
	return v, true
}

// apiUpdateTicket serves PUT /api/v2/tickets/{id}.json: comment and
// custom_fields (plus status, priority, tags, subject).
func (s *Sandbox) apiUpdateTicket(c *apiCall, id int64) {
	if !s.countUpdate(c.w) {
		return
	}
	var body struct {
		Ticket *struct {
			Comment *struct {
				Body     *string `json:"body"`
				HTMLBody *string `json:"html_body"`
				Public   *bool   `json:"public"`
				AuthorID int64   `json:"author_id"`
			} `json:"comment"`
			CustomFields []json.RawMessage `json:"custom_fields"`
			Status       string            `json:"status"`
			Priority     *string           `json:"priority"`
			Tags         []string          `json:"tags"`
			Subject      string            `json:"subject"`
			SafeUpdate   bool              `json:"safe_update"`
			UpdatedStamp string            `json:"updated_stamp"`
		} `json:"ticket"`
	}
	if !decodeBody(c, &body) {
		return
	}
	if body.Ticket == nil {
		classicError(c.w, http.StatusBadRequest, "InvalidJSON", "The request body must contain a ticket object", nil)
		return
	}
	bt := body.Ticket
	s.mu.Lock()
	t, synthetic, ok := s.ticketLocked(id)
	if !ok {
		s.mu.Unlock()
		notFound(c.w)
		return
	}
	invalid := func(details map[string]any) {
		s.mu.Unlock()
		classicError(c.w, http.StatusUnprocessableEntity, "RecordInvalid", "Record validation errors", details)
	}
	if bt.SafeUpdate {
		stamp, err := time.Parse(time.RFC3339, bt.UpdatedStamp)
		if err != nil || !stamp.Equal(t.UpdatedAt) {
			s.mu.Unlock()
			classicError(c.w, http.StatusConflict, "UpdateConflict", "Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.", nil)
			return
		}
	}
	if t.Status == "closed" {
		invalid(map[string]any{"status": []any{map[string]any{"description": "Status: closed prevents ticket update"}}})
		return
	}
	updates, details := s.parseCustomFieldsLocked(bt.CustomFields)
	if details != nil {
		invalid(details)
		return
	}
	if bt.Status != "" && !slices.Contains(statuses, bt.Status) {
		invalid(map[string]any{"status": []any{map[string]any{"description": "Status: is invalid", "error": "InvalidValue"}}})
		return
	}
	if bt.Priority != nil && !slices.Contains(priorities, *bt.Priority) {
		invalid(map[string]any{"priority": []any{map[string]any{"description": "Priority: is invalid", "error": "InvalidValue"}}})
		return
	}
	var newComment *Comment
	if cm := bt.Comment; cm != nil {
		author := AdminUserID
		if cm.AuthorID != 0 {
			if _, ok := s.users[cm.AuthorID]; !ok && s.synthUserLocked(cm.AuthorID) == nil {
				invalid(map[string]any{"base": []any{map[string]any{"description": fmt.Sprintf("Author %d does not exist", cm.AuthorID)}}})
				return
			}
			author = cm.AuthorID
		}
		nc := Comment{AuthorID: author, Public: true, CreatedAt: s.now().UTC().Truncate(time.Second)}
		if cm.Public != nil {
			nc.Public = *cm.Public
		}
		switch {
		case cm.HTMLBody != nil && *cm.HTMLBody != "":
			nc.HTMLBody = *cm.HTMLBody
			nc.Body = htmlToText(nc.HTMLBody)
			if cm.Body != nil && *cm.Body != "" {
				nc.Body = *cm.Body
			}
		case cm.Body != nil && *cm.Body != "":
			nc.Body = *cm.Body
			nc.HTMLBody = textToHTML(nc.Body)
		default:
			invalid(map[string]any{"base": []any{map[string]any{"description": "Comment: body or html_body cannot be blank"}}})
			return
		}
		if len(t.comments) >= maxComments {
			invalid(map[string]any{"base": []any{map[string]any{"description": "Comment: ticket has reached the 5000 comments limit"}}})
			return
		}
		newComment = &nc
	}
	if details := s.requiredOnSolveLocked(t, bt.Status, updates); details != nil {
		invalid(details)
		return
	}
	// Everything validated: apply atomically (to a synthesized ticket's
	// throwaway copy, its comment counted instead of kept).
	if synthetic {
		s.countSynthUpdateLocked(id, newComment, updates)
	}
	if newComment != nil {
		newComment.ID = s.nextComment
		s.nextComment++
		if !synthetic {
			t.comments = append(t.comments, *newComment)
		}
		if t.Status == "new" {
			t.Status = "open"
		}
	}
	for fid, v := range updates {
		t.custom[fid] = v
	}
	if bt.Status != "" {
		t.Status = bt.Status
	}
	if bt.Priority != nil {
		t.Priority = *bt.Priority
	}
	if bt.Tags != nil {
		t.Tags = normalizeTags(bt.Tags)
	}
	if bt.Subject != "" {
		t.Subject = bt.Subject
	}
	now := s.now().UTC().Truncate(time.Second)
	if !now.After(t.UpdatedAt) {
		now = t.UpdatedAt.Add(time.Second) // keep updated_stamp meaningful under a fake clock
	}
	t.UpdatedAt = now
	audit := map[string]any{"id": s.nextComment, "ticket_id": t.ID, "created_at": now.Format(time.RFC3339), "author_id": AdminUserID, "events": []any{}}
	if newComment != nil {
		audit["events"] = []any{map[string]any{"id": newComment.ID, "type": "Comment", "public": newComment.Public, "body": newComment.Body}}
	}
	resp := map[string]any{"ticket": s.ticketJSON(baseURL(c.r), t), "audit": audit}
	if synthetic {
		// Nothing was kept, so nothing changed that a trigger could see.
		s.mu.Unlock()
		writeJSON(c.w, http.StatusOK, resp)
		return
	}
	snap := s.snapshotLocked(t)
	s.mu.Unlock()
	s.log.Info("ticket updated", "ticket_id", id, "comment", newComment != nil, "fields", len(updates))
	writeJSON(c.w, http.StatusOK, resp)
	s.fireTriggers(snap, "Change")
}

func (s *Sandbox) routeUsers(c *apiCall) {
	if len(c.segs) != 2 || c.r.Method != http.MethodGet {
		notFound(c.w)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var u *User
	if c.segs[1] == "me" {
		u = s.users[AdminUserID]
	} else if id, err := strconv.ParseInt(c.segs[1], 10, 64); err == nil {
		u = s.users[id]
	}
	if u == nil {
		notFound(c.w)
		return
	}
	writeJSON(c.w, http.StatusOK, map[string]any{"user": userJSON(baseURL(c.r), u)})
}

func fieldJSON(base string, f *TicketField) map[string]any {
	m := map[string]any{
		"id": f.ID, "url": base + "/api/v2/ticket_fields/" + strconv.FormatInt(f.ID, 10) + ".json",
		"type": f.Type, "title": f.Title, "raw_title": f.Title, "description": "", "active": true,
		"required": f.Required, "removable": true, "agent_can_edit": f.Editable, "visible_in_portal": false,
		"editable_in_portal": false,
	}
	if f.Type == "tagger" || f.Type == "multiselect" {
		// Zendesk sends options only for these types; each option's id is
		// its own, derived here from the field id and position.
		opts := []any{}
		for i, tag := range f.Options {
			opts = append(opts, map[string]any{"id": f.ID*100 + int64(i), "name": tag, "raw_name": tag, "value": tag, "default": false})
		}
		m["custom_field_options"] = opts
	}
	return m
}

func (s *Sandbox) routeTicketFields(c *apiCall) {
	if c.r.Method != http.MethodGet {
		methodNotAllowed(c)
		return
	}
	base := baseURL(c.r)
	s.mu.Lock()
	defer s.mu.Unlock()
	switch len(c.segs) {
	case 1:
		list := []any{}
		for _, id := range sortedKeys(s.fields) {
			list = append(list, fieldJSON(base, s.fields[id]))
		}
		writeJSON(c.w, http.StatusOK, map[string]any{"ticket_fields": list, "count": len(list), "next_page": nil, "previous_page": nil})
	case 2:
		id, err := strconv.ParseInt(c.segs[1], 10, 64)
		f, ok := s.fields[id]
		if err != nil || !ok {
			notFound(c.w)
			return
		}
		writeJSON(c.w, http.StatusOK, map[string]any{"ticket_field": fieldJSON(base, f)})
	default:
		notFound(c.w)
	}
}

var tagRe = regexp.MustCompile(`(?s)<[^>]*>`)

// htmlToText is a rough plain-text rendering of a comment's HTML: block ends
// become newlines, tags go, entities are decoded.
func htmlToText(h string) string {
	r := strings.NewReplacer("<br>", "\n", "<br/>", "\n", "<br />", "\n", "</p>", "\n", "</li>", "\n", "</div>", "\n", "</h1>", "\n", "</h2>", "\n", "</h3>", "\n", "</tr>", "\n")
	return strings.TrimSpace(html.UnescapeString(tagRe.ReplaceAllString(r.Replace(h), "")))
}

func textToHTML(t string) string {
	paras := strings.Split(strings.ReplaceAll(t, "\r\n", "\n"), "\n\n")
	var b strings.Builder
	b.WriteString(`<div class="zd-comment" dir="auto">`)
	for _, p := range paras {
		b.WriteString("<p>")
		b.WriteString(strings.ReplaceAll(html.EscapeString(p), "\n", "<br>"))
		b.WriteString("</p>")
	}
	b.WriteString("</div>")
	return b.String()
}

// asNumber reads a numeric field value, which Zendesk accepts as a number or
// a numeric string.
func asNumber(v any) (json.Number, bool) {
	switch x := v.(type) {
	case json.Number:
		return x, true
	case string:
		return json.Number(x), true
	}
	return "", false
}
