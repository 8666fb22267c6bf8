package zendesk

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/sigsentry/deskgate/sdk"
)

func TestDescribe_derivesEndpointsFromTheBinding(t *testing.T) {
	tests := []struct {
		name    string
		attrs   map[string]string
		base    string
		wantErr string
	}{
		{"subdomain only", map[string]string{"subdomain": "acme"}, "https://acme.zendesk.com", ""},
		{"subdomain upper case", map[string]string{"subdomain": "Acme"}, "https://acme.zendesk.com", ""},
		{"api_url overrides", map[string]string{"subdomain": "acme", "api_url": "http://127.0.0.1:9090/"}, "http://127.0.0.1:9090", ""},
		{"api_url with a path", map[string]string{"subdomain": "acme", "api_url": "https://proxy.example/zd"}, "https://proxy.example/zd", ""},
		{"missing subdomain", map[string]string{}, "", "subdomain is required"},
		{"subdomain with a dot", map[string]string{"subdomain": "acme.evil"}, "", "not a valid DNS label"},
		{"subdomain with a leading hyphen", map[string]string{"subdomain": "-acme"}, "", "not a valid DNS label"},
		{"subdomain too long", map[string]string{"subdomain": strings.Repeat("a", 64)}, "", "not a valid DNS label"},
		{"relative api_url", map[string]string{"subdomain": "acme", "api_url": "/zd"}, "", "api_url"},
		{"ftp api_url", map[string]string{"subdomain": "acme", "api_url": "ftp://127.0.0.1"}, "", "api_url"},
		{"api_url with a query", map[string]string{"subdomain": "acme", "api_url": "http://127.0.0.1/?x=1"}, "", "api_url"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := New().Describe(context.Background(), &sdk.Binding{Platform: "zendesk", Name: "acme", Attributes: tt.attrs})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || sdk.KindOf(err) != sdk.KindPermanent {
					t.Fatalf("err = %v, want permanent error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.APIBaseURL != tt.base || d.AuthorizeURL != tt.base+"/oauth/authorizations/new" || d.TokenURL != tt.base+"/oauth/tokens" {
				t.Errorf("got api %q authorize %q token %q for base %q", d.APIBaseURL, d.AuthorizeURL, d.TokenURL, tt.base)
			}
		})
	}
}

func TestDescribe_withoutBindingGivesTheStaticParts(t *testing.T) {
	d, err := New().Describe(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "zendesk" || d.ProtocolVersion != sdk.ProtocolVersion || !d.PKCE || d.AuthorizeURL != "" {
		t.Errorf("unexpected description %+v", d)
	}
	for _, s := range []string{"read", "tickets:write", "webhooks:write", "webhooks:read", "triggers:write", "triggers:read"} {
		if !slices.Contains(d.Scopes, s) {
			t.Errorf("scopes %v lack %q", d.Scopes, s)
		}
	}
	var names []string
	for _, a := range d.Attributes {
		names = append(names, a.Name)
		if a.Name == "subdomain" && !a.Required {
			t.Error("subdomain is not marked required")
		}
	}
	if !slices.Equal(names, []string{"subdomain", "api_url"}) {
		t.Errorf("attributes = %v", names)
	}
}
