// Package sdktest is the conformance kit for desk plugins. A plugin author
// implements Harness for the desk's sandbox and calls Run from a go test; Run
// starts the real plugin binary through sdk.NewClient and drives every
// Platform call the way the gateway will, failing on anything the gateway
// could not rely on.
//
// It stays desk-agnostic: anything that depends on a desk's API, its
// delivery format or its signing scheme comes from the Harness. It must not
// import the gateway or any plugin.
package sdktest
