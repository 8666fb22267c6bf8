package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// templateLog writes n lines of four kinds, with ids and numbers varying.
func templateLog(t *testing.T, n int, line func(i int) string) string {
	t.Helper()
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(line(i))
		b.WriteByte('\n')
	}
	p := filepath.Join(t.TempDir(), "app.log")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func rawLine(i int) string {
	switch i % 4 {
	case 0:
		return fmt.Sprintf("charge ch_%08dXyZ failed after %dms", i*7919, 100+i%900)
	case 1:
		return fmt.Sprintf("user %d logged in from 10.0.%d.%d", i, i%250, i%200)
	case 2:
		return fmt.Sprintf("cache warmup took %d seconds for shard %d", i%60, i%16)
	default:
		return fmt.Sprintf("timeout calling %s upstream", []string{"payments", "search", "auth"}[i%3])
	}
}

func decodeLines[T any](t *testing.T, out []byte) []T {
	t.Helper()
	var res []T
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 4<<20)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("line %d is not a JSON object: %v: %s", len(res)+1, err, sc.Text())
		}
		res = append(res, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read output: %v", err)
	}
	return res
}

func TestTemplates_printsOneObjectPerInputLine(t *testing.T) {
	path := templateLog(t, 2000, rawLine)
	var out, errOut bytes.Buffer
	if code := run([]string{"templates", "-format", "raw", path}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := decodeLines[lineTemplate](t, out.Bytes())
	if len(got) != 2000 {
		t.Fatalf("%d lines printed, want 2000", len(got))
	}
	idOfKind := map[int]string{}
	for i, g := range got {
		if g.Line != i+1 {
			t.Fatalf("object %d has line %d", i+1, g.Line)
		}
		if g.TemplateID == "" || g.Template == "" {
			t.Fatalf("line %d: empty id or template: %+v", g.Line, g)
		}
		// The id of a kind never changes, though its text generalises.
		if id, ok := idOfKind[i%4]; ok && id != g.TemplateID {
			t.Fatalf("line %d: template id %s, earlier lines of its kind had %s", g.Line, g.TemplateID, id)
		}
		idOfKind[i%4] = g.TemplateID
	}
	if len(idOfKind) != 4 || got[0].TemplateID == got[1].TemplateID {
		t.Errorf("kinds got ids %v, want four different", idOfKind)
	}
	if want := "timeout calling <*> upstream"; got[1999].Template != want {
		t.Errorf("last line's template %q, want %q", got[1999].Template, want)
	}
	if got[3].Template != "timeout calling payments upstream" {
		t.Errorf("line 4 printed %q: the template as it stood then was the line itself", got[3].Template)
	}
}

func TestTemplates_summaryCountsAddUpToTheLines(t *testing.T) {
	path := templateLog(t, 2000, func(i int) string {
		if i%10 == 0 {
			return rawLine(3)
		}
		return rawLine(i % 3)
	})
	var out, errOut bytes.Buffer
	if code := run([]string{"templates", "-summary", path}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := decodeLines[templateSummary](t, out.Bytes())
	if len(got) != 4 {
		t.Fatalf("%d templates, want 4:\n%s", len(got), out.String())
	}
	total := 0
	for i, s := range got {
		total += s.Count
		if i > 0 && s.Count > got[i-1].Count {
			t.Errorf("not sorted by count: %d after %d", s.Count, got[i-1].Count)
		}
		if s.FirstLine < 1 || s.LastLine > 2000 || s.FirstLine > s.LastLine {
			t.Errorf("template %s: lines %d..%d", s.TemplateID, s.FirstLine, s.LastLine)
		}
	}
	if total != 2000 {
		t.Errorf("counts add up to %d, want 2000", total)
	}
	if last := got[3]; last.Count != 200 || last.FirstLine != 1 || last.LastLine != 1991 || last.Template != "timeout calling payments upstream" {
		t.Errorf("rarest template = %+v, want 200 lines 1..1991", last)
	}
}

func TestTemplates_parsedFormatsMineTheMessageField(t *testing.T) {
	in := `{"time":"2026-01-02T03:04:05Z","level":"error","service":"payments","msg":"charge ch_8Hx72kLq91 failed"}
{"time":"2026-01-02T03:04:06Z","level":"error","service":"payments","msg":"charge ch_0Zz11aBc22 failed"}
not json at all
`
	var out, errOut bytes.Buffer
	if code := run([]string{"templates", "-format", "jsonl"}, strings.NewReader(in), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := decodeLines[lineTemplate](t, out.Bytes())
	if len(got) != 3 || got[1].Template != "charge ch_<id> failed" || got[0].TemplateID != got[1].TemplateID {
		t.Fatalf("got %+v", got)
	}
	if !strings.Contains(errOut.String(), "1 of 3 lines did not parse as jsonl") {
		t.Errorf("stderr %q does not count the unparsed line", errOut.String())
	}
}

func TestTemplates_aLineLongerThanTheBufferIsOneLine(t *testing.T) {
	in := "short line\n" + strings.Repeat("word ", 40000) + "\nshort line\n"
	var out, errOut bytes.Buffer
	if code := run([]string{"templates", "-"}, strings.NewReader(in), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := decodeLines[lineTemplate](t, out.Bytes())
	if len(got) != 3 || got[2].Line != 3 || got[0].TemplateID != got[2].TemplateID {
		t.Fatalf("got %d objects, want 3 with lines 1 and 3 alike", len(got))
	}
}

func TestTemplates_rejectsBadUsage(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.log")
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"an unknown format is a usage error", []string{"templates", "-format", "xml"}, 2, `-format "xml": want raw, jsonl, logfmt or text`},
		{"an unknown flag is a usage error", []string{"templates", "-bogus"}, 2, "flag provided but not defined: -bogus"},
		{"two files are a usage error", []string{"templates", "a.log", "b.log"}, 2, "one FILE at most"},
		{"a missing file names the file", []string{"templates", missing}, 1, "open log file: open " + missing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(tt.args, strings.NewReader(""), &out, &errOut); code != tt.code || !strings.Contains(errOut.String(), tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut.String(), tt.code, tt.want)
			}
		})
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"templates", "-h"}, nil, &out, &errOut); code != 0 || !strings.Contains(out.String(), "template_id is the template's number") {
		t.Errorf("-h: exit %d, %q", code, out.String())
	}
}
