package zendesk

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

// rollbackTimeout bounds the clean-up after a failed install; it runs on a
// context detached from the caller's, which may already be cancelled.
const rollbackTimeout = 30 * time.Second

type webhookJSON struct {
	ID            string   `json:"id,omitempty"`
	Name          string   `json:"name"`
	Description   string   `json:"description,omitempty"`
	Endpoint      string   `json:"endpoint"`
	HTTPMethod    string   `json:"http_method"`
	RequestFormat string   `json:"request_format"`
	Status        string   `json:"status"`
	Subscriptions []string `json:"subscriptions"`
}

type triggerJSON struct {
	ID         json.Number `json:"id,omitempty"`
	Title      string      `json:"title"`
	Active     bool        `json:"active"`
	Conditions struct {
		All []conditionJSON `json:"all"`
		Any []conditionJSON `json:"any"`
	} `json:"conditions"`
	Actions []actionJSON `json:"actions"`
}

type conditionJSON struct {
	Field    string `json:"field"`
	Operator string `json:"operator"`
	Value    any    `json:"value"`
}

type actionJSON struct {
	Field string          `json:"field"`
	Value json.RawMessage `json:"value"`
}

// triggerBody is the request body the trigger sends. It carries only the
// ticket id and creation time: whether Zendesk JSON-escapes placeholder values
// (quotes or newlines in a subject) is unconfirmed, so free text stays out and
// the gateway reads the ticket through the API.
const triggerBody = `{"ticket_id":"{{ticket.id}}","created_at":"{{ticket.created_at_with_timestamp}}","event":"ticket.created"}`

// Install creates the webhook, reads its signing secret and creates the
// trigger that fires it on ticket creation. When a step fails, the steps
// already done are undone and the original error is returned.
func (p *Platform) Install(ctx context.Context, req sdk.InstallRequest) (st *sdk.InstallState, err error) {
	name := req.Binding.Name
	if u, err := url.Parse(req.WebhookURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return nil, sdk.Errorf(sdk.KindPermanent, "install binding %s: webhook URL must be an absolute http(s) URL without user information", name)
	}
	creds := req.Credentials
	d := installData{
		Subdomain:  strings.ToLower(req.Binding.Attributes["subdomain"]),
		WebhookURL: req.WebhookURL,
	}
	d.BaseURL, _ = deskhttp.ParseBaseURL(creds.APIBaseURL)

	var undo []func(context.Context) error
	defer func() {
		if err == nil {
			return
		}
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), rollbackTimeout)
		defer cancel()
		for i := len(undo) - 1; i >= 0; i-- {
			if uerr := undo[i](rctx); uerr != nil && !sdk.IsKind(uerr, sdk.KindNotFound) {
				p.log.Warn("install rollback step failed; an object may be left behind", "binding", name, "error", uerr)
			}
		}
	}()

	var wh struct {
		Webhook webhookJSON `json:"webhook"`
	}
	in := map[string]any{"webhook": webhookJSON{
		Name:          "deskgate: " + req.Binding.Platform + "/" + name,
		Description:   "Sends new tickets to the deskgate gateway (binding " + name + "). Managed by deskgate; disconnect the binding to remove it.",
		Endpoint:      req.WebhookURL,
		HTTPMethod:    http.MethodPost,
		RequestFormat: "json",
		Status:        "active",
		Subscriptions: []string{"conditional_ticket_events"},
	}}
	// Webhook paths take no .json suffix, unlike the Support API.
	if err := p.do(ctx, creds, call{op: "install: create webhook", method: http.MethodPost, path: "/api/v2/webhooks", in: in, out: &wh}); err != nil {
		return nil, err
	}
	if wh.Webhook.ID == "" {
		return nil, sdk.Errorf(sdk.KindPermanent, "install: create webhook: response has no webhook id")
	}
	d.WebhookID = wh.Webhook.ID
	undo = append(undo, func(ctx context.Context) error { return p.deleteWebhook(ctx, creds, d.WebhookID) })

	// Whether the create response carries the secret is unconfirmed; peers
	// read it with a separate call, and so do we.
	var sec struct {
		SigningSecret struct {
			Algorithm string `json:"algorithm"`
			Secret    string `json:"secret"`
		} `json:"signing_secret"`
	}
	if err := p.do(ctx, creds, call{op: "install: read webhook signing secret", method: http.MethodGet,
		path: "/api/v2/webhooks/" + d.WebhookID + "/signing_secret", out: &sec}); err != nil {
		return nil, err
	}
	if sec.SigningSecret.Secret == "" {
		return nil, sdk.Errorf(sdk.KindPermanent, "install: read webhook signing secret: response has no secret")
	}
	if a := sec.SigningSecret.Algorithm; a != "" && !strings.EqualFold(a, "sha256") {
		return nil, sdk.Errorf(sdk.KindPermanent, "install: webhook signs with %q; only sha256 is supported", deskhttp.Truncate(a, 32))
	}
	d.SigningSecret = sec.SigningSecret.Secret

	tr := triggerJSON{Title: "deskgate: new ticket → " + name, Active: true}
	tr.Conditions.All = []conditionJSON{{Field: "update_type", Operator: "is", Value: "Create"}}
	tr.Conditions.Any = []conditionJSON{}
	action, _ := json.Marshal([]string{d.WebhookID, triggerBody})
	tr.Actions = []actionJSON{{Field: "notification_webhook", Value: action}}
	var trOut struct {
		Trigger triggerJSON `json:"trigger"`
	}
	// category_id is left out: whether Zendesk requires it once an account
	// uses trigger categories is unconfirmed, and peers omit it.
	if err := p.do(ctx, creds, call{op: "install: create trigger", method: http.MethodPost,
		path: "/api/v2/triggers.json", in: map[string]any{"trigger": tr}, out: &trOut}); err != nil {
		return nil, err
	}
	if trOut.Trigger.ID == "" {
		return nil, sdk.Errorf(sdk.KindPermanent, "install: create trigger: response has no trigger id")
	}
	d.TriggerID = trOut.Trigger.ID.String()
	undo = append(undo, func(ctx context.Context) error { return p.deleteTrigger(ctx, creds, d.TriggerID) })

	st, err = d.state()
	if err != nil {
		return nil, err
	}
	p.log.Info("installed", "binding", name, "webhook_id", d.WebhookID, "trigger_id", d.TriggerID)
	return st, nil
}

func (p *Platform) deleteWebhook(ctx context.Context, creds sdk.Credentials, id string) error {
	return p.do(ctx, creds, call{op: "delete webhook " + id, method: http.MethodDelete, path: "/api/v2/webhooks/" + pathEscape(id)})
}

func (p *Platform) deleteTrigger(ctx context.Context, creds sdk.Credentials, id string) error {
	return p.do(ctx, creds, call{op: "delete trigger " + id, method: http.MethodDelete, path: "/api/v2/triggers/" + pathEscape(id) + ".json"})
}

// Uninstall deletes the trigger (first: a webhook still used by a trigger may
// not be deletable), then the webhook, then revokes the token. Objects already
// gone count as done, and so does a revoke refused with 401: the token is
// already dead.
func (p *Platform) Uninstall(ctx context.Context, creds sdk.Credentials, state sdk.InstallState) error {
	var d installData
	if len(state.Data) > 0 {
		var err error
		if d, err = decodeState(state); err != nil {
			return err
		}
	}
	if d.TriggerID != "" {
		if err := p.deleteTrigger(ctx, creds, d.TriggerID); err != nil && !sdk.IsKind(err, sdk.KindNotFound) {
			return fmt.Errorf("uninstall: %w", err)
		}
	}
	if d.WebhookID != "" {
		if err := p.deleteWebhook(ctx, creds, d.WebhookID); err != nil && !sdk.IsKind(err, sdk.KindNotFound) {
			return fmt.Errorf("uninstall: %w", err)
		}
	}
	if err := p.revokeToken(ctx, creds); err != nil {
		return fmt.Errorf("uninstall: %w", err)
	}
	p.log.Info("uninstalled", "webhook_id", d.WebhookID, "trigger_id", d.TriggerID)
	return nil
}

// revokeToken revokes the access token by id, because DELETE
// …/tokens/current.json has been reported to answer 204 while leaving the
// token usable. It falls back to current.json when the id cannot be read (the
// show call may need the read scope) or the delete by id fails.
func (p *Platform) revokeToken(ctx context.Context, creds sdk.Credentials) error {
	done := func(err error) bool {
		return err == nil || sdk.IsKind(err, sdk.KindNotFound) || sdk.IsKind(err, sdk.KindAuthExpired)
	}
	var cur struct {
		Token struct {
			ID json.Number `json:"id"`
		} `json:"token"`
	}
	err := p.do(ctx, creds, call{op: "read current token", method: http.MethodGet, path: "/api/v2/oauth/tokens/current.json", out: &cur})
	if sdk.IsKind(err, sdk.KindAuthExpired) {
		return nil
	}
	if err == nil && cur.Token.ID != "" {
		if _, ok := parseID(cur.Token.ID.String()); ok {
			err = p.do(ctx, creds, call{op: "revoke token", method: http.MethodDelete, path: "/api/v2/oauth/tokens/" + cur.Token.ID.String() + ".json"})
			if done(err) {
				return nil
			}
		}
	}
	if err != nil {
		p.log.Debug("revoke by id failed, revoking current token", "error", err)
	}
	err = p.do(ctx, creds, call{op: "revoke current token", method: http.MethodDelete, path: "/api/v2/oauth/tokens/current.json"})
	if done(err) {
		return nil
	}
	return err
}

// Check runs the doctor checks: token, webhook, trigger, and each mapped
// custom field. Each failure says how to fix it.
func (p *Platform) Check(ctx context.Context, creds sdk.Credentials, state sdk.InstallState, binding sdk.Binding) ([]sdk.CheckResult, error) {
	var out []sdk.CheckResult
	out = append(out, p.checkToken(ctx, creds))
	d, err := decodeState(state)
	if err != nil {
		out = append(out, sdk.CheckResult{Name: "install state", Detail: err.Error(),
			Fix: "disconnect and reconnect the binding to install the webhook and trigger again"})
	} else {
		out = append(out, p.checkWebhook(ctx, creds, d), p.checkTrigger(ctx, creds, d))
	}
	for _, name := range sortedKeys(binding.FieldIDs) {
		out = append(out, p.checkField(ctx, creds, name, binding.FieldIDs[name]))
	}
	return out, nil
}

func (p *Platform) checkToken(ctx context.Context, creds sdk.Credentials) sdk.CheckResult {
	r := sdk.CheckResult{Name: "token valid", Fix: "reconnect the binding (deskgate connect) to get a new token"}
	var cur struct {
		Token struct {
			Scopes []string `json:"scopes"`
		} `json:"token"`
	}
	err := p.do(ctx, creds, call{op: "read current token", method: http.MethodGet, path: "/api/v2/oauth/tokens/current.json", out: &cur})
	switch {
	case err == nil:
		r.OK = true
		r.Detail = "the access token is accepted"
		if len(cur.Token.Scopes) > 0 {
			r.Detail += " (scopes: " + strings.Join(cur.Token.Scopes, " ") + ")"
		}
	case sdk.IsKind(err, sdk.KindAuthExpired):
		r.Detail = err.Error()
		r.Fix = "the token was revoked or expired and could not be refreshed: reconnect the binding (deskgate connect)"
	default:
		r.Detail = err.Error()
		r.Fix = "check that the Zendesk account is reachable and the token has the read scope; reconnect the binding if it persists"
	}
	return r
}

func (p *Platform) checkWebhook(ctx context.Context, creds sdk.Credentials, d installData) sdk.CheckResult {
	r := sdk.CheckResult{Name: "webhook", Fix: "disconnect and reconnect the binding to recreate the webhook"}
	if d.WebhookID == "" {
		r.Detail = "install state has no webhook id"
		return r
	}
	var wh struct {
		Webhook webhookJSON `json:"webhook"`
	}
	err := p.do(ctx, creds, call{op: "read webhook " + d.WebhookID, method: http.MethodGet, path: "/api/v2/webhooks/" + pathEscape(d.WebhookID), out: &wh})
	switch {
	case sdk.IsKind(err, sdk.KindNotFound):
		r.Detail = "webhook " + d.WebhookID + " no longer exists"
	case err != nil:
		r.Detail = err.Error()
		r.Fix = "check the token (see the token check) and that the authorizing user is a Zendesk admin"
	case wh.Webhook.Status != "active":
		r.Detail = fmt.Sprintf("webhook %s is %q, not active", d.WebhookID, wh.Webhook.Status)
		r.Fix = "activate the webhook in Admin Center > Apps and integrations > Webhooks, or reconnect the binding"
	case d.WebhookURL != "" && wh.Webhook.Endpoint != d.WebhookURL:
		r.Detail = fmt.Sprintf("webhook %s sends to %q, not the gateway's %q", d.WebhookID, wh.Webhook.Endpoint, d.WebhookURL)
		r.Fix = "set the webhook's endpoint back to the gateway's URL, or reconnect the binding"
	default:
		r.OK = true
		r.Detail = fmt.Sprintf("webhook %s is active and sends to the gateway", d.WebhookID)
	}
	return r
}

func (p *Platform) checkTrigger(ctx context.Context, creds sdk.Credentials, d installData) sdk.CheckResult {
	r := sdk.CheckResult{Name: "trigger", Fix: "disconnect and reconnect the binding to recreate the trigger"}
	if d.TriggerID == "" {
		r.Detail = "install state has no trigger id"
		return r
	}
	var tr struct {
		Trigger triggerJSON `json:"trigger"`
	}
	err := p.do(ctx, creds, call{op: "read trigger " + d.TriggerID, method: http.MethodGet, path: "/api/v2/triggers/" + pathEscape(d.TriggerID) + ".json", out: &tr})
	switch {
	case sdk.IsKind(err, sdk.KindNotFound):
		r.Detail = "trigger " + d.TriggerID + " no longer exists"
	case err != nil:
		r.Detail = err.Error()
		r.Fix = "check the token (see the token check) and that it has the triggers:read scope"
	case !tr.Trigger.Active:
		r.Detail = "trigger " + d.TriggerID + " is inactive"
		r.Fix = "activate the trigger in Admin Center > Objects and rules > Triggers, or reconnect the binding"
	case !triggerTargets(tr.Trigger, d.WebhookID):
		r.Detail = "trigger " + d.TriggerID + " does not notify webhook " + d.WebhookID
		r.Fix = "restore the trigger's \"Notify webhook\" action, or reconnect the binding"
	default:
		r.OK = true
		r.Detail = "trigger " + d.TriggerID + " is active and notifies webhook " + d.WebhookID
	}
	return r
}

// triggerTargets reports whether a trigger has a notification_webhook action
// for the webhook.
func triggerTargets(t triggerJSON, webhookID string) bool {
	for _, a := range t.Actions {
		if a.Field != "notification_webhook" {
			continue
		}
		var v []any
		if json.Unmarshal(a.Value, &v) == nil && len(v) > 0 && fmt.Sprint(v[0]) == webhookID {
			return true
		}
	}
	return false
}

// systemFieldTypes are Zendesk's built-in ticket fields, which custom_fields
// cannot set.
var systemFieldTypes = map[string]bool{
	"subject": true, "description": true, "status": true, "tickettype": true, "priority": true,
	"group": true, "assignee": true, "custom_status": true, "brand": true, "ticket_form": true,
}

// severityValues are the values the gateway writes to a mapped severity
// field (design: critical, high, medium, low).
var severityValues = []string{"critical", "high", "medium", "low"}

func (p *Platform) checkField(ctx context.Context, creds sdk.Credentials, name, id string) sdk.CheckResult {
	r := sdk.CheckResult{Name: "field " + name,
		Fix: fmt.Sprintf("set custom_fields.%s in the binding to the id of an active custom ticket field (Admin Center > Objects and rules > Tickets > Fields)", name)}
	if _, ok := parseID(id); !ok {
		r.Detail = fmt.Sprintf("field id %q is not a positive number", id)
		return r
	}
	tf, err := p.readField(ctx, creds, id)
	switch {
	case sdk.IsKind(err, sdk.KindNotFound):
		r.Detail = "ticket field " + id + " does not exist"
	case err != nil:
		r.Detail = err.Error()
		r.Fix = "check the token (see the token check); the field could not be read"
	case tf.Active != nil && !*tf.Active:
		r.Detail = fmt.Sprintf("ticket field %s (%q) is inactive", id, tf.Title)
		r.Fix = "activate the field in Admin Center, or map " + name + " to an active field"
	case systemFieldTypes[tf.Type] || (tf.Removable != nil && !*tf.Removable):
		r.Detail = fmt.Sprintf("ticket field %s (%q) is a system field, not a custom one", id, tf.Title)
	case tf.AgentCanEdit != nil && !*tf.AgentCanEdit:
		r.Detail = fmt.Sprintf("ticket field %s (%q) is not editable by agents", id, tf.Title)
		r.Fix = "make the field editable by agents, or map " + name + " to an editable field"
	case tf.isDropDown():
		return checkDropDown(r, name, id, tf)
	default:
		r.OK = true
		r.Detail = fmt.Sprintf("ticket field %s (%q, %s) exists and is editable", id, tf.Title, tf.Type)
	}
	return r
}

// checkDropDown checks a mapped drop-down field's option tags against the
// values the gateway writes to it: Zendesk answers 200 but keeps the old value
// when a drop-down value is not one of its option tags. Severity values are
// known; affected_service values are the project's service names, which the
// binding does not carry, so they are listed for the admin but not checked;
// analysis_url is a URL, which no option tag can hold.
func checkDropDown(r sdk.CheckResult, name, id string, tf ticketFieldJSON) sdk.CheckResult {
	tags := tf.optionTags()
	have := map[string]bool{}
	for _, t := range tags {
		have[strings.ToLower(t)] = true
	}
	what := fmt.Sprintf("ticket field %s (%q) is a %s field", id, tf.Title, dropDownName(tf.Type))
	switch name {
	case "severity":
		var missing []string
		for _, v := range severityValues {
			if !have[v] {
				missing = append(missing, v)
			}
		}
		if len(missing) > 0 {
			r.Detail = fmt.Sprintf("%s whose option tags (%s) lack %s: Zendesk keeps the old value when the gateway writes one of those",
				what, listOrNone(tags, 20), strings.Join(missing, ", "))
			r.Fix = fmt.Sprintf("add the option tags %s to field %s (Admin Center > Objects and rules > Tickets > Fields), or map severity to a text field",
				strings.Join(missing, ", "), id)
			return r
		}
		r.OK = true
		r.Detail = fmt.Sprintf("%s whose option tags include every severity (%s)", what, strings.Join(severityValues, ", "))
	case "analysis_url":
		r.Detail = what + ": the analysis URL the gateway writes is not one of its option tags, so Zendesk would keep the old value"
		r.Fix = "map analysis_url to a text field"
	default:
		r.OK = true
		r.Detail = fmt.Sprintf("%s with option tags %s; the gateway writes the project's service names, which the binding does not carry to the plugin, so check that each service name is one of these tags",
			what, listOrNone(tags, 20))
		if len(tags) == 0 {
			r.OK = false
			r.Detail = what + " without any option tags: Zendesk would keep the old value whatever the gateway writes"
			r.Fix = fmt.Sprintf("add an option tag for each of the project's service names to field %s, or map %s to a text field", id, name)
		}
	}
	return r
}

func dropDownName(typ string) string {
	if typ == "multiselect" {
		return "multi-select"
	}
	return "drop-down"
}

// pathEscape keeps an id from install state (webhook ids are strings) from
// changing the request path.
func pathEscape(id string) string { return url.PathEscape(id) }
