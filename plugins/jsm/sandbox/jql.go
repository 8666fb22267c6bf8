package sandbox

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// jqlFilter is the subset of JQL that webhook filters accept: clauses on
// issueKey, project, issuetype, status, assignee and reporter with = != IN
// NOT IN, joined by AND.
type jqlFilter []jqlClause

type jqlClause struct {
	field  string
	negate bool
	values []string
}

var (
	jqlAnd      = regexp.MustCompile(`(?i)\s+AND\s+`)
	jqlClauseRE = regexp.MustCompile(`(?i)^\s*([A-Za-z_.\[\]0-9]+)\s*(=|!=|NOT\s+IN|IN)\s*(.+?)\s*$`)
)

var jqlFields = []string{"issuekey", "project", "issuetype", "status", "assignee", "reporter"}

func parseJQL(s string) (jqlFilter, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("the JQL filter is empty")
	}
	var f jqlFilter
	for _, part := range jqlAnd.Split(s, -1) {
		m := jqlClauseRE.FindStringSubmatch(part)
		if m == nil {
			return nil, fmt.Errorf("the JQL query %q could not be parsed", part)
		}
		field := strings.ToLower(m[1])
		if !slices.Contains(jqlFields, field) {
			return nil, fmt.Errorf("The clause %s is unsupported", m[1])
		}
		op := strings.ToUpper(strings.Join(strings.Fields(m[2]), " "))
		c := jqlClause{field: field, negate: op == "!=" || op == "NOT IN"}
		raw := m[3]
		if op == "IN" || op == "NOT IN" {
			if !strings.HasPrefix(raw, "(") || !strings.HasSuffix(raw, ")") {
				return nil, fmt.Errorf("the JQL list %q needs parentheses", raw)
			}
			for _, v := range strings.Split(raw[1:len(raw)-1], ",") {
				c.values = append(c.values, unquote(v))
			}
		} else {
			c.values = []string{unquote(raw)}
		}
		f = append(f, c)
	}
	return f, nil
}

func unquote(v string) string {
	return strings.Trim(strings.TrimSpace(v), `"'`)
}

func (f jqlFilter) matches(is *issue) bool {
	for _, c := range f {
		var have string
		switch c.field {
		case "issuekey":
			have = is.Key
		case "project":
			have = is.Project
		case "issuetype":
			have = "Service Request"
		case "status":
			have = "Open"
		case "reporter":
			have = is.Reporter.AccountID
		}
		in := slices.ContainsFunc(c.values, func(v string) bool { return strings.EqualFold(v, have) })
		if in == c.negate {
			return false
		}
	}
	return true
}
