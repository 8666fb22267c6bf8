package config

import (
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/agext/levenshtein"
	"github.com/hashicorp/hcl/v2"

	"github.com/sigsentry/deskgate/sdk"
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

// CheckAttributeValues checks the values of the binding's platform-specific
// attributes against what its plugin declares of each (sdk.AttributeSpec
// Kind and Pattern), so a bad value is refused by `deskgate validate`, at
// start and at reload rather than at connect. Each problem is reported at
// the value's own range.
func (b *Binding) CheckAttributeValues(specs []sdk.AttributeSpec) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, spec := range specs {
		v, set := b.Attributes[spec.Name]
		if !set {
			continue
		}
		rng := b.AttrValueRanges[spec.Name]
		if rng == (hcl.Range{}) {
			rng = b.AttrRanges[spec.Name]
		}
		bad := func(format string, args ...any) {
			diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid attribute value",
				Detail: fmt.Sprintf(format, args...), Subject: rng.Ptr()})
		}
		shown := v
		if len(shown) > 64 {
			shown = shown[:64] + "…"
		}
		switch spec.Kind {
		case sdk.KindHostnameLabel:
			if !dnsLabel.MatchString(v) {
				bad("%s = %q must be one DNS label: letters, digits and '-', at most 63 characters (like \"acme\" for acme.example.com).", spec.Name, shown)
				continue
			}
		case sdk.KindHostname:
			if !validHostname(v) || !strings.Contains(v, ".") && v != "localhost" {
				bad("%s = %q must be a host name such as \"acme.atlassian.net\", without scheme, path or port.", spec.Name, shown)
				continue
			}
		case sdk.KindURL:
			if msg := b.checkURL(v); msg != "" {
				bad("%s: %s", spec.Name, msg)
				continue
			}
		}
		if spec.Pattern != "" {
			re, err := regexp.Compile(`^(?:` + spec.Pattern + `)$`)
			switch {
			case err != nil:
				bad("the %s plugin declares an invalid pattern for %s (%v); this is a plugin bug.", b.Platform, spec.Name, err)
			case !re.MatchString(v):
				bad("%s = %q does not have the form the %s plugin requires (%s).", spec.Name, shown, b.Platform, spec.Pattern)
			}
		}
	}
	return diags
}

var dnsLabel = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$`)

// metadataHosts are cloud instance metadata endpoints known by name.
var metadataHosts = map[string]bool{"metadata.google.internal": true, "metadata": true, "instance-data": true}

// ec2MetadataV6 is the EC2 instance metadata service's IPv6 address.
var ec2MetadataV6 = netip.MustParseAddr("fd00:ec2::254")

// checkURL returns what is wrong with a url-kind value, or "". It never
// quotes the URL: it may carry credentials.
func (b *Binding) checkURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" || (u.Scheme != "http" && u.Scheme != "https") {
		return "must be an absolute http(s) URL such as \"https://api.example.com\""
	}
	if u.User != nil {
		return "must not carry a user name or password; credentials come from the OAuth connection"
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	addr, ipErr := netip.ParseAddr(host)
	isIP := ipErr == nil
	if isIP {
		addr = addr.Unmap()
	}
	switch {
	case metadataHosts[host]:
		return fmt.Sprintf("host %s is a cloud metadata endpoint, which a desk API never is", host)
	case isIP && (addr.IsLinkLocalUnicast() || addr == ec2MetadataV6):
		return fmt.Sprintf("host %s is a link-local or cloud metadata address, which a desk API never is", host)
	case isIP && addr.IsUnspecified():
		return fmt.Sprintf("host %s is not an address a request can go to", host)
	}
	loopback := host == "localhost" || strings.HasSuffix(host, ".localhost") || isIP && addr.IsLoopback()
	if u.Scheme == "http" && !loopback && !b.InsecureAPIURL {
		return fmt.Sprintf("must be https (host %s is not loopback); set insecure_api_url = true in the binding only for a sandbox you trust", host)
	}
	return ""
}
