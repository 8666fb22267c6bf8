package jsm

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// adfNode is one node of an Atlassian Document Format document.
type adfNode struct {
	Type    string         `json:"type"`
	Text    string         `json:"text"`
	Attrs   map[string]any `json:"attrs"`
	Content []adfNode      `json:"content"`
}

// maxADFDepth bounds the walk, so a hostile document cannot exhaust the
// stack; deeper content is dropped.
const maxADFDepth = 64

// ADFText renders an ADF document (or any node) as plain text: blocks on
// their own lines, list items marked "- " or "N. " and indented by nesting,
// code blocks verbatim, table cells joined by " | ", mentions, emoji and
// statuses by their text, cards by their URL, dates as YYYY-MM-DD; media is
// skipped. A JSON string (a v2 description) is returned as is; anything else
// unreadable gives "".
func ADFText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var n adfNode
	if json.Unmarshal(raw, &n) != nil {
		return ""
	}
	w := &adfWriter{}
	w.block(&n, 0, "")
	return w.String()
}

type adfWriter struct {
	lines []string
}

func (w *adfWriter) line(s string) { w.lines = append(w.lines, s) }

// String joins the lines, without trailing space or runs of blank lines.
func (w *adfWriter) String() string {
	var out []string
	blank := 0
	for _, l := range w.lines {
		l = strings.TrimRight(l, " \t")
		if strings.TrimSpace(l) == "" {
			blank++
			if blank > 1 || len(out) == 0 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}

var inlineTypes = map[string]bool{
	"text": true, "hardBreak": true, "mention": true, "emoji": true, "inlineCard": true,
	"date": true, "status": true, "placeholder": true, "inlineExtension": true, "mediaInline": true,
}

func (w *adfWriter) block(n *adfNode, depth int, indent string) {
	if depth > maxADFDepth {
		return
	}
	switch n.Type {
	case "paragraph", "heading":
		w.line(indent + inline(n.Content, depth+1))
	case "codeBlock":
		for _, l := range strings.Split(inline(n.Content, depth+1), "\n") {
			w.line(indent + l)
		}
	case "bulletList", "orderedList", "taskList":
		start := 1
		if v, ok := n.Attrs["order"].(float64); ok && v >= 0 && v < 1e9 {
			start = int(v)
		}
		for i := range n.Content {
			marker := "- "
			if n.Type == "orderedList" {
				marker = strconv.Itoa(start+i) + ". "
			}
			w.listItem(&n.Content[i], depth+1, indent, marker)
		}
	case "listItem", "taskItem":
		w.listItem(n, depth, indent, "- ")
	case "blockquote":
		for i := range n.Content {
			w.block(&n.Content[i], depth+1, indent+"> ")
		}
	case "table":
		for _, row := range n.Content {
			var cells []string
			for i := range row.Content {
				sub := &adfWriter{}
				sub.block(&row.Content[i], depth+2, "")
				cells = append(cells, strings.ReplaceAll(sub.String(), "\n", " "))
			}
			w.line(indent + strings.Join(cells, " | "))
		}
	case "rule":
		w.line(indent + "---")
	case "media", "mediaSingle", "mediaGroup", "mediaInline":
	default:
		if n.Text != "" || inlineTypes[n.Type] {
			w.line(indent + inline([]adfNode{*n}, depth))
			return
		}
		// doc, panel, expand, layouts, cells, extensions and unknown
		// containers: their content, block by block, with loose inline
		// runs kept together on one line.
		var run []adfNode
		flush := func() {
			if len(run) > 0 {
				w.line(indent + inline(run, depth+1))
				run = nil
			}
		}
		for i := range n.Content {
			c := &n.Content[i]
			if inlineTypes[c.Type] {
				run = append(run, *c)
				continue
			}
			flush()
			w.block(c, depth+1, indent)
		}
		flush()
	}
}

// listItem writes an item: its first paragraph after the marker, the rest
// (nested lists, more paragraphs) indented under it.
func (w *adfWriter) listItem(n *adfNode, depth int, indent, marker string) {
	if depth > maxADFDepth {
		return
	}
	pad := indent + strings.Repeat(" ", len(marker))
	first := true
	for i := range n.Content {
		c := &n.Content[i]
		if first && (c.Type == "paragraph" || inlineTypes[c.Type]) {
			text := inline(c.Content, depth+1)
			if inlineTypes[c.Type] {
				text = inline([]adfNode{*c}, depth+1)
			}
			w.line(indent + marker + text)
			first = false
			continue
		}
		if first {
			w.line(indent + strings.TrimRight(marker, " "))
			first = false
		}
		w.block(c, depth+1, pad)
	}
	if first {
		w.line(indent + strings.TrimRight(marker, " "))
	}
}

// inline renders inline nodes as one string.
func inline(nodes []adfNode, depth int) string {
	if depth > maxADFDepth {
		return ""
	}
	var b strings.Builder
	for _, n := range nodes {
		switch n.Type {
		case "text":
			b.WriteString(n.Text)
		case "hardBreak":
			b.WriteString("\n")
		case "mention":
			t := attrString(n.Attrs, "text")
			if t == "" {
				t = "@" + attrString(n.Attrs, "id")
			} else if !strings.HasPrefix(t, "@") {
				t = "@" + t
			}
			b.WriteString(t)
		case "emoji":
			if t := attrString(n.Attrs, "text"); t != "" {
				b.WriteString(t)
			} else {
				b.WriteString(attrString(n.Attrs, "shortName"))
			}
		case "inlineCard", "blockCard", "embedCard":
			b.WriteString(attrString(n.Attrs, "url"))
		case "status", "placeholder":
			b.WriteString(attrString(n.Attrs, "text"))
		case "date":
			b.WriteString(adfDate(n.Attrs["timestamp"]))
		case "media", "mediaInline", "mediaSingle", "mediaGroup":
		default:
			b.WriteString(n.Text)
			b.WriteString(inline(n.Content, depth+1))
		}
	}
	return b.String()
}

func attrString(attrs map[string]any, key string) string {
	switch v := attrs[key].(type) {
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	default:
		return ""
	}
}

// adfDate renders a date node's timestamp (epoch milliseconds, a string in
// ADF) as YYYY-MM-DD.
func adfDate(v any) string {
	var ms int64
	switch t := v.(type) {
	case string:
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			return t
		}
		ms = n
	case float64:
		ms = int64(t)
	default:
		return ""
	}
	if ms < -1e15 || ms > 1e15 {
		return fmt.Sprint(ms)
	}
	return time.UnixMilli(ms).UTC().Format("2006-01-02")
}
