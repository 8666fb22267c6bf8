package plugins

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/sdk"
)

// envPlugin builds the test plugin that reports its environment and path.
func envPlugin(t *testing.T) (path, digest string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "deskgate-plugin-env")
	out, err := exec.Command("go", "build", "-o", path, "github.com/sigsentry/deskgate/gateway/plugins/internal/envplugin").CombinedOutput()
	if err != nil {
		t.Fatalf("go build envplugin: %v\n%s", err, out)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return path, hex.EncodeToString(sum[:])
}

// pluginEnvOf starts m's "env" plugin and returns the environment it
// reports, and its Describe answer.
func pluginEnvOf(t *testing.T, m *Manager) (map[string]string, *sdk.Description) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	p, err := m.Platform(ctx, "env")
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Describe(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{}
	for _, kv := range d.Scopes {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	return env, d
}

func TestStart_givesThePluginOnlyTheAllowListedEnvironmentAndRunsAVerifiedCopy(t *testing.T) {
	path, digest := envPlugin(t)
	secrets := map[string]string{
		"DESKGATE_ADMIN_TOKEN":  "admin-token-value-0c1d",
		"DESKGATE_MASTER_KEY":   "master-key-value-9f8e",
		"ZENDESK_CLIENT_SECRET": "client-secret-value-77aa",
		"AWS_SECRET_ACCESS_KEY": "aws-secret-value-5b5b",
	}
	for k, v := range secrets {
		t.Setenv(k, v)
	}
	t.Setenv("LC_TIME", "C")
	t.Setenv("DESKGATE_PLUGIN_LOG_LEVEL", "warn")
	execDir := filepath.Join(t.TempDir(), "run")
	m := New([]Spec{{Platform: "env", Path: path, SHA256: digest}}, Options{Logger: hclog.NewNullLogger(), ExecDir: execDir})
	defer m.Close()
	got, d := pluginEnvOf(t, m)
	for k := range secrets {
		if _, ok := got[k]; ok {
			t.Errorf("the plugin sees %s", k)
		}
	}
	for k, v := range got {
		for _, s := range secrets {
			if strings.Contains(v, s) {
				t.Errorf("the plugin's %s holds a gateway secret", k)
			}
		}
		goPlugin := strings.HasPrefix(k, "PLUGIN_") || k == "DESKGATE_PLUGIN"
		if !goPlugin && !allowedEnv[k] && !strings.HasPrefix(k, "LC_") {
			t.Errorf("the plugin sees %s, which is not allow-listed", k)
		}
	}
	for _, want := range []string{"PATH", "LC_TIME", "DESKGATE_PLUGIN_LOG_LEVEL", "DESKGATE_PLUGIN", "PLUGIN_CLIENT_CERT"} {
		if _, ok := got[want]; !ok && (want != "PATH" || os.Getenv("PATH") != "") {
			t.Errorf("the plugin lacks %s", want)
		}
	}
	// It runs a private copy, not the file at the configured path, and the
	// copy is gone once it runs.
	exe := strings.TrimSuffix(d.RevokeHelp, " (deleted)")
	if exe == path || !strings.HasPrefix(exe, execDir+string(filepath.Separator)) {
		t.Errorf("plugin runs from %q, want a copy under %s", d.RevokeHelp, execDir)
	}
	if st, err := os.Stat(filepath.Dir(exe)); err == nil {
		t.Errorf("the private copy's directory is still there (mode %v)", st.Mode())
	}
}

func TestVerifiedCopy_refusesBytesThatDoNotMatchThePinAndLeavesNothing(t *testing.T) {
	path, digest := fakeBinary(t)
	dir := t.TempDir()
	copyPath, cleanup, err := verifiedCopy(Spec{Platform: "fake", Path: path, SHA256: digest}, dir)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Dir(copyPath))
	if err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("copy directory mode %v, %v; want 0700", st.Mode().Perm(), err)
	}
	if b, _ := os.ReadFile(copyPath); len(b) == 0 {
		t.Error("copy is empty")
	}
	cleanup()
	if err := os.WriteFile(path, []byte("#!/bin/sh\necho swapped\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := verifiedCopy(Spec{Platform: "fake", Path: path, SHA256: digest}, dir); err == nil || !strings.Contains(err.Error(), "refusing to start") {
		t.Fatalf("a swapped binary was accepted: %v", err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("refused copy left %d entries behind", len(left))
	}
}

func TestPluginEnv_keepsOnlyAllowListedVariables(t *testing.T) {
	got := pluginEnv([]string{"PATH=/bin", "HOME=/h", "LC_ALL=C", "TZ=UTC", "SSL_CERT_DIR=/etc/ssl",
		"DESKGATE_ADMIN_TOKEN=x", "DESKGATE_MASTER_KEY=y", "ZENDESK_CLIENT_SECRET=z", "PATHX=1", "malformed"})
	want := "PATH=/bin HOME=/h LC_ALL=C TZ=UTC SSL_CERT_DIR=/etc/ssl"
	if strings.Join(got, " ") != want {
		t.Errorf("pluginEnv = %v, want %s", got, want)
	}
}

// unixSocket leaves a unix socket file at path: listening while the
// returned listener is open, dead (the file stays) once it is closed.
func unixSocket(t *testing.T, path string) *net.UnixListener {
	t.Helper()
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	l.SetUnlinkOnClose(false)
	return l
}

func TestManager_givesEachPluginAPrivateSocketDirAndCleansDeadOnesOnStart(t *testing.T) {
	path, _ := envPlugin(t)
	// Not t.TempDir: the test's long name would not fit a socket path.
	base, err := os.MkdirTemp("", "sk")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(base) })
	sockDir := filepath.Join(base, "plugin-sockets")
	if err := os.Mkdir(sockDir, 0o700); err != nil {
		t.Fatal(err)
	}
	// A killed gateway's plugin left a dead socket; a live gateway sharing
	// the directory has a plugin listening.
	dead, live := filepath.Join(sockDir, "p1"), filepath.Join(sockDir, "p2")
	for _, d := range []string{dead, live} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	unixSocket(t, filepath.Join(dead, "plugin1")).Close()
	l := unixSocket(t, filepath.Join(live, "plugin2"))
	defer l.Close()

	m := New([]Spec{{Platform: "env", Path: path}}, Options{Logger: hclog.NewNullLogger(), SocketDir: sockDir})
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("the dead plugin's socket dir survived the start (%v)", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the live plugin's socket dir was removed: %v", err)
	}
	env, _ := pluginEnvOf(t, m)
	got := env["PLUGIN_UNIX_SOCKET_DIR"]
	if filepath.Dir(got) != sockDir {
		t.Errorf("the plugin's PLUGIN_UNIX_SOCKET_DIR = %q, want a directory in %s", got, sockDir)
	}
	m.Close()
	if _, err := os.Stat(got); !os.IsNotExist(err) {
		t.Errorf("the plugin's socket dir is still there after Close (%v)", err)
	}
}

func TestPrepareSocketDir_takesAShortPrivateDirWhenThePathIsTooLong(t *testing.T) {
	// Not t.TempDir: the test's long name would not fit a socket path.
	tmp, err := os.MkdirTemp("", "sk")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	t.Setenv("TMPDIR", tmp)
	short := shortSocketDir()
	long := filepath.Join(t.TempDir(), strings.Repeat("d", 100))

	// A killed gateway's plugin left a dead socket in the short directory.
	dead := filepath.Join(short, "p1")
	if err := os.MkdirAll(dead, 0o700); err != nil {
		t.Fatal(err)
	}
	unixSocket(t, filepath.Join(dead, "plugin1")).Close()
	if got := prepareSocketDir(long, hclog.NewNullLogger()); got != short {
		t.Errorf("prepareSocketDir(too long) = %q, want %q", got, short)
	}
	if _, err := os.Stat(long); !os.IsNotExist(err) {
		t.Errorf("a too long socket dir was created (%v)", err)
	}
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("the dead plugin's socket dir in the short directory survived (%v)", err)
	}

	// Someone else's name in the shared temporary directory is not used.
	if err := os.RemoveAll(short); err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir()
	if err := os.Symlink(elsewhere, short); err != nil {
		t.Fatal(err)
	}
	if got := prepareSocketDir(long, hclog.NewNullLogger()); got != "" {
		t.Errorf("prepareSocketDir with the short dir a symlink = %q, want \"\" (the temp dir)", got)
	}
	if err := os.Remove(short); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(short, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(short, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := prepareSocketDir(long, hclog.NewNullLogger()); got != "" {
		t.Errorf("prepareSocketDir with the short dir open to others = %q, want \"\" (the temp dir)", got)
	}
}
