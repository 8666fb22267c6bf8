// Package oauth connects and disconnects bindings: the OAuth 2.0
// authorization-code flow with PKCE (the /connect redirect and the
// /oauth/callback, whose Outcome gateway/web renders), the plugin Install that follows it, the refresh of
// expiring, rotating access tokens, and Disconnect (plugin Uninstall, then
// local secrets dropped).
//
// It owns the rule that a rotated refresh token is stored before the new
// access token is used, and that one binding is refreshed by one caller at a
// time. It starts no goroutines: KeepAlive, which keeps quiet bindings'
// rotating refresh tokens from expiring, runs on the caller's schedule. It
// must not parse configuration or manage plugin processes (it reads the
// configuration in force and gets plugins through plugins.Platforms), must
// not render pages, must not keep tokens anywhere but the Store, and must
// never put a token, refresh token, client
// secret, authorization code or PKCE verifier in a log line, page, audit
// entry or error.
package oauth
