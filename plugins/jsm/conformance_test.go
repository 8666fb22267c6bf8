package jsm_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/testbin"
	"github.com/sigsentry/deskgate/plugins/jsm"
	"github.com/sigsentry/deskgate/plugins/jsm/sandbox"
	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/sdktest"
)

// TestConformance runs the sdk's conformance kit against the real plugin
// binary, with the sandbox tenant over HTTP delivering by itself.
func TestConformance(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the plugin binary")
	}
	sdktest.Run(t, testbin.Path(t, "deskgate-plugin-jsm"), newHarness(t))
}

// harness is the sdktest.Harness of one sandbox tenant.
type harness struct {
	sb     *sandbox.Sandbox
	api    *httptest.Server
	fields map[string]string // logical name → field id
}

var (
	_ sdktest.Harness          = (*harness)(nil)
	_ sdktest.ClientHarness    = (*harness)(nil)
	_ sdktest.IDHarness        = (*harness)(nil)
	_ sdktest.SignatureHarness = (*harness)(nil)
)

func newHarness(t *testing.T) *harness {
	sb := sandbox.New(sandbox.Options{Clients: []sandbox.OAuthClient{{ID: testClientID, Secret: testClientSecret}}})
	t.Cleanup(sb.Close)
	api := httptest.NewServer(sb.Handler())
	t.Cleanup(api.Close)
	sev, err := sb.AddField("Severity", "select", "Critical", "High", "Medium", "Low")
	if err != nil {
		t.Fatal(err)
	}
	svc, _ := sb.AddField("Affected service", "text")
	au, _ := sb.AddField("Analysis URL", "url")
	return &harness{sb: sb, api: api, fields: map[string]string{"severity": sev, "affected_service": svc, "analysis_url": au}}
}

func (h *harness) Binding() sdk.Binding {
	return sdk.Binding{Platform: "jsm", Name: "conformance",
		Attributes: map[string]string{"site": "acme.atlassian.net", "project_key": h.sb.ProjectKey(), "api_url": h.api.URL},
		FieldIDs:   h.fields}
}

// Credentials carry the root API base, as the gateway passes it to Install;
// the kit switches to the install state's base afterwards.
func (h *harness) Credentials(testing.TB) sdk.Credentials {
	access, _ := h.sb.IssueToken(strings.Join(jsm.Scopes, " "))
	return sdk.Credentials{AccessToken: access, APIBaseURL: h.api.URL}
}

func (h *harness) Client() sdk.OAuthClient {
	return sdk.OAuthClient{ID: testClientID, Secret: testClientSecret}
}

func (h *harness) MissingTicketID() string { return h.sb.ProjectKey() + "-999999" }
func (h *harness) UnknownFieldID() string  { return "customfield_99999" }

// SignsBody is false: a delivery's JWT covers the method, path and query,
// not the body.
func (h *harness) SignsBody() bool { return false }

func (h *harness) CreateTicket(t testing.TB, subject, description string) string {
	key, err := h.sb.CreateRequest(sandbox.RequestInput{Summary: subject, Description: description,
		Priority: "High", ReporterName: "Conformance Kit", ReporterEmail: "kit@example.com"})
	if err != nil {
		t.Fatalf("create sandbox request: %v", err)
	}
	return key
}

// Delivery returns nothing: the sandbox's webhook delivers to the kit.
func (h *harness) Delivery(testing.TB, string, string) (http.Header, []byte) { return nil, nil }

// Sign signs as the sandbox does for a delivery to webhookURL (which Jira
// calls with ?triggeredByUser=…).
func (h *harness) Sign(t testing.TB, webhookURL string, _ []byte, at time.Time) http.Header {
	target := webhookURL + "?triggeredByUser=" + url.QueryEscape(sandbox.AdminAccountID)
	tok, err := sandbox.SignDelivery(testClientSecret, h.sb.Sites()[0].CloudID, http.MethodPost, target, at)
	if err != nil {
		t.Fatalf("sign: %v", err)
	}
	hd := http.Header{}
	hd.Set("Authorization", "Bearer "+tok)
	hd.Set(jsm.HeaderIdentifier, "kit-"+at.Format("150405.000000"))
	return hd
}

func (h *harness) Comments(t testing.TB, ticketID string) []sdk.Comment {
	r, ok := h.sb.RequestByKey(ticketID)
	if !ok {
		t.Fatalf("no sandbox request %s", ticketID)
	}
	var out []sdk.Comment
	for _, c := range r.Comments {
		out = append(out, sdk.Comment{Body: c.Body, Public: c.Public})
	}
	return out
}

func (h *harness) Fields(t testing.TB, ticketID string) map[string]any {
	r, ok := h.sb.RequestByKey(ticketID)
	if !ok {
		t.Fatalf("no sandbox request %s", ticketID)
	}
	return r.Fields
}

func (h *harness) FieldValues() map[string]any {
	return map[string]any{h.fields["severity"]: "High", h.fields["affected_service"]: "checkout-api",
		h.fields["analysis_url"]: "https://deskgate.example/analyses/01J"}
}

func (h *harness) Leftovers(testing.TB) []string {
	var out []string
	for _, w := range h.sb.Webhooks() {
		out = append(out, "webhook "+w.JQL+" → "+w.URL)
	}
	return out
}

func (h *harness) TokenRevoked(_ testing.TB, creds sdk.Credentials) bool {
	return !h.sb.TokenValid(creds.AccessToken)
}
