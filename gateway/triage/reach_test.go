package triage

import "testing"

// Round fifty-eight: reach of many told by a count of people, by "all" of
// a people noun the scope lists lack, and by people who told the writer
// (reach.go). Each row of the first list is read as a failure (or a
// slowness) for many only with reachOfMany; the guards are read as no
// reach of many.
func TestReach_countsAllAndThirdPartiesAreMany(t *testing.T) {
	for _, s := range []string{
		// a count of six or more people
		"URGENT - my phone is ringing off the hook. Clients (I have 40 on the platform) can't sign in, they get an error.",
		"Our registration desk has been contacted by a large number of attendees (over thirty so far) who are unable to purchase the upgrade.",
		"Since about 14:20 many attendees (15+ so far) tell us the upgrade page takes 30 seconds or more.",
		// all of a people noun
		"Online check-in has been painfully slow for all our passengers this morning.",
		"Od 15 minut płatności trwają strasznie długo, u wszystkich klientów kręci się kółeczko.",
		// people who told the writer
		"Several of our supporters have rung the office saying the website spins for ages and then says something went wrong.",
		"Several of my clients have texted me that the card payment spinner runs for a minute or more.",
		"The guests say paying in the app is very slow tonight.",
	} {
		readAsMany(t, s)
	}
	for _, s := range []string{
		// a clock's digits before a people noun
		"[18:41] Visitor: hi I can't log into my account, it says service unavailable",
		// the people wait on the writer's own failure, told in another sentence
		"I can't start my class, it just says unable to start session. 28 students are emailing me.",
		"When I click send to bank the payment step times out. Payroll total for 31 employees.",
		// a few, a question, the supplier's people, negated
		"Two customers said the payment failed.",
		"The payment fails for me. Have other customers reported that the payment fails?",
		"Your staff told me the payment failed.",
		"No customers have complained that the payment failed.",
		// a count of places or a time
		"I can't log in to upload the meter reads for our 9 shops, it always says identity provider not available.",
		"Last night around ten past eleven my card got refused twice with payment service unavailable.",
	} {
		if hs := reachOfMany(tokenize(s), failingOf(s)); len(hs) > 0 {
			t.Errorf("%q: reach of many read: %v", s, quote(hs))
		}
	}
}

// The writer's own tries and things are no reach of many (study 56's row
// B): each row was read as many before notOwnAttempts.
func TestReach_theWritersOwnAttemptsAreNotMany(t *testing.T) {
	for _, s := range []string{
		"I tried to upgrade between 8 and 8:30 this morning. Every single attempt gave 'We couldn't complete your upgrade'.",
		"about 2 hours ago I tried to get Gold and the payment kept failing. tried 3 different cards!! all of them work everywhere else.",
		"Trying to book a car. Filled everything in, and at the last step I get an error, 4 times now.",
	} {
		if sig := readSignals(tokenize(s), s); len(active(sig.many)) > 0 {
			t.Errorf("%q: the writer's own attempts read as many: %v", s, quote(active(sig.many)))
		}
	}
	// a writer speaking for a firm counts the firm's attempts
	checkWideScope(t, "Yesterday evening we tried to book the cleans for our 40 flats - every attempt ended in an error.")
}

// readAsMany checks that reachOfMany reads s, and that the ticket's claim
// is then a failure (or a slowness) for many.
func readAsMany(t *testing.T, s string) {
	t.Helper()
	if hs := reachOfMany(tokenize(s), failingOf(s)); len(hs) == 0 {
		t.Errorf("%q: no reach of many read", s)
	}
	checkWideScope(t, s)
	if got, _ := claimOf("", s); got != claimOutage {
		t.Errorf("%q: claim %s, want a failure for many", s, got)
	}
}

// failingOf is the failure, outage and slowness words of s.
func failingOf(s string) []hit {
	sig := readSignals(tokenize(s), s)
	return append(append(append(sig.outage, sig.failure...), sig.degraded...), sig.cueFailure...)
}

// noReach checks that reachOfMany reads no many in s.
func noReach(t *testing.T, s string) {
	t.Helper()
	if hs := active(reachOfMany(tokenize(s), failingOf(s))); len(hs) > 0 {
		t.Errorf("%q: reach of many read: %v", s, quote(hs))
	}
}

// notReadAsMany checks that reachOfMany reads no many in each of ss, and
// that the ticket's claim is then no failure for many.
func notReadAsMany(t *testing.T, ss ...string) {
	t.Helper()
	for _, s := range ss {
		noReach(t, s)
		if got, _ := claimOf("", s); got == claimOutage {
			t.Errorf("%q: claim a failure for many", s)
		}
	}
}

// Round fifty-eight's review, finding 1: a number before a people noun is
// a headcount only before the plural, and not a code's, an ID's, a
// version's or a time's.
func TestReach_codesIDsAndTimesAreNoHeadcount(t *testing.T) {
	notReadAsMany(t,
		"I get error 503 when the user logs in.",
		"Order 12345 of customer Smith failed at checkout.",
		"Invoice #48213 for client Acme fails to send.",
		"Ticket 4471 from client Acme: payment fails.",
		"Error code 1004 customer not found when I pay.",
		"I was charged 49 for the user licence and the payment failed.",
		"For 10 minutes the client shows a connection error.",
		"In 15 seconds the user gets logged out with an error.",
		"I tried 10 usernames and the login fails for each.",
		"Since version 12 the client is very slow when paying by card.",
	)
	// older readings take "our customers got an error" as many: the date
	// is no count of them
	noReach(t, "On 12 March our customers got an error at checkout.")
	// the count of people, in the plural, still is
	readAsMany(t, "Since 9:00 about 40 customers get an error at checkout.")
	readAsMany(t, "Error at checkout: 12 of our customers cannot pay.")
}

// Finding 2: the failure must be the people's own, in their part of the
// sentence: not across a contrast, not the writer's own clause, not a job
// the writer does for them.
func TestReach_thePeoplesOwnFailure(t *testing.T) {
	notReadAsMany(t,
		"All my colleagues can pay, only I get an error.",
		"Alle meine Kollegen können bezahlen, nur ich bekomme einen Fehler.",
		"12 customers ordered fine today, but my own checkout fails with an error.",
		"My 8 friends can pay fine, but my payment fails.",
		"Our 50 employees were paid fine, only my own payslip download fails.",
		"Customers tell us everything works fine, but my dashboard shows an error.",
		"Die Kunden sagen, dass das Bezahlen super funktioniert, nur bei mir kommt ein Fehler.",
		"Les clients disent que tout marche, mais chez moi le paiement échoue.",
		"Los clientes dicen que todo funciona, pero a mí me falla el pago.",
		"We have 6 users in our plan and checkout fails for me with an error.",
		"The payroll run for 31 employees fails with an error.",
		"I tried to import 300 customers and the import failed with an error.",
		"I need to send a reminder to every member but the send fails.",
		"The whole company depends on this and my login fails.",
		"All our stores are open as usual but my card terminal shows an error.",
		"All our stores are open as usual, only my card payment is very slow.",
		"12 customers paid fine today, but my card payment is very slow.",
	)
	// the people's own failure, and "not just me"
	readAsMany(t, "The checkout fails for all our passengers, not just me.")
	readAsMany(t, "For all our customers, the checkout fails with an error.")
	readAsMany(t, "The whole office can't log in since 9:00.")
}

// Finding 3: a question, a supposition or a denial reads no reach.
func TestReach_askedSupposedOrDeniedIsNoReach(t *testing.T) {
	notReadAsMany(t,
		"Will all our passengers get an error at checkout?",
		"Are all our attendees affected by the checkout error?",
		"Not one of our 40 clients gets an error at checkout.",
		"Is paying by card slow for all our passengers too?",
		"If every guest gets this error we are in trouble.",
	)
}

// Finding 4: "all of them" after a count of places or of people the lists
// lack is many; only the writer's tried things are not.
func TestReach_allOfThemAfterPlacesOrPeopleIsMany(t *testing.T) {
	// each was many before round fifty-eight; the reach reading need
	// not read them, notOwnAttempts must not drop them
	readsOutage := func(s string) {
		t.Helper()
		checkWideScope(t, s)
		if got, _ := claimOf("", s); got != claimOutage {
			t.Errorf("%q: claim %s, want a failure for many", s, got)
		}
	}
	readsOutage("We have 8 tills and all of them fail to take card payments.")
	readsOutage("We have 6 cashiers and all of them get an error when taking card payments.")
	readsOutage("We run 12 shops, all of them can't take card payments since 11:00.")
}

// Finding 5: people nouns are whole words; a verb of telling before a
// thing is a noun.
func TestReach_wholePeopleWordsAndTellingVerbs(t *testing.T) {
	notReadAsMany(t,
		"All printer drivers fail to install on my laptop.",
		"Tutti i collegamenti al pagamento falliscono per me.",
	)
	// the older plural reading takes these as many; this round's does not
	noReach(t, "All memberships fail to renew for me.")
	noReach(t, "The customers contact form fails with an error.")
	noReach(t, "The users reports page fails to load for me.")
	readAsMany(t, "Tutti i miei colleghi ricevono un errore al pagamento.")
	readAsMany(t, "Calls from customers all morning: the checkout fails with an error.")
}

// Finding 6: a sentence that tells the failure ended reads no reach.
func TestReach_anEndedFailureIsNoReach(t *testing.T) {
	notReadAsMany(t, "Thanks, 40 customers have paid since the fix, the checkout errors are gone.")
}

// Finding 7: a positive and a guard row for branches the rows above leave
// open.
func TestReach_eachBranchHasARow(t *testing.T) {
	// a place counted under "all", the bracket after the people
	readAsMany(t, "Since 10:00 all of our 8 stores can't take card payments, the terminals show an error.")
	readAsMany(t, "Our guests (over 40 tonight) get an error when paying at the bar.")
	// a year is no count; one customer's orders are one customer's
	noReach(t, "Since 2019 customers have paid by card here, and today the checkout fails with an error.")
	noReach(t, "Ten customer's orders failed at checkout with an error.")
}
