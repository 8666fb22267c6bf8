package triage

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestRequesterZone_loadsOnlyZoneNames(t *testing.T) {
	for _, name := range []string{"Europe/Helsinki", " Asia/Tokyo ", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5"} {
		if _, ok := requesterZone(name); !ok {
			t.Errorf("%q not loaded", name)
		}
	}
	for _, name := range []string{"", "Local", "Mars/Olympus", "Helsinki", "Eastern Time (US & Canada)", "../../etc/passwd", "/etc/localtime", strings.Repeat("A/", 40)} {
		if l, ok := requesterZone(name); ok {
			t.Errorf("%q loaded as %s", name, l)
		}
	}
}

// A bare clock is the writer's: read in the requester's profile zone when
// neither the words nor the thread name one; an invalid profile zone is
// ignored; a zone the words name wins over the profile.
func TestTriage_readsBareClocksInTheRequestersProfileZone(t *testing.T) {
	tr := New(Project{Services: []Service{{Name: "checkout", Aliases: []string{"kassa"}, Core: true}}}, Settings{DefaultTimeBuffer: 2 * time.Hour})
	winter := time.Date(2027, 1, 14, 17, 0, 0, 0, time.UTC)
	summer := time.Date(2027, 7, 14, 17, 0, 0, 0, time.UTC)
	bare := "Kassa ei toimi, maksu epäonnistuu kaikille asiakkaille klo 16.30."
	for _, c := range []struct {
		name, desc, zone string
		created          time.Time
		at               time.Time // the moment the clock names, in UTC
		why              string    // what --explain says of the zone
		source           string    // what the note says of the window (Result.WindowSource)
	}{
		{"Helsinki in winter (UTC+2)", bare, "Europe/Helsinki", winter, time.Date(2027, 1, 14, 14, 30, 0, 0, time.UTC), "from the requester's profile",
			`from "16:30", read in Europe/Helsinki (the requester's profile)`},
		{"Helsinki in summer (UTC+3)", bare, "Europe/Helsinki", summer, time.Date(2027, 7, 14, 13, 30, 0, 0, time.UTC), "from the requester's profile",
			`read in Europe/Helsinki (the requester's profile)`},
		{"no profile zone: the binding's default", bare, "", winter, time.Date(2027, 1, 14, 16, 30, 0, 0, time.UTC), "from the binding's default",
			`read in UTC (the binding's default)`},
		{"an invalid profile zone is ignored", bare, "Mars/Olympus", winter, time.Date(2027, 1, 14, 16, 30, 0, 0, time.UTC), "is not a zone name: ignored",
			`read in UTC (the binding's default)`},
		// Round thirty-two: with no profile, thread or named zone, a text in
		// a script one zone's writers use is read in that zone.
		{"a Korean text with no profile: Seoul (UTC+9)", "결제가 안 돼요. 16:30 모든 고객 결제 실패.", "", winter, time.Date(2027, 1, 14, 7, 30, 0, 0, time.UTC), "from the Korean text's zone",
			`read in Asia/Seoul (the Korean text's zone)`},
		{"a Japanese text with no profile: Tokyo (UTC+9)", "16:30 に決済が全部失敗しました。", "", winter, time.Date(2027, 1, 14, 7, 30, 0, 0, time.UTC), "from the Japanese text's zone",
			`read in Asia/Tokyo (the Japanese text's zone)`},
		{"a Chinese text with no profile: the binding's default", "16:30 所有顾客付款失败。", "", winter, time.Date(2027, 1, 14, 16, 30, 0, 0, time.UTC), "from the binding's default",
			`read in UTC (the binding's default)`},
		{"a Korean text under a profile zone: the profile", "결제가 안 돼요. 16:30 모든 고객 결제 실패.", "Europe/Helsinki", winter, time.Date(2027, 1, 14, 14, 30, 0, 0, time.UTC), "from the requester's profile",
			`read in Europe/Helsinki (the requester's profile)`},
		{"a Korean text naming UTC: UTC", "결제가 안 돼요. 16:30 UTC 모든 고객 결제 실패.", "", winter, time.Date(2027, 1, 14, 16, 30, 0, 0, time.UTC), "named in the text",
			`, in the zone it names`},
		{"a Korean text with a Latin zone abbreviation anywhere: not Seoul", "CEST 기준 16:30 모든 고객 결제 실패.", "", winter, time.Date(2027, 1, 14, 16, 30, 0, 0, time.UTC), "from the binding's default",
			`read in UTC (the binding's default)`},
		{"a Korean text with a capitalised word ending in T (IT): Seoul", "IT팀입니다. 16:30 모든 고객 결제 실패.", "", winter, time.Date(2027, 1, 14, 7, 30, 0, 0, time.UTC), "from the Korean text's zone",
			`read in Asia/Seoul (the Korean text's zone)`},
		{"a Korean text naming KST where the words beside it are not read: Seoul", "KST 기준 16:30 모든 고객 결제 실패.", "", winter, time.Date(2027, 1, 14, 7, 30, 0, 0, time.UTC), "from the Korean text's zone",
			`read in Asia/Seoul (the Korean text's zone)`},
		{"an English text with a katakana name: the binding's default", "Checkout fails for our Pokemon shop (ポケモン) at 16:30, every customer.", "", winter, time.Date(2027, 1, 14, 16, 30, 0, 0, time.UTC), "from the binding's default",
			`read in UTC (the binding's default)`},
		{"a Polish text with no profile: the binding's default", "Kasa nie działa, płatność nie przechodzi żadnemu klientowi o 16:30.", "", winter, time.Date(2027, 1, 14, 16, 30, 0, 0, time.UTC), "from the binding's default",
			`read in UTC (the binding's default)`},
		{"a zone in the words wins", "Kassa ei toimi, maksu epäonnistuu kaikille asiakkaille klo 16.30 UTC.", "Europe/Helsinki", winter, time.Date(2027, 1, 14, 16, 30, 0, 0, time.UTC), "named in the text",
			`, in the zone it names`},
		// Round thirty-three: where the writer says they are wins over a
		// stale profile; a place that is not the writer's does not.
		{"the place the writer says they are in wins over the profile", "I'm in London this week. Kassa fails for every customer at 16:30.", "Europe/Helsinki", winter, time.Date(2027, 1, 14, 16, 30, 0, 0, time.UTC), "named in the text",
			`, in the zone it names`},
		// Mended after round thirty-four's review: a Hindi phrase keeps its
		// final vowel sign in the explanation.
		{"a Hindi place of the writer, told whole", "मैं अभी लंदन में हूँ। Kassa fails for every customer at 16:30.", "Europe/Helsinki", winter, time.Date(2027, 1, 14, 16, 30, 0, 0, time.UTC), `zone: named in the text ("मैं अभी लंदन में हूँ")`,
			`, in the zone it names`},
		{"customers in another place: the profile", "Our customers in London say kassa fails for everyone at 16:30.", "Europe/Helsinki", winter, time.Date(2027, 1, 14, 14, 30, 0, 0, time.UTC), "from the requester's profile",
			`read in Europe/Helsinki (the requester's profile)`},
	} {
		tk := Ticket{ID: "tz", Subject: "Kassa rikki", Description: c.desc, RequesterName: "Aino Virtanen", RequesterTimeZone: c.zone, CreatedAt: c.created}
		res, why, err := tr.Explain(context.Background(), tk)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		// A point's window opens ten minutes before it.
		if from := res.Window.From; !from.Equal(c.at.Add(-10 * time.Minute)) {
			t.Errorf("%s: window %s – %s, want it to open ten minutes before %s", c.name, from, res.Window.To, c.at)
		}
		if !strings.Contains(why, c.why) {
			t.Errorf("%s: --explain does not say %q:\n%s", c.name, c.why, why)
		}
		if !strings.Contains(res.WindowSource, c.source) {
			t.Errorf("%s: the window's source is %q, want it to say %q", c.name, res.WindowSource, c.source)
		}
	}
	res, err := tr.Triage(context.Background(), Ticket{ID: "none", Subject: "Kassa rikki", Description: "Kassa ei toimi.", CreatedAt: winter})
	if err != nil {
		t.Fatal(err)
	}
	if want := "no time in the ticket: the 2 hours before it was created"; res.WindowSource != want {
		t.Errorf("a ticket naming no time: window source %q, want %q", res.WindowSource, want)
	}
}

func TestSpanWords_readsABufferForAReader(t *testing.T) {
	for d, want := range map[time.Duration]string{time.Hour: "hour", 2 * time.Hour: "2 hours", 90 * time.Minute: "90 minutes",
		time.Minute: "minute", 20 * time.Second: "minute", 100 * time.Second: "2 minutes"} {
		if got := spanWords(d); got != want {
			t.Errorf("spanWords(%s) = %q, want %q", d, got, want)
		}
	}
}
