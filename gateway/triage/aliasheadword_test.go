package triage

import "testing"

// Round forty-nine: an alias's head word alone names its service, weakly,
// when no other service holds the word, the head is no generic one and the
// alias is no act on it.
func TestFindServices_readsAnAliasByItsHeadWord(t *testing.T) {
	services := []Service{
		{Name: "checkout-api", Aliases: []string{"greenhouse rental", "submit a quote", "order page"}, Core: true},
		{Name: "payments", Aliases: []string{"card payment", "farm voucher"}, Core: true},
		{Name: "auth", Aliases: []string{"login", "partner token"}, Core: true},
		{Name: "search", Aliases: []string{"seed catalogue", "find growers", "plot search"}},
		{Name: "notifications", Aliases: []string{"harvest alerts", "sms"}},
	}
	tests := []struct {
		text string
		want string // first mention, "" for none
	}{
		{"the catalogue takes ages to load today", "search"},
		{"rentals fail with an error since noon", "checkout-api"},
		{"our vouchers are missing two columns", "payments"},
		{"the token we were given is refused", "auth"},
		// an alias or a name found in the ticket still decides
		{"the catalogue is slow and card payment fails", "payments"},
		// a generic head lends nothing: a page is everywhere
		{"the page is blank", ""},
		// the object of an act is a thing of the world, not the service's
		{"a grower wrote to us", ""},
		{"what does the quote include?", ""},
	}
	for _, tt := range tests {
		checkFirstService(t, services, tt.text, tt.want)
	}
}

func TestFindServices_aHeadHeldByTwoServicesLendsNothing(t *testing.T) {
	services := []Service{
		{Name: "checkout-api", Aliases: []string{"ride booking"}, Core: true},
		{Name: "payments", Aliases: []string{"booking fee"}, Core: true},
		{Name: "search", Aliases: []string{"station map"}},
		{Name: "notifications", Aliases: []string{"map alerts"}},
	}
	for _, text := range []string{"the booking is slow", "the map does not load"} {
		checkFirstService(t, services, text, "")
	}
}
