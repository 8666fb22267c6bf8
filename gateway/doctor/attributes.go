package doctor

import (
	"context"
	"fmt"
	"os"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/hcl/v2"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/plugins"
	"github.com/sigsentry/deskgate/sdk"
)

// CheckBindings checks each binding's platform-specific attributes against
// what its plugin declares (the gateway itself knows no desk's attributes).
// A plugin that cannot be asked is an error on each of its bindings.
func CheckBindings(ctx context.Context, cfg *config.Config, ps plugins.Platforms) hcl.Diagnostics {
	var diags hcl.Diagnostics
	specs := map[string][]sdk.AttributeSpec{}
	for _, b := range cfg.Bindings {
		attrs, ok := specs[b.Platform]
		if !ok {
			p, err := ps.Platform(ctx, b.Platform)
			var d *sdk.Description
			if err == nil {
				d, err = p.Describe(ctx, nil)
			}
			if err != nil {
				r := b.DeclRange
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Subject: &r,
					Summary: "Plugin unavailable", Detail: fmt.Sprintf("platform %s: %v", b.Platform, err)})
				specs[b.Platform] = nil
				continue
			}
			attrs = d.Attributes
			specs[b.Platform] = attrs
		}
		if attrs == nil {
			continue
		}
		var accepted, required []string
		for _, s := range attrs {
			accepted = append(accepted, s.Name)
			if s.Required {
				required = append(required, s.Name)
			}
		}
		diags = append(diags, b.CheckAttributes(accepted, required)...)
		diags = append(diags, b.CheckAttributeValues(attrs)...)
	}
	return diags
}

// CheckBindingsOffline is CheckBindings for `deskgate validate`: it starts
// each plugin just long enough to ask, and only warns when a plugin binary
// is not there yet.
func CheckBindingsOffline(ctx context.Context, cfg *config.Config) hcl.Diagnostics {
	var specs []plugins.Spec
	var diags hcl.Diagnostics
	for _, p := range cfg.Platforms {
		path := plugins.Resolve(cfg.Gateway.PluginDir, p.Plugin)
		if _, err := os.Stat(path); err != nil {
			r := p.DeclRange
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Subject: &r,
				Summary: "Plugin binary not found",
				Detail:  fmt.Sprintf("%s: %v. The %s bindings' platform attributes were not checked; run `make build`.", path, err, p.Name)})
			continue
		}
		specs = append(specs, plugins.Spec{Platform: p.Name, Path: path, SHA256: p.PluginSHA256})
	}
	m := plugins.New(specs, plugins.Options{Logger: hclog.NewNullLogger(), MaxFailures: 1})
	defer m.Close()
	var known []*config.Binding
	for _, b := range cfg.Bindings {
		for _, s := range specs {
			if s.Platform == b.Platform {
				known = append(known, b)
			}
		}
	}
	sub := *cfg
	sub.Bindings = known
	return append(diags, CheckBindings(ctx, &sub, m)...)
}
