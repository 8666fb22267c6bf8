package triage

import (
	"testing"
	"time"
)

// Round fifty-five: a failure report whose words leave the service open,
// or name one only by a synonym or a tag while its logs are clean, is the
// failing service's whose own window lines share two content words with
// it, read on the world's log text (logwords.go).
func TestLogWordsService_theFailingServiceWhoseLinesShareTheTicketsWords(t *testing.T) {
	created := time.Date(2042, 9, 1, 16, 20, 0, 0, time.UTC)
	tr := New(Project{Services: []Service{
		{Name: "checkout-api", Aliases: []string{"parking session"}, Core: true},
		{Name: "payments", Aliases: []string{"card payment"}, Core: true},
		{Name: "auth", Aliases: []string{"sign in"}, Core: true},
		{Name: "search", Aliases: []string{"zone map"}},
		{Name: "notifications", Aliases: []string{"session reminder"}},
	}}, Settings{})
	failing := func(svc string, end time.Time, tpls ...string) *ServiceEvidence {
		return &ServiceEvidence{Service: svc, Level: LevelStrong, Rate: 0.3, Ratio: 40, Onset: created.Add(-20 * time.Minute), End: end, RisenTemplates: tpls}
	}
	clean := func(svc string) *ServiceEvidence { return &ServiceEvidence{Service: svc, Level: LevelClean} }
	tokenIssue := "partner API token for <id> not issued: key store <ip> is a stale replica"
	charge := "charge ch_<id> refused: acquirer <ip> restarting"
	reminder := "session ending reminder id=<uuid> not pushed: push broker <ip> dropped the batch"
	for _, tc := range []struct {
		name, subject, text string
		tags                []string
		ev                  []*ServiceEvidence
		want                string
		// since: the ticket names when it began (not a vague present,
		// which stale sets aside already)
		since bool
	}{
		{name: "a tag names a clean service", subject: "Partner API token endpoint: ~25% HTTP 500 since 17:00",
			text: "About a quarter of our calls to refresh the token return 500.", tags: []string{"email"},
			ev: []*ServiceEvidence{failing("auth", created, tokenIssue), clean("notifications")}, want: "auth"},
		{name: "no service named, German with the log's English words", subject: "Geht nicht mehr",
			text: "Seit 16 Uhr bekommen alle Kunden nichts mehr, der Broker verwirft jeden Batch.",
			ev: []*ServiceEvidence{failing("notifications", created, reminder), clean("auth"),
				failing("payments", created, charge)}, want: "notifications"},
		// guards: each ticket's words leave the service open or name a
		// clean one, and another service fails alike (no clear anomaly)
		{name: "a question", subject: "How do I refresh a partner API token?",
			text: "How do I refresh the partner API token in the key store?", tags: []string{"email"},
			ev: []*ServiceEvidence{failing("auth", created, tokenIssue), failing("payments", created, charge)}},
		{name: "the name or an alias is the world's word already", subject: "Parking session errors",
			text: "Starting a parking session fails for everyone since the partner token refresh.",
			ev:   []*ServiceEvidence{failing("auth", created, tokenIssue), clean("checkout-api")}},
		{name: "one word shared", subject: "Token errors",
			text: "Every request for a token fails with 500 since noon.",
			ev:   []*ServiceEvidence{failing("auth", created, tokenIssue), failing("payments", created, charge)}},
		{name: "the words in two failing services' lines", subject: "Partner token errors",
			text: "All partner token calls fail with 500, the replica again?",
			ev: []*ServiceEvidence{failing("auth", created, tokenIssue),
				failing("notifications", created, "partner token push for <id> failed: broker <ip> down")}},
		{name: "a compound is no ending", subject: "Errors in our priceradar feed pull",
			text: "Our priceradar pull returns errors for everyone since noon.",
			ev: []*ServiceEvidence{failing("checkout-api", created, "price match for cart=<num> failed: competitor price feed <ip> answered <num>"),
				failing("payments", created, charge)}},
		{name: "a present report and a failure that ended", subject: "Partner API token endpoint: ~25% HTTP 500 since 14:20",
			text: "About a quarter of our calls to refresh the partner token return 500.", tags: []string{"email"}, since: true,
			ev: []*ServiceEvidence{failing("auth", created.Add(-time.Hour), tokenIssue), clean("notifications")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tk := Ticket{Subject: tc.subject, Description: tc.text, Tags: tc.tags, CreatedAt: created}
			_, toks, sig := readTicket(tk, tc.text)
			c, _ := classify(sig, &trace{})
			mentions, _ := rankServices(tr.p.Services, toks, &sig, len(tokenize(tc.subject)), tr.matcher.findAll(toks, true))
			ev := &Evidence{Services: map[string]*ServiceEvidence{}}
			for _, se := range tc.ev {
				ev.Services[se.Service] = se
			}
			f := &facts{claim: c, sig: sig, mentions: mentions, ev: ev, toks: toks, created: created,
				ref: TimeRef{Found: tc.since, Onset: tc.since, Window: Window{From: created.Add(-2 * time.Hour), To: created}}}
			service, se, _ := tr.pickService(f)
			a, why := tr.logWordsService(f, service, se)
			if se != nil && levelRank(se.Level) >= levelRank(LevelModerate) {
				t.Fatalf("claim %s: the words or an anomaly placed %s already: the row tests nothing", c, service)
			}
			switch {
			case tc.want == "" && a != nil:
				t.Errorf("claim %s: moved from %q to %s (%s), want it left", c, service, a.Service, why)
			case tc.want != "" && (a == nil || a.Service != tc.want):
				t.Errorf("claim %s: service %q, log words %v, want %s", c, service, a, tc.want)
			}
		})
	}
}
