package sdk

import (
	"context"

	"github.com/hashicorp/go-plugin"
	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
	"google.golang.org/grpc"
)

// handshake is what the gateway and a plugin binary must agree on before any
// call. The cookie only stops a plugin binary from being run by hand by
// mistake; it is not a secret.
var handshake = plugin.HandshakeConfig{
	// ProtocolVersion is what a plugin speaks when it does not negotiate;
	// VersionedPlugins below is what is actually used.
	ProtocolVersion:  ProtocolVersion,
	MagicCookieKey:   "DESKGATE_PLUGIN",
	MagicCookieValue: "desk-platform-7f3c9a1e",
}

// platformPluginName is the key the Platform is dispensed under.
const platformPluginName = "platform"

// pluginSets lists, per protocol version, what is served or dispensed. A v2
// goes in beside v1 so old plugins keep working with a new gateway.
func pluginSets(impl Platform) map[int]plugin.PluginSet {
	return map[int]plugin.PluginSet{
		1: {platformPluginName: &platformPlugin{impl: impl}},
	}
}

// platformPlugin is go-plugin's glue for protocol version 1. impl is set on
// the plugin side only.
type platformPlugin struct {
	plugin.NetRPCUnsupportedPlugin
	impl Platform
}

func (p *platformPlugin) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	platformv1.RegisterPlatformServer(s, &grpcServer{impl: p.impl, logger: Logger().Named("sdk")})
	return nil
}

func (p *platformPlugin) GRPCClient(_ context.Context, _ *plugin.GRPCBroker, conn *grpc.ClientConn) (any, error) {
	return &grpcClient{rpc: platformv1.NewPlatformClient(conn)}, nil
}
