package triage

import (
	"fmt"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// TestTriage_aTicketOnAServiceMostlyFailingIsHigh is round forty-eight's
// first: when most of a service's requests fail in the window, a ticket
// about that service is part of a failure for many, high, even where the
// words read no failure or only the writer's own; not a question, nor what
// the desk marked low, nor a rise that fails a minority of requests.
func TestTriage_aTicketOnAServiceMostlyFailingIsHigh(t *testing.T) {
	most := projectWith(t,
		mailFailing(noon.Add(-30*time.Minute), time.Hour, 0.8),
		gen.Incident{Service: "search", Start: noon.Add(-30 * time.Minute), Duration: time.Hour,
			FailRate: 0.8, Status: 503, Message: "query q={id} failed: index node {ip} restarting"})
	at := func(subject, description, priority string) Ticket {
		return Ticket{Subject: subject, Description: description, Priority: priority, CreatedAt: noon}
	}
	checkVerdicts(t, most, []verdictCase{
		{"en the e-mails, no failure read: high",
			at("Order confirmation e-mails", "Writing about the order confirmation e-mails of today.", "normal"), High, "notifications", "most notifications requests failing"},
		{"es la búsqueda, no failure read: high",
			at("Búsqueda del catálogo", "Les escribo por la búsqueda del catálogo de esta mañana.", "normal"), High, "search", "most search requests failing"},
		{"de die Suche, no failure read: high",
			at("Katalogsuche", "Es geht um die Suche im Katalog, seit heute Vormittag.", "normal"), High, "search", "most search requests failing"},
		{"fr les e-mails, no failure read: high",
			at("E-mails de confirmation", "Je vous écris au sujet des e-mails de confirmation de commande d'aujourd'hui.", "normal"), High, "notifications", "most notifications requests failing"},
		{"ja SMS通知の件, no failure read: high",
			at("SMS通知", "本日のSMS通知の件でご連絡します。", "normal"), High, "notifications", "most notifications requests failing"},
		// guards: a question, the desk's low
		{"en a question about the e-mails: not raised",
			at("Confirmation e-mails?", "How do I turn off the order confirmation e-mails?", "normal"), Low, "notifications", "words: question"},
		{"en the e-mails marked low: not raised",
			at("Order confirmation e-mails", "Writing about the order confirmation e-mails of today.", "low"), Medium, "notifications", "error spike"},
		// mended after the round's review: the subject's question guards a
		// note the words read nothing of; so does a question in the body;
		// a thanks with resolution words is low
		{"en a note whose subject asks: not raised",
			at("Confirmation e-mails?", "Writing about the order confirmation e-mails of today.", "normal"), Medium, "notifications", "error spike"},
		{"en a question in the body: not raised",
			at("Order confirmation e-mails", "Which sender address do the order confirmation e-mails use?", "normal"), Medium, "notifications", "error spike"},
		{"de eine Frage im Text: not raised",
			at("Bestätigungs-E-Mails", "Welche Absenderadresse haben die Bestätigungs-E-Mails?", "normal"), Medium, "notifications", "error spike"},
		{"en a thanks, it is fixed: low",
			at("Order confirmation e-mails", "Thanks, the order confirmation e-mails arrive again, it is fixed now.", "normal"), Low, "notifications", "resolution"},
	})
	minority := projectWith(t, mailFailing(noon.Add(-30*time.Minute), time.Hour, 0.3))
	checkVerdicts(t, minority, []verdictCase{
		{"en the e-mails, a minority failing: not raised",
			at("Order confirmation e-mails", "Writing about the order confirmation e-mails of today.", "normal"), Medium, "notifications", "error spike"},
	})
	// The cut is three requests in five: at 55 % not raised, at 65 % high.
	for _, c := range []struct {
		rate float64
		sev  string
		why  string
	}{{0.55, Medium, "error spike"}, {0.65, High, "most notifications requests failing"}} {
		p := projectWith(t, mailFailing(noon.Add(-30*time.Minute), time.Hour, c.rate))
		checkVerdicts(t, p, []verdictCase{
			{fmt.Sprintf("en the e-mails, %.0f%% failing", c.rate*100),
				at("Order confirmation e-mails", "Writing about the order confirmation e-mails of today.", "normal"), c.sev, "notifications", c.why},
		})
	}
}

// TestTriage_mostFailingNeedsTheSpikeAtTheNote is the mend of round
// forty-eight's review: where the words read no failure, a spike that ended
// before the ticket was written, outside a stretch it names, does not make
// a note (a thanks just after it, "since 08:00") high.
func TestTriage_mostFailingNeedsTheSpikeAtTheNote(t *testing.T) {
	ended := projectWith(t, mailFailing(noon.Add(-70*time.Minute), time.Hour, 0.8))
	at := func(subject, description string) Ticket {
		return Ticket{Subject: subject, Description: description, Priority: "normal", CreatedAt: noon}
	}
	checkVerdicts(t, ended, []verdictCase{
		{"en a thanks after the spike: not raised", at("SMS", "Thanks, the SMS notices arrive again."), Medium, "notifications", "error spike"},
		{"sw asante after the spike: not raised", at("SMS", "Asante sana, ujumbe wa SMS sasa unafika tena."), Medium, "notifications", "error spike"},
		{"yo e se after the spike: not raised", at("SMS", "E se pupo, SMS ti n de bayi."), Medium, "notifications", "error spike"},
	})
	early := projectWith(t, mailFailing(noon.Add(-3*time.Hour), 40*time.Minute, 0.8))
	checkVerdicts(t, early, []verdictCase{
		{"en since 08:00, spike over at 09:40: not raised",
			at("Order confirmation e-mails", "Writing about the order confirmation e-mails since 08:00 today"), Medium, "notifications", "error spike"},
	})
}

// TestTriage_slownessTheWarningsConfirmMarkedHighIsHigh is round
// forty-eight's second: slowness the service's warnings confirm, on a
// ticket the desk marked urgent or high, is high whatever the words say of
// the writer's reach; at the desk's normal it stays medium.
func TestTriage_slownessTheWarningsConfirmMarkedHighIsHigh(t *testing.T) {
	p := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		SlowShare: 0.5, Message: "psp call took 9000ms {id}"})
	at := func(description, priority string) Ticket {
		return Ticket{Subject: "card payments slow", Description: description, Priority: priority, CreatedAt: noon}
	}
	checkVerdicts(t, p, []verdictCase{
		{"en one timeout, marked high: high",
			at("The card payment spinner runs for a minute, I got a timeout.", "high"), High, "payments", "payments warnings confirm"},
		{"sv en timeout, marked urgent: high",
			at("Kortbetalningen är mycket långsam, jag fick en timeout.", "urgent"), High, "payments", "payments warnings confirm"},
		{"pl płatność wolna, marked high: high",
			at("Płatność kartą trwa bardzo długo, dostałem timeout.", "high"), High, "payments", "payments warnings confirm"},
		// guard: the desk's normal
		{"en one timeout, normal: medium",
			at("The card payment spinner runs for a minute, I got a timeout.", "normal"), Medium, "payments", "slowness"},
		// mended after the round's review: the priority may be the
		// requester's; not a question, nor slowness the writer plays down
		// for themselves, nor the account's own invoice
		{"en slow for me, not a big deal, marked high: medium",
			at("Card payments feel a bit slow for me, not a big deal.", "high"), Medium, "payments", "slowness"},
		{"en a question, marked high: medium",
			at("Are card payments slow today? One of my payments took a while.", "high"), Medium, "payments", "slowness"},
		{"en my invoice by card, marked high: medium",
			at("Paying my invoice by card is slow, I got a timeout", "high"), Medium, "payments", "slowness"},
	})
}

// mailFailing is an incident in which a share rate of the notifications
// service's mails fail with 503, from start for d.
func mailFailing(start time.Time, d time.Duration, rate float64) gen.Incident {
	return gen.Incident{Service: "notifications", Start: start, Duration: d,
		FailRate: rate, Status: 503, Message: "mail id={uuid} not sent: relay {ip} refused connection"}
}
