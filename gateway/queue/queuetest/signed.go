package queuetest

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/queue"
)

// RunSignedReplay runs the replay-key cases of jobs that carry their
// delivery's signed time (queue.Job.SignedAt), with open as for Run. A
// backend may store such keys apart (by time); it must refuse a resend all
// the same, also of a delivery whose key was stored without a signed time
// (by a version before SignedAt, or a verifier that gave none then).
func RunSignedReplay(t *testing.T, open func(t *testing.T, now func() time.Time) queue.Queue) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, q queue.Queue, c *Clock)
	}{
		{"SignedReplayKeyRefusesAResendUnderANewDedupKey", testSignedReplay},
		{"KeyStoredWithoutSignedTimeRefusesTheSignedResend", testResendAcrossForms(signed, signedAt)},
		{"ExpiredKeyStoredWithoutSignedTimeRefusesNothing", expiredAcrossFormsTest(signed, signedAt)},
		{"KeyStoredWithSignedTimeRefusesTheUnsignedResend", testResendAcrossForms(signedAt, signed)},
		{"ExpiredKeyStoredWithSignedTimeRefusesNothing", expiredAcrossFormsTest(signedAt, signed)},
		{"DedupKeyDuplicateStillRecordsItsSignedReplayKey", retryRecordsReplayKeyTest(signedAt)},
		{"SignedReplayKeyExpiresAfterReplayTTL", replayKeyExpiryTest(signedAt)},
		{"ConcurrentSignedReplaysStoreOne", concurrentReplaysTest(signedAt)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := NewClock()
			tc.fn(t, open(t, c.Now), c)
		})
	}
}

// signedTime is when the suite's deliveries were signed: a few seconds
// before NewClock's time, whole seconds as desks sign.
var signedTime = time.Date(2026, 5, 6, 7, 8, 6, 0, time.UTC)

// signedAt returns job n as the event of a delivery signed at signedTime
// with replay key r.
func signedAt(n int, r string) queue.Job {
	j := signed(n, r)
	j.SignedAt = signedTime
	return j
}

// testResendAcrossForms stores a delivery's key in one form (with or
// without its signed time) and resends the delivery in the other: the
// verifier that gives the time may change between the two (the recipe
// given up for the plugin's Verify, a version before SignedAt), the
// delivery does not.
func testResendAcrossForms(first, resend func(n int, r string) queue.Job) func(*testing.T, queue.Queue, *Clock) {
	return func(t *testing.T, q queue.Queue, c *Clock) {
		enqueue(t, q, first(1, "sig-a"))
		c.Advance(time.Minute)
		mustBeDuplicate(t, q, resend(2, "sig-a"), "the key was stored in the other form a minute ago")
		wantReady(t, q, 1, "a replay stores nothing")
		// Neither the refused resend nor the old key took a new delivery's place.
		enqueue(t, q, resend(2, "sig-b"))
		wantReady(t, q, 2, "the genuine delivery is a new job")
	}
}

func testSignedReplay(t *testing.T, q queue.Queue, c *Clock) {
	replayKeyTest(signedAt)(t, q, c)
	// Same signed second, other signature: another delivery.
	enqueue(t, q, signedAt(4, "sig-c"))
	wantReady(t, q, 3, "the genuine deliveries are new jobs")
}

// expiredAcrossFormsTest: once the key stored in one form has expired, the
// delivery resent in the other form is a new job.
func expiredAcrossFormsTest(first, resend func(n int, r string) queue.Job) func(*testing.T, queue.Queue, *Clock) {
	return func(t *testing.T, q queue.Queue, c *Clock) {
		enqueue(t, q, first(1, "sig-a"))
		c.Advance(queue.DefaultReplayTTL + time.Second)
		enqueue(t, q, resend(2, "sig-a"))
	}
}
