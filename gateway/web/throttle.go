package web

import (
	"net"
	"net/http"
	"net/netip"
	"sync"
	"time"
)

// Failed admin token checks are throttled per client address. The first
// throttleFree failures cost nothing (a mistyped token); each one after
// that locks the address out for twice as long as the one before, from
// throttleBase up to throttleMax, and a locked-out address gets 429 with
// Retry-After without its token being looked at. An address with no failure
// for throttleForget starts afresh; a success clears it at once.
//
// The count is per replica: behind a load balancer an address gets the free
// attempts once per replica. With a token of at least 32 random characters
// that changes nothing an attacker could use; the throttle keeps the logs
// and the audit readable and the CPU free, the token's length keeps it safe.
const (
	throttleFree   = 5
	throttleBase   = time.Second
	throttleMax    = 15 * time.Minute
	throttleForget = 30 * time.Minute
	// throttleWindow is how often one address's throttling is audited at
	// most: an attacker cannot flood the audit log.
	throttleWindow = 15 * time.Minute
	// throttleSweepAt is the table size at which forgotten addresses are
	// swept out; it bounds memory under a spray of addresses.
	throttleSweepAt = 4096
)

type throttle struct {
	mu        sync.Mutex
	addrs     map[string]*attempts
	sweepNext int
}

type attempts struct {
	failures    int
	last        time.Time // the latest failure
	lockedUntil time.Time
	reportedAt  time.Time // the latest audit entry; zero = none yet
}

func newThrottle() *throttle {
	return &throttle{addrs: map[string]*attempts{}, sweepNext: throttleSweepAt}
}

// wait is how long addr must wait before its next attempt; 0 = it may try.
func (t *throttle) wait(addr string, now time.Time) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	a := t.addrs[addr]
	if a == nil || !now.Before(a.lockedUntil) {
		return 0
	}
	return a.lockedUntil.Sub(now)
}

// failure is the throttle's answer to one failed attempt.
type failure struct {
	failures int           // in a row from this address
	lock     time.Duration // how long it is locked out now; 0 = not yet
	report   bool          // the caller should audit the throttling now
}

// fail records a failed attempt of addr.
func (t *throttle) fail(addr string, now time.Time) failure {
	t.mu.Lock()
	defer t.mu.Unlock()
	a := t.addrs[addr]
	if a == nil || now.Sub(a.last) >= throttleForget {
		if len(t.addrs) >= t.sweepNext {
			t.sweep(now)
		}
		a = &attempts{}
		t.addrs[addr] = a
	}
	a.failures++
	a.last = now
	f := failure{failures: a.failures}
	if a.failures <= throttleFree {
		return f
	}
	f.lock = throttleMax
	if n := a.failures - throttleFree - 1; n < 20 { // 2^20 s is far past the cap
		f.lock = min(throttleBase<<n, throttleMax)
	}
	a.lockedUntil = now.Add(f.lock)
	if a.reportedAt.IsZero() || now.Sub(a.reportedAt) >= throttleWindow {
		a.reportedAt = now
		f.report = true
	}
	return f
}

// reset forgets addr after a successful attempt.
func (t *throttle) reset(addr string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.addrs, addr)
}

// sweep drops addresses forgotten by now and sets the size of the next
// sweep, so sweeping stays linear in the number of attempts.
func (t *throttle) sweep(now time.Time) {
	for k, a := range t.addrs {
		if now.Sub(a.last) >= throttleForget && !now.Before(a.lockedUntil) {
			delete(t.addrs, k)
		}
	}
	t.sweepNext = max(throttleSweepAt, 2*len(t.addrs))
}

// clientAddr is the address failures are counted against: the connection's
// peer (a forwarded-for header is not trusted: anyone can send one), and for
// IPv6 its /64, which one subscriber usually holds whole.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	ip = ip.Unmap()
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}
