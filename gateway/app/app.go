package app

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/hcl/v2"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/sigsentry/deskgate/gateway/assess"
	"github.com/sigsentry/deskgate/gateway/backend"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/doctor"
	"github.com/sigsentry/deskgate/gateway/ingress"
	"github.com/sigsentry/deskgate/gateway/maintain"
	"github.com/sigsentry/deskgate/gateway/metrics"
	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/pipeline"
	"github.com/sigsentry/deskgate/gateway/plugins"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/gateway/web"
)

// App is a running gateway.
type App struct {
	cfg      atomic.Pointer[config.Config]
	log      hclog.Logger
	metrics  *metrics.Metrics
	backends *backend.Backends
	store    store.Store
	queue    queue.Queue
	plugins  *plugins.Manager
	oauth    *oauth.Manager
	ingress  *ingress.Handler
	pipeline *pipeline.Pipeline
	maintain *maintain.Scheduler
	web      *web.Server
	assessor *assess.Assessor
	reloader *config.Reloader
	handler  http.Handler
}

// New opens the backends and builds every part; nothing runs until Run.
func New(ctx context.Context, cfg *config.Config, log hclog.Logger) (*App, error) {
	a := &App{log: log, metrics: metrics.New()}
	a.cfg.Store(cfg)
	be, err := backend.Open(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	a.backends, a.store, a.queue = be, be.Store, be.Queue
	a.metrics.RegisterQueue(a.queue)

	var specs []plugins.Spec
	for _, p := range cfg.Platforms {
		specs = append(specs, plugins.Spec{Platform: p.Name, Path: plugins.Resolve(cfg.Gateway.PluginDir, p.Plugin), SHA256: p.PluginSHA256})
	}
	for _, w := range doctor.UnpinnedPlugins(cfg) {
		log.Warn("plugin binary is not pinned: set plugin_sha256 so the gateway runs only the binary you reviewed",
			"platform", w.Platform, "path", w.Path, "sha256", w.SHA256)
	}
	a.plugins = plugins.New(specs, plugins.Options{Logger: log, OnEvent: a.pluginEvent, ExecDir: filepath.Join(cfg.Gateway.DataDir, "plugins"),
		SocketDir: filepath.Join(cfg.Gateway.DataDir, "plugin-sockets")})

	a.oauth = oauth.New(oauth.Options{
		Store: a.store, Config: a.cfg.Load, Platforms: a.plugins, Locker: be.Lock,
		PublicURL: cfg.Gateway.PublicURL, Logger: log,
		HTTPClient: &http.Client{Timeout: 30 * time.Second},
	})
	a.assessor = assess.New(a.cfg.Load, log)

	a.ingress = ingress.New(ingress.Options{
		Config: a.cfg.Load, Store: a.store, Queue: a.queue, Platforms: a.plugins, Logger: log, Metrics: a.metrics,
		MaxInflight:        cfg.Gateway.MaxInflightDeliveries,
		Depth:              ingress.NewCachedDepth(a.queue, time.Second, log),
		MaxQueuePerBinding: cfg.Gateway.MaxQueueDepthPerBinding,
		MaxQueueTotal:      cfg.Gateway.MaxQueueDepth,
	})
	a.pipeline = pipeline.New(pipeline.Options{
		Config: a.cfg.Load, Store: a.store, Queue: a.queue, Platforms: a.plugins, Credentials: a.oauth, Assessor: a.assessor,
		Maintenance: a.oauth,
		PublicURL:   cfg.Gateway.PublicURL, Logger: log, Metrics: a.metrics, Workers: cfg.Gateway.Workers,
		Visibility: cfg.Gateway.VisibilityTimeout,
		Limiter:    be.RateLimit, Wake: be.Wake,
	})
	a.maintain = maintain.New(maintain.Options{Store: a.store, Queue: a.queue, Config: a.cfg.Load, Logger: log})
	// Configure, POST /api/reload and SIGHUP change the config (reload.go).
	a.reloader = config.NewReloader(config.ReloaderOptions{
		Current: a.cfg.Load, Swap: a.swapConfig, Audit: a.auditConfig, Logger: log,
		Check: func(ctx context.Context, next *config.Config) hcl.Diagnostics {
			return doctor.CheckBindings(ctx, next, a.plugins)
		},
	})
	dr := doctor.New(doctor.Options{Config: a.cfg.Load, Store: a.store, Jobs: a.queue, Credentials: a.oauth, Plugins: a.plugins})
	a.web = web.New(web.Options{
		Config: a.cfg.Load, Store: a.store, Queue: a.queue, Connector: a.oauth, Doctor: dr, Desks: a.plugins,
		Auth: web.NewAuth(web.AuthOptions{Token: cfg.Gateway.AdminToken, PublicURL: cfg.Gateway.PublicURL,
			Sessions: a.store, Audit: a.store, Logger: log}),
		Logger: log,
		Changed: func(k store.BindingKey) {
			a.ingress.Invalidate(k)
			a.maintain.Changed()
		},
		Reloader: a.reloader,
	})

	mux := http.NewServeMux()
	mux.Handle("POST /hooks/{platform}/{binding}", a.ingress)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /readyz", a.ready)
	mux.Handle("GET /metrics", promhttp.HandlerFor(a.metrics.Registry, promhttp.HandlerOpts{}))
	a.web.Register(mux)
	a.handler = mux
	return a, nil
}

// CheckBindings checks each binding's platform-specific attributes against
// what its running plugin declares, as a start must before serving.
func (a *App) CheckBindings(ctx context.Context) hcl.Diagnostics {
	return doctor.CheckBindings(ctx, a.cfg.Load(), a.plugins)
}

// Handler is the gateway's whole HTTP surface.
func (a *App) Handler() http.Handler { return a.handler }

// Run serves on the configured address and runs the workers until ctx is
// cancelled, then shuts down gracefully: the listener closes, in-flight
// requests finish, workers drain (or release their jobs), plugins stop.
func (a *App) Run(ctx context.Context) error {
	cfg := a.cfg.Load()
	ln, err := net.Listen("tcp", cfg.Gateway.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Gateway.Listen, err)
	}
	return a.Serve(ctx, ln)
}

// Serve is Run on a given listener.
func (a *App) Serve(ctx context.Context, ln net.Listener) error {
	cfg := a.cfg.Load()
	srv := &http.Server{Handler: a.handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	stopDebug, err := a.serveDebug(cfg.Gateway.DebugListen)
	if err != nil {
		_ = srv.Close()
		return err
	}
	defer stopDebug()
	a.log.Info("deskgate listening", "addr", ln.Addr().String(), "public_url", cfg.Gateway.PublicURL, "store", cfg.Store.Kind, "workers", cfg.Gateway.Workers)

	// SIGHUP reloads the config until shutdown begins (reload.go).
	stopReload := a.reloadOnSignal(ctx)

	workCtx, stopWork := context.WithCancel(ctx)
	workersDone := make(chan struct{})
	if cfg.Gateway.Workers > 0 {
		go func() { defer close(workersDone); a.pipeline.Run(workCtx, cfg.Gateway.ShutdownTimeout) }()
	} else {
		a.log.Warn("workers = 0: deliveries are answered and queued, but no job runs in this process")
		close(workersDone)
	}
	maintainDone := make(chan struct{})
	go func() { defer close(maintainDone); a.maintain.Run(workCtx) }()
	keepAliveDone := make(chan struct{})
	go func() { defer close(keepAliveDone); a.keepTokensAlive(workCtx, 6*time.Hour, 7*24*time.Hour) }()
	purgeDone := make(chan struct{})
	go func() { defer close(purgeDone); a.purgeExpiredAnalyses(workCtx, time.Hour) }()

	select {
	case <-ctx.Done():
	case err = <-serveErr:
		err = fmt.Errorf("http server: %w", err)
	}
	stopReload()
	a.log.Info("shutting down", "drain", cfg.Gateway.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), cfg.Gateway.ShutdownTimeout)
	defer cancel()
	if serr := srv.Shutdown(sctx); serr != nil {
		a.log.Warn("http shutdown", "error", serr)
	}
	stopWork()
	<-workersDone
	<-keepAliveDone
	<-maintainDone
	<-purgeDone
	a.Close()
	a.log.Info("stopped")
	return err
}

// Close stops plugins and closes the backends.
func (a *App) Close() {
	a.plugins.Close()
	if err := a.backends.Close(); err != nil {
		a.log.Warn("close backends", "error", err)
	}
}

// ready is /readyz: the store and queue answer, no plugin was given up on,
// and no installation's maintenance is overdue (deliveries would stop).
func (a *App) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	var problems []string
	if err := a.store.Ping(ctx); err != nil {
		problems = append(problems, "store: "+err.Error())
	}
	if err := a.queue.Ping(ctx); err != nil {
		problems = append(problems, "queue: "+err.Error())
	}
	for _, h := range a.plugins.Health() {
		if h.State == plugins.StateFailed {
			problems = append(problems, fmt.Sprintf("plugin %s: gave up after repeated failures: %s", h.Platform, h.LastError))
		}
	}
	problems = append(problems, a.overdueMaintenance(ctx, time.Now())...)
	if len(problems) > 0 {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, strings.Join(problems, "\n"))
		return
	}
	fmt.Fprintln(w, "ready")
}

// overdueMaintenance lists the configured bindings whose installation
// missed its maintenance by more than the grace period.
func (a *App) overdueMaintenance(ctx context.Context, now time.Time) []string {
	bs, err := a.store.ListBindings(ctx)
	if err != nil {
		return []string{"store: list bindings: " + err.Error()}
	}
	var out []string
	cfg := a.cfg.Load()
	for _, b := range bs {
		if cfg.Binding(b.Key.Platform, b.Key.Name) != nil && b.MaintenanceOverdue(now, store.MaintenanceGrace) {
			out = append(out, fmt.Sprintf("binding %s: installation maintenance overdue since %s (see the install.maintain audit entries and `deskgate jobs --dead`)",
				b.Key, b.Install.MaintainAt.UTC().Format(time.RFC3339)))
		}
	}
	return out
}

// pluginEvent audits plugin lifecycle events and counts restarts.
func (a *App) pluginEvent(ev plugins.Event) {
	if ev.Action == "plugin.restart" {
		a.metrics.PluginRestart(ev.Platform)
	}
	e := store.AuditEntry{Time: time.Now(), Action: ev.Action, Outcome: store.OutcomeOK, Message: "platform " + ev.Platform}
	if ev.Err != nil {
		e.Outcome = store.OutcomeError
		e.Message += ": " + ev.Err.Error()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := a.store.AppendAudit(ctx, e); err != nil {
		a.log.Error("audit entry not written", "action", ev.Action, "error", err)
	}
}

// keepTokensAlive refreshes, every period, the tokens of active bindings that
// have been idle for longer than idle: a rotating refresh token expires too
// (after 30 to 90 days at the desks supported so far), and a binding that sees no tickets for that long
// would otherwise lock itself out.
func (a *App) keepTokensAlive(ctx context.Context, period, idle time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		bs, err := a.store.ListBindings(ctx)
		if err != nil {
			a.log.Warn("keep-alive: list bindings", "error", err)
			continue
		}
		for _, b := range bs {
			if b.Status != store.StatusActive || a.cfg.Load().Binding(b.Key.Platform, b.Key.Name) == nil {
				continue
			}
			if err := a.oauth.KeepAlive(ctx, b.Key, idle); err != nil && ctx.Err() == nil {
				a.log.Warn("keep-alive refresh failed", "binding", b.Key.String(), "error", err)
			}
		}
	}
}
