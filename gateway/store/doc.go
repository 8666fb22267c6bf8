// Package store holds the gateway's durable state: bindings and their status,
// encrypted OAuth tokens and install state (signing secrets), single-use OAuth
// states, per-ticket stage records that make the pipeline idempotent, the
// audit log, and stored analyses.
//
// The store is handed out by role (Bindings, Tokens, Stages, Audit,
// Analyses): each consumer declares the roles it uses, and Store, their
// union, has an SQLite implementation (the embedded default) and a Redis one
// (several replicas); both must pass the conformance suite in storetest. A
// backend shared by replicas also offers a Locker and a Limiter (shared.go),
// which gateway/backend hands over when it opens the backend. Secrets are sealed with a Box before they reach either backend:
// no backend ever sees a token or signing secret in clear text. The store must
// not call plugins or the network beyond its own backend.
package store
