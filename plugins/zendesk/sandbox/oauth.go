package sandbox

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Bounds Zendesk puts on requested token lifetimes (reference §1.3).
const (
	minAccessTTL  = 300 * time.Second
	maxAccessTTL  = 172800 * time.Second
	minRefreshTTL = 604800 * time.Second
	maxRefreshTTL = 7776000 * time.Second
	codeTTL       = 120 * time.Second
)

// scopeResources are the resources a scope may be qualified with.
var scopeResources = []string{"tickets", "users", "auditlogs", "organizations", "hc", "apps",
	"triggers", "automations", "targets", "webhooks", "macros", "requests",
	"satisfaction_ratings", "dynamic_content", "any_channel", "web_widget", "zis"}

// knownScope reports whether s is a scope string Zendesk knows.
func knownScope(s string) bool {
	switch s {
	case "read", "write", "impersonate":
		return true
	}
	res, level, qualified := strings.Cut(s, ":")
	if !slices.Contains(scopeResources, res) {
		return false
	}
	return !qualified || level == "read" || level == "write"
}

type authCode struct {
	code        string
	clientID    string
	redirectURI string
	scopes      []string
	challenge   string
	expires     time.Time
}

type token struct {
	id         int64
	access     string
	refresh    string
	clientID   string
	scopes     []string
	created    time.Time
	accessExp  time.Time // zero: never expires
	refreshExp time.Time
}

// tokenValid reports whether access is a live token; the caller holds s.mu.
func (s *Sandbox) lookupToken(access string) (*token, bool) {
	t, ok := s.tokens[access]
	if !ok {
		return nil, false
	}
	if !t.accessExp.IsZero() && !s.now().Before(t.accessExp) {
		return nil, false
	}
	return t, true
}

// TokenValid reports whether access is an unexpired, unrevoked access token.
func (s *Sandbox) TokenValid(access string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.lookupToken(access)
	return ok
}

// IssueToken mints a token pair for tests, as if an authorization had
// completed, with the default lifetimes. The token belongs to the first
// client in Options.Clients (so that client can refresh it), or to a
// built-in "sandbox-test" client when there is none.
func (s *Sandbox) IssueToken(scopes string) (access, refresh string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	owner := "sandbox-test"
	if len(s.opts.Clients) > 0 {
		owner = s.opts.Clients[0].ID
	}
	t := s.mintLocked(owner, strings.Fields(scopes), s.opts.AccessTTL, s.opts.RefreshTTL)
	return t.access, t.refresh
}

// RevokeAll deletes every token, as an admin removing our OAuth client's
// grants in Admin Center would.
func (s *Sandbox) RevokeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens = map[string]*token{}
	s.refreshes = map[string]*token{}
}

// mintLocked creates a token; accessTTL < 0 means no expiry and no refresh
// token. The caller holds s.mu.
func (s *Sandbox) mintLocked(clientID string, scopes []string, accessTTL, refreshTTL time.Duration) *token {
	now := s.now()
	t := &token{
		id:       s.nextTokenID,
		access:   randomHex(32),
		clientID: clientID,
		scopes:   scopes,
		created:  now,
	}
	s.nextTokenID++
	if accessTTL >= 0 {
		t.accessExp = now.Add(accessTTL)
		t.refresh = randomHex(32)
		t.refreshExp = now.Add(refreshTTL)
		s.refreshes[t.refresh] = t
	}
	s.tokens[t.access] = t
	return t
}

func (s *Sandbox) deleteTokenLocked(t *token) {
	delete(s.tokens, t.access)
	if t.refresh != "" {
		delete(s.refreshes, t.refresh)
	}
}

// handleAuthorize serves GET /oauth/authorizations/new (and the consent
// form's POST back to it).
func (s *Sandbox) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad request: "+err.Error(), http.StatusBadRequest)
		return
	}
	q := r.Form
	clientID, redirectURI, state := q.Get("client_id"), q.Get("redirect_uri"), q.Get("state")

	s.mu.Lock()
	client, ok := s.clients[clientID]
	s.mu.Unlock()
	// Errors before the redirect URI is trusted are shown, never redirected
	// (RFC 6749 §4.1.2.1).
	if !ok {
		http.Error(w, "invalid_client: unknown client_id", http.StatusBadRequest)
		return
	}
	if redirectURI == "" || !slices.Contains(client.RedirectURIs, redirectURI) {
		http.Error(w, "invalid_request: redirect_uri is not registered for this client", http.StatusBadRequest)
		return
	}
	fail := func(code, desc string) {
		s.log.Info("authorization refused", "client_id", clientID, "error", code)
		redirectWith(w, r, redirectURI, url.Values{"error": {code}, "error_description": {desc}}, state)
	}
	if rt := q.Get("response_type"); rt != "code" {
		fail("unsupported_response_type", "response_type must be code")
		return
	}
	scopes := strings.Fields(q.Get("scope"))
	if len(scopes) == 0 {
		fail("invalid_scope", "scope is required")
		return
	}
	for _, sc := range scopes {
		if !knownScope(sc) {
			fail("invalid_scope", "unknown scope "+sc)
			return
		}
		if len(client.AllowedScopes) > 0 && !slices.Contains(client.AllowedScopes, sc) {
			fail("invalid_scope", "scope "+sc+" is not allowed for this client")
			return
		}
	}
	challenge, method := q.Get("code_challenge"), q.Get("code_challenge_method")
	switch {
	case challenge == "" && method != "":
		fail("invalid_request", "code_challenge_method without code_challenge")
		return
	case challenge == "" && client.Kind == "public":
		fail("invalid_request", "public clients must use PKCE (code_challenge, code_challenge_method=S256)")
		return
	case challenge != "" && method != "S256":
		fail("invalid_request", "code_challenge_method must be S256")
		return
	case challenge != "" && !validChallenge(challenge):
		fail("invalid_request", "code_challenge must be base64url(SHA-256(verifier)) without padding")
		return
	}

	s.mu.Lock()
	deny := s.denyNext
	s.denyNext = false
	s.mu.Unlock()
	if deny || r.Method == http.MethodPost && r.PostForm.Get("decision") == "deny" {
		fail("access_denied", "The end-user or authorization server denied the request.")
		return
	}
	if !s.opts.AutoApprove && !(r.Method == http.MethodPost && r.PostForm.Get("decision") == "allow") {
		s.renderConsent(w, client, scopes, q)
		return
	}

	c := &authCode{
		code:        randomB64(24),
		clientID:    clientID,
		redirectURI: redirectURI,
		scopes:      scopes,
		challenge:   challenge,
		expires:     s.now().Add(codeTTL),
	}
	s.mu.Lock()
	s.codes[c.code] = c
	s.mu.Unlock()
	s.log.Info("authorization granted", "client_id", clientID, "scope", strings.Join(scopes, " "))
	redirectWith(w, r, redirectURI, url.Values{"code": {c.code}}, state)
}

// validChallenge checks the shape of an S256 challenge: 43 base64url chars.
func validChallenge(c string) bool {
	b, err := base64.RawURLEncoding.DecodeString(c)
	return err == nil && len(b) == sha256.Size
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

var consentPage = template.Must(template.New("consent").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>Allow access? — Zendesk sandbox</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:2em auto">
<h1>Allow {{.Client}} to access your Zendesk sandbox?</h1>
<p>It asks for: {{range .Scopes}}<code>{{.}}</code> {{end}}</p>
<form method="post" action="/oauth/authorizations/new">
{{range $k, $vs := .Params}}{{range $vs}}<input type="hidden" name="{{$k}}" value="{{.}}">{{end}}{{end}}
<button name="decision" value="allow">Allow</button>
<button name="decision" value="deny">Deny</button>
</form></body></html>`))

func (s *Sandbox) renderConsent(w http.ResponseWriter, c OAuthClient, scopes []string, q url.Values) {
	params := url.Values{}
	for k, v := range q {
		if k != "decision" {
			params[k] = v
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := consentPage.Execute(w, map[string]any{"Client": c.ID, "Scopes": scopes, "Params": params}); err != nil {
		s.log.Error("render consent page", "error", err)
	}
}

// tokenRequest is the body of POST /oauth/tokens, JSON or form encoded.
type tokenRequest struct {
	GrantType             string  `json:"grant_type"`
	Code                  string  `json:"code"`
	ClientID              string  `json:"client_id"`
	ClientSecret          string  `json:"client_secret"`
	RedirectURI           string  `json:"redirect_uri"`
	CodeVerifier          string  `json:"code_verifier"`
	Scope                 string  `json:"scope"`
	RefreshToken          string  `json:"refresh_token"`
	ExpiresIn             flexInt `json:"expires_in"`
	RefreshTokenExpiresIn flexInt `json:"refresh_token_expires_in"`
}

// flexInt accepts a JSON number or numeric string; 0 means absent.
type flexInt int64

func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		*f = 0
		return nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return fmt.Errorf("not an integer: %s", b)
	}
	*f = flexInt(n)
	return nil
}

// parseTokenRequest reads a token request from a JSON or form body.
func parseTokenRequest(contentType string, body []byte) (tokenRequest, error) {
	var req tokenRequest
	mt, _, _ := mime.ParseMediaType(contentType)
	if mt == "application/x-www-form-urlencoded" {
		v, err := url.ParseQuery(string(body))
		if err != nil {
			return req, fmt.Errorf("parse form body: %w", err)
		}
		req = tokenRequest{
			GrantType: v.Get("grant_type"), Code: v.Get("code"), ClientID: v.Get("client_id"),
			ClientSecret: v.Get("client_secret"), RedirectURI: v.Get("redirect_uri"),
			CodeVerifier: v.Get("code_verifier"), Scope: v.Get("scope"), RefreshToken: v.Get("refresh_token"),
		}
		for name, dst := range map[string]*flexInt{"expires_in": &req.ExpiresIn, "refresh_token_expires_in": &req.RefreshTokenExpiresIn} {
			if s := v.Get(name); s != "" {
				n, err := strconv.ParseInt(s, 10, 64)
				if err != nil {
					return req, fmt.Errorf("%s is not an integer", name)
				}
				*dst = flexInt(n)
			}
		}
		return req, nil
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return req, fmt.Errorf("parse JSON body: %w", err)
	}
	return req, nil
}

func oauthError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, status, map[string]string{"error": code, "error_description": desc})
}

// handleToken serves POST /oauth/tokens.
func (s *Sandbox) handleToken(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		oauthError(w, http.StatusMethodNotAllowed, "invalid_request", "use POST")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<10))
	if err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", "cannot read body")
		return
	}
	req, err := parseTokenRequest(r.Header.Get("Content-Type"), body)
	if err != nil {
		oauthError(w, http.StatusBadRequest, "invalid_request", err.Error())
		return
	}
	if id, secret, ok := r.BasicAuth(); ok {
		// RFC 6749 §2.3.1 form-encodes Basic credentials (golang.org/x/oauth2
		// does); clients sending them raw are accepted too.
		if uid, err := url.QueryUnescape(id); err == nil {
			id = uid
		}
		if usec, err := url.QueryUnescape(secret); err == nil {
			s.mu.Lock()
			raw := s.clients[id].Secret == secret
			s.mu.Unlock()
			if !raw {
				secret = usec
			}
		}
		if req.ClientID != "" && req.ClientID != id {
			oauthError(w, http.StatusBadRequest, "invalid_request", "client_id in body and Authorization header differ")
			return
		}
		req.ClientID, req.ClientSecret = id, secret
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	client, ok := s.clients[req.ClientID]
	if !ok {
		oauthError(w, http.StatusUnauthorized, "invalid_client", "Client authentication failed.")
		return
	}
	if req.ClientSecret != "" && subtle.ConstantTimeCompare([]byte(req.ClientSecret), []byte(client.Secret)) != 1 {
		oauthError(w, http.StatusUnauthorized, "invalid_client", "Client authentication failed.")
		return
	}
	accessTTL, refreshTTL, errDesc := s.requestedTTLs(req)
	if errDesc != "" {
		oauthError(w, http.StatusBadRequest, "invalid_request", errDesc)
		return
	}

	var scopes []string
	switch req.GrantType {
	case "authorization_code":
		c, ok := s.codes[req.Code]
		if !ok || c.clientID != client.ID || !s.now().Before(c.expires) {
			oauthError(w, http.StatusBadRequest, "invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.")
			return
		}
		delete(s.codes, req.Code) // single use, even when the exchange fails below
		if req.RedirectURI != c.redirectURI {
			oauthError(w, http.StatusBadRequest, "invalid_grant", "redirect_uri does not match the authorization request")
			return
		}
		if c.challenge != "" {
			sum := sha256.Sum256([]byte(req.CodeVerifier))
			if req.CodeVerifier == "" || base64.RawURLEncoding.EncodeToString(sum[:]) != c.challenge {
				oauthError(w, http.StatusBadRequest, "invalid_grant", "code_verifier does not match the code_challenge")
				return
			}
		} else if req.CodeVerifier != "" {
			oauthError(w, http.StatusBadRequest, "invalid_grant", "code_verifier sent but no code_challenge was given")
			return
		}
		// A confidential client proves itself with its secret or with PKCE.
		if client.Kind != "public" && req.ClientSecret == "" && c.challenge == "" {
			oauthError(w, http.StatusUnauthorized, "invalid_client", "Client authentication failed.")
			return
		}
		scopes = c.scopes
	case "refresh_token":
		old, ok := s.refreshes[req.RefreshToken]
		if !ok || old.clientID != client.ID || !s.now().Before(old.refreshExp) {
			oauthError(w, http.StatusBadRequest, "invalid_grant", "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.")
			return
		}
		if client.Kind != "public" && req.ClientSecret == "" {
			oauthError(w, http.StatusUnauthorized, "invalid_client", "Client authentication failed.")
			return
		}
		scopes = old.scopes
		if req.Scope != "" {
			asked := strings.Fields(req.Scope)
			for _, sc := range asked {
				if !slices.Contains(old.scopes, sc) {
					oauthError(w, http.StatusBadRequest, "invalid_scope", "refresh cannot widen the granted scope")
					return
				}
			}
			scopes = asked
		}
		s.deleteTokenLocked(old) // rotation: the old pair is gone
	case "":
		oauthError(w, http.StatusBadRequest, "invalid_request", "grant_type is required")
		return
	default:
		oauthError(w, http.StatusBadRequest, "unsupported_grant_type", "grant_type "+req.GrantType+" is not supported")
		return
	}

	t := s.mintLocked(client.ID, scopes, accessTTL, refreshTTL)
	s.log.Info("token issued", "client_id", client.ID, "grant_type", req.GrantType, "token_id", t.id)
	resp := map[string]any{
		"access_token": t.access,
		"token_type":   "bearer",
		"scope":        strings.Join(scopes, " "),
	}
	if t.refresh != "" {
		resp["expires_in"] = int64(accessTTL / time.Second)
		resp["refresh_token"] = t.refresh
		resp["refresh_token_expires_in"] = int64(refreshTTL / time.Second)
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusCreated, resp)
}

// requestedTTLs applies expires_in / refresh_token_expires_in within
// Zendesk's bounds. An old-style client (AccessTTL < 0) gets expiring tokens
// only when it asks for them.
func (s *Sandbox) requestedTTLs(req tokenRequest) (access, refresh time.Duration, errDesc string) {
	access, refresh = s.opts.AccessTTL, s.opts.RefreshTTL
	if req.RefreshTokenExpiresIn != 0 {
		refresh = time.Duration(req.RefreshTokenExpiresIn) * time.Second
		if refresh <= minRefreshTTL || refresh >= maxRefreshTTL {
			return 0, 0, "refresh_token_expires_in must be between 604800 and 7776000 seconds"
		}
	}
	if req.ExpiresIn != 0 {
		access = time.Duration(req.ExpiresIn) * time.Second
		if access <= minAccessTTL || access >= maxAccessTTL {
			return 0, 0, "expires_in must be between 300 and 172800 seconds"
		}
		if access >= refresh {
			return 0, 0, "expires_in must be less than refresh_token_expires_in"
		}
	}
	return access, refresh, ""
}
