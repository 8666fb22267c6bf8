// Package victorialogs is a log source over the VictoriaLogs HTTP API
// (LogsQL on /select/logsql/query), speaking plain HTTP.
//
// Lines come from `<filter> _time:[from, to) | sort by (_time) limit N`;
// per-minute counts from `… | stats by (_time:1m, <service>) count() total,
// count() if (<failure>) failures`, computed by the server. The window is
// always written into the query with explicit UTC times: the hits and
// stats_query_range endpoints widen start/end to whole steps, and a time
// without a zone is read in the server's zone. A stream that breaks off
// after a 200 is a failed query; 503 (overload, concurrency limit) is
// retried with backoff by storehttp.
package victorialogs
