package store_test

import (
	"testing"

	"github.com/sigsentry/deskgate/gateway/store"
)

func TestParseBindingKey_readsBackWhatStringWrote(t *testing.T) {
	for _, tc := range []struct {
		in      string
		want    store.BindingKey
		wantErr bool
	}{
		{"zendesk/acme", store.BindingKey{Platform: "zendesk", Name: "acme"}, false},
		{"zendesk/acme/eu", store.BindingKey{Platform: "zendesk", Name: "acme/eu"}, false},
		{"", store.BindingKey{}, false},
		{"zendesk", store.BindingKey{}, true},
		{"/acme", store.BindingKey{}, true},
		{"zendesk/", store.BindingKey{}, true},
	} {
		got, err := store.ParseBindingKey(tc.in)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("ParseBindingKey(%q) = %#v, %v; want %#v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
		if err == nil && got.String() != tc.in {
			t.Errorf("ParseBindingKey(%q).String() = %q", tc.in, got.String())
		}
	}
}
