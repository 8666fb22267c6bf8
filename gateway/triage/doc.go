// Package triage decides how bad a ticket is: severity, confidence, the
// affected service, the time window the ticket is about, and the reasons.
//
// It reads the ticket's words (impact, scope, questions, security and data
// loss, negation), the desk priority and — what a desk cannot do on its own —
// the project's logs in the ticket's window against a baseline window of the
// same length before it (at least an hour, so short windows get a baseline
// worth comparing with). Security, data loss and privacy requests are
// settled by the design contract; every other ticket's severity is the
// verdict of a small ordinal logistic scorer over explicit signals (score.go)
// whose weights are fitted on the labeled tuning sets (score_test.go refits
// them). A service with no log evidence either way is judged by a
// text-only calibration of the same signals. The reasons say plainly which
// signals decided; --explain adds their weights, the score and the cuts.
//
// A ticket that came by mail is read without its thread's scaffolding
// (mail.go): header blocks and "On … wrote:" lines are one boundary, the
// signatures, disclaimers and mobile lines that end a message are dropped,
// and a follow-up note ("any update?") hands over to the message it
// quotes. A reply is judged on its new words under the thread's subject.
// The header over the writer's own earlier message keeps its clock for
// one use: written in the writer's zone, against the UTC creation time it
// gives that zone, which reads the ticket's bare clock times when the
// words name none (threadzone.go) — unless that zone is UTC and the
// requester's desk profile names one. A place the writer says they are
// in, or whose clock they give, is read in the languages and scripts the
// tickets come in ("ミュンヘンに出張中", "я сейчас в Лиссабоне", "ora
// Londrei"): its zone, not a stale profile's, reads their times
// (placeabroad.go).
//
// The affected service is a scored choice (attribution.go) among the
// services the text names and those whose flow it describes, weighed by
// where they stand — the subject, the clause that states the failure —
// and, between several, by which one's logs corroborate first.
//
// Triage only reads: ticket text and log sources. It must not import the
// gateway's config, store or plugins, post anything or call the network; the
// gateway converts its config to Project and Settings and acts on Result.
package triage
