package sandbox

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RequestInput is a customer request as the portal would create it.
type RequestInput struct {
	Summary     string `json:"summary"`
	Description string `json:"description"`
	// Priority is Highest, High, Medium (default), Low or Lowest.
	Priority      string `json:"priority"`
	ReporterName  string `json:"reporter_name"`
	ReporterEmail string `json:"reporter_email"`
	// ReporterTimeZone, an IANA name ("Australia/Sydney"), is the reporter's
	// profile zone; "" leaves it out, as a hidden one is. It is not checked,
	// so a test can send what a broken profile would.
	ReporterTimeZone string `json:"reporter_time_zone,omitempty"`
}

// Request is an issue of the service project, as tests see it.
type Request struct {
	ID          int64          `json:"id"`
	Key         string         `json:"key"`
	Summary     string         `json:"summary"`
	Description string         `json:"description"`
	Priority    string         `json:"priority"`
	Reporter    Person         `json:"reporter"`
	Created     time.Time      `json:"created"`
	Fields      map[string]any `json:"fields"` // field id → value (a select's option value)
	Comments    []Comment      `json:"comments"`
}

// CreateRequest creates a request in the service project, as a customer on
// the portal, and fires the matching webhooks. It returns the issue key.
func (s *Sandbox) CreateRequest(in RequestInput) (string, error) {
	if strings.TrimSpace(in.Summary) == "" {
		return "", errors.New("summary is required")
	}
	if in.Priority == "" {
		in.Priority = "Medium"
	}
	if _, ok := priorityJSON(in.Priority)["id"].(string); !ok || priorityJSON(in.Priority)["id"] == "" {
		return "", errors.New("priority must be Highest, High, Medium, Low or Lowest")
	}
	if in.ReporterName == "" {
		in.ReporterName = "Portal Customer"
	}
	s.mu.Lock()
	p := s.projects[s.opts.ProjectKey]
	is := &issue{
		ID: s.nextIssueID, Project: p.Key, Summary: in.Summary, Description: in.Description, Priority: in.Priority,
		Reporter: Person{AccountID: "qm:" + randomHex(8), DisplayName: in.ReporterName, Email: in.ReporterEmail, AccountType: "customer",
			TimeZone: strings.TrimSpace(in.ReporterTimeZone)},
		Created: s.now().UTC(), Values: map[string]any{},
	}
	s.nextIssueID++
	is.Key = p.Key + "-" + strconv.Itoa(len(s.issues)+1)
	s.issues[is.ID] = is
	s.fireLocked("jira:issue_created", is)
	s.mu.Unlock()
	s.log.Info("request created", "key", is.Key)
	return is.Key, nil
}

// Requests lists every request, oldest first.
func (s *Sandbox) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Request
	for _, id := range sortedKeys(s.issues) {
		out = append(out, s.requestLocked(s.issues[id]))
	}
	return out
}

// RequestByKey returns one request.
func (s *Sandbox) RequestByKey(key string) (Request, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	is, ok := s.issueLocked(key)
	if !ok {
		return Request{}, false
	}
	return s.requestLocked(is), true
}

func (s *Sandbox) requestLocked(is *issue) Request {
	r := Request{ID: is.ID, Key: is.Key, Summary: is.Summary, Description: is.Description, Priority: is.Priority,
		Reporter: is.Reporter, Created: is.Created, Fields: map[string]any{}}
	for id, v := range is.Values {
		if f := s.fields[id]; f != nil && f.Type == "select" {
			v = optionValue(f, v.(string))
		}
		r.Fields[id] = v
	}
	for _, c := range is.Comments {
		r.Comments = append(r.Comments, *c)
	}
	return r
}

func (s *Sandbox) getRequest(w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	is, ok := s.issueLocked(c.vars["key"])
	if !ok {
		writeJSON(w, http.StatusNotFound, errorCollection("The request could not be found."))
		return
	}
	p := s.projects[is.Project]
	writeJSON(w, http.StatusOK, map[string]any{
		"issueId": itoa(is.ID), "issueKey": is.Key, "requestTypeId": "11", "serviceDeskId": p.ServiceDeskID,
		"createdDate": map[string]any{"iso8601": is.Created.Format("2006-01-02T15:04:05-0700"), "jira": jiraTime(is.Created),
			"friendly": is.Created.Format("02/Jan/06 3:04 PM"), "epochMillis": is.Created.UnixMilli()},
		"reporter": is.Reporter,
		"requestFieldValues": []any{
			map[string]any{"fieldId": "summary", "label": "Summary", "value": is.Summary},
			map[string]any{"fieldId": "description", "label": "Description", "value": is.Description},
		},
		"currentStatus": map[string]any{"status": "Waiting for support", "statusCategory": "NEW"},
		"_links": map[string]any{
			"jiraRest": c.apiURL + "/rest/api/2/issue/" + itoa(is.ID),
			"web":      c.cloud.URL + "/servicedesk/customer/portal/" + p.ServiceDeskID + "/" + is.Key,
			"agent":    c.cloud.URL + "/browse/" + is.Key,
		},
	})
}

func (s *Sandbox) listRequestComments(w http.ResponseWriter, r *http.Request, c *call) {
	q := r.URL.Query()
	start, _ := strconv.Atoi(q.Get("start"))
	limit, _ := strconv.Atoi(q.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 50
	}
	wantPublic, wantInternal := q.Get("public") != "false", q.Get("internal") != "false"
	s.mu.Lock()
	defer s.mu.Unlock()
	is, ok := s.issueLocked(c.vars["key"])
	if !ok {
		writeJSON(w, http.StatusNotFound, errorCollection("The request could not be found."))
		return
	}
	var all []*Comment
	for _, cm := range is.Comments {
		if (cm.Public && wantPublic) || (!cm.Public && wantInternal) {
			all = append(all, cm)
		}
	}
	var page []any
	for i := start; i < len(all) && len(page) < limit; i++ {
		page = append(page, commentJSON(all[i]))
	}
	writeJSON(w, http.StatusOK, map[string]any{"size": len(page), "start": start, "limit": limit,
		"isLastPage": start+len(page) >= len(all), "values": orEmpty(page)})
}

func commentJSON(c *Comment) map[string]any {
	return map[string]any{"id": c.ID, "body": c.Body, "public": c.Public, "author": c.Author,
		"created": map[string]any{"iso8601": c.Created.Format("2006-01-02T15:04:05-0700"), "epochMillis": c.Created.UnixMilli()}}
}

func (s *Sandbox) addRequestComment(w http.ResponseWriter, r *http.Request, c *call) {
	var in struct {
		Body   *string `json:"body"`
		Public *bool   `json:"public"`
	}
	if err := json.Unmarshal(c.body, &in); err != nil || in.Body == nil || strings.TrimSpace(*in.Body) == "" {
		writeJSON(w, http.StatusBadRequest, errorCollection("The comment body is required."))
		return
	}
	public := true // the JSM API's default
	if in.Public != nil {
		public = *in.Public
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	is, ok := s.issueLocked(c.vars["key"])
	if !ok {
		writeJSON(w, http.StatusNotFound, errorCollection("The request could not be found."))
		return
	}
	cm := &Comment{ID: itoa(s.nextComment), Body: *in.Body, Public: public, Author: s.adminPerson(), Created: s.now().UTC()}
	s.nextComment++
	is.Comments = append(is.Comments, cm)
	writeJSON(w, http.StatusCreated, commentJSON(cm))
}
