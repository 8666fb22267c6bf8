package zendesk_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/testbin"
	"github.com/sigsentry/deskgate/plugins/zendesk"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/sdktest"
)

// TestConformance runs the sdk's conformance kit against the real plugin
// binary, with the sandbox Zendesk over HTTP delivering by itself.
func TestConformance(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the plugin binary")
	}
	sdktest.Run(t, testbin.Path(t, "deskgate-plugin-zendesk"), newHarness(t))
}

// harness is the sdktest.Harness of one sandbox account.
type harness struct {
	sb     *sandbox.Sandbox
	api    *httptest.Server
	fields map[string]any
}

var _ sdktest.Harness = (*harness)(nil)

func newHarness(t *testing.T) *harness {
	sb := sandbox.New(sandbox.Options{})
	t.Cleanup(sb.Close)
	api := httptest.NewServer(sb.Handler())
	t.Cleanup(api.Close)
	// Severity is a drop-down, so the kit's SetFields goes through Zendesk's
	// option-tag rule and the plugin's read-back.
	sev := sb.AddDropdownField("Severity", "critical", "high", "medium", "low")
	svc := sb.AddTicketField("Affected service", "text")
	return &harness{sb: sb, api: api, fields: map[string]any{itoa(sev): "high", itoa(svc): "checkout-api"}}
}

func (h *harness) Binding() sdk.Binding {
	ids := map[string]string{}
	names := []string{"severity", "affected_service"}
	for i, id := range sortedIDs(h.fields) {
		ids[names[i]] = id
	}
	return sdk.Binding{Platform: "zendesk", Name: "conformance",
		Attributes: map[string]string{"subdomain": "d3v-sandbox", "api_url": h.api.URL},
		FieldIDs:   ids}
}

func (h *harness) Credentials(testing.TB) sdk.Credentials {
	access, _ := h.sb.IssueToken(strings.Join(zendesk.Scopes, " "))
	return sdk.Credentials{AccessToken: access, APIBaseURL: h.api.URL}
}

func (h *harness) CreateTicket(t testing.TB, subject, description string) string {
	id, err := h.sb.CreateTicket(sandbox.TicketInput{Subject: subject, Description: description,
		RequesterName: "Conformance Kit", RequesterEmail: "kit@example.com"})
	if err != nil {
		t.Fatalf("create sandbox ticket: %v", err)
	}
	return itoa(id)
}

// Delivery returns nothing: the sandbox's trigger delivers to the kit itself.
func (h *harness) Delivery(testing.TB, string, string) (http.Header, []byte) { return nil, nil }

func (h *harness) Sign(t testing.TB, webhookURL string, body []byte, at time.Time) http.Header {
	for _, w := range h.sb.Webhooks() {
		if w.Endpoint == webhookURL {
			ts := at.UTC().Format("2006-01-02T15:04:05Z")
			hd := http.Header{}
			hd.Set(zendesk.HeaderTimestamp, ts)
			hd.Set(zendesk.HeaderSignature, sandbox.Sign(w.SigningSecret, ts, body))
			hd.Set(zendesk.HeaderWebhookID, w.ID)
			return hd
		}
	}
	t.Fatalf("no sandbox webhook sends to %s", webhookURL)
	return nil
}

func (h *harness) Comments(t testing.TB, ticketID string) []sdk.Comment {
	var out []sdk.Comment
	for _, c := range h.sb.Comments(h.id(t, ticketID)) {
		out = append(out, sdk.Comment{Body: c.Body, HTMLBody: c.HTMLBody, Public: c.Public})
	}
	return out
}

func (h *harness) Fields(t testing.TB, ticketID string) map[string]any {
	out := map[string]any{}
	for id, v := range h.sb.CustomFields(h.id(t, ticketID)) {
		out[itoa(id)] = v
	}
	return out
}

func (h *harness) FieldValues() map[string]any { return h.fields }

func (h *harness) Leftovers(testing.TB) []string {
	var out []string
	for _, w := range h.sb.Webhooks() {
		out = append(out, "webhook "+w.ID+" ("+w.Name+")")
	}
	for _, tr := range h.sb.Triggers() {
		out = append(out, "trigger "+itoa(tr.ID)+" ("+tr.Title+")")
	}
	return out
}

func (h *harness) TokenRevoked(_ testing.TB, creds sdk.Credentials) bool {
	return !h.sb.TokenValid(creds.AccessToken)
}

func (h *harness) id(t testing.TB, ticketID string) int64 {
	n, err := strconv.ParseInt(ticketID, 10, 64)
	if err != nil {
		t.Fatalf("ticket id %q: %v", ticketID, err)
	}
	return n
}

func sortedIDs(m map[string]any) []string {
	var ids []string
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
