package triage

import (
	"context"
	"fmt"
	"time"
)

// Round ninety-two: a failure met while the logs spike at the ticket. The
// labeling conventions make high one user's (or a few users') failure
// while the logs show a strong spike on that service. Of the 141 tickets
// triaged medium whose label is high, 110 were held down by clean logs in
// the window the words gave; in many of them the window lay elsewhere (a
// day word read as the whole day, a clock read in another zone, a time of
// the thread's history) while the service the verdict names was failing
// in the half hour before the ticket was written. A failure report left
// at medium is lifted to high when the verdict's service shows a strong
// spike in the atTicketSpan before the ticket's creation. Only medium
// verdicts with a service and a failure in the words are read: a
// question (its subject asks), request, billing, cosmetic, privacy or
// resolution ticket keeps its verdict, a ticket naming a time that ended
// well before it (pastWindow: "yesterday around 4 pm") is judged on that
// time's logs, and a spike that ended staleAfter or more before the
// ticket, or whose last minutes no longer fail, is no confirmation (the
// conventions' "a spike that ended well before a ticket about the
// present does not count"; the cut-off: spikeStillFailing). A writer who
// names their own cause ("I typed my old number by mistake", selfcause.go)
// reports no failure of the service.

// atTicketSpan is the stretch before the ticket's creation read for a
// spike the writer met.
const atTicketSpan = 30 * time.Minute

// spikeAtTicket lifts a medium failure report to high when the verdict's
// service spikes strongly in the half hour before the ticket.
func (t *Triager) spikeAtTicket(ctx context.Context, f *facts, v verdict, tr *trace) (verdict, error) {
	if v.sev != Medium || v.service == "" || f.ev == nil || len(t.p.Sources) == 0 || f.created.IsZero() {
		return v, nil
	}
	if f.claim == claimLow || f.question || pastWindow(f.ref, f.created) || !describesFailure(&f.sig) || spikeAtTicketAside(&f.sig) {
		return v, nil
	}
	if se := f.ev.Services[v.service]; se != nil && se.Level == LevelStrong {
		return v, nil // the window's own spike was weighed already
	}
	ev, err := t.gatherWindow(ctx, Window{From: f.created.Add(-atTicketSpan), To: f.created})
	if err != nil {
		return v, err
	}
	se := ev.Services[v.service]
	if se == nil || se.Level != LevelStrong || !spikeStillFailing(se, f.created) {
		return v, nil
	}
	tr.f("at the ticket: %s", se.Describe())
	v.sev = High
	v.reasons = append(v.reasons, fmt.Sprintf("raised to high: %s was failing in the half hour before the ticket (%s of requests): a failure the writer met, confirmed by the logs",
		v.service, Percent(se.Rate)))
	return v, nil
}

// spikeStillFailing reports whether a spike is still failing at a ticket
// written at created: spikeSinceOnset read as of the present (asOfNow, no
// time named), so that a spike that ended before the ticket ("right now"
// after a blip that ended at 20:07) is no failure the writer met. The
// cut-off, after round ninety-two's review: a spike that ended staleAfter
// or more before the ticket is refused outright; one that ended sooner
// must still fail in the last staleAfter minutes (the minutes since its
// onset for a fresh one) at half its rate or more, so a spike at a steady
// rate counts until about half of staleAfter (7 minutes) after its last
// failing minute. That lies between stillRunning's runningSpan (5
// minutes) and staleAfter (15): a spike that ended 10 minutes before a
// ticket ("since yesterday", read by the hook) is refused, while a
// ticket naming no time reads it in its default window.
func spikeStillFailing(se *ServiceEvidence, created time.Time) bool {
	return spikeSinceOnset(se, asOfNow, created)
}

// asOfNow is the time reference of a ticket that names no time: read as
// of the moment it was written.
var asOfNow = TimeRef{}

// spikeAtTicketAside reports words that make a ticket no failure report
// of its own: a how-to, feature, billing, cosmetic, privacy or
// resolution reading, or the writer's own cause named (selfCause).
func spikeAtTicketAside(s *signals) bool {
	for _, hs := range [][]hit{s.howto, s.feature, s.billing, s.cosmetic, s.privacy, s.resolution, s.resolvedBy, s.selfCause} {
		if len(active(hs)) > 0 {
			return true
		}
	}
	return false
}
