package triage

import (
	"slices"
	"testing"
)

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
		{"the code from your last SMS is wrong", "notifications"},          // three words between: one too many
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

func TestApartForms(t *testing.T) {
	// an alias's word and the ticket's words (stemmed, folded) read as it
	reads := map[string][]string{
		"charge":  {"charge", "charged", "charging", stem("charges")},
		"book":    {"book", "booked", "booking", stem("books")},
		"sync":    {"sync", "synced", "syncing"},
		"booking": {"booking", "book", stem("books")},
		"note":    {"note", "noted"},
	}
	// and those it does not: the ticket's own final "e" is not cut
	not := map[string][]string{
		"note":    {"not"},
		"care":    {"car"},
		"cart":    {"carte"},
		"plan":    {"plane"},
		"code":    {"cod"},
		"booking": {"booked"},
	}
	for w, ws := range reads {
		for _, tw := range ws {
			if !slices.Contains(apartForms(w), tw) {
				t.Errorf("apartForms(%q) = %q: %q not among them", w, apartForms(w), tw)
			}
		}
	}
	for w, ws := range not {
		for _, tw := range ws {
			if slices.Contains(apartForms(w), tw) {
				t.Errorf("apartForms(%q) = %q: %q among them", w, apartForms(w), tw)
			}
		}
	}
}

// newServiceMatcherWithout is newServiceMatcher with round fifty-seven's
// mechanisms turned off as asked.
func newServiceMatcherWithout(services []Service, apart, overLexicon bool) *serviceMatcher {
	m := newServiceMatcher(services)
	m.noApart, m.noOverLexicon = !apart, !overLexicon
	return m
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
	for _, tt := range tests {
		got := ""
		if ms := newServiceMatcherWithout(tt.services, !tt.apart, tt.apart).find(tokenize(tt.text)); len(ms) > 0 {
			got = ms[0].Service
		}
		if got == tt.want {
			t.Errorf("with readApart %v, overLexicon %v: %q still names %q first", !tt.apart, tt.apart, tt.text, got)
		}
	}
}

// worldP is the review's world of round fifty-seven: aliases made of
// common words ("note", "card", "status", "settings", "care").
var worldP = []Service{
	{Name: "checkout-api", Aliases: []string{"delivery note", "gift card", "order status", "shopping cart"}, Core: true},
	{Name: "payments", Aliases: []string{"credit note", "card payment", "invoice payment"}, Core: true},
	{Name: "auth", Aliases: []string{"account settings", "sms code", "login code"}, Core: true},
	{Name: "notifications", Aliases: []string{"order email", "sms", "customer care"}},
	{Name: "search", Aliases: []string{"product search", "search results"}},
}

// Round fifty-seven's review (1): a ticket's word is an alias's word as
// written or with a verb's or plural's ending; its own final "e" is not
// cut ("not" is no "note", "car" no "care", "carte" no "cart").
func TestFindServices_aliasApartCutsNoFinalE(t *testing.T) {
	tests := []struct {
		services []Service
		text     string
		want     string
	}{
		{worldP, "the delivery is not here yet", ""},
		{worldP, "the customer's car was damaged, payment refused", "payments"},
		{[]Service{{Name: "billing", Aliases: []string{"credit note", "release notes"}}, {Name: "payments", Core: true}},
			"credit card not accepted", "payments"},
		{[]Service{{Name: "checkout-api", Aliases: []string{"cart page"}, Core: true}, {Name: "auth"}},
			"La page refuse ma carte", ""},
		// the endings still read: "charged the card" for "charge card",
		// a plural in "es"
		{[]Service{{Name: "checkout-api", Aliases: []string{"lift pass"}, Core: true}, {Name: "auth"}}, "guests cannot buy lift passes", "checkout-api"},
		{[]Service{{Name: "billing", Aliases: []string{"charge card"}}, {Name: "auth"}}, "they charged the card twice", "billing"},
	}
	for _, tt := range tests {
		checkFirstService(t, tt.services, tt.text, tt.want)
	}
}

// Round fifty-seven's review (2): an alias is read apart only in plain
// prose, not across pasted text (JSON, a URL or path, a signature's
// pipes).
func TestFindServices_aliasApartNotInPastedText(t *testing.T) {
	tests := []struct{ text, want string }{
		{`Response: {"order_id": 991, "status": "failed", "error": "card declined"}`, "payments"},
		{"see https://shop.example.com/orders/991/status it loads blank", ""},
		{"Regards, Tom | Order Management | Status: on call", ""},
		{"open /settings/user/account?tab=profile, it loads blank", ""}, // ("/account/settings" is the alias as written, read so before the round)
		// plain prose still reads it
		{"the status of my order is stuck", "checkout-api"},
	}
	for _, tt := range tests {
		checkFirstService(t, worldP, tt.text, tt.want)
	}
}

// Round fifty-seven's review (3): an alias outranks a built-in synonym it
// overlaps only when it is as long: "transfer" of files does not take
// "bank transfer" from payments.
func TestFindServices_aShorterAliasDoesNotTakeALongerSynonym(t *testing.T) {
	world := []Service{{Name: "files", Aliases: []string{"transfer", "upload"}}, {Name: "payments", Core: true}, {Name: "auth"}}
	for _, text := range []string{"the bank transfer failed", "the wire transfer to our supplier was charged twice"} {
		checkFirstService(t, world, text, "payments")
	}
}
