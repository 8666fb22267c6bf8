package config

import (
	"fmt"
	"sort"

	"github.com/agext/levenshtein"
	"github.com/hashicorp/hcl/v2"
)

// CheckAttributes checks the binding's platform-specific attributes against
// what its plugin declares (sdk.Description.Attributes): an attribute the
// plugin does not accept is reported at its own range, with a suggestion
// when it looks like a typo; a required one that is missing is reported at
// the block. The gateway calls this once it has asked the plugin.
func (b *Binding) CheckAttributes(accepted, required []string) hcl.Diagnostics {
	var diags hcl.Diagnostics
	ok := map[string]bool{}
	for _, a := range accepted {
		ok[a] = true
	}
	for _, a := range required {
		ok[a] = true
	}
	all := make([]string, 0, len(ok))
	for a := range ok {
		all = append(all, a)
	}
	sort.Strings(all)

	names := make([]string, 0, len(b.Attributes))
	for n := range b.Attributes {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if ok[n] {
			continue
		}
		detail := fmt.Sprintf("Platform %q accepts no attribute %q in a binding", b.Platform, n)
		if s := suggest(n, all); s != "" {
			detail += fmt.Sprintf("; did you mean %q?", s)
		} else if len(all) > 0 {
			detail += fmt.Sprintf("; its attributes are %s.", quotedList(all))
		} else {
			detail += "; it takes no platform-specific attributes."
		}
		rng := b.AttrRanges[n]
		diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Unsupported argument", Detail: detail, Subject: rng.Ptr()})
	}
	for _, r := range required {
		if _, set := b.Attributes[r]; !set {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Missing required argument",
				Detail:   fmt.Sprintf("Platform %q needs %q in binding %q %q.", b.Platform, r, b.Platform, b.Name),
				Subject:  b.DeclRange.Ptr(),
			})
		}
	}
	return diags
}

// suggest returns the candidate closest to name when it is close enough to
// be a typo, else "".
func suggest(name string, candidates []string) string {
	best, bestDist := "", 3 // up to two edits
	for _, c := range candidates {
		if d := levenshtein.Distance(name, c, nil); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
