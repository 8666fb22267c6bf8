package pipeline

import (
	"bytes"
	"html/template"
	"time"

	"github.com/sigsentry/deskgate/gateway/triage"
)

var triageNote = template.Must(template.New("note").Parse(
	`<p><strong>deskgate triage</strong>: severity <strong>{{.Severity}}</strong> (confidence {{.Confidence}})</p>` +
		`<p>Affected service: {{if .AffectedService}}<code>{{.AffectedService}}</code>{{else}}none identified{{end}}<br>` +
		`Log window: {{.From}} to {{.To}}{{if .Analyze}}<br>A full log analysis follows in the next note.{{end}}</p>` +
		`{{if .Reasons}}<p>Why:</p><ul>{{range .Reasons}}<li>{{.}}</li>{{end}}</ul>{{end}}`))

// TriageNoteHTML is the internal note carrying the full triage diagnosis.
func TriageNoteHTML(r triage.Result) string {
	var b bytes.Buffer
	err := triageNote.Execute(&b, struct {
		triage.Result
		From, To string
	}{r, fmtTime(r.Window.From), fmtTime(r.Window.To)})
	if err != nil {
		// The template is fixed and its data plain strings: this cannot
		// fail short of a programming error.
		panic(err)
	}
	return b.String()
}

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.UTC().Format("2006-01-02 15:04 MST")
}
