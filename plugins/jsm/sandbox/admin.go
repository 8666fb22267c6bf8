package sandbox

import (
	"context"
	"encoding/json"
	"html/template"
	"net/http"
	"time"
)

// adminHandler serves /sandbox/: a JSON API mirroring the Go test methods
// (used by Client) and a small HTML page for the demo's user. It has no
// authentication: the sandbox listens on loopback and holds no real data.
//
//	GET  /sandbox/                           HTML: create a request, list them
//	GET  /sandbox/ui/requests/{key}          HTML: comments (internal marked), fields
//	POST /sandbox/api/requests               RequestInput → 201 {"key"}
//	GET  /sandbox/api/requests[/{key}]       Request(s)
//	GET  /sandbox/api/fields                 []Field
//	POST /sandbox/api/fields                 {"name","type","options"} → 201 {"id"}
//	PATCH /sandbox/api/fields/{id}           {"on_screen"}
//	GET  /sandbox/api/webhooks|deliveries|sites
//	POST /sandbox/api/deliveries/wait        {"n","timeout_ms"} → {"done"}
//	POST /sandbox/api/webhook-ttl            {"seconds"}
//	POST /sandbox/api/tokens                 {"scopes"} → {"access_token","refresh_token"}
//	POST /sandbox/api/tokens/valid           {"access_token"} → {"valid"}
//	GET  /sandbox/api/authorizations         [query of each /authorize]
//	POST /sandbox/api/revoke-all
//	POST /sandbox/api/duplicate-next         {"n"}
//	POST /sandbox/api/faults                 {"method","prefix","n","kind":"429|500|503"}
func (s *Sandbox) adminHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /sandbox/{$}", s.pageIndex)
	mux.HandleFunc("POST /sandbox/ui/requests", s.pageCreate)
	mux.HandleFunc("GET /sandbox/ui/requests/{key}", s.pageRequest)

	mux.HandleFunc("POST /sandbox/api/requests", func(w http.ResponseWriter, r *http.Request) {
		var in RequestInput
		if !adminDecode(w, r, &in) {
			return
		}
		key, err := s.CreateRequest(in)
		if err != nil {
			adminError(w, http.StatusUnprocessableEntity, err.Error())
			return
		}
		writeJSON(w, http.StatusCreated, map[string]string{"key": key})
	})
	mux.HandleFunc("GET /sandbox/api/requests", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, orEmpty(s.Requests()))
	})
	mux.HandleFunc("GET /sandbox/api/requests/{key}", func(w http.ResponseWriter, r *http.Request) {
		req, ok := s.RequestByKey(r.PathValue("key"))
		if !ok {
			adminError(w, http.StatusNotFound, "no request "+r.PathValue("key"))
			return
		}
		writeJSON(w, http.StatusOK, req)
	})
	mux.HandleFunc("GET /sandbox/api/fields", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, orEmpty(s.Fields()))
	})
	mux.HandleFunc("POST /sandbox/api/fields", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Name    string   `json:"name"`
			Type    string   `json:"type"`
			Options []string `json:"options"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		id, err := s.AddField(in.Name, in.Type, in.Options...)
		if err != nil {
			adminError(w, http.StatusUnprocessableEntity, err.Error())
			return
		}
		writeJSON(w, http.StatusCreated, map[string]string{"id": id})
	})
	mux.HandleFunc("PATCH /sandbox/api/fields/{id}", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			OnScreen bool `json:"on_screen"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		if !s.SetFieldOnScreen(r.PathValue("id"), in.OnScreen) {
			adminError(w, http.StatusNotFound, "no field "+r.PathValue("id"))
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /sandbox/api/webhooks", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, orEmpty(s.Webhooks()))
	})
	mux.HandleFunc("GET /sandbox/api/deliveries", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, orEmpty(s.Deliveries()))
	})
	mux.HandleFunc("GET /sandbox/api/sites", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.Sites())
	})
	mux.HandleFunc("GET /sandbox/api/authorizations", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, orEmpty(s.Authorizations()))
	})
	mux.HandleFunc("POST /sandbox/api/deliveries/wait", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			N         int `json:"n"`
			TimeoutMS int `json:"timeout_ms"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), time.Duration(in.TimeoutMS)*time.Millisecond)
		defer cancel()
		writeJSON(w, http.StatusOK, map[string]bool{"done": s.WaitDeliveries(ctx, in.N)})
	})
	mux.HandleFunc("POST /sandbox/api/webhook-ttl", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Seconds float64 `json:"seconds"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		if in.Seconds <= 0 {
			adminError(w, http.StatusUnprocessableEntity, "seconds must be positive")
			return
		}
		s.SetWebhookTTL(time.Duration(in.Seconds * float64(time.Second)))
		w.WriteHeader(http.StatusNoContent)
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
	mux.HandleFunc("POST /sandbox/api/duplicate-next", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			N int `json:"n"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		s.DuplicateNext(in.N)
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("POST /sandbox/api/faults", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Method string    `json:"method"`
			Prefix string    `json:"prefix"`
			N      int       `json:"n"`
			Kind   FaultKind `json:"kind"`
		}
		if !adminDecode(w, r, &in) {
			return
		}
		switch in.Kind {
		case Fault429, Fault500, Fault503:
		default:
			adminError(w, http.StatusUnprocessableEntity, "kind must be 429, 500 or 503")
			return
		}
		s.InjectFaults(in.Method, in.Prefix, in.N, in.Kind)
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}

func adminDecode(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(v); err != nil {
		adminError(w, http.StatusBadRequest, "bad JSON: "+err.Error())
		return false
	}
	return true
}

func adminError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

var indexPage = template.Must(template.New("index").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>Jira Service Management sandbox</title></head>
<body style="font-family:sans-serif;max-width:50em;margin:2em auto">
<h1>Jira Service Management sandbox — project {{.Project}}</h1>
<h2>Raise a request</h2>
<form method="post" action="/sandbox/ui/requests">
<p><label>Summary <input name="summary" size="60" required></label></p>
<p><label>Description<br><textarea name="description" rows="5" cols="70"></textarea></label></p>
<p><label>Priority <select name="priority">{{range .Priorities}}<option{{if eq . "Medium"}} selected{{end}}>{{.}}</option>{{end}}</select></label>
<label>Your name <input name="reporter_name" value="Portal Customer"></label>
<label>Email <input name="reporter_email" value="customer@example.com"></label>
<label>Time zone <input name="reporter_time_zone" placeholder="Australia/Sydney" title="the reporter's profile zone, an IANA name; empty: hidden"></label></p>
<button>Create</button>
</form>
<h2>Requests</h2>
<ul>{{range .Requests}}<li><a href="/sandbox/ui/requests/{{.Key}}">{{.Key}}</a> {{.Summary}} — {{len .Comments}} comment(s)</li>{{else}}<li>none yet</li>{{end}}</ul>
<h2>Dynamic webhooks</h2>
<ul>{{range .Webhooks}}<li>{{.ID}} → {{.URL}} ({{.JQL}}), expires {{.Expires.Format "2006-01-02 15:04:05"}}{{if .Expired}} <b>EXPIRED</b>{{end}}</li>{{else}}<li>none</li>{{end}}</ul>
</body></html>`))

var requestPage = template.Must(template.New("request").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>{{.R.Key}} — JSM sandbox</title></head>
<body style="font-family:sans-serif;max-width:50em;margin:2em auto">
<p><a href="/sandbox/">← all requests</a></p>
<h1>{{.R.Key}}: {{.R.Summary}}</h1>
<p>Priority {{.R.Priority}} · raised by {{.R.Reporter.DisplayName}} {{.R.Reporter.Email}}{{with .R.Reporter.TimeZone}} ({{.}}){{end}} · {{.R.Created.Format "2006-01-02 15:04:05"}} UTC</p>
<pre style="white-space:pre-wrap;background:#f4f5f7;padding:1em">{{.R.Description}}</pre>
<h2>Fields</h2>
<table>{{range .Fields}}<tr><td>{{.Name}} <small>({{.ID}})</small></td><td>{{.Value}}</td></tr>{{end}}</table>
<h2>Comments</h2>
{{range .R.Comments}}<div style="margin:1em 0;padding:.5em 1em;{{if .Public}}border-left:4px solid #0052cc{{else}}border-left:4px solid #ffab00;background:#fffae6{{end}}">
<p><b>{{if .Public}}Reply to customer{{else}}Internal note{{end}}</b> · {{.Author.DisplayName}} · {{.Created.Format "15:04:05"}}</p>
<pre style="white-space:pre-wrap">{{.Body}}</pre></div>{{else}}<p>No comments yet.</p>{{end}}
</body></html>`))

func (s *Sandbox) pageIndex(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	err := indexPage.Execute(w, map[string]any{"Project": s.opts.ProjectKey, "Requests": s.Requests(), "Webhooks": s.Webhooks(),
		"Priorities": []string{"Highest", "High", "Medium", "Low", "Lowest"}})
	if err != nil {
		s.log.Error("render index page", "error", err)
	}
}

func (s *Sandbox) pageCreate(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	key, err := s.CreateRequest(RequestInput{Summary: r.PostForm.Get("summary"), Description: r.PostForm.Get("description"),
		Priority: r.PostForm.Get("priority"), ReporterName: r.PostForm.Get("reporter_name"), ReporterEmail: r.PostForm.Get("reporter_email"),
		ReporterTimeZone: r.PostForm.Get("reporter_time_zone")})
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	http.Redirect(w, r, "/sandbox/ui/requests/"+key, http.StatusSeeOther)
}

func (s *Sandbox) pageRequest(w http.ResponseWriter, r *http.Request) {
	req, ok := s.RequestByKey(r.PathValue("key"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	type row struct {
		ID, Name string
		Value    any
	}
	var rows []row
	for _, f := range s.Fields() {
		v, set := req.Fields[f.ID]
		if !set {
			v = "—"
		}
		rows = append(rows, row{ID: f.ID, Name: f.Name, Value: v})
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := requestPage.Execute(w, map[string]any{"R": req, "Fields": rows}); err != nil {
		s.log.Error("render request page", "error", err)
	}
}
