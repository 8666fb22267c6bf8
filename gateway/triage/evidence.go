package triage

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/sigsentry/deskgate/gateway/logs"
)

// Anomaly levels of a service's logs in a window.
const (
	LevelNoData   = "nodata"   // too few lines to judge
	LevelClean    = "clean"    // no failure rise
	LevelModerate = "moderate" // failures rose, but most requests still work
	LevelStrong   = "strong"   // a failure spike: a large share of requests fail
)

// Counts are line counts of one service over some span.
type Counts struct {
	Total     int `json:"total"`
	Failures  int `json:"failures"` // 5xx or error-level, not 4xx
	Status5xx int `json:"status_5xx"`
	Warnings  int `json:"warnings"`
}

func (c *Counts) add(o Counts) {
	c.Total += o.Total
	c.Failures += o.Failures
	c.Status5xx += o.Status5xx
	c.Warnings += o.Warnings
}

// Rate is the failure share, 0 without lines.
func (c Counts) Rate() float64 {
	if c.Total == 0 {
		return 0
	}
	return float64(c.Failures) / float64(c.Total)
}

// ServiceEvidence is what one service's logs say about the window.
type ServiceEvidence struct {
	Service  string   `json:"service"`
	Baseline Counts   `json:"baseline"` // the same length just before the window (at least an hour)
	Window   Counts   `json:"window"`
	Minutes  []Counts `json:"-"` // per minute from the baseline's start to the window's end
	// Onset is the first minute of a sustained failure rise in the window;
	// zero when there is none. Incident counts the lines from it to the end.
	Onset        time.Time `json:"onset,omitempty"`
	Incident     Counts    `json:"incident"`
	End          time.Time `json:"end,omitempty"` // end of the last elevated minute
	Rate         float64   `json:"rate"`          // failure share from onset (or over the window)
	BaselineRate float64   `json:"baseline_rate"` // usual failure share in the baseline (its worst minutes left out)
	Ratio        float64   `json:"ratio"`         // Rate / max(BaselineRate, 0.5 %)
	Level        string    `json:"level"`
	TrafficDrop  float64   `json:"traffic_drop,omitempty"` // share of baseline traffic missing, when large
	// CountBased is set for logs of failures only, judged on failures per
	// minute (PerMinute against BaselinePerMinute) instead of their share.
	CountBased        bool    `json:"count_based,omitempty"`
	PerMinute         float64 `json:"per_minute,omitempty"`
	BaselinePerMinute float64 `json:"baseline_per_minute,omitempty"`
	// NewTemplates are failure templates seen at least three times in the
	// window and never in the baseline, most frequent first.
	NewTemplates []string `json:"new_templates,omitempty"`
	// RisenTemplates are failure templates seen at least three times in
	// the window, in at least a fifth of its failure lines read, and
	// clearly more often than in the baseline (which is at least as long),
	// most frequent first, at most maxRisen: the window's own failures, new
	// or grown, whose words logwords.go reads (see risenTemplates).
	RisenTemplates []string `json:"risen_templates,omitempty"`
	// WarnRate is the share of warning lines in the window (slow requests,
	// retries), BaselineWarnRate the usual share; WarnRise is set when it
	// rose clearly: the service is degraded although its requests succeed.
	WarnRate         float64 `json:"warn_rate,omitempty"`
	BaselineWarnRate float64 `json:"baseline_warn_rate,omitempty"`
	WarnRise         bool    `json:"warn_rise,omitempty"`
	// Sources is the lines counted from each log source (baseline and
	// window).
	Sources map[string]int `json:"sources,omitempty"`
}

// Evidence is what the project's logs say about a window, per service.
type Evidence struct {
	Window   Window                      `json:"window"`
	Baseline Window                      `json:"baseline"`
	Services map[string]*ServiceEvidence `json:"services"`
	Stats    logs.Stats                  `json:"stats"`   // what the file scans did
	Queries  logs.QueryStats             `json:"queries"` // what the log-store queries cost
	// Sources says what each log source contributed, in project order.
	Sources []SourceUse `json:"sources,omitempty"`
	// logWords are each service's distinctive log words (logwords.go),
	// worked out once, on the first ticket that asks.
	logWords *logWordsCache
}

// SourceUse is what one log source contributed to the evidence.
type SourceUse struct {
	Name string `json:"name"`
	// Store is set for a log store: the store counted the lines per
	// minute, and only the lines of the services that needed them were
	// pulled. A file is scanned once for both.
	Store bool `json:"store,omitempty"`
	// Counted is the lines counted in the baseline and the window; Read
	// the lines read (files: in the time range; stores: pulled).
	Counted   int   `json:"counted"`
	Read      int   `json:"read"`
	Truncated bool  `json:"truncated,omitempty"` // a pull stopped at max_lines
	Bytes     int64 `json:"bytes"`
}

// Ranked returns the services by anomaly, strongest first.
func (e *Evidence) Ranked() []*ServiceEvidence {
	var out []*ServiceEvidence
	for _, s := range e.Services {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := levelRank(out[i].Level), levelRank(out[j].Level)
		if a != b {
			return a > b
		}
		if out[i].Ratio != out[j].Ratio {
			return out[i].Ratio > out[j].Ratio
		}
		return out[i].Service < out[j].Service
	})
	return out
}

func levelRank(l string) int {
	switch l {
	case LevelStrong:
		return 3
	case LevelModerate:
		return 2
	case LevelClean:
		return 1
	}
	return 0
}

// maxEvidenceWindow bounds how far back a vague ticket ("since last week")
// makes triage read.
const maxEvidenceWindow = 48 * time.Hour

// minBaseline is the shortest baseline evidence is compared with.
const minBaseline = time.Hour

// maxServices bounds memory when a log carries many service names.
const maxServices = 256

// maxMasked bounds template work per service and half: enough to tell new
// failure templates from old ones without masking every line of a flood.
const maxMasked = 20000

type tplCount struct{ base, win int }

type gatherState struct {
	ev     *Evidence
	start  time.Time
	mins   int
	tpls   map[string]map[string]*tplCount
	masked map[string][2]int
	// truncated are the services whose pull stopped at max_lines: their
	// oldest lines, the baseline's first, were not read.
	truncated map[string]bool
	// The service of the last record added and its evidence: a file's
	// lines mostly come in runs of one service, so this spares a map
	// lookup per line.
	lastSvc string
	lastSE  *ServiceEvidence
}

// scanner is a source read whole in one pass (files): counts, templates
// and the caller's lines all come from that single read.
type scanner interface {
	Read(ctx context.Context, from, to time.Time, fn func(*logs.Record) error) (logs.Stats, error)
}

// tallier is a scanner that counts the records itself and passes on only
// the notable ones (failures, errors, warnings): files.
type tallier interface {
	ReadTally(ctx context.Context, from, to time.Time, t *logs.Tally, fn func(*logs.Record) error) (logs.Stats, error)
}

// Each sees the failure and warning lines Gather reads (error or warning
// level, or an HTTP 5xx: logs.Record.Notable), inWindow false for baseline
// lines. mask is logs.Mask(r.Message) when the read knows it without
// computing it (a cached file's failures), "" when not.
type Each func(r *logs.Record, inWindow bool, mask string) error

// Gather reads every source over the window and a baseline of the same
// length before it, and measures each service. A union of sources is read
// member by member.
//
// A file (a scanner) is read once: each record is counted and, when it is
// a failure or warning line and each is not nil, passed to each, so an
// analysis rides on the same read. A file source that counts itself (a
// tallier) passes on only those lines.
// A log store counts per minute itself (Counts, exact however many lines
// there are); then the lines of the services that need them are pulled
// (Lines, newest first, capped by the source's max_lines) and their
// failure and warning lines are replayed oldest first to the template
// count and to each. The services pulled are those with a failure rise
// (their new templates are part of the account) and those want accepts.
// Other lines of a store never reach each.
func Gather(ctx context.Context, sources []logs.Querier, w Window, each Each, want func(*ServiceEvidence) bool) (*Evidence, error) {
	if w.Duration() > maxEvidenceWindow {
		w.From = w.To.Add(-maxEvidenceWindow)
	}
	if w.Duration() <= 0 {
		return nil, fmt.Errorf("gather log evidence: empty window %s–%s", w.From.Format(time.RFC3339), w.To.Format(time.RFC3339))
	}
	// The baseline has the window's length, but at least minBaseline: a
	// quarter hour of "before" is too little to tell normal from an
	// incident that was already starting.
	bl := w.Duration()
	if bl < minBaseline {
		bl = minBaseline
	}
	base := Window{From: w.From.Add(-bl), To: w.From}
	g := &gatherState{
		ev:     &Evidence{Window: w, Baseline: base, Services: map[string]*ServiceEvidence{}},
		start:  base.From.Truncate(time.Minute),
		tpls:   map[string]map[string]*tplCount{},
		masked: map[string][2]int{},
	}
	g.mins = int(w.To.Sub(g.start)/time.Minute) + 1
	var stores []int // indexes into g.ev.Sources
	var storeQ []logs.Querier
	for _, src := range members(sources) {
		name := src.Name()
		use := SourceUse{Name: name}
		if sc, ok := src.(scanner); ok {
			// What this file added to each service is told by the totals
			// before and after: no per-line bookkeeping on the hot path.
			before := map[string]int{}
			for svc, se := range g.ev.Services {
				before[svc] = se.Baseline.Total + se.Window.Total
			}
			var st logs.Stats
			var err error
			if tl, ok := src.(tallier); ok {
				st, err = g.tally(ctx, tl, name, base, w, each)
			} else {
				st, err = sc.Read(ctx, base.From, w.To, func(r *logs.Record) error {
					r.Source = name
					in := !r.Time.Before(w.From)
					g.add(r, in)
					if each != nil && r.Notable() {
						return each(r, in, "")
					}
					return nil
				})
			}
			g.ev.Stats.Add(st)
			if err != nil {
				return nil, fmt.Errorf("gather log evidence from %s: %w", name, err)
			}
			for svc, se := range g.ev.Services {
				if n := se.Baseline.Total + se.Window.Total - before[svc]; n > 0 {
					se.addSource(name, n)
					use.Counted += n
				}
			}
			use.Read, use.Bytes = st.Records, st.BytesRead
		} else {
			use.Store = true
			n, err := g.count(ctx, src, base, w)
			if err != nil {
				return nil, fmt.Errorf("gather log evidence from %s: %w", name, err)
			}
			use.Counted = n
			stores = append(stores, len(g.ev.Sources))
			storeQ = append(storeQ, src)
		}
		g.ev.Sources = append(g.ev.Sources, use)
	}
	for _, se := range g.ev.Services {
		measure(se, g.ev, g.start)
	}
	for i, src := range storeQ {
		if err := g.pull(ctx, src, &g.ev.Sources[stores[i]], base, w, each, want); err != nil {
			return nil, fmt.Errorf("gather log evidence from %s: %w", src.Name(), err)
		}
	}
	for name, se := range g.ev.Services {
		se.NewTemplates = newTemplates(g.tpls[name])
		se.RisenTemplates = risenTemplates(g.tpls[name], g.masked[name], [2]int{se.Baseline.Failures, se.Window.Failures}, g.truncated[name])
	}
	g.ev.logWords = &logWordsCache{tpls: g.tpls}
	return g.ev, nil
}

// members flattens unions into the sources they are made of.
func members(qs []logs.Querier) []logs.Querier {
	var out []logs.Querier
	for _, q := range qs {
		if u, ok := q.(*logs.Union); ok {
			out = append(out, members(u.Members())...)
			continue
		}
		out = append(out, q)
	}
	return out
}

// count adds a store's per-minute counts. The baseline and the window are
// asked apart, so the minute holding w.From is split exactly between them.
// It returns the lines counted.
func (g *gatherState) count(ctx context.Context, src logs.Querier, base, w Window) (int, error) {
	counted := 0
	for _, half := range []struct {
		Window
		in bool
	}{{base, false}, {w, true}} {
		c, st, err := src.Counts(ctx, logs.CountQuery{From: half.From, To: half.To})
		g.ev.Queries.Add(st)
		if err != nil {
			return counted, err
		}
		off := int(c.Start.Sub(g.start) / time.Minute)
		names := make([]string, 0, len(c.Services))
		for svc := range c.Services {
			names = append(names, svc)
		}
		sort.Strings(names) // which services fit under maxServices must not depend on map order
		for _, svc := range names {
			if c.Sum(svc).Total == 0 {
				continue
			}
			se := g.service(svc)
			if se == nil {
				continue
			}
			for i, m := range c.Services[svc] {
				if m.Total == 0 {
					continue
				}
				n := countsOf(m)
				if k := off + i; k >= 0 && k < len(se.Minutes) {
					se.Minutes[k].add(n)
				}
				if half.in {
					se.Window.add(n)
				} else {
					se.Baseline.add(n)
				}
				se.addSource(src.Name(), m.Total)
				counted += m.Total
			}
		}
	}
	return counted, nil
}

// pull reads the lines of the services that need them from a store:
// newest first, so a cap keeps the window and the latest baseline; the
// failure and warning lines are then replayed oldest first, the order a
// file scan sees them in.
func (g *gatherState) pull(ctx context.Context, src logs.Querier, use *SourceUse, base, w Window, each Each, want func(*ServiceEvidence) bool) error {
	var names []string
	for name, se := range g.ev.Services {
		if se.Sources[src.Name()] == 0 {
			continue // this store has no line of it
		}
		if se.Level == LevelStrong || se.Level == LevelModerate || want != nil && want(se) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, svc := range names {
		var kept []logs.Record
		st, err := src.Lines(ctx, logs.LineQuery{Service: svc, From: base.From, To: w.To, Order: logs.NewestFirst}, func(r *logs.Record) error {
			if !r.Failure() && r.Level != logs.LevelWarn {
				return nil
			}
			c := *r
			c.Raw = append([]byte(nil), r.Raw...)
			c.Service, c.Source = svc, src.Name()
			kept = append(kept, c)
			return nil
		})
		g.ev.Queries.Add(st)
		use.Read += st.Lines
		use.Bytes += st.Bytes
		use.Truncated = use.Truncated || st.Truncated
		if st.Truncated {
			if g.truncated == nil {
				g.truncated = map[string]bool{}
			}
			g.truncated[svc] = true
		}
		if err != nil {
			return err
		}
		for i := len(kept) - 1; i >= 0; i-- {
			r := &kept[i]
			in := !r.Time.Before(w.From)
			if r.Failure() {
				g.template(r, in, nil)
			}
			if each != nil {
				if err := each(r, in, ""); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// service returns the evidence of svc, creating it; nil past maxServices.
func (g *gatherState) service(svc string) *ServiceEvidence {
	se, ok := g.ev.Services[svc]
	if !ok {
		if len(g.ev.Services) >= maxServices {
			return nil
		}
		se = &ServiceEvidence{Service: svc, Minutes: make([]Counts, g.mins)}
		g.ev.Services[svc] = se
	}
	return se
}

// add counts a scanned record and its failure template.
func (g *gatherState) add(r *logs.Record, in bool) {
	if r.Service == "" {
		return
	}
	se := g.lastSE
	if se == nil || r.Service != g.lastSvc {
		if se = g.service(r.Service); se == nil {
			return
		}
		g.lastSvc, g.lastSE = r.Service, se
	}
	m := logs.CountOf(r)
	c := Counts{Total: 1, Failures: m.Failures, Status5xx: m.Status5xx, Warnings: m.Warnings}
	if m := int(r.Time.Sub(g.start) / time.Minute); m >= 0 && m < len(se.Minutes) {
		se.Minutes[m].add(c)
	}
	if in {
		se.Window.add(c)
	} else {
		se.Baseline.add(c)
	}
	if c.Failures > 0 {
		g.template(r, in, nil)
	}
}

// tally reads a file source that counts its records itself: the counts
// come back per service and minute, and only the notable records (the
// failures among them for the templates) are seen one by one. A service is
// admitted at its first record, in read order, as add does.
func (g *gatherState) tally(ctx context.Context, src tallier, name string, base, w Window, each Each) (logs.Stats, error) {
	t := &logs.Tally{Start: g.start, Minutes: g.mins, Split: w.From,
		Admit: func(svc string) bool { return g.service(svc) != nil }}
	st, err := src.ReadTally(ctx, base.From, w.To, t, func(r *logs.Record) error {
		r.Source = name
		in := !r.Time.Before(w.From)
		if r.Failure() && g.ev.Services[r.Service] != nil {
			g.template(r, in, t)
		}
		if each != nil {
			return each(r, in, t.KnownMask())
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	for svc, tc := range t.Services {
		se := g.ev.Services[svc]
		for i, m := range tc.Minutes {
			if m.Total > 0 {
				se.Minutes[i].add(countsOf(m))
			}
		}
		se.Baseline.add(countsOf(tc.Halves[0]))
		se.Window.add(countsOf(tc.Halves[1]))
	}
	return st, nil
}

func countsOf(m logs.Minute) Counts {
	return Counts{Total: m.Total, Failures: m.Failures, Status5xx: m.Status5xx, Warnings: m.Warnings}
}

// addSource notes n lines of se counted from source.
func (se *ServiceEvidence) addSource(source string, n int) {
	if se.Sources == nil {
		se.Sources = map[string]int{}
	}
	se.Sources[source] += n
}

// template counts the failure template of r in its half; a read's tally
// may know it already (nil: it is worked out).
func (g *gatherState) template(r *logs.Record, in bool, t *logs.Tally) {
	half := 0
	if in {
		half = 1
	}
	n := g.masked[r.Service]
	tm := g.tpls[r.Service]
	if tm == nil {
		tm = map[string]*tplCount{}
		g.tpls[r.Service] = tm
	}
	if n[half] >= maxMasked {
		return
	}
	n[half]++
	g.masked[r.Service] = n
	key := t.Mask(r)
	tc := tm[key]
	if tc == nil {
		if len(tm) >= 10000 {
			return
		}
		tc = &tplCount{}
		tm[key] = tc
	}
	if in {
		tc.win++
	} else {
		tc.base++
	}
}

func newTemplates(tm map[string]*tplCount) []string {
	return templatesWhere(tm, func(c *tplCount) bool { return c.base == 0 && c.win >= 3 })
}

// maxRisen bounds RisenTemplates.
const maxRisen = 5

// risenTemplates are the templates that carry a window's failures: seen
// at least three times, in a fifth of the window's failure lines read
// (masked: the lines templated per half, at most maxMasked each, the
// share's own denominator), and clearly more often than in the baseline:
// at least twice and three more. A steady error ("connection reset by
// peer" 129 times before, 131 now) is no rise. When a half was read only
// in part (maxMasked), its counts are scaled to its failures (the
// service's exact counts); when a pull stopped at max_lines (newest
// first, so the baseline's lines are the ones missing), nothing is told.
func risenTemplates(tm map[string]*tplCount, masked, failures [2]int, truncated bool) []string {
	if truncated || masked[1] == 0 {
		return nil
	}
	scaled := func(n, half int) float64 {
		if masked[half] >= maxMasked && failures[half] > masked[half] {
			return float64(n) * float64(failures[half]) / float64(masked[half])
		}
		return float64(n)
	}
	s := templatesWhere(tm, func(c *tplCount) bool {
		return c.win >= 3 && 5*c.win >= masked[1] && scaled(c.win, 1) >= 2*scaled(c.base, 0)+3
	})
	return s[:min(len(s), maxRisen)]
}

// maxCommonTemplates bounds the templates per service whose words
// serviceLogWords sets against a service's risen ones.
const maxCommonTemplates = 50

// commonTemplates are each service's most frequent failure templates,
// window and baseline together, at most maxCommonTemplates (its risen
// ones among them).
func commonTemplates(tpls map[string]map[string]*tplCount) map[string][]string {
	out := map[string][]string{}
	for name, tm := range tpls {
		s := templatesBy(tm, func(*tplCount) bool { return true }, func(c *tplCount) int { return c.base + c.win })
		out[name] = s[:min(len(s), maxCommonTemplates)]
	}
	return out
}

// templatesWhere are the templates of tm that keep accepts, most frequent
// in the window first.
func templatesWhere(tm map[string]*tplCount, keep func(*tplCount) bool) []string {
	return templatesBy(tm, keep, func(c *tplCount) int { return c.win })
}

// templatesBy are the templates of tm that keep accepts, the highest count
// first (ties by the template's text).
func templatesBy(tm map[string]*tplCount, keep func(*tplCount) bool, count func(*tplCount) int) []string {
	type kv struct {
		k string
		n int
	}
	var out []kv
	for k, c := range tm {
		if keep(c) {
			out = append(out, kv{k, count(c)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].k < out[j].k
	})
	var s []string
	for _, x := range out {
		s = append(s, x.k)
	}
	return s
}

// Thresholds of the anomaly judgement. A strong spike is a large share of
// requests failing at several times the usual rate; a moderate one is a
// clear rise that still leaves most requests working.
const (
	baselineFloor  = 0.005
	strongRate     = 0.15
	strongRatio    = 4
	strongMin      = 20
	moderateRate   = 0.04
	moderateRatio  = 2
	moderateMin    = 8
	trafficDropMin = 0.8
)

// Thresholds of a warning rise: at least warnRiseMin warnings, a tenth of
// the window's lines, three times the usual share (1 % at least).
const (
	warnRiseMin   = 10
	warnRiseShare = 0.10
	warnRiseRatio = 3
	warnFloor     = 0.01
)

// robustShare is share(sum) over a baseline's minutes with lines, without
// the worst 40 % of them by share, so an earlier incident inside the
// baseline does not make the current one look normal. Counts.Rate gives the
// failure share, warnShare the warning share.
func robustShare(mins []Counts, share func(Counts) float64) float64 {
	buf := shareCounts.Get().(*[]shareCount)
	defer shareCounts.Put(buf)
	ms := (*buf)[:0]
	for _, c := range mins {
		if c.Total > 0 {
			ms = append(ms, shareCount{share(c), c})
		}
	}
	*buf = ms
	if len(ms) == 0 {
		return 0
	}
	// slices.SortFunc runs the algorithm sort.Slice does on the same
	// comparisons: minutes of equal share are kept or left out as they were.
	slices.SortFunc(ms, func(a, b shareCount) int {
		if a.share < b.share {
			return -1
		}
		return 0
	})
	var sum Counts
	for _, m := range ms[:len(ms)-len(ms)*2/5] {
		sum.add(m.c)
	}
	return share(sum)
}

// shareCount is a baseline minute's counts and their share, computed once
// for robustShare's sort.
type shareCount struct {
	share float64
	c     Counts
}

// shareCounts are robustShare's buffers, kept between calls.
var shareCounts = sync.Pool{New: func() any { return new([]shareCount) }}

// warnShare is the warning share, 0 without lines.
func warnShare(c Counts) float64 {
	if c.Total == 0 {
		return 0
	}
	return float64(c.Warnings) / float64(c.Total)
}

// measure finds the onset and judges the level of one service.
//
// Usually the judgement is on the failure share: a service logs its
// successes too, and a failure spike is a rise in the share that fails. A
// log holding failures only (an error log) has a share near 100 % all the
// time; there the judgement is on failures per minute instead.
func measure(se *ServiceEvidence, ev *Evidence, start time.Time) {
	first := int(ev.Window.From.Sub(start) / time.Minute)
	first = max(0, min(first, len(se.Minutes)))
	se.BaselineRate = robustShare(se.Minutes[:first], Counts.Rate)
	base := se.Minutes[:first]
	mins := se.Minutes[first:]

	var elevated func(Counts) bool
	var score func(inc Counts, minutes int) float64 // the ratio to the baseline
	var limit, ref float64                          // share-based: the elevated share and the usual one
	if se.Baseline.Total >= 10 && float64(se.Baseline.Failures) >= 0.8*float64(se.Baseline.Total) {
		se.CountBased = true
		perMin := robustPerMinute(base)
		se.BaselinePerMinute = perMin
		ref := max(perMin, 0.2)
		limit := max(3, 3*ref)
		elevated = func(c Counts) bool { return float64(c.Failures) >= limit }
		score = func(inc Counts, minutes int) float64 { return float64(inc.Failures) / float64(max(minutes, 1)) / ref }
	} else {
		ref = se.BaselineRate
		if se.Baseline.Total < 30 {
			ref = 0.01 // too little baseline to trust: assume a usual 1 %
		}
		ref = max(ref, baselineFloor)
		limit = max(ref*3, ref+0.05)
		elevated = func(c Counts) bool { return c.Failures >= 2 && c.Rate() >= limit }
		score = func(inc Counts, _ int) float64 { return inc.Rate() / ref }
	}

	onset := -1
	for i := range mins {
		if !elevated(mins[i]) {
			continue
		}
		n, e := 0, 0
		for k := i; k < len(mins) && k < i+5; k++ {
			if mins[k].Total == 0 {
				continue
			}
			n++
			if elevated(mins[k]) {
				e++
			}
		}
		if e >= 3 || (n < 3 && e == n) {
			onset = i
			break
		}
	}
	// Sparse logs: judge the rise in five-minute buckets instead.
	sparseLast := -1
	if onset < 0 && !se.CountBased {
		if a, b, ok := sparseSpan(mins, limit); ok {
			onset, sparseLast = a, b
		}
	}
	se.Incident = se.Window
	incMinutes := len(mins)
	if onset >= 0 {
		// A rise already under way when the window opens began earlier:
		// walk back through the baseline to its first elevated minute, so
		// onsets compare across services (the earliest is the likeliest
		// cause) and the ticket's own time words do not hide it.
		back := first + onset
		if onset == 0 && sparseLast < 0 {
			for back > 0 && (elevated(se.Minutes[back-1]) || se.Minutes[back-1].Total == 0 && back-1 > 0 && elevated(se.Minutes[back-2])) {
				back--
			}
		}
		se.Onset = start.Add(time.Duration(back) * time.Minute)
		// The incident runs from the onset to its last elevated minute, so a
		// spike that ended is not diluted by the quiet after it.
		last := max(onset, sparseLast)
		for k := onset; k < len(mins) && sparseLast < 0; k++ {
			if elevated(mins[k]) {
				last = k
			}
		}
		var inc Counts
		for _, c := range se.Minutes[back : first+last+1] {
			inc.add(c)
		}
		se.Incident = inc
		incMinutes = first + last + 1 - back
		se.End = start.Add(time.Duration(first+last+1) * time.Minute)
	}
	se.Rate = se.Incident.Rate()
	se.Ratio = score(se.Incident, incMinutes)
	if se.CountBased {
		se.PerMinute = float64(se.Incident.Failures) / float64(max(incMinutes, 1))
	}
	if se.Baseline.Total >= 100 && float64(se.Window.Total) < (1-trafficDropMin)*float64(se.Baseline.Total) {
		se.TrafficDrop = 1 - float64(se.Window.Total)/float64(se.Baseline.Total)
	}
	if se.Window.Total > 0 {
		se.WarnRate = float64(se.Window.Warnings) / float64(se.Window.Total)
		se.BaselineWarnRate = robustShare(base, warnShare)
		warned := se.Window
		if span, ok := warnSpan(mins, se.BaselineWarnRate); ok && span.Warnings*se.Window.Total > se.Window.Warnings*span.Total {
			warned = span // a slow spell inside a long window
			se.WarnRate = float64(span.Warnings) / float64(span.Total)
		}
		se.WarnRise = warned.Warnings >= warnRiseMin && se.WarnRate >= warnRiseShare &&
			se.WarnRate >= warnRiseRatio*max(se.BaselineWarnRate, warnFloor)
	}
	strongShare, moderateShare := se.Rate >= strongRate, se.Rate >= moderateRate
	if se.CountBased { // every line is a failure: the share says nothing
		strongShare, moderateShare = true, true
	}
	switch {
	case se.Window.Total < 10 && se.TrafficDrop == 0:
		se.Level = LevelNoData
	case strongShare && se.Ratio >= strongRatio && se.Incident.Failures >= strongMin:
		se.Level = LevelStrong
	case moderateShare && se.Ratio >= moderateRatio && (se.Incident.Failures >= moderateMin ||
		!se.CountBased && rareFailures(se.Incident.Failures, ref*float64(se.Incident.Total))), se.TrafficDrop > 0:
		se.Level = LevelModerate
	default:
		se.Level = LevelClean
	}
}

// robustPerMinute is the usual failures per minute of a baseline, its worst
// 40 % of minutes left out like robustShare does.
func robustPerMinute(mins []Counts) float64 {
	if len(mins) == 0 {
		return 0
	}
	f := make([]int, len(mins))
	for i, c := range mins {
		f[i] = c.Failures
	}
	sort.Ints(f)
	keep := f[:len(f)-len(f)*2/5]
	sum := 0
	for _, v := range keep {
		sum += v
	}
	return float64(sum) / float64(max(len(keep), 1))
}

// Describe is a one-line account of a service's logs for reasons.
func (se *ServiceEvidence) Describe() string {
	switch se.Level {
	case LevelNoData:
		return fmt.Sprintf("%s: too few log lines in the window to judge (%d)", se.Service, se.Window.Total)
	case LevelClean:
		if se.CountBased {
			return fmt.Sprintf("%s logs are clean in the window: %d failures, about the usual %.1f/min",
				se.Service, se.Incident.Failures, se.BaselinePerMinute)
		}
		s := fmt.Sprintf("%s logs are clean in the window: failure rate %s vs %s before (%d of %d lines)",
			se.Service, Percent(se.Rate), Percent(se.BaselineRate), se.Incident.Failures, se.Incident.Total)
		if se.WarnRise {
			s += "; " + se.DescribeWarnings()
		}
		return s
	}
	var s string
	if se.CountBased {
		s = fmt.Sprintf("%s: %.1f failures/min", se.Service, se.PerMinute)
		if !se.Onset.IsZero() {
			s += " since " + se.Onset.UTC().Format("15:04 UTC")
		}
		s += fmt.Sprintf(" vs %.1f/min in the baseline (×%.0f, %d failures", se.BaselinePerMinute, se.Ratio, se.Incident.Failures)
	} else {
		s = fmt.Sprintf("%s failure rate %s", se.Service, Percent(se.Rate))
		if !se.Onset.IsZero() {
			s += " since " + se.Onset.UTC().Format("15:04 UTC")
		}
		s += fmt.Sprintf(" vs %s in the baseline (×%.0f, %d failures", Percent(se.BaselineRate), se.Ratio, se.Incident.Failures)
	}
	if se.Incident.Status5xx > 0 {
		s += fmt.Sprintf(", %d HTTP 5xx", se.Incident.Status5xx)
	}
	s += ")"
	if se.TrafficDrop > 0 {
		s += fmt.Sprintf("; traffic down %s", Percent(se.TrafficDrop))
	}
	if n := len(se.NewTemplates); n > 0 {
		s += fmt.Sprintf("; %d new error template(s), e.g. %q", n, truncate(se.NewTemplates[0], 80))
	}
	return s
}

// DescribeWarnings is a one-line account of a warning rise.
func (se *ServiceEvidence) DescribeWarnings() string {
	return fmt.Sprintf("warnings (slow requests, retries) rose to %s of lines vs %s before (%d warnings)",
		Percent(se.WarnRate), Percent(se.BaselineWarnRate), se.Window.Warnings)
}

// Percent writes a rate (0.25) as reasons and reports show it: "25%",
// with a decimal below 1% so a small rate does not read as none.
func Percent(f float64) string {
	switch {
	case f == 0:
		return "0%"
	case f < 0.01:
		return fmt.Sprintf("%.1f%%", f*100)
	}
	return fmt.Sprintf("%.0f%%", f*100)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// warnRiseOf is how many times its usual share of warnings (slow requests,
// retries) a service logged in the window, the usual share floored at
// warnFloor (WarnRise compares the same two shares).
func warnRiseOf(se *ServiceEvidence) float64 {
	return se.WarnRate / max(se.BaselineWarnRate, warnFloor)
}
