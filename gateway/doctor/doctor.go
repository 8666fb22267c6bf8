package doctor

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/plugins"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// Store is the part of the store the doctor reads (of store.Bindings and
// store.Tokens).
type Store interface {
	GetBinding(ctx context.Context, key store.BindingKey) (store.Binding, error)
	GetToken(ctx context.Context, key store.BindingKey) (store.Token, error)
}

// Jobs lists queued jobs (queue.Queue), for the dead letters.
type Jobs interface {
	List(ctx context.Context, f queue.ListFilter) ([]queue.Job, error)
}

// Credentials hands out fresh desk credentials (oauth.Manager).
type Credentials interface {
	Credentials(ctx context.Context, key store.BindingKey) (sdk.Credentials, error)
}

// Plugins are the running desk plugins (plugins.Manager).
type Plugins interface {
	plugins.Platforms
	Health() []plugins.Health
}

// Options say what the doctor reads.
type Options struct {
	Config      func() *config.Config // the running config
	Store       Store
	Jobs        Jobs
	Credentials Credentials
	Plugins     Plugins
	HTTPClient  *http.Client // for the public_url check; http.DefaultClient when nil
	// MaintenanceGrace is how far past its MaintainAt an installation may
	// be before the maintenance check fails; default store.MaintenanceGrace.
	MaintenanceGrace time.Duration
	Now              func() time.Time // default time.Now
}

// Doctor runs the checks of a binding.
type Doctor struct{ o Options }

// New returns a Doctor.
func New(o Options) *Doctor {
	if o.HTTPClient == nil {
		o.HTTPClient = http.DefaultClient
	}
	if o.MaintenanceGrace <= 0 {
		o.MaintenanceGrace = store.MaintenanceGrace
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Doctor{o: o}
}

// Check runs the gateway's own checks of a binding and then the plugin's
// live checks, one result per troubleshooting symptom.
func (d *Doctor) Check(ctx context.Context, key store.BindingKey) ([]sdk.CheckResult, error) {
	cfg := d.o.Config()
	bc := cfg.Binding(key.Platform, key.Name)
	if bc == nil {
		return nil, fmt.Errorf("unknown binding %s", key)
	}
	var out []sdk.CheckResult
	add := func(name string, ok bool, detail, fix string) {
		r := sdk.CheckResult{Name: name, OK: ok, Detail: detail}
		if !ok {
			r.Fix = fix
		}
		out = append(out, r)
	}

	b, err := d.o.Store.GetBinding(ctx, key)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("read binding: %w", err)
	}
	connect := "deskgate connect " + key.Platform + " " + key.Name
	switch {
	case err != nil || b.Status == store.StatusInactive:
		add("binding connected", false, "the binding is inactive", "connect it: "+connect)
	case b.Status == store.StatusNeedsReconnect:
		add("binding connected", false, "the desk refused the refresh token: "+b.LastError, "reconnect it: "+connect)
	default:
		add("binding connected", true, "active since "+b.InstalledAt.UTC().Format(time.RFC3339), "")
	}

	add(d.reachable(ctx, cfg.Gateway.PublicURL))

	var creds sdk.Credentials
	haveCreds := false
	if b.Status == store.StatusActive {
		creds, err = d.o.Credentials.Credentials(ctx, key)
		switch {
		case errors.Is(err, oauth.ErrNeedsReconnect):
			add("token refreshed in time", false, err.Error(), "reconnect it: "+connect)
		case err != nil:
			add("token refreshed in time", false, err.Error(), "check that the desk's token endpoint is reachable from the gateway")
		default:
			haveCreds = true
			tok, _ := d.o.Store.GetToken(ctx, key)
			detail := "token has no expiry"
			if !tok.Expiry.IsZero() {
				detail = "token valid until " + tok.Expiry.UTC().Format(time.RFC3339)
			}
			add("token refreshed in time", true, detail, "")
		}
	}

	healthy := true
	for _, h := range d.o.Plugins.Health() {
		if h.Platform == key.Platform && h.State == plugins.StateFailed {
			healthy = false
			add("plugin running", false, h.LastError, "check the plugin binary in plugin_dir and its plugin_sha256, then restart the gateway")
		}
	}
	if healthy {
		add("plugin running", true, "", "")
	}
	if p := cfg.Platforms[key.Platform]; p != nil && p.PluginSHA256 == "" {
		u := unpinned(cfg, p)
		add("plugin binary pinned", false, "no plugin_sha256: the gateway runs whatever file is at "+u.Path, pinHint(u))
	} else if p != nil {
		add("plugin binary pinned", true, "plugin_sha256 "+p.PluginSHA256[:12]+"…", "")
	}

	if b.LastDeliveryAt.IsZero() {
		add("deliveries arriving", false, "no webhook delivery has been accepted yet",
			"create a test ticket; if nothing arrives, check the webhook and trigger below and that public_url is reachable from the desk")
	} else {
		add("deliveries arriving", true, "last delivery "+b.LastDeliveryAt.UTC().Format(time.RFC3339), "")
	}

	dead, err := d.o.Jobs.List(ctx, queue.ListFilter{State: queue.StateDead, Limit: 1000})
	if err == nil {
		n := 0
		for _, j := range dead {
			if j.Binding == key {
				n++
			}
		}
		add("no dead letters", n == 0, fmt.Sprintf("%d dead job(s)", n), "see `deskgate jobs --dead` and the audit log, fix the cause, then `deskgate jobs replay ID`")
	}

	if b.Status == store.StatusActive && b.Install != nil && !b.Install.MaintainAt.IsZero() {
		at := b.Install.MaintainAt.UTC().Format(time.RFC3339)
		if b.MaintenanceOverdue(d.o.Now(), d.o.MaintenanceGrace) {
			add("installation maintained", false, "the installation expires unless maintained; maintenance was due "+at+" and has not succeeded",
				"see the install.maintain entries in the audit log and `deskgate jobs --dead`; fix the cause, then replay the job (or reconnect the binding)")
		} else {
			add("installation maintained", true, "next maintenance due "+at, "")
		}
	}

	if p := cfg.Projects[bc.Project]; p != nil {
		files, fileSources := 0, 0
		for _, src := range p.LogSources {
			if src.Type != config.LogSourceFile && src.Type != "" {
				continue
			}
			fileSources++
			for _, g := range src.Paths {
				m, _ := filepath.Glob(g)
				files += len(m)
			}
		}
		if fileSources > 0 {
			add("log sources readable", files > 0, fmt.Sprintf("%d log file(s) match project %s", files, p.Name),
				"check the log_source paths of project "+p.Name)
		}
		out = append(out, logSourceChecks(ctx, p, d.o.Now().UTC())...)
	}

	if b.Install != nil && haveCreds {
		plat, err := d.o.Plugins.Platform(ctx, key.Platform)
		if err == nil {
			var res []sdk.CheckResult
			res, err = plat.Check(ctx, creds, *b.Install, bc.SDK())
			out = append(out, res...)
		}
		switch {
		case sdk.IsKind(err, sdk.KindUnsupported):
			add("desk checks", true, "the plugin has no live checks of its own: "+err.Error(), "")
		case err != nil:
			add("desk checks", false, err.Error(), "see the gateway log for the plugin's error")
		}
	}
	return out, nil
}

// reachable checks that the gateway answers on its own public_url, which is
// where the desk sends webhooks.
func (d *Doctor) reachable(ctx context.Context, publicURL string) (string, bool, string, string) {
	const name = "public_url reachable"
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	u := strings.TrimRight(publicURL, "/") + "/healthz"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return name, false, err.Error(), "fix public_url in the gateway block"
	}
	resp, err := d.o.HTTPClient.Do(req)
	if err != nil {
		return name, false, err.Error(), "public_url must reach this gateway (check DNS, TLS and any proxy in front of it)"
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return name, false, fmt.Sprintf("GET %s answered %d", u, resp.StatusCode), "public_url must point at this gateway"
	}
	return name, true, "GET " + u + " answered 200", ""
}
