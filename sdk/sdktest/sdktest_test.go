package sdktest_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/sigsentry/deskgate/sdk/sdktest"
	"github.com/sigsentry/deskgate/sdk/sdktest/internal/fakedesk"
)

var _ sdktest.Harness = (*fakedesk.Harness)(nil)

var (
	buildOnce  sync.Once
	pluginPath string
	buildErr   error
	buildDir   string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

func fakePlugin(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "sdktest-fakeplugin-")
		if buildErr != nil {
			return
		}
		pluginPath = filepath.Join(buildDir, "deskgate-plugin-fake")
		out, err := exec.Command("go", "build", "-o", pluginPath, "github.com/sigsentry/deskgate/sdk/sdktest/internal/fakeplugin").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build fakeplugin: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return pluginPath
}

func TestRun_passesAPluginWhoseHarnessSignsDeliveries(t *testing.T) {
	sdktest.Run(t, fakePlugin(t), fakedesk.NewHarness(t, false))
}

func TestRun_passesAPluginWhoseDeskDeliversByItself(t *testing.T) {
	sdktest.Run(t, fakePlugin(t), fakedesk.NewHarness(t, true))
}

// TestRun_failsAPluginWithAFlaw proves the kit can fail: it runs the kit in
// a child test process against the fake plugin with one planted bug and
// expects that run to fail with the kit's message for it.
func TestRun_failsAPluginWithAFlaw(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child test process per flaw")
	}
	tests := []struct {
		flaw string
		want string
	}{
		{"skip-signature", "Verify accepted a tampered body"},
		{"leak-token", "an access token appears in the plugin's log lines"},
		{"public-notes", "stored with Public=true, want false"},
	}
	for _, tt := range tests {
		t.Run(tt.flaw, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestRun_childWithFlawedPlugin$", "-test.v")
			cmd.Env = append(os.Environ(), "FAKEPLUGIN_FLAW="+tt.flaw, "SDKTEST_CHILD_PLUGIN="+fakePlugin(t))
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Fatalf("the kit passed a plugin with flaw %s:\n%s", tt.flaw, out)
			}
			if !strings.Contains(string(out), tt.want) {
				t.Errorf("the kit failed without saying %q:\n%s", tt.want, out)
			}
		})
	}
}

// TestRun_childWithFlawedPlugin is the child of TestRun_failsAPluginWithAFlaw;
// it does nothing in a normal run.
func TestRun_childWithFlawedPlugin(t *testing.T) {
	path := os.Getenv("SDKTEST_CHILD_PLUGIN")
	if path == "" {
		t.Skip("only runs as the child of TestRun_failsAPluginWithAFlaw")
	}
	sdktest.Run(t, path, fakedesk.NewHarness(t, false))
}
