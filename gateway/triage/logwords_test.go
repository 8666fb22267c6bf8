package triage

import (
	"slices"
	"strings"
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
		// the review's rows (round fifty-five's mends)
		{name: "two services alike: a tie places none", subject: "Partner token and escrow ledger errors",
			text: "Every partner token call and every escrow ledger call fails with 500 since noon.", tags: []string{"email"},
			ev: []*ServiceEvidence{failing("auth", created, "partner token for <id> not issued: replica <ip> stale"),
				failing("search", created, "escrow ledger query for <id> failed: shard <ip> frozen"), clean("notifications")}},
		{name: "a field's name is the code's word", subject: "Merchant errors",
			text: "Every merchant acquirer call fails with 500 since noon.", tags: []string{"email"},
			ev: []*ServiceEvidence{failing("payments", created, "charge for merchant=<id> refused: acquirer <ip> restarting"), clean("notifications")}},
		{name: "a log word naming another service tells of that one", subject: "Escrow errors",
			text: "The escrow fails for everyone while searching contracts.",
			ev:   []*ServiceEvidence{failing("checkout-api", created, "search for escrow <id> failed: index <ip> down"), clean("search")}},
		{name: "everyday and code words only", subject: "Newsletter signup broken",
			text: "Every newsletter signup request fails and my session ends, the server is gone.", tags: []string{"email"},
			ev: []*ServiceEvidence{failing("auth", created, "session request for user=<email> failed: server <ip> refused"), clean("notifications")}},
		{name: "one log word in two forms is one word", subject: "Nothing replicated",
			text: "We replicate the ledger every hour, since noon every replicated copy fails for everyone.",
			ev: []*ServiceEvidence{failing("search", created, "snapshot <id> not replicated: follower <ip> lagging"), clean("checkout-api"),
				failing("payments", created, charge)}},
		{name: "a present report and a failure that ended", subject: "Partner API token endpoint: ~25% HTTP 500 since 14:20",
			text: "About a quarter of our calls to refresh the partner token return 500.", tags: []string{"email"}, since: true,
			ev: []*ServiceEvidence{failing("auth", created.Add(-time.Hour), tokenIssue), clean("notifications")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tk := Ticket{Subject: tc.subject, Description: tc.text, Tags: tc.tags, CreatedAt: created}
			_, toks, sig := readTicket(tk, tc.text)
			c, _ := classify(sig, &trace{})
			mentions, _ := rankServices(tr.p.Services, tr.codes, toks, &sig, len(tokenize(tc.subject)), tr.matcher.findAll(toks, true))
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

// TestSameLogWord: a listed ending joins two words; a compound, an agent
// noun or another language's word does not (the review's pairs).
func TestSameLogWord(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"reminder", "reminders", true}, {"upload", "uploading", true}, {"upload", "uploaden", true},
		{"issue", "issued", true}, {"store", "storing", true}, {"token", "token", true},
		{"check", "checkout", false}, {"print", "printer", false}, {"servicio", "service", false},
		{"servico", "service", false}, {"cliente", "client", false}, {"orden", "order", false},
		{"conta", "contact", false}, {"problema", "problem", false}, {"price", "priceradar", false},
	} {
		if got := sameLogWord(tc.a, tc.b); got != tc.want {
			t.Errorf("sameLogWord(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestLogContentWords: a ticket's words but for a claim's, a negated
// clause's and a clause's that says a thing works.
func TestLogContentWords(t *testing.T) {
	for _, tc := range []struct {
		text       string
		want, nots []string
	}{
		{"It is not the partner token, token refresh works fine. The newsletter mails fail for everyone.",
			[]string{"newsletter", "mail"}, []string{"partner", "token", "refresh"}},
		{"The partner token is not working for anyone since noon.", []string{"partner", "token"}, []string{"working"}},
		{"Every escrow booking times out, nobody can book.", []string{"escrow", "booking"}, []string{"nobody", "time"}},
	} {
		toks := tokenize(tc.text)
		sig := readSignals(toks, tc.text)
		checkWordsHeld(t, tc.text, logContentWords(toks, &sig), tc.want, tc.nots)
	}
}

// checkWordsHeld fails the test for each word of want that got lacks and
// each of nots that it holds.
func checkWordsHeld(t *testing.T, what string, got, want, nots []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s: words %v, want %q among them", what, got, w)
		}
	}
	for _, w := range nots {
		if slices.Contains(got, w) {
			t.Errorf("%s: words %v, want no %q", what, got, w)
		}
	}
}

// TestServiceLogWords: a service's risen templates' words that no other
// template seen three times holds (another service's, or a steady one of
// its own); a one-off variant and its own failure's other templates hold
// none; URL, path, host and class-path pieces are dropped.
func TestServiceLogWords(t *testing.T) {
	ev := &Evidence{Services: map[string]*ServiceEvidence{
		"payments": {Service: "payments", RisenTemplates: []string{
			"escrow funding tx_<id> failed: clearing bridge <ip> reset the connection; see https://status.example.com/bridge and org.acme.bridge.BridgeException at /srv/bridge/main.go"}},
		"auth": {Service: "auth", RisenTemplates: []string{"partner token for client=<id> not issued: ledger replica <ip> stale"}},
	}}
	ev.logWords = &logWordsCache{tpls: map[string]map[string]*tplCount{
		"payments": {
			ev.Services["payments"].RisenTemplates[0]:   {base: 0, win: 60},
			"bridge heartbeat late from <ip>":           {base: 40, win: 41}, // steady: "bridge" is no word of the failure
			"escrow funding tx_AbCdEf failed: clearing": {base: 0, win: 1},   // a one-off variant
		},
		"auth": {
			ev.Services["auth"].RisenTemplates[0]:          {base: 0, win: 50},
			"partner token for client=<id> refreshed late": {base: 0, win: 7}, // its failure's own
		},
		"search": {
			"ledger shard <num> slow": {base: 2, win: 3}, // another service's: "ledger"
			"funding probe <id> odd":  {base: 0, win: 1}, // a one-off line of another service's
		},
	}}
	for _, tc := range []struct {
		service    string
		want, nots []string
	}{
		{"payments", []string{"escrow", "funding", "clearing"}, []string{"bridge", "status", "example", "acme", "srv", "main", "https"}},
		{"auth", []string{"partner", "token", "replica", "stale"}, []string{"ledger", "client"}},
	} {
		checkWordsHeld(t, tc.service, ev.serviceLogWords(tc.service), tc.want, tc.nots)
	}
}

// TestRisenTemplates: a clear rise in a fifth of the failure lines read;
// a steady error, a stray and a cut pull tell nothing; a capped count is
// a share of what was read.
func TestRisenTemplates(t *testing.T) {
	for _, tc := range []struct {
		name      string
		tm        map[string]*tplCount
		masked    [2]int
		failures  [2]int
		truncated bool
		want      []string
	}{
		{"a steady error beside the incident", map[string]*tplCount{"steady": {129, 131}, "incident": {0, 54}},
			[2]int{129, 185}, [2]int{129, 185}, false, []string{"incident"}},
		{"grown clearly, not a little", map[string]*tplCount{"grown": {2, 50}, "little": {20, 30}},
			[2]int{22, 80}, [2]int{22, 80}, false, []string{"grown"}},
		{"under a fifth, or fewer than three", map[string]*tplCount{"main": {0, 90}, "minor": {0, 10}, "rare": {0, 2}},
			[2]int{0, 102}, [2]int{0, 102}, false, []string{"main"}},
		{"the window's count capped: a share of what was read", map[string]*tplCount{"flood": {0, maxMasked}},
			[2]int{0, maxMasked}, [2]int{0, 150000}, false, []string{"flood"}},
		{"the baseline's count capped: scaled to its failures", map[string]*tplCount{"flood": {4000, 12000}},
			[2]int{maxMasked, 12000}, [2]int{100000, 12000}, false, nil},
		{"a pull cut at max_lines", map[string]*tplCount{"incident": {0, 54}},
			[2]int{0, 54}, [2]int{0, 54}, true, nil},
	} {
		if got := risenTemplates(tc.tm, tc.masked, tc.failures, tc.truncated); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestClaimToks: the words the claim was read on, without the tags or a
// reply's quoted thread.
func TestClaimToks(t *testing.T) {
	words := func(toks []token) string {
		var ws []string
		for _, t := range toks {
			ws = append(ws, t.raw)
		}
		return strings.Join(ws, " ")
	}
	for _, tc := range []struct {
		tk   Ticket
		want string
	}{
		{Ticket{Subject: "Login broken", Description: "Nobody can log in.", Tags: []string{"login_issue"}}, "login broken nobody can log in"},
		{Ticket{Subject: "Re: newsletter", Description: "The newsletter mails still fail for everyone.\n\n> Is this about the partner token?"},
			"the newsletter mails still fail for everyone"},
	} {
		own := ownText(tc.tk.Description)
		_, toks, _ := readTicket(tc.tk, own)
		if got := words(claimToks(tc.tk, own, toks, readReply(tc.tk, own))); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.tk.Subject, got, tc.want)
		}
	}
}
