package sdk

import (
	"os"
	"sync"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
)

// stderr is the process's real standard error, kept before go-plugin's Serve
// swaps os.Stderr for a pipe: the host parses JSON log lines from the real
// one and logs them through its own logger.
var stderr = os.Stderr

var (
	loggerOnce sync.Once
	logger     hclog.Logger
)

// Logger is the logger a plugin logs through. Its lines go to stderr as
// JSON, which the host decodes and re-logs under its logger for this plugin,
// with their level and key/value pairs intact. Never log a token, the
// install state's Data or a signing secret.
func Logger() hclog.Logger {
	loggerOnce.Do(func() {
		level := hclog.LevelFromString(os.Getenv("DESKGATE_PLUGIN_LOG_LEVEL"))
		if level == hclog.NoLevel {
			level = hclog.Debug
		}
		logger = hclog.New(&hclog.LoggerOptions{
			Level:      level,
			Output:     stderr,
			JSONFormat: true,
		})
	})
	return logger
}

// Serve runs a plugin's main until the host is done with it:
//
//	func main() { sdk.Serve(zendesk.New()) }
//
// It speaks gRPC only, with mutual TLS set up automatically by go-plugin.
// Run by hand (not by the gateway), it prints a note and exits 1.
func Serve(p Platform) {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig:  handshake,
		VersionedPlugins: pluginSets(p),
		GRPCServer:       plugin.DefaultGRPCServer,
		Logger:           Logger(),
	})
}
