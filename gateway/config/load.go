package config

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Load reads the config file at path and every *.hcl in the bindings/ folder
// beside it. The returned Config is never nil: when diags has errors it is
// partial and good only for WriteDiagnostics (it still carries Files).
func Load(path string) (*Config, hcl.Diagnostics) {
	files, diags := readFiles(path)
	if files == nil {
		return &Config{Path: absPath(path), Files: map[string]*hcl.File{}}, diags
	}
	cfg, more := parse(files, path, os.Getenv)
	return cfg, append(diags, more...)
}

// readFiles reads what Load reads: the main file and every *.hcl in the
// bindings/ folder beside it, keyed by name as diagnostics show them. It
// returns nil files when the main file cannot be read; a bindings file that
// cannot be read is an error diagnostic and left out.
func readFiles(path string) (map[string][]byte, hcl.Diagnostics) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, hcl.Diagnostics{{
			Severity: hcl.DiagError,
			Summary:  "Cannot read config file",
			Detail:   fmt.Sprintf("Reading the configuration: %v.", err),
		}}
	}
	files := map[string][]byte{path: src}
	var diags hcl.Diagnostics
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "bindings", "*.hcl")) // only ErrBadPattern, impossible here
	for _, m := range matches {
		b, err := os.ReadFile(m)
		if err != nil {
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Cannot read bindings file",
				Detail:   fmt.Sprintf("Reading the bindings: %v.", err),
			})
			continue
		}
		files[m] = b
	}
	return files, diags
}

// Parse is Load from memory: files maps a file name (as diagnostics should
// show it) to its content; mainFile names the main config, every other
// entry is a bindings file, read in name order. Relative paths in the config
// are resolved against mainFile's directory.
func Parse(files map[string][]byte, mainFile string) (*Config, hcl.Diagnostics) {
	return parse(files, mainFile, os.Getenv)
}

// loader carries the state of one parse: the evaluation context (env()),
// the sources for refining ranges, and the diagnostics gathered so far.
type loader struct {
	ctx   *hcl.EvalContext
	srcs  map[string][]byte
	dir   string // absolute directory of the main file
	diags hcl.Diagnostics
}

func (l *loader) errorf(subject hcl.Range, summary, format string, args ...any) {
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   fmt.Sprintf(format, args...),
		Subject:  subject.Ptr(),
	})
}

func (l *loader) warnf(subject hcl.Range, summary, format string, args ...any) {
	l.diags = append(l.diags, &hcl.Diagnostic{
		Severity: hcl.DiagWarning,
		Summary:  summary,
		Detail:   fmt.Sprintf(format, args...),
		Subject:  subject.Ptr(),
	})
}

func parse(files map[string][]byte, mainFile string, getenv func(string) string) (*Config, hcl.Diagnostics) {
	cfg := &Config{
		Path:      absPath(mainFile),
		Projects:  map[string]*Project{},
		Platforms: map[string]*Platform{},
		Files:     map[string]*hcl.File{},
	}
	l := &loader{
		ctx: &hcl.EvalContext{Functions: map[string]function.Function{
			"env": envFunction(getenv),
		}},
		srcs: files,
		dir:  filepath.Dir(cfg.Path),
	}

	mainSrc, ok := files[mainFile]
	if !ok {
		l.diags = append(l.diags, &hcl.Diagnostic{
			Severity: hcl.DiagError,
			Summary:  "Missing config file",
			Detail:   fmt.Sprintf("No content was given for the main config file %q.", mainFile),
		})
		return cfg, l.diags
	}
	var others []string
	for name := range files {
		if name != mainFile {
			others = append(others, name)
		}
	}
	sort.Strings(others)

	p := hclparse.NewParser()
	mainAST, d := p.ParseHCL(mainSrc, mainFile)
	l.diags = append(l.diags, d...)
	if mainAST != nil && !l.numbersInRange(mainAST) {
		mainAST = nil
	}
	var main mainFileHCL
	if mainAST != nil {
		l.diags = append(l.diags, gohcl.DecodeBody(mainAST.Body, l.ctx, &main)...)
	}
	type fileBindings struct {
		file   string
		blocks []*bindingHCL
	}
	all := []fileBindings{{mainFile, main.Bindings}}
	for _, name := range others {
		f, d := p.ParseHCL(files[name], name)
		l.diags = append(l.diags, d...)
		if f == nil || !l.numbersInRange(f) {
			continue
		}
		var bf bindingsFileHCL
		l.diags = append(l.diags, gohcl.DecodeBody(f.Body, l.ctx, &bf)...)
		all = append(all, fileBindings{name, bf.Bindings})
	}
	for name, f := range p.Files() {
		cfg.Files[name] = f
	}
	if mainAST == nil {
		return cfg, l.diags
	}

	// A gateway block that failed to decode leaves nil expressions: skip it
	// rather than pile up follow-on errors.
	if main.Gateway.Listen != nil {
		cfg.Gateway = l.gateway(&main.Gateway)
	}
	cfg.Store = l.store(main.Stores, cfg.Gateway.DataDir)

	projectAt := map[string]hcl.Range{}
	for _, ph := range main.Projects {
		if !l.checkName("project", ph.Name, ph.DefRange) {
			continue
		}
		if first, dup := projectAt[ph.Name]; dup {
			l.errorf(ph.DefRange, "Duplicate project", "project %q is already defined at %s.", ph.Name, where(first))
			continue
		}
		projectAt[ph.Name] = ph.DefRange
		cfg.Projects[ph.Name] = l.project(ph)
	}

	platformAt := map[string]hcl.Range{}
	var platformOrder []*platformHCL
	for _, ph := range main.Platforms {
		if !l.checkName("platform", ph.Name, ph.DefRange) {
			continue
		}
		if first, dup := platformAt[ph.Name]; dup {
			l.errorf(ph.DefRange, "Duplicate platform", "platform %q is already defined at %s.", ph.Name, where(first))
			continue
		}
		platformAt[ph.Name] = ph.DefRange
		platformOrder = append(platformOrder, ph)
		cfg.Platforms[ph.Name] = l.platform(ph)
	}

	bindingAt := map[string]hcl.Range{}
	for _, fb := range all {
		for _, bh := range fb.blocks {
			b := l.binding(bh, fb.file, cfg)
			if b == nil {
				continue
			}
			if first, dup := bindingAt[b.Key()]; dup {
				l.errorf(bh.DefRange, "Duplicate binding", "binding %q %q is already defined at %s.", b.Platform, b.Name, where(first))
				continue
			}
			bindingAt[b.Key()] = bh.DefRange
			cfg.Bindings = append(cfg.Bindings, b)
		}
	}

	for _, ph := range platformOrder {
		l.platformCredentials(cfg.Platforms[ph.Name], ph, cfg.Bindings)
	}
	return cfg, l.diags
}

// numbersInRange rejects number literals beyond float64's range before
// anything is evaluated: HCL and cty print numbers in full when converting
// them to strings, so "1e99999999" would take minutes and gigabytes.
func (l *loader) numbersInRange(f *hcl.File) bool {
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return true
	}
	ok = true
	hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
		lit, isLit := n.(*hclsyntax.LiteralValueExpr)
		if !isLit || lit.Val.Type() != cty.Number || lit.Val.IsNull() || !lit.Val.IsKnown() {
			return nil
		}
		if !numberInRange(lit.Val.AsBigFloat()) {
			l.errorf(lit.SrcRange, "Number out of range", "This number is too large or too small for any setting.")
			ok = false
		}
		return nil
	})
	return ok
}

func numberInRange(bf *big.Float) bool {
	if bf.IsInf() {
		return false
	}
	if bf.Sign() == 0 {
		return true
	}
	exp := bf.MantExp(nil)
	return exp > -1024 && exp < 1024
}

// envFunction is env("NAME"): the variable's value, "" when unset.
func envFunction(getenv func(string) string) function.Function {
	return function.New(&function.Spec{
		Description: "Returns the value of an environment variable, or an empty string when it is not set.",
		Params:      []function.Parameter{{Name: "name", Type: cty.String}},
		Type:        function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.StringVal(getenv(args[0].AsString())), nil
		},
	})
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// resolve makes a config path absolute against the main file's directory.
func (l *loader) resolve(p string) string {
	if filepath.IsAbs(p) {
		return filepath.Clean(p)
	}
	return filepath.Join(l.dir, p)
}

// checkName rejects labels that cannot appear as a URL path segment
// (/hooks/{platform}/{binding}) or in a "platform/name" key.
func (l *loader) checkName(kind, name string, rng hcl.Range) bool {
	if validName(name) {
		return true
	}
	l.errorf(rng, "Invalid "+kind+" name",
		"%s name %q must start with a letter or digit and use only letters, digits, '-', '_' and '.'.", kind, name)
	return false
}

func validName(s string) bool {
	if s == "" || len(s) > 128 {
		return false
	}
	for i, r := range s {
		alnum := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
		if !alnum && (i == 0 || !strings.ContainsRune("-_.", r)) {
			return false
		}
	}
	return true
}

// where names a range's start the way diagnostics do: file:line:column.
func where(r hcl.Range) string {
	return fmt.Sprintf("%s:%d:%d", r.Filename, r.Start.Line, r.Start.Column)
}

func quotedList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = fmt.Sprintf("%q", v)
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
