package triage

import (
	"testing"
	"time"
)

// Round ninety: a failure report that shares one word with one service's
// own failure log lines, and names that word in the clause that says it
// fails or is slow, is that service's (onelogword.go). The guards: a
// question, a word outside the failing clause and a complaint about the
// account's own bill keep no service.
func TestOneLogWord_placesAFailureByItsLogWord(t *testing.T) {
	created := time.Date(2043, 3, 9, 14, 10, 0, 0, time.UTC)
	// a parcel-locker world: the aliases hold none of the log lines' words
	tr := New(Project{Services: []Service{{Name: "checkout-api", Aliases: []string{"locker booking", "parcel drop"}, Core: true},
		{Name: "payments", Aliases: []string{"card payment", "monthly plan"}, Core: true}, {Name: "auth", Aliases: []string{"sign in", "pin code"}, Core: true},
		{Name: "search", Aliases: []string{"locker finder"}}, {Name: "notifications", Aliases: []string{"pickup text", "arrival push"}}}}, Settings{})
	tpls := map[string]map[string]*tplCount{"checkout-api": {"drawer release for station=<id> failed: hatch controller <ip> timeout": {base: 5, win: 2}},
		"payments":      {"statement batch for account=<id> rejected: acquirer <ip> stale": {base: 4, win: 1}},
		"notifications": {"courier broadcast to <email> deferred: relay <ip> throttled": {base: 3}}}
	for _, tc := range []struct {
		name, subject, text, want string
	}{
		{name: "slowness with the log word in its clause", subject: "Very slow", text: "Since noon the drawer is very slow to open.", want: "checkout-api"},
		{name: "one writer's failure with the log word in its clause", subject: "Cannot get it", text: "The hatch gives me an error each time I try to open it.", want: "checkout-api"},
		{name: "an outage with the log word in its clause", subject: "Stations", text: "Nobody can open a hatch today, everyone is stuck outside.", want: "checkout-api"},
		// guards: the service stays open
		{name: "a question with the log word", subject: "Question", text: "How do I reset the drawer when it shows an error?"},
		{name: "the log word outside the clause that fails", subject: "Problem", text: "I emptied the drawer yesterday evening. Today the app fails with an error."},
		{name: "a complaint about the account's own bill", subject: "Bill wrong", text: "My statement is wrong: charged twice for the same subscription."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, v := decideOverTemplates(t, tr, tpls, tc.subject, tc.text, created) // vocabplace_test.go
			if v.service != tc.want {
				t.Errorf("claim %s: service %q, want %q (reasons %q)", c, v.service, tc.want, v.reasons)
			}
		})
	}
}
