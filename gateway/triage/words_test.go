package triage

import (
	"testing"
)

// claimOf classifies a ticket's words alone, without logs.
func claimOf(subject, description string) (claim, []string) {
	_, _, sig := readTicket(Ticket{Subject: subject, Description: description})
	return classify(sig, &trace{})
}

func TestClassify_readsEachKindOfClaim(t *testing.T) {
	tests := []struct {
		name, subject, description string
		want                       claim
	}{
		// resolution and thanks
		{"a thanks for a fix closes the thread", "Thanks", "Thanks for fixing the checkout so quickly. Could you send a short post-mortem?", claimResolved},
		{"the problem is gone now is a resolution, not data loss", "Re: checkout 502", "the problem is gone now, thanks! Orders are flowing.", claimResolved},
		{"the error that is gone does not count as a failure", "never mind", "Never mind, the error is gone after I cleared my cache.", claimResolved},
		{"a quoted outage below a resolution is the thread's past", "Re: login", "Works again, thanks!\n\nOn Thu, 14 Jan 2027 Anna wrote:\n> Nobody can log in, we get a 503.", claimResolved},
		{"a foreign resolution closes the thread too", "Re: inloggen", "Bedankt, het werkt weer! Ticket mag dicht.", claimResolved},
		{"a thanks followed by a new failure is not a resolution", "thanks", "Thanks for fixing it, but now payments fail again for all customers.", claimOutage},
		{"an error that is back is not a resolution", "again", "The 502 error is back, checkout fails for everyone.", claimOutage},
		{"a negated resolution is not one", "still broken", "It is not resolved, I still cannot log in.", claimOne},
		// vanish words
		{"stored data that vanished is data loss", "reviews", "All our customer reviews vanished from the product pages overnight!", claimDataLoss},
		{"a deleted object after a transitive verb is data loss", "help", "Someone deleted all our products last night.", claimDataLoss},
		{"a logo that is gone is a cosmetic matter, not data loss", "logo", "The old logo is gone from the login page.", claimLow},
		{"a banner that is gone is not data loss", "banner", "The banner is gone from the home page.", claimUnknown},
		{"what the writer deleted is a request", "email gone", "I can't find the shipping email, I think I deleted it, so it's gone. Could you resend the link?", claimLow},
		// privacy
		{"an erasure request is a privacy request", "Delete my data", "Please delete all my personal data under GDPR.", claimPrivacy},
		{"an access request mentioning payments is a privacy request", "SAR", "I make a subject access request for all data including payment records.", claimPrivacy},
		{"leaked personal data is security, not a privacy request", "leak", "Our customers' personal data leaked, please investigate.", claimSecurity},
		// security
		{"an unknown IP acting in the account is security", "bank details", "Someone logged into our admin from an IP we don't know and changed our bank details. None of us did this.", claimSecurity},
		{"another person's order on my page is security", "not mine", "In My orders I see an order from a different person, with their address.", claimSecurity},
		// partial failure
		{"a share of attempts failing is partial", "logins", "Since 7:45 about 10% of login attempts fail with an internal error.", claimPartial},
		{"one in ten failing is partial even when many complain", "payments", "A lot of our customers complain their payment failed, maybe every tenth.", claimPartial},
		{"some customers failing is partial", "can't pay", "some customers can't pay, they get an error at the last step", claimPartial},
		{"a share with a total claim is an outage", "down", "Not a single payment works, 100% fail, nobody can pay.", claimOutage},
		// scope
		{"symptoms the writer sees are one user's failure", "sign in", "I can't sign in, the page says service unavailable.", claimOne},
		{"an outage the writer asserts stays an outage", "down", "Checkout is down, I get a 502 bad gateway.", claimOutage},
		{"all card payments failing is wide", "cards", "All card payments are failing since 18:40.", claimOutage},
		{"nobody could log in is an outage claim", "login", "This morning nobody in our team could log in, it just kept loading.", claimOutage},
		// defects without the usual failure words
		{"a code not accepted is a defect", "2FA", "My 2FA code is not accepted when I log in. Locked out.", claimOne},
		{"a phone model is not a cosmetic issue", "push", "I don't get push notifications since the app update. Pixel 8.", claimOne},
		{"a pixelated logo is cosmetic", "logo", "The logo looks pixelated on retina screens.", claimLow},
		// multilingual
		{"German failure and scope words", "Warenkorb", "Der Warenkorb war kaputt, unsere Kunden bekamen nur Fehler 500.", claimOutage},
		{"French failure and scope words", "Paiements", "Les paiements par carte échouaient pour tous nos clients (service indisponible).", claimOutage},
		{"a German invoice question is billing", "Rechnung fehlt", "Die Rechnung für Dezember fehlt. Können Sie sie per E-Mail schicken?", claimLow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, reasons := claimOf(tt.subject, tt.description)
			if got != tt.want {
				t.Errorf("claim %q, want %q (reasons %q)", got, tt.want, reasons)
			}
		})
	}
}

func TestSharePercent_findsAShareBelowAHundred(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a plain share", "about 10% of logins fail", "10%"},
		{"a share with a space and decimals", "roughly 2,5 % of orders", "2,5%"},
		{"a hundred percent is no share", "I am 100% sure", ""},
		{"no percent sign", "ten of our orders", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sharePercent(tt.text); got != tt.want {
				t.Errorf("sharePercent(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestOwnText_cutsTheQuotedHistory(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"an English reply header", "fixed, thanks\n\nOn Thu, 14 Jan 2027 09:41 Lisa wrote:\n> down", "fixed, thanks\n\n"},
		{"a Dutch reply header", "werkt weer\nOp do 14 jan 2027 om 16:41 schreef Femke:\n> 503", "werkt weer\n"},
		{"a quoted line", "all good\n> it was broken", "all good\n"},
		{"no quote", "checkout is down", "checkout is down"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ownText(tt.in); got != tt.want {
				t.Errorf("ownText = %q, want %q", got, tt.want)
			}
		})
	}
}
