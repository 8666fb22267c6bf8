package triage

import (
	"context"
	"strings"
	"testing"
)

// signGoneOf is what signWentAway read in a new ticket (no reply).
func signGoneOf(subject, body string) []hit {
	_, _, sig := readTicketOf(Ticket{Subject: subject, Description: body})
	return sig.signGoneBy
}

func TestSignGone_aSignThatWentAwayIsRead(t *testing.T) {
	for _, r := range [][2]string{
		// the failure words are the sign's own text
		{"red bar gone", "the red 'payment failed' bar is gone and my top-up went through. was it you? anyway thx"},
		// a sign gone and a question about it
		{"Le bandeau rouge a disparu", "Bonjour, le bandeau d'erreur rouge a disparu de mon tableau de bord. Est-ce que ça veut dire que ma déclaration est bien transmise ? Merci"},
		// told before now, in a clause that carries the sign
		{"the error is gone, is the fee paid?", "Hello, earlier the customs fee payment gave an error, now the error is gone and it showed me \"Payment successful\". Is everything ok with my parcel?"},
		// the sign is the subject of an ended verb
		{"checkout errors", "The checkout errors stopped about ten minutes ago, was that you?"},
	} {
		if len(signGoneOf(r[0], r[1])) == 0 {
			t.Errorf("%q: no sign that went away read", r[1])
		}
	}
}

func TestSignGone_aFailureOutsideTheSignKeepsItsReading(t *testing.T) {
	for _, r := range [][2]string{
		// a present failure in another clause, no sign and no time before now
		{"banner gone", "The red banner is gone. Now every payment fails with a 502."},
		// the failure goes on
		{"error banner", "The error banner is gone but the error is still there when I pay."},
		// messages and notifications are what users receive: their end is
		// no sign's; an ended verb's subject is read by subjectOf
		// (words.go), whose head here is "and", no passing thing
		{"messages gone", "All my messages failed and are gone from the inbox."},
		{"alert texts", "The alert texts failed and stopped since midnight."},
	} {
		if gone := signGoneOf(r[0], r[1]); len(gone) > 0 {
			t.Errorf("%q: read as a sign that went away (%s)", r[1], quote(gone))
		}
	}
}

// The verdict is lowered to low with a reason that says why; a ticket
// without such a sign keeps its verdict.
func TestSignGone_lowersTheVerdict(t *testing.T) {
	_, _, sig := readTicketOf(Ticket{Subject: "red bar gone", Description: "the red 'payment failed' bar is gone and my top-up went through. was it you? anyway thx"})
	v := signGoneLow(verdict{sev: Critical, reasons: []string{"critical"}}, claimOne, &sig)
	if v.sev != Low || !strings.Contains(v.reasons[len(v.reasons)-1], "a sign of the failure went away") {
		t.Errorf("got %s %q, want low with the sign's reason", v.sev, v.reasons)
	}
	_, _, sig = readTicketOf(Ticket{Subject: "banner gone", Description: "The red banner is gone. Now every payment fails with a 502."})
	if v := signGoneLow(verdict{sev: Critical}, claimOne, &sig); v.sev != Critical {
		t.Errorf("got %s, want critical kept", v.sev)
	}
}

// The review of round fifty-nine: texts whose sign went away while a
// failure goes on, or whose claim is security or data loss. Each keeps
// the severity it has without the sign rule (no logs).
func TestSignGone_theReviewsMisfiresKeepTheirSeverity(t *testing.T) {
	p := Project{Services: []Service{{Name: "checkout-api", Aliases: []string{"checkout"}, Core: true}, {Name: "payments", Core: true},
		{Name: "auth", Core: true}, {Name: "search"}, {Name: "notifications"}}}
	tr := New(p, Settings{})
	for _, r := range []struct{ subject, body, sev string }{
		// security and data loss are never lowered
		{"", "The security warning disappeared and someone logged into my account from another country and changed my password.", Critical},
		{"", "The error popup disappeared and all our product listings disappeared with it.", Critical},
		{"", "L'avviso di errore è scomparso ma nessun cliente riesce a pagare da stamattina.", Critical},
		{"", "I get an error saying all my files were deleted and my folders are empty.", Critical},
		// the session read-through: a security or data-loss sign's own
		// text is read as gone, and the claim keeps it from being lowered
		{"", "The red 'suspicious login detected' banner is gone, was that you?", Critical},
		{"", "The 'your data was deleted' error is gone, is it fixed?", Critical},
		// a failure after a contrast word or after the sign's verb
		{"", "The red error banner is gone but now the pay button does nothing when I click it.", Medium},
		{"", "The error banner disappeared at 10:00 but came back at 10:15 and every checkout fails again.", Critical},
		{"Re: checkout error", "The error is gone but now I get a different error on every page and nobody can pay.", Critical},
		{"Re: payments down", "The error banner disappeared and every payment fails now.\n\n> payments are down for everyone", Critical},
		{"", "O aviso de erro sumiu mas nenhum cliente consegue pagar desde ontem.", Critical},
		{"", "The navigation bar disappeared and I cannot reach my orders or invoices.", Medium},
		{"", "The search bar is gone after the update so I can't search products anymore.", Medium},
		// "since this morning" is a failure still on
		{"", "Our status banner disappeared from the site. Also, every login fails with error 401 since this morning.", Critical},
		{"", "The warning banner went away. Since yesterday every payment fails with an error.", Critical},
		{"", "Le bandeau rouge a disparu hier soir. Depuis hier chaque paiement échoue avec une erreur 502.", High},
		{"", "Last week the error banner disappeared after your fix. Today the checkout was returning 502 errors for everyone.", Critical},
		{"", "The error banner is gone, but there was an error at checkout just now and 30 customers could not pay.", Medium},
		// a transitive "stopped" is no sign's end
		{"", "These checkout errors stopped every customer from paying this morning.", Critical},
		// a failure the lists do not read
		{"", "Die Fehlermeldung ist verschwunden, aber seitdem werden alle Zahlungen abgelehnt.", Critical},
		// the session read-through: a failure before a contrast word, in
		// the sign's clause without the split; a failure still on
		{"", "Payments fail but the error banner is gone, why?", Critical},
		{"", "The error banner is gone, is it fixed? It still happens on every checkout.", Critical},
	} {
		res, err := tr.Triage(context.Background(), Ticket{ID: "t", Subject: r.subject, Description: r.body})
		if err != nil {
			t.Fatal(err)
		}
		if res.Severity != r.sev {
			t.Errorf("%q: got %s, want %s; reasons %q", r.body, res.Severity, r.sev, res.Reasons)
		}
	}
}

// Denials and a progress bar that stopped are no sign that went away.
func TestSignGone_deniedOrAControlIsNoSign(t *testing.T) {
	for _, r := range [][2]string{
		{"error banner", "The error banner has not disappeared, was it you?"},
		{"upload", "The progress bar stopped at 80% and the upload never finishes, why?"},
		// a bar with no sign noun or failure word right before it
		{"search bar", "The search bar disappeared from the home page, was that on purpose?"},
	} {
		if gone := signGoneOf(r[0], r[1]); len(gone) > 0 {
			t.Errorf("%q: read as a sign that went away (%s)", r[1], quote(gone))
		}
	}
}
