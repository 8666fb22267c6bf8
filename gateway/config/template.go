package config

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// DefaultReplyTemplate is the public reply used when a binding sets no
// public_reply_template.
const DefaultReplyTemplate = "Hi {{requesterName}},\n\nThanks for reporting this. We have received ticket #{{ticketId}} and our team is looking into it (triaged as {{severity}} severity). We will update you here as soon as we know more.\n"

// TemplateVariables are the names a public reply template may use.
var TemplateVariables = []string{"requesterName", "ticketId", "severity"}

// TemplateVars are the values substituted into a public reply template.
type TemplateVars struct {
	RequesterName, TicketID, Severity string
}

func (v TemplateVars) lookup(name string) (string, bool) {
	switch name {
	case "requesterName":
		return v.RequesterName, true
	case "ticketId":
		return v.TicketID, true
	case "severity":
		return v.Severity, true
	}
	return "", false
}

// placeholder is one {{…}} in a template: [start,end) byte offsets of the
// whole token and the trimmed name inside.
type placeholder struct {
	start, end int
	name       string
}

// scanTemplate finds the placeholders. An unterminated "{{" is returned as
// the offset of its opening braces, or -1.
func scanTemplate(tpl string) (phs []placeholder, unterminated int) {
	for i := 0; i < len(tpl); {
		open := strings.Index(tpl[i:], "{{")
		if open < 0 {
			break
		}
		open += i
		closing := strings.Index(tpl[open+2:], "}}")
		if closing < 0 {
			return phs, open
		}
		end := open + 2 + closing + 2
		phs = append(phs, placeholder{start: open, end: end, name: strings.TrimSpace(tpl[open+2 : end-2])})
		i = end
	}
	return phs, -1
}

// RenderTemplate substitutes {{requesterName}}, {{ticketId}} and
// {{severity}} (spaces inside the braces are allowed). Values are inserted
// as they are and never rescanned, so a requester named "{{severity}}" stays
// literal. Unknown placeholders are left as written; ValidateTemplate
// rejects them at load time.
func RenderTemplate(tpl string, v TemplateVars) string {
	phs, _ := scanTemplate(tpl)
	var b strings.Builder
	b.Grow(len(tpl) + 64)
	last := 0
	for _, p := range phs {
		val, ok := v.lookup(p.name)
		if !ok {
			continue
		}
		b.WriteString(tpl[last:p.start])
		b.WriteString(val)
		last = p.end
	}
	b.WriteString(tpl[last:])
	return b.String()
}

// ValidateTemplate reports unknown variables and an unterminated "{{" in a
// template. subject is where the template came from; diagnostics point at it.
func ValidateTemplate(tpl string, subject hcl.Range) hcl.Diagnostics {
	return validateTemplate(tpl, nil, subject)
}

// validateTemplate is ValidateTemplate with the source file's bytes: when the
// offending token appears verbatim in the expression's source (the usual
// case, quoted string or heredoc), the diagnostic points at the token itself.
func validateTemplate(tpl string, src []byte, subject hcl.Range) hcl.Diagnostics {
	var diags hcl.Diagnostics
	phs, unterminated := scanTemplate(tpl)
	seen := map[string]int{}
	for _, p := range phs {
		if _, ok := (TemplateVars{}).lookup(p.name); ok {
			continue
		}
		tok := tpl[p.start:p.end]
		seen[tok]++
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unknown template variable",
			Detail: fmt.Sprintf("The template uses %q; the variables are %s.",
				tok, quotedList(wrapBraces(TemplateVariables))),
			Subject: tokenRange(src, subject, tok, seen[tok]).Ptr(),
		})
	}
	if unterminated >= 0 {
		diags = append(diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Unterminated template variable",
			Detail:   `The template has a "{{" without a closing "}}".`,
			Subject:  subject.Ptr(),
		})
	}
	return diags
}

func wrapBraces(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{{" + n + "}}"
	}
	return out
}

// tokenRange finds the nth occurrence of tok in the source of subject and
// returns its range, or subject itself when it cannot.
func tokenRange(src []byte, subject hcl.Range, tok string, nth int) hcl.Range {
	if src == nil || subject.Start.Byte < 0 || subject.End.Byte > len(src) || subject.Start.Byte >= subject.End.Byte {
		return subject
	}
	text := string(src[subject.Start.Byte:subject.End.Byte])
	at := -1
	for from := 0; nth > 0; nth-- {
		i := strings.Index(text[from:], tok)
		if i < 0 {
			return subject
		}
		at = from + i
		from = at + len(tok)
	}
	start := advance(subject.Start, text[:at])
	end := advance(start, tok)
	return hcl.Range{Filename: subject.Filename, Start: start, End: end}
}

// advance moves pos over text, counting lines and (rune) columns.
func advance(pos hcl.Pos, text string) hcl.Pos {
	for len(text) > 0 {
		r, n := utf8.DecodeRuneInString(text)
		text = text[n:]
		pos.Byte += n
		if r == '\n' {
			pos.Line++
			pos.Column = 1
		} else {
			pos.Column++
		}
	}
	return pos
}
