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
