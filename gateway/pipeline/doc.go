// Package pipeline turns a queued desk event into write-backs: it reads the
// ticket, triages it, posts per the binding's posting mode, sets the mapped
// custom fields and, when severity meets the threshold, runs and posts the log
// analysis. Every stage is recorded per ticket before the job is
// acknowledged, so a redelivered or retried job never posts twice, and every
// stage writes an audit entry.
//
// Workers lease jobs from the queue, process them and decide retry or
// dead-letter from the typed sdk error kinds. The verdict, the analysis and
// the notes' HTML come from gateway/assess. The pipeline does not parse
// config, manage plugin processes or refresh tokens itself: it is handed
// small interfaces for those.
package pipeline
