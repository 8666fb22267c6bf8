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
	for _, c := range []struct {
		text string
		want Window
	}{
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
	} {
		if got := ExtractTime(c.text, created, berlin, 2*time.Hour).Window; !got.From.Equal(c.want.From) || !got.To.Equal(c.want.To) {
			t.Errorf("%q: %v – %v, want %v – %v", c.text, got.From.UTC().Format("15:04"), got.To.UTC().Format("15:04"), c.want.From.Format("15:04"), c.want.To.Format("15:04"))
		}
	}
}
