package triage

import (
	"context"
	"strings"
	"testing"
)

// reply is a reply whose new words are own, above the quoted report.
func reply(subject, own, quoted string) Ticket {
	return Ticket{Subject: subject, CreatedAt: noon.Add(-10 * 60e9), Priority: "normal",
		Description: own + "\n\n> On Monday, Ann wrote:\n> " + quoted}
}

// A reply that tells in words of its own that the thread's failure ended
// (again, now beside a verb of working or coming, back) and thanks or
// asks to close is a resolution, on clean logs too (round eighty).
func TestEndedReply_aReplyThatSaysItHoldsAgainIsAResolution(t *testing.T) {
	const why = "resolution told in the reply's own words"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{name: "going through again", sev: Low, svc: "payments", reason: why,
			tk: reply("Re: URGENT payments failing", "Payments are going through again on our side. Thank you team!", "every card payment fails for the whole team, please help")},
		{name: "works now", sev: Low, svc: "search", reason: why,
			tk: reply("Re: search not working", "ok search works now, thanks!", "Search gives an error for every word, nothing found.")},
		{name: "it's back", sev: Low, svc: "search", reason: why,
			tk: reply("Re: search not loading", "It's back, thank you! Found our restaurant.", "The search just says 'Search is unavailable right now' whatever I type.")},
		{name: "we're all back in", sev: Low, svc: "auth", reason: why,
			tk: reply("Re: Nobody in our team can sign in", "We're all back in since about 15:15, thanks. No need to call.", "All 9 of us are locked out of the login right now.")},
		{name: "Swedish igen", sev: Low, svc: "auth", reason: why,
			tk: reply("Sv: Vi kan inte logga in", "Hej igen, nu kan vi logga in på kassorna igen, allt fungerar. Tack för snabb hjälp!", "Ingen av oss i butiken kan logga in. Kunderna står i kö.")},
		{name: "Norwegian igjen nå", sev: Low, svc: "notifications", reason: why,
			tk: reply("Sv: Ingen SMS", "SMS-ene kommer igjen nå, takk for at dere fikset det så raskt.", "Ingen av kundene våre får SMS i dag, the sms notifications do not arrive.")},
		{name: "Portuguese voltou", sev: Low, svc: "search", reason: why,
			tk: reply("Re: busca com erro", "voltou aqui!! obrigada", "a busca não carrega, dá erro em todo mundo")},
		{name: "French re- verb", sev: Low, svc: "payments", reason: why,
			tk: reply("Re: paiements refusés", "Les paiements par carte refonctionnent depuis 16h10, merci.", "Tous les paiements par carte de nos clients sont refusés.")},
		{name: "Dutch error gone", sev: Low, svc: "search", reason: why,
			tk: reply("Re: zoeken geeft foutmelding", "De foutmelding is weg, zoeken lukt nu prima. Bedankt!", "Bij zoeken krijg ik steeds een foutmelding.")},
		{name: "Indonesian sudah masuk", sev: Low, svc: "notifications", reason: why,
			tk: reply("Re: notifikasi tidak masuk", "Sudah masuk semua notifikasinya, barusan. Terima kasih banyak!", "Notifikasi email tidak masuk sejak pagi.")},
	})
}

// A request to close in the passive ("can be closed") and Hindi's "close
// the ticket" close a thread as the active requests do (round eighty).
func TestEndedReply_closeRequestsInThePassive(t *testing.T) {
	checkVerdicts(t, projectWith(t), []verdictCase{
		{name: "Turkish", sev: Low, svc: "notifications", reason: "kapatılabilir",
			tk: Ticket{Subject: "Bildirimler", CreatedAt: noon.Add(-10 * 60e9), Priority: "normal",
				Description: "Öğlen push bildirimleri gelmiyordu, yazmıştım. Şimdi sorunsuz aldık. Talep kapatılabilir, teşekkürler."}},
		{name: "Arabic", sev: Low, svc: "payments", reason: "يمكن إغلاق",
			tk: Ticket{Subject: "الدفع", CreatedAt: noon.Add(-10 * 60e9), Priority: "normal",
				Description: "شكرا لكم، الدفع يعمل الآن بشكل طبيعي. يمكن إغلاق الطلب."}},
	})
}

// Replies that thank but tell of no end stay the thread's report: an
// attempt again, a still word, a question, a new failure, "now" beside no
// verb of working, a failure that is back. Each fails with its guard off.
func TestEndedReply_aThanksThatTellsNoEndIsNoResolution(t *testing.T) {
	tr := New(projectWith(t), Settings{})
	for _, tk := range []Ticket{
		reply("Re: checkout down", "Thanks, I tried again after your mail.", "Nobody can check out, error 502."),
		reply("Re: checkout down", "Thanks, orders come through again here and there, still the same for most.", "Nobody can check out, error 502."),
		reply("Re: checkout down", "Thanks, are the orders coming through again now?", "Nobody can check out, error 502."),
		reply("Re: checkout down", "Thanks, checkout loads again. But the payment step gives error 500 now.", "Nobody can check out, error 502."),
		reply("Re: checkout down", "Thanks. I have now sent the screenshot you asked for.", "Nobody can check out, error 502."),
		reply("Re: Login nicht möglich", "Danke, der Fehler ist wieder da.", "Niemand kann sich anmelden."),
	} {
		res, err := tr.Triage(context.Background(), tk)
		if err != nil {
			t.Fatal(err)
		}
		if res.Severity == Low || strings.Contains(strings.Join(res.Reasons, "|"), "resolution") {
			t.Errorf("%q: got %s, want no resolution; reasons %q", tk.Description[:strings.Index(tk.Description, "\n")], res.Severity, res.Reasons)
		}
	}
}
