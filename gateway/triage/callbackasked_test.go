package triage

import (
	"testing"
	"time"
)

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
		// the read-through's mend: a call asked of somebody is asked
		{"en somebody asked to call, with a question about the checkout", "Can somebody call me back today? I have a question about the checkout."},
		{"en somebody asked to ring, after a please", "Could somebody please ring me tomorrow? I have a question about the checkout."},
		{"en someone asked to call, after a modal", "It would help if someone could call me back, I have a question about the checkout."},
		{"he someone asked to call, with a question about the checkout", "מישהו יכול להתקשר אליי? יש לי שאלה על ה checkout."},
	} {
		// the subject names no call: the description's ask is read
		tk := Ticket{Subject: "Hello", Description: r.text, Priority: "normal", CreatedAt: noon}
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
		{"en someone who tried to call is no ask", "Someone tried to call me back today about the checkout. What do you want to know?", Low, "checkout-api", ""},
		{"en a how-to that cannot find the page, with a call", "How do I add a second card to the payment provider? I can't find the button, or please call me.", Low, "payments", "how-to"},
	} {
		tk := Ticket{Subject: "question", Description: r.text, Priority: "normal", CreatedAt: noon}
		cases = append(cases, verdictCase{r.name + ": " + r.svc, tk, r.sev, r.svc, r.reason})
	}
	checkVerdicts(t, textProject(), cases)
}

// TestCallBackAsked_mendsOfTheReview: the review's three mends, a row each
// that fails without it. A service the hook cleared is not put back by
// its words (vocabService); a how-to, a feature or a billing question of
// the ticket's own keeps the service it is about, the topic of a question
// noun does not; a call someone else is to make, or "call" that is no ask
// to be called, is no call-back.
func TestCallBackAsked_mendsOfTheReview(t *testing.T) {
	checkLowQuestions(t, []lowQuestion{
		// mend 2's other side: questions about a thing and a question mark
		// on the ask itself still clear ("questions" read as a question
		// noun, not a how-to)
		{"fr a call asked with a question mark, questions about the cart", "Bonjour, pourriez-vous me rappeler ? J'ai quelques questions sur le cart avant de passer commande. Merci", "", "a request to be called back"},
		// mend 2: a question of its own keeps its service
		{"en a how-to of its own beside the call", "How do I change the phone number I use for sign in? Please call me back.", "auth", ""},
		{"en a billing question of its own beside the call", "Can I pay the monthly plan charge to the payment provider by SEPA direct debit instead of card? If it is easier, call me back.", "payments", ""},
		{"en a feature question of its own beside the call", "Would it be possible to add Google Pay to the payment provider? Happy to discuss, give me a call anytime.", "payments", ""},
		{"de a how-to opened by wie beside the call", "Wie buche ich eine Lieferung für zwei Adressen im Checkout? Oder rufen Sie mich an.", "checkout-api", ""},
		{"en billing words in the ask's own sentence are its topic", "Please have our account manager call me today regarding the payment provider contract renewal and the tier pricing.", "", "a request to be called back"},
		{"ko the topic of a question noun with its particle", "안녕하세요. 전화 부탁드립니다. payment provider plan charge 관련 문의가 있습니다.", "", "a request to be called back"},
		// mend 3: a call that is no ask to be called back
		{"en please call an endpoint", "Please call the checkout /v2/slots endpoint with our key and tell me: should it return slots for Sundays?", "checkout-api", ""},
		{"en the driver is to call", "Could the driver please call me 10 minutes before delivery instead of sending the sms?", "notifications", ""},
		{"en call me and a name", "Hi, you can call me Sam. I have a question about the checkout.", "checkout-api", ""},
	})
}

// lowQuestion is a row of a low question's ticket: its text, the service
// it keeps ("" for none) and a reason to find.
type lowQuestion struct{ name, text, svc, reason string }

// checkLowQuestions checks each row's text, under the subject
// "question" and a normal desk priority, is low with its service.
func checkLowQuestions(t *testing.T, rows []lowQuestion) {
	t.Helper()
	var cases []verdictCase
	for _, r := range rows {
		tk := Ticket{Subject: "question", Description: r.text, Priority: "normal", CreatedAt: noon}
		cases = append(cases, verdictCase{r.name + ": " + r.svc, tk, Low, r.svc, r.reason})
	}
	checkVerdicts(t, textProject(), cases)
}

// TestCallBackAsked_aClearedServiceIsNotPlacedAgain (mend 1 of the
// review): a call-back asked with questions about a service's own log
// words ("the settlement ledger") keeps no service: the words do not
// place it again (vocabService runs only when the hook kept none), as
// the reasons said "not payments" then "payments".
func TestCallBackAsked_aClearedServiceIsNotPlacedAgain(t *testing.T) {
	created := time.Date(2042, 9, 1, 16, 20, 0, 0, time.UTC)
	tr := New(Project{Services: []Service{
		{Name: "checkout-api", Aliases: []string{"scooter unlock"}, Core: true},
		{Name: "payments", Aliases: []string{"wallet"}, Core: true},
	}}, Settings{})
	tpls := map[string]map[string]*tplCount{
		"payments":     {"settlement export for merchant=<id> failed: ledger <ip> timeout": {base: 4, win: 2}},
		"checkout-api": {"fare for ride=<id> not priced: tariff engine <ip> stale": {base: 5, win: 1}},
	}
	text := "Could you please call me back? I have a couple of questions about the settlement ledger."
	f := vocabFacts(tr, tpls, Ticket{Subject: "call back", Description: text, CreatedAt: created})
	if _, ok := callBackAsked(f); !ok {
		t.Fatalf("claim %s: no call-back asked: the row tests nothing", f.claim)
	}
	if v := tr.decide(f, &trace{}); v.service != "" {
		t.Errorf("service %q, want none (reasons %q)", v.service, v.reasons)
	}
}

// TestCallBackAsked_rowsOfTheReadThrough: the read-through's rows, each
// failing without the code it is named for. A failure or a slowness a
// question outweighed keeps its service beside the ask; "how" opening a
// question, in the languages shapeOpeners holds, is a how-to of the
// ticket's own, unless it is another language's word; a day after "call
// me" is no name; the reason quotes the longest call-back phrase.
func TestCallBackAsked_rowsOfTheReadThrough(t *testing.T) {
	checkLowQuestions(t, []lowQuestion{
		{"en a failure a question outweighs, beside the ask", "Please call me back, I have questions about the checkout errors we saw last week.", "checkout-api", ""},
		{"en a slowness asked about, beside the ask", "Is it normal that the login is slow in the evening? Please call me back.", "auth", ""},
		{"it a how-to opened by come", "Come aggiungo un secondo indirizzo nel checkout? Altrimenti richiamatemi.", "checkout-api", ""},
		{"pl a how-to opened by jak", "Jak wpisać drugi adres w checkout? Albo proszę oddzwonić.", "checkout-api", ""},
		{"pt a how-to opened by como", "Como adiciono um segundo endereço no checkout? Ou me liguem, por favor.", "checkout-api", ""},
		{"es a how-to opened by cómo", "¿Cómo añado una segunda dirección en el checkout? O llámenme, por favor.", "checkout-api", ""},
		{"he a how-to opened by איך", "איך מוסיפים כתובת שנייה ב checkout? או תחזרו אליי בבקשה.", "checkout-api", ""},
		{"tl ako opening a question is I, not how", "Ako po si Maria, may tanong po ako tungkol sa checkout? Please call me back.", "", "a request to be called back"},
		{"en a day after call me is no name", "Could you call me Friday? I have a couple of questions about the checkout.", "", "a request to be called back"},
		{"en the reason quotes the longest phrase", "Please call me back, I have a couple of questions about the checkout.", "", "a request to be called back (\"call me back\")"},
	})
}
