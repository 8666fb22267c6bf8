package triage

import (
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
		gen.Incident{Service: "notifications", Start: noon.Add(-30 * time.Minute), Duration: time.Hour,
			FailRate: 0.8, Status: 503, Message: "mail id={uuid} not sent: relay {ip} refused connection"},
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
	})
	minority := projectWith(t,
		gen.Incident{Service: "notifications", Start: noon.Add(-30 * time.Minute), Duration: time.Hour,
			FailRate: 0.3, Status: 503, Message: "mail id={uuid} not sent: relay {ip} refused connection"})
	checkVerdicts(t, minority, []verdictCase{
		{"en the e-mails, a minority failing: not raised",
			at("Order confirmation e-mails", "Writing about the order confirmation e-mails of today.", "normal"), Medium, "notifications", "error spike"},
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
	})
}
