package sandbox

import (
	"context"
	"encoding/json"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// adminHandler serves /sandbox/: a JSON API mirroring the Go test methods
// (used by Client) and a small HTML page for the demo's user. It has no
// authentication: the sandbox listens on loopback and holds no real data.
//
//	GET  /sandbox/                          HTML: create tickets, list them
//	GET  /sandbox/ui/tickets/{id}           HTML: comments (notes marked), fields, deliveries
//	GET  /sandbox/api/account               {"account_id"}
//	POST /sandbox/api/tickets               TicketInput → 201 {"id"}
//	GET  /sandbox/api/tickets[/{id}]        Ticket(s)
//	GET  /sandbox/api/tickets/{id}/comments []Comment
//	GET  /sandbox/api/tickets/{id}/fields   {"<field id>": value}
//	GET  /sandbox/api/ticket_fields         []TicketField
//	POST /sandbox/api/tickets/{id}/comments CommentInput → 201 {"id"}
//	PATCH /sandbox/api/tickets/{id}         {"status"}
//	POST /sandbox/api/ticket_fields         {"title","type","id"?,"editable"?,"required"?,"options"?} → 201 {"id"}
//	PATCH /sandbox/api/ticket_fields/{id}   {"editable"?,"required"?,"options"?}
//	GET  /sandbox/api/webhooks|triggers|deliveries
//	POST /sandbox/api/deliveries/wait       {"n","timeout_ms"} → {"done"}
//	POST /sandbox/api/tokens                {"scopes"} → {"access_token","refresh_token"}
//	POST /sandbox/api/tokens/valid          {"access_token"} → {"valid"}
//	POST /sandbox/api/revoke-all | deny-next
//	POST /sandbox/api/duplicate-next        {"n"}
//	POST /sandbox/api/update-limit          {"per_minute"}
//	POST /sandbox/api/faults                {"prefix","n","kind":"429|500|503|slow","delay_ms"?}
func (s *Sandbox) adminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /sandbox/{$}", s.pageIndex)
	mux.HandleFunc("POST /sandbox/ui/tickets", s.pageCreateTicket)
	mux.HandleFunc("GET /sandbox/ui/tickets/{id}", s.pageTicket)

	mux.HandleFunc("GET /sandbox/api/account", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]int64{"account_id": s.AccountID()})
	})
	mux.HandleFunc("POST /sandbox/api/tickets", func(w http.ResponseWriter, r *http.Request) {
		var in TicketInput
		if !adminDecode(w, r, &in) {
			return
		}
		id, err := s.CreateTicket(in)
		if err != nil {
			adminError(w, http.StatusUnprocessableEntity, err.Error())
			return
		}
		writeJSON(w, http.StatusCreated, map[string]int64{"id": id})
	})
	mux.HandleFunc("GET /sandbox/api/tickets", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.Tickets())
	})
	mux.HandleFunc("GET /sandbox/api/tickets/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, ok := pathID(w, r)
		if !ok {
			return
		}
		t, found := s.Ticket(id)
		if !found {
			adminError(w, http.StatusNotFound, "no ticket "+r.PathValue("id"))
			return
		}
		writeJSON(w, http.StatusOK, t)
	})
	mux.HandleFunc("GET /sandbox/api/tickets/{id}/comments", func(w http.ResponseWriter, r *http.Request) {
		if id, ok := pathID(w, r); ok {
			writeJSON(w, http.StatusOK, orEmpty(s.Comments(id)))
		}
	})
	mux.HandleFunc("POST /sandbox/api/tickets/{id}/comments", func(w http.ResponseWriter, r *http.Request) {
		id, ok := pathID(w, r)
		if !ok {
			return
		}
		var in CommentInput
		if !adminDecode(w, r, &in) {
			return
		}
		cid, err := s.AddComment(id, in)
		if err != nil {
			adminError(w, http.StatusUnprocessableEntity, err.Error())
			return
		}
		writeJSON(w, http.StatusCreated, map[string]int64{"id": cid})
	})
	mux.HandleFunc("PATCH /sandbox/api/tickets/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, ok := pathID(w, r)
		if !ok {
			return
		}
		var in struct {
			Status string `json:"status"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		if err := s.SetTicketStatus(id, in.Status); err != nil {
			adminError(w, http.StatusUnprocessableEntity, err.Error())
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /sandbox/api/tickets/{id}/fields", func(w http.ResponseWriter, r *http.Request) {
		if id, ok := pathID(w, r); ok {
			writeJSON(w, http.StatusOK, s.CustomFields(id))
		}
	})
	mux.HandleFunc("GET /sandbox/api/ticket_fields", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.TicketFields())
	})
	mux.HandleFunc("POST /sandbox/api/ticket_fields", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			ID       int64    `json:"id"`
			Title    string   `json:"title"`
			Type     string   `json:"type"`
			Editable *bool    `json:"editable"`
			Required bool     `json:"required"`
			Options  []string `json:"options"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		if in.Type == "" {
			in.Type = "text"
		}
		id := in.ID
		if id == 0 {
			id = s.AddTicketField(in.Title, in.Type)
		} else if err := s.AddTicketFieldWithID(id, in.Title, in.Type); err != nil {
			adminError(w, http.StatusConflict, err.Error())
			return
		}
		if in.Editable != nil {
			s.SetFieldEditable(id, *in.Editable)
		}
		s.SetFieldRequired(id, in.Required)
		if in.Options != nil {
			s.SetFieldOptions(id, in.Options...)
		}
		writeJSON(w, http.StatusCreated, map[string]int64{"id": id})
	})
	mux.HandleFunc("PATCH /sandbox/api/ticket_fields/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, ok := pathID(w, r)
		if !ok {
			return
		}
		var in struct {
			Editable *bool    `json:"editable"`
			Required *bool    `json:"required"`
			Options  []string `json:"options"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		found := true
		if in.Editable != nil {
			found = s.SetFieldEditable(id, *in.Editable)
		}
		if in.Required != nil {
			found = found && s.SetFieldRequired(id, *in.Required)
		}
		if in.Options != nil {
			found = found && s.SetFieldOptions(id, in.Options...)
		}
		if !found || !s.hasField(id) {
			adminError(w, http.StatusNotFound, "no ticket field "+r.PathValue("id"))
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /sandbox/api/webhooks", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.Webhooks())
	})
	mux.HandleFunc("GET /sandbox/api/triggers", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.Triggers())
	})
	mux.HandleFunc("GET /sandbox/api/deliveries", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.Deliveries())
	})
	mux.HandleFunc("POST /sandbox/api/deliveries/wait", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			N         int   `json:"n"`
			TimeoutMS int64 `json:"timeout_ms"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		timeout := time.Duration(in.TimeoutMS) * time.Millisecond
		if timeout <= 0 || timeout > 30*time.Second {
			timeout = 30 * time.Second
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		err := s.WaitDeliveries(ctx, in.N)
		writeJSON(w, http.StatusOK, map[string]bool{"done": err == nil})
	})
	mux.HandleFunc("POST /sandbox/api/tokens", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Scopes string `json:"scopes"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		a, rt := s.IssueToken(in.Scopes)
		writeJSON(w, http.StatusCreated, map[string]string{"access_token": a, "refresh_token": rt})
	})
	mux.HandleFunc("POST /sandbox/api/tokens/valid", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			AccessToken string `json:"access_token"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		writeJSON(w, http.StatusOK, map[string]bool{"valid": s.TokenValid(in.AccessToken)})
	})
	mux.HandleFunc("POST /sandbox/api/revoke-all", func(w http.ResponseWriter, r *http.Request) {
		s.RevokeAll()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /sandbox/api/deny-next", func(w http.ResponseWriter, r *http.Request) {
		s.DenyNext()
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /sandbox/api/duplicate-next", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			N int `json:"n"`
		}
		if adminDecode(w, r, &in) {
			s.DuplicateNext(in.N)
			w.WriteHeader(http.StatusNoContent)
		}
	})
	mux.HandleFunc("POST /sandbox/api/update-limit", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			PerMinute int `json:"per_minute"`
		}
		if adminDecode(w, r, &in) {
			s.SetUpdateTicketLimit(in.PerMinute)
			w.WriteHeader(http.StatusNoContent)
		}
	})
	mux.HandleFunc("POST /sandbox/api/faults", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Prefix  string    `json:"prefix"`
			N       int       `json:"n"`
			Kind    FaultKind `json:"kind"`
			DelayMS int64     `json:"delay_ms"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		switch in.Kind {
		case Fault429, Fault500, Fault503, FaultSlow:
		default:
			adminError(w, http.StatusBadRequest, "kind must be 429, 500, 503 or slow")
			return
		}
		delay := s.opts.SlowDelay
		if in.DelayMS > 0 {
			delay = time.Duration(in.DelayMS) * time.Millisecond
		}
		s.InjectSlow(in.Prefix, in.N, in.Kind, delay)
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func adminDecode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(v); err != nil {
		adminError(w, http.StatusBadRequest, "parse request body: "+err.Error())
		return false
	}
	return true
}

func adminError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		adminError(w, http.StatusBadRequest, "id must be an integer")
		return 0, false
	}
	return id, true
}

const pageStyle = `<style>
body{font-family:system-ui,sans-serif;max-width:60em;margin:1.5em auto;padding:0 1em;color:#1f2933}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
.note{background:#fff8db;border-left:4px solid #e0b400;padding:.5em 1em;margin:.8em 0}
.public{background:#f3f6f9;border-left:4px solid #8aa1b1;padding:.5em 1em;margin:.8em 0}
.body{white-space:pre-wrap}.meta{color:#616e7c;font-size:.85em}
label{display:block;margin:.4em 0}input[type=text],textarea,select{width:100%;box-sizing:border-box}
</style>`

var indexPage = template.Must(template.New("index").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>Zendesk sandbox</title>` + pageStyle + `</head><body>
<h1>Zendesk sandbox <span class="meta">account {{.AccountID}}</span></h1>
<h2>New ticket</h2>
<form method="post" action="/sandbox/ui/tickets">
<label>Subject <input type="text" name="subject" required></label>
<label>Description <textarea name="description" rows="6" required></textarea></label>
<label>Priority <select name="priority"><option value="">(none)</option><option>low</option><option selected>normal</option><option>high</option><option>urgent</option></select></label>
<label>Requester name <input type="text" name="requester_name" value="Dana Customer"></label>
<label>Requester email <input type="text" name="requester_email" value="dana@example.com"></label>
<label>Tags (space separated) <input type="text" name="tags"></label>
<button>Create ticket</button>
</form>
<h2>Tickets</h2>
<table><tr><th>#</th><th>Subject</th><th>Status</th><th>Priority</th><th>Created</th></tr>
{{range .Tickets}}<tr><td><a href="/sandbox/ui/tickets/{{.ID}}">{{.ID}}</a></td><td><a href="/sandbox/ui/tickets/{{.ID}}">{{.Subject}}</a></td><td>{{.Status}}</td><td>{{.Priority}}</td><td>{{.CreatedAt.Format "2006-01-02 15:04:05Z07:00"}}</td></tr>
{{else}}<tr><td colspan="5">No tickets yet.</td></tr>{{end}}
</table>
<h2>Webhooks</h2>
<ul>{{range .Webhooks}}<li><code>{{.ID}}</code> {{.Name}} → {{.Endpoint}} ({{.Status}})</li>{{else}}<li>None — connect deskgate first.</li>{{end}}</ul>
</body></html>`))

var ticketPage = template.Must(template.New("ticket").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>#{{.Ticket.ID}} {{.Ticket.Subject}} — Zendesk sandbox</title>` + pageStyle + `</head><body>
<p><a href="/sandbox/">← all tickets</a> · <a href="/sandbox/ui/tickets/{{.Ticket.ID}}">refresh</a></p>
<h1>#{{.Ticket.ID}} {{.Ticket.Subject}}</h1>
<p class="meta">{{.Ticket.Status}} · priority {{or .Ticket.Priority "none"}} · from {{.Ticket.RequesterName}} &lt;{{.Ticket.RequesterEmail}}&gt; · {{.Ticket.CreatedAt.Format "2006-01-02 15:04:05Z07:00"}}{{if .Ticket.Tags}} · tags {{range .Ticket.Tags}}{{.}} {{end}}{{end}}</p>
<h2>Fields</h2>
<table><tr><th>Field</th><th>Id</th><th>Value</th></tr>
{{range .Fields}}<tr><td>{{.Title}}{{if not .Editable}} <span class="meta">(not editable)</span>{{end}}</td><td>{{.ID}}</td><td>{{.Value}}</td></tr>{{else}}<tr><td colspan="3">No custom fields defined.</td></tr>{{end}}
</table>
<h2>Conversation</h2>
{{range .Comments}}<div class="{{if .Public}}public{{else}}note{{end}}">
<div class="meta">{{if .Public}}Public reply{{else}}<strong>Internal note</strong>{{end}} · comment {{.ID}} · {{.CreatedAt.Format "2006-01-02 15:04:05Z07:00"}}</div>
<div class="body">{{.Body}}</div></div>{{end}}
<h2>Webhook deliveries</h2>
<ul>{{range .Deliveries}}<li><code>{{.InvocationID}}</code> → {{.Endpoint}}: {{if .Done}}{{.Outcome}}{{else}}in progress{{end}}, {{len .Attempts}} attempt(s){{range .Attempts}} [{{if .Status}}{{.Status}}{{else}}{{.Error}}{{end}}]{{end}}</li>{{else}}<li>None.</li>{{end}}</ul>
</body></html>`))

func (s *Sandbox) pageIndex(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	tickets := s.Tickets()
	for i, j := 0, len(tickets)-1; i < j; i, j = i+1, j-1 { // newest first
		tickets[i], tickets[j] = tickets[j], tickets[i]
	}
	if err := indexPage.Execute(w, map[string]any{"AccountID": s.AccountID(), "Tickets": tickets, "Webhooks": s.Webhooks()}); err != nil {
		s.log.Error("render index page", "error", err)
	}
}

func (s *Sandbox) pageCreateTicket(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form: "+err.Error(), http.StatusBadRequest)
		return
	}
	id, err := s.CreateTicket(TicketInput{
		Subject:        r.PostForm.Get("subject"),
		Description:    r.PostForm.Get("description"),
		Priority:       r.PostForm.Get("priority"),
		RequesterName:  r.PostForm.Get("requester_name"),
		RequesterEmail: r.PostForm.Get("requester_email"),
		Tags:           strings.Fields(r.PostForm.Get("tags")),
	})
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	http.Redirect(w, r, "/sandbox/ui/tickets/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

func (s *Sandbox) pageTicket(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	t, ok := s.Ticket(id)
	if err != nil || !ok {
		http.NotFound(w, r)
		return
	}
	values := s.CustomFields(id)
	type fieldRow struct {
		TicketField
		Value any
	}
	var fields []fieldRow
	for _, f := range s.TicketFields() {
		fields = append(fields, fieldRow{TicketField: f, Value: values[f.ID]})
	}
	var deliveries []Delivery
	for _, d := range s.Deliveries() {
		if d.TicketID == id {
			deliveries = append(deliveries, d)
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := ticketPage.Execute(w, map[string]any{"Ticket": t, "Fields": fields, "Comments": s.Comments(id), "Deliveries": deliveries}); err != nil {
		s.log.Error("render ticket page", "error", err)
	}
}
