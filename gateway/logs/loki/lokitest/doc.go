// Package lokitest is an in-memory emulator of the part of Loki's HTTP
// API the loki client uses, served over real HTTP for tests (no Loki can
// run here: its module has replace directives `go install` refuses, and
// Debian has no package). It follows the documented shapes:
// /loki/api/v1/query_range with stream selectors, a `json | drop … |`
// label-filter pipeline, `sum by (l) (count_over_time(… [1m]))` whose
// point at t counts (t−1m, t], the 5,000-line cap (400 past it), streams
// sorted by direction, X-Scope-OrgID tenants (401 "no org id"), text/plain
// errors and injected 429s.
package lokitest
