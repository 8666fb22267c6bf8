package jsm

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

// installData is InstallState.Data. It holds the client secret that signs
// deliveries, so the gateway stores it encrypted; the plugin never logs it.
type installData struct {
	CloudID    string `json:"cloud_id"`
	Site       string `json:"site"`
	ProjectKey string `json:"project_key"`
	WebhookID  int64  `json:"webhook_id"`
	JQL        string `json:"jql"`
	WebhookURL string `json:"webhook_url"`
	// Expires is the webhook's expiry as Jira last reported it.
	Expires time.Time `json:"expires"`
	// ClientID and ClientSecret are the OAuth app's: deliveries are JWTs
	// signed with the secret.
	ClientID     string `json:"client_id"`
	ClientSecret string `json:"client_secret"`
	// APIBase is {api}/ex/jira/{cloudid}; Root is {api}, for
	// accessible-resources.
	APIBase string `json:"api_base"`
	Root    string `json:"root"`
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

// state encodes d with its summary, API base and next maintenance time:
// halfway to the webhook's expiry, so a failed refresh has time for retries.
func (d installData) state(now time.Time) (*sdk.InstallState, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return nil, sdk.Errorf(sdk.KindPermanent, "encode install state: %v", err)
	}
	return &sdk.InstallState{
		Data: b,
		Summary: map[string]string{
			"cloud_id": d.CloudID, "site": d.Site, "webhook_id": strconv.FormatInt(d.WebhookID, 10),
			"jql_filter": d.JQL, "webhook_expires": d.Expires.UTC().Format(time.RFC3339),
		},
		APIBaseURL: d.APIBase,
		MaintainAt: maintainAt(now, d.Expires),
	}, nil
}

// maintainAt is halfway between now and expiry (at once when expiry has
// passed).
func maintainAt(now, expires time.Time) time.Time {
	if !expires.After(now) {
		return now
	}
	return now.Add(expires.Sub(now) / 2).UTC().Truncate(time.Second)
}
