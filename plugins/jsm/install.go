package jsm

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

// rollbackTimeout bounds the clean-up after a failed install; it runs on a
// context detached from the caller's, which may already be cancelled.
const rollbackTimeout = 30 * time.Second

// eventIssueCreated is the one webhook event the plugin registers: JSM
// portal and email requests arrive as new issues.
const eventIssueCreated = "jira:issue_created"

type resource struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	URL    string   `json:"url"`
	Scopes []string `json:"scopes"`
}

type webhookJSON struct {
	ID             int64           `json:"id"`
	Events         []string        `json:"events"`
	JQLFilter      string          `json:"jqlFilter"`
	ExpirationDate json.RawMessage `json:"expirationDate"`
	URL            string          `json:"url"`
}

// jqlFor is the webhook's filter: new issues of the binding's project.
func jqlFor(projectKey string) string { return "project = " + projectKey }

// Install finds the site's cloud id, checks the project, and registers one
// dynamic webhook for jira:issue_created filtered to the project. It keeps
// the OAuth client's secret in the state: deliveries are JWTs signed with it.
// A failure after the webhook exists deletes it again.
func (p *Platform) Install(ctx context.Context, req sdk.InstallRequest) (st *sdk.InstallState, err error) {
	name := req.Binding.Name
	if u, err := url.Parse(req.WebhookURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return nil, sdk.Errorf(sdk.KindPermanent, "install binding %s: webhook URL must be an absolute http(s) URL without user information", name)
	}
	b, err := parseBinding(req.Binding)
	if err != nil {
		return nil, err
	}
	if req.Client.Secret == "" {
		return nil, sdk.Errorf(sdk.KindPermanent, "install binding %s: the OAuth client secret is needed (Jira signs deliveries with it) but the gateway sent none", name)
	}
	root := b.apiRoot
	if req.Credentials.APIBaseURL != "" {
		if root, err = deskhttp.ParseBaseURL(req.Credentials.APIBaseURL); err != nil {
			return nil, sdk.Errorf(sdk.KindPermanent, "install binding %s: credentials API base URL %v", name, err)
		}
	}
	site, err := p.findSite(ctx, req.Credentials, root, b.site)
	if err != nil {
		return nil, err
	}
	if missing := missingScopes(site.Scopes); len(missing) > 0 {
		return nil, sdk.Errorf(sdk.KindPermanent, "install binding %s: the grant for %s lacks scope(s) %s: add them to the app in the developer console and reconnect",
			name, b.site, strings.Join(missing, " "))
	}
	d := installData{
		CloudID: site.ID, Site: b.site, ProjectKey: b.projectKey, JQL: jqlFor(b.projectKey), WebhookURL: req.WebhookURL,
		ClientID: req.Client.ID, ClientSecret: req.Client.Secret,
		APIBase: root + "/ex/jira/" + url.PathEscape(site.ID), Root: root,
	}
	creds := sdk.Credentials{AccessToken: req.Credentials.AccessToken, APIBaseURL: d.APIBase}
	if err := p.do(ctx, creds, call{op: "install: read project " + b.projectKey, method: http.MethodGet,
		path: "/rest/api/3/project/" + url.PathEscape(b.projectKey)}); err != nil {
		if sdk.IsKind(err, sdk.KindNotFound) {
			return nil, sdk.Errorf(sdk.KindPermanent, "install binding %s: project %s does not exist on %s or the connecting user cannot see it", name, b.projectKey, b.site)
		}
		return nil, err
	}

	if d.WebhookID, err = p.registerWebhook(ctx, creds, d); err != nil {
		return nil, err
	}
	defer func() {
		if err == nil {
			return
		}
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rollbackTimeout)
		defer cancel()
		if uerr := p.deleteWebhook(rctx, creds, d.WebhookID); uerr != nil && !sdk.IsKind(uerr, sdk.KindNotFound) {
			p.log.Warn("install rollback failed; the webhook may be left behind", "binding", name, "webhook_id", d.WebhookID, "error", uerr)
		}
	}()
	wh, err := p.findWebhook(ctx, creds, d.WebhookID)
	if err != nil {
		return nil, err
	}
	if wh == nil {
		return nil, sdk.Errorf(sdk.KindPermanent, "install: webhook %d was registered but Jira does not list it", d.WebhookID)
	}
	if d.Expires, err = parseExpiration(wh.ExpirationDate); err != nil {
		return nil, sdk.Errorf(sdk.KindPermanent, "install: webhook %d: %v", d.WebhookID, err)
	}
	st, err = d.state(p.now())
	if err != nil {
		return nil, err
	}
	p.log.Info("installed", "binding", name, "cloud_id", d.CloudID, "webhook_id", d.WebhookID, "expires", d.Expires)
	return st, nil
}

// findSite picks the accessible resource whose url is the binding's site:
// the list may include sites the user did not consent to, so the name or
// first entry is never trusted.
func (p *Platform) findSite(ctx context.Context, creds sdk.Credentials, root, site string) (resource, error) {
	var rs []resource
	if err := p.do(ctx, creds, call{op: "install: list accessible resources", method: http.MethodGet, base: root,
		path: "/oauth/token/accessible-resources", out: &rs}); err != nil {
		return resource{}, err
	}
	var seen []string
	for _, r := range rs {
		if strings.EqualFold(strings.TrimRight(r.URL, "/"), site) && r.ID != "" {
			return r, nil
		}
		seen = append(seen, r.URL)
	}
	return resource{}, sdk.Errorf(sdk.KindPermanent, "install: site %s is not among the sites the token reaches (%s): connect as a user of that site and grant it",
		site, deskhttp.Truncate(strings.Join(seen, ", "), 300))
}

// missingScopes lists the plugin's scopes a site's grant lacks;
// offline_access is a grant property, not listed per site.
func missingScopes(have []string) []string {
	var out []string
	for _, s := range Scopes {
		if s != "offline_access" && !slices.Contains(have, s) {
			out = append(out, s)
		}
	}
	return out
}

func (p *Platform) registerWebhook(ctx context.Context, creds sdk.Credentials, d installData) (int64, error) {
	in := map[string]any{"url": d.WebhookURL, "webhooks": []any{map[string]any{"events": []string{eventIssueCreated}, "jqlFilter": d.JQL}}}
	var out struct {
		Results []struct {
			CreatedWebhookID int64    `json:"createdWebhookId"`
			Errors           []string `json:"errors"`
		} `json:"webhookRegistrationResult"`
	}
	if err := p.do(ctx, creds, call{op: "register webhook", method: http.MethodPost, path: "/rest/api/3/webhook", in: in, out: &out}); err != nil {
		return 0, err
	}
	// A partial failure is still a 200: the per-webhook result says.
	if len(out.Results) != 1 {
		return 0, sdk.Errorf(sdk.KindPermanent, "register webhook: Jira answered %d results for 1 webhook", len(out.Results))
	}
	r := out.Results[0]
	if len(r.Errors) > 0 || r.CreatedWebhookID == 0 {
		return 0, sdk.Errorf(sdk.KindPermanent, "register webhook (filter %q): %s", d.JQL, deskhttp.Truncate(strings.Join(r.Errors, "; "), maxDescription))
	}
	return r.CreatedWebhookID, nil
}

// findWebhook pages through the app's webhooks for id; nil when absent.
func (p *Platform) findWebhook(ctx context.Context, creds sdk.Credentials, id int64) (*webhookJSON, error) {
	for start, pages := 0, 0; pages < 20; pages++ {
		var page struct {
			Values []webhookJSON `json:"values"`
			IsLast *bool         `json:"isLast"`
			Total  int           `json:"total"`
		}
		if err := p.do(ctx, creds, call{op: "list webhooks", method: http.MethodGet,
			path: "/rest/api/3/webhook?startAt=" + strconv.Itoa(start) + "&maxResults=100", out: &page}); err != nil {
			return nil, err
		}
		for i := range page.Values {
			if page.Values[i].ID == id {
				return &page.Values[i], nil
			}
		}
		start += len(page.Values)
		if len(page.Values) == 0 || (page.IsLast != nil && *page.IsLast) || (page.IsLast == nil && start >= page.Total) {
			return nil, nil
		}
	}
	return nil, nil
}

func (p *Platform) deleteWebhook(ctx context.Context, creds sdk.Credentials, id int64) error {
	return p.do(ctx, creds, call{op: fmt.Sprintf("delete webhook %d", id), method: http.MethodDelete, path: "/rest/api/3/webhook",
		in: map[string][]int64{"webhookIds": {id}}})
}

// parseExpiration reads expirationDate: epoch milliseconds in the schema,
// an ISO string in Atlassian's examples.
func parseExpiration(raw json.RawMessage) (time.Time, error) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return time.Time{}, fmt.Errorf("no expirationDate")
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.UnixMilli(n).UTC(), nil
	}
	var str string
	if json.Unmarshal(raw, &str) == nil {
		if n, err := strconv.ParseInt(str, 10, 64); err == nil {
			return time.UnixMilli(n).UTC(), nil
		}
		for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.000-0700", "2006-01-02T15:04:05-0700"} {
			if t, err := time.Parse(l, str); err == nil {
				return t.UTC(), nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("expirationDate %s is neither epoch milliseconds nor an ISO time", deskhttp.Truncate(s, 40))
}

// siteCreds are creds aimed at the installed site: the gateway sends the
// state's API base, and an older gateway that does not is covered here.
func siteCreds(creds sdk.Credentials, d installData) sdk.Credentials {
	if creds.APIBaseURL == "" || !strings.Contains(creds.APIBaseURL, "/ex/jira/") {
		creds.APIBaseURL = d.APIBase
	}
	return creds
}

// Maintain refreshes the webhook before it expires. A webhook that has
// gone (deleted by an admin, or lapsed and purged) or whose filter no longer
// names the binding's project is registered anew, and the old one deleted.
// A rotated client secret is taken into the state.
func (p *Platform) Maintain(ctx context.Context, req sdk.MaintainRequest) (*sdk.InstallState, error) {
	d, err := decodeState(req.State)
	if err != nil {
		return nil, fmt.Errorf("maintain: %w", err)
	}
	if req.Client.Secret != "" {
		d.ClientID, d.ClientSecret = req.Client.ID, req.Client.Secret
	}
	creds := siteCreds(req.Credentials, d)
	wantJQL := d.JQL
	if b, err := parseBinding(req.Binding); err == nil {
		wantJQL = jqlFor(b.projectKey)
	}
	var out struct {
		ExpirationDate json.RawMessage `json:"expirationDate"`
	}
	if err := p.do(ctx, creds, call{op: fmt.Sprintf("maintain: refresh webhook %d", d.WebhookID), method: http.MethodPut,
		path: "/rest/api/3/webhook/refresh", in: map[string][]int64{"webhookIds": {d.WebhookID}}, out: &out}); err != nil {
		return nil, err
	}
	// Refreshing an id Jira does not know is not an error: look.
	wh, err := p.findWebhook(ctx, creds, d.WebhookID)
	if err != nil {
		return nil, fmt.Errorf("maintain: %w", err)
	}
	if wh != nil && wh.JQLFilter == wantJQL && wh.URL == d.WebhookURL {
		if d.Expires, err = parseExpiration(wh.ExpirationDate); err != nil {
			return nil, sdk.Errorf(sdk.KindPermanent, "maintain: webhook %d: %v", d.WebhookID, err)
		}
		p.log.Info("webhook refreshed", "webhook_id", d.WebhookID, "expires", d.Expires)
		return d.state(p.now())
	}
	old := d.WebhookID
	if b, err := parseBinding(req.Binding); err == nil {
		d.ProjectKey = b.projectKey
	}
	d.JQL = wantJQL
	if d.WebhookID, err = p.registerWebhook(ctx, creds, d); err != nil {
		return nil, fmt.Errorf("maintain: webhook %d is gone or changed; %w", old, err)
	}
	nw, err := p.findWebhook(ctx, creds, d.WebhookID)
	if err != nil || nw == nil {
		return nil, sdk.Errorf(sdk.KindRetryable, "maintain: webhook %d was registered but is not listed yet", d.WebhookID)
	}
	if d.Expires, err = parseExpiration(nw.ExpirationDate); err != nil {
		return nil, sdk.Errorf(sdk.KindPermanent, "maintain: webhook %d: %v", d.WebhookID, err)
	}
	if wh != nil {
		if err := p.deleteWebhook(ctx, creds, old); err != nil && !sdk.IsKind(err, sdk.KindNotFound) {
			p.log.Warn("could not delete the replaced webhook", "webhook_id", old, "error", err)
		}
	}
	p.log.Info("webhook registered anew", "old_webhook_id", old, "webhook_id", d.WebhookID, "expires", d.Expires)
	return d.state(p.now())
}

// Uninstall deletes the webhook; one already gone counts as done. Atlassian
// has no token revocation (Describe says so): the grant stays until an admin
// removes the app, which the gateway tells the admin.
func (p *Platform) Uninstall(ctx context.Context, creds sdk.Credentials, state sdk.InstallState) error {
	if len(state.Data) == 0 {
		return nil
	}
	d, err := decodeState(state)
	if err != nil {
		return fmt.Errorf("uninstall: %w", err)
	}
	if d.WebhookID != 0 {
		err := p.deleteWebhook(ctx, siteCreds(creds, d), d.WebhookID)
		if err != nil && !sdk.IsKind(err, sdk.KindNotFound) {
			return fmt.Errorf("uninstall: %w", err)
		}
	}
	p.log.Info("uninstalled; Atlassian has no token revocation, the app's grant stays until an admin removes it", "webhook_id", d.WebhookID)
	return nil
}
