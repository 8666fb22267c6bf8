package oauth

import (
	"context"
	"errors"
	"fmt"

	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/sdk"
)

// Disconnected says what a disconnect did about the desk's grant.
type Disconnected struct {
	// Uninstalled: the plugin removed what Install had created.
	Uninstalled bool
	// Revoked: the desk revoked the token. False when the desk has no
	// revocation (Description.CannotRevoke) or nothing was installed.
	Revoked bool
	// RevokeHelp, when the desk cannot revoke, tells the admin how to
	// remove the grant on the desk (the plugin's Description.RevokeHelp).
	RevokeHelp string
}

// Message is the one-line account of the disconnect, as the audit log, the
// API and the CLI show it.
func (d Disconnected) Message() string {
	if !d.Uninstalled {
		return "nothing was installed in the desk; local secrets deleted; binding inactive"
	}
	if d.Revoked {
		return "webhook removed, token revoked, local secrets deleted; binding inactive"
	}
	msg := "webhook removed, local tokens deleted; binding inactive. The desk has no token revocation: the grant stays until an admin removes it there"
	if d.RevokeHelp != "" {
		msg += ": " + d.RevokeHelp
	}
	return msg
}

// Disconnect uninstalls the binding in the desk (webhook, trigger, token
// revocation where the desk has one) and then drops its local token and
// install state and marks it inactive. Disconnecting a binding that is not
// connected succeeds. When the plugin's Uninstall fails, the secrets are kept
// so that calling Disconnect again can finish the job, and the error is
// returned. When the desk cannot revoke tokens, the result carries the
// plugin's help for removing the grant there.
func (m *Manager) Disconnect(ctx context.Context, key store.BindingKey) (Disconnected, error) {
	res, err := m.disconnect(ctx, key)
	if err != nil {
		m.log.Warn("disconnect failed", "binding", key.String(), "error", err)
		m.audit(ctx, key, "disconnect", store.OutcomeError, err, err.Error())
		return res, err
	}
	m.log.Info("binding disconnected", "binding", key.String(), "revoked", res.Revoked)
	m.audit(ctx, key, "disconnect", store.OutcomeOK, nil, res.Message())
	return res, nil
}

func (m *Manager) disconnect(ctx context.Context, key store.BindingKey) (Disconnected, error) {
	var res Disconnected
	b, err := m.store.GetBinding(ctx, key)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return res, fmt.Errorf("disconnect %s: read binding: %w", key, err)
	}
	if b.Install != nil {
		d, err := m.uninstall(ctx, key, *b.Install)
		if err != nil {
			if b.Status == store.StatusActive {
				// Stop processing deliveries: the admin asked to
				// disconnect, even though the desk still has our
				// webhook until a retry succeeds.
				if serr := m.store.SetStatus(ctx, key, store.StatusInactive, "disconnect incomplete: "+err.Error()); serr != nil {
					m.log.Error("could not mark binding inactive", "binding", key.String(), "error", serr)
				}
			}
			return res, err
		}
		res = Disconnected{Uninstalled: true, Revoked: !d.CannotRevoke}
		if d.CannotRevoke {
			res.RevokeHelp = d.RevokeHelp
		}
	}
	if err := m.store.DeleteSecrets(ctx, key); err != nil {
		return res, fmt.Errorf("disconnect %s: delete local secrets: %w", key, err)
	}
	if err := m.store.SetStatus(ctx, key, store.StatusInactive, ""); err != nil {
		return res, fmt.Errorf("disconnect %s: mark inactive: %w", key, err)
	}
	return res, nil
}

// uninstall calls the plugin's Uninstall, refreshing once if the desk
// refuses the token, and returns the description it was done under.
func (m *Manager) uninstall(ctx context.Context, key store.BindingKey, state sdk.InstallState) (*sdk.Description, error) {
	_, p, d, err := m.binding(ctx, key, false)
	if err != nil {
		return nil, fmt.Errorf("disconnect %s: %w", key, err)
	}
	creds, err := m.Credentials(ctx, key)
	if err != nil {
		return nil, tokenForUninstall(key, err)
	}
	err = p.Uninstall(ctx, creds, state)
	if sdk.IsKind(err, sdk.KindAuthExpired) {
		creds, err = m.RefreshAfterAuthError(ctx, key, creds)
		if err != nil {
			return nil, tokenForUninstall(key, err)
		}
		err = p.Uninstall(ctx, creds, state)
	}
	if err != nil {
		return nil, fmt.Errorf("disconnect %s: uninstall in the desk: %w", key, err)
	}
	return d, nil
}

func tokenForUninstall(key store.BindingKey, err error) error {
	if errors.Is(err, ErrNeedsReconnect) {
		// The webhook can only be removed with a live grant; reconnecting
		// keeps the install, so disconnecting afterwards finishes the job.
		return fmt.Errorf("disconnect %s: uninstall needs a valid token (reconnect, then disconnect again): %w", key, err)
	}
	return fmt.Errorf("disconnect %s: get a token for uninstall: %w", key, err)
}
