package doctor

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/hashicorp/hcl/v2"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/plugins"
)

// Unpinned is a platform whose plugin binary has no plugin_sha256: the
// gateway runs whatever file is at Path.
type Unpinned struct {
	Platform string
	Path     string
	SHA256   string // the binary's digest now, to pin; "" when unreadable
	Range    hcl.Range
}

// UnpinnedPlugins lists the platforms without plugin_sha256, by name.
func UnpinnedPlugins(cfg *config.Config) []Unpinned {
	var out []Unpinned
	for _, p := range cfg.Platforms {
		if p.PluginSHA256 != "" {
			continue
		}
		out = append(out, unpinned(cfg, p))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Platform < out[j].Platform })
	return out
}

// unpinned describes p, a platform without plugin_sha256, hashing its
// binary.
func unpinned(cfg *config.Config, p *config.Platform) Unpinned {
	path := plugins.Resolve(cfg.Gateway.PluginDir, p.Plugin)
	return Unpinned{Platform: p.Name, Path: path, SHA256: fileSHA256(path), Range: p.DeclRange}
}

// PinDiagnostics are warnings for `deskgate validate` (errors with -strict)
// at each platform block without plugin_sha256.
func PinDiagnostics(cfg *config.Config) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, u := range UnpinnedPlugins(cfg) {
		r := u.Range
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagWarning, Subject: &r,
			Summary: "Plugin binary not pinned",
			Detail:  fmt.Sprintf("platform %q has no plugin_sha256, so the gateway runs whatever file is at %s. %s", u.Platform, u.Path, pinHint(u))})
	}
	return diags
}

func pinHint(u Unpinned) string {
	if u.SHA256 == "" {
		return "Build it, then set plugin_sha256 to the output of sha256sum."
	}
	return fmt.Sprintf("To pin the binary there now, set plugin_sha256 = %q.", u.SHA256)
}

func fileSHA256(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}
