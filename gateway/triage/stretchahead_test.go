package triage

import (
	"context"
	"strings"
	"testing"
	"time"
)

// Round one hundred: a stretch still to come today in the reading zone,
// no zone and no other day named, is read in the writer's zone ahead
// (stretchahead.go); counter-rows keep the day the clocks give.
func TestExtractTime_aStretchStillToComeIsTheWritersZoneAhead(t *testing.T) {
	at := func(d, h1, m1, h2, m2 int) Window {
		return Window{time.Date(2035, 10, d, h1, m1, 0, 0, time.UTC), time.Date(2035, 10, d, h2, m2, 0, 0, time.UTC)}
	}
	evening := time.Date(2035, 10, 20, 17, 50, 0, 0, time.UTC)
	for _, c := range []struct {
		name, text string
		created    time.Time
		want       Window
	}{
		{"Dutch", "Tussen 19:05 en 19:40 werden vrijwel alle aanbetalingen geweigerd (503).", evening, at(20, 17, 5, 17, 40)},
		{"Polish", "Między 19:05 a 19:40 nie dało się zapłacić, teraz działa.", evening, at(20, 17, 5, 17, 40)},
		{"French, this morning", "L'incident de ce matin : entre 9h45 et 10h20 aucun appel n'a été distribué.",
			time.Date(2035, 10, 20, 9, 5, 0, 0, time.UTC), at(20, 7, 45, 8, 20)},
		{"English, a dash stretch", "After the upload errors (we got a 502 a lot around 11:40-12:00) the receipts are gone.",
			time.Date(2035, 10, 20, 11, 35, 0, 0, time.UTC), at(20, 10, 40, 11, 0)},
		{"tomorrow said of another thing", "Between 19:05 and 19:40 nobody could pay. We open again tomorrow, please fix it.", evening, at(20, 17, 5, 17, 40)},
		// counter-rows: the day before, as the clocks give it
		{"a zone named", "Between 19:05 and 19:40 London time nobody could pay.", evening, at(19, 18, 5, 18, 40)},
		{"a zone after the stretch", "Between 19:05 and 19:40 utc nobody could pay.", evening, at(19, 19, 5, 19, 40)},
		{"yesterday named elsewhere", "Yesterday evening the shop was down. Between 19:05 and 19:40 nobody could pay.", evening, at(19, 19, 5, 19, 40)},
		{"tomorrow in the stretch's clause", "Tomorrow between 19:05 and 19:40 we run the sale, will it work?", evening, at(19, 19, 5, 19, 40)},
		{"more than two hours ahead", "Between 19:05 and 19:40 nobody could pay.", time.Date(2035, 10, 20, 17, 30, 0, 0, time.UTC), at(19, 19, 5, 19, 40)},
		{"the small hours already today", "Between 0:10 and 0:30 nobody could pay.", time.Date(2035, 10, 20, 22, 30, 0, 0, time.UTC), at(20, 0, 10, 0, 30)},
		// the review of round one hundred: a past day the guard did not
		// know, anywhere in the text
		{"last evening", "Last evening between 19:05 and 19:40 nobody could pay.", evening, at(19, 19, 5, 19, 40)},
		{"a date in figures", "Am 19.10. zwischen 19:05 und 19:40 konnte niemand zahlen.", evening, at(19, 19, 5, 19, 40)},
		{"a date with a slash", "On 19/10 the shop was slow. Between 19:05 and 19:40 nobody could pay.", evening, at(19, 19, 5, 19, 40)},
		{"a date in figures, today's", "Am 20.10. zwischen 19:05 und 19:40 konnte niemand zahlen.", evening, at(20, 17, 5, 17, 40)},
		{"a quoted header's date, today's", "Between 19:05 and 19:40 nobody could pay.\n> On 20/10 at 11:00 Anna wrote:", evening, at(20, 17, 5, 17, 40)},
		{"a clock with a dot", "Between 19.05 and 19.40 nobody could pay.", evening, at(20, 17, 5, 17, 40)},
		{"the day by its ordinal", "On the 19th between 19:05 and 19:40 nobody could pay.", evening, at(19, 19, 5, 19, 40)},
		{"yesterday mistyped", "yesterdy between 19:05 and 19:40 nobody could pay", evening, at(19, 19, 5, 19, 40)},
		{"Ukrainian yesterday", "Учора 19:05–19:40 ніхто не міг заплатити.", evening, at(19, 19, 5, 19, 40)},
		// a day still to come anywhere in the stretch's clause
		{"tomorrow far along the clause", "Between 19:05 and 19:40 I tried to pay for the laundry pickup of tomorrow and it failed.", evening, at(19, 19, 5, 19, 40)},
		{"demain in the clause", "Entre 19:05 et 19:40 je n'ai pas pu payer la réservation de demain.", evening, at(19, 19, 5, 19, 40)},
		// a stretch told of a thing, not of the failure
		{"opening hours", "Our reception is staffed between 19:05 and 19:40 if the driver calls. Right now nobody can pay.", evening, at(19, 19, 5, 19, 40)},
		{"a slot", "My return slot is today between 19:05 and 19:40. Can the driver ring twice?", evening, at(19, 19, 5, 19, 40)},
		{"a visit to come", "He never came.\n> Our driver will come between 19:05 and 19:40.", evening, at(19, 19, 5, 19, 40)},
		{"a stretch that suits", "Can the driver come tomorrow? Between 19:05 and 19:40 suits me. The booking page failed just now.", evening, at(19, 19, 5, 19, 40)},
		{"a stretch needed", "Tonight between 19:05 and 19:40 I need a pickup, but the booking keeps failing.", evening, at(19, 19, 5, 19, 40)},
	} {
		got := ExtractTime(c.text, c.created, time.UTC, 2*time.Hour)
		if w := (Window{got.Window.From.UTC(), got.Window.To.UTC()}); w != c.want {
			t.Errorf("%s: window %v (%q), want %v", c.name, w, got.Phrase, c.want)
		}
	}
}

// A stretch already over today is not moved (stretchAhead called on its
// own: the readers put such a stretch today before it is asked).
func TestStretchAhead_keepsAStretchAlreadyOver(t *testing.T) {
	created := time.Date(2035, 10, 20, 20, 0, 0, 0, time.UTC)
	from, to := time.Date(2035, 10, 19, 17, 0, 0, 0, time.UTC), time.Date(2035, 10, 19, 18, 0, 0, 0, time.UTC)
	if a, b, shift := stretchAhead("between 17:00 and 18:00", "between 17:00 and 18:00", from, to, created); !a.Equal(from) || !b.Equal(to) || shift != 0 {
		t.Errorf("got %s – %s (shift %s), want it kept", a, b, shift)
	}
}

// A clock still to come with "tomorrow" said of another thing is the
// writer's zone ahead (clockAhead); "tomorrow" beside it keeps its day.
func TestExtractTime_aClockStillToComeWithTomorrowElsewhere(t *testing.T) {
	created := time.Date(2035, 9, 12, 16, 20, 0, 0, time.UTC)
	for _, c := range []struct {
		name, text string
		want       time.Time
	}{
		{"English", "my client didn't get the guest invite I sent at 5:10pm. She's coming tomorrow, can you resend?", time.Date(2035, 9, 12, 16, 10, 0, 0, time.UTC)},
		{"tomorrow beside the clock", "can I book tomorrow at 5:10pm? the page fails", time.Date(2035, 9, 11, 17, 10, 0, 0, time.UTC)},
		// the review of round one hundred: the clause to its end, however
		// far, and a past day the guard did not know
		{"tomorrow far along the clause", "at 5:10pm I tried to pay for the laundry pickup of tomorrow and the card failed", time.Date(2035, 9, 11, 17, 10, 0, 0, time.UTC)},
		{"last evening elsewhere", "Last evening the app was slow. The invite I sent at 5:10pm never arrived.", time.Date(2035, 9, 11, 17, 10, 0, 0, time.UTC)},
	} {
		ref := ExtractTime(c.text, created, time.UTC, 2*time.Hour)
		if ref.Window.From.After(c.want) || ref.Window.To.Before(c.want) {
			t.Errorf("%s: window %s – %s (%q), want it to hold %s", c.name, ref.Window.From.Format(time.RFC3339), ref.Window.To.Format(time.RFC3339), ref.Phrase, c.want.Format(time.RFC3339))
		}
	}
}

// The trace says the stretch was read ahead, and by how much.
func TestTriage_explainsAStretchReadAhead(t *testing.T) {
	tk := Ticket{ID: "1", Subject: "Alle aanbetalingen geweigerd", Description: "Tussen 19:05 en 19:40 werden vrijwel alle aanbetalingen geweigerd (503).",
		CreatedAt: time.Date(2035, 10, 20, 17, 50, 0, 0, time.UTC)}
	_, why, err := New(Project{}, Settings{}).Explain(context.Background(), tk)
	if err != nil {
		t.Fatal(err)
	}
	if want := `the stretch "between 19:05 en 19:40" is still to come today in UTC: read in a zone 2h0m0s ahead of it`; !strings.Contains(why, want) {
		t.Errorf("explain lacks %q:\n%s", want, why)
	}
}
