// Package jsm is the Jira Service Management Cloud desk plugin: an
// sdk.Platform (and sdk.Maintainer) that registers a dynamic webhook for new
// requests of one service project, verifies the JWT-signed deliveries, and
// reads and writes requests through Atlassian's REST APIs
// (api.atlassian.com/ex/jira/{cloudid}).
//
// It keeps no per-tenant state: everything it needs (token, API base, webhook
// id, the client secret that signs deliveries) comes in with each call. It
// imports only sdk, the standard library and hclog — never gateway/ — and it
// never logs or returns a token or the client secret.
package jsm
