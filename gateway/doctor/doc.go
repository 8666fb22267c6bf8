// Package doctor checks a binding the way an operator troubleshoots it:
// one result per symptom (connected, public_url reachable, token fresh,
// plugin running, deliveries arriving, no dead letters, log sources
// readable) followed by the plugin's own live checks of the desk. It also
// checks each binding's platform-specific attributes against what its
// plugin declares, for `deskgate validate`, start-up and config reload.
//
// It reads the store, queue, oauth manager and plugins it is handed and
// changes none of them; it renders nothing (web and the CLI show its
// results).
package doctor
