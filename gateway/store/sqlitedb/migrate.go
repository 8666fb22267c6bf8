package sqlitedb

import (
	"context"
	"database/sql"
	"fmt"
)

// Migrate brings component's schema up to date. steps is the component's
// ordered, append-only list of migrations: step i (0-based) is version i+1.
// Each step runs in its own transaction together with the row recording it in
// schema_migrations, so a crash leaves the schema at a known version. A
// database newer than steps (a downgrade) is refused rather than guessed at.
func Migrate(ctx context.Context, db *DB, component string, steps []string) error {
	const create = `CREATE TABLE IF NOT EXISTS schema_migrations (
		component  TEXT    NOT NULL,
		version    INTEGER NOT NULL,
		applied_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
		PRIMARY KEY (component, version)
	)`
	if _, err := db.W.ExecContext(ctx, create); err != nil {
		return fmt.Errorf("migrate %s: create schema_migrations: %w", component, err)
	}
	for {
		done, err := migrateOne(ctx, db, component, steps)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}

// migrateOne applies the next step, reading the current version inside the
// same write transaction so two processes opening the file together cannot
// both apply it.
func migrateOne(ctx context.Context, db *DB, component string, steps []string) (done bool, err error) {
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		var v int
		err := tx.QueryRowContext(ctx,
			`SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE component = ?`, component).Scan(&v)
		if err != nil {
			return fmt.Errorf("migrate %s: read version: %w", component, err)
		}
		if v > len(steps) {
			return fmt.Errorf("migrate %s: database is at version %d, this build knows only %d (was it opened by a newer deskgate?)", component, v, len(steps))
		}
		if v == len(steps) {
			done = true
			return nil
		}
		if _, err := tx.ExecContext(ctx, steps[v]); err != nil {
			return fmt.Errorf("migrate %s to version %d: %w", component, v+1, err)
		}
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO schema_migrations (component, version) VALUES (?, ?)`, component, v+1); err != nil {
			return fmt.Errorf("migrate %s: record version %d: %w", component, v+1, err)
		}
		return nil
	})
	return done, err
}

// Version reports component's current schema version (0 when none).
func Version(ctx context.Context, db *DB, component string) (int, error) {
	var v int
	err := db.R.QueryRowContext(ctx,
		`SELECT COALESCE(MAX(version), 0) FROM schema_migrations WHERE component = ?`, component).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("read %s schema version: %w", component, err)
	}
	return v, nil
}
