package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// Round seventy-nine (slowunnamed.go): slowness told beside failure words.

// TestSlowUnnamed_slownessBesideFailureWordsIsTheSlowedService: a report
// naming no service that tells slowness and a time-out or an error is
// about the service in a slowdown (30 % of its requests slowed), not read
// on clean failures everywhere.
func TestSlowUnnamed_slownessBesideFailureWordsIsTheSlowedService(t *testing.T) {
	p := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		SlowShare: 0.6, Message: "psp call took 9000ms {id}"})
	at := func(subject, description string) Ticket {
		return Ticket{Subject: subject, Description: description, Priority: "high", CreatedAt: noon}
	}
	checkVerdicts(t, p, []verdictCase{
		{"English: slow, then a gateway timeout, for all the staff",
			at("Everything extremely slow", "Since 11:30 everything is extremely slow, each screen takes forever and then shows Gateway timeout. All our staff are affected."),
			High, "payments", "payments's slow requests rose the most in the window: the slowness reported"},
		{"German: langsam, dann ein Timeout",
			at("Alles extrem langsam", "Seit 11:30 Uhr ist alles extrem langsam, jede Seite dauert ewig und bricht dann mit einem Timeout ab. Alle Kollegen sind betroffen."),
			High, "payments", "payments's slow requests rose the most in the window: the slowness reported"},
		{"Italian: lentissimo, poi un errore di timeout",
			at("Tutto lentissimo", "Dalle 11:30 è tutto lentissimo, ogni pagina ci mette un'eternità e poi dà timeout. Tutti i colleghi hanno lo stesso problema."),
			High, "payments", "payments's slow requests rose the most in the window: the slowness reported"},
		// The writer's own slowness keeps none, as round twenty-eight's.
		{"counter: slowness scoped to the writer keeps none",
			at("slow for me", "Since 11:30 everything is very slow for me and I got a timeout once."),
			Medium, "", "no service named"},
	})
}

// TestSlowUnnamed_oneWritersFailureInASlowdownIsHigh: one writer's error
// or time-out told with slowness on a core flow in a slowdown, marked high
// and asking for help, is high; a
// failure only feared, what the desk left normal and a background rise
// stay medium (slowness told alone stays round fifty-six's: slowReachCap).
func TestSlowUnnamed_oneWritersFailureInASlowdownIsHigh(t *testing.T) {
	p := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		SlowShare: 0.9, Message: "psp call took 9000ms {id}"})
	at := func(description, priority string) Ticket {
		return Ticket{Subject: "payment", Description: description, Priority: priority, CreatedAt: noon}
	}
	checkVerdicts(t, p, []verdictCase{
		{"English: the payment takes forever, then a timeout error",
			at("My payment takes forever and then ends in a timeout error. Can you look at it urgently?", "high"),
			High, "payments", "raised to high: a failure told with slowness"},
		{"Italian: il pagamento è lentissimo e poi dà errore",
			at("Il pagamento è lentissimo e alla fine dà un errore di timeout. Potete controllare?", "high"),
			High, "payments", "raised to high: a failure told with slowness"},
		{"Dutch: de betaling is traag en geeft een time-out",
			at("De betaling is extreem traag en geeft daarna een timeout. Kunnen jullie ernaar kijken?", "high"),
			High, "payments", "raised to high: a failure told with slowness"},
		{"counter: a failure only feared is no failure seen",
			at("My payment takes forever; I'm afraid it won't go through at all. Can you look at it urgently?", "high"),
			Medium, "payments", "logs confirm the slowness"},
		{"counter: what the desk left normal",
			at("My payment takes forever and then ends in a timeout error. Can you look at it urgently?", "normal"),
			Medium, "payments", "logs confirm the slowness"},
	})
	background := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		SlowShare: 0.18, Message: "psp call took 9000ms {id}"})
	checkVerdicts(t, background, []verdictCase{
		{"counter: a background rise is no slowdown",
			Ticket{Subject: "payment", Description: "Since 11:30 my payment takes forever and then ends in a timeout error. Can you look at it urgently?", Priority: "high", CreatedAt: noon},
			Medium, "payments", "payments"},
	})
}
