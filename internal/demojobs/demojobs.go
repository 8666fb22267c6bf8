// Package demojobs sets up, for tests and benchmarks, the assessing the
// ingress bench's jobs do (internal/bench/ingress): the demo config's
// checkout project over 6 h of gen.Demo logs in a temp dir, the bench's
// binding (2 h buffer, auto-analysis at high; the caller adds the custom
// fields it maps, as the pipeline's tests do) and the sandbox's five
// synthetic ticket templates.
package demojobs

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/analysis"
	"github.com/sigsentry/deskgate/gateway/assess"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
	"github.com/sigsentry/deskgate/sdk"
)

// End is where the ingress bench's demo logs end.
var End = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

// Setup is the bench's jobs' world: its configuration (the project alone,
// the binding added by the caller where it needs one), the binding, an
// assessor over that configuration and the tickets.
type Setup struct {
	Config   *config.Config
	Binding  *config.Binding
	Assessor *assess.Assessor
	Tickets  []*sdk.Ticket
}

// New writes the demo logs to a temp dir of tb and sets up the jobs over
// them. name names the binding ("bench" in the ingress bench).
func New(tb testing.TB, name string) *Setup {
	tb.Helper()
	dir := tb.TempDir()
	if _, err := gen.WriteDir(gen.Demo(1, End, 6*time.Hour, 1), dir); err != nil {
		tb.Fatal(err)
	}
	// The checkout project of configs/deskgate.hcl, its log source on dir.
	pc := &config.Project{Name: "checkout", Services: []string{"checkout-api", "payments", "auth", "search", "notifications"},
		Service: map[string]*config.Service{
			"checkout-api":  {Name: "checkout-api", Aliases: []string{"checkout", "cart", "payment page", "place order"}, Core: true},
			"payments":      {Name: "payments", Aliases: []string{"payment", "card", "charge", "refund", "billing"}, Core: true},
			"auth":          {Name: "auth", Aliases: []string{"login", "log in", "sign in", "password", "2fa", "sso"}, Core: true},
			"search":        {Name: "search", Aliases: []string{"search results", "find products"}},
			"notifications": {Name: "notifications", Aliases: []string{"email", "notification", "sms", "push"}},
		},
		LogSources:  []*config.LogSource{{Type: config.LogSourceFile, Name: "app", Paths: []string{filepath.Join(dir, "*.jsonl")}, Format: "jsonl"}},
		MaskSamples: true,
	}
	cfg := &config.Config{Projects: map[string]*config.Project{"checkout": pc}}
	s := &Setup{Config: cfg,
		Binding: &config.Binding{Platform: "zendesk", Name: name, Project: "checkout", PostingMode: "internal",
			AutoAnalyzeThreshold: "high", DefaultTimeBuffer: 2 * time.Hour, Timezone: time.UTC},
		Assessor: assess.New(func() *config.Config { return cfg }, nil)}
	for i := range sandbox.DemoTicketTemplates(End) {
		s.Tickets = append(s.Tickets, s.Ticket(i, "t"+string(rune('0'+i))))
	}
	return s
}

// Ticket is the i-th ticket of the bench's cycle (its templates in turn)
// under id.
func (s *Setup) Ticket(i int, id string) *sdk.Ticket {
	ts := sandbox.DemoTicketTemplates(End)
	in := ts[i%len(ts)]
	return &sdk.Ticket{ID: id, Subject: in.Subject, Description: in.Description,
		Priority: in.Priority, RequesterName: in.RequesterName, CreatedAt: in.CreatedAt.UTC().Truncate(time.Second)}
}

// Unmeasured clears what in r measures its run rather than its findings
// (its time, elapsed, the bytes read from disk, which the parsed-file
// cache changes), so that two runs' reports compare equal.
func Unmeasured(r *analysis.Report) {
	r.Elapsed, r.GeneratedAt, r.Stats.BytesRead = "", time.Time{}, 0
	for i := range r.Sources {
		r.Sources[i].Bytes = 0
	}
}
