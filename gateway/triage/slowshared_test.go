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
	p := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		SlowShare: 0.7, Message: "psp call took 9000ms {id}"})
	at := func(subject, description string) Ticket {
		return Ticket{Subject: subject, Description: description, Priority: "normal", CreatedAt: noon}
	}
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

// TestSlowShared_ofUsKeysAreFolded: ofUs and ofWords are looked up by a
// token's f, the word as written, folded: a key written with diacritics
// ("nós") never matches.
func TestSlowShared_ofUsKeysAreFolded(t *testing.T) {
	for name, set := range map[string]map[string]bool{"ofUs": ofUs, "ofWords": ofWords} {
		for k := range set {
			if f := fold(k); f != k {
				t.Errorf("%s holds %q, which a token reads as %q: the key never matches", name, k, f)
			}
		}
	}
}
