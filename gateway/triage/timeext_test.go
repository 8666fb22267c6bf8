package triage

import (
	"testing"
	"time"
)

func TestExtractTime_readsTicketTimePhrases(t *testing.T) {
	created := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC) // a Friday afternoon
	at := func(h, m int) time.Time { return time.Date(2026, 11, 27, h, m, 0, 0, time.UTC) }
	berlin := time.FixedZone("CET", 3600)
	tests := []struct {
		name     string
		text     string
		loc      *time.Location
		from, to time.Time
		found    bool
	}{
		{"no time", "checkout is broken", nil, at(13, 0), at(15, 0), false},
		{"explicit timestamp", "errors at 2026-11-27T14:05:00Z on pay", nil, at(13, 55), at(14, 35), true},
		{"explicit timestamp with offset", "saw it at 2026-11-27 15:05 +01:00", nil, at(13, 55), at(14, 35), true},
		{"since clock", "Broken since 14:05, please help", nil, at(14, 0), at(15, 0), true},
		{"around pm with zone", "it started failing around 2pm UTC", nil, at(13, 50), at(15, 0), true},
		{"at clock, no onset word", "at 13:10 I got an error page", nil, at(13, 0), at(13, 40), true},
		{"12-hour clock without am/pm in the afternoon", "around 2:30 the page was blank", nil, at(14, 20), at(15, 0), true},
		{"clock in binding timezone", "since 15:30 nothing works", berlin, at(14, 25), at(15, 0), true},
		// Round thirty-one: a moment up to three hours ahead of the
		// ticket, no zone or day named, is the writer's clock in a zone
		// ahead (Europe writing in the morning UTC), not yesterday's; more
		// than three hours ahead, a day or a zone named, it stays put.
		{"clock more than three hours later than creation is yesterday", "at 19:00 it failed", nil, time.Date(2026, 11, 26, 18, 50, 0, 0, time.UTC), time.Date(2026, 11, 26, 19, 30, 0, 0, time.UTC), true},
		{"a moment a little ahead is the writer's zone ahead", "at 16:00 it failed", nil, at(14, 45), at(15, 0), true},
		{"a bare moment ahead of a morning ticket, either half", "at 15:40 the queue kicked me out, error 500", nil, at(14, 30), at(15, 0), true},
		{"a moment ahead with a zone named stays yesterday's", "at 17:00 UTC it failed", nil, time.Date(2026, 11, 26, 16, 50, 0, 0, time.UTC), time.Date(2026, 11, 26, 17, 30, 0, 0, time.UTC), true},
		{"a moment ahead on a day named yesterday stays yesterday's", "Yesterday the payment failed, I tried again at 16:00 and nothing", nil, time.Date(2026, 11, 26, 15, 50, 0, 0, time.UTC), time.Date(2026, 11, 26, 16, 30, 0, 0, time.UTC), true},
		{"a moment ahead on a date named stays that day's", "On 26 November at 16:00 the payment failed", nil, time.Date(2026, 11, 26, 15, 50, 0, 0, time.UTC), time.Date(2026, 11, 26, 16, 30, 0, 0, time.UTC), true},
		{"a moment ahead with last week named is no zone ahead", "last week at 16:00 the payment failed and again today", nil, time.Date(2026, 11, 26, 15, 50, 0, 0, time.UTC), time.Date(2026, 11, 26, 16, 30, 0, 0, time.UTC), true},
		{"yesterday at a clock time", "yesterday at 3pm the payment page crashed", nil, time.Date(2026, 11, 26, 14, 50, 0, 0, time.UTC), time.Date(2026, 11, 26, 15, 30, 0, 0, time.UTC), true},
		{"since a clock time last night", "down since 23:10 last night", nil, time.Date(2026, 11, 26, 23, 5, 0, 0, time.UTC), at(15, 0), true},
		{"range", "between 13:00 and 13:30 checkout failed", nil, at(13, 0), at(13, 30), true},
		{"an ongoing problem's onset a little ahead is the writer's zone ahead", "nobody can order since around 15:40 our time", nil, at(14, 35), at(15, 0), true},
		{"a duration next to a part of the day is how long it lasted", "this morning nobody could log in for around half an hour", nil, at(6, 0), at(12, 0), true},
		{"a duration alone still says since when", "login down for half an hour now", nil, at(14, 30), at(15, 0), true},
		{"range sharing pm", "from 1 to 2pm we had errors", nil, at(13, 0), at(14, 0), true},
		{"a range with dotted minutes", "between 9.15 and 9.45 today no invoice mails went out", nil, at(9, 15), at(9, 45), true},
		{"a dashed range beats the rough hours ago before it", "roughly 4 hours ago (10:20-10:50 UTC) the app crashed on login", nil, at(10, 20), at(10, 50), true},
		{"a dashed am/pm range", "orders failed 11am-11:40am, fine since", nil, at(11, 0), at(11, 40), true},
		{"a date's dash is no range", "on 2026-11-27 the search was slow", nil, at(13, 0), at(15, 0), false},
		{"a price with a dot is no clock", "charged 12.50 twice for one order", nil, at(13, 0), at(15, 0), false},
		{"minutes ago", "about 30 minutes ago logins started failing", nil, at(14, 25), at(15, 0), true},
		{"word number ago", "an hour ago search died", nil, at(13, 55), at(15, 0), true},
		{"for the last hours", "for the last 2 hours nobody can pay", nil, at(13, 0), at(15, 0), true},
		{"past hour", "in the past hour emails stopped", nil, at(14, 0), at(15, 0), true},
		{"since yesterday evening", "Since yesterday evening no notifications", nil, time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC), at(15, 0), true},
		{"this morning", "this morning the app was very slow", nil, at(6, 0), at(12, 0), true},
		{"yesterday", "yesterday I could not log in", nil, time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC), at(0, 0), true},
		{"just now", "it just happened again", nil, at(14, 45), at(15, 0), true},
		{"short window is widened", "between 14:00 and 14:05", nil, at(13, 50), at(14, 5), true},
		{"counts are not clocks", "3 users and 2 orders affected", nil, at(13, 0), at(15, 0), false},
		// Round ten: a since word may take an article; British "half nine"
		// is half past; a range's end may be a bare hour word; the part of
		// the day nearest a clock gives its half, not a greeting's.
		{"since with an article", "desde las 14:05 ningún cliente consigue pagar", nil, at(14, 0), at(15, 0), true},
		{"british half past and a bare hour word ending a range", "Good morning, last night between about half nine and ten nobody could pay",
			nil, time.Date(2026, 11, 26, 21, 30, 0, 0, time.UTC), time.Date(2026, 11, 26, 22, 0, 0, 0, time.UTC), true},
		{"a clock said to be today's, hours ahead, is the writer's zone far east", "本日21時半ごろから決済ができません", nil, at(14, 25), at(15, 0), true},
		{"without today it stays yesterday's", "21時半ごろから決済ができません", nil, time.Date(2026, 11, 26, 21, 25, 0, 0, time.UTC), at(15, 0), true},
		{"continental half is still half before", "zwischen halb zehn und 10:15 ging nichts", nil, at(9, 30), at(10, 15), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref := ExtractTime(tt.text, created, tt.loc, 2*time.Hour)
			if ref.Found != tt.found || !ref.Window.From.Equal(tt.from) || !ref.Window.To.Equal(tt.to) {
				t.Errorf("ExtractTime(%q) = %s – %s found=%v (%q); want %s – %s found=%v", tt.text,
					ref.Window.From.UTC().Format(time.RFC3339), ref.Window.To.UTC().Format(time.RFC3339), ref.Found, ref.Phrase,
					tt.from.Format(time.RFC3339), tt.to.Format(time.RFC3339), tt.found)
			}
		})
	}
}

func TestExtractTime_readsForeignTimePhrases(t *testing.T) {
	morning := time.Date(2027, 1, 14, 7, 40, 0, 0, time.UTC)
	evening := time.Date(2027, 1, 14, 20, 0, 0, 0, time.UTC)
	utc := func(d, h, m int) time.Time { return time.Date(2027, 1, d, h, m, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		text     string
		created  time.Time
		from, to time.Time
	}{
		{"German since a clock time in Uhr with a zone, last night", "heute Nacht ab ca. 23 Uhr MEZ war der Warenkorb kaputt", morning, utc(13, 21, 55), morning},
		{"French yesterday evening around 18h45", "hier soir, vers 18h45, les paiements échouaient", morning, utc(13, 18, 35), utc(13, 19, 15)},
		{"Spanish half an hour ago", "Empezó hace media hora más o menos", morning, utc(14, 7, 5), morning},
		{"German minutes ago", "vor 20 Minuten ging es los", morning, utc(14, 7, 15), morning},
		{"German this morning", "heute Morgen ging der Login nicht", evening, utc(14, 6, 0), utc(14, 12, 0)},
		{"German tonight in the evening is this evening", "heute Nacht ab 19 Uhr", evening, utc(14, 18, 55), evening},
		{"Dutch yesterday evening", "gisteravond werkte het niet", morning, utc(13, 18, 0), utc(14, 0, 0)},
		// Round thirteen: the last so many minutes or hours, Nordic clocks
		// after "kl."/"klo", a French hour without minutes, the days of
		// Danish, Finnish, Czech, Turkish and Russian.
		{"Swedish the last hour", "under den senaste timmen misslyckas inloggningar", morning, utc(14, 6, 40), morning},
		{"Russian the last 20 minutes", "за последние 20 минут пришло 15 сообщений", morning, utc(14, 7, 20), morning},
		{"Turkish for half an hour", "yaklaşık yarım saattir arama çalışmıyor", morning, utc(14, 7, 10), morning},
		{"Polish since some 20 minutes", "od jakichś 20 minut checkout działa wolno", morning, utc(14, 7, 20), morning},
		{"Finnish for about a quarter", "noin vartin ajan osa asiakkaista ei pääse sisään", morning, utc(14, 7, 25), morning},
		// round thirty-seven: last night's small hours, written the morning after
		{"last night's small hours are this day's", "late last night around 1am the app just kept loading", morning, utc(14, 0, 50), utc(14, 1, 30)},
		{"Swedish last night's small hours", "kunde inte logga in i natt runt 04:10, gick bra vid 05", morning, utc(14, 4, 0), utc(14, 4, 40)},
		{"last night's late evening is the day before", "last night around 11pm the app just kept loading", morning, utc(13, 22, 50), utc(13, 23, 30)},
		{"yesterday's small hours are the day before", "yesterday around 1am the app just kept loading", morning, utc(13, 0, 50), utc(13, 1, 30)},
		// mended after a read-only review: "yesterday" with a night word is last night
		{"yesterday night's small hours are this day's", "yesterday night around 2am the app just kept loading", morning, utc(14, 1, 50), utc(14, 2, 30)},
		{"Portuguese yesterday night's small hours", "Ontem à noite, por volta das 2h da manhã, o app não carregava", morning, utc(14, 1, 50), utc(14, 2, 30)},
		{"a negated last night's small hours are the night before", "around 2am, not last night but the night before, the app kept loading", morning, utc(13, 1, 50), utc(13, 2, 30)},
		{"Danish range after kl. with dotted minutes, last night", "i nat mellem kl. 02.15 og 02.40 dansk tid fejlede betalinger", morning, utc(14, 1, 15), utc(14, 1, 40)},
		{"French bare hour in a named zone", "hier après-midi vers 16h (heure de Paris), erreurs", morning, utc(13, 14, 50), utc(13, 15, 30)},
		// Round twenty-two: parts of yesterday and today in the languages
		// the extractors did not read them in.
		{"Czech yesterday afternoon", "včera odpoledne nešlo přihlášení", morning, utc(13, 12, 0), utc(13, 18, 0)},
		{"Romanian last evening", "aseară plata nu a mers", morning, utc(13, 18, 0), utc(14, 0, 0)},
		{"Romanian yesterday evening in two words", "ieri seară plata nu a mers", morning, utc(13, 18, 0), utc(14, 0, 0)},
		{"Romanian yesterday afternoon", "ieri după-amiază plata nu a mers", morning, utc(13, 12, 0), utc(13, 18, 0)},
		{"Croatian last evening", "sinoć nije radila prijava", morning, utc(13, 18, 0), utc(14, 0, 0)},
		{"Hungarian yesterday evening", "tegnap este nem működött a fizetés", morning, utc(13, 18, 0), utc(14, 0, 0)},
		{"Greek yesterday evening", "χθες το βράδυ δεν λειτουργούσε η πληρωμή", morning, utc(13, 18, 0), utc(14, 0, 0)},
		{"Indonesian yesterday evening", "kemarin malam pembayaran gagal", morning, utc(13, 18, 0), utc(14, 0, 0)},
		{"Vietnamese yesterday evening", "tối qua không thanh toán được", morning, utc(13, 18, 0), utc(14, 0, 0)},
		{"Hebrew yesterday evening", "אתמול בערב התשלום לא עבד", morning, utc(13, 18, 0), utc(14, 0, 0)},
		{"Italian zone with di", "stamattina dalle 9:10 circa (ora di Roma) il login era lento", time.Date(2027, 1, 14, 9, 30, 0, 0, time.UTC), utc(14, 8, 5), time.Date(2027, 1, 14, 9, 30, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref := ExtractTime(tt.text, tt.created, time.UTC, 2*time.Hour)
			if !ref.Found || !ref.Window.From.Equal(tt.from) || !ref.Window.To.Equal(tt.to) {
				t.Errorf("ExtractTime(%q) = %s – %s found=%v (%q); want %s – %s", tt.text,
					ref.Window.From.UTC().Format(time.RFC3339), ref.Window.To.UTC().Format(time.RFC3339), ref.Found, ref.Phrase,
					tt.from.Format(time.RFC3339), tt.to.Format(time.RFC3339))
			}
		})
	}
}

func FuzzExtractTime(f *testing.F) {
	for _, s := range []string{"since 14:05", "around 2pm UTC", "30 minutes ago", "for the last 2 hours",
		"since yesterday evening", "between 1 and 2pm", "2026-11-27T14:05:00Z", "at 25:99", "99999999999 hours ago",
		"on Sunday evening", "last friday at 9pm", "over the weekend", "in the early hours", "am Sonntagabend", "el domingo por la noche",
		"15:35 (CET)", "2 and 3 pm (AEDT, UTC+11)", "utc+99", "halb zehn", "kvart över nio", "quarter to one", "i morse", "tussen 7:55 en 8:20"} {
		f.Add(s)
	}
	created := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		ref := ExtractTime(s, created, time.UTC, 2*time.Hour)
		if ref.Window.To.After(created) {
			t.Fatalf("window ends after the ticket: %v (%q)", ref.Window, s)
		}
		if ref.Window.Duration() < minWindow {
			t.Fatalf("window shorter than %s: %v (%q)", minWindow, ref.Window, s)
		}
	})
}

func BenchmarkExtractTime(b *testing.B) {
	created := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	text := "Checkout is down for everyone since about 14:05 CET, customers get 502 errors on /checkout/pay. We tried again 10 minutes ago."
	for b.Loop() {
		ExtractTime(text, created, time.UTC, 2*time.Hour)
	}
}

func TestExtractTime_readsNamedDays(t *testing.T) {
	created := time.Date(2027, 2, 15, 8, 30, 0, 0, time.UTC) // a Monday morning
	day := func(d, h, m int) time.Time { return time.Date(2027, 2, d, h, m, 0, 0, time.UTC) }
	tests := []struct {
		name     string
		text     string
		from, to time.Time
	}{
		{"a weekday's part of the day is the most recent one", "on Sunday evening checkout failed", day(14, 18, 0), day(15, 0, 0)},
		{"a weekday alone is that whole day", "since Saturday nobody gets e-mails", day(13, 0, 0), created},
		{"a clock time beside a weekday is on that day", "on Saturday at 21:15 my payment failed", day(13, 21, 5), day(13, 21, 45)},
		{"the weekend runs from Saturday to Monday", "over the weekend logins failed", day(13, 0, 0), day(15, 0, 0)},
		{"the early hours are today's", "in the early hours the site was down", day(15, 0, 0), day(15, 6, 0)},
		{"last evening is yesterday's", "last evening search was dead", day(14, 18, 0), day(15, 0, 0)},
		{"German compound weekday", "am Sonntagabend ging nichts", day(14, 18, 0), day(15, 0, 0)},
		{"French weekday and part", "dimanche soir le paiement échouait", day(14, 18, 0), day(15, 0, 0)},
		{"Spanish weekday and part", "el domingo por la noche no funcionaba", day(14, 18, 0), day(15, 0, 0)},
		{"this morning is not a weekday", "earlier this morning checkout was slow", day(15, 6, 0), created},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref := ExtractTime(tt.text, created, nil, 2*time.Hour)
			if !ref.Found || !ref.Window.From.Equal(tt.from) || !ref.Window.To.Equal(tt.to) {
				t.Errorf("ExtractTime(%q) = %s – %s found=%v (%q); want %s – %s", tt.text,
					ref.Window.From.UTC().Format(time.RFC3339), ref.Window.To.UTC().Format(time.RFC3339), ref.Found, ref.Phrase,
					tt.from.Format(time.RFC3339), tt.to.Format(time.RFC3339))
			}
		})
	}
}

// TestExtractTime_readsPastStretches covers round nine's window mechanisms:
// a moment on an earlier day is no onset, a part of the day gives a bare
// clock its half, a range's ends may be hedged or take an article, and a
// word for "since" in more languages before a clock is since.
func TestExtractTime_readsPastStretches(t *testing.T) {
	created := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC) // a Friday afternoon
	day := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, time.UTC) }
	for _, tt := range []struct {
		name, text string
		from, to   time.Time
	}{
		{"a clock on an earlier day is a moment, not an onset", "around 3:10pm on wednesday nobody could pay; since that is our busy hour we want to know why",
			day(25, 15, 0), day(25, 15, 40)},
		{"a part of the day gives a range its half", "last night from about 10.15 until 11 the app threw errors", day(26, 22, 15), day(26, 23, 0)},
		{"a range's ends take an article", "ayer no, hoy entre las 9 y las 9:40 de la mañana no se podía pagar", day(27, 9, 0), day(27, 9, 40)},
		{"a night clock before six is in the small hours", "w nocy około 1:40 nie mogłem się zalogować", day(27, 1, 30), day(27, 2, 10)},
		{"czech since before a hedged clock", "od cca 14:20 nejde platit kartou", day(27, 14, 15), day(27, 15, 0)},
		{"indonesian since before a dotted clock", "sejak jam 14.20 pembayaran gagal terus", day(27, 14, 15), day(27, 15, 0)},
		{"thai since before a clock", "ตั้งแต่ประมาณ 14:20 น. ลูกค้าจ่ายเงินไม่ได้", day(27, 14, 15), day(27, 15, 0)},
		{"a since word before a count is no clock", "od 5 klientów mamy skargi", day(27, 13, 0), day(27, 15, 0)},
		{"a duration in the perfect tense goes on now, whatever day is named", "I've been trying to log in for about half an hour. I reset my password yesterday.",
			day(27, 14, 30), day(27, 15, 0)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ref := ExtractTime(tt.text, created, nil, 2*time.Hour)
			if !ref.Window.From.Equal(tt.from) || !ref.Window.To.Equal(tt.to) {
				t.Errorf("ExtractTime(%q) = %s – %s (%q); want %s – %s", tt.text,
					ref.Window.From.UTC().Format(time.RFC3339), ref.Window.To.UTC().Format(time.RFC3339), ref.Phrase,
					tt.from.Format(time.RFC3339), tt.to.Format(time.RFC3339))
			}
		})
	}
}
