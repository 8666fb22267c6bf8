package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// TestTriage_aResolutionNamingASpikedStretchStaysLow pins round fifty's
// review: a new ticket that says a stretch is over (thanks, "resolved", a
// request to close, a retraction, a negation) stays low though the logs
// show most sign-ins failing in the stretch it names. Round fifty's
// confirmedPast read such notes as past reports on the logs alone, since
// none of them reports a failure the lists read; it was taken out.
func TestTriage_aResolutionNamingASpikedStretchStaysLow(t *testing.T) {
	most := projectWith(t, gen.Incident{Service: "auth", Start: noon.Add(-3 * time.Hour), Duration: 40 * time.Minute,
		FailRate: 0.8, Status: 503, Message: "login for user={email} failed: session store {ip} out of memory"})
	at := func(subject, description string) Ticket {
		return Ticket{Subject: subject, Description: description, Priority: "normal", CreatedAt: noon}
	}
	checkVerdicts(t, most, []verdictCase{
		{"en a thanks naming the stretch",
			at("Login", "The login trouble from 09:00 to 09:40 this morning is resolved, many thanks."), Low, "auth", "resolution"},
		{"en resolved on our end",
			at("Sign-in", "Our sign-in issue between 09:00 and 09:40 is fixed on our end, everything is fine now."), Low, "auth", "resolution"},
		{"en a negation: not down for us",
			at("Login", "From 09:00 to 09:40 the login did not go down for our staff at all, all good now."), Low, "auth", "resolution"},
		{"de works again, thanks",
			at("Anmeldung", "Die Anmeldung von 09:00 bis 09:40: funktioniert wieder, vielen Dank!"), Low, "auth", "resolution"},
		{"fr settled on our side, thanks",
			at("Connexion", "La connexion de 09h00 à 09h40 : c'est réglé de notre côté, merci bien !"), Low, "auth", "resolution"},
		{"es solved, thanks",
			at("Inicio de sesión", "El inicio de sesión de 09:00 a 09:40 ya funciona otra vez, ¡gracias!"), Low, "auth", "resolution"},
		{"de the ticket may be closed",
			at("Anmeldung", "Von 09:00 bis 09:40 klappte die Anmeldung nicht. Geht jetzt wieder, das Ticket kann geschlossen werden."), Low, "auth", "resolution"},
		{"uk the ticket may be closed",
			at("Вхід", "Від 09:00 до 09:40 не вдавалося увійти. Зараз працює, тікет можна закрити."), Low, "auth", "resolution"},
		{"en a retraction",
			at("Login", "Login between 09:00 and 09:40: false alarm, our proxy was at fault. Works now."), Low, "auth", "resolution"},
		{"en a reply over the desk's note of the stretch",
			at("Re: Login", "All fine again, thanks.\n\nOn Fri, Support wrote:\n> We saw sign-in errors between 09:00 and 09:40."), Low, "auth", "resolution"},
	})
}
