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
		"No customers have complained that the payment failed, only my card is declined.",
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
