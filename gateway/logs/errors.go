package logs

import (
	"errors"
	"fmt"
)

// ErrorKind says what went wrong with a query, so callers can decide
// without reading messages: retry later, fix credentials, fix the config.
type ErrorKind int

const (
	KindOther       ErrorKind = iota
	KindUnreachable           // connection refused, DNS, TLS handshake
	KindAuth                  // 401 or 403: credentials missing, wrong or without privilege
	KindBadQuery              // 400/404/422: the query, the index or the config is wrong
	KindOverloaded            // 429 or 503 after the retries: the store sheds load
	KindTimeout               // the store or the client timed out
	KindPartial               // the store answered with a partial result
	KindBroken                // the answer broke off or could not be decoded
)

func (k ErrorKind) String() string {
	switch k {
	case KindUnreachable:
		return "unreachable"
	case KindAuth:
		return "not authorized"
	case KindBadQuery:
		return "bad query"
	case KindOverloaded:
		return "overloaded"
	case KindTimeout:
		return "timed out"
	case KindPartial:
		return "partial result"
	case KindBroken:
		return "broken answer"
	}
	return "failed"
}

// Retryable reports whether the same query may succeed later.
func (k ErrorKind) Retryable() bool {
	return k == KindUnreachable || k == KindOverloaded || k == KindTimeout || k == KindPartial || k == KindBroken
}

// QueryError is a failed query of a named source. Its message names the
// source and never carries a credential.
type QueryError struct {
	Source string
	Op     string // "lines", "counts", … ; may be empty
	Kind   ErrorKind
	Status int // HTTP status, 0 when none
	Err    error
}

func (e *QueryError) Error() string {
	op := ""
	if e.Op != "" {
		op = " " + e.Op
	}
	st := ""
	if e.Status != 0 {
		st = fmt.Sprintf(" (HTTP %d)", e.Status)
	}
	return fmt.Sprintf("log source %q%s: %s%s: %v", e.Source, op, e.Kind, st, e.Err)
}

func (e *QueryError) Unwrap() error { return e.Err }

// KindOf returns the kind of the first QueryError in err's chain, KindOther
// when there is none.
func KindOf(err error) ErrorKind {
	var qe *QueryError
	if errors.As(err, &qe) {
		return qe.Kind
	}
	return KindOther
}
