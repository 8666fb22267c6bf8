package triage

import (
	"context"
	"slices"
	"testing"
	"time"
)

// codeWorld gives the codes a user types to its sign-in service by an
// alias ("sms code"); its checkout names a promo code and its search a
// zone code, other things' codes.
func codeWorld() Project {
	return Project{Name: "shop", Services: []Service{
		{Name: "checkout-api", Aliases: []string{"checkout", "cart", "promo code"}, Core: true},
		{Name: "payments", Aliases: []string{"payment provider", "card payments"}, Core: true},
		{Name: "auth", Aliases: []string{"login", "sign in", "sms code"}, Core: true},
		{Name: "search", Aliases: []string{"product search", "zone code"}},
		{Name: "notifications", Aliases: []string{"push notifications", "confirmation emails", "sms"}},
	}}
}

// twoStepWorld names its sign-in's codes by their kind ("two-step codes").
func twoStepWorld() Project {
	p := tuningProject()
	p.Services[2].Aliases = []string{"login", "sign in", "two-step codes"}
	return p
}

// messageCodeWorld gives the SMS code to its messaging service, though
// its sign-in names a one-time code: the code stays the message's there.
func messageCodeWorld() Project {
	p := tuningProject()
	p.Services[2].Aliases = []string{"login", "sign in", "one-time code"}
	p.Services[4].Aliases = []string{"push notifications", "confirmation emails", "sms code"}
	return p
}

// codeClaimedTable: in codeWorld, a sign-in code is the sign-in's, come
// by SMS or not, arrived or not; what is not a sign-in code stays where
// it was. Columns: language, the service, subject, description.
const codeClaimedTable = `
pl	auth	Kod SMS	Kod SMS do logowania nie przychodzi od rana, próbowałem pięć razy.
en	auth	Login code	The SMS with my login code never arrives, I pressed resend five times.
pt	auth	Código SMS	Desde as oito o código por SMS para entrar na conta não chega a nenhum dos meus colegas.
es	auth	Ya funciona	Gracias, el código SMS ya me llega otra vez y entro sin problema. Podéis cerrar la incidencia.
el	auth	Κωδικός SMS	Ο κωδικός SMS για τη σύνδεση δεν μου ήρθε ποτέ σήμερα το πρωί.
en	notifications	Zone code SMS	The zone code SMS never arrives when I park, I pressed resend five times.
en	checkout-api	Promo code	The promo code from your SMS is refused at the checkout.
en	notifications	Event code	The e-mail with the event code came forty minutes late.
`

// codeNotClaimedTable: in codeWorld, what did not arrive is the
// message's where the sign-in code is not what it carried: a code that
// came while another message did not (the code stands away from the
// message noun), another thing's code sent by SMS (a locker's, a gift's,
// a referral's: the other thing named anywhere in the sentence), and the
// Greek "κωδικός" of a password (a code only with its kind beside it).
const codeNotClaimedTable = `
en	notifications	Shipping mail	Login code comes instantly, the shipping e-mail doesn't come at all.
en	notifications	Code ok, reset mail no	The login code arrives but the password reset e-mail never arrives.
de	notifications	SMS-Code kommt, Versand-Mail nicht	Der SMS-Code zum Einloggen kommt sofort, aber die Versandbestätigung per Mail kommt nicht an.
pt	notifications	Código chega	O código SMS chega normalmente, mas o e-mail de confirmação da encomenda não chega.
it	notifications	Codice ok	Il codice SMS per l'accesso arriva, ma l'e-mail di conferma dell'ordine non arriva.
en	notifications	Locker	I didn't get the SMS with the PIN for the parcel locker, the order says it is ready for pick-up.
en	notifications	Gift code	I bought a gift card but the SMS with the code never arrived to my friend.
en	notifications	Referral code	The referral code SMS never arrived to my friend when I invited him.
el	notifications	Κωδικός	Ξέχασα τον κωδικό μου για τη σύνδεση και το email επαναφοράς δεν έρχεται.
el	notifications	Email επιβεβαίωσης	Άλλαξα τον κωδικό μου για τη σύνδεση αλλά το email επιβεβαίωσης δεν ήρθε ποτέ.
`

// TestCodeClaim_aMessageNotCarryingTheCodeStaysTheMessages triages
// codeNotClaimedTable in codeWorld, and a reply whose quoted question
// names the code, as written and typed plain.
func TestCodeClaim_aMessageNotCarryingTheCodeStaysTheMessages(t *testing.T) {
	checkServiceTableIn(t, codeWorld(), codeNotClaimedTable)
	tr := New(codeWorld(), Settings{Location: time.UTC})
	subject, text := "Quoted", "Hi,\n\nsee below.\n\n> From: support\n> Did you get the SMS code?\n\nYes the SMS code came, the order confirmation e-mail did not arrive though."
	for _, plain := range []bool{false, true} {
		s, d := subject, text
		if plain {
			s, d = typedPlain(s), typedPlain(d)
		}
		res, err := tr.Triage(context.Background(), Ticket{Subject: s, Description: d, CreatedAt: noon})
		if err != nil {
			t.Fatal(err)
		}
		if res.AffectedService != "notifications" {
			t.Errorf("quoted (plain %v): service %q, want notifications", plain, res.AffectedService)
		}
	}
}

// TestCodeClaim_aSignInCodeIsTheSignInsWhereTheAliasesSaySo triages
// codeClaimedTable in codeWorld, and the two-step world's and the
// messaging world's rows.
func TestCodeClaim_aSignInCodeIsTheSignInsWhereTheAliasesSaySo(t *testing.T) {
	checkServiceTableIn(t, codeWorld(), codeClaimedTable)
	checkServiceTableIn(t, twoStepWorld(), `
en	auth	Two-step code e-mails	Two-step code e-mails never arrive since this morning, not even in spam.`)
	// where the messaging service names the code, or no alias names
	// one, a code that does not arrive is the message's (round
	// twenty-one's convention)
	checkServiceTableIn(t, messageCodeWorld(), `
en	notifications	Login code	The SMS with my login code never arrives, I pressed resend five times.
pl	notifications	Kod SMS	Kod SMS do logowania nie przychodzi od rana, próbowałem pięć razy.`)
	checkServiceTable(t, `
pl	notifications	Kod SMS	Kod SMS do logowania nie przychodzi od rana, próbowałem pięć razy.
pt	notifications	Não recebo o SMS com o código	Não recebo o SMS com o código para entrar.`)
}

// TestCodeClaim_aTakeoverToldByTheSignInsOwnFailure: someone else in the
// account, told with the sign-in's own failure ("I can't get back in
// because the code goes to their number"), is the sign-in's: only another
// service failing in its own clause keeps the takeover's move off.
func TestCodeClaim_aTakeoverToldByTheSignInsOwnFailure(t *testing.T) {
	checkServiceTableIn(t, codeWorld(), `
en	auth	Someone took over my account	Someone took over my account and placed two orders at the checkout with my card. They changed my phone number, now I can't log in because the SMS code goes to their phone.`)
}

// TestCodeClaim_claimsOfCodes reads the worlds' aliases.
func TestCodeClaim_claimsOfCodes(t *testing.T) {
	for _, c := range []struct {
		name string
		p    Project
		want bool
	}{
		{"sms code", codeWorld(), true},
		{"two-step codes", twoStepWorld(), true},
		{"2fa", func() Project { p := tuningProject(); p.Services[2].Aliases = []string{"login", "2fa"}; return p }(), true},
		{"the message's sms code", messageCodeWorld(), false},
		{"no code", tuningProject(), false},
		{"a locker code is no sign-in code", func() Project {
			p := codeWorld()
			p.Services[4].Aliases = []string{"sms", "locker code"}
			return p
		}(), true},
	} {
		cc := claimsOfCodes(c.p.Services)
		if cc.claimed != c.want {
			t.Errorf("%s: claimed %v, want %v", c.name, cc.claimed, c.want)
		}
	}
	if cc := claimsOfCodes(codeWorld().Services); !cc.others["zone"] || !cc.others["promo"] || cc.others["sms"] {
		t.Errorf("codeWorld's other codes: %v, want zone and promo, not the sign-in's sms", cc.others)
	}
}

// TestCodeClaim_codesAt finds the sign-in codes of a ticket, none of
// another thing's.
func TestCodeClaim_codesAt(t *testing.T) {
	cc := claimsOfCodes(codeWorld().Services)
	for _, c := range []struct {
		text string
		want int // the code's word, -1 for none
	}{
		{"my login code never arrives", 2},
		{"the zone code sms never arrives", -1},
		{"the promo code is refused at login", -1},
		{"error code 42 when I log in", -1},
	} {
		toks := tokenize(c.text)
		got := cc.codesAt(toks)
		if c.want < 0 && len(got) > 0 || c.want >= 0 && !slices.Contains(got, c.want) {
			t.Errorf("%q: codes at %v, want %d", c.text, got, c.want)
		}
	}
}
