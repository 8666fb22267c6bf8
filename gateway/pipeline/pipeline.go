package pipeline

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"
	"golang.org/x/time/rate"

	"github.com/sigsentry/deskgate/gateway/assess"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/maintain"
	"github.com/sigsentry/deskgate/gateway/metrics"
	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/plugins"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
	"github.com/sigsentry/deskgate/gateway/triage"
	"github.com/sigsentry/deskgate/sdk"
)

// Store is what the pipeline reads and writes: the binding's status, the
// ticket's completed stages, the audit log and stored analyses.
type Store interface {
	store.Bindings
	store.Stages
	store.Audit
	store.Analyses
	AppendAudits(ctx context.Context, es []store.AuditEntry) error
}

// Credentials hands out fresh desk credentials (oauth.Manager). An error
// wrapping oauth.ErrNeedsReconnect dead-letters the job at once: retrying
// cannot help until an admin reconnects the binding.
type Credentials interface {
	// CredentialsOf is given the stored binding the job has just read, so
	// that it is not read again.
	CredentialsOf(ctx context.Context, key store.BindingKey, b store.Binding) (sdk.Credentials, error)
	RefreshAfterAuthError(ctx context.Context, key store.BindingKey, used sdk.Credentials) (sdk.Credentials, error)
}

// Assessor triages tickets and analyses logs for a binding's project: the
// part of assess.Assessor the pipeline calls.
type Assessor interface {
	Triage(ctx context.Context, b *config.Binding, t *sdk.Ticket) (triage.Result, error)
	Analyze(ctx context.Context, b *config.Binding, t *sdk.Ticket, r triage.Result) (*assess.Analysis, error)
}

// Options configure a Pipeline.
type Options struct {
	// Config is the configuration in force (a reload swaps it): a job for
	// a binding no longer in it is skipped.
	Config      func() *config.Config
	Store       Store
	Queue       queue.Queue
	Platforms   plugins.Platforms
	Credentials Credentials
	Assessor    Assessor
	// Maintenance runs installation maintenance jobs (maintain.JobType);
	// nil dead-letters them.
	Maintenance Maintenance
	PublicURL   string // analysis pages are {PublicURL}/analyses/{id}
	Logger      hclog.Logger
	Metrics     *metrics.Metrics

	Workers     int           // default 4
	Visibility  time.Duration // lease length, extended every Visibility/3 while a job runs (default 15s)
	MaxAttempts int           // dead-letter after this many failed attempts (default 8)
	// MaxLeases dead-letters a job leased this many times: leases lost to
	// crashes are not failures, but a job that crashes its worker every
	// time must end somewhere (default 50).
	MaxLeases int
	BaseDelay time.Duration // first retry delay (default 2s)
	MaxDelay  time.Duration // retry delay cap (default 5m)
	// Limiter, when set, paces write-backs per binding instead of the
	// in-process limiter; with several replicas it must be shared (the Redis
	// backend's), or each replica would send the whole limit.
	Limiter RateLimiter
	// Wake, when set, is signalled as this process makes a job leasable, so
	// idle workers start at once instead of at their next poll.
	Wake <-chan struct{}
	Now  func() time.Time
}

// RateLimiter paces write-backs across replicas (store.Limiter): a use
// that does not fit returns how long to wait, and the job is deferred by
// that much instead of a worker sleeping on it.
type RateLimiter interface {
	TryRate(ctx context.Context, key string, perMinute int) (time.Duration, error)
}

// Pipeline processes queued desk events.
type Pipeline struct {
	o   Options
	log hclog.Logger

	// txq is o.Queue when it settles and leases in one commit; txa is
	// o.Store when its audit log is in txq's database, so a job's closing
	// entries join that commit.
	txq queue.TxSettler
	txa auditTx
	// nq is o.Queue when it settles and leases in one round trip.
	nq queue.NextSettler

	mu          sync.Mutex
	limiters    map[string]*rate.Limiter
	pausedUntil map[store.BindingKey]time.Time // bindings whose desk asked to slow down
	throttleRun map[store.BindingKey]int       // throttled desk answers in a row
}

// New returns a Pipeline; Run starts its workers.
func New(o Options) *Pipeline {
	if o.Logger == nil {
		o.Logger = hclog.NewNullLogger()
	}
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.Visibility <= 0 {
		o.Visibility = 15 * time.Second
	}
	if o.MaxLeases <= 0 {
		o.MaxLeases = 50
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 8
	}
	if o.BaseDelay <= 0 {
		o.BaseDelay = time.Second
	}
	if o.MaxDelay <= 0 {
		o.MaxDelay = 5 * time.Minute
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	p := &Pipeline{o: o, log: o.Logger.Named("gateway.pipeline"), limiters: map[string]*rate.Limiter{},
		pausedUntil: map[store.BindingKey]time.Time{}, throttleRun: map[store.BindingKey]int{}}
	if q, ok := o.Queue.(queue.TxSettler); ok {
		p.txq = q
		if a, ok := o.Store.(auditTx); ok && a.DB() == q.DB() {
			p.txa = a
		}
	} else if q, ok := o.Queue.(queue.NextSettler); ok {
		p.nq = q
	}
	return p
}

// auditTx is a store whose audit entries can be written in another
// component's transaction on its database (store.SQLite).
type auditTx interface {
	DB() *sqlitedb.DB
	AuditsTx(ctx context.Context, es []store.AuditEntry) (func(context.Context, *sql.Tx) error, error)
}

// outcome of one job.
type outcome int

const (
	done     outcome = iota // acknowledged
	skipped                 // acknowledged without work (inactive binding, unknown event)
	retry                   // released for a later attempt
	dead                    // dead-lettered
	deferred                // given back unstarted, for after delay (not an attempt)
)

// jobError carries how a failed job should end.
type jobError struct {
	stage   string
	err     error
	outcome outcome
	delay   time.Duration // deferred: how long
}

func (e *jobError) Error() string { return e.stage + ": " + e.err.Error() }
func (e *jobError) Unwrap() error { return e.err }

// ticketRun is the state of one job as it moves through the stages.
type ticketRun struct {
	job    *queue.Job
	key    store.BindingKey
	cfg    *config.Binding
	plat   sdk.Platform
	creds  sdk.Credentials
	ticket *sdk.Ticket
	stages map[store.Stage]store.StageRecord
	// pending holds the audit entries of failed steps until the entry that
	// says how the job ends (job.retry, job.dead, ...) is written with them
	// in one commit. Only the job's own bookkeeping runs in between, no
	// desk call: a crash there loses the lease too, and the job's next run
	// repeats the failed step and records it again. The delivery's
	// webhook.accepted entry waits here too, from the run's start to its
	// first audit write; a run lost before that leaves it to the next run
	// (unannounced).
	pending []store.AuditEntry
}

// Process runs every stage of one job that has not been recorded yet.
func (p *Pipeline) Process(ctx context.Context, job *queue.Job) error {
	run := &ticketRun{job: job}
	err := p.process(ctx, run)
	p.flush(context.WithoutCancel(ctx), run)
	return err
}

// process is Process leaving the audit entries of a failure in run.pending.
func (p *Pipeline) process(ctx context.Context, run *ticketRun) error {
	job := run.job
	key := job.Binding
	if key.Platform == "" || key.Name == "" {
		return &jobError{stage: "job", err: fmt.Errorf("job %s names no binding", job.ID), outcome: dead}
	}
	if job.Type == maintain.JobType {
		return p.maintain(ctx, job)
	}
	run.key = key
	if p.unannounced(ctx, run) {
		// The ingress keeps its hot path to verify + enqueue; the job itself
		// is the durable record of the delivery, so its audit entry is
		// written here, dated when the delivery was accepted. It waits in
		// run.pending for the run's first audit write (a stage's record,
		// whose transaction it joins, or the entries that end the job)
		// instead of taking a commit of its own.
		run.pending = append(run.pending, p.accepted(run))
	}
	cfg := p.o.Config().Binding(key.Platform, key.Name)
	if cfg == nil {
		return &jobError{stage: "job", err: fmt.Errorf("binding %s is no longer configured", key), outcome: skipped}
	}
	run.cfg = cfg
	// The binding and the ticket's recorded stages in one read where the
	// store can (SQLite: one statement).
	b, recs, err := store.BindingAndStages(ctx, p.o.Store, key, job.TicketID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return &jobError{stage: "job", err: fmt.Errorf("read binding %s: %w", key, err), outcome: retry}
	}
	switch {
	case err == nil && b.Status == store.StatusNeedsReconnect:
		// Not dropped: the event dead-letters and can be replayed once an
		// admin has reconnected the binding.
		return &jobError{stage: "job", err: fmt.Errorf("%s: %w; replay this job after reconnecting", key, oauth.ErrNeedsReconnect), outcome: dead}
	case err != nil || b.Status != store.StatusActive:
		return &jobError{stage: "job", err: fmt.Errorf("binding %s is not active", key), outcome: skipped}
	}
	if job.Type != "" && job.Type != "ticket.created" {
		return &jobError{stage: "job", err: fmt.Errorf("event type %q is not handled", job.Type), outcome: skipped}
	}

	if run.plat, err = p.o.Platforms.Platform(ctx, key.Platform); err != nil {
		if ra := sdk.RetryAfter(err); ra > 0 && sdk.KindOf(err) == sdk.KindRetryable {
			// The plugin is restarting after a crash: the job never
			// started, so it waits without counting a failure.
			return &jobError{stage: "plugin", err: err, outcome: deferred, delay: ra}
		}
		return p.classify("plugin", err)
	}
	if run.creds, err = p.o.Credentials.CredentialsOf(ctx, key, b); err != nil {
		return p.classify("credentials", err)
	}
	run.stages = map[store.Stage]store.StageRecord{}
	for _, r := range recs {
		run.stages[r.Stage] = r
	}

	err = p.call(ctx, run, "get_ticket", false, func(c sdk.Credentials) error {
		t, err := run.plat.GetTicket(ctx, c, job.TicketID)
		run.ticket = t
		return err
	})
	if err != nil {
		return err
	}

	res, err := p.triage(ctx, run)
	if err != nil {
		return err
	}
	if err := p.post(ctx, run, res); err != nil {
		return err
	}
	if err := p.fields(ctx, run, res); err != nil {
		return err
	}
	if res.Analyze {
		if err := p.analysis(ctx, run, res); err != nil {
			return err
		}
	}
	return nil
}

// unannounced tells whether the job's webhook.accepted entry is still to
// be written: on its first lease, and after leases that all ended without a
// failure recorded (lost to a crash or a timeout) when the audit log does
// not hold it: such a run may have ended before its first audit write.
//
// Attempts alone does not tell a first lease: Defer and Replay give the
// lease back (Attempts 1 again after a deferral, or after a replay of a
// dead job), and both leave LastError set, so only a job leased once and
// never settled back skips the audit log.
func (p *Pipeline) unannounced(ctx context.Context, run *ticketRun) bool {
	job := run.job
	if job.Attempts <= 1 && job.LastError == "" {
		return true
	}
	if job.Failures > 0 {
		// A run that failed wrote its entries before the queue counted it.
		return false
	}
	// The entry is dated job.EnqueuedAt; a window around it (a store may
	// keep milliseconds) keeps a busy ticket's other entries from pushing
	// it out of the page.
	es, err := p.o.Store.QueryAudit(ctx, store.AuditFilter{Binding: job.Binding.String(), TicketID: job.TicketID, Action: "webhook.accepted",
		Since: job.EnqueuedAt.Add(-time.Millisecond), Until: job.EnqueuedAt.Add(time.Millisecond), Limit: 1000})
	if err != nil {
		// A second entry is better than none.
		p.log.Warn("could not tell whether the job's delivery was audited; auditing it", "job", job.ID, "error", err)
		return true
	}
	for _, e := range es {
		if e.JobID == job.ID {
			return false
		}
	}
	return true
}

// accepted is the job's webhook.accepted entry, dated with the job's
// enqueue time: when the ingress accepted the delivery, or on Redis when
// the batcher sent the enqueue batch holding it (a fraction of a
// millisecond later).
func (p *Pipeline) accepted(run *ticketRun) store.AuditEntry {
	job := run.job
	return p.entry(run, store.AuditEntry{Time: job.EnqueuedAt, Action: "webhook.accepted", Outcome: store.OutcomeOK,
		Message: fmt.Sprintf("%s event queued; picked up %s later", job.Type, p.o.Now().Sub(job.EnqueuedAt).Round(time.Millisecond))})
}

// recordedTriage is the triage stage's record: the verdict as the dry run
// prints it, and how its window was found, which that JSON leaves out and
// the note shows.
type recordedTriage struct {
	triage.Result
	WindowSource string `json:"window_source,omitempty"`
}

// triage runs the triage stage once per ticket: a retried job reuses the
// recorded verdict so every note and field tells the same story.
func (p *Pipeline) triage(ctx context.Context, run *ticketRun) (triage.Result, error) {
	if rec, ok := run.stages[store.StageTriage]; ok {
		var r recordedTriage
		if err := json.Unmarshal([]byte(rec.Detail), &r); err == nil {
			r.Result.WindowSource = r.WindowSource
			return r.Result, nil
		}
	}
	res, err := p.o.Assessor.Triage(ctx, run.cfg, run.ticket)
	if err != nil {
		p.audit(run, "triage", store.OutcomeError, err)
		return res, &jobError{stage: "triage", err: err, outcome: retry}
	}
	detail, _ := json.Marshal(recordedTriage{Result: res, WindowSource: res.WindowSource})
	svc := res.AffectedService
	if svc == "" {
		svc = "none"
	}
	if err := p.mark(ctx, run, store.StageTriage, string(detail), store.AuditEntry{Action: "triage", Outcome: store.OutcomeOK,
		Message: fmt.Sprintf("severity %s, service %s, confidence %s", res.Severity, svc, res.Confidence)}); err != nil {
		return res, err
	}
	return res, nil
}

// post writes the triage result back per the posting mode.
func (p *Pipeline) post(ctx context.Context, run *ticketRun, res triage.Result) error {
	mode := run.cfg.PostingMode
	if mode == "" {
		mode = "internal"
	}
	if mode == "internal" || mode == "both" {
		if err := p.once(ctx, run, store.StageTriageNote, "note.internal", func(c sdk.Credentials) error {
			return run.plat.PostComment(ctx, c, run.job.TicketID, sdk.Comment{HTMLBody: assess.TriageNoteHTML(res), Public: false, Key: commentKey(run, store.StageTriageNote)})
		}); err != nil {
			return err
		}
	}
	if mode == "public" || mode == "both" {
		body := config.RenderTemplate(run.cfg.PublicReplyTemplate, config.TemplateVars{
			RequesterName: run.ticket.RequesterName, TicketID: run.job.TicketID, Severity: res.Severity,
		})
		if err := p.once(ctx, run, store.StagePublicReply, "reply.public", func(c sdk.Credentials) error {
			return run.plat.PostComment(ctx, c, run.job.TicketID, sdk.Comment{Body: body, Public: true, Key: commentKey(run, store.StagePublicReply)})
		}); err != nil {
			return err
		}
	}
	return nil
}

func (p *Pipeline) fields(ctx context.Context, run *ticketRun, res triage.Result) error {
	set := map[string]any{}
	if id := run.cfg.CustomFields["severity"]; id != "" {
		set[id] = res.Severity
	}
	if id := run.cfg.CustomFields["affected_service"]; id != "" {
		set[id] = res.AffectedService
	}
	if len(set) == 0 {
		return nil
	}
	return p.once(ctx, run, store.StageFields, "fields.set", func(c sdk.Credentials) error {
		return run.plat.SetFields(ctx, c, run.job.TicketID, set)
	})
}

// analysis runs the log analysis (stored once, under an unguessable id), then
// posts its note and sets the analysis_url field, each as its own stage.
func (p *Pipeline) analysis(ctx context.Context, run *ticketRun, res triage.Result) error {
	var a *assess.Analysis
	rec, ok := run.stages[store.StageAnalysis]
	if !ok {
		var err error
		if a, err = p.o.Assessor.Analyze(ctx, run.cfg, run.ticket, res); err != nil {
			p.audit(run, "analysis", store.OutcomeError, err)
			return &jobError{stage: "analysis", err: err, outcome: retry}
		}
		body, err := a.JSON()
		if err != nil {
			return &jobError{stage: "analysis", err: err, outcome: dead}
		}
		id, err := newID()
		if err != nil {
			return &jobError{stage: "analysis", err: err, outcome: retry}
		}
		if err := p.o.Store.PutAnalysis(ctx, store.Analysis{
			ID: id, Binding: run.key.String(), TicketID: run.job.TicketID, CreatedAt: p.o.Now(), Body: body,
		}); err != nil {
			return &jobError{stage: "analysis", err: fmt.Errorf("store analysis: %w", err), outcome: retry}
		}
		if err := p.mark(ctx, run, store.StageAnalysis, id, store.AuditEntry{Action: "analysis", Outcome: store.OutcomeOK,
			Message: "stored at " + p.pageURL(id)}); err != nil {
			return err
		}
		rec = run.stages[store.StageAnalysis]
	}
	url := p.pageURL(rec.Detail)
	// posting_mode public means "the templated public reply only": no
	// internal note, so the analysis reaches the ticket through the
	// analysis_url field alone.
	internalNotes := run.cfg.PostingMode != "public"
	if _, posted := run.stages[store.StageAnalysisNote]; internalNotes && !posted && a == nil {
		// Stored by an earlier attempt that failed before its note.
		stored, err := p.o.Store.GetAnalysis(ctx, rec.Detail)
		if err != nil {
			return &jobError{stage: "analysis", err: fmt.Errorf("load analysis %s: %w", rec.Detail, err), outcome: retry}
		}
		if a, err = assess.Load(stored.Body); err != nil {
			return &jobError{stage: "analysis", err: err, outcome: dead}
		}
	}
	if internalNotes {
		if err := p.once(ctx, run, store.StageAnalysisNote, "note.analysis", func(c sdk.Credentials) error {
			return run.plat.PostComment(ctx, c, run.job.TicketID, sdk.Comment{HTMLBody: a.NoteHTML(url), Public: false, Key: commentKey(run, store.StageAnalysisNote)})
		}); err != nil {
			return err
		}
	}
	id := run.cfg.CustomFields["analysis_url"]
	if id == "" {
		return nil
	}
	return p.once(ctx, run, store.StageAnalysisField, "fields.analysis_url", func(c sdk.Credentials) error {
		return run.plat.SetFields(ctx, c, run.job.TicketID, map[string]any{id: url})
	})
}

func (p *Pipeline) pageURL(id string) string {
	return strings.TrimRight(p.o.PublicURL, "/") + "/analyses/" + id
}

// once runs a write-back stage unless the ticket already has it, then
// records and audits it.
func (p *Pipeline) once(ctx context.Context, run *ticketRun, stage store.Stage, action string, fn func(sdk.Credentials) error) error {
	if _, ok := run.stages[stage]; ok {
		return nil
	}
	if err := p.call(ctx, run, action, true, fn); err != nil {
		return err
	}
	if err := p.mark(ctx, run, stage, "", store.AuditEntry{Action: action, Outcome: store.OutcomeOK}); err != nil {
		return err
	}
	p.o.Metrics.Stage(string(stage), "ok")
	return nil
}

// call runs one plugin call with the binding's credentials, refreshing the
// token once after an auth-expired error. Write-backs wait for the binding's
// rate limiter first.
func (p *Pipeline) call(ctx context.Context, run *ticketRun, action string, write bool, fn func(sdk.Credentials) error) error {
	if write {
		wait, err := p.takeRate(ctx, run.cfg)
		if err != nil {
			return &jobError{stage: action, err: err, outcome: retry}
		}
		if wait > 0 {
			return &jobError{stage: action, outcome: deferred, delay: wait,
				err: fmt.Errorf("binding %s is at its rate_limit_per_minute; deferred %s", run.key, wait.Round(time.Millisecond))}
		}
	}
	err := fn(run.creds)
	defer func() { p.deskAnswered(run.key, err) }()
	if sdk.KindOf(err) == sdk.KindAuthExpired {
		fresh, rerr := p.o.Credentials.RefreshAfterAuthError(ctx, run.key, run.creds)
		if rerr != nil {
			p.audit(run, action, store.OutcomeError, rerr)
			return p.classify(action, rerr)
		}
		run.creds = fresh
		err = fn(run.creds)
	}
	if err != nil {
		p.audit(run, action, store.OutcomeError, err)
		p.o.Metrics.Stage(action, "error")
		return p.classify(action, err)
	}
	return nil
}

// classify decides how a failed stage ends the job.
func (p *Pipeline) classify(stage string, err error) error {
	if errors.Is(err, oauth.ErrNeedsReconnect) {
		return &jobError{stage: stage, err: err, outcome: dead}
	}
	switch sdk.KindOf(err) {
	case sdk.KindRetryable, sdk.KindAuthExpired:
		return &jobError{stage: stage, err: err, outcome: retry}
	case sdk.KindUnsupported:
		// The plugin lacks the call: no retry can change that.
		return &jobError{stage: stage, err: err, outcome: dead}
	}
	var se *sdk.Error
	if !errors.As(err, &se) {
		// Not from a plugin: a store or network error on our side.
		return &jobError{stage: stage, err: err, outcome: retry}
	}
	return &jobError{stage: stage, err: err, outcome: dead}
}

// mark records a completed stage together with its audit entry, in one
// store transaction: a crash cannot keep one without the other.
func (p *Pipeline) mark(ctx context.Context, run *ticketRun, stage store.Stage, detail string, e store.AuditEntry) error {
	pending := run.pending
	run.pending = nil
	rec := store.StageRecord{Stage: stage, At: p.o.Now(), Detail: detail}
	if err := p.o.Store.RecordStage(ctx, run.key, run.job.TicketID, rec, p.entry(run, e), pending...); err != nil {
		// Nothing was written: the entries wait for the job's end.
		run.pending = pending
		return &jobError{stage: string(stage), err: fmt.Errorf("record stage: %w", err), outcome: retry}
	}
	run.stages[stage] = rec
	return nil
}

// takeRate keeps the binding's write-backs under the desk's limit: it
// takes one write-back, or says how long until one fits (taking nothing).
// A job that must wait is deferred rather than slept on, so a flooded
// binding never holds every worker.
func (p *Pipeline) takeRate(ctx context.Context, b *config.Binding) (time.Duration, error) {
	per := b.RateLimitPerMinute
	if per <= 0 {
		per = 100
	}
	if p.o.Limiter != nil {
		return p.o.Limiter.TryRate(ctx, b.Key(), per)
	}
	r := p.limiter(b.Key(), per).Reserve()
	if d := r.Delay(); d > 0 {
		r.Cancel()
		return d, nil
	}
	return 0, nil
}

func (p *Pipeline) limiter(key string, per int) *rate.Limiter {
	p.mu.Lock()
	defer p.mu.Unlock()
	l, ok := p.limiters[key]
	lim := rate.Limit(float64(per) / 60)
	if !ok {
		burst := max(1, per/10)
		l = rate.NewLimiter(lim, burst)
		p.limiters[key] = l
	} else if l.Limit() != lim {
		l.SetLimit(lim)
	}
	return l
}

// audit records a failed step. The entry waits in run.pending for the
// job's closing entry (see ticketRun.pending); it is dated now.
func (p *Pipeline) audit(run *ticketRun, action string, o store.Outcome, err error) {
	e := store.AuditEntry{Action: action, Outcome: o}
	if err != nil {
		e.ErrorKind = sdk.KindOf(err).String()
		e.Message = err.Error()
	}
	run.pending = append(run.pending, p.entry(run, e))
}

// entry fills in what every audit entry of the job carries.
func (p *Pipeline) entry(run *ticketRun, e store.AuditEntry) store.AuditEntry {
	if e.Time.IsZero() {
		e.Time = p.o.Now()
	}
	e.Binding = run.job.Binding.String()
	e.TicketID = run.job.TicketID
	e.JobID = run.job.ID
	return e
}

// write appends e to the audit log, after (and in one commit with, where
// the store can) the entries waiting in run.pending.
func (p *Pipeline) write(ctx context.Context, run *ticketRun, e store.AuditEntry) {
	run.pending = append(run.pending, p.entry(run, e))
	p.flush(ctx, run)
}

// flush writes the entries waiting in run.pending, in order.
func (p *Pipeline) flush(ctx context.Context, run *ticketRun) {
	es := run.pending
	run.pending = nil
	if len(es) == 0 {
		return
	}
	if len(es) == 1 {
		if err := p.o.Store.AppendAudit(ctx, es[0]); err != nil {
			p.log.Error("audit entry not written", "action", es[0].Action, "job", es[0].JobID, "error", err)
		}
		return
	}
	if err := p.o.Store.AppendAudits(ctx, es); err != nil {
		p.log.Error("audit entries not written", "actions", actions(es), "job", es[0].JobID, "error", err)
	}
}

func actions(es []store.AuditEntry) string {
	names := make([]string, len(es))
	for i, e := range es {
		names[i] = e.Action
	}
	return strings.Join(names, ",")
}

// newID is an unguessable analysis id (128 random bits).
func newID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// kindName is the sdk error kind for the audit log; "" for errors that are
// not the desk's (store, network on our side).
func kindName(err error) string {
	var se *sdk.Error
	if errors.As(err, &se) {
		return se.Kind.String()
	}
	return ""
}

// commentKey makes a stage's comment idempotent on the desk: a job that dies
// after the desk took the comment but before the stage was recorded finds it
// there on its retry instead of posting it again.
func commentKey(run *ticketRun, stage store.Stage) string {
	return run.key.String() + "/" + run.job.TicketID + "/" + string(stage)
}
