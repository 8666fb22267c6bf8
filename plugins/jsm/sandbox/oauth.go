package sandbox

import (
	"crypto/subtle"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Audience is the only audience the authorize endpoint accepts.
const Audience = "api.atlassian.com"

// Lifetimes of the grant (reference §1, rotation).
const (
	codeTTL          = 5 * time.Minute
	refreshIdleTTL   = 90 * 24 * time.Hour
	refreshAbsTTL    = 365 * 24 * time.Hour
	refreshReuseLeew = 10 * time.Minute
)

// KnownScopes are the classic scopes the sandbox grants.
var KnownScopes = []string{
	"read:jira-work", "write:jira-work", "manage:jira-webhook", "read:jira-user",
	"read:servicedesk-request", "write:servicedesk-request", "manage:servicedesk-customer",
	"offline_access",
}

// AdminAccountID is the account every token acts as.
const AdminAccountID = "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077"

type authCode struct {
	clientID    string
	redirectURI string
	scopes      []string
	expires     time.Time
}

type token struct {
	access   string
	clientID string
	scopes   []string
	expires  time.Time
	grant    *grant
}

// grant is one consent: every token pair rotated from it shares it, so a
// refresh-token reuse after the leeway can void them all.
type grant struct {
	clientID string
	scopes   []string
	created  time.Time
	voided   bool
}

type refresh struct {
	value     string
	grant     *grant
	lastUse   time.Time
	rotatedAt time.Time // zero while current
}

// handleAuthorize serves GET /authorize: it checks the request and, as a
// consenting admin would, redirects back with a code.
func (s *Sandbox) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	q := r.URL.Query()
	s.mu.Lock()
	s.authorizes = append(s.authorizes, q)
	client, ok := s.clients[q.Get("client_id")]
	s.mu.Unlock()
	// Errors before the redirect URI is trusted are shown, not redirected.
	if !ok {
		http.Error(w, "invalid_client: unknown client_id", http.StatusBadRequest)
		return
	}
	redirectURI := q.Get("redirect_uri")
	if !slices.Contains(client.RedirectURIs, redirectURI) {
		http.Error(w, "invalid_request: redirect_uri does not match the app's callback URL", http.StatusBadRequest)
		return
	}
	fail := func(code, desc string) {
		redirectWith(w, r, redirectURI, url.Values{"error": {code}, "error_description": {desc}}, q.Get("state"))
	}
	if q.Get("audience") != Audience {
		fail("invalid_request", "audience must be "+Audience)
		return
	}
	if q.Get("response_type") != "code" {
		fail("unsupported_response_type", "response_type must be code")
		return
	}
	scopes := strings.Fields(q.Get("scope"))
	if len(scopes) == 0 {
		fail("invalid_scope", "scope is required")
		return
	}
	for _, sc := range scopes {
		if !slices.Contains(KnownScopes, sc) {
			fail("invalid_scope", "unknown scope "+sc)
			return
		}
	}
	code := randomHex(20)
	s.mu.Lock()
	s.codes[code] = &authCode{clientID: client.ID, redirectURI: redirectURI, scopes: scopes, expires: s.now().Add(codeTTL)}
	s.mu.Unlock()
	s.log.Info("authorization granted", "client_id", client.ID, "scope", strings.Join(scopes, " "))
	redirectWith(w, r, redirectURI, url.Values{"code": {code}}, q.Get("state"))
}

func redirectWith(w http.ResponseWriter, r *http.Request, redirectURI string, params url.Values, state string) {
	u, err := url.Parse(redirectURI)
	if err != nil {
		http.Error(w, "invalid redirect_uri", http.StatusBadRequest)
		return
	}
	q := u.Query()
	for k, vs := range params {
		q[k] = vs
	}
	if state != "" {
		q.Set("state", state)
	}
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.String(), http.StatusFound)
}

// Authorizations returns the query of every /authorize request, in order.
func (s *Sandbox) Authorizations() []url.Values {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.authorizes)
}

type tokenRequest struct {
	GrantType    string `json:"grant_type"`
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	Code         string `json:"code"`
	RedirectURI  string `json:"redirect_uri"`
	RefreshToken string `json:"refresh_token"`
}

func parseTokenRequest(r *http.Request) (tokenRequest, error) {
	var req tokenRequest
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		return req, err
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/x-www-form-urlencoded" {
		v, err := url.ParseQuery(string(body))
		if err != nil {
			return req, err
		}
		return tokenRequest{GrantType: v.Get("grant_type"), ClientID: v.Get("client_id"), ClientSecret: v.Get("client_secret"),
			Code: v.Get("code"), RedirectURI: v.Get("redirect_uri"), RefreshToken: v.Get("refresh_token")}, nil
	}
	err = json.Unmarshal(body, &req)
	return req, err
}

func oauthError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

// handleToken serves POST /oauth/token for both grants.
func (s *Sandbox) handleToken(w http.ResponseWriter, r *http.Request) {
	req, err := parseTokenRequest(r)
	if err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "the body is neither JSON nor a form")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	client, ok := s.clients[req.ClientID]
	if !ok || subtle.ConstantTimeCompare([]byte(req.ClientSecret), []byte(client.Secret)) != 1 {
		oauthError(w, http.StatusUnauthorized, "access_denied", "Unauthorized")
		return
	}
	now := s.now()
	var g *grant
	switch req.GrantType {
	case "authorization_code":
		c, ok := s.codes[req.Code]
		delete(s.codes, req.Code) // single use
		if !ok || c.clientID != client.ID || !now.Before(c.expires) {
			oauthError(w, http.StatusForbidden, "invalid_grant", "Invalid authorization code")
			return
		}
		if req.RedirectURI != c.redirectURI {
			oauthError(w, http.StatusForbidden, "invalid_grant", "redirect_uri does not match the authorization request")
			return
		}
		g = &grant{clientID: client.ID, scopes: c.scopes, created: now}
	case "refresh_token":
		old, ok := s.refreshes[req.RefreshToken]
		if !ok || old.grant.clientID != client.ID || old.grant.voided ||
			!now.Before(old.lastUse.Add(refreshIdleTTL)) || !now.Before(old.grant.created.Add(refreshAbsTTL)) {
			oauthError(w, http.StatusForbidden, "invalid_grant", "Unknown or invalid refresh token.")
			return
		}
		if !old.rotatedAt.IsZero() && !now.Before(old.rotatedAt.Add(refreshReuseLeew)) {
			// Reuse of a voided token after the leeway voids the whole grant.
			s.voidGrantLocked(old.grant)
			s.log.Warn("refresh token reused after rotation; grant voided", "client_id", client.ID)
			oauthError(w, http.StatusForbidden, "invalid_grant", "Unknown or invalid refresh token.")
			return
		}
		if old.rotatedAt.IsZero() {
			old.rotatedAt = now
		}
		g = old.grant
	default:
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token")
		return
	}
	t := &token{access: "at-" + randomHex(24), clientID: client.ID, scopes: g.scopes, expires: now.Add(s.opts.AccessTTL), grant: g}
	s.tokens[t.access] = t
	resp := map[string]any{
		"access_token": t.access, "expires_in": int64(s.opts.AccessTTL / time.Second),
		"scope": strings.Join(g.scopes, " "), "token_type": "Bearer",
	}
	if slices.Contains(g.scopes, "offline_access") {
		rt := &refresh{value: "rt-" + randomHex(24), grant: g, lastUse: now}
		s.refreshes[rt.value] = rt
		resp["refresh_token"] = rt.value
	}
	s.log.Info("token issued", "client_id", client.ID, "grant_type", req.GrantType)
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, resp)
}

func (s *Sandbox) voidGrantLocked(g *grant) {
	g.voided = true
	for k, t := range s.tokens {
		if t.grant == g {
			delete(s.tokens, k)
		}
	}
	for k, rt := range s.refreshes {
		if rt.grant == g {
			delete(s.refreshes, k)
		}
	}
}

// IssueToken mints an access and refresh token for the first client (or a
// built-in one), as if the admin had consented to scopes.
func (s *Sandbox) IssueToken(scopes string) (access, refreshToken string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	owner := "sandbox-test"
	if len(s.opts.Clients) > 0 {
		owner = s.opts.Clients[0].ID
	}
	now := s.now()
	g := &grant{clientID: owner, scopes: strings.Fields(scopes), created: now}
	t := &token{access: "at-" + randomHex(24), clientID: owner, scopes: g.scopes, expires: now.Add(s.opts.AccessTTL), grant: g}
	s.tokens[t.access] = t
	rt := &refresh{value: "rt-" + randomHex(24), grant: g, lastUse: now}
	s.refreshes[rt.value] = rt
	return t.access, rt.value
}

// TokenValid reports whether access is a live access token.
func (s *Sandbox) TokenValid(access string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.lookupTokenLocked(access)
	return ok
}

// RevokeAll removes every grant, as an admin removing the app under
// Connected apps would.
func (s *Sandbox) RevokeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens = map[string]*token{}
	s.refreshes = map[string]*refresh{}
}

func (s *Sandbox) lookupTokenLocked(access string) (*token, bool) {
	t, ok := s.tokens[access]
	if !ok || t.grant.voided || !s.now().Before(t.expires) {
		return nil, false
	}
	return t, true
}

// bearer finds the request's token; on failure it has answered 401.
func (s *Sandbox) bearer(w http.ResponseWriter, r *http.Request) (*token, bool) {
	raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	s.mu.Lock()
	t, found := s.lookupTokenLocked(strings.TrimSpace(raw))
	s.mu.Unlock()
	if !ok || !found {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"code": 401, "message": "Unauthorized"})
		return nil, false
	}
	return t, true
}

// handleResources serves GET /oauth/token/accessible-resources. Every site
// is listed, consented or not, as ID-8490 reports real Atlassian does.
func (s *Sandbox) handleResources(w http.ResponseWriter, r *http.Request) {
	t, ok := s.bearer(w, r)
	if !ok {
		return
	}
	var out []map[string]any
	for _, site := range s.opts.Sites {
		out = append(out, map[string]any{"id": site.CloudID, "name": site.Name, "url": site.URL,
			"scopes": orEmpty(t.scopes), "avatarUrl": site.URL + "/avatar.png"})
	}
	writeJSON(w, http.StatusOK, orEmpty(out))
}
