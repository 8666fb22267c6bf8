package config

import (
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

func (l *loader) gateway(g *gatewayHCL) Gateway {
	gw := Gateway{Workers: DefaultWorkers, ShutdownTimeout: DefaultShutdownTimeout, VisibilityTimeout: DefaultVisibilityTimeout,
		MaxInflightDeliveries: DefaultMaxInflightDeliveries, MaxQueueDepth: DefaultMaxQueueDepth,
		MaxQueueDepthPerBinding: DefaultMaxQueueDepthPerBinding,
		AnalysisRetention:       DefaultAnalysisRetention}

	var listenHost string
	if s, ok := l.requiredStr("listen", g.Listen); ok {
		if host, ok := l.checkListen(s, g.Listen.Range()); ok {
			gw.Listen, listenHost = s, host
		}
	}

	if s, ok := l.str("public_url", g.PublicURL); ok {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" ||
			u.User != nil || u.RawQuery != "" || u.Fragment != "" {
			l.errorf(g.PublicURL.Range(), "Invalid public_url",
				"public_url = %q must be an absolute http:// or https:// URL without user info, query or fragment (like \"https://deskgate.example.com\").", s)
		} else {
			gw.PublicURL = strings.TrimRight(s, "/")
		}
	} else if gw.Listen != "" {
		// Webhook and OAuth redirect URLs are built from public_url; guess
		// it only when listen names a host a desk could reach.
		if ip := net.ParseIP(listenHost); listenHost == "" || ip != nil && ip.IsUnspecified() {
			l.errorf(g.DefRange, "Missing public_url",
				"listen = %q does not name a host, so public_url (the base of webhook and OAuth redirect URLs) must be set.", gw.Listen)
		} else {
			gw.PublicURL = "http://" + gw.Listen
		}
	}

	gw.DataDir = l.resolve("data")
	if s, ok := l.nonEmpty("data_dir", g.DataDir); ok {
		gw.DataDir = l.resolve(s)
	}
	gw.PluginDir = l.resolve("bin")
	if s, ok := l.nonEmpty("plugin_dir", g.PluginDir); ok {
		gw.PluginDir = l.resolve(s)
	}

	// admin_token protects the admin API and web UI: there is no default.
	if l.required("admin_token", g.AdminToken) {
		if tok, ok := l.secret("admin_token", g.AdminToken); ok {
			if n := utf8.RuneCountInString(tok); n < MinAdminTokenLength {
				// The length is said, never the token.
				l.errorf(g.AdminToken.Range(), "admin_token too short",
					"admin_token is %d characters; it must be at least %d, because it is the only thing between the internet and the admin UI. "+
						"Generate one with `openssl rand -base64 32` and pass it with env(\"DESKGATE_ADMIN_TOKEN\").", n, MinAdminTokenLength)
			} else {
				gw.AdminToken = tok
			}
		}
	}

	if n, ok := l.integer("workers", g.Workers, 0, 1024); ok {
		gw.Workers = n
	}
	if d, ok := l.duration("shutdown_timeout", g.ShutdownTimeout, time.Second, "seconds"); ok {
		gw.ShutdownTimeout = d
	}
	if d, ok := l.duration("visibility_timeout", g.VisibilityTimeout, time.Second, "seconds"); ok {
		gw.VisibilityTimeout = d
	}
	if n, ok := l.integer("max_inflight_deliveries", g.MaxInflightDeliveries, 1, 100000); ok {
		gw.MaxInflightDeliveries = n
	}
	if n, ok := l.integer("max_queue_depth", g.MaxQueueDepth, 1, 100000000); ok {
		gw.MaxQueueDepth = n
	}
	if n, ok := l.integer("max_queue_depth_per_binding", g.MaxQueueDepthPerBinding, 1, 100000000); ok {
		gw.MaxQueueDepthPerBinding = n
	}
	if s, ok := l.str("debug_listen", g.DebugListen); ok {
		gw.DebugListen = l.debugListen(s, gw.Listen, g.DebugListen.Range())
	}
	if d, ok := l.duration("analysis_retention", g.AnalysisRetention, 24*time.Hour, "days"); ok {
		if d < time.Hour {
			l.errorf(g.AnalysisRetention.Range(), "Invalid analysis_retention", "analysis_retention must be at least an hour (a number of days, or a duration like \"72h\").")
		} else {
			gw.AnalysisRetention = d
		}
	}
	return gw
}

// debugListen validates debug_listen: host:port, loopback when the host is
// left out, never the public listen address.
func (l *loader) debugListen(s, listen string, rng hcl.Range) string {
	if s == "" {
		return ""
	}
	host, ok := l.checkListen(s, rng)
	if !ok {
		return ""
	}
	if host == "" {
		_, port, _ := net.SplitHostPort(s)
		s = net.JoinHostPort("127.0.0.1", port)
	}
	if _, port, _ := net.SplitHostPort(s); port == "0" {
		l.errorf(rng, "Invalid debug_listen", "debug_listen = %q needs a fixed port: an operator has to know where pprof is.", s)
		return ""
	}
	if s == listen {
		l.errorf(rng, "Invalid debug_listen", "debug_listen = %q is the public listen address: pprof must be served on a listener of its own (like \"127.0.0.1:6060\").", s)
		return ""
	}
	return s
}

// checkListen validates host:port and returns the host.
func (l *loader) checkListen(s string, rng hcl.Range) (string, bool) {
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		l.errorf(rng, "Invalid listen address", "listen = %q must be host:port (like \"127.0.0.1:8080\").", s)
		return "", false
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		l.errorf(rng, "Invalid listen address", "listen = %q: port %q is not a number from 0 to 65535.", s, port)
		return "", false
	}
	if host != "" && net.ParseIP(host) == nil && !validHostname(host) {
		l.errorf(rng, "Invalid listen address", "listen = %q: %q is neither an IP address nor a host name.", s, host)
		return "", false
	}
	return host, true
}

func validHostname(h string) bool {
	if len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return false
			}
		}
	}
	return true
}

func (l *loader) store(blocks []*storeHCL, dataDir string) Store {
	st := Store{Kind: StoreSQLite, Path: filepath.Join(dataDir, "deskgate.db")}
	if len(blocks) == 0 {
		return st
	}
	for _, extra := range blocks[1:] {
		l.errorf(extra.DefRange, "Duplicate store block", "Only one store block is allowed; the first is at %s.", where(blocks[0].DefRange))
	}
	b := blocks[0]
	notUsed := func(name string, expr hcl.Expression) {
		if v, _ := expr.Value(l.ctx); !v.IsNull() {
			l.errorf(expr.Range(), "Unsupported argument", "%s is not used by the %s store.", name, b.Kind)
		}
	}
	switch b.Kind {
	case StoreSQLite:
		notUsed("url", b.URL)
		notUsed("key_prefix", b.KeyPrefix)
		if s, ok := l.nonEmpty("path", b.Path); ok {
			st.Path = l.resolve(s)
		}
	case StoreRedis:
		notUsed("path", b.Path)
		st = Store{Kind: StoreRedis, KeyPrefix: DefaultKeyPrefix}
		// The URL may carry a password: diagnostics never echo it.
		if s, ok := l.nonEmpty("url", b.URL); ok {
			u, err := url.Parse(s)
			if err != nil || (u.Scheme != "redis" && u.Scheme != "rediss" && u.Scheme != "unix") {
				l.errorf(b.URL.Range(), "Invalid url", "url must be a redis://, rediss:// or unix:// URL (like \"redis://127.0.0.1:6379/0\").")
			} else {
				st.URL = s
			}
		} else if v, _ := b.URL.Value(l.ctx); v.IsNull() {
			l.errorf(b.DefRange, "Missing url", "The redis store needs url (like \"redis://127.0.0.1:6379/0\").")
		}
		if s, ok := l.str("key_prefix", b.KeyPrefix); ok {
			st.KeyPrefix = s
		}
	default:
		l.errorf(b.DefRange, "Unknown store kind", "store %q is not supported; use %s.", b.Kind, quotedList(StoreKinds))
	}
	return st
}

func (l *loader) project(ph *projectHCL) *Project {
	p := &Project{Name: ph.Name, Service: map[string]*Service{}, MaskSamples: true, DeclRange: ph.DefRange}
	if list, ok := l.requiredList("services", ph.Services); ok {
		for _, s := range list {
			if _, dup := p.Service[s]; dup {
				l.errorf(ph.Services.Range(), "Duplicate service", "service %q is listed twice.", s)
				continue
			}
			p.Services = append(p.Services, s)
			p.Service[s] = &Service{Name: s}
		}
		if len(list) == 0 {
			l.errorf(ph.Services.Range(), "Empty services", "project %q must list at least one service.", ph.Name)
		}
	}

	seenBlock := map[string]hcl.Range{}
	for _, sh := range ph.Service {
		if first, dup := seenBlock[sh.Name]; dup {
			l.errorf(sh.DefRange, "Duplicate service block", "service %q is already configured at %s.", sh.Name, where(first))
			continue
		}
		seenBlock[sh.Name] = sh.DefRange
		svc, listed := p.Service[sh.Name]
		if !listed {
			l.errorf(sh.DefRange, "Unknown service", "service %q is not in project %q's services (%s); add it there or fix the name.",
				sh.Name, ph.Name, strings.Join(p.Services, ", "))
			svc = &Service{Name: sh.Name}
		}
		if a, ok := l.strList("aliases", sh.Aliases); ok {
			svc.Aliases = a
		}
		if c, ok := l.boolean("core", sh.Core); ok {
			svc.Core = c
		}
	}

	seenSource := map[string]hcl.Range{}
	for _, lh := range ph.LogSources {
		if first, dup := seenSource[lh.Name]; dup {
			l.errorf(lh.DefRange, "Duplicate log_source", "log_source %q %q is already defined at %s.", lh.Type, lh.Name, where(first))
			continue
		}
		if src := l.logSource(lh); src != nil {
			seenSource[lh.Name] = lh.DefRange
			p.LogSources = append(p.LogSources, src)
		}
	}

	l.masking(p, ph)

	if ph.Triage != nil {
		for _, rh := range ph.Triage.Rules {
			r := &TriageRule{}
			if kw, ok := l.requiredList("keywords", rh.Keywords); ok {
				if len(kw) == 0 {
					l.errorf(rh.Keywords.Range(), "Empty keywords", "A triage rule needs at least one keyword.")
				}
				r.Keywords = kw
			}
			before := len(l.diags)
			r.Floor = l.enum("floor", rh.Floor, Severities, "")
			r.Ceiling = l.enum("ceiling", rh.Ceiling, Severities, "")
			switch {
			case len(l.diags) > before:
				// A bad floor or ceiling is reported already.
			case r.Floor == "" && r.Ceiling == "":
				l.errorf(rh.DefRange, "Triage rule without effect", "A triage rule needs floor, ceiling or both.")
			case r.Floor != "" && r.Ceiling != "" && SeverityRank(r.Floor) > SeverityRank(r.Ceiling):
				l.errorf(rh.DefRange, "Triage rule floor above ceiling", "floor %q is more severe than ceiling %q.", r.Floor, r.Ceiling)
			}
			p.Triage = append(p.Triage, r)
		}
	}
	return p
}

func (l *loader) platform(ph *platformHCL) *Platform {
	p := &Platform{Name: ph.Name, Plugin: "deskgate-plugin-" + ph.Name, DeclRange: ph.DefRange}
	if s, ok := l.nonEmpty("plugin", ph.Plugin); ok {
		if strings.ContainsAny(s, `/\`) || s == "." || s == ".." {
			l.errorf(ph.Plugin.Range(), "Invalid plugin", "plugin = %q must be a file name inside plugin_dir, not a path.", s)
		} else {
			p.Plugin = s
		}
	}
	if s, ok := l.str("plugin_sha256", ph.PluginSHA256); ok {
		if len(s) != 64 || strings.Trim(strings.ToLower(s), "0123456789abcdef") != "" {
			l.errorf(ph.PluginSHA256.Range(), "Invalid plugin_sha256", "plugin_sha256 must be 64 hexadecimal digits (the output of sha256sum).")
		} else {
			p.PluginSHA256 = strings.ToLower(s)
		}
	}
	if s, ok := l.nonEmpty("client_id", ph.ClientID); ok {
		p.ClientID = s
	}
	if s, ok := l.secret("client_secret", ph.ClientSecret); ok {
		p.ClientSecret = s
	}
	return p
}

// platformCredentials requires a platform's OAuth client unless every
// binding of it brings its own. It only reports attributes that are absent:
// present-but-empty ones were reported where they were read.
func (l *loader) platformCredentials(p *Platform, ph *platformHCL, bindings []*Binding) {
	var missing []string
	if isNull(ph.ClientID, l.ctx) {
		missing = append(missing, "client_id")
	}
	if isNull(ph.ClientSecret, l.ctx) {
		missing = append(missing, "client_secret")
	}
	if len(missing) == 0 {
		return
	}
	what := strings.Join(missing, " and ")
	for _, b := range bindings {
		if b.Platform == p.Name && !b.ownClient {
			l.errorf(ph.DefRange, "Missing "+what,
				"platform %q has no %s, and binding %q %q (%s) does not set its own; set it here or in every binding of this platform.",
				p.Name, what, b.Platform, b.Name, where(b.DeclRange))
			return
		}
	}
}

// knownBindingAttrs are the attributes bindingHCL decodes; every other
// attribute of a binding is platform-specific.
var knownBindingAttrs, knownBindingAttrNames = func() (map[string]bool, []string) {
	schema, _ := gohcl.ImpliedBodySchema(&bindingHCL{})
	m := map[string]bool{}
	var names []string
	for _, a := range schema.Attributes {
		m[a.Name] = true
		names = append(names, a.Name)
	}
	return m, names
}()

func (l *loader) binding(bh *bindingHCL, file string, cfg *Config) *Binding {
	if !l.checkName("platform", bh.Platform, bh.DefRange) || !l.checkName("binding", bh.Name, bh.DefRange) {
		return nil
	}
	b := &Binding{
		Platform:             bh.Platform,
		Name:                 bh.Name,
		PostingMode:          PostingInternal,
		AutoAnalyzeThreshold: SeverityHigh,
		DefaultTimeBuffer:    DefaultTimeBuffer,
		Timezone:             time.UTC,
		TimezoneName:         "UTC",
		CustomFields:         map[string]string{},
		PublicReplyTemplate:  DefaultReplyTemplate,
		RateLimitPerMinute:   DefaultRateLimitPerMinute,
		Attributes:           map[string]string{},
		AttrRanges:           map[string]hcl.Range{},
		AttrValueRanges:      map[string]hcl.Range{},
		DeclRange:            bh.DefRange,
		File:                 file,
	}
	platform := cfg.Platforms[bh.Platform]
	if platform == nil {
		l.errorf(bh.DefRange, "Unknown platform", "binding %q %q names platform %q, which is not defined; the platforms are: %s.",
			bh.Platform, bh.Name, bh.Platform, sortedKeys(cfg.Platforms))
	}
	if s, ok := l.requiredStr("project", bh.Project); ok {
		b.Project = s
		if cfg.Projects[s] == nil {
			l.errorf(bh.Project.Range(), "Unknown project", "binding %q %q names project %q, which is not defined; the projects are: %s.",
				bh.Platform, bh.Name, s, sortedKeys(cfg.Projects))
		}
	}
	b.PostingMode = l.enum("posting_mode", bh.PostingMode, PostingModes, PostingInternal)
	b.AutoAnalyzeThreshold = l.enum("auto_analyze_threshold", bh.AutoAnalyzeThreshold, Thresholds, SeverityHigh)
	if d, ok := l.duration("default_time_buffer", bh.DefaultTimeBuffer, time.Hour, "hours"); ok {
		b.DefaultTimeBuffer = d
	}
	if s, ok := l.nonEmpty("timezone", bh.Timezone); ok {
		loc, err := time.LoadLocation(s)
		if err != nil {
			l.errorf(bh.Timezone.Range(), "Unknown timezone", "timezone = %q is not an IANA time zone name (like \"UTC\" or \"Europe/Berlin\").", s)
		} else {
			b.Timezone, b.TimezoneName = loc, s
		}
	}
	if bh.CustomFields != nil {
		l.customFields(b, bh.CustomFields)
	}
	if s, ok := l.str("public_reply_template", bh.PublicReplyTemplate); ok {
		rng := bh.PublicReplyTemplate.Range()
		if d := validateTemplate(s, l.srcs[rng.Filename], rng); len(d) > 0 {
			l.diags = append(l.diags, d...)
		} else if strings.TrimSpace(s) == "" {
			l.errorf(rng, "Empty public_reply_template", "public_reply_template must not be empty; remove it to use the default.")
		} else {
			b.PublicReplyTemplate = s
		}
	}

	id, idOK := l.nonEmpty("client_id", bh.ClientID)
	secret, secretOK := l.secret("client_secret", bh.ClientSecret)
	idSet, secretSet := !isNull(bh.ClientID, l.ctx), !isNull(bh.ClientSecret, l.ctx)
	switch {
	case idSet != secretSet:
		l.errorf(bh.DefRange, "Incomplete OAuth client", "binding %q %q sets only one of client_id and client_secret; set both or neither.", b.Platform, b.Name)
	case idOK && secretOK:
		b.ClientID, b.ClientSecret = id, secret
	}
	// A binding that tried to set its own client (even if a value was wrong)
	// does not fall back to the platform's: that error is reported already.
	b.ownClient = idSet || secretSet
	if !b.ownClient && platform != nil {
		b.ClientID, b.ClientSecret = platform.ClientID, platform.ClientSecret
	}

	if n, ok := l.integer("rate_limit_per_minute", bh.RateLimitPerMinute, 1, 100000); ok {
		b.RateLimitPerMinute = n
	}
	b.AnalysisAccess = l.enum("analysis_access", bh.AnalysisAccess, AnalysisAccesses, AccessPublic)
	if v, ok := l.boolean("insecure_api_url", bh.InsecureAPIURL); ok {
		b.InsecureAPIURL = v
	}
	l.platformAttributes(b, bh)
	return b
}

// masking reads a project's mask_samples, mask_fields and mask_patterns;
// a pattern that is not an RE2 expression is reported at its attribute.
func (l *loader) masking(p *Project, ph *projectHCL) {
	if v, ok := l.boolean("mask_samples", ph.MaskSamples); ok {
		p.MaskSamples = v
	}
	if f, ok := l.strList("mask_fields", ph.MaskFields); ok {
		for _, name := range f {
			if strings.Trim(name, "-_. ") == "" {
				l.errorf(ph.MaskFields.Range(), "Invalid mask_fields", "mask_fields holds an empty field name.")
				return
			}
		}
		p.MaskFields = f
	}
	if ps, ok := l.strList("mask_patterns", ph.MaskPatterns); ok {
		for _, pat := range ps {
			re, err := regexp.Compile(pat)
			switch {
			case err != nil:
				l.errorf(ph.MaskPatterns.Range(), "Invalid mask_patterns", "mask_patterns: %q is not a regular expression (RE2 syntax): %v.", pat, err)
				continue
			case re.MatchString(""):
				l.errorf(ph.MaskPatterns.Range(), "Invalid mask_patterns", "mask_patterns: %q matches the empty string, so it would mask nothing useful.", pat)
				continue
			}
			p.MaskPatterns = append(p.MaskPatterns, pat)
		}
	}
}

func (l *loader) customFields(b *Binding, cf *customFieldsHCL) {
	attrs, d := cf.Body.JustAttributes()
	l.diags = append(l.diags, d...)
	for _, name := range sortedAttrNames(attrs) {
		a := attrs[name]
		known := false
		for _, k := range CustomFieldKeys {
			known = known || k == name
		}
		if !known {
			l.errorf(a.NameRange, "Unknown custom field", "custom_fields has no key %q; the keys are %s.", name, quotedList(CustomFieldKeys))
			continue
		}
		v, ok := l.value(a.Expr)
		if !ok {
			continue
		}
		var text string
		if s, err := convert.Convert(v, cty.String); err == nil && !s.IsNull() {
			text = s.AsString()
		}
		id, ok := ParseFieldID(text)
		if !ok || (v.Type() == cty.Number && !isDecimal(id)) {
			l.errorf(a.Expr.Range(), "Invalid custom field id", "custom_fields.%s must be a desk field id, %s.", name, FieldIDHelp)
			continue
		}
		b.CustomFields[name] = id
	}
}

// FieldIDHelp says what ParseFieldID accepts, for error messages.
const FieldIDHelp = `a positive whole number (like 360001234567) or the desk's id for the field as a string ` +
	`(like "customfield_10050": letters, digits, _ - . and :)`

// ParseFieldID checks a custom field id as a desk names it and returns it
// in canonical form: a whole number (some desks' ids) must be positive and
// loses leading zeros; anything else must be a short token of letters,
// digits, '_', '-', '.' and ':' (other desks' ids are strings).
func ParseFieldID(s string) (string, bool) {
	if s == "" || len(s) > 128 {
		return "", false
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n <= 0 {
			return "", false
		}
		return strconv.FormatInt(n, 10), true
	}
	if s[0] == '-' || s[0] == '+' {
		return "", false // a number out of range, or a signed one
	}
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' || r == '.' || r == ':'
		if !ok {
			return "", false
		}
	}
	if isDecimal(s) {
		return "", false // all digits yet not an int64
	}
	return s, true
}

// isDecimal reports whether s is all ASCII digits.
func isDecimal(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// platformAttributes collects the binding's attributes that the gateway
// does not know (subdomain, api_url …): the plugin declares and checks them,
// so a new desk needs no change here. Nested blocks other than
// custom_fields are errors.
func (l *loader) platformAttributes(b *Binding, bh *bindingHCL) {
	body, ok := bh.Body.(*hclsyntax.Body)
	if !ok {
		return
	}
	for _, blk := range body.Blocks {
		if blk.Type != "custom_fields" {
			l.errorf(blk.TypeRange, "Unsupported block type", "A binding accepts only a custom_fields block, not %q.", blk.Type)
		}
	}
	names := make([]string, 0, len(body.Attributes))
	for name := range body.Attributes {
		if !knownBindingAttrs[name] {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		a := body.Attributes[name]
		v, ok := l.value(a.Expr)
		if !ok {
			continue
		}
		text, ok := attrText(v)
		if !ok {
			l.errorf(a.Expr.Range(), "Incorrect attribute value type", "binding attribute %s must be a string, number or bool.", name)
			continue
		}
		b.Attributes[name] = text
		b.AttrRanges[name] = a.SrcRange
		b.AttrValueRanges[name] = a.Expr.Range()
		// A misspelt gateway attribute would otherwise pass silently to
		// the plugin (which rejects it only once asked).
		if s := suggest(name, knownBindingAttrNames); s != "" {
			l.warnf(a.NameRange, "Platform-specific attribute?",
				"%q is not a binding setting of the gateway and goes to the %q plugin as is; did you mean %q?", name, b.Platform, s)
		}
	}
}

func sortedAttrNames(attrs hcl.Attributes) []string {
	names := make([]string, 0, len(attrs))
	for n := range attrs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func sortedKeys[V any](m map[string]V) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, fmt.Sprintf("%q", k))
	}
	if len(keys) == 0 {
		return "none"
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}
