package zendesk_test

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/testbin"
	"github.com/sigsentry/deskgate/sdk"
)

func TestBinary_printsItsVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the plugin binary")
	}
	out, err := exec.Command(testbin.Path(t, "deskgate-plugin-zendesk"), "-version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "deskgate-plugin-zendesk ") {
		t.Fatalf("-version: %v: %q", err, out)
	}
}

// TestBinary_servesThePlatformOverGoPlugin runs the real plugin binary the
// way the gateway does (go-plugin, gRPC, mTLS) against the sandbox over HTTP.
func TestBinary_servesThePlatformOverGoPlugin(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the plugin binary")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c, err := sdk.NewClient(ctx, sdk.ClientConfig{Path: testbin.Path(t, "deskgate-plugin-zendesk"), StartTimeout: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Kill()
	p := c.Platform()
	w := newWorld(t)

	d, err := p.Describe(ctx, &w.binding)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "zendesk" || d.APIBaseURL != w.api.URL || d.TokenURL != w.api.URL+"/oauth/tokens" {
		t.Errorf("describe = %+v", d)
	}
	st, err := p.Install(ctx, sdk.InstallRequest{Binding: w.binding, Credentials: w.creds, WebhookURL: w.hookURL})
	if err != nil {
		t.Fatal(err)
	}
	id, err := w.sb.CreateTicket(sandboxTicket())
	if err != nil {
		t.Fatal(err)
	}
	dl := w.nextDelivery(t)
	evs, err := p.Verify(ctx, sdk.VerifyRequest{State: *st, Headers: dl.header, Body: dl.body, Now: time.Now()})
	if err != nil || len(evs) != 1 || evs[0].TicketID != itoa(id) {
		t.Fatalf("verify: %+v, %v", evs, err)
	}
	_, err = p.Verify(ctx, sdk.VerifyRequest{State: *st, Headers: dl.header, Body: []byte(`{"ticket_id":"1"}`), Now: time.Now()})
	if !sdk.IsKind(err, sdk.KindRejected) {
		t.Errorf("forged delivery: %v, want rejected across gRPC", err)
	}
	if _, err := p.GetTicket(ctx, w.creds, "999999"); !sdk.IsKind(err, sdk.KindNotFound) {
		t.Errorf("missing ticket: %v, want not_found across gRPC", err)
	}
	if err := p.PostComment(ctx, w.creds, itoa(id), sdk.Comment{Body: "Triage: low"}); err != nil {
		t.Fatal(err)
	}
	if cs := w.sb.Comments(id); len(cs) < 2 || cs[len(cs)-1].Public {
		t.Errorf("comments = %+v", cs)
	}
	if err := p.Uninstall(ctx, w.creds, *st); err != nil {
		t.Fatal(err)
	}
	if len(w.sb.Webhooks()) != 0 || len(w.sb.Triggers()) != 0 || w.sb.TokenValid(w.access) {
		t.Error("uninstall through the binary left something behind")
	}
}
