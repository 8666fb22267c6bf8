package sdk

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// envSocketDir is go-plugin's variable naming the directory the plugin
// creates its unix socket in (the temporary directory when unset).
const envSocketDir = "PLUGIN_UNIX_SOCKET_DIR"

// socketDirPrefix starts the name of every private socket directory
// NewClient makes, so CleanSocketDirs touches nothing else.
const socketDirPrefix = "p"

// maxSocketPath is the longest unix socket path Linux takes (sun_path is
// 108 bytes, one for the NUL). socketPathTail is what NewClient and
// go-plugin add to the parent directory at most: "/p" and MkdirTemp's up to
// ten digits, then "/plugin" and CreateTemp's up to ten digits.
const (
	maxSocketPath  = 107
	socketPathTail = len("/"+socketDirPrefix+"4294967295") + len("/plugin4294967295")
)

// SocketDirFits reports whether the sockets of plugins whose private
// directories are made under parent have paths short enough to bind.
func SocketDirFits(parent string) bool {
	if parent == "" {
		parent = os.TempDir()
	}
	return len(parent)+socketPathTail <= maxSocketPath
}

// newSocketDir makes a plugin's private socket directory (0700) under
// parent, or under the temporary directory when parent is "".
func newSocketDir(parent string) (string, error) {
	dir, err := os.MkdirTemp(parent, socketDirPrefix)
	if err != nil {
		return "", fmt.Errorf("plugin socket dir: %w", err)
	}
	return dir, nil
}

// withSocketDir returns env with PLUGIN_UNIX_SOCKET_DIR set to dir, and
// no other value of it.
func withSocketDir(env []string, dir string) []string {
	out := make([]string, 0, len(env)+1)
	for _, kv := range env {
		if !strings.HasPrefix(kv, envSocketDir+"=") {
			out = append(out, kv)
		}
	}
	return append(out, envSocketDir+"="+dir)
}

// CleanSocketDirs removes the private socket directories under parent
// that hosts killed before they could call Kill left behind. A directory is
// kept while a socket in it accepts a connection (a live host sharing
// parent still talks to that plugin), and while it has no socket yet and is
// younger than grace (a plugin still starting). It returns the directories
// it removed.
func CleanSocketDirs(parent string, grace time.Duration) ([]string, error) {
	ents, err := os.ReadDir(parent)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var removed []string
	var errs []error
	for _, e := range ents {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), socketDirPrefix) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if socketDirLive(dir, grace) {
			continue
		}
		if err := os.RemoveAll(dir); err != nil {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, dir)
	}
	return removed, errors.Join(errs...)
}

// socketDirLive reports whether dir may still belong to a running plugin.
func socketDirLive(dir string, grace time.Duration) bool {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return true // unreadable: not ours to judge
	}
	sockets := 0
	for _, e := range ents {
		if e.Type()&os.ModeSocket == 0 {
			continue
		}
		sockets++
		c, err := net.DialTimeout("unix", filepath.Join(dir, e.Name()), time.Second)
		if err == nil {
			c.Close()
			return true
		}
	}
	if sockets > 0 {
		return false
	}
	st, err := os.Stat(dir)
	return err != nil || time.Since(st.ModTime()) < grace
}
