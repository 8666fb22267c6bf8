package triage

import (
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
		// told before now, in a clause that carries the sign
		{"the 'payment failed' banner is gone - is my invoice paid?", "Hi, this morning I had a red banner \"payment failed\" on my dashboard. Now the banner is gone. Does this mean the invoice INV-88307 is paid?"},
		{"Le bandeau rouge a disparu", "Bonjour, le bandeau d'erreur rouge a disparu de mon tableau de bord. Est-ce que ça veut dire que ma déclaration est bien transmise ? Merci"},
		{"the error is gone, is the fee paid?", "Hello, earlier the customs fee payment gave an error, now the error is gone and it showed me \"Payment successful\". Is everything ok with my parcel?"},
		// the sign is the subject of an ended verb
		{"checkout errors", "The checkout errors stopped about ten minutes ago, was that you?"},
		// a data-loss reading of the sign itself
		{"The approval banner is gone?", "Hi, the yellow banner \"Complete your bidder approval\" that was at the top of my account page is gone since this morning. Does that mean I'm approved now?"},
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
		// no sign's; an ended verb's subject is the noun right before it
		{"messages gone", "All my messages failed and are gone from the inbox."},
		{"alert texts", "The alert texts failed and stopped since midnight."},
	} {
		if gone := signGoneOf(r[0], r[1]); len(gone) > 0 {
			t.Errorf("%q: read as a sign that went away (%s)", r[1], quote(gone))
		}
	}
}

// A reply's new words are read under the thread's subject, whose failure
// is the topic (readNewWords).
func TestSignGone_aReplyUnderAFailingSubject(t *testing.T) {
	tk := Ticket{Subject: "Re: bank transfer fails",
		Description: "Hello again,\n\nthe red \"payment failed\" banner on my dashboard is gone now and my client tried the transfer again at 10:55 and it went through.\n\nChiara\n\n> my client can not pay by bank transfer, it says BT-504..."}
	if rw := readReplyUnder(tk, ownText(tk.Description)); len(rw.sig.signGoneBy) == 0 {
		t.Errorf("claim %v: no sign that went away read", rw.sig.resolvedBy)
	}
}

// The verdict is lowered to low with a reason that says why; a ticket
// without such a sign keeps its verdict.
func TestSignGone_lowersTheVerdict(t *testing.T) {
	_, _, sig := readTicketOf(Ticket{Subject: "red bar gone", Description: "the red 'payment failed' bar is gone and my top-up went through. was it you? anyway thx"})
	v := signGoneLow(verdict{sev: Critical, reasons: []string{"critical"}}, &sig)
	if v.sev != Low || !strings.Contains(v.reasons[len(v.reasons)-1], "a sign of the failure went away") {
		t.Errorf("got %s %q, want low with the sign's reason", v.sev, v.reasons)
	}
	_, _, sig = readTicketOf(Ticket{Subject: "banner gone", Description: "The red banner is gone. Now every payment fails with a 502."})
	if v := signGoneLow(verdict{sev: Critical}, &sig); v.sev != Critical {
		t.Errorf("got %s, want critical kept", v.sev)
	}
}
