package app

import (
	"context"
	"time"
)

// purgeExpiredAnalyses deletes analyses older than analysis_retention, at
// start and then every period, until ctx ends. Pages already answer 410
// past the retention; this removes their bodies from the store.
func (a *App) purgeExpiredAnalyses(ctx context.Context, period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		retention := a.cfg.Load().Gateway.AnalysisRetention
		if retention > 0 {
			n, err := a.store.PurgeAnalyses(ctx, time.Now().Add(-retention))
			switch {
			case err != nil && ctx.Err() == nil:
				a.log.Warn("purge expired analyses", "error", err)
			case n > 0:
				a.log.Info("purged expired analyses", "count", n, "retention", retention.String())
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
