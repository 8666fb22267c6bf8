package triage

import (
	"context"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// Round ninety-two (spikeatticket.go): a failure the writer met, left at
// medium by clean logs in the window the words gave, is lifted to high
// when the verdict's service spikes strongly in the half hour before the
// ticket.

// TestSpikeAtTicket_aFailureMetWhileTheServiceSpikes builds the facts by
// hand: the window's own evidence of checkout-api is clean (the words set
// a window that missed the spike), while the generated logs show 70 % of
// its requests failing from 12 minutes before the ticket. The "high" row
// stays medium without the hook; each counter-row is high with its guard
// taken out (checked once). A ticket that names no time is read over the
// two hours before it, which hold the half hour: its own evidence shows
// the spike, so a failure met with no time named is not a row here
// (TestSpikeAtTicket_sinceYesterdayEndToEnd reads a window that dilutes
// the spike through the real path; the spikes that ended before the
// ticket are TestSpikeAtTicket_anEndedSpikeEndToEnd's).
func TestSpikeAtTicket_aFailureMetWhileTheServiceSpikes(t *testing.T) {
	fresh := New(projectWith(t, gen.Incident{Service: "checkout-api", Start: noon.Add(-12 * time.Minute), Duration: time.Hour,
		FailRate: 0.7, Status: 503, Message: "order finalize failed: upstream {ip} unavailable"}), Settings{})
	// a window the words set that misses the spike: "heute noch" (still
	// today) read as the rest of the day, the time the writer wants to
	// order, not the time the order failed
	later := TimeRef{Found: true, Phrase: "heute noch", Window: Window{From: noon, To: noon.Add(8 * time.Hour)}}
	yesterday := TimeRef{Found: true, Phrase: "yesterday around 4 pm", Window: Window{From: noon.Add(-21 * time.Hour), To: noon.Add(-20*time.Hour - 30*time.Minute)}}
	for _, tt := range []struct {
		name     string
		tr       *Triager
		subject  string
		text     string
		ref      TimeRef
		level    string // the window's own evidence of checkout-api
		question bool
		want     string
	}{
		{"a failure met, a window that misses the spike", fresh, "Bestellung geht nicht", "Ich habe gerade dreimal versucht zu bestellen, jedes Mal kommt Fehler 500. Ich würde gern heute noch bestellen.", later, LevelClean, false, High},
		// counter-rows
		{"a question in the subject", fresh, "Why does checkout fail?", "Why does the checkout show an error when I pay?", TimeRef{}, LevelClean, true, Medium},
		{"a past time that ended, works today", fresh, "Login yesterday", "Yesterday around 4 pm I couldn't pay, the checkout showed an error. It works today.", yesterday, LevelClean, false, Medium},
		{"a how-to during the spike", fresh, "Checkout", "How do I change the card I pay with at checkout? I get an error when I try.", TimeRef{}, LevelClean, false, Medium},
		{"the window's own strong spike was weighed already", fresh, "Checkout error", "I can't pay, the checkout shows an error every time.", TimeRef{}, LevelStrong, false, Medium},
		// round ninety-two's review
		{"no failure in the words", fresh, "Order 5512", "Hello, about my order 5512 from this morning, please call me back.", TimeRef{}, LevelClean, false, Medium},
		{"a resolution with the verb in the plural (Spanish)", fresh, "pedidos", "Hola, desde ayer no me llegaban las confirmaciones del pedido, pero ya funcionan otra vez. ¡Gracias!", TimeRef{}, LevelClean, false, Medium},
		{"the writer's own cause: typed an old value by mistake", fresh, "no order e-mail", "Since yesterday I don't get the order e-mail - I think I typed my old address into my profile by mistake. Which address do you have?", TimeRef{}, LevelClean, false, Medium},
		{"the writer's own cause: changed it and forgotten", fresh, "card", "Since yesterday the checkout says my card code is wrong. I may have changed the card and forgotten.", TimeRef{}, LevelClean, false, Medium},
		{"not the writer's own cause: forgot to mention", fresh, "Checkout error", "I can't pay, the checkout shows an error every time. I forgot to mention: on the app too.", TimeRef{}, LevelClean, false, High},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, sig := readTicket(Ticket{Subject: tt.subject, Description: tt.text}, tt.text)
			f := &facts{sig: sig, claim: claimUnknown, ref: tt.ref, created: noon, question: tt.question,
				ev: &Evidence{Services: map[string]*ServiceEvidence{"checkout-api": {Service: "checkout-api", Level: tt.level}}}}
			got, err := tt.tr.spikeAtTicket(context.Background(), f, verdict{sev: Medium, service: "checkout-api"}, &trace{})
			if err != nil {
				t.Fatal(err)
			}
			if got.sev != tt.want {
				t.Errorf("got %s, want %s; reasons: %q", got.sev, tt.want, got.reasons)
			}
		})
	}
}

// TestSpikeAtTicket_sinceYesterdayEndToEnd triages a ticket end to end:
// "since yesterday" gives a window from yesterday's start, in which the
// incident runs from a short rise yesterday morning to the 70 % spike of
// the last 12 minutes and is diluted to clean (evidence.go); the
// hook reads the half hour before the ticket and raises it to high. A
// how-to and a feature request over the same spike stay medium (high with
// spikeAtTicketAside taken out, checked).
func TestSpikeAtTicket_sinceYesterdayEndToEnd(t *testing.T) {
	checkSinceYesterday(t, gen.Incident{Service: "checkout-api", Start: noon.Add(-12 * time.Minute), Duration: time.Hour, FailRate: 0.7}, []struct{ text, want string }{
		{"Since yesterday I can't pay, the checkout shows an error every time.", High},
		{"How do I pay? Since yesterday the checkout shows an error every time.", Medium},
		{"Since yesterday I can't pay at checkout, an error every time. Is there a feature to pay by invoice instead?", Medium},
	})
}

// TestSpikeAtTicket_anEndedSpikeEndToEnd is the read-through's rebuild of
// round ninety-two's two rows for a spike that ended before the ticket:
// built by hand with no time named and a clean window, they stood on a
// state the flow does not reach (the default window of a ticket naming no
// time holds the spike, strong, or a "right now" window misses it and
// names no service). Read through "since yesterday", which dilutes both
// to clean, a blip that ended 23 minutes before the ticket and a spike
// that ended 10 minutes before it (the cut-off, spikeStillFailing: about
// half of staleAfter) stay medium; each is high with spikeStillFailing
// taken out (checked).
func TestSpikeAtTicket_anEndedSpikeEndToEnd(t *testing.T) {
	const text = "Since yesterday I can't pay, the checkout shows an error every time."
	checkSinceYesterday(t, gen.Incident{Service: "checkout-api", Start: noon.Add(-30 * time.Minute), Duration: 7 * time.Minute, FailRate: 0.9},
		[]struct{ text, want string }{{text, Medium}})
	checkSinceYesterday(t, gen.Incident{Service: "checkout-api", Start: noon.Add(-40 * time.Minute), Duration: 30 * time.Minute, FailRate: 0.7},
		[]struct{ text, want string }{{text, Medium}})
}

// checkSinceYesterday triages each text end to end in a world whose
// checkout-api had a short rise yesterday morning, which starts the
// window of "since yesterday", and then the spike given (its status and
// message set here), and checks the severity.
func checkSinceYesterday(t *testing.T, spike gen.Incident, rows []struct{ text, want string }) {
	t.Helper()
	msg := "order finalize failed: upstream {ip} unavailable"
	spike.Status, spike.Message = 503, msg
	tr := New(projectSpan(t, noon.Add(-36*time.Hour), noon,
		// a short rise yesterday morning starts the window's incident
		gen.Incident{Service: "checkout-api", Start: noon.Add(-26 * time.Hour), Duration: 15 * time.Minute, FailRate: 0.3, Status: 503, Message: msg},
		spike), Settings{})
	for _, tt := range rows {
		res, err := tr.Triage(context.Background(), Ticket{ID: "y", Subject: "Checkout error", Description: tt.text, CreatedAt: noon})
		if err != nil {
			t.Fatal(err)
		}
		if res.Severity != tt.want {
			t.Errorf("%q: got %s, want %s; %v", tt.text, res.Severity, tt.want, res.Reasons)
		}
	}
}
