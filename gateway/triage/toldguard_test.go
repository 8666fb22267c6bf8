package triage

import "testing"

// TestTriage_aSharingDeniedOnlyInItsClause is round fifty-two's: the
// shared account that keeps another member's data from being a report
// is denied by a negator before the sharing in its clause, as negated
// reads it, not by a "No" across a comma ("No, we share one account").
func TestTriage_aSharingDeniedOnlyInItsClause(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "security words", []wordCase{
		{"en no, we share one account", at("Orders", "No, we share one account, so I see another member's orders in it."), false},
		{"en no, we both share one account", at("Orders", "No, we both share one account, so the orders page shows another member's name and address."), false},
		// guards: a sharing denied in its own clause
		{"en we do not share the account", at("Orders", "We do not share the account with anybody, yet my orders page shows another customer's name and address."), true},
		{"en we never shared the account", at("Orders", "We never shared the account, yet the orders page shows another customer's name and address."), true},
	})
}
