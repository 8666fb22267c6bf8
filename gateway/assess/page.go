package assess

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"time"

	"github.com/sigsentry/deskgate/gateway/analysis"
	"github.com/sigsentry/deskgate/gateway/triage"
)

// svg geometry of the timeline.
const (
	svgW, svgH = 960, 180
	plotTop    = 10
	plotBottom = 150
	plotLeft   = 40
	plotRight  = 950
)

type bar struct {
	X, W, TotalY, TotalH, FailY, FailH float64
	Title                              string
}

type tick struct {
	X     float64
	Label string
}

type pageView struct {
	*analysis.Report
	Bars                []bar
	Ticks               []tick
	WindowX, OnsetX     float64
	HasOnset            bool
	MaxTotal            int
	SvgW, SvgH          int
	PlotTop, PlotBottom int
	PlotLeft, PlotRight int
}

func xOf(r *analysis.Report, t time.Time) float64 {
	span := r.Window.To.Sub(r.Baseline.From)
	if span <= 0 {
		return plotLeft
	}
	f := float64(t.Sub(r.Baseline.From)) / float64(span)
	return plotLeft + f*float64(plotRight-plotLeft)
}

func view(r *analysis.Report) pageView {
	v := pageView{Report: r, SvgW: svgW, SvgH: svgH, PlotTop: plotTop, PlotBottom: plotBottom, PlotLeft: plotLeft, PlotRight: plotRight}
	for _, b := range r.Timeline {
		if b.Total > v.MaxTotal {
			v.MaxTotal = b.Total
		}
	}
	n := len(r.Timeline)
	if n > 0 && v.MaxTotal > 0 {
		bw := float64(plotRight-plotLeft) / float64(n)
		h := float64(plotBottom - plotTop)
		for i, b := range r.Timeline {
			th := float64(b.Total) / float64(v.MaxTotal) * h
			fh := float64(b.Failures) / float64(v.MaxTotal) * h
			v.Bars = append(v.Bars, bar{
				X: plotLeft + float64(i)*bw, W: max(bw-0.5, 0.5),
				TotalY: plotBottom - th, TotalH: th, FailY: plotBottom - fh, FailH: fh,
				Title: fmt.Sprintf("%s: %d lines, %d failures", b.Time.Format("15:04"), b.Total, b.Failures),
			})
		}
	}
	span := r.Window.To.Sub(r.Baseline.From)
	for k := 0; k <= 6 && span > 0; k++ {
		t := r.Baseline.From.Add(span * time.Duration(k) / 6)
		v.Ticks = append(v.Ticks, tick{X: xOf(r, t), Label: t.UTC().Format("15:04")})
	}
	v.WindowX = xOf(r, r.Window.From)
	if !r.Onset.IsZero() {
		v.HasOnset, v.OnsetX = true, xOf(r, r.Onset)
	}
	return v
}

// pageCSS is the page's only style, inline so the page stands alone; the
// Content-Security-Policy allows exactly it, by hash.
const pageCSS = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #d8dce3;padding-bottom:4px}
.muted{color:#5b6475}.card{background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:14px 16px;margin:12px 0}
.sev{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:600;color:#fff;text-transform:uppercase;font-size:12px}
.sev-critical{background:#b42318}.sev-high{background:#d0620b}.sev-medium{background:#a58a00}.sev-low{background:#4a6fa5}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e6e8ec;vertical-align:top}
th{font-size:12px;color:#5b6475;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}pre{white-space:pre-wrap;word-break:break-all;margin:4px 0;color:#39414f}
.new{color:#b42318;font-weight:600;font-size:11px}.cause{border-left:4px solid #b42318}
svg text{font:11px system-ui,sans-serif;fill:#5b6475}
svg text.label{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg text.onset{fill:#b42318}
`

// PageCSP is the Content-Security-Policy of the analysis page: nothing
// loads from anywhere, no script runs, the inline style is allowed by its
// hash, and no other site may frame it.
var PageCSP = func() string {
	sum := sha256.Sum256([]byte(pageCSS))
	return "default-src 'none'; style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) +
		"'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}()

var funcs = template.FuncMap{
	"css":  func() template.CSS { return template.CSS(pageCSS) },
	"pct":  triage.Percent,
	"hhmm": hhmm,
	"ts": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.UTC().Format("2006-01-02 15:04:05 UTC")
	},
	"ratio":   ratioText,
	"f1":      func(f float64) string { return fmt.Sprintf("%.1f", f) },
	"windowW": func(v pageView) float64 { return float64(plotRight) - v.WindowX },
	"plotH":   func(v pageView) int { return plotBottom - plotTop },
}

var pageTmpl = template.Must(template.New("page").Funcs(funcs).Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>deskgate analysis — ticket {{.TicketID}}{{if .AffectedService}} — {{.AffectedService}}{{end}}</title>
<style>{{css}}</style></head><body><main>
<h1>Ticket {{.TicketID}}: {{.Subject}}</h1>
<p class="muted">Project {{.Project}} · analysed {{ts .GeneratedAt}} · window {{ts .Window.From}} – {{ts .Window.To}} · baseline {{ts .Baseline.From}} – {{ts .Baseline.To}}</p>
<div class="card">
<span class="sev sev-{{.Severity}}">{{.Severity}}</span> confidence {{.Confidence}}
{{if .AffectedService}} · service <strong>{{.AffectedService}}</strong>{{end}}
{{if .Total}}<p>{{.AffectedService}}: {{.Failures}} failures in {{.Total}} lines in the window{{if .Status5xx}} ({{.Status5xx}} HTTP 5xx){{end}}.
{{if .CountBased}}{{if not .Onset.IsZero}}Onset <strong>{{hhmm .Onset}}</strong>; since then {{end}}{{f1 .PerMinute}} failures per minute against {{f1 .BaselinePerMinute}} usually ({{ratio .Ratio}}; this log holds failures only).
{{else}}{{if not .Onset.IsZero}}Onset <strong>{{hhmm .Onset}}</strong>; since then {{pct .Rate}} of lines fail{{else}}Failure rate {{pct .Rate}}{{end}}, against {{pct .BaselineRate}} in the baseline ({{ratio .Ratio}}).{{end}}</p>{{else}}<p class="muted">No log lines for the affected service in the window.</p>{{end}}
{{if .Reasons}}<ul>{{range .Reasons}}<li>{{.}}</li>{{end}}</ul>{{end}}
</div>
{{if .SuspectedCause}}<h2>Suspected cause</h2><div class="card cause">{{.SuspectedCause}}</div>{{end}}
<h2>Timeline{{if .AffectedService}} of {{.AffectedService}}{{end}}</h2>
{{if .Bars}}<div class="card">
<svg viewBox="0 0 {{.SvgW}} {{.SvgH}}" width="100%" role="img" aria-label="lines and failures per {{.BucketMinutes}} minute(s)">
<rect x="{{f1 .WindowX}}" y="{{.PlotTop}}" width="{{f1 (windowW .)}}" height="{{plotH .}}" fill="#fff4e5"/>
{{range .Bars}}<g><title>{{.Title}}</title><rect x="{{f1 .X}}" y="{{f1 .TotalY}}" width="{{f1 .W}}" height="{{f1 .TotalH}}" fill="#c5ccd8"/>{{if .FailH}}<rect x="{{f1 .X}}" y="{{f1 .FailY}}" width="{{f1 .W}}" height="{{f1 .FailH}}" fill="#d92d20"/>{{end}}</g>
{{end}}<line x1="{{.PlotLeft}}" y1="{{.PlotBottom}}" x2="{{.PlotRight}}" y2="{{.PlotBottom}}" stroke="#8a93a3"/>
<line x1="{{f1 .WindowX}}" y1="{{.PlotTop}}" x2="{{f1 .WindowX}}" y2="{{.PlotBottom}}" stroke="#8a93a3" stroke-dasharray="4 3"/>
<text x="{{f1 .WindowX}}" y="{{.PlotTop}}" dx="4" dy="10" class="label">window</text>
{{if .HasOnset}}<line x1="{{f1 .OnsetX}}" y1="{{.PlotTop}}" x2="{{f1 .OnsetX}}" y2="{{.PlotBottom}}" stroke="#b42318" stroke-width="2"/>
{{/* Left of its line when the onset precedes the window, so the two labels never cover each other. */}}<text x="{{f1 .OnsetX}}" y="{{.PlotTop}}" {{if lt .OnsetX .WindowX}}dx="-4" text-anchor="end"{{else}}dx="4"{{end}} dy="24" class="label onset">onset {{hhmm .Onset}}</text>{{end}}
<text x="2" y="{{.PlotTop}}" dy="10">{{.MaxTotal}}</text><text x="2" y="{{.PlotBottom}}">0</text>
{{range .Ticks}}<text x="{{f1 .X}}" y="{{$.PlotBottom}}" dy="16" text-anchor="middle">{{.Label}}</text>{{end}}
</svg>
<p class="muted">Grey: log lines, red: failures (HTTP 5xx or error level; 4xx are traffic), per {{.BucketMinutes}} minute(s). Shaded: the ticket's window; left of it, the baseline.</p>
</div>{{else}}<p class="muted">No timeline: no log lines for the service.</p>{{end}}
<h2>Top error and warning templates{{if .AffectedService}} of {{.AffectedService}}{{end}}</h2>
{{if .Templates}}<table><tr><th>template</th><th>level</th><th class="num">window</th><th class="num">baseline</th><th class="num">spike</th><th>first / last seen</th></tr>
{{range .Templates}}<tr><td><code>{{.Pattern}}</code>{{if .New}} <span class="new">NEW</span>{{end}}{{if .Sources}} <span class="muted">from {{.From}}</span>{{end}}{{range .Samples}}<pre>{{.}}</pre>{{end}}</td>
<td>{{.Level}}{{if .Status}} {{.Status}}{{end}}</td><td class="num">{{.Count}}</td><td class="num">{{.BaselineCount}}</td><td class="num">{{ratio .SpikeRatio}}</td>
<td>{{hhmm .FirstSeen}}<br>{{hhmm .LastSeen}}</td></tr>
{{end}}</table>{{else}}<p class="muted">No error or warning lines in the window.</p>{{end}}
<h2>Services whose failures rose in the window, by onset</h2>
{{if .Related}}<table><tr><th>onset</th><th>service</th><th>level</th><th class="num">failure rate</th><th class="num">baseline</th><th class="num">failures</th><th>top template</th></tr>
{{range .Related}}<tr><td>{{hhmm .Onset}}</td><td>{{.Service}}{{if .Affected}} <span class="muted">(ticket)</span>{{end}}</td><td>{{.Level}}</td>{{if .CountBased}}<td class="num">{{f1 .PerMinute}}/min</td><td class="num">{{f1 .BaselinePerMinute}}/min</td>{{else}}<td class="num">{{pct .Rate}}</td><td class="num">{{pct .BaselineRate}}</td>{{end}}<td class="num">{{.Failures}}</td><td><code>{{.TopTemplate}}</code></td></tr>
{{end}}</table>{{else}}<p class="muted">No service's failures rose in the window.</p>{{end}}
{{with .SourceSummary}}<p class="muted">{{.}}</p>{{end}}
<p class="muted">{{.LinesRead}} log lines read in {{.Elapsed}} ({{.Stats.Unparsed}} unparsed, {{.Stats.FilesSkipped}} of {{.Stats.Files}} files skipped by time range). Generated by deskgate.</p>
</main></body></html>
`))

// RenderAnalysis serves /analyses/{id}: the stored analysis body as a
// standalone page. redact (nil: none) runs again over everything quoted
// from logs and the ticket: analyses stored before masking existed hold raw
// lines, and redacting redacted text changes nothing. The caller sets the
// response's security headers (SecurityHeaders).
func RenderAnalysis(w http.ResponseWriter, body []byte, redact func(string) string) error {
	var rep analysis.Report
	if err := json.Unmarshal(body, &rep); err != nil {
		http.Error(w, "stored analysis is unreadable", http.StatusInternalServerError)
		return fmt.Errorf("decode stored analysis: %w", err)
	}
	if redact != nil {
		redactReport(&rep, redact)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	return renderPage(w, &rep)
}

// SecurityHeaders are sent with every answer under /analyses/: the page
// and its link must not be cached, leak through a Referer, run anything or
// be framed.
func SecurityHeaders(h http.Header) {
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", PageCSP)
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Robots-Tag", "noindex, nofollow")
}

func redactReport(r *analysis.Report, redact func(string) string) {
	r.Subject = redact(r.Subject)
	for i := range r.Reasons {
		r.Reasons[i] = redact(r.Reasons[i])
	}
	for i := range r.Templates {
		t := &r.Templates[i]
		t.Pattern = redact(t.Pattern)
		for k := range t.Samples {
			t.Samples[k] = redact(t.Samples[k])
		}
	}
	for i := range r.Related {
		r.Related[i].TopTemplate = redact(r.Related[i].TopTemplate)
	}
	r.SuspectedCause = redact(r.SuspectedCause)
}

// renderPage writes the standalone analysis page: HTML with inline CSS and
// an inline SVG timeline, no scripts and nothing loaded from elsewhere.
func renderPage(w io.Writer, r *analysis.Report) error {
	if r == nil {
		return fmt.Errorf("render analysis page: no report")
	}
	var buf bytes.Buffer
	if err := pageTmpl.Execute(&buf, view(r)); err != nil {
		return fmt.Errorf("render analysis page for ticket %s: %w", r.TicketID, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write analysis page for ticket %s: %w", r.TicketID, err)
	}
	return nil
}
