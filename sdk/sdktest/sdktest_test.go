package sdktest_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
