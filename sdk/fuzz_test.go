package sdk

import (
	"bytes"
	"testing"

	platformv1 "github.com/sigsentry/deskgate/sdk/proto/platform/v1"
	"google.golang.org/protobuf/proto"
)

// FuzzVerifyRequest_fromWire feeds arbitrary bytes to the plugin side of
// Verify, which is where a webhook delivery's headers and body arrive.
func FuzzVerifyRequest_fromWire(f *testing.F) {
	seed, _ := proto.Marshal(verifyRequestToProto(VerifyRequest{
		Headers: map[string][]string{"X-Sig": {"a", "b"}},
		Body:    []byte(`{"id":1}`),
		Now:     created,
	}))
	f.Add(seed)
	f.Add([]byte{})
	f.Add([]byte{0x12, 0xff, 0xff})
	f.Fuzz(func(t *testing.T, raw []byte) {
		var p platformv1.VerifyRequest
		if err := proto.Unmarshal(raw, &p); err != nil {
			return
		}
		r := verifyRequestFromProto(&p)
		back := verifyRequestFromProto(wire(t, verifyRequestToProto(r)))
		if !bytes.Equal(back.Body, r.Body) || len(back.Headers) != len(r.Headers) || !back.Now.Equal(r.Now) {
			t.Errorf("second round trip changed the request: %+v vs %+v", back, r)
		}
	})
}
