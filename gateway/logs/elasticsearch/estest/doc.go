// Package estest is an in-memory emulator of the part of the
// Elasticsearch and OpenSearch search API the elasticsearch client uses,
// over real HTTP for tests (neither server can run here). It follows the
// documented shapes: `_search` with bool filter/must_not/should, term,
// terms and range queries, sort with search_after, the 10,000-hit
// from+size window, points in time at the Elasticsearch (/_pit) or
// OpenSearch (/_search/point_in_time) paths with the implicit _shard_doc
// tie-breaker, terms → date_histogram → filter aggregations, JSON errors
// ({"error":{type,reason,root_cause},"status"}), X-Elastic-Product on
// Elasticsearch answers, and injected partial results, 429s and auth.
package estest
