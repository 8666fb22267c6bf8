package jsm

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

// Version is the plugin's version, sent in the User-Agent header. Release
// builds set it with -ldflags "-X github.com/sigsentry/deskgate/plugins/jsm.Version=…".
var Version = "dev"

const (
	// PlatformName is the name bindings use: binding "jsm" "support".
	PlatformName = "jsm"

	authRoot = "https://auth.atlassian.com"
	apiRoot  = "https://api.atlassian.com"
	// audience is what the authorize URL must name for a token that works
	// on api.atlassian.com.
	audience = "api.atlassian.com"

	defaultRequestTimeout = 15 * time.Second
	// defaultJWTSkew is the clock skew allowed on a delivery JWT's exp, iat
	// and nbf.
	defaultJWTSkew = 30 * time.Second
	// maxResponseBytes bounds what is read from any Atlassian response.
	maxResponseBytes = 4 << 20
	// maxDeliveryBytes is the largest webhook body Verify accepts.
	maxDeliveryBytes = 1 << 20
)

// Scopes are the OAuth scopes the plugin asks for; README.md explains each.
var Scopes = []string{
	"read:jira-work",
	"write:jira-work",
	"manage:jira-webhook",
	"read:servicedesk-request",
	"write:servicedesk-request",
	"offline_access",
}

// revokeHelp is what the admin must do to end the grant: Atlassian has no
// token revocation endpoint.
const revokeHelp = "Atlassian offers no token revocation: deskgate deleted its webhook and dropped its tokens, " +
	"but the app keeps its grant until removed. The user who connected removes it under their Atlassian account's " +
	"Connected apps; a site admin can remove it for everyone at admin.atlassian.com → Apps → Connected apps."

// Platform implements sdk.Platform and sdk.Maintainer against Jira Service
// Management Cloud. Build one with New.
type Platform struct {
	client         *http.Client
	log            hclog.Logger
	requestTimeout time.Duration
	jwtSkew        time.Duration
	now            func() time.Time
}

var (
	_ sdk.Platform   = (*Platform)(nil)
	_ sdk.Maintainer = (*Platform)(nil)
)

// Option changes a default of New.
type Option func(*Platform)

// WithHTTPClient sets the HTTP client used for every Atlassian call.
func WithHTTPClient(c *http.Client) Option { return func(p *Platform) { p.client = c } }

// WithLogger sets the logger; New names it "jsm" under the given one.
func WithLogger(l hclog.Logger) Option { return func(p *Platform) { p.log = l } }

// WithRequestTimeout bounds each HTTP request (default 15 s).
func WithRequestTimeout(d time.Duration) Option { return func(p *Platform) { p.requestTimeout = d } }

// WithJWTSkew sets the clock skew allowed on delivery JWTs (default 30 s).
func WithJWTSkew(d time.Duration) Option { return func(p *Platform) { p.jwtSkew = d } }

// WithClock sets the clock used for webhook expiry (tests).
func WithClock(now func() time.Time) Option { return func(p *Platform) { p.now = now } }

// New returns a JSM platform with the defaults.
func New(opts ...Option) *Platform {
	p := &Platform{
		client:         &http.Client{Transport: deskhttp.Transport()},
		log:            hclog.NewNullLogger(),
		requestTimeout: defaultRequestTimeout,
		jwtSkew:        defaultJWTSkew,
		now:            time.Now,
	}
	for _, o := range opts {
		o(p)
	}
	p.log = p.log.Named(PlatformName)
	return p
}

// Describe names the platform and, for a binding, Atlassian's OAuth
// endpoints (or the binding's api_url standing in for both Atlassian hosts).
// The API base it gives is the root used at install time; Install returns
// the site's base ({api}/ex/jira/{cloudid}) for every later call.
func (p *Platform) Describe(_ context.Context, binding *sdk.Binding) (*sdk.Description, error) {
	d := &sdk.Description{
		Name:            PlatformName,
		DisplayName:     "Jira Service Management",
		ProtocolVersion: sdk.ProtocolVersion,
		Scopes:          append([]string(nil), Scopes...),
		PKCE:            false, // 3LO documents no PKCE; the code exchange sends the client secret
		AuthorizeParams: map[string]string{"audience": audience, "prompt": "consent"},
		TokenRequest:    sdk.TokenRequestForm,
		CannotRevoke:    true,
		RevokeHelp:      revokeHelp,
		Attributes: []sdk.AttributeSpec{
			{Name: "site", Required: true, Description: "the Jira Cloud site, e.g. acme.atlassian.net; its cloud id is found after consent", Kind: sdk.KindHostname},
			{Name: "project_key", Required: true, Description: "the key of the service project whose new requests are triaged, e.g. SUP", Pattern: projectKeyPattern},
			{Name: "api_url", Description: "an absolute http(s) URL standing in for both auth.atlassian.com and api.atlassian.com (sandbox, tests)", Kind: sdk.KindURL},
		},
	}
	if binding == nil {
		return d, nil
	}
	b, err := parseBinding(*binding)
	if err != nil {
		return nil, err
	}
	d.AuthorizeURL = b.authRoot + "/authorize"
	d.TokenURL = b.authRoot + "/oauth/token"
	d.APIBaseURL = b.apiRoot
	return d, nil
}

// binding is a validated binding block.
type binding struct {
	site       string // https://acme.atlassian.net
	projectKey string
	authRoot   string
	apiRoot    string
}

// projectKeyPattern is a Jira project key as the binding may write it
// (the plugin upper-cases it); Describe declares it so `deskgate validate`
// checks it too.
const projectKeyPattern = `(?i)[A-Z][A-Z0-9_]{1,254}`

var projectKeyRE = regexp.MustCompile(`^[A-Z][A-Z0-9_]{1,254}$`)

// parseBinding checks the binding's attributes; errors are KindPermanent and
// name the attribute.
func parseBinding(b sdk.Binding) (binding, error) {
	out := binding{authRoot: authRoot, apiRoot: apiRoot}
	site, err := parseSite(b.Attributes["site"])
	if err != nil {
		return out, sdk.Errorf(sdk.KindPermanent, "binding %s: attribute site: %v", b.Name, err)
	}
	out.site = site
	key := strings.ToUpper(strings.TrimSpace(b.Attributes["project_key"]))
	if !projectKeyRE.MatchString(key) {
		return out, sdk.Errorf(sdk.KindPermanent, "binding %s: attribute project_key %q is not a Jira project key (a letter, then letters, digits or _)", b.Name, deskhttp.Truncate(key, 64))
	}
	out.projectKey = key
	if raw := strings.TrimSpace(b.Attributes["api_url"]); raw != "" {
		base, err := deskhttp.ParseBaseURL(raw)
		if err != nil {
			return out, sdk.Errorf(sdk.KindPermanent, "binding %s: attribute api_url: %v", b.Name, err)
		}
		out.authRoot, out.apiRoot = base, base
	}
	return out, nil
}

// parseSite accepts acme.atlassian.net or https://acme.atlassian.net[/] and
// returns https://host.
func parseSite(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errString("is required")
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		return "", errString("must be a site host such as acme.atlassian.net")
	}
	if u.Scheme != "https" {
		return "", errString("must be an https site")
	}
	return "https://" + strings.ToLower(u.Host), nil
}

// errString is a constant error message; it keeps URLs (which could carry
// credentials) out of validation errors.
type errString string

func (e errString) Error() string { return string(e) }
