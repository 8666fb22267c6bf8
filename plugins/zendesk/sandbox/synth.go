package sandbox

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"
)

// SyntheticTickets is an opt-in mode for load tests: every id from First to
// Last (inclusive) that no created ticket holds reads as a ticket made on
// the fly from Templates (id modulo their count), so a load generator can
// send deliveries for many tickets without creating them first. Writes to
// such a ticket (PUT with a comment, custom fields, status ...) are
// validated and answered as for a stored ticket, the answer showing the
// update, but nothing is kept: the next read shows the template again.
// Comments are counted (SyntheticCounts), never stored, so memory stays
// flat however many updates arrive; triggers do not fire for them.
type SyntheticTickets struct {
	First, Last int64
	// Templates are the tickets' contents; empty: DemoTicketTemplates(At).
	// A template's zero CreatedAt reads as At.
	Templates []TicketInput
	// At is when the synthesized tickets were created (zero: the sandbox's
	// clock at each read).
	At time.Time
}

// SyntheticCounts is what the synthesized tickets received.
type SyntheticCounts struct {
	Reads   int64 // GETs of one synthesized ticket (not of its comments)
	Notes   int64 // internal comments posted to them
	Replies int64 // public comments posted to them
	Updates int64 // PUTs answered 200
	// FieldSets counts, per custom field id, the updates that set it.
	FieldSets map[int64]int64
	// FieldSetsAgain counts, per custom field id, the updates that set it
	// on a ticket where an earlier update had set it already: a job that
	// did its work twice, whatever the timing of the counters' reading.
	FieldSetsAgain map[int64]int64
}

// synthState holds the mode's settings and counters.
type synthState struct {
	cfg   SyntheticTickets
	users []*User // one requester per template
	// tags and html are each template's normalized tags and description
	// as HTML, worked out once instead of at every read.
	tags    [][]string
	html    []string
	reads   atomic.Int64
	notes   atomic.Int64
	replies atomic.Int64
	updates atomic.Int64
	fields  map[int64]int64 // guarded by Sandbox.mu
	again   map[int64]int64 // guarded by Sandbox.mu
	// set holds, per field, the tickets an update has set it on (guarded
	// by Sandbox.mu): ids alone, a few bytes per ticket, so a long load
	// test stays small.
	set map[int64]map[int64]struct{}
}

// synthUserBase numbers the synthesized requesters (never stored).
const synthUserBase int64 = 990000000001

// synthCommentBase numbers each synthesized ticket's description comment.
const synthCommentBase int64 = 7000000000000

func newSynthState(cfg *SyntheticTickets) *synthState {
	if cfg == nil {
		return nil
	}
	st := &synthState{cfg: *cfg, fields: map[int64]int64{}, again: map[int64]int64{}, set: map[int64]map[int64]struct{}{}}
	if len(st.cfg.Templates) == 0 {
		st.cfg.Templates = DemoTicketTemplates(cfg.At)
	}
	for i, t := range st.cfg.Templates {
		name, email := t.RequesterName, t.RequesterEmail
		if name == "" {
			name = fmt.Sprintf("Requester %d", i+1)
		}
		if email == "" {
			email = fmt.Sprintf("requester%d@example.test", i+1)
		}
		st.users = append(st.users, &User{ID: synthUserBase + int64(i), Name: name, Email: email, Role: "end-user",
			TimeZone: strings.TrimSpace(t.RequesterTimeZone)})
		st.tags = append(st.tags, normalizeTags(t.Tags))
		st.html = append(st.html, textToHTML(t.Description))
	}
	return st
}

// synthTicketLocked builds synthesized ticket id, if the mode is on and id
// is in its range. The result belongs to the caller and is never stored.
func (s *Sandbox) synthTicketLocked(id int64) (*ticket, bool) {
	st := s.synth
	if st == nil || id < st.cfg.First || id > st.cfg.Last {
		return nil, false
	}
	i := int(id % int64(len(st.cfg.Templates)))
	in := st.cfg.Templates[i]
	created := in.CreatedAt
	if created.IsZero() {
		created = st.cfg.At
	}
	if created.IsZero() {
		created = s.now()
	}
	created = created.UTC().Truncate(time.Second)
	u := st.users[i]
	t := &ticket{
		Ticket: Ticket{ID: id, Subject: in.Subject, Description: in.Description, Status: "new", Priority: in.Priority,
			RequesterID: u.ID, Tags: slices.Clone(st.tags[i]), CreatedAt: created, UpdatedAt: created},
		custom: map[int64]any{},
	}
	t.comments = []Comment{{ID: synthCommentBase + id, AuthorID: u.ID, Body: in.Description,
		HTMLBody: st.html[i], Public: true, CreatedAt: created}}
	return t, true
}

// synthUserLocked is a synthesized ticket's requester.
func (s *Sandbox) synthUserLocked(id int64) *User {
	if s.synth == nil {
		return nil
	}
	i := id - synthUserBase
	if i < 0 || i >= int64(len(s.synth.users)) {
		return nil
	}
	return s.synth.users[i]
}

// ticketLocked finds a stored ticket, or else synthesizes one (synthetic
// true: an update to it is counted, not kept).
func (s *Sandbox) ticketLocked(id int64) (t *ticket, synthetic, ok bool) {
	if t, ok := s.tickets[id]; ok {
		return t, false, true
	}
	t, ok = s.synthTicketLocked(id)
	return t, ok, ok
}

// countSynthUpdateLocked records an update applied to synthesized ticket
// ticket.
func (s *Sandbox) countSynthUpdateLocked(ticket int64, c *Comment, fields map[int64]any) {
	st := s.synth
	st.updates.Add(1)
	if c != nil {
		if c.Public {
			st.replies.Add(1)
		} else {
			st.notes.Add(1)
		}
	}
	for id := range fields {
		st.fields[id]++
		on := st.set[id]
		if on == nil {
			on = map[int64]struct{}{}
			st.set[id] = on
		}
		if _, ok := on[ticket]; ok {
			st.again[id]++
		}
		on[ticket] = struct{}{}
	}
}

// SyntheticCounts reports what the synthesized tickets received; zero when
// the mode is off.
func (s *Sandbox) SyntheticCounts() SyntheticCounts {
	st := s.synth
	if st == nil {
		return SyntheticCounts{FieldSets: map[int64]int64{}, FieldSetsAgain: map[int64]int64{}}
	}
	out := SyntheticCounts{Reads: st.reads.Load(), Notes: st.notes.Load(), Replies: st.replies.Load(),
		Updates: st.updates.Load(), FieldSets: map[int64]int64{}, FieldSetsAgain: map[int64]int64{}}
	s.mu.Lock()
	for k, v := range st.fields {
		out.FieldSets[k] = v
	}
	for k, v := range st.again {
		out.FieldSetsAgain[k] = v
	}
	s.mu.Unlock()
	return out
}

// DemoTicketTemplates are tickets the demo's desk could receive during the
// world examples/genlogs writes ending at end (payments timing out from 25
// minutes before it, checkout-api failing behind it, search slow three hours
// earlier): two outages of core services, a slowness report and two
// questions, created a few minutes before end (or at each read when end is
// zero), so a triage reads logs that hold the incident.
func DemoTicketTemplates(end time.Time) []TicketInput {
	at := func(before time.Duration) time.Time {
		if end.IsZero() {
			return time.Time{}
		}
		return end.Add(-before)
	}
	return []TicketInput{
		{Subject: "Payments failing for everyone", Priority: "urgent", RequesterName: "Dana Whitfield", CreatedAt: at(4 * time.Minute),
			Description: "For the past 20 minutes or so every card payment fails after a long spinner: 'payment failed'. All of our customers are affected and we are losing orders."},
		{Subject: "checkout is down???", Priority: "urgent", RequesterName: "Tom K.", CreatedAt: at(3 * time.Minute),
			Description: "The whole checkout is broken, we get a 502 bad gateway page on /checkout/pay. Started maybe 20 min ago."},
		{Subject: "Search slow this morning", Priority: "normal", RequesterName: "Beth", CreatedAt: at(2 * time.Minute),
			Description: "Search results took ages to load for me earlier today and a few searches failed, now it seems fine again."},
		{Subject: "How do I export my invoices?", Priority: "low", RequesterName: "Keiko", CreatedAt: at(5 * time.Minute),
			Description: "Hello! Our accountant needs all invoices from this year as PDF. Is there a way to download them in one go? Thanks a lot"},
		{Subject: "Password reset email", Priority: "normal", RequesterName: "Sam", CreatedAt: at(1 * time.Minute),
			Description: "I asked for a password reset twice but no email arrived yet. Can you check my account?"},
	}
}
