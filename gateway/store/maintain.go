package store

import "time"

// MaintenanceGrace is how long past its MaintainAt an active binding's
// installation may stay unmaintained before doctor and /readyz report it:
// the scheduled maintenance runs at or shortly before MaintainAt, and its
// retries fit well inside this.
const MaintenanceGrace = 15 * time.Minute

// MaintenanceOverdue reports whether b is an active binding whose
// installation needed maintenance (sdk.InstallState.MaintainAt) more than
// grace before now: a missed refresh that will end deliveries once what
// Install created expires.
func (b Binding) MaintenanceOverdue(now time.Time, grace time.Duration) bool {
	if b.Status != StatusActive || b.Install == nil || b.Install.MaintainAt.IsZero() {
		return false
	}
	return now.After(b.Install.MaintainAt.Add(grace))
}
