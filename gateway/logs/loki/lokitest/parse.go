package lokitest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

type matcher struct {
	name, op, value string
	re              *regexp.Regexp
}

func (m matcher) ok(v string) bool {
	switch m.op {
	case "=":
		return v == m.value
	case "!=":
		return v != m.value
	case "=~":
		return m.re.MatchString(v)
	default: // "!~"
		return !m.re.MatchString(v)
	}
}

type selector []matcher

func (s selector) match(l map[string]string) bool {
	for _, m := range s {
		if !m.ok(l[m.name]) {
			return false
		}
	}
	return true
}

// lexer over the small LogQL subset.
type lexer struct {
	s string
	i int
}

func (l *lexer) ws() {
	for l.i < len(l.s) && (l.s[l.i] == ' ' || l.s[l.i] == '\t' || l.s[l.i] == ',') {
		l.i++
	}
}

func (l *lexer) ident() (string, error) {
	l.ws()
	j := l.i
	for j < len(l.s) && (l.s[j] == '_' || l.s[j] >= 'a' && l.s[j] <= 'z' || l.s[j] >= 'A' && l.s[j] <= 'Z' || j > l.i && l.s[j] >= '0' && l.s[j] <= '9') {
		j++
	}
	if j == l.i {
		return "", fmt.Errorf("label name expected at %d in %q", l.i, l.s)
	}
	name := l.s[l.i:j]
	l.i = j
	return name, nil
}

func (l *lexer) matcher() (matcher, error) {
	name, err := l.ident()
	if err != nil {
		return matcher{}, err
	}
	l.ws()
	var op string
	for _, o := range []string{"=~", "!~", "!=", "="} {
		if strings.HasPrefix(l.s[l.i:], o) {
			op = o
			break
		}
	}
	if op == "" {
		return matcher{}, fmt.Errorf("operator expected after %s", name)
	}
	l.i += len(op)
	l.ws()
	if l.i >= len(l.s) || l.s[l.i] != '"' {
		return matcher{}, fmt.Errorf("string expected after %s%s", name, op)
	}
	val, err := strconv.QuotedPrefix(l.s[l.i:])
	if err != nil {
		return matcher{}, fmt.Errorf("bad string: %v", err)
	}
	l.i += len(val)
	v, _ := strconv.Unquote(val)
	m := matcher{name: name, op: op, value: v}
	if op == "=~" || op == "!~" {
		re, err := regexp.Compile("^(?:" + v + ")$")
		if err != nil {
			return matcher{}, fmt.Errorf("bad regexp %q: %v", v, err)
		}
		m.re = re
	}
	return m, nil
}

// parseSelector reads `{…}` and returns what follows it.
func parseSelector(q string) (selector, string, error) {
	l := &lexer{s: strings.TrimSpace(q)}
	if !strings.HasPrefix(l.s, "{") {
		return nil, "", fmt.Errorf("stream selector expected")
	}
	l.i = 1
	var sel selector
	nonEmpty := false
	for {
		l.ws()
		if l.i < len(l.s) && l.s[l.i] == '}' {
			l.i++
			break
		}
		m, err := l.matcher()
		if err != nil {
			return nil, "", err
		}
		if !m.ok("") {
			nonEmpty = true
		}
		sel = append(sel, m)
	}
	if !nonEmpty {
		return nil, "", fmt.Errorf("queries require at least one regexp or equality matcher that does not have an empty-compatible value")
	}
	return sel, l.s[l.i:], nil
}

const jsonStage = "| json | drop __error__, __error_details__ |"

// parsePipeline reads "" or `| json | drop … | <label filter expr>`.
func parsePipeline(p string) (func(map[string]string) bool, error) {
	p = strings.TrimSpace(p)
	if p == "" {
		return nil, nil
	}
	if !strings.HasPrefix(p, jsonStage) {
		return nil, fmt.Errorf("unsupported pipeline %q", p)
	}
	l := &lexer{s: strings.TrimSpace(p[len(jsonStage):])}
	f, err := l.or()
	if err != nil {
		return nil, err
	}
	l.ws()
	if l.i != len(l.s) {
		return nil, fmt.Errorf("unexpected %q", l.s[l.i:])
	}
	return f, nil
}

func (l *lexer) word(w string) bool {
	l.ws()
	if strings.HasPrefix(l.s[l.i:], w+" ") || strings.HasPrefix(l.s[l.i:], w+"(") {
		l.i += len(w)
		return true
	}
	return false
}

func (l *lexer) or() (func(map[string]string) bool, error) {
	a, err := l.and()
	if err != nil {
		return nil, err
	}
	for l.word("or") {
		b, err := l.and()
		if err != nil {
			return nil, err
		}
		x := a
		a = func(m map[string]string) bool { return x(m) || b(m) }
	}
	return a, nil
}

func (l *lexer) and() (func(map[string]string) bool, error) {
	a, err := l.term()
	if err != nil {
		return nil, err
	}
	for l.word("and") {
		b, err := l.term()
		if err != nil {
			return nil, err
		}
		x := a
		a = func(m map[string]string) bool { return x(m) && b(m) }
	}
	return a, nil
}

func (l *lexer) term() (func(map[string]string) bool, error) {
	l.ws()
	if l.i < len(l.s) && l.s[l.i] == '(' {
		l.i++
		f, err := l.or()
		if err != nil {
			return nil, err
		}
		l.ws()
		if l.i >= len(l.s) || l.s[l.i] != ')' {
			return nil, fmt.Errorf("missing )")
		}
		l.i++
		return f, nil
	}
	m, err := l.matcher()
	if err != nil {
		return nil, err
	}
	return func(lb map[string]string) bool { return m.ok(lb[m.name]) }, nil
}
