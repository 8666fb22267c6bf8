// Package redistest gives tests a real Redis: the shared one CI guarantees on
// 127.0.0.1:6379 (with a unique key prefix per test, cleaned up afterwards) or
// a private redis-server on a free port that a test may stop and restart.
//
// It fails tests rather than skipping them when Redis is missing, so a green
// run always means the Redis backend was exercised. It must not be imported
// by non-test code.
package redistest
