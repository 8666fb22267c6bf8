package zendesk

import (
	"encoding/json"

	"github.com/sigsentry/deskgate/sdk"
)

// installData is InstallState.Data: what Install created, and the secret
// Verify needs. It holds the signing secret, so the gateway stores it
// encrypted; the plugin never logs it.
type installData struct {
	WebhookID     string `json:"webhook_id"`
	TriggerID     string `json:"trigger_id"`
	SigningSecret string `json:"signing_secret"`
	Subdomain     string `json:"subdomain,omitempty"`
	BaseURL       string `json:"base_url,omitempty"`
	// WebhookURL is the gateway endpoint the webhook was pointed at, so Check
	// can tell when the webhook was edited to point elsewhere.
	WebhookURL string `json:"webhook_url,omitempty"`
}

func decodeState(s sdk.InstallState) (installData, error) {
	var d installData
	if len(s.Data) == 0 {
		return d, sdk.Errorf(sdk.KindPermanent, "install state is empty")
	}
	if err := json.Unmarshal(s.Data, &d); err != nil {
		// The JSON error could quote the secret: say only that it failed.
		return d, sdk.Errorf(sdk.KindPermanent, "install state is not valid JSON")
	}
	return d, nil
}

func (d installData) state() (*sdk.InstallState, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return nil, sdk.Errorf(sdk.KindPermanent, "encode install state: %v", err)
	}
	return &sdk.InstallState{
		Data:    b,
		Summary: map[string]string{"webhook_id": d.WebhookID, "trigger_id": d.TriggerID},
	}, nil
}
