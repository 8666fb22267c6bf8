package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/assess"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// Connector is the OAuth side (oauth.Manager).
type Connector interface {
	ConnectURL(ctx context.Context, key store.BindingKey) (oauth.Started, error)
	// Callback finishes the OAuth flow from the callback's query and the
	// browser's proof (from the cookie set at /connect); the page for its
	// outcome is rendered here (callback.go).
	Callback(ctx context.Context, q url.Values, browserProof string) (store.BindingKey, oauth.Outcome)
	// Disconnect says, when the desk cannot revoke tokens, how the admin
	// removes the grant there.
	Disconnect(ctx context.Context, key store.BindingKey) (oauth.Disconnected, error)
	Credentials(ctx context.Context, key store.BindingKey) (sdk.Credentials, error)
}

// Doctor runs the live checks of one binding (doctor.Doctor).
type Doctor interface {
	Check(ctx context.Context, key store.BindingKey) ([]sdk.CheckResult, error)
}

// Desks names each desk for people: the plugin's Description.DisplayName
// ("" when the plugin cannot say; the page then shows the platform name).
type Desks interface {
	DisplayName(ctx context.Context, platform string) string
}

// Store is what the admin API and pages read and write: bindings' stored
// state, the audit log and stored analyses.
type Store interface {
	store.Bindings
	store.Audit
	store.Analyses
}

// Options configure the Server.
type Options struct {
	Config    func() *config.Config // current config (it can be reloaded)
	Store     Store
	Queue     queue.Queue
	Connector Connector
	Doctor    Doctor
	Desks     Desks // nil: platforms are shown by their config name
	Auth      *Auth
	Logger    hclog.Logger
	// Changed is called after a connect or disconnect so caches drop the
	// binding's state.
	Changed func(store.BindingKey)
	// Reloader applies config changes (Configure, POST /api/reload); nil
	// refuses them.
	Reloader Reloader
	// Now is the clock analysis expiry is judged by; nil is time.Now.
	Now func() time.Time
}

// Server serves the admin API and pages.
type Server struct {
	o   Options
	log hclog.Logger
}

// New returns a Server.
func New(o Options) *Server {
	if o.Logger == nil {
		o.Logger = hclog.NewNullLogger()
	}
	if o.Changed == nil {
		o.Changed = func(store.BindingKey) {}
	}
	return &Server{o: o, log: o.Logger.Named("gateway.web")}
}

// Register mounts every route of the admin API and pages on mux.
func (s *Server) Register(mux *http.ServeMux) {
	a := s.o.Auth
	mux.Handle("GET /connect/{platform}/{binding}", a.Start(s.connect))
	mux.HandleFunc("GET /oauth/callback", s.callback)
	mux.Handle("POST /api/bindings/{platform}/{binding}/disconnect", a.API(s.apiDisconnect))
	mux.Handle("GET /api/bindings", a.API(s.apiBindings))
	mux.Handle("GET /api/audit", a.API(s.apiAudit))
	mux.Handle("GET /api/jobs", a.API(s.apiJobs))
	mux.Handle("POST /api/jobs/{id}/replay", a.API(s.apiReplay))
	mux.Handle("GET /api/bindings/{platform}/{binding}/doctor", a.API(s.apiDoctor))
	mux.Handle("POST /api/reload", a.API(s.apiReload))
	mux.HandleFunc("GET /analyses/{id}", s.analysis)
	s.registerPages(mux)
}

func bindingKey(r *http.Request) store.BindingKey {
	return store.BindingKey{Platform: r.PathValue("platform"), Name: r.PathValue("binding")}
}

func (s *Server) configured(key store.BindingKey) *config.Binding {
	return s.o.Config().Binding(key.Platform, key.Name)
}

// connect answers 302 to the desk's authorize URL.
func (s *Server) connect(w http.ResponseWriter, r *http.Request) {
	key := bindingKey(r)
	if s.configured(key) == nil {
		s.page(w, http.StatusNotFound, "Unknown binding", fmt.Sprintf("No binding %q is configured.", key.String()))
		return
	}
	started, err := s.o.Connector.ConnectURL(r.Context(), key)
	if err != nil {
		s.log.Error("connect failed", "binding", key.String(), "error", err)
		s.page(w, http.StatusBadGateway, "Could not start the connection", err.Error())
		return
	}
	s.o.Auth.setFlowCookie(w, started.BrowserProof)
	http.Redirect(w, r, started.URL, http.StatusFound)
}

func (s *Server) apiDisconnect(w http.ResponseWriter, r *http.Request) {
	key := bindingKey(r)
	if s.configured(key) == nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "unknown binding " + key.String()})
		return
	}
	res, err := s.o.Connector.Disconnect(r.Context(), key)
	s.o.Changed(key)
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": err.Error(), "hint": "the disconnect can be retried"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"binding": key.String(), "status": string(store.StatusInactive),
		"uninstalled": res.Uninstalled, "revoked": res.Revoked, "revoke_help": res.RevokeHelp, "message": res.Message()})
}

// BindingView is one row of GET /api/bindings.
type BindingView struct {
	Platform string `json:"platform"`
	// DisplayName is the desk's name for people ("Connect platform → …").
	DisplayName    string            `json:"display_name"`
	Name           string            `json:"name"`
	Project        string            `json:"project"`
	Status         string            `json:"status"`
	InstalledAt    *time.Time        `json:"installed_at,omitempty"`
	LastDeliveryAt *time.Time        `json:"last_delivery_at,omitempty"`
	LastError      string            `json:"last_error,omitempty"`
	Install        map[string]string `json:"install,omitempty"`
	PostingMode    string            `json:"posting_mode"`
	Threshold      string            `json:"auto_analyze_threshold"`
}

// Bindings lists the configured bindings with their stored state.
func (s *Server) Bindings(ctx context.Context) ([]BindingView, error) {
	stored, err := s.o.Store.ListBindings(ctx)
	if err != nil {
		return nil, err
	}
	byKey := map[store.BindingKey]store.Binding{}
	for _, b := range stored {
		byKey[b.Key] = b
	}
	var out []BindingView
	for _, c := range s.o.Config().Bindings {
		key := store.BindingKey{Platform: c.Platform, Name: c.Name}
		v := BindingView{Platform: c.Platform, DisplayName: s.displayName(ctx, c.Platform), Name: c.Name, Project: c.Project,
			Status: string(store.StatusInactive), PostingMode: c.PostingMode, Threshold: c.AutoAnalyzeThreshold}
		if b, ok := byKey[key]; ok {
			v.Status = string(b.Status)
			v.InstalledAt = timePtr(b.InstalledAt)
			v.LastDeliveryAt = timePtr(b.LastDeliveryAt)
			v.LastError = b.LastError
			if b.Install != nil {
				v.Install = b.Install.Summary
			}
		}
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Platform+"/"+out[i].Name < out[j].Platform+"/"+out[j].Name
	})
	return out, nil
}

// displayName is how a platform is shown: the plugin's display name, or
// the platform's config name capitalized.
func (s *Server) displayName(ctx context.Context, platform string) string {
	if s.o.Desks != nil {
		if n := s.o.Desks.DisplayName(ctx, platform); n != "" {
			return n
		}
	}
	if platform == "" {
		return platform
	}
	return strings.ToUpper(platform[:1]) + platform[1:]
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func (s *Server) apiBindings(w http.ResponseWriter, r *http.Request) {
	views, err := s.Bindings(r.Context())
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"bindings": views})
}

// ParseSince reads a `since` value: RFC 3339, or a duration back from now
// ("90m", "1h", "2d").
func ParseSince(v string, now time.Time) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	if days, ok := strings.CutSuffix(v, "d"); ok {
		if n, err := strconv.Atoi(days); err == nil && n >= 0 {
			return now.Add(-time.Duration(n) * 24 * time.Hour), nil
		}
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return time.Time{}, fmt.Errorf("since %q: want RFC 3339 or a duration like 1h or 2d", v)
	}
	return now.Add(-d), nil
}

// AuditFilter reads the audit query parameters.
func AuditFilter(q map[string][]string, now time.Time) (store.AuditFilter, error) {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	f := store.AuditFilter{Binding: get("binding"), TicketID: get("ticket"), Action: get("action"), Outcome: store.Outcome(get("outcome"))}
	var err error
	if f.Since, err = ParseSince(get("since"), now); err != nil {
		return f, err
	}
	if v := get("limit"); v != "" {
		if f.Limit, err = strconv.Atoi(v); err != nil || f.Limit < 1 || f.Limit > 1000 {
			return f, fmt.Errorf("limit %q: want 1..1000", v)
		}
	}
	if v := get("before"); v != "" {
		if f.BeforeID, err = strconv.ParseInt(v, 10, 64); err != nil {
			return f, fmt.Errorf("before %q: want an entry id", v)
		}
	}
	return f, nil
}

func (s *Server) apiAudit(w http.ResponseWriter, r *http.Request) {
	f, err := s.auditFilter(r.Context(), r.URL.Query())
	if err != nil {
		writeJSON(w, refusalStatus(err), map[string]string{"error": err.Error()})
		return
	}
	a, err := s.queryAudit(r.Context(), f)
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (s *Server) apiJobs(w http.ResponseWriter, r *http.Request) {
	f := queue.ListFilter{State: queue.State(r.URL.Query().Get("state"))}
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "limit: want a positive number"})
			return
		}
		f.Limit = n
	}
	jobs, err := s.o.Queue.List(r.Context(), f)
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": err.Error()})
		return
	}
	stats, err := s.o.Queue.Stats(r.Context())
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": err.Error()})
		return
	}
	views := make([]JobView, 0, len(jobs))
	for _, j := range jobs {
		views = append(views, jobView(j))
	}
	writeJSON(w, http.StatusOK, map[string]any{"jobs": views, "stats": stats})
}

// JobView is a job without its payload.
type JobView struct {
	ID         string    `json:"id"`
	Binding    string    `json:"binding"`
	Type       string    `json:"type"`
	TicketID   string    `json:"ticket_id"`
	State      string    `json:"state"`
	Attempts   int       `json:"attempts"`
	EnqueuedAt time.Time `json:"enqueued_at"`
	NextAt     time.Time `json:"next_at"`
	LastError  string    `json:"last_error,omitempty"`
}

func jobView(j queue.Job) JobView {
	return JobView{ID: j.ID, Binding: j.Binding.String(), Type: j.Type, TicketID: j.TicketID, State: string(j.State),
		Attempts: j.Attempts, EnqueuedAt: j.EnqueuedAt.UTC(), NextAt: j.NextAt.UTC(), LastError: j.LastError}
}

func (s *Server) apiReplay(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	err := s.replay(r.Context(), id)
	switch {
	case errors.Is(err, queue.ErrNotFound):
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no dead job " + id})
		return
	case err != nil:
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"id": id, "state": string(queue.StateReady)})
}

// replay puts a dead job back in the queue and audits it.
func (s *Server) replay(ctx context.Context, id string) error {
	if err := s.o.Queue.Replay(ctx, id); err != nil {
		return fmt.Errorf("replay job %s: %w", id, err)
	}
	j, _ := s.o.Queue.Get(ctx, id)
	if err := s.o.Store.AppendAudit(ctx, store.AuditEntry{Time: s.now(), Binding: j.Binding.String(), TicketID: j.TicketID,
		JobID: id, Action: "job.replay", Outcome: store.OutcomeOK, Message: "requeued by an admin"}); err != nil {
		s.log.Error("audit entry not written", "action", "job.replay", "error", err)
	}
	return nil
}

func (s *Server) apiDoctor(w http.ResponseWriter, r *http.Request) {
	key := bindingKey(r)
	if s.configured(key) == nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "unknown binding " + key.String()})
		return
	}
	res, err := s.o.Doctor.Check(r.Context(), key)
	if err != nil {
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"binding": key.String(), "checks": res})
}

// analysis serves /analyses/{id}. The id is unguessable, but the link
// travels through the desk to agents and sometimes customers, so the page
// is treated as public: its content is masked, it expires after
// analysis_retention (410), and a binding with analysis_access = "admin"
// asks for the admin login instead.
func (s *Server) analysis(w http.ResponseWriter, r *http.Request) {
	assess.SecurityHeaders(w.Header())
	a, err := s.o.Store.GetAnalysis(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		s.page(w, http.StatusNotFound, "Analysis not found", "There is no analysis at this address. It may have expired and been removed.")
		return
	}
	if errors.Is(err, store.ErrSealed) {
		s.page(w, http.StatusGone, "Analysis unavailable",
			"This analysis was sealed with a master key the gateway no longer holds, so it cannot be shown.")
		return
	}
	if err != nil {
		s.log.Error("read analysis", "error", err)
		s.page(w, http.StatusServiceUnavailable, "Analysis unavailable", "The store could not be read; try again shortly.")
		return
	}
	cfg := s.o.Config()
	if retention := cfg.Gateway.AnalysisRetention; retention > 0 && s.now().Sub(a.CreatedAt) > retention {
		s.page(w, http.StatusGone, "Analysis expired",
			fmt.Sprintf("This analysis was made on %s and expired after %s, so it is no longer shown. Ask your deskgate admin to run the analysis again if you still need it.",
				a.CreatedAt.UTC().Format("2006-01-02"), fmtDuration(retention)))
		return
	}
	var bc *config.Binding
	if key, err := store.ParseBindingKey(a.Binding); err == nil {
		bc = cfg.Binding(key.Platform, key.Name)
	}
	show := func(w http.ResponseWriter, r *http.Request) {
		var pc *config.Project
		if bc != nil {
			pc = cfg.Projects[bc.Project]
		}
		// Masked again at render time: analyses stored before masking
		// existed hold raw lines. A binding gone from the config gets the
		// built-in rules.
		redact, err := assess.Redaction(pc)
		if err != nil {
			redact = logs.DefaultRedactor().Redact
		}
		if err := assess.RenderAnalysis(w, a.Body, redact); err != nil {
			s.log.Error("render analysis", "id_prefix", a.ID[:min(6, len(a.ID))], "error", err)
		}
	}
	if bc != nil && bc.AnalysisAccess == config.AccessAdmin {
		s.o.Auth.Page(show).ServeHTTP(w, r)
		return
	}
	show(w, r)
}

func (s *Server) now() time.Time {
	if s.o.Now != nil {
		return s.o.Now()
	}
	return time.Now()
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
