package e2e

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

const severeSubject = "Checkout is down for everyone"
const severeBody = "Since about 15 minutes nobody can pay: the checkout page spins and then shows an error. All our customers are affected, this is urgent!"
const lowSubject = "How do I change the email on my invoices?"
const lowBody = "Hi, quick question: where in the settings can I change the billing email address that invoices go to? Thanks!"

func TestEndToEnd_internalMode(t *testing.T) {
	e := newEnv(t, envOptions{})
	if code := e.deliver("whatever", time.Now(), "inv-before", ticketBody(1)); code != http.StatusNotFound {
		t.Fatalf("a delivery before connecting answered %d, want 404", code)
	}
	e.connect()
	if n, m := len(e.sb.Webhooks()), len(e.sb.Triggers()); n != 1 || m != 1 {
		t.Fatalf("after connect the sandbox has %d webhooks and %d triggers, want 1 and 1", n, m)
	}
	if wh := e.sb.Webhooks()[0]; wh.Endpoint != e.url+"/hooks/zendesk/acme" || wh.Status != "active" {
		t.Fatalf("webhook = %+v, want an active webhook to the gateway", wh)
	}

	severe := e.createTicket(severeSubject, severeBody, "urgent")
	low := e.createTicket(lowSubject, lowBody, "normal")

	waitUntil(t, 60*time.Second, "the severe ticket's triage and analysis notes", func() bool {
		internal, _ := e.notes(severe)
		return len(internal) >= 2 && e.hasAudit(severe, "fields.analysis_url")
	})
	waitUntil(t, 60*time.Second, "the low ticket's triage note", func() bool {
		return e.hasAudit(low, "fields.set")
	})

	internal, public := e.notes(severe)
	if len(internal) != 2 || len(public) != 0 {
		t.Fatalf("severe ticket: %d internal notes and %d public replies, want 2 and 0", len(internal), len(public))
	}
	if !strings.Contains(internal[0].HTMLBody, "critical") || !strings.Contains(internal[0].HTMLBody, "checkout-api") {
		t.Errorf("triage note does not say critical/checkout-api:\n%s", internal[0].HTMLBody)
	}
	fields := e.sb.CustomFields(severe)
	if fields[e.fields["severity"]] != "critical" || fields[e.fields["affected_service"]] != "checkout-api" {
		t.Errorf("severe ticket fields = %v, want severity critical, affected_service checkout-api", fields)
	}
	link, _ := fields[e.fields["analysis_url"]].(string)
	if !strings.HasPrefix(link, e.url+"/analyses/") || !strings.Contains(internal[1].HTMLBody, link) {
		t.Fatalf("analysis_url = %q; the analysis note must link to it:\n%s", link, internal[1].HTMLBody)
	}
	resp := get(t, http.DefaultClient, link)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET %s answered %d %s", link, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if r := get(t, http.DefaultClient, e.url+"/analyses/0123456789abcdef0123456789abcdef"); r.StatusCode != 404 {
		t.Errorf("an unknown analysis id answered %d, want 404", r.StatusCode)
	}

	lowInternal, lowPublic := e.notes(low)
	if len(lowInternal) != 1 || len(lowPublic) != 0 {
		t.Fatalf("low ticket: %d internal notes, %d public, want 1 and 0", len(lowInternal), len(lowPublic))
	}
	if got := e.sb.CustomFields(low)[e.fields["severity"]]; got != "low" {
		t.Errorf("low ticket severity field = %v, want low", got)
	}
	if e.hasAudit(low, "analysis") {
		t.Error("the low ticket got an analysis")
	}

	// The audit log answers to the binding's bare name, as `deskgate
	// bindings` shows it, and an unknown name is an error, not silence.
	out, errOut, code := e.cli("audit", "--binding", "acme")
	logCLI(t, "deskgate audit --binding acme", out, errOut, code)
	triaged := regexp.MustCompile(`(?m)^\S+ +zendesk/acme +` + strconv.FormatInt(severe, 10) + ` +triage +ok +`)
	if code != 0 || !triaged.MatchString(out) {
		t.Errorf("deskgate audit --binding acme: exit %d, no triage entry of ticket %d:\n%s%s", code, severe, out, errOut)
	}
	out, errOut, code = e.cli("audit", "--binding", "acmee")
	logCLI(t, "deskgate audit --binding acmee", out, errOut, code)
	if code != 2 || errOut != "deskgate audit: no binding \"acmee\" (configured: zendesk/acme)\n" {
		t.Errorf("deskgate audit --binding acmee: exit %d, stderr %q", code, errOut)
	}

	// doctor: every check passes on a healthy connection.
	var doc struct {
		Checks []struct {
			Name, Detail string
			OK           bool
		}
	}
	if code := e.api("GET", "/api/bindings/zendesk/acme/doctor", &doc); code != 200 || len(doc.Checks) < 8 {
		t.Fatalf("doctor answered %d with %d checks", code, len(doc.Checks))
	}
	for _, c := range doc.Checks {
		if !c.OK {
			t.Errorf("doctor check %q failed: %s", c.Name, c.Detail)
		}
	}

	// A redelivery of the same invocation is acknowledged and posts nothing.
	secret := e.secret()
	token := e.lastToken(t)
	d := e.sb.Deliveries()[0]
	if code := e.deliver(secret, time.Now(), d.InvocationID, []byte(d.Body)); code != 200 {
		t.Fatalf("redelivery answered %d, want 200", code)
	}
	// Forged, stale and oversized deliveries are refused and queue nothing.
	if code := e.deliver("not-the-secret", time.Now(), "inv-forged", ticketBody(severe)); code != http.StatusUnauthorized {
		t.Errorf("forged delivery answered %d, want 401", code)
	}
	if code := e.deliver(secret, time.Now().Add(-time.Hour), "inv-stale", ticketBody(severe)); code != http.StatusUnauthorized {
		t.Errorf("stale delivery answered %d, want 401", code)
	}
	big := []byte(`{"ticket_id":"` + fmt.Sprint(severe) + `","pad":"` + strings.Repeat("x", 1<<20) + `"}`)
	if code := e.deliver(secret, time.Now(), "inv-big", big); code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized delivery answered %d, want 413", code)
	}
	st := e.queueStats()
	if st["Ready"]+st["Delayed"]+st["Leased"] != 0 {
		t.Errorf("queue after the refused deliveries = %v, want empty", st)
	}
	// The gateway counted the redelivery as a duplicate: no job was made
	// for it, so no note can follow later.
	if m := e.metric(`deskgate_webhooks_total{outcome="duplicate"}`); m != 1 {
		t.Errorf("duplicates counted = %v, want 1", m)
	}
	if internal, _ := e.notes(severe); len(internal) != 2 {
		t.Errorf("after the redelivery the severe ticket has %d internal notes, want 2", len(internal))
	}

	// Disconnect removes webhook and trigger, revokes the token, and later
	// deliveries answer 404.
	if code := e.api("POST", "/api/bindings/zendesk/acme/disconnect", nil); code != 200 {
		t.Fatalf("disconnect answered %d", code)
	}
	if n, m := len(e.sb.Webhooks()), len(e.sb.Triggers()); n != 0 || m != 0 {
		t.Errorf("after disconnect the sandbox has %d webhooks and %d triggers, want none", n, m)
	}
	if st := e.bindingStatus(); st != "inactive" {
		t.Errorf("after disconnect the binding is %q, want inactive", st)
	}
	if code := e.api("POST", "/api/bindings/zendesk/acme/disconnect", nil); code != 200 {
		t.Errorf("a second disconnect answered %d, want 200 (idempotent)", code)
	}
	if code := e.deliver(secret, time.Now(), "inv-after", ticketBody(severe)); code != http.StatusNotFound {
		t.Errorf("a delivery after disconnect answered %d, want 404", code)
	}
	if e.sb.TokenValid(token) {
		t.Error("the token still works after disconnect")
	}
	// No secret in the gateway's (debug) log or in clear in its database.
	e.stopAll()
	db, err := os.ReadFile(filepath.Join(e.dir, "data", "deskgate.db"))
	must(t, err)
	wal, _ := os.ReadFile(filepath.Join(e.dir, "data", "deskgate.db-wal"))
	for name, v := range map[string]string{"access token": token, "signing secret": secret, "client secret": clientSecret, "admin token": adminToken} {
		if strings.Contains(e.replicas[0].Logs.String(), v) {
			t.Errorf("the gateway log contains the %s", name)
		}
		if name != "admin token" && (bytes.Contains(db, []byte(v)) || bytes.Contains(wal, []byte(v))) {
			t.Errorf("the database file holds the %s in clear", name)
		}
	}
}

// lastToken is the access token the plugin last used on the sandbox.
func (e *env) lastToken(t *testing.T) string {
	t.Helper()
	tok := e.tap.token()
	if tok == "" {
		t.Fatal("the sandbox saw no access token")
	}
	return tok
}

func TestEndToEnd_postingModes(t *testing.T) {
	for _, tc := range []struct {
		mode             string
		internal, public int
	}{
		{"public", 0, 1},
		{"both", 1, 1},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			e := newEnv(t, envOptions{PostingMode: tc.mode, Threshold: "disabled"})
			e.connect()
			id := e.createTicket(severeSubject, severeBody, "urgent")
			waitUntil(t, 60*time.Second, "the fields to be set", func() bool { return e.hasAudit(id, "fields.set") })
			internal, public := e.notes(id)
			if len(internal) != tc.internal || len(public) != tc.public {
				t.Fatalf("%d internal notes and %d public replies, want %d and %d", len(internal), len(public), tc.internal, tc.public)
			}
			if tc.public == 1 && (!strings.Contains(public[0].Body, "Dana Requester") || !strings.Contains(public[0].Body, "#"+strconv.FormatInt(id, 10))) {
				t.Errorf("public reply does not render the template:\n%s", public[0].Body)
			}
			if got := e.sb.CustomFields(id)[e.fields["severity"]]; got != "critical" {
				t.Errorf("severity field = %v, want critical in every mode", got)
			}
		})
	}
}

// TestEndToEnd_gatewayKilledAfterAck: every delivery answered 200 before a
// SIGKILL produces exactly one note after the restart.
func TestEndToEnd_gatewayKilledAfterAck(t *testing.T) {
	e := newEnv(t, envOptions{Workers: 1, Threshold: "disabled"})
	e.connect()
	secret := e.secret()
	// Slow the desk down so that most accepted events are still queued when
	// the gateway dies.
	e.sb.InjectSlow("/api/v2/tickets", 3, sandbox.FaultSlow, 300*time.Millisecond)
	var ids []int64
	for i := 0; i < 15; i++ {
		id, err := e.sb.CreateTicket(sandbox.TicketInput{Subject: fmt.Sprintf("Search is slow #%d", i), Description: "search takes long", Priority: "normal"})
		must(t, err)
		ids = append(ids, id)
	}
	// The sandbox's own trigger deliveries race with ours; wait for them so
	// the kill comes after a known set of 200s.
	must(t, e.sb.WaitDeliveries(contextFor(t, 30*time.Second), len(ids)))
	for i, id := range ids {
		if code := e.deliver(secret, time.Now(), fmt.Sprintf("inv-batch-%d", i), ticketBody(id)); code != 200 {
			t.Fatalf("delivery %d answered %d", i, code)
		}
	}
	e.kill()
	e.start()
	for _, id := range ids {
		waitUntil(t, 90*time.Second, fmt.Sprintf("ticket %d's note", id), func() bool { return e.hasAudit(id, "fields.set") })
	}
	for _, id := range ids {
		if internal, _ := e.notes(id); len(internal) != 1 {
			t.Errorf("ticket %d has %d internal notes after the restart, want exactly 1", id, len(internal))
		}
	}
}

// TestEndToEnd_pluginKilledMidJob: the job in flight when the plugin dies is
// retried after the restart and completes once.
func TestEndToEnd_pluginKilledMidJob(t *testing.T) {
	e := newEnv(t, envOptions{Workers: 1, Threshold: "disabled"})
	e.connect()
	// The next ticket read stalls, so the plugin is mid-call when killed.
	e.sb.InjectSlow("/api/v2/tickets/", 1, sandbox.FaultSlow, 20*time.Second)
	id := e.createTicket("Login fails for me", "I cannot log in since this morning, it says wrong password", "normal")
	var pluginPid int
	waitUntil(t, 30*time.Second, "the plugin to be mid-call", func() bool {
		pluginPid = childPid(e.gatewayPid())
		return pluginPid > 0 && e.tap.readsInFlight() > 0
	})
	must(t, syscall.Kill(pluginPid, syscall.SIGKILL))
	waitUntil(t, 60*time.Second, "the note after the plugin restart", func() bool { return e.hasAudit(id, "fields.set") })
	if internal, _ := e.notes(id); len(internal) != 1 {
		t.Fatalf("ticket has %d internal notes, want exactly 1", len(internal))
	}
	var restarted bool
	var out struct{ Entries []auditEntry }
	e.api("GET", "/api/audit?limit=1000", &out)
	for _, a := range out.Entries {
		restarted = restarted || a.Action == "plugin.restart"
	}
	if !restarted {
		t.Error("no plugin.restart in the audit log")
	}
	if newPid := childPid(e.gatewayPid()); newPid == pluginPid || newPid == 0 {
		t.Errorf("plugin pid after restart = %d (was %d)", newPid, pluginPid)
	}
}
