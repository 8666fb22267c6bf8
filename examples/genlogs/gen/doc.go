// Package gen generates realistic, deterministic application logs for the
// checkout demo project, the labeled triage set and the analysis benchmark:
// per-service background traffic (successes, 4xx client errors, rare server
// errors) with incidents layered on top (a failure share, a status, an error
// message, a traffic drop, slowness).
//
// The same seed and spec always give the same bytes, so tests can generate
// their logs instead of committing them. It must not be imported by gateway
// code outside tests.
package gen
