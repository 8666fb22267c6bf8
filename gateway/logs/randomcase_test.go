package logs

import "testing"

func TestRandomCase_tellsRandomIdsFromWords(t *testing.T) {
	tests := []struct {
		seg  string
		want bool
	}{
		{"CjOqAsvaxK", true},
		{"IkukQYqyAZ", true},
		{"FndhOOnwna", true},
		{"AbCdEfGhIjK", true},
		{"setLightsOn", false},
		{"WindowsUpdateAgent", false},
		{"HTTPServerError", false},
		{"connectionTimeout", false},
		{"ProcessingFailed", false},
		{"ToString", false},             // too short to judge
		{"timeoutexceeded", false},      // one case
		{"SERVICEUNAVAILABLE", false},   // one case
		{"NullPointerException", false}, // words of three letters or more
	}
	for _, tt := range tests {
		if got := randomCase(tt.seg); got != tt.want {
			t.Errorf("randomCase(%q) = %v, want %v", tt.seg, got, tt.want)
		}
	}
}

func TestMask_digitlessRandomIdsAreIds(t *testing.T) {
	for in, want := range map[string]string{
		"processor timeout for ch_CjOqAsvaxK":   "processor timeout for ch_<id>",
		"processor timeout for ch_tHkOT2iqWZ":   "processor timeout for ch_<id>",
		"by client WindowsUpdateAgent.":         "by client WindowsUpdateAgent.",
		"java.lang.NullPointerException thrown": "java.lang.NullPointerException thrown",
	} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}
