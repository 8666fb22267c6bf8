package sdk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"testing"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func TestErrorTransport_keepsKindMessageRetryAfterAndField(t *testing.T) {
	tests := []struct {
		name string
		in   error
		want Error
	}{
		{"retryable with retry-after", Retryable(2500*time.Millisecond, "zendesk 429"),
			Error{Kind: KindRetryable, Message: "zendesk 429", RetryAfter: 2500 * time.Millisecond}},
		{"auth expired", Errorf(KindAuthExpired, "token refused"), Error{Kind: KindAuthExpired, Message: "token refused"}},
		{"not found", Errorf(KindNotFound, "ticket 9 not found"), Error{Kind: KindNotFound, Message: "ticket 9 not found"}},
		{"rejected", Errorf(KindRejected, "bad signature"), Error{Kind: KindRejected, Message: "bad signature"}},
		{"malformed", Errorf(KindMalformed, "body is not JSON"), Error{Kind: KindMalformed, Message: "body is not JSON"}},
		{"unsupported", Errorf(KindUnsupported, "no Maintain"), Error{Kind: KindUnsupported, Message: "no Maintain"}},
		{"permanent naming a field", &Error{Kind: KindPermanent, Message: "unknown field", Field: "360009"},
			Error{Kind: KindPermanent, Message: "unknown field", Field: "360009"}},
		{"wrapped sdk error keeps its context without a second kind prefix",
			fmt.Errorf("get ticket 7: %w", Errorf(KindNotFound, "no such ticket")),
			Error{Kind: KindNotFound, Message: "get ticket 7: no such ticket"}},
		{"plain error becomes permanent with its message", io.ErrUnexpectedEOF,
			Error{Kind: KindPermanent, Message: "unexpected EOF"}},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := errorFromStatus(ctx, "call", errorToStatus(ctx, tt.in))
			var e *Error
			if !errors.As(got, &e) {
				t.Fatalf("got %T %v, want an *Error in the chain", got, got)
			}
			if *e != tt.want {
				t.Errorf("got %+v, want %+v", *e, tt.want)
			}
		})
	}
}

func TestErrorTransport_treatsTransportFailuresAsRetryable(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want ErrorKind
	}{
		{"connection lost", status.Error(codes.Unavailable, "error reading from server: EOF"), KindRetryable},
		{"deadline passed in transit", status.Error(codes.DeadlineExceeded, "context deadline exceeded"), KindRetryable},
		{"not a status at all", io.EOF, KindRetryable},
		{"method the plugin lacks is unsupported", status.Error(codes.Unimplemented, "unknown method"), KindUnsupported},
		{"a refusal without details stays permanent", status.Error(codes.FailedPrecondition, "no"), KindPermanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := errorFromStatus(context.Background(), "call", tt.err)
			if k := KindOf(got); k != tt.want {
				t.Errorf("kind %s, want %s (err %v)", k, tt.want, got)
			}
		})
	}
}

func TestErrorTransport_keepsTheCallersContextErrorInTheChain(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := errorFromStatus(ctx, "describe", status.Error(codes.Canceled, "context canceled"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("errors.Is(%v, context.Canceled) = false", err)
	}
	if !IsKind(err, KindRetryable) {
		t.Errorf("kind %s, want retryable", KindOf(err))
	}
}

func TestErrorTransport_sendsPluginSideCancellationAsGRPCCode(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 0)
	defer cancel()
	<-ctx.Done()
	err := errorToStatus(ctx, fmt.Errorf("get ticket: %w", ctx.Err()))
	if c := status.Code(err); c != codes.DeadlineExceeded {
		t.Errorf("code %s, want DeadlineExceeded", c)
	}
}
