package jsm_test

import (
	"bufio"
	"context"
	"os/exec"
	"regexp"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/testbin"
	"github.com/sigsentry/deskgate/plugins/jsm/sandbox"
)

// TestSandboxBinary_servesTheAdminAPI starts the real jsm-sandbox binary and
// drives it through sandbox.Client, as the gateway's end-to-end tests will.
func TestSandboxBinary_servesTheAdminAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the sandbox binary")
	}
	cmd := exec.Command(testbin.Path(t, "jsm-sandbox"), "-listen", "127.0.0.1:0", "-log-level", "warn")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("first line: %v", err)
	}
	m := regexp.MustCompile(`listening on (http://\S+)`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("first line %q names no address", line)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := sandbox.NewClient(m[1])
	fields, err := c.Fields(ctx)
	if err != nil || len(fields) != 3 || fields[0].ID != "customfield_10050" || fields[0].Type != "select" {
		t.Fatalf("fields %+v, %v", fields, err)
	}
	key, err := c.CreateRequest(ctx, sandbox.RequestInput{Summary: "from the binary"})
	if err != nil || key != "SUP-1" {
		t.Fatalf("create: %q %v", key, err)
	}
	r, err := c.Request(ctx, key)
	if err != nil || r.Summary != "from the binary" {
		t.Errorf("request %+v, %v", r, err)
	}
	if err := c.SetWebhookTTL(ctx, 90*time.Second); err != nil {
		t.Error(err)
	}
}
