package sdk

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// errorToStatus is the plugin side of the error transport: the *Error in
// err's chain (or a KindPermanent one built from a plain error) travels as a
// platformv1.Error in the status details. The gRPC code is informative only;
// the host reads the details.
func errorToStatus(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		if ctx.Err() != nil {
			// The host gave up on this call; say so in gRPC's own terms so
			// the host maps it like any other deadline.
			return status.FromContextError(err).Err()
		}
	}
	e := wireError(err)
	st := status.New(kindCode(e.Kind), e.Message)
	detailed, derr := st.WithDetails(&platformv1.Error{
		Kind:         e.Kind.String(),
		Message:      e.Message,
		RetryAfterMs: e.RetryAfter.Milliseconds(),
		Field:        e.Field,
	})
	if derr != nil {
		return st.Err()
	}
	return detailed.Err()
}

// wireError finds the *Error in err's chain. When the plugin wrapped it
// ("get ticket 7: %w"), the outer context is kept in Message but the kind
// prefix of the inner Error() is not repeated.
func wireError(err error) *Error {
	var e *Error
	if !errors.As(err, &e) {
		return &Error{Kind: KindPermanent, Message: err.Error()}
	}
	out := *e
	if full := err.Error(); full != e.Error() {
		out.Message = strings.Replace(full, e.Error(), e.Message, 1)
	}
	return &out
}

func kindCode(k ErrorKind) codes.Code {
	switch k {
	case KindRetryable:
		return codes.Unavailable
	case KindAuthExpired, KindRejected:
		return codes.Unauthenticated
	case KindNotFound:
		return codes.NotFound
	case KindMalformed:
		return codes.InvalidArgument
	case KindUnsupported:
		return codes.Unimplemented
	default:
		return codes.FailedPrecondition
	}
}

// errorFromStatus is the host side of the error transport. what names the
// call ("get ticket 7") for the error message.
//
// A status without a platformv1.Error detail did not come from the plugin's
// code but from the transport: the plugin process died, the connection was
// refused, the call's deadline passed. Those are KindRetryable so the gateway
// retries the job (after its plugin manager restarted the plugin) instead of
// dropping it. When the caller's own context ended, ctx.Err() stays in the
// chain so errors.Is(err, context.DeadlineExceeded) holds.
func errorFromStatus(ctx context.Context, what string, err error) error {
	if err == nil {
		return nil
	}
	st, ok := status.FromError(err)
	if ok {
		for _, d := range st.Details() {
			if pe, isErr := d.(*platformv1.Error); isErr {
				return fmt.Errorf("%s: %w", what, &Error{
					Kind:       ParseErrorKind(pe.GetKind()),
					Message:    pe.GetMessage(),
					RetryAfter: time.Duration(pe.GetRetryAfterMs()) * time.Millisecond,
					Field:      pe.GetField(),
				})
			}
		}
	}
	if ok && (st.Code() == codes.Canceled || st.Code() == codes.DeadlineExceeded) {
		awaitDeadline(ctx)
	}
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("%s: %w: %w", what, &Error{Kind: KindRetryable, Message: "call ended: " + cerr.Error()}, cerr)
	}
	if !ok {
		return fmt.Errorf("%s: %w", what, &Error{Kind: KindRetryable, Message: "plugin transport: " + err.Error()})
	}
	switch st.Code() {
	case codes.Unimplemented:
		// A plugin built before an optional RPC existed: it will never
		// answer it, which the gateway treats like a plugin that says so.
		return fmt.Errorf("%s: %w", what, &Error{Kind: KindUnsupported, Message: "plugin does not implement this call: " + st.Message()})
	case codes.Unavailable, codes.Canceled, codes.DeadlineExceeded, codes.Aborted, codes.ResourceExhausted:
		return fmt.Errorf("%s: %w", what, &Error{Kind: KindRetryable, Message: "plugin transport: " + st.Message()})
	default:
		// Retrying the same binary will not help.
		return fmt.Errorf("%s: %w", what, &Error{Kind: KindPermanent, Message: "plugin call: " + st.Code().String() + ": " + st.Message()})
	}
}

// awaitDeadline waits briefly for a context whose deadline is (nearly) due.
// The deadline travels to the plugin, which may cancel the stream a moment
// before the caller's own timer fires; without the wait such a call would
// not carry context.DeadlineExceeded.
func awaitDeadline(ctx context.Context) {
	dl, ok := ctx.Deadline()
	if !ok {
		return
	}
	wait := time.Until(dl) + 20*time.Millisecond
	if wait > 200*time.Millisecond {
		return // far off: the plugin ended the call for another reason
	}
	t := time.NewTimer(max(wait, 0))
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
