// Package store holds the gateway's durable state: bindings and their status,
// encrypted OAuth tokens and install state (signing secrets), single-use OAuth
// states, per-ticket stage records that make the pipeline idempotent, the
// audit log, and stored analyses.
//
// Store is an interface with an SQLite implementation (the embedded default)
// and a Redis one (several replicas); both must pass the conformance suite in
// storetest. Secrets are sealed with a Box before they reach either backend:
// no backend ever sees a token or signing secret in clear text. The store must
// not call plugins or the network beyond its own backend.
package store
