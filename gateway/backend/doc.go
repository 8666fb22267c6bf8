// Package backend opens the configured store and queue together (SQLite in
// one file, or Redis shared by replicas) and hands over, as plain values,
// what the chosen backend offers beyond storage: a cross-replica lock and a
// shared rate limit on Redis, none on SQLite, and the queue's wake-up
// signal. Nothing downstream asks a store what it can do or which kind it
// is: it gets these values, or nil.
//
// It owns no state of its own and must not hold business logic: it is the
// one place that knows which concrete backend types exist.
package backend
