package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// PutSession stores the session until expiresAt, and drops sessions that
// expired before now so the table does not grow with abandoned logins.
func (s *SQLite) PutSession(ctx context.Context, idHash string, sess Session, expiresAt time.Time) error {
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM admin_sessions WHERE expires_at < ?`, sqliteNanos(s.now())); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO admin_sessions (id_hash, created_at, last_seen_at, expires_at)
			VALUES (?, ?, ?, ?)`, idHash, sqliteNanos(sess.CreatedAt), sqliteNanos(sess.LastSeenAt), sqliteNanos(expiresAt))
		return err
	})
	if err != nil {
		return fmt.Errorf("put admin session: %w", err)
	}
	return nil
}

// GetSession returns the session unless it is unknown or expired at now.
func (s *SQLite) GetSession(ctx context.Context, idHash string, now time.Time) (Session, error) {
	var created, seen, expires int64
	err := s.db.R.QueryRowContext(ctx, `SELECT created_at, last_seen_at, expires_at FROM admin_sessions WHERE id_hash = ?`,
		idHash).Scan(&created, &seen, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, fmt.Errorf("get admin session: %w", ErrNotFound)
	}
	if err != nil {
		return Session{}, fmt.Errorf("get admin session: %w", err)
	}
	if !now.Before(sqliteTime(expires)) {
		return Session{}, fmt.Errorf("get admin session: expired: %w", ErrNotFound)
	}
	return Session{CreatedAt: sqliteTime(created), LastSeenAt: sqliteTime(seen)}, nil
}

// DeleteSession revokes the session.
func (s *SQLite) DeleteSession(ctx context.Context, idHash string) error {
	if _, err := s.db.W.ExecContext(ctx, `DELETE FROM admin_sessions WHERE id_hash = ?`, idHash); err != nil {
		return fmt.Errorf("delete admin session: %w", err)
	}
	return nil
}
