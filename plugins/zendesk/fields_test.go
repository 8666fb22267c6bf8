package zendesk

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/sigsentry/deskgate/sdk"
)

// Real 422 bodies, as Zendesk answers them (reference §6 and the threads it
// cites): a required system field on a solved ticket, a closed ticket, a
// blank description.
const (
	typeRequired422 = `{"details":{"base":[{"ticket_field_type":"FieldTagger","ticket_field_id":12345657,` +
		`"description":"Type: is required when solving a ticket","error":null}]},"description":"Record validation errors","error":"RecordInvalid"}`
	closedTicket422 = `{"error":"RecordInvalid","description":"Record validation errors","details":{"status":[{"description":"Status: closed prevents ticket update"}]}}`
)

func TestSetFields_namesAFieldOnlyWhenTheBodyDoes(t *testing.T) {
	tests := []struct {
		name     string
		fields   map[string]any
		body     string
		field    string
		mentions string // Zendesk's text the message must keep
	}{
		{"a details entry whose ticket_field_id is a field sent names that field", map[string]any{"111": "a", "222": "b"},
			`{"error":"RecordInvalid","description":"Record validation errors","details":{"base":[{"description":"Severity: is invalid","error":"InvalidValue","ticket_field_id":222,"ticket_field_type":"FieldTagger"}]}}`,
			"222", "Severity: is invalid"},
		{"a field_key naming a field sent names that field", map[string]any{"111": "a", "222": "b"},
			`{"error":"RecordInvalid","description":"Record validation errors","details":{"base":[{"description":"Service: is invalid","field_key":"111"}]}}`,
			"111", "Service: is invalid"},
		{"a required Type field on a solved ticket names no custom field", map[string]any{"333": "high"},
			typeRequired422, "", "Type: is required when solving a ticket"},
		{"a closed ticket names no field even when one field was sent", map[string]any{"333": "high"},
			closedTicket422, "", "closed prevents ticket update"},
		{"a description that only mentions a sent id names no field", map[string]any{"111": "a", "222": "b"},
			`{"error":"RecordInvalid","description":"Unknown ticket field 111"}`, "", "Unknown ticket field 111"},
		{"the newer errors envelope names no field", map[string]any{"333": "a"},
			`{"errors":[{"title":"Invalid field"}]}`, "", "Invalid field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPI(t)
			f.on("PUT /api/v2/tickets/42.json", 422, tt.body)
			err := New().SetFields(context.Background(), f.creds(), "42", tt.fields)
			e := asSDKError(t, err)
			t.Logf("message: %s", e.Message)
			if e.Kind != sdk.KindPermanent || e.Field != tt.field {
				t.Errorf("got kind %v field %q, want permanent field %q (%s)", e.Kind, e.Field, tt.field, e.Message)
			}
			if !strings.Contains(e.Message, tt.mentions) {
				t.Errorf("message %q lost Zendesk's text %q", e.Message, tt.mentions)
			}
			if tt.field == "" && strings.Contains(e.Message, "rejected field") {
				t.Errorf("message %q blames a field the body does not name", e.Message)
			}
		})
	}
}

// putResponse is the recorded PUT ticket response with the given custom
// fields in place of its empty list.
func putResponse(t *testing.T, customFields string) string {
	t.Helper()
	var m map[string]map[string]any
	if err := json.Unmarshal(fixture(t, "PUT/ticket.json"), &m); err != nil {
		t.Fatal(err)
	}
	var cf any
	if err := json.Unmarshal([]byte(customFields), &cf); err != nil {
		t.Fatal(err)
	}
	m["ticket"]["custom_fields"] = cf
	return string(mustJSON(t, m))
}

const severityDropDown = `{"ticket_field":{"id":111,"title":"Severity","type":"tagger","active":true,"removable":true,` +
	`"custom_field_options":[{"id":1,"name":"Low","value":"low"},{"id":2,"name":"Medium","value":"medium"},{"id":3,"name":"High","value":"high"}]}}`

func TestSetFields_readsTheValuesBackFromTheUpdatedTicket(t *testing.T) {
	tests := []struct {
		name     string
		fields   map[string]any
		stored   string // the updated ticket's custom_fields
		field    string // the field the error names; "" for success
		mentions []string
	}{
		{"values that took are a success", map[string]any{"111": "high", "222": "checkout-api"},
			`[{"id":111,"value":"high"},{"id":222,"value":"checkout-api"},{"id":999,"value":null}]`, "", nil},
		{"a number sent as text that Zendesk stores as a number took", map[string]any{"111": "5", "222": "1.50"},
			`[{"id":111,"value":5},{"id":222,"value":"1.5"}]`, "", nil},
		{"a multi-select stored in another order took", map[string]any{"111": []string{"b", "a"}},
			`[{"id":111,"value":["a","b"]}]`, "", nil},
		{"a drop-down that kept its old value is named with the value sent and the option tags", map[string]any{"111": "critical", "222": "checkout-api"},
			`[{"id":111,"value":"medium"},{"id":222,"value":"checkout-api"}]`, "111",
			[]string{`"critical"`, `"medium"`, "low, medium, high", "field 111"}},
		{"a drop-down left empty is named", map[string]any{"111": "critical"},
			`[{"id":111,"value":null}]`, "111", []string{`"critical"`, "null"}},
		{"a field the updated ticket does not list is not called a failure", map[string]any{"111": "high"},
			`[]`, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPI(t)
			f.on("PUT /api/v2/tickets/42.json", 200, putResponse(t, tt.stored))
			f.on("GET /api/v2/ticket_fields/111.json", 200, severityDropDown)
			err := New().SetFields(context.Background(), f.creds(), "42", tt.fields)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("err = %v, want success", err)
				}
				return
			}
			e := asSDKError(t, err)
			t.Logf("message: %s", e.Message)
			if e.Kind != sdk.KindPermanent || e.Field != tt.field {
				t.Errorf("got kind %v field %q, want permanent field %q: a value that did not take will not take on a retry", e.Kind, e.Field, tt.field)
			}
			for _, m := range tt.mentions {
				if !strings.Contains(e.Message, m) {
					t.Errorf("message %q does not mention %s", e.Message, m)
				}
			}
			if strings.Contains(e.Message, "222") {
				t.Errorf("message %q names a field that took", e.Message)
			}
		})
	}
}

func TestSetFields_explainsWithoutTheFieldWhenItCannotBeRead(t *testing.T) {
	f := newFakeAPI(t)
	f.on("PUT /api/v2/tickets/42.json", 200, `{"ticket":{"id":42,"custom_fields":[{"id":111,"value":"medium"}]}}`)
	// No route for the field: its read answers 404.
	err := New().SetFields(context.Background(), f.creds(), "42", map[string]any{"111": "critical"})
	e := asSDKError(t, err)
	if e.Kind != sdk.KindPermanent || e.Field != "111" || !strings.Contains(e.Message, `sent "critical", the ticket still holds "medium"`) {
		t.Errorf("err = %+v", e)
	}
}

func TestSameFieldValue(t *testing.T) {
	tests := []struct {
		name string
		sent any
		got  string
		want bool
	}{
		{"the same tag is the same", "high", `"high"`, true},
		{"tags differ in case only", "High", `"high"`, true},
		{"another tag is not the same", "critical", `"medium"`, false},
		{"null is not a value sent", "critical", `null`, false},
		{"an empty string is the same as null", "", `null`, true},
		{"a numeric string is the number", "5", `5`, true},
		{"1.50 is 1.5", "1.50", `1.5`, true},
		{"a set in another order is the same", []string{"a", "b"}, `["b","a"]`, true},
		{"a set missing a tag is not the same", []string{"a", "b"}, `["a"]`, false},
		{"true is true", true, `true`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sameFieldValue(tt.sent, json.RawMessage(tt.got)); got != tt.want {
				t.Errorf("sameFieldValue(%#v, %s) = %v, want %v", tt.sent, tt.got, got, tt.want)
			}
		})
	}
}
