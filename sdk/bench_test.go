package sdk_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/sdk"
)

// BenchmarkClient_describeRoundTrip measures one small call from the host to
// a real plugin process over go-plugin's gRPC with mTLS. It reports
// percentiles because the gateway cares about the tail, not just the mean.
func BenchmarkClient_describeRoundTrip(b *testing.B) {
	c, err := sdk.NewClient(context.Background(), sdk.ClientConfig{Path: fakePlugin(b)})
	if err != nil {
		b.Fatalf("NewClient: %v", err)
	}
	defer c.Kill()
	p, ctx := c.Platform(), context.Background()
	if _, err := p.Describe(ctx, nil); err != nil { // warm the connection
		b.Fatal(err)
	}
	var took []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		start := time.Now()
		if _, err := p.Describe(ctx, nil); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	pct := func(q float64) float64 {
		return float64(took[int(q*float64(len(took)-1))].Nanoseconds()) / 1e3
	}
	b.ReportMetric(pct(0.50), "p50-µs")
	b.ReportMetric(pct(0.99), "p99-µs")
}
