// Package logsource turns the log_source blocks of a configuration into
// logs.Querier values: files, VictoriaLogs, Loki or Elasticsearch, and the
// union of a project's sources. It is the one place that knows both the
// config and the clients, so wiring a project is one call (NewProject).
package logsource
