package doctor

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/plugins"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

type fakeStore struct{ b store.Binding }

func (f fakeStore) GetBinding(context.Context, store.BindingKey) (store.Binding, error) {
	if f.b.Status == "" {
		return store.Binding{}, store.ErrNotFound
	}
	return f.b, nil
}

func (f fakeStore) GetToken(context.Context, store.BindingKey) (store.Token, error) {
	return store.Token{Expiry: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}, nil
}

type fakeJobs []queue.Job

func (f fakeJobs) List(context.Context, queue.ListFilter) ([]queue.Job, error) { return f, nil }

type fakeCreds struct{ err error }

func (f fakeCreds) Credentials(context.Context, store.BindingKey) (sdk.Credentials, error) {
	return sdk.Credentials{AccessToken: "tok"}, f.err
}

// fakeDesk answers Check with one result and records the binding it was told.
type fakeDesk struct {
	sdk.Platform
	told *sdk.Binding
}

func (d fakeDesk) Check(_ context.Context, _ sdk.Credentials, _ sdk.InstallState, b sdk.Binding) ([]sdk.CheckResult, error) {
	*d.told = b
	return []sdk.CheckResult{{Name: "trigger active", OK: true}}, nil
}

type fakePlugins struct {
	desk   fakeDesk
	health []plugins.Health
}

func (f fakePlugins) Platform(context.Context, string) (sdk.Platform, error) { return f.desk, nil }
func (f fakePlugins) Health() []plugins.Health                               { return f.health }

func TestCheck_reportsEachSymptomWithItsFix(t *testing.T) {
	gw := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" {
			http.NotFound(w, r)
		}
	}))
	defer gw.Close()
	cfg := &config.Config{
		Gateway:  config.Gateway{PublicURL: gw.URL},
		Projects: map[string]*config.Project{"checkout": {Name: "checkout", LogSources: []*config.LogSource{{Name: "app", Paths: []string{"/nonexistent/*.jsonl"}}}}},
		Bindings: []*config.Binding{{Platform: "zendesk", Name: "acme", Project: "checkout", Attributes: map[string]string{"subdomain": "acme"}}},
	}
	key := store.BindingKey{Platform: "zendesk", Name: "acme"}
	active := store.Binding{Key: key, Status: store.StatusActive, Install: &sdk.InstallState{}, LastDeliveryAt: time.Now()}
	// Installations that expire (a desk's webhook with a lifetime) carry
	// when they next need maintenance.
	maintained, lapsed := active, active
	maintained.Install = &sdk.InstallState{MaintainAt: time.Now().Add(time.Hour)}
	lapsed.Install = &sdk.InstallState{MaintainAt: time.Now().Add(-store.MaintenanceGrace - time.Minute)}
	cases := []struct {
		name    string
		binding store.Binding
		creds   error
		health  []plugins.Health
		dead    []queue.Job
		want    map[string]bool   // check name → OK
		fix     map[string]string // check name → part of its fix
	}{
		{"a binding never connected", store.Binding{}, nil, nil, nil,
			map[string]bool{"binding connected": false, "public_url reachable": true, "deliveries arriving": false, "log sources readable": false},
			map[string]string{"binding connected": "deskgate connect zendesk acme"}},
		{"a healthy active binding asks the plugin too", active, nil, nil, nil,
			map[string]bool{"binding connected": true, "token refreshed in time": true, "plugin running": true, "no dead letters": true, "trigger active": true}, nil},
		{"a refresh token the desk refused", active, fmt.Errorf("refresh: %w", oauth.ErrNeedsReconnect), nil, nil,
			map[string]bool{"token refreshed in time": false},
			map[string]string{"token refreshed in time": "reconnect it"}},
		{"a plugin given up on and dead letters", active, nil,
			[]plugins.Health{{Platform: "zendesk", State: plugins.StateFailed, LastError: "exit 2"}},
			[]queue.Job{{Binding: store.BindingKey{Platform: "zendesk", Name: "acme"}}, {Binding: store.BindingKey{Platform: "zendesk", Name: "other"}}},
			map[string]bool{"plugin running": false, "no dead letters": false},
			map[string]string{"plugin running": "plugin_sha256", "no dead letters": "deskgate jobs replay"}},
		{"an installation maintained in time", maintained, nil, nil, nil,
			map[string]bool{"installation maintained": true}, nil},
		{"an installation whose maintenance lapsed", lapsed, nil, nil, nil,
			map[string]bool{"installation maintained": false},
			map[string]string{"installation maintained": "install.maintain"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var told sdk.Binding
			d := New(Options{Config: func() *config.Config { return cfg }, Store: fakeStore{c.binding}, Jobs: fakeJobs(c.dead),
				Credentials: fakeCreds{c.creds}, Plugins: fakePlugins{desk: fakeDesk{told: &told}, health: c.health}})
			res, err := d.Check(context.Background(), key)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]sdk.CheckResult{}
			for _, r := range res {
				got[r.Name] = r
			}
			for name, ok := range c.want {
				r, seen := got[name]
				if !seen || r.OK != ok {
					t.Errorf("%s: %+v (seen %v), want OK %v", name, r, seen, ok)
				}
				if r.OK && r.Fix != "" {
					t.Errorf("%s passed but carries a fix: %q", name, r.Fix)
				}
			}
			for name, fix := range c.fix {
				if !strings.Contains(got[name].Fix, fix) {
					t.Errorf("%s fix %q lacks %q", name, got[name].Fix, fix)
				}
			}
			if _, asked := got["trigger active"]; asked && told.Attributes["subdomain"] != "acme" {
				t.Errorf("the plugin was told %+v", told)
			}
		})
	}
	if _, err := New(Options{Config: func() *config.Config { return cfg }}).Check(context.Background(), store.BindingKey{Platform: "zendesk", Name: "nobody"}); err == nil {
		t.Error("an unknown binding was checked")
	}
}

// describer is a plugin that declares one required attribute.
type describer struct{ sdk.Platform }

func (describer) Describe(context.Context, *sdk.Binding) (*sdk.Description, error) {
	return &sdk.Description{Attributes: []sdk.AttributeSpec{{Name: "subdomain", Required: true}}}, nil
}

type onePlatform struct{ p sdk.Platform }

func (o onePlatform) Platform(_ context.Context, name string) (sdk.Platform, error) {
	if o.p == nil {
		return nil, fmt.Errorf("no plugin for %s", name)
	}
	return o.p, nil
}

func TestCheckBindings_checksAttributesAgainstWhatThePluginDeclares(t *testing.T) {
	cfg := &config.Config{Bindings: []*config.Binding{
		{Platform: "zendesk", Name: "ok", Attributes: map[string]string{"subdomain": "a"}},
		{Platform: "zendesk", Name: "typo", Attributes: map[string]string{"subdomian": "a"}},
	}}
	diags := CheckBindings(context.Background(), cfg, onePlatform{describer{}})
	text := diags.Error()
	if !diags.HasErrors() || !strings.Contains(text, "subdomian") || !strings.Contains(text, "subdomain") {
		t.Errorf("diagnostics = %v, want the typo and the missing required attribute", diags)
	}
	diags = CheckBindings(context.Background(), cfg, onePlatform{})
	if len(diags) != 1 || !strings.Contains(diags.Error(), "Plugin unavailable") {
		t.Errorf("without a plugin: %v, want one Plugin unavailable for the platform", diags)
	}
}

func TestCheck_failsAnUnpinnedPluginWithTheDigestToPin(t *testing.T) {
	dir := t.TempDir()
	bin := []byte("plugin bytes")
	if err := os.WriteFile(filepath.Join(dir, "deskgate-plugin-zendesk"), bin, 0o755); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(bin)
	digest := hex.EncodeToString(sum[:])
	for _, pinned := range []bool{false, true} {
		p := &config.Platform{Name: "zendesk", Plugin: "deskgate-plugin-zendesk"}
		if pinned {
			p.PluginSHA256 = digest
		}
		cfg := &config.Config{
			Gateway:   config.Gateway{PluginDir: dir},
			Platforms: map[string]*config.Platform{"zendesk": p},
			Projects:  map[string]*config.Project{"checkout": {Name: "checkout"}},
			Bindings:  []*config.Binding{{Platform: "zendesk", Name: "acme", Project: "checkout"}},
		}
		d := New(Options{Config: func() *config.Config { return cfg }, Store: fakeStore{}, Jobs: fakeJobs(nil),
			Credentials: fakeCreds{}, Plugins: fakePlugins{}, HTTPClient: &http.Client{Timeout: time.Second}})
		res, err := d.Check(context.Background(), store.BindingKey{Platform: "zendesk", Name: "acme"})
		if err != nil {
			t.Fatal(err)
		}
		var got *sdk.CheckResult
		for i := range res {
			if res[i].Name == "plugin binary pinned" {
				got = &res[i]
			}
		}
		switch {
		case got == nil:
			t.Fatalf("pinned %v: no pinning check in %+v", pinned, res)
		case got.OK != pinned:
			t.Errorf("pinned %v: check OK = %v", pinned, got.OK)
		case !pinned && !strings.Contains(got.Fix, `plugin_sha256 = "`+digest+`"`):
			t.Errorf("fix %q does not give the digest to pin", got.Fix)
		}
	}
}
