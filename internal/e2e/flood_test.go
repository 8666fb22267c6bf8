package e2e

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/gwtest"
	"github.com/sigsentry/deskgate/internal/redistest"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

// floodDeliveries is the size of the flood on binding acme.
const floodDeliveries = 10000

// floodCap lifts the per-binding queue cap (default 10,000, the size of the
// flood) so that the whole flood is queued: these tests are about fair
// share behind a full backlog; the cap's own 503s are tested in ingress.
const floodCap = "max_queue_depth_per_binding = 20000"

// TestFlood_sqlite: binding acme is flooded with 10,000 deliveries and its
// desk answers every ticket call 429; a ticket created on binding beta (its
// own desk) must still get its note within 2 s.
func TestFlood_sqlite(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 10,000 deliveries")
	}
	runFlood(t, envOptions{Workers: 4, Threshold: "disabled", Beta: true, GatewayExtra: floodCap})
}

// TestFlood_redis: the same on the Redis backend.
func TestFlood_redis(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 10,000 deliveries")
	}
	runFlood(t, envOptions{Workers: 4, Threshold: "disabled", Beta: true, GatewayExtra: floodCap,
		StoreBlock: fmt.Sprintf("store \"redis\" {\n  url = %q\n  key_prefix = %q\n}", redistest.Addr(t), redistest.Prefix(t))})
}

func runFlood(t *testing.T, o envOptions) {
	e := newEnv(t, o)
	e.connect()
	e.connectBinding("beta", e.beta.srv.URL)
	secret := e.secret()
	webhook := e.sb.Webhooks()[0].ID
	// acme's desk throttles the account: every ticket call answers 429.
	e.sb.InjectFaults("/api/v2/tickets", 10*floodDeliveries, sandbox.Fault429)

	start := time.Now()
	var next, refused atomic.Int64
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < floodDeliveries; i = next.Add(1) - 1 {
				code, err := gwtest.Deliver(e.url, gwtest.Delivery{Secret: secret, Timestamp: time.Now(),
					Invocation: fmt.Sprintf("inv-flood-%d", i), WebhookID: webhook, AccountID: e.sb.AccountID(),
					Body: ticketBody(1_000_000 + i)})
				if err != nil || code != 200 {
					refused.Add(1)
				}
			}
		})
	}
	wg.Wait()
	s := e.queueStats()
	live := s["Ready"] + s["Delayed"] + s["Leased"]
	t.Logf("flood: %d deliveries on zendesk/acme in %s, %d refused; %d jobs live in the queue (%d dead)",
		floodDeliveries, time.Since(start).Round(time.Millisecond), refused.Load(), live, s["Dead"])
	if refused.Load() > 0 {
		t.Fatalf("%d flood deliveries were not answered 200", refused.Load())
	}
	if live < floodDeliveries*9/10 {
		t.Fatalf("only %d of the flood's jobs are live in the queue: the flood is not there to test against", live)
	}

	// beta's desk creates a ticket and delivers it itself (its trigger).
	created := time.Now()
	id, err := e.beta.sb.CreateTicket(sandbox.TicketInput{Subject: "Card payments fail at checkout",
		Description: "checkout says payment declined for every card", Priority: "normal"})
	must(t, err)
	var took time.Duration
	waitUntil(t, 30*time.Second, "beta's note", func() bool {
		if len(e.beta.sb.Comments(id)) > 1 {
			took = time.Since(created)
			return true
		}
		return false
	})
	s = e.queueStats()
	t.Logf("beta's ticket noted %s after it was created, behind %d live acme jobs", took.Round(time.Millisecond), s["Ready"]+s["Delayed"]+s["Leased"])
	if took > 2*time.Second {
		t.Errorf("beta's ticket took %s to get its note behind acme's flood, want under 2s", took.Round(time.Millisecond))
	}
}
