// Package zendesk is the Zendesk desk plugin: an sdk.Platform that registers a
// webhook and a "ticket is created" trigger on a Zendesk account, verifies the
// signed deliveries, and reads and writes tickets through the Zendesk REST API.
//
// It keeps no per-tenant state: everything it needs (token, API base URL,
// webhook and trigger ids, signing secret) comes in with each call, so the
// gateway can restart it at any time. It imports only sdk, the standard library
// and hclog — never gateway/ — and it never logs or returns a token or a
// signing secret.
package zendesk
