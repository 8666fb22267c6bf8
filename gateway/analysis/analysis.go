package analysis

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/triage"
)

// Template is one mined message template of the affected service.
type Template struct {
	Pattern       string    `json:"pattern"`
	Level         string    `json:"level"`
	Status        int       `json:"status,omitempty"` // most recent HTTP status seen with it
	Count         int       `json:"count"`            // lines in the window
	BaselineCount int       `json:"baseline_count"`   // lines in the baseline
	FirstSeen     time.Time `json:"first_seen"`       // in the window
	LastSeen      time.Time `json:"last_seen"`
	// SpikeRatio is Count over BaselineCount scaled to the window's length
	// (the baseline may be longer); a template absent from the baseline
	// counts it as one.
	SpikeRatio float64  `json:"spike_ratio"`
	New        bool     `json:"new"`     // never seen in the baseline
	Samples    []string `json:"samples"` // whole log lines, cut at 400 bytes
	// SampleSources names the log source of each sample; Sources every
	// source the template's window lines came from.
	SampleSources []string `json:"sample_sources,omitempty"`
	Sources       []string `json:"sources,omitempty"`
}

// Bucket is one step of the timeline.
type Bucket struct {
	Time     time.Time `json:"time"`
	Total    int       `json:"total"`
	Failures int       `json:"failures"`
	Warnings int       `json:"warnings"`
}

// Related is a service whose failures rose in the window.
type Related struct {
	Service      string    `json:"service"`
	Onset        time.Time `json:"onset"`
	Level        string    `json:"level"`
	Rate         float64   `json:"rate"`
	BaselineRate float64   `json:"baseline_rate"`
	Ratio        float64   `json:"ratio"`
	Failures     int       `json:"failures"`
	TopTemplate  string    `json:"top_template,omitempty"`
	Affected     bool      `json:"affected"` // the ticket's own service
	// CountBased marks a log of failures only, judged on failures per
	// minute rather than on their share.
	CountBased        bool    `json:"count_based,omitempty"`
	PerMinute         float64 `json:"per_minute,omitempty"`
	BaselinePerMinute float64 `json:"baseline_per_minute,omitempty"`
}

// Report is a finished analysis. It is JSON-serializable so the gateway can
// store it and serve the page later.
type Report struct {
	ID              string        `json:"id"`
	Project         string        `json:"project"`
	TicketID        string        `json:"ticket_id"`
	Subject         string        `json:"subject"`
	Severity        string        `json:"severity"`
	Confidence      string        `json:"confidence"`
	AffectedService string        `json:"affected_service"`
	Reasons         []string      `json:"reasons"`
	Window          triage.Window `json:"window"`
	Baseline        triage.Window `json:"baseline"`
	GeneratedAt     time.Time     `json:"generated_at"`

	// The affected service's numbers over the window.
	Total        int       `json:"total"`
	Failures     int       `json:"failures"`
	Status5xx    int       `json:"status_5xx"`
	Rate         float64   `json:"rate"`
	BaselineRate float64   `json:"baseline_rate"`
	Ratio        float64   `json:"ratio"`
	Level        string    `json:"level"`
	Onset        time.Time `json:"onset,omitempty"`
	// For a log of failures only: failures per minute since the onset and
	// usually (Rate is meaningless there).
	CountBased        bool    `json:"count_based,omitempty"`
	PerMinute         float64 `json:"per_minute,omitempty"`
	BaselinePerMinute float64 `json:"baseline_per_minute,omitempty"`

	Templates     []Template `json:"templates"`
	Timeline      []Bucket   `json:"timeline"`
	BucketMinutes int        `json:"bucket_minutes"`
	Related       []Related  `json:"related"`
	// SuspectedCause says which service's rise came first and why that
	// makes it the likeliest cause; empty when nothing rose.
	SuspectedCause string `json:"suspected_cause"`
	CauseService   string `json:"cause_service,omitempty"`

	LinesRead int        `json:"lines_read"`
	Stats     logs.Stats `json:"stats"`
	// Queries is what the log-store queries cost; Sources what each log
	// source contributed; ServiceSources the affected service's lines
	// counted from each source (the timeline's counts).
	Queries        logs.QueryStats    `json:"queries"`
	Sources        []triage.SourceUse `json:"sources,omitempty"`
	ServiceSources map[string]int     `json:"service_sources,omitempty"`
	Elapsed        string             `json:"elapsed"`
}

// maxTemplates is how many templates a report keeps; maxBuckets how many
// timeline steps (longer windows use wider buckets).
const (
	maxTemplates = 15
	maxBuckets   = 240
	maxSamples   = 3
	maxSampleLen = 400
)

// Options tune AnalyzeWith.
type Options struct {
	// Redact removes personal data and secrets from everything the report
	// quotes: each mined message (so templates never hold them), sample
	// lines, the ticket's subject and triage's reasons. The report is shown
	// to whoever holds its link, so the raw values must never reach it.
	// Nil quotes them as they are (a project's explicit mask_samples =
	// false).
	Redact func(string) string
}

// Analyze is AnalyzeWith the built-in redaction rules.
func Analyze(ctx context.Context, p triage.Project, tk triage.Ticket, r triage.Result) (*Report, error) {
	return AnalyzeWith(ctx, p, tk, r, Options{Redact: logs.DefaultRedactor().Redact})
}

// AnalyzeWith reads the project's logs over the triage window and its
// baseline and builds the report. The service analysed is r.AffectedService,
// or the strongest anomaly in the window when triage named none.
func AnalyzeWith(ctx context.Context, p triage.Project, tk triage.Ticket, r triage.Result, o Options) (*Report, error) {
	redact := o.Redact
	if redact == nil {
		redact = func(s string) string { return s }
	}
	started := time.Now()
	w := r.Window
	if w.Duration() <= 0 {
		return nil, fmt.Errorf("analyze ticket %s: empty window", tk.ID)
	}
	miners := map[string]*miner{}
	fromNs := w.From.UnixNano()
	// Besides the services with a failure rise, the ticket's own service
	// needs its lines for its templates.
	want := func(se *triage.ServiceEvidence) bool { return se.Service == r.AffectedService }
	ev, err := triage.Gather(ctx, p.Sources, w, func(rec *logs.Record, in bool, mask string) error {
		if rec.Level != logs.LevelError && rec.Level != logs.LevelWarn && rec.Status < 500 {
			return nil
		}
		if rec.Status >= 400 && rec.Status < 500 {
			return nil // client errors are traffic, not part of the failure story
		}
		m := miners[rec.Service]
		if m == nil {
			if len(miners) >= 256 {
				return nil
			}
			m = newMiner()
			miners[rec.Service] = m
		}
		var c *cluster
		if msg := redact(rec.Message); mask != "" && msg == rec.Message {
			c = m.addMasked(mask) // nothing redacted: the read's mask is msg's
		} else {
			c = m.add(msg)
		}
		if !in {
			c.base++
			return nil
		}
		c.win++
		c.from(rec.Source)
		ts := rec.Time.UnixNano()
		if c.first == 0 || ts < c.first {
			c.first = ts
		}
		if ts > c.last {
			c.last = ts
		}
		if rec.Level != "" {
			c.level = rec.Level
		}
		if rec.Status != 0 {
			c.status = rec.Status
		}
		if len(c.samples) < maxSamples && ts >= fromNs {
			// The whole line, as logged: its other fields (request ids,
			// hosts) are what someone following up searches for.
			raw := rec.Raw
			if len(raw) == 0 {
				raw = []byte(rec.Message)
			}
			c.samples = append(c.samples, sample(raw, redact))
			c.sampleSources = append(c.sampleSources, rec.Source)
		}
		return nil
	}, want)
	if err != nil {
		return nil, fmt.Errorf("analyze ticket %s: %w", tk.ID, err)
	}
	// The ticket's subject and the reasons quoting its words may carry an
	// e-mail address or a pasted key as well.
	reasons := make([]string, len(r.Reasons))
	for i, why := range r.Reasons {
		reasons[i] = redact(why)
	}
	rep := &Report{
		Project: p.Name, TicketID: tk.ID, Subject: redact(tk.Subject), Severity: r.Severity, Confidence: r.Confidence,
		AffectedService: r.AffectedService, Reasons: reasons, Window: ev.Window, Baseline: ev.Baseline,
		GeneratedAt: time.Now().UTC(), Stats: ev.Stats, LinesRead: ev.Stats.Records + ev.Queries.Lines,
		Queries: ev.Queries, Sources: ev.Sources,
	}
	svc := r.AffectedService
	if svc == "" {
		if ranked := ev.Ranked(); len(ranked) > 0 && (ranked[0].Level == triage.LevelStrong || ranked[0].Level == triage.LevelModerate) {
			svc = ranked[0].Service
		}
	}
	rep.AffectedService = svc
	if se := ev.Services[svc]; se != nil {
		rep.Total, rep.Failures, rep.Status5xx = se.Window.Total, se.Window.Failures, se.Window.Status5xx
		rep.Rate, rep.BaselineRate, rep.Ratio, rep.Level, rep.Onset = se.Rate, se.BaselineRate, se.Ratio, se.Level, se.Onset
		rep.CountBased, rep.PerMinute, rep.BaselinePerMinute = se.CountBased, se.PerMinute, se.BaselinePerMinute
		rep.Timeline, rep.BucketMinutes = timeline(se.Minutes, ev.Baseline.From.Truncate(time.Minute))
		rep.ServiceSources = se.Sources
	}
	if m := miners[svc]; m != nil {
		rep.Templates = templates(m, ev.Window.Duration(), ev.Baseline.Duration())
	}
	rep.Related = related(ev, svc, miners)
	rep.SuspectedCause, rep.CauseService = suspectedCause(rep.Related, svc)
	rep.Elapsed = time.Since(started).Round(time.Millisecond).String()
	return rep, nil
}

// sample is a log line as shown on the page: redacted, then cut at
// maxSampleLen bytes. Redaction reads a bounded prefix cut back to a blank,
// so a secret is never split into a piece the rules no longer recognise.
func sample(raw []byte, redact func(string) string) string {
	const maxRead = 16 * maxSampleLen
	cut := len(raw) > maxRead
	if cut {
		raw = raw[:maxRead]
		if k := bytes.LastIndexAny(raw, " \t"); k > 0 {
			raw = raw[:k]
		}
	}
	s := redact(strings.ToValidUTF8(string(raw), "�"))
	if len(s) > maxSampleLen || cut {
		s = strings.ToValidUTF8(s[:min(len(s), maxSampleLen)], "") + "…"
	}
	return s
}

func templates(m *miner, win, base time.Duration) []Template {
	scale := 1.0 // baseline lines per window length
	if base > 0 && win > 0 {
		scale = float64(win) / float64(base)
	}
	var out []Template
	for _, c := range m.clusters {
		if c.win == 0 {
			continue
		}
		t := Template{
			Pattern: c.pattern(), Level: c.level, Status: c.status, Count: c.win, BaselineCount: c.base,
			FirstSeen: time.Unix(0, c.first).UTC(), LastSeen: time.Unix(0, c.last).UTC(),
			New: c.base == 0, Samples: c.samples, SampleSources: c.sampleSources, Sources: c.sources,
		}
		t.SpikeRatio = float64(c.win) / max(float64(c.base)*scale, 1)
		out = append(out, t)
	}
	// What changed matters more than what is always there: rank by lines
	// above the baseline, then by count.
	sort.Slice(out, func(i, j int) bool {
		ei, ej := float64(out[i].Count)-float64(out[i].BaselineCount)*scale, float64(out[j].Count)-float64(out[j].BaselineCount)*scale
		if ei != ej {
			return ei > ej
		}
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Pattern < out[j].Pattern
	})
	if len(out) > maxTemplates {
		out = out[:maxTemplates]
	}
	return out
}

// timeline folds per-minute counts into at most maxBuckets steps.
func timeline(mins []triage.Counts, start time.Time) ([]Bucket, int) {
	width := (len(mins) + maxBuckets - 1) / maxBuckets
	if width < 1 {
		width = 1
	}
	var out []Bucket
	for i := 0; i < len(mins); i += width {
		b := Bucket{Time: start.Add(time.Duration(i) * time.Minute).UTC()}
		for k := i; k < i+width && k < len(mins); k++ {
			b.Total += mins[k].Total
			b.Failures += mins[k].Failures
			b.Warnings += mins[k].Warnings
		}
		out = append(out, b)
	}
	return out, width
}

func related(ev *triage.Evidence, affected string, miners map[string]*miner) []Related {
	var out []Related
	for _, se := range ev.Services {
		if se.Level != triage.LevelStrong && se.Level != triage.LevelModerate || se.Onset.IsZero() {
			continue
		}
		rl := Related{Service: se.Service, Onset: se.Onset.UTC(), Level: se.Level, Rate: se.Rate,
			BaselineRate: se.BaselineRate, Ratio: se.Ratio, Failures: se.Incident.Failures, Affected: se.Service == affected,
			CountBased: se.CountBased, PerMinute: se.PerMinute, BaselinePerMinute: se.BaselinePerMinute}
		if m := miners[se.Service]; m != nil {
			if ts := templates(m, ev.Window.Duration(), ev.Baseline.Duration()); len(ts) > 0 {
				rl.TopTemplate = ts[0].Pattern
			}
		}
		out = append(out, rl)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Onset.Equal(out[j].Onset) {
			return out[i].Onset.Before(out[j].Onset)
		}
		return out[i].Ratio > out[j].Ratio
	})
	return out
}

// suspectedCause names the service whose failures rose first. A rise that
// starts before the affected service's is the likeliest cause: failures
// travel downstream, from a dependency to its callers.
func suspectedCause(rel []Related, affected string) (string, string) {
	if len(rel) == 0 {
		return "", ""
	}
	first := rel[0]
	var own *Related
	for i := range rel {
		if rel[i].Service == affected {
			own = &rel[i]
		}
	}
	evidence := fmt.Sprintf("failure rate %s (×%.0f its baseline, %d failures)", triage.Percent(first.Rate), first.Ratio, first.Failures)
	if first.CountBased {
		evidence = fmt.Sprintf("%.1f failures/min against %.1f usually (×%.0f, %d failures)", first.PerMinute, first.BaselinePerMinute, first.Ratio, first.Failures)
	}
	if first.TopTemplate != "" {
		evidence += fmt.Sprintf(", top error %q", first.TopTemplate)
	}
	switch {
	case first.Service == affected && len(rel) == 1:
		return fmt.Sprintf("%s began failing at %s and no other service did: the fault is most likely in %s itself — %s.",
			affected, hhmm(first.Onset), affected, evidence), affected
	case first.Service == affected:
		return fmt.Sprintf("%s began failing first, at %s; the other rises followed. Likeliest cause: %s itself — %s.",
			affected, hhmm(first.Onset), affected, evidence), affected
	case own != nil:
		return fmt.Sprintf("%s began failing at %s, %s before %s (%s): the likeliest cause is %s — %s.",
			first.Service, hhmm(first.Onset), minutes(own.Onset.Sub(first.Onset)), affected, hhmm(own.Onset), first.Service, evidence), first.Service
	default:
		return fmt.Sprintf("%s shows no failure rise of its own; the earliest rise is %s at %s, the likeliest cause — %s.",
			orNone(affected), first.Service, hhmm(first.Onset), evidence), first.Service
	}
}

func minutes(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	if m == 1 {
		return "1 minute"
	}
	return fmt.Sprintf("%d minutes", m)
}

func orNone(s string) string {
	if s == "" {
		return "The ticket's service"
	}
	return s
}

func hhmm(t time.Time) string { return t.UTC().Format("15:04 UTC") }

// From names the log sources the template's window lines came from.
func (t Template) From() string { return strings.Join(t.Sources, ", ") }

// SourceSummary says where the report's lines and counts came from, one
// clause per log source: how many of the affected service's lines it
// counted (the timeline) and how many lines were read or pulled from it.
func (r *Report) SourceSummary() string {
	var parts []string
	for _, s := range r.Sources {
		how := "file, scanned"
		if s.Store {
			how = "log store, counted by the store"
		}
		p := fmt.Sprintf("%s (%s): %d line(s)", s.Name, how, r.ServiceSources[s.Name])
		if r.AffectedService != "" {
			p += " of " + r.AffectedService
		}
		verb := "read"
		if s.Store {
			verb = "pulled"
		}
		p += fmt.Sprintf(" counted, %d %s", s.Read, verb)
		if s.Truncated {
			p += " (capped at max_lines)"
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return ""
	}
	return "Log sources: " + strings.Join(parts, "; ") + "."
}
