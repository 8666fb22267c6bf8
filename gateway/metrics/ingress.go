package metrics

import "github.com/prometheus/client_golang/prometheus"

// Ingress holds the webhook door's own collectors: how many deliveries are
// being read or verified now, and why deliveries were refused.
type Ingress struct {
	inflight prometheus.Gauge
	refused  *prometheus.CounterVec
}

// NewIngress registers the ingress collectors. On a nil *Metrics it
// returns a nil *Ingress, which records nothing.
func (m *Metrics) NewIngress() *Ingress {
	if m == nil {
		return nil
	}
	in := &Ingress{
		inflight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "deskgate_ingress_inflight_deliveries", Help: "Deliveries whose body is being read or verified now.",
		}),
		refused: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "deskgate_ingress_refused_total",
			Help: "Deliveries refused at the door, by reason: busy (in-flight bound), queue_full_binding, queue_full_total (503); bad_signature (401), malformed, unreadable (400), too_large (413), unknown_binding (404).",
		}, []string{"reason"}),
	}
	m.Registry.MustRegister(in.inflight, in.refused)
	return in
}

// Inflight moves the in-flight gauge by delta.
func (in *Ingress) Inflight(delta float64) {
	if in != nil {
		in.inflight.Add(delta)
	}
}

// Refused counts one refused delivery.
func (in *Ingress) Refused(reason string) {
	if in != nil {
		in.refused.WithLabelValues(reason).Inc()
	}
}
