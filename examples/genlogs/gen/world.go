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
