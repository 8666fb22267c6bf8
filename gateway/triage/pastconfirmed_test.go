package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// TestTriage_aPastStretchTheLogsConfirmIsNoThanks is round fifty's: a new
// ticket that says "it works now" of a past stretch it names, in which
// most of the sign-in's requests failed, reports that stretch (the labels
// judge a past-time report on the logs of the time it names); it is not a
// thanks. Not when the writer asks to close, thanks for a fix, the desk
// marked it low, or the stretch saw a minority failing.
func TestTriage_aPastStretchTheLogsConfirmIsNoThanks(t *testing.T) {
	signIn := func(rate float64) gen.Incident {
		return gen.Incident{Service: "auth", Start: noon.Add(-3 * time.Hour), Duration: 40 * time.Minute,
			FailRate: rate, Status: 503, Message: "login for user={email} failed: session store {ip} out of memory"}
	}
	most := projectWith(t, signIn(0.8))
	at := func(subject, description, priority string) Ticket {
		return Ticket{Subject: subject, Description: description, Priority: priority, CreatedAt: noon}
	}
	const why = "a past report: the logs show most requests failing"
	checkVerdicts(t, most, []verdictCase{
		{"uk the team could not sign in 09:00-09:40, works now: high",
			at("Вхід", "Сьогодні з 09:00 до 09:40 вся наша команда не могла увійти в застосунок. Зараз працює, але прошу пояснення.", "normal"), High, "auth", why},
		{"ru the drivers could not sign in 09:00-09:40, works now: high",
			at("Вход", "Сегодня около 09:00 ни один наш водитель не мог войти в приложение, примерно до 09:40. Сейчас работает, хотим понять причину.", "normal"), High, "auth", why},
		{"de the sign-in this morning 09:00-09:40, runs again: high",
			at("Anmeldung heute Morgen", "Heute zwischen 09:00 und 09:40 Uhr konnte sich bei uns so gut wie niemand in der App anmelden. Jetzt läuft wieder alles. Könnt ihr uns sagen, wie lange genau?", "normal"), High, "auth", why},
		{"es the drivers could not sign in 09:00-09:40, works now: high",
			at("Acceso", "Hoy de 09:00 a 09:40 ninguno de nuestros conductores hizo el inicio de sesión en la app. Ya funciona, pero queremos saber la causa.", "normal"), High, "auth", why},
		// guards: a request to close, a thanks for the fix, the desk's low
		{"en a request to close after 09:00-09:40: low",
			at("Sign-in", "Sign-in between 09:00 and 09:40 today, it works now, you can close this.", "normal"), Low, "auth", "resolution"},
		{"en a thanks for the fix after 09:00-09:40: low",
			at("Sign-in", "The sign-in between 09:00 and 09:40 today: thanks for the quick fix.", "normal"), Low, "auth", "resolution"},
		{"uk the same, marked low: low",
			at("Вхід", "Сьогодні з 09:00 до 09:40 вся наша команда не могла увійти в застосунок. Зараз працює, але прошу пояснення.", "low"), Low, "auth", "resolution"},
	})
	minority := projectWith(t, signIn(0.3))
	checkVerdicts(t, minority, []verdictCase{
		{"uk a minority failing 09:00-09:40: low",
			at("Вхід", "Сьогодні з 09:00 до 09:40 вся наша команда не могла увійти в застосунок. Зараз працює, але прошу пояснення.", "normal"), Low, "auth", "resolution"},
	})
}
