package ingress

import (
	"testing"

	"github.com/sigsentry/deskgate/gateway/store"
)

// The queue keeps each event's replay key for an hour and compares it with
// the next deliveries' keys: a release that computed them otherwise would
// take a resend of a delivery its predecessor stored for a new one. These
// are the values of the first release that stored them.
func TestReplayKey_valuesAreThoseOfEarlierReleases(t *testing.T) {
	k := store.BindingKey{Platform: "zendesk", Name: "acme"}
	for _, tc := range []struct {
		key  store.BindingKey
		rk   string
		i    int
		want string
	}{
		{k, "sha256:7f29c6c09161085d29c995c99747f93df155723f893ebdfcac0a0a65efde0e2d", 0, "9887bb10e5834dd527ac019f8cded81f50dcbab02cb892107b228a47bf751cac"},
		{k, "x", 12, "f96bdf642c2fdadb1f207d3b769aadc60c8939d9df613484cac632e50634d387"},
		{k, "", 3, ""},
		{store.BindingKey{}, "x", 1, "c486c4b5d972ce1cc10666192e289514fa8cc9979841998baf1576daef0e0691"}, // sha256 of "\x00x\x001"
	} {
		if got := replayKey(tc.key, tc.rk, tc.i); got != tc.want {
			t.Errorf("replayKey(%s, %q, %d) = %q, want %q", tc.key, tc.rk, tc.i, got, tc.want)
		}
	}
}
