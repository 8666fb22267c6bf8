package sdk

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc/health/grpc_health_v1"
)

// DefaultStartTimeout bounds how long NewClient waits for a plugin to start
// and complete the handshake when ClientConfig.StartTimeout is zero.
const DefaultStartTimeout = 30 * time.Second

// ClientConfig says how the host starts one plugin process.
type ClientConfig struct {
	Path string // plugin binary
	Args []string
	// Logger receives go-plugin's own lines and every line the plugin logs
	// (see sdk.Logger), as is: the caller names it, e.g. "plugin.zendesk".
	// Nil discards them.
	Logger       hclog.Logger
	StartTimeout time.Duration // 0 = DefaultStartTimeout
	// Env, when not nil, is the plugin process's whole environment besides
	// go-plugin's own handshake variables: the host's environment (which
	// may hold its secrets) is not passed on. Nil passes the host's.
	Env []string
	// SocketDir is where NewClient makes the plugin's private 0700
	// directory for its unix socket (PLUGIN_UNIX_SOCKET_DIR); "" is the
	// system's temporary directory. Kill removes it. A host that may be
	// killed before it can call Kill gives a directory of its own and
	// calls CleanSocketDirs on it when it starts again.
	SocketDir string
}

// Client is the host's handle on one running plugin process. Its owner must
// call Kill when done with it.
type Client struct {
	pc       *plugin.Client
	rpc      *plugin.GRPCClient
	platform Platform
	sockDir  string // the plugin's private socket directory
}

// NewClient starts the plugin binary, completes the handshake (magic cookie,
// protocol version negotiation, mTLS) and dispenses its Platform. If ctx ends
// first, the process is killed and ctx's error returned.
func NewClient(ctx context.Context, cfg ClientConfig) (*Client, error) {
	if cfg.Path == "" {
		return nil, errors.New("start plugin: no binary path")
	}
	log := cfg.Logger
	if log == nil {
		log = hclog.NewNullLogger()
	}
	timeout := cfg.StartTimeout
	if timeout <= 0 {
		timeout = DefaultStartTimeout
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < timeout {
		timeout = max(time.Until(dl), time.Millisecond)
	}
	if cfg.SocketDir != "" && !SocketDirFits(cfg.SocketDir) {
		return nil, fmt.Errorf("start plugin %s: socket directory %s is too long for a unix socket path", cfg.Path, cfg.SocketDir)
	}
	sockDir, err := newSocketDir(cfg.SocketDir)
	if err != nil {
		return nil, fmt.Errorf("start plugin %s: %w", cfg.Path, err)
	}
	cmd := exec.Command(cfg.Path, cfg.Args...)
	// The host's environment is copied here rather than appended by
	// go-plugin, so that the socket directory set below is the one the
	// plugin sees even when the host's environment has one.
	env := cfg.Env
	if env == nil {
		env = os.Environ()
	}
	cmd.Env = append([]string{}, env...)
	level := log
	if cfg.Logger == nil {
		// Every line would be discarded.
		level = hclog.New(&hclog.LoggerOptions{Level: hclog.Off})
	}
	if kv := logLevelEnv(cfg.Env, level); kv != "" {
		cmd.Env = append(cmd.Env, kv)
	}
	cmd.Env = withSocketDir(cmd.Env, sockDir)
	pc := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  handshake,
		VersionedPlugins: pluginSets(nil),
		Cmd:              cmd,
		SkipHostEnv:      true,
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		AutoMTLS:         true,
		Logger:           stderrNamer{Logger: log, bin: filepath.Base(cfg.Path)},
		StartTimeout:     timeout,
	})

	type started struct {
		c   *Client
		err error
	}
	done := make(chan started, 1)
	go func() {
		c, err := dispense(pc)
		done <- started{c, err}
	}()
	select {
	case s := <-done:
		if s.err != nil {
			pc.Kill()
			os.RemoveAll(sockDir)
			return nil, fmt.Errorf("start plugin %s: %w", cfg.Path, s.err)
		}
		s.c.sockDir = sockDir
		return s.c, nil
	case <-ctx.Done():
		// Killing the process makes dispense return; wait for it so no
		// goroutine outlives this call.
		pc.Kill()
		<-done
		os.RemoveAll(sockDir)
		return nil, fmt.Errorf("start plugin %s: %w", cfg.Path, ctx.Err())
	}
}

func dispense(pc *plugin.Client) (*Client, error) {
	proto, err := pc.Client()
	if err != nil {
		return nil, err
	}
	rpc, ok := proto.(*plugin.GRPCClient)
	if !ok {
		return nil, fmt.Errorf("plugin speaks %T, want gRPC", proto)
	}
	raw, err := rpc.Dispense(platformPluginName)
	if err != nil {
		return nil, fmt.Errorf("dispense platform: %w", err)
	}
	p, ok := raw.(Platform)
	if !ok {
		return nil, fmt.Errorf("dispensed %T, not a Platform", raw)
	}
	return &Client{pc: pc, rpc: rpc, platform: p}, nil
}

// Platform returns the plugin's Platform; its calls go over gRPC. Errors are
// *Error values; a call that fails because the process died or the
// connection broke is KindRetryable.
func (c *Client) Platform() Platform { return c.platform }

// Ping asks the plugin's gRPC health service whether it is serving.
func (c *Client) Ping(ctx context.Context) error {
	if c.pc.Exited() {
		return errors.New("ping plugin: process has exited")
	}
	resp, err := grpc_health_v1.NewHealthClient(c.rpc.Conn).Check(ctx, &grpc_health_v1.HealthCheckRequest{Service: plugin.GRPCServiceName})
	if err != nil {
		return fmt.Errorf("ping plugin: %w", err)
	}
	if resp.GetStatus() != grpc_health_v1.HealthCheckResponse_SERVING {
		return fmt.Errorf("ping plugin: status %s", resp.GetStatus())
	}
	return nil
}

// Exited reports whether the plugin process has ended.
func (c *Client) Exited() bool { return c.pc.Exited() }

// Kill ends the plugin process (gracefully first), waits for it and
// removes its socket directory.
func (c *Client) Kill() {
	c.pc.Kill()
	os.RemoveAll(c.sockDir)
}

// SocketDir is the plugin's private socket directory, gone after Kill.
func (c *Client) SocketDir() string { return c.sockDir }

// Pid is the plugin process id, or 0 if unknown.
func (c *Client) Pid() int {
	if rc := c.pc.ReattachConfig(); rc != nil {
		return rc.Pid
	}
	return 0
}

// NegotiatedVersion is the protocol version both sides agreed on.
func (c *Client) NegotiatedVersion() int { return c.pc.NegotiatedVersion() }

// logLevelEnv is the DESKGATE_PLUGIN_LOG_LEVEL setting that makes the
// plugin (through Logger) log no finer than log, the logger its lines go
// to, keeps: a finer line would be formatted, piped, decoded by go-plugin
// and dropped, a cost paid on every call that logs at debug (the zendesk
// plugin does for each desk request). It is "" when the plugin's
// environment (env, or the host's when env is nil) already sets the
// variable, which wins, or when log has no level to pass on (NoLevel: a
// logger that defers to its parent's, which it does not tell).
func logLevelEnv(env []string, log hclog.Logger) string {
	const name = "DESKGATE_PLUGIN_LOG_LEVEL"
	if env == nil {
		if _, ok := os.LookupEnv(name); ok {
			return ""
		}
	}
	for _, kv := range env {
		if strings.HasPrefix(kv, name+"=") {
			return ""
		}
	}
	switch l := log.GetLevel(); l {
	case hclog.Trace, hclog.Debug, hclog.Info, hclog.Warn, hclog.Error, hclog.Off:
		return name + "=" + l.String()
	}
	return ""
}

// stderrNamer stops go-plugin from adding the binary's name to the logger
// the plugin's stderr lines go through: the caller already named it.
type stderrNamer struct {
	hclog.Logger
	bin string
}

func (s stderrNamer) Named(name string) hclog.Logger {
	if name == s.bin {
		return s.Logger
	}
	return s.Logger.Named(name)
}
