package zendesk

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/sigsentry/deskgate/sdk"
)

const hookURL = "http://127.0.0.1:8080/hooks/zendesk/acme"

func installReq(f *fakeAPI) sdk.InstallRequest {
	return sdk.InstallRequest{
		Binding:     sdk.Binding{Platform: "zendesk", Name: "acme", Attributes: map[string]string{"subdomain": "acme", "api_url": f.srv.URL}},
		Credentials: f.creds(),
		WebhookURL:  hookURL,
	}
}

func happyInstall(f *fakeAPI) {
	f.on("POST /api/v2/webhooks", 201, `{"webhook":{"id":"01WH","status":"active"}}`)
	f.on("GET /api/v2/webhooks/01WH/signing_secret", 200, `{"signing_secret":{"algorithm":"sha256","secret":"s3cr3t"}}`)
	f.on("POST /api/v2/triggers.json", 201, `{"trigger":{"id":9001,"active":true}}`)
}

func TestInstall_createsWebhookThenTriggerAndReturnsState(t *testing.T) {
	f := newFakeAPI(t)
	happyInstall(f)
	st, err := New().Install(context.Background(), installReq(f))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"POST /api/v2/webhooks", "GET /api/v2/webhooks/01WH/signing_secret", "POST /api/v2/triggers.json"}
	if got := f.paths(); !slices.Equal(got, want) {
		t.Errorf("calls = %v, want %v", got, want)
	}
	var d installData
	if err := json.Unmarshal(st.Data, &d); err != nil {
		t.Fatal(err)
	}
	if d.WebhookID != "01WH" || d.TriggerID != "9001" || d.SigningSecret != "s3cr3t" || d.WebhookURL != hookURL || d.Subdomain != "acme" {
		t.Errorf("state = %+v", d)
	}
	if st.Summary["webhook_id"] != "01WH" || st.Summary["trigger_id"] != "9001" {
		t.Errorf("summary = %v", st.Summary)
	}
	for k, v := range st.Summary {
		if strings.Contains(v, "s3cr3t") {
			t.Errorf("summary %s leaks the secret", k)
		}
	}

	reqs := f.requests()
	var wh struct{ Webhook webhookJSON }
	if err := json.Unmarshal(reqs[0].body, &wh); err != nil {
		t.Fatal(err)
	}
	w := wh.Webhook
	if w.Endpoint != hookURL || w.HTTPMethod != "POST" || w.RequestFormat != "json" || w.Status != "active" ||
		!slices.Equal(w.Subscriptions, []string{"conditional_ticket_events"}) || !strings.Contains(w.Name, "deskgate") || !strings.Contains(w.Name, "acme") {
		t.Errorf("webhook sent = %+v", w)
	}
	var tr struct{ Trigger triggerJSON }
	if err := json.Unmarshal(reqs[2].body, &tr); err != nil {
		t.Fatal(err)
	}
	c := tr.Trigger.Conditions.All
	if !tr.Trigger.Active || len(c) != 1 || c[0].Field != "update_type" || c[0].Operator != "is" || c[0].Value != "Create" {
		t.Errorf("trigger conditions = %+v", tr.Trigger)
	}
	if !triggerTargets(tr.Trigger, "01WH") {
		t.Errorf("trigger does not notify the webhook: %s", tr.Trigger.Actions[0].Value)
	}
	var action []string
	_ = json.Unmarshal(tr.Trigger.Actions[0].Value, &action)
	if len(action) != 2 || !json.Valid([]byte(action[1])) || !strings.Contains(action[1], "{{ticket.id}}") {
		t.Errorf("trigger body = %q", action)
	}
}

func TestInstall_rollsBackWhatItCreated(t *testing.T) {
	tests := []struct {
		name    string
		fail    string
		status  int
		kind    sdk.ErrorKind
		deletes []string
	}{
		{"webhook creation fails", "POST /api/v2/webhooks", 403, sdk.KindPermanent, nil},
		{"secret read fails", "GET /api/v2/webhooks/01WH/signing_secret", 500, sdk.KindRetryable, []string{"DELETE /api/v2/webhooks/01WH"}},
		{"trigger creation fails", "POST /api/v2/triggers.json", 422, sdk.KindPermanent, []string{"DELETE /api/v2/webhooks/01WH"}},
		{"trigger creation rate limited", "POST /api/v2/triggers.json", 429, sdk.KindRetryable, []string{"DELETE /api/v2/webhooks/01WH"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPI(t)
			happyInstall(f)
			f.on("DELETE /api/v2/webhooks/01WH", 204, "")
			f.on(tt.fail, tt.status, `{"error":"Boom","description":"injected"}`)
			_, err := New().Install(context.Background(), installReq(f))
			if k := sdk.KindOf(err); err == nil || k != tt.kind {
				t.Fatalf("err = %v, want the original %v error", err, tt.kind)
			}
			if !strings.Contains(err.Error(), "injected") {
				t.Errorf("error %v is not the original one", err)
			}
			var deletes []string
			for _, p := range f.paths() {
				if strings.HasPrefix(p, "DELETE ") {
					deletes = append(deletes, p)
				}
			}
			if !slices.Equal(deletes, tt.deletes) {
				t.Errorf("deletes = %v, want %v", deletes, tt.deletes)
			}
		})
	}
}

func TestInstall_rejectsABadWebhookURL(t *testing.T) {
	f := newFakeAPI(t)
	req := installReq(f)
	req.WebhookURL = "hooks/zendesk/acme"
	if _, err := New().Install(context.Background(), req); !sdk.IsKind(err, sdk.KindPermanent) || len(f.requests()) != 0 {
		t.Errorf("err = %v after %d requests", err, len(f.requests()))
	}
}

func TestUninstall_deletesTriggerWebhookAndRevokesByID(t *testing.T) {
	f := newFakeAPI(t)
	f.on("DELETE /api/v2/triggers/9001.json", 204, "")
	f.on("DELETE /api/v2/webhooks/01WH", 204, "")
	f.on("GET /api/v2/oauth/tokens/current.json", 200, `{"token":{"id":555}}`)
	f.on("DELETE /api/v2/oauth/tokens/555.json", 204, "")
	st := sdk.InstallState{Data: mustJSON(t, installData{WebhookID: "01WH", TriggerID: "9001", SigningSecret: "x"})}
	if err := New().Uninstall(context.Background(), f.creds(), st); err != nil {
		t.Fatal(err)
	}
	want := []string{"DELETE /api/v2/triggers/9001.json", "DELETE /api/v2/webhooks/01WH", "GET /api/v2/oauth/tokens/current.json", "DELETE /api/v2/oauth/tokens/555.json"}
	if got := f.paths(); !slices.Equal(got, want) {
		t.Errorf("calls = %v, want %v", got, want)
	}
}

func TestUninstall_isIdempotent(t *testing.T) {
	tests := []struct {
		name  string
		setup func(f *fakeAPI)
		want  []string
	}{
		{"everything already gone", func(f *fakeAPI) {
			f.on("GET /api/v2/oauth/tokens/current.json", 401, `{"error":"Couldn't authenticate you"}`)
		}, []string{"DELETE /api/v2/triggers/9001.json", "DELETE /api/v2/webhooks/01WH", "GET /api/v2/oauth/tokens/current.json"}},
		{"token id unreadable: falls back to current", func(f *fakeAPI) {
			f.on("GET /api/v2/oauth/tokens/current.json", 403, `{"error":"Forbidden"}`)
			f.on("DELETE /api/v2/oauth/tokens/current.json", 204, "")
		}, []string{"DELETE /api/v2/triggers/9001.json", "DELETE /api/v2/webhooks/01WH", "GET /api/v2/oauth/tokens/current.json", "DELETE /api/v2/oauth/tokens/current.json"}},
		{"revoke by id fails: falls back to current", func(f *fakeAPI) {
			f.on("GET /api/v2/oauth/tokens/current.json", 200, `{"token":{"id":555}}`)
			f.on("DELETE /api/v2/oauth/tokens/555.json", 403, `{"error":"Forbidden"}`)
			f.on("DELETE /api/v2/oauth/tokens/current.json", 204, "")
		}, []string{"DELETE /api/v2/triggers/9001.json", "DELETE /api/v2/webhooks/01WH", "GET /api/v2/oauth/tokens/current.json", "DELETE /api/v2/oauth/tokens/555.json", "DELETE /api/v2/oauth/tokens/current.json"}},
		{"revoke answers 401: token already dead", func(f *fakeAPI) {
			f.on("GET /api/v2/oauth/tokens/current.json", 200, `{"token":{"id":555}}`)
			f.on("DELETE /api/v2/oauth/tokens/555.json", 401, ``)
		}, []string{"DELETE /api/v2/triggers/9001.json", "DELETE /api/v2/webhooks/01WH", "GET /api/v2/oauth/tokens/current.json", "DELETE /api/v2/oauth/tokens/555.json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPI(t)
			tt.setup(f)
			st := sdk.InstallState{Data: mustJSON(t, installData{WebhookID: "01WH", TriggerID: "9001", SigningSecret: "x"})}
			if err := New().Uninstall(context.Background(), f.creds(), st); err != nil {
				t.Fatal(err)
			}
			if got := f.paths(); !slices.Equal(got, tt.want) {
				t.Errorf("calls = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestUninstall_stopsOnAFailureThatIsNotDone(t *testing.T) {
	f := newFakeAPI(t)
	f.on("DELETE /api/v2/triggers/9001.json", 401, "")
	st := sdk.InstallState{Data: mustJSON(t, installData{WebhookID: "01WH", TriggerID: "9001"})}
	err := New().Uninstall(context.Background(), f.creds(), st)
	if !sdk.IsKind(err, sdk.KindAuthExpired) || len(f.requests()) != 1 {
		t.Errorf("err = %v after %v", err, f.paths())
	}
}

func TestCheck_reportsEachPart(t *testing.T) {
	f := newFakeAPI(t)
	f.on("GET /api/v2/oauth/tokens/current.json", 200, `{"token":{"id":555,"scopes":["read"]}}`)
	f.on("GET /api/v2/webhooks/01WH", 200, `{"webhook":{"id":"01WH","status":"active","endpoint":"`+hookURL+`"}}`)
	f.on("GET /api/v2/triggers/9001.json", 200, `{"trigger":{"id":9001,"active":true,"actions":[{"field":"notification_webhook","value":["01WH","{}"]}]}}`)
	f.on("GET /api/v2/ticket_fields/111.json", 200, `{"ticket_field":{"id":111,"title":"Severity","type":"tagger","active":true,"removable":true,"custom_field_options":[`+
		`{"id":1,"name":"Critical","value":"critical"},{"id":2,"name":"High","value":"high"},{"id":3,"name":"Medium","value":"medium"},{"id":4,"name":"Low","value":"low"}]}}`)
	f.on("GET /api/v2/ticket_fields/222.json", 200, `{"ticket_field":{"id":222,"title":"Old","type":"text","active":false,"removable":true}}`)
	f.on("GET /api/v2/ticket_fields/444.json", 200, `{"ticket_field":{"id":444,"title":"Status","type":"status","active":true,"removable":false}}`)
	st := sdk.InstallState{Data: mustJSON(t, installData{WebhookID: "01WH", TriggerID: "9001", WebhookURL: hookURL})}
	b := sdk.Binding{Name: "acme", FieldIDs: map[string]string{"severity": "111", "affected_service": "222", "analysis_url": "333", "zz_status": "444"}}
	res, err := New().Check(context.Background(), f.creds(), st, b)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"token valid": true, "webhook": true, "trigger": true,
		"field affected_service": false, "field analysis_url": false, "field severity": true, "field zz_status": false}
	if len(res) != len(want) {
		t.Fatalf("got %d results, want %d: %+v", len(res), len(want), res)
	}
	for _, r := range res {
		ok, known := want[r.Name]
		if !known || r.OK != ok {
			t.Errorf("%s: OK = %v (%s), want %v", r.Name, r.OK, r.Detail, ok)
		}
		if r.Fix == "" || r.Detail == "" {
			t.Errorf("%s has no fix or detail: %+v", r.Name, r)
		}
	}
}

func TestCheck_detectsDriftedWebhookAndTrigger(t *testing.T) {
	tests := []struct {
		name    string
		webhook string
		trigger string
		failing []string
	}{
		{"webhook inactive", `{"webhook":{"id":"01WH","status":"inactive","endpoint":"` + hookURL + `"}}`, "", []string{"webhook"}},
		{"webhook points elsewhere", `{"webhook":{"id":"01WH","status":"active","endpoint":"https://evil.example/"}}`, "", []string{"webhook"}},
		{"trigger inactive", "", `{"trigger":{"id":9001,"active":false,"actions":[{"field":"notification_webhook","value":["01WH","{}"]}]}}`, []string{"trigger"}},
		{"trigger notifies another webhook", "", `{"trigger":{"id":9001,"active":true,"actions":[{"field":"notification_webhook","value":["01OTHER","{}"]}]}}`, []string{"trigger"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPI(t)
			f.on("GET /api/v2/oauth/tokens/current.json", 200, `{"token":{"id":555}}`)
			f.on("GET /api/v2/webhooks/01WH", 200, `{"webhook":{"id":"01WH","status":"active","endpoint":"`+hookURL+`"}}`)
			f.on("GET /api/v2/triggers/9001.json", 200, `{"trigger":{"id":9001,"active":true,"actions":[{"field":"notification_webhook","value":["01WH","{}"]}]}}`)
			if tt.webhook != "" {
				f.on("GET /api/v2/webhooks/01WH", 200, tt.webhook)
			}
			if tt.trigger != "" {
				f.on("GET /api/v2/triggers/9001.json", 200, tt.trigger)
			}
			st := sdk.InstallState{Data: mustJSON(t, installData{WebhookID: "01WH", TriggerID: "9001", WebhookURL: hookURL})}
			res, _ := New().Check(context.Background(), f.creds(), st, sdk.Binding{})
			var failing []string
			for _, r := range res {
				if !r.OK {
					failing = append(failing, r.Name)
				}
			}
			if !slices.Equal(failing, tt.failing) {
				t.Errorf("failing = %v, want %v", failing, tt.failing)
			}
		})
	}
}

func TestCheck_reportsARevokedToken(t *testing.T) {
	f := newFakeAPI(t)
	f.on("GET /api/v2/oauth/tokens/current.json", 401, `{"error":"Couldn't authenticate you"}`)
	res, err := New().Check(context.Background(), f.creds(), sdk.InstallState{}, sdk.Binding{})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Name != "token valid" || res[0].OK || !strings.Contains(res[0].Fix, "reconnect") {
		t.Errorf("token result = %+v", res[0])
	}
}

func TestCheck_comparesDropDownOptionTagsWithTheValuesTheGatewayWrites(t *testing.T) {
	field := func(typ string, tags ...string) string {
		opts := []map[string]any{}
		for i, tag := range tags {
			opts = append(opts, map[string]any{"id": i + 1, "name": strings.ToUpper(tag), "value": tag})
		}
		return string(mustJSON(t, map[string]any{"ticket_field": map[string]any{"id": 111, "title": "Mapped", "type": typ,
			"active": true, "removable": true, "agent_can_edit": true, "custom_field_options": opts}}))
	}
	tests := []struct {
		name, mapped, body string
		ok                 bool
		detail, fix        string // substrings
	}{
		{"a severity drop-down with every severity tag passes", "severity",
			field("tagger", "low", "medium", "high", "critical"), true, "include every severity", ""},
		{"a severity drop-down without critical fails and says which tag to add to which field", "severity",
			field("tagger", "low", "medium", "high"), false, "lack critical", "add the option tags critical to field 111"},
		{"a severity drop-down without options fails naming every severity", "severity",
			field("tagger"), false, "(none) lack critical, high, medium, low", "add the option tags critical, high, medium, low to field 111"},
		{"a severity multi-select is checked the same way", "severity",
			field("multiselect", "low"), false, "multi-select", "add the option tags critical, high, medium to field 111"},
		{"an affected_service drop-down passes and lists its tags because service names are not known to the plugin", "affected_service",
			field("tagger", "checkout-api", "search"), true, "checkout-api, search", ""},
		{"an affected_service drop-down without options fails", "affected_service",
			field("tagger"), false, "without any option tags", "add an option tag for each of the project's service names to field 111"},
		{"an analysis_url drop-down fails", "analysis_url",
			field("tagger", "x"), false, "not one of its option tags", "map analysis_url to a text field"},
		{"a severity text field passes", "severity",
			field("text"), true, "exists and is editable", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPI(t)
			f.on("GET /api/v2/ticket_fields/111.json", 200, tt.body)
			r := New().checkField(context.Background(), f.creds(), tt.mapped, "111")
			if r.OK != tt.ok || !strings.Contains(r.Detail, tt.detail) || !strings.Contains(r.Fix, tt.fix) {
				t.Errorf("got %+v, want OK %v, detail with %q, fix with %q", r, tt.ok, tt.detail, tt.fix)
			}
		})
	}
}
