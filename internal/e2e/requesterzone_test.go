package e2e

import (
	"html"
	"strings"
	"testing"
	"time"

	jsmsandbox "github.com/sigsentry/deskgate/plugins/jsm/sandbox"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

// The requester-zone tests prove that a requester's profile zone crosses
// the whole path: the sandbox desk shows it on its API, the real plugin
// binary reads it into sdk.Ticket.RequesterTimeZone, go-plugin carries it,
// the gateway's worker hands it to triage, and the note triage wrote comes
// back to the sandbox reading the ticket's bare clock in that zone. Were a
// plugin to stop filling the zone, the clock would be read in the binding's
// default (UTC) and the note would name the other window and clean logs.
//
// The log world is gwtest.WriteLogs': clean logs for two hours, then
// checkout-api failing for the last 20 minutes before the logs' end (E) and
// on. The requester lives in Atlantic/Cape_Verde (UTC−1 the year round)
// and writes "my checkout failed at HH:MM" with the clock of E−12m there.
// Read in their zone, the window is E−22m to the ticket (the incident's
// onset inside it); read in UTC, the same clock is an hour earlier, and its
// window (E−82m to E−42m) holds clean logs only. "at" (a point, whose
// window ends half an hour after) and not "since": a since-window runs to
// the ticket's creation, so read an hour earlier it would still hold the
// incident and only its start would tell the readings apart. The note
// names the window, where its zone came from ("read in … (the requester's
// profile)") and the logs it reports: all three are checked.

// zoneWorld is the log world's end and the ticket text every requester of
// these tests writes.
type zoneWorld struct {
	end     time.Time
	subject string
	text    string
	// inZone and inUTC are the moments the ticket's clock names when read
	// in the requester's zone and in the binding's default.
	inZone, inUTC time.Time
}

const requesterZoneName = "Atlantic/Cape_Verde"

func newZoneWorld(t *testing.T) zoneWorld {
	t.Helper()
	loc, err := time.LoadLocation(requesterZoneName)
	must(t, err)
	w := zoneWorld{end: time.Now().UTC().Truncate(time.Minute), subject: "Checkout failed"}
	w.inZone = w.end.Add(-12 * time.Minute)
	clock := w.inZone.In(loc).Format("15:04")
	w.text = "My checkout failed at " + clock + ": the payment page showed an error and the order did not go through."
	// The same wall clock read in UTC, the latest such moment before the
	// ticket: the zone is an hour behind, so an hour earlier.
	w.inUTC = w.inZone.Add(-time.Hour)
	if _, off := w.inZone.In(loc).Zone(); off != -3600 {
		t.Fatalf("%s is %ds off UTC, the test assumes −1h", requesterZoneName, off)
	}
	return w
}

// noteMinute is how the triage note names a window's edge.
func noteMinute(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

// zoneDesk is one desk's side of the test, K its ticket reference.
type zoneDesk[K any] struct {
	// create opens a ticket as a requester whose profile zone is zone ("":
	// none set).
	create func(name, email, zone string) (K, error)
	// triaged is true once the gateway has finished with the ticket.
	triaged func(K) bool
	// note is the one internal note the gateway posted; severity the value
	// it set in the severity field, lower case.
	note     func(K) string
	severity func(K) string
}

// checkRequesterZone has a requester with the profile zone and one without
// write the same ticket, and checks the notes the desk received.
func checkRequesterZone[K any](t *testing.T, w zoneWorld, d zoneDesk[K]) {
	t.Helper()
	zoned, err := d.create("Nuno Requester", "nuno@example.cv", requesterZoneName)
	must(t, err)
	control, err := d.create("Uma Requester", "uma@example.com", "")
	must(t, err)
	for _, k := range []K{zoned, control} {
		waitUntil(t, 60*time.Second, "the triage note", func() bool { return d.triaged(k) })
	}
	// Zendesk keeps the note's HTML, JSM its text: compared unescaped.
	zonedNote, controlNote := html.UnescapeString(d.note(zoned)), html.UnescapeString(d.note(control))
	t.Logf("ticket text: %s\nzoned requester's note:\n%s\ncontrol requester's note:\n%s", w.text, zonedNote, controlNote)
	// Read in the requester's zone: the window opens ten minutes before
	// E−12m, so the incident's onset (E−20m) is in it, and the logs show it.
	if want := "Log window: " + noteMinute(w.inZone.Add(-10*time.Minute)) + " to "; !strings.Contains(zonedNote, want) {
		t.Errorf("the zoned requester's note does not name the window read in %s (%q)", requesterZoneName, want)
	}
	// The note says which clock it read.
	if want := "read in " + requesterZoneName + " (the requester's profile)"; !strings.Contains(zonedNote, want) {
		t.Errorf("the zoned requester's note does not say the clock was read in the profile's zone (%q)", want)
	}
	if !strings.Contains(zonedNote, "checkout-api failure rate") || strings.Contains(zonedNote, "logs are clean in the window") {
		t.Error("the zoned requester's note does not show the checkout-api incident")
	}
	if sev := d.severity(zoned); sev != "high" && sev != "critical" {
		t.Errorf("the zoned requester's severity = %q, want high or critical (an incident in the window)", sev)
	}
	// Read in UTC: the window is ten minutes before to half an hour after
	// the clock read an hour earlier, wholly before the incident.
	if want := "Log window: " + noteMinute(w.inUTC.Add(-10*time.Minute)) + " to " + noteMinute(w.inUTC.Add(30*time.Minute)); !strings.Contains(controlNote, want) {
		t.Errorf("the control requester's note does not name the window read in UTC (%q)", want)
	}
	if want := "read in UTC (the binding's default)"; !strings.Contains(controlNote, want) {
		t.Errorf("the control requester's note does not say the clock was read in the binding's default zone (%q)", want)
	}
	if !strings.Contains(controlNote, "checkout-api logs are clean in the window") || strings.Contains(controlNote, "checkout-api failure rate") {
		t.Error("the control requester's note does not show clean checkout-api logs")
	}
	if sev := d.severity(control); sev == "high" || sev == "critical" {
		t.Errorf("the control requester's severity = %q, want below high (clean logs in the window)", sev)
	}
}

// TestEndToEnd_zendeskRequesterZoneReadsTheClock: a Zendesk requester whose
// profile has an iana_time_zone gets the ticket's bare clock read in it;
// one without gets the binding's default (see the comment above zoneWorld).
func TestEndToEnd_zendeskRequesterZoneReadsTheClock(t *testing.T) {
	w := newZoneWorld(t)
	e := newEnv(t, envOptions{Threshold: "disabled", LogsAt: w.end})
	e.connect()
	checkRequesterZone(t, w, zoneDesk[int64]{
		create: func(name, email, zone string) (int64, error) {
			return e.sb.CreateTicket(sandbox.TicketInput{Subject: w.subject, Description: w.text, Priority: "normal",
				RequesterName: name, RequesterEmail: email, RequesterTimeZone: zone})
		},
		triaged: func(id int64) bool { return e.hasAudit(id, "fields.set") },
		note: func(id int64) string {
			internal, public := e.notes(id)
			if len(internal) != 1 || len(public) != 0 {
				t.Fatalf("ticket %d: %d internal notes and %d public replies, want 1 and 0", id, len(internal), len(public))
			}
			return internal[0].HTMLBody
		},
		severity: func(id int64) string {
			s, _ := e.sb.CustomFields(id)[e.fields["severity"]].(string)
			return s
		},
	})
}

// TestEndToEnd_jsmReporterZoneReadsTheClock: the same for a JSM reporter
// whose profile has a timeZone.
func TestEndToEnd_jsmReporterZoneReadsTheClock(t *testing.T) {
	w := newZoneWorld(t)
	e := newEnv(t, envOptions{Threshold: "disabled", LogsAt: w.end, JSM: true})
	e.connectJSM()
	j := e.jsm
	checkRequesterZone(t, w, zoneDesk[string]{
		create: func(name, email, zone string) (string, error) {
			return j.sb.CreateRequest(jsmsandbox.RequestInput{Summary: w.subject, Description: w.text, Priority: "Medium",
				ReporterName: name, ReporterEmail: email, ReporterTimeZone: zone})
		},
		triaged: func(key string) bool { return e.jsmHasAudit(key, "fields.set") },
		note: func(key string) string {
			internal, public := j.gatewayComments(t, key)
			if len(internal) != 1 || len(public) != 0 {
				t.Fatalf("request %s: %d internal and %d public gateway comments, want 1 and 0", key, len(internal), len(public))
			}
			return internal[0].Body
		},
		severity: func(key string) string {
			r, _ := j.sb.RequestByKey(key)
			s, _ := r.Fields[j.fields["severity"]].(string)
			return strings.ToLower(s)
		},
	})
}
