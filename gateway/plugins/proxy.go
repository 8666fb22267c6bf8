package plugins

import (
	"context"

	"github.com/sigsentry/deskgate/sdk"
)

var _ sdk.Maintainer = (*proxy)(nil)

// proxy forwards each call to the platform's current process, so callers can
// hold on to it across plugin restarts.
type proxy struct {
	m *Manager
	e *entry
}

func (p *proxy) current(ctx context.Context) (sdk.Platform, error) {
	proc, err := p.m.ensure(ctx, p.e)
	if err != nil {
		return nil, err
	}
	return proc.Platform(), nil
}

func (p *proxy) Describe(ctx context.Context, b *sdk.Binding) (*sdk.Description, error) {
	pl, err := p.current(ctx)
	if err != nil {
		return nil, err
	}
	return pl.Describe(ctx, b)
}

func (p *proxy) Install(ctx context.Context, req sdk.InstallRequest) (*sdk.InstallState, error) {
	pl, err := p.current(ctx)
	if err != nil {
		return nil, err
	}
	return pl.Install(ctx, req)
}

func (p *proxy) Verify(ctx context.Context, req sdk.VerifyRequest) ([]sdk.Event, error) {
	pl, err := p.current(ctx)
	if err != nil {
		return nil, err
	}
	return pl.Verify(ctx, req)
}

// VerifyRecipe is the recipe the current process declares, validated, or
// nil when it declares none or one the gateway cannot execute (the caller
// then calls Verify). It is read once per plugin process.
func (p *proxy) VerifyRecipe(ctx context.Context) (*sdk.VerifyRecipe, error) {
	proc, err := p.m.ensure(ctx, p.e)
	if err != nil {
		return nil, err
	}
	return p.e.recipe.get(ctx, proc, p.m.log, p.e.spec.Platform)
}

func (p *proxy) GetTicket(ctx context.Context, c sdk.Credentials, id string) (*sdk.Ticket, error) {
	pl, err := p.current(ctx)
	if err != nil {
		return nil, err
	}
	return pl.GetTicket(ctx, c, id)
}

func (p *proxy) PostComment(ctx context.Context, c sdk.Credentials, id string, cm sdk.Comment) error {
	pl, err := p.current(ctx)
	if err != nil {
		return err
	}
	return pl.PostComment(ctx, c, id, cm)
}

func (p *proxy) SetFields(ctx context.Context, c sdk.Credentials, id string, f map[string]any) error {
	pl, err := p.current(ctx)
	if err != nil {
		return err
	}
	return pl.SetFields(ctx, c, id, f)
}

func (p *proxy) Uninstall(ctx context.Context, c sdk.Credentials, s sdk.InstallState) error {
	pl, err := p.current(ctx)
	if err != nil {
		return err
	}
	return pl.Uninstall(ctx, c, s)
}

func (p *proxy) Check(ctx context.Context, c sdk.Credentials, s sdk.InstallState, b sdk.Binding) ([]sdk.CheckResult, error) {
	pl, err := p.current(ctx)
	if err != nil {
		return nil, err
	}
	return pl.Check(ctx, c, s, b)
}

// Maintain forwards to the plugin's Maintain. Every plugin process answers
// it over gRPC (a plugin without it with KindUnsupported); a Platform that
// is not a Maintainer at all gets the same answer here.
func (p *proxy) Maintain(ctx context.Context, req sdk.MaintainRequest) (*sdk.InstallState, error) {
	pl, err := p.current(ctx)
	if err != nil {
		return nil, err
	}
	m, ok := pl.(sdk.Maintainer)
	if !ok {
		return nil, sdk.Errorf(sdk.KindUnsupported, "the %s plugin does not maintain installations", p.e.spec.Platform)
	}
	return m.Maintain(ctx, req)
}
