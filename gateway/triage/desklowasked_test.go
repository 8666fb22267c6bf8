package triage

import "testing"

// TestAskedOnDeskLow_questionsAreNotDecidedByTheWords: security or
// data-loss words in a question on a ticket the desk marked low are read
// as a question, low (desklowasked.go); the contract stands at another
// priority, without a question, with a denial or a claim of many.
func TestAskedOnDeskLow_questionsAreNotDecidedByTheWords(t *testing.T) {
	var cases []verdictCase
	// Asked on a ticket the desk marked low: low, whatever the words.
	for _, r := range []struct{ name, text, svc string }{
		{"en a banner gone, asked", "The little banner with my next lesson on my home screen is gone. Where do I see it now?", ""},
		{"en saved things gone, asked", "My saved playlists are gone?? I had 12 yesterday, now it says 0.", ""},
		{"de saved recipes vanished, asked", "Meine gespeicherten Rezepte sind verschwunden. Habe ich sie verloren?", ""},
		{"en two-step sign-in asked after a friend was hacked", "What is the way to switch on two-step login? My neighbour got hacked last month and I worry.", "auth"},
		{"es saved tickets vanished, asked", "Mis entradas guardadas han desaparecido de mi cuenta. ¿Las he perdido?", ""},
	} {
		tk := Ticket{Subject: "help", Description: r.text, Priority: "low", CreatedAt: noon}
		cases = append(cases, verdictCase{r.name + ", desk low: low", tk, Low, r.svc, "stand in a question"})
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
	checkVerdicts(t, textProject(), cases)
}
