package sdktest

import (
	"bytes"
	"net/http"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

// recipeAgrees runs the plugin's Verify and its declared VerifyRecipe on
// the same corpus of good and forged deliveries: both must accept the same
// ones with the same events and refuse the others with the same kind. The
// gateway executes the recipe instead of calling Verify, so a disagreement
// is a delivery the desk sees answered differently.
func (r *run) recipeAgrees(t *testing.T) {
	rc := r.desc.VerifyRecipe
	if rc == nil {
		t.Skip("Describe declares no VerifyRecipe: the gateway calls Verify for every delivery")
	}
	if err := rc.Validate(); err != nil {
		t.Fatalf("the declared recipe cannot be executed: %v", err)
	}
	key, err := rc.Key(*r.state)
	if err != nil {
		t.Fatalf("the install state Install returned has no key where the recipe says: %v", err)
	}
	now := time.Now()
	clone := func(edit func(h http.Header)) http.Header {
		h := r.header.Clone()
		edit(h)
		return h
	}
	tampered := append(bytes.Clone(r.body), ' ')
	garbage := []byte("this is not a delivery {")
	// Forged with the right scheme and a wrong key: only the key differs.
	wrongKey := clone(func(h http.Header) {
		h.Set(rc.SignatureHeader, rc.Sign(append([]byte("not-"), key...), h, r.body))
	})
	type delivery struct {
		name   string
		header http.Header
		body   []byte
		now    time.Time
	}
	corpus := []delivery{
		{"genuine delivery", r.header, r.body, now},
		{"tampered body", r.header, tampered, now},
		{"signature of another body", r.h.Sign(t, r.webhookURL, tampered, now), r.body, now},
		{"wrong key", wrongKey, r.body, now},
		{"stale timestamp", r.header, r.body, now.Add(time.Hour)},
		{"future timestamp", r.header, r.body, now.Add(-time.Hour)},
		{"no signature headers", http.Header{"Content-Type": {"application/json"}}, r.body, now},
		{"no signature header", clone(func(h http.Header) { h.Del(rc.SignatureHeader) }), r.body, now},
		{"signature not encoded", clone(func(h http.Header) { h.Set(rc.SignatureHeader, "%%%") }), r.body, now},
		{"signed garbage", r.h.Sign(t, r.webhookURL, garbage, now), garbage, now},
		{"signed empty object", r.h.Sign(t, r.webhookURL, []byte("{}"), now), []byte("{}"), now},
	}
	// The desk resends the delivery as it was: a later arrival must not
	// move its ReplayKey or SignedAt (taken from the arrival time, every
	// resend would look new to the gateway).
	corpus = append(corpus, delivery{"resent 30 seconds later", r.header, r.body, now.Add(30 * time.Second)})
	if rc.TimestampHeader != "" {
		corpus = append(corpus, delivery{"no timestamp header", clone(func(h http.Header) { h.Del(rc.TimestampHeader) }), r.body, now})
	}
	if rc.DedupHeader != "" {
		corpus = append(corpus,
			delivery{"replayed with another dedup id", clone(func(h http.Header) { h.Set(rc.DedupHeader, "sdktest-replay-1") }), r.body, now},
			delivery{"replayed without a dedup id", clone(func(h http.Header) { h.Del(rc.DedupHeader) }), r.body, now})
	}
	var (
		genuineReplay string
		genuineSigned time.Time
	)
	for _, c := range corpus {
		t.Run(c.name, func(t *testing.T) {
			req := sdk.VerifyRequest{State: *r.state, Headers: c.header, Body: c.body, Now: c.now, Method: r.method, URL: r.uri}
			rpcEvs, rpcErr := r.p.Verify(r.ctx(t), req)
			r.seen("", rpcErr)
			recEvs, recErr := rc.Verify(key, req)
			switch {
			case (rpcErr == nil) != (recErr == nil):
				t.Fatalf("Verify says %v, the recipe says %v", errOrOK(rpcErr), errOrOK(recErr))
			case rpcErr != nil:
				if sdk.KindOf(rpcErr) != sdk.KindOf(recErr) {
					t.Fatalf("Verify refuses with kind %s (%v), the recipe with kind %s (%v)", sdk.KindOf(rpcErr), rpcErr, sdk.KindOf(recErr), recErr)
				}
				return
			}
			if len(rpcEvs) != len(recEvs) {
				t.Fatalf("Verify returned %d events, the recipe %d", len(rpcEvs), len(recEvs))
			}
			for i := range rpcEvs {
				a, b := rpcEvs[i], recEvs[i]
				if a.DedupKey != b.DedupKey || a.Type != b.Type || a.TicketID != b.TicketID || !a.OccurredAt.Equal(b.OccurredAt) || a.ReplayKey != b.ReplayKey ||
					!a.SignedAt.Equal(b.SignedAt) {
					t.Errorf("event %d differs:\n  Verify: dedup %q type %q ticket %q at %s replay %q signed %s\n  recipe: dedup %q type %q ticket %q at %s replay %q signed %s",
						i, a.DedupKey, a.Type, a.TicketID, a.OccurredAt, a.ReplayKey, a.SignedAt, b.DedupKey, b.Type, b.TicketID, b.OccurredAt, b.ReplayKey, b.SignedAt)
				}
				if a.ReplayKey == "" {
					t.Errorf("event %d has no ReplayKey: a captured delivery resent under a new dedup id would be queued twice", i)
				}
			}
			switch c.name {
			case "genuine delivery":
				if len(rpcEvs) == 0 {
					t.Fatal("Verify and the recipe accept the genuine delivery but return no event")
				}
				genuineReplay, genuineSigned = rpcEvs[0].ReplayKey, rpcEvs[0].SignedAt
			case "replayed with another dedup id", "replayed without a dedup id", "resent 30 seconds later":
				if len(rpcEvs) == 0 || rpcEvs[0].ReplayKey != genuineReplay {
					t.Errorf("a replay of the genuine delivery has events %+v, the original ReplayKey %q: the gateway cannot tell it is a replay", rpcEvs, genuineReplay)
				} else if !rpcEvs[0].SignedAt.Equal(genuineSigned) {
					t.Errorf("a replay of the genuine delivery is signed at %s, the original at %s: SignedAt must come from the signed timestamp, not the arrival", rpcEvs[0].SignedAt, genuineSigned)
				}
			}
		})
	}
}

func errOrOK(err error) string {
	if err == nil {
		return "accepted"
	}
	return "refused (" + sdk.KindOf(err).String() + ": " + err.Error() + ")"
}
