package triage

import (
	"testing"
	"time"
)

// Round one hundred and three: a country's adjective joined to a word for
// time names the writer's zone, in the order each language puts them.
func TestExtractTime_readsAZoneToldAsAnAdjective(t *testing.T) {
	created := time.Date(2046, 7, 10, 18, 0, 0, 0, time.UTC) // summer time in Europe
	at := func(h, m int) time.Time { return time.Date(2046, 7, 10, h, m, 0, 0, time.UTC) }
	for _, c := range []struct {
		name, text string
		from       time.Time // the clock named, in UTC
		named      string    // the words read as the zone ("" for none)
	}{
		{"English, in parentheses", "Hi, at 14:30 today (Danish time) the app took the amendment fee but the booking did not change.", at(12, 30), "danish time"},
		{"English, Irish summer time", "Since about 7:30 this morning (Irish time) no card payment goes through.", at(6, 30), "irish time"},
		{"German, adjective first", "Die Zahlung ist heute um 14:30 Uhr britischer Zeit fehlgeschlagen.", at(13, 30), "britischer zeit"},
		{"Dutch, adjective first", "Vandaag om 14:30 Belgische tijd mislukte de betaling twee keer.", at(12, 30), "belgische tijd"},
		{"Czech, adjective first", "Dnes ve 14:30 pražského času mi neprošla platba kartou.", at(12, 30), "pražského času"},
		{"French, adjective after", "Aujourd'hui à 14h30 heure belge, le paiement a échoué.", at(12, 30), "heure belge"},
		{"Portuguese, adjective after", "Hoje às 14:30 hora portuguesa o pagamento falhou três vezes.", at(13, 30), "hora portuguesa"},
		{"Polish, adjective after", "Dziś o 14:30 czasu warszawskiego płatność nie przeszła.", at(12, 30), "czasu warszawskiego"},
		{"Spanish, adjective after", "Hoy a las 11:30 hora mexicana no pudimos cobrar a ningún cliente.", at(17, 30), "hora mexicana"},
		// "Central" beside the clock is no US Central here: the words it
		// stands in name Central European time.
		{"Central European time over US Central", "Payments failed today at 14:30 Central European time.", at(12, 30), "central european time"},
		// counter-rows: the profile's zone the writer disowns; an adjective
		// that is no zone's (about shops, customers); English "time"
		// before the adjective ("heure argentine" is read, not "time
		// Argentine")
		{"the profile's zone, disowned", "The Greek time zone on my profile is old, I moved back to Manchester. The payment failed at 14:30 today.", at(13, 30), "i moved back to manchester"},
		{"Italian shops", "We have 2 Italian shops and at 14:30 today payments failed.", at(14, 30), ""},
		{"every time Argentine customers", "Every time Argentine customers pay at 14:30 today it fails.", at(14, 30), ""},
		// counter-rows: a lesson's slot; the words must be whole: "timetable", "senhora"
		{"Italian time slot", "My Italian time slot at 14:30 today was cancelled without notice.", at(14, 30), ""},
		{"Danish timetable", "The Danish timetable page failed at 14:30 today.", at(14, 30), ""},
		{"senhora portuguesa", "A senhora portuguesa do balcão disse que às 14:30 de hoje o pagamento falhou.", at(14, 30), ""},
		// the review's rows: an adjective joined to no clock is what an
		// account, an app or colleagues show, not the writer's clock; the
		// writer's place or the profile's zone stands
		{"the account still shows", "My account still shows Irish time but I've lived in Athens since May. Today at 15:40 the sign-in code failed with a server error.", at(15, 40), ""},
		{"the slot list shows", "The slot list shows Danish time although I'm in London. At 7:40 this morning my pickup booking failed with 'could not be saved'.", at(6, 40), "i'm in london"},
		{"a app mostra", "Olá, a app mostra as janelas em hora da Europa Central, mas eu estou em Lisboa. Hoje às 7:40 não consegui marcar a recolha, erro ao gravar.", at(6, 40), "estou em lisboa"},
		{"switch my account from", "Please switch my account from Danish time to UK time, I live in Leeds now. Also at 13:40 today the sign-in code failed with a server error.", at(12, 40), "uk time,"},
		{"colleagues' clock", "Our colleagues in London (British time) can sign in fine, but here in Athens nobody could sign in from 15:35 on, code gives server error.", at(12, 35), "here in athens"},
		// joined to a clock through a word or two, and the second
		// adjective read where the first is joined to none
		{"clock, this morning, parentheses", "It fails since 7:30 this morning (Irish time), every card.", at(6, 30), "irish time"},
		{"clock, today, comma", "The payment failed at 14:30 today, Greek time, twice.", at(11, 30), "greek time"},
		{"the first adjective unjoined", "The app shows Danish time, but the payment failed at 14:30 Greek time.", at(11, 30), "greek time"},
		// the profile's zone disowned, and a compound of "time" with a
		// hyphen or "window", each beside a clock
		{"the profile's zone after a clock", "The payment failed at 14:30 today - Greek time on my profile, but I moved back to Manchester.", at(13, 30), "i moved back to manchester"},
		{"Italian time slot after a clock", "At 14:30 today my Italian time slot was cancelled without notice.", at(14, 30), ""},
		{"Irish time-slot after a clock", "At 14:30 today my Irish time-slot was cancelled without notice.", at(14, 30), ""},
		{"Irish time window after a clock", "At 14:30 today the Irish time window was cancelled without notice.", at(14, 30), ""},
	} {
		ref, named := extractTime(c.text, created, time.UTC, 2*time.Hour)
		if d := c.from.Sub(ref.Window.From); d < 0 || d > 10*time.Minute {
			t.Errorf("%s: window %s – %s, want it to open just before %s", c.name, ref.Window.From, ref.Window.To, c.from)
		}
		if named != c.named {
			t.Errorf("%s: zone named by %q, want %q", c.name, named, c.named)
		}
	}
}
