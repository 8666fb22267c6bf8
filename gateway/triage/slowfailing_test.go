package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// Round ninety-nine (slowfailing.go): one writer's slowness while the
// service's failures rose moderately.

// TestSlowFailing_oneWritersSlownessOnAModerateRiseIsMedium: slowness told
// by one writer, in several languages, on a core flow whose slow requests
// time out (a few per cent of them fail) is medium; the desk's urgent or
// high mark, a group of people reached, a failure told beside the
// slowness and a failure spike keep it high.
func TestSlowFailing_oneWritersSlownessOnAModerateRiseIsMedium(t *testing.T) {
	p := projectWith(t, gen.Incident{Service: "checkout-api", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		FailRate: 0.07, Status: 504, Message: "cart {n} timed out after {ms}ms waiting on the pricing service"})
	at := func(subject, description, priority string) Ticket {
		return Ticket{Subject: subject, Description: description, Priority: priority, CreatedAt: noon}
	}
	const held = "held at medium: slowness told by one writer while the service's failures rose moderately"
	checkVerdicts(t, p, []verdictCase{
		{"English: the checkout is slow",
			at("checkout slow", "Since about 11:30 the checkout is really slow, every step takes ages before the next page shows.", "normal"),
			Medium, "checkout-api", held},
		{"German: der Checkout ist langsam",
			at("Checkout langsam", "Seit etwa 11:30 ist der Checkout sehr langsam, jede Seite lädt ewig.", "normal"),
			Medium, "checkout-api", held},
		{"Spanish: el checkout tarda muchísimo",
			at("checkout lento", "Desde las 11:30 el checkout tarda muchísimo, cada paso es lentísimo.", "normal"),
			Medium, "checkout-api", held},
		{"Dutch: de checkout is erg traag",
			at("checkout traag", "Sinds 11:30 is de checkout erg traag, elke stap duurt heel lang.", "normal"),
			Medium, "checkout-api", held},
		{"counter: the desk marked it high",
			at("checkout slow", "Since about 11:30 the checkout is really slow, every step takes ages before the next page shows.", "high"),
			High, "checkout-api", "checkout-api"},
		{"counter: German, a group of people reached (in allen Filialen)",
			at("Checkout langsam", "Seit 11:30 ist der Checkout in allen Filialen sehr langsam, jede Seite lädt ewig.", "normal"),
			High, "checkout-api", "checkout-api"},
		{"counter: Spanish, a group of people reached (no solo a mí, a mucha gente)",
			at("checkout lento", "Desde las 11:30 el checkout tarda muchísimo, no solo a mí, a mucha gente.", "normal"),
			High, "checkout-api", "checkout-api"},
		{"counter: a failure told beside the slowness",
			at("checkout slow", "Since about 11:30 the checkout is really slow and then my order fails with an error.", "normal"),
			High, "checkout-api", "checkout-api"},
	})
	spike := projectWith(t, gen.Incident{Service: "checkout-api", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		FailRate: 0.5, Status: 504, Message: "cart {n} timed out after {ms}ms waiting on the pricing service"})
	checkVerdicts(t, spike, []verdictCase{
		{"counter: a failure spike is no moderate rise",
			Ticket{Subject: "checkout slow", Description: "Since about 11:30 the checkout is really slow, every step takes ages before the next page shows.", Priority: "normal", CreatedAt: noon},
			High, "checkout-api", "checkout-api"},
	})
}
