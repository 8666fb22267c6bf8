// Package elasticsearch is a log source over the Elasticsearch (7, 8) and
// OpenSearch (1, 2) search API, speaking plain HTTP.
//
// Why not a client library: the official go-elasticsearch client refuses
// any server whose answers lack `X-Elastic-Product: Elasticsearch`, so it
// cannot talk to OpenSearch; supporting both would take two clients
// (opensearch-go also pulls the AWS SDK) for the three calls used here:
// _search, point-in-time open/close. Both libraries are Apache-2.0, so the
// choice is about one code path and no dependency, not license.
//
// Lines: `_search` with a bool filter (service term, time range), sorted
// on the time field; beyond one page, search_after inside a point in time
// (Elasticsearch: POST /<index>/_pit, DELETE /_pit; OpenSearch: POST
// /<index>/_search/point_in_time, DELETE /_search/point_in_time), the
// newest PIT id reused. Counts: a terms aggregation on the service with a
// 1-minute date_histogram and a failure filter sub-aggregation, split in
// time so no answer nears search.max_buckets. An answer with timed_out or
// failed shards is a failure (partial results are never counted).
package elasticsearch
