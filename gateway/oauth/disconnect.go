package oauth

import (
	"context"
	"errors"
	"fmt"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// Disconnect uninstalls the binding in the desk (webhook, trigger, token
// revocation) and then drops its local token and install state and marks it
// inactive. Disconnecting a binding that is not connected succeeds. When the
// plugin's Uninstall fails, the secrets are kept so that calling Disconnect
// again can finish the job, and the error is returned.
func (m *Manager) Disconnect(ctx context.Context, key store.BindingKey) error {
	if err := m.disconnect(ctx, key); err != nil {
		m.log.Warn("disconnect failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "disconnect", store.OutcomeError, err, err.Error())
		return err
	}
	m.log.Info("binding disconnected", "binding", key.String())
	m.audit(ctx, key, "disconnect", store.OutcomeOK, nil, "webhook removed, token revoked, local secrets deleted; binding inactive")
	return nil
}

func (m *Manager) disconnect(ctx context.Context, key store.BindingKey) error {
	b, err := m.store.GetBinding(ctx, key)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("disconnect %s: read binding: %w", key, err)
	}
	if b.Install != nil {
		if err := m.uninstall(ctx, key, *b.Install); err != nil {
			if b.Status == store.StatusActive {
				// Stop processing deliveries: the admin asked to
				// disconnect, even though the desk still has our
				// webhook until a retry succeeds.
				if serr := m.store.SetStatus(ctx, key, store.StatusInactive, "disconnect incomplete: "+err.Error()); serr != nil {
					m.log.Error("could not mark binding inactive", "binding", key.String(), "error", serr)
				}
			}
			return err
		}
	}
	if err := m.store.DeleteSecrets(ctx, key); err != nil {
		return fmt.Errorf("disconnect %s: delete local secrets: %w", key, err)
	}
	if err := m.store.SetStatus(ctx, key, store.StatusInactive, ""); err != nil {
		return fmt.Errorf("disconnect %s: mark inactive: %w", key, err)
	}
	return nil
}

// uninstall calls the plugin's Uninstall, refreshing once if the desk
// refuses the token.
func (m *Manager) uninstall(ctx context.Context, key store.BindingKey, state sdk.InstallState) error {
	_, p, _, err := m.binding(ctx, key, false)
	if err != nil {
		return fmt.Errorf("disconnect %s: %w", key, err)
	}
	creds, err := m.Credentials(ctx, key)
	if err != nil {
		return tokenForUninstall(key, err)
	}
	err = p.Uninstall(ctx, creds, state)
	if sdk.IsKind(err, sdk.KindAuthExpired) {
		creds, err = m.RefreshAfterAuthError(ctx, key, creds)
		if err != nil {
			return tokenForUninstall(key, err)
		}
		err = p.Uninstall(ctx, creds, state)
	}
	if err != nil {
		return fmt.Errorf("disconnect %s: uninstall in the desk: %w", key, err)
	}
	return nil
}

func tokenForUninstall(key store.BindingKey, err error) error {
	if errors.Is(err, ErrNeedsReconnect) {
		// The webhook can only be removed with a live grant; reconnecting
		// keeps the install, so disconnecting afterwards finishes the job.
		return fmt.Errorf("disconnect %s: uninstall needs a valid token (reconnect, then disconnect again): %w", key, err)
	}
	return fmt.Errorf("disconnect %s: get a token for uninstall: %w", key, err)
}
