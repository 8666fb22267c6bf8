package jsm

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

// Delivery headers (reference §2).
const (
	HeaderIdentifier = "X-Atlassian-Webhook-Identifier"
	HeaderRetry      = "X-Atlassian-Webhook-Retry"
)

// EventTicketCreated is the normalized event type of a new request.
const EventTicketCreated = "ticket.created"

// jwtClaims are the claims Verify reads. iss and aud are not checked: which
// values Atlassian puts there for OAuth apps is undocumented, and guessing
// would refuse genuine deliveries.
type jwtClaims struct {
	Exp *float64 `json:"exp"`
	Iat *float64 `json:"iat"`
	Nbf *float64 `json:"nbf"`
	QSH string   `json:"qsh"`
}

// Verify authenticates a delivery by its Authorization: Bearer JWT: HS256
// only, signed with the app's client secret, unexpired, not issued in the
// future (both within the skew), and, when it carries a query string hash
// and the gateway passed the request URI, for this request. The JWT does not
// cover the body, so the body is only a signal: the gateway reads the
// request through the API. Failures are KindRejected; an authenticated body
// that cannot be read is KindMalformed.
func (p *Platform) Verify(_ context.Context, req sdk.VerifyRequest) ([]sdk.Event, error) {
	if len(req.Body) > maxDeliveryBytes {
		return nil, sdk.Errorf(sdk.KindMalformed, "verify delivery: body of %d bytes is over the %d byte limit", len(req.Body), maxDeliveryBytes)
	}
	d, err := decodeState(req.State)
	if err != nil {
		return nil, err
	}
	if d.ClientSecret == "" {
		return nil, sdk.Errorf(sdk.KindPermanent, "verify delivery: install state has no client secret; reconnect the binding")
	}
	now := req.Now
	if now.IsZero() {
		now = time.Now()
	}
	claims, err := p.verifyJWT(bearerToken(req.Headers), d.ClientSecret, now)
	if err != nil {
		return nil, err
	}
	if claims.QSH != "" && claims.QSH != "context-qsh" && req.URL != "" {
		if want := deliveryQSH(req.Method, d.WebhookURL, req.URL); want == "" || !hmac.Equal([]byte(want), []byte(claims.QSH)) {
			return nil, sdk.Errorf(sdk.KindRejected, "verify delivery: the JWT's query string hash is for another request")
		}
	}
	ev, err := parseDelivery(req.Body, d.ProjectKey)
	if err != nil {
		return nil, err
	}
	ev.DedupKey = dedupKey(req.Headers, req.Body)
	// The JWT does not cover the body: a resend is the same token with the
	// same bytes (two genuine deliveries could share a token within its
	// second of issue, never with the same body).
	ev.ReplayKey = sdk.ReplayKey(bearerToken(req.Headers), string(req.Body))
	return []sdk.Event{ev}, nil
}

func bearerToken(h http.Header) string {
	v := deskhttp.Header(h, "Authorization")
	if len(v) > 7 && strings.EqualFold(v[:7], "bearer ") {
		return strings.TrimSpace(v[7:])
	}
	return ""
}

// verifyJWT checks an HS256 JWT and returns its claims; every failure is
// KindRejected and says which check failed, never the token.
func (p *Platform) verifyJWT(tok, secret string, now time.Time) (jwtClaims, error) {
	var c jwtClaims
	if tok == "" {
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: no Authorization: Bearer JWT")
	}
	parts := strings.Split(tok, ".")
	if len(parts) != 3 {
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: the bearer token is not a JWT")
	}
	var head struct {
		Alg string `json:"alg"`
	}
	hb, err := base64.RawURLEncoding.DecodeString(parts[0])
	if err != nil || json.Unmarshal(hb, &head) != nil {
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: the JWT header is unreadable")
	}
	if head.Alg != "HS256" {
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: JWT algorithm %q refused; only HS256 is accepted", deskhttp.Truncate(head.Alg, 16))
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil {
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: bad JWT signature (not base64url)")
	}
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(parts[0] + "." + parts[1]))
	if !hmac.Equal(sig, m.Sum(nil)) {
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: bad JWT signature")
	}
	pb, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil || json.Unmarshal(pb, &c) != nil {
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: the JWT claims are unreadable")
	}
	at := func(f float64) time.Time { return time.Unix(0, 0).Add(time.Duration(f * float64(time.Second))) }
	switch {
	case c.Exp == nil:
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: the JWT has no exp")
	case now.After(at(*c.Exp).Add(p.jwtSkew)):
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: the JWT expired %s ago", now.Sub(at(*c.Exp)).Round(time.Second))
	case at(*c.Exp).After(now.Add(maxJWTLifetime)):
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: the JWT stays valid for %s, longer than the %s a delivery token may live",
			at(*c.Exp).Sub(now).Round(time.Second), maxJWTLifetime)
	case c.Iat != nil && at(*c.Iat).After(now.Add(p.jwtSkew)):
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: the JWT is issued %s in the future", at(*c.Iat).Sub(now).Round(time.Second))
	case c.Nbf != nil && at(*c.Nbf).After(now.Add(p.jwtSkew)):
		return c, sdk.Errorf(sdk.KindRejected, "verify delivery: the JWT is not valid before %s", at(*c.Nbf).UTC().Format(time.RFC3339))
	}
	return c, nil
}

// maxJWTLifetime bounds how long a delivery's JWT may stay valid. The
// body is not signed, so a captured delivery is recognised as a replay by
// its token (Event.ReplayKey), and the gateway remembers replay keys for
// an hour: a token valid for longer could be replayed once it is
// forgotten. Jira's delivery tokens live minutes.
const maxJWTLifetime = 30 * time.Minute

// deliveryQSH is Connect's query string hash of a delivery: the method, the
// path of the URL Jira called (the registered webhook URL) and the query the
// gateway received.
func deliveryQSH(method, webhookURL, requestURI string) string {
	wu, err := url.Parse(webhookURL)
	if err != nil {
		return ""
	}
	ru, err := url.ParseRequestURI(requestURI)
	if err != nil {
		return ""
	}
	if method == "" {
		method = http.MethodPost
	}
	path := wu.Path
	if path == "" {
		path = "/"
	}
	q := ru.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		if k != "jwt" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	enc := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	var parts []string
	for _, k := range keys {
		vs := slices.Clone(q[k])
		sort.Strings(vs)
		for i := range vs {
			vs[i] = enc(vs[i])
		}
		parts = append(parts, enc(k)+"="+strings.Join(vs, ","))
	}
	sum := sha256.Sum256([]byte(strings.ToUpper(method) + "&" + path + "&" + strings.Join(parts, "&")))
	return hex.EncodeToString(sum[:])
}

// deliveryJSON is the part of a jira:issue_created body the plugin reads.
type deliveryJSON struct {
	Timestamp    *int64 `json:"timestamp"`
	WebhookEvent string `json:"webhookEvent"`
	Issue        *struct {
		ID     string `json:"id"`
		Key    string `json:"key"`
		Fields struct {
			Summary     string          `json:"summary"`
			Description json.RawMessage `json:"description"`
			Created     string          `json:"created"`
			Priority    *struct {
				Name string `json:"name"`
			} `json:"priority"`
			Project *struct {
				Key string `json:"key"`
			} `json:"project"`
			Reporter *struct {
				DisplayName  string `json:"displayName"`
				EmailAddress string `json:"emailAddress"`
			} `json:"reporter"`
		} `json:"fields"`
	} `json:"issue"`
}

var issueKeyRE = regexp.MustCompile(`^[A-Z][A-Z0-9_]*-[1-9][0-9]{0,17}$`)

// parseDelivery decodes an authenticated body into a ticket.created event
// without DedupKey. Failures are KindMalformed.
func parseDelivery(body []byte, projectKey string) (sdk.Event, error) {
	var d deliveryJSON
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&d); err != nil {
		return sdk.Event{}, sdk.Errorf(sdk.KindMalformed, "verify delivery: body is not a JSON object: %v", err)
	}
	if dec.More() {
		return sdk.Event{}, sdk.Errorf(sdk.KindMalformed, "verify delivery: trailing data after the JSON object")
	}
	if d.WebhookEvent != eventIssueCreated {
		return sdk.Event{}, sdk.Errorf(sdk.KindMalformed, "verify delivery: event %q is not %s", deskhttp.Truncate(d.WebhookEvent, 64), eventIssueCreated)
	}
	if d.Issue == nil || !issueKeyRE.MatchString(d.Issue.Key) {
		return sdk.Event{}, sdk.Errorf(sdk.KindMalformed, "verify delivery: issue key is missing or not a Jira issue key")
	}
	f := d.Issue.Fields
	proj := strings.SplitN(d.Issue.Key, "-", 2)[0]
	if f.Project != nil && f.Project.Key != "" {
		proj = f.Project.Key
	}
	if projectKey != "" && !strings.EqualFold(proj, projectKey) {
		return sdk.Event{}, sdk.Errorf(sdk.KindMalformed, "verify delivery: issue %s is in project %s, not the binding's %s", d.Issue.Key, deskhttp.Truncate(proj, 32), projectKey)
	}
	t := &sdk.Ticket{ID: d.Issue.Key, Subject: f.Summary}
	if len(f.Description) > 0 {
		t.Description = ADFText(f.Description)
	}
	if f.Priority != nil {
		t.Priority = normalizePriority(f.Priority.Name)
	}
	if f.Reporter != nil {
		t.RequesterName, t.RequesterEmail = f.Reporter.DisplayName, f.Reporter.EmailAddress
	}
	if ct, ok := parseJiraTime(f.Created); ok {
		t.CreatedAt = ct
	}
	ev := sdk.Event{Type: EventTicketCreated, TicketID: d.Issue.Key, Ticket: t, OccurredAt: t.CreatedAt}
	if d.Timestamp != nil && *d.Timestamp > 0 && *d.Timestamp < 1e15 {
		ev.OccurredAt = time.UnixMilli(*d.Timestamp).UTC()
	}
	return ev, nil
}

// dedupKey is X-Atlassian-Webhook-Identifier, the same on every retry of an
// event. Without it a hash of the body stands in: it carries the event's
// millisecond timestamp and issue, so a retry hashes the same.
func dedupKey(h http.Header, body []byte) string {
	if id := deskhttp.Header(h, HeaderIdentifier); id != "" {
		return deskhttp.Truncate(id, 200)
	}
	s := sha256.Sum256(body)
	return "sha256:" + hex.EncodeToString(s[:])
}

// normalizePriority maps Jira's default priorities to the sdk's urgent,
// high, normal, low or "".
func normalizePriority(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "highest", "blocker", "critical", "urgent":
		return "urgent"
	case "high", "major":
		return "high"
	case "medium", "normal":
		return "normal"
	case "low", "lowest", "minor", "trivial":
		return "low"
	default:
		return ""
	}
}

// parseJiraTime reads Jira's 2006-01-02T15:04:05.000-0700 and RFC 3339.
func parseJiraTime(s string) (time.Time, bool) {
	for _, l := range []string{"2006-01-02T15:04:05.000-0700", "2006-01-02T15:04:05-0700", time.RFC3339Nano} {
		if t, err := time.Parse(l, strings.TrimSpace(s)); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
