package triage

import (
	"strings"
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
	// The read-through's merge into slowReachCap: a group reached is said
	// as round fifty-six says it (each group row failed without it).
	const notHeld = "not held at medium: slowness told while the service's failures rose moderately in the window reaching a group of people"
	portugueseGroup := func(name, told string) verdictCase {
		return verdictCase{"counter: Portuguese, " + name, at("checkout lento", "Desde as 11:30 o checkout está "+told+".", "normal"),
			High, "checkout-api", notHeld}
	}
	// The review's mend: the line says what was read (a moderate rise in
	// the window), not that the slow requests time out.
	const held = "held at medium: slowness told while the service's failures rose moderately in the window, no reach of many read"
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
			High, "checkout-api", notHeld},
		{"counter: Spanish, a group of people reached (no solo a mí, a mucha gente)",
			at("checkout lento", "Desde las 11:30 el checkout tarda muchísimo, no solo a mí, a mucha gente.", "normal"),
			High, "checkout-api", notHeld},
		// The review's mend: Portuguese groups (its text 53), read by
		// groupReach.
		portugueseGroup("all the guests and not only me (the review's text)", "muito lento para todos os hóspedes do nosso hotel, não só para mim"),
		portugueseGroup("all the guests (todos os hóspedes)", "muito lento para todos os hóspedes do nosso hotel"),
		portugueseGroup("all the users (todos os utilizadores)", "muito lento para todos os utilizadores da empresa"),
		portugueseGroup("not only for me (não só para mim)", "muito lento, não só para mim"),
		portugueseGroup("not only to me (não só a mim)", "muito lento, e não só a mim"),
		{"Portuguese: one writer's slowness is still held",
			at("checkout lento", "Desde as 11:30 o checkout está muito lento para mim.", "normal"),
			Medium, "checkout-api", held},
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

// TestSlowFailing_aDayLongWindowDilutingAnEarlierIncident: the shape the
// cap fires on in the review's world. A ticket about "today" reads the
// whole day; an earlier outage of another kind (bookings not saved, over
// by the morning) averages to a moderate rise in that window. The
// writer's slowness is one writer's, medium, and the reason line tells a
// moderate rise in the window, not time-outs.
func TestSlowFailing_aDayLongWindowDilutingAnEarlierIncident(t *testing.T) {
	p := projectWith(t, gen.Incident{Service: "checkout-api", Start: noon.Add(-5 * time.Hour), Duration: 50 * time.Minute,
		FailRate: 0.5, Status: 503, Message: "booking {n} not saved: slot service refused the connection"},
		gen.Incident{Service: "checkout-api", Start: noon.Add(-time.Hour), Duration: time.Hour,
			FailRate: 0.02, Status: 502, Message: "tracking page {n} failed: upstream connection reset"})
	checkVerdicts(t, p, []verdictCase{
		{"English: the checkout is slow today",
			Ticket{Subject: "checkout slow today", Description: "The checkout is so slow today, every page takes ages to show.", Priority: "normal", CreatedAt: noon},
			Medium, "checkout-api", "held at medium: slowness told while the service's failures rose moderately in the window"},
	})
}

// TestSlowFailing_aGroupIsReadOnACoreFlowOnly is the read-through's: off a
// core flow the hold reads no group and its line says the service is no
// core flow (a partial degradation), on a core flow a group lifts it
// (fails with the cap's core test taken out). Read on the cap itself:
// off a core flow no verdict of this claim on a moderate rise is above
// medium for the hold to lower (slowfailing.go).
func TestSlowFailing_aGroupIsReadOnACoreFlowOnly(t *testing.T) {
	f := &facts{claim: claimDegraded, toks: tokenize("Seit 11:30 ist die Suche in allen Filialen sehr langsam, jede Seite lädt ewig.")}
	if most, why := slowReachCap(f, LevelModerate, false); most != Medium || !strings.Contains(why, "on a service that is no core flow") {
		t.Errorf("no core flow: cap %q (%s), want %q on a service that is no core flow", most, why, Medium)
	}
	if most, why := slowReachCap(f, LevelModerate, true); most != "" || !strings.Contains(why, "reaching a group of people") {
		t.Errorf("core flow: cap %q (%s), want none, a group reached", most, why)
	}
}
