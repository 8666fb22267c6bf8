package config

import "testing"

func TestParseFieldID_acceptsNumbersAndDeskStrings(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
		ok             bool
	}{
		{"a whole number", "360001234567", "360001234567", true},
		{"a whole number loses leading zeros", "0042", "42", true},
		{"a string id with an underscore", "customfield_10050", "customfield_10050", true},
		{"a string id without digits", "cf_severity", "cf_severity", true},
		{"zero", "0", "", false},
		{"a negative number", "-4", "", false},
		{"a number beyond int64", "99999999999999999999", "", false},
		{"empty", "", "", false},
		{"a space", "custom field", "", false},
		{"a quote", `cf"x`, "", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := ParseFieldID(c.in)
			if got != c.want || ok != c.ok {
				t.Errorf("ParseFieldID(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
			}
		})
	}
}
