package config

import (
	"errors"
	"testing"
)

func TestResolveBinding_acceptsFullOrUnambiguousBareNames(t *testing.T) {
	cfg := &Config{Bindings: []*Binding{
		{Platform: "zendesk", Name: "acme"},
		{Platform: "jsm", Name: "acme"},
		{Platform: "zendesk", Name: "globex"},
	}}
	tests := []struct {
		name, in, want, wantErr string
		ambiguous, unknown      bool
	}{
		{name: "full name", in: "zendesk/acme", want: "zendesk/acme"},
		{name: "full name of the second platform", in: "jsm/acme", want: "jsm/acme"},
		{name: "bare name held by one binding", in: "globex", want: "zendesk/globex"},
		{name: "bare name held by two bindings", in: "acme", ambiguous: true,
			wantErr: `binding "acme" is ambiguous: zendesk/acme, jsm/acme`},
		{name: "unknown bare name", in: "acmee", unknown: true,
			wantErr: `no binding "acmee" (configured: zendesk/acme, jsm/acme, zendesk/globex)`},
		{name: "unknown platform", in: "freshdesk/acme", unknown: true,
			wantErr: `no binding "freshdesk/acme" (configured: zendesk/acme, jsm/acme, zendesk/globex)`},
		{name: "full name with an empty part", in: "zendesk/", unknown: true,
			wantErr: `no binding "zendesk/" (configured: zendesk/acme, jsm/acme, zendesk/globex)`},
		{name: "platform name alone", in: "zendesk", unknown: true,
			wantErr: `no binding "zendesk" (configured: zendesk/acme, jsm/acme, zendesk/globex)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := cfg.ResolveBinding(tt.in)
			if tt.wantErr == "" {
				if err != nil || b == nil || b.Key() != tt.want {
					t.Fatalf("ResolveBinding(%q) = %v, %v; want %s", tt.in, b, err, tt.want)
				}
				return
			}
			if b != nil || err == nil || err.Error() != tt.wantErr {
				t.Fatalf("ResolveBinding(%q) = %v, %v; want error %q", tt.in, b, err, tt.wantErr)
			}
			var amb *AmbiguousBindingError
			var unk *UnknownBindingError
			if errors.As(err, &amb) != tt.ambiguous || errors.As(err, &unk) != tt.unknown {
				t.Errorf("error %T: ambiguous=%v unknown=%v, want %v %v", err, errors.As(err, &amb), errors.As(err, &unk), tt.ambiguous, tt.unknown)
			}
		})
	}
}

func TestResolveBinding_saysWhenNoBindingIsConfigured(t *testing.T) {
	for _, cfg := range []*Config{nil, {}} {
		_, err := cfg.ResolveBinding("acme")
		if err == nil || err.Error() != `no binding "acme" (none configured)` {
			t.Errorf("ResolveBinding on %v = %v", cfg, err)
		}
	}
}
