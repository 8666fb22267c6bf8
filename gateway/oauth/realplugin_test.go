package oauth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/internal/testbin"
	"github.com/sigsentry/deskgate/sdk"
)

// The real Zendesk plugin binary over go-plugin, the sandbox over HTTP and
// the SQLite store: connect installs a webhook and trigger, a refresh
// rotates the token, disconnect removes both and revokes the token, and no
// secret reaches the gateway's or the plugin's log.
func TestRealPlugin_connectRefreshDisconnect(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the plugin binary")
	}
	ctx := context.Background()
	rec := &recordingStore{}
	h := newHarness(t, harnessOptions{
		env: envSandbox,
		store: func(h *harness) Store {
			rec.Store = envSandbox.newStore(h)
			return rec
		},
		platform: func(h *harness) sdk.Platform {
			c, err := sdk.NewClient(ctx, sdk.ClientConfig{Path: testbin.Path(h.t, "deskgate-plugin-zendesk"), Logger: h.logger.Named("plugin")})
			if err != nil {
				h.t.Fatalf("start plugin: %v", err)
			}
			h.t.Cleanup(c.Kill)
			return c.Platform()
		},
	})
	sb := h.d.(*sandboxDesk)

	h.connect()
	hooks := sb.Webhooks()
	if len(hooks) != 1 || hooks[0].Endpoint != h.gateway.URL+"/hooks/zendesk/acme" {
		t.Fatalf("sandbox webhooks after connect = %+v", hooks)
	}
	if len(sb.Triggers()) == 0 {
		t.Fatal("no trigger installed")
	}
	if b := h.binding(); b.Status != store.StatusActive || b.Install == nil {
		t.Fatalf("binding %s install %v", b.Status, b.Install != nil)
	}
	signing := signingSecret(t, h, hooks[0].ID)

	h.clock.Add(29 * time.Minute)
	creds, err := h.m.Credentials(ctx, testKey)
	if err != nil || !sb.TokenValid(creds.AccessToken) || h.counter.refresh.Load() != 1 {
		t.Fatalf("refresh: err %v, valid %v, refreshes %d", err, sb.TokenValid(creds.AccessToken), h.counter.refresh.Load())
	}

	if _, err := h.m.Disconnect(ctx, testKey); err != nil {
		t.Fatalf("Disconnect: %v", err)
	}
	if n := len(sb.Webhooks()); n != 0 {
		t.Errorf("%d webhooks left after disconnect", n)
	}
	if sb.TokenValid(creds.AccessToken) {
		t.Error("token not revoked by disconnect")
	}
	if _, err := h.store.GetToken(ctx, testKey); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("token kept locally: %v", err)
	}
	if _, err := h.m.Disconnect(ctx, testKey); err != nil {
		t.Errorf("second Disconnect: %v", err)
	}

	// The plugin's lines reach the host's logger asynchronously.
	pluginLogged := func() bool {
		l := h.logs.String()
		return strings.Contains(l, "test.plugin.zendesk") || strings.Contains(l, "@module=zendesk")
	}
	for deadline := time.Now().Add(10 * time.Second); !pluginLogged(); {
		if time.Now().After(deadline) {
			t.Fatal("the plugin's log lines were not captured, so not checked")
		}
		runtime.Gosched()
	}
	var seen []string
	for _, e := range h.audits() {
		seen = append(seen, e.Message)
	}
	seen = append(seen, h.logs.String())
	secrets := append(rec.all(), testClientSecret, signing)
	for _, s := range secrets {
		for _, text := range seen {
			if len(s) >= 8 && strings.Contains(text, s) {
				t.Errorf("secret %.6s… found in:\n%s", s, text)
			}
		}
	}
}

// signingSecret reads the webhook's signing secret from the sandbox API.
func signingSecret(t *testing.T, h *harness, webhookID string) string {
	t.Helper()
	tok := h.token()
	req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/v2/webhooks/%s/signing_secret", h.desk.URL, webhookID), nil)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		SigningSecret struct{ Secret string } `json:"signing_secret"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || body.SigningSecret.Secret == "" {
		t.Fatalf("read signing secret: %d %v", resp.StatusCode, err)
	}
	return body.SigningSecret.Secret
}
