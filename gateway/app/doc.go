// Package app wires the gateway together from a loaded config: store and
// queue backends, plugin manager, OAuth manager, ingress, pipeline, admin API
// and operations endpoints, and runs them until shutdown. It adapts the config
// to each package's small interfaces; it holds no business logic of its own.
package app
