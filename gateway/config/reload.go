package config

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/hcl/v2"
)

// Config reload. The running gateway reads its config through one pointer,
// so a reload is one swap of a config that has passed everything a start
// would check. Settings the running parts were built from (listen address,
// store, data and plugin directories, public URL, admin token, workers and
// timeouts, plugin binaries) need a restart: a change to them is refused,
// naming each, and the running config stays.

// ErrRefused marks a config change refused because of the configuration
// itself (invalid, or a change that needs a restart), as opposed to an I/O
// error.
var ErrRefused = errors.New("configuration refused")

// ReloadResult is what an applied config change reports.
type ReloadResult struct {
	Bindings int      `json:"bindings"`
	Warnings []string `json:"warnings,omitempty"`
}

// ReloaderOptions connect a Reloader to the running gateway.
type ReloaderOptions struct {
	// Current is the running config.
	Current func() *Config
	// Check runs the checks a start runs beyond Load (each binding's
	// platform attributes against its plugin); nil checks nothing more.
	Check func(ctx context.Context, next *Config) hcl.Diagnostics
	// Swap makes next the running config; it is called once next passed
	// every check and any file was written.
	Swap func(cur, next *Config)
	// Audit records each change, applied (ok) or refused; nil records none.
	Audit  func(ctx context.Context, ok bool, message string)
	Logger hclog.Logger
}

// Reloader applies config changes one at a time: a reload of the files
// (SIGHUP, `deskgate reload`, POST /api/reload) or an edit of one binding
// (the Configure page).
type Reloader struct {
	o   ReloaderOptions
	log hclog.Logger
	mu  sync.Mutex // one config change at a time
}

// NewReloader returns a Reloader.
func NewReloader(o ReloaderOptions) *Reloader {
	if o.Logger == nil {
		o.Logger = hclog.NewNullLogger()
	}
	if o.Check == nil {
		o.Check = func(context.Context, *Config) hcl.Diagnostics { return nil }
	}
	if o.Audit == nil {
		o.Audit = func(context.Context, bool, string) {}
	}
	return &Reloader{o: o, log: o.Logger.Named("gateway.config")}
}

// Reload re-reads the config files and swaps them in when they are valid;
// otherwise the running config stays and the error (wrapping ErrRefused)
// names file:line.
func (r *Reloader) Reload(ctx context.Context) (ReloadResult, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	path := r.o.Current().Path
	next, diags := Load(path)
	return r.apply(ctx, next, diags, "reload "+path, nil)
}

// UpdateBinding rewrites the block `binding "platform" "name"` in its file
// with edit (comments and formatting elsewhere kept, see RewriteBinding),
// validates the whole config with the rewritten file in place, and only
// then replaces the file (temp file + rename) and swaps the config in.
// Nothing is written when the result is refused.
func (r *Reloader) UpdateBinding(ctx context.Context, platform, name string, edit BindingEdit) (ReloadResult, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	what := "update binding " + platform + "/" + name
	cur := r.o.Current()
	b := cur.Binding(platform, name)
	if b == nil {
		return ReloadResult{}, fmt.Errorf("%s: %w: no such binding in the running config", what, ErrRefused)
	}
	file := b.File
	src, err := os.ReadFile(file)
	if err != nil {
		return ReloadResult{}, fmt.Errorf("%s: read %s: %w", what, file, err)
	}
	out, err := edit.Rewrite(src, platform, name)
	if err != nil {
		return ReloadResult{}, fmt.Errorf("%s: %w: %w", what, ErrRefused, err)
	}
	files, diags := readFiles(cur.Path)
	if files == nil || diags.HasErrors() {
		return ReloadResult{}, fmt.Errorf("%s: read config: %s", what, diagsText(diags))
	}
	replaced := false
	for n := range files {
		if sameFile(n, file) {
			files[n], replaced = out, true
		}
	}
	if !replaced {
		return ReloadResult{}, fmt.Errorf("%s: %w: %s is no longer one of the config files", what, ErrRefused, file)
	}
	// Parse is Load from memory: the same checks on the files as they will
	// be on disk, before anything is written.
	next, diags := Parse(files, cur.Path)
	return r.apply(ctx, next, diags, what, func() error { return replaceFile(file, out) })
}

// apply checks next as a start would, runs commit (which writes files) and
// swaps next in. Any refusal leaves the running config and the files as
// they were, and is audited.
func (r *Reloader) apply(ctx context.Context, next *Config, diags hcl.Diagnostics, what string, commit func() error) (ReloadResult, error) {
	cur := r.o.Current()
	refuse := func(detail string) (ReloadResult, error) {
		r.log.Error("config change refused; the running config stays", "change", what, "problems", detail)
		r.o.Audit(ctx, false, what+" refused: "+detail)
		return ReloadResult{}, fmt.Errorf("%s: %w; the running config stays:\n%s", what, ErrRefused, detail)
	}
	if diags.HasErrors() {
		return refuse(diagsText(onlyErrors(diags)))
	}
	if restart := restartOnly(cur, next); len(restart) > 0 {
		return refuse(strings.Join(restart, "\n"))
	}
	more := r.o.Check(ctx, next)
	if more.HasErrors() {
		return refuse(diagsText(onlyErrors(more)))
	}
	diags = append(diags, more...)
	if commit != nil {
		if err := commit(); err != nil {
			r.o.Audit(ctx, false, what+" failed: "+err.Error())
			return ReloadResult{}, fmt.Errorf("%s: %w", what, err)
		}
	}
	r.o.Swap(cur, next)
	res := ReloadResult{Bindings: len(next.Bindings)}
	for _, d := range diags {
		if d.Severity == hcl.DiagWarning {
			res.Warnings = append(res.Warnings, diagsText(hcl.Diagnostics{d}))
		}
	}
	r.log.Info("config applied", "change", what, "bindings", len(next.Bindings), "warnings", len(res.Warnings))
	r.o.Audit(ctx, true, fmt.Sprintf("%s: %d binding(s)", what, len(next.Bindings)))
	return res, nil
}

// diagsText is the diagnostics as `deskgate validate` prints them
// (file:line:col and what is wrong) but without the source lines: the text
// reaches a log line and an HTTP answer, and a source line may hold a
// secret written literally in the file.
func diagsText(diags hcl.Diagnostics) string {
	var b bytes.Buffer
	_ = WriteDiagnostics(&b, nil, diags, false) // a bytes.Buffer does not fail
	return strings.TrimRight(b.String(), "\n")
}

func onlyErrors(diags hcl.Diagnostics) hcl.Diagnostics {
	var out hcl.Diagnostics
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			out = append(out, d)
		}
	}
	return out
}

// restartOnly lists the differences between two configs that a running
// gateway cannot take on. Secrets are named, never shown.
func restartOnly(cur, next *Config) []string {
	var out []string
	diff := func(name, was, now string, secret bool) {
		if was == now {
			return
		}
		if secret {
			out = append(out, fmt.Sprintf("%s changed: restart deskgate to apply it", name))
			return
		}
		out = append(out, fmt.Sprintf("%s changed from %q to %q: restart deskgate to apply it", name, was, now))
	}
	g, h := cur.Gateway, next.Gateway
	diff("gateway.listen", g.Listen, h.Listen, false)
	diff("gateway.public_url", g.PublicURL, h.PublicURL, false)
	diff("gateway.data_dir", g.DataDir, h.DataDir, false)
	diff("gateway.plugin_dir", g.PluginDir, h.PluginDir, false)
	diff("gateway.admin_token", g.AdminToken, h.AdminToken, true)
	diff("gateway.workers", fmt.Sprint(g.Workers), fmt.Sprint(h.Workers), false)
	diff("gateway.shutdown_timeout", g.ShutdownTimeout.String(), h.ShutdownTimeout.String(), false)
	diff("gateway.visibility_timeout", g.VisibilityTimeout.String(), h.VisibilityTimeout.String(), false)
	// Every part is built from the gateway block, so a setting added to it
	// later needs a restart too until someone makes it reloadable.
	gv, hv := reflect.ValueOf(g), reflect.ValueOf(h)
	for i := 0; i < gv.NumField(); i++ {
		name := gv.Type().Field(i).Name
		if !namedGatewayFields[name] && !reflect.DeepEqual(gv.Field(i).Interface(), hv.Field(i).Interface()) {
			out = append(out, fmt.Sprintf("gateway setting %s changed: restart deskgate to apply it", name))
		}
	}
	diff("store", storeText(cur.Store), storeText(next.Store), false)
	names := map[string]bool{}
	for n := range cur.Platforms {
		names[n] = true
	}
	for n := range next.Platforms {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	for _, n := range sorted {
		p, q := cur.Platforms[n], next.Platforms[n]
		switch {
		case p == nil:
			out = append(out, fmt.Sprintf("platform %q was added: restart deskgate to start its plugin", n))
		case q == nil:
			out = append(out, fmt.Sprintf("platform %q was removed: restart deskgate to stop its plugin", n))
		default:
			diff(fmt.Sprintf("platform %q plugin", n), p.Plugin, q.Plugin, false)
			diff(fmt.Sprintf("platform %q plugin_sha256", n), p.PluginSHA256, q.PluginSHA256, false)
		}
	}
	return out
}

// namedGatewayFields are the Gateway fields restartOnly reports by their
// HCL names.
// AnalysisRetention is read at each request and purge, so a reload applies
// it.
var namedGatewayFields = map[string]bool{"Listen": true, "PublicURL": true, "DataDir": true, "PluginDir": true,
	"AdminToken": true, "Workers": true, "ShutdownTimeout": true, "VisibilityTimeout": true, "AnalysisRetention": true}

func storeText(s Store) string {
	if s.Kind == StoreRedis {
		// The URL may hold a password; say that it changed, not what it is.
		return fmt.Sprintf("redis (url #%x, key_prefix %q)", hashText(s.URL), s.KeyPrefix)
	}
	return s.Kind + " " + s.Path
}

func hashText(s string) uint32 {
	var h uint32 = 2166136261
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

func sameFile(a, b string) bool {
	x, err1 := filepath.Abs(a)
	y, err2 := filepath.Abs(b)
	return err1 == nil && err2 == nil && x == y
}

// replaceFile writes data beside path and renames it over path, so a
// reader (or a crash) sees the old file or the new one, never half of one.
// The temp name does not end in .hcl: Load never picks it up.
func replaceFile(path string, data []byte) (err error) {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), info.Mode().Perm())
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	return nil
}
