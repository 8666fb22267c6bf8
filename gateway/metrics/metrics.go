// Package metrics defines the gateway's Prometheus metrics in one place so
// that every package reports under the same names. It owns no logic: callers
// increment, observe and register.
package metrics

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/sigsentry/deskgate/gateway/queue"
)

// Metrics holds the gateway's collectors. A nil *Metrics is valid and
// records nothing, so packages can be used without it in tests.
type Metrics struct {
	Registry       *prometheus.Registry
	Webhooks       *prometheus.CounterVec   // outcome: accepted, duplicate, rejected, malformed, too_large, unknown_binding, unavailable
	JobDuration    *prometheus.HistogramVec // outcome: done, retry, dead, skipped
	JobRetries     prometheus.Counter
	DeadLetters    prometheus.Counter
	Stages         *prometheus.CounterVec // stage, outcome
	PluginRestarts *prometheus.CounterVec // platform
	TokenRefreshes *prometheus.CounterVec // outcome
}

// New registers every collector on a fresh registry, with the Go and process
// collectors.
func New() *Metrics {
	r := prometheus.NewRegistry()
	m := &Metrics{
		Registry: r,
		Webhooks: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "deskgate_webhooks_total", Help: "Webhook deliveries by outcome.",
		}, []string{"outcome"}),
		JobDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "deskgate_job_duration_seconds",
			Help:    "Time from lease to acknowledgement of a pipeline job, by outcome.",
			Buckets: []float64{.01, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60},
		}, []string{"outcome"}),
		JobRetries: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "deskgate_job_retries_total", Help: "Jobs released for a later retry.",
		}),
		DeadLetters: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "deskgate_dead_letters_total", Help: "Jobs moved to the dead-letter state.",
		}),
		Stages: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "deskgate_stages_total", Help: "Pipeline stages by outcome.",
		}, []string{"stage", "outcome"}),
		PluginRestarts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "deskgate_plugin_restarts_total", Help: "Plugin process restarts after a crash.",
		}, []string{"platform"}),
		TokenRefreshes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "deskgate_token_refreshes_total", Help: "OAuth token refreshes by outcome.",
		}, []string{"outcome"}),
	}
	r.MustRegister(m.Webhooks, m.JobDuration, m.JobRetries, m.DeadLetters, m.Stages, m.PluginRestarts, m.TokenRefreshes,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// RegisterQueue exports the queue's depths as gauges read at scrape time.
func (m *Metrics) RegisterQueue(q queue.Queue) {
	if m == nil {
		return
	}
	m.Registry.MustRegister(&queueCollector{q: q, desc: prometheus.NewDesc(
		"deskgate_queue_depth", "Jobs in the queue by state.", []string{"state"}, nil)})
}

type queueCollector struct {
	q    queue.Queue
	desc *prometheus.Desc
}

func (c *queueCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *queueCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	s, err := c.q.Stats(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	for state, n := range map[string]int{"ready": s.Ready, "delayed": s.Delayed, "leased": s.Leased, "dead": s.Dead} {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n), state)
	}
}

// Webhook counts one delivery outcome.
func (m *Metrics) Webhook(outcome string) {
	if m != nil {
		m.Webhooks.WithLabelValues(outcome).Inc()
	}
}

// Job records one job's processing time and outcome.
func (m *Metrics) Job(outcome string, d time.Duration) {
	if m == nil {
		return
	}
	m.JobDuration.WithLabelValues(outcome).Observe(d.Seconds())
	switch outcome {
	case "retry":
		m.JobRetries.Inc()
	case "dead":
		m.DeadLetters.Inc()
	}
}

// Stage counts one pipeline stage outcome.
func (m *Metrics) Stage(stage, outcome string) {
	if m != nil {
		m.Stages.WithLabelValues(stage, outcome).Inc()
	}
}

// PluginRestart counts a plugin restart.
func (m *Metrics) PluginRestart(platform string) {
	if m != nil {
		m.PluginRestarts.WithLabelValues(platform).Inc()
	}
}

// TokenRefresh counts a token refresh outcome.
func (m *Metrics) TokenRefresh(outcome string) {
	if m != nil {
		m.TokenRefreshes.WithLabelValues(outcome).Inc()
	}
}
