package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/web"
)

// Config reload. The running config lives in a.cfg (an atomic pointer) and
// every component reads it through a.cfg.Load(), so a reload is one Store
// of a config that has passed everything a start would check. Settings the
// running parts were built from (listen address, store, data and plugin
// directories, public URL, admin token, workers and timeouts, plugin
// binaries) need a restart: a
// reload that changes them is refused, naming each, and the running config
// stays.

// Reload re-reads the config files (SIGHUP, `deskgate reload`, POST
// /api/reload) and swaps them in when they are valid.
func (a *App) Reload(ctx context.Context) (web.ReloadResult, error) {
	a.reloadMu.Lock()
	defer a.reloadMu.Unlock()
	path := a.cfg.Load().Path
	next, diags := config.Load(path)
	return a.apply(ctx, next, diags, "reload "+path)
}

// UpdateBinding rewrites the block `binding "platform" "name"` in its file
// (comments and formatting elsewhere kept, see config.RewriteBinding),
// validates the whole config with the rewritten file in place, and only
// then replaces the file (temp file + rename) and reloads.
func (a *App) UpdateBinding(ctx context.Context, key store.BindingKey, set map[string]cty.Value) (web.ReloadResult, error) {
	a.reloadMu.Lock()
	defer a.reloadMu.Unlock()
	cur := a.cfg.Load()
	b := cur.Binding(key.Platform, key.Name)
	if b == nil {
		return web.ReloadResult{}, fmt.Errorf("update binding %s: %w: no such binding in the running config", key, web.ErrRefused)
	}
	file := b.File
	src, err := os.ReadFile(file)
	if err != nil {
		return web.ReloadResult{}, fmt.Errorf("update binding %s: read %s: %w", key, file, err)
	}
	out, err := config.RewriteBinding(src, key.Platform, key.Name, set)
	if err != nil {
		return web.ReloadResult{}, fmt.Errorf("update binding %s: %w: %w", key, web.ErrRefused, err)
	}
	files, err := configFiles(cur.Path)
	if err != nil {
		return web.ReloadResult{}, fmt.Errorf("update binding %s: %w", key, err)
	}
	replaced := false
	for name := range files {
		if sameFile(name, file) {
			files[name], replaced = out, true
		}
	}
	if !replaced {
		return web.ReloadResult{}, fmt.Errorf("update binding %s: %w: %s is no longer one of the config files", key, web.ErrRefused, file)
	}
	// Parse is Load from memory: the same checks on the files as they will
	// be on disk, before anything is written.
	next, diags := config.Parse(files, cur.Path)
	return a.applyWith(ctx, next, diags, "update binding "+key.String(), func() error {
		return replaceFile(file, out)
	})
}

func (a *App) apply(ctx context.Context, next *config.Config, diags hcl.Diagnostics, what string) (web.ReloadResult, error) {
	return a.applyWith(ctx, next, diags, what, nil)
}

// applyWith checks next as a start would, runs commit (which writes files)
// and swaps next in. Any refusal leaves the running config and the files
// as they were, and is audited.
func (a *App) applyWith(ctx context.Context, next *config.Config, diags hcl.Diagnostics, what string, commit func() error) (web.ReloadResult, error) {
	cur := a.cfg.Load()
	refuse := func(detail string) (web.ReloadResult, error) {
		a.log.Error("config change refused; the running config stays", "change", what, "problems", detail)
		a.auditConfig(ctx, store.OutcomeError, what+" refused: "+detail)
		return web.ReloadResult{}, fmt.Errorf("%s: %w; the running config stays:\n%s", what, web.ErrRefused, detail)
	}
	if diags.HasErrors() {
		return refuse(diagsText(onlyErrors(diags)))
	}
	if restart := restartOnly(cur, next); len(restart) > 0 {
		return refuse(strings.Join(restart, "\n"))
	}
	more := checkBindings(ctx, next, a.plugins)
	if more.HasErrors() {
		return refuse(diagsText(onlyErrors(more)))
	}
	diags = append(diags, more...)
	if commit != nil {
		if err := commit(); err != nil {
			a.auditConfig(ctx, store.OutcomeError, what+" failed: "+err.Error())
			return web.ReloadResult{}, fmt.Errorf("%s: %w", what, err)
		}
	}
	a.cfg.Store(next)
	// A reload is also how an operator says "I fixed the plugin binary":
	// plugins given up on after repeated crashes get another start.
	for name := range next.Platforms {
		a.plugins.Reset(name)
	}
	// Caches keyed by binding (the ingress's install state) are dropped so
	// a binding added, removed or changed is seen at once.
	for _, c := range [](*config.Config){cur, next} {
		for _, b := range c.Bindings {
			a.ingress.Invalidate(store.BindingKey{Platform: b.Platform, Name: b.Name})
		}
	}
	res := web.ReloadResult{Bindings: len(next.Bindings)}
	for _, d := range diags {
		if d.Severity == hcl.DiagWarning {
			res.Warnings = append(res.Warnings, diagsText(hcl.Diagnostics{d}))
		}
	}
	a.log.Info("config applied", "change", what, "bindings", len(next.Bindings), "warnings", len(res.Warnings))
	a.auditConfig(ctx, store.OutcomeOK, fmt.Sprintf("%s: %d binding(s)", what, len(next.Bindings)))
	return res, nil
}

func (a *App) auditConfig(ctx context.Context, outcome store.Outcome, msg string) {
	if err := a.store.AppendAudit(ctx, store.AuditEntry{Time: time.Now(), Action: "config.reload", Outcome: outcome, Message: msg}); err != nil {
		a.log.Error("audit entry not written", "action", "config.reload", "error", err)
	}
}

// diagsText is the diagnostics as `deskgate validate` prints them
// (file:line:col and what is wrong) but without the source lines: the text
// reaches a log line and an HTTP answer, and a source line may hold a
// secret written literally in the file.
func diagsText(diags hcl.Diagnostics) string {
	var b bytes.Buffer
	_ = config.WriteDiagnostics(&b, nil, diags, false) // a bytes.Buffer does not fail
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

// restartOnly lists the differences a running gateway cannot take on.
// Secrets are named, never shown.
func restartOnly(cur, next *config.Config) []string {
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
var namedGatewayFields = map[string]bool{"Listen": true, "PublicURL": true, "DataDir": true, "PluginDir": true,
	"AdminToken": true, "Workers": true, "ShutdownTimeout": true, "VisibilityTimeout": true}

func storeText(s config.Store) string {
	if s.Kind == config.StoreRedis {
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

// configFiles reads what config.Load reads: the main file and every *.hcl
// in the bindings/ folder beside it, keyed as Load names them.
func configFiles(mainPath string) (map[string][]byte, error) {
	files := map[string][]byte{}
	src, err := os.ReadFile(mainPath)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	files[mainPath] = src
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(mainPath), "bindings", "*.hcl"))
	for _, m := range matches {
		b, err := os.ReadFile(m)
		if err != nil {
			return nil, fmt.Errorf("read bindings file: %w", err)
		}
		files[m] = b
	}
	return files, nil
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

// reloadOnSignal reloads the config on every SIGHUP until ctx ends. The
// returned function stops it and waits for it.
func (a *App) reloadOnSignal(ctx context.Context) (stop func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				rctx, rcancel := context.WithTimeout(ctx, 30*time.Second)
				if _, err := a.Reload(rctx); err != nil && !errors.Is(err, web.ErrRefused) {
					a.log.Error("reload on SIGHUP", "error", err)
				}
				rcancel()
			}
		}
	}()
	return func() {
		signal.Stop(hup)
		cancel()
		<-done
	}
}
