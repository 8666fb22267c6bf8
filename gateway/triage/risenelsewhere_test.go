package triage

import (
	"strings"
	"testing"
	"time"
)

// Round eighty-two: a failure report whose words pick a service clean in
// the window is the one other service's that fails strongly while it
// stands, when the words touch that one too; the severity is the one its
// logs give (risenelsewhere.go).
func TestRisenElsewhere_theOneServiceFailingThatTheWordsTouch(t *testing.T) {
	created := time.Date(2042, 9, 1, 16, 20, 0, 0, time.UTC)
	tr := New(Project{Services: []Service{
		{Name: "checkout-api", Aliases: []string{"day pass", "rfid card"}, Core: true},
		{Name: "payments", Aliases: []string{"card payment"}, Core: true},
		{Name: "auth", Aliases: []string{"sign in", "gate scanner"}, Core: true},
		{Name: "search", Aliases: []string{"station map"}},
		{Name: "notifications", Aliases: []string{"sms"}},
	}}, Settings{})
	// failing: a strong spike still running when the ticket was written
	failing := func(svc string, tpls ...string) *ServiceEvidence {
		se := &ServiceEvidence{Service: svc, Level: LevelStrong, Rate: 0.4, Ratio: 80, Onset: created.Add(-40 * time.Minute), End: created,
			Window: Counts{Total: 1000, Failures: 400, Status5xx: 400}, RisenTemplates: tpls}
		for range 20 {
			se.Minutes = append(se.Minutes, Counts{Total: 50, Failures: 20, Status5xx: 20})
		}
		return se
	}
	moderate := func(svc string) *ServiceEvidence {
		se := failing(svc)
		se.Level, se.Rate, se.Ratio = LevelModerate, 0.08, 10
		return se
	}
	ended := func(svc string) *ServiceEvidence {
		se := failing(svc)
		se.End = created.Add(-90 * time.Minute)
		return se
	}
	clean := func(svc string) *ServiceEvidence {
		return &ServiceEvidence{Service: svc, Level: LevelClean, Window: Counts{Total: 1000, Failures: 2}}
	}
	// the code that came by SMS refused (the notifications' word), auth
	// checking it
	const codeText = "Since about 11 I cannot log in. I ask for a code, but either no SMS comes at all or the app says \"could not log in\" when I type it in. I have tried five times."
	charge := "charge ch_<id> refused: acquirer <ip> restarting"
	codeCheck := "one-time code check for user=<id> failed: otp store <ip> unreachable"
	for _, tc := range []struct {
		name, subject, text string
		ev                  []*ServiceEvidence
		// want is the service and severity; wantWhy a piece of the reason
		// (empty: the words are kept, the reason names no move)
		want, wantSev, wantWhy string
	}{
		{name: "a code in an SMS refused while auth fails", subject: "The code does not work",
			text: codeText,
			ev:   []*ServiceEvidence{clean("notifications"), failing("auth", codeCheck), clean("checkout-api")},
			want: "auth", wantSev: High, wantWhy: "notifications, the service the words pick, is clean in the window; auth, which the words touch"},
		{name: "gates reject every pass", subject: "Central Station gates rejecting every QR code",
			text: "Since just after 16:00 all six gates reject every QR ticket, day passes too. Red light and \"ticket not valid\". None of the passengers can get through.",
			ev:   []*ServiceEvidence{clean("notifications"), failing("auth", codeCheck), clean("checkout-api")},
			want: "auth", wantSev: Critical, wantWhy: "checkout-api, the service the words pick, is clean in the window; auth, which the words touch"},
		{name: "the bill e-mail never came", subject: "Day pass bought but no receipt email",
			text: "I bought a day pass at 15:50, the app said \"thanks, your day pass is active\" so that part is fine. But the receipt email it told me to expect never came (checked spam twice). Can you check?",
			ev:   []*ServiceEvidence{clean("checkout-api"), failing("notifications", "mail for <id> dropped: template renderer <ip> missing locale"), clean("auth")},
			want: "notifications", wantSev: High, wantWhy: "checkout-api, the service the words pick, is clean in the window; notifications, which the words touch"},
		// guards: the words are kept, the severity the clean logs give
		{name: "two services rising", subject: "The code does not work",
			text: codeText,
			ev:   []*ServiceEvidence{clean("notifications"), failing("auth", codeCheck), failing("payments"), clean("checkout-api")},
			want: "notifications", wantSev: Medium},
		{name: "a moderate rise", subject: "The code does not work",
			text: codeText,
			ev:   []*ServiceEvidence{clean("notifications"), moderate("auth"), clean("checkout-api")},
			want: "notifications", wantSev: Medium},
		{name: "a rise that ended before a report of the present", subject: "The code does not work",
			text: "I cannot log in. I ask for a code, but either no SMS comes at all or the app says \"could not log in\" when I type it in. I have tried five times.",
			ev:   []*ServiceEvidence{clean("notifications"), ended("auth"), clean("checkout-api")},
			want: "notifications", wantSev: Medium},
		{name: "the clean service's own failure named", subject: "Notifications failing",
			text: "The notifications fail for us since 15:50: I ask for a code and no SMS comes, so I cannot log in. Tried five times.",
			ev:   []*ServiceEvidence{clean("notifications"), failing("auth", codeCheck), clean("checkout-api")},
			want: "notifications", wantSev: Medium},
		{name: "words that do not touch the failing service", subject: "Day pass not working",
			text: "My day pass shows an error since 15:50, the app says it is not valid. Tried three times.",
			ev:   []*ServiceEvidence{clean("checkout-api"), failing("search", "station map tile <id> not rendered: tile server <ip> down"), clean("auth")},
			want: "checkout-api", wantSev: Medium},
		{name: "paid but not given is the order's", subject: "Charged but no day pass",
			text: "I was charged for a day pass at 15:50 but there is no order and no day pass in the app.",
			ev:   []*ServiceEvidence{clean("checkout-api"), failing("payments", charge), clean("auth")},
			want: "checkout-api", wantSev: Medium},
		{name: "how-to words beside a failure", subject: "Adding a second day pass",
			text: "How do I add a second day pass for my son? I can't, the button gives error 500 and the card step shows nothing. Tried twice.",
			ev:   []*ServiceEvidence{clean("checkout-api"), failing("payments", charge), clean("auth")},
			want: "checkout-api", wantSev: Medium},
		{name: "a look defect that shows no error", subject: "Dark mode overlap",
			text: "In dark mode the gate entry button overlaps my day pass, I can't tap it. Just a small layout thing.",
			ev:   []*ServiceEvidence{clean("checkout-api"), failing("auth", codeCheck), clean("notifications")},
			want: "checkout-api", wantSev: Medium},
		{name: "a charge only feared touches nothing", subject: "Day pass shows an error",
			text: "My day pass shows an error since 15:50 and I cannot open it. Will I be charged twice if I buy another?",
			ev:   []*ServiceEvidence{clean("checkout-api"), failing("payments", charge), clean("auth")},
			want: "checkout-api", wantSev: Medium},
		{name: "only a log word while the clean service's failure is named", subject: "Volunteers couldn't log in before the matching hour",
			text: "In the hour before the 6 pm matching hour our volunteers could not log in, it just would not let them in. Is something wrong with log in today?",
			ev:   []*ServiceEvidence{clean("auth"), failing("checkout-api", "matching round <id> failed: donor pool <ip> exhausted"), clean("notifications")},
			want: "auth", wantSev: Medium},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tk := Ticket{Subject: tc.subject, Description: tc.text, CreatedAt: created}
			_, toks, sig := readTicket(tk, tc.text)
			c, _ := classify(sig, &trace{})
			mentions, _ := rankServices(tr.p.Services, tr.codes, toks, &sig, len(tokenize(tc.subject)), tr.matcher.findAll(toks, true))
			ev := &Evidence{Services: map[string]*ServiceEvidence{}}
			for _, se := range tc.ev {
				ev.Services[se.Service] = se
			}
			f := &facts{claim: c, sig: sig, mentions: mentions, ev: ev, toks: toks, created: created,
				ref: TimeRef{Window: Window{From: created.Add(-2 * time.Hour), To: created}}}
			v := tr.decide(f, &trace{})
			why := strings.Join(v.reasons, " | ")
			if v.service != tc.want || v.sev != tc.wantSev {
				t.Errorf("claim %s: %s/%q, want %s/%q; reasons: %s", c, v.sev, v.service, tc.wantSev, tc.want, why)
			}
			if tc.wantWhy != "" && !strings.Contains(why, tc.wantWhy) {
				t.Errorf("reasons %q do not say %q", why, tc.wantWhy)
			}
			if tc.wantWhy == "" && strings.Contains(why, "is the one service failing strongly") {
				t.Errorf("the words were moved: %s", why)
			}
		})
	}
}

// Round eighty-two's review: the hook asked for the clean service the
// words pick reads no word of the failing one in a clause that says it
// works or denies it (as logContentWords drops such clauses); the word
// in the failing clause still touches it.
func TestRisenElsewhere_aWordInAClauseThatSaysItWorksTouchesNothing(t *testing.T) {
	created := time.Date(2042, 9, 1, 16, 20, 0, 0, time.UTC)
	tr := New(Project{Services: []Service{
		{Name: "checkout-api", Aliases: []string{"day pass"}, Core: true},
		{Name: "payments", Aliases: []string{"card payment"}, Core: true},
		{Name: "auth", Aliases: []string{"sign in"}, Core: true},
	}}, Settings{})
	payments := &ServiceEvidence{Service: "payments", Level: LevelStrong, Rate: 0.4, Ratio: 80, Onset: created.Add(-40 * time.Minute), End: created,
		Window: Counts{Total: 1000, Failures: 400, Status5xx: 400}}
	for range 20 {
		payments.Minutes = append(payments.Minutes, Counts{Total: 50, Failures: 20, Status5xx: 20})
	}
	checkout := &ServiceEvidence{Service: "checkout-api", Level: LevelClean, Window: Counts{Total: 1000, Failures: 2}}
	auth := &ServiceEvidence{Service: "auth", Level: LevelClean, Window: Counts{Total: 1000, Failures: 2}}
	for _, tc := range []struct {
		name, text string
		moved      bool
	}{
		{"the card payment went through fine", "The card payment went through fine at 15:50. But my day pass shows an error \"could not load\" since then. Tried three times.", false},
		{"nothing wrong with the card payment", "My day pass shows an error \"could not load\" since 15:50. Tried three times. Nothing wrong with the card payment, my bank shows it.", false},
		{"the card payment fails", "My day pass shows an error \"could not load\" since 15:50 and the card payment fails. Tried three times.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tk := Ticket{Subject: "Day pass error", Description: tc.text, CreatedAt: created}
			_, toks, sig := readTicket(tk, tc.text)
			c, _ := classify(sig, &trace{})
			ev := &Evidence{Services: map[string]*ServiceEvidence{"payments": payments, "checkout-api": checkout, "auth": auth}}
			f := &facts{claim: c, sig: sig, ev: ev, toks: toks, created: created,
				ref: TimeRef{Window: Window{From: created.Add(-2 * time.Hour), To: created}}}
			o, why := tr.risenElsewhere(f, "checkout-api", checkout)
			if (o != nil) != tc.moved {
				t.Errorf("claim %s: moved %v, want %v: %s", c, o != nil, tc.moved, why)
			}
		})
	}
}

// Round eighty-two's review, the follow-ups: a strong spike that began
// minutes before a report of the present is at the report's time (the
// minutes since its onset fail, not the quarter hour before it); a worded
// service whose rise ended long before such a report, its usual traffic
// back since, is clean for it.
func TestRisenElsewhere_aFreshSpikeAndAnEndedRiseOfTheWordedService(t *testing.T) {
	created := time.Date(2042, 9, 1, 16, 20, 0, 0, time.UTC)
	tr := New(Project{Services: []Service{
		{Name: "checkout-api", Aliases: []string{"day pass"}, Core: true},
		{Name: "auth", Aliases: []string{"sign in"}, Core: true},
		{Name: "notifications", Aliases: []string{"sms"}},
	}}, Settings{})
	const mins = 240 // the baseline's two hours and the window's
	minutes := func(from, to time.Duration, fail int) []Counts {
		ms := make([]Counts, mins)
		for i := range ms {
			ms[i] = Counts{Total: 50}
			at := time.Duration(i-mins) * time.Minute // before created
			if at >= -from && at < -to {
				ms[i].Failures, ms[i].Status5xx = fail, fail
			}
		}
		return ms
	}
	spike := func(svc string, from, to time.Duration) *ServiceEvidence {
		return &ServiceEvidence{Service: svc, Level: LevelStrong, Rate: 0.4, Ratio: 80, Onset: created.Add(-from), End: created.Add(-to),
			Window: Counts{Total: 6000, Failures: 400, Status5xx: 400}, Minutes: minutes(from, to, 20),
			RisenTemplates: []string{"one-time code check for user=<id> failed: otp store <ip> unreachable"}}
	}
	clean := func(svc string) *ServiceEvidence {
		return &ServiceEvidence{Service: svc, Level: LevelClean, Window: Counts{Total: 6000, Failures: 2}, Minutes: minutes(0, 0, 0)}
	}
	const text = "I cannot log in. I ask for a code, but either no SMS comes at all or the app says \"could not log in\" when I type it in. I have tried five times."
	for _, tc := range []struct {
		name  string
		ev    []*ServiceEvidence
		moved bool
	}{
		{"a spike that began three minutes before", []*ServiceEvidence{clean("notifications"), spike("auth", 3*time.Minute, 0), clean("checkout-api")}, true},
		{"a spike running for an hour", []*ServiceEvidence{clean("notifications"), spike("auth", time.Hour, 0), clean("checkout-api")}, true},
		{"the worded service's rise ended long before", []*ServiceEvidence{spike("notifications", 110*time.Minute, 90*time.Minute), spike("auth", 30*time.Minute, 0), clean("checkout-api")}, true},
		{"the worded service's rise still running", []*ServiceEvidence{spike("notifications", 110*time.Minute, 0), spike("auth", 30*time.Minute, 0), clean("checkout-api")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tk := Ticket{Subject: "The code does not work", Description: text, CreatedAt: created}
			_, toks, sig := readTicket(tk, text)
			c, _ := classify(sig, &trace{})
			ev := &Evidence{Services: map[string]*ServiceEvidence{}, Window: Window{From: created.Add(-2 * time.Hour), To: created},
				Baseline: Window{From: created.Add(-4 * time.Hour), To: created.Add(-2 * time.Hour)}}
			for _, se := range tc.ev {
				ev.Services[se.Service] = se
			}
			f := &facts{claim: c, sig: sig, ev: ev, toks: toks, created: created,
				ref: TimeRef{Window: Window{From: created.Add(-2 * time.Hour), To: created}}}
			o, why := tr.risenElsewhere(f, "notifications", ev.Services["notifications"])
			if (o != nil) != tc.moved {
				t.Errorf("claim %s: moved %v, want %v: %s", c, o != nil, tc.moved, why)
			}
		})
	}
}
