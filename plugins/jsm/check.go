package jsm

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

// maintenanceGrace is how long past its MaintainAt an installation may be
// before Check calls the refresh overdue.
const maintenanceGrace = 5 * time.Minute

// Check runs the doctor checks: token and scopes, webhook alive and not past
// its maintenance time, its filter still naming the project, the project,
// and each mapped field existing and on the edit screen.
func (p *Platform) Check(ctx context.Context, creds sdk.Credentials, state sdk.InstallState, binding sdk.Binding) ([]sdk.CheckResult, error) {
	d, err := decodeState(state)
	if err != nil {
		return []sdk.CheckResult{{Name: "install state", Detail: err.Error(),
			Fix: "disconnect and reconnect the binding to register the webhook again"}}, nil
	}
	creds = siteCreds(creds, d)
	b, berr := parseBinding(binding)
	projectKey := d.ProjectKey
	if berr == nil {
		projectKey = b.projectKey
	}
	out := []sdk.CheckResult{p.checkToken(ctx, creds, d)}
	out = append(out, p.checkWebhook(ctx, creds, d, state.MaintainAt, projectKey)...)
	out = append(out, p.checkProject(ctx, creds, projectKey))
	out = append(out, p.checkFields(ctx, creds, projectKey, binding.FieldIDs)...)
	return out, nil
}

func (p *Platform) checkToken(ctx context.Context, creds sdk.Credentials, d installData) sdk.CheckResult {
	r := sdk.CheckResult{Name: "token and scopes", Fix: "reconnect the binding (deskgate connect) to get a new token"}
	var rs []resource
	err := p.do(ctx, creds, call{op: "list accessible resources", method: http.MethodGet, base: d.Root,
		path: "/oauth/token/accessible-resources", out: &rs})
	switch {
	case sdk.IsKind(err, sdk.KindAuthExpired):
		r.Detail = err.Error()
		r.Fix = "the token was refused and could not be refreshed (the grant was removed, or unused for 90 days): reconnect the binding"
		return r
	case err != nil:
		r.Detail = err.Error()
		r.Fix = "check that Atlassian is reachable from the gateway; reconnect the binding if it persists"
		return r
	}
	for _, s := range rs {
		if s.ID != d.CloudID {
			continue
		}
		if missing := missingScopes(s.Scopes); len(missing) > 0 {
			r.Detail = fmt.Sprintf("the grant for %s lacks %s", d.Site, strings.Join(missing, " "))
			r.Fix = "add the scopes to the app (developer console → Permissions) and reconnect the binding"
			return r
		}
		r.OK = true
		r.Detail = fmt.Sprintf("the token reaches %s (cloud id %s) with every scope the plugin needs", d.Site, d.CloudID)
		return r
	}
	r.Detail = fmt.Sprintf("the token no longer reaches %s (cloud id %s)", d.Site, d.CloudID)
	r.Fix = "the app's access to the site was removed: reconnect the binding as a user of the site"
	return r
}

func (p *Platform) checkWebhook(ctx context.Context, creds sdk.Credentials, d installData, maintainAt time.Time, projectKey string) []sdk.CheckResult {
	alive := sdk.CheckResult{Name: "webhook", Fix: "disconnect and reconnect the binding to register the webhook again"}
	filter := sdk.CheckResult{Name: "webhook filter", Fix: "disconnect and reconnect the binding so the webhook filters on project " + projectKey}
	wh, err := p.findWebhook(ctx, creds, d.WebhookID)
	switch {
	case err != nil:
		alive.Detail = err.Error()
		alive.Fix = "check the token (see the token check); the connecting user must still be able to manage webhooks"
		filter.Detail = "not checked: the webhook could not be read"
		return []sdk.CheckResult{alive, filter}
	case wh == nil:
		alive.Detail = fmt.Sprintf("webhook %d no longer exists (deleted, or expired without refresh)", d.WebhookID)
		filter.Detail = "not checked: the webhook is gone"
		return []sdk.CheckResult{alive, filter}
	}
	now := p.now()
	exp, perr := parseExpiration(wh.ExpirationDate)
	switch {
	case perr != nil:
		alive.Detail = fmt.Sprintf("webhook %d: %v", d.WebhookID, perr)
	case !exp.After(now):
		alive.Detail = fmt.Sprintf("webhook %d expired at %s: Jira sends nothing until it is registered again", d.WebhookID, exp.Format(time.RFC3339))
	case !maintainAt.IsZero() && now.After(maintainAt.Add(maintenanceGrace)):
		alive.Detail = fmt.Sprintf("webhook %d was due for refresh at %s and expires at %s: maintenance is overdue",
			d.WebhookID, maintainAt.UTC().Format(time.RFC3339), exp.Format(time.RFC3339))
		alive.Fix = "check the gateway's maintenance jobs in the audit log; reconnect the binding if the refresh keeps failing"
	case wh.URL != d.WebhookURL:
		alive.Detail = fmt.Sprintf("webhook %d sends to %q, not the gateway's %q", d.WebhookID, wh.URL, d.WebhookURL)
	default:
		alive.OK = true
		alive.Detail = fmt.Sprintf("webhook %d is registered and expires at %s", d.WebhookID, exp.Format(time.RFC3339))
	}
	if want := jqlFor(projectKey); wh.JQLFilter == want {
		filter.OK = true
		filter.Detail = fmt.Sprintf("webhook %d filters on %q", d.WebhookID, want)
	} else {
		filter.Detail = fmt.Sprintf("webhook %d filters on %q, not %q", d.WebhookID, wh.JQLFilter, want)
	}
	return []sdk.CheckResult{alive, filter}
}

func (p *Platform) checkProject(ctx context.Context, creds sdk.Credentials, key string) sdk.CheckResult {
	r := sdk.CheckResult{Name: "project " + key, Fix: "set project_key in the binding to the key of a service project the connecting user can see"}
	err := p.do(ctx, creds, call{op: "read project " + key, method: http.MethodGet, path: "/rest/api/3/project/" + url.PathEscape(key)})
	switch {
	case sdk.IsKind(err, sdk.KindNotFound):
		r.Detail = "project " + key + " does not exist or the connecting user cannot see it"
	case err != nil:
		r.Detail = err.Error()
		r.Fix = "check the token (see the token check)"
	default:
		r.OK = true
		r.Detail = "project " + key + " exists"
	}
	return r
}

// checkFields checks each mapped field exists and, on the project's newest
// issue, is on the edit screen.
func (p *Platform) checkFields(ctx context.Context, creds sdk.Credentials, projectKey string, ids map[string]string) []sdk.CheckResult {
	if len(ids) == 0 {
		return nil
	}
	names := make([]string, 0, len(ids))
	for n := range ids {
		names = append(names, n)
	}
	sort.Strings(names)
	var all []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	listErr := p.do(ctx, creds, call{op: "list fields", method: http.MethodGet, path: "/rest/api/3/field", out: &all})
	known := map[string]string{}
	for _, f := range all {
		known[f.ID] = f.Name
	}
	var found struct {
		Issues []struct {
			Key string `json:"key"`
		} `json:"issues"`
	}
	jql := url.QueryEscape(jqlFor(projectKey) + " ORDER BY created DESC")
	searchErr := p.do(ctx, creds, call{op: "find the newest request of " + projectKey, method: http.MethodGet,
		path: "/rest/api/3/search/jql?jql=" + jql + "&maxResults=1&fields=key", out: &found})
	var sample string
	var meta struct {
		Fields map[string]editMetaField `json:"fields"`
	}
	var metaErr error
	if searchErr == nil && len(found.Issues) > 0 {
		sample = found.Issues[0].Key
		metaErr = p.do(ctx, creds, call{op: "read editmeta of " + sample, method: http.MethodGet,
			path: "/rest/api/3/issue/" + url.PathEscape(sample) + "/editmeta", out: &meta})
	}
	var out []sdk.CheckResult
	for _, name := range names {
		id := ids[name]
		r := sdk.CheckResult{Name: "field " + name,
			Fix: fmt.Sprintf("set custom_fields.%s in the binding to a field id such as customfield_10050 (Jira settings → Issues → Custom fields), and add the field to the request type's edit screen", name)}
		fname, exists := known[id]
		switch {
		case listErr != nil:
			r.Detail = listErr.Error()
		case !exists:
			r.Detail = "field " + id + " does not exist"
		case searchErr != nil:
			r.Detail = searchErr.Error()
		case sample == "":
			r.OK = true
			r.Detail = fmt.Sprintf("field %s (%s) exists; project %s has no request yet to check its edit screen on", id, fname, projectKey)
		case metaErr != nil:
			r.Detail = metaErr.Error()
		default:
			if _, ok := meta.Fields[id]; ok {
				r.OK = true
				r.Detail = fmt.Sprintf("field %s (%s) is on the edit screen of %s", id, fname, sample)
			} else {
				r.Detail = fmt.Sprintf("field %s (%s) is not on the edit screen of %s, so it cannot be set", id, fname, sample)
				r.Fix = "add the field to the project's edit screen (Project settings → Screens) and to its field context"
			}
		}
		out = append(out, r)
	}
	return out
}
