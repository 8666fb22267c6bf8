// Package queue is the gateway's durable job queue: at-least-once delivery
// with a visibility timeout, delayed retries, a dead-letter state and replay.
// Enqueue also de-duplicates by the event's key in the same atomic step, so a
// redelivered webhook is acknowledged without queueing anything twice.
//
// Queue is an interface with an SQLite implementation (the embedded default)
// and a Redis Streams one; both must pass the conformance suite in queuetest.
// The queue decides nothing about retry policy beyond Backoff: the worker
// decides when a job is retried or dead-lettered.
package queue
