package triage

import "testing"

func TestFindServices_matchesNamesAliasesURLsAndPlurals(t *testing.T) {
	services := []Service{
		{Name: "checkout-api", Aliases: []string{"cart", "payment page"}, Core: true},
		{Name: "payments", Core: true},
		{Name: "auth", Core: true},
		{Name: "search"},
		{Name: "notifications"},
	}
	tests := []struct {
		text string
		want string // first mention, "" for none
	}{
		{"Checkout-API returns 502", "checkout-api"},
		{"CHECKOUT is broken!!", "checkout-api"},
		{"https://checkout-api.example.com/v1/orders times out", "checkout-api"},
		{"POST /checkout/pay gives an error", "checkout-api"},
		{"the payment page hangs", "checkout-api"},
		{"my cart is empty", "checkout-api"},
		{"payment failed", "payments"},
		{"Payments are declined", "payments"},
		{"no notification arrived", "notifications"},
		{"I can't log in", "auth"},
		{"password reset doesn't work", "auth"},
		{"search results are empty", "search"},
		{"nobody can check out", "checkout-api"},
		{"i cant log in since 2fa", "auth"},
		{"the shipping emails stopped", "notifications"},
		{"I got an email that my order shipped", ""},
		{"it showed her email address", ""},
		{"everything is down", ""},
		{"researching options", ""},
	}
	for _, tt := range tests {
		got := FindServices(services, tt.text)
		first := ""
		if len(got) > 0 {
			first = got[0].Service
		}
		if first != tt.want {
			t.Errorf("FindServices(%q) = %+v, want first %q", tt.text, got, tt.want)
		}
	}
}

func TestFindServices_putsNamesBeforeSynonyms(t *testing.T) {
	services := []Service{{Name: "auth"}, {Name: "search"}}
	got := FindServices(services, "after login, search is empty")
	if len(got) != 1 || got[0].Service != "search" {
		t.Errorf("got %+v, want only search (a name beats a built-in synonym)", got)
	}
}
