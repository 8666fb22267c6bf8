package queue

import (
	"fmt"
	"testing"
	"time"
)

// gatherer runs gather with linger over a send that takes took, with
// first already waiting when it starts, and reports each batch it is
// handed.
type gatherer struct {
	in      chan int
	stop    chan struct{}
	batches chan []int
	ended   chan struct{}
}

func startGather(t *testing.T, took time.Duration, first ...int) *gatherer {
	t.Helper()
	return startGatherCapped(t, took, time.Minute, first...)
}

// startGatherCapped is startGather with the linger capped at maxLinger.
func startGatherCapped(t *testing.T, took, maxLinger time.Duration, first ...int) *gatherer {
	t.Helper()
	g := &gatherer{in: make(chan int, 16), stop: make(chan struct{}), batches: make(chan []int, 16), ended: make(chan struct{})}
	for _, r := range first {
		g.in <- r
	}
	go func() {
		defer close(g.ended)
		gather(g.in, g.stop, 8, maxLinger, func(b []int) {
			g.batches <- append([]int(nil), b...)
			time.Sleep(took)
		})
	}()
	t.Cleanup(g.end)
	return g
}

func (g *gatherer) end() {
	select {
	case <-g.stop:
	default:
		close(g.stop)
	}
	<-g.ended
}

func (g *gatherer) next(t *testing.T) []int {
	t.Helper()
	select {
	case b := <-g.batches:
		return b
	case <-time.After(10 * time.Second):
		t.Fatal("no batch within 10 s")
		return nil
	}
}

// A request after a lone one is sent at once, however long the send
// before took.
func TestGather_lingerNeverHoldsARequestAfterALoneOne(t *testing.T) {
	g := startGather(t, time.Second, 1)
	if b := g.next(t); fmt.Sprint(b) != "[1]" {
		t.Fatalf("first batch %v", b)
	}
	time.Sleep(1100 * time.Millisecond) // its send is over
	start := time.Now()
	g.in <- 2
	if b := g.next(t); fmt.Sprint(b) != "[2]" {
		t.Fatalf("second batch %v", b)
	}
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("the request after a lone one waited %s; want it sent at once", d)
	}
}

// After a batch of three, the first of the three to come back waits for
// the other two: one batch, not one of one and one of two.
func TestGather_lingerWaitsForTheGroupSentBefore(t *testing.T) {
	g := startGather(t, time.Second, 1, 2, 3)
	if b := g.next(t); fmt.Sprint(b) != "[1 2 3]" {
		t.Fatalf("first batch %v", b)
	}
	time.Sleep(1100 * time.Millisecond) // its send is over
	g.in <- 4
	time.Sleep(50 * time.Millisecond)
	g.in <- 5
	g.in <- 6
	if b := g.next(t); fmt.Sprint(b) != "[4 5 6]" {
		t.Errorf("batch after one of three: %v; want [4 5 6], the three that came back", b)
	}
}

// The wait lasts no longer than the send before: a group that does not
// come back whole is sent as it is.
func TestGather_lingerEndsAfterTheSendBeforesTime(t *testing.T) {
	g := startGather(t, 300*time.Millisecond, 1, 2)
	if b := g.next(t); fmt.Sprint(b) != "[1 2]" {
		t.Fatalf("first batch %v", b)
	}
	time.Sleep(400 * time.Millisecond)
	start := time.Now()
	g.in <- 3
	if b := g.next(t); fmt.Sprint(b) != "[3]" {
		t.Fatalf("batch %v, want [3]", b)
	}
	if d := time.Since(start); d < 200*time.Millisecond || d > 5*time.Second {
		t.Errorf("the lone request of a group of two was sent after %s; want about 300ms", d)
	}
}

// Stopping ends the wait at once: what was gathered is sent and gather
// returns.
func TestGather_stopEndsTheLinger(t *testing.T) {
	g := startGather(t, time.Second, 1, 2)
	if b := g.next(t); fmt.Sprint(b) != "[1 2]" {
		t.Fatalf("first batch %v", b)
	}
	time.Sleep(1100 * time.Millisecond)
	g.in <- 3 // would wait up to a second for a second request
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	close(g.stop)
	if b := g.next(t); fmt.Sprint(b) != "[3]" {
		t.Fatalf("batch %v, want [3]", b)
	}
	if d := time.Since(start); d > 500*time.Millisecond {
		t.Errorf("sent %s after the stop; want at once", d)
	}
}

// A slow send does not hold the next batch longer than the cap.
func TestGather_lingerIsCapped(t *testing.T) {
	g := startGatherCapped(t, 600*time.Millisecond, 20*time.Millisecond, 1, 2)
	if b := g.next(t); fmt.Sprint(b) != "[1 2]" {
		t.Fatalf("first batch %v", b)
	}
	time.Sleep(700 * time.Millisecond)
	start := time.Now()
	g.in <- 3 // would wait 600ms for a second request without the cap
	if b := g.next(t); fmt.Sprint(b) != "[3]" {
		t.Fatalf("batch %v, want [3]", b)
	}
	if d := time.Since(start); d > 400*time.Millisecond {
		t.Errorf("the lone request was sent after %s; want about 20ms (the cap)", d)
	}
}
