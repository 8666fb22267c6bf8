package ingress

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

// recipeEvent is an event as sdk.VerifyRecipe.Verify returns it.
func recipeEvent() sdk.Event {
	return sdk.Event{
		DedupKey:   "01HZX3J5Q8M7Y2K4T6V9W0B1C3",
		Type:       "ticket.created",
		TicketID:   "123456",
		Ticket:     &sdk.Ticket{ID: "123456"},
		OccurredAt: time.Date(2026, 11, 27, 10, 0, 0, 123456789, time.UTC),
		ReplayKey:  "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
	}
}

func TestEncodePayload_isJSONMarshalByteForByte(t *testing.T) {
	zone := time.FixedZone("odd", -(9*3600 + 30*60 + 15))
	full := recipeEvent()
	full.Ticket = &sdk.Ticket{ID: "7", Subject: "Printer on fire", Description: "line one\nline two",
		RequesterName: "Zoë", RequesterEmail: "a@example.com", Priority: "urgent", Status: "open",
		Tags: []string{"vip", "", "billing"}, CreatedAt: time.Date(2025, 1, 2, 3, 4, 5, 0, zone), URL: "https://desk.example/t/7?a=1&b=2",
		RequesterTimeZone: "Europe/Helsinki"}
	custom := recipeEvent()
	custom.Ticket = &sdk.Ticket{ID: "8", CustomFields: map[string]any{"b": 1.5, "a": []any{"x", nil}}}
	cases := map[string]sdk.Event{
		"recipe":          recipeEvent(),
		"zero":            {},
		"no ticket":       {DedupKey: "d", Type: "ticket.updated", TicketID: "1"},
		"full ticket":     full,
		"custom fields":   custom,
		"empty tags":      {Ticket: &sdk.Ticket{Tags: []string{}}},
		"quote":           {DedupKey: `a"b`},
		"backslash":       {Type: `a\b`},
		"html":            {TicketID: "<script>&"},
		"control":         {DedupKey: "a\x00b\x1f\t"},
		"unicode":         {DedupKey: "ünïcödé \u2028 \u2029"},
		"invalid utf8":    {DedupKey: "a\xffb"},
		"del":             {DedupKey: "a\x7fb"},
		"year 10000":      {OccurredAt: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)},
		"year -1":         {OccurredAt: time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)},
		"zone":            {OccurredAt: time.Date(2026, 6, 1, 12, 0, 0, 1, time.FixedZone("x", 5*3600+45*60))},
		"local monotonic": {OccurredAt: time.Now()},
	}
	for name, ev := range cases {
		want, wantErr := json.Marshal(jobPayload{Event: ev})
		got, err := encodePayload(ev)
		if (err != nil) != (wantErr != nil) || !bytes.Equal(got, want) {
			t.Errorf("%s: encodePayload = %s, %v\nwant json.Marshal's %s, %v", name, got, err, want, wantErr)
		}
	}
	// A day or more of zone offset is an error for json.Marshal: the same here.
	ev := sdk.Event{OccurredAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.FixedZone("far", 24*3600))}
	if _, err := encodePayload(ev); err == nil {
		t.Errorf("encodePayload with a 24 h zone offset: no error, json.Marshal gives one")
	}
}

// Random strings over the bytes encoding/json treats specially, and random
// times, must encode as json.Marshal does.
func TestEncodePayload_randomEventsMatchJSONMarshal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	// Every byte encoding/json escapes (controls with and without a short
	// form, '"', '\\', '<', '>', '&'), DEL, and the pieces of valid and
	// invalid UTF-8: é, U+2028, U+2029, a 4-byte rune, a lone continuation
	// byte, a truncated lead, an encoded surrogate, an overlong NUL, 0xff.
	alphabet := []byte("az09-_.:/ \"\\<>&\x00\x01\b\t\n\v\f\r\x1b\x1f\x7f\xc3\xa9\xe2\x80\xa8\xa9\xf0\x9f\x98\x80\xed\xa0\xc0\xff")
	str := func() string {
		b := make([]byte, r.IntN(12))
		for i := range b {
			if r.IntN(4) == 0 {
				b[i] = alphabet[r.IntN(len(alphabet))]
			} else {
				b[i] = byte('a' + r.IntN(26))
			}
		}
		return string(b)
	}
	tm := func() time.Time {
		return time.Unix(r.Int64N(1<<36)-1<<35, r.Int64N(1e9)).In(time.FixedZone("", (r.IntN(48*60)-24*60)*60))
	}
	for i := 0; i < 5000; i++ {
		// Strings take the fast path whatever their bytes; only times and
		// custom fields fall back to json.Marshal.
		if s := str() + str(); !bytes.Equal(appendString(nil, s), mustMarshal(t, s)) {
			t.Fatalf("appendString(%q) = %s, json.Marshal gives %s", s, appendString(nil, s), mustMarshal(t, s))
		}
		ev := sdk.Event{DedupKey: str(), Type: str(), TicketID: str(), OccurredAt: tm(), ReplayKey: str()}
		if r.IntN(2) == 0 {
			ev.Ticket = &sdk.Ticket{ID: str(), Subject: str(), Description: str(), RequesterName: str(),
				RequesterEmail: str(), Priority: str(), Status: str(), CreatedAt: tm(), URL: str(), RequesterTimeZone: str()}
			for n := r.IntN(3); n > 0; n-- {
				ev.Ticket.Tags = append(ev.Ticket.Tags, str())
			}
		}
		want, wantErr := json.Marshal(jobPayload{Event: ev})
		got, err := encodePayload(ev)
		if (err != nil) != (wantErr != nil) || !bytes.Equal(got, want) {
			t.Fatalf("event %+v: encodePayload = %s, %v\nwant json.Marshal's %s, %v", ev, got, err, want, wantErr)
		}
	}
}

func mustMarshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ticketEvent is a ticket.created event as a Zendesk delivery carries it:
// a subject and a multi-line description in a language other than
// English, quotes, an ampersand and a URL with a query.
func ticketEvent() sdk.Event {
	ev := recipeEvent()
	ev.Ticket = &sdk.Ticket{ID: "123456", Subject: "Zahlung fehlgeschlagen – Bestellung #48213 „dringend“",
		Description: "Hallo Support-Team,\n\nseit heute Morgen schlägt jede Kartenzahlung im Checkout fehl.\r\n" +
			"Fehlermeldung: \"Zahlung konnte nicht verarbeitet werden\" (Code 502).\n\n" +
			"Betroffen: Web & App, Kunden in Österreich und der Schweiz.\n\tZeitpunkt: 09:14 MEZ\n\n" +
			"Viele Grüße\nJürgen Müller\n顧客サポート",
		RequesterName: "Jürgen Müller", RequesterEmail: "j.mueller@example.de", Priority: "urgent", Status: "new",
		Tags: []string{"zahlung", "checkout", "österreich"}, CreatedAt: time.Date(2026, 11, 27, 9, 14, 3, 0, time.UTC),
		URL: "https://example.zendesk.com/agent/tickets/123456?src=webhook&v=2"}
	return ev
}

func BenchmarkEncodePayload(b *testing.B) {
	for _, ev := range []struct {
		name string
		ev   sdk.Event
	}{{"recipe", recipeEvent()}, {"ticket", ticketEvent()}} {
		if got, err := encodePayload(ev.ev); err != nil || !bytes.Equal(got, mustMarshal(b, jobPayload{Event: ev.ev})) {
			b.Fatalf("%s: encodePayload differs from json.Marshal: %s, %v", ev.name, got, err)
		}
		b.Run(ev.name+"/encodePayload", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := encodePayload(ev.ev); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(ev.name+"/json.Marshal", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := json.Marshal(jobPayload{Event: ev.ev}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
