package triage

import (
	"testing"
	"time"
)

// TestDeskPriority_reviewMisfires are the review of round sixty-one's
// misfire texts, which that round's open-band choice got wrong: a
// resolution and a past failure with a request chosen up by a high
// priority, an all-customer outage chosen down by a low one. The round's
// mechanism was reverted (examples/tickets/README.md); the desk priority
// is again one weighted signal among the others.
func TestDeskPriority_reviewMisfires(t *testing.T) {
	at := func(description, priority string, created time.Time) Ticket {
		return Ticket{Subject: "Checkout", Description: description, Priority: priority, CreatedAt: created}
	}
	checkVerdicts(t, spikeProject(t), []verdictCase{
		{"de a resolution, clean logs, high: low",
			at("Die Kasse funktioniert seit gestern wieder einwandfrei, danke. Bitte schließen.", "high", noon.Add(-time.Hour)),
			Low, "checkout-api", "logs: the service is clean"},
	})
	checkVerdicts(t, textProject(), []verdictCase{
		{"en a past failure and a request, no logs, high: medium",
			at("Last week checkout failed for a couple of hours; could you send us the incident report?", "high", noon),
			Medium, "checkout-api", "a question"},
		{"ru payment fails for all our customers, no logs, low: critical",
			at("Оплата не проходит ни у кого из наших клиентов уже полчаса.", "low", noon),
			Critical, "checkout-api", "outage words for many users"},
	})
}
