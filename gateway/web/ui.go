package web

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The pages are html/template files and one stylesheet, embedded so the
// binary serves them with no build step and no CDN.
//
//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

var pages = template.Must(template.New("pages").Funcs(template.FuncMap{
	"join":        strings.Join,
	"statusText":  statusText,
	"fmtTime":     fmtTime,
	"fmtDuration": fmtDuration,
}).ParseFS(templateFS, "templates/*.html"))

// view is what every page template gets: the layout's fields and the
// page's own Data.
type view struct {
	Title    string
	Nav      string // which main navigation entry is current
	Crumbs   []crumb
	LoggedIn bool
	CSRF     string
	Flash    string
	Error    string
	Data     any
}

type crumb struct{ Label, Href string }

func (s *Server) render(w http.ResponseWriter, status int, name string, v view) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	writeSecurityHeaders(h)
	w.WriteHeader(status)
	if err := pages.ExecuteTemplate(w, name, v); err != nil {
		s.log.Error("render page", "page", name, "error", err)
	}
}

// writeSecurityHeaders is what every page of the admin UI, the OAuth
// callback and the continue page send: not stored by any cache, no
// Referer (a callback URL carries an authorization code), no framing, and
// no inline script or style anywhere (the one script, the live preview, and
// the stylesheet are served from /static/).
func writeSecurityHeaders(h http.Header) {
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
}

// admin is a view for a logged-in page; its forms carry r's CSRF token.
func (s *Server) admin(r *http.Request, title, nav string, data any) view {
	return view{Title: title, Nav: nav, LoggedIn: true, CSRF: s.o.Auth.CSRF(r), Data: data}
}

func (s *Server) page(w http.ResponseWriter, status int, title, msg string) {
	s.render(w, status, "message", view{Title: title, Data: msg})
}

// adminPage is page for a logged-in admin: it keeps the navigation.
func (s *Server) adminPage(w http.ResponseWriter, r *http.Request, status int, title, msg string) {
	s.render(w, status, "message", s.admin(r, title, "", msg))
}

func staticHandler() http.Handler {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embed directive guarantees the folder
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

func statusText(s string) string {
	switch s {
	case "active":
		return "active"
	case "needs_reconnect":
		return "needs reconnect"
	default:
		return s
	}
}

// fmtTime accepts a time.Time or *time.Time; zero and nil show as "never".
func fmtTime(v any) string {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x
	case *time.Time:
		if x != nil {
			t = *x
		}
	}
	if t.IsZero() {
		return "never"
	}
	return t.UTC().Format("2006-01-02 15:04:05")
}

// fmtDuration writes whole hours as "2h", others as Go durations without
// trailing zero units ("1h30m").
func fmtDuration(d time.Duration) string {
	switch {
	case d > 0 && d%time.Hour == 0:
		return strconv.FormatInt(int64(d/time.Hour), 10) + "h"
	case d > 0 && d%time.Minute == 0:
		return strings.TrimSuffix(d.String(), "0s")
	}
	return d.String()
}
