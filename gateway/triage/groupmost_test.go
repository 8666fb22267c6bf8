package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// Round eighty-seven (groupmost.go): others told as reached by the
// writer's failure, while most of a core flow's requests fail.

// paymentsMostFail is a world where 70 % of the payments requests fail
// from 40 minutes before noon.
func paymentsMostFail(t *testing.T) Project {
	return projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		FailRate: 0.7, Status: 503, Message: "charge ch_{id} refused: processor {ip} unreachable"})
}

// TestGroupMost_othersReachedWhileMostFailIsCritical: a failure the writer
// reports, which a group besides the writer has too, while 70 % of the
// payments requests fail, is critical; people who only wait on the
// outcome, a question and the writer alone stay high or below.
func TestGroupMost_othersReachedWhileMostFailIsCritical(t *testing.T) {
	p, at := paymentsMostFail(t), normalAt
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

// TestGroupMost_theGroupsOwnCountAndClause (the review's mends): a count
// of two or three counts only beside the group's own words, never an
// article ("eine Fehlermeldung", "una trentina") nor "one" elsewhere
// ("one after another"); a round count ("una trentina di persone") is a
// count; a failure word counts only in the group's own clause ("tried to
// help me but couldn't figure it out" tells no failure of theirs).
func TestGroupMost_theGroupsOwnCountAndClause(t *testing.T) {
	p, at := paymentsMostFail(t), normalAt
	const why = "raised to critical: others reached besides the writer"
	checkVerdicts(t, p, []verdictCase{
		{"an article in the group's sentence is no count",
			at("Kartenzahlung geht nicht", "Meine Kartenzahlung schlägt mit einem Fehler fehl. Alle Kollegen im Büro bekommen beim Bezahlen eine Fehlermeldung, dieselbe wie ich."),
			Critical, "payments", why},
		{"one after another is no count of the group",
			at("Card payment error", "My card payment was rejected with a server error. 50+ members of our expat forum report the exact same failure, one after another."),
			Critical, "payments", why},
		{"a round count: una trentina di persone",
			at("Pagamento con carta", "Il mio pagamento con carta fallisce, errore ogni volta. Anche tutto il personale dell'albergo, una trentina di persone, ha lo stesso errore."),
			Critical, "payments", why},
		{"counter: the group's own count of two",
			at("Zahlung fehlgeschlagen", "Seit 11:30 Uhr wird meine Kartenzahlung abgelehnt. Betrifft auch zwei Kolleginnen im Büro, gleiches Ergebnis."),
			High, "payments", "payments"},
		{"counter: a failure word in another clause than the group's",
			at("Card payment error", "My card payment fails with an error. All my colleagues tried to help me but couldn't figure it out."),
			High, "payments", "payments"},
		{"counter: the writer's failure after the group's clause",
			at("Card payment error", "My card payment fails with an error. All my colleagues were waiting for me at lunch but the payment still failed."),
			High, "payments", "payments"},
		{"counter: one other person with the same problem",
			at("Le paiement expire", "Je clique sur « Payer » par carte, l'écran tourne et finit par « délai dépassé ». Mon mari a le même problème sur son téléphone depuis une demi-heure."),
			High, "payments", "payments"},
		{"counter: the writer's own failure in the group's clause",
			at("Card payment error", "My card payment fails with an error. All my colleagues are annoyed because I can't pay for our lunch."),
			High, "payments", "payments"},
	})
}

// TestScopeWords_aNameIsNoScopeWord (round eighty-seven's README, "Left"):
// the signature "Nikos" is no "niko" (nobody): a scope word matches as
// written, not through the plural ending the stem drops; the word itself
// still reads.
func TestScopeWords_aNameIsNoScopeWord(t *testing.T) {
	p, at := paymentsMostFail(t), normalAt
	checkVerdicts(t, p, []verdictCase{
		{"a signature's name",
			at("Server error when paying", "At the last step of the card payment I got \"Server error\" 3 times. I gave up and went to dinner.\n\nThank you,\nNikos"),
			High, "payments", "payments"},
		{"counter: the word as written",
			at("Card payment down", "Card payment: niko ne može platiti, server error every time."),
			Critical, "payments", `"niko"`},
	})
}
