// Package web is the gateway's HTTP surface for people and tools: the admin
// JSON API the CLI talks to, admin authentication (the bearer token for the
// API; for the UI a server-side session behind a SameSite=Strict cookie, a
// CSRF token on every form, and login throttling), the analysis pages
// (rendered by gateway/assess), the OAuth callback's result pages, and the
// server-rendered admin pages (html/template and a stylesheet embedded with
// go:embed; every page works without JavaScript).
//
// It holds no business logic and owns no state but the login throttle's
// in-memory counts: it calls the store, queue, oauth manager, plugins and
// config reloader it is handed. It must not write config files itself (the
// Reloader does), and it must never put the admin token or a desk secret in
// a page, log line or error.
package web
