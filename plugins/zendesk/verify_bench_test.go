package zendesk_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/testbin"
	"github.com/sigsentry/deskgate/plugins/zendesk"
	"github.com/sigsentry/deskgate/sdk"
)

// benchDelivery is a signed delivery and the install state that verifies it.
func benchDelivery() (sdk.InstallState, http.Header, []byte) {
	const secret = "bench-signing-secret"
	body := []byte(`{"ticket_id":"123456","created_at":"2026-11-27T10:00:00Z","event":"ticket.created"}`)
	ts := time.Now().UTC().Format(time.RFC3339)
	h := http.Header{}
	h.Set(zendesk.HeaderSignature, zendesk.Sign(secret, ts, body))
	h.Set(zendesk.HeaderTimestamp, ts)
	h.Set(zendesk.HeaderInvocationID, "01HBENCH")
	h.Set("Content-Type", "application/json")
	st := sdk.InstallState{Data: []byte(`{"webhook_id":"01H","trigger_id":"9","signing_secret":"` + secret + `","subdomain":"acme"}`)}
	return st, h, body
}

// reportPercentiles adds p50 and p99 of took to the benchmark's output.
func reportPercentiles(b *testing.B, took []time.Duration) {
	slices.Sort(took)
	pct := func(q float64) float64 { return float64(took[int(q*float64(len(took)-1))].Nanoseconds()) / 1e3 }
	b.ReportMetric(pct(0.50), "p50-µs")
	b.ReportMetric(pct(0.99), "p99-µs")
}

// BenchmarkVerify_roundTrip measures one Verify of a signed delivery from
// the host to the real plugin process over go-plugin's gRPC (mTLS), one
// call at a time: the per-delivery cost the recipe takes off the hot path.
func BenchmarkVerify_roundTrip(b *testing.B) {
	c, err := sdk.NewClient(context.Background(), sdk.ClientConfig{Path: testbin.Path(b, "deskgate-plugin-zendesk")})
	if err != nil {
		b.Fatalf("NewClient: %v", err)
	}
	defer c.Kill()
	st, h, body := benchDelivery()
	p, ctx := c.Platform(), context.Background()
	req := sdk.VerifyRequest{State: st, Headers: h, Body: body, Now: time.Now()}
	if _, err := p.Verify(ctx, req); err != nil { // warm the connection
		b.Fatal(err)
	}
	var took []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		if _, err := p.Verify(ctx, req); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	reportPercentiles(b, took)
}

// BenchmarkVerify_recipeInProcess measures the same check done by the
// gateway with the plugin's declared recipe.
func BenchmarkVerify_recipeInProcess(b *testing.B) {
	d, err := zendesk.New().Describe(context.Background(), nil)
	if err != nil {
		b.Fatal(err)
	}
	rc := d.VerifyRecipe
	st, h, body := benchDelivery()
	key, err := rc.Key(st)
	if err != nil {
		b.Fatal(err)
	}
	req := sdk.VerifyRequest{State: st, Headers: h, Body: body, Now: time.Now()}
	var took []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		if _, err := rc.Verify(key, req); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	reportPercentiles(b, took)
}
