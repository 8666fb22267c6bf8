package e2e

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/redistest"
	"github.com/sigsentry/deskgate/plugins/zendesk"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

// captured is a signed delivery as an eavesdropper holds it: the body and
// the signature headers, which a resend keeps byte for byte while it
// changes (or drops) the unsigned invocation id.
type captured struct {
	body           []byte
	timestamp, sig string
}

func capture(secret string, body []byte) captured {
	ts := time.Now().UTC().Format(time.RFC3339)
	return captured{body: body, timestamp: ts, sig: zendesk.Sign(secret, ts, body)}
}

// send posts the delivery to the gateway at base under invocation ("" =
// no invocation id header) and returns the status and the answer's body.
func (c captured) send(t *testing.T, base, invocation string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+"/hooks/zendesk/acme", bytes.NewReader(c.body))
	must(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(zendesk.HeaderSignature, c.sig)
	req.Header.Set(zendesk.HeaderTimestamp, c.timestamp)
	if invocation != "" {
		req.Header.Set(zendesk.HeaderInvocationID, invocation)
	}
	resp, err := http.DefaultClient.Do(req)
	must(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	must(t, err)
	return resp.StatusCode, strings.TrimSpace(string(b))
}

func (c captured) expect(t *testing.T, base, invocation, want string) {
	t.Helper()
	if code, got := c.send(t, base, invocation); code != 200 || got != want {
		t.Errorf("delivery under invocation id %q to %s: %d %s, want 200 %s", invocation, base, code, got, want)
	}
}

const (
	acceptedOne  = `{"accepted":1,"duplicates":0}`
	duplicateOne = `{"accepted":0,"duplicates":1}`
)

// replayTicket creates a ticket the sandbox does not deliver itself (no
// trigger before connect), so every delivery of it is one of the test's.
func replayTicket(t *testing.T, e *env) int64 {
	id, err := e.sb.CreateTicket(sandbox.TicketInput{Subject: "Checkout fails with a timeout",
		Description: "the payment page times out", Priority: "normal"})
	must(t, err)
	return id
}

// expectOneNote waits for the ticket's note and an empty queue, then
// checks the ticket had exactly one job and has exactly one note, and the
// gateway at base counted the replays as duplicates.
func expectOneNote(t *testing.T, e *env, id int64, base string, duplicates float64) {
	t.Helper()
	waitUntil(t, 60*time.Second, "the ticket's note", func() bool { in, _ := e.notes(id); return len(in) > 0 })
	waitUntil(t, 30*time.Second, "an empty queue", func() bool {
		st := e.queueStats()
		return st["Ready"]+st["Delayed"]+st["Leased"]+st["Dead"] == 0
	})
	if n := jobsOf(t, e, id); n != 1 {
		t.Errorf("ticket %d had %d jobs, want exactly 1: a replay was enqueued", id, n)
	}
	if in, _ := e.notes(id); len(in) != 1 {
		t.Errorf("ticket %d has %d internal notes, want exactly 1", id, len(in))
	}
	if got := metricAt(t, base, `deskgate_webhooks_total{outcome="duplicate"}`); got != duplicates {
		t.Errorf("duplicates counted by %s = %v, want %v", base, got, duplicates)
	}
}

// jobsOf counts the ticket's jobs in every state, done ones included.
func jobsOf(t *testing.T, e *env, id int64) int {
	t.Helper()
	n := 0
	for _, state := range []string{"", "done"} {
		var out struct {
			Jobs []struct {
				TicketID string `json:"ticket_id"`
			}
		}
		if code := e.api("GET", "/api/jobs?limit=1000&state="+state, &out); code != 200 {
			t.Fatalf("GET /api/jobs?state=%s answered %d", state, code)
		}
		for _, j := range out.Jobs {
			if j.TicketID == fmt.Sprint(id) {
				n++
			}
		}
	}
	return n
}

func metricAt(t *testing.T, base, series string) float64 {
	t.Helper()
	e := &env{t: t, url: base}
	return e.metric(series)
}

// TestReplay_capturedDeliveryResentToAnotherReplicaIsADuplicate: two
// gateways share Redis; a signed delivery answered by the first is resent,
// still fresh, to the second under a new and under no invocation id.
func TestReplay_capturedDeliveryResentToAnotherReplicaIsADuplicate(t *testing.T) {
	redisURL, prefix := redistest.Addr(t), redistest.Prefix(t)
	e := newEnv(t, envOptions{Replicas: 2, Threshold: "disabled",
		StoreBlock: fmt.Sprintf("store \"redis\" {\n  url = %q\n  key_prefix = %q\n}", redisURL, prefix)})
	id := replayTicket(t, e)
	e.connect()
	other := e.replicas[1].URL
	waitUntil(t, 10*time.Second, "the other replica to see the binding", func() bool {
		var out struct{ Bindings []struct{ Status string } }
		code := apiAt(t, other, "/api/bindings", &out)
		return code == 200 && len(out.Bindings) == 1 && out.Bindings[0].Status == "active"
	})
	d := capture(e.secret(), ticketBody(id))
	d.expect(t, e.url, "inv-genuine", acceptedOne)
	d.expect(t, other, "inv-replayed", duplicateOne)
	d.expect(t, other, "", duplicateOne)
	expectOneNote(t, e, id, other, 2)
}

// TestReplay_capturedDeliveryResentAfterARestartIsADuplicate: a gateway on
// SQLite answers a signed delivery, is killed and started again; the
// delivery, still fresh, is resent under a new and under no invocation id.
func TestReplay_capturedDeliveryResentAfterARestartIsADuplicate(t *testing.T) {
	e := newEnv(t, envOptions{Threshold: "disabled"})
	id := replayTicket(t, e)
	e.connect()
	d := capture(e.secret(), ticketBody(id))
	d.expect(t, e.url, "inv-genuine", acceptedOne)
	waitUntil(t, 60*time.Second, "the ticket's note", func() bool { in, _ := e.notes(id); return len(in) > 0 })
	e.kill()
	e.start()
	d.expect(t, e.url, "inv-replayed", duplicateOne)
	d.expect(t, e.url, "", duplicateOne)
	expectOneNote(t, e, id, e.url, 2)
}
