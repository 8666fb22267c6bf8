package triage

import (
	"testing"
	"time"
)

// Round eighty-nine: Indonesia's central and eastern zones by their
// abbreviations and places, and the German and Dutch "hier in" before
// the place the writer is at.
func TestExtractTime_readsIndonesiasZonesAndHierIn(t *testing.T) {
	created := time.Date(2027, 1, 14, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name, text string
		from       time.Time // the clock named, in UTC
	}{
		{"WITA after a clock", "Pembayaran gagal terus sejak pukul 14:30 WITA, semua pelanggan kena.", time.Date(2027, 1, 14, 6, 30, 0, 0, time.UTC)},
		{"WIT after a clock", "Login error since 15:10 WIT for all our staff.", time.Date(2027, 1, 14, 6, 10, 0, 0, time.UTC)},
		{"German hier in", "Seit 5:15 Uhr (hier in São Paulo) kann ich nicht buchen.", time.Date(2027, 1, 14, 8, 15, 0, 0, time.UTC)},
		{"Dutch hier in", "Sinds 9:40 (hier in Tokio) lukt betalen niet meer.", time.Date(2027, 1, 14, 0, 40, 0, 0, time.UTC)},
		// counter-rows: Dutch "wit" (white) after a number, a place that
		// is not after "hier in"
		{"Dutch white after a number", "Sinds 8:30 zien 2 wit schermen bij het afrekenen.", time.Date(2027, 1, 14, 8, 30, 0, 0, time.UTC)},
		{"hier in the app, no place", "Seit 8:30 geht hier in der App nichts mehr.", time.Date(2027, 1, 14, 8, 30, 0, 0, time.UTC)},
	} {
		ref := ExtractTime(c.text, created, time.UTC, 2*time.Hour)
		if d := c.from.Sub(ref.Window.From); d < 0 || d > 10*time.Minute {
			t.Errorf("%s: window %s – %s, want it to open just before %s", c.name, ref.Window.From, ref.Window.To, c.from)
		}
	}
}
