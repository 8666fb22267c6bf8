package triage

import (
	"testing"
	"time"
)

// Round sixty: a ticket whose words leave the service open is placed by
// the one service whose own words (its aliases' and its failure log
// lines') it shares: two words, or for a failure report one alias word
// (vocabplace.go). The guards are texts it must leave without a service.
func TestVocabService_placesByAServicesOwnWords(t *testing.T) {
	created := time.Date(2042, 9, 1, 16, 20, 0, 0, time.UTC)
	tr := New(Project{Services: []Service{
		{Name: "checkout-api", Aliases: []string{"scooter unlock", "day pass"}, Core: true},
		{Name: "payments", Aliases: []string{"wallet", "deposit"}, Core: true},
		{Name: "auth", Aliases: []string{"sign in", "phone code"}, Core: true},
		{Name: "search", Aliases: []string{"vehicle map"}},
		{Name: "notifications", Aliases: []string{"ride receipt", "battery alert"}},
	}}, Settings{})
	tpls := map[string]map[string]*tplCount{
		"payments":      {"settlement export for merchant=<id> failed: ledger <ip> timeout": {base: 4, win: 2}},
		"checkout-api":  {"fare for ride=<id> not priced: tariff engine <ip> stale": {base: 5, win: 1}},
		"search":        {"vehicles near cell=<num> waited <num>ms on fleet position index": {base: 6}},
		"notifications": {"fleet push for <id> failed: broker <ip> down": {base: 3}},
	}
	for _, tc := range []struct {
		name, subject, text, want string
	}{
		{name: "one alias word in a failure report", subject: "Receipts",
			text: "Since yesterday no receipt arrives after my rides, I need them for my employer.", want: "notifications"},
		{name: "a question with two of a service's log words", subject: "Settlement columns",
			text: "Which columns does the settlement ledger file contain? Thanks.", want: "payments"},
		{name: "an alias word and a log word", subject: "Tariff",
			text: "Why was my scooter priced at another tariff than the app showed?", want: "checkout-api"},
		// guards: the words must leave the service open
		{name: "a privacy request", subject: "Delete data",
			text: "Under the GDPR please erase all personal data of our former driver, his settlement ledger too."},
		{name: "a question with one alias word", subject: "Question",
			text: "Can I get a receipt with our company's name on it?"},
		{name: "a word in two services' own words", subject: "Fleet",
			text: "Our fleet manager asks: how do I count the vehicles per zone?"},
		{name: "an everyday or code word is no service's own", subject: "Export",
			text: "Could you send me the export of last month's settlement?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tk := Ticket{Subject: tc.subject, Description: tc.text, CreatedAt: created}
			_, toks, sig := readTicket(tk, tc.text)
			c, _ := classify(sig, &trace{})
			mentions, _ := rankServices(tr.p.Services, toks, &sig, len(tokenize(tc.subject)), tr.matcher.findAll(toks, true))
			ev := &Evidence{Services: map[string]*ServiceEvidence{}, logWords: &logWordsCache{tpls: tpls}}
			for _, s := range tr.p.Services {
				ev.Services[s.Name] = &ServiceEvidence{Service: s.Name, Level: LevelClean}
			}
			f := &facts{claim: c, sig: sig, mentions: mentions, ev: ev, toks: toks, created: created,
				ref: TimeRef{Window: Window{From: created.Add(-2 * time.Hour), To: created}}}
			if s, _, _ := tr.pickService(f); s != "" {
				t.Fatalf("claim %s: the words name %s already: the row tests nothing", c, s)
			}
			v := tr.decide(f, &trace{})
			if v.service != tc.want {
				t.Errorf("claim %s: service %q, want %q (reasons %q)", c, v.service, tc.want, v.reasons)
			}
		})
	}
}
