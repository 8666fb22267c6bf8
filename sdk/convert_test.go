package sdk

import (
	"net/http"
	"reflect"
	"testing"
	"time"

	"google.golang.org/protobuf/proto"
)

// wire sends m through its binary encoding, as gRPC does, so a round trip
// also proves the fields survive marshalling and not just the Go copy.
func wire[M proto.Message](t testing.TB, m M) M {
	t.Helper()
	raw, err := proto.Marshal(m)
	if err != nil {
		t.Fatalf("marshal %T: %v", m, err)
	}
	out := m.ProtoReflect().New().Interface().(M)
	if err := proto.Unmarshal(raw, out); err != nil {
		t.Fatalf("unmarshal %T: %v", m, err)
	}
	return out
}

var (
	created  = time.Date(2026, 11, 27, 1, 2, 3, 456000000, time.UTC)
	occurred = time.Date(2026, 11, 27, 1, 2, 9, 0, time.UTC)
)

func fullTicket() *Ticket {
	return &Ticket{
		ID:             "123",
		Subject:        "Checkout down",
		Description:    "Cannot pay since 10:05 — ✓ unicode",
		RequesterName:  "Ada",
		RequesterEmail: "ada@example.com",
		Priority:       "urgent",
		Status:         "new",
		Tags:           []string{"vip", "checkout"},
		CreatedAt:      created,
		CustomFields: map[string]any{
			"360001234567": "high",
			"360002345678": float64(360002345678),
			"360003456789": nil,
			"flag":         true,
			"multi":        []any{"a", "b"},
			"nested":       map[string]any{"k": "v"},
		},
		URL:               "https://acme.zendesk.com/agent/tickets/123",
		RequesterTimeZone: "Europe/Helsinki",
	}
}

func TestConvert_roundTripsEveryType(t *testing.T) {
	tests := []struct {
		name string
		in   any
		// roundTrip converts in to wire form, through bytes, and back.
		roundTrip func(t *testing.T, in any) any
	}{
		{"binding with attributes and field ids", &Binding{
			Platform: "zendesk", Name: "acme",
			Attributes: map[string]string{"subdomain": "acme", "api_url": "http://127.0.0.1:9090"},
			FieldIDs:   map[string]string{"severity": "360001234567"},
		}, func(t *testing.T, in any) any { return bindingFromProto(wire(t, bindingToProto(in.(*Binding)))) }},
		{"nil binding stays nil", (*Binding)(nil),
			func(t *testing.T, in any) any { return bindingFromProto(bindingToProto(in.(*Binding))) }},
		{"full description", &Description{
			Name: "zendesk", ProtocolVersion: 1,
			AuthorizeURL: "https://acme.zendesk.com/oauth/authorizations/new",
			TokenURL:     "https://acme.zendesk.com/oauth/tokens",
			APIBaseURL:   "https://acme.zendesk.com",
			Scopes:       []string{"read", "write"}, PKCE: true,
			Attributes: []AttributeSpec{{Name: "subdomain", Required: true, Description: "acme"}, {Name: "api_url", Kind: KindURL}, {Name: "key", Kind: KindHostnameLabel, Pattern: `^[A-Z]+$`}},
		}, func(t *testing.T, in any) any {
			return descriptionFromProto(wire(t, descriptionToProto(in.(*Description))))
		}},
		{"description without PKCE, with authorize parameters, JSON token requests and no revocation", &Description{
			Name: "jsm", DisplayName: "Jira Service Management", ProtocolVersion: 1,
			AuthorizeURL:    "https://auth.example/authorize",
			TokenURL:        "https://auth.example/oauth/token",
			APIBaseURL:      "https://api.example",
			Scopes:          []string{"read:jira-work", "offline_access"},
			AuthorizeParams: map[string]string{"audience": "api.example", "prompt": "consent"},
			TokenRequest:    TokenRequestJSON,
			CannotRevoke:    true,
			RevokeHelp:      "remove the app under Connected apps",
		}, func(t *testing.T, in any) any {
			return descriptionFromProto(wire(t, descriptionToProto(in.(*Description))))
		}},
		{"description with basic-auth token requests", &Description{Name: "x", TokenRequest: TokenRequestFormBasic},
			func(t *testing.T, in any) any {
				return descriptionFromProto(wire(t, descriptionToProto(in.(*Description))))
			}},
		{"static description", &Description{Name: "zendesk", ProtocolVersion: 1},
			func(t *testing.T, in any) any {
				return descriptionFromProto(wire(t, descriptionToProto(in.(*Description))))
			}},
		{"credentials", Credentials{AccessToken: "tok", APIBaseURL: "http://127.0.0.1:1"},
			func(t *testing.T, in any) any {
				return credentialsFromProto(wire(t, credentialsToProto(in.(Credentials))))
			}},
		{"install request", InstallRequest{
			Binding:     Binding{Platform: "zendesk", Name: "acme"},
			Credentials: Credentials{AccessToken: "tok"},
			WebhookURL:  "http://127.0.0.1:8080/hooks/zendesk/acme",
		}, func(t *testing.T, in any) any {
			return installRequestFromProto(wire(t, installRequestToProto(in.(InstallRequest))))
		}},
		{"install request with the OAuth client", InstallRequest{
			Binding:     Binding{Platform: "jsm", Name: "support", FieldIDs: map[string]string{"severity": "customfield_10050"}},
			Credentials: Credentials{AccessToken: "tok", APIBaseURL: "https://api.example"},
			WebhookURL:  "http://127.0.0.1:8080/hooks/jsm/support",
			Client:      OAuthClient{ID: "cid", Secret: "csecret"},
		}, func(t *testing.T, in any) any {
			return installRequestFromProto(wire(t, installRequestToProto(in.(InstallRequest))))
		}},
		{"install state with API base and maintenance time", InstallState{
			Data: []byte("{}"), Summary: map[string]string{"webhook_id": "1000"},
			APIBaseURL: "https://api.example/ex/jira/cloud-1", MaintainAt: created,
		}, func(t *testing.T, in any) any {
			return installStateFromProto(wire(t, installStateToProto(in.(InstallState))))
		}},
		{"maintain request", MaintainRequest{
			Credentials: Credentials{AccessToken: "tok", APIBaseURL: "https://api.example/ex/jira/cloud-1"},
			State:       InstallState{Data: []byte("s"), APIBaseURL: "https://api.example/ex/jira/cloud-1", MaintainAt: occurred},
			Binding:     Binding{Platform: "jsm", Name: "support"},
			Client:      OAuthClient{ID: "cid", Secret: "csecret"},
		}, func(t *testing.T, in any) any {
			return maintainRequestFromProto(wire(t, maintainRequestToProto(in.(MaintainRequest))))
		}},
		{"maintain request without a client", MaintainRequest{Binding: Binding{Platform: "x"}},
			func(t *testing.T, in any) any {
				return maintainRequestFromProto(wire(t, maintainRequestToProto(in.(MaintainRequest))))
			}},
		{"install state", InstallState{Data: []byte{0, 1, 0xff}, Summary: map[string]string{"webhook_id": "w1"}},
			func(t *testing.T, in any) any {
				return installStateFromProto(wire(t, installStateToProto(in.(InstallState))))
			}},
		{"empty install state", InstallState{},
			func(t *testing.T, in any) any {
				return installStateFromProto(wire(t, installStateToProto(in.(InstallState))))
			}},
		{"verify request with repeated headers", VerifyRequest{
			State: InstallState{Data: []byte("secret")},
			Headers: http.Header{
				"X-Zendesk-Webhook-Signature":           {"sig1", "sig2"},
				"X-Zendesk-Webhook-Signature-Timestamp": {"2026-11-27T01:02:03Z"},
				"Content-Type":                          {"application/json"},
			},
			Body: []byte(`{"ticket":{"id":123}}`),
			Now:  created,
		}, func(t *testing.T, in any) any {
			return verifyRequestFromProto(wire(t, verifyRequestToProto(in.(VerifyRequest))))
		}},
		{"verify request with method and URL", VerifyRequest{
			Headers: http.Header{"Authorization": {"Bearer x.y.z"}},
			Body:    []byte("{}"), Now: created,
			Method: "POST", URL: "/hooks/jsm/support?triggeredByUser=557058%3Aabc",
		}, func(t *testing.T, in any) any {
			return verifyRequestFromProto(wire(t, verifyRequestToProto(in.(VerifyRequest))))
		}},
		{"verify request with zero time and no headers", VerifyRequest{Body: []byte("x")},
			func(t *testing.T, in any) any {
				return verifyRequestFromProto(wire(t, verifyRequestToProto(in.(VerifyRequest))))
			}},
		{"events with and without ticket", []Event{
			{DedupKey: "inv-1", Type: "ticket.created", TicketID: "123", Ticket: fullTicket(), OccurredAt: occurred},
			{DedupKey: "inv-2", Type: "ticket.updated", TicketID: "124"},
			{DedupKey: "inv-3", Type: "ticket.updated", TicketID: "125", ReplayKey: "sha256:ab12",
				SignedAt: time.Date(2026, 11, 27, 10, 0, 1, 0, time.UTC)},
			{DedupKey: "inv-4", Type: "ticket.updated", TicketID: "126", ReplayKey: "sha256:cd34"},
		}, func(t *testing.T, in any) any {
			resp, err := eventsToProto(in.([]Event))
			if err != nil {
				t.Fatal(err)
			}
			return eventsFromProto(wire(t, resp))
		}},
		{"full ticket", fullTicket(), func(t *testing.T, in any) any {
			p, err := ticketToProto(in.(*Ticket))
			if err != nil {
				t.Fatal(err)
			}
			return ticketFromProto(wire(t, p))
		}},
		{"bare ticket", &Ticket{ID: "1"}, func(t *testing.T, in any) any {
			p, err := ticketToProto(in.(*Ticket))
			if err != nil {
				t.Fatal(err)
			}
			return ticketFromProto(wire(t, p))
		}},
		{"internal comment", Comment{Body: "note", Public: false},
			func(t *testing.T, in any) any { return commentFromProto(wire(t, commentToProto(in.(Comment)))) }},
		{"public html comment", Comment{Body: "hi", HTMLBody: "<p>hi</p>", Public: true},
			func(t *testing.T, in any) any { return commentFromProto(wire(t, commentToProto(in.(Comment)))) }},
		{"idempotent comment", Comment{HTMLBody: "<p>note</p>", Key: "zendesk/acme/42/triage_note"},
			func(t *testing.T, in any) any { return commentFromProto(wire(t, commentToProto(in.(Comment)))) }},
		{"check results", []CheckResult{{Name: "token", OK: true, Detail: "valid"}, {Name: "webhook", Detail: "missing", Fix: "reconnect"}},
			func(t *testing.T, in any) any {
				return checkResultsFromProto(wire(t, checkResultsToProto(in.([]CheckResult))))
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.roundTrip(t, tt.in)
			if !reflect.DeepEqual(got, tt.in) {
				t.Errorf("round trip changed the value:\n got %#v\nwant %#v", got, tt.in)
			}
		})
	}
}

func TestConvert_customFieldsTakeJSONShape(t *testing.T) {
	type option struct {
		Value string `json:"value"`
	}
	tests := []struct {
		name string
		in   any
		want any
	}{
		{"int becomes float64", 360001234567, float64(360001234567)},
		{"int64 becomes float64", int64(42), float64(42)},
		{"string slice becomes []any", []string{"a", "b"}, []any{"a", "b"}},
		{"struct goes through its json tags", option{Value: "high"}, map[string]any{"value": "high"}},
		{"nil stays nil", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := fieldsToProto(map[string]any{"f": tt.in})
			if err != nil {
				t.Fatal(err)
			}
			got := fieldsFromProto(wire(t, s))["f"]
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %#v (%T), want %#v", got, got, tt.want)
			}
		})
	}
}

func TestConvert_rejectsFieldValuesJSONCannotCarry(t *testing.T) {
	_, err := fieldsToProto(map[string]any{"360001": make(chan int)})
	if err == nil {
		t.Fatal("a channel value converted without error")
	}
}

func TestConvert_sendsZeroTimeAsUnset(t *testing.T) {
	if ts := timeToProto(time.Time{}); ts != nil {
		t.Errorf("zero time encoded as %v, want unset", ts)
	}
	if got := timeFromProto(nil); !got.IsZero() {
		t.Errorf("unset timestamp decoded as %v, want zero", got)
	}
	local := time.Date(2026, 1, 2, 3, 4, 5, 6, time.FixedZone("X", 3600))
	if got := timeFromProto(timeToProto(local)); !got.Equal(local) {
		t.Errorf("time %v came back as %v", local, got)
	}
}

func BenchmarkConvert_verifyRequest4KiB(b *testing.B) {
	body := make([]byte, 4096)
	for i := range body {
		body[i] = byte('a' + i%26)
	}
	req := VerifyRequest{
		State: InstallState{Data: make([]byte, 96), Summary: map[string]string{"webhook_id": "01H", "trigger_id": "99"}},
		Headers: http.Header{
			"X-Zendesk-Webhook-Signature":           {"Vm0wd2QyUXlVWGxWV0d4V1YwZDRWMVl3WkRSV01WbDNXa1JTVjAxWGVG"},
			"X-Zendesk-Webhook-Signature-Timestamp": {"2026-11-27T01:02:03Z"},
			"X-Zendesk-Webhook-Invocation-Id":       {"8350205582"},
			"Content-Type":                          {"application/json"},
			"User-Agent":                            {"Zendesk Webhook"},
		},
		Body: body,
		Now:  created,
	}
	b.Run("convert only", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			_ = verifyRequestFromProto(verifyRequestToProto(req))
		}
	})
	b.Run("convert and marshal both ways", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			raw, err := proto.Marshal(verifyRequestToProto(req))
			if err != nil {
				b.Fatal(err)
			}
			p := verifyRequestToProto(VerifyRequest{})
			if err := proto.Unmarshal(raw, p); err != nil {
				b.Fatal(err)
			}
			_ = verifyRequestFromProto(p)
		}
	})
}
