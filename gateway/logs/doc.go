// Package logs reads application log records from log sources for a time
// window and normalizes each line to a Record: time, level, service,
// message and HTTP status.
//
// Querier is what triage and analysis use for every kind of source: the
// lines of one service in [from, to) (capped, oldest- or newest-first,
// streamed) and per-minute counts of all lines and of failures, computed
// by the store where there is one. FileSource implements it by scanning;
// the log-store clients live in the subpackages victorialogs, loki and
// elasticsearch (HTTP plumbing in storehttp), config wiring in logsource;
// Union merges several sources. Source (Read of every record) is the older
// interface FileSource still offers.
//
// Reading a file costs what the window costs, not what the file weighs:
// FileSource skips files whose first/last timestamps fall outside the
// window and binary-searches sorted files for the window's start. Lines
// that do not parse are counted in Stats, never fatal. A file's parsed
// lines are kept in memory while it is unchanged, so a file read again
// (each ticket's triage and analysis) costs no parse; the first read of a
// file that fits the cache parses it whole, once (filecache.go).
// ReadTally counts a read's records by service and minute itself and passes
// on only the failure and warning lines; on a cached, sorted file it counts
// from compact columns kept with the records (integer times, kinds,
// services, each failure's Mask) and seeks from the cached lines, without
// touching the other records (tally.go).
//
// Mask normalises a message for template mining; Redactor removes personal
// data and secrets (e-mail, cards, keys and tokens, secret-named fields,
// IPs, phones) from text shown on public analysis pages.
//
// This package itself must not import gateway config, the store or
// anything that talks to the network; it knows nothing of tickets.
package logs
