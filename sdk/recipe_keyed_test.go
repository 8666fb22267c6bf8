package sdk

import (
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"
)

// jsonString decodes every JSON value as json.Unmarshal into a string
// does: plain strings (its fast path), escapes, invalid UTF-8, the
// separators encoding/json rewrites, and values that are not strings.
func TestJSONString_decodesAsEncodingJSON(t *testing.T) {
	for _, raw := range []string{
		`""`, `"ticket.created"`, `" 42 "`, `"T-1"`, `"café"`, `"日本"`, `"a\"b"`, `"\u00e9"`, `"\\"`, `"x\/y"`,
		"\"\xff\xfe\"", "\"a\xc3\"", "\"\xe2\x80\xa8\"", `"\ud800"`, `42`, `null`, `true`, `{}`, `[]`, `-1.5e3`,
	} {
		var want string
		wantErr := json.Unmarshal([]byte(raw), &want)
		got, err := jsonString([]byte(raw))
		if got != want || (err == nil) != (wantErr == nil) {
			t.Errorf("jsonString(%q) = %q, %v; encoding/json %q, %v", raw, got, err, want, wantErr)
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range []string{`"a"`, `"\n"`, "\"\xff\"", `1`, `"\u2028"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if !json.Valid(raw) {
			return
		}
		var want string
		wantErr := json.Unmarshal(raw, &want)
		got, err := jsonString(raw)
		if got != want || (err == nil) != (wantErr == nil) {
			t.Errorf("jsonString(%q) = %q, %v; encoding/json %q, %v", raw, got, err, want, wantErr)
		}
	})
}

// ReplayKey's values are stored by the queues for an hour: a release that
// computed them differently would accept a resend of a delivery the one
// before it stored. These are the values of the first release.
func TestReplayKey_valuesAreThoseOfEarlierReleases(t *testing.T) {
	for _, tc := range []struct {
		parts []string
		want  string
	}{
		{[]string{"c2lnbmF0dXJl", "2026-11-27T10:00:00Z"}, "sha256:7f29c6c09161085d29c995c99747f93df155723f893ebdfcac0a0a65efde0e2d"},
		{nil, "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{[]string{"", "\x00\xff", string(make([]byte, 300))}, "sha256:c79d98ac41b152f9b09982aff677846d519792f10bc613c22c5816350ef57151"},
	} {
		if got := ReplayKey(tc.parts...); got != tc.want {
			t.Errorf("ReplayKey(%q) = %s, want %s", tc.parts, got, tc.want)
		}
	}
}

// A KeyedRecipe answers every delivery as the recipe's Verify with its key
// does, genuine and forged, from many goroutines at once (its MAC state is
// pooled and reset between deliveries), for each algorithm.
func TestKeyedRecipe_verifiesAsVerifyWithItsKey(t *testing.T) {
	for _, alg := range []string{"hmac-sha256", "hmac-sha1", "hmac-sha512"} {
		t.Run(alg, func(t *testing.T) {
			rc := &VerifyRecipe{Algorithm: alg, KeyPath: "k", SignatureHeader: "X-Sig",
				Signed: []SignedPart{{Kind: "timestamp"}, {Kind: "body"}}, TimestampHeader: "X-Ts", Tolerance: time.Minute,
				DedupHeader: "X-Inv", EventTypePath: "event", EventTypes: map[string]string{"ticket.created": "ticket.created"},
				TicketIDPath: "ticket_id"}
			if err := rc.Validate(); err != nil {
				t.Fatal(err)
			}
			key := []byte("k3y")
			now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
			req := func(i int, signKey []byte, body string) VerifyRequest {
				h := http.Header{}
				h.Set("X-Ts", now.Format(time.RFC3339))
				h.Set("X-Inv", fmt.Sprint("inv-", i))
				h.Set("X-Sig", rc.Sign(signKey, h, []byte(body)))
				return VerifyRequest{Headers: h, Body: []byte(body), Now: now}
			}
			keyed := rc.WithKey(key)
			var wg sync.WaitGroup
			for g := range 4 {
				wg.Go(func() {
					for i := range 200 {
						n := g*1000 + i
						body := fmt.Sprintf(`{"ticket_id":"%d","event":"ticket.created"}`, n)
						signKey := key
						if i%3 == 1 {
							signKey = []byte("forger")
						}
						r := req(n, signKey, body)
						if i%7 == 2 {
							r.Body = append(r.Body, ' ') // tampered after signing
						}
						want, wantErr := rc.Verify(key, r)
						got, err := keyed.Verify(r)
						if !reflect.DeepEqual(got, want) || KindOf(err) != KindOf(wantErr) || (err == nil) != (wantErr == nil) {
							t.Errorf("delivery %d: keyed %v, %v; Verify %v, %v", n, got, err, want, wantErr)
							return
						}
						if (i%3 == 1 || i%7 == 2) == (err == nil) {
							t.Errorf("delivery %d (forged %v, tampered %v): %v", n, i%3 == 1, i%7 == 2, err)
							return
						}
					}
				})
			}
			wg.Wait()
			if _, err := rc.WithKey(nil).Verify(req(0, key, `{"ticket_id":"1"}`)); KindOf(err) != KindPermanent {
				t.Errorf("no key: %v, want a permanent error", err)
			}
		})
	}
}
