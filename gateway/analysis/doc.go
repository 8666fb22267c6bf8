// Package analysis explains an incident from the project's logs once triage
// has judged a ticket severe enough: it mines templates from the affected
// service's error and warning lines in the ticket's window (Drain-style:
// variable parts masked, near-identical lines merged), compares them with a
// baseline of the same length before, draws a per-minute timeline, and lists
// other services whose errors rose in the same window by onset — the
// earliest being the likeliest cause.
//
// Everything the Report quotes (templates, sample lines, the ticket's
// subject, triage's reasons) passes through the caller's redaction first:
// the report is shown to whoever holds its link.
//
// The Report it returns is plain data: gateway/assess renders it as the
// analysis page and note. It reads log sources only: it must not import
// gateway config or the store, nor render or post anything.
package analysis
