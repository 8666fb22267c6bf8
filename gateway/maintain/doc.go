// Package maintain schedules the maintenance of desk installations that
// expire (sdk.InstallState.MaintainAt: a desk's webhooks that live a fixed time
// unless refreshed).
//
// The schedule is the stored install state itself, so it survives restarts
// with no state of its own: a Scheduler sweeps the bindings on a timer (and
// when told that one changed) and, shortly before an installation's
// MaintainAt, enqueues one maintenance job for it. The job's dedup key names
// the binding and that MaintainAt, so replicas sweeping the same shared
// store enqueue it once. The pipeline's workers run the job like any other:
// leased, retried with backoff, dead-lettered, audited. When the plugin's
// Maintain succeeds, the state it returns (with the next MaintainAt) replaces
// the stored one, and the next sweep schedules that.
package maintain
