// Package victorialogstest runs a real VictoriaLogs server for tests: it
// finds the victoria-logs binary (DESKGATE_VICTORIALOGS_BIN, the
// repository's .bin/, PATH) or installs the pinned version with the Go
// toolchain into .bin/, starts it on a free loopback port with a temporary
// storage directory, and ingests JSON lines the way the docs require
// (Content-Type application/stream+json, then a forced flush). A test that
// needs it fails, never skips, when the binary cannot be had.
package victorialogstest
