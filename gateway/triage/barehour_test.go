package triage

import (
	"testing"
	"time"
)

// Round eighty-six: the window read from a clock's half and from a bare
// hour the words make a clock (zoneAhead in timeext.go, barehour.go). Each row is a
// ticket's words, its creation (UTC, read in UTC) and the window's start
// and end (RFC 3339, UTC).
type clockRow struct {
	name, text, created, from, to string
}

func checkClockRows(t *testing.T, rows []clockRow) {
	t.Helper()
	checkClockRowsIn(t, time.UTC, rows)
}

// checkClockRowsIn is checkClockRows with the ticket read in loc.
func checkClockRowsIn(t *testing.T, loc *time.Location, rows []clockRow) {
	t.Helper()
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range rows {
		ref := ExtractTime(c.text, at(c.created), loc, 2*time.Hour)
		if !ref.Window.From.Equal(at(c.from)) || !ref.Window.To.Equal(at(c.to)) {
			t.Errorf("%s: window %s – %s (%q), want %s – %s", c.name, ref.Window.From.UTC().Format(time.RFC3339), ref.Window.To.UTC().Format(time.RFC3339),
				ref.Phrase, c.from, c.to)
		}
	}
}

// An onset still to come today in the reading zone, in either half, is
// the writer's clock in a zone ahead, not last evening's or the small
// hours' (zoneAhead).
func TestExtractTime_anOnsetStillToComeIsTheWritersZoneAhead(t *testing.T) {
	checkClockRows(t, []clockRow{
		{"German, the morning's clock still to come", "Seit etwa 8:50 können Patienten keine Rezepte einlösen.", "2046-01-02T08:00:00Z", "2046-01-02T07:45:00Z", "2046-01-02T08:00:00Z"},
		{"French", "Depuis 9h30 plusieurs passagers n'ont pas reçu la notification.", "2036-02-15T09:00:00Z", "2036-02-15T08:25:00Z", "2036-02-15T09:00:00Z"},
		{"Spanish", "Desde las 10:35 más o menos ningún cliente puede reservar.", "2035-10-20T08:58:00Z", "2035-10-20T08:30:00Z", "2035-10-20T08:58:00Z"},
		{"English, the afternoon's half still to come", "Since half four none of the parents can pay.", "2037-08-30T15:45:00Z", "2037-08-30T15:25:00Z", "2037-08-30T15:45:00Z"},
		{"Czech, past midnight", "Od zhruba 1:20 mi čtečka hlásí chybu.", "2037-12-31T00:41:00Z", "2037-12-31T00:15:00Z", "2037-12-31T00:41:00Z"},
		// counter-rows
		{"an onset already past today", "Since 9:05 nobody can pay.", "2038-03-01T10:00:00Z", "2038-03-01T09:00:00Z", "2038-03-01T10:00:00Z"},
		{"a zone named", "Since 9:05 CET nobody can pay.", "2038-03-01T07:40:00Z", "2038-02-28T20:00:00Z", "2038-03-01T07:40:00Z"},
		{"the morning named", "Since 4:30 this morning nothing loads.", "2038-03-01T15:45:00Z", "2038-03-01T04:25:00Z", "2038-03-01T15:45:00Z"},
		{"a recent onset a few minutes on", "Depuis 12h35 environ, aucun don ne passe.", "2040-12-04T12:30:00Z", "2040-12-04T12:15:00Z", "2040-12-04T12:30:00Z"},
	})
}

// A bare hour the words make a clock: a part of the day beside it, a word
// for "o'clock", noon or lunchtime after a word for "since", a
// stretch ending at noon or midnight (bareHourClock), and a stretch whose
// start is the morning's (stretchStart).
func TestExtractTime_aBareHourTheWordsMakeAClock(t *testing.T) {
	checkClockRows(t, []clockRow{
		{"English, the morning after", "Since 9 this morning I can't get into my account.", "2045-11-24T10:25:00Z", "2045-11-24T08:55:00Z", "2045-11-24T10:25:00Z"},
		{"Spanish, de la mañana", "Desde las 8 de la mañana no puedo entrar a mi cuenta.", "2044-10-27T17:00:00Z", "2044-10-27T07:55:00Z", "2044-10-27T17:00:00Z"},
		{"English, the part of the day before", "Last night between 1 and 2 none of the drivers got the alert.", "2037-04-04T09:00:00Z", "2037-04-04T01:00:00Z", "2037-04-04T02:00:00Z"},
		{"Swedish -tiden", "I går kväll vid 22-tiden kunde ingen logga in.", "2036-10-14T07:40:00Z", "2036-10-13T21:50:00Z", "2036-10-13T22:30:00Z"},
		{"Danish -tiden with minutes", "I morges ved 7.20-tiden viste appen en hvid skærm.", "2045-11-24T09:15:00Z", "2045-11-24T07:10:00Z", "2045-11-24T07:50:00Z"},
		{"o'clock", "I tried at 12 o'clock and it failed three times.", "2038-03-01T13:00:00Z", "2038-03-01T11:50:00Z", "2038-03-01T12:30:00Z"},
		{"Turkish 'da", "Bu sabah 9'da kulübe giriş yapamadım.", "2036-04-07T11:30:00Z", "2036-04-07T08:50:00Z", "2036-04-07T09:30:00Z"},
		{"German Mittag", "Seit heute Mittag sind alle Abgaben verschwunden.", "2039-09-05T15:10:00Z", "2039-09-05T12:00:00Z", "2039-09-05T15:10:00Z"},
		{"English lunchtime", "Since about lunchtime about 10% of payments fail.", "2038-12-15T15:02:00Z", "2038-12-15T12:00:00Z", "2038-12-15T15:02:00Z"},
		{"Italian pranzo", "Da oggi all'ora di pranzo la lettura viene rifiutata.", "2043-11-16T15:10:00Z", "2043-11-16T12:00:00Z", "2043-11-16T15:10:00Z"},
		{"Spanish mediodía", "Desde el mediodía no funciona el pago.", "2043-11-16T15:10:00Z", "2043-11-16T12:00:00Z", "2043-11-16T15:10:00Z"},
		{"a stretch ending at noon", "Yesterday between about 11:20 and noon a quarter of the sign-ups failed.", "2040-12-04T09:30:00Z", "2040-12-03T11:20:00Z", "2040-12-03T12:00:00Z"},
		{"a stretch ending at midnight", "Last night between 11 and midnight the instalments kept failing.", "2045-11-24T09:50:00Z", "2045-11-23T23:00:00Z", "2045-11-24T00:00:00Z"},
		{"a stretch whose start is the morning's", "Between 11:20 and 12:00 a quarter of the transfers failed.", "2039-02-16T09:40:00Z", "2039-02-15T11:20:00Z", "2039-02-15T12:00:00Z"},
		// counter-rows: a count, a habit, tomorrow's slot, a clock that
		// names its minutes
		{"a count this morning", "This morning about 5 customers complained.", "2036-02-15T09:40:00Z", "2036-02-15T06:00:00Z", "2036-02-15T09:40:00Z"},
		{"a number tried", "We tried 3 this morning, none went through.", "2036-02-15T09:40:00Z", "2036-02-15T06:00:00Z", "2036-02-15T09:40:00Z"},
		{"a habit", "Usually the reminder comes at 8 o'clock; today nothing came.", "2045-01-31T10:00:00Z", "2045-01-31T00:00:00Z", "2045-01-31T10:00:00Z"},
		{"tomorrow's slot", "I booked for tomorrow at 11 o'clock and the confirmation never came.", "2045-10-20T19:02:00Z", "2045-10-20T17:02:00Z", "2045-10-20T19:02:00Z"},
		{"lunch beside a clock", "After lunch with my boss I ordered at 14:20 and it failed.", "2038-12-15T15:02:00Z", "2038-12-15T14:10:00Z", "2038-12-15T14:50:00Z"},
		{"a station named Midi", "Scanned 5 bikes at Midi, all say unlock failed.", "2040-03-14T18:56:00Z", "2040-03-14T16:56:00Z", "2040-03-14T18:56:00Z"},
		{"another thing's lunchtime", "Patients who came in around lunchtime today said the SMS came late.", "2045-09-05T11:38:00Z", "2045-09-05T00:00:00Z", "2045-09-05T11:38:00Z"},
	})
}

// The review of round eighty-six: its texts (day Monday 2045-07-03) the
// round read wrong, and those it read right that the mends must keep.
func TestExtractTime_theReviewOfRound86(t *testing.T) {
	zone := func(name string) *time.Location {
		l, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	checkClockRows(t, []clockRow{
		// a count after the number, a price (countAfter, rePriceBefore)
		{"a count of staff", "Pickup booking failing. This morning around 5 staff at our hotel couldn't book a pickup.", "2045-07-03T07:30:00Z", "2045-07-03T06:00:00Z", "2045-07-03T07:30:00Z"},
		{"3 or 4 payments", "Payments failed. Yesterday evening around 3 or 4 payments of our guests failed.", "2045-07-03T08:00:00Z", "2045-07-02T18:00:00Z", "2045-07-03T00:00:00Z"},
		{"a price", "Ironing price. I paid about 9 this morning for ironing one shirt, but the price list says 6. Why?", "2045-07-03T10:30:00Z", "2045-07-03T06:00:00Z", "2045-07-03T10:30:00Z"},
		// a habit, a call back, opening hours (reNotThisTime)
		{"every morning", "No push today. Every morning at 7 I get the driver arrival push. Today nothing.", "2045-07-03T09:00:00Z", "2045-07-03T00:00:00Z", "2045-07-03T09:00:00Z"},
		{"a call back", "Login doesn't work. Login doesn't work, the code is refused. Please call me back at 3 this afternoon.", "2045-07-03T12:40:00Z", "2045-07-03T12:00:00Z", "2045-07-03T12:40:00Z"},
		{"opening hours", "Can't sign in. Your site says you're open from 9 in the morning, but since today I can't sign in at all.", "2045-07-03T13:00:00Z", "2045-07-03T00:00:00Z", "2045-07-03T13:00:00Z"},
		// noon after "from": a station, tomorrow's slot (reNoonWord)
		{"from a station named Midi", "No scan. Sent my suits from Midi this morning; garment tracking still shows no scan.", "2045-07-03T16:00:00Z", "2045-07-03T06:00:00Z", "2045-07-03T12:00:00Z"},
		{"from midday tomorrow", "Pickup booking errors. We need pickups from midday tomorrow for the hotel, but the pickup booking page errors right now.", "2045-07-03T07:00:00Z", "2045-07-03T06:45:00Z", "2045-07-03T07:00:00Z"},
		// counter-rows: what the round reads right
		{"since a clock whose half is still to come", "Login down for the whole office. Since 2:35 nobody in our office can sign in - the phone code is rejected for all 6 of us.", "2045-07-03T12:50:00Z", "2045-07-03T12:30:00Z", "2045-07-03T12:50:00Z"},
		{"since 10 this morning, a count later", "No driver arrival push. Since 10 this morning none of our 30 residents get the driver arrival push.", "2045-07-03T08:40:00Z", "2045-07-03T07:55:00Z", "2045-07-03T08:40:00Z"},
		{"a stretch ending at noon", "Price search down earlier. Between 11:40 and noon (UK time) none of our staff could use the price search.", "2045-07-03T13:00:00Z", "2045-07-03T10:40:00Z", "2045-07-03T11:00:00Z"},
		{"tonight's event", "Price search down. We have a big event at 8 tonight and the price search is down right now for all of us.", "2045-07-03T11:00:00Z", "2045-07-03T10:45:00Z", "2045-07-03T11:00:00Z"},
		{"a zone named", "No driver push. No driver push since 9:05 CEST.", "2045-07-03T07:30:00Z", "2045-07-03T07:00:00Z", "2045-07-03T07:30:00Z"},
		{"pm named", "Return slots. Return slots don't load since 9:05 pm last night.", "2045-07-03T07:30:00Z", "2045-07-02T21:00:00Z", "2045-07-03T07:30:00Z"},
	})
	// the requester's profile zone (zoneAhead), the night's "12"
	// (reNightTwelve), Turkish (turkishHour, reNotThisTime)
	checkClockRowsIn(t, zone("Europe/Berlin"), []clockRow{
		{"the profile's zone", "Keine Benachrichtigung. Seit 7:10 bekomme ich keine Fahrer-Benachrichtigung mehr.", "2045-07-03T16:00:00Z", "2045-07-03T05:05:00Z", "2045-07-03T16:00:00Z"},
		{"noon after seit, counter-row", "Anmeldung geht nicht. Seit heute Mittag kann sich niemand in unserem Büro anmelden, der SMS-Code wird abgelehnt.", "2045-07-03T13:10:00Z", "2045-07-03T10:00:00Z", "2045-07-03T13:10:00Z"},
		{"at 10 last night, counter-row", "Login refused last night. Last night at 10 none of the four of us could log in, the phone code was refused.", "2045-07-03T08:00:00Z", "2045-07-02T19:50:00Z", "2045-07-02T20:30:00Z"},
	})
	checkClockRowsIn(t, zone("Europe/Dublin"), []clockRow{
		{"around 8, a pronoun after, counter-row", "Couldn't book a pickup. This morning around 8 I couldn't book a pickup, the app said error.", "2045-07-03T09:30:00Z", "2045-07-03T06:50:00Z", "2045-07-03T07:30:00Z"},
	})
	checkClockRowsIn(t, zone("Europe/Amsterdam"), []clockRow{
		{"a night's stretch ending at 12", "Return slots failed last night. Last night between 11 and 12 I couldn't load the return slots, the list kept failing.", "2045-07-03T07:30:00Z", "2045-07-02T21:00:00Z", "2045-07-02T22:00:00Z"},
	})
	checkClockRowsIn(t, zone("Europe/Istanbul"), []clockRow{
		{"a Turkish third", "SEPA reddediliyor. Otel siparişlerimizin 3'te 1'i için SEPA otomatik ödemesi reddediliyor.", "2045-07-03T10:00:00Z", "2045-07-03T08:00:00Z", "2045-07-03T10:00:00Z"},
		{"a Turkish habit", "Bildirim gelmedi. Normalde her sabah saat 8'de sürücü bildirimi gelir, bugün hiç gelmedi.", "2045-07-03T09:00:00Z", "2045-07-03T07:00:00Z", "2045-07-03T09:00:00Z"},
		{"saat 13'te, counter-row", "SEPA ödemem reddedildi. Bugün saat 13'te otomatik ödeme (SEPA) reddedildi.", "2045-07-03T11:00:00Z", "2045-07-03T09:50:00Z", "2045-07-03T10:30:00Z"},
	})
}
