// Package logs reads application log records from log sources for a time
// window. A Source hides where the logs live (files today; Loki or
// Elasticsearch can implement the same interface) and normalizes each line to
// a Record: time, level, service, message and HTTP status.
//
// Reading costs what the window costs, not what the files weigh: FileSource
// skips files whose first/last timestamps fall outside the window and
// binary-searches sorted files for the window's start. Lines that do not parse
// are counted in Stats, never fatal.
//
// This package only reads log files. It must not import gateway config, the
// store or anything that talks to the network; it knows nothing of tickets.
package logs
