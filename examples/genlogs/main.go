// Command genlogs writes the demo project's logs: one <service>.jsonl per
// service of the "checkout" project, ending at -end, with an incident in the
// last half hour (payments timing out, checkout-api failing behind it) and
// a smaller search slowdown earlier. `make run` calls it so the demo's
// incident is always recent.
//
//	go run ./examples/genlogs -out examples/logs -end now
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

func main() {
	out := flag.String("out", "examples/logs", "directory to write <service>.jsonl files into")
	end := flag.String("end", "now", `last timestamp: "now" or RFC 3339`)
	hours := flag.Float64("hours", 6, "hours of logs before -end")
	seed := flag.Uint64("seed", 1, "random seed (same seed and end: same bytes)")
	scale := flag.Float64("scale", 1, "traffic multiplier")
	flag.Parse()

	to := time.Now().UTC().Truncate(time.Second)
	if *end != "now" {
		t, err := time.Parse(time.RFC3339, *end)
		if err != nil {
			fmt.Fprintf(os.Stderr, "genlogs: -end: %v\n", err)
			os.Exit(2)
		}
		to = t.UTC()
	}
	spec := DemoSpec(*seed, to, time.Duration(*hours*float64(time.Hour)), *scale)
	n, err := gen.WriteDir(spec, *out)
	if err != nil {
		fmt.Fprintf(os.Stderr, "genlogs: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("genlogs: wrote %d lines to %s/*.jsonl (%s – %s)\n", n, *out,
		spec.From.Format(time.RFC3339), spec.To.Format(time.RFC3339))
	for _, in := range spec.Incidents {
		fmt.Printf("  incident: %-13s from %s for %s, %.0f%% failing\n", in.Service, in.Start.Format("15:04 UTC"), in.Duration, in.FailRate*100)
	}
}

// DemoSpec is the demo world: an ongoing payments incident that began 25
// minutes before end, checkout-api failing two minutes later because of it,
// and an earlier, milder search slowdown.
func DemoSpec(seed uint64, end time.Time, span time.Duration, scale float64) gen.Spec {
	return gen.Spec{
		Seed:     seed,
		From:     end.Add(-span),
		To:       end,
		Services: gen.CheckoutServices(scale),
		Diurnal:  false,
		Incidents: []gen.Incident{
			{Service: "payments", Start: end.Add(-25 * time.Minute), Duration: time.Hour, FailRate: 0.55, Status: 504,
				Message: "processor timeout: acquirer did not respond within 10000ms for ch_{id}"},
			{Service: "payments", Start: end.Add(-24 * time.Minute), Duration: time.Hour, FailRate: 0.05,
				Level: "warn", Message: "retrying charge ch_{id} after timeout (attempt 2/3)"},
			{Service: "checkout-api", Start: end.Add(-23 * time.Minute), Duration: time.Hour, FailRate: 0.4, Status: 502,
				Message: "upstream payments returned 504 for order={n}"},
			{Service: "search", Start: end.Add(-3 * time.Hour), Duration: 30 * time.Minute, FailRate: 0.07, Status: 503,
				Message: "elasticsearch query failed: circuit_breaking_exception [parent] data too large", SlowShare: 0.2},
		},
	}
}
