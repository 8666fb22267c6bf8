package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

type project struct {
	ID, Key, Name, ServiceDeskID string
}

// Field is a Jira custom field.
type Field struct {
	ID   string `json:"id"` // customfield_10050
	Name string `json:"name"`
	// Type is text, textarea, url, number or select.
	Type string `json:"type"`
	// Options of a select field.
	Options []Option `json:"options,omitempty"`
	// OnScreen: the field is on the project's edit screen (editmeta lists it).
	OnScreen bool `json:"on_screen"`
}

// Option is one option of a select field.
type Option struct {
	ID    string `json:"id"`
	Value string `json:"value"`
}

var fieldSchemas = map[string]map[string]any{
	"text":     {"type": "string", "custom": "com.atlassian.jira.plugin.system.customfieldtypes:textfield"},
	"textarea": {"type": "string", "custom": "com.atlassian.jira.plugin.system.customfieldtypes:textarea"},
	"url":      {"type": "string", "custom": "com.atlassian.jira.plugin.system.customfieldtypes:url"},
	"number":   {"type": "number", "custom": "com.atlassian.jira.plugin.system.customfieldtypes:float"},
	"select":   {"type": "option", "custom": "com.atlassian.jira.plugin.system.customfieldtypes:select"},
}

// AddField creates a custom field on the edit screen and returns its id.
// Options apply to select fields.
func (s *Sandbox) AddField(name, typ string, options ...string) (string, error) {
	if _, ok := fieldSchemas[typ]; !ok {
		return "", fmt.Errorf("unknown field type %q", typ)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := &Field{ID: "customfield_" + itoa(s.nextField), Name: name, Type: typ, OnScreen: true}
	s.nextField++
	for i, o := range options {
		f.Options = append(f.Options, Option{ID: itoa(int64(10100 + 10*len(s.fields) + i)), Value: o})
	}
	s.fields[f.ID] = f
	return f.ID, nil
}

// SetFieldOnScreen puts a field on or off the edit screen.
func (s *Sandbox) SetFieldOnScreen(id string, on bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.fields[id]
	if ok {
		f.OnScreen = on
	}
	return ok
}

// Fields lists the custom fields.
func (s *Sandbox) Fields() []Field {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Field
	for _, k := range sortedKeys(s.fields) {
		out = append(out, *s.fields[k])
	}
	return out
}

type issue struct {
	ID          int64
	Key         string
	Project     string
	Summary     string
	Description string // plain text; served as ADF
	Priority    string
	Reporter    Person
	Created     time.Time
	Values      map[string]any // custom field id → stored value
	Comments    []*Comment
}

// Person is an Atlassian account.
type Person struct {
	AccountID   string `json:"accountId"`
	DisplayName string `json:"displayName"`
	Email       string `json:"emailAddress,omitempty"`
	AccountType string `json:"accountType"` // atlassian, app, customer
	// TimeZone is the profile's IANA zone ("Australia/Sydney"); "" stands
	// for one the user's privacy settings hide, and is then left out.
	TimeZone string `json:"timeZone,omitempty"`
}

// Comment is a comment on a request.
type Comment struct {
	ID      string    `json:"id"`
	Body    string    `json:"body"`
	Public  bool      `json:"public"`
	Author  Person    `json:"author"`
	Created time.Time `json:"created"`
}

func (s *Sandbox) adminPerson() Person {
	return Person{AccountID: AdminAccountID, DisplayName: "Sandbox Admin", Email: "admin@sandbox.atlassian.test", AccountType: "atlassian"}
}

// issueLocked finds an issue by id or key (case-insensitively).
func (s *Sandbox) issueLocked(idOrKey string) (*issue, bool) {
	if n, err := strconv.ParseInt(idOrKey, 10, 64); err == nil {
		is, ok := s.issues[n]
		return is, ok
	}
	for _, is := range s.issues {
		if strings.EqualFold(is.Key, idOrKey) {
			return is, true
		}
	}
	return nil, false
}

// route is one REST endpoint under /ex/jira/{cloudid}.
type route struct {
	method  string
	pattern string   // path with {x} placeholders
	scopes  []string // every one required
	handle  func(w http.ResponseWriter, r *http.Request, c *call)
}

// call is one request to the REST API.
type call struct {
	tok    *token
	vars   map[string]string
	body   []byte
	cloud  Site
	apiURL string // the request's base: scheme://host/ex/jira/{cloudid}
}

func (s *Sandbox) routes() []route {
	rw, ww := []string{"read:jira-work"}, []string{"write:jira-work"}
	wh := []string{"read:jira-work", "manage:jira-webhook"}
	return []route{
		{"GET", "/rest/api/3/issue/{key}", rw, s.getIssue},
		{"PUT", "/rest/api/3/issue/{key}", ww, s.editIssue},
		{"GET", "/rest/api/3/issue/{key}/editmeta", rw, s.editMeta},
		{"GET", "/rest/api/3/issue/{key}/comment", rw, s.listPlatformComments},
		{"GET", "/rest/api/3/field", rw, s.listFields},
		{"GET", "/rest/api/3/project/{key}", rw, s.getProject},
		{"GET", "/rest/api/3/search/jql", rw, s.search},
		{"POST", "/rest/api/3/webhook", wh, s.registerWebhooks},
		{"GET", "/rest/api/3/webhook", wh, s.listWebhooks},
		{"DELETE", "/rest/api/3/webhook", wh, s.deleteWebhooks},
		{"PUT", "/rest/api/3/webhook/refresh", wh, s.refreshWebhooks},
		{"GET", "/rest/servicedeskapi/request/{key}", []string{"read:servicedesk-request"}, s.getRequest},
		{"GET", "/rest/servicedeskapi/request/{key}/comment", []string{"read:servicedesk-request"}, s.listRequestComments},
		{"POST", "/rest/servicedeskapi/request/{key}/comment", []string{"write:servicedesk-request"}, s.addRequestComment},
	}
}

func matchPath(pattern, path string) (map[string]string, bool) {
	pp, ps := strings.Split(pattern, "/"), strings.Split(path, "/")
	if len(pp) != len(ps) {
		return nil, false
	}
	vars := map[string]string{}
	for i := range pp {
		if strings.HasPrefix(pp[i], "{") {
			if ps[i] == "" {
				return nil, false
			}
			vars[strings.Trim(pp[i], "{}")] = ps[i]
		} else if pp[i] != ps[i] {
			return nil, false
		}
	}
	return vars, true
}

// handleJira routes /ex/jira/{cloudid}/rest/...: the site, the token, the
// scopes, injected faults, then the endpoint.
func (s *Sandbox) handleJira(w http.ResponseWriter, r *http.Request) {
	cloudID := r.PathValue("cloudid")
	var site *Site
	for i := range s.opts.Sites {
		if s.opts.Sites[i].CloudID == cloudID {
			site = &s.opts.Sites[i]
		}
	}
	if site == nil {
		writeJSON(w, http.StatusNotFound, errorCollection("Site not found."))
		return
	}
	tok, ok := s.bearer(w, r)
	if !ok {
		return
	}
	path := strings.TrimPrefix(r.URL.Path, "/ex/jira/"+cloudID)
	if f, ok := s.takeFault(r.Method, path); ok {
		writeFault(w, f, s.now())
		return
	}
	for _, rt := range s.routes() {
		vars, ok := matchPath(rt.pattern, path)
		if !ok || rt.method != r.Method {
			continue
		}
		for _, sc := range rt.scopes {
			if !slices.Contains(tok.scopes, sc) {
				writeJSON(w, http.StatusUnauthorized, map[string]any{"code": 401, "message": "Unauthorized; scope does not match"})
				return
			}
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			writeJSON(w, http.StatusBadRequest, errorCollection("Cannot read the body."))
			return
		}
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		rt.handle(w, r, &call{tok: tok, vars: vars, body: body, cloud: *site, apiURL: scheme + "://" + r.Host + "/ex/jira/" + cloudID})
		return
	}
	writeJSON(w, http.StatusNotFound, errorCollection("No such endpoint: "+r.Method+" "+path))
}

func issueNotFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, errorCollection("Issue does not exist or you do not have permission to see it."))
}

// adf is a plain text as an Atlassian Document: one paragraph per line.
func adf(text string) map[string]any {
	var content []any
	for _, line := range strings.Split(text, "\n") {
		p := map[string]any{"type": "paragraph", "content": []any{}}
		if line != "" {
			p["content"] = []any{map[string]any{"type": "text", "text": line}}
		}
		content = append(content, p)
	}
	return map[string]any{"version": 1, "type": "doc", "content": content}
}

func priorityJSON(name string) map[string]any {
	ids := map[string]string{"Highest": "1", "High": "2", "Medium": "3", "Low": "4", "Lowest": "5"}
	return map[string]any{"id": ids[name], "name": name}
}

// issueFields renders an issue's fields as the API shows them.
func (s *Sandbox) issueFieldsLocked(is *issue) map[string]any {
	f := map[string]any{
		"summary":     is.Summary,
		"description": adf(is.Description),
		"priority":    priorityJSON(is.Priority),
		"reporter":    is.Reporter,
		"created":     jiraTime(is.Created),
		"project":     map[string]any{"key": is.Project, "id": s.projects[is.Project].ID},
		"issuetype":   map[string]any{"id": "10002", "name": "Service Request"},
		"status":      map[string]any{"name": "Open"},
		"labels":      []string{},
	}
	for id, fd := range s.fields {
		v, ok := is.Values[id]
		switch {
		case !ok:
			f[id] = nil
		case fd.Type == "select":
			f[id] = map[string]any{"self": "", "id": v, "value": optionValue(fd, v.(string))}
		case fd.Type == "textarea":
			f[id] = adf(v.(string))
		default:
			f[id] = v
		}
	}
	return f
}

func optionValue(f *Field, id string) string {
	for _, o := range f.Options {
		if o.ID == id {
			return o.Value
		}
	}
	return ""
}

func (s *Sandbox) getIssue(w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	is, ok := s.issueLocked(c.vars["key"])
	if !ok {
		issueNotFound(w)
		return
	}
	all := s.issueFieldsLocked(is)
	fields := all
	if want := r.URL.Query().Get("fields"); want != "" && want != "*all" {
		fields = map[string]any{}
		for _, name := range strings.Split(want, ",") {
			if v, ok := all[strings.TrimSpace(name)]; ok {
				fields[strings.TrimSpace(name)] = v
			}
		}
	}
	out := map[string]any{"id": itoa(is.ID), "key": is.Key, "self": c.apiURL + "/rest/api/3/issue/" + itoa(is.ID), "fields": fields}
	if strings.Contains(r.URL.Query().Get("expand"), "renderedFields") {
		out["renderedFields"] = map[string]any{"description": "<p>" + is.Description + "</p>"}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Sandbox) editMeta(w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.issueLocked(c.vars["key"]); !ok {
		issueNotFound(w)
		return
	}
	fields := map[string]any{
		"summary": map[string]any{"required": true, "name": "Summary", "schema": map[string]any{"type": "string", "system": "summary"}, "operations": []string{"set"}},
	}
	for id, f := range s.fields {
		if !f.OnScreen {
			continue
		}
		schema := map[string]any{"customId": strings.TrimPrefix(id, "customfield_")}
		for k, v := range fieldSchemas[f.Type] {
			schema[k] = v
		}
		m := map[string]any{"required": false, "name": f.Name, "key": id, "schema": schema, "operations": []string{"set"}}
		if f.Type == "select" {
			var av []any
			for _, o := range f.Options {
				av = append(av, map[string]any{"id": o.ID, "value": o.Value, "self": c.apiURL + "/rest/api/3/customFieldOption/" + o.ID})
			}
			m["allowedValues"] = orEmpty(av)
		}
		fields[id] = m
	}
	writeJSON(w, http.StatusOK, map[string]any{"fields": fields})
}

// editIssue serves PUT issue: every field must be on the edit screen and its
// value of the right shape, else 400 with an errors map keyed by field id.
func (s *Sandbox) editIssue(w http.ResponseWriter, r *http.Request, c *call) {
	var in struct {
		Fields map[string]json.RawMessage `json:"fields"`
	}
	if err := json.Unmarshal(c.body, &in); err != nil {
		writeJSON(w, http.StatusBadRequest, errorCollection("Unexpected character in the body."))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	is, ok := s.issueLocked(c.vars["key"])
	if !ok {
		issueNotFound(w)
		return
	}
	errs := map[string]string{}
	values := map[string]any{}
	for id, raw := range in.Fields {
		f, ok := s.fields[id]
		if !ok || !f.OnScreen {
			errs[id] = fmt.Sprintf("Field '%s' cannot be set. It is not on the appropriate screen, or unknown.", id)
			continue
		}
		v, msg := decodeFieldValue(f, raw)
		if msg != "" {
			errs[id] = msg
			continue
		}
		values[id] = v
	}
	if len(errs) > 0 {
		writeJSON(w, http.StatusBadRequest, fieldErrors(errs))
		return
	}
	for id, v := range values {
		if v == nil {
			delete(is.Values, id)
		} else {
			is.Values[id] = v
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// decodeFieldValue checks a value against the field's input format and
// returns what is stored (a select stores the option id).
func decodeFieldValue(f *Field, raw json.RawMessage) (any, string) {
	if string(raw) == "null" {
		return nil, ""
	}
	switch f.Type {
	case "text", "url":
		var sv string
		if json.Unmarshal(raw, &sv) != nil {
			return nil, "Operation value must be a string"
		}
		if f.Type == "url" && sv != "" && !strings.HasPrefix(sv, "http://") && !strings.HasPrefix(sv, "https://") {
			return nil, "Not a valid URL"
		}
		if len(sv) > 255 {
			return nil, "The entered text is too long. It exceeds the allowed limit of 255 characters."
		}
		return sv, ""
	case "textarea":
		var doc struct {
			Type    string `json:"type"`
			Version int    `json:"version"`
		}
		if json.Unmarshal(raw, &doc) != nil || doc.Type != "doc" {
			return nil, "Operation value must be an Atlassian Document (see the Atlassian Document Format)"
		}
		return adfText(raw), ""
	case "number":
		var n float64
		if json.Unmarshal(raw, &n) != nil {
			return nil, "Operation value must be a number"
		}
		return n, ""
	case "select":
		var o struct {
			ID    *string `json:"id"`
			Value *string `json:"value"`
		}
		if json.Unmarshal(raw, &o) != nil || (o.ID == nil && o.Value == nil) {
			return nil, "Specify a valid 'id' or 'name' for " + f.Name
		}
		for _, opt := range f.Options {
			if (o.ID != nil && *o.ID == opt.ID) || (o.Value != nil && *o.Value == opt.Value) {
				return opt.ID, ""
			}
		}
		if o.Value != nil {
			return nil, fmt.Sprintf("Option value '%s' is not valid", *o.Value)
		}
		return nil, fmt.Sprintf("Option id '%s' is not valid", *o.ID)
	}
	return nil, "Unsupported field"
}

// adfText flattens a document's text nodes, a paragraph per line.
func adfText(raw json.RawMessage) string {
	var node struct {
		Type    string            `json:"type"`
		Text    string            `json:"text"`
		Content []json.RawMessage `json:"content"`
	}
	if json.Unmarshal(raw, &node) != nil {
		return ""
	}
	var parts []string
	for _, c := range node.Content {
		parts = append(parts, adfText(c))
	}
	if node.Type == "doc" {
		return strings.Join(parts, "\n")
	}
	return node.Text + strings.Join(parts, "")
}

func (s *Sandbox) listFields(w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []any{
		map[string]any{"id": "summary", "name": "Summary", "custom": false, "schema": map[string]any{"type": "string", "system": "summary"}},
		map[string]any{"id": "description", "name": "Description", "custom": false, "schema": map[string]any{"type": "string", "system": "description"}},
	}
	for _, id := range sortedKeys(s.fields) {
		f := s.fields[id]
		schema := map[string]any{"customId": strings.TrimPrefix(id, "customfield_")}
		for k, v := range fieldSchemas[f.Type] {
			schema[k] = v
		}
		out = append(out, map[string]any{"id": id, "key": id, "name": f.Name, "custom": true, "schema": schema})
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Sandbox) getProject(w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	p, ok := s.projects[strings.ToUpper(c.vars["key"])]
	s.mu.Unlock()
	if !ok {
		writeJSON(w, http.StatusNotFound, errorCollection("No project could be found with key '"+c.vars["key"]+"'."))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": p.ID, "key": p.Key, "name": p.Name, "projectTypeKey": "service_desk"})
}

// search serves GET search/jql for the subset the sandbox's JQL knows
// (see jql.go), newest first, ignoring any ORDER BY.
func (s *Sandbox) search(w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	jq := q.Get("jql")
	if i := strings.Index(strings.ToUpper(jq), " ORDER BY "); i >= 0 {
		jq = jq[:i]
	}
	f, err := parseJQL(jq)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, errorCollection(err.Error()))
		return
	}
	max := 50
	if n, err := strconv.Atoi(q.Get("maxResults")); err == nil && n > 0 && n < max {
		max = n
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := sortedKeys(s.issues)
	var out []any
	for i := len(ids) - 1; i >= 0 && len(out) < max; i-- {
		is := s.issues[ids[i]]
		if f.matches(is) {
			out = append(out, map[string]any{"id": itoa(is.ID), "key": is.Key})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"issues": orEmpty(out), "isLast": true})
}

// listPlatformComments serves the platform comment list: JSM comments as
// one-paragraph ADF bodies with jsdPublic.
func (s *Sandbox) listPlatformComments(w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	start, _ := strconv.Atoi(q.Get("startAt"))
	max, _ := strconv.Atoi(q.Get("maxResults"))
	if max <= 0 || max > 100 {
		max = 100
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	is, ok := s.issueLocked(c.vars["key"])
	if !ok {
		issueNotFound(w)
		return
	}
	cs := slices.Clone(is.Comments)
	if q.Get("orderBy") == "-created" {
		slices.Reverse(cs)
	}
	var page []any
	for i := start; i < len(cs) && len(page) < max; i++ {
		cm := cs[i]
		page = append(page, map[string]any{"id": cm.ID, "body": adf(cm.Body), "author": cm.Author,
			"created": jiraTime(cm.Created), "jsdPublic": cm.Public})
	}
	writeJSON(w, http.StatusOK, map[string]any{"startAt": start, "maxResults": max, "total": len(cs), "comments": orEmpty(page)})
}
