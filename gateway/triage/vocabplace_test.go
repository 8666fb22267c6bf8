package triage

import (
	"testing"
	"time"
)

// Round sixty: a ticket whose words leave the service open is placed by
// the one service whose own words (its aliases' and its failure log
// lines') it shares: two distinct words, or in a failure report one
// that is both an alias word and a log word (vocabplace.go). The
// guards are texts it must leave without a service: the misfire rows are
// plain tickets of two worlds whose one or two words are pieces of an
// alias (round sixty's review).
func TestVocabService_placesByAServicesOwnWords(t *testing.T) {
	created := time.Date(2042, 9, 1, 16, 20, 0, 0, time.UTC)
	scooter := New(Project{Services: []Service{
		{Name: "checkout-api", Aliases: []string{"scooter unlock", "day pass"}, Core: true},
		{Name: "payments", Aliases: []string{"wallet", "deposit"}, Core: true},
		{Name: "auth", Aliases: []string{"sign in", "phone code"}, Core: true},
		{Name: "search", Aliases: []string{"vehicle map"}},
		{Name: "notifications", Aliases: []string{"ride receipt", "battery alert"}},
	}}, Settings{})
	scooterLogs := map[string]map[string]*tplCount{
		"payments":     {"settlement export for merchant=<id> failed: ledger <ip> timeout": {base: 4, win: 2}},
		"checkout-api": {"fare for ride=<id> not priced: tariff engine <ip> stale": {base: 5, win: 1}},
		"search": {
			"vehicles near cell=<num> waited <num>ms on fleet position index": {base: 6},
			// seen once: a user's words, no template of the service's
			"no match for query velvet cushions in <num>ms": {win: 1},
		},
		"notifications": {"fleet receipt push for <id> failed: broker <ip> down": {base: 3}},
	}
	clinic := New(Project{Services: []Service{
		{Name: "booking", Aliases: []string{"online booking", "appointment slot", "patient portal"}, Core: true},
		{Name: "billing", Aliases: []string{"insurance claim", "invoice"}, Core: true},
		{Name: "messaging", Aliases: []string{"reminder sms", "video visit"}},
		{Name: "auth", Aliases: []string{"staff account"}, Core: true},
	}}, Settings{})
	clinicLogs := map[string]map[string]*tplCount{
		"billing":   {"claim batch for clinic=<id> rejected: payer clearinghouse <ip> timeout": {base: 4, win: 1}},
		"booking":   {"slot hold for practitioner=<id> expired: calendar sync lag <num>ms": {base: 5, win: 2}},
		"messaging": {"reminder dispatch to <email> failed: carrier <ip> throttled": {base: 3, win: 1}},
	}
	for _, tc := range []struct {
		name, subject, text, want string
		clinic                    bool
	}{
		{name: "one alias word its log lines hold too, in a failure report", subject: "Receipts",
			text: "Since yesterday no receipt arrives after my trips, I need them for my employer.", want: "notifications"},
		{name: "a question with two of a service's log words", subject: "Settlement columns",
			text: "Which columns does the settlement ledger file contain? Thanks.", want: "payments"},
		{name: "an alias word and a log word", subject: "Tariff",
			text: "Why was my scooter priced at another tariff than the app showed?", want: "checkout-api"},
		{name: "an alias word its log lines hold too counts twice", subject: "Who sends what",
			text: "Which broker sends the receipt for a scooter tariff?", want: "notifications"},
		// guards: the words must leave the service open
		{name: "a privacy request", subject: "Delete data",
			text: "Under the GDPR please erase all personal data of our former driver, his settlement ledger too."},
		{name: "a question with one alias word", subject: "Question",
			text: "Can I get a receipt with our company's name on it?"},
		{name: "a word in two services' own words", subject: "Fleet",
			text: "Our fleet manager asks: how do I count the vehicles per zone?"},
		{name: "an everyday or code word is no service's own", subject: "Export",
			text: "Could you send me the export of last month's settlement?"},
		{name: "two services alike", subject: "Question",
			text: "Does the scooter tariff depend on the battery left at the start of a ride?"},
		{name: "a line seen once is no template", subject: "Shop",
			text: "Do you also sell velvet cushions?"},
		// misfires: one alias piece (or two of one alias) in a plain ticket
		{name: "one alias word its log lines hold not, in a failure report", subject: "Battery",
			text: "Since yesterday the battery warning never reaches my phone, I need it before each trip."},
		{name: "a scooter's flat tyre", subject: "Flat tyre",
			text: "The scooter I took this morning had a flat tyre and wobbly brakes, please send someone to look at it."},
		{name: "a mechanic's manner", subject: "Rude mechanic",
			text: "Your mechanic was rude to me when I returned the scooter to the depot."},
		{name: "a flat tyre in Spanish", subject: "Rueda pinchada",
			text: "Hola, el scooter tenía la rueda pinchada y el freno no funcionaba bien."},
		{name: "a fall in the waiting room", subject: "Fall in waiting room", clinic: true,
			text: "A patient slipped in the waiting room this morning, incident form attached for your records."},
		{name: "the homepage video", subject: "Broken video", clinic: true,
			text: "The video on your homepage about our clinic tour does not play, it just shows a black box."},
		{name: "the reception printer", subject: "Printer", clinic: true,
			text: "The printer at reception is broken again, nobody can print the appointment sheets."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tr, tpls := scooter, scooterLogs
			if tc.clinic {
				tr, tpls = clinic, clinicLogs
			}
			f := vocabFacts(tr, tpls, Ticket{Subject: tc.subject, Description: tc.text, CreatedAt: created})
			c := f.claim
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

// vocabFacts reads a ticket into facts whose logs are clean for every
// service and hold tpls as the services' templates (their vocabulary).
func vocabFacts(tr *Triager, tpls map[string]map[string]*tplCount, tk Ticket) *facts {
	_, toks, sig := readTicket(tk, tk.Description)
	c, _ := classify(sig, &trace{})
	mentions, _ := rankServices(tr.p.Services, tr.codes, toks, &sig, len(tokenize(tk.Subject)), tr.matcher.findAll(toks, true))
	ev := &Evidence{Services: map[string]*ServiceEvidence{}, logWords: &logWordsCache{tpls: tpls}}
	for _, s := range tr.p.Services {
		ev.Services[s.Name] = &ServiceEvidence{Service: s.Name, Level: LevelClean}
	}
	return &facts{claim: c, sig: sig, mentions: mentions, ev: ev, toks: toks, created: tk.CreatedAt,
		ref: TimeRef{Window: Window{From: tk.CreatedAt.Add(-2 * time.Hour), To: tk.CreatedAt}}}
}
