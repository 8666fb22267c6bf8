// Package sqlitedb opens the gateway's embedded SQLite file (modernc.org/sqlite,
// no cgo) the one way the store and the queue share it: a single-connection
// write pool, so writers queue in Go instead of failing with SQLITE_BUSY, and
// a separate read pool that WAL lets run beside the writer. It also applies
// versioned migrations per component.
//
// It knows nothing of the tables it hosts; store and queue own their schemas.
package sqlitedb
