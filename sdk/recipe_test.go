package sdk

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// structID decodes "id" the way a plugin's struct decode does.
func structID(body []byte) (json.RawMessage, bool) {
	var v struct {
		ID json.RawMessage `json:"id"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return nil, false
	}
	return v.ID, true
}

func TestLookup_findsAKeyAsEncodingJSONDecodesAStructField(t *testing.T) {
	for _, tc := range []struct{ name, body string }{
		{"a plain key", `{"id":"1"}`},
		{"the last of duplicate keys", `{"id":"1","id":"2"}`},
		{"a key in another case", `{"ID":3}`},
		{"an escaped key", `{"i\u0064":"4"}`},
		{"braces and quotes inside strings", `{"x":"}\"{[","id":5}`},
		{"a nested object with the same key", `{"x":{"id":8,"y":[1,{"id":7}]},"id":6}`},
		{"whitespace everywhere", " {\n \"id\" :\t \"9\" , \"z\" : null }\n"},
		{"no such key", `{"idx":1}`},
		{"an empty object", `{}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, _ := structID([]byte(tc.body))
			got := lookup([]byte(tc.body), "id")
			if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
				t.Errorf("lookup = %q, encoding/json = %q", got, want)
			}
		})
	}
	if got := lookup([]byte(`{"ticket":{"id":"12","via":{"id":1}}}`), "ticket.id"); string(got) != `"12"` {
		t.Errorf("dotted path: %q", got)
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{`{"id":"1"}`, `{"a":[1,2,{"id":3}],"Id":"x\"y"}`, `{"i\u0064":null}`, `[]`, `"s"`, `{}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if !json.Valid(body) {
			return
		}
		_, isObj := field(body, "")
		want, ok := structID(body)
		if !isObj {
			return // a non-object is refused before any lookup
		}
		if !ok {
			return // a type the struct cannot hold: the recipe reads raw
		}
		got := lookup(body, "id")
		if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
			t.Errorf("lookup(%q) = %q, encoding/json = %q", body, got, want)
		}
	})
}

func TestVerifyRecipe_refusesWithTheKindsItDocuments(t *testing.T) {
	rc := &VerifyRecipe{Algorithm: "hmac-sha256", KeyPath: "k", SignatureHeader: "X-Sig",
		Signed:          []SignedPart{{Kind: "timestamp"}, {Kind: "literal", Value: "."}, {Kind: "body"}},
		TimestampHeader: "X-Ts", TimestampFormat: "unix", Tolerance: time.Minute,
		EventTypePath: "type", EventTypes: map[string]string{"created": "ticket.created"},
		TicketIDPath: "ticket.id", SignatureEncoding: "hex", SignaturePrefix: "v1="}
	if err := rc.Validate(); err != nil {
		t.Fatal(err)
	}
	key := []byte("k3y")
	now := time.Unix(1_800_000_000, 0)
	signedReq := func(body string, at time.Time) VerifyRequest {
		h := http.Header{}
		h.Set("X-Ts", itoa(at.Unix()))
		h.Set("X-Sig", rc.Sign(key, h, []byte(body)))
		return VerifyRequest{Headers: h, Body: []byte(body), Now: now}
	}
	good := `{"type":"created","ticket":{"id":"T-1"}}`
	evs, err := rc.Verify(key, signedReq(good, now))
	if err != nil || len(evs) != 1 || evs[0].TicketID != "T-1" || evs[0].Type != "ticket.created" || evs[0].ReplayKey == "" {
		t.Fatalf("genuine: %+v, %v", evs, err)
	}
	if !evs[0].SignedAt.Equal(now) {
		t.Errorf("genuine: SignedAt %s, want the signed timestamp %s", evs[0].SignedAt, now)
	}
	tampered := signedReq(good, now)
	tampered.Body = append(tampered.Body, ' ')
	for _, tc := range []struct {
		name string
		req  VerifyRequest
		want ErrorKind
	}{
		{"tampered body", tampered, KindRejected},
		{"stale", signedReq(good, now.Add(-2*time.Minute)), KindRejected},
		{"unknown event type", signedReq(`{"type":"deleted","ticket":{"id":"1"}}`, now), KindMalformed},
		{"no ticket id", signedReq(`{"type":"created"}`, now), KindMalformed},
		{"not an object", signedReq(`[1]`, now), KindMalformed},
		{"not JSON", signedReq(`{"type":`, now), KindMalformed},
		{"no signature", VerifyRequest{Headers: http.Header{}, Body: []byte(good), Now: now}, KindRejected},
	} {
		if _, err := rc.Verify(key, tc.req); KindOf(err) != tc.want {
			t.Errorf("%s: %v (kind %s), want kind %s", tc.name, err, KindOf(err), tc.want)
		}
	}
	if _, err := rc.Key(InstallState{Data: []byte(`{"k":""}`)}); err == nil {
		t.Error("an empty key was accepted")
	}
	if k, err := rc.Key(InstallState{Data: []byte(`{"k":"k3y","other":1}`)}); err != nil || string(k) != "k3y" {
		t.Errorf("Key = %q, %v", k, err)
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}
