package app

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
)

// Config reload is config.Reloader's; the app connects it to the running
// parts. The running config lives in a.cfg (an atomic pointer) and every
// component reads it through a.cfg.Load(), so applying a change is one
// Store plus dropping what was built from the old config.

// swapConfig makes next the running config.
func (a *App) swapConfig(cur, next *config.Config) {
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
}

// auditConfig records a config change, applied or refused.
func (a *App) auditConfig(ctx context.Context, ok bool, msg string) {
	outcome := store.OutcomeOK
	if !ok {
		outcome = store.OutcomeError
	}
	if err := a.store.AppendAudit(ctx, store.AuditEntry{Time: time.Now(), Action: "config.reload", Outcome: outcome, Message: msg}); err != nil {
		a.log.Error("audit entry not written", "action", "config.reload", "error", err)
	}
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
				if _, err := a.reloader.Reload(rctx); err != nil && !errors.Is(err, config.ErrRefused) {
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
