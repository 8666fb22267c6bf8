// Package plugins supervises the desk plugin processes: it finds each
// platform's binary in plugin_dir, checks its pinned SHA-256 before every
// start, starts it on first use, pings it, and restarts it after a crash with
// bounded backoff, giving up (and saying so in health and the audit log) after
// repeated failures.
//
// Callers get an sdk.Platform that always talks to the current process, so a
// restart is invisible to them except for the calls that were in flight: those
// fail with a retryable error and the job is retried. This package knows
// nothing about desks, tickets or config files.
package plugins
