// Package fakedesk is a tiny in-memory support desk with an HTTP API, and a
// sdktest.Harness for it. It exists only to test the sdk itself (Serve,
// NewClient, the error transport and the sdktest kit) without depending on
// any real desk plugin. It must stay small and must not be used by the
// gateway or by a real plugin.
package fakedesk
