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

// The review of round eighty-one: the day word must name the stretch's day
// in its own clause. "the day before yesterday" is two days back; a denied
// "yesterday" names no day; "this morning" or "tonight" holds the stretch
// as "today" does; a ";" or a sentence's end bounds the reach; a weekday
// said of a thing ("my Sunday order") names no day of the failure.
func TestExtractTime_aStretchTakesOnlyItsOwnClausesDay(t *testing.T) {
	at := func(d, h1, m1, h2, m2 int) Window {
		return Window{time.Date(2026, 7, d, h1, m1, 0, 0, time.UTC), time.Date(2026, 7, d, h2, m2, 0, 0, time.UTC)}
	}
	for _, c := range []struct {
		name, text string
		created    time.Time
		want       Window
	}{
		// (the shortest window, 15 minutes, ends at the stretch's end)
		{"the day before yesterday", "The day before yesterday from 20:05 to 20:12 I couldn't sign in, the code was refused.", time.Date(2026, 7, 3, 23, 30, 0, 0, time.UTC), Window{time.Date(2026, 7, 1, 19, 57, 0, 0, time.UTC), at(1, 20, 5, 20, 12).To}},
		{"yesterday in the clause before", "I ordered yesterday; from 12:35 to 13:10 sign-in failed every time I tried.", time.Date(2026, 7, 3, 14, 30, 0, 0, time.UTC), at(3, 12, 35, 13, 10)},
		{"yesterday in the sentence before", "I ordered yesterday. From 12:35 to 13:10 sign-in failed every time I tried.", time.Date(2026, 7, 3, 14, 30, 0, 0, time.UTC), at(3, 12, 35, 13, 10)},
		{"this morning, not yesterday", "Pickup booking failed this morning 6:40-7:10, not yesterday.", time.Date(2026, 7, 3, 9, 0, 0, 0, time.UTC), at(3, 6, 40, 7, 10)},
		{"not yesterday", "Pickup booking failed from 6:40 to 7:10, not yesterday.", time.Date(2026, 7, 3, 9, 0, 0, 0, time.UTC), at(3, 6, 40, 7, 10)},
		{"tonight", "Yesterday fine, tonight between 19:10 and 19:40 nobody could pay.", time.Date(2026, 7, 3, 21, 0, 0, 0, time.UTC), at(3, 19, 10, 19, 40)},
		{"a weekday said of a thing", "Between 12:35 and 13:10 my Sunday order page wouldn't let me sign in, the code was rejected.", time.Date(2026, 7, 6, 22, 30, 0, 0, time.UTC), at(6, 12, 35, 13, 10)},
		// counter-rows: still moved
		{"yesterday, then the stretch", "Yesterday between 18:20 and 19:00, after I ordered, nobody could pay.", time.Date(2026, 7, 3, 21, 0, 0, 0, time.UTC), at(2, 18, 20, 19, 0)},
		{"approx. before the stretch", "yesterday approx. 18:20-19:00 nobody could pay", time.Date(2026, 7, 3, 21, 0, 0, 0, time.UTC), at(2, 18, 20, 19, 0)},
		{"on a weekday", "On Sunday between 12:35 and 13:10 my order page wouldn't let me sign in", time.Date(2026, 7, 6, 22, 30, 0, 0, time.UTC), at(5, 12, 35, 13, 10)},
	} {
		ref := ExtractTime(c.text, c.created, time.UTC, 2*time.Hour)
		if !ref.Window.From.Equal(c.want.From) || !ref.Window.To.Equal(c.want.To) {
			t.Errorf("%s: window %s – %s (%q), want %s – %s", c.name, ref.Window.From.Format(time.RFC3339), ref.Window.To.Format(time.RFC3339),
				ref.Phrase, c.want.From.Format(time.RFC3339), c.want.To.Format(time.RFC3339))
		}
	}
}
