package triage

import "testing"

// TestCallBackAsked_aCallRequestKeepsNoService: a request to be called
// back that describes no failure keeps no service, even with a question
// or a how-to word beside the ask (callbackasked.go); a failure told
// beside the ask, a question without one and a call the writer refuses
// keep their service.
func TestCallBackAsked_aCallRequestKeepsNoService(t *testing.T) {
	var cases []verdictCase
	for _, r := range []struct{ name, text string }{
		{"en call back with questions about the checkout", "Could someone please call me back today? I have a couple of questions about the checkout before I decide. 0161 555 0101"},
		{"de Rückruf with a question about the payment provider", "Bitte um Rückruf morgen früh. Ich habe eine Frage zum Payment Provider und zu den Gebühren."},
		{"es a call asked with a question mark about login", "¿Pueden llamarme? Llámenme por favor, tengo una pregunta sobre el login de mi empresa."},
	} {
		tk := Ticket{Subject: "call me", Description: r.text, Priority: "normal", CreatedAt: noon}
		cases = append(cases, verdictCase{r.name + ": low, no service", tk, Low, "", "a request to be called back"})
	}
	// A billing question whose words were set aside: the question's
	// service is not asked for afterwards (askedAbout would give the card's).
	cases = append(cases, verdictCase{"en call back about a card fee's invoice: no service",
		Ticket{Subject: "call me", Description: "Please call me back, I need a VAT invoice for the annual fee I paid by credit card.", Priority: "normal", CreatedAt: noon},
		Low, "", ""})
	// Counter-rows, each held by a guard: another claim than a question
	// (a takeover told beside the ask), and a failure word the question
	// outweighs ("I can't find it").
	for _, r := range []struct{ name, text, sev, svc, reason string }{
		{"en a takeover told beside the ask", "Someone logged into my account from abroad and changed my password. Please call me back.", Critical, "auth", "security"},
		{"en a how-to that cannot find the page, with a call", "How do I add a second card to the payment provider? I can't find the button, or please call me.", Low, "payments", "how-to"},
	} {
		tk := Ticket{Subject: "question", Description: r.text, Priority: "normal", CreatedAt: noon}
		cases = append(cases, verdictCase{r.name + ": " + r.svc, tk, r.sev, r.svc, r.reason})
	}
	checkVerdicts(t, textProject(), cases)
}
