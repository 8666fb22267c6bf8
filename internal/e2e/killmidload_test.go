package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/plugins/zendesk"
)

// TestEndToEnd_gatewayKilledMidLoadLosesNoAnsweredDelivery: 16 senders post
// signed deliveries without pause; the gateway is SIGKILLed among them. After
// the restart every delivery that was answered 200 is found stored: sent again
// (re-signed now, same invocation id) it is answered as a duplicate.
func TestEndToEnd_gatewayKilledMidLoadLosesNoAnsweredDelivery(t *testing.T) {
	if testing.Short() {
		t.Skip("starts, kills and restarts the gateway under load")
	}
	e := newEnv(t, envOptions{Workers: 2, Threshold: "disabled"})
	e.connect()
	secret := e.secret()
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	t.Cleanup(client.CloseIdleConnections)

	var (
		mu       sync.Mutex
		answered []int64 // delivery numbers answered 200
		seq      atomic.Int64
		stop     = make(chan struct{})
		wg       sync.WaitGroup
	)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				i := seq.Add(1)
				if res, err := post(client, e.url, secret, i); err == nil && res.code == http.StatusOK {
					mu.Lock()
					answered = append(answered, i)
					mu.Unlock()
				}
			}
		}()
	}
	waitUntil(t, 60*time.Second, "300 deliveries answered 200", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(answered) >= 300
	})
	e.kill() // SIGKILL with senders mid-request
	close(stop)
	wg.Wait()
	e.start()

	missing := 0
	for _, i := range answered {
		res, err := post(client, e.url, secret, i)
		if err != nil || res.code != http.StatusOK {
			t.Fatalf("resending delivery %d after the restart: %v %d", i, err, res.code)
		}
		if res.Accepted != 0 {
			missing++
			t.Errorf("delivery %d was answered 200 before the kill but was not stored", i)
		}
	}
	t.Logf("%d deliveries answered 200 before the SIGKILL (of %d sent), %d missing after the restart", len(answered), seq.Load(), missing)
}

type postResult struct {
	code       int
	Accepted   int `json:"accepted"`
	Duplicates int `json:"duplicates"`
}

// post sends delivery i (invocation kill-i, a ticket that does not exist)
// signed now, and reads the gateway's answer.
func post(c *http.Client, base, secret string, i int64) (postResult, error) {
	body := ticketBody(800000 + i)
	ts := time.Now().UTC().Format(time.RFC3339)
	req, err := http.NewRequest(http.MethodPost, base+"/hooks/zendesk/acme", bytes.NewReader(body))
	if err != nil {
		return postResult{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(zendesk.HeaderSignature, zendesk.Sign(secret, ts, body))
	req.Header.Set(zendesk.HeaderTimestamp, ts)
	req.Header.Set(zendesk.HeaderInvocationID, fmt.Sprintf("kill-%d", i))
	resp, err := c.Do(req)
	if err != nil {
		return postResult{}, err
	}
	defer resp.Body.Close()
	r := postResult{code: resp.StatusCode}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return r, err
	}
	if r.code == http.StatusOK {
		if err := json.Unmarshal(b, &r); err != nil {
			return r, fmt.Errorf("answer %q: %w", b, err)
		}
	}
	return r, nil
}
