// Package e2e holds the end-to-end tests: the real deskgate binary and the
// real Zendesk plugin binary (over go-plugin), the sandbox Zendesk over real
// HTTP, and a real SQLite file (or Redis server). It has no non-test code
// beyond this harness.
package e2e
