package zendesk

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

// Version is the plugin's version, sent in the User-Agent header. Release
// builds set it with -ldflags "-X github.com/sigsentry/deskgate/plugins/zendesk.Version=…".
var Version = "dev"

const (
	// PlatformName is the name bindings use: binding "zendesk" "acme".
	PlatformName = "zendesk"

	defaultRequestTimeout = 15 * time.Second
	defaultVerifyWindow   = 5 * time.Minute
	// maxResponseBytes bounds what is read from any Zendesk response, so a
	// misbehaving server cannot make the plugin hold unbounded memory.
	maxResponseBytes = 4 << 20
	// maxDeliveryBytes is the largest webhook body Verify accepts; the gateway
	// refuses larger bodies with 413 before they reach the plugin.
	maxDeliveryBytes = 1 << 20
)

// Scopes are the OAuth scopes the plugin asks for. README.md explains why each
// one is needed.
var Scopes = []string{
	"read",
	"tickets:read",
	"tickets:write",
	"webhooks:read",
	"webhooks:write",
	"triggers:read",
	"triggers:write",
}

// Platform implements sdk.Platform against the Zendesk REST API. The zero
// value is not usable; build one with New.
type Platform struct {
	client         *http.Client
	log            hclog.Logger
	requestTimeout time.Duration
	verifyWindow   time.Duration
	// maxResponse bounds what is read of one response (maxResponseBytes;
	// tests lower it).
	maxResponse int
}

var _ sdk.Platform = (*Platform)(nil)

// Option changes a default of New.
type Option func(*Platform)

// WithHTTPClient sets the HTTP client used for every Zendesk call.
func WithHTTPClient(c *http.Client) Option { return func(p *Platform) { p.client = c } }

// WithLogger sets the logger; New names it "zendesk" under the given one.
func WithLogger(l hclog.Logger) Option { return func(p *Platform) { p.log = l } }

// WithRequestTimeout bounds each HTTP request to Zendesk (default 15 s).
func WithRequestTimeout(d time.Duration) Option {
	return func(p *Platform) { p.requestTimeout = d }
}

// WithVerifyWindow sets how far a delivery's signature timestamp may be from
// the current time, in either direction (default 5 min).
func WithVerifyWindow(d time.Duration) Option { return func(p *Platform) { p.verifyWindow = d } }

// New returns a Zendesk platform with the defaults: a 15 s timeout per request,
// a 5 min signature window and a silent logger.
func New(opts ...Option) *Platform {
	p := &Platform{
		client:         &http.Client{Transport: deskhttp.Transport()},
		log:            hclog.NewNullLogger(),
		requestTimeout: defaultRequestTimeout,
		verifyWindow:   defaultVerifyWindow,
		maxResponse:    maxResponseBytes,
	}
	for _, o := range opts {
		o(p)
	}
	p.log = p.log.Named(PlatformName)
	return p
}

// Describe names the platform and, for a binding, where its OAuth endpoints
// and API live: https://{subdomain}.zendesk.com, or the binding's api_url when
// it is set (the sandbox, tests).
func (p *Platform) Describe(_ context.Context, binding *sdk.Binding) (*sdk.Description, error) {
	d := &sdk.Description{
		Name:            PlatformName,
		ProtocolVersion: sdk.ProtocolVersion,
		Scopes:          append([]string(nil), Scopes...),
		PKCE:            true,
		Attributes: []sdk.AttributeSpec{
			{Name: "subdomain", Required: true, Description: "the Zendesk account's subdomain: acme for acme.zendesk.com", Kind: sdk.KindHostnameLabel},
			{Name: "api_url", Description: "an absolute http(s) URL replacing https://{subdomain}.zendesk.com for OAuth and the API (sandbox, tests)", Kind: sdk.KindURL},
		},
		VerifyRecipe: p.recipe(),
	}
	if binding == nil {
		return d, nil
	}
	base, err := BaseURL(*binding)
	if err != nil {
		return nil, err
	}
	d.AuthorizeURL = base + "/oauth/authorizations/new"
	d.TokenURL = base + "/oauth/tokens"
	d.APIBaseURL = base
	return d, nil
}

// dnsLabel is one DNS label: what a Zendesk subdomain must be.
var dnsLabel = regexp.MustCompile(`^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$`)

// BaseURL is the binding's Zendesk base URL, without a trailing slash. It
// fails with a KindPermanent error naming the attribute when subdomain is
// missing or not a DNS label, or api_url is not an absolute http(s) URL.
func BaseURL(b sdk.Binding) (string, error) {
	sub := strings.ToLower(strings.TrimSpace(b.Attributes["subdomain"]))
	if sub == "" {
		return "", sdk.Errorf(sdk.KindPermanent, "binding %s: attribute subdomain is required", b.Name)
	}
	if !dnsLabel.MatchString(sub) {
		return "", sdk.Errorf(sdk.KindPermanent, "binding %s: attribute subdomain %q is not a valid DNS label", b.Name, sub)
	}
	raw := strings.TrimSpace(b.Attributes["api_url"])
	if raw == "" {
		return "https://" + sub + ".zendesk.com", nil
	}
	base, err := deskhttp.ParseBaseURL(raw)
	if err != nil {
		return "", sdk.Errorf(sdk.KindPermanent, "binding %s: attribute api_url: %v", b.Name, err)
	}
	return base, nil
}
