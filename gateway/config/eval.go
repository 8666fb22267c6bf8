package config

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
)

// Typed evaluation of attribute expressions. Each helper returns ok=false
// when the attribute is absent (or null) or when it was wrong, in which case
// a diagnostic has been recorded; callers then keep their default.

func (l *loader) value(expr hcl.Expression) (cty.Value, bool) {
	if expr == nil {
		return cty.NilVal, false
	}
	v, d := expr.Value(l.ctx)
	l.diags = append(l.diags, d...)
	if d.HasErrors() || v.IsNull() || !v.IsWhollyKnown() {
		return cty.NilVal, false
	}
	// Arithmetic on in-range literals can leave float64's range, and
	// converting such a number to a string prints it in full.
	inRange := true
	_ = cty.Walk(v, func(_ cty.Path, e cty.Value) (bool, error) {
		if e.Type() == cty.Number && e.IsKnown() && !e.IsNull() && !numberInRange(e.AsBigFloat()) {
			inRange = false
		}
		return inRange, nil
	})
	if !inRange {
		l.errorf(expr.Range(), "Number out of range", "This value is too large or too small for any setting.")
		return cty.NilVal, false
	}
	return v, true
}

// required reports a missing (or null) attribute the way HCL does for
// fixed schemas; gohcl never marks hcl.Expression fields required.
func (l *loader) required(name string, expr hcl.Expression) bool {
	if !isNull(expr, l.ctx) {
		return true
	}
	l.errorf(expr.Range(), "Missing required argument", "The argument %q is required, but no definition was found.", name)
	return false
}

func (l *loader) requiredStr(name string, expr hcl.Expression) (string, bool) {
	if !l.required(name, expr) {
		return "", false
	}
	return l.nonEmpty(name, expr)
}

func (l *loader) requiredList(name string, expr hcl.Expression) ([]string, bool) {
	if !l.required(name, expr) {
		return nil, false
	}
	return l.strList(name, expr)
}

func isNull(expr hcl.Expression, ctx *hcl.EvalContext) bool {
	if expr == nil {
		return true
	}
	v, _ := expr.Value(ctx)
	return v.IsNull()
}

func (l *loader) typeError(expr hcl.Expression, name, want string) {
	l.errorf(expr.Range(), "Incorrect attribute value type", "%s must be %s.", name, want)
}

func (l *loader) str(name string, expr hcl.Expression) (string, bool) {
	v, ok := l.value(expr)
	if !ok {
		return "", false
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil || s.IsNull() {
		l.typeError(expr, name, "a string")
		return "", false
	}
	return s.AsString(), true
}

// nonEmpty is str for attributes where "" is never meaningful.
func (l *loader) nonEmpty(name string, expr hcl.Expression) (string, bool) {
	s, ok := l.str(name, expr)
	if ok && s == "" {
		l.emptyError(name, expr)
		return "", false
	}
	return s, ok
}

func (l *loader) strList(name string, expr hcl.Expression) ([]string, bool) {
	v, ok := l.value(expr)
	if !ok {
		return nil, false
	}
	lv, err := convert.Convert(v, cty.List(cty.String))
	if err != nil || lv.IsNull() {
		l.typeError(expr, name, "a list of strings")
		return nil, false
	}
	out := make([]string, 0, lv.LengthInt())
	for it := lv.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsNull() || e.AsString() == "" {
			l.errorf(expr.Range(), "Empty list element", "%s must not contain empty or null elements.", name)
			return nil, false
		}
		out = append(out, e.AsString())
	}
	return out, true
}

func (l *loader) boolean(name string, expr hcl.Expression) (bool, bool) {
	v, ok := l.value(expr)
	if !ok {
		return false, false
	}
	b, err := convert.Convert(v, cty.Bool)
	if err != nil || b.IsNull() {
		l.typeError(expr, name, "true or false")
		return false, false
	}
	return b.True(), true
}

func (l *loader) integer(name string, expr hcl.Expression, min, max int) (int, bool) {
	v, ok := l.value(expr)
	if !ok {
		return 0, false
	}
	n, err := convert.Convert(v, cty.Number)
	if err != nil || n.IsNull() {
		l.typeError(expr, name, "a whole number")
		return 0, false
	}
	i, acc := n.AsBigFloat().Int64()
	if !n.AsBigFloat().IsInt() || acc != big.Exact || i < int64(min) || i > int64(max) {
		l.errorf(expr.Range(), "Invalid "+name, "%s must be a whole number from %d to %d.", name, min, max)
		return 0, false
	}
	return int(i), true
}

// duration reads a positive duration: a number of units (hours for
// default_time_buffer, seconds for shutdown_timeout) or a Go duration string.
func (l *loader) duration(name string, expr hcl.Expression, unit time.Duration, unitName string) (time.Duration, bool) {
	v, ok := l.value(expr)
	if !ok {
		return 0, false
	}
	var d time.Duration
	switch v.Type() {
	case cty.Number:
		f, _ := v.AsBigFloat().Float64()
		if !(f > 0) || f > float64(math.MaxInt64)/float64(unit) {
			l.errorf(expr.Range(), "Invalid duration", "%s must be a positive number of %s or a duration like \"90m\".", name, unitName)
			return 0, false
		}
		d = time.Duration(f * float64(unit))
	case cty.String:
		var err error
		d, err = time.ParseDuration(v.AsString())
		if err != nil {
			l.errorf(expr.Range(), "Invalid duration", "%s = %q is not a duration (like \"90m\" or \"2h\") nor a number of %s.", name, v.AsString(), unitName)
			return 0, false
		}
	default:
		l.typeError(expr, name, "a number of "+unitName+" or a duration string like \"90m\"")
		return 0, false
	}
	if d <= 0 {
		l.errorf(expr.Range(), "Invalid duration", "%s must be positive.", name)
		return 0, false
	}
	return d, true
}

func (l *loader) enum(name string, expr hcl.Expression, allowed []string, def string) string {
	s, ok := l.str(name, expr)
	if !ok {
		return def
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	l.errorf(expr.Range(), "Invalid "+name, "%s = %q is not allowed; use %s.", name, s, quotedList(allowed))
	return def
}

// secret reads a credential. Absent is not an error here (callers decide
// whether it is required); present but empty is, naming the environment
// variable behind it. A secret written literally in the file draws a
// warning. The value never appears in a diagnostic.
func (l *loader) secret(name string, expr hcl.Expression) (string, bool) {
	s, ok := l.str(name, expr)
	if !ok {
		return "", false
	}
	if s == "" {
		l.emptyError(name, expr)
		return "", false
	}
	if len(envNames(expr, l.ctx)) == 0 {
		if _, literal := expr.(*hclsyntax.TemplateExpr); literal {
			l.warnf(expr.Range(), "Secret written in the config file",
				"%s is written literally; prefer env(\"NAME\") so it stays out of the file.", name)
		}
	}
	return s, true
}

func (l *loader) emptyError(name string, expr hcl.Expression) {
	if vars := envNames(expr, l.ctx); len(vars) > 0 {
		l.errorf(expr.Range(), "Empty "+name,
			"%s is empty: it comes from env(), and environment variable %s is not set or is empty.",
			name, strings.Join(vars, ", "))
		return
	}
	l.errorf(expr.Range(), "Empty "+name, "%s must not be empty.", name)
}

// envNames lists the variables the expression reads with env("NAME").
func envNames(expr hcl.Expression, ctx *hcl.EvalContext) []string {
	se, ok := expr.(hclsyntax.Expression)
	if !ok {
		return nil
	}
	var names []string
	hclsyntax.VisitAll(se, func(n hclsyntax.Node) hcl.Diagnostics {
		call, ok := n.(*hclsyntax.FunctionCallExpr)
		if !ok || call.Name != "env" || len(call.Args) != 1 {
			return nil
		}
		v, d := call.Args[0].Value(ctx)
		if !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			names = append(names, v.AsString())
		}
		return nil
	})
	return names
}

// attrText renders a platform-specific attribute value as text.
func attrText(v cty.Value) (string, bool) {
	switch v.Type() {
	case cty.String:
		return v.AsString(), true
	case cty.Number:
		bf := v.AsBigFloat() // in range: value() checked
		if i, acc := bf.Int64(); acc == big.Exact {
			return strconv.FormatInt(i, 10), true
		}
		return bf.Text('g', 17), true
	case cty.Bool:
		if v.True() {
			return "true", true
		}
		return "false", true
	}
	return "", false
}
