package web

import (
	"html/template"
	"net/http"
	"strings"
)

// The admin pages. They are plain server-rendered HTML that works without
// JavaScript.
var pages = template.Must(template.New("base").Parse(`{{define "top"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} · deskgate</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
header{background:#1f2937;color:#fff;padding:.6rem 1.2rem}header a{color:#fff;text-decoration:none;margin-right:1rem}
main{max-width:60rem;margin:1.5rem auto;padding:0 1.2rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd}
.active{color:#065f46;font-weight:600}.inactive{color:#555}.needs_reconnect{color:#9a3412;font-weight:600}
.btn{display:inline-block;padding:.3rem .8rem;border:1px solid #1f2937;border-radius:4px;background:#fff;color:#1f2937;text-decoration:none;cursor:pointer;font:inherit}
.err{color:#991b1b}
</style></head><body>
<header><a href="/"><strong>deskgate</strong></a><a href="/">Bindings</a></header>
<main><h1>{{.Title}}</h1>{{end}}
{{define "bottom"}}</main></body></html>{{end}}

{{define "message"}}{{template "top" .}}<p>{{.Message}}</p><p><a href="/">Back to the bindings</a></p>{{template "bottom" .}}{{end}}

{{define "login"}}{{template "top" .}}
<form method="post" action="/login">
<input type="hidden" name="next" value="{{.Next}}">
<p><label for="token">Admin token</label><br><input id="token" name="token" type="password" autocomplete="current-password" required size="40"></p>
{{if .Message}}<p class="err" role="alert">{{.Message}}</p>{{end}}
<p><button class="btn" type="submit">Log in</button></p>
</form>{{template "bottom" .}}{{end}}

{{define "index"}}{{template "top" .}}
<table><thead><tr><th scope="col">Binding</th><th scope="col">Project</th><th scope="col">Status</th><th scope="col">Installed at</th><th scope="col">Last delivery</th><th scope="col"></th></tr></thead><tbody>
{{range .Bindings}}<tr><td><a href="/bindings/{{.Platform}}/{{.Name}}">{{.Platform}}/{{.Name}}</a></td><td>{{.Project}}</td>
<td class="{{.Status}}">{{.Status}}</td><td>{{with .InstalledAt}}{{.Format "2006-01-02 15:04 MST"}}{{end}}</td>
<td>{{with .LastDeliveryAt}}{{.Format "2006-01-02 15:04 MST"}}{{end}}</td>
<td>{{if ne .Status "active"}}<a class="btn" href="/connect/{{.Platform}}/{{.Name}}">Connect</a>{{end}}</td></tr>
{{else}}<tr><td colspan="6">No bindings are configured.</td></tr>{{end}}
</tbody></table>{{template "bottom" .}}{{end}}

{{define "binding"}}{{template "top" .}}{{with .Binding}}
<dl><dt>Status</dt><dd class="{{.Status}}">{{.Status}}</dd>
<dt>Project</dt><dd>{{.Project}}</dd>
<dt>Posting mode</dt><dd>{{.PostingMode}}</dd><dt>Auto-analyze threshold</dt><dd>{{.Threshold}}</dd>
{{with .InstalledAt}}<dt>Installed at</dt><dd>{{.Format "2006-01-02 15:04:05 MST"}}</dd>{{end}}
{{with .LastDeliveryAt}}<dt>Last delivery</dt><dd>{{.Format "2006-01-02 15:04:05 MST"}}</dd>{{end}}
{{with .LastError}}<dt>Last error</dt><dd class="err">{{.}}</dd>{{end}}
{{range $k, $v := .Install}}<dt>{{$k}}</dt><dd><code>{{$v}}</code></dd>{{end}}</dl>
{{if eq .Status "active"}}<form method="post" action="/bindings/{{.Platform}}/{{.Name}}/disconnect">
<input type="hidden" name="csrf" value="{{$.CSRF}}">
<p><label><input type="checkbox" name="confirm" value="yes" required> Remove the webhook and trigger, revoke the token</label></p>
<p><button class="btn" type="submit">Disconnect</button></p></form>
{{else}}<p><a class="btn" href="/connect/{{.Platform}}/{{.Name}}">Connect</a></p>{{end}}
{{end}}{{template "bottom" .}}{{end}}
`))

type pageData struct {
	Title    string
	Message  string
	Next     string
	CSRF     string
	Bindings []BindingView
	Binding  *BindingView
}

func (s *Server) render(w http.ResponseWriter, status int, name string, d pageData) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("X-Frame-Options", "DENY")
	w.WriteHeader(status)
	if err := pages.ExecuteTemplate(w, name, d); err != nil {
		s.log.Error("render page", "page", name, "error", err)
	}
}

func (s *Server) page(w http.ResponseWriter, status int, title, msg string) {
	s.render(w, status, "message", pageData{Title: title, Message: msg})
}

func (s *Server) registerPages(mux *http.ServeMux) {
	a := s.o.Auth
	mux.HandleFunc("GET /login", func(w http.ResponseWriter, r *http.Request) {
		s.render(w, http.StatusOK, "login", pageData{Title: "Log in", Next: safeNext(r.URL.Query().Get("next"))})
	})
	mux.HandleFunc("POST /login", func(w http.ResponseWriter, r *http.Request) {
		next := safeNext(r.FormValue("next"))
		if !a.Login(w, r.FormValue("token")) {
			s.render(w, http.StatusUnauthorized, "login", pageData{Title: "Log in", Next: next, Message: "That is not the admin token."})
			return
		}
		http.Redirect(w, r, next, http.StatusSeeOther)
	})
	mux.HandleFunc("POST /logout", func(w http.ResponseWriter, r *http.Request) {
		a.Logout(w)
		http.Redirect(w, r, "/login", http.StatusSeeOther)
	})
	mux.Handle("GET /{$}", a.Page(func(w http.ResponseWriter, r *http.Request) {
		views, err := s.Bindings(r.Context())
		if err != nil {
			s.page(w, http.StatusServiceUnavailable, "Store unavailable", err.Error())
			return
		}
		s.render(w, http.StatusOK, "index", pageData{Title: "Connected platforms", Bindings: views})
	}))
	mux.Handle("GET /bindings/{platform}/{binding}", a.Page(func(w http.ResponseWriter, r *http.Request) {
		v, ok := s.bindingView(w, r)
		if !ok {
			return
		}
		s.render(w, http.StatusOK, "binding", pageData{Title: v.Platform + "/" + v.Name, Binding: v, CSRF: a.CSRF()})
	}))
	mux.Handle("POST /bindings/{platform}/{binding}/disconnect", a.Page(func(w http.ResponseWriter, r *http.Request) {
		if !a.CheckCSRF(r.FormValue("csrf")) {
			s.page(w, http.StatusForbidden, "Form expired", "Reload the page and try again.")
			return
		}
		if r.FormValue("confirm") != "yes" {
			s.page(w, http.StatusBadRequest, "Not confirmed", "Tick the confirmation box to disconnect.")
			return
		}
		key := bindingKey(r)
		if s.configured(key) == nil {
			s.page(w, http.StatusNotFound, "Unknown binding", key.String())
			return
		}
		err := s.o.Connector.Disconnect(r.Context(), key)
		s.o.Changed(key)
		if err != nil {
			s.page(w, http.StatusBadGateway, "Disconnect did not finish", err.Error()+" — it can be retried from the binding page.")
			return
		}
		http.Redirect(w, r, "/bindings/"+key.Platform+"/"+key.Name, http.StatusSeeOther)
	}))
}

func (s *Server) bindingView(w http.ResponseWriter, r *http.Request) (*BindingView, bool) {
	key := bindingKey(r)
	views, err := s.Bindings(r.Context())
	if err != nil {
		s.page(w, http.StatusServiceUnavailable, "Store unavailable", err.Error())
		return nil, false
	}
	for i := range views {
		if views[i].Platform == key.Platform && views[i].Name == key.Name {
			return &views[i], true
		}
	}
	s.page(w, http.StatusNotFound, "Unknown binding", "No binding "+key.String()+" is configured.")
	return nil, false
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return "/"
	}
	return next
}
