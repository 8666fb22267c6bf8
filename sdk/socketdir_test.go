package sdk_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

// socketParent is a short temporary directory for socket directories:
// t.TempDir's, named after the test, may not fit a socket path.
func socketParent(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "sk")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// sockets lists the unix sockets in dir.
func sockets(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if e.Type()&os.ModeSocket != 0 {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestClient_killRemovesThePluginsPrivateSocketDir(t *testing.T) {
	// A value in the host's environment must not move the socket out of
	// the private directory.
	t.Setenv("PLUGIN_UNIX_SOCKET_DIR", t.TempDir())
	parent := socketParent(t)
	c, err := sdk.NewClient(context.Background(), sdk.ClientConfig{Path: fakePlugin(t), SocketDir: parent})
	if err != nil {
		t.Fatal(err)
	}
	dir := c.SocketDir()
	if filepath.Dir(dir) != parent {
		t.Fatalf("socket dir %q is not under %q", dir, parent)
	}
	st, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o700 {
		t.Errorf("socket dir mode %v, want 0700", st.Mode().Perm())
	}
	if got := sockets(t, dir); len(got) != 1 {
		t.Errorf("sockets in the private dir = %q, want one", got)
	}
	c.Kill()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("socket dir still there after Kill (%v)", err)
	}
	if ents, _ := os.ReadDir(parent); len(ents) != 0 {
		t.Errorf("Kill left %d entries in the socket parent", len(ents))
	}
}

func TestNewClient_failedStartRemovesTheSocketDir(t *testing.T) {
	parent := socketParent(t)
	sh := "/bin/true"
	if _, err := os.Stat(sh); err != nil {
		t.Skip("no /bin/true")
	}
	if _, err := sdk.NewClient(context.Background(), sdk.ClientConfig{Path: sh, SocketDir: parent}); err == nil {
		t.Fatal("NewClient accepted a binary that is not a plugin")
	}
	if ents, _ := os.ReadDir(parent); len(ents) != 0 {
		t.Errorf("a failed start left %d entries in the socket parent", len(ents))
	}
}

func TestCleanSocketDirs_removesAKilledPluginsDirAndKeepsALiveOne(t *testing.T) {
	parent := socketParent(t)
	start := func() *sdk.Client {
		c, err := sdk.NewClient(context.Background(), sdk.ClientConfig{Path: fakePlugin(t), SocketDir: parent})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(c.Kill)
		return c
	}
	live, dead := start(), start()
	// The host of dead is gone: nobody calls Kill, and the plugin dies by
	// SIGKILL, leaving its socket file.
	proc, err := os.FindProcess(dead.Pid())
	if err != nil {
		t.Fatal(err)
	}
	if err := proc.Kill(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(15 * time.Second); !dead.Exited(); {
		if time.Now().After(deadline) {
			t.Fatal("killed plugin has not exited")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got := sockets(t, dead.SocketDir()); len(got) != 1 {
		t.Fatalf("the killed plugin left sockets %q, want its one", got)
	}
	// A directory still waiting for its plugin's socket is kept within the
	// grace period; something not made by NewClient is never touched.
	starting := filepath.Join(parent, "p123")
	other := filepath.Join(parent, "keep")
	for _, d := range []string{starting, other} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}

	removed, err := sdk.CleanSocketDirs(parent, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(removed, []string{dead.SocketDir()}) {
		t.Errorf("removed %q, want only %q", removed, dead.SocketDir())
	}
	for _, d := range []string{live.SocketDir(), starting, other} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s: %v", d, err)
		}
	}
	if err := live.Ping(context.Background()); err != nil {
		t.Errorf("the live plugin stopped answering: %v", err)
	}

	removed, err = sdk.CleanSocketDirs(parent, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(removed, []string{starting}) {
		t.Errorf("past the grace period removed %q, want only %q", removed, starting)
	}
}

func TestSocketDirFits(t *testing.T) {
	if !sdk.SocketDirFits("/var/lib/deskgate/plugin-sockets") {
		t.Error("a short directory does not fit")
	}
	long := "/" + string(slices.Repeat([]byte("d"), 90))
	if sdk.SocketDirFits(long) {
		t.Error("a 91-byte directory fits")
	}
}
