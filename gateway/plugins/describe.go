package plugins

import (
	"context"
	"time"
)

// DisplayName is the desk's name for people, from its plugin's Describe
// (Description.DisplayName, else Name), asked once per platform. It is ""
// when the plugin cannot be asked now; the caller shows the platform name
// then, and the next call asks again.
func (m *Manager) DisplayName(ctx context.Context, platform string) string {
	m.mu.Lock()
	n, ok := m.names[platform]
	m.mu.Unlock()
	if ok {
		return n
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	p, err := m.Platform(ctx, platform)
	if err != nil {
		return ""
	}
	d, err := p.Describe(ctx, nil)
	if err != nil {
		m.log.Debug("describe for display name failed", "platform", platform, "error", err)
		return ""
	}
	n = d.DisplayName
	if n == "" {
		n = d.Name
	}
	m.mu.Lock()
	m.names[platform] = n
	m.mu.Unlock()
	return n
}
