// Package assess judges a desk ticket for the gateway: it turns the config
// into what triage and analysis read (a project's services, log sources and
// rules; a binding's settings), keeps one triager per binding (rebuilt when
// the config is reloaded), triages tickets, runs and loads log analyses,
// and renders what people read of them: the triage note, the analysis note
// and the analysis page. It also runs `deskgate triage`, the dry run of
// triage on one ticket.
//
// It reads config and log files only: it must not import the store, queue
// or plugins, nor post anything; the pipeline stores and posts what it
// returns, and web serves the page.
package assess
