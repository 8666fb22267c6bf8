package triage

import (
	"context"
	"testing"
	"time"
)

func TestHeaderOffset_readsTheWritersClock(t *testing.T) {
	created := time.Date(2028, 5, 18, 18, 38, 0, 0, time.UTC)
	for _, c := range []struct {
		name, header string
		want         time.Duration
		ok           bool
	}{
		{"Italian reply line", "Il giorno gio 18 mag 2028 alle ore 20:25 Francesca Galli ha scritto:", 2 * time.Hour, true},
		{"Outlook, 12-hour clock", "From: Kim\nSent: Friday, May 19, 2028 3:30 AM\nTo: Support\n", 9 * time.Hour, true},
		{"Japanese", "2028年5月18日(木) 18:35 山本 恵美 <yamamoto@midori.example>:", 0, true},
		{"Finnish dotted clock", "Lähettäjä: Mikko\nLähetetty: torstai 18. toukokuuta 2028 21.30\n", 3 * time.Hour, true},
		{"west of UTC", "On Thu, May 18, 2028 at 1:30 PM Ann <ann@x.example> wrote:", -5 * time.Hour, true},
		{"a day-old message", "Lähetetty: keskiviikko 17. toukokuuta 2028 17.45", 0, false},
		{"no day near the ticket's", "On 3 May 2028 19:00, Jo wrote:", 0, false},
		{"no clock", "On 18 May 2028, Jo wrote:", 0, false},
		{"a date's dots are no clock", "Sent: 18.05.2028", 0, false},
	} {
		got, ok := headerOffset(c.header, created)
		if ok != c.ok || ok && got != c.want {
			t.Errorf("%s: %v %v, want %v %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

func TestThreadZone_onlyTheWritersOwnHeaders(t *testing.T) {
	created := time.Date(2028, 5, 18, 11, 40, 0, 0, time.UTC)
	desk := "On Thu, 18 May 2028 at 09:10, Support <help@desk.example> wrote:"
	own := "Enviado: jueves, 18 de mayo de 2028 13:25 Javier Morales"
	if _, ok := threadZone([]string{desk}, created, "Javier Morales"); ok {
		t.Errorf("the desk's header read as the writer's zone")
	}
	deskBlock := "From: Customer Care <help@desk.example>\nSent: Thursday, May 18, 2028 1:25 PM\nTo: Javier Morales <j@vinos.example>\n"
	if _, ok := threadZone([]string{deskBlock}, created, "Javier Morales"); ok {
		t.Errorf("a header to the writer read as the writer's own")
	}
	if _, ok := threadZone([]string{own}, created, ""); ok {
		t.Errorf("a zone read with no requester to match")
	}
	loc, ok := threadZone([]string{desk, own}, created, "javier  morales")
	if !ok {
		t.Fatalf("the writer's own header not read")
	}
	if _, off := created.In(loc).Zone(); off != 2*3600 {
		t.Errorf("offset %d s, want 7200", off)
	}
}

// A reply's bare clock time is read in the zone its own quoted header
// shows, and a zone stated in the words still wins.
func TestTriage_readsBareClocksInTheThreadsZone(t *testing.T) {
	tr := New(Project{Services: []Service{{Name: "auth", Aliases: []string{"login"}, Core: true}}}, Settings{DefaultTimeBuffer: 2 * time.Hour})
	created := time.Date(2028, 5, 18, 18, 38, 0, 0, time.UTC)
	quote := "\n\nIl giorno gio 18 mag 2028 alle ore 20:25 Francesca Galli <f@galli.example> ha scritto:\n> Il login oggi è lento."
	for _, c := range []struct {
		name, desc string
		from       time.Time
	}{
		{"the thread's zone", "Ciao,\n\nnon è solo il mio PC: il login è lentissimo per tutti i nostri clienti, ci vogliono 20 secondi dopo la password. Da circa le 20:20.\n\nGrazie\nFrancesca" + quote, time.Date(2028, 5, 18, 18, 10, 0, 0, time.UTC)},
		{"a zone in the words wins", "Ciao,\n\nnon è solo il mio PC: il login è lentissimo per tutti i nostri clienti, ci vogliono 20 secondi dopo la password. Da circa le 19:20 (London time).\n\nGrazie\nFrancesca" + quote, time.Date(2028, 5, 18, 18, 10, 0, 0, time.UTC)},
	} {
		// The thread's zone wins over a requester's profile zone too.
		for _, profile := range []string{"", "Asia/Tokyo"} {
			res, err := tr.Triage(context.Background(), Ticket{ID: "z", Subject: "R: login lento", Description: c.desc, RequesterName: "Francesca Galli", RequesterTimeZone: profile, CreatedAt: created})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Window.From.Equal(c.from) {
				t.Errorf("%s (profile zone %q): window from %s, want %s", c.name, profile, res.Window.From, c.from)
			}
		}
	}
}

// A mailed ticket's "email" tag is its channel, not the notifications
// service; on a ticket without mail layout it stays a topic.
func TestTriage_channelTagOfAMailedTicketNamesNoService(t *testing.T) {
	tr := New(Project{Services: []Service{{Name: "notifications", Aliases: []string{"email", "sms"}}}}, Settings{DefaultTimeBuffer: 2 * time.Hour})
	created := time.Date(2028, 5, 18, 7, 0, 0, 0, time.UTC)
	mailed := Ticket{ID: "m", Subject: "Re: errors", Tags: []string{"email"}, CreatedAt: created,
		Description: "Still getting errors on your site.\n\nOn Thu, 18 May 2028, 06:20 Gary Dunn wrote:\n> your site keeps throwing errors"}
	plain := Ticket{ID: "p", Subject: "Не приходять листи", Tags: []string{"email"}, CreatedAt: created,
		Description: "Жодному клієнту не прийшов лист."}
	if res, _ := tr.Triage(context.Background(), mailed); res.AffectedService != "" {
		t.Errorf("mailed ticket: service %q from its channel tag", res.AffectedService)
	}
	if res, _ := tr.Triage(context.Background(), plain); res.AffectedService != "notifications" {
		t.Errorf("plain ticket: service %q, want the tag's notifications", res.AffectedService)
	}
	// A question names its service or none: the channel it came by is none,
	// the e-mail it asks about is one.
	question := Ticket{ID: "q", Subject: "Banner", Tags: []string{"email"}, CreatedAt: created,
		Description: "The banner on our front page is gone since I changed the theme colours. How can I get it back?"}
	if res, _ := tr.Triage(context.Background(), question); res.AffectedService != "" {
		t.Errorf("question: service %q from its channel tag", res.AffectedService)
	}
	aboutMail := Ticket{ID: "a", Subject: "Question", Tags: []string{"email"}, CreatedAt: created,
		Description: "How can I change the sender name of our order confirmation email?"}
	if res, _ := tr.Triage(context.Background(), aboutMail); res.AffectedService != "notifications" {
		t.Errorf("question about e-mail: service %q, want notifications", res.AffectedService)
	}
}

// Round twenty-two: a header whose clock is UTC itself (a desk or mail
// client left at its default) does not override the requester's profile
// zone: the bare clock is read in the profile's zone. With no profile,
// the header's UTC is the zone still.
func TestTriage_headerAtUTCLeavesTheProfileZone(t *testing.T) {
	// The binding's default is not UTC, so that a header read as UTC and
	// the default are told apart.
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	tr := New(Project{Services: []Service{{Name: "auth", Aliases: []string{"login"}, Core: true}}}, Settings{DefaultTimeBuffer: 2 * time.Hour, Location: ny})
	created := time.Date(2028, 5, 18, 18, 38, 0, 0, time.UTC)
	desc := "Hallo,\n\nder Login ist seit 19:20 für alle unsere Kunden sehr langsam.\n\nGruß\nJonas Weber" +
		"\n\nAm Do., 18. Mai 2028 um 18:31 Uhr schrieb Jonas Weber <j@weber.example>:\n> Der Login ist langsam."
	for _, c := range []struct {
		profile string
		from    time.Time
	}{
		{"Europe/Berlin", time.Date(2028, 5, 18, 17, 15, 0, 0, time.UTC)},
		{"", time.Date(2028, 5, 18, 18, 15, 0, 0, time.UTC)},
	} {
		res, err := tr.Triage(context.Background(), Ticket{ID: "u", Subject: "AW: Login langsam", Description: desc, RequesterName: "Jonas Weber", RequesterTimeZone: c.profile, CreatedAt: created})
		if err != nil {
			t.Fatal(err)
		}
		if !res.Window.From.Equal(c.from) {
			t.Errorf("profile zone %q: window from %s, want %s", c.profile, res.Window.From, c.from)
		}
	}
}
