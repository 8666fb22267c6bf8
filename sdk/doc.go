// Package sdk is what a desk plugin author imports: the Platform interface a
// desk implements, the normalized types that cross the plugin boundary, the
// typed errors the gateway acts on, and the go-plugin glue (Serve for a
// plugin's main, NewClient for the host).
//
// sdk must never import anything under gateway/: a plugin for another desk is
// written outside this repository against this package alone.
package sdk
