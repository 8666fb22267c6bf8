// Package redisopt turns a Redis URL into client options with the timeouts
// the gateway needs, for both the Redis store and the Redis queue.
package redisopt

import (
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
)

// ClientOptions parses a redis:// or rediss:// URL (user, password and
// database from the URL) and sets short timeouts, so that an unreachable
// Redis fails a request within a few seconds (the ingress answers 503)
// instead of hanging it. Timeouts given as URL query parameters
// (dial_timeout=…) win. Errors never quote the URL: it may carry a password.
func ClientOptions(url string) (*redis.Options, error) {
	if url == "" {
		return nil, errors.New("redis url is empty")
	}
	o, err := redis.ParseURL(url)
	if err != nil {
		return nil, errors.New("parse redis url: invalid URL (want redis://[user:password@]host:port/db or rediss://…)")
	}
	if o.DialTimeout == 0 {
		o.DialTimeout = 2 * time.Second
	}
	if o.ReadTimeout == 0 {
		o.ReadTimeout = 3 * time.Second
	}
	if o.WriteTimeout == 0 {
		o.WriteTimeout = 3 * time.Second
	}
	if o.MaxRetries == 0 {
		o.MaxRetries = 1
	}
	o.DialerRetries = 1
	o.PoolTimeout = 4 * time.Second
	return o, nil
}
