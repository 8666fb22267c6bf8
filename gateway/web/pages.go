package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// The admin pages: plain server-rendered HTML that works without
// JavaScript. Every state-changing form is a POST carrying the CSRF token.

func (s *Server) registerPages(mux *http.ServeMux) {
	a := s.o.Auth
	mux.Handle("GET /static/", staticHandler())
	mux.HandleFunc("GET /login", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, http.StatusOK, "login", view{Title: "Log in", CSRF: a.LoginCSRF(w, r), Data: safeNext(r.URL.Query().Get("next"))})
	})
	mux.HandleFunc("POST /login", s.login)
	mux.HandleFunc("POST /logout", s.logout)
	mux.Handle("GET /{$}", a.Page(s.index))
	mux.Handle("GET /bindings/{platform}/{binding}", a.Page(s.bindingPage))
	mux.Handle("POST /bindings/{platform}/{binding}/disconnect", a.Page(s.csrf(s.disconnectForm)))
	mux.Handle("GET /bindings/{platform}/{binding}/configure", a.Page(s.configurePage))
	mux.Handle("POST /bindings/{platform}/{binding}/configure", a.Page(s.csrf(s.configureForm)))
	mux.Handle("GET /bindings/{platform}/{binding}/doctor", a.Page(s.doctorPage))
	mux.Handle("GET /audit", a.Page(s.auditPage))
	mux.Handle("GET /jobs", a.Page(s.jobsPage))
	mux.Handle("POST /jobs/{id}/replay", a.Page(s.csrf(s.replayForm)))
}

// csrf refuses a form post without the session's CSRF token, or from
// another origin.
func (s *Server) csrf(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
		if !s.o.Auth.CheckForm(r) {
			s.adminPage(w, r, http.StatusForbidden, "Form expired", "The form did not carry a valid token. Reload the page and try again.")
			return
		}
		h(w, r)
	}
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	a := s.o.Auth
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	next := safeNext(r.PostFormValue("next"))
	if !a.CheckLoginCSRF(r) {
		s.render(w, http.StatusForbidden, "login", view{Title: "Log in", CSRF: a.LoginCSRF(w, r), Data: next,
			Error: "The login form expired. Try again."})
		return
	}
	err := a.Login(w, r, r.PostFormValue("token"))
	var te *errThrottled
	switch {
	case err == nil:
		http.Redirect(w, r, next, http.StatusSeeOther)
	case errors.As(err, &te):
		w.Header().Set("Retry-After", te.retryAfter())
		s.render(w, http.StatusTooManyRequests, "login", view{Title: "Log in", CSRF: a.LoginCSRF(w, r), Data: next,
			Error: "Too many failed attempts from your address. Try again in " + te.retryAfter() + " seconds."})
	case errors.Is(err, errBadToken):
		s.render(w, http.StatusUnauthorized, "login", view{Title: "Log in", CSRF: a.LoginCSRF(w, r), Data: next,
			Error: "That is not the admin token."})
	default:
		s.log.Error("admin login", "error", err)
		s.render(w, http.StatusServiceUnavailable, "login", view{Title: "Log in", CSRF: a.LoginCSRF(w, r), Data: next,
			Error: "The session could not be stored; try again shortly."})
	}
}

// logout revokes the session. Without one there is nothing to do; with one
// the form must carry its token: a forged logout is harmless but still
// refused, like every form.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	a := s.o.Auth
	id, ok, err := a.session(r)
	if err != nil || !ok {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	r = r.WithContext(context.WithValue(r.Context(), principalKey{}, principal{sessionID: id}))
	s.csrf(func(w http.ResponseWriter, r *http.Request) {
		if err := a.Logout(w, r); err != nil {
			s.log.Error("logout", "error", err)
			s.adminPage(w, r, http.StatusServiceUnavailable, "Not logged out", "The session could not be revoked; try again shortly.")
			return
		}
		http.Redirect(w, r, "/login", http.StatusSeeOther)
	})(w, r)
}

// projectView is one project on the index page.
type projectView struct {
	Name        string
	Services    []string
	Bindings    []BindingView
	Connectable []BindingView // not active: each gets a "Connect platform" link
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	views, err := s.Bindings(r.Context())
	if err != nil {
		s.log.Error("list bindings", "error", err)
		s.adminPage(w, r, http.StatusServiceUnavailable, "Store unavailable", "The bindings could not be read; try again shortly.")
		return
	}
	cfg := s.o.Config()
	byProject := map[string]*projectView{}
	var names []string
	for name, p := range cfg.Projects {
		byProject[name] = &projectView{Name: name, Services: p.Services}
		names = append(names, name)
	}
	for _, v := range views {
		p := byProject[v.Project]
		if p == nil { // a binding naming an unknown project does not load; be safe anyway
			p = &projectView{Name: v.Project}
			byProject[v.Project] = p
			names = append(names, v.Project)
		}
		p.Bindings = append(p.Bindings, v)
		if v.Status != string(store.StatusActive) {
			p.Connectable = append(p.Connectable, v)
		}
	}
	sort.Strings(names)
	out := make([]*projectView, 0, len(names))
	for _, n := range names {
		out = append(out, byProject[n])
	}
	s.render(w, http.StatusOK, "index", s.admin(r, "Projects", "projects", out))
}

type keyValue struct{ Key, Value string }

type bindingPageData struct {
	View   *BindingView
	Config *config.Binding
	Attrs  []keyValue // platform attributes (subdomain, api_url …)
	Fields []keyValue // custom field ids by key, "" when not mapped
}

func (s *Server) bindingPage(w http.ResponseWriter, r *http.Request) {
	v, ok := s.bindingView(w, r)
	if !ok {
		return
	}
	c := s.configured(bindingKey(r))
	d := bindingPageData{View: v, Config: c}
	for _, k := range sortedKeys(c.Attributes) {
		d.Attrs = append(d.Attrs, keyValue{k, c.Attributes[k]})
	}
	for _, k := range config.CustomFieldKeys {
		d.Fields = append(d.Fields, keyValue{k, c.CustomFields[k]})
	}
	view := s.admin(r, v.DisplayName+" "+v.Name, "projects", d)
	view.Crumbs = []crumb{{"Projects", "/"}, {"Project " + v.Project, "/#project-" + v.Project}, {v.Platform + "/" + v.Name, ""}}
	if r.URL.Query().Get("saved") == "1" {
		view.Flash = "Saved. The configuration file was rewritten and reloaded."
	}
	s.render(w, http.StatusOK, "binding", view)
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (s *Server) disconnectForm(w http.ResponseWriter, r *http.Request) {
	if r.PostFormValue("confirm") != "yes" {
		s.adminPage(w, r, http.StatusBadRequest, "Not confirmed", "Tick the confirmation box to disconnect.")
		return
	}
	key := bindingKey(r)
	if s.configured(key) == nil {
		s.adminPage(w, r, http.StatusNotFound, "Unknown binding", "No binding "+key.String()+" is configured.")
		return
	}
	res, err := s.o.Connector.Disconnect(r.Context(), key)
	s.o.Changed(key)
	if err != nil {
		s.log.Error("disconnect", "binding", key.String(), "error", err)
		s.adminPage(w, r, http.StatusBadGateway, "Disconnect did not finish", err.Error()+" — it can be retried from the binding page.")
		return
	}
	if res.Uninstalled && !res.Revoked {
		// The desk keeps the grant: the admin must hear how to end it.
		s.adminPage(w, r, http.StatusOK, "Disconnected — the grant stays on the desk", res.Message())
		return
	}
	http.Redirect(w, r, "/bindings/"+url.PathEscape(key.Platform)+"/"+url.PathEscape(key.Name), http.StatusSeeOther)
}

func (s *Server) bindingView(w http.ResponseWriter, r *http.Request) (*BindingView, bool) {
	key := bindingKey(r)
	views, err := s.Bindings(r.Context())
	if err != nil {
		s.log.Error("list bindings", "error", err)
		s.adminPage(w, r, http.StatusServiceUnavailable, "Store unavailable", "The bindings could not be read; try again shortly.")
		return nil, false
	}
	for i := range views {
		if views[i].Platform == key.Platform && views[i].Name == key.Name {
			return &views[i], true
		}
	}
	s.adminPage(w, r, http.StatusNotFound, "Unknown binding", "No binding "+key.String()+" is configured.")
	return nil, false
}

// auditQuery is the audit page's filter form as typed.
type auditQuery struct {
	Binding, Ticket, Outcome, Action, Since, Until string
}

// auditRow is an entry with its message split around an analysis link.
type auditRow struct {
	store.AuditEntry
	Before       string // the message, up to the analysis URL
	AnalysisPath string // "/analyses/<id>" when the entry stores one
}

type auditPageData struct {
	Q             auditQuery
	Bindings      []string
	Outcomes      []store.Outcome
	Entries       []auditRow
	Older, Newest string
	AnalysisLabel string
	Empty         string // what to say when no entry matches
}

const auditPageSize = 50

// analysisURL finds the analysis page in a message such as
// "stored at https://gw.example/analyses/3f…" (what the pipeline writes).
var analysisURL = regexp.MustCompile(`\S*/analyses/([A-Za-z0-9_-]+)`)

func (s *Server) auditPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	aq := auditQuery{Binding: q.Get("binding"), Ticket: q.Get("ticket"), Outcome: q.Get("outcome"),
		Action: q.Get("action"), Since: q.Get("since"), Until: q.Get("until")}
	d := auditPageData{Q: aq, AnalysisLabel: "open the analysis",
		Outcomes: []store.Outcome{store.OutcomeOK, store.OutcomeError, store.OutcomeRetry, store.OutcomeDead, store.OutcomeSkipped}}
	for _, b := range s.o.Config().Bindings {
		d.Bindings = append(d.Bindings, b.Key())
	}
	v := s.admin(r, "Audit log", "audit", &d)
	f, err := s.auditFilter(r.Context(), q)
	if err == nil && aq.Until != "" {
		if f.Until, err = time.Parse(time.RFC3339, aq.Until); err != nil {
			err = &auditRefusal{http.StatusBadRequest, errUntil(aq.Until)}
		}
	}
	var a AuditAnswer
	if err == nil {
		// One more than a page tells whether there is an older page.
		f.Limit = auditPageSize + 1
		a, err = s.queryAudit(r.Context(), f)
	}
	if err != nil {
		status := refusalStatus(err)
		v.Error = err.Error()
		if status == http.StatusServiceUnavailable {
			s.log.Error("query audit", "error", err)
			v.Error = "The audit log could not be read; try again shortly."
		}
		s.render(w, status, "audit", v)
		return
	}
	// The filter shows (and its links carry) the binding as resolved.
	aq.Binding, d.Q.Binding = f.Binding, f.Binding
	if f.Binding != "" && !slices.Contains(d.Bindings, f.Binding) {
		d.Bindings = append(d.Bindings, f.Binding) // a removed binding's history
	}
	d.Empty = sentence(a.EmptyMessage())
	entries := a.Entries
	more := len(entries) > auditPageSize
	if more {
		entries = entries[:auditPageSize]
	}
	for _, e := range entries {
		row := auditRow{AuditEntry: e, Before: e.Message}
		if e.Action == "analysis" {
			if m := analysisURL.FindStringSubmatchIndex(e.Message); m != nil {
				row.Before = e.Message[:m[0]]
				row.AnalysisPath = "/analyses/" + e.Message[m[2]:m[3]]
			}
		}
		d.Entries = append(d.Entries, row)
	}
	keep := url.Values{}
	for k, val := range map[string]string{"binding": aq.Binding, "ticket": aq.Ticket, "outcome": aq.Outcome,
		"action": aq.Action, "since": aq.Since, "until": aq.Until} {
		if val != "" {
			keep.Set(k, val)
		}
	}
	if more {
		older := url.Values{}
		for k, val := range keep {
			older[k] = val
		}
		older.Set("before", strconv.FormatInt(entries[len(entries)-1].ID, 10))
		d.Older = "/audit?" + older.Encode()
	}
	if f.BeforeID != 0 {
		d.Newest = "/audit?" + keep.Encode()
	}
	s.render(w, http.StatusOK, "audit", v)
}

type errUntil string

func (e errUntil) Error() string {
	return "until " + strconv.Quote(string(e)) + ": want an RFC 3339 time like 2026-01-02T15:04:05Z"
}

type stateOption struct{ Value, Label string }

type jobsPageData struct {
	State  string
	States []stateOption
	Stats  queue.Stats
	Jobs   []JobView
}

func (s *Server) jobsPage(w http.ResponseWriter, r *http.Request) {
	d := jobsPageData{State: r.URL.Query().Get("state"), States: []stateOption{
		{string(queue.StateDead), "dead letters"}, {"all", "waiting, running and dead"},
		{string(queue.StateReady), "ready"}, {string(queue.StateLeased), "leased"}}}
	if d.State == "" {
		d.State = string(queue.StateDead) // dead letters are what an admin comes here for
	}
	known := false
	for _, o := range d.States {
		known = known || o.Value == d.State
	}
	filter := queue.State(d.State)
	if d.State == "all" {
		filter = "" // the queue's "all but done"
	}
	v := s.admin(r, "Jobs", "jobs", &d)
	if !known {
		v.Error = "Unknown state " + strconv.Quote(d.State) + "."
		s.render(w, http.StatusBadRequest, "jobs", v)
		return
	}
	if id := r.URL.Query().Get("replayed"); id != "" {
		v.Flash = "Job " + id + " was put back in the queue."
	}
	jobs, err := s.o.Queue.List(r.Context(), queue.ListFilter{State: filter, Limit: 200})
	if err == nil {
		d.Stats, err = s.o.Queue.Stats(r.Context())
	}
	if err != nil {
		s.log.Error("list jobs", "error", err)
		v.Error = "The queue could not be read; try again shortly."
		s.render(w, http.StatusServiceUnavailable, "jobs", v)
		return
	}
	for _, j := range jobs {
		d.Jobs = append(d.Jobs, jobView(j))
	}
	s.render(w, http.StatusOK, "jobs", v)
}

func (s *Server) replayForm(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if err := s.replay(r.Context(), id); err != nil {
		if errors.Is(err, queue.ErrNotFound) {
			s.adminPage(w, r, http.StatusNotFound, "Replay did not happen", "There is no dead job "+id+"; it may have been replayed already.")
			return
		}
		s.log.Error("replay", "job", id, "error", err)
		s.adminPage(w, r, http.StatusServiceUnavailable, "Replay did not happen", "The queue could not be written; try again shortly.")
		return
	}
	http.Redirect(w, r, "/jobs?replayed="+url.QueryEscape(id), http.StatusSeeOther)
}

type doctorPageData struct {
	Platform, Name string
	Checks         []sdk.CheckResult
	Failed         int
	Error          string
}

// doctorPage runs the binding's live checks, as `deskgate doctor` does.
func (s *Server) doctorPage(w http.ResponseWriter, r *http.Request) {
	key := bindingKey(r)
	c := s.configured(key)
	if c == nil {
		s.adminPage(w, r, http.StatusNotFound, "Unknown binding", "No binding "+key.String()+" is configured.")
		return
	}
	d := doctorPageData{Platform: key.Platform, Name: key.Name}
	if s.o.Doctor == nil {
		d.Error = "this gateway runs no checks"
	} else if res, err := s.o.Doctor.Check(r.Context(), key); err != nil {
		d.Error = err.Error()
	} else {
		d.Checks = res
		for _, ch := range res {
			if !ch.OK {
				d.Failed++
			}
		}
	}
	view := s.admin(r, "Checks: "+key.String(), "projects", d)
	view.Crumbs = []crumb{{"Projects", "/"}, {"Project " + c.Project, "/#project-" + c.Project}, {key.String(), "/bindings/" + key.Platform + "/" + key.Name}, {"Checks", ""}}
	s.render(w, http.StatusOK, "doctor", view)
}
