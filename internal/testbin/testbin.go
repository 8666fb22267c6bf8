// Package testbin builds the repository's binaries for integration tests, once
// per test process, so tests run the real plugin, sandbox and gateway
// binaries rather than in-process stand-ins.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var (
	mu    sync.Mutex
	built = map[string]string{}
	dir   string
)

// Path returns the path of the named binary (one of Packages), building it from the module source on first use. When
// DESKGATE_TEST_BIN_DIR is set (make test sets it after `make build`), a
// binary found there is used as is.
func Path(t testing.TB, name string) string {
	t.Helper()
	p, err := path(name)
	if err != nil {
		t.Fatalf("build %s: %v", name, err)
	}
	return p
}

// Packages maps each binary to its main package.
var Packages = map[string]string{
	"deskgate":                "./gateway/cmd/deskgate",
	"deskgate-plugin-zendesk": "./plugins/zendesk/cmd/deskgate-plugin-zendesk",
	"zendesk-sandbox":         "./plugins/zendesk/sandbox/cmd/zendesk-sandbox",
	"deskgate-plugin-jsm":     "./plugins/jsm/cmd/deskgate-plugin-jsm",
	"jsm-sandbox":             "./plugins/jsm/sandbox/cmd/jsm-sandbox",
}

func path(name string) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	if p, ok := built[name]; ok {
		return p, nil
	}
	pkg, ok := Packages[name]
	if !ok {
		return "", fmt.Errorf("unknown binary %q", name)
	}
	if d := os.Getenv("DESKGATE_TEST_BIN_DIR"); d != "" {
		p := filepath.Join(d, name)
		if _, err := os.Stat(p); err == nil {
			built[name] = p
			return p, nil
		}
	}
	if dir == "" {
		d, err := os.MkdirTemp("", "deskgate-testbin-")
		if err != nil {
			return "", err
		}
		dir = d
	}
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	out := filepath.Join(dir, name)
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", pkg, err, b)
	}
	built[name] = out
	return out, nil
}

// ModuleRoot is the directory holding go.mod.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	r, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func moduleRoot() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", fmt.Errorf("cannot locate testbin source")
	}
	// file is <root>/internal/testbin/testbin.go
	root := filepath.Dir(filepath.Dir(filepath.Dir(file)))
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return "", fmt.Errorf("module root not found from %s", file)
	}
	return strings.TrimSuffix(root, string(filepath.Separator)), nil
}
