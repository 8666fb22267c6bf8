package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// Round eighty-seven (groupmost.go): others told as reached by the
// writer's failure, while most of a core flow's requests fail.

// TestGroupMost_othersReachedWhileMostFailIsCritical: a failure the writer
// reports, which a group besides the writer has too, while 70 % of the
// payments requests fail, is critical; people who only wait on the
// outcome, a question and the writer alone stay high or below.
func TestGroupMost_othersReachedWhileMostFailIsCritical(t *testing.T) {
	p := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		FailRate: 0.7, Status: 503, Message: "charge ch_{id} refused: processor {ip} unreachable"})
	at := func(subject, description string) Ticket {
		return Ticket{Subject: subject, Description: description, Priority: "normal", CreatedAt: noon}
	}
	const why = "raised to critical: others reached besides the writer"
	checkVerdicts(t, p, []verdictCase{
		{"Ukrainian: не тільки в мене, а в усіх знайомих",
			at("Виплати не проходять", "З 11:30 виплати не проходять, помилка 'Payout failed' - не тільки в мене, а в усіх знайомих фрилансерів."),
			Critical, "payments", why},
		{"German: alle fünf Kolleginnen, gleiches Ergebnis",
			at("Zahlung fehlgeschlagen", "Seit 11:30 Uhr wird meine Kartenzahlung abgelehnt. Betrifft alle fünf Kolleginnen im Büro, gleiches Ergebnis."),
			Critical, "payments", why},
		{"counter: people waiting on the outcome, no failure in their sentence",
			at("Card payment failed", "Since 11:30 my card payment fails with 'payment failed'. 45 staff are waiting for their pay today."),
			High, "payments", "payments"},
		{"counter: the writer alone",
			at("Card payment failed", "Since 11:30 my card payment fails with 'payment failed'. Please look into it."),
			High, "payments", "payments"},
		{"counter: a question about others",
			at("Card payment", "How do I pay for all five colleagues at the counter when the card payment fails?"),
			Low, "payments", "payments"},
	})
}
