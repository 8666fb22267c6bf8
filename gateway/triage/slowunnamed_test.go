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

// Review of round seventy-nine: the reviewer's texts the round read wrong.
// Beside failure words, a degradation word that tells how often or when
// ("sometimes", "late", "delayed", "delay"), slowness that is the
// support's ("slow to answer", "ewig auf eure Antwort"), German "langsam"
// as "by now", and slowness in a quoted or possible sentence ("may see
// slow responses") pick no service; a failure only feared is not raised by
// the desk's priority on the picked service, nor by slowOne.
func TestSlowUnnamed_reviewWordsThatTellNoSlowness(t *testing.T) {
	p := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-2 * time.Hour), Duration: 3 * time.Hour,
		SlowShare: 0.6, Message: "psp call took 9000ms {id}"})
	at := func(description string) Ticket {
		return Ticket{Subject: "problem", Description: description, Priority: "high", CreatedAt: noon}
	}
	checkVerdicts(t, p, []verdictCase{
		{"n11: sometimes is how often",
			at("Sometimes the page just shows error 502 for our staff."), Medium, "", "no service named"},
		{"n10: the late reply",
			at("Sorry for the late reply. Our whole team now gets error 500 on every page we open."), High, "", "no service named"},
		{"n15: a delayed pickup",
			at("Our laundry pickup was delayed by two days and nobody answers the phone. This is unacceptable, the whole hotel is waiting."), Medium, "", "no service named"},
		{"n28: delay the pickup",
			at("Please delay our pickup to tomorrow. The app shows an error 500 when changing it."), Medium, "", "no service named"},
		{"n13: the support is slow to answer",
			at("Your support is so slow to answer. Meanwhile every page gives our staff an error 503."), High, "", "no service named"},
		{"n32: ewig auf eure Antwort",
			at("Ich warte ewig auf eure Antwort! Jetzt zeigt die App allen Kollegen Fehler 503."), Medium, "", "no service named"},
		{"n14: langsam reicht es mir",
			at("Langsam reicht es mir: alle unsere Mitarbeiter bekommen nur noch Fehlermeldungen."), Medium, "", "no service named"},
		{"n18: a status page's possible slowness",
			at("Your status page says 'some users may see slow responses and timeouts'. All fine here, just asking if we need to do anything."), Medium, "", "no service named"},
		{"n22: a failure feared is not raised by the desk",
			at("The app takes forever; I'm worried it will end in an error before my slot is gone. Please check."), Medium, "payments", "logs confirm the slowness"},
		{"x2: a failure feared is not raised by slowOne",
			at("The app takes forever; I'm worried it will end in an error before my slot is gone. Can you check?"), Medium, "payments", "logs confirm the slowness"},
		// Counter-rows: the same shapes with the system's slowness, seen.
		{"counter h05: slow, then an error 504",
			at("The app is super slow and then shows an error 504. Can you please check?"), High, "payments", "65% of its requests slowed, the slowdown running"},
		{"counter: the failure seen after a long wait",
			at("The app takes forever and then it ends in an error. Please check."), High, "payments", "the slowness reported (\"take forever\"); 65% of its requests slowed"},
		{"counter: slow to load, then an error for the staff",
			at("Your app is so slow to load. Meanwhile every page gives our staff an error 503."), High, "payments", "the slowness reported (\"slow\"); 65% of its requests slowed"},
		{"counter h31: 慢, then a time-out error, seen in characters",
			at("应用非常慢，然后显示超时错误。我们全体员工都受影响。"), High, "payments", "the slowness reported (\"慢\"); 65% of its requests slowed"},
		{"counter: langsam, dann Fehler",
			at("Die App ist sehr langsam und zeigt dann allen Kollegen Fehler 503."), High, "payments", "the slowness reported (\"langsam\", \"långsam\"); 65% of its requests slowed"},
	})
	// n36: the slowdown ended 35 minutes before a ticket about the present.
	ended := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-2 * time.Hour), Duration: 85 * time.Minute,
		SlowShare: 0.6, Message: "psp call took 9000ms {id}"})
	checkVerdicts(t, ended, []verdictCase{
		{"n36: a slowdown that ended well before",
			at("Everything is very slow and then shows a gateway timeout for all our staff."), Medium, "", "no service named"},
	})
}
