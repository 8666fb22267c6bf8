package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// sessionGrace keeps a session key a while past its expiry, so a clock
// difference between replicas and Redis never ends a session early; validity
// is judged against the caller's clock in GetSession.
const sessionGrace = 5 * time.Minute

type storedSession struct {
	CreatedAt  int64 `json:"c"` // unix nanoseconds
	LastSeenAt int64 `json:"l"`
	ExpiresAt  int64 `json:"exp"`
}

func (r *Redis) sessionKey(idHash string) string { return r.key("session", idHash) }

func (r *Redis) PutSession(ctx context.Context, idHash string, s Session, expiresAt time.Time) error {
	val, err := json.Marshal(storedSession{CreatedAt: s.CreatedAt.UnixNano(), LastSeenAt: s.LastSeenAt.UnixNano(),
		ExpiresAt: expiresAt.UnixNano()})
	if err != nil {
		return fmt.Errorf("put admin session: %w", err)
	}
	ttl := max(time.Until(expiresAt), 0) + sessionGrace
	if err := r.c.Set(ctx, r.sessionKey(idHash), val, ttl).Err(); err != nil {
		return fmt.Errorf("put admin session: %w", err)
	}
	return nil
}

func (r *Redis) GetSession(ctx context.Context, idHash string, now time.Time) (Session, error) {
	val, err := r.c.Get(ctx, r.sessionKey(idHash)).Bytes()
	if errors.Is(err, redis.Nil) {
		return Session{}, fmt.Errorf("get admin session: %w", ErrNotFound)
	}
	if err != nil {
		return Session{}, fmt.Errorf("get admin session: %w", err)
	}
	var st storedSession
	if err := json.Unmarshal(val, &st); err != nil {
		return Session{}, fmt.Errorf("get admin session: decode: %w", err)
	}
	if !now.Before(time.Unix(0, st.ExpiresAt)) {
		return Session{}, fmt.Errorf("get admin session: expired: %w", ErrNotFound)
	}
	return Session{CreatedAt: time.Unix(0, st.CreatedAt).UTC(), LastSeenAt: time.Unix(0, st.LastSeenAt).UTC()}, nil
}

func (r *Redis) DeleteSession(ctx context.Context, idHash string) error {
	if err := r.c.Del(ctx, r.sessionKey(idHash)).Err(); err != nil {
		return fmt.Errorf("delete admin session: %w", err)
	}
	return nil
}
