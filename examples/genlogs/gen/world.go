package gen

import (
	"encoding/json"
	"fmt"
	"time"
)

// worldJSON is the "logs" object of examples/tickets/project.json.
type worldJSON struct {
	Seed      uint64    `json:"seed"`
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
	Scale     float64   `json:"scale"`
	Incidents []struct {
		Service   string    `json:"service"`
		Start     time.Time `json:"start"`
		Duration  string    `json:"duration"`
		FailRate  float64   `json:"fail_rate"`
		Status    int       `json:"status"`
		Message   string    `json:"message"`
		Level     string    `json:"level"`
		Traffic   float64   `json:"traffic"`
		SlowShare float64   `json:"slow_share"`
	} `json:"incidents"`
}

// ParseWorld reads a world spec (the JSON "logs" object of the labeled
// set) for the checkout services.
func ParseWorld(data []byte) (Spec, error) {
	var w worldJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return Spec{}, fmt.Errorf("parse log world: %w", err)
	}
	if w.Scale == 0 {
		w.Scale = 1
	}
	spec := Spec{Seed: w.Seed, From: w.From, To: w.To, Services: CheckoutServices(w.Scale), Diurnal: true}
	for i, in := range w.Incidents {
		d, err := time.ParseDuration(in.Duration)
		if err != nil {
			return Spec{}, fmt.Errorf("parse log world: incident %d duration: %w", i, err)
		}
		spec.Incidents = append(spec.Incidents, Incident{
			Service: in.Service, Start: in.Start, Duration: d, FailRate: in.FailRate, Status: in.Status,
			Message: in.Message, Level: in.Level, Traffic: in.Traffic, SlowShare: in.SlowShare,
		})
	}
	return spec, nil
}

// Demo is the demo world (what `go run ./examples/genlogs` writes): an
// ongoing payments incident that began 25 minutes before end, checkout-api
// failing two minutes later because of it, and an earlier, milder search
// slowdown.
func Demo(seed uint64, end time.Time, span time.Duration, scale float64) Spec {
	return Spec{
		Seed:     seed,
		From:     end.Add(-span),
		To:       end,
		Services: CheckoutServices(scale),
		Diurnal:  false,
		Incidents: []Incident{
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
