package triage

import "testing"

// aliasApartWorld is a binding whose aliases are written in tickets with
// their words apart or turned round.
var aliasApartWorld = []Service{
	{Name: "checkout-api", Aliases: []string{"crm api", "card reader"}, Core: true},
	{Name: "payments", Aliases: []string{"bank file", "top-up"}, Core: true},
	{Name: "auth", Aliases: []string{"login", "sms code", "partner token"}, Core: true},
	{Name: "search"},
	{Name: "notifications", Aliases: []string{"sms", "push"}},
}

// Round fifty-seven (1): an alias of two words or more is read when all
// its words stand within len+apartExtra words of one sentence, in any
// order, with a verb's or a plural's ending.
func TestFindServices_readsAnAliasWithItsWordsApart(t *testing.T) {
	tests := []struct{ text, want string }{
		// each names no service, or another first, without readApart
		{"Partner API token endpoint: ~25% HTTP 500", "auth"},
		{"the bank export file did not come today", "payments"},
		{"the CRM sync API keeps failing", "checkout-api"},
		{"code SMS jamais reçu", "auth"},
		// auth's "sms code" outranks notifications' shorter "sms" of its own words
		{"the SMS login code never comes", "auth"},
		{"SMS codes: a quarter of our users wait minutes", "auth"},
		// guards
		{"The code came. SMS from you still arrive late", "notifications"}, // two sentences
		{"the SMS checkout code is late", "notifications"},                 // another service's word inside
		{"the top menu pops up blank", ""},                                 // "up" is too short a word to read apart
		{"the partner says that in our setup the new token works", ""},     // too far apart
	}
	for _, tt := range tests {
		checkFirstService(t, aliasApartWorld, tt.text, tt.want)
	}
}

// Round fifty-seven (2): where the binding's alias covers a span, the
// built-in lexicon's service for the words inside it yields.
func TestFindServices_anAliasOutranksTheLexiconInsideItsSpan(t *testing.T) {
	// notifications has no alias "sms" here: "SMS" is its built-in synonym
	world := []Service{
		{Name: "checkout-api", Aliases: []string{"card reader"}, Core: true},
		{Name: "payments", Core: true},
		{Name: "auth", Aliases: []string{"sms code"}, Core: true},
		{Name: "notifications"},
	}
	tests := []struct{ text, want string }{
		{"I get no code by SMS since noon", "auth"},                        // read apart, the synonym "sms" inside
		{"the credit card reader beeps and shows nothing", "checkout-api"}, // as written, "credit card" overlapping
		{"a credit card was declined", "payments"},                         // no alias: the lexicon still names
	}
	for _, tt := range tests {
		checkFirstService(t, world, tt.text, tt.want)
	}
}

func TestApartKey(t *testing.T) {
	same := [][]string{{"charge", "charged", "charging", "charges"}, {"book", "booked", "booking", "books"}, {"sync", "synced", "syncing"}}
	for _, ws := range same {
		k := apartKey(fold(stem(ws[0])))
		for _, w := range ws[1:] {
			if got := apartKey(fold(stem(w))); got != k {
				t.Errorf("apartKey(%q) = %q, want %q (as %q)", w, got, k, ws[0])
			}
		}
	}
	for _, w := range []string{"sms", "api", "pdf", "need", "used"} {
		if got := apartKey(w); len(got) < minApartWord {
			t.Errorf("apartKey(%q) = %q: shorter than %d letters", w, got, minApartWord)
		}
	}
}

// TestFindServices_aliasApartRowsNeedTheirMechanism checks that the rows
// above fail without the mechanism each stands for.
func TestFindServices_aliasApartRowsNeedTheirMechanism(t *testing.T) {
	lexiconWorld := []Service{{Name: "checkout-api", Aliases: []string{"card reader"}}, {Name: "payments"},
		{Name: "auth", Aliases: []string{"sms code"}}, {Name: "notifications"}}
	tests := []struct {
		services []Service
		text     string
		want     string // the first service with both mechanisms
		apart    bool   // the row fails with readApart off (else with overLexicon off)
	}{
		{aliasApartWorld, "Partner API token endpoint: ~25% HTTP 500", "auth", true},
		{aliasApartWorld, "the bank export file did not come today", "payments", true},
		{aliasApartWorld, "the CRM sync API keeps failing", "checkout-api", true},
		{aliasApartWorld, "code SMS jamais reçu", "auth", true},
		{aliasApartWorld, "the SMS login code never comes", "auth", true},
		{lexiconWorld, "I get no code by SMS since noon", "auth", false},
		{lexiconWorld, "the credit card reader beeps and shows nothing", "checkout-api", false},
	}
	defer func(a, o bool) { readApart, overLexicon = a, o }(readApart, overLexicon)
	for _, tt := range tests {
		readApart, overLexicon = !tt.apart, tt.apart
		got := ""
		if ms := FindServices(tt.services, tt.text); len(ms) > 0 {
			got = ms[0].Service
		}
		if got == tt.want {
			t.Errorf("with readApart %v, overLexicon %v: %q still names %q first", readApart, overLexicon, tt.text, got)
		}
	}
}
