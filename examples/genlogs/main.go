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
	spec := gen.Demo(*seed, to, time.Duration(*hours*float64(time.Hour)), *scale)
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
