package triage

import (
	"testing"
	"time"
)

// Round eighty-one: a quoted message's time words are the product's; the
// writer's own time, outside the quotes, sets the window (quotedclock.go).
func TestExtractTime_theWritersClockBeatsAQuotedMessages(t *testing.T) {
	created := time.Date(2026, 11, 27, 20, 30, 0, 0, time.UTC)
	at := func(h, m int) time.Time { return time.Date(2026, 11, 27, h, m, 0, 0, time.UTC) }
	for _, c := range []struct {
		name, text string
		from       time.Time
	}{
		{"English, straight quotes", `Around 3 pm today nobody could sign in: the app said "We couldn't check your code right now. Please try again." for half an hour.`, at(14, 50)},
		{"English, curly quotes", `Around 5:30 pm today the search returned “Search is unavailable right now (503)” every time.`, at(17, 20)},
		{"German, low-high quotes", `Heute gegen 14:10 kam beim Bezahlen „Zahlungen seit 5 Minuten nicht möglich“.`, at(14, 0)},
		{"French, guillemets", `Vers 15h20 l'application affichait « Service indisponible depuis 10 minutes ».`, at(15, 10)},
		{"Spanish, straight quotes", `Hoy sobre las 16:05 la app decía "pagos no disponibles desde hace 10 minutos".`, at(15, 55)},
	} {
		ref := ExtractTime(c.text, created, time.UTC, 2*time.Hour)
		if !ref.Found || !ref.Window.From.Equal(c.from) {
			t.Errorf("%s: window %s – %s (%q), want it from %s", c.name, ref.Window.From.Format(time.RFC3339), ref.Window.To.Format(time.RFC3339), ref.Phrase, c.from.Format(time.RFC3339))
		}
	}
}

// Counter-rows: what quotedclock.go must leave as it was.
func TestExtractTime_quotedMessagesLeaveTheseAlone(t *testing.T) {
	created := time.Date(2026, 11, 27, 17, 30, 0, 0, time.UTC)
	for _, c := range []struct{ name, text string }{
		// the quoted message holds the only time: it counts, as before
		{"only the quoted time", `The page says "Our payment service is unavailable right now" and I can't pay.`},
		// an odd count of straight quotes on the line pairs nothing
		{"an odd straight quote", `On my 27" screen the app said right now it can't load, around 3 pm it was fine.`},
		// the writer's time is outside, the quote holds none
		{"a quote with no time", `Around 3 pm the app said "Payment could not be completed".`},
		// a quoted passage longer than a message is not blanked
		{"a long quoted passage", `"` + longQuote + ` right now" and around 3 pm I tried again.`},
		// a quote that is its line's whole text is a quoted report
		{"a quoted report on its own line", "Forwarding from our helpdesk.\n> \"The call API returns 502 since about an hour.\"\nOpened 18:02."},
		// a lone day outside the quotes does not win over them
		{"a lone day outside", `Search says "Search is unavailable right now" and with Black Friday that is hopeless.`},
		// the apostrophe quotes nothing
		{"apostrophes", `I couldn't pay right now, it's the third time today, around 3 pm it didn't work either.`},
	} {
		if got := ExtractTime(c.text, created, time.UTC, 2*time.Hour); got.QuotedAside != "" {
			t.Errorf("%s: set aside %q for %q", c.name, got.QuotedAside, got.Phrase)
		}
	}
}

// The review of round eighty-one: a message the writer tells in the
// present ("the app says …", "fails with …", "now I can't …") is shown at
// the writer's own now, and its "right now" is the failure's; a clock the
// writer names far from that now (an order placed, a slot, a deadline) is
// no time of the failure. The writer's own time wins only when it reaches
// the ticket (an onset, a try a few minutes before). A clock the writer
// names for tomorrow, as a deadline, or denies is no time of the failure
// however the message is told.
func TestExtractTime_aMessageToldInThePresentKeepsItsNow(t *testing.T) {
	for _, c := range []struct {
		name, text string
		created    time.Time
	}{
		{"an appointment, says", `I want a pickup tomorrow at 18:00 but the app says "Pickup booking is unavailable right now (503)". Tried five times.`, time.Date(2026, 7, 3, 6, 45, 0, 0, time.UTC)},
		{"a deadline, fails with", `I need my suits by 9:30 tomorrow and card payment fails with "Payments are unavailable right now".`, time.Date(2026, 7, 3, 14, 10, 0, 0, time.UTC)},
		{"an order's time, now I can't", `I placed an order at 8:15 this morning, and now I can't sign in to track it: "Sign-in is not possible right now (503)".`, time.Date(2026, 7, 3, 12, 50, 0, 0, time.UTC)},
		{"a denied clock, says", `It wasn't at 17:30 like my flatmate said; for me the app says "Pickup booking is unavailable right now (503)" every time I try.`, time.Date(2026, 7, 3, 6, 45, 0, 0, time.UTC)},
		{"German, zeigt", `Ich habe um 8:15 bestellt, und die App zeigt „Anmeldung seit 5 Minuten nicht möglich“.`, time.Date(2026, 7, 3, 12, 50, 0, 0, time.UTC)},
		{"French, affiche", `J'ai commandé vers 8h15 et l'application affiche « Connexion indisponible depuis 10 minutes ».`, time.Date(2026, 7, 3, 12, 50, 0, 0, time.UTC)},
		{"a slot for tomorrow, told in the past", `I wanted to book tomorrow at 18:00 but the app said "Pickup booking is unavailable right now".`, time.Date(2026, 7, 3, 6, 45, 0, 0, time.UTC)},
		{"a denied clock, told in the past", `It wasn't at 17:30, the app said "Pickup booking is unavailable right now".`, time.Date(2026, 7, 3, 6, 45, 0, 0, time.UTC)},
	} {
		ref := ExtractTime(c.text, c.created, time.UTC, 2*time.Hour)
		if ref.QuotedAside != "" || !ref.Window.To.Equal(c.created) {
			t.Errorf("%s: window %s – %s (%q, set aside %q), want the product's now kept", c.name, ref.Window.From.Format(time.RFC3339), ref.Window.To.Format(time.RFC3339), ref.Phrase, ref.QuotedAside)
		}
	}
}

// Counter-rows to the review's: the writer's own time still wins over a
// message told in the past, or when it reaches the writer's now.
func TestExtractTime_theWritersTimeStillWins(t *testing.T) {
	created := time.Date(2026, 11, 27, 20, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		name, text, phrase string
	}{
		{"told in the past, then it works now", `Around 5:30 pm today the search returned "Search is unavailable right now (503)" every time. Now it works.`, "around 5:30 pm"},
		{"says, and an onset", `We get "We couldn't verify your code right now (503)". Started around 19:30 our time.`, "around 19:30"},
		{"says, and tries a few minutes before", `It thinks for a while and then says "We couldn't apply your gift card right now". Tried twice at 20:19 and 20:25.`, "at 20:19"},
		{"a negation elsewhere", `Not yesterday but today around 3 pm the app said "Search is unavailable right now".`, "around 3 pm"},
	} {
		ref := ExtractTime(c.text, created, time.UTC, 2*time.Hour)
		if ref.QuotedAside == "" || ref.Phrase != c.phrase {
			t.Errorf("%s: read %q (set aside %q), want the writer's %q", c.name, ref.Phrase, ref.QuotedAside, c.phrase)
		}
	}
}

// The review's third finding: a product message's "still", "continue" or
// "restart" does not make the writer's clock an onset.
func TestExtractTime_aQuotedMessagesOnsetWordsAreTheProducts(t *testing.T) {
	created := time.Date(2026, 11, 27, 20, 30, 0, 0, time.UTC)
	ref := ExtractTime(`Around 3 pm today the sync said "Your upload will continue shortly" and nothing came through.`, created, time.UTC, 2*time.Hour)
	if ref.Window.To.Equal(created) {
		t.Errorf("window %s – %s (%q): a quoted \"continue\" made the writer's clock an onset", ref.Window.From.Format(time.RFC3339), ref.Window.To.Format(time.RFC3339), ref.Phrase)
	}
}

const longQuote = "Dear customer, we are currently carrying out planned maintenance on our payment systems. During this time some payments may fail or take longer than usual. We apologise for the inconvenience and thank you for your patience while our teams work on it, you can try again"

func TestQuotedMessages_pairsMarksOnOneLine(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{`it said "error" and then "try again"`, 2},
		{`a 27" screen and "one"`, 0},
		{"«réessayez» puis „Fehler“ und 「エラー」", 3},
		{"\"opened here\nclosed there\"", 0},
		{`don't, l'app`, 0},
	} {
		if got := len(quotedMessages(c.text)); got != c.want {
			t.Errorf("quotedMessages(%q) = %d spans, want %d", c.text, got, c.want)
		}
	}
}
