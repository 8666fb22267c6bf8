package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// Round eighty-three (slowshared.go): a slowdown the warnings show, told as
// shared by others.

// TestSlowShared_aSlowdownOthersShareIsHigh: a failure told with slowness
// on a core flow in a slowdown (its failures clean, most requests slowed),
// which the writer says others have too, is high though the desk left it
// normal; the writer's own slowness, a slowdown only feared, one that
// ended well before a ticket about the present and a background rise stay
// medium.
func TestSlowShared_aSlowdownOthersShareIsHigh(t *testing.T) {
	p := slowdownOf(t, "payments", "psp call took 9000ms {id}")
	at := normalAt
	const why = "raised to high: slowness told"
	checkVerdicts(t, p, []verdictCase{
		{"English: four of us, slow and a timeout",
			at("Card payments extremely slow", "Since 11:30 card payments take forever, the pay button spins for 30 seconds and then sometimes a timeout. All four of us at the counter have the same."),
			High, "payments", why},
		{"German: vier von uns, langsam und ein Timeout",
			at("Kartenzahlung sehr langsam", "Seit 11:30 Uhr ist die Kartenzahlung sehr langsam und bricht manchmal mit einem Timeout ab. Vier von uns an der Kasse haben dasselbe."),
			High, "payments", why},
		{"Swedish: all of us at the office, tar evigheter and a timeout",
			at("Kortbetalningen tar evigheter", "Sedan 11:30 tar kortbetalningarna evigheter och en gång fick jag en timeout. Alla vi på kontoret (tre personer) har samma problem."),
			High, "payments", why},
		{"Chinese: the payment keeps spinning (转圈 is slowness), marked high, then fails",
			Ticket{Subject: "付款一直转圈", Description: "从11:30开始付款都要转圈一两分钟，然后显示失败。请尽快处理。", Priority: "high", CreatedAt: noon},
			High, "payments", "logs confirm the slowness (\"转 圈\")"},
		{"counter: the writer's own slowness and timeout",
			at("Card payment extremely slow", "Since 11:30 my card payment takes forever and then sometimes a timeout."),
			Medium, "payments", "logs confirm the slowness"},
		{"counter: slowness only feared",
			at("Card payments", "Since 11:30 card payments sometimes end in a timeout; we are afraid they will be very slow in the rush. All four of us at the counter have the same."),
			Medium, "payments", "logs confirm the slowness"},
	})
	ended := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-80 * time.Minute), Duration: 40 * time.Minute,
		SlowShare: 0.7, Message: "psp call took 9000ms {id}"})
	checkVerdicts(t, ended, []verdictCase{
		{"counter: a slowdown that ended well before a ticket about the present",
			Ticket{Subject: "Card payments extremely slow", Description: "Card payments take forever and then sometimes a timeout. All four of us at the counter have the same.", Priority: "normal", CreatedAt: noon},
			Medium, "payments", "payments"},
	})
	background := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		SlowShare: 0.18, Message: "psp call took 9000ms {id}"})
	checkVerdicts(t, background, []verdictCase{
		{"counter: a background rise is no slowdown",
			at("Card payments extremely slow", "Since 11:30 card payments take forever and then sometimes a timeout. All four of us at the counter have the same."),
			Medium, "payments", "payments"},
	})
}

// TestSlowShared_aSpinnerOnABackgroundRiseConfirmsNoSlowness: a spinner
// the writer saw ("it keeps spinning") is slowness the warnings confirm only in
// a slowdown; during a background rise of the warnings it is not, and the
// report stays as its failure words read it.
func TestSlowShared_aSpinnerOnABackgroundRiseConfirmsNoSlowness(t *testing.T) {
	background := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		SlowShare: 0.15, Message: "psp call took 9000ms {id}"})
	at := func(description string) Ticket {
		return Ticket{Subject: "payment", Description: description, Priority: "urgent", CreatedAt: noon}
	}
	checkVerdicts(t, background, []verdictCase{
		{"counter h39-13's shape: down, the spinner keeps spinning",
			at("Payments are down! Nobody on our team can pay, the spinner keeps spinning and then says something went wrong."),
			Medium, "payments", "payments logs are clean"},
	})
	slowdown := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		SlowShare: 0.7, Message: "psp call took 9000ms {id}"})
	checkVerdicts(t, slowdown, []verdictCase{
		{"in a slowdown the spinner is the slowdown's",
			at("The payment page keeps spinning for a minute every time. Nobody on our team can get through quickly."),
			High, "payments", "logs confirm the slowness (\"spinning\")"},
	})
}

// TestSlowShared_ofUsPairsMatchAsWritten: every pair of ofUsPairs, after
// a count, reads as the writer's group the way tokenize splits it (it
// drops the apostrophe of "d'entre"), a pair of two words: a key that
// cannot match ("d" and "entre", the round's) fails.
func TestSlowShared_ofUsPairsMatchAsWritten(t *testing.T) {
	for _, p := range ofUsPairs {
		toks := tokenize("quatre " + p)
		if _, ok := countOfUs(toks, 0, 0, len(toks)); !ok || len(toks) != 3 {
			t.Errorf("%q after a count reads no group (%d words): the pair never matches", p, len(toks)-1)
		}
	}
}

// TestSlowShared_aCountOfUsIsTheWritersGroup: round eighty-three's review
// (README, "The review, and its mends"). "N of us" is the writer's own
// group only as a count, a word for "of" and the pronoun for us, one
// right after the other and in the pair a language writes ("quatre
// d'entre nous", "fire af os", "trei dintre noi"), and only where its
// sentence tells the group has the same problem or complains: "trois de
// nos commandes" (our orders), "20 de comenzi noi" (new orders), "drei
// von uns gebuchte Abholungen" (pickups we booked) and "3 of our US hotel
// bookings" count things, not people reached.
func TestSlowShared_aCountOfUsIsTheWritersGroup(t *testing.T) {
	p := slowdownOf(t, "checkout-api", "upstream call took 9000ms {id}")
	at := normalAt
	const why = "raised to high: slowness told"
	checkVerdicts(t, p, []verdictCase{
		{"French: quatre d'entre nous, le même problème",
			at("Checkout très lent", "Le checkout est très lent et finit par une erreur. Quatre d'entre nous à la réception ont le même problème."),
			High, "checkout-api", why},
		{"Danish: fire af os, det samme problem",
			at("Checkout meget langsom", "Checkout er meget langsom og giver så en fejl. Fire af os på kontoret har det samme problem."),
			High, "checkout-api", "(\"fire af os\")"},
		{"Romanian: trei dintre noi, aceeași problemă",
			at("Checkout foarte lent", "Checkout merge foarte lent și apoi dă eroare. Trei dintre noi de la recepție avem aceeași problemă."),
			High, "checkout-api", why},
		{"Spanish: cuatro de nosotros, el mismo problema, after a sentence ending in an error",
			at("Checkout muy lento", "El checkout va muy lento y luego da un error. Cuatro de nosotros en recepción tenemos el mismo problema."),
			High, "checkout-api", why},
		{"counter: trois de nos commandes (our orders)",
			at("Checkout très lent", "Le checkout est très lent et affiche une erreur pour trois de nos commandes."),
			Medium, "checkout-api", "logs confirm the slowness"},
		{"counter: 20 de comenzi noi (new orders)",
			at("Checkout foarte lent", "Checkout merge foarte lent și dă eroare la 20 de comenzi noi."),
			Medium, "checkout-api", "logs confirm the slowness"},
		{"counter: drei von uns gebuchte Abholungen (pickups we booked)",
			at("Checkout dauert ewig", "Der Checkout dauert ewig und zeigt einen Fehler für drei von uns gebuchte Abholungen."),
			Medium, "checkout-api", "logs confirm the slowness"},
		{"counter: 3 of our US hotel bookings",
			at("Checkout very slow", "The checkout is very slow and shows an error for 3 of our US hotel bookings."),
			Medium, "checkout-api", "logs confirm the slowness"},
		{"counter: mes collègues utilisent le même navigateur (the same said of a thing)",
			at("Checkout très lent", "Le checkout est très lent et finit par une erreur. Mes collègues utilisent le même navigateur."),
			Medium, "checkout-api", "logs confirm the slowness"},
		{"slowness alone: tre av oss, samma problem, lifts round fifty-six's cap",
			at("Checkout väldigt långsam", "Checkouten är väldigt långsam i dag. Tre av oss på kontoret har samma problem."),
			High, "checkout-api", "not held at medium"},
		{"counter, slowness alone: drei von uns gebuchte Abholungen lifts no cap",
			at("Checkout dauert ewig", "Der Checkout dauert ewig für drei von uns gebuchte Abholungen."),
			Medium, "checkout-api", "held at medium"},
	})
}

// slowdownOf is the checkout project with 70 % of service's requests
// slowed from 40 minutes before noon for an hour.
func slowdownOf(t *testing.T, service, message string) Project {
	t.Helper()
	return projectWith(t, gen.Incident{Service: service, Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		SlowShare: 0.7, Message: message})
}

// normalAt is a ticket of priority normal created at noon.
func normalAt(subject, description string) Ticket {
	return Ticket{Subject: subject, Description: description, Priority: "normal", CreatedAt: noon}
}
