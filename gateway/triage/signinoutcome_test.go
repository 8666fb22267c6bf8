package triage

import "testing"

// partnerWorld names an API partners call by an alias of its order
// service ("partner api") and its payouts by an alias of its payment
// service, as the worlds of a marketplace or a booking platform do.
func partnerWorld() Project {
	return Project{Name: "market", Services: []Service{
		{Name: "checkout-api", Aliases: []string{"checkout", "cart", "partner api"}, Core: true},
		{Name: "payments", Aliases: []string{"payment provider", "card payments", "payouts"}, Core: true},
		{Name: "auth", Aliases: []string{"login", "sign in"}, Core: true},
		{Name: "search", Aliases: []string{"product search"}},
		{Name: "notifications", Aliases: []string{"push notifications", "confirmation emails", "sms"}},
	}}
}

// credentialRejectedTable: a call answered with a credential's rejection
// is the sign-in's outcome, whichever API the writer calls; a failure of
// the API that rejects no credential, a 401 denied, a number that is no
// status ("booking 401", "401 rooms") and a JSON field called a key stay
// the API's. Columns: language, the service, subject, description.
const credentialRejectedTable = `
en	auth	Partner API rejects our calls	Since 10:00 every call we make to the partner API returns 401 Unauthorized. Same key as last week, nothing changed here.
de	auth	Partner API Fehler	Seit heute Mittag antwortet die Partner API bei etwa jedem fünften Aufruf mit 500 und invalid_grant. Bei uns hat sich nichts geändert.
fr	auth	Partner API en erreur	Depuis ce matin nos appels à la partner API échouent avec invalid_client, rien n'a changé chez nous.
en	checkout-api	Partner API down?	Not a key problem this time: we don't get a 401, every call to the partner API returns 503 since 06:40 and our orders pile up.
en	checkout-api	Orders for our hotel	We are a hotel with 401 rooms and book everything through the partner API. Since 08:35 every order fails with 503, nothing gets through.
en	checkout-api	Partner API rejects an address	When we order through the partner API for an address with a flat number, the call is rejected with 400 and {"error":"invalid key 'flat_no' in address"}. Which field name do you expect?
en	checkout-api	Partner API booking	The partner API fails for booking 401 with an error, the other bookings go through fine.
`

// takeoverAskTable: a takeover whose only failure words are what the
// writer asks the desk to do is the sign-in's; a failure told in its own
// clause beside the takeover stays the service that fails, also after a
// please word and an "and" that starts a new clause ("please note that
// someone got into my account and card payments are down"). The French
// ask's failure words ("hors service") stand after an "et" that carries the
// ask on; French verbs of asking ("gelez", "bloquez") are no failure words
// of the lists, so a French ask made of them alone needs no reading.
const takeoverAskTable = `
en	auth	Someone changed my payouts	Someone logged into my account last night and changed my payouts to a bank account I don't know. It wasn't me. Please freeze my payouts and lock the account down.
en	auth	Account hacked	Someone is in my account and moved my payouts to another bank. I did not do this. PLEASE freeze the payouts right away.
en	payments	Card payments fail	Someone logged into my account and changed my payouts, it wasn't me. Since then card payments fail with error 502, please check it.
en	payments	Help	Please help, someone got into my account yesterday and my card payments failed.
en	payments	Help	Hi, please note that someone got into my account last week and card payments are down since 16:05.
fr	auth	Piratage de mon compte	Quelqu'un s'est connecté à mon compte cette nuit et a changé mes payouts. Ce n'est pas moi. S'il vous plaît, bloquez le compte et mettez les payouts hors service.
`

// TestSignInOutcome_credentialRejectedIsTheSignIns triages
// credentialRejectedTable in partnerWorld.
func TestSignInOutcome_credentialRejectedIsTheSignIns(t *testing.T) {
	checkServiceTableIn(t, partnerWorld(), credentialRejectedTable)
}

// TestSignInOutcome_takeoverWhoseFailureIsAnAsk triages takeoverAskTable
// in partnerWorld.
func TestSignInOutcome_takeoverWhoseFailureIsAnAsk(t *testing.T) {
	checkServiceTableIn(t, partnerWorld(), takeoverAskTable)
}
