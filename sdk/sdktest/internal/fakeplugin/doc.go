// Command fakeplugin is a desk plugin for the fake desk of package fakedesk.
// The sdk's own tests build and run it to prove Serve, NewClient, the error
// transport and the sdktest kit over real go-plugin without any real desk.
//
// Besides a working Platform it has switches for the failure paths, chosen
// by the ticket id passed to GetTicket: "panic", "block" (until the call's
// context ends), "plain" (a non-sdk error) and "err-<kind>" (an *sdk.Error
// of that kind).
//
// FAKEPLUGIN_FLAW in its environment plants one bug, so the sdktest kit can
// be shown to catch it: "skip-signature", "leak-token" or "public-notes".
package main
