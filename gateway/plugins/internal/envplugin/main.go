// Command envplugin is a test plugin that reports what the gateway gave it:
// Describe returns its environment (one variable per scope) and the path
// it runs from (RevokeHelp). Only the plugin manager's tests build it.
package main

import (
	"context"
	"os"

	"github.com/sigsentry/deskgate/sdk"
)

type platform struct{ sdk.Platform }

func (platform) Describe(context.Context, *sdk.Binding) (*sdk.Description, error) {
	exe, _ := os.Executable()
	return &sdk.Description{Name: "env", ProtocolVersion: sdk.ProtocolVersion, Scopes: os.Environ(), RevokeHelp: exe}, nil
}

func main() { sdk.Serve(platform{}) }
