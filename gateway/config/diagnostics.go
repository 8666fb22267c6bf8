package config

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hcled"
)

// WriteDiagnostics prints diags for a human ("file:line:col: error: summary;
// detail" followed by the source lines with the range underlined) or, when
// asJSON, as one JSON object shaped like Terraform's `validate -json`.
// cfg supplies the sources for snippets and may be nil.
func WriteDiagnostics(w io.Writer, cfg *Config, diags hcl.Diagnostics, asJSON bool) error {
	var files map[string]*hcl.File
	if cfg != nil {
		files = cfg.Files
	}
	if asJSON {
		return writeJSON(w, files, diags)
	}
	bw := bufio.NewWriter(w)
	for _, d := range diags {
		writeText(bw, files, d)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write diagnostics: %w", err)
	}
	return nil
}

func severityWord(s hcl.DiagnosticSeverity) string {
	if s == hcl.DiagWarning {
		return "warning"
	}
	return "error"
}

func writeText(w *bufio.Writer, files map[string]*hcl.File, d *hcl.Diagnostic) {
	if d.Subject != nil {
		fmt.Fprintf(w, "%s:%d:%d: ", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
	}
	fmt.Fprintf(w, "%s: %s", severityWord(d.Severity), d.Summary)
	if d.Detail != "" {
		fmt.Fprintf(w, "; %s", d.Detail)
	}
	w.WriteString("\n")
	sn := snippetFor(files, d.Subject)
	if sn == nil {
		return
	}
	lines := strings.Split(sn.Code, "\n")
	width := len(fmt.Sprint(sn.StartLine + len(lines) - 1))
	offset := 0
	for i, line := range lines {
		fmt.Fprintf(w, "  %*d | %s\n", width, sn.StartLine+i, line)
		// Underline the part of this line inside the highlight; an empty
		// range (a missing item) gets one caret where it points.
		from := min(max(sn.HighlightStartOffset-offset, 0), len(line))
		to := min(max(sn.HighlightEndOffset-offset, 0), len(line))
		empty := sn.HighlightStartOffset == sn.HighlightEndOffset && i == 0
		if to > from || empty {
			pad := strings.Map(func(r rune) rune {
				if r == '\t' {
					return '\t'
				}
				return ' '
			}, line[:from])
			fmt.Fprintf(w, "  %*s | %s%s\n", width, "", pad, strings.Repeat("^", max(utf8.RuneCountInString(line[from:to]), 1)))
		}
		offset += len(line) + 1
	}
}

// JSON shape of Terraform's `validate -json` (format_version 1.0).
type jsonOutput struct {
	FormatVersion string     `json:"format_version"`
	Valid         bool       `json:"valid"`
	ErrorCount    int        `json:"error_count"`
	WarningCount  int        `json:"warning_count"`
	Diagnostics   []jsonDiag `json:"diagnostics"`
}

type jsonDiag struct {
	Severity string       `json:"severity"`
	Summary  string       `json:"summary"`
	Detail   string       `json:"detail"`
	Range    *jsonRange   `json:"range,omitempty"`
	Snippet  *jsonSnippet `json:"snippet,omitempty"`
}

type jsonRange struct {
	Filename string  `json:"filename"`
	Start    jsonPos `json:"start"`
	End      jsonPos `json:"end"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte"`
}

type jsonSnippet struct {
	Context              *string `json:"context"`
	Code                 string  `json:"code"`
	StartLine            int     `json:"start_line"`
	HighlightStartOffset int     `json:"highlight_start_offset"`
	HighlightEndOffset   int     `json:"highlight_end_offset"`
	Values               []any   `json:"values"`
}

func writeJSON(w io.Writer, files map[string]*hcl.File, diags hcl.Diagnostics) error {
	out := jsonOutput{FormatVersion: "1.0", Diagnostics: []jsonDiag{}}
	for _, d := range diags {
		jd := jsonDiag{Severity: severityWord(d.Severity), Summary: d.Summary, Detail: d.Detail}
		if d.Severity == hcl.DiagWarning {
			out.WarningCount++
		} else {
			out.ErrorCount++
		}
		if r := d.Subject; r != nil {
			jd.Range = &jsonRange{
				Filename: r.Filename,
				Start:    jsonPos{r.Start.Line, r.Start.Column, r.Start.Byte},
				End:      jsonPos{r.End.Line, r.End.Column, r.End.Byte},
			}
			jd.Snippet = snippetFor(files, r)
		}
		out.Diagnostics = append(out.Diagnostics, jd)
	}
	out.Valid = out.ErrorCount == 0
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write diagnostics as JSON: %w", err)
	}
	return nil
}

// snippetFor cuts the whole lines a range covers out of its file, with the
// range as byte offsets into that code, and the enclosing block header as
// context (e.g. `binding "helpdesk" "acme"`).
func snippetFor(files map[string]*hcl.File, r *hcl.Range) *jsonSnippet {
	if r == nil || files == nil {
		return nil
	}
	f := files[r.Filename]
	if f == nil {
		return nil
	}
	src := f.Bytes
	if r.Start.Byte < 0 || r.End.Byte > len(src) || r.Start.Byte > r.End.Byte {
		return nil
	}
	lineStart := r.Start.Byte
	for lineStart > 0 && src[lineStart-1] != '\n' {
		lineStart--
	}
	lineEnd := r.End.Byte
	if lineEnd > r.Start.Byte && src[lineEnd-1] == '\n' {
		lineEnd-- // a range ending just past a newline ends on the line before
	}
	for lineEnd < len(src) && src[lineEnd] != '\n' {
		lineEnd++
	}
	sn := &jsonSnippet{
		Code:                 strings.TrimRight(string(src[lineStart:lineEnd]), "\r"),
		StartLine:            r.Start.Line,
		HighlightStartOffset: r.Start.Byte - lineStart,
		HighlightEndOffset:   min(r.End.Byte-lineStart, lineEnd-lineStart),
		Values:               []any{},
	}
	if ctx := hcled.ContextString(f, r.Start.Byte); ctx != "" {
		sn.Context = &ctx
	}
	return sn
}
