package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Handler serves the whole emulated account: /oauth/..., /api/v2/... and the
// /sandbox/ admin API and page. Mount it at the root.
func (s *Sandbox) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/oauth/authorizations/new", s.handleAuthorize)
	mux.HandleFunc("/oauth/tokens", s.handleToken)
	mux.HandleFunc("/api/v2/", s.handleAPI)
	mux.Handle("/sandbox/", s.adminHandler())
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/sandbox/", http.StatusFound)
	})
	return s.withFaults(mux)
}

// withFaults answers injected faults before anything else runs, so a fault
// behaves like a proxy or an overloaded Zendesk in front of the API.
func (s *Sandbox) withFaults(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/sandbox/") {
			next.ServeHTTP(w, r)
			return
		}
		f, ok := s.takeFault(r.URL.Path)
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		s.log.Debug("injecting fault", "path", r.URL.Path, "kind", f.kind)
		switch f.kind {
		case Fault429:
			w.Header().Set("Retry-After", "1")
			classicError(w, http.StatusTooManyRequests, "TooManyRequests", "Rate limit exceeded", nil)
		case Fault503:
			w.Header().Set("Retry-After", "1")
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("Service Unavailable"))
		case FaultSlow:
			t := time.NewTimer(f.delay)
			defer t.Stop()
			select {
			case <-t.C:
				next.ServeHTTP(w, r)
			case <-r.Context().Done():
			case <-s.ctx.Done():
			}
		default:
			classicError(w, http.StatusInternalServerError, "InternalServerError", "Internal Server Error", nil)
		}
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// classicError writes the Support API envelope {"error","description","details"}.
func classicError(w http.ResponseWriter, status int, code, desc string, details map[string]any) {
	body := map[string]any{"error": code, "description": desc}
	if details != nil {
		body["details"] = details
	}
	writeJSON(w, status, body)
}

// errorsEnvelope writes the newer {"errors":[…]} shape (webhooks API).
func errorsEnvelope(w http.ResponseWriter, status int, code, title, detail string) {
	e := map[string]any{"code": code, "title": title, "status": strconv.Itoa(status)}
	if detail != "" {
		e["detail"] = detail
	}
	writeJSON(w, status, map[string]any{"errors": []any{e}})
}

func notFound(w http.ResponseWriter) {
	classicError(w, http.StatusNotFound, "RecordNotFound", "Not found", nil)
}

// apiCall is one authenticated /api/v2 request.
type apiCall struct {
	w    http.ResponseWriter
	r    *http.Request
	tok  *token
	segs []string // path after /api/v2/, ".json" stripped from the last one
	json bool     // the last segment carried ".json"
}

// allowed reports whether scopes grant access to resource (read or write).
func allowed(scopes []string, resource string, write bool) bool {
	level := "read"
	if write {
		level = "write"
	}
	for _, sc := range scopes {
		res, lv, qualified := strings.Cut(sc, ":")
		switch {
		case sc == level:
			return true
		case res == resource && (!qualified || lv == level):
			return true
		}
	}
	return false
}

// handleAPI authenticates, rate-limits and routes /api/v2/ requests.
func (s *Sandbox) handleAPI(w http.ResponseWriter, r *http.Request) {
	if !s.countRequest(w) {
		return
	}
	access, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	s.mu.Lock()
	tok, valid := s.lookupToken(strings.TrimSpace(access))
	s.mu.Unlock()
	if !ok || !valid {
		w.Header().Set("WWW-Authenticate", `Bearer realm="Zendesk", error="invalid_token"`)
		writeJSON(w, http.StatusUnauthorized, map[string]string{
			"error":             "invalid_token",
			"error_description": "The access token provided is expired, revoked, malformed or invalid for other reasons.",
		})
		return
	}
	rest := strings.Trim(strings.TrimPrefix(r.URL.Path, "/api/v2/"), "/")
	c := &apiCall{w: w, r: r, tok: tok, segs: strings.Split(rest, "/")}
	last := &c.segs[len(c.segs)-1]
	if trimmed, ok := strings.CutSuffix(*last, ".json"); ok {
		*last, c.json = trimmed, true
	}
	write := r.Method != http.MethodGet && r.Method != http.MethodHead
	resource := c.segs[0]
	switch resource {
	case "ticket_fields":
		resource = "tickets"
	case "oauth":
		s.routeOAuthTokens(c)
		return
	}
	if !allowed(tok.scopes, resource, write) {
		classicError(w, http.StatusForbidden, "Forbidden", "You do not have access to this page. Please contact the account owner of this help desk for further help.", nil)
		return
	}
	switch c.segs[0] {
	case "tickets":
		s.routeTickets(c)
	case "ticket_fields":
		s.routeTicketFields(c)
	case "users":
		s.routeUsers(c)
	case "webhooks":
		if c.json { // Zendesk's webhooks API has no .json routes
			errorsEnvelope(w, http.StatusNotFound, "NotFound", "Not found", "webhooks paths take no .json suffix")
			return
		}
		s.routeWebhooks(c)
	case "triggers":
		s.routeTriggers(c)
	default:
		notFound(w)
	}
}

// countRequest applies the account-wide per-minute limit and sets the rate
// limit headers; false means a 429 was written.
func (s *Sandbox) countRequest(w http.ResponseWriter) bool {
	s.mu.Lock()
	now := s.now()
	if now.Sub(s.rateWindow) >= time.Minute {
		s.rateWindow, s.rateCount = now, 0
	}
	s.rateCount++
	remaining := s.opts.RateLimit - s.rateCount
	reset := s.rateWindow.Add(time.Minute).Sub(now)
	s.mu.Unlock()
	w.Header().Set("X-Rate-Limit", strconv.Itoa(s.opts.RateLimit))
	w.Header().Set("X-Rate-Limit-Remaining", strconv.Itoa(max(remaining, 0)))
	if remaining < 0 {
		w.Header().Set("Retry-After", strconv.Itoa(ceilSeconds(reset)))
		classicError(w, http.StatusTooManyRequests, "TooManyRequests", "Rate limit exceeded", nil)
		return false
	}
	return true
}

// countUpdate applies the Update Ticket endpoint limit; false means a 429
// was written.
func (s *Sandbox) countUpdate(w http.ResponseWriter) bool {
	s.mu.Lock()
	limit := s.updateLimit
	if limit <= 0 {
		s.mu.Unlock()
		return true
	}
	now := s.now()
	if now.Sub(s.updWindow) >= time.Minute {
		s.updWindow, s.updCount = now, 0
	}
	s.updCount++
	count := s.updCount
	reset := s.updWindow.Add(time.Minute).Sub(now)
	s.mu.Unlock()
	over := count > limit
	w.Header().Set("ratelimit-limit", strconv.Itoa(limit))
	w.Header().Set("ratelimit-remaining", strconv.Itoa(max(limit-count, 0)))
	w.Header().Set("ratelimit-reset", strconv.Itoa(ceilSeconds(reset)))
	if over {
		w.Header().Set("Retry-After", strconv.Itoa(ceilSeconds(reset)))
		classicError(w, http.StatusTooManyRequests, "TooManyRequests", "Update Ticket rate limit exceeded", nil)
		return false
	}
	return true
}

func ceilSeconds(d time.Duration) int {
	n := int((d + time.Second - 1) / time.Second)
	return max(n, 1)
}

// routeOAuthTokens serves /api/v2/oauth/tokens/{id|current}.json.
func (s *Sandbox) routeOAuthTokens(c *apiCall) {
	if len(c.segs) != 3 || c.segs[1] != "tokens" {
		notFound(c.w)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var target *token
	if c.segs[2] == "current" {
		target = c.tok
	} else {
		id, err := strconv.ParseInt(c.segs[2], 10, 64)
		if err != nil {
			notFound(c.w)
			return
		}
		for _, t := range s.tokens {
			if t.id == id {
				target = t
			}
		}
		if target == nil {
			notFound(c.w)
			return
		}
	}
	switch c.r.Method {
	case http.MethodGet:
		if !slices.Contains(c.tok.scopes, "read") {
			classicError(c.w, http.StatusForbidden, "Forbidden", "You do not have access to this page. Please contact the account owner of this help desk for further help.", nil)
			return
		}
		tj := map[string]any{
			"id":         target.id,
			"url":        s.opts.PublicURL + "/api/v2/oauth/tokens/" + strconv.FormatInt(target.id, 10) + ".json",
			"user_id":    AdminUserID,
			"client_id":  target.clientID,
			"token":      target.access[:8] + "…",
			"scopes":     target.scopes,
			"created_at": target.created.UTC().Format(time.RFC3339),
			"expires_at": nil,
		}
		if !target.accessExp.IsZero() {
			tj["expires_at"] = target.accessExp.UTC().Format(time.RFC3339)
		}
		writeJSON(c.w, http.StatusOK, map[string]any{"token": tj})
	case http.MethodDelete:
		s.deleteTokenLocked(target)
		s.log.Info("token revoked", "token_id", target.id)
		c.w.WriteHeader(http.StatusNoContent)
	default:
		notFound(c.w)
	}
}

// decodeBody reads a JSON request body into v, answering 400 when it cannot.
func decodeBody(c *apiCall, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(c.w, c.r.Body, 1<<20))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		classicError(c.w, http.StatusBadRequest, "InvalidJSON", "Invalid JSON in request body: "+err.Error(), nil)
		return false
	}
	return true
}

func methodNotAllowed(c *apiCall) {
	classicError(c.w, http.StatusMethodNotAllowed, "MethodNotAllowed", "Method "+c.r.Method+" not allowed here", nil)
}

// jsonEncoder writes JSON without HTML escaping, as Zendesk does.
func jsonEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}
