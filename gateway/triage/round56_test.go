package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// TestTriage_slownessRatedByWhoItReaches is round fifty-six's first
// (slowreach.go): slowness the warnings confirm is medium for one writer
// and for many on a service that is no core flow, at the desk's normal;
// high for many on a core flow, also when failure words ("hang", "timed
// out") made it a failure claim; the desk's high keeps round forty-eight's
// high.
func TestTriage_slownessRatedByWhoItReaches(t *testing.T) {
	p := projectWith(t,
		gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
			SlowShare: 0.9, Message: "psp call took 9000ms {id}"},
		gen.Incident{Service: "search", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
			SlowShare: 0.5, Message: "search timed out after 30000ms q={id}"})
	at := noonTicket
	checkVerdicts(t, p, []verdictCase{
		{"en one writer's slow card payment, it goes through: medium",
			at("payments", "Paying by card is extremely slow today, the spinner runs for a minute before it goes through.", "normal"), Medium, "payments", "one writer's slowness"},
		{"fr one writer's slow payment: medium",
			at("paiement", "Le paiement par carte est très lent, ça prend une minute mais ça passe.", "normal"), Medium, "payments", "one writer's slowness"},
		{"cs one writer's slow payment: medium",
			at("platba", "Platba kartou trvá věčnost, asi minutu, ale nakonec projde.", "normal"), Medium, "payments", "one writer's slowness"},
		{"de one writer's slow payment: medium",
			at("Zahlung", "Die Kartenzahlung dauert ewig, fast eine Minute, geht aber durch.", "normal"), Medium, "payments", "one writer's slowness"},
		{"en many users' slow search, no core flow: medium",
			at("search slow", "Search is super slow for all our customers.", "normal"), Medium, "search", "no core flow"},
		{"en many users' card payments hang, some timed out: high",
			at("card payments", "Card payments hang for all our customers, some of them timed out.", "normal"), High, "payments", "many users' slowness"},
		{"en all clients' transfers stuck: high",
			at("bank transfers", "All our clients' bank transfers are stuck confirming, a few timed out.", "normal"), High, "payments", "many users' slowness"},
		// guards: the desk's high (round forty-eight), slowness for many
		// on a core flow, a claim the service is down
		{"en one writer's slow payment marked high: high",
			at("payments", "Paying by card is extremely slow today, the spinner runs for a minute before it goes through.", "high"), High, "payments", "logs confirm the slowness"},
		{"en many users' slow search marked high: high",
			at("search slow", "Search is super slow for all our customers.", "high"), High, "search", "logs confirm the slowness"},
		{"en slow for all our customers on payments: high",
			at("payments slow", "Paying takes forever for all our customers right now.", "normal"), High, "payments", "logs confirm the slowness"},
		{"en payments down for everyone: not raised",
			at("payments down", "Payments are down, nobody can pay, everyone gets an error.", "normal"), Medium, "payments", "clean"},
		// review of round fifty-six: the cap holds scored claims only; the
		// contract's critical for data loss and security stands
		{"en slow search and saved searches deleted: critical (data loss)",
			at("search", "Search is extremely slow and all our saved searches were deleted, the data is lost.", "normal"), Critical, "search", "data loss"},
		{"en slow search showing other customers' data: critical (security)",
			at("search", "Search is super slow, and the search results show other customers' personal data!", "normal"), Critical, "search", "security"},
	})
}

// TestTriage_aSlowdownForManyStandsOnItsOwnSpan is the review of round
// fifty-six's (slowreach.go): a claim of many told with failure words on a
// core flow is raised to high by a slowdown only while its warning span
// still runs when a ticket about the present is written, or inside the
// stretch the ticket names; not by a background warning rise under
// 30 % of the requests, nor on a service that is no core flow.
func TestTriage_aSlowdownForManyStandsOnItsOwnSpan(t *testing.T) {
	const hang = "Card payments hang for all our customers, some of them timed out."
	ended := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-2 * time.Hour), Duration: 40 * time.Minute, SlowShare: 0.9})
	checkVerdicts(t, ended, []verdictCase{
		{"en payments hang for all, the slowdown ended 80 min before: not raised",
			noonTicket("card payments", hang, "normal"), Medium, "payments", "clean"},
		{"en payments hung for all between 10:00 and 10:40, the slowdown's stretch: high",
			noonTicket("card payments", "Between 10:00 and 10:40 card payments hung for all our customers, some of them timed out.", "normal"), High, "payments", "many users' slowness"},
	})
	background := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-50 * time.Minute), Duration: time.Hour, SlowShare: 0.18})
	checkVerdicts(t, background, []verdictCase{
		{"en payments hang for all on a warning rise of a sixth of requests: not raised",
			noonTicket("card payments", hang, "normal"), Medium, "payments", "clean"},
	})
	search := projectWith(t, gen.Incident{Service: "search", Start: noon.Add(-40 * time.Minute), Duration: time.Hour, SlowShare: 0.5})
	checkVerdicts(t, search, []verdictCase{
		{"en search hangs for all, no core flow: not raised",
			noonTicket("search", "Search hangs for all our customers, some searches timed out.", "normal"), Medium, "search", "clean"},
	})
}

// TestTriage_aReplyThatClaimsNothingAfterTheSpikeIsAResolution is round
// fifty-six's second (replyended.go): a reply whose new words read no
// claim and no question, written within the hour after the failure its
// thread is about ended, is a resolution, low; not while the failure still
// runs, nor after one that ended hours before.
func TestTriage_aReplyThatClaimsNothingAfterTheSpikeIsAResolution(t *testing.T) {
	failing := func(start time.Time, d time.Duration) Project {
		return projectWith(t, gen.Incident{Service: "checkout-api", Start: start, Duration: d,
			FailRate: 0.7, Status: 503, Message: "order for basket={id} not placed: pool exhausted"})
	}
	reply := func(own string) Ticket {
		return Ticket{Subject: "Re: checkout fails for all our customers", Priority: "normal", CreatedAt: noon,
			Description: own + "\n\n> On Mon, Anna wrote:\n> checkout fails for all our customers, nobody can order"}
	}
	const worksNow = "works now!! thank u so much, got my orders in and the team already packed 2 boxes lol"
	ended := failing(noon.Add(-100*time.Minute), 70*time.Minute)
	checkVerdicts(t, ended, []verdictCase{
		{"en works now!! thank u: low",
			reply(worksNow), Low, "checkout-api", "written after the thread's failure ended"},
		{"en orders coming thru again, cheers: low",
			reply("orders coming thru again now, tablet going mad lol. cheers whoever fixed it"), Low, "checkout-api", "written after the thread's failure ended"},
		// guard: a question in the new words
		{"en thanks, did you change anything?: not a resolution",
			reply("thanks! did you change anything on your side? the tablet is going mad lol"), Medium, "checkout-api", "outage"},
	})
	// review of round fifty-six: new words the lists do not read are no
	// resolution without a thanks or an end in them ("still the same",
	// "again"): the subject's claim on clean logs, medium
	checkVerdicts(t, ended, []verdictCase{
		{"en here we go again, same thing: not a resolution",
			reply("and here we go again, same thing as this morning, the tablet keeps beeping and the customers are waiting at the counter"), Medium, "checkout-api", "outage"},
		{"en third time this week: not a resolution",
			reply("third time this week honestly, the tablet is going mad and the customers are standing around waiting lol"), Medium, "checkout-api", "outage"},
		{"es sigue igual: not a resolution",
			reply("sigue igual aquí, la tableta no para de pitar y los clientes esperando en el mostrador desde hace rato"), Medium, "checkout-api", "outage"},
		{"es otra vez lo mismo: not a resolution",
			reply("otra vez lo mismo, la tableta pita sin parar y los clientes esperando en la caja, ya van tres veces hoy"), Medium, "checkout-api", "outage"},
		{"de immer noch dasselbe: not a resolution",
			reply("bei uns immer noch dasselbe, das Tablet piept die ganze Zeit und die Kunden warten an der Kasse"), Medium, "checkout-api", "outage"},
		{"hu még mindig ugyanaz: not a resolution",
			reply("még mindig ugyanaz, a tablet folyamatosan csipog és a vevők a pultnál várnak"), Medium, "checkout-api", "outage"},
		{"vi vẫn y như cũ: not a resolution",
			reply("vẫn y như cũ, máy tính bảng cứ kêu bíp liên tục và khách hàng đang đứng chờ ở quầy"), Medium, "checkout-api", "outage"},
		{"fi edelleen sama: not a resolution",
			reply("edelleen sama juttu, tabletti piippaa koko ajan ja asiakkaat odottavat tiskillä"), Medium, "checkout-api", "outage"},
		{"tl ganun pa rin: not a resolution",
			reply("ganun pa rin dito, tuloy-tuloy ang beep ng tablet at naghihintay ang mga customer sa counter"), Medium, "checkout-api", "outage"},
		{"en thanks, but still the same: not a resolution",
			reply("thanks for looking, but still the same here, the tablet keeps beeping and the customers wait at the counter"), Medium, "checkout-api", "outage"},
		{"es ya llegan, gracias: low",
			reply("ya llegan los pedidos, gracias a quien lo arregló, la tableta no para de sonar jaja"), Low, "checkout-api", "written after the thread's failure ended"},
		{"uk дякую, вже працює: low",
			reply("Дякую, вже все працює, замовлення знову приходять, отримали три за хвилину після того, як написала. Можна закривати."), Low, "checkout-api", "written after the thread's failure ended"},
	})
	running := failing(noon.Add(-60*time.Minute), 2*time.Hour)
	checkVerdicts(t, running, []verdictCase{
		{"en works now!! while it still fails: not a resolution",
			reply(worksNow), Critical, "checkout-api", "outage"},
	})
	long := failing(noon.Add(-115*time.Minute), 20*time.Minute)
	checkVerdicts(t, long, []verdictCase{
		{"en works now!! over an hour after the failure ended: not a resolution",
			reply(worksNow), Medium, "checkout-api", "outage"},
	})
}

// TestTriage_anUntiedOutageClaimAfterEveryRiseEndedIsOnCleanLogs is round
// fifty-six's third (cleannow.go): an outage claim naming no service,
// about the present, when every rise in the window ended well before it,
// is judged on clean logs: medium, no service; not when a rise still runs.
func TestTriage_anUntiedOutageClaimAfterEveryRiseEndedIsOnCleanLogs(t *testing.T) {
	at := func(description string) Ticket { return noonTicket("app", description, "high") }
	ended := projectWith(t, mailFailing(noon.Add(-100*time.Minute), 40*time.Minute, 0.3))
	checkVerdicts(t, ended, []verdictCase{
		{"en nothing works for anyone: medium",
			at("Nothing works in the app, everyone gets an error."), Medium, "", "the logs are clean now"},
		{"id semua error: medium",
			at("Aplikasi error untuk semua orang, tidak bisa dipakai sama sekali."), Medium, "", "the logs are clean now"},
	})
	running := projectWith(t, mailFailing(noon.Add(-30*time.Minute), time.Hour, 0.3))
	checkVerdicts(t, running, []verdictCase{
		{"en nothing works, a rise still running: not on clean logs",
			at("Nothing works in the app, everyone gets an error."), High, "notifications", "notifications"},
	})
	// review of round fifty-six: a slowdown still running, two rises still
	// running (clearAnomaly picks neither), slowness words, a past stretch
	slowNow := projectWith(t, mailFailing(noon.Add(-100*time.Minute), 40*time.Minute, 0.3),
		gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour, SlowShare: 0.9})
	checkVerdicts(t, slowNow, []verdictCase{
		{"en nothing works, a slowdown still running: not on clean logs",
			at("Nothing works in the app, everyone gets an error."), Critical, "", "outage words"},
		{"en the app hangs, a slowdown still running: not on clean logs",
			at("The app hangs for everyone, nothing loads."), High, "", "outage words"},
	})
	// guards: a background warning rise (a sixth of the requests) and a
	// slowdown that ended twenty minutes before leave the logs clean now
	background := projectWith(t, mailFailing(noon.Add(-100*time.Minute), 40*time.Minute, 0.3),
		gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour, SlowShare: 0.18})
	slowEnded := projectWith(t, mailFailing(noon.Add(-100*time.Minute), 40*time.Minute, 0.3),
		gen.Incident{Service: "payments", Start: noon.Add(-60 * time.Minute), Duration: 40 * time.Minute, SlowShare: 0.9})
	for _, p := range []Project{background, slowEnded} {
		checkVerdicts(t, p, []verdictCase{
			{"en nothing works, no slowdown running: medium",
				at("Nothing works in the app, everyone gets an error."), Medium, "", "the logs are clean now"},
		})
	}
	twoRunning := projectWith(t, mailFailing(noon.Add(-30*time.Minute), time.Hour, 0.3),
		gen.Incident{Service: "checkout-api", Start: noon.Add(-30 * time.Minute), Duration: time.Hour,
			FailRate: 0.3, Status: 503, Message: "order for basket={id} not placed: pool exhausted"})
	checkVerdicts(t, twoRunning, []verdictCase{
		{"en nothing works, two rises still running: not on clean logs",
			at("Nothing works in the app, everyone gets an error."), Critical, "", "outage words"},
	})
	checkVerdicts(t, ended, []verdictCase{
		{"en timeouts and slowness for everyone: not on clean logs (slowness words)",
			at("Everyone gets timeouts, the app is super slow and nothing loads."), High, "", "outage words"},
	})
	twoPast := projectWith(t, mailFailing(noon.Add(-100*time.Minute), 40*time.Minute, 0.3),
		gen.Incident{Service: "search", Start: noon.Add(-100 * time.Minute), Duration: 40 * time.Minute,
			FailRate: 0.3, Status: 503, Message: "search shard {n} unavailable"})
	checkVerdicts(t, twoPast, []verdictCase{
		{"en nothing worked between 10:15 and 11:00: not on clean logs (a past stretch)",
			at("Between 10:15 and 11:00 nothing worked in the app, everyone got errors."), Critical, "", "outage words"},
	})
}

// noonTicket is a ticket written at noon, the test worlds' end.
func noonTicket(subject, description, priority string) Ticket {
	return Ticket{Subject: subject, Description: description, Priority: priority, CreatedAt: noon}
}
