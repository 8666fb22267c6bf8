// Package browser holds the web UI's browser tests: headless Chromium
// (Debian's chromium, driven with chromedp) against the real deskgate
// binary, the real Zendesk plugin and the sandbox Zendesk, as an admin
// would use them. The tests fail, not skip, when Chromium is missing
// (.ci/run installs it). They write screenshots of the main pages to
// testdata/screenshots at the repository root (git-ignored).
//
// It holds tests only; nothing imports it.
package browser
