package e2e

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"testing"

	"github.com/sigsentry/deskgate/internal/testbin"
)

// cli runs the real deskgate binary against the primary gateway, as an
// operator would, and returns what it printed and its exit code.
func (e *env) cli(args ...string) (stdout, stderr string, code int) {
	e.t.Helper()
	cmd := exec.Command(testbin.Path(e.t, "deskgate"), append(args, "--addr", e.url)...)
	cmd.Env = append(os.Environ(), "DESKGATE_ADMIN_TOKEN="+adminToken)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		e.t.Fatalf("run deskgate %v: %v", args, err)
	}
	return out.String(), errOut.String(), code
}

// logCLI keeps a command's output in the test log (go test -v shows it).
func logCLI(t *testing.T, cmd, stdout, stderr string, code int) {
	t.Helper()
	t.Logf("$ %s  (exit %d)\n%s%s", cmd, code, stdout, stderr)
}
