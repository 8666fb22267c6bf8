package browser

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/testbin"
)

// bindingMode reads the running gateway's posting mode of zendesk/acme.
func (e *env) bindingMode() string {
	var out struct {
		Bindings []struct {
			Name        string
			PostingMode string `json:"posting_mode"`
		}
	}
	e.api("/api/bindings", &out)
	for _, b := range out.Bindings {
		if b.Name == "acme" {
			return b.PostingMode
		}
	}
	return ""
}

// reloadCLI runs `deskgate reload` against the running gateway.
func (e *env) reloadCLI() (string, int) {
	e.t.Helper()
	cmd := exec.Command(testbin.Path(e.t, "deskgate"), "reload", "--addr", e.url)
	cmd.Env = append(os.Environ(), "DESKGATE_ADMIN_TOKEN="+adminToken)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return string(out), ee.ExitCode()
	} else if err != nil {
		e.t.Fatal(err)
	}
	return string(out), 0
}

func TestReload_theRunningGatewayRefusesABadFileAndTakesAGoodOne(t *testing.T) {
	e := newEnv(t)
	good, err := os.ReadFile(e.bindingPath())
	must(t, err)

	// A bad file: `deskgate reload` fails naming file:line, the gateway
	// keeps its config and keeps serving.
	bad := strings.Replace(string(good), `posting_mode           = "internal"`, `posting_mode           = "loud"`, 1)
	must(t, os.WriteFile(e.bindingPath(), []byte(bad), 0o600))
	out, code := e.reloadCLI()
	t.Logf("deskgate reload of a bad file, exit %d:\n%s", code, out)
	if code != 1 || !strings.Contains(out, "acme.hcl:9:") || !strings.Contains(out, "posting_mode") {
		t.Fatalf("deskgate reload of a bad file: exit %d, output:\n%s", code, out)
	}
	if strings.Contains(out, adminToken) || strings.Contains(out, clientSecret) {
		t.Errorf("reload output shows a secret:\n%s", out)
	}
	if m := e.bindingMode(); m != "internal" {
		t.Errorf("after a refused reload the posting mode is %q, want internal", m)
	}

	// SIGHUP with the same bad file: refused too, the gateway stays up.
	pid := e.gw.Pid()
	must(t, syscall.Kill(pid, syscall.SIGHUP))
	waitUntil(t, 10*time.Second, "the SIGHUP reload to be refused in the log", func() bool {
		return strings.Count(e.gw.Logs.String(), "config change refused") >= 2
	})
	if m := e.bindingMode(); m != "internal" {
		t.Errorf("after a refused SIGHUP reload the posting mode is %q", m)
	}

	// A good file: SIGHUP applies it.
	must(t, os.WriteFile(e.bindingPath(), []byte(strings.Replace(string(good), `"internal"`, `"public"`, 1)), 0o600))
	must(t, syscall.Kill(pid, syscall.SIGHUP))
	waitUntil(t, 10*time.Second, "the SIGHUP reload to apply posting mode public", func() bool { return e.bindingMode() == "public" })

	// And `deskgate reload` applies the next one.
	must(t, os.WriteFile(e.bindingPath(), []byte(strings.Replace(string(good), `"internal"`, `"both"`, 1)), 0o600))
	out, code = e.reloadCLI()
	if code != 0 || !strings.Contains(out, "config reloaded: 1 binding(s)") {
		t.Fatalf("deskgate reload of a good file: exit %d, output:\n%s", code, out)
	}
	if m := e.bindingMode(); m != "both" {
		t.Errorf("after reload the posting mode is %q, want both", m)
	}

	// A change that needs a restart is refused with the reason.
	main, err := os.ReadFile(e.cfgPath)
	must(t, err)
	must(t, os.WriteFile(e.cfgPath, []byte(strings.Replace(string(main), "workers     = 2", "workers     = 3", 1)), 0o600))
	out, code = e.reloadCLI()
	if code != 1 || !strings.Contains(out, `gateway.workers changed from "2" to "3": restart deskgate to apply it`) {
		t.Fatalf("deskgate reload of a restart-only change: exit %d, output:\n%s", code, out)
	}
}
