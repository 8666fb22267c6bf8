package logs

import (
	"context"
	"time"
)

// Normalized levels. An unknown or missing level is "".
const (
	LevelError = "error"
	LevelWarn  = "warn"
	LevelInfo  = "info"
	LevelDebug = "debug"
)

// Record is one normalized log line.
type Record struct {
	Time    time.Time
	Level   string // LevelError, LevelWarn, LevelInfo, LevelDebug or ""
	Service string
	Message string
	Status  int // HTTP status, 0 when the line has none
	// Source names the log source the line came from, where the reader
	// knows it (a Union, triage's Gather); "" otherwise.
	Source string
	// Raw is the line as read, without its newline. It aliases the reader's
	// buffer (on a read from the parsed-file cache, the cache's memory,
	// shared with other reads): it is read-only, valid only during the
	// callback and must be copied to be kept.
	Raw []byte
}

// Failure reports whether the record is a server-side failure: an HTTP 5xx,
// or an error-level line that is not about a client error. A 4xx (a declined
// card, a wrong password) is normal traffic, even when logged at error level.
func (r *Record) Failure() bool {
	if r.Status >= 500 {
		return true
	}
	if r.Status >= 400 {
		return false
	}
	return r.Level == LevelError
}

// Stats says what a Read did, so a caller can report how much it looked at
// and how much of it it could not understand.
type Stats struct {
	Files        int   // files considered (matched by the globs)
	FilesSkipped int   // files skipped because their time range is outside the window
	BytesRead    int64 // bytes read from disk
	Lines        int   // lines examined
	Records      int   // records inside the window passed to the callback
	Unparsed     int   // examined lines with no recognizable timestamp or shape
	OutOfOrder   int   // lines older than an earlier line by more than the sort tolerance
}

// Add accumulates o into s.
func (s *Stats) Add(o Stats) {
	s.Files += o.Files
	s.FilesSkipped += o.FilesSkipped
	s.BytesRead += o.BytesRead
	s.Lines += o.Lines
	s.Records += o.Records
	s.Unparsed += o.Unparsed
	s.OutOfOrder += o.OutOfOrder
}

// Source is somewhere logs can be read from.
type Source interface {
	// Name identifies the source in reasons and reports.
	Name() string
	// Read calls fn for every record with from <= Time < to, in the source's
	// order (time order for sorted files). The *Record is reused between
	// calls: fn must copy what it keeps. An error from fn stops the read and
	// is returned.
	Read(ctx context.Context, from, to time.Time, fn func(*Record) error) (Stats, error)
}
