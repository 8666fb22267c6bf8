package triage

import (
	"testing"
	"time"
)

// Round eighty-one: a stretch takes the day named beside it, as a clock
// does (rangeday.go); rows in the languages the sets use, and counter-rows
// that stay on the ticket's day.
func TestExtractTime_aStretchTakesTheDayNamedBesideIt(t *testing.T) {
	created := time.Date(2026, 11, 27, 21, 0, 0, 0, time.UTC) // a Friday evening
	// on is the stretch from h1:m1 to h2:m2 on November's day d.
	on := func(d, h1, m1, h2, m2 int) Window {
		return Window{time.Date(2026, 11, d, h1, m1, 0, 0, time.UTC), time.Date(2026, 11, d, h2, m2, 0, 0, time.UTC)}
	}
	type row struct {
		name, text string
		want       Window
	}
	for _, c := range []row{
		{"English, a weekday in parentheses", "yesterday (Thursday) from about 6:20 to 7 pm none of our vans could pay", on(26, 18, 20, 19, 0)},
		{"Spanish", "Ayer, entre las 18:20 y las 19:00, ninguna furgoneta pudo pagar", on(26, 18, 20, 19, 0)},
		{"German", "Gestern zwischen 18:20 und 19:00 konnte keiner bezahlen", on(26, 18, 20, 19, 0)},
		{"Polish", "Wczoraj między 18:20 a 19:00 nikt nie mógł zapłacić", on(26, 18, 20, 19, 0)},
		{"a weekday named", "on Wednesday between 18:20 and 19:00 nobody could pay", on(25, 18, 20, 19, 0)},
		// counter-rows: the ticket's day
		{"today named", "today from 6:20 to 7 pm nobody could pay", on(27, 18, 20, 19, 0)},
		{"no day named", "from 6:20 to 7 pm nobody could pay", on(27, 18, 20, 19, 0)},
		{"last night's small hours", "last night between 1:00 and 1:40 nobody could pay", on(27, 1, 0, 1, 40)},
		{"a bare 12-hour stretch, read in the afternoon", "yesterday from roughly 12:40 to 1:20 nobody could log in", on(26, 12, 40, 13, 20)},
		// counter-rows: the small hours, and a stretch read longer than
		// half a day, stay where the clocks put them
		{"a stretch ending in the small hours", "yesterday between 1:00 and 2:30 am the import failed", on(27, 1, 0, 2, 30)},
		{"a stretch read longer than half a day", "yesterday between 18:20 and 10:00 the import failed", Window{on(26, 18, 20, 0, 0).From, on(27, 0, 0, 10, 0).To}},
		{"a nearer today", "Yesterday I called you. Between 18:20 and 19:00 today nobody could pay", on(27, 18, 20, 19, 0)},
	} {
		ref := ExtractTime(c.text, created, time.UTC, 2*time.Hour)
		if !ref.Window.From.Equal(c.want.From) || !ref.Window.To.Equal(c.want.To) {
			t.Errorf("%s: window %s – %s (%q), want %s – %s", c.name, ref.Window.From.Format(time.RFC3339), ref.Window.To.Format(time.RFC3339),
				ref.Phrase, c.want.From.Format(time.RFC3339), c.want.To.Format(time.RFC3339))
		}
	}
}
