package assess

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/gateway/analysis"
	"github.com/sigsentry/deskgate/gateway/triage"
)

// The notes posted on a ticket: the triage verdict, then (when severe
// enough) the log analysis with a link to its page.

var triageNote = template.Must(template.New("note").Parse(
	`<p><strong>deskgate triage</strong>: severity <strong>{{.Severity}}</strong> (confidence {{.Confidence}})</p>` +
		`<p>Affected service: {{if .AffectedService}}<code>{{.AffectedService}}</code>{{else}}none identified{{end}}<br>` +
		`Log window: {{.From}} to {{.To}}{{with .WindowSource}} ({{.}}){{end}}{{if .Analyze}}<br>A full log analysis follows in the next note.{{end}}</p>` +
		`{{if .Reasons}}<p>Why:</p><ul>{{range .Reasons}}<li>{{.}}</li>{{end}}</ul>{{end}}`))

// TriageNoteHTML is the internal note carrying the full triage diagnosis.
func TriageNoteHTML(r triage.Result) string {
	var b bytes.Buffer
	err := triageNote.Execute(&b, struct {
		triage.Result
		From, To string
	}{r, noteTime(r.Window.From), noteTime(r.Window.To)})
	if err != nil {
		// The template is fixed and its data plain strings: this cannot
		// fail short of a programming error.
		panic(err)
	}
	return b.String()
}

func noteTime(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.UTC().Format("2006-01-02 15:04 MST")
}

var noteTmpl = template.Must(template.New("note").Funcs(funcs).Parse(
	`<p><strong>deskgate log analysis: {{.R.Severity}}{{if .R.AffectedService}} — {{.R.AffectedService}}{{end}}</strong></p>
<p>{{.Headline}}</p>
{{if .Top}}<p><strong>Top errors</strong></p><ul>{{range .Top}}<li><code>{{.Pattern}}</code> — {{.Count}}×{{if .New}} (new){{else}} ({{ratio .SpikeRatio}} baseline){{end}}, first {{hhmm .FirstSeen}}</li>{{end}}</ul>{{end}}
{{if .R.SuspectedCause}}<p><strong>Suspected cause:</strong> {{.R.SuspectedCause}}</p>{{end}}
{{with .R.SourceSummary}}<p>{{.}}</p>{{end}}
{{if .URL}}<p><a href="{{.URL}}">Full analysis: timeline, templates, samples</a></p>{{end}}`))

// NoteHTML is the analysis note posted on the ticket: the verdict in one
// line, the top three templates, the onset, the suspected cause and a link
// to the full page at pageURL.
func (a *Analysis) NoteHTML(pageURL string) string {
	r := a.Report
	if r == nil {
		return ""
	}
	top := r.Templates
	if len(top) > 3 {
		top = top[:3]
	}
	var headline string
	switch {
	case r.AffectedService == "":
		headline = "No affected service identified and no service's failures rose in the window " + hhmm(r.Window.From) + "–" + hhmm(r.Window.To) + "."
	case r.Total == 0:
		headline = "No log lines for " + r.AffectedService + " in the window " + hhmm(r.Window.From) + "–" + hhmm(r.Window.To) + "."
	case r.CountBased && !r.Onset.IsZero():
		headline = fmt.Sprintf("%s: onset %s, %.1f failures per minute since (usually %.1f, %s); %d failures in the window.",
			r.AffectedService, hhmm(r.Onset), r.PerMinute, r.BaselinePerMinute, ratioText(r.Ratio), r.Failures)
	case r.Onset.IsZero():
		headline = fmt.Sprintf("%s: %d failures in %d lines in the window (%s, baseline %s); no sustained rise.",
			r.AffectedService, r.Failures, r.Total, triage.Percent(r.Rate), triage.Percent(r.BaselineRate))
	default:
		headline = fmt.Sprintf("%s: onset %s, %s of requests failing since (baseline %s, %s); %d failures in %d lines in the window.",
			r.AffectedService, hhmm(r.Onset), triage.Percent(r.Rate), triage.Percent(r.BaselineRate), ratioText(r.Ratio), r.Failures, r.Total)
	}
	var b strings.Builder
	data := struct {
		R        *analysis.Report
		Headline string
		Top      []analysis.Template
		URL      string
	}{r, headline, top, pageURL}
	if err := noteTmpl.Execute(&b, data); err != nil {
		// The template is fixed and the data plain: this cannot fail at run
		// time without a programming error, which a test catches.
		return "<p>deskgate: could not render the analysis note.</p>"
	}
	return b.String()
}

func ratioText(f float64) string {
	if f >= 10 {
		return fmt.Sprintf("×%.0f", f)
	}
	return fmt.Sprintf("×%.1f", f)
}

func hhmm(t time.Time) string { return t.UTC().Format("15:04 UTC") }
