package e2e

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/redistest"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

// TestRedisRestart_ingressAnswers503WhileDownAndLosesNothing restarts a
// private Redis (AOF, fsync always) under a running gateway.
func TestRedisRestart_ingressAnswers503WhileDownAndLosesNothing(t *testing.T) {
	url, stop, restart := redistest.StartServer(t)
	e := newEnv(t, envOptions{Workers: 2, Threshold: "disabled", Visibility: "5s",
		StoreBlock: fmt.Sprintf("store \"redis\" {\n  url = %q\n  key_prefix = \"e2e:\"\n}", url)})
	var ids []int64
	for i := 0; i < 30; i++ {
		id, err := e.sb.CreateTicket(sandbox.TicketInput{Subject: fmt.Sprintf("Notifications are late #%d", i), Description: "emails arrive an hour late"})
		must(t, err)
		ids = append(ids, id)
	}
	e.connect()
	secret := e.secret()
	send := func(i int) int {
		code, err := e.deliverTo(e.url, secret, time.Now(), fmt.Sprintf("inv-restart-%d", i), ticketBody(ids[i]))
		must(t, err)
		return code
	}
	// A slow desk keeps most acknowledged jobs in Redis when it goes down.
	e.sb.InjectSlow("/api/v2/tickets/", 4, sandbox.FaultSlow, 700*time.Millisecond)
	for i := 0; i < 10; i++ {
		if c := send(i); c != 200 {
			t.Fatalf("delivery %d before the restart answered %d", i, c)
		}
	}

	stop()
	noted := 0
	for _, id := range ids[:10] {
		if in, _ := e.notes(id); len(in) > 0 {
			noted++
		}
	}
	t.Logf("Redis stopped with %d of 10 acknowledged tickets noted", noted)
	// The binding's install state may be cached for a moment; the enqueue
	// is what must fail.
	for i := 10; i < 20; i++ {
		if c := send(i); c != http.StatusServiceUnavailable {
			t.Fatalf("delivery %d while Redis is down answered %d, want 503", i, c)
		}
	}
	if r := get(t, http.DefaultClient, e.url+"/readyz"); r.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz while Redis is down answered %d, want 503", r.StatusCode)
	}

	restart()
	waitUntil(t, 30*time.Second, "readiness after the restart", func() bool {
		resp, err := http.Get(e.url + "/readyz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		return resp.StatusCode == 200
	})
	// The desk retries the refused deliveries; new ones arrive too.
	for i := 10; i < 30; i++ {
		if c := send(i); c != 200 {
			t.Fatalf("delivery %d after the restart answered %d", i, c)
		}
	}
	waitUntil(t, 90*time.Second, "every ticket's note", func() bool {
		for _, id := range ids {
			if in, _ := e.notes(id); len(in) == 0 {
				return false
			}
		}
		return true
	})
	for _, id := range ids {
		if in, _ := e.notes(id); len(in) != 1 {
			t.Errorf("ticket %d has %d internal notes, want exactly 1", id, len(in))
		}
	}
}
