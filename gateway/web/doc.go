// Package web is the gateway's HTTP surface for people and tools: the admin
// JSON API the CLI talks to, admin authentication (bearer token or the UI's
// login cookie), the analysis pages, and the server-rendered admin pages.
// It holds no business logic: it calls the store, queue, oauth manager and
// plugins it is handed.
package web
