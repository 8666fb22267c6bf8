package app

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// bindings answers every package's binding look-ups from the current config.
type bindings struct {
	cfg *atomic.Pointer[config.Config]
}

func (b bindings) get(key store.BindingKey) *config.Binding {
	return b.cfg.Load().Binding(key.Platform, key.Name)
}

// Lookup serves the pipeline.
func (b bindings) Lookup(key store.BindingKey) (*config.Binding, bool) {
	c := b.get(key)
	return c, c != nil
}

// Configured serves the ingress.
func (b bindings) Configured(key store.BindingKey) bool { return b.get(key) != nil }

// oauthBindings serves the oauth manager.
type oauthBindings struct{ bindings }

func (b oauthBindings) Lookup(key store.BindingKey) (oauth.BindingInfo, bool) {
	c := b.get(key)
	if c == nil {
		return oauth.BindingInfo{}, false
	}
	return oauth.BindingInfo{Key: key, SDK: SDKBinding(c), ClientID: c.ClientID, ClientSecret: c.ClientSecret}, true
}

// SDKBinding is what a plugin is told about a binding.
func SDKBinding(c *config.Binding) sdk.Binding {
	return sdk.Binding{Platform: c.Platform, Name: c.Name, Attributes: c.Attributes, FieldIDs: c.CustomFields}
}

// locker adapts the Redis store's fenced lock to the oauth manager.
type locker struct{ l store.Locker }

func (l locker) Lock(ctx context.Context, name string, ttl time.Duration) (func(context.Context) error, error) {
	lk, err := l.l.Lock(ctx, name, ttl)
	if err != nil {
		return nil, err
	}
	return lk.Unlock, nil
}
