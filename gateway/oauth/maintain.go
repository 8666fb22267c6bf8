package oauth

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// Maintain renews the installation of an active binding whose install state
// asks for maintenance at or before due (sdk.InstallState.MaintainAt): it
// calls the plugin's Maintain with fresh credentials (refreshed once if the
// desk refuses them), the stored state, the binding and its OAuth client,
// and stores the state the plugin returns, with its next MaintainAt. It
// reports whether it maintained anything: a binding disconnected, never
// installed or already maintained past due is left alone. Every attempt is
// audited as install.maintain. A plugin without maintenance answers
// KindUnsupported, which retrying cannot change.
func (m *Manager) Maintain(ctx context.Context, key store.BindingKey, due time.Time) (bool, error) {
	b, err := m.store.GetBinding(ctx, key)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("maintain %s: read binding: %w", key, err)
	}
	if b.Status != store.StatusActive || b.Install == nil || b.Install.MaintainAt.IsZero() || b.Install.MaintainAt.After(due) {
		return false, nil
	}
	st, err := m.maintain(ctx, key, b)
	if err != nil {
		err = fmt.Errorf("maintain %s: %w", key, err)
		m.log.Warn("installation maintenance failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "install.maintain", store.OutcomeError, err, err.Error())
		return false, err
	}

	// The state is replaced only if the binding still has the installation
	// that was maintained: a disconnect or reconnect meanwhile wins.
	cur, err := m.store.GetBinding(ctx, key)
	if err != nil {
		err = fmt.Errorf("maintain %s: read binding: %w", key, err)
		m.audit(ctx, key, "install.maintain", store.OutcomeError, err, err.Error())
		return false, err
	}
	if cur.Status != store.StatusActive || cur.Install == nil || !bytes.Equal(cur.Install.Data, b.Install.Data) {
		msg := "installation maintained, but the binding was disconnected or reconnected meanwhile; its current state is kept"
		m.log.Warn(msg, "binding", key.String())
		m.audit(ctx, key, "install.maintain", store.OutcomeSkipped, nil, msg)
		return false, nil
	}
	cur.Install = st
	cur.UpdatedAt = m.now()
	if err := m.store.PutBinding(ctx, cur); err != nil {
		err = fmt.Errorf("maintain %s: store the renewed install state: %w", key, err)
		m.log.Error("renewed install state not stored; maintenance will run again", "binding", key.String(), "error", err)
		m.audit(ctx, key, "install.maintain", store.OutcomeError, err, err.Error())
		return false, err
	}
	next := "no further maintenance needed"
	if !st.MaintainAt.IsZero() {
		next = "next maintenance due " + st.MaintainAt.UTC().Format(time.RFC3339)
	}
	m.log.Info("installation maintained", "binding", key.String(), "next", st.MaintainAt)
	m.audit(ctx, key, "install.maintain", store.OutcomeOK, nil, "installation renewed; "+next+summary(st))
	return true, nil
}

// maintain makes the plugin call, refreshing the token once after an
// auth-expired answer.
func (m *Manager) maintain(ctx context.Context, key store.BindingKey, b store.Binding) (*sdk.InstallState, error) {
	info, p, _, err := m.binding(ctx, key, false)
	if err != nil {
		return nil, err
	}
	mt, ok := p.(sdk.Maintainer)
	if !ok {
		return nil, sdk.Errorf(sdk.KindUnsupported, "the %s plugin does not maintain installations", key.Platform)
	}
	creds, err := m.Credentials(ctx, key)
	if err != nil {
		return nil, err
	}
	req := sdk.MaintainRequest{Credentials: creds, State: *b.Install, Binding: info.SDK(),
		Client: sdk.OAuthClient{ID: info.ClientID, Secret: info.ClientSecret}}
	st, err := mt.Maintain(ctx, req)
	if sdk.IsKind(err, sdk.KindAuthExpired) {
		if req.Credentials, err = m.RefreshAfterAuthError(ctx, key, creds); err != nil {
			return nil, err
		}
		st, err = mt.Maintain(ctx, req)
	}
	if err == nil && st == nil {
		err = sdk.Errorf(sdk.KindPermanent, "plugin returned no install state")
	}
	return st, err
}
