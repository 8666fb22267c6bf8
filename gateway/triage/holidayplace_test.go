package triage

import (
	"testing"
	"time"
)

// Round fifty-three: a writer on holiday or on a trip says where they are
// in their own language ("im Urlaub in Tokio", "estou de férias em
// Barcelona", "jag är på semester i Bangkok"); the clock they give is that
// place's, not the profile's home. Each row names 09:30 UTC in the
// place's own clock; the guards (someone else on holiday, a trip that is
// over) are read in the profile's zone, Berlin.
func TestExtractTime_aWriterOnHolidayGivesThePlacesClock(t *testing.T) {
	created := time.Date(2040, 6, 10, 12, 0, 0, 0, time.UTC)
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at0930 := Window{From: time.Date(2040, 6, 10, 9, 20, 0, 0, time.UTC), To: time.Date(2040, 6, 10, 10, 0, 0, 0, time.UTC)}
	wantWindows(t, created, berlin, []windowRow{
		{"Ich bin gerade im Urlaub in Tokio. Heute um 18:30 Uhr ging die Suche nicht.", at0930},
		{"Estou de férias em Lisboa. Por volta das 10:30 não consegui entrar no app.", at0930},
		{"Jag är på semester i Bangkok. Vid 16:30 gick det inte att betala.", at0930},
		{"Estoy de vacaciones en Tokio y a las 18:30 no pude pagar.", at0930},
		{"Ik ben op vakantie in Lissabon, om 10:30 lukte het betalen niet.", at0930},
		{"Jestem na wakacjach w Londynie, o 10:30 logowanie nie działało.", at0930},
		{"Je suis en vacances à Tokyo, à 18:30 le paiement ne passait pas.", at0930},
		{"Sono in vacanza a Londra, alle 10:30 il pagamento non andava.", at0930},
		// guards: read in the profile's Berlin (11:30 CEST is 09:30 UTC)
		{"Mein Kollege ist im Urlaub in Tokio, um 11:30 ging der Login bei mir nicht.", at0930},
		{"Ich war im Urlaub in Tokio, jetzt bin ich zurück. Um 11:30 ging der Login nicht.", at0930},
		// the read-through after the merge: a trip that is over ("gewesen",
		// "geweest"), one still to come ("nästa vecka", "od jutra"), and
		// the writer's words reported by someone else ("schreibt:")
		{"Ich bin im Urlaub in Tokio gewesen. Um 11:30 ging der Login nicht.", at0930},
		{"Ich bin im Urlaub in Tokio gewesen, jetzt wieder in Berlin. Um 11:30 ging der Login nicht.", at0930},
		{"Ik ben op vakantie in Lissabon geweest, om 11:30 lukte het inloggen niet.", at0930},
		{"Jag är på semester i Bangkok nästa vecka. Vid 11:30 gick det inte att betala.", at0930},
		{"Sono in vacanza a Londra la prossima settimana, alle 11:30 il pagamento non andava.", at0930},
		{"Jestem na wakacjach w Londynie od jutra, o 11:30 logowanie nie działało.", at0930},
		{"Ik ben op vakantie in Lissabon volgende week, om 11:30 lukte het betalen niet.", at0930},
		{"Mein Mann schreibt: ich bin im Urlaub in Tokio. Um 11:30 ging sein Login nicht.", at0930},
	})
}

// "ab Montag" and "ab morgen" are read as times of their own (since
// then), so the window cannot show the trip still to come: writerPlace
// must skip the place.
func TestWriterPlace_skipsATripFromMonday(t *testing.T) {
	for _, s := range []string{"ich bin im urlaub in tokio ab montag.", "ich bin im urlaub in tokio ab morgen, vorher geht es nicht."} {
		if place, _, _, ok := writerPlace(s); ok {
			t.Errorf("%q: the writer's place read as %q", s, place)
		}
	}
	if place, _, _, ok := writerPlace("ich bin im urlaub in tokio, ab montag wieder im büro."); !ok || place != "tokio" {
		t.Errorf("a return from Monday on: place %q, %v; want tokio", place, ok)
	}
}
