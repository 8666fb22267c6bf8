package sdk

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrorKind tells the gateway what to do about a failed call. Kinds survive
// the gRPC boundary.
type ErrorKind int

const (
	// KindPermanent: retrying will not help; the audit log shows Message.
	KindPermanent ErrorKind = iota
	// KindRetryable: try again, not before RetryAfter when it is set.
	KindRetryable
	// KindAuthExpired: the access token was refused; refresh and retry once.
	KindAuthExpired
	// KindNotFound: the object (ticket, webhook, trigger) does not exist.
	KindNotFound
	// KindRejected: Verify refused a delivery (bad signature, stale
	// timestamp); the gateway answers 401.
	KindRejected
	// KindMalformed: Verify could not parse a delivery; the gateway answers 400.
	KindMalformed
	// KindUnsupported: the plugin does not implement an optional call (such
	// as Maintain), or was built against an older protocol without it.
	KindUnsupported
)

var kindNames = [...]string{"permanent", "retryable", "auth_expired", "not_found", "rejected", "malformed", "unsupported"}

func (k ErrorKind) String() string {
	return enumName(kindNames[:], int(k), "ErrorKind")
}

// ParseErrorKind is the inverse of ErrorKind.String; unknown names are
// permanent.
func ParseErrorKind(s string) ErrorKind {
	for i, n := range kindNames {
		if n == s {
			return ErrorKind(i)
		}
	}
	return KindPermanent
}

// Error is the error type every Platform call should return.
type Error struct {
	Kind ErrorKind
	// Message is safe to show in the audit log: it must not contain tokens or
	// secrets.
	Message string
	// RetryAfter is the desk's requested wait (429/503 Retry-After); zero if
	// none.
	RetryAfter time.Duration
	// Field names the offending custom field id, when the error is about one.
	Field string
}

func (e *Error) Error() string {
	s := e.Kind.String() + ": " + e.Message
	if e.RetryAfter > 0 {
		s += fmt.Sprintf(" (retry after %s)", e.RetryAfter)
	}
	return s
}

// Redact returns e with every occurrence of secret in its Message replaced
// by "[redacted]": a copy when there was one, e itself otherwise. Plugins
// call it on errors built from desk answers, which may echo the token back.
func (e *Error) Redact(secret string) *Error {
	if secret == "" || !strings.Contains(e.Message, secret) {
		return e
	}
	cp := *e
	cp.Message = strings.ReplaceAll(cp.Message, secret, "[redacted]")
	return &cp
}

// Errorf builds an *Error of the given kind.
func Errorf(kind ErrorKind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

// Retryable builds a KindRetryable error with a Retry-After hint.
func Retryable(after time.Duration, format string, args ...any) *Error {
	return &Error{Kind: KindRetryable, Message: fmt.Sprintf(format, args...), RetryAfter: after}
}

// KindOf reports the kind of err: the Kind of the first *Error in its chain,
// or KindPermanent for any other non-nil error.
func KindOf(err error) ErrorKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindPermanent
}

// RetryAfter reports the Retry-After hint carried by err, if any.
func RetryAfter(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}

// IsKind reports whether err is an *Error of kind k.
func IsKind(err error, k ErrorKind) bool {
	var e *Error
	return errors.As(err, &e) && e.Kind == k
}

// enumName is the name of value v of an enum whose names are listed in
// order, or "Type(v)" for a value outside the list.
func enumName(names []string, v int, typ string) string {
	if v >= 0 && v < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}
