package triage

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
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
		// the round's review: r01, r03, r06, r15 and r18 right at the round;
		// r07, r09, v07 (a word for "again" that is also a still word,
		// beside a verb of working) and r20 (a failure gone in the cue's
		// own clause) wrong at it
		{name: "r01 going through again", sev: Low, svc: "payments", reason: why,
			tk: reply("Re: payments failing", "Payments are going through again, thanks a lot!", "Every card payment fails at checkout.")},
		{name: "r03 Norwegian igjen", sev: Low, svc: "auth", reason: why,
			tk: reply("Sv: får ikke innloggingskode", "Koden på SMS kommer fram igjen, takk!", "Login code by SMS never arrives, ingen kan logge inn.")},
		{name: "r06 German wieder", sev: Low, svc: "notifications", reason: why,
			tk: reply("AW: Push-Nachrichten kommen nicht an", "Die Push-Nachrichten kommen wieder an, danke!", "Keine Push-Nachrichten seit heute früh, the push notifications do not arrive.")},
		{name: "r15 goin thru", sev: Low, svc: "payments", reason: why,
			tk: reply("Re: payments failing", "Thx, payments are goin thru again", "Every card payment fails at checkout.")},
		{name: "r07 Indonesian lagi", sev: Low, svc: "auth", reason: why,
			tk: reply("Re: tidak bisa login", "Sudah bisa masuk lagi, terima kasih", "Kami tidak bisa login sejak pagi, login fails for everyone.")},
		{name: "r09 Polish znowu", sev: Low, svc: "payments", reason: why,
			tk: reply("Re: płatności nie działają", "Płatności znowu przechodzą, dziękuję.", "Every card payment fails at checkout, płatności odrzucone.")},
		{name: "v07 Portuguese de novo", sev: Low, svc: "payments", reason: why,
			tk: reply("Re: pagamentos recusados", "Obrigado, os pagamentos passam de novo.", "Every card payment fails at checkout, todos os pagamentos recusados.")},
		{name: "r20 gone clause joined by und", sev: Low, svc: "notifications", reason: why,
			tk: reply("AW: Push-Nachrichten kommen nicht an", "Die Fehlermeldung ist weg und die Pushs kommen wieder, danke", "Keine Push-Nachrichten seit heute früh, the push notifications do not arrive.")},
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
		// the round's review: each was read as an end at the round
		reply("Re: checkout down", "Here is the screenshot you asked for. Thanks again for looking into this!", "Nobody can check out, error 502."),
		reply("Re: checkout down", "Adjunto la captura de pantalla. ¡Gracias de nuevo!", "Nobody can check out, error 502."),
		reply("Re: checkout down", "Dziękuję ponownie, czekam na odpowiedź.", "Nobody can check out, error 502."),
		reply("Re: login error", "Terima kasih, saya akan menghubungi kembali besok pagi.", "Nobody can sign in, error 500 at login."),
		reply("Re: login error", "Bedankt, mijn collega belt je terug met de details.", "Nobody can sign in, error 500 at login."),
		reply("Re: login error", "Igen, köszönöm, várom a válaszukat.", "Nobody can sign in, error 500 at login."),
		reply("Re: login error", "Vielen Dank für Ihre Nachricht. Ich bin morgen wieder im Büro und melde mich dann.", "Nobody can sign in, error 500 at login."),
		reply("Re: login error", "Thanks, will contact you again if needed.", "Nobody can sign in, error 500 at login."),
		reply("Re: checkout down", "Thanks, I'll check again tomorrow morning.", "Nobody can check out, error 502."),
		reply("Re: checkout down", "Thanks, let me know once it's back.", "Nobody can check out, error 502."),
		reply("Re: checkout down", "Thanks, could you tell me when payments go through again", "Nobody can check out, error 502."),
		reply("Re: Push-Nachrichten kommen nicht an", "Danke, hoffentlich geht es bald wieder.", "Keine Push-Nachrichten seit heute früh."),
		reply("Re: checkout down", "Thanks, I will now go through the steps you sent and report back.", "Nobody can check out, error 502."),
		reply("Re: checkout down", "Thanks, our team is going through the logs now.", "Nobody can check out, error 502."),
		reply("Re: login error", "Thanks, works now for me, but not for my colleagues in Berlin.", "Nobody can sign in, error 500 at login."),
		reply("Re: login error", "Salamat, susubukan ko ulit mamaya.", "Nobody can sign in, error 500 at login."),
		reply("Re: login error", "Teşekkürler, yarın tekrar deneyeceğim.", "Nobody can sign in, error 500 at login."),
		reply("Re: login error", "감사합니다, 내일 다시 시도해 보겠습니다.", "Nobody can sign in, error 500 at login."),
		reply("Re: login error", "Díky, já to zkusím zítra znovu.", "Nobody can sign in, error 500 at login."),
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

// The round's review: where a spike on the thread's service runs when
// the reply is written, the logs overrule the words, and the reasons say
// the reply was read as an end and set aside.
func TestEndedReply_theLogsOverruleTheWordsAndSaySo(t *testing.T) {
	p := projectWith(t, gen.Incident{Service: "checkout-api", Start: noon.Add(-40 * time.Minute), Duration: 2 * time.Hour,
		FailRate: 0.7, Status: 503, Message: "order for basket={id} not placed: pool exhausted"})
	tk := Ticket{Subject: "Re: checkout fails for all our customers", Priority: "normal", CreatedAt: noon,
		Description: "Orders are going through again, thanks!\n\n> On Mon, Anna wrote:\n> checkout fails for all our customers, nobody can order"}
	res, err := New(p, Settings{}).Triage(context.Background(), tk)
	if err != nil {
		t.Fatal(err)
	}
	reasons := strings.Join(res.Reasons, "|")
	if res.Severity == Low || !strings.Contains(reasons, `the reply's own words tell the end ("going through again")`) ||
		!strings.Contains(reasons, "the logs decide, not the words") {
		t.Errorf("got %s, want the report with the words set aside in the reasons; reasons %q", res.Severity, res.Reasons)
	}
}
