package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"

	"github.com/sigsentry/deskgate/gateway/analysis"
	"github.com/sigsentry/deskgate/gateway/logs"
)

const templatesUsage = `Usage: deskgate templates [-format raw|jsonl|logfmt|text] [-summary] [FILE]

Mines message templates from every line of FILE (or stdin when FILE is
absent or "-") with the miner the analysis uses, in one streaming pass, and
prints one JSON object per input line:

  {"line":N,"template_id":"T3","template":"charge <*> failed after <num>ms"}

-format raw (the default) takes each whole line as the message; jsonl,
logfmt and text parse the line as the log sources do and mine its message
field (a line that does not parse is mined whole, and counted on stderr).

template_id is the template's number in order of first appearance: it never
changes and is never reused, even as later lines generalise the template's
text. template is the text as it stood once that line was mined, so earlier
lines of a template may show a more specific text than later ones. When a
third template appears that differs from two others only in its first word,
the three become one, under the oldest id; lines printed before that keep
the ids they were printed with. -summary shows the final state.

-summary prints instead one JSON object per template, by count (then first
line): {"template_id":"T3","count":N,"first_line":N,"last_line":N,
"template":"…"}, with the template's final text.

Memory stays bounded: at most 2000 templates are kept (further lines are
counted under "(other messages)"), and only the first 1 MiB of a longer line
is mined.
`

// maxLine is how much of one line the miner sees; the rest is skipped
// (the line still counts as one).
const maxLine = 1 << 20

func templatesCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("templates", flag.ContinueOnError)
	format := fs.String("format", "raw", "raw, jsonl, logfmt or text")
	summary := fs.Bool("summary", false, "one line per template instead of one per input line")
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprint(stdout, templatesUsage)
			return nil
		}
	}
	pos, err := parse(fs, args)
	if err != nil {
		return usageError{err.Error() + "\n\n" + templatesUsage}
	}
	var parser *logs.Parser
	if *format != "raw" {
		p, err := logs.NewParser(*format)
		if err != nil {
			return usageError{fmt.Sprintf("-format %q: want raw, jsonl, logfmt or text", *format)}
		}
		parser = p
	}
	if len(pos) > 1 {
		return usageError{fmt.Sprintf("one FILE at most, got %d: %q", len(pos), pos)}
	}
	in, name := stdin, "stdin"
	if len(pos) == 1 && pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return fmt.Errorf("open log file: %w", err)
		}
		defer f.Close()
		in, name = f, pos[0]
	}
	out := bufio.NewWriterSize(stdout, 64<<10)
	tm := &templateRun{parser: parser, miner: analysis.NewMiner(), summary: *summary, enc: json.NewEncoder(out)}
	tm.enc.SetEscapeHTML(false)
	if err := tm.read(in); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if tm.summary {
		if err := tm.writeSummary(); err != nil {
			return err
		}
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write templates: %w", err)
	}
	if tm.unparsed > 0 {
		fmt.Fprintf(stderr, "deskgate templates: %d of %d lines did not parse as %s and were mined whole\n", tm.unparsed, tm.lines, *format)
	}
	return nil
}

// templateRun is one pass of `deskgate templates`.
type templateRun struct {
	parser   *logs.Parser // nil for raw lines
	miner    *analysis.Miner
	summary  bool
	enc      *json.Encoder
	rec      logs.Record
	lines    int
	unparsed int
	stats    map[int]*templateStats // by template id, for -summary
}

type templateStats struct{ count, first, last int }

type lineTemplate struct {
	Line       int    `json:"line"`
	TemplateID string `json:"template_id"`
	Template   string `json:"template"`
}

type templateSummary struct {
	TemplateID string `json:"template_id"`
	Count      int    `json:"count"`
	FirstLine  int    `json:"first_line"`
	LastLine   int    `json:"last_line"`
	Template   string `json:"template"`
}

func templateID(id int) string { return "T" + strconv.Itoa(id) }

// read mines every line of r, printing as it goes unless -summary.
func (t *templateRun) read(r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var long []byte // a line longer than br's buffer, up to maxLine
	for {
		chunk, isPrefix, err := br.ReadLine()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if isPrefix || long != nil {
			long = append(long, chunk[:min(len(chunk), max(maxLine-len(long), 0))]...)
			if isPrefix {
				continue
			}
			chunk, long = long, nil
		}
		if err := t.line(chunk); err != nil {
			return err
		}
	}
}

func (t *templateRun) line(b []byte) error {
	t.lines++
	msg := ""
	switch {
	case t.parser == nil:
		msg = string(b)
	case t.parser.Parse(b, &t.rec):
		msg = t.rec.Message
	default:
		t.unparsed++
		msg = string(b)
	}
	id := t.miner.Add(msg)
	if !t.summary {
		if err := t.enc.Encode(lineTemplate{Line: t.lines, TemplateID: templateID(id), Template: t.miner.Pattern(id)}); err != nil {
			return fmt.Errorf("write templates: %w", err)
		}
		return nil
	}
	if t.stats == nil {
		t.stats = map[int]*templateStats{}
	}
	s := t.stats[id]
	if s == nil {
		s = &templateStats{first: t.lines}
		t.stats[id] = s
	}
	s.count++
	s.last = t.lines
	return nil
}

// writeSummary folds the counts of templates merged since into the one that
// holds them now and prints one object per template.
func (t *templateRun) writeSummary() error {
	live := map[int]*templateStats{}
	for id, s := range t.stats {
		l := t.miner.Live(id)
		if ls := live[l]; ls != nil {
			ls.count += s.count
			ls.first, ls.last = min(ls.first, s.first), max(ls.last, s.last)
			continue
		}
		c := *s
		live[l] = &c
	}
	out := make([]templateSummary, 0, len(live))
	for id, s := range live {
		out = append(out, templateSummary{TemplateID: templateID(id), Count: s.count, FirstLine: s.first, LastLine: s.last, Template: t.miner.Pattern(id)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].FirstLine < out[j].FirstLine
	})
	for _, s := range out {
		if err := t.enc.Encode(s); err != nil {
			return fmt.Errorf("write templates: %w", err)
		}
	}
	return nil
}
