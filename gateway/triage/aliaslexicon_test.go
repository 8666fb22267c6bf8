package triage

import "testing"

// Round thirty-five: an alias configured in English is read in the
// ticket's language through aliasLexicon.
func TestFindServices_readsAnAliasInTheTicketsLanguage(t *testing.T) {
	services := []Service{
		{Name: "checkout-api", Aliases: []string{"desk booking", "day pass"}, Core: true},
		{Name: "payments", Aliases: []string{"loan payout"}, Core: true},
		{Name: "auth", Aliases: []string{"phone key"}, Core: true},
		{Name: "search", Aliases: []string{"parcel tracking"}},
		{Name: "notifications", Aliases: []string{"guest invitation", "appointment reminders"}},
	}
	tests := []struct {
		name, text, want string
	}{
		{"a German booking is the booking's service", "Die Buchung geht seit heute Morgen nicht", "checkout-api"},
		{"a Polish booking is the booking's service", "Widzę dane innej osoby przy rezerwacji", "checkout-api"},
		{"taking an appointment in French is booking", "aucun client ne peut prendre rendez-vous, on a les rappels de vaccins à caler", "checkout-api"},
		{"Polish invitations are the invitation's service", "Zaproszenia dla gości nie dochodzą", "notifications"},
		{"Czech reminders are the reminders' service", "Včerejší připomínky očkování nikomu nedošly", "notifications"},
		{"Japanese tracking is the tracking's service", "追跡ページがエラーになります", "search"},
		{"a Polish payout is the payout's service", "Wypłata nie dotarła na konto", "payments"},
		// guards
		{"an alias found in the ticket still decides", "Die Buchung klappt, aber der phone key öffnet die Tür nicht", "auth"},
		{"calling back is no reminder", "Je vous rappelle demain matin", ""},
		{"a word that is no alias's head lends nothing", "Mein Konto ist gesperrt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFirstService(t, services, tt.text, tt.want) })
	}
}

// A head that ends aliases of two services lends nothing: the lexicon
// cannot tell which booking the ticket means.
func TestFindServices_anAliasHeadOfTwoServicesLendsNothing(t *testing.T) {
	services := []Service{
		{Name: "checkout-api", Aliases: []string{"desk booking"}, Core: true},
		{Name: "notifications", Aliases: []string{"booking"}},
	}
	checkFirstService(t, services, "Die Buchung geht nicht", "")
}
