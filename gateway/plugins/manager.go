package plugins

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/sdk"
)

// Spec says where a platform's plugin lives.
type Spec struct {
	Platform string // the platform block's name, e.g. "helpdesk"
	Path     string // absolute path of the binary
	SHA256   string // optional pinned hex digest
}

// Event is reported to the owner (for the audit log and metrics) when a
// plugin starts, crashes, restarts or is given up on.
type Event struct {
	Platform string
	Action   string // plugin.start, plugin.exit, plugin.restart, plugin.failed
	Err      error
}

// Options tune supervision; zero values are sensible defaults.
type Options struct {
	Logger        hclog.Logger
	CheckInterval time.Duration // health ping period (default 2s)
	MinBackoff    time.Duration // first restart delay (default 250ms)
	MaxBackoff    time.Duration // restart delay cap (default 30s)
	MaxFailures   int           // failed starts or crashes in a row before giving up (default 5)
	StableAfter   time.Duration // a process up this long clears the failure count (default 1m)
	OnEvent       func(Event)
	// ExecDir is where a pinned plugin's verified private copy is written
	// and run from (in a fresh 0700 directory, removed once the process
	// runs); "" is the system's temporary directory.
	ExecDir string
	// SocketDir holds each plugin process's private unix socket directory
	// (see sdk.ClientConfig.SocketDir); New removes the ones a killed
	// predecessor left. "" is the system's temporary directory, and so is
	// a SocketDir too long for a socket path.
	SocketDir string
	// start launches a plugin process; tests replace it.
	start func(ctx context.Context, s Spec, log hclog.Logger) (process, error)
}

// process is the part of *sdk.Client the manager uses.
type process interface {
	Platform() sdk.Platform
	Ping(ctx context.Context) error
	Exited() bool
	Kill()
	Pid() int
}

// State of one plugin.
type State string

const (
	StateStopped State = "stopped" // never started, or stopped by Close
	StateRunning State = "running"
	StateBackoff State = "backoff" // crashed; waiting to restart
	StateFailed  State = "failed"  // gave up after repeated failures
)

// Health is one plugin's status for /readyz and doctor.
type Health struct {
	Platform  string
	State     State
	Pid       int
	Restarts  int
	LastError string
}

// ErrUnknownPlatform is returned for a platform with no Spec.
var ErrUnknownPlatform = errors.New("no plugin configured for platform")

// Manager owns the plugin processes. Its supervisor goroutine runs until
// Close.
type Manager struct {
	opts    Options
	log     hclog.Logger
	mu      sync.Mutex
	entries map[string]*entry
	names   map[string]string // display names by platform, once asked
	stop    chan struct{}
	done    chan struct{}
}

type entry struct {
	spec      Spec
	mu        sync.Mutex // serializes starts
	proc      process
	state     State
	restarts  int
	failures  int
	nextStart time.Time
	startedAt time.Time
	lastErr   string
	everUsed  bool
	recipe    recipeCache // the running process's VerifyRecipe (recipe.go)
}

// New returns a manager for the given plugins and starts its supervisor.
// Nothing is started until first use.
func New(specs []Spec, opts Options) *Manager {
	if opts.Logger == nil {
		opts.Logger = hclog.NewNullLogger()
	}
	if opts.CheckInterval <= 0 {
		opts.CheckInterval = 2 * time.Second
	}
	if opts.MinBackoff <= 0 {
		opts.MinBackoff = 250 * time.Millisecond
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = 30 * time.Second
	}
	if opts.MaxFailures <= 0 {
		opts.MaxFailures = 5
	}
	if opts.StableAfter <= 0 {
		opts.StableAfter = time.Minute
	}
	if opts.start == nil {
		opts.start = starter{socketDir: prepareSocketDir(opts.SocketDir, opts.Logger)}.start
	}
	m := &Manager{
		opts:    opts,
		log:     opts.Logger.Named("gateway.plugins"),
		entries: map[string]*entry{},
		names:   map[string]string{},
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	for _, s := range specs {
		m.entries[s.Platform] = &entry{spec: s, state: StateStopped}
	}
	go m.supervise()
	return m
}

// Resolve finds a platform's binary: an absolute path is used as is, a bare
// name is looked up in pluginDir.
func Resolve(pluginDir, plugin string) string {
	if filepath.IsAbs(plugin) {
		return plugin
	}
	return filepath.Join(pluginDir, plugin)
}

// starter starts real plugin processes.
type starter struct {
	socketDir string // parent of the plugins' socket directories; "" = temp dir
}

// socketDirGrace is how long a socket directory with no socket yet is taken
// for a plugin still starting (its host waits sdk.DefaultStartTimeout).
const socketDirGrace = 2 * sdk.DefaultStartTimeout

// prepareSocketDir returns the directory to give sdk.ClientConfig.SocketDir
// and removes from it the socket directories that the plugins of a killed
// gateway left: dir itself (created 0700), or, when dir is too long for a
// unix socket path, this user's short one in the temporary directory
// (shortSocketDir), so that leftovers are still found and removed. It
// returns "" (each plugin's directory straight in the temporary directory,
// nothing cleaned) when dir is "" or neither can be used.
func prepareSocketDir(dir string, log hclog.Logger) string {
	if dir == "" {
		return ""
	}
	log = log.Named("gateway.plugins")
	if !sdk.SocketDirFits(dir) {
		short := shortSocketDir()
		if !sdk.SocketDirFits(short) {
			log.Warn("plugin socket directory is too long for a unix socket path; plugin sockets go to the temporary directory", "dir", dir)
			return ""
		}
		log.Info("plugin socket directory is too long for a unix socket path; using a short one", "dir", dir, "instead", short)
		dir = short
	}
	if err := privateDir(dir); err != nil {
		log.Warn("cannot use the plugin socket directory; plugin sockets go to the temporary directory", "dir", dir, "error", err)
		return ""
	}
	removed, err := sdk.CleanSocketDirs(dir, socketDirGrace)
	if len(removed) > 0 {
		log.Info("removed plugin socket directories left by a killed gateway", "dir", dir, "count", len(removed))
	}
	if err != nil {
		log.Warn("cannot remove every leftover plugin socket directory", "dir", dir, "error", err)
	}
	return dir
}

// shortSocketDir is this user's plugin socket directory in the temporary
// directory, for a data directory too deep for socket paths.
func shortSocketDir() string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("deskgate-%d-sockets", os.Getuid()))
}

// privateDir creates dir (0700) when missing and checks that it is a
// directory, not a symlink, of this user's, that nobody else may enter: in
// a shared temporary directory anyone may have taken the name first.
func privateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != os.Getuid() {
		return fmt.Errorf("%s belongs to uid %d, not to this user", dir, st.Uid)
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Errorf("%s is open to other users (%v)", dir, perm)
	}
	return nil
}

// start runs the plugin at s.Path with an allow-listed environment. The
// manager has already checked a pinned binary's digest and hands over the
// verified private copy (see verifiedCopy).
func (st starter) start(ctx context.Context, s Spec, log hclog.Logger) (process, error) {
	path := s.Path
	cfg := sdk.ClientConfig{Path: path, Logger: log.Named("plugin." + s.Platform), Env: pluginEnv(os.Environ()), SocketDir: st.socketDir}
	var (
		c   *sdk.Client
		err error
	)
	for attempt := 0; attempt < 3; attempt++ {
		c, err = sdk.NewClient(ctx, cfg)
		// A file just written can be "busy" for a moment while another
		// goroutine's fork still holds its descriptor.
		if err == nil || !errors.Is(err, syscall.ETXTBSY) {
			break
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// allowedEnv are the host variables a plugin process gets: what a program
// needs to run, find CA certificates and format times, and the sdk's log
// level. go-plugin adds its own handshake variables. Nothing else — not
// the admin token, the master key or any client secret — reaches a plugin.
var allowedEnv = map[string]bool{
	"PATH": true, "HOME": true, "TMPDIR": true, "TZ": true, "LANG": true, "LANGUAGE": true,
	"SSL_CERT_FILE": true, "SSL_CERT_DIR": true, "DESKGATE_PLUGIN_LOG_LEVEL": true,
}

// pluginEnv keeps the allow-listed variables of environ (and LC_*).
func pluginEnv(environ []string) []string {
	out := []string{}
	for _, kv := range environ {
		name, _, ok := strings.Cut(kv, "=")
		if ok && (allowedEnv[name] || strings.HasPrefix(name, "LC_")) {
			out = append(out, kv)
		}
	}
	return out
}

// verifiedCopy copies the plugin binary into a new private directory under
// dir, hashing the bytes as they are written, and returns the copy when
// they match the pin. cleanup removes the directory.
func verifiedCopy(s Spec, dir string) (path string, cleanup func(), err error) {
	src, err := os.Open(s.Path)
	if err != nil {
		return "", nil, fmt.Errorf("plugin binary: %w", err)
	}
	defer src.Close()
	if dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return "", nil, fmt.Errorf("plugin exec dir: %w", err)
		}
	}
	tmp, err := os.MkdirTemp(dir, "deskgate-plugin-")
	if err != nil {
		return "", nil, fmt.Errorf("plugin exec dir: %w", err)
	}
	cleanup = func() { os.RemoveAll(tmp) }
	path = filepath.Join(tmp, filepath.Base(s.Path))
	dst, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o700)
	if err != nil {
		cleanup()
		return "", nil, fmt.Errorf("copy plugin binary: %w", err)
	}
	h := sha256.New()
	_, err = io.Copy(io.MultiWriter(dst, h), src)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		cleanup()
		return "", nil, fmt.Errorf("copy plugin binary %s: %w", s.Path, err)
	}
	got := hex.EncodeToString(h.Sum(nil))
	if subtle.ConstantTimeCompare([]byte(got), []byte(s.SHA256)) != 1 {
		cleanup()
		return "", nil, fmt.Errorf("plugin binary %s has sha256 %s, but plugin_sha256 pins %s: refusing to start it", s.Path, got, s.SHA256)
	}
	return path, cleanup, nil
}

// Platforms hands out the running plugin of a platform. Manager is the one
// implementation; the ingress, pipeline, oauth and the config check take this
// so that a test can hand them a scripted sdk.Platform.
type Platforms interface {
	Platform(ctx context.Context, name string) (sdk.Platform, error)
}

var _ Platforms = (*Manager)(nil)

// Platform returns a Platform that forwards every call to the platform's
// current plugin process, starting it if needed.
func (m *Manager) Platform(ctx context.Context, name string) (sdk.Platform, error) {
	e, ok := m.entry(name)
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownPlatform, name)
	}
	if _, err := m.ensure(ctx, e); err != nil {
		return nil, err
	}
	return &proxy{m: m, e: e}, nil
}

func (m *Manager) entry(name string) (*entry, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.entries[name]
	return e, ok
}

// ensure returns the running process, starting it when it is stopped or has
// exited and its backoff has passed.
func (m *Manager) ensure(ctx context.Context, e *entry) (process, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.everUsed = true
	if e.proc != nil {
		if !e.proc.Exited() {
			return e.proc, nil
		}
		m.crashedLocked(e, errors.New("plugin process exited"))
	}
	switch e.state {
	case StateFailed:
		return nil, sdk.Errorf(sdk.KindRetryable, "plugin %s gave up after %d failed starts: %s", e.spec.Platform, e.failures, e.lastErr)
	case StateBackoff:
		if wait := time.Until(e.nextStart); wait > 0 {
			return nil, sdk.Retryable(wait, "plugin %s is restarting", e.spec.Platform)
		}
	}
	return m.startLocked(ctx, e)
}

func (m *Manager) startLocked(ctx context.Context, e *entry) (process, error) {
	if e.proc != nil {
		e.proc.Kill()
		e.proc = nil
	}
	p, err := m.startVerified(ctx, e.spec)
	if err != nil {
		e.failures++
		e.lastErr = err.Error()
		if e.failures >= m.opts.MaxFailures {
			e.state = StateFailed
			m.log.Error("plugin failed repeatedly; giving up", "platform", e.spec.Platform, "failures", e.failures, "error", err)
			m.emit(Event{Platform: e.spec.Platform, Action: "plugin.failed", Err: err})
		} else {
			e.state = StateBackoff
			e.nextStart = time.Now().Add(m.backoff(e.failures))
			m.log.Warn("plugin start failed", "platform", e.spec.Platform, "attempt", e.failures, "error", err)
		}
		return nil, sdk.Errorf(sdk.KindRetryable, "start plugin %s: %v", e.spec.Platform, err)
	}
	action := "plugin.start"
	if e.restarts > 0 || e.failures > 0 {
		action = "plugin.restart"
	}
	e.proc = p
	e.state = StateRunning
	e.startedAt = time.Now()
	e.lastErr = ""
	m.log.Info("plugin started", "platform", e.spec.Platform, "pid", p.Pid())
	m.emit(Event{Platform: e.spec.Platform, Action: action})
	return p, nil
}

func (m *Manager) backoff(failures int) time.Duration {
	d := m.opts.MinBackoff
	for i := 1; i < failures && d < m.opts.MaxBackoff; i++ {
		d *= 2
	}
	return min(d, m.opts.MaxBackoff)
}

func (m *Manager) emit(ev Event) {
	if m.opts.OnEvent != nil {
		m.opts.OnEvent(ev)
	}
}

// startVerified starts the plugin of s. A pinned plugin runs from a
// private copy made of exactly the bytes that were hashed (one read of the
// binary), so replacing or rewriting the file at s.Path after the check
// changes nothing (no check-then-exec race by path). The copy is deleted
// once the process runs: the process keeps its file.
func (m *Manager) startVerified(ctx context.Context, s Spec) (process, error) {
	if s.SHA256 == "" {
		if _, err := os.Stat(s.Path); err != nil {
			return nil, fmt.Errorf("plugin binary: %w", err)
		}
		return m.opts.start(ctx, s, m.opts.Logger)
	}
	path, cleanup, err := verifiedCopy(s, m.opts.ExecDir)
	if err != nil {
		return nil, err
	}
	defer cleanup()
	s.Path = path
	return m.opts.start(ctx, s, m.opts.Logger)
}

// supervise pings running plugins and restarts crashed ones that have been
// used, so the next job finds a live process.
func (m *Manager) supervise() {
	defer close(m.done)
	t := time.NewTicker(m.opts.CheckInterval)
	defer t.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-t.C:
			m.checkAll()
		}
	}
}

func (m *Manager) checkAll() {
	m.mu.Lock()
	entries := make([]*entry, 0, len(m.entries))
	for _, e := range m.entries {
		entries = append(entries, e)
	}
	m.mu.Unlock()
	for _, e := range entries {
		m.check(e)
	}
}

// check handles one plugin: a dead or unresponsive process is killed and
// restarted once its backoff has passed.
func (m *Manager) check(e *entry) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.everUsed || e.state == StateFailed {
		return
	}
	if e.proc != nil {
		if !e.proc.Exited() {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			err := e.proc.Ping(ctx)
			cancel()
			if err == nil {
				// A crash loop must not look healthy: only a process that
				// stayed up clears the count.
				if e.failures > 0 && time.Since(e.startedAt) > m.opts.StableAfter {
					e.failures = 0
				}
				return
			}
			m.log.Warn("plugin health check failed; killing it", "platform", e.spec.Platform, "error", err)
		}
		m.crashedLocked(e, errors.New("plugin process exited or stopped answering"))
		if e.state == StateFailed {
			return
		}
	}
	if e.state == StateBackoff && time.Now().Before(e.nextStart) {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, _ = m.startLocked(ctx, e)
}

// crashedLocked records a crash: the process is gone and a restart is due
// after the backoff.
func (m *Manager) crashedLocked(e *entry, err error) {
	if e.proc != nil {
		e.proc.Kill()
		e.proc = nil
	}
	e.restarts++
	e.failures++
	e.lastErr = err.Error()
	m.emit(Event{Platform: e.spec.Platform, Action: "plugin.exit", Err: err})
	if e.failures >= m.opts.MaxFailures {
		e.state = StateFailed
		m.log.Error("plugin crashed repeatedly; giving up", "platform", e.spec.Platform, "crashes", e.failures)
		m.emit(Event{Platform: e.spec.Platform, Action: "plugin.failed", Err: err})
		return
	}
	e.state = StateBackoff
	e.nextStart = time.Now().Add(m.backoff(e.failures))
}

// Health reports every configured plugin.
func (m *Manager) Health() []Health {
	m.mu.Lock()
	entries := make([]*entry, 0, len(m.entries))
	for _, e := range m.entries {
		entries = append(entries, e)
	}
	m.mu.Unlock()
	out := make([]Health, 0, len(entries))
	for _, e := range entries {
		e.mu.Lock()
		h := Health{Platform: e.spec.Platform, State: e.state, Restarts: e.restarts, LastError: e.lastErr}
		if e.proc != nil && !e.proc.Exited() {
			h.Pid = e.proc.Pid()
		} else if e.state == StateRunning {
			h.State = StateBackoff
		}
		e.mu.Unlock()
		out = append(out, h)
	}
	return out
}

// Reset clears a plugin given up on, so its next use starts it again; the
// gateway calls it on a config reload (the operator fixed the binary).
func (m *Manager) Reset(name string) {
	if e, ok := m.entry(name); ok {
		e.mu.Lock()
		if e.state == StateFailed {
			e.state = StateStopped
			e.failures = 0
		}
		e.mu.Unlock()
	}
}

// Close stops the supervisor and kills every plugin process.
func (m *Manager) Close() {
	select {
	case <-m.stop:
		return
	default:
	}
	close(m.stop)
	<-m.done
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, e := range m.entries {
		e.mu.Lock()
		if e.proc != nil {
			e.proc.Kill()
			e.proc = nil
		}
		e.state = StateStopped
		e.mu.Unlock()
	}
}
