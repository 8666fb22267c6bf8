package fakedesk

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Wire types of the fake desk's API, shared with the fake plugin.
type (
	// TicketJSON is a ticket as the desk serves it.
	TicketJSON struct {
		ID           int64          `json:"id"`
		Subject      string         `json:"subject"`
		Description  string         `json:"description"`
		Requester    string         `json:"requester"`
		Email        string         `json:"email"`
		Priority     string         `json:"priority"`
		Status       string         `json:"status"`
		Tags         []string       `json:"tags"`
		CreatedAt    time.Time      `json:"created_at"`
		CustomFields map[string]any `json:"custom_fields"`
	}
	// CommentJSON is a comment as posted and listed.
	CommentJSON struct {
		Body     string `json:"body"`
		HTMLBody string `json:"html_body,omitempty"`
		Public   bool   `json:"public"`
	}
	// WebhookJSON is a registered webhook; Secret is only returned on create.
	WebhookJSON struct {
		ID     string `json:"id"`
		URL    string `json:"url"`
		Secret string `json:"secret,omitempty"`
	}
	// ErrorJSON is every error answer.
	ErrorJSON struct {
		Error string `json:"error"`
		Field string `json:"field,omitempty"`
	}
)

// Desk is the in-memory desk. Create it with Start.
type Desk struct {
	srv *httptest.Server

	mu       sync.Mutex
	tokens   map[string]bool // token → still valid
	nextID   int64
	tickets  map[int64]*TicketJSON
	comments map[int64][]CommentJSON
	webhooks map[string]WebhookJSON
	fields   map[string]bool // custom field ids that exist
}

// Start serves a new desk on 127.0.0.1 until Close.
func Start(fieldIDs ...string) *Desk {
	d := &Desk{
		tokens:   map[string]bool{},
		nextID:   100,
		tickets:  map[int64]*TicketJSON{},
		comments: map[int64][]CommentJSON{},
		webhooks: map[string]WebhookJSON{},
		fields:   map[string]bool{},
	}
	for _, f := range fieldIDs {
		d.fields[f] = true
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/me", d.auth(func(w http.ResponseWriter, r *http.Request) { reply(w, 200, map[string]string{"ok": "yes"}) }))
	mux.HandleFunc("POST /api/tickets", d.auth(d.createTicket))
	mux.HandleFunc("GET /api/tickets/{id}", d.auth(d.getTicket))
	mux.HandleFunc("GET /api/tickets/{id}/comments", d.auth(d.listComments))
	mux.HandleFunc("POST /api/tickets/{id}/comments", d.auth(d.postComment))
	mux.HandleFunc("PUT /api/tickets/{id}/fields", d.auth(d.setFields))
	mux.HandleFunc("GET /api/webhooks", d.auth(d.listWebhooks))
	mux.HandleFunc("POST /api/webhooks", d.auth(d.createWebhook))
	mux.HandleFunc("DELETE /api/webhooks/{id}", d.auth(d.deleteWebhook))
	mux.HandleFunc("POST /api/revoke", d.auth(d.revoke))
	d.srv = httptest.NewServer(mux)
	return d
}

// URL is the desk's base URL.
func (d *Desk) URL() string { return d.srv.URL }

// Close stops the desk.
func (d *Desk) Close() { d.srv.Close() }

// NewToken mints a valid access token.
func (d *Desk) NewToken() string {
	tok := randomHex(16)
	d.mu.Lock()
	d.tokens[tok] = true
	d.mu.Unlock()
	return tok
}

// TokenValid reports whether tok is known and not revoked.
func (d *Desk) TokenValid(tok string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.tokens[tok]
}

// CreateTicket adds a ticket as a requester would.
func (d *Desk) CreateTicket(subject, description string) int64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.nextID++
	id := d.nextID
	d.tickets[id] = &TicketJSON{
		ID: id, Subject: subject, Description: description,
		Requester: "Ada Lovelace", Email: "ada@example.com",
		Priority: "high", Status: "new", Tags: []string{"fake"},
		CreatedAt: time.Now().UTC().Truncate(time.Second),
	}
	return id
}

// Comments lists a ticket's comments.
func (d *Desk) Comments(id int64) []CommentJSON {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]CommentJSON(nil), d.comments[id]...)
}

// Fields returns a ticket's custom field values.
func (d *Desk) Fields(id int64) map[string]any {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := map[string]any{}
	if t := d.tickets[id]; t != nil {
		for k, v := range t.CustomFields {
			out[k] = v
		}
	}
	return out
}

// Webhooks lists the registered webhooks, secrets included.
func (d *Desk) Webhooks() []WebhookJSON {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []WebhookJSON
	for _, w := range d.webhooks {
		out = append(out, w)
	}
	return out
}

func (d *Desk) auth(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || !d.TokenValid(tok) {
			reply(w, http.StatusUnauthorized, ErrorJSON{Error: "invalid token"})
			return
		}
		h(w, r)
	}
}

func (d *Desk) ticket(w http.ResponseWriter, r *http.Request) (*TicketJSON, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		reply(w, http.StatusNotFound, ErrorJSON{Error: "no such ticket"})
		return nil, false
	}
	t := d.tickets[id]
	if t == nil {
		reply(w, http.StatusNotFound, ErrorJSON{Error: "no such ticket"})
		return nil, false
	}
	return t, true
}

func (d *Desk) createTicket(w http.ResponseWriter, r *http.Request) {
	var in TicketJSON
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		reply(w, http.StatusBadRequest, ErrorJSON{Error: "bad json"})
		return
	}
	id := d.CreateTicket(in.Subject, in.Description)
	reply(w, http.StatusCreated, map[string]int64{"id": id})
}

func (d *Desk) getTicket(w http.ResponseWriter, r *http.Request) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if t, ok := d.ticket(w, r); ok {
		reply(w, http.StatusOK, t)
	}
}

func (d *Desk) listComments(w http.ResponseWriter, r *http.Request) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if t, ok := d.ticket(w, r); ok {
		reply(w, http.StatusOK, d.comments[t.ID])
	}
}

func (d *Desk) postComment(w http.ResponseWriter, r *http.Request) {
	var c CommentJSON
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		reply(w, http.StatusBadRequest, ErrorJSON{Error: "bad json"})
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if t, ok := d.ticket(w, r); ok {
		d.comments[t.ID] = append(d.comments[t.ID], c)
		reply(w, http.StatusCreated, c)
	}
}

func (d *Desk) setFields(w http.ResponseWriter, r *http.Request) {
	var in map[string]any
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		reply(w, http.StatusBadRequest, ErrorJSON{Error: "bad json"})
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	t, ok := d.ticket(w, r)
	if !ok {
		return
	}
	for k := range in {
		if !d.fields[k] {
			reply(w, http.StatusUnprocessableEntity, ErrorJSON{Error: "unknown custom field", Field: k})
			return
		}
	}
	if t.CustomFields == nil {
		t.CustomFields = map[string]any{}
	}
	for k, v := range in {
		t.CustomFields[k] = v
	}
	reply(w, http.StatusOK, t)
}

func (d *Desk) listWebhooks(w http.ResponseWriter, r *http.Request) {
	hooks := d.Webhooks()
	for i := range hooks {
		hooks[i].Secret = ""
	}
	reply(w, http.StatusOK, hooks)
}

func (d *Desk) createWebhook(w http.ResponseWriter, r *http.Request) {
	var in WebhookJSON
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.URL == "" {
		reply(w, http.StatusBadRequest, ErrorJSON{Error: "url required"})
		return
	}
	hook := WebhookJSON{ID: "wh_" + randomHex(4), URL: in.URL, Secret: randomHex(16)}
	d.mu.Lock()
	d.webhooks[hook.ID] = hook
	d.mu.Unlock()
	reply(w, http.StatusCreated, hook)
}

func (d *Desk) deleteWebhook(w http.ResponseWriter, r *http.Request) {
	d.mu.Lock()
	defer d.mu.Unlock()
	id := r.PathValue("id")
	if _, ok := d.webhooks[id]; !ok {
		reply(w, http.StatusNotFound, ErrorJSON{Error: "no such webhook"})
		return
	}
	delete(d.webhooks, id)
	w.WriteHeader(http.StatusNoContent)
}

func (d *Desk) revoke(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	d.mu.Lock()
	d.tokens[tok] = false
	d.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}

func reply(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
