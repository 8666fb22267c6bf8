package triage

import "testing"

// TestAskedOnDeskLow_questionsAreNotDecidedByTheWords: security or
// data-loss words in a question on a ticket the desk marked low are read
// as a question, low (desklowasked.go); the contract stands at another
// priority, without a question, with a denial or a claim of many, and
// (mended after the round's review) for saved data gone without the writer
// removing it, a takeover told, another customer's data shown, an act the
// writer disowns, a failure told, and a mark that is a URL's.
func TestAskedOnDeskLow_questionsAreNotDecidedByTheWords(t *testing.T) {
	var cases []verdictCase
	// Asked on a ticket the desk marked low: low, whatever the words.
	for _, r := range []struct{ name, text, svc string }{
		{"en two-step sign-in asked after a friend was hacked", "What is the way to switch on two-step login? My neighbour got hacked last month and I worry.", "auth"},
	} {
		tk := Ticket{Subject: "help", Description: r.text, Priority: "low", CreatedAt: noon}
		cases = append(cases, verdictCase{r.name + ", desk low: low", tk, Low, r.svc, `stand in a question ("what is the way to switch on two step login?")`})
	}
	// The counter-rows: the contract stands, critical.
	for _, r := range []struct {
		name, text, priority string
		svc                  string
	}{
		{"en the same banner at normal priority", "The little banner with my next lesson on my home screen is gone. Where do I see it now?", "normal", ""},
		{"en a takeover told, not asked, desk low", "My account was hacked yesterday, someone changed my e-mail address.", "low", "auth"},
		{"en a loss asked with a denial, desk low", "All our saved price lists are gone, we did not delete anything. Can you restore them?", "low", ""},
		{"en a loss for all customers asked, desk low", "The saved addresses of all our customers have disappeared overnight. What happened?", "low", ""},
	} {
		tk := Ticket{Subject: "help", Description: r.text, Priority: r.priority, CreatedAt: noon}
		cases = append(cases, verdictCase{r.name + ": critical", tk, Critical, r.svc, "words decided"})
	}
	// Mended after the round's review, all desk low: saved data gone
	// without the writer removing it is the contract's loss, asked or
	// not; so are a takeover told, another customer's data shown, an act
	// the writer disowns, a failure told beside the worry, and a mark that
	// is a URL's query string.
	for _, r := range []struct{ name, text, svc string }{
		{name: "en saved things gone, asked, desk low", text: "My saved playlists are gone?? I had 12 yesterday, now it says 0."},
		{name: "de saved recipes vanished, asked, desk low", text: "Meine gespeicherten Rezepte sind verschwunden. Habe ich sie verloren?"},
		{name: "es saved tickets vanished, asked, desk low", text: "Mis entradas guardadas han desaparecido de mi cuenta. ¿Las he perdido?"},
		{name: "en a login from abroad told, what to do asked, desk low", text: "Someone logged into my account from Brazil at 3am and changed my delivery address. What should I do?", svc: "auth"},
		{name: "en another customer's data shown, asked, desk low", text: "My order page showed another customer's name and home address. Can others see mine?"},
		{name: "en a hack asked, an address disowned, desk low", text: "Did someone hack me? There is a new pickup booked to an address I dont know."},
		{name: "en a refused code and a hack asked, desk low", text: "Since this morning my login code does not work, it says something went wrong. Am I hacked?", svc: "auth"},
		{name: "en a key leaked, a URL with a query, desk low", text: "Our API key was leaked, it is readable at https://paste.example.com/view?id=42 - please rotate it."},
	} {
		tk := Ticket{Subject: "help", Description: r.text, Priority: "low", CreatedAt: noon}
		cases = append(cases, verdictCase{r.name + ", mended: critical", tk, Critical, r.svc, "words decided"})
	}
	checkVerdicts(t, textProject(), cases)
}
