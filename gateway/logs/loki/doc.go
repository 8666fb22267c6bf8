// Package loki is a log source over Grafana Loki's HTTP API
// (/loki/api/v1/query_range), speaking plain HTTP with net/http and
// encoding/json: Loki's Go module is AGPL-3.0, so nothing of it is
// imported.
//
// Lines page past the per-query cap (max_entries_limit_per_query, 5,000
// by default) by moving start (forward) or end (backward) to the last
// timestamp seen and dropping the entries already seen at that
// nanosecond. Counts are `sum by (<service>) (count_over_time(…[1m]))` at
// a 60 s step; Loki's point at t counts (t−1m, t], so each point is
// relabelled to the minute t−1m, and the partial minutes at the window's
// edges are counted from lines so the counts cover exactly [from, to).
// X-Scope-OrgID carries the tenant; 429 (queue full) is retried with
// backoff by storehttp.
package loki
