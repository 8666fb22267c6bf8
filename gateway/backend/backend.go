package backend

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/queue"
	"github.com/sigsentry/deskgate/gateway/store"
)

// Backends are the opened store and queue and the capabilities they bring.
type Backends struct {
	// Store is every store role; hand each consumer the roles it uses.
	Store store.Store
	Queue queue.Queue
	// Lock serializes work across replicas sharing the backend (the OAuth
	// refresh); nil when one process owns the data.
	Lock store.Locker
	// RateLimit paces desk write-backs across replicas; nil when one
	// process owns the data and paces itself in-process.
	RateLimit store.Limiter
	// Wake is signalled when this process makes a job leasable, so idle
	// workers need not wait for their next poll.
	Wake <-chan struct{}
}

// Open opens the backend cfg.Store names, sealing secrets with the master
// key in cfg.Gateway.DataDir (created on first use).
func Open(ctx context.Context, cfg *config.Config, log hclog.Logger) (*Backends, error) {
	key, err := store.LoadOrCreateKey(cfg.Gateway.DataDir)
	if err != nil {
		return nil, fmt.Errorf("master key: %w", err)
	}
	box, err := store.NewBox(key)
	if err != nil {
		return nil, fmt.Errorf("master key: %w", err)
	}
	if cfg.Store.Kind == config.StoreRedis {
		return openRedis(ctx, cfg.Store, box, log)
	}
	return openSQLite(ctx, cfg.Store, box, log)
}

func openRedis(ctx context.Context, c config.Store, box *store.Box, log hclog.Logger) (*Backends, error) {
	// go-redis logs through one process-wide logger: route it to ours.
	store.RouteRedisLogs(log.Named("redis"))
	rs, err := store.OpenRedis(ctx, store.RedisOptions{URL: c.URL, KeyPrefix: c.KeyPrefix, Box: box, Logger: log})
	if err != nil {
		return nil, fmt.Errorf("open redis store: %w", err)
	}
	q, err := queue.NewRedis(ctx, queue.RedisQueueOptions{
		URL: c.URL, KeyPrefix: c.KeyPrefix, Options: queue.Options{Logger: log},
		OnRecover: func(reason string) {
			// Jobs stored before the loss cannot be recovered; say so
			// where an operator looks.
			log.Error("redis queue re-created", "reason", reason)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = rs.AppendAudit(ctx, store.AuditEntry{Time: time.Now(), Action: "queue.recovered",
				Outcome: store.OutcomeError, Message: reason})
		},
	})
	if err != nil {
		rs.Close()
		return nil, fmt.Errorf("open redis queue: %w", err)
	}
	return &Backends{Store: rs, Queue: q, Lock: rs, RateLimit: rs, Wake: q.Ready()}, nil
}

func openSQLite(ctx context.Context, c config.Store, box *store.Box, log hclog.Logger) (*Backends, error) {
	ss, err := store.OpenSQLite(ctx, c.Path, box, store.WithLogger(log))
	if err != nil {
		return nil, fmt.Errorf("open sqlite store %s: %w", c.Path, err)
	}
	q, err := queue.NewSQLite(ctx, ss.DB(), queue.Options{Logger: log})
	if err != nil {
		ss.Close()
		return nil, fmt.Errorf("open sqlite queue: %w", err)
	}
	// One gateway owns an SQLite file: a lease found now was held by a
	// process that died, and its job is ready at once, not after the
	// visibility timeout.
	n, err := q.ReleaseLeases(ctx)
	if err != nil {
		q.Close()
		ss.Close()
		return nil, fmt.Errorf("open sqlite queue: %w", err)
	}
	if n > 0 {
		log.Info("released the leases of a previous gateway process", "jobs", n)
	}
	return &Backends{Store: ss, Queue: q, Wake: q.Ready()}, nil
}

// Close closes the queue, then the store (the SQLite queue runs on the
// store's database).
func (b *Backends) Close() error {
	var errs []error
	if err := b.Queue.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close queue: %w", err))
	}
	if err := b.Store.Close(); err != nil {
		errs = append(errs, fmt.Errorf("close store: %w", err))
	}
	return errors.Join(errs...)
}
