package config

import (
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Attributes of log_source blocks, per kind. Every store kind takes the
// common ones; each adds its own.
var (
	fileAttrs   = []string{"paths", "format"}
	commonAttrs = []string{"service_field", "service_label", "level_field", "status_field", "timeout", "max_lines",
		"headers", "bearer_token", "username", "password", "ca_file", "insecure_skip_verify"}
	kindAttrs = map[string][]string{
		LogSourceFile:          fileAttrs,
		LogSourceVictoriaLogs:  {"url", "query"},
		LogSourceLoki:          {"url", "selector", "tenant"},
		LogSourceElasticsearch: {"urls", "index", "time_field", "message_field", "api_key"},
	}
)

func logSourceSchema(kind string) *hcl.BodySchema {
	names := kindAttrs[kind]
	if kind != LogSourceFile {
		names = append(append([]string(nil), names...), commonAttrs...)
	}
	s := &hcl.BodySchema{}
	for _, n := range names {
		s.Attributes = append(s.Attributes, hcl.AttributeSchema{Name: n})
	}
	return s
}

var (
	lokiLabel  = regexp.MustCompile(`^[a-zA-Z_][a-zA-Z0-9_]*$`)
	fieldName  = regexp.MustCompile(`^[^\s"'|:()]+$`)
	headerName = regexp.MustCompile("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
)

// logSource converts one block; nil when it cannot be used at all.
func (l *loader) logSource(lh *logSourceHCL) *LogSource {
	if _, ok := kindAttrs[lh.Type]; !ok {
		l.errorf(lh.DefRange, "Unsupported log_source type", "log_source type %q is not supported; use %s.", lh.Type, quotedList(LogSourceKinds))
		return nil
	}
	content, diags := lh.Body.Content(logSourceSchema(lh.Type))
	l.diags = append(l.diags, diags...)
	attr := func(name string) hcl.Expression {
		if a, ok := content.Attributes[name]; ok {
			return a.Expr
		}
		// Absent: a null standing at the block, so "missing" points there.
		return hcl.StaticExpr(cty.NullVal(cty.DynamicPseudoType), lh.DefRange)
	}
	src := &LogSource{Type: lh.Type, Name: lh.Name, DeclRange: lh.DefRange}
	if lh.Type == LogSourceFile {
		if paths, ok := l.requiredList("paths", attr("paths")); ok {
			if len(paths) == 0 {
				l.errorf(attr("paths").Range(), "Empty paths", "log_source %q needs at least one path or glob pattern.", lh.Name)
			}
			for _, pat := range paths {
				if _, err := filepath.Match(pat, ""); err != nil {
					l.errorf(attr("paths").Range(), "Invalid path pattern", "paths: %q is not a valid glob pattern.", pat)
					continue
				}
				src.Paths = append(src.Paths, l.resolve(pat))
			}
		}
		src.Format = l.enum("format", attr("format"), LogFormats, DefaultLogFormat)
		return src
	}

	// Where the store is.
	switch lh.Type {
	case LogSourceElasticsearch:
		if urls, ok := l.requiredList("urls", attr("urls")); ok {
			if len(urls) == 0 {
				l.errorf(attr("urls").Range(), "Empty urls", "log_source %q needs at least one URL.", lh.Name)
			}
			for _, u := range urls {
				if l.storeURL("urls", u, attr("urls")) {
					src.URLs = append(src.URLs, strings.TrimRight(u, "/"))
				}
			}
		}
	default:
		if u, ok := l.requiredStr("url", attr("url")); ok && l.storeURL("url", u, attr("url")) {
			src.URLs = []string{strings.TrimRight(u, "/")}
		}
	}

	// Kind-specific settings.
	switch lh.Type {
	case LogSourceVictoriaLogs:
		if q, ok := l.str("query", attr("query")); ok {
			if strings.Contains(q, "|") {
				l.errorf(attr("query").Range(), "Invalid query", "query must be a LogsQL filter (like \"env:prod\"); pipes (|) are added by deskgate.")
			} else {
				src.Query = strings.TrimSpace(q)
			}
		}
	case LogSourceLoki:
		if s, ok := l.str("selector", attr("selector")); ok {
			s = strings.TrimSpace(s)
			if s != "" && (!strings.HasPrefix(s, "{") || !strings.HasSuffix(s, "}") || strings.Count(s, "{") != 1) {
				l.errorf(attr("selector").Range(), "Invalid selector",
					"selector = %q must be a stream selector like \"{env=\\\"prod\\\"}\", without a pipeline; deskgate adds the service matcher.", s)
			} else {
				src.Selector = s
			}
		}
		if s, ok := l.nonEmpty("tenant", attr("tenant")); ok {
			src.Tenant = s
		}
	case LogSourceElasticsearch:
		if s, ok := l.requiredStr("index", attr("index")); ok {
			if strings.ContainsAny(s, "/ ?#\"") {
				l.errorf(attr("index").Range(), "Invalid index", "index = %q must be an index name or pattern like \"logs-*\".", s)
			} else {
				src.Index = s
			}
		}
		src.TimeField = l.field("time_field", attr("time_field"))
		src.MessageField = l.field("message_field", attr("message_field"))
		if s, ok := l.secret("api_key", attr("api_key")); ok {
			src.APIKey = s
		}
	}

	// Common attributes.
	svcField, svcLabel := attr("service_field"), attr("service_label")
	if !isNull(svcField, l.ctx) && !isNull(svcLabel, l.ctx) {
		l.errorf(svcLabel.Range(), "Conflicting attributes", "Set service_field or service_label, not both.")
	}
	src.ServiceField = l.field("service_field", svcField)
	if s := l.field("service_label", svcLabel); s != "" {
		src.ServiceField = s
	}
	if lh.Type == LogSourceLoki && src.ServiceField != "" && !lokiLabel.MatchString(src.ServiceField) {
		l.errorf(svcLabel.Range(), "Invalid service_label", "service_label = %q is not a Loki label name (letters, digits and _).", src.ServiceField)
	}
	src.LevelField = l.field("level_field", attr("level_field"))
	src.StatusField = l.field("status_field", attr("status_field"))
	src.Timeout = DefaultLogSourceTimeout
	if d, ok := l.duration("timeout", attr("timeout"), 1e9, "seconds"); ok {
		src.Timeout = d
	}
	src.MaxLines = DefaultMaxLines
	if n, ok := l.integer("max_lines", attr("max_lines"), 1, 10_000_000); ok {
		src.MaxLines = n
	}
	src.Headers = l.headers(attr("headers"))
	if s, ok := l.secret("bearer_token", attr("bearer_token")); ok {
		src.BearerToken = s
	}
	if s, ok := l.nonEmpty("username", attr("username")); ok {
		src.Username = s
	}
	if s, ok := l.secret("password", attr("password")); ok {
		src.Password = s
	}
	switch {
	case src.Username != "" && isNull(attr("password"), l.ctx):
		l.errorf(attr("username").Range(), "Missing password", "username needs password (basic auth).")
	case src.Username == "" && !isNull(attr("password"), l.ctx) && isNull(attr("username"), l.ctx):
		l.errorf(attr("password").Range(), "Missing username", "password needs username (basic auth).")
	}
	auths := 0
	for _, n := range []string{"bearer_token", "username", "api_key"} {
		if !isNull(attr(n), l.ctx) {
			auths++
		}
	}
	if auths > 1 {
		l.errorf(lh.DefRange, "Conflicting credentials", "log_source %q: set only one of bearer_token, username + password and api_key.", lh.Name)
	}
	if s, ok := l.nonEmpty("ca_file", attr("ca_file")); ok {
		p := l.resolve(s)
		if _, err := os.Stat(p); err != nil {
			l.errorf(attr("ca_file").Range(), "Unreadable ca_file", "ca_file %s cannot be read: %v.", p, err)
		} else {
			src.CAFile = p
		}
	}
	if b, ok := l.boolean("insecure_skip_verify", attr("insecure_skip_verify")); ok && b {
		src.InsecureSkipVerify = true
		l.warnf(attr("insecure_skip_verify").Range(), "TLS verification off",
			"insecure_skip_verify = true: log_source %q accepts any certificate, so its answers and credentials can be intercepted. Use ca_file instead.", lh.Name)
	}
	return src
}

// storeURL checks a log store URL; it never echoes credentials.
func (l *loader) storeURL(name, s string, expr hcl.Expression) bool {
	u, err := url.Parse(s)
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "":
		l.errorf(expr.Range(), "Invalid "+name, "%s: %q must be an absolute http:// or https:// URL (like \"http://127.0.0.1:9428\").", name, redactURL(s))
	case u.User != nil:
		l.errorf(expr.Range(), "Invalid "+name, "%s must not carry credentials; use username and password (or bearer_token).", name)
	case u.RawQuery != "" || u.Fragment != "":
		l.errorf(expr.Range(), "Invalid "+name, "%s: %q must not have a query or fragment.", name, s)
	default:
		return true
	}
	return false
}

func redactURL(s string) string {
	if u, err := url.Parse(s); err == nil && u.User != nil {
		return u.Redacted()
	}
	if i := strings.Index(s, "@"); i >= 0 {
		return "…" + s[i:]
	}
	return s
}

// field reads a field or label name.
func (l *loader) field(name string, expr hcl.Expression) string {
	s, ok := l.nonEmpty(name, expr)
	if !ok {
		return ""
	}
	if !fieldName.MatchString(s) {
		l.errorf(expr.Range(), "Invalid "+name, "%s = %q is not a field name (no spaces, quotes, |, : or parentheses).", name, s)
		return ""
	}
	return s
}

// headers reads a map of header names to values; values may be secrets
// and are never echoed.
func (l *loader) headers(expr hcl.Expression) map[string]string {
	v, ok := l.value(expr)
	if !ok {
		return nil
	}
	m, err := convert.Convert(v, cty.Map(cty.String))
	if err != nil || m.IsNull() {
		l.typeError(expr, "headers", "a map of header names to strings (like { \"X-Org\" = \"a\" })")
		return nil
	}
	out := map[string]string{}
	for it := m.ElementIterator(); it.Next(); {
		k, e := it.Element()
		name := k.AsString()
		if !headerName.MatchString(name) {
			l.errorf(expr.Range(), "Invalid header name", "headers: %q is not an HTTP header name.", name)
			continue
		}
		if e.IsNull() || e.AsString() == "" {
			l.errorf(expr.Range(), "Empty header", "headers: %q has an empty value%s.", name, envHint(expr, l))
			continue
		}
		if strings.ContainsAny(e.AsString(), "\r\n") {
			l.errorf(expr.Range(), "Invalid header value", "headers: the value of %q holds a line break.", name)
			continue
		}
		out[name] = e.AsString()
	}
	return out
}

func envHint(expr hcl.Expression, l *loader) string {
	if vars := envNames(expr, l.ctx); len(vars) > 0 {
		return " (it reads env(" + strings.Join(vars, ", ") + "): is that set?)"
	}
	return ""
}
