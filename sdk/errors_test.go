package sdk

import (
	"testing"
	"time"
)

func TestErrorRedact_replacesTheSecretAndKeepsTheRest(t *testing.T) {
	tests := []struct {
		name, message, secret, want string
		copied                      bool
	}{
		{"a message quoting the secret twice has both replaced", "bad token tok-1 (tok-1)", "tok-1", "bad token [redacted] ([redacted])", true},
		{"a message without the secret is returned as it is", "404 Not Found", "tok-1", "404 Not Found", false},
		{"an empty secret redacts nothing", "404 Not Found", "", "404 Not Found", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Error{Kind: KindRetryable, Message: tt.message, RetryAfter: time.Second, Field: "f"}
			got := e.Redact(tt.secret)
			if got.Message != tt.want {
				t.Errorf("Message = %q, want %q", got.Message, tt.want)
			}
			if got.Kind != KindRetryable || got.RetryAfter != time.Second || got.Field != "f" {
				t.Errorf("Redact changed more than the message: %+v", *got)
			}
			if (got != e) != tt.copied {
				t.Errorf("copied = %v, want %v", got != e, tt.copied)
			}
			if e.Message != tt.message {
				t.Errorf("the original's Message changed to %q", e.Message)
			}
		})
	}
}
